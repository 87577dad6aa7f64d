"""The feedback register through the real widgets: a message in the inbox → "To feedback"
with tags → the register → accepted → in work → done → the clients told through the loopback
Bot API; a negative item's loop case taken up and closed with a reason; the figures shown."""

from __future__ import annotations

import datetime as dt

from desk.models.enums import Channel, FeedbackTone, InboxChannel, ItemStatus, LoopStatus, Role
from desk.services.comms import channel_settings, inbox, outbox
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import loop, register
from desk.ui.item_dialog import ItemDialog
from desk.ui.loop_view import CloseDialog
from desk.ui.register_view import FeedbackArea, TellDialog
from desk.ui.workspaces import Workspace

TG = InboxChannel.TELEGRAM


def test_a_message_becomes_an_item_that_is_worked_on_and_the_client_told(
        qtbot, ctx, actor, bot, adapter, clock, channels_on, monkeypatch, tmp_path):
    families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша"),), preferred_channel=Channel.TELEGRAM,
        consent_messages=True))
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.inbox)
    view = space.inbox
    bot.client_writes(501, "Жаль, что нет занятий по субботам", username="vera_e",
                      date=clock.now.timestamp())
    inbox.ingest(ctx.store, TG, adapter.fetch(
        channel_settings.cursor(ctx.store, TG, adapter.identity), 0))
    assert view.feedback_button.isEnabled()

    def record(dialog: ItemDialog) -> int:
        assert dialog.quote.toPlainText() == "Жаль, что нет занятий по субботам"
        dialog.quote.setPlainText("")
        dialog._on_accepted()
        assert dialog.error.text() == "Quote what the client said." and dialog.result() == 0
        dialog.quote.setPlainText("Жаль, что нет занятий по субботам")
        dialog.set_tone(FeedbackTone.SUGGESTION)
        dialog.set_tag("Расписание")
        assert dialog.child.count() == 2  # "—" and Саша
        dialog.child.setCurrentIndex(1)
        dialog.needs_answer.setChecked(True)
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", record)
    view.feedback_button.click()
    [row] = register.listing(ctx.store).rows
    assert (row.family, row.child, row.tags, row.tone) == (
        "Ёлкина Вера", "Ёлкин Саша", ("Расписание",), FeedbackTone.SUGGESTION)
    assert row.loop is LoopStatus.OPEN  # it needs an answer

    area = FeedbackArea(ctx)
    qtbot.addWidget(area)
    area.show()
    reg = area.register
    assert reg.model.rowCount() == 1 and reg.shown.text() == "Shown 1 of 1"
    reg.view.setCurrentIndex(reg.model.index(0, 0))
    assert not reg.done_button.isEnabled() and not reg.tell_button.isEnabled()
    reg.accept_button.click()
    reg.work_button.click()
    reg.done_button.click()
    assert reg.model.row_at(0).status is ItemStatus.DONE and reg.tell_button.isEnabled()
    reg.tabs.setCurrentWidget(reg.counts)  # counted when shown
    assert reg.counts.verticalHeaderItem(0).text() == "Расписание"
    assert reg.counts.item(0, 0).text() == "1"
    reg.tabs.setCurrentIndex(0)

    def tell(dialog: TellDialog) -> int:
        dialog.preview_button.click()
        assert dialog.error.text() == "Write the message first."
        dialog.change.setPlainText("С апреля — керамика по субботам в 11:00.")
        dialog.preview_button.click()
        assert dialog.letters.topLevelItemCount() == 1
        assert "Вы говорили нам: «Жаль, что нет занятий" in dialog.letters.topLevelItem(0).text(1)
        dialog.send_button.click()
        assert dialog.result.text() == "Messages queued: 1."
        return 0

    monkeypatch.setattr(TellDialog, "exec", tell)
    reg.tell_button.click()
    xlsx = tmp_path / "реестр"  # the suffix is added
    monkeypatch.setattr(reg, "save_path", lambda suffix: xlsx.with_suffix(suffix))
    reg.export_button.menu().actions()[0].trigger()
    assert reg.shown.text().startswith("Saved 1 items to") and xlsx.with_suffix(".xlsx").exists()
    reg.export_button.menu().actions()[1].trigger()
    assert xlsx.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)
    assert "керамика по субботам" in bot.sent[-1]["text"]
    assert reg.model.row_at(0).status is ItemStatus.TOLD
    assert loop.cases(ctx.store) == []  # telling the family closed its case


