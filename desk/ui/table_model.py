"""The common part of Desk's read-only table models: a list of DTO rows, translated headers and
sorting by a column.

A list that can grow is a ``QTreeView`` (or ``QTableView``) over a subclass of ``RowsModel``:
the view asks for the rows it shows, so a thousand entries cost what a screenful costs, and a
click on a header sorts by that column's meaning (dates as dates, amounts as amounts), not by
the text shown. ``sorted_view`` builds the view the way every list in Desk looks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from desk.services.crm import search

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowsModel(QAbstractTableModel):
    """Subclasses set ``HEADERS`` (QT_TRANSLATE_NOOP with their own class name as context, which
    is the context ``self.tr`` looks in) and either implement ``cell`` (the text of a column of
    a row; ``tooltip``, ``align_right`` and ``sort_key`` refine it) or ``data`` itself.

    Rows arrive with ``set_rows``; a sort the user chose survives new rows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # --- what a subclass describes ---------------------------------------------------------

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def align_right(self, column: int) -> bool:
        return False

    def foreground(self, row: Any, column: int) -> Any:
        """A QColor or QBrush for the text (red for a debt, grey for a reversed entry)."""
        return None

    def sort_key(self, row: Any, column: int) -> Any:
        """What a click on the column's header sorts by; the shown text by default, compared
        the way a Russian reader expects (case and ё ignored)."""
        return search.fold(self.cell(row, column))

    # --- the model -------------------------------------------------------------------------

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._sorted_by is not None:
            self._order(*self._sorted_by)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802 (Qt's name)
        if (orientation == Qt.Orientation.Horizontal and role == DISPLAY
                and 0 <= section < len(self.HEADERS)):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return self.cell(row, column)
        if role == TOOLTIP:
            return self.tooltip(row, column)
        if role == ALIGN and self.align_right(column):
            return RIGHT
        if role == FOREGROUND:
            return self.foreground(row, column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = self._order(column, order)
        self.changePersistentIndexList(
            before, [self.index(moved[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> dict[int, int]:
        """Sort the rows in place, stably; returns old row → new row."""
        def key(i: int):
            k = self.sort_key(self.rows[i], column)
            return (k is None, k if k is not None else 0)
        positions = sorted(range(len(self.rows)), key=key,
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[i] for i in positions]
        return {old: new for new, old in enumerate(positions)}


def sorted_view(model: RowsModel, widths: tuple[int, ...] = (),
                sort_column: int | None = None,
                order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTreeView:
    """A flat list over ``model``: whole-row selection, one row at a time, sortable by a header
    click, and sorted by ``sort_column`` to begin with (the model's order otherwise)."""
    view = QTreeView()
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAllColumnsShowFocus(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setModel(model)
    header = view.header()
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    if sort_column is None:
        header.setSortIndicator(-1, order)  # no column: the order the rows came in
    else:
        header.setSortIndicator(sort_column, order)
        model.sort(sort_column, order)
    header.sortIndicatorChanged.connect(model.sort)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view
