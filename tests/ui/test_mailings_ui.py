"""A mailing through its widgets: the dry run, a saved segment, sending, pause and resume."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.models.enums import InboxChannel, Role
from desk.services.comms import mailings, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.ui.mailings_view import MailingDialog
from desk.ui.workspaces import Workspace
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """The mailings here go through e-mail and Telegram, switched on."""


def add(store, actor, parent, children, email="", marketing=True, born=dt.date(2018, 1, 1)):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(parent, email=email),),
        children=tuple(ChildDraft(c, born) for c in children), consent_marketing=marketing))


def test_a_mailing_to_a_segment_skips_opted_out_and_over_budget_and_merges_siblings(
        qtbot, ctx, actor, clock, monkeypatch):
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
        assert dialog.list.topLevelItemCount() == 3  # one line for Вера's two children
        assert dialog.counts.text() == ("Will get it: 1. Skipped: no consent 1, "
                                        "budget spent 1, no channel 0, channel not set up 0.")
        dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
        assert dialog.text.text() == "Вера, ждём Саша и Маша на керамике!"
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(MailingDialog, "exec", compose)
    view.new_button.click()
    assert [s[1] for s in mailings.segments(ctx.store)] == ["Дети от пяти"]
    assert view.list.topLevelItem(0).text(0) == "Новая группа керамики"
    mailings.step(ctx.store)
    results = {view.recipients.topLevelItem(i).text(0): view.recipients.topLevelItem(i).text(1)
               for i in range(view.recipients.topLevelItemCount())}
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
