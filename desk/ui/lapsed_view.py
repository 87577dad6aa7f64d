"""The Communicator's no-shows and lapsed clients: who to call, a call guided by the
lapsed-client script (which asks for the reason code), and the reasons counted per month."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSpinBox, QTabWidget, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.models.enums import ScriptPurpose
from desk.services.calls import lapsed, scripts
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.labels import lapse_reason_name
from desk.ui.script_call import ScriptCallDialog

if TYPE_CHECKING:
    # the weeks, the no-shows, the lapsed families, the reasons by month
    Lists = tuple[int, list[lapsed.NoShow], list[lapsed.Lapsed], dict[str, Counter]]


class LapsedView(QWidget):
    """Signals:
        family_requested(int)
    """

    WRITES = ("call_button",)  # hidden on a read-only desk

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 52)
        self.weeks.setSuffix(self.tr(" weeks"))
        self.call_button = QPushButton(self.tr("Call with the script…"))
        self.call_button.setToolTip(self.tr("The lapsed-client script guides the call and "
                                            "asks for the reason"))
        self.open_button = QPushButton(self.tr("Open the family"))
        self.no_shows = QTreeWidget()
        self.no_shows.setRootIsDecorated(False)
        self.no_shows.setHeaderLabels([self.tr("Lesson"), self.tr("Child"), self.tr("Direction"),
                                       self.tr("Family")])
        self.lapsed = QTreeWidget()
        self.lapsed.setRootIsDecorated(False)
        self.lapsed.setHeaderLabels([self.tr("Family"), self.tr("Last visit"),
                                     self.tr("Lessons attended")])
        for tree, widths in ((self.no_shows, (130, 180, 180)), (self.lapsed, (260, 130))):
            for col, width in enumerate(widths):
                tree.setColumnWidth(col, width)
        self.lists = QTabWidget()
        self.lists.addTab(self.no_shows, self.tr("Did not come (30 days)"))
        self.lists.addTab(self.lapsed, self.tr("Not seen for a while"))
        self.months = QTreeWidget()
        self.months.setRootIsDecorated(False)
        self.months.setHeaderLabels([self.tr("Month"), self.tr("Reasons")])
        self.months.setColumnWidth(0, 100)
        self.months.setMaximumHeight(150)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Not seen for more than")))
        top.addWidget(self.weeks)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.call_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.lists, 1)
        layout.addWidget(QLabel(self.tr("Reasons by month")))
        layout.addWidget(self.months)
        self.weeks.editingFinished.connect(self._on_weeks_changed)
        self.call_button.clicked.connect(self._on_call)
        self.open_button.clicked.connect(self._on_open)
        self.lists.currentChanged.connect(lambda _i: self._update())
        for tree in (self.no_shows, self.lapsed):
            tree.currentItemChanged.connect(lambda *_: self._update())
            tree.itemDoubleClicked.connect(lambda *_: self._on_call())
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.CALL, Change.ENROLMENT))
        self._update()

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, self._read, self._show_lists)

    def _read(self) -> Lists:
        store = self.ctx.store
        return (lapsed.weeks(store), lapsed.no_shows(store), lapsed.lapsed(store),
                lapsed.reasons_by_month(store))

    def _show_lists(self, found: Lists) -> None:
        weeks, no_shows, lapsed_rows, months = found
        tz = self.ctx.studio.tz
        self.weeks.setValue(weeks)
        self.no_shows.clear()
        for r in no_shows:
            item = QTreeWidgetItem([fmt.datetime_text(r.lesson_at, tz), r.child, r.direction,
                                    r.family_title])
            item.setData(0, Qt.ItemDataRole.UserRole, (r.family_id, r.family_title,
                                                       r.enrolment_id))
            self.no_shows.addTopLevelItem(item)
        self.lapsed.clear()
        for r in lapsed_rows:
            item = QTreeWidgetItem([r.family_title, fmt.short_date(r.last_visit.astimezone(tz)),
                                    str(r.visits)])
            item.setData(0, Qt.ItemDataRole.UserRole, (r.family_id, r.family_title, None))
            self.lapsed.addTopLevelItem(item)
        self.lists.setTabText(0, self.tr("Did not come (30 days): %n", "",
                                         self.no_shows.topLevelItemCount()))
        self.lists.setTabText(1, self.tr("Not seen for a while: %n", "",
                                         self.lapsed.topLevelItemCount()))
        self.months.clear()
        for month, counts in months.items():
            text = ", ".join(f"{lapse_reason_name(reason)}: {n}"
                             for reason, n in counts.most_common())
            self.months.addTopLevelItem(QTreeWidgetItem([month, text]))
        self._update()

    def _selected(self):
        tree = self.no_shows if self.lists.currentIndex() == 0 else self.lapsed
        item = tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _update(self) -> None:
        has = self._selected() is not None
        self.call_button.setEnabled(has)
        self.open_button.setEnabled(has)

    @Slot()
    def _on_call(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            family_id, _title, enrolment_id = chosen
            self.ctx.ops.query(
                self, lambda: scripts.for_purpose(self.ctx.store, ScriptPurpose.LAPSED),
                lambda script: ScriptCallDialog(self.ctx, family_id, script, enrolment_id,
                                                self).exec(), key="script")

    @Slot()
    def _on_open(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.family_requested.emit(chosen[0])

    @Slot()
    def _on_weeks_changed(self) -> None:
        wanted = self.weeks.value()

        def change() -> None:
            if wanted != lapsed.weeks(self.ctx.store):
                lapsed.set_weeks(self.ctx.store, self.ctx.actor, wanted)

        self.ctx.ops.command(self, change)
