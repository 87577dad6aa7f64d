"""The global audit log, filtered by person, dates and area."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from desk.services.crm import audit
from desk.services.staff import studio
from desk.services.store.changes import Change
from desk.ui import audit_text, fmt
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.labels import audit_area, audit_kind
from desk.ui.table_model import RowsModel, sorted_view


class JournalModel(RowsModel):
    """The audit records, newest first as the service gives them; "When" sorts by the moment."""

    COL_WHEN, COL_WHO, COL_WHAT, COL_FAMILY, COL_CHANGES = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("JournalModel", "When"),
        QT_TRANSLATE_NOOP("JournalModel", "Who"),
        QT_TRANSLATE_NOOP("JournalModel", "What"),
        QT_TRANSLATE_NOOP("JournalModel", "Family"),
        QT_TRANSLATE_NOOP("JournalModel", "Changes"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._changes: dict[int, str] = {}  # record id → the whole description

    def set_rows(self, rows: list[audit.AuditRow]) -> None:
        # described once per record, not on every paint (and before a sort may need it)
        self._changes = {r.id: audit_text.describe(r.before, r.after) for r in rows}
        super().set_rows(rows)

    def _described(self, row: audit.AuditRow) -> str:
        text = self._changes.get(row.id)
        return text if text is not None else audit_text.describe(row.before, row.after)

    def cell(self, row: audit.AuditRow, column: int) -> str:
        if column == self.COL_WHEN:
            return fmt.datetime_text(row.at, self.ctx.studio.tz)
        if column == self.COL_WHO:
            if row.for_name:  # work done for a colleague who handed it over
                return self.tr("{name} (for {colleague})").format(name=row.staff_name,
                                                                  colleague=row.for_name)
            return row.staff_name or self.tr("Desk")
        if column == self.COL_WHAT:
            return audit_kind(row.kind)
        if column == self.COL_FAMILY:
            return row.family
        if column == self.COL_CHANGES:
            return _short(self._described(row))
        return ""

    def tooltip(self, row: audit.AuditRow, column: int) -> str | None:
        if column == self.COL_FAMILY:
            return row.family
        if column == self.COL_CHANGES:
            return self._described(row)
        return None

    def sort_key(self, row: audit.AuditRow, column: int) -> Any:
        if column == self.COL_WHEN:
            return (row.at, row.id)  # the service's own order: by the moment, then as written
        return super().sort_key(row, column)


class AuditView(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = QComboBox()
        self.area = QComboBox()
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.since = QDateEdit(QDate(today.year, today.month, today.day).addDays(-30))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.model = JournalModel(ctx, self)
        # newest first, as the service lists them: the same order as "When" descending
        self.tree = sorted_view(self.model, widths=(130, 250, 190, 180),
                                sort_column=JournalModel.COL_WHEN,
                                order=Qt.SortOrder.DescendingOrder)
        self.count = QLabel()
        top = QHBoxLayout()
        for label, widget in ((self.tr("Person:"), self.person), (self.tr("Area:"), self.area),
                              (self.tr("From:"), self.since), (self.tr("To:"), self.until)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)

        self.person.addItem(self.tr("Everyone"), None)
        self.area.addItem(self.tr("All areas"), "")
        ctx.ops.query(self, lambda: (studio.staff(ctx.store, active_only=False),
                                     audit.kind_prefixes(ctx.store)), self._fill_filters,
                      key="filters")
        for combo in (self.person, self.area):
            combo.currentIndexChanged.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.AUDIT,))

    def _fill_filters(self, found: tuple[list[studio.StaffMember], list[str]]) -> None:
        staff, prefixes = found
        for combo in (self.person, self.area):
            combo.blockSignals(True)  # filling is not choosing
        for m in staff:
            self.person.addItem(m.name, m.id)
        for prefix in prefixes:
            self.area.addItem(audit_area(prefix), prefix)
        for combo in (self.person, self.area):
            combo.blockSignals(False)

    @Slot()
    def refresh(self) -> None:
        tz = self.ctx.studio.tz
        since, _ = studio.local_day_bounds(fmt.from_qdate(self.since.date()), tz)
        _, until = studio.local_day_bounds(fmt.from_qdate(self.until.date()), tz)
        staff_id, prefix = self.person.currentData(), self.area.currentData() or ""
        self.ctx.ops.query(self, lambda: audit.entries(
            self.ctx.store, staff_id=staff_id, since=since, until=until, kind_prefix=prefix),
            self._show)

    def _show(self, rows: list[audit.AuditRow]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n record(s)", "", len(rows)))


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


