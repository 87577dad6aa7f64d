"""The inbox: every channel's conversations in one queue, the longest-waiting first, each with
its live timer (green under 40 s, amber to a minute, red beyond); the conversation beside it
with an answer box (canned replies with their blanks asked for, files and voice notes, quiet
hours, sending later), the holding reply, snoozing, and closing with "resolved in this
contact?". Every read and write goes through ``ctx.ops``; the dialogs live in
``inbox_dialogs``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QDialog, QFileDialog, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QListWidget, QListWidgetItem, QMenu, QPlainTextEdit,
    QPushButton, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from desk.models.enums import (
    FeedbackSource, FeedbackTone, InboxChannel, MessageDirection, OutboxStatus,
)
from desk.services.comms import inbox, leads, outbox, templates
from desk.services.crm import families
from desk.services.schedule import lessons
from desk.services.feedback import register
from desk.services.staff import hours
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.family_editor import FamilyEditor
from desk.ui.forms import FieldError, key_for, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.inbox_dialogs import (
    LogMessageDialog, ask_close_reason, ask_resolved, ask_uncertain, moment_dialog,
)
from desk.ui.inbox_queue import RED, QueueModel
from desk.ui.labels import channel_reason, inbox_channel_name
from desk.ui.leads_view import FamilyPicker
from desk.ui.item_dialog import to_feedback

if TYPE_CHECKING:  # the database layer loads on first use, after the window paints
    from desk.services.store.db import Actor, Store

RECENT = dt.timedelta(minutes=15)  # a client who wrote this recently is in a conversation


@dataclasses.dataclass(frozen=True)
class QueueLook:
    """The queue as read: its first page, the working hours its timers count in, and the
    outbox's (waiting, not delivered) counts."""

    rows: list[inbox.ConversationRow]
    hours: hours.Hours
    pending: tuple[int, int]


def _page(store: Store, mode: str, offset: int) -> list[inbox.ConversationRow]:
    return inbox.queue(store, offset=offset, limit=inbox.PAGE, closed=mode == "closed",
                       snoozed=mode == "snoozed")


def _read_queue(store: Store, mode: str) -> QueueLook:
    return QueueLook(_page(store, mode, 0), hours.current(store), outbox.count_pending(store))


def _snooze_till_morning(store: Store, actor: Actor, conversation_id: int) -> None:
    """Snooze until the studio next opens, at least 12 hours from now."""
    opens = hours.current(store).next_open(store.now() + dt.timedelta(hours=12))
    inbox.snooze(store, actor, conversation_id, opens)


