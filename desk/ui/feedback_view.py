"""Feedback to parents, in the System person's workspace: the requests waiting for the
teacher's words, recording them (text and a voice note), the copywriter's step, and the
message to the parent previewed and sent; the family card's Feedback tab; the Today line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackKind, FeedbackStatus
from desk.services.feedback import requests, second
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.camp_feedback import CampDialog
from desk.ui.context import Context
from desk.ui.forms import (
    FieldError, finish_form_dialog, key_for, report, side_by_side, submit,
)
from desk.ui.freshness import Freshness
from desk.ui.labels import (
    channel_name, feedback_status_name, inbox_channel_name, stage_name,
)
from desk.ui.template_dialog import TemplateDialog
from desk.ui.voice_notes import AudioPicker, play

RED = QColor("#b00020")
GREEN = QColor("#2e7d32")
KINDS = (Change.FEEDBACK, Change.ENROLMENT, Change.SCHEDULE, Change.FAMILY, Change.STUDIO)
SENT_DAYS = 30  # how far back "sent" looks


def when_text(row: requests.RequestRow, ctx: Context) -> str:
    """The lesson's time; a second feedback's: when its case opened."""
    at = row.lesson_at or row.created_at
    return fmt.datetime_text(at, ctx.studio.tz) if at else ""


def what_text(row: requests.RequestRow) -> str:
    """Which feedback: "first · Ceramics", "second · 8–20"."""
    if row.kind is FeedbackKind.SECOND:
        return QCoreApplication.translate("FeedbackView", "second · {stage}").format(
            stage=stage_name(second.AT[row.stage]))
    return QCoreApplication.translate("FeedbackView", "first · {direction}").format(
        direction=row.direction)


class DeadlinesDialog(QDialog):
    """When feedback is due: the first, hours after the lesson ends; the second, days after
    the stage is crossed."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Feedback deadlines"))
        self.hours = QSpinBox()
        self.hours.setRange(*requests.HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(ctx.studio.feedback_hours)
        self.days = QSpinBox()
        self.days.setRange(*requests.DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(ctx.studio.second_feedback_days)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("The first feedback, after the lesson ends, within:"), self.hours)
        form.addRow(self.tr("The second feedback, after the stage is reached, within:"),
                    self.days)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        hours, days = self.hours.value(), self.days.value()
        submit(self.ctx.ops, self, self.error,
               lambda: requests.set_deadlines(self.ctx.store, self.ctx.actor, hours, days),
               lambda _r: self.accept())


class MessageDialog(QDialog):
    """The parent's message before it goes: the text from the template (editable), where it
    goes and the voice note after it; Send, or Copy and Mark as sent where the desk cannot
    send through the family's channel."""

    def __init__(self, ctx: Context, composed: requests.Composed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.composed = ctx, composed
        self.setWindowTitle(self.tr("Feedback to the parent"))
        self.resize(620, 460)
        self.route = QLabel(self._route_text())
        self.route.setWordWrap(True)
        self.text = QPlainTextEdit(composed.text)
        self.error = FieldError()
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy the text"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.mark_button = buttons.addButton(self.tr("Mark as sent"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        sends = composed.channel is not None and not composed.refused
        self.send_button.setVisible(sends)
        self.copy_button.setVisible(not sends)
        self.mark_button.setVisible(not sends)
        self.send_button.setDefault(sends)
        layout = QVBoxLayout(self)
        layout.addWidget(self.route)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.mark_button.clicked.connect(self._on_mark)
        self.send_button.clicked.connect(self._on_send)
        buttons.rejected.connect(self.reject)
        if composed.refused:
            self.error.show_message(self.tr("The family has not agreed to messages: tell the "
                                            "parent another way, then mark it as sent."))

    def _route_text(self) -> str:
        c = self.composed
        if c.channel is not None:
            where = self.tr("Goes by {channel} ({address}), not during quiet hours.").format(
                channel=inbox_channel_name(c.channel), address=c.address)
        else:
            where = self.tr("The family prefers {channel}: copy the text, send it there and "
                            "mark it as sent.").format(channel=channel_name(c.preferred))
        if c.audio_name:
            if c.channel is None:
                where += " " + self.tr("Send the voice note {name} there too.").format(
                    name=c.audio_name)
            elif c.voice:
                where += " " + self.tr("The voice note follows the text.")
            else:
                where += " " + self.tr("The voice note {name} follows as a file.").format(
                    name=c.audio_name)
        return where

    @Slot()
    def _on_send(self) -> None:
        rid, text = self.composed.request_id, self.text.toPlainText()
        submit(self.ctx.ops, self, self.error,
               lambda: requests.send(self.ctx.store, self.ctx.actor, rid, text),
               lambda _channel: (self.ctx.wake_outbox(), self.accept()))

    @Slot()
    def _on_mark(self) -> None:
        rid, text = self.composed.request_id, self.text.toPlainText()
        submit(self.ctx.ops, self, self.error,
               lambda: requests.mark_sent(self.ctx.store, self.ctx.actor, rid, text),
               lambda _r: self.accept())


class BriefDialog(QDialog):
    """The head teacher's brief for the second feedback's call: copy or print it, then say
    whom it was handed to."""

    WRITES = ("hand_button", "send_button")

    def __init__(self, ctx: Context, brief: second.Brief, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.brief = ctx, brief
        self.setWindowTitle(self.tr("Brief for the head teacher"))
        self.resize(640, 420)
        self.text = QPlainTextEdit(brief.text)
        self.text.setReadOnly(True)
        self.teacher = QComboBox()
        self.chats = {teacher_id: chat for teacher_id, _name, chat in brief.head_teachers}
        for teacher_id, name, _chat in brief.head_teachers:
            self.teacher.addItem(name, teacher_id)
        if brief.teacher_id is not None:
            self.teacher.setCurrentIndex(max(self.teacher.findData(brief.teacher_id), 0))
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button = buttons.addButton(self.tr("Send by Telegram"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.hand_button = buttons.addButton(self.tr("Handed over"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.hand_button.setToolTip(self.tr("The head teacher has the brief and will call "
                                            "the parent"))
        form = QFormLayout()
        form.addRow(self.tr("Head teacher:"), self.teacher)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.print_button.clicked.connect(self._on_print)
        self.hand_button.clicked.connect(lambda: self._on_hand())
        self.send_button.clicked.connect(lambda: self._on_hand(send=True))
        self.teacher.currentIndexChanged.connect(self._show_send)
        buttons.rejected.connect(self.reject)
        self._show_send()

    def _show_send(self) -> None:
        """The bot can write only to a teacher who has written to it."""
        chat = self.chats.get(self.teacher.currentData(), False)
        self.send_button.setEnabled(chat)
        self.send_button.setToolTip("" if chat else self.tr(
            "The teacher has not written to the studio's bot yet: copy or print the brief"))

    def printer(self) -> QPrinter | None:
        """The printer the user chose (replaced in tests)."""
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def _on_print(self) -> None:
        printer = self.printer()
        if printer is not None:
            QTextDocument(self.text.toPlainText()).print_(printer)

    def _on_hand(self, send: bool = False) -> None:
        rid, teacher = self.brief.request_id, self.teacher.currentData()
        text = self.text.toPlainText() if send else ""
        submit(self.ctx.ops, self, self.error,
               lambda: second.hand_over(self.ctx.store, self.ctx.actor, rid, teacher, text),
               lambda _r: (send and self.ctx.wake_outbox(), self.accept()))


class FeedbackView(QWidget):
    """The requests: waiting ones (the oldest lesson first, late ones red) or those sent in
    the last 30 days; the chosen one's words, voice note, copywriter's text and message."""

    WRITES = ("save_button", "edited_button", "compose_button", "template_button",
              "hours_button", "brief_button", "camp_button")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[requests.RequestRow] = []
        self.show_sent = False  # read by the worker
        self.wanted: int | None = None  # the request to select once the list is read
        self.shown = QComboBox()
        self.shown.addItem(self.tr("Waiting"), False)
        self.shown.addItem(self.tr("Done in the last 30 days"), True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Child"), self.tr("Feedback"),
                                   self.tr("Teacher"), self.tr("State")])
        for col, width in enumerate((110, 130, 165, 115)):
            self.list.setColumnWidth(col, width)
        self.template_button = QPushButton(self.tr("Template…"))
        self.hours_button = QPushButton(self.tr("Deadlines…"))
        self.camp_button = QPushButton(self.tr("Camp feedback…"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.shown)
        top.addStretch(1)
        top.addWidget(self.camp_button)
        top.addWidget(self.template_button)
        top.addWidget(self.hours_button)
        ll.addLayout(top)
        ll.addWidget(self.list, 1)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        self.due = QLabel()
        self.words = QPlainTextEdit()
        self.words.setPlaceholderText(self.tr("What the teacher wrote or dictated"))
        self.to_copywriter = QCheckBox(self.tr("Give it to the copywriter first"))
        self.error = FieldError()
        self.audio = AudioPicker(ctx, self.error)
        self.save_button = QPushButton(self.tr("Save the words"))
        self.save_button.setToolTip("Ctrl+S")
        self.copy_words_button = QPushButton(self.tr("Copy for the copywriter"))
        self.edited = QPlainTextEdit()
        self.edited.setPlaceholderText(self.tr("Paste the copywriter's text here"))
        self.edited_error = FieldError()
        self.edited_button = QPushButton(self.tr("Save the edited text"))
        self.brief_button = QPushButton(self.tr("Brief for the head teacher…"))
        self.words_label = QLabel()
        self.compose_button = QPushButton(self.tr("Message to the parent…"))
        self.compose_button.setToolTip("Ctrl+Enter")
        self.sent = QLabel()
        self.sent.setWordWrap(True)
        self.sent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        save_row = QHBoxLayout()
        save_row.addWidget(self.to_copywriter)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        self.copywriter = QGroupBox(self.tr("Copywriter"))
        cl = QVBoxLayout(self.copywriter)
        cl.addWidget(self.edited)
        cl.addWidget(self.edited_error)
        edited_row = QHBoxLayout()
        edited_row.addWidget(self.copy_words_button)
        edited_row.addStretch(1)
        edited_row.addWidget(self.edited_button)
        cl.addLayout(edited_row)
        self.details = QWidget()
        dl = QVBoxLayout(self.details)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.heading)
        dl.addWidget(self.due)
        dl.addWidget(self.words_label)
        dl.addWidget(self.words, 2)
        dl.addWidget(self.audio)
        dl.addLayout(save_row)
        dl.addWidget(self.error)
        dl.addWidget(self.copywriter, 1)
        dl.addWidget(self.sent)
        send_row = QHBoxLayout()
        send_row.addWidget(self.brief_button)
        send_row.addStretch(1)
        send_row.addWidget(self.compose_button)
        dl.addLayout(send_row)
        self.empty = QLabel(self.tr("Choose a child on the left."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.empty)
        rl.addWidget(self.details)
        side_by_side(self, left, right, [680, 600])

        self.shown.currentIndexChanged.connect(self._on_shown_changed)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.save_button.clicked.connect(self._on_save)
        self.copy_words_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.words.toPlainText()))
        self.edited_button.clicked.connect(self._on_save_edited)
        self.compose_button.clicked.connect(self._on_compose)
        self.brief_button.clicked.connect(self._on_brief)
        self.camp_button.clicked.connect(lambda: self.camp_dialog().exec())
        self.template_button.clicked.connect(lambda: self.template_dialog().exec())
        self.hours_button.clicked.connect(lambda: DeadlinesDialog(ctx, self).exec())
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        key_for(self.save_button, "Ctrl+S", self, scope)
        key_for(self.compose_button, "Ctrl+Return", self, scope)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self._show()

    def template_dialog(self) -> TemplateDialog:
        return TemplateDialog(
            self.ctx, requests.TEMPLATE, requests.SAMPLE,
            self.tr("First feedback template"),
            self.tr("Placeholders: {parent} — the parent's first name, {child} — the child's "
                    "first name, {direction}, {teacher}, {words} — the teacher's words (or "
                    "that a voice note follows), {studio} — the studio."), self)

    def select_request(self, request_id: int) -> None:
        """Show the request (from Today's line): among the waiting ones."""
        self.wanted = request_id
        if self.shown.currentIndex() != 0:
            self.shown.setCurrentIndex(0)
        elif not self._select(request_id):
            self.freshness.invalidate()

    @Slot()
    def refresh(self) -> None:
        show_sent, store = self.show_sent, self.ctx.store
        since = store.now() - dt.timedelta(days=SENT_DAYS)
        self.ctx.ops.query(
            self, lambda: requests.finished(store, since) if show_sent
            else requests.open_requests(store), self._show_rows, key="feedback")

    @Slot()
    def _on_shown_changed(self) -> None:
        self.show_sent = bool(self.shown.currentData())
        self.freshness.invalidate()

    def _show_rows(self, rows: list[requests.RequestRow]) -> None:
        current = self.selected()
        keep = self.wanted or (current.id if current else None)
        self.wanted = None
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            item = QTreeWidgetItem([when_text(r, self.ctx), r.child, what_text(r), r.teacher,
                                    self._state(r)])
            if r.late:
                for col in range(5):
                    item.setForeground(col, QBrush(RED))
            elif r.status is FeedbackStatus.SENT:
                item.setForeground(4, QBrush(GREEN))
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        if not (keep and self._select(keep)) and rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show()

    def _state(self, r: requests.RequestRow) -> str:
        if r.status is FeedbackStatus.WAITING and not r.ended:
            return self.tr("lesson to come")
        text = feedback_status_name(r.status)
        return text + (" · " + self.tr("late") if r.late else "")

    def _select(self, request_id: int) -> bool:
        for i, r in enumerate(self.rows):
            if r.id == request_id:
                self.list.setCurrentItem(self.list.topLevelItem(i))
                return True
        return False

    def selected(self) -> requests.RequestRow | None:
        item = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(item) if item else -1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _show(self) -> None:
        r = self.selected()
        self.details.setVisible(r is not None)
        self.empty.setVisible(r is None)
        self.error.show_message("")
        self.edited_error.show_message("")
        if r is None:
            return
        by_call = r.kind is FeedbackKind.SECOND
        if by_call:
            self.heading.setText(self.tr("Second feedback: {child} — stage «{stage}»").format(
                child=r.child, stage=stage_name(second.AT[r.stage])) + (
                "\n" + self.tr("With the head teacher {teacher} since {when}").format(
                    teacher=r.teacher, when=fmt.datetime_text(r.handed_at, self.ctx.studio.tz))
                if r.handed_at else ""))
        else:
            self.heading.setText(self.tr("{child} — «{direction}», {when}, teacher {teacher}")
                                 .format(child=r.child, direction=r.direction,
                                         when=when_text(r, self.ctx), teacher=r.teacher or "—"))
        self.words_label.setText(self.tr("The head teacher's feedback after the call")
                                 if by_call else self.tr("The teacher's words"))
        self.words.setPlaceholderText(
            self.tr("What the head teacher learned on the call: goals, doubts, wishes, the "
                    "child's results") if by_call
            else self.tr("What the teacher wrote or dictated"))
        self.save_button.setText(self.tr("Record and close") if by_call
                                 else self.tr("Save the words"))
        self.to_copywriter.setVisible(not by_call)
        self.brief_button.setVisible(by_call)
        self.compose_button.setVisible(not by_call)
        if r.status is FeedbackStatus.SENT:
            self.due.setText(self.tr("Sent {when}").format(
                when=fmt.datetime_text(r.sent_at, self.ctx.studio.tz)))
            self.due.setStyleSheet("")
        elif r.status is FeedbackStatus.DONE:
            self.due.setText(self.tr("Recorded {when}").format(
                when=fmt.datetime_text(r.recorded_at, self.ctx.studio.tz)))
            self.due.setStyleSheet("")
        elif r.due_at is not None:
            self.due.setText((self.tr("Late: was due by {when}") if r.late else
                              self.tr("Due by {when}")).format(
                when=fmt.datetime_text(r.due_at, self.ctx.studio.tz)))
            self.due.setStyleSheet(f"color: {RED.name()};" if r.late else "")
        done = r.status in requests.FINISHED
        self.words.setPlainText(r.words)
        self.words.setReadOnly(done)
        self.to_copywriter.setChecked(r.status is FeedbackStatus.COPYWRITER)
        self.edited.setPlainText(r.edited)
        self.edited.setReadOnly(done)
        self.copywriter.setVisible(not by_call and (r.status is FeedbackStatus.COPYWRITER
                                                    or bool(r.edited)))
        for button in (self.save_button, self.to_copywriter):
            button.setEnabled(not done)
        self.edited_button.setEnabled(not done)
        self.compose_button.setEnabled(r.status is FeedbackStatus.READY)
        self.sent.setText(self.tr("Sent to the parent:") + "\n" + r.sent_text
                          if r.status is FeedbackStatus.SENT else "")
        self.sent.setVisible(r.status is FeedbackStatus.SENT)
        self.brief_button.setEnabled(not done)
        self.audio.reset(r.audio_file_id, r.audio_name, editable=not done)

    @Slot()
    def _on_save(self) -> None:
        r = self.selected()
        if r is None:
            return
        given = self.audio.words(self.words.toPlainText(), self.to_copywriter.isChecked())
        self.wanted = r.id
        submit(self.ctx.ops, self.details, self.error,
               lambda: requests.record(self.ctx.store, self.ctx.actor, r.id, given))

    @Slot()
    def _on_save_edited(self) -> None:
        r, text = self.selected(), self.edited.toPlainText()
        if r is not None:
            self.wanted = r.id
            submit(self.ctx.ops, self.details, self.edited_error,
                   lambda: requests.set_edited(self.ctx.store, self.ctx.actor, r.id, text))

    @Slot()
    def _on_compose(self) -> None:
        r = self.selected()
        if r is not None:
            self.ctx.ops.query(self, lambda: requests.compose(self.ctx.store, r.id),
                               self._open_message, on_failure=self._on_compose_failed)

    def _open_message(self, composed: requests.Composed) -> None:
        self.message_dialog(composed).exec()

    def message_dialog(self, composed: requests.Composed) -> MessageDialog:
        return MessageDialog(self.ctx, composed, self)

    @Slot()
    def _on_brief(self) -> None:
        r = self.selected()
        if r is not None:
            self.wanted = r.id
            self.ctx.ops.query(self, lambda: second.brief(self.ctx.store, r.id),
                               lambda brief: self.brief_dialog(brief).exec())

    def camp_dialog(self) -> CampDialog:
        return CampDialog(self.ctx, self)

    def brief_dialog(self, brief: second.Brief) -> BriefDialog:
        return BriefDialog(self.ctx, brief, self)

    def _on_compose_failed(self, exc: BaseException) -> None:
        report(self, self.error, exc)


class FeedbackDue(QWidget):
    """Today's line: how many children's feedback is due, red when any is late; a click
    opens the oldest late one (else the oldest). Stays in the layout while empty, so it
    keeps reloading with its workspace.

    Signals:
        request_chosen(int)
    """

    request_chosen = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.first: int | None = None
        self.line = QLabel()
        self.line.setTextFormat(Qt.TextFormat.RichText)
        self.line.setToolTip(self.tr("Open the feedback"))
        self.line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.line.linkActivated.connect(self._on_link)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)

    @Slot(str)
    def _on_link(self, _link: str) -> None:
        if self.first is not None:
            self.request_chosen.emit(self.first)

    @Slot()
    def refresh(self) -> None:
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: requests.due(store), self._show_due, key="due")

    def _show_due(self, rows: list[requests.RequestRow]) -> None:
        late = [r for r in rows if r.late]
        self.first = (late or rows)[0].id if rows else None
        self.line.setVisible(bool(rows))
        if not rows:
            self.line.clear()
            return
        names = ", ".join(r.child for r in (late or rows)[:3]) + ("…" if len(rows) > 3 else "")
        text = self.tr("Feedback due: {n} ({names})").format(n=len(rows), names=names)
        if late:
            text += " — " + self.tr("late: {n}").format(n=len(late))
        colour = RED.name() if late else "palette(window-text)"
        self.line.setText(f'<a href="feedback" style="color: {colour}; '
                          f'text-decoration: none;"><b>{_escape(text)}</b></a>')


class FamilyFeedback(QWidget):
    """The card's Feedback tab: every request of the family with its words, the edited text,
    the voice note and what was sent."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id: int | None = None
        self.rows: list[requests.RequestRow] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Child"), self.tr("Feedback"),
                                   self.tr("Teacher"), self.tr("State")])
        for col, width in enumerate((120, 150, 140, 130)):
            self.list.setColumnWidth(col, width)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.play_button = QPushButton(self.tr("Listen to the voice note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.play_button)
        layout.addLayout(row)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.play_button.clicked.connect(self._on_play)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self._show()

    def show_family(self, family_id: int) -> None:
        self.family_id = family_id
        self.freshness.invalidate()

    @Slot()
    def refresh(self) -> None:
        fid, store = self.family_id, self.ctx.store
        if fid is not None:
            self.ctx.ops.query(self, lambda: requests.of_family(store, fid), self._show_rows,
                               key="family-feedback")

    def _show_rows(self, rows: list[requests.RequestRow]) -> None:
        self.rows = rows
        self.list.clear()
        for r in rows:
            self.list.addTopLevelItem(QTreeWidgetItem([
                when_text(r, self.ctx), r.child, what_text(r), r.teacher,
                feedback_status_name(r.status)]))
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(len(rows) - 1))
        self._show()

    def selected(self) -> requests.RequestRow | None:
        item = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(item) if item else -1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _show(self) -> None:
        r = self.selected()
        self.play_button.setEnabled(r is not None and r.audio_file_id is not None)
        if r is None:
            self.text.setPlainText("")
            return
        parts = [(self.tr("The head teacher's feedback:") if r.kind is FeedbackKind.SECOND
                  else self.tr("The teacher's words:")) + "\n" + (r.words or "—")]
        if r.edited:
            parts.append(self.tr("After the copywriter:") + "\n" + r.edited)
        if r.audio_name:
            parts.append(self.tr("Voice note: {name}").format(name=r.audio_name))
        if r.sent_at:
            parts.append(self.tr("Sent {when}:").format(
                when=fmt.datetime_text(r.sent_at, self.ctx.studio.tz)) + "\n" + r.sent_text)
        self.text.setPlainText("\n\n".join(parts))

    @Slot()
    def _on_play(self) -> None:
        r = self.selected()
        if r is not None and r.audio_file_id:
            play(self.ctx, self, r.audio_file_id)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
