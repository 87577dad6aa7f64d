"""Create or change a lesson (or a weekly series), and enrol children of a family into one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from desk.services.crm import families
from desk.services.money import amounts
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from desk.ui import fmt, messages
from desk.ui.checklist_dialog import LessonSheetDialog
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, report, submit
from desk.ui.labels import mark_name

if TYPE_CHECKING:
    from desk.services.store.db import Store


@dataclass(frozen=True)
class _Choices:
    """What a lesson may be given: directions, teachers and rooms (archived ones too)."""

    directions: list[lessons.DirectionView]
    teachers: list[lessons.TeacherView]
    rooms: list[lessons.RoomView]


def _choices(store: Store) -> _Choices:
    return _Choices(lessons.directions(store, archived=True),
                    lessons.teachers(store, archived=True), lessons.rooms(store, archived=True))


class LessonDialog(QDialog):
    def __init__(self, ctx: Context, row: lessons.LessonRow | None = None,
                 starts_at: dt.datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved: bool = False
        self.setWindowTitle(self.tr("Lesson") if row else self.tr("New lesson"))
        self.setMinimumWidth(460)
        tz = ctx.studio.tz
        self.directions: list[lessons.DirectionView] = []
        self.direction = QComboBox()
        self.starts = fmt.datetime_edit(row.starts_at if row else starts_at or ctx.store.now(),
                                        tz)
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.teacher = QComboBox()
        self.teacher.addItem(self.tr("— not set —"), None)
        self.room = QComboBox()
        self.room.addItem(self.tr("— not set —"), None)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.price = QLineEdit()
        self.sibling = QCheckBox(self.tr("10% off for the second and further child of a family"))
        self.adults = QCheckBox(self.tr("Adults may come"))
        self.adult_price = QLineEdit("0")
        self.repeat = QCheckBox(self.tr("Repeat every week until"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd.MM.yyyy")
        self.until.setDate(self.starts.date().addDays(7 * 12))
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Direction:"), self.direction)
        form.addRow(self.tr("Starts:"), self.starts)
        form.addRow(self.tr("Duration:"), self.duration)
        form.addRow(self.tr("Teacher:"), self.teacher)
        form.addRow(self.tr("Room:"), self.room)
        form.addRow(self.tr("Places for children:"), self.capacity)
        form.addRow(self.tr("Price per child, ₽:"), self.price)
        form.addRow("", self.sibling)
        form.addRow("", self.adults)
        form.addRow(self.tr("Price per adult, ₽:"), self.adult_price)
        if row is None:
            repeat = QHBoxLayout()
            repeat.addWidget(self.repeat)
            repeat.addWidget(self.until)
            form.addRow("", repeat)
        form.addRow("", self.error)
        buttons = finish_form_dialog(self, form, self._on_accepted)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the choices are read
        self.direction.currentIndexChanged.connect(self._on_direction_changed)
        self.adults.toggled.connect(self.adult_price.setEnabled)
        if row:
            self.duration.setValue(int((row.ends_at - row.starts_at).total_seconds() // 60))
            self.capacity.setValue(row.capacity)
            self.price.setText(amounts.format_rub(row.price).replace("\u00a0₽", ""))
            self.sibling.setChecked(row.sibling_discount)
            self.adults.setChecked(row.adults_allowed)
            self.adult_price.setText(amounts.format_rub(row.adult_price).replace("\u00a0₽", ""))
        self.adult_price.setEnabled(self.adults.isChecked())
        store = ctx.store
        ctx.ops.query(self, lambda: _choices(store), self._show_choices)

    def _show_choices(self, choices: _Choices) -> None:
        """Fill the combos; a lesson keeps its own, a new one takes its direction's defaults."""
        row = self.row
        self.directions = choices.directions
        self.direction.blockSignals(True)
        self._offer(self.direction, choices.directions, row.direction_id if row else None)
        self.direction.blockSignals(False)
        self._offer(self.teacher, choices.teachers, row.teacher_id if row else None)
        self._offer(self.room, choices.rooms, row.room_id if row else None)
        if row:
            for combo, item_id in ((self.direction, row.direction_id),
                                   (self.teacher, row.teacher_id), (self.room, row.room_id)):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(item_id), 0))
                combo.blockSignals(False)
        else:
            self._on_direction_changed()
        self.save_button.setEnabled(True)

    def _offer(self, combo: QComboBox, items, current_id: int | None) -> None:
        """The active ones; an archived one only where this lesson already has it, so saving
        keeps what the user did not touch."""
        for item in items:
            if item.active:
                combo.addItem(item.name, item.id)
            elif item.id == current_id:
                combo.addItem(self.tr("{name} (archived)").format(name=item.name), item.id)

    @Slot()
    def _on_direction_changed(self) -> None:
        d = next((d for d in self.directions if d.id == self.direction.currentData()), None)
        if d is None:
            return
        self.duration.setValue(d.duration_min)
        self.capacity.setValue(d.capacity)
        self.price.setText(amounts.format_rub(d.price).replace("\u00a0₽", ""))

    def draft(self) -> lessons.LessonDraft:
        return lessons.LessonDraft(
            direction_id=self.direction.currentData(),
            starts_at=fmt.from_qdatetime(self.starts.dateTime(), self.ctx.studio.tz),
            duration_min=self.duration.value(), teacher_id=self.teacher.currentData(),
            room_id=self.room.currentData(), capacity=self.capacity.value(),
            price=amounts.parse(self.price.text() or "0"),
            sibling_discount=self.sibling.isChecked(), adults_allowed=self.adults.isChecked(),
            adult_price=amounts.parse(self.adult_price.text() or "0"),
            id=self.row.id if self.row else None)

    @Slot()
    def _on_accepted(self) -> None:
        try:
            draft = self.draft()
        except amounts.AmountError as exc:
            self.error.show_message(self.tr("Enter prices such as 1 200 or 1200,50.") + " "
                                    + messages.amount_message(exc.reason))
            return
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: lessons.booking_conflicts(store, draft),
                           lambda clashes: self._booking_checked(draft, clashes), key="clashes")

    def _booking_checked(self, draft: lessons.LessonDraft,
                         clashes: list[lessons.LessonRow]) -> None:
        if not self._booking_ok(draft, clashes):
            return
        store, actor = self.ctx.store, self.ctx.actor
        if self.repeat.isChecked() and self.row is None:
            series = lessons.SeriesDraft(draft, fmt.from_qdate(self.until.date()))

            def save():
                return lessons.create_series(store, actor, series)
        else:
            def save():
                return lessons.save_lesson(store, actor, draft)
        submit(self.ctx.ops, self, self.error, save, lambda _r: self._saved())

    def _saved(self) -> None:
        self.saved = True
        self.accept()

    def _booking_ok(self, draft: lessons.LessonDraft, clashes: list[lessons.LessonRow]) -> bool:
        """A teacher or a room already taken at that time is told, and the person decides."""
        if not clashes:
            return True
        tz = self.ctx.studio.tz
        lines = []
        for c in clashes:
            who = [name for name, same in ((c.teacher, c.teacher_id == draft.teacher_id),
                                           (c.room, c.room_id == draft.room_id)) if same and name]
            lines.append(self.tr(
                "Already taken at this time — {what}: {direction}, {start}–{end}").format(
                what=", ".join(who), direction=c.direction,
                start=fmt.datetime_text(c.starts_at, tz), end=fmt.local(c.ends_at, tz)
                .strftime("%H:%M")))
        answer = QMessageBox.question(
            self, self.windowTitle(),
            "\n".join(lines) + "\n\n" + self.tr("Save the lesson at this time anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class EnrolDialog(QDialog):
    """Find the family, tick the children (and adults), see the total, confirm."""

    def __init__(self, ctx: Context, lesson: lessons.LessonRow, family_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lesson = lesson
        self.family_id: int | None = None
        self.enrolled: list[int] = []
        self.setWindowTitle(self.tr("Enrol into the lesson"))
        self.setMinimumSize(520, 520)
        tz = ctx.studio.tz
        head = QLabel(f"<b>{lesson.direction}</b> — {fmt.datetime_text(lesson.starts_at, tz)}"
                      + "<br>" + self.tr("Places: {enrolled} of {capacity} taken").format(
                          enrolled=lesson.enrolled, capacity=lesson.capacity))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Family: name or phone digits"))
        self.found = QListWidget()
        self.children = QListWidget()
        self.adults = QSpinBox()
        self.adults.setRange(0, 10)
        self.adults.setEnabled(lesson.adults_allowed)
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: 600;")
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button = buttons.addButton(self.tr("Enrol"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setEnabled(False)
        adults = QHBoxLayout()
        adults.addWidget(QLabel(self.tr("Adults coming along:")))
        adults.addWidget(self.adults)
        adults.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.search)
        layout.addWidget(self.found, 1)
        layout.addWidget(QLabel(self.tr("Children:")))
        layout.addWidget(self.children, 1)
        layout.addLayout(adults)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._on_search)
        self.found.currentItemChanged.connect(lambda item, _p: item and self.choose_family(
            item.data(Qt.ItemDataRole.UserRole)))
        self.children.itemChanged.connect(lambda _i: self._update_total())
        self.adults.valueChanged.connect(lambda _v: self._update_total())
        self.enrol_button.clicked.connect(self._on_enrol_clicked)
        buttons.rejected.connect(self.reject)
        if family_id is not None:
            self.choose_family(family_id)

    @Slot(str)
    def _on_search(self, text: str) -> None:
        store = self.ctx.store
        self.ctx.ops.query(
            self, lambda: families.find(store, text, limit=50) if text.strip() else [],
            self._show_found, key="search")

    def _show_found(self, rows: list[families.FamilyRow]) -> None:
        self.found.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.parents} — {row.children}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.found.addItem(item)

    def choose_family(self, family_id: int) -> None:
        self.family_id = family_id
        store = self.ctx.store
        self.ctx.ops.query(
            self, lambda: [(c.id, c.name) for c in families.card(store, family_id).draft.children],
            self._show_children, key="family")

    def _show_children(self, children: list[tuple[int, str]]) -> None:
        """The family's children, ticked when there is only one."""
        self.children.blockSignals(True)
        self.children.clear()
        for child_id, name in children:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, child_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if len(children) == 1
                               else Qt.CheckState.Unchecked)
            self.children.addItem(item)
        self.children.blockSignals(False)
        self._update_total()

    def chosen_children(self) -> list[int]:
        return [self.children.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.children.count())
                if self.children.item(i).checkState() == Qt.CheckState.Checked]

    def _update_total(self) -> None:
        kids = self.chosen_children()
        self.error.show_message("")
        self.enrol_button.setEnabled(False)  # until the total for this choice is read
        if self.family_id is None or not kids:
            self.total.setText("")
            # supersedes a quote still being read for the former choice
            self.ctx.ops.query(self, lambda: None, lambda _r: None, key="quote")
            return
        store, lesson_id, family_id = self.ctx.store, self.lesson.id, self.family_id
        adults = self.adults.value()
        self.ctx.ops.query(
            self, lambda: enrolment.quote(store, lesson_id, family_id, kids, adults),
            self._show_total, key="quote", on_failure=lambda exc: report(self, self.error, exc))

    def _show_total(self, q: enrolment.Quote) -> None:
        parts = [f"{line.child}: {amounts.format_rub(line.price)}"
                 + (" (" + self.tr("−10% sibling") + ")" if line.discounted else "")
                 for line in q.lines]
        if q.adults:
            parts.append(self.tr("adults: {amount}").format(amount=amounts.format_rub(
                q.adults_price)))
        self.total.setText("; ".join(parts) + "\n" + self.tr("Total: {amount}").format(
            amount=amounts.format_rub(q.total)))
        self.enrol_button.setEnabled(True)

    @Slot()
    def _on_enrol_clicked(self) -> None:
        kids = self.chosen_children()
        store, actor, lesson_id, family_id = (self.ctx.store, self.ctx.actor, self.lesson.id,
                                              self.family_id)
        adults = self.adults.value()
        self.ctx.ops.command(
            self, lambda: enrolment.enrol(store, actor, lesson_id, family_id, kids, adults),
            self._enrolled, on_failure=lambda exc: self._enrol_failed(exc, kids))

    def _enrolled(self, ids: list[int]) -> None:
        self.enrolled = ids
        self.accept()

    def _enrol_failed(self, exc: errors.DeskError, kids: list[int]) -> None:
        """A full lesson offers the waitlist; any other refusal is told."""
        if not isinstance(exc, errors.LessonFull):
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("The lesson is full: {free} places left. Put the children on the "
                    "waitlist? The first on it gets a place when one frees up.").format(
                free=exc.params["free"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, actor, lesson_id, family_id = (self.ctx.store, self.ctx.actor, self.lesson.id,
                                              self.family_id)
        self.ctx.ops.command(
            self, lambda: enrolment.add_to_waitlist(store, actor, lesson_id, family_id, kids),
            lambda _r: self.accept())


class RosterDialog(QDialog):
    """Who is enrolled in a lesson (and waiting for a place); a client's cancellation."""

    WRITES = ("cancel_button", "enrol_button")  # hidden on a desk that may not write

    def __init__(self, ctx: Context, lesson: lessons.LessonRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lesson = lesson
        self.setWindowTitle(self.tr("Roster"))
        self.resize(520, 480)
        tz = ctx.studio.tz
        self.head = QLabel()
        self.list = QListWidget()
        self.waiting = QListWidget()
        self.waiting.setMaximumHeight(110)
        self.cancel_button = QPushButton(self.tr("The client cancelled"))
        self.cancel_button.setToolTip(self.tr("Off the roster, never charged; the first on the "
                                              "waitlist is offered the place"))
        self.cancel_button.setEnabled(False)
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        self.sheet_button = QPushButton(self.tr("Lesson sheet…"))
        self.sheet_button.setToolTip(self.tr("For the teacher: the roster with first-timers, "
                                             "room for marks and notes; printed"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{lesson.direction}</b> — "
                                f"{fmt.datetime_text(lesson.starts_at, tz)}"))
        layout.addWidget(self.head)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("Waitlist:")))
        layout.addWidget(self.waiting)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.enrol_button.clicked.connect(self._on_enrol)
        self.sheet_button.clicked.connect(
            lambda: LessonSheetDialog(self.ctx, self.lesson.id, self).exec())
        close.clicked.connect(self.accept)
        self.list.currentItemChanged.connect(
            lambda item, _p: self.cancel_button.setEnabled(item is not None))
        self.refresh()

    def refresh(self) -> None:
        store, lesson_id = self.ctx.store, self.lesson.id
        self.ctx.ops.query(
            self, lambda: (attendance.check(store, lesson_id),
                           enrolment.waitlist(store, lesson_id)),
            lambda read: self._show(*read))

    def _show(self, check: attendance.LessonCheck, waiting: list[tuple[int, str]]) -> None:
        self.lesson = check.lesson
        self.head.setText(self.tr("Places: {enrolled} of {capacity} taken").format(
            enrolled=self.lesson.enrolled, capacity=self.lesson.capacity))
        self.list.clear()
        for line in check.roster:
            text = line.child + (" ★ " + self.tr("first time") if line.first_time else "")
            item = QListWidgetItem(f"{text} — {mark_name(line.mark)}")
            item.setData(Qt.ItemDataRole.UserRole, line.enrolment_id)
            self.list.addItem(item)
        self.waiting.clear()
        for _child_id, name in waiting:
            self.waiting.addItem(name)
        self.cancel_button.setEnabled(False)

    @Slot()
    def _on_cancel(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        store, actor = self.ctx.store, self.ctx.actor
        enrolment_id = item.data(Qt.ItemDataRole.UserRole)
        # one transaction: off the roster, charges reversed, the place offered
        self.ctx.ops.command(
            self, lambda: enrolment.cancel_by_client(store, actor, enrolment_id),
            lambda _r: self.refresh())

    @Slot()
    def _on_enrol(self) -> None:
        EnrolDialog(self.ctx, self.lesson, parent=self).exec()
        self.refresh()


class LessonPicker(QDialog):
    """Choose one of the coming lessons (for enrolling from a family's card)."""

    DAYS = 28

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: lessons.LessonRow | None = None
        self.setWindowTitle(self.tr("Choose the lesson"))
        self.resize(620, 480)
        self.rows: list[lessons.LessonRow] = []
        self.direction = QComboBox()
        self.direction.addItem(self.tr("All directions"), None)
        self.list = QListWidget()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.direction)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.direction.currentIndexChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_ok())
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        store, now = ctx.store, ctx.store.now()
        until = now + dt.timedelta(days=self.DAYS)
        ctx.ops.query(self, lambda: (lessons.lessons(store, now, until),
                                     lessons.directions(store)),
                      lambda read: self._show(*read))

    def _show(self, rows: list[lessons.LessonRow],
              directions: list[lessons.DirectionView]) -> None:
        self.rows = rows
        self.direction.blockSignals(True)  # the list is filled below, once
        for d in directions:
            self.direction.addItem(d.name, d.id)
        self.direction.blockSignals(False)
        self._fill()

    @Slot()
    def _fill(self) -> None:
        tz = self.ctx.studio.tz
        self.list.clear()
        for r in self.rows:
            if self.direction.currentData() not in (None, r.direction_id):
                continue
            item = QListWidgetItem(f"{fmt.datetime_text(r.starts_at, tz)}  {r.direction}"
                                   f"  {r.enrolled}/{r.capacity}"
                                   + (f"  · {r.teacher}" if r.teacher else ""))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)

    @Slot()
    def _on_ok(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        lesson_id = item.data(Qt.ItemDataRole.UserRole)
        self.chosen = next(r for r in self.rows if r.id == lesson_id)
        self.accept()
