"""The outbox on screen: every message that has not gone yet — waiting for its time, retrying,
being handed over, not confirmed or refused — with the reason in words, and what a person can
do about it: send now (or again), "it arrived", cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.models.enums import OutboxStatus
from desk.services.comms import outbox
from desk.services.store import errors
from desk.services.store.changes import Change
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.labels import channel_reason, inbox_channel_name

RED, AMBER = QColor("#c62828"), QColor("#b26a00")


class OutboxView(QWidget):
    WRITES = ("arrived_button", "cancel_button", "send_button")  # hidden on a read-only desk

    COL_WHEN, COL_CHANNEL, COL_TO, COL_TEXT, COL_STATE = range(5)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: dict[int, outbox.Pending] = {}
        self.summary = QLabel()
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Goes at"), self.tr("Channel"), self.tr("To"),
                                   self.tr("Text"), self.tr("State")])
        for col, width in ((self.COL_WHEN, 130), (self.COL_CHANNEL, 90), (self.COL_TO, 170),
                           (self.COL_TEXT, 300)):
            self.list.setColumnWidth(col, width)
        self.list.header().setSectionResizeMode(self.COL_STATE, QHeaderView.ResizeMode.Stretch)
        self.send_button = QPushButton(self.tr("Send now"))
        self.arrived_button = QPushButton(self.tr("It arrived"))
        self.cancel_button = QPushButton(self.tr("Cancel the message"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.send_button, self.arrived_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda *_: self._on_send())
        self.send_button.clicked.connect(self._on_send)
        self.arrived_button.clicked.connect(self._on_arrived)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.INBOX,))
        self._update_buttons()

    def _state(self, p: outbox.Pending) -> str:
        reason = channel_reason(p.last_error) if p.last_error else ""
        if p.status is OutboxStatus.FAILED:
            return self.tr("not delivered: {reason}").format(reason=reason)
        if p.status is OutboxStatus.UNCERTAIN:
            return self.tr("delivery not confirmed: {reason}").format(reason=reason)
        if p.status is OutboxStatus.SENDING:
            return self.tr("being handed over")
        if p.last_error:
            return self.tr("retrying ({n}): {reason}").format(n=p.attempts, reason=reason)
        if p.send_after > self.ctx.store.now():
            return self.tr("waits for its time")
        return self.tr("goes now")

    @Slot()
    def refresh(self) -> None:
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: outbox.pending(store), self._show_pending)

    def _show_pending(self, pending: list[outbox.Pending]) -> None:
        tz = self.ctx.studio.tz
        current = self.selected()  # kept across the refresh
        self.rows = {p.id: p for p in pending}
        self.list.clear()
        for p in self.rows.values():
            item = QTreeWidgetItem([fmt.datetime_text(p.send_after, tz),
                                    inbox_channel_name(p.channel), p.name or p.address,
                                    " ".join(p.text.split()), self._state(p)])
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(self.COL_TEXT, p.text)
            item.setToolTip(self.COL_STATE, item.text(self.COL_STATE))
            if p.status in (OutboxStatus.FAILED, OutboxStatus.UNCERTAIN):
                item.setForeground(self.COL_STATE, QBrush(RED))
            elif p.last_error:
                item.setForeground(self.COL_STATE, QBrush(AMBER))
            self.list.addTopLevelItem(item)
            if current is not None and p.id == current.id:
                self.list.setCurrentItem(item)
        self.summary.setText(self.tr("Not gone yet: %n message(s)", "", len(self.rows)))
        self._update_buttons()

    def selected(self) -> outbox.Pending | None:
        item = self.list.currentItem()
        return self.rows.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def _update_buttons(self) -> None:
        p = self.selected()
        waiting = p is not None and p.status is not OutboxStatus.SENDING
        self.send_button.setEnabled(waiting)
        self.send_button.setText(self.tr("Send again") if p is not None and p.status in (
            OutboxStatus.FAILED, OutboxStatus.UNCERTAIN) else self.tr("Send now"))
        self.arrived_button.setEnabled(p is not None and p.status is OutboxStatus.UNCERTAIN)
        self.cancel_button.setEnabled(waiting)

    def _act(self, action: Callable[..., None], message_id: int, **kw: object) -> None:
        """One decision on a message, as a command (the view is disabled meanwhile, so a double
        click never decides twice); the courier looks at the outbox after it, also after a
        refusal, which is shown in a message box."""
        store, actor = self.ctx.store, self.ctx.actor
        self.setEnabled(False)
        self.ctx.ops.command(self, lambda: action(store, actor, message_id, **kw),
                             self._on_acted, on_failure=self._on_failed)

    def _on_acted(self, _result: object) -> None:
        self.setEnabled(True)
        self.ctx.wake_outbox()

    def _on_failed(self, exc: errors.DeskError) -> None:
        self.setEnabled(True)
        QMessageBox.warning(self, self.window().windowTitle(), messages.error_message(exc))
        self.ctx.wake_outbox()

    @Slot()
    def _on_send(self) -> None:
        p = self.selected()
        if p is None or p.status is OutboxStatus.SENDING:
            return
        if p.status is OutboxStatus.UNCERTAIN and QMessageBox.question(
                self, self.tr("Delivery not confirmed"),
                self.tr("It may have arrived already: sending it again may give the client a "
                        "second copy. Send it again?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self._act(outbox.send_again, p.id, seen=p.status)

    @Slot()
    def _on_arrived(self) -> None:
        p = self.selected()
        if p is not None and p.status is OutboxStatus.UNCERTAIN:
            self._act(outbox.confirm_arrived, p.id)

    @Slot()
    def _on_cancel(self) -> None:
        p = self.selected()
        if p is not None and p.status is not OutboxStatus.SENDING:
            self._act(outbox.cancel, p.id)
