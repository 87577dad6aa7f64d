"""The inbox through its widgets, with Telegram served by the loopback Bot API."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt

from desk.models.comms import InboxChannel
from desk.models.studio import Role
from desk.services import channel_settings, families, inbox, leads, outbox
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.channels_dialog import ChannelsDialog
from desk.ui.inbox_queue import AMBER, GREEN, RED, QueueModel
from desk.ui.inbox_view import LogMessageDialog
from desk.ui.main_window import MainWindow
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text

TG = InboxChannel.TELEGRAM


def receive(store, adapter) -> None:
    inbox.ingest(store, TG, adapter.fetch(channel_settings.cursor(store, TG), 0))


def open_inbox(qtbot, ctx):
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.inbox)
    return space.inbox


def wait_cell(view):
    index = view.model.index(0, QueueModel.COL_WAIT)
    return (view.model.data(index),
            view.model.data(index, Qt.ItemDataRole.ForegroundRole).color())


def test_a_telegram_message_is_answered_and_its_response_time_stored(
        qtbot, ctx, actor, bot, adapter, clock):
    fid = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"),)))
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Есть места в субботу?", username="vera_e",
                      date=clock.now.timestamp())
    receive(ctx.store, adapter)
    ctx.notifier.changed.emit("inbox")
    assert view.model.rowCount() == 1
    assert "Ёлкина Вера" in view.title.text()
    clock.advance(seconds=12)
    view.tick()
    assert wait_cell(view) == ("0:12", GREEN)
    assert "Есть места в субботу?" in view.history.item(0).text()
    clock.advance(seconds=30)  # 42 s: the holding reply is offered
    view.tick()
    assert wait_cell(view) == ("0:42", AMBER)
    assert "font-weight" in view.holding_button.styleSheet()
    type_text(view.text, "Да, в 12:00 есть два места")
    view.send_button.click()
    assert view.text.toPlainText() == ""
    assert view.model.data(view.model.index(0, QueueModel.COL_WAIT)) == "✓"
    assert inbox.conversation(ctx.store, view.current.id).waiting_since is None
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)
    assert bot.sent[0]["text"] == "Да, в 12:00 есть два места"
    ctx.notifier.changed.emit("inbox")
    assert "✓" in view.history.item(1).text()
    day = inbox.stats(ctx.store, clock.now.date(), clock.now.date()).days[0]
    assert (day.responses, day.first_response_avg_s, day.within_promise) == (1, 42, 1)
    with qtbot.waitSignal(view.family_requested) as opened:
        view.family_button.click()
    assert opened.args == [fid]


def test_the_holding_reply_is_one_click_and_red_after_a_minute(qtbot, ctx, bot, adapter,
                                                               clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Здравствуйте", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    ctx.notifier.changed.emit("inbox")
    clock.advance(seconds=61)
    view.tick()
    assert wait_cell(view)[1] == RED
    view.holding_button.click()
    outbox.deliver(ctx.store, {TG: adapter})
    assert bot.sent[0]["text"].startswith("Здравствуйте! Мы увидели")
    assert not view.holding_button.isEnabled()


def test_a_message_composed_at_23_says_when_it_goes_and_waits_for_8(qtbot, ctx, bot, adapter,
                                                                     clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Вопрос про оплату", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    clock.now = dt.datetime(2026, 3, 4, 20, 0, tzinfo=dt.timezone.utc)  # 23:00 Moscow
    ctx.notifier.changed.emit("inbox")
    assert not view.ongoing.isChecked()  # the client wrote hours ago
    assert view.when.text() == "Goes at 05.03.2026 08:00"
    type_text(view.text, "Оплатить можно картой на месте")
    view.send_button.click()
    assert outbox.deliver(ctx.store, {TG: adapter}) == (0, 0)
    assert "08:00" in view.history.item(1).text()
    assert "Waiting to go: 1" in view.status.text()
    clock.now = dt.datetime(2026, 3, 5, 5, 0, tzinfo=dt.timezone.utc)
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)


def test_an_empty_answer_is_refused_beside_the_box(qtbot, ctx, bot, adapter, clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "?", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    ctx.notifier.changed.emit("inbox")
    view.send_button.click()
    assert view.error.text() == "Write the message first."
    assert outbox.pending(ctx.store) == []


def test_a_canned_reply_asks_for_what_the_desk_cannot_know(qtbot, ctx, actor, bot, adapter,
                                                           clock, monkeypatch):
    families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкина Маша"))))
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Хотим на пробное", username="vera_e", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    ctx.notifier.changed.emit("inbox")
    asked = []
    answers = {"direction": "Керамика", "date": "в субботу в 12:00"}

    def ask(name):
        asked.append(name)
        return answers[name], True

    monkeypatch.setattr(view, "ask_value", ask)
    view.template.setCurrentIndex(view.template.findData("reply.trial"))
    view.template.activated.emit(view.template.currentIndex())
    assert asked == ["date", "direction"]
    assert view.text.toPlainText().startswith(
        "Вера, будем рады видеть Саша и Маша на пробном занятии «Керамика» в субботу в 12:00.")


def test_close_asks_resolved_and_the_closed_list_keeps_it(qtbot, ctx, bot, adapter, clock):
    view = open_inbox(qtbot, ctx)
    bot.client_writes(501, "Спасибо!", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    ctx.notifier.changed.emit("inbox")
    view.close_conversation(resolved=True)
    assert view.model.rowCount() == 0
    view.show_box.setCurrentIndex(view.show_box.findData("closed"))
    assert view.model.rowCount() == 1
    day = inbox.stats(ctx.store, clock.now.date(), clock.now.date()).days[0]
    assert (day.closed, day.resolved) == (1, 1)


def test_a_message_written_down_by_hand_becomes_a_lead_then_a_family(qtbot, ctx, monkeypatch):
    view = open_inbox(qtbot, ctx)

    def fill(dialog):
        dialog.channel.setCurrentIndex(dialog.channel.findData(InboxChannel.WHATSAPP))
        type_text(dialog.address, "8 912 000-11-22")
        type_text(dialog.name, "Ольга")
        dialog._on_accepted()
        assert dialog.error.text() == "Write the message first."
        type_text(dialog.text, "Есть ли скидка для двоих?")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(LogMessageDialog, "exec", fill)
    view.log_button.click()
    assert view.current is not None and view.current.lead_id is not None
    assert leads.get(ctx.store, view.current.lead_id).phone == "+79120001122"
    assert view.new_family_button.isVisible() and not view.family_button.isVisible()
    fid = families.save(ctx.store, ctx.actor, FamilyDraft(
        guardians=(GuardianDraft("Ольга Петрова"),), children=(ChildDraft("Петя"),)))
    view.link(fid)
    assert view.current.family_id == fid and view.family_button.isVisible()


def test_the_window_shows_the_longest_wait_and_a_banner_from_40_seconds(
        qtbot, ctx, bot, adapter, clock):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    bot.client_writes(501, "Алло", first_name="Ольга", date=clock.now.timestamp())
    receive(ctx.store, adapter)
    clock.advance(seconds=20)
    window.check_waiting()
    assert window.windowTitle().startswith("⏱ 0:20")
    assert window.tabs.tabText(window.TAB_COMMUNICATOR).endswith("0:20")
    assert window.waiting.isHidden()
    clock.advance(seconds=25)
    window.check_waiting()
    assert not window.waiting.isHidden() and "0:45" in window.waiting.label.text()
    window.waiting.button.click()
    assert window.tabs.currentIndex() == window.TAB_COMMUNICATOR
    assert window.communicator.inbox.current.name == "Ольга"


def test_channel_settings_keep_the_token_in_the_keyring_and_test_the_bot(
        qtbot, ctx, bot, db_path, memory_keyring):
    dialog = ChannelsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.tg_enabled.setChecked(True)
    dialog._on_accepted()
    assert dialog.error.text() == "Paste the bot's token from @BotFather."
    dialog.tg_url.setText(bot.url)
    type_text(dialog.tg_token, bot.token)
    dialog.test_telegram()
    assert dialog.tg_result.text() == "Connected: @studio_bot"
    dialog._on_accepted()
    assert dialog.result() == 1
    assert memory_keyring.get_password("desk", "telegram.token") == bot.token
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
    assert bot.token.encode() not in raw
    assert set(channel_settings.adapters(ctx.store)) == {TG}
    with sqlite3.connect(db_path) as con:
        assert bot.token not in str(con.execute("select * from audit_entry").fetchall())


def test_response_times_per_day_and_person(qtbot, ctx, actor, bot, adapter, clock):
    for chat, wait in ((1, 30), (2, 90)):
        bot.client_writes(chat, "Вопрос", date=clock.now.timestamp())
        receive(ctx.store, adapter)
        row = next(r for r in inbox.queue(ctx.store) if r.address == str(chat))
        clock.advance(seconds=wait)
        inbox.reply(ctx.store, actor, row.id, inbox.ReplyDraft("Ответ"))
        inbox.close(ctx.store, actor, row.id, resolved=chat == 1)
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.responses)
    view = space.responses
    assert "50% of 2" in view.summary.text() and "FCR): 50%" in view.summary.text()
    day = view.days.topLevelItem(0)
    assert [day.text(i) for i in range(1, 7)] == ["2", "50%", "1:00", "1:00", "2", "50%"]
    assert view.people.topLevelItem(0).text(0) == "Анна Соколова"
