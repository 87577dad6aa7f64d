"""The wallet on a family card, the top-up and reversal dialogs, the dialog that posts pasted
payment lines, and the studio's payment rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import PaymentMethod
from desk.services.store.changes import Change
from desk.services.crm import families
from desk.services.money import amounts, payments, wallet
from desk.services.staff import studio
from desk.services.store import errors
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, report, submit
from desk.ui.labels import entry_kind_name, method_name
from desk.ui.table_model import RowsModel, sorted_view

if TYPE_CHECKING:
    from desk.services.store.db import Store

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
        self._saving = False  # a top-up is on its way: a second press waits for it
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
        if self._saving:
            return
        try:
            amount = amounts.parse(self.amount.text())
        except amounts.AmountError as exc:
            self.amount_error.show_message(
                self.tr("Enter an amount such as 2 500 or 2500,50.")
                if exc.reason == amounts.NO_AMOUNT else messages.amount_message(exc.reason))
            return
        if amount == 0:
            self.amount_error.show_message(messages.field_message("amount_zero"))
            return
        self._saving = True
        self.ctx.ops.query(self, lambda: studio.info(self.ctx.store).large_payment,
                           lambda large: self._post(amount, large), key="rules",
                           on_failure=self._on_failed)

    def _post(self, amount: int, large: int) -> None:
        """Top up, once a large amount is confirmed."""
        if amount > large and QMessageBox.question(
                self, self.windowTitle(),
                self.tr("{amount} is a large payment (over {limit}). Is the amount right?")
                .format(amount=amounts.format_rub(amount), limit=amounts.format_rub(large)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            self._saving = False
            self.amount.setFocus()
            return
        family_id, method, note = self.family_id, self.method.currentData(), \
            self.note.text().strip()
        self.ctx.ops.command(
            self, lambda: wallet.top_up(self.ctx.store, self.ctx.actor, family_id, amount,
                                        method, note),
            self._on_posted, on_failure=self._on_failed)

    def _on_posted(self, _entry_id: int) -> None:
        self.amount_error.show_message("")
        self.accept()

    def _on_failed(self, exc: errors.DeskError) -> None:
        self._saving = False
        report(self, self.amount_error, exc)


class ReverseDialog(QDialog):
    """Why an entry is reversed: the reason is required and stays in the ledger."""

    def __init__(self, ctx: Context, line: wallet.LedgerLine,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.line = line
        self.setWindowTitle(self.tr("Reverse the entry"))
        intro = QLabel(self.tr("The entry of {amount} stays in the ledger and a correction "
                               "cancels it.").format(amount=amounts.format_rub(line.amount)))
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. posted to the wrong family"))
        self.reason_error = FieldError()
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow("", self.reason_error)
        finish_form_dialog(self, form, self._on_accepted)

    @Slot()
    def _on_accepted(self) -> None:
        entry_id, reason = self.line.id, self.reason.text()
        submit(self.ctx.ops, self, self.reason_error,
               lambda: wallet.reverse(self.ctx.store, self.ctx.actor, entry_id, reason),
               lambda _r: self.accept())


class PaymentRulesDialog(QDialog):
    """Settings → Payments: from which amount a payment line needs a confirmation, and within
    how many days the same payment again is a repeat."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Payments"))
        self.large = QLineEdit()
        self.large_error = FieldError()
        self.repeat_days = QSpinBox()
        self.repeat_days.setRange(1, 90)
        self.repeat_days.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("A large payment, to confirm, from (₽):"), self.large)
        form.addRow("", self.large_error)
        form.addRow(self.tr("The same payment again is a repeat within:"), self.repeat_days)
        buttons = finish_form_dialog(self, form, self._on_accepted)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the rules in force are shown
        ctx.ops.query(self, lambda: studio.info(ctx.store), self._show_rules)

    def _show_rules(self, rules: studio.StudioInfo) -> None:
        self.large.setText(amounts.format_rub(rules.large_payment).replace("\u00a0₽", ""))
        self.repeat_days.setValue(rules.repeat_days)
        self.save_button.setEnabled(True)

    @Slot()
    def _on_accepted(self) -> None:
        try:
            large = amounts.parse(self.large.text())
        except amounts.AmountError as exc:
            self.large_error.show_message(messages.amount_message(exc.reason))
            return
        days = self.repeat_days.value()
        submit(self.ctx.ops, self, self.large_error,
               lambda: studio.set_payment_rules(self.ctx.store, self.ctx.actor, large, days),
               lambda _r: self.accept())


