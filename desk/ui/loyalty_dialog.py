"""A family's loyalty signals, from its card: a review or a mention with its link, "recommends
us" heard in a survey, a call or in person, a family they brought (picked from the families);
a mistaken one removed. ``loyalty_text`` is the card's line about them."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import LoyaltyKind
from desk.services.crm import loyalty
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, chosen, submit
from desk.ui.labels import loyalty_kind_name
from desk.ui.leads_view import FamilyPicker


def loyalty_text(signals: list[loyalty.SignalRow]) -> str:
    """"Recommends us: brought Ивановы, Петровы · review 1" and "Came on the word of …" (HTML)."""
    brought = [html.escape(s.other) for s in signals
               if s.kind is LoyaltyKind.REFERRAL and not s.referrer]
    came = [html.escape(s.other) for s in signals if s.kind is LoyaltyKind.REFERRAL and s.referrer]
    counts = [f"{loyalty_kind_name(kind)} {n}" for kind in LoyaltyKind
              if kind is not LoyaltyKind.REFERRAL
              and (n := sum(1 for s in signals if s.kind is kind))]
    lines = []
    if brought or counts:
        said = ([QCoreApplication.translate("LoyaltyDialog", "brought {families}").format(
            families=", ".join(brought))] if brought else []) + counts
        lines.append(QCoreApplication.translate("LoyaltyDialog", "Recommends us:") + " "
                     + " · ".join(said))
    if came:
        lines.append(QCoreApplication.translate(
            "LoyaltyDialog", "Came on the word of: {families}").format(families=", ".join(came)))
    return "<br>".join(lines)


class LoyaltyDialog(QDialog):
    WRITES = ("add_button", "remove_button")

    def __init__(self, ctx: Context, family_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id = family_id
        self.rows: list[loyalty.SignalRow] = []
        self.referred: int | None = None
        self.setWindowTitle(self.tr("Loyalty signals"))
        self.resize(680, 520)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Details")])
        self.list.setColumnWidth(0, 95)
        self.list.setColumnWidth(1, 150)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.kind = QComboBox()
        for kind in LoyaltyKind:
            self.kind.addItem(loyalty_kind_name(kind), kind)
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://yandex.ru/maps/org/…")
        self.note = QLineEdit()
        self.family = QLabel(self.tr("not chosen"))
        self.family_button = QPushButton(self.tr("Choose…"))
        self.error = FieldError()
        self.add_button = QPushButton(self.tr("Add"))
        self.family_row = family_row = QHBoxLayout()
        family_row.addWidget(self.family, 1)
        family_row.addWidget(self.family_button)
        self.form = QFormLayout()
        self.form.addRow(self.tr("What:"), self.kind)
        self.form.addRow(self.tr("Date:"), self.day)
        self.form.addRow(self.tr("Link:"), self.link)
        self.form.addRow(self.tr("Family they brought:"), family_row)
        self.form.addRow(self.tr("Note:"), self.note)
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        under = QHBoxLayout()
        under.addWidget(self.remove_button)
        under.addStretch(1)
        adding = QHBoxLayout()
        adding.addStretch(1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(under)
        layout.addLayout(self.form)
        layout.addLayout(adding)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.family_button.clicked.connect(self._on_choose)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentItemChanged.connect(lambda *_: self._show_fields())
        self._show_fields()
        self.refresh()

    def refresh(self) -> None:
        store, fid = self.ctx.store, self.family_id
        self.ctx.ops.query(self, lambda: loyalty.of_family(store, fid), self._show_rows,
                           key="rows")

    def _show_rows(self, rows: list[loyalty.SignalRow]) -> None:
        self.rows = rows
        self.list.clear()
        tz = self.ctx.studio.tz
        for r in rows:
            if r.kind is LoyaltyKind.REFERRAL:
                details = (self.tr("came on the word of {family}") if r.referrer
                           else self.tr("brought {family}")).format(family=r.other)
            else:
                details = r.link
            if r.note:
                details += f" — {r.note}" if details else r.note
            self.list.addTopLevelItem(QTreeWidgetItem([
                fmt.short_date(r.at.astimezone(tz).date()), loyalty_kind_name(r.kind),
                details]))
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.link, kind in loyalty.LINKED)
        self.form.setRowVisible(self.family_row, kind is LoyaltyKind.REFERRAL)
        row = chosen(self.list, self.rows)
        self.remove_button.setEnabled(row is not None and not row.referrer)

    @Slot()
    def _on_choose(self) -> None:
        picker = FamilyPicker(self.ctx, "", self)
        if picker.exec() and picker.chosen is not None:
            self.referred = picker.chosen
            item = picker.list.currentItem()
            self.family.setText(item.text() if item else "")

    def draft(self) -> loyalty.SignalDraft:
        when = dt.datetime.combine(fmt.from_qdate(self.day.date()), dt.time(12),
                                   self.ctx.studio.tz)
        now = self.ctx.store.now()  # today's signal: noon, or now if it is not noon yet
        kind = self.kind.currentData()
        return loyalty.SignalDraft(self.family_id, kind, min(when, now),
                                   link=self.link.text() if kind in loyalty.LINKED else "",
                                   note=self.note.text(),
                                   referred_id=self.referred
                                   if kind is LoyaltyKind.REFERRAL else None)

    @Slot()
    def _on_add(self) -> None:
        draft = self.draft()
        submit(self.ctx.ops, self, self.error,
               lambda: loyalty.record(self.ctx.store, self.ctx.actor, draft), self._on_added)

    def _on_added(self, _signal_id: int) -> None:
        self.link.clear()
        self.note.clear()
        self.referred = None
        self.family.setText(self.tr("not chosen"))
        self.refresh()

    @Slot()
    def _on_remove(self) -> None:
        row = chosen(self.list, self.rows)
        if row is not None:
            signal_id = row.id
            submit(self.ctx.ops, self, self.error,
                   lambda: loyalty.remove(self.ctx.store, self.ctx.actor, signal_id),
                   lambda _r: self.refresh())
