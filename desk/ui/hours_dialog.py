"""Settings → working hours: up to two blocks a day (a lunch break between them) and holidays.
The desk's clock and call-back times follow them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton, QTimeEdit, QVBoxLayout,
    QWidget,
)

from desk.services.staff import hours
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, submit


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _set_time(edit: QTimeEdit, value: dt.time) -> None:
    edit.setTime(QTime(value.hour, value.minute))


def _time(edit: QTimeEdit) -> dt.time:
    t = edit.time()
    return dt.time(t.hour(), t.minute())


class HoursDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Working hours"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Works")), 0, 1)
        grid.addWidget(QLabel(self.tr("From")), 0, 2)
        grid.addWidget(QLabel(self.tr("To")), 0, 3)
        grid.addWidget(QLabel(self.tr("After a break")), 0, 4)
        grid.addWidget(QLabel(self.tr("From")), 0, 5)
        grid.addWidget(QLabel(self.tr("To")), 0, 6)
        self.rows = []
        for day in range(7):  # as a day without hours until the week is read
            row = (QCheckBox(), _time_edit(dt.time(10)), _time_edit(dt.time(14)), QCheckBox(),
                   _time_edit(dt.time(15)), _time_edit(dt.time(20)))
            monday = QDate(2024, 1, 1)  # a Monday: only its weekday name is shown
            grid.addWidget(QLabel(fmt.weekday_name(monday.addDays(day))), day + 1, 0)
            for col, widget in enumerate(row, start=1):
                grid.addWidget(widget, day + 1, col)
            self.rows.append(row)
        self.error = FieldError()
        week_box = QGroupBox(self.tr("Every week"))
        wl = QVBoxLayout(week_box)
        wl.addLayout(grid)
        wl.addWidget(self.error)

        self.holiday_date = QDateEdit(QDate.currentDate())
        self.holiday_date.setCalendarPopup(True)
        self.holiday_date.setDisplayFormat("dd.MM.yyyy")
        self.holiday_note = QLineEdit()
        self.holiday_note.setPlaceholderText(self.tr("e.g. New Year"))
        self.add_holiday = QPushButton(self.tr("Add a day off"))
        self.remove_holiday = QPushButton(self.tr("Remove"))
        self.holidays = QListWidget()
        add_row = QHBoxLayout()
        add_row.addWidget(self.holiday_date)
        add_row.addWidget(self.holiday_note, 1)
        add_row.addWidget(self.add_holiday)
        holidays_box = QGroupBox(self.tr("Days off"))
        hl = QVBoxLayout(holidays_box)
        hl.addLayout(add_row)
        hl.addWidget(self.holidays)
        hl.addWidget(self.remove_holiday, alignment=Qt.AlignmentFlag.AlignRight)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(week_box)
        layout.addWidget(holidays_box)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        self.add_holiday.clicked.connect(self._on_add_holiday)
        self.remove_holiday.clicked.connect(self._on_remove_holiday)
        self.days_off: dict[dt.date, str] = {}  # saved with Save
        # nothing to change or save until what is stored is shown (Save would overwrite it)
        self.loading = (week_box, holidays_box,
                        buttons.button(QDialogButtonBox.StandardButton.Save))
        for widget in self.loading:
            widget.setEnabled(False)
        store = ctx.store
        ctx.ops.query(self, lambda: (hours.current(store).blocks,
                                     [(day, note) for day, note in hours.holidays(store)]),
                      lambda read: self._show(*read))

    def _show(self, blocks: tuple[hours.Block, ...],
              days_off: list[tuple[dt.date, str]]) -> None:
        """The stored week (up to two blocks a day) and days off."""
        for day, (works, start1, end1, has_break, start2, end2) in enumerate(self.rows):
            found = sorted(b for b in blocks if b.weekday == day)
            works.setChecked(bool(found))
            has_break.setChecked(len(found) > 1)
            for block, start, end in zip(found, (start1, start2), (end1, end2)):
                _set_time(start, block.start)
                _set_time(end, block.end)
        self.days_off = dict(days_off)
        self._fill_holidays()
        for widget in self.loading:
            widget.setEnabled(True)

    def blocks(self) -> list[hours.Block]:
        found = []
        for day, (works, start1, end1, has_break, start2, end2) in enumerate(self.rows):
            if not works.isChecked():
                continue
            found.append(hours.Block(day, _time(start1), _time(end1)))
            if has_break.isChecked():
                found.append(hours.Block(day, _time(start2), _time(end2)))
        return found

    @Slot()
    def _on_accepted(self) -> None:
        store, actor = self.ctx.store, self.ctx.actor
        blocks, days_off = self.blocks(), dict(self.days_off)
        submit(self.ctx.ops, self, self.error,
               lambda: hours.save_week(store, actor, blocks, days_off), lambda _r: self.accept())

    def _fill_holidays(self) -> None:
        self.holidays.clear()
        for day, note in sorted(self.days_off.items()):
            item = QListWidgetItem(f"{fmt.short_date(day)}  {note}".strip())
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.holidays.addItem(item)

    @Slot()
    def _on_add_holiday(self) -> None:
        self.days_off[fmt.from_qdate(self.holiday_date.date())] = self.holiday_note.text().strip()
        self.holiday_note.clear()
        self._fill_holidays()

    @Slot()
    def _on_remove_holiday(self) -> None:
        item = self.holidays.currentItem()
        if item is not None:
            self.days_off.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self._fill_holidays()
