"""The Families area: search as you type (in the store, never in a proxy), results loaded page by
page, and the family card beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP, QTimer,
    Signal, Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from desk.services.crm import families
from desk.services.schedule import attendance
from desk.services.store.changes import Change
from desk.ui.context import Context
from desk.ui.forms import key_for
from desk.ui.freshness import Freshness
from desk.ui.labels import stage_name
from desk.ui.table_model import RowsModel
from desk.ui.family_card import FamilyCardView
from desk.ui.family_editor import FamilyEditor

if TYPE_CHECKING:
    from desk.services.store.db import Store

IdRole = Qt.ItemDataRole.UserRole + 1
PAGE = 100


class FamilyListModel(RowsModel):
    """Holds the ids of every match and the rows of the pages fetched so far. ``fetch_rows(ids,
    on_rows)`` reads the rows of ``ids`` off the UI thread and hands them to ``on_rows``."""

    COL_PARENTS, COL_CHILDREN, COL_PHONES = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("FamilyListModel", "Parents"),
        QT_TRANSLATE_NOOP("FamilyListModel", "Children"),
        QT_TRANSLATE_NOOP("FamilyListModel", "Phones"),
    )

    def __init__(self, fetch_rows: Callable[[list[int], Callable[[list[families.FamilyRow]],
                                                                  None]], None],
                 parent=None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self.ids: list[int] = []
        self._asked = False  # a page is on its way
        self._generation = 0  # a new search drops the pages asked for the old one

    def set_result(self, ids: list[int], first_page: list[families.FamilyRow]) -> None:
        """A new search: every matching id and the rows of the first page."""
        self.beginResetModel()
        self._generation += 1
        self._asked = False
        self.ids = ids
        self.rows = list(first_page)
        self.endResetModel()

    def row_at(self, row: int) -> families.FamilyRow:
        return self.rows[row]

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._asked and len(self.rows) < len(self.ids)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        start, generation = len(self.rows), self._generation
        self._asked = True
        self._fetch_rows(self.ids[start:start + PAGE],
                         lambda more: self._add_rows(generation, start, more))

    def _add_rows(self, generation: int, start: int, more: list[families.FamilyRow]) -> None:
        if generation != self._generation or start != len(self.rows):
            return
        self._asked = False
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (r.parents, r.children, r.phones)[index.column()]
        if role == IdRole:
            return r.id
        return None


def find(store: Store, text: str, stage: str | None, order: tuple[int, bool] | None = None,
         ) -> tuple[list[int], list[families.FamilyRow]]:
    """Every family matching ``text`` (with a child at ``stage`` when given), sorted by
    ``order`` (a column and descending) or by relevance, and the rows of the first page."""
    ids = families.find_ids(store, text)
    if stage is not None:
        wanted = attendance.families_in_stage(store, stage)
        ids = [i for i in ids if i in wanted]
    if order is not None:
        ids = families.sort_ids(store, ids, families.SORTABLE[order[0]], order[1])
    return ids, families.rows_for(store, ids[:PAGE])


class ResultsTable(QTableView):
    """Enter opens the selected family.

    Signals:
        activated_row(int): the row the user opened.
    """

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class FamiliesView(QWidget):
    WRITES = ("new_button",)  # hidden on a read-only desk

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search: parent's or child's name, any digits of a phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.stage = QComboBox()
        self.stage.addItem(self.tr("Any stage"), None)
        for _low, _high, name in attendance.STAGES:
            self.stage.addItem(stage_name(name), name)
        self.stage.setToolTip(self.tr("Families with a child at this stage (attended lessons)"))
        self.new_button = QPushButton(self.tr("New family"))
        self.new_button.setToolTip(self.tr("New family (Ctrl+N)"))
        self.model = FamilyListModel(self._fetch_rows, self)
        self.table = ResultsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)  # a click sorts every match, not the page shown
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # relevance to begin with
        self.order: tuple[int, bool] | None = None
        self.table.setWordWrap(False)
        header.resizeSection(FamilyListModel.COL_PARENTS, 190)
        header.resizeSection(FamilyListModel.COL_CHILDREN, 170)
        header.setSectionResizeMode(FamilyListModel.COL_PHONES, QHeaderView.ResizeMode.Stretch)
        self.card = FamilyCardView(ctx)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.stage)
        top.addWidget(self.new_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.count)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 660])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)
        key_for(self.new_button, "Ctrl+N", self)
        self.search.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self.run_search)
        self.search.returnPressed.connect(self._on_search_return)
        self.stage.currentIndexChanged.connect(self.run_search)
        header.sortIndicatorChanged.connect(self._on_sort)
        self.table.activated_row.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._open_row(cur.row()) if cur.isValid() else None)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.card.family_requested.connect(self.open_family)
        self.freshness = Freshness(self, self.run_search, ctx.notifier, (Change.FAMILY,))

    @Slot()
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def run_search(self) -> None:
        self._search()

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.order = (column, order == Qt.SortOrder.DescendingOrder) if column >= 0 else None
        self.run_search()

    def _search(self, then: Callable[[], None] | None = None) -> None:
        """Look for the typed text (and stage); ``then`` runs once the results are shown."""
        text, stage, order = self.search.text(), self.stage.currentData(), self.order
        self.ctx.ops.query(self, lambda: find(self.ctx.store, text, stage, order),
                           lambda found: self._show_results(found, then), key="search")

    def _show_results(self, found: tuple[list[int], list[families.FamilyRow]],
                      then: Callable[[], None] | None) -> None:
        ids, first_page = found
        self.model.set_result(ids, first_page)
        self.count.setText(self.tr("%n family(ies) found", "", len(ids)))
        if then is not None:
            then()

    def _fetch_rows(self, ids: list[int],
                    on_rows: Callable[[list[families.FamilyRow]], None]) -> None:
        self.ctx.ops.query(self, lambda: families.rows_for(self.ctx.store, ids), on_rows,
                           key="page")

    @Slot()
    def _on_search_return(self) -> None:
        self._debounce.stop()
        self._search(then=self._open_first)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self._open_row(0)
            self.table.setFocus()

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.card.show_family(self.model.row_at(row).id)

    @Slot(int)
    def open_family(self, family_id: int) -> None:
        self.card.show_family(family_id)

    @Slot()
    def _on_new_clicked(self) -> None:
        editor = FamilyEditor(self.ctx, parent=self)
        editor.open_family_requested.connect(self.open_family)
        if editor.exec() and editor.saved_id is not None:
            self.open_family(editor.saved_id)
