"""Wallet control (families short for the coming week, reminders in one step) and the finance
report by day, method and direction with XLSX export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import EntryKind, PaymentMethod
from desk.services.money import amounts, finance
from desk.services.store import errors
from desk.services.store.changes import Change
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.forms import side_by_side
from desk.ui.freshness import Freshness
from desk.ui.labels import entry_kind_name, method_name


class FinanceView(QWidget):
    WRITES = ("remind_button",)  # hidden on a read-only desk

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.alerts: list[finance.WalletAlert] = []
        self.report: finance.Report | None = None

        self.control = QTreeWidget()
        self.control.setRootIsDecorated(False)
        self.control.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.control.setHeaderLabels([self.tr("Family"), self.tr("Balance"),
                                      self.tr("Next 7 days"), self.tr("Short by")])
        self.control.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.control.header().setStretchLastSection(False)
        for col in (1, 2, 3):
            self.control.setColumnWidth(col, 110)
        self.remind_button = QPushButton(self.tr("Remind the selected families"))
        self.control_summary = QLabel()

        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.since = QDateEdit(QDate(today.year, today.month, 1))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.show_button = QPushButton(self.tr("Show"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Day"), self.tr("Entry"),
                                    self.tr("Method or direction"), self.tr("Amount"),
                                    self.tr("Entries")])
        for col, width in enumerate((100, 160, 200, 120)):
            self.table.setColumnWidth(col, width)
        self.totals = QLabel()
        self.totals.setWordWrap(True)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Wallet control: negative or not enough for the coming week")))
        ll.addWidget(self.control, 1)
        row = QHBoxLayout()
        row.addWidget(self.control_summary, 1)
        row.addWidget(self.remind_button)
        ll.addLayout(row)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Finance report from")))
        top.addWidget(self.since)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.until)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        rl.addLayout(top)
        rl.addWidget(self.table, 1)
        rl.addWidget(self.totals)
        side_by_side(self, left, right, [480, 720])

        self.remind_button.clicked.connect(self._on_remind)
        self.show_button.clicked.connect(self.show_report)
        self.export_button.clicked.connect(self._on_export)
        self.control.itemSelectionChanged.connect(
            lambda: self.remind_button.setEnabled(bool(self.control.selectedItems())))
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.WALLET, Change.ENROLMENT, Change.SCHEDULE))
        self.remind_button.setEnabled(False)

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, lambda: finance.control(self.ctx.store), self._show_control,
                           key="control")
        self.show_report()

    def _show_control(self, alerts: list[finance.WalletAlert]) -> None:
        self.alerts = alerts
        self.control.clear()
        for a in self.alerts:
            item = QTreeWidgetItem([a.title, amounts.format_rub(a.balance),
                                    amounts.format_rub(a.upcoming), amounts.format_rub(a.shortfall)])
            item.setData(0, Qt.ItemDataRole.UserRole, a.family_id)
            for col in (1, 2, 3):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.control.addTopLevelItem(item)
        self.control_summary.setText(self.tr("%n family(ies) to remind", "", len(self.alerts)))

    @Slot()
    def _on_remind(self) -> None:
        chosen = {i.data(0, Qt.ItemDataRole.UserRole) for i in self.control.selectedItems()}
        alerts = [a for a in self.alerts if a.family_id in chosen]
        self.ctx.ops.command(self, lambda: finance.remind(self.ctx.store, self.ctx.actor, alerts),
                             self._show_reminded)

    def _show_reminded(self, done: finance.Reminded) -> None:
        text = self.tr("Reminders for the Communicator: %n", "", done.created)
        if done.already:
            text += ". " + self.tr("%n family(ies) already have an open reminder this week.", "",
                                   done.already)
        self.control_summary.setText(text)

    def _dates(self) -> tuple[dt.date, dt.date]:
        return fmt.from_qdate(self.since.date()), fmt.from_qdate(self.until.date())

    @Slot()
    def show_report(self) -> None:
        since, until = self._dates()
        self.ctx.ops.query(self, lambda: finance.report(self.ctx.store, since, until),
                           self._show_report, key="report", on_failure=self._on_report_failed)

    def _on_report_failed(self, exc: errors.DeskError) -> None:
        if isinstance(exc, errors.ValidationFailed):
            self.totals.setText(self.tr("The end date is before the start date."))
        else:
            QMessageBox.warning(self, self.tr("Finance report"), messages.error_message(exc))

    def _show_report(self, report: finance.Report) -> None:
        self.report = report
        self.table.clear()
        for r in self.report.rows:
            group = method_name(PaymentMethod(r.group)) if r.group in _METHODS else r.group
            item = QTreeWidgetItem([fmt.short_date(r.day), entry_kind_name(r.kind), group,
                                    amounts.format_rub(r.amount), str(r.count)])
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        self.totals.setText("; ".join(
            f"{entry_kind_name(kind)}: {amounts.format_rub(self.report.total(kind))}"
            for kind in EntryKind if self.report.total(kind)))

    @Slot()
    def _on_export(self) -> None:
        since, until = self._dates()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the finance report"),
            str(Path.home() / f"finance-{since}-{until}.xlsx"), self.tr("Excel (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        since, until = self._dates()
        labels = report_labels()
        self.ctx.ops.query(
            self, lambda _p: finance.export_xlsx(finance.report(self.ctx.store, since, until),
                                                 path, labels),
            lambda _r: self.totals.setText(self.tr("Saved: {path}").format(path=path)),
            key="export", progress=self.tr("Exporting…"))


_METHODS = {m.value for m in PaymentMethod}


def report_labels() -> dict[str, str]:
    """Column names, kinds and methods in the user's language for the XLSX file."""
    labels = {k.value: entry_kind_name(k) for k in EntryKind}
    labels.update({m.value: method_name(m) for m in PaymentMethod})
    labels.update({
        "day": QCoreApplication.translate("FinanceView", "Day"),
        "kind": QCoreApplication.translate("FinanceView", "Entry"),
        "method_or_direction": QCoreApplication.translate("FinanceView", "Method or direction"),
        "amount_rub": QCoreApplication.translate("FinanceView", "Amount, ₽"),
        "entries": QCoreApplication.translate("FinanceView", "Entries"),
        "sheet.rows": QCoreApplication.translate("FinanceView", "Entries"),
        "sheet.totals": QCoreApplication.translate("FinanceView", "Totals"),
    })
    return labels
