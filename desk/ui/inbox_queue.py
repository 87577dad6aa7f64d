"""The inbox's queue: conversations page by page with their live waiting timers (green under
40 s, amber to a minute, red beyond), and the banner over the window from 40 s — or at once
when the Communicator is on a call or away."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desk.models.enums import PresenceState
from desk.services.calls import presence
from desk.services.comms import inbox
from desk.services.staff import hours
from desk.ui.labels import inbox_channel_name
from desk.ui.table_model import RowsModel

if TYPE_CHECKING:
    from collections.abc import Callable

    Rows = list[inbox.ConversationRow]
    AskPage = Callable[[int, Callable[[Rows], None]], None]  # (offset, deliver): starts a read

GREEN, AMBER, RED = QColor("#2e7d32"), QColor("#ef6c00"), QColor("#c62828")


def wait_text(seconds: int) -> str:
    minutes, sec = divmod(max(seconds, 0), 60)
    hours_, minutes = divmod(minutes, 60)
    return f"{hours_}:{minutes:02d}:{sec:02d}" if hours_ else f"{minutes}:{sec:02d}"


def wait_colour(seconds: int) -> QColor:
    if seconds < inbox.HOLDING_AT_S:
        return GREEN
    return AMBER if seconds <= inbox.PROMISE_S else RED


class QueueModel(RowsModel):
    """Conversations page by page (the queue never loads everything); the wait column is
    recomputed each second from the working hours. The model never reads: ``ask_page(offset,
    deliver)`` starts the read of the page from ``offset`` and hands its rows to ``deliver``."""

    COL_WAIT, COL_CHANNEL, COL_WHO, COL_LAST = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("QueueModel", "Waiting"),
        QT_TRANSLATE_NOOP("QueueModel", "Channel"),
        QT_TRANSLATE_NOOP("QueueModel", "Who"),
        QT_TRANSLATE_NOOP("QueueModel", "Last message"),
    )

    def __init__(self, ask_page: AskPage, parent=None) -> None:
        super().__init__(parent)
        self._ask_page = ask_page
        self._exhausted = True
        self._asked = False  # a page is on its way
        self._generation = 0  # a page asked for before the last reset is dropped
        self.hours: hours.Hours | None = None
        self.now = dt.datetime.now(dt.timezone.utc)

    def set_rows(self, rows: Rows) -> None:
        """The first page, read anew."""
        self.beginResetModel()
        self.rows = list(rows)
        self._exhausted = len(self.rows) < inbox.PAGE
        self._asked = False
        self._generation += 1
        self.endResetModel()

    def _add_page(self, generation: int, more: Rows) -> None:
        if generation != self._generation:
            return  # the queue was read anew meanwhile
        self._asked = False
        self._exhausted = len(more) < inbox.PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._asked

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._asked = True
        generation = self._generation
        self._ask_page(len(self.rows), lambda more: self._add_page(generation, more))

    def wait_of(self, row: inbox.ConversationRow) -> int | None:
        if row.waiting_since is None or row.closed_at is not None:
            return None
        if self.hours is None:
            return row.wait_s
        return self.hours.working_seconds(row.waiting_since, self.now)

    def tick(self, now: dt.datetime) -> None:
        self.now = now
        waiting = [i for i, r in enumerate(self.rows) if r.waiting_since is not None]
        if waiting:
            self.dataChanged.emit(self.index(min(waiting), self.COL_WAIT),
                                  self.index(max(waiting), self.COL_WAIT))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_WAIT:
                wait = self.wait_of(r)
                if wait is None:
                    return "✓" if r.closed_at is None else ""
                return ("⏸ " if r.holding_sent else "") + wait_text(wait)
            if col == self.COL_CHANNEL:
                return inbox_channel_name(r.channel)
            if col == self.COL_WHO:
                return r.family_title or r.name or r.address
            return " ".join(r.last_text.split())[:120]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_WAIT:
            wait = self.wait_of(r)
            return QBrush(wait_colour(wait)) if wait is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_WHO and r.lead_id:
            return self.tr("Not linked to a family yet: an application")
        return None


class WaitingBanner(QWidget):
    """A strip over the whole window while a client has waited 40 s or more.

    Signals:
        answer_requested(int): the conversation to open.
    """

    answer_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation_id: int | None = None
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.button = QPushButton(self.tr("Answer"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(
            lambda: self.conversation_id and self.answer_requested.emit(self.conversation_id))
        self.hide()

    def show_wait(self, row: inbox.ConversationRow | None,
                  busy: presence.Status | None = None) -> None:
        """``busy``: the Communicator is on a call or away, so the colleague is asked to
        answer (the banner then shows from the first second)."""
        if row is None:
            self.conversation_id = None
            self.hide()
            return
        self.conversation_id = row.id
        colour = RED if row.wait_s > inbox.PROMISE_S or busy else AMBER
        self.setStyleSheet(f"background: {colour.lighter(185).name()};")
        text = self.tr("{who} ({channel}) has been waiting for an answer for {wait}").format(
            who=row.family_title or row.name or row.address,
            channel=inbox_channel_name(row.channel), wait=wait_text(row.wait_s))
        if busy is not None:
            text = (self.tr("{name} is on a call, please answer instead:")
                    if busy.state is PresenceState.ON_CALL else
                    self.tr("{name} is away, please answer instead:")).format(
                name=busy.name) + " " + text
        self.label.setText(text)
        self.show()