class InboxView(QWidget):
    """Signals:
        family_requested(int)
    """

    # hidden on a read-only desk
    WRITES = (
        "attach_button", "close_button", "holding_button", "later_button", "link_button",
        "log_button", "new_family_button", "send_button", "snooze_button", "feedback_button",
        "teacher_button",
    )

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: inbox.ConversationRow | None = None
        self._last_in: dt.datetime | None = None  # the client's last message in the one shown
        self.attachment: Path | None = None
        self.send_at: dt.datetime | None = None
        self.shown: dict[int, inbox.MessageRow] = {}  # the conversation's messages on screen
        self._wanted: int | None = None  # the conversation to select once the queue is read
        self._pretick = False  # a new choice: its messages decide the "ongoing" box
        self._quiet = False  # selecting after a read: the conversation is shown once, after it
        # the queue
        self.show_box = QComboBox()
        self.show_box.addItem(self.tr("Open"), "open")
        self.show_box.addItem(self.tr("Snoozed"), "snoozed")
        self.show_box.addItem(self.tr("Closed"), "closed")
        self.log_button = QPushButton(self.tr("Write down a message…"))
        self.log_button.setToolTip(self.tr("A message from WhatsApp, VK, Instagram or the phone"))
        self.model = QueueModel(self._ask_page, self)
        self.queue = QTableView()
        self.queue.setModel(self.model)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.queue.setWordWrap(False)
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(QueueModel.COL_LAST, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 70), (1, 90), (2, 170)):
            self.queue.setColumnWidth(col, width)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.show_box)
        top.addStretch(1)
        top.addWidget(self.log_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.queue, 1)
        ll.addWidget(self.status)
        # the conversation
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.family_button = QPushButton(self.tr("Open the family"))
        self.link_button = QPushButton(self.tr("Link to a family…"))
        self.teacher_button = QPushButton(self.tr("A teacher…"))
        self.teacher_button.setToolTip(self.tr("The one writing is a teacher of the studio: the "
                                               "bot keeps their chat, so the desk can write to "
                                               "them"))
        self.new_family_button = QPushButton(self.tr("New family…"))
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.template = QComboBox()
        self.template.addItem(self.tr("Canned reply…"), None)
        for key, name in inbox.replies():
            self.template.addItem(name, key)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Answer… (Ctrl+Enter sends)"))
        self.text.setFixedHeight(96)
        self.attach_button = QPushButton(self.tr("Attach a file…"))
        self.voice = QCheckBox(self.tr("as a voice note"))
        self.voice.setEnabled(False)
        self.attachment_label = QLabel()
        self.ongoing = QCheckBox(self.tr("ongoing conversation"))
        self.ongoing.setToolTip(self.tr("Goes at once even in quiet hours (22:00–8:00)"))
        self.urgent = QCheckBox(self.tr("urgent"))
        self.when = QLabel()
        self.later_button = QPushButton(self.tr("Send later…"))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.holding_button = QPushButton(self.tr("“Answering in a minute”"))
        self.holding_button.setToolTip(self.tr("Send the studio's holding reply at once"))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        for label, delta in ((self.tr("for 30 minutes"), dt.timedelta(minutes=30)),
                             (self.tr("for an hour"), dt.timedelta(hours=1)),
                             (self.tr("for 3 hours"), dt.timedelta(hours=3))):
            self.snooze_menu.addAction(label, lambda d=delta: self.snooze_for(d))
        self.snooze_menu.addAction(self.tr("until tomorrow morning"), self._snooze_tomorrow)
        self.snooze_button.setMenu(self.snooze_menu)
        self.close_button = QPushButton(self.tr("Close…"))
        self.feedback_button = QPushButton(self.tr("To feedback…"))
        self.feedback_button.setToolTip(self.tr("Put the chosen message (or the client's "
                                                "last one) into the feedback register"))
        self.error = FieldError()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for b in (self.family_button, self.link_button, self.new_family_button,
                  self.teacher_button):
            head.addWidget(b)
        actions = QHBoxLayout()
        actions.addWidget(self.holding_button)
        actions.addStretch(1)
        actions.addWidget(self.feedback_button)
        actions.addWidget(self.snooze_button)
        actions.addWidget(self.close_button)
        compose_top = QHBoxLayout()
        compose_top.addWidget(self.template, 1)
        compose_top.addWidget(self.attach_button)
        compose_top.addWidget(self.voice)
        compose_bottom = QHBoxLayout()
        compose_bottom.addWidget(self.attachment_label)
        compose_bottom.addWidget(self.ongoing)
        compose_bottom.addWidget(self.urgent)
        compose_bottom.addStretch(1)
        compose_bottom.addWidget(self.when)
        compose_bottom.addWidget(self.later_button)
        compose_bottom.addWidget(self.send_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(head)
        rl.addLayout(actions)
        rl.addWidget(self.history, 1)
        rl.addLayout(compose_top)
        rl.addWidget(self.text)
        rl.addWidget(self.error)
        rl.addLayout(compose_bottom)
        side_by_side(self, left, right, [470, 730])

        self.queue.selectionModel().currentRowChanged.connect(
            lambda *_: self._quiet or self._select())
        self.show_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.log_button.clicked.connect(self._on_log)
        self.family_button.clicked.connect(
            lambda: self.current and self.family_requested.emit(self.current.family_id))
        self.link_button.clicked.connect(self._on_link)
        self.teacher_button.clicked.connect(self._on_teacher)
        self.new_family_button.clicked.connect(self._on_new_family)
        self.template.activated.connect(self._on_template)
        self.attach_button.clicked.connect(self._on_attach)
        self.later_button.clicked.connect(self._on_later)
        self.send_button.clicked.connect(self.send)
        self.holding_button.clicked.connect(self._on_holding)
        self.close_button.clicked.connect(self._on_close)
        self.feedback_button.clicked.connect(self._on_to_feedback)
        self.history.itemActivated.connect(self._on_message_activated)
        for box in (self.ongoing, self.urgent):
            box.toggled.connect(lambda _on: self._update_when())
        key_for(self.send_button, "Ctrl+Return", self.text)
        key_for(self.send_button, "Ctrl+Enter", self.text)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.INBOX, Change.FAMILY, Change.TEMPLATE))
        self._show_conversation()

    # loading ------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        mode, store = self.show_box.currentData(), self.ctx.store
        self.ctx.ops.query(self, lambda: _read_queue(store, mode), self._show_queue, key="queue")

    def _ask_page(self, offset: int,
                  deliver: Callable[[list[inbox.ConversationRow]], None]) -> None:
        mode, store = self.show_box.currentData(), self.ctx.store
        self.ctx.ops.query(self, lambda: _page(store, mode, offset), deliver, key="page")

    def _show_queue(self, look: QueueLook) -> None:
        wanted, self._wanted = self._wanted, None
        keep = self.current.id if self.current else None
        self.model.hours = look.hours
        self.model.now = self.ctx.store.now()
        self.model.set_rows(look.rows)
        ids = [r.id for r in look.rows]
        self._quiet = True
        try:
            if ids:
                self.queue.selectRow(next((ids.index(i) for i in (wanted, keep) if i in ids), 0))
        finally:
            self._quiet = False
        self._select()
        queued, failed = look.pending
        parts = []
        if queued:
            parts.append(self.tr("Waiting to go: %n", "", queued))
        if failed:
            parts.append(self.tr("Not delivered: %n", "", failed))
        self.status.setText(" · ".join(parts))
        self.ticker.start()

    @Slot()
    def tick(self) -> None:
        if not self.isVisible():
            self.ticker.stop()
            return
        now = self.ctx.store.now()
        self.model.tick(now)
        self._update_holding()

    def selected(self) -> inbox.ConversationRow | None:
        index = self.queue.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _select(self) -> None:
        row = self.selected()
        changed = (row.id if row else None) != (self.current.id if self.current else None)
        self.current = row
        if changed:
            self._clear_compose()
            self.history.clear()
            self.shown = {}
            # only a new choice of conversation pre-ticks "ongoing" (once its messages are
            # read); a refresh (another message arriving) never overrides what the person chose
            self._pretick = row is not None
        self._show_conversation()

    def _show_conversation(self) -> None:
        c = self.current
        for w in (self.family_button, self.link_button, self.new_family_button,
                  self.holding_button, self.snooze_button, self.close_button, self.template,
                  self.text, self.attach_button, self.later_button, self.send_button,
                  self.ongoing, self.urgent, self.feedback_button, self.teacher_button):
            w.setEnabled(c is not None)
        if c is None:
            self.history.clear()
            self.shown = {}
            self.title.setText(self.tr("No conversation chosen"))
            self.when.clear()
            return
        who = c.family_title or c.name or c.address
        self.title.setText(f"{who} · {inbox_channel_name(c.channel)}")
        self.family_button.setVisible(c.family_id is not None)
        self.link_button.setVisible(c.family_id is None)
        self.new_family_button.setVisible(c.family_id is None)
        self.teacher_button.setVisible(c.family_id is None
                                       and c.channel is InboxChannel.TELEGRAM)
        self._update_holding()
        cid, store = c.id, self.ctx.store
        self.ctx.ops.query(self, lambda: (cid, inbox.messages(store, cid)),
                           self._show_messages, key="history")

    def _show_messages(self, found: tuple[int, list[inbox.MessageRow]]) -> None:
        cid, messages = found
        if self.current is None or self.current.id != cid:
            return  # another conversation was chosen meanwhile
        tz = self.ctx.studio.tz
        self.history.clear()
        self.shown = {m.id: m for m in messages}
        for m in messages:
            self.history.addItem(self._message_item(m, tz))
        self.history.scrollToBottom()
        came = [m.at for m in messages if m.direction is MessageDirection.IN]
        self._last_in = came[-1] if came else None
        if self._pretick:
            self._pretick = False
            self.ongoing.setChecked(self._last_in is not None
                                    and self.ctx.store.now() - self._last_in < RECENT)
        self._update_when()

    def _message_item(self, m: inbox.MessageRow, tz) -> QListWidgetItem:
        when = fmt.datetime_text(m.at, tz)
        if m.direction is MessageDirection.IN:
            head = self.tr("{when} — client").format(when=when)
        else:
            head = f"{when} — {m.staff_name or self.tr('the desk')}"
            head += "  " + self._status_text(m, tz)
        body = m.text
        if m.attachment:
            body += ("\n" if body else "") + "📎 " + Path(m.attachment).name
        item = QListWidgetItem(f"{head}\n{body}")
        item.setData(Qt.ItemDataRole.UserRole, m.id)
        if m.direction is MessageDirection.OUT:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
            if m.status in (OutboxStatus.FAILED, OutboxStatus.UNCERTAIN) or (
                    m.status is OutboxStatus.QUEUED and m.last_error):
                item.setForeground(QBrush(RED))
        return item

    def _status_text(self, m: inbox.MessageRow, tz) -> str:
        if m.status is OutboxStatus.SENT:
            return self.tr("✓ delivered")
        if m.status is OutboxStatus.LOGGED:
            return self.tr("(written down)")
        if m.status is OutboxStatus.FAILED:
            return self.tr("✗ not delivered: {reason} (double-click to send again)").format(
                reason=channel_reason(m.last_error))
        if m.status is OutboxStatus.UNCERTAIN:
            return self.tr("? delivery not confirmed: {reason} (double-click to decide)").format(
                reason=channel_reason(m.last_error))
        if m.status is OutboxStatus.SENDING:
            return self.tr("… handing over")
        if m.status is OutboxStatus.CANCELLED:
            return self.tr("✗ cancelled")
        if m.last_error:
            return self.tr("⟳ retrying ({n}): {reason}").format(
                n=m.attempts, reason=channel_reason(m.last_error))
        if m.send_after and m.send_after > self.ctx.store.now():
            return self.tr("🕗 goes at {when}").format(when=fmt.datetime_text(m.send_after, tz))
        return self.tr("… sending")

    def _update_holding(self) -> None:
        c = self.current
        wait = self.model.wait_of(c) if c else None
        offer = wait is not None and wait >= inbox.HOLDING_AT_S and not c.holding_sent
        self.holding_button.setEnabled(c is not None and c.waiting_since is not None
                                       and not c.holding_sent)
        self.holding_button.setStyleSheet(
            "background: #ffe0b2; font-weight: 600;" if offer else "")

    def _update_when(self) -> None:
        """Say when the answer would go (quiet hours hold what is neither ongoing nor urgent):
        the service's rule, the same ``reply`` uses."""
        if self.current is None:
            return
        draft = inbox.ReplyDraft("", send_at=self.send_at, ongoing=self.ongoing.isChecked(),
                                 urgent=self.urgent.isChecked())
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: inbox.when_it_goes(store, draft), self._show_when,
                           key="when")

    def _show_when(self, goes: dt.datetime) -> None:
        if self.current is None:
            return
        if goes > self.ctx.store.now() + dt.timedelta(seconds=1):
            self.when.setText(self.tr("Goes at {when}").format(
                when=fmt.datetime_text(goes, self.ctx.studio.tz)))
        else:
            self.when.setText("")

    def _clear_compose(self) -> None:
        self.text.clear()
        self.attachment = None
        self.send_at = None
        self.attachment_label.clear()
        self.voice.setChecked(False)
        self.voice.setEnabled(False)
        self.urgent.setChecked(False)
        self.template.setCurrentIndex(0)
        self.error.show_message("")

    # answering ----------------------------------------------------------------------------
    @Slot(int)
    def _on_template(self, index: int) -> None:
        key = self.template.itemData(index)
        if key is None or self.current is None:
            return
        self.use_template(key)
        self.template.setCurrentIndex(0)

    def use_template(self, key: str) -> None:
        """Fill the answer box from a canned reply; ask for the blanks the desk cannot fill.
        The text stays editable: it is the preview of what will be sent."""
        cid, store = self.current.id, self.ctx.store
        self.ctx.ops.query(
            self, lambda: (cid, templates.get(store, key), inbox.template_values(store, cid)),
            self._fill_template, key="template")

    def _fill_template(self, found: tuple[int, str, dict[str, str]]) -> None:
        cid, body, values = found
        if self.current is None or self.current.id != cid:
            return
        _, missing = inbox.fill(body, values)
        for name in missing:
            value, ok = self.ask_value(name)
            if not ok:
                return
            values[name] = value
        text, _ = inbox.fill(body, values)
        self.text.setPlainText(text)
        self.text.setFocus()

    def ask_value(self, name: str) -> tuple[str, bool]:
        """What the template needs and Desk does not know; a date is picked on a calendar."""
        if name != "date":
            return QInputDialog.getText(self, self.tr("Fill in the template"),
                                        self.tr("Value for {%s}:") % name)
        tz = self.ctx.studio.tz
        dialog, edit = self._moment_dialog(self.tr("Fill in the template"),
                                           self.tr("Date and time:"), dt.timedelta(days=1))
        if not self.pick_date(dialog):
            return "", False
        return fmt.from_qdatetime(edit.dateTime(), tz).astimezone(tz).strftime(
            "%d.%m в %H:%M"), True

    def pick_date(self, dialog: QDialog) -> bool:
        return bool(dialog.exec())

    def _moment_dialog(self, title: str, label: str,
                       ahead: dt.timedelta) -> tuple[QDialog, QDateTimeEdit]:
        """A small dialog asking for one moment, starting ``ahead`` of now."""
        return moment_dialog(self, title, label, self.ctx.store.now() + ahead,
                             self.ctx.studio.tz)

    @Slot()
    def _on_attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), str(Path.home()))
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        self.attachment = path
        self.attachment_label.setText("📎 " + path.name)
        self.voice.setEnabled(path.suffix.lower() in (".ogg", ".oga", ".opus", ".mp3", ".m4a"))

    @Slot()
    def _on_later(self) -> None:
        dialog, edit = self._moment_dialog(self.tr("Send later"), self.tr("Send at:"),
                                           dt.timedelta(hours=1))
        if dialog.exec():
            self.schedule(fmt.from_qdatetime(edit.dateTime(), self.ctx.studio.tz))

    def schedule(self, at: dt.datetime) -> None:
        self.send_at = at
        self._update_when()
        self.send()

    @Slot()
    def send(self) -> None:
        c = self.current
        if c is None:
            return
        draft = inbox.ReplyDraft(self.text.toPlainText(), self.attachment,
                                 self.voice.isChecked(), self.send_at,
                                 ongoing=self.ongoing.isChecked(),
                                 urgent=self.urgent.isChecked())
        cid, store, actor = c.id, self.ctx.store, self.ctx.actor
        self._outgoing(lambda: inbox.reply(store, actor, cid, draft),
                       lambda _id: self._on_sent(cid))

    def _on_sent(self, conversation_id: int) -> None:
        if self.current is not None and self.current.id == conversation_id:
            self._clear_compose()

    @Slot()
    def _on_holding(self) -> None:
        if self.current is not None:
            cid, store, actor = self.current.id, self.ctx.store, self.ctx.actor
            self._outgoing(lambda: inbox.holding_reply(store, actor, cid))

    def _outgoing(self, write: Callable[[], object],
                  on_done: Callable[[object], None] | None = None) -> None:
        """A write that puts a message on its way to the client (or decides on one), as a
        form's (the view is disabled meanwhile, so a double click never sends twice; a failure
        shows beside the answer box); the courier looks at the outbox at once after it."""
        def done(result: object) -> None:
            if on_done is not None:
                on_done(result)
            self.ctx.wake_outbox()

        submit(self.ctx.ops, self, self.error, write, done)

    def snooze_for(self, delta: dt.timedelta) -> None:
        if self.current is not None:
            cid, store, actor = self.current.id, self.ctx.store, self.ctx.actor
            until = store.now() + delta
            submit(self.ctx.ops, self, self.error,
                   lambda: inbox.snooze(store, actor, cid, until))

    @Slot()
    def _snooze_tomorrow(self) -> None:
        if self.current is not None:
            cid, store, actor = self.current.id, self.ctx.store, self.ctx.actor
            submit(self.ctx.ops, self, self.error,
                   lambda: _snooze_till_morning(store, actor, cid))

    @Slot()
    def _on_close(self) -> None:
        if self.current is None:
            return
        cid, store = self.current.id, self.ctx.store
        self.ctx.ops.query(self, lambda: inbox.conversation(store, cid), self._ask_close,
                           key="close")

    def _ask_close(self, c: inbox.ConversationRow) -> None:
        """Closing asks "resolved in this contact?"; a client not answered here, why close."""
        if self.current is None or self.current.id != c.id:
            return
        if c.waiting_since is not None:
            reason = ask_close_reason(self)
            if reason is not None:
                self.close_conversation(None, reason)
            return
        resolved = ask_resolved(self)
        if resolved is not None:
            self.close_conversation(resolved)

    def close_conversation(self, resolved: bool | None, reason: str = "") -> None:
        if self.current is None:
            return
        cid, store, actor = self.current.id, self.ctx.store, self.ctx.actor
        submit(self.ctx.ops, self, self.error,
               lambda: inbox.close(store, actor, cid, resolved, reason))

    @Slot()
    def _on_to_feedback(self) -> None:
        """The chosen message, else the client's last one, into the feedback register."""
        c = self.current
        if c is None:
            return
        item = self.history.currentItem()
        chosen = self.shown.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if chosen is None or chosen.direction is not MessageDirection.IN:
            came = [m for m in self.shown.values() if m.direction is MessageDirection.IN]
            chosen = came[-1] if came else chosen
        to_feedback(self.ctx, self, register.ItemDraft(
            quote=chosen.text if chosen else "", tone=FeedbackTone.NEUTRAL,
            source=FeedbackSource.MESSAGE, source_id=chosen.id if chosen else None,
            family_id=c.family_id))

    def _on_message_activated(self, item: QListWidgetItem) -> None:
        m = self.shown.get(item.data(Qt.ItemDataRole.UserRole))
        if m is None:
            return
        if m.status is OutboxStatus.UNCERTAIN:
            self.decide_uncertain(m.id)
        elif m.status is OutboxStatus.FAILED:
            store, actor = self.ctx.store, self.ctx.actor
            self._outgoing(lambda: outbox.send_again(store, actor, m.id, seen=m.status))

    def decide_uncertain(self, message_id: int) -> None:
        """No answer came when it was handed over: it may have arrived. The person decides."""
        choice = ask_uncertain(self)
        store, actor = self.ctx.store, self.ctx.actor
        if choice == "again":
            decide = functools.partial(outbox.send_again, store, actor, message_id,
                                       seen=OutboxStatus.UNCERTAIN)
        elif choice == "arrived":
            decide = functools.partial(outbox.confirm_arrived, store, actor, message_id)
        else:
            return
        self._outgoing(decide)

    # families -------------------------------------------------------------------------------
    @Slot()
    def _on_log(self) -> None:
        dialog = LogMessageDialog(self.ctx, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.show_box.setCurrentIndex(0)
            self.select_conversation(dialog.saved_id)

    def select_conversation(self, conversation_id: int) -> None:
        """Read the queue anew and choose the conversation in it."""
        self._wanted = conversation_id
        self.refresh()

    @Slot()
    def _on_link(self) -> None:
        c = self.current
        if c is None:
            return
        picker = FamilyPicker(self.ctx, c.name, self)
        if picker.exec() and picker.chosen is not None:
            self.link(picker.chosen)

    def choose_teacher(self, teachers: list[tuple[int, str]]) -> int | None:
        """Which teacher is writing (replaced in tests)."""
        names = [name for _id, name in teachers]
        name, ok = QInputDialog.getItem(self, self.tr("A teacher is writing"),
                                        self.tr("Teacher:"), names, 0, False)
        return teachers[names.index(name)][0] if ok and name in names else None

    @Slot()
    def _on_teacher(self) -> None:
        c = self.current
        if c is None:
            return
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: [(t.id, t.name) for t in lessons.teachers(store)],
                           lambda teachers: self._link_teacher(c.id, teachers))

    def _link_teacher(self, conversation_id: int, teachers: list[tuple[int, str]]) -> None:
        teacher_id = self.choose_teacher(teachers)
        if teacher_id is not None:
            store, actor = self.ctx.store, self.ctx.actor
            submit(self.ctx.ops, self, self.error, lambda: inbox.link_teacher(
                store, actor, conversation_id, teacher_id))

    def link(self, family_id: int) -> None:
        if self.current is None:
            return
        cid, store, actor = self.current.id, self.ctx.store, self.ctx.actor
        self.ctx.ops.command(self, lambda: inbox.link_family(store, actor, cid, family_id))

    @Slot()
    def _on_new_family(self) -> None:
        c = self.current
        if c is None:
            return
        if c.lead_id is None:
            self._new_family(c.id, None)
            return
        cid, lead_id, store = c.id, c.lead_id, self.ctx.store
        self.ctx.ops.query(self, lambda: leads.family_draft(leads.get(store, lead_id)),
                           lambda draft: self._new_family(cid, draft), key="lead")

    def _new_family(self, conversation_id: int, draft: families.FamilyDraft | None) -> None:
        """The family editor, filled from the lead when the conversation started as one; the
        new family is saved and linked to the conversation in one go."""
        if self.current is None or self.current.id != conversation_id:
            return
        store, actor = self.ctx.store, self.ctx.actor
        editor = FamilyEditor(
            self.ctx, draft, parent=self,
            save=lambda d, cancel: inbox.new_family(store, actor, conversation_id, d,
                                                    cancel_lessons=cancel))
        editor.open_family_requested.connect(self.family_requested)
        editor.exec()