class LedgerModel(RowsModel):
    """A family's ledger, newest entry first as the service gives it; the amount sorts by the
    kopecks, a negative one is red."""

    COL_WHEN, COL_ENTRY, COL_AMOUNT, COL_METHOD, COL_COMMENT, COL_WHO = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "When"),
        QT_TRANSLATE_NOOP("LedgerModel", "Entry"),
        QT_TRANSLATE_NOOP("LedgerModel", "Amount"),
        QT_TRANSLATE_NOOP("LedgerModel", "Method"),
        QT_TRANSLATE_NOOP("LedgerModel", "Comment"),
        QT_TRANSLATE_NOOP("LedgerModel", "Who"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def comment(self, line: wallet.LedgerLine) -> str:
        return line.note + (" " + self.tr("(reversed)") if line.reversed_by else "")

    def cell(self, row: wallet.LedgerLine, column: int) -> str:
        if column == self.COL_WHEN:
            return fmt.datetime_text(row.at, self.ctx.studio.tz)
        if column == self.COL_ENTRY:
            return entry_kind_name(row.kind)
        if column == self.COL_AMOUNT:
            return amounts.format_rub(row.amount)
        if column == self.COL_METHOD:
            return method_name(row.method) if row.method else ""
        if column == self.COL_COMMENT:
            return self.comment(row)
        if column == self.COL_WHO:
            return row.staff_name
        return ""

    def tooltip(self, row: wallet.LedgerLine, column: int) -> str | None:
        # the whole comment, however narrow the column
        return self.comment(row) if column == self.COL_COMMENT else None

    def align_right(self, column: int) -> bool:
        return column == self.COL_AMOUNT

    def foreground(self, row: wallet.LedgerLine, column: int) -> Any:
        return QBrush(NEGATIVE) if column == self.COL_AMOUNT and row.amount < 0 else None

    def sort_key(self, row: wallet.LedgerLine, column: int) -> Any:
        if column == self.COL_WHEN:
            return (row.at, row.seq)
        if column == self.COL_AMOUNT:
            return row.amount
        return super().sort_key(row, column)


class WalletPanel(QWidget):
    """Balance and ledger of one family; corrections are new reversing entries."""

    WRITES = ("reverse_button", "top_up_button")  # hidden on a read-only desk
    COL_COMMENT = LedgerModel.COL_COMMENT

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id: int | None = None
        self.balance = QLabel()
        self.balance.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.top_up_button = QPushButton(self.tr("Top up…"))
        self.reverse_button = QPushButton(self.tr("Reverse the entry…"))
        self.model = LedgerModel(ctx, self)
        self.ledger = sorted_view(self.model)  # in the service's order: the newest entry first
        header = self.ledger.header()  # the comment takes what the short columns leave
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_COMMENT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        top = QHBoxLayout()
        top.addWidget(self.balance, 1)
        top.addWidget(self.reverse_button)
        top.addWidget(self.top_up_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.ledger, 1)
        self.top_up_button.clicked.connect(self._on_top_up_clicked)
        self.reverse_button.clicked.connect(self._on_reverse_clicked)
        self.ledger.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        ctx.notifier.changed.connect(
            lambda kinds: kinds & {Change.WALLET, Change.STUDIO} and self.refresh())

    def show_family(self, family_id: int) -> None:
        self.family_id = family_id
        self.refresh()

    def refresh(self) -> None:
        family_id = self.family_id
        if family_id is None:
            return
        self.ctx.ops.query(self, lambda: wallet.view(self.ctx.store, family_id), self._show_view)

    def _show_view(self, view: wallet.WalletView) -> None:
        self.balance.setText(self.tr("Balance: {amount}").format(
            amount=amounts.format_rub(view.balance)))
        self.balance.setStyleSheet("font-size: 13pt; font-weight: 600;"
                                   + (" color: #c62828;" if view.balance < 0 else ""))
        self.model.set_rows(list(view.lines))
        self._update_buttons()

    def _selected(self) -> wallet.LedgerLine | None:
        index = self.ledger.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

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
        if line is not None:
            ReverseDialog(self.ctx, line, self).exec()


Preview = "tuple[list[payments.PaymentLine], studio.StudioInfo, dict[int, str]]"


def preview(store: Store, text: str) -> Preview:
    """The pasted lines checked, the studio's payment rules, and the title of every family a
    line may be for."""
    lines = payments.parse(store, text)
    candidates = sorted({c for p in lines for c in p.candidates})
    titles = {row.id: f"{row.parents} — {row.children}".strip(" —")
              for row in families.rows_for(store, candidates)}
    return lines, studio.info(store), titles


class PaymentsDialog(QDialog):
    """Paste lines such as "2500 Демин Саша", check them, choose where a line fits several
    families, tick the repeats that are real second payments and confirm large amounts, then
    post the ready lines at once."""

    COL_LINE, COL_AMOUNT, COL_NAME, COL_FAMILY, COL_CHECK = range(5)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[payments.PaymentLine] = []
        self.rules: studio.StudioInfo | None = None
        self._posting = False  # a post is on its way: the button waits for it
        self.repeat_boxes: dict[int, QCheckBox] = {}
        self.large_boxes: dict[int, QCheckBox] = {}
        self.setWindowTitle(self.tr("Post payments"))
        self.resize(1000, 640)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr(
            "One payment per line: amount and the surname and first name of a parent or a "
            "child, e.g.\n2500 Демин Саша\n2 500,50 ₽ Ёлкин Саша"))
        self.check_button = QPushButton(self.tr("Check the lines"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Amount"),
                                              self.tr("Name"), self.tr("Family"),
                                              self.tr("Needs a decision")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(self.COL_FAMILY,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.COL_LINE, 60)
        self.table.setColumnWidth(self.COL_AMOUNT, 120)
        self.table.setColumnWidth(self.COL_NAME, 200)
        self.table.setColumnWidth(self.COL_CHECK, 250)
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
        self._check()

    def _check(self, then: Callable[[], None] | None = None) -> None:
        """Check the pasted lines; ``then`` runs once they are shown."""
        text = self.text.toPlainText()
        self.ctx.ops.query(self, lambda: preview(self.ctx.store, text),
                           lambda found: self._show_preview(found, then), key="check")

    def _show_preview(self, found: Preview, then: Callable[[], None] | None) -> None:
        self.lines, self.rules, titles = found
        self._show_lines(titles)
        if then is not None:
            then()

    def _show_lines(self, titles: dict[int, str]) -> None:
        self.repeat_boxes, self.large_boxes = {}, {}
        self.table.setRowCount(len(self.lines))
        for r, p in enumerate(self.lines):
            self.table.setItem(r, self.COL_LINE, QTableWidgetItem(str(p.line)))
            amount = amounts.format_rub(p.amount_kopecks) if p.amount_kopecks is not None else ""
            self.table.setItem(r, self.COL_AMOUNT, QTableWidgetItem(amount))
            name = QTableWidgetItem(p.name or p.text)
            name.setToolTip(p.text)
            self.table.setItem(r, self.COL_NAME, name)
            self.table.removeCellWidget(r, self.COL_FAMILY)
            self.table.removeCellWidget(r, self.COL_CHECK)
            self.table.setItem(r, self.COL_CHECK, QTableWidgetItem())
            if p.error == "several families match":
                combo = QComboBox()
                combo.addItem(self.tr("— choose the family —"), None)
                for fid in p.candidates:
                    combo.addItem(titles.get(fid, str(fid)), fid)
                combo.currentIndexChanged.connect(self._on_family_chosen)
                self.table.setCellWidget(r, self.COL_FAMILY, combo)
                self.table.setItem(r, self.COL_FAMILY, QTableWidgetItem())
            elif p.error:
                item = QTableWidgetItem(messages.amount_message(p.error))
                item.setToolTip(item.text())
                item.setForeground(QBrush(NEGATIVE))
                self.table.setItem(r, self.COL_FAMILY, item)
            else:
                self.table.setItem(r, self.COL_FAMILY, QTableWidgetItem(
                    titles.get(p.family_id, str(p.family_id))))
            self._add_checks(r, p, p.repeat)
        self._update_summary()

    @Slot()
    def _on_family_chosen(self) -> None:
        """A line that fits several families may repeat a payment of the one chosen."""
        lines, choices = self.lines, self.choices()
        self.ctx.ops.query(self, lambda: payments.repeats(self.ctx.store, lines, choices),
                           lambda found: self._show_repeats(lines, found), key="repeats")

    def _show_repeats(self, lines: list[payments.PaymentLine], found: set[int]) -> None:
        if lines is not self.lines:  # checked again meanwhile
            return
        for r, p in enumerate(self.lines):
            if p.error == "several families match" and (p.line in found) != (
                    p.line in self.repeat_boxes):
                self.repeat_boxes.pop(p.line, None)
                self.large_boxes.pop(p.line, None)
                self._add_checks(r, p, p.line in found)
        self._update_summary()

    def _add_checks(self, row: int, p: payments.PaymentLine, repeat: bool) -> None:
        """A repeat is left out unless ticked as a real second payment; a large amount is
        posted only when ticked as right."""
        rules = self.rules
        assert rules is not None
        self.table.removeCellWidget(row, self.COL_CHECK)
        boxes = []
        if repeat:
            box = QCheckBox(self.tr("A repeat: post it again"))
            box.setToolTip(self.tr("The same family got the same amount under this name in "
                                   "the last %n day(s). Tick it only if this is a second "
                                   "payment.", "", rules.repeat_days))
            self.repeat_boxes[p.line] = box
            boxes.append(box)
        if p.large and p.error in (None, "several families match"):
            box = QCheckBox(self.tr("A large amount: it is right"))
            box.setToolTip(self.tr("Over {limit}: check the amount before posting it.").format(
                limit=amounts.format_rub(rules.large_payment)))
            self.large_boxes[p.line] = box
            boxes.append(box)
        if not boxes:
            return
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(0)
        for box in boxes:
            box.setStyleSheet("color: #b26a00;")
            box.toggled.connect(self._update_summary)
            column.addWidget(box)
        self.table.setCellWidget(row, self.COL_CHECK, cell)

    def choices(self) -> dict[int, int]:
        found = {}
        for r, p in enumerate(self.lines):
            combo = self.table.cellWidget(r, self.COL_FAMILY)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                found[p.line] = combo.currentData()
        return found

    def _ticked(self, boxes: dict[int, QCheckBox]) -> set[int]:
        return {line for line, box in boxes.items() if box.isChecked()}

    def _ready(self) -> tuple[list[payments.PaymentLine], int, int]:
        """The lines that will be posted, the repeats left out, and how many other lines
        still need attention."""
        chosen = self.choices()
        repeats_ok, large_ok = self._ticked(self.repeat_boxes), self._ticked(self.large_boxes)
        matched = [p for p in self.lines if p.error is None or p.line in chosen]
        ready = [p for p in matched if (p.line not in self.repeat_boxes or p.line in repeats_ok)
                 and (p.line not in self.large_boxes or p.line in large_ok)]
        left_out = sum(1 for p in matched
                       if p.line in self.repeat_boxes and p.line not in repeats_ok)
        return ready, left_out, len(self.lines) - len(ready) - left_out

    @Slot()
    def _update_summary(self) -> None:
        ready, left_out, pending = self._ready()
        total = sum(p.amount_kopecks or 0 for p in ready)
        text = self.tr("Ready to post: %n line(s)", "", len(ready)) + ", " + \
            amounts.format_rub(total) + "."
        if left_out:
            text += " " + self.tr("%n repeat(s) of recent payments will not be posted.", "",
                                  left_out)
        if pending:
            text += " " + self.tr("%n line(s) need attention and will not be posted.", "",
                                  pending)
        self.summary.setText(text)
        self.post_button.setEnabled(bool(ready) and not self._posting)

    @Slot()
    def _on_post_clicked(self) -> None:
        if self._posting:
            return
        ready, _, _ = self._ready()
        method, choices = self.method.currentData(), self.choices()
        repeats_ok, large_ok = self._ticked(self.repeat_boxes), self._ticked(self.large_boxes)
        self._posting = True
        self.post_button.setEnabled(False)
        self.ctx.ops.command(
            self, lambda: payments.post(self.ctx.store, self.ctx.actor, ready, method,
                                        choices=choices, confirm_repeats=repeats_ok,
                                        confirm_large=large_ok),
            self._on_posted, on_failure=self._on_post_failed)

    def _on_post_failed(self, exc: errors.DeskError) -> None:
        self._posting = False
        self._update_summary()
        QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))

    def _on_posted(self, result: payments.Posted) -> None:
        self._posting = False
        if result.repeats:  # posted by someone else since the check: look again
            self._check(then=lambda: self.summary.setText(self.tr(
                "Posted: %n payment(s)", "", result.entries) + ". " + self.tr(
                "Lines {lines} were posted in the meantime and were left out.").format(
                lines=", ".join(map(str, result.repeats)))))
            return
        self.summary.setText(self.tr("Posted: %n payment(s)", "", result.entries) + ", "
                             + amounts.format_rub(result.total) + ".")
        self.post_button.setEnabled(False)
        self.text.clear()
        self.lines = []
        self.repeat_boxes, self.large_boxes = {}, {}
        self.table.setRowCount(0)
