"""The global audit log, filtered by person, dates and area."""

from __future__ import annotations


from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.services.crm import audit
from desk.services.staff import studio
from desk.services.store.changes import Change
from desk.ui import audit_text, fmt
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.labels import audit_area, audit_kind


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
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                   self.tr("Family"), self.tr("Changes")])
        for col, width in enumerate((130, 160, 190, 180)):
            self.tree.setColumnWidth(col, width)
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
        tz = self.ctx.studio.tz
        self.tree.clear()
        items = []
        for r in rows:
            item = QTreeWidgetItem([fmt.datetime_text(r.at, tz), r.staff_name or self.tr("Desk"),
                                    audit_kind(r.kind), r.family,
                                    _short(audit_text.describe(r.before, r.after))])
            item.setToolTip(3, r.family)
            item.setToolTip(4, audit_text.describe(r.before, r.after))
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.count.setText(self.tr("%n record(s)", "", len(rows)))


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


