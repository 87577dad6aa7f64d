"""The wallet on a family card, a top-up dialog, and the dialog that posts pasted payment lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.wallet import PaymentMethod
from desk.services import errors, families, money, payments, wallet
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog
from desk.ui.labels import entry_kind_name, method_name

NEGATIVE = QColor("#c62828")


def method_combo() -> QComboBox:
    combo = QComboBox()
    for method in PaymentMethod:
        combo.addItem(method_name(method), method)
    return combo


class TopUpDialog(QDialog):
    def __init__(self, ctx: Context, family_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id = family_id
        self.setWindowTitle(self.tr("Top up the wallet"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("2 500,00")
        self.amount_error = FieldError()
        self.method = method_combo()
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Amount, ₽:"), self.amount)
        form.addRow("", self.amount_error)
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Comment:"), self.note)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        try:
            amount = money.parse(self.amount.text())
        except ValueError:
            self.amount_error.show_message(self.tr("Enter an amount such as 2 500 or 2500,50."))
            return
        if amount <= 0:
            self.amount_error.show_message(self.tr("The amount must be more than zero."))
            return
        try:
            wallet.top_up(self.ctx.store, self.ctx.actor, self.family_id, amount,
                          self.method.currentData(), self.note.text().strip())
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        self.ctx.notifier.changed.emit("wallet")
        self.accept()


class WalletPanel(QWidget):
    """Balance and ledger of one family; corrections are new reversing entries."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id: int | None = None
        self.balance = QLabel()
        self.balance.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.top_up_button = QPushButton(self.tr("Top up…"))
        self.reverse_button = QPushButton(self.tr("Reverse the entry…"))
        self.ledger = QTreeWidget()
        self.ledger.setRootIsDecorated(False)
        self.ledger.setHeaderLabels([self.tr("When"), self.tr("Entry"), self.tr("Amount"),
                                     self.tr("Method"), self.tr("Comment"), self.tr("Who")])
        for col, width in enumerate((120, 150, 100, 130, 120, 130)):
            self.ledger.setColumnWidth(col, width)
        self.ledger.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.ledger.header().setStretchLastSection(False)
        top = QHBoxLayout()
        top.addWidget(self.balance, 1)
        top.addWidget(self.reverse_button)
        top.addWidget(self.top_up_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.ledger, 1)
        self.top_up_button.clicked.connect(self._on_top_up_clicked)
        self.reverse_button.clicked.connect(self._on_reverse_clicked)
        self.ledger.currentItemChanged.connect(lambda *_: self._update_buttons())
        ctx.notifier.changed.connect(lambda kind: kind in ("wallet", "all") and self.refresh())

    def show_family(self, family_id: int) -> None:
        self.family_id = family_id
        self.refresh()

    def refresh(self) -> None:
        if self.family_id is None:
            return
        view = wallet.view(self.ctx.store, self.family_id)
        self.balance.setText(self.tr("Balance: {amount}").format(
            amount=money.format_rub(view.balance)))
        self.balance.setStyleSheet("font-size: 13pt; font-weight: 600;"
                                   + (" color: #c62828;" if view.balance < 0 else ""))
        self.ledger.clear()
        for line in view.lines:
            item = QTreeWidgetItem([
                fmt.datetime_text(line.at, self.ctx.studio.tz), entry_kind_name(line.kind),
                money.format_rub(line.amount), method_name(line.method) if line.method else "",
                line.note + (" " + self.tr("(reversed)") if line.reversed_by else ""),
                line.staff_name])
            item.setData(0, Qt.ItemDataRole.UserRole, line)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line.amount < 0:
                item.setForeground(2, QBrush(NEGATIVE))
            self.ledger.addTopLevelItem(item)
        self._update_buttons()

    def _selected(self) -> wallet.LedgerLine | None:
        item = self.ledger.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        line = self._selected()
        self.reverse_button.setEnabled(
            line is not None and line.reversed_by is None and line.reverses_id is None)

    @Slot()
    def _on_top_up_clicked(self) -> None:
        if self.family_id is not None:
            TopUpDialog(self.ctx, self.family_id, self).exec()

    @Slot()
    def _on_reverse_clicked(self) -> None:
        line = self._selected()
        if line is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reverse the entry"),
            self.tr("The entry of {amount} stays in the ledger and a correction cancels it. "
                    "Why?").format(amount=money.format_rub(line.amount)))
        if not ok:
            return
        try:
            wallet.reverse(self.ctx.store, self.ctx.actor, line.id, reason.strip())
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.tr("Reverse the entry"), messages.error_message(exc))
            return
        self.ctx.notifier.changed.emit("wallet")


