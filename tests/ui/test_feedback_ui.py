"""First feedback through the real widgets: the lesson ends → Today's line → the words and a
voice note recorded → the copywriter's text → the message previewed and sent through the
loopback Bot API (text and voice) → the family card's Feedback tab."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desk.models.enums import Channel, FeedbackStatus, InboxChannel, Role
from desk.services.comms import outbox, templates
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import requests
from desk.services.schedule import enrolment, lessons
from desk.services.store.changes import Change
from tests.chats import wrote_to_bot
from desk.ui.family_card import FamilyCardView
from desk.ui.feedback_dialogs import MessageDialog
from desk.ui.template_dialog import TemplateDialog
from desk.ui.workspaces import Workspace
from tests.weeks import attend_weekly

MSK = dt.timezone(dt.timedelta(hours=3))
LESSON = dt.datetime(2026, 3, 5, 17, tzinfo=MSK)


@pytest.fixture
def first_timer(ctx, actor, channels_on):
    """Саша's first ceramics lesson on Thursday; the family is on Telegram (chat 501)."""
    store = ctx.store
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(ceramics.id, LESSON,
                                                                   teacher_id=teacher))
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),), children=(ChildDraft("Ёлкин Саша"),),
        preferred_channel=Channel.TELEGRAM, consent_messages=True))
    wrote_to_bot(store, fid, "501")
    child = families.card(store, fid).draft.children[0].id
    enrolment.enrol(store, actor, lesson, fid, [child])
    return fid


def system_desk(qtbot, ctx):
    space = Workspace(ctx, Role.SYSTEM)
    qtbot.addWidget(space)
    space.show()
    return space


