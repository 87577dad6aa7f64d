"""Feedback to parents, in the System person's workspace: the requests waiting for the
teacher's words, recording them (text and a voice note), the copywriter's step, and the
message to the parent previewed and sent; the family card's Feedback tab; the Today line."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.models.enums import FeedbackStatus
from desk.services.feedback import requests
from desk.services.store import errors, files
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import (
    FieldError, finish_form_dialog, key_for, report, side_by_side, submit,
)
from desk.ui.freshness import Freshness
from desk.ui.labels import channel_name, feedback_status_name, inbox_channel_name
from desk.ui.template_dialog import TemplateDialog

RED = QColor("#b00020")
GREEN = QColor("#2e7d32")
KINDS = (Change.FEEDBACK, Change.ENROLMENT, Change.SCHEDULE, Change.FAMILY, Change.STUDIO)
SENT_DAYS = 30  # how far back "sent" looks


def play(ctx: Context, owner: QWidget, file_id: int) -> None:
    """A stored voice note opened in the system's player (one copy at a time in the temp
    folder: the one played before is removed)."""
    ctx.ops.query(owner, lambda: files.read(ctx.store, file_id), _open_in_player)


def _open_in_player(found: files.File | None) -> None:
    if found is None:
        return
    folder = Path(tempfile.gettempdir()) / "desk-playback"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink(missing_ok=True)
    path = folder / Path(found.name).name
    path.write_bytes(found.data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def when_text(row: requests.RequestRow, ctx: Context) -> str:
    return fmt.datetime_text(row.lesson_at, ctx.studio.tz) if row.lesson_at else ""


class DueHoursDialog(QDialog):
    """When feedback is due: hours after the lesson ends."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Feedback deadline"))
        self.hours = QSpinBox()
        self.hours.setRange(*requests.HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(ctx.studio.feedback_hours)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("The teacher's feedback is due after the lesson ends, within:"),
                    self.hours)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        hours = self.hours.value()
        submit(self.ctx.ops, self, self.error,
               lambda: requests.set_due_hours(self.ctx.store, self.ctx.actor, hours),
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


class FeedbackView(QWidget):
    """The requests: waiting ones (the oldest lesson first, late ones red) or those sent in
    the last 30 days; the chosen one's words, voice note, copywriter's text and message."""

    WRITES = ("save_button", "attach_button", "remove_audio_button", "edited_button",
              "compose_button", "template_button", "hours_button")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[requests.RequestRow] = []
        self.new_audio: Path | None = None  # chosen, not saved yet
        self.drop_audio = False
        self.show_sent = False  # read by the worker
        self.wanted: int | None = None  # the request to select once the list is read
        self.shown = QComboBox()
        self.shown.addItem(self.tr("Waiting"), False)
        self.shown.addItem(self.tr("Sent in the last 30 days"), True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Lesson"), self.tr("Child"), self.tr("Direction"),
                                   self.tr("Teacher"), self.tr("State")])
        for col, width in enumerate((115, 135, 105, 120)):
            self.list.setColumnWidth(col, width)
        self.template_button = QPushButton(self.tr("Template…"))
        self.hours_button = QPushButton(self.tr("Deadline…"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.shown)
        top.addStretch(1)
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
        self.audio = QLabel()
        self.play_button = QPushButton(self.tr("Listen"))
        self.attach_button = QPushButton(self.tr("Attach a voice note…"))
        self.remove_audio_button = QPushButton(self.tr("Remove"))
        self.to_copywriter = QCheckBox(self.tr("Give it to the copywriter first"))
        self.error = FieldError()
        self.save_button = QPushButton(self.tr("Save the words"))
        self.save_button.setToolTip("Ctrl+S")
        self.copy_words_button = QPushButton(self.tr("Copy for the copywriter"))
        self.edited = QPlainTextEdit()
        self.edited.setPlaceholderText(self.tr("Paste the copywriter's text here"))
        self.edited_error = FieldError()
        self.edited_button = QPushButton(self.tr("Save the edited text"))
        self.compose_button = QPushButton(self.tr("Message to the parent…"))
        self.compose_button.setToolTip("Ctrl+Enter")
        self.sent = QLabel()
        self.sent.setWordWrap(True)
        self.sent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        audio_row = QHBoxLayout()
        audio_row.addWidget(self.audio, 1)
        audio_row.addWidget(self.play_button)
        audio_row.addWidget(self.attach_button)
        audio_row.addWidget(self.remove_audio_button)
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
        dl.addWidget(QLabel(self.tr("The teacher's words")))
        dl.addWidget(self.words, 2)
        dl.addLayout(audio_row)
        dl.addLayout(save_row)
        dl.addWidget(self.error)
        dl.addWidget(self.copywriter, 1)
        dl.addWidget(self.sent)
        send_row = QHBoxLayout()
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
        side_by_side(self, left, right, [600, 600])

        self.shown.currentIndexChanged.connect(self._on_shown_changed)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.play_button.clicked.connect(self._on_play)
        self.attach_button.clicked.connect(self._on_attach)
        self.remove_audio_button.clicked.connect(self._on_remove_audio)
        self.save_button.clicked.connect(self._on_save)
        self.copy_words_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.words.toPlainText()))
        self.edited_button.clicked.connect(self._on_save_edited)
        self.compose_button.clicked.connect(self._on_compose)
        self.template_button.clicked.connect(lambda: self.template_dialog().exec())
        self.hours_button.clicked.connect(lambda: DueHoursDialog(ctx, self).exec())
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
            self, lambda: requests.sent(store, since) if show_sent
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
            item = QTreeWidgetItem([when_text(r, self.ctx), r.child, r.direction, r.teacher,
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
        self.new_audio, self.drop_audio = None, False
        self.error.show_message("")
        self.edited_error.show_message("")
        if r is None:
            return
        self.heading.setText(self.tr("{child} — «{direction}», {when}, teacher {teacher}").format(
            child=r.child, direction=r.direction, when=when_text(r, self.ctx),
            teacher=r.teacher or "—"))
        if r.status is FeedbackStatus.SENT:
            self.due.setText(self.tr("Sent {when}").format(
                when=fmt.datetime_text(r.sent_at, self.ctx.studio.tz)))
            self.due.setStyleSheet("")
        elif r.due_at is not None:
            self.due.setText((self.tr("Late: was due by {when}") if r.late else
                              self.tr("Due by {when}")).format(
                when=fmt.datetime_text(r.due_at, self.ctx.studio.tz)))
            self.due.setStyleSheet(f"color: {RED.name()};" if r.late else "")
        done = r.status is FeedbackStatus.SENT
        self.words.setPlainText(r.words)
        self.words.setReadOnly(done)
        self.to_copywriter.setChecked(r.status is FeedbackStatus.COPYWRITER)
        self.edited.setPlainText(r.edited)
        self.edited.setReadOnly(done)
        self.copywriter.setVisible(r.status is FeedbackStatus.COPYWRITER or bool(r.edited))
        for button in (self.save_button, self.attach_button, self.to_copywriter):
            button.setEnabled(not done)
        self.edited_button.setEnabled(not done)
        self.compose_button.setEnabled(r.status is FeedbackStatus.READY)
        self.sent.setText(self.tr("Sent to the parent:") + "\n" + r.sent_text if done else "")
        self.sent.setVisible(done)
        self._show_audio()

    def _show_audio(self) -> None:
        r = self.selected()
        if self.new_audio is not None:
            text, has = self.tr("Voice note: {name} (not saved yet)").format(
                name=self.new_audio.name), True
        elif r is not None and r.audio_file_id and not self.drop_audio:
            text, has = self.tr("Voice note: {name}").format(name=r.audio_name), True
        else:
            text, has = self.tr("No voice note"), False
        self.audio.setText(text)
        self.play_button.setEnabled(has)
        self.remove_audio_button.setEnabled(has and r is not None and
                                            r.status is not FeedbackStatus.SENT)

    @Slot()
    def _on_play(self) -> None:
        r = self.selected()
        if self.new_audio is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.new_audio)))
        elif r is not None and r.audio_file_id:
            play(self.ctx, self, r.audio_file_id)

    def choose_audio(self) -> Path | None:
        """Asks for a voice note file (replaced in tests)."""
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Attach a voice note"), "",
            self.tr("Voice notes ({patterns})").format(
                patterns=" ".join("*" + t for t in requests.AUDIO_TYPES)))
        return Path(name) if name else None

    @Slot()
    def _on_attach(self) -> None:
        path = self.choose_audio()
        if path is None:
            return
        try:
            requests.check_audio(path)
        except errors.ValidationFailed as exc:
            report(self, self.error, exc)
            return
        self.error.show_message("")
        self.new_audio, self.drop_audio = path, False
        self._show_audio()

    @Slot()
    def _on_remove_audio(self) -> None:
        self.new_audio, self.drop_audio = None, True
        self._show_audio()

    @Slot()
    def _on_save(self) -> None:
        r = self.selected()
        if r is None:
            return
        given = requests.Words(self.words.toPlainText(), self.new_audio,
                               keep_audio=not self.drop_audio,
                               to_copywriter=self.to_copywriter.isChecked())
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
        self.list.setHeaderLabels([self.tr("Lesson"), self.tr("Child"), self.tr("Direction"),
                                   self.tr("Teacher"), self.tr("State")])
        for col, width in enumerate((120, 150, 120, 130)):
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
                when_text(r, self.ctx), r.child, r.direction, r.teacher,
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
        parts = [self.tr("The teacher's words:") + "\n" + (r.words or "—")]
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
