"""Two desks on the studio's server: what one writes appears on the other's screens within a
second, without pressing anything; a lost connection is shown and recovers by itself."""

from __future__ import annotations

import pytest

from desk.models.enums import PaymentMethod, Role
from desk.services.crm import families
from desk.services.crm.families import FamilyDraft, GuardianDraft
from desk.services.money import amounts, wallet
from desk.services.store.db import Store, make_engine
from desk.services.tasks import tasks
from desk.ui.family_card import FamilyCardView
from desk.ui.main_window import MainWindow

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def other_desk(store, clock):
    """The second PC: its own engine on the same studio database."""
    other = Store(make_engine(store.engine.url), clock=clock)
    yield other
    other.dispose()


def test_the_other_desks_writes_appear_on_the_card_and_today_by_themselves(
        qtbot, ctx, actor, tmp_path, other_desk):
    fam = families.save(ctx.store, actor, FamilyDraft(guardians=(GuardianDraft("Ёлкина Вера"),)))
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.listener.listening.is_set, timeout=10000)
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show()
    card.show_family(fam)
    card.tabs.setCurrentWidget(card.wallet)
    assert card.wallet.balance.text() == f"Balance: {amounts.format_rub(0)}"
    today = window.communicator.today
    rows = today.model.rowCount()

    # the other desk: a payment and a task due now, as its person would enter them
    wallet.top_up(other_desk, actor, fam, 500000, PaymentMethod.CASH)
    tasks.save(other_desk, actor, tasks.TaskDraft("Перезвонить Вере", other_desk.now(), fam,
                                                  assignee_role=Role.COMMUNICATOR))
    qtbot.waitUntil(lambda: card.wallet.balance.text()
                    == f"Balance: {amounts.format_rub(500000)}", timeout=5000)
    qtbot.waitUntil(lambda: today.model.rowCount() == rows + 1, timeout=5000)
    assert window.offline_label.isHidden()


@pytest.mark.logs_warnings  # "no connection to the server", as it should
def test_a_lost_connection_is_shown_and_recovers_by_itself(qtbot, ctx, tmp_path, pg):
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.listener.listening.is_set, timeout=10000)
    with pg.admin.connect() as conn:  # the network drops the listener's connection
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
            f"'{ctx.store.engine.url.database}' AND left(application_name, 5) = 'Desk:'")
    qtbot.waitUntil(window.offline_label.isVisible, timeout=5000)
    assert "No connection to the studio's server" in window.offline_label.text()
    qtbot.waitUntil(window.offline_label.isHidden, timeout=10000)


def test_the_status_bar_shows_who_else_is_connected(qtbot, ctx, tmp_path, monkeypatch, russian):
    from desk.services.store import desks, live

    monkeypatch.setattr(live, "PRESENCE_S", 0.1)
    supervisor = Store(make_engine(ctx.store.engine.url), read_only=True)
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.listener.listening.is_set, timeout=10000)
    assert window.desks_label.isHidden()
    other = live.Listener(supervisor, lambda _k: None,
                          name=desks.application_name("office-2 (Ирина Соколова)", True))
    other.start()
    try:
        qtbot.waitUntil(window.desks_label.isVisible, timeout=5000)
        assert window.desks_label.text() == \
            "Ещё подключены: office-2 (Ирина Соколова), только чтение"
    finally:
        other.stop()
        supervisor.dispose()
    qtbot.waitUntil(window.desks_label.isHidden, timeout=5000)


def test_the_communicator_on_a_call_on_pc1_the_system_person_on_pc2_sees_the_banner(
        qtbot, store, staff, clock, tmp_path, other_desk):
    """The two-person promise across PCs: PC 1's Communicator takes a call; a client writes;
    PC 2 (the System person's window, its own connection) shows the red banner by itself."""
    from desk.models.enums import InboxChannel, PresenceState
    from desk.services.calls import presence
    from desk.services.comms import inbox
    from desk.services.staff import studio
    from desk.ui.context import Context, Notifier
    from desk.ui.runner import SyncRunner

    def fail(exc):
        raise exc

    pc2 = Context(store=other_desk, me=staff[Role.SYSTEM], studio=studio.info(other_desk),
                  runner=SyncRunner(fail), notifier=Notifier())
    window = MainWindow(pc2, tmp_path)
    qtbot.addWidget(window)
    window.show()
    communicator = staff[Role.COMMUNICATOR].actor()
    presence.set_state(store, communicator, PresenceState.ON_CALL)  # on PC 1
    inbox.log_incoming(store, communicator, InboxChannel.WHATSAPP, "+7 903 111-22-33",
                       "Здравствуйте, есть места на керамику?")
    clock.advance(seconds=5)
    qtbot.waitUntil(lambda: not window.waiting.isHidden(), timeout=5000)
    assert window.waiting.label.text().startswith(
        f"{staff[Role.COMMUNICATOR].name} is on a call, please answer")
