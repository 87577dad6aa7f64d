"""The sortable base of Desk's lists: sorting by meaning, stable, kept across new rows, and a
model Qt's own tester accepts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPersistentModelIndex, Qt

from desk.ui.table_model import RowsModel, sorted_view


@dataclass(frozen=True)
class Entry:
    name: str
    amount: int


class EntryModel(RowsModel):
    HEADERS = ("Name", "Amount")

    def cell(self, row: Entry, column: int) -> str:
        return row.name if column == 0 else f"{row.amount / 100:.2f}"

    def sort_key(self, row: Entry, column: int):
        return super().sort_key(row, column) if column == 0 else row.amount

    def align_right(self, column: int) -> bool:
        return column == 1


ROWS = [Entry("Ёжик", 900), Entry("анна", 10000), Entry("Егор", -500), Entry("Борис", 900)]


def names(model: RowsModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_sorts_amounts_as_numbers_and_names_as_a_reader_does(qtbot, qtmodeltester):
    model = EntryModel()
    view = sorted_view(model)
    qtbot.addWidget(view)
    model.set_rows(ROWS)
    assert names(model) == ["Ёжик", "анна", "Егор", "Борис"]  # as they came
    qtmodeltester.check(model)

    view.header().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # a header click
    assert names(model) == ["Егор", "Ёжик", "Борис", "анна"]  # -5 < 9 = 9 < 100; ties stay
    view.header().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["анна", "Ёжик", "Борис", "Егор"]
    view.header().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["анна", "Борис", "Егор", "Ёжик"]  # case ignored, ё after е as е
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    qtmodeltester.check(model)


def test_the_chosen_sort_survives_new_rows_and_selection_follows_the_row(qtbot):
    model = EntryModel()
    view = sorted_view(model, sort_column=1, order=Qt.SortOrder.DescendingOrder)
    qtbot.addWidget(view)
    model.set_rows(ROWS)
    assert names(model)[0] == "анна"
    kept = QPersistentModelIndex(model.index(names(model).index("Егор"), 0))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert kept.row() == 2 and kept.data() == "Егор"
    model.set_rows(ROWS + [Entry("Алла", 1)])
    assert names(model) == ["Алла", "анна", "Борис", "Егор", "Ёжик"]
