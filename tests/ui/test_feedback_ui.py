"""First feedback through the real widgets: the lesson ends → Today's line → the words and a
voice note recorded → the copywriter's text → the message previewed and sent through the
loopback Bot API (text and voice) → the family card's Feedback tab."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from desk.models.comms import Conversation
from desk.models.enums import Channel, FeedbackStatus, InboxChannel, Role
from desk.services.comms import outbox, templates
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import requests
from desk.services.schedule import enrolment, lessons
from desk.services.store.changes import Change
from desk.services.store.db import SYSTEM_ACTOR
from desk.ui.family_card import FamilyCardView
from desk.ui.feedback_view import MessageDialog
from desk.ui.template_dialog import TemplateDialog
from desk.ui.workspaces import Workspace

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
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.add(Conversation(channel=InboxChannel.TELEGRAM, address="501", name="Вера",
                                     family_id=fid, opened_at=uow.now, last_at=uow.now,
                                     closed_at=uow.now))
        uow.commit()
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
    monkeypatch.setattr(view, "choose_audio", lambda: wav)
    view.attach_button.click()
    assert view.error.text() == "Attach a voice note as .ogg, .opus, .mp3 or .m4a."
    voice = tmp_path / "голос.ogg"
    voice.write_bytes(b"OggS" + b"\x01" * 100)
    monkeypatch.setattr(view, "choose_audio", lambda: voice)
    view.attach_button.click()
    assert view.audio.text() == "Voice note: голос.ogg (not saved yet)"
    view.words.setPlainText("саша молодец слепил чашку")
    view.to_copywriter.setChecked(True)
    space.activateWindow()
    qtbot.waitUntil(space.isActiveWindow)
    view.words.setFocus()
    qtbot.keyClick(view.words, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.list.topLevelItem(0).text(4) == "with the copywriter · late"
    assert view.copywriter.isVisible() and view.audio.text() == "Voice note: голос.ogg"
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
    view.play_button.click()
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
    from desk.ui.feedback_view import DueHoursDialog

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

    def hours(dialog: DueHoursDialog) -> int:
        dialog.hours.setValue(48)
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(DueHoursDialog, "exec", hours)
    view.hours_button.click()
    assert ctx.studio.feedback_hours == 48
    clock.now = dt.datetime(2026, 3, 7, 12, tzinfo=MSK)  # 42 hours after the lesson
    ctx.notifier.announce({Change.SCHEDULE})
    assert view.list.topLevelItem(0).text(4) == "waiting for the teacher"
    view.words.setPlainText("Умница")
    view.save_button.click()
    composed = requests.compose(ctx.store, view.selected().id)
    assert composed.text == "Вера! Педагог Ирина Глинина: Умница"

