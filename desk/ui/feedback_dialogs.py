"""The dialogs of feedback to parents: when it is due (the studio's deadlines), the parent's
message before it goes, the head teacher's brief for the second feedback's call."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from desk.services.feedback import requests, second
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit
from desk.ui.labels import channel_name, inbox_channel_name


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
