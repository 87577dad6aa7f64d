"""Closing the loop with the client, the Communicator's side: the cases of negative feedback
(the oldest due first, late ones red), their steps and the loop's figures with their
definitions; the Today line of clients waiting for an answer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import LoopStatus
from desk.services.feedback import loop
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.colours import RED
from desk.ui.context import Context
from desk.ui.due_line import DueLine
from desk.ui.forms import FieldError, chosen, finish_form_dialog, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import close_reason_name, loop_status_name

KINDS = (Change.FEEDBACK, Change.FAMILY, Change.STUDIO)


class CloseDialog(QDialog):
    """Closing a loop case: a reason from the list and a comment."""

    def __init__(self, ctx: Context, case: loop.CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.setWindowTitle(self.tr("Close the case"))
        self.reason = QComboBox()
        self.reason.addItem("", None)
        for code in loop.CLOSE_REASONS:
            self.reason.addItem(close_reason_name(code), code)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(100)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        reason, comment, cid = self.reason.currentData() or "", self.comment.toPlainText(), \
            self.case.id
        submit(self.ctx.ops, self, self.error,
               lambda: loop.close(self.ctx.store, self.ctx.actor, cid, reason, comment),
               lambda _r: self.accept())


class LoopHoursDialog(QDialog):
    def __init__(self, ctx: Context, hours: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Answer deadline"))
        self.hours = QSpinBox()
        self.hours.setRange(*loop.HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(hours)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("A client who complained is answered within:"), self.hours)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        hours = self.hours.value()
        submit(self.ctx.ops, self, self.error,
               lambda: loop.set_hours(self.ctx.store, self.ctx.actor, hours),
               lambda _r: self.accept())


def _span(value: dt.timedelta | None) -> str:
    if value is None:
        return "—"
    hours = value.total_seconds() / 3600
    if hours < 48:
        return QCoreApplication.translate("LoopView", "{n} h").format(n=round(hours, 1))
    return QCoreApplication.translate("LoopView", "{n} days").format(n=round(hours / 24, 1))


class LoopView(QWidget):
    """The Communicator's cases: the clients who complained, the oldest due first (late ones
    red), the steps, and the loop's figures for the last 30 days with their definitions.

    Signals:
        family_requested(int)
    """

    WRITES = ("progress_button", "informed_button", "close_button", "hours_button")

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[loop.CaseRow] = []
        self.hours = 48
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Answer by"), self.tr("Family"),
                                   self.tr("What was said"), self.tr("State")])
        for col, width in enumerate((120, 160, 420)):
            self.list.setColumnWidth(col, width)
        self.error = FieldError()
        self.progress_button = QPushButton(self.tr("Taken up"))
        self.informed_button = QPushButton(self.tr("Client informed"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.family_button = QPushButton(self.tr("Open the family"))
        self.hours_button = QPushButton(self.tr("Deadline…"))
        buttons = QHBoxLayout()
        for b in (self.progress_button, self.informed_button, self.close_button,
                  self.family_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.hours_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.progress_button.clicked.connect(lambda: self._move(LoopStatus.IN_PROGRESS))
        self.informed_button.clicked.connect(lambda: self._move(LoopStatus.INFORMED))
        self.close_button.clicked.connect(self._on_close)
        self.family_button.clicked.connect(self._on_family)
        self.hours_button.clicked.connect(
            lambda: LoopHoursDialog(ctx, self.hours, self).exec())
        self.freshness = Freshness(self, self.refresh, ctx.notifier, KINDS)
        self._show()

    @Slot()
    def refresh(self) -> None:
        store = self.ctx.store
        now = store.now()

        def read():
            return (loop.cases(store), loop.figures(store, now - dt.timedelta(days=30),
                                                    now + dt.timedelta(seconds=1)),
                    loop.deadline_hours(store))

        self.ctx.ops.query(self, read, self._show_all, key="loop")

    def _show_all(self, found) -> None:
        self.rows, figures, self.hours = found
        current = self.selected()
        self.list.clear()
        for r in self.rows:
            item = QTreeWidgetItem([fmt.datetime_text(r.due_at, self.ctx.studio.tz), r.family,
                                    " ".join(r.quote.split()), loop_status_name(r.status)])
            if r.late:
                for col in range(4):
                    item.setForeground(col, QBrush(RED))
            self.list.addTopLevelItem(item)
        keep = [i for i, r in enumerate(self.rows) if current and r.id == current.id]
        if keep or self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(keep[0] if keep else 0))
        self._show_figures(figures)
        self._show()

    def _show_figures(self, f: loop.Figures) -> None:
        share = "—" if f.share_in_time is None else f"{round(100 * f.share_in_time)}%"
        ages = f.open_by_age
        cells = [
            (self.tr("Answered in time"), share,
             self.tr("negative items of 30 days with a first step by the deadline, of those "
                     "contacted or past it: {a} of {b}").format(a=f.in_time, b=f.judged)),
            (self.tr("First step"), _span(f.median_first_action),
             self.tr("median time from the item to the first step")),
            (self.tr("To close"), _span(f.median_close),
             self.tr("median time from the item to closing")),
            (self.tr("Open now"), str(sum(ages.values())),
             self.tr("under 24 h: {a}; 24–48 h: {b}; 2–7 days: {c}; over 7 days: {d}").format(
                 a=ages["under_24h"], b=ages["24_48h"], c=ages["2_7d"], d=ages["over_7d"])),
        ]
        self.figures.setText("<table cellspacing='12'><tr>" + "".join(
            f"<td><b>{title}: {value}</b><br/><small>{explain}</small></td>"
            for title, value, explain in cells) + "</tr></table>")

    def selected(self) -> loop.CaseRow | None:
        return chosen(self.list, self.rows)

    def _show(self) -> None:
        r = self.selected()
        moves = loop.MOVES[r.status] if r else ()
        self.progress_button.setEnabled(LoopStatus.IN_PROGRESS in moves)
        self.informed_button.setEnabled(LoopStatus.INFORMED in moves)
        self.close_button.setEnabled(r is not None)
        self.family_button.setEnabled(r is not None and r.family_id is not None)

    def _move(self, status: LoopStatus) -> None:
        r = self.selected()
        if r is not None:
            submit(self.ctx.ops, self, self.error,
                   lambda: loop.move(self.ctx.store, self.ctx.actor, r.id, status))

    def close_dialog(self, case: loop.CaseRow) -> CloseDialog:
        return CloseDialog(self.ctx, case, self)

    @Slot()
    def _on_close(self) -> None:
        r = self.selected()
        if r is not None:
            self.close_dialog(r).exec()

    @Slot()
    def _on_family(self) -> None:
        r = self.selected()
        if r is not None and r.family_id is not None:
            self.family_requested.emit(r.family_id)


class LoopDue(DueLine):
    """The Communicator's Today line: clients waiting for an answer to their feedback, red
    when any is past its deadline; a click opens them."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, loop.cases, self._words, KINDS,
                         self.tr("Open the answers to feedback"), parent)

    def _words(self, cases: list[loop.CaseRow]) -> tuple[str, bool, None]:
        late = sum(1 for c in cases if c.late)
        text = self.tr("Clients waiting for an answer to their feedback: {n}").format(
            n=len(cases))
        if late:
            text += " — " + self.tr("late: {n}").format(n=late)
        return text, bool(late), None