class PaymentsDialog(QDialog):
    """Paste lines such as "2500 Демин Саша", check them, choose where a line fits several
    families, then post them all at once."""

    COL_LINE, COL_AMOUNT, COL_NAME, COL_FAMILY = range(4)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[payments.PaymentLine] = []
        self.setWindowTitle(self.tr("Post payments"))
        self.resize(860, 620)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr(
            "One payment per line: amount and the surname and first name of a parent or a "
            "child, e.g.\n2500 Демин Саша\n2 500,50 ₽ Ёлкин Саша"))
        self.check_button = QPushButton(self.tr("Check the lines"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Amount"),
                                              self.tr("Name"), self.tr("Family")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(self.COL_FAMILY,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.COL_LINE, 60)
        self.table.setColumnWidth(self.COL_AMOUNT, 120)
        self.table.setColumnWidth(self.COL_NAME, 220)
        self.method = method_combo()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.post_button = QPushButton(self.tr("Post"))
        self.post_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Method:")))
        bottom.addWidget(self.method)
        bottom.addStretch(1)
        bottom.addWidget(self.post_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.check_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.check_button.clicked.connect(self.check)
        self.post_button.clicked.connect(self._on_post_clicked)
        close.clicked.connect(self.reject)

    @Slot()
    def check(self) -> None:
        self.lines = payments.parse(self.ctx.store, self.text.toPlainText())
        titles = {}
        with_candidates = sorted({c for p in self.lines for c in p.candidates})
        for row in families.rows_for(self.ctx.store, with_candidates):
            titles[row.id] = f"{row.parents} — {row.children}".strip(" —")
        self.table.setRowCount(len(self.lines))
        for r, p in enumerate(self.lines):
            self.table.setItem(r, self.COL_LINE, QTableWidgetItem(str(p.line)))
            amount = money.format_rub(p.amount_kopecks) if p.amount_kopecks is not None else ""
            self.table.setItem(r, self.COL_AMOUNT, QTableWidgetItem(amount))
            self.table.setItem(r, self.COL_NAME, QTableWidgetItem(p.name or p.text))
            self.table.removeCellWidget(r, self.COL_FAMILY)
            if p.error == "several families match":
                combo = QComboBox()
                combo.addItem(self.tr("— choose the family —"), None)
                for fid in p.candidates:
                    combo.addItem(titles.get(fid, str(fid)), fid)
                combo.currentIndexChanged.connect(self._update_summary)
                self.table.setCellWidget(r, self.COL_FAMILY, combo)
                self.table.setItem(r, self.COL_FAMILY, QTableWidgetItem())
            elif p.error:
                item = QTableWidgetItem(self._error_text(p.error))
                item.setForeground(QBrush(NEGATIVE))
                self.table.setItem(r, self.COL_FAMILY, item)
            else:
                self.table.setItem(r, self.COL_FAMILY, QTableWidgetItem(
                    titles.get(p.family_id, str(p.family_id))))
        self._update_summary()

    def _error_text(self, code: str) -> str:
        return {
            "no amount": self.tr("No amount in this line"),
            "more than one amount": self.tr("More than one amount in this line"),
            "the amount is zero": self.tr("The amount is zero"),
            "no name": self.tr("No name in this line"),
            "no family matches": self.tr("No family with this name"),
        }.get(code, code)

    def choices(self) -> dict[int, int]:
        found = {}
        for r, p in enumerate(self.lines):
            combo = self.table.cellWidget(r, self.COL_FAMILY)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                found[p.line] = combo.currentData()
        return found

    def _ready(self) -> tuple[list[payments.PaymentLine], int]:
        """The lines that can be posted, and how many still need attention."""
        chosen = self.choices()
        ready = [p for p in self.lines if p.error is None or p.line in chosen]
        return ready, len(self.lines) - len(ready)

    @Slot()
    def _update_summary(self) -> None:
        ready, pending = self._ready()
        total = sum(p.amount_kopecks or 0 for p in ready)
        text = self.tr("Ready to post: %n line(s)", "", len(ready)) + ", " + \
            money.format_rub(total) + "."
        if pending:
            text += " " + self.tr("%n line(s) need attention and will not be posted.", "",
                                  pending)
        self.summary.setText(text)
        self.post_button.setEnabled(bool(ready))

    @Slot()
    def _on_post_clicked(self) -> None:
        ready, _ = self._ready()
        method = self.method.currentData()
        try:
            result = payments.post(self.ctx.store, self.ctx.actor, ready, method,
                                   choices=self.choices())
        except payments.AlreadyPosted as exc:
            lines = ", ".join(map(str, exc.params["lines"]))
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Lines {lines} were already posted earlier (the same text). Are they "
                        "new payments that should be posted again?").format(lines=lines),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            result = payments.post(self.ctx.store, self.ctx.actor, ready, method,
                                   choices=self.choices(), confirm_new=True)
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        self.ctx.notifier.changed.emit("wallet")
        self.summary.setText(self.tr("Posted: %n payment(s)", "", result.entries) + ", "
                             + money.format_rub(result.total) + ".")
        self.post_button.setEnabled(False)
        self.text.clear()
        self.lines = []
        self.table.setRowCount(0)
