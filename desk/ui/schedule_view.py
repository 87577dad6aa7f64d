"""The schedule: a week grid (days × start times, each lesson with its fill "5/8") and a list
with filters; new lessons and series, enrolment, cancelling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QMessageBox, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.services.money import amounts
from desk.services.schedule import lessons, portal
from desk.services.staff import studio
from desk.services.store.changes import Change
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.freshness import Freshness
from desk.ui.lesson_dialogs import EnrolDialog, LessonDialog, RosterDialog

FULL = QColor("#fde2e1")
LessonRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Shown:
    """What a refresh read: the filters' choices (id, name) and the lessons of ``monday``'s
    week or of the listed days."""

    directions: list[tuple[int, str]]
    teachers: list[tuple[int, str]]
    rows: list[lessons.LessonRow]
    monday: dt.date


class ScheduleView(QWidget):

    # hidden on a read-only desk
    WRITES = (
        "cancel_button", "edit_button", "enrol_button", "new_button"
    )

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.monday = today - dt.timedelta(days=today.weekday())
        self.rows: list[lessons.LessonRow] = []

        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.today_button = QPushButton(self.tr("This week"))
        self.week_label = QLabel()
        self.week_label.setStyleSheet("font-weight: 600;")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Week"), "week")
        self.mode.addItem(self.tr("List"), "list")
        self.direction = QComboBox()
        self.direction.addItem(self.tr("All directions"), None)
        self.teacher = QComboBox()
        self.teacher.addItem(self.tr("All teachers"), None)
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.hide()
        self.since.setDate(QDate(self.monday.year, self.monday.month, self.monday.day))
        self.until.setDate(self.since.date().addDays(27))
        self.new_button = QPushButton(self.tr("New lesson…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        self.roster_button = QPushButton(self.tr("Roster…"))
        self.cancel_button = QPushButton(self.tr("Cancel the lesson…"))
        self.export_button = QPushButton(self.tr("Export the week…"))
        self.export_button.setToolTip(self.tr("An .ics calendar or a .csv table for the client "
                                              "portal"))

        self.grid = QTableWidget(0, 7)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Direction"), self.tr("Teacher"),
                                   self.tr("Room"), self.tr("Places"), self.tr("Price")])
        for col, width in enumerate((130, 200, 180, 120, 80)):
            self.list.setColumnWidth(col, width)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.list)
        self.summary = QLabel()

        nav = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(w)
        nav.addWidget(self.week_label, 1)
        nav.addWidget(self.since)
        nav.addWidget(self.until)
        for w in (self.mode, self.direction, self.teacher):
            nav.addWidget(w)
        actions = QHBoxLayout()
        for w in (self.new_button, self.edit_button, self.enrol_button, self.roster_button,
                  self.cancel_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.summary)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

        self.prev_button.clicked.connect(lambda: self.go(-7))
        self.next_button.clicked.connect(lambda: self.go(7))
        self.today_button.clicked.connect(self._on_today)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.direction.currentIndexChanged.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.teacher.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self._on_new)
        self.edit_button.clicked.connect(self._on_edit)
        self.enrol_button.clicked.connect(self._on_enrol)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.export_button.clicked.connect(self._on_export)
        self.grid.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.roster_button.clicked.connect(self._on_roster)
        self.grid.cellDoubleClicked.connect(lambda *_: self._on_roster())
        self.list.itemDoubleClicked.connect(lambda *_: self._on_roster())
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.go(-7))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.go(7))
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.SCHEDULE, Change.ENROLMENT))
        self._update_buttons()

    def go(self, days: int) -> None:
        self.monday += dt.timedelta(days=days)
        self.refresh()

    @Slot()
    def _on_today(self) -> None:
        today = self.ctx.store.now().astimezone(self.ctx.studio.tz).date()
        self.monday = today - dt.timedelta(days=today.weekday())
        self.refresh()

    @Slot()
    def _on_mode(self) -> None:
        listing = self.mode.currentData() == "list"
        self.stack.setCurrentIndex(self.mode.currentIndex())
        for w in (self.prev_button, self.next_button, self.today_button, self.week_label):
            w.setVisible(not listing)
        self.since.setVisible(listing)
        self.until.setVisible(listing)
        self.refresh()

    def _filters_and_rows(self) -> Callable[[], _Shown]:
        """The work of a refresh, on plain values read from the widgets now: directions and
        teachers (they change in Settings) and the lessons the filters choose."""
        store = self.ctx.store
        chosen_direction = self.direction.currentData()
        chosen_teacher = self.teacher.currentData()
        monday = self.monday
        span = None
        if self.mode.currentData() == "list":
            tz = self.ctx.studio.tz
            since, _ = studio.local_day_bounds(fmt.from_qdate(self.since.date()), tz)
            _, until = studio.local_day_bounds(fmt.from_qdate(self.until.date()), tz)
            span = (since, until)

        def work() -> _Shown:
            directions = lessons.directions(store)
            teachers = lessons.teachers(store)
            # a filter whose choice left the list shows everything, as its combo will
            filters = {
                "direction_id": chosen_direction
                if any(d.id == chosen_direction for d in directions) else None,
                "teacher_id": chosen_teacher
                if any(t.id == chosen_teacher for t in teachers) else None}
            rows = (lessons.lessons(store, *span, **filters) if span is not None
                    else lessons.week(store, monday, **filters))
            return _Shown([(d.id, d.name) for d in directions],
                          [(t.id, t.name) for t in teachers], rows, monday)
        return work

    def _fill_filters(self, shown: _Shown) -> None:
        """Directions and teachers as read with the lessons; the choice is kept."""
        for combo, items in ((self.direction, shown.directions),
                             (self.teacher, shown.teachers)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, self._filters_and_rows(), self._show)

    def _show(self, shown: _Shown) -> None:
        self._fill_filters(shown)
        self.rows = shown.rows
        sunday = shown.monday + dt.timedelta(days=6)
        self.week_label.setText(f"{fmt.date_text(shown.monday)} — {fmt.date_text(sunday)}")
        self._fill_grid(shown.monday)
        self._fill_list()
        taken = sum(r.enrolled for r in self.rows)
        places = sum(r.capacity for r in self.rows)
        self.summary.setText(self.tr("%n lesson(s)", "", len(self.rows))
                             + self.tr(", {taken} of {places} places taken").format(
                                 taken=taken, places=places))
        self._update_buttons()

    def _fill_grid(self, monday: dt.date) -> None:
        """Days across, start times down; lessons that start at the same time on the same day
        take a row each under that time, so every lesson is a cell of its own."""
        tz = self.ctx.studio.tz
        slots: dict[tuple[dt.time, int], list[lessons.LessonRow]] = {}
        for r in self.rows:
            local = r.starts_at.astimezone(tz)
            slots.setdefault((local.time(), local.weekday()), []).append(r)
        times = sorted({t for t, _ in slots})
        depth = {t: max(len(v) for (t2, _), v in slots.items() if t2 == t) for t in times}
        first_row, labels = {}, []
        for t in times:
            first_row[t] = len(labels)
            labels += [t.strftime("%H:%M")] + [""] * (depth[t] - 1)
        self.grid.clear()
        self.grid.setRowCount(len(labels))
        self.grid.setHorizontalHeaderLabels([fmt.day_text(monday + dt.timedelta(days=i))
                                             for i in range(7)])
        self.grid.setVerticalHeaderLabels(labels)
        for (t, col), here in slots.items():
            for k, r in enumerate(here):
                local = r.starts_at.astimezone(tz)
                item = QTableWidgetItem(f"{r.direction}\n{r.enrolled}/{r.capacity}"
                                        + (f" · {r.teacher}" if r.teacher else ""))
                item.setData(LessonRole, r.id)
                item.setToolTip(f"{r.direction}, {local:%H:%M}–{r.ends_at.astimezone(tz):%H:%M}"
                                f"\n{r.teacher} {r.room}".strip())
                if r.free == 0:
                    item.setBackground(QBrush(FULL))
                self.grid.setItem(first_row[t] + k, col, item)
        self.grid.resizeRowsToContents()

    def _fill_list(self) -> None:
        tz = self.ctx.studio.tz
        self.list.clear()
        for r in self.rows:
            item = QTreeWidgetItem([fmt.datetime_text(r.starts_at, tz), r.direction, r.teacher,
                                    r.room, f"{r.enrolled}/{r.capacity}",
                                    amounts.format_rub(r.price)])
            item.setData(0, LessonRole, r.id)
            self.list.addTopLevelItem(item)

    def selected(self) -> lessons.LessonRow | None:
        if self.stack.currentIndex() == 0:
            item = self.grid.currentItem() if self.grid.selectedItems() else None
            lesson_id = item.data(LessonRole) if item else None
        else:
            item = self.list.currentItem()
            lesson_id = item.data(0, LessonRole) if item else None
        return next((r for r in self.rows if r.id == lesson_id), None)

    def select_lesson(self, lesson_id: int) -> None:
        for row in range(self.grid.rowCount()):
            for col in range(7):
                item = self.grid.item(row, col)
                if item is not None and item.data(LessonRole) == lesson_id:
                    self.grid.setCurrentItem(item)
        for i in range(self.list.topLevelItemCount()):
            if self.list.topLevelItem(i).data(0, LessonRole) == lesson_id:
                self.list.setCurrentItem(self.list.topLevelItem(i))

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for b in (self.edit_button, self.enrol_button, self.roster_button, self.cancel_button):
            b.setEnabled(has)

    @Slot()
    def _on_new(self) -> None:
        LessonDialog(self.ctx, parent=self).exec()

    @Slot()
    def _on_edit(self) -> None:
        row = self.selected()
        if row is not None:
            LessonDialog(self.ctx, row, parent=self).exec()

    @Slot()
    def _on_enrol(self) -> None:
        row = self.selected()
        if row is not None:
            EnrolDialog(self.ctx, row, parent=self).exec()

    @Slot()
    def _on_roster(self) -> None:
        row = self.selected()
        if row is not None:
            RosterDialog(self.ctx, row, parent=self).exec()

    @Slot()
    def _on_export(self) -> None:
        iso = self.monday.isocalendar()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the week"),
            str(Path.home() / f"schedule-{iso.year}-W{iso.week:02d}.ics"),
            self.tr("Calendar (*.ics);;Table (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        store, monday = self.ctx.store, self.monday

        def work() -> int | OSError:
            try:
                return portal.export_week(store, monday, path)
            except OSError as exc:  # the file could not be written: told, not a bug
                return exc

        self.ctx.ops.query(self, work, lambda done: self._exported(path, done), key="export",
                           on_failure=lambda exc: QMessageBox.warning(
                               self, self.tr("Export the week"), messages.error_message(exc)))

    def _exported(self, path: Path, done: int | OSError) -> None:
        if isinstance(done, OSError):
            QMessageBox.warning(self, self.tr("Export the week"), str(done))
            return
        self.summary.setText(self.tr("Exported %n lesson(s)", "", done) + f": {path.name}")

    @Slot()
    def _on_cancel(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel the lesson"),
            self.tr("{direction}, {when}: the lesson leaves the schedule, charges are reversed "
                    "and the Communicator gets a task for every enrolled family. Reason:")
            .format(direction=row.direction,
                    when=fmt.datetime_text(row.starts_at, self.ctx.studio.tz)))
        if not ok:
            return
        store, actor, lesson_id = self.ctx.store, self.ctx.actor, row.id
        # one transaction: off the schedule, charges reversed, a task for every family
        self.ctx.ops.command(
            self, lambda: lessons.cancel_lesson(store, actor, lesson_id, reason),
            lambda told: QMessageBox.information(self, self.tr("Cancel the lesson"), self.tr(
                "The lesson is cancelled. Families to tell: %n (tasks for the Communicator).",
                "", told)),
            on_failure=lambda exc: QMessageBox.warning(
                self, self.tr("Cancel the lesson"), messages.error_message(exc)))
