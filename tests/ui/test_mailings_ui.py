"""A mailing through its widgets: the dry run, a saved segment, sending, pause and resume."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desk.models.enums import InboxChannel, Role
from desk.services.comms import mailings, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.mailings_view import MailingDialog, MailingsView
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text

DESCENDING, ASCENDING = Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """The mailings here go through e-mail and Telegram, switched on."""


def add(store, actor, parent, children, email="", marketing=True, born=dt.date(2018, 1, 1)):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent, email=email),),
        children=tuple(ChildDraft(c, born) for c in children), consent_marketing=marketing))


def column(view, c: int) -> list[str]:
    model = view.model()
    return [model.index(r, c).data() for r in range(model.rowCount())]


def three_families(store, actor) -> None:
    add(store, actor, "Орлова Ирина", ["Орлов Гоша"], "ira@example.ru")
    add(store, actor, "Ёлкина Вера", ["Ёлкин Саша"], "vera@example.ru")
    add(store, actor, "Демина Ольга", ["Демин Петя"], "olga@example.ru", marketing=False)


def test_a_mailing_to_a_segment_skips_opted_out_and_over_budget_and_merges_siblings(
        qtbot, qtmodeltester, ctx, actor, clock, monkeypatch):
    add(ctx.store, actor, "Ёлкина Вера", ["Ёлкин Саша", "Ёлкина Маша"], "vera@example.ru")
    add(ctx.store, actor, "Демина Ольга", ["Демин Петя"], "olga@example.ru", marketing=False)
    add(ctx.store, actor, "Орлова Ирина", ["Орлов Гоша"], "ira@example.ru",
        born=dt.date(2014, 1, 1))
    add(ctx.store, actor, "Белова Нина", ["Белов Ваня"], "nina@example.ru",
        born=dt.date(2023, 6, 1))  # 2 years old: outside the segment
    mailings.set_budget(ctx.store, actor, 1, 7)
    mailings.start(ctx.store, actor, "Старшим", mailings.Filters(age_from=10), "Привет")
    assert mailings.step(ctx.store) == 1  # Ирина's budget is spent this week

    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.mailings)
    view = space.mailings

    def compose(dialog: MailingDialog):
        type_text(dialog.name, "Новая группа керамики")
        dialog.age_from.setValue(5)
        dialog.save_segment("Дети от пяти")
        type_text(dialog.body, "{parent}, ждём {child} на керамике!")
        dialog.run_preview()
        assert dialog.list.model().rowCount() == 3  # one line for Вера's two children
        qtmodeltester.check(dialog.list.model())
        assert dialog.counts.text() == ("Will get it: 1. Skipped: no consent 1, "
                                        "budget spent 1, no channel 0, channel not set up 0.")
        dialog.list.setCurrentIndex(dialog.list.model().index(0, 0))
        assert dialog.text.text() == "Вера, ждём Саша и Маша на керамике!"
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(MailingDialog, "exec", compose)
    view.new_button.click()
    assert [s[1] for s in mailings.segments(ctx.store)] == ["Дети от пяти"]
    assert view.list.model().index(0, 0).data() == "Новая группа керамики"
    qtmodeltester.check(view.list.model())
    mailings.step(ctx.store)
    results = dict(zip(column(view.recipients, 0), column(view.recipients, 1), strict=True))
    qtmodeltester.check(view.recipients.model())
    assert results == {"Ёлкина Вера": "in the outbox",
                       "Демина Ольга": "skipped: no consent to mailings",
                       "Орлова Ирина": "skipped: contact budget spent"}
    [pending] = [p for p in outbox.pending(ctx.store)
                 if p.text == "Вера, ждём Саша и Маша на керамике!"]
    assert pending.channel is InboxChannel.EMAIL and pending.address == "vera@example.ru"
    view.pause_button.click()
    assert view.pause_button.text() == "Resume"
    assert not any(p.id == pending.id for p in outbox.pending(ctx.store))
    view.pause_button.click()
    mailings.step(ctx.store)
    assert any(p.text.startswith("Вера, ждём") for p in outbox.pending(ctx.store))


def test_the_dry_run_sorts_families_as_a_reader_does_and_shows_the_chosen_familys_text(
        qtbot, qtmodeltester, ctx, actor):
    three_families(ctx.store, actor)
    dialog = MailingDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.body, "{parent}, привет!")
    dialog.run_preview()
    model = dialog.list.model()
    qtmodeltester.check(model)
    grey = {name: model.index(r, 2).data(Qt.ItemDataRole.ForegroundRole)
            for r, name in enumerate(column(dialog.list, 0))}
    assert grey["Демина Ольга"] is not None and grey["Ёлкина Вера"] is None  # skipped: grey

    dialog.list.header().setSortIndicator(0, ASCENDING)  # a click on "Family"
    assert column(dialog.list, 0) == ["Демина Ольга", "Ёлкина Вера", "Орлова Ирина"]  # Ё as Е
    assert column(dialog.list, 2) == ["skipped: no consent to mailings", "will get it",
                                      "will get it"]
    dialog.list.setCurrentIndex(model.index(0, 0))
    assert dialog.text.text() == "Ольга, привет!"  # the text of the row, not of the n-th line
    dialog.list.setCurrentIndex(model.index(1, 0))
    assert dialog.text.text() == "Вера, привет!"
    dialog.list.header().setSortIndicator(0, DESCENDING)
    assert column(dialog.list, 0) == ["Орлова Ирина", "Ёлкина Вера", "Демина Ольга"]
    assert dialog.text.text() == "Вера, привет!"  # the chosen family stays chosen
    dialog.list.setCurrentIndex(model.index(0, 0))
    assert dialog.text.text() == "Ирина, привет!"
    dialog.list.setCurrentIndex(model.index(2, 0))
    assert dialog.text.text() == "Ольга, привет!"
    qtmodeltester.check(model)


def test_mailings_sort_by_when_they_started_and_the_chosen_one_stays_chosen(
        qtbot, qtmodeltester, ctx, actor, clock):
    for name, when in (("Январская", dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)),
                       ("Декабрьская", dt.datetime(2025, 12, 20, 9, 0, tzinfo=dt.UTC)),
                       ("Мартовская", dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.UTC))):
        clock.now = when
        mailings.start(ctx.store, actor, name, mailings.Filters(), "Привет")
    view = MailingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert column(view.list, 0) == ["Мартовская", "Декабрьская", "Январская"]  # newest first
    assert view.selected().name == "Мартовская"
    qtmodeltester.check(view.list.model())

    view.list.header().setSortIndicator(1, ASCENDING)  # a click on "Started"
    # by the moment, not by the text "dd.MM.yyyy HH:MM" (04.03 < 05.01 < 20.12)
    assert column(view.list, 0) == ["Декабрьская", "Январская", "Мартовская"]
    assert column(view.list, 1) == ["20.12.2025 12:00", "05.01.2026 12:00", "04.03.2026 12:00"]
    assert view.selected().name == "Мартовская"
    view.list.setCurrentIndex(view.list.model().index(1, 0))
    assert view.selected().name == "Январская"
    view.refresh()
    assert column(view.list, 0) == ["Декабрьская", "Январская", "Мартовская"]  # still sorted
    assert view.selected().name == "Январская"
    assert view.list.currentIndex().row() == 1
    view.list.header().setSortIndicator(1, DESCENDING)
    assert column(view.list, 0) == ["Мартовская", "Январская", "Декабрьская"]
    assert view.selected().name == "Январская"
    qtmodeltester.check(view.list.model())


def test_the_recipients_of_a_mailing_sort_by_family_as_a_reader_does(
        qtbot, qtmodeltester, ctx, actor):
    three_families(ctx.store, actor)
    mailings.start(ctx.store, actor, "Всем", mailings.Filters(), "Привет")
    view = MailingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.selected().name == "Всем"
    model = view.recipients.model()
    assert model.rowCount() == 3
    qtmodeltester.check(model)

    view.recipients.header().setSortIndicator(0, ASCENDING)  # a click on "Family"
    assert column(view.recipients, 0) == ["Демина Ольга", "Ёлкина Вера", "Орлова Ирина"]
    assert column(view.recipients, 1) == ["skipped: no consent to mailings",
                                          "waiting for its turn", "waiting for its turn"]
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # grey
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    view.recipients.header().setSortIndicator(0, DESCENDING)
    assert column(view.recipients, 0) == ["Орлова Ирина", "Ёлкина Вера", "Демина Ольга"]
    view.refresh()  # new lines keep the chosen order
    assert column(view.recipients, 0) == ["Орлова Ирина", "Ёлкина Вера", "Демина Ольга"]
    qtmodeltester.check(model)