def test_a_negative_items_case_is_closed_with_a_reason_and_the_figures_show(
        qtbot, ctx, actor, clock, monkeypatch):
    fid = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демина Ольга"),), children=(ChildDraft("Демин Петя"),)))
    register.record(ctx.store, actor, register.ItemDraft(
        quote="Петю забыли встретить после занятия", tone=FeedbackTone.NEGATIVE,
        family_id=fid))
    clock.now += dt.timedelta(hours=50)  # past the 48 hours
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    line = space.loop_due.line
    assert "waiting for an answer to their feedback: 1 — late: 1" in line.text()
    line.linkActivated.emit("loop")
    assert space.sections.currentWidget() is space.answers
    view = space.answers
    assert view.list.topLevelItemCount() == 1
    assert view.list.topLevelItem(0).foreground(2).color().name() == "#b00020"  # late
    assert "Answered in time: 0%" in view.figures.text()
    view.progress_button.click()
    assert view.list.topLevelItem(0).text(3) == "in progress"

    def close(dialog: CloseDialog) -> int:
        dialog._on_accepted()
        assert "Choose" in dialog.error.text() or "reason" in dialog.error.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("explained"))
        dialog.comment.setPlainText("Извинились, договорились о встрече у дверей")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(CloseDialog, "exec", close)
    view.close_button.click()
    assert view.list.topLevelItemCount() == 0 and line.isHidden()
    assert "To close: 2.1 days" in view.figures.text()  # 50 hours
    assert not view.family_button.isEnabled()


def test_from_the_card_a_typed_note_or_a_chosen_entry_goes_to_feedback(qtbot, ctx, actor,
                                                                       monkeypatch):
    from desk.models.enums import FeedbackSource
    from desk.ui.family_card import FamilyCardView

    fid = families.save(ctx.store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),)))
    families.add_note(ctx.store, actor, fid, "Мама сказала, что педагог очень внимательный")
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show()
    card.show_family(fid)
    seen = []

    def record(dialog: ItemDialog) -> int:
        seen.append((dialog.draft.source, dialog.quote.toPlainText(), dialog.draft.family_id))
        dialog.set_tone(FeedbackTone.POSITIVE)
        dialog.set_tag("Педагог")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", record)
    card.note.setText("Просили фото работ")
    card.feedback_button.click()
    card.note.clear()
    note_row = next(i for i in range(card.timeline.topLevelItemCount())
                    if "внимательный" in card.timeline.topLevelItem(i).text(2))
    card.timeline.setCurrentItem(card.timeline.topLevelItem(note_row))
    card.feedback_button.click()
    assert seen == [(FeedbackSource.NOTE, "Просили фото работ", fid),
                    (FeedbackSource.NOTE, "Мама сказала, что педагог очень внимательный", fid)]
    assert [r.tags for r in register.of_family(ctx.store, fid)] == [("Педагог",)] * 2


def test_the_studio_edits_its_tag_list(qtbot, ctx, actor):
    from desk.ui.feedback_tags import TagsDialog

    dialog = TagsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 8 and dialog.list.item(0).text() == "Педагог"
    dialog.name.setText("  ")
    dialog.add_button.click()
    assert dialog.error.text() == "Enter a name."
    dialog.name.setText("Парковка")
    dialog.add_button.click()
    assert dialog.list.item(dialog.list.count() - 1).text() == "Парковка"
    dialog.name.setText("педагог")
    dialog.add_button.click()
    assert dialog.error.text() == "This name is already used."
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    dialog.archive_button.click()
    assert dialog.list.item(dialog.list.count() - 1).text() == "Парковка (archived)"
    assert "Парковка" not in [t.name for t in register.tags(ctx.store)]
    assert dialog.archive_button.text() == "Bring back"


def test_a_teacher_writing_to_the_bot_is_linked_from_the_inbox(qtbot, ctx, actor, bot, adapter,
                                                              clock, channels_on, monkeypatch):
    from desk.services.schedule import lessons

    teacher = lessons.save_teacher(ctx.store, actor, "Ирина Глинина")
    space = Workspace(ctx, Role.COMMUNICATOR)
    qtbot.addWidget(space)
    space.show()
    space.sections.setCurrentWidget(space.inbox)
    view = space.inbox
    bot.client_writes(888, "Это Ирина, педагог по керамике", date=clock.now.timestamp())
    inbox.ingest(ctx.store, TG, adapter.fetch(
        channel_settings.cursor(ctx.store, TG, adapter.identity), 0))
    assert view.teacher_button.isVisible()
    monkeypatch.setattr(view, "choose_teacher",
                        lambda teachers: next(i for i, n in teachers if n == "Ирина Глинина"))
    view.teacher_button.click()
    register.record(ctx.store, actor, register.ItemDraft(
        quote="Спасибо Ирине за терпение", tone=FeedbackTone.POSITIVE, teacher_id=teacher))
    assert outbox.deliver(ctx.store, {TG: adapter}) == (1, 0)
    assert bot.sent[-1]["chat_id"] == "888" and "терпение" in bot.sent[-1]["text"]