def test_the_first_feedback_from_the_lesson_to_the_parent(qtbot, ctx, actor, clock, first_timer,
                                                          bot, adapter, tmp_path, monkeypatch):
    space = system_desk(qtbot, ctx)
    assert space.feedback_due.line.isHidden()  # the lesson is still to come
    clock.now = dt.datetime(2026, 3, 6, 19, tzinfo=MSK)  # the lesson ended yesterday 18:30
    ctx.notifier.announce({Change.SCHEDULE})
    due = space.feedback_due.line
    assert due.isVisible() and "Feedback due: 1 (Ёлкин Саша) — late: 1" in due.text()
    assert "#b00020" in due.text()  # red: more than 24 hours since the lesson
    due.linkActivated.emit("feedback")
    assert space.sections.currentWidget() is space.feedback
    view = space.feedback
    assert view.selected().child == "Ёлкин Саша"
    assert view.list.topLevelItem(0).foreground(1).color().name() == "#b00020"
    assert "Late: was due by" in view.due.text()
    assert not view.compose_button.isEnabled()  # nothing recorded yet

    view.save_button.click()  # nothing to save: said beside the field
    assert view.error.text() == "Write the teacher's words or attach a voice note first."
    wav = tmp_path / "запись.wav"
    wav.write_bytes(b"RIFF")
    monkeypatch.setattr(view.audio, "choose_audio", lambda: wav)
    view.audio.attach_button.click()
    assert view.error.text() == "Attach a voice note as .ogg, .opus, .mp3 or .m4a."
    voice = tmp_path / "голос.ogg"
    voice.write_bytes(b"OggS" + b"\x01" * 100)
    monkeypatch.setattr(view.audio, "choose_audio", lambda: voice)
    view.audio.attach_button.click()
    assert view.audio.label.text() == "Voice note: голос.ogg (not saved yet)"
    view.words.setPlainText("саша молодец слепил чашку")
    view.to_copywriter.setChecked(True)
    space.activateWindow()
    qtbot.waitUntil(space.isActiveWindow)
    view.words.setFocus()
    qtbot.keyClick(view.words, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.list.topLevelItem(0).text(4) == "with the copywriter · late"
    assert view.copywriter.isVisible() and view.audio.label.text() == "Voice note: голос.ogg"
    assert not view.compose_button.isEnabled()
    view.copy_words_button.click()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == "саша молодец слепил чашку"
    view.edited.setPlainText("Саша с первых минут увлёкся и слепил свою первую чашку.")
    view.edited_button.click()
    assert view.selected().status is FeedbackStatus.READY
    assert view.compose_button.isEnabled()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.audio.play_button.click()
    assert opened and opened[0].toLocalFile().endswith("голос.ogg")
    with open(opened[0].toLocalFile(), "rb") as played:
        assert played.read() == voice.read_bytes()

    def send(dialog: MessageDialog) -> int:
        assert "Goes by Telegram (501)" in dialog.route.text()
        assert "The voice note follows the text." in dialog.route.text()
        assert not dialog.copy_button.isVisibleTo(dialog)
        text = dialog.text.toPlainText()
        assert "Ирина Глинина: Саша с первых минут увлёкся" in text
        dialog.text.setPlainText(text + "\nДо встречи в четверг!")
        dialog.send_button.click()
        return dialog.result()

    monkeypatch.setattr(MessageDialog, "exec", send)
    view.words.setFocus()
    qtbot.keyClick(view.words, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert outbox.deliver(ctx.store, {InboxChannel.TELEGRAM: adapter}) == (2, 0)
    assert [m["method"] for m in bot.sent] == ["sendMessage", "sendVoice"]
    assert bot.sent[0]["text"].endswith("До встречи в четверг!")
    assert view.list.topLevelItemCount() == 0 and space.feedback_due.line.isHidden()
    view.shown.setCurrentIndex(1)  # sent in the last 30 days
    assert view.list.topLevelItem(0).text(4) == "sent"
    assert view.sent.isVisible() and not view.save_button.isEnabled()

    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show()
    card.show_family(first_timer)
    card.tabs.setCurrentWidget(card.feedback)
    shown = card.feedback.text.toPlainText()
    assert "саша молодец слепил чашку" in shown and "After the copywriter:" in shown
    assert "До встречи в четверг!" in shown and "Voice note: голос.ogg" in shown
    assert card.feedback.play_button.isEnabled()
    card.tabs.setCurrentIndex(0)
    assert any("отправлена родителю (Telegram)" in card.timeline.topLevelItem(i).text(2)
               for i in range(card.timeline.topLevelItemCount()))


def test_a_whatsapp_family_gets_the_text_copied_and_marked_sent(qtbot, ctx, actor, clock,
                                                                first_timer, monkeypatch):
    import dataclasses

    draft = families.card(ctx.store, first_timer).draft
    families.save(ctx.store, actor, dataclasses.replace(draft,
                                                        preferred_channel=Channel.WHATSAPP))
    clock.now = dt.datetime(2026, 3, 5, 19, tzinfo=MSK)
    space = system_desk(qtbot, ctx)
    assert "#b00020" not in space.feedback_due.line.text()  # due, not late yet
    space.sections.setCurrentWidget(space.feedback)
    view = space.feedback
    view.words.setPlainText("Саша очень старался.")
    view.save_button.click()

    def copy_and_mark(dialog: MessageDialog) -> int:
        assert "prefers WhatsApp" in dialog.route.text()
        assert not dialog.send_button.isVisibleTo(dialog)
        dialog.copy_button.click()
        dialog.mark_button.click()
        return dialog.result()

    monkeypatch.setattr(MessageDialog, "exec", copy_and_mark)
    view.compose_button.click()
    from PySide6.QtGui import QGuiApplication
    assert "Саша очень старался." in QGuiApplication.clipboard().text()
    assert requests.of_family(ctx.store, first_timer)[0].status is FeedbackStatus.SENT
    assert outbox.pending(ctx.store) == []


def test_the_template_and_the_deadline_are_the_studios(qtbot, ctx, actor, clock, first_timer,
                                                      monkeypatch):
    from desk.ui.feedback_dialogs import DeadlinesDialog

    space = system_desk(qtbot, ctx)
    space.sections.setCurrentWidget(space.feedback)
    view = space.feedback

    def edit(dialog: TemplateDialog) -> int:
        dialog.body.setPlainText("{parent}, {words} {oops}")
        dialog._on_accepted()
        assert "{oops}" in dialog.error.text() and dialog.result() == 0
        dialog.body.setPlainText("{parent}! Педагог {teacher}: {words}")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", edit)
    view.template_button.click()
    assert templates.get(ctx.store, requests.TEMPLATE) == "{parent}! Педагог {teacher}: {words}"

    def hours(dialog: DeadlinesDialog) -> int:
        dialog.hours.setValue(48)
        dialog.days.setValue(10)
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(DeadlinesDialog, "exec", hours)
    view.hours_button.click()
    assert (ctx.studio.feedback_hours, ctx.studio.second_feedback_days) == (48, 10)
    clock.now = dt.datetime(2026, 3, 7, 12, tzinfo=MSK)  # 42 hours after the lesson
    ctx.notifier.announce({Change.SCHEDULE})
    assert view.list.topLevelItem(0).text(4) == "waiting for the teacher"
    view.words.setPlainText("Умница")
    view.save_button.click()
    composed = requests.compose(ctx.store, view.selected().id)
    assert composed.text == "Вера! Педагог Ирина Глинина: Умница"



def test_a_stage_crossing_goes_to_the_head_teacher_and_their_answer_closes_it(
        qtbot, ctx, actor, clock, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinter

    from desk.ui.feedback_dialogs import BriefDialog

    store = ctx.store
    head = lessons.save_teacher(store, actor, "Олег Главный", head=True)
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 916 000-11-22"),),
        children=(ChildDraft("Ёлкин Саша"),), legend="Любит глину"))
    child = families.card(store, fid).draft.children[0].id
    attend_weekly(store, actor, fid, child, 8)
    space = system_desk(qtbot, ctx)
    space.sections.setCurrentWidget(space.feedback)
    view = space.feedback
    second_row = next(i for i, r in enumerate(view.rows) if r.stage == 8)
    view.list.setCurrentItem(view.list.topLevelItem(second_row))
    assert view.list.topLevelItem(second_row).text(2) == "second · 8–20 lessons"
    assert view.brief_button.isVisible() and not view.compose_button.isVisible()
    assert not view.to_copywriter.isVisible() and view.save_button.text() == "Record and close"
    pdf = tmp_path / "brief.pdf"

    def to_pdf(_dialog):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    def handle(dialog: BriefDialog) -> int:
        assert "О семье: Любит глину" in dialog.text.toPlainText()
        assert dialog.teacher.currentText() == "Олег Главный"
        assert not dialog.send_button.isEnabled()  # he has not written to the bot
        assert "not written to the studio's bot" in dialog.send_button.toolTip()
        dialog.copy_button.click()
        dialog.print_button.click()
        dialog.hand_button.click()
        return dialog.result()

    monkeypatch.setattr(BriefDialog, "printer", to_pdf)
    monkeypatch.setattr(BriefDialog, "exec", handle)
    view.brief_button.click()
    assert "+7 916 000-11-22" in QGuiApplication.clipboard().text()
    printed = " ".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Вторая обратная связь: Ёлкин Саша" in printed and "Любит глину" in printed
    assert view.selected().stage == 8 and view.selected().teacher == "Олег Главный"
    assert view.list.currentItem().text(4) == "with the head teacher"
    assert "With the head teacher Олег Главный since" in view.heading.text()
    view.words.setPlainText("Мама довольна, хотят готовиться к выставке")
    view.save_button.click()
    assert all(r.stage != 8 for r in view.rows)  # closed: off the waiting list
    card = FamilyCardView(ctx)
    qtbot.addWidget(card)
    card.show()
    card.show_family(fid)
    card.tabs.setCurrentWidget(card.feedback)
    items = [card.feedback.list.topLevelItem(i) for i in range(card.feedback.list.topLevelItemCount())]
    assert [i.text(4) for i in items if i.text(2) == "second · 8–20 lessons"] == ["recorded"]
    card.feedback.list.setCurrentItem(next(i for i in items if i.text(2) == "second · 8–20 lessons"))
    assert "The head teacher's feedback:\nМама довольна" in card.feedback.text.toPlainText()
    assert head


def test_a_camp_batch_with_siblings_in_one_message(qtbot, ctx, actor, clock, channels_on,
                                                   bot, adapter, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from desk.models.enums import Mark
    from desk.services.feedback import camp
    from desk.services.schedule import attendance
    from desk.ui.camp_feedback import CampDialog, CampSendDialog

    store = ctx.store
    city = next(d for d in lessons.directions(store) if d.name == "Городской лагерь")
    day = lessons.save_lesson(store, actor, lessons.LessonDraft(
        city.id, dt.datetime(2026, 3, 2, 10, tzinfo=MSK)))
    elkiny = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкина Маша")),
        preferred_channel=Channel.TELEGRAM, consent_messages=True))
    deminy = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демина Ольга"),), children=(ChildDraft("Демин Петя"),),
        preferred_channel=Channel.VK, consent_messages=True))
    wrote_to_bot(store, elkiny, "501")
    for fid in (elkiny, deminy):
        kids = [c.id for c in families.card(store, fid).draft.children]
        for e in enrolment.enrol(store, actor, day, fid, kids):
            attendance.mark(store, actor, e, Mark.ATTENDED)
    space = system_desk(qtbot, ctx)
    space.sections.setCurrentWidget(space.feedback)
    dialogs = []
    monkeypatch.setattr(CampDialog, "exec", lambda d: dialogs.append(d) or 0)
    space.feedback.camp_button.click()
    [dialog] = dialogs
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Городской лагерь" in dialog.camp.currentText()
    assert "recorded 0 of 3" in dialog.camp.currentText()
    assert [dialog.roster.topLevelItem(i).text(0) for i in range(3)] == [
        "Демин Петя", "Ёлкин Саша", "Ёлкина Маша"]
    dialog.save_button.click()  # nothing typed: said beside the field
    assert dialog.error.text() == "Write the teacher's words or attach a voice note first."
    for words in ("Петя помогал младшим", "Саша строил плот"):
        dialog.words.setPlainText(words)
        dialog.save_button.click()  # and on to the next child
    assert dialog.selected().child == "Ёлкина Маша"
    voice = tmp_path / "маша.ogg"
    voice.write_bytes(b"OggS" + b"\0" * 50)
    monkeypatch.setattr(dialog.audio, "choose_audio", lambda: voice)
    dialog.audio.attach_button.click()
    dialog.save_button.click()
    assert [dialog.roster.topLevelItem(i).text(2) for i in range(3)] == ["ready to send"] * 3
    assert "recorded 3 of 3" in dialog.camp.currentText()

    def send(d: CampSendDialog) -> int:
        assert d.list.topLevelItemCount() == 2  # siblings in one message
        rows = {d.list.topLevelItem(i).text(0): i for i in range(2)}
        d.list.setCurrentItem(d.list.topLevelItem(rows["Вера"]))
        assert d.list.currentItem().text(1) == "Ёлкин Саша, Ёлкина Маша"
        assert "Саша: Саша строил плот" in d.text.toPlainText()
        assert "Маша: педагог записал(а) голосовое сообщение" in d.text.toPlainText()
        assert "Voice notes follow: маша.ogg." in d.route.text()
        d.text.setPlainText(d.text.toPlainText() + "\nЖдём летом!")
        d.list.setCurrentItem(d.list.topLevelItem(rows["Ольга"]))
        assert d.list.currentItem().text(2) == "VK: by hand" and not d.mark_button.isHidden()
        assert d.send_button.text() == "Send to 1 families"
        d.send_button.click()
        d.copy_button.click()
        d.mark_button.click()
        assert d.list.currentItem().text(2) == "sent"
        return 0

    monkeypatch.setattr(CampSendDialog, "exec", send)
    dialog.send_button.click()
    assert "Петя помогал младшим" in QGuiApplication.clipboard().text()
    assert outbox.deliver(store, {InboxChannel.TELEGRAM: adapter}) == (2, 0)
    assert [m["method"] for m in bot.sent] == ["sendMessage", "sendVoice"]
    assert bot.sent[0]["text"].endswith("Ждём летом!")
    assert "sent 3" in dialog.camp.currentText()
    assert {r.status for r in camp.roster(store, f"l{day}")} == {FeedbackStatus.SENT}
    assert not dialog.save_button.isEnabled()  # sent: no more changes
