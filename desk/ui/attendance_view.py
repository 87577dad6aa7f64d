"""The System person's attendance check: ended lessons waiting for marks or with charges that
do not match, the roster of the chosen lesson, marks in one click, and "ask the teacher"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import Mark
from desk.services.money import amounts
from desk.services.schedule import attendance
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import key_for, side_by_side
from desk.ui.freshness import Freshness
from desk.ui.labels import mark_name

PROBLEM = QColor("#c62828")


class AttendanceView(QWidget):
    WRITES = ("absent", "ask", "attended", "cancelled")  # hidden on a read-only desk

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checks: list[attendance.LessonCheck] = []
        self.lesson_id: int | None = None  # the lesson whose roster is shown
        self._shown: attendance.LessonCheck | None = None
        self._select_next: int | None = None  # the child to select once the roster is fresh
        self.lessons = QTreeWidget()
        self.lessons.setRootIsDecorated(False)
        self.lessons.setHeaderLabels([self.tr("Lesson"), self.tr("Direction"),
                                      self.tr("Teacher"), self.tr("Not marked"),
                                      self.tr("Charge problems")])
        for col, width in enumerate((115, 165, 130, 90)):
            self.lessons.setColumnWidth(col, width)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.roster = QTreeWidget()
        self.roster.setRootIsDecorated(False)
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.roster.setHeaderLabels([self.tr("Child"), self.tr("Mark"), self.tr("To charge"),
                                     self.tr("Debited"), self.tr("Check")])
        self.roster.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.roster.header().setStretchLastSection(False)
        for col, width in ((1, 120), (2, 100), (3, 100), (4, 160)):
            self.roster.setColumnWidth(col, width)
        self.attended = QPushButton(self.tr("Came (F5)"))
        self.absent = QPushButton(self.tr("Did not come (F6)"))
        self.cancelled = QPushButton(self.tr("Cancelled by client"))
        self.ask = QPushButton(self.tr("Ask the teacher…"))
        self.empty = QLabel(self.tr("Every ended lesson is marked and charged correctly."))
        self.empty.setStyleSheet("color: palette(mid);")

        buttons = QHBoxLayout()
        for b in (self.attended, self.absent, self.cancelled):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.ask)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addLayout(buttons)
        rl.addWidget(self.roster, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Lessons to check")))
        ll.addWidget(self.lessons, 1)
        ll.addWidget(self.empty)
        side_by_side(self, left, right, [560, 640])

        self.lessons.currentItemChanged.connect(lambda *_: self._show_roster())
        self.attended.clicked.connect(lambda: self.mark_selected(Mark.ATTENDED))
        self.absent.clicked.connect(lambda: self.mark_selected(Mark.ABSENT))
        self.cancelled.clicked.connect(lambda: self.mark_selected(Mark.CANCELLED))
        self.ask.clicked.connect(self._on_ask_clicked)
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        key_for(self.attended, "F5", self)
        key_for(self.absent, "F6", self)
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.ENROLMENT, Change.WALLET, Change.SCHEDULE))
        self._update_buttons()

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, lambda: attendance.to_check(self.ctx.store), self._show_checks)

    def _show_checks(self, checks: list[attendance.LessonCheck]) -> None:
        self.checks = checks
        tz = self.ctx.studio.tz
        self.lessons.blockSignals(True)  # the roster is chosen below, once
        self.lessons.clear()
        for c in checks:
            item = QTreeWidgetItem([fmt.datetime_text(c.lesson.starts_at, tz),
                                    c.lesson.direction, c.lesson.teacher, str(c.unmarked),
                                    str(c.mismatches) if c.mismatches else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, c.lesson.id)
            if c.mismatches:
                item.setForeground(4, QBrush(PROBLEM))
            self.lessons.addTopLevelItem(item)
        self.lessons.blockSignals(False)
        self.empty.setVisible(not checks)
        for i in range(self.lessons.topLevelItemCount()):
            if self.lessons.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == self.lesson_id:
                self.lessons.setCurrentItem(self.lessons.topLevelItem(i))
                return
        if self.lesson_id is not None:  # checked now: its roster stays on screen, fresh
            self.show_lesson(self.lesson_id)
        elif checks:
            self.lessons.setCurrentItem(self.lessons.topLevelItem(0))
        else:
            self._render(None)

    def show_lesson(self, lesson_id: int) -> None:
        """Open any lesson's roster (also one that needs nothing)."""
        self.lesson_id = lesson_id
        self.lessons.setCurrentItem(None)
        self.ctx.ops.query(self, lambda: attendance.check(self.ctx.store, lesson_id),
                           self._render, key="lesson")

    def _show_roster(self) -> None:
        item = self.lessons.currentItem()
        if item is None:
            return
        self.lesson_id = item.data(0, Qt.ItemDataRole.UserRole)
        self._render(next((c for c in self.checks if c.lesson.id == self.lesson_id), None))

    def _render(self, c: attendance.LessonCheck | None) -> None:
        self._shown = c
        self.roster.clear()
        if c is None:
            self.title.setText("")
            self._update_buttons()
            return
        tz = self.ctx.studio.tz
        self.title.setText(f"{c.lesson.direction} — {fmt.datetime_text(c.lesson.starts_at, tz)}"
                           + (f" — {c.lesson.teacher}" if c.lesson.teacher else ""))
        for line in c.roster:
            name = line.child + (" ★ " + self.tr("first time") if line.first_time else "")
            problem = ""
            if line.debits > 1:
                problem = self.tr("debited %n times", "", line.debits)
            elif line.expected != line.debited:
                problem = self.tr("debit missing") if line.debited < line.expected \
                    else self.tr("charged but not due")
            item = QTreeWidgetItem([name, mark_name(line.mark), amounts.format_rub(line.expected),
                                    amounts.format_rub(line.debited), problem])
            item.setData(0, Qt.ItemDataRole.UserRole, line.enrolment_id)
            if problem:
                item.setForeground(4, QBrush(PROBLEM))
            self.roster.addTopLevelItem(item)
            if line.enrolment_id == self._select_next:
                self.roster.setCurrentItem(item)
        self._update_buttons()

    def selected_enrolments(self) -> list[int]:
        return [i.data(0, Qt.ItemDataRole.UserRole) for i in self.roster.selectedItems()]

    @Slot()
    def _update_buttons(self) -> None:
        has = bool(self.roster.selectedItems())
        for b in (self.attended, self.absent, self.cancelled, self.ask):
            b.setEnabled(has)

    def mark_selected(self, mark: Mark) -> None:
        """Mark the selected children in one go (all or none); the selection then moves to the
        next child, so a whole roster is marked from the keyboard (F5, F6, F5 …)."""
        ids = self.selected_enrolments()
        if not ids:
            return
        rows = [self.roster.indexOfTopLevelItem(i) for i in self.roster.selectedItems()]
        after = self.roster.topLevelItem(max(rows) + 1)
        self._select_next = after.data(0, Qt.ItemDataRole.UserRole) if after else None
        self.ctx.ops.command(self, lambda: attendance.mark_many(
            self.ctx.store, self.ctx.actor, ids, mark))

    @Slot()
    def _on_ask_clicked(self) -> None:
        c = self._shown
        ids = self.selected_enrolments()
        if c is None or not ids:
            return
        lesson_id = c.lesson.id
        self.ctx.ops.command(
            self, lambda: attendance.ask_teacher(self.ctx.store, self.ctx.actor, lesson_id, ids),
            lambda _task: QMessageBox.information(
                self, self.tr("Ask the teacher"),
                self.tr("A task with the teacher's contact and the children is in Today.")))
