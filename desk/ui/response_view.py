"""How the one-minute promise is kept: answers, the share within a minute, average and first
response times, and FCR (resolved in the first contact), per day and per person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.services.comms import inbox
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.inbox_queue import GREEN, RED, wait_text

PERIODS = (7, 30, 90)
PROMISE_TARGET = 0.95  # below this share the figure turns red


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


class ResponseView(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = QComboBox()
        for days in PERIODS:
            self.period.addItem(self.tr("last %n day(s)", "", days), days)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600;")
        headers = [self.tr("Answers"), self.tr("Within a minute"), self.tr("Average wait"),
                   self.tr("First answer"), self.tr("Closed"), self.tr("Resolved at once")]
        self.days = QTreeWidget()
        self.days.setRootIsDecorated(False)
        self.days.setHeaderLabels([self.tr("Day")] + headers)
        self.people = QTreeWidget()
        self.people.setRootIsDecorated(False)
        self.people.setHeaderLabels([self.tr("Who answered")] + headers)
        for tree in (self.days, self.people):
            tree.setColumnWidth(0, 170)
            for col in range(1, 7):
                tree.setColumnWidth(col, 140)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("By day")))
        layout.addWidget(self.days, 2)
        layout.addWidget(QLabel(self.tr("By person")))
        layout.addWidget(self.people, 1)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.INBOX,))

    @Slot()
    def refresh(self) -> None:
        today = self.ctx.store.now().astimezone(self.ctx.studio.tz).date()
        first = today - dt.timedelta(days=self.period.currentData() - 1)
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: inbox.stats(store, first, today), self._show_report)

    def _show_report(self, report: inbox.InboxReport) -> None:
        t = report.total
        self.summary.setText(self.tr(
            "Answered within a minute: {share} of {n}; resolved at once (FCR): {fcr}").format(
            share=percent(t.promise_share), n=t.responses, fcr=percent(t.fcr)))
        self._fill(self.days, [(fmt.day_text(dt.date.fromisoformat(f.label)), f)
                               for f in reversed(report.days)])
        self._fill(self.people, [(f.label or self.tr("the desk"), f) for f in report.people])

    def _fill(self, tree: QTreeWidget, rows) -> None:
        tree.clear()
        for label, f in rows:
            item = QTreeWidgetItem([
                label, str(f.responses), percent(f.promise_share), wait_text(f.response_avg_s),
                wait_text(f.first_response_avg_s), str(f.closed), percent(f.fcr)])
            if f.promise_share is not None:
                item.setForeground(2, QBrush(GREEN if f.promise_share >= PROMISE_TARGET
                                             else RED))
            tree.addTopLevelItem(item)
