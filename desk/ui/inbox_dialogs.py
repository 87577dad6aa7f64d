"""The inbox's small dialogs: writing down a message that came by a channel the desk does not
receive, picking a moment, and the questions asked when closing a conversation or deciding on a
message whose delivery was not confirmed. The questions are the inbox view's own words, so
they keep its translation context ("InboxView")."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDialog, QFormLayout, QInputDialog, QLineEdit, QMessageBox,
    QPlainTextEdit, QWidget,
)

from desk.models.enums import InboxChannel
from desk.services.comms import inbox
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit
from desk.ui.labels import inbox_channel_name

HAND_CHANNELS = (InboxChannel.WHATSAPP, InboxChannel.VK, InboxChannel.INSTAGRAM,
                 InboxChannel.PHONE, InboxChannel.WEBSITE, InboxChannel.TELEGRAM,
                 InboxChannel.EMAIL)


class LogMessageDialog(QDialog):
    """Write down a message that came by a channel the desk does not receive itself."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Write down a message"))
        self.setMinimumWidth(440)
        self.channel = QComboBox()
        for channel in HAND_CHANNELS:
            self.channel.addItem(inbox_channel_name(channel), channel)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("phone, profile or e-mail"))
        self.name = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Channel:"), self.channel)
        form.addRow(self.tr("Contact:"), self.address)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Message:"), self.text)
        form.addRow("", self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        channel, address = self.channel.currentData(), self.address.text()
        text, name = self.text.toPlainText(), self.name.text()
        store, actor = self.ctx.store, self.ctx.actor
        submit(self.ctx.ops, self, self.error, lambda: inbox.log_incoming(
            store, actor, channel, address, text, name=name), self._on_saved)

    def _on_saved(self, conversation_id: int) -> None:
        self.saved_id = conversation_id
        self.accept()


def moment_dialog(parent: QWidget, title: str, label: str, start: dt.datetime,
                  tz: ZoneInfo) -> tuple[QDialog, QDateTimeEdit]:
    """A small dialog asking for one moment, starting at ``start``."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = fmt.datetime_edit(start, tz)
    form = QFormLayout()
    form.addRow(label, edit)
    finish_form_dialog(dialog, form, dialog.accept)
    return dialog, edit


def ask_resolved(parent: QWidget) -> bool | None:
    """"Was the question resolved in this contact?" (it feeds FCR); None when cancelled."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("InboxView", "Close the conversation"),
        QCoreApplication.translate("InboxView", "Was the question resolved in this contact?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("InboxView", "Yes, resolved"))
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("InboxView", "No, not yet"))
    answer = box.exec()
    if answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No):
        return answer == QMessageBox.StandardButton.Yes
    return None


def ask_close_reason(parent: QWidget) -> str | None:
    """The client got no answer here: why close it? (No response is counted, no FCR.)"""
    reasons = [QCoreApplication.translate("InboxView", "No answer needed (thanks, a sticker)"),
               QCoreApplication.translate("InboxView",
                                          "Answered elsewhere (by phone, in person)"),
               QCoreApplication.translate("InboxView", "Spam or a mistake")]
    reason, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("InboxView", "Close without an answer"),
        QCoreApplication.translate(
            "InboxView", "The client has not been answered here. Why close the conversation?"),
        reasons, 0, True)
    return reason.strip() if ok and reason.strip() else None


def ask_uncertain(parent: QWidget) -> Literal["again", "arrived"] | None:
    """No answer came when the message was handed over: it may have arrived. The person
    decides: send it again, or it arrived; None when cancelled."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("InboxView", "Delivery not confirmed"),
        QCoreApplication.translate(
            "InboxView",
            "The channel did not answer when this message was handed over, so it may have "
            "arrived. Check with the client (or in the messenger), then choose. Sending it "
            "again may give the client a second copy."), parent=parent)
    again = box.addButton(QCoreApplication.translate("InboxView", "Send again"),
                          QMessageBox.ButtonRole.AcceptRole)
    arrived = box.addButton(QCoreApplication.translate("InboxView", "It arrived"),
                            QMessageBox.ButtonRole.YesRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is again:
        return "again"
    if clicked is arrived:
        return "arrived"
    return None
