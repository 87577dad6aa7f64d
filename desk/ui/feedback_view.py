"""Feedback to parents, in the System person's workspace: the requests waiting for the
teacher's words, recording them (text and a voice note), the copywriter's step, the message to
the parent (``feedback_dialogs``), the head teacher's brief; the Today line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackKind, FeedbackStatus
from desk.services.feedback import requests, second
from desk.ui import fmt
from desk.ui.camp_feedback import CampDialog
from desk.ui.colours import GREEN, RED
from desk.ui.context import Context
from desk.ui.due_line import DueLine
from desk.ui.feedback_dialogs import BriefDialog, DeadlinesDialog, MessageDialog
from desk.ui.family_feedback import KINDS, what_text, when_text
from desk.ui.forms import (
    FieldError, chosen, key_for, report, side_by_side, submit,
)
from desk.ui.freshness import Freshness
from desk.ui.labels import feedback_status_name, stage_name
from desk.ui.template_dialog import TemplateDialog
from desk.ui.voice_notes import AudioPicker

SENT_DAYS = 30  # how far back "sent" looks


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
        return chosen(self.list, self.rows)

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


class FeedbackDue(DueLine):
    """Today's line: how many children's feedback is due, red when any is late; a click
    opens the oldest late one (else the oldest)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, requests.due, self._words, KINDS, self.tr("Open the feedback"),
                         parent)

    def _words(self, rows: list[requests.RequestRow]) -> tuple[str, bool, int]:
        late = [r for r in rows if r.late]
        names = ", ".join(r.child for r in (late or rows)[:3]) + ("…" if len(rows) > 3 else "")
        text = self.tr("Feedback due: {n} ({names})").format(n=len(rows), names=names)
        if late:
            text += " — " + self.tr("late: {n}").format(n=len(late))
        return text, bool(late), (late or rows)[0].id
