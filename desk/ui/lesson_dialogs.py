"""Create or change a lesson (or a weekly series), and enrol children of a family into one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QSpinBox,
    QVBoxLayout, QWidget,
)

from desk.services.crm import families
from desk.services.money import amounts
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.forms import FieldError, attempt, finish_form_dialog
from desk.ui.labels import mark_name


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
        self.directions = lessons.directions(ctx.store, archived=True)
        self.direction = QComboBox()
        self._offer(self.direction, self.directions, row.direction_id if row else None)
        self.starts = fmt.datetime_edit(row.starts_at if row else starts_at or ctx.store.now(),
                                        tz)
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.teacher = QComboBox()
        self.teacher.addItem(self.tr("— not set —"), None)
        self._offer(self.teacher, lessons.teachers(ctx.store, archived=True),
                    row.teacher_id if row else None)
        self.room = QComboBox()
        self.room.addItem(self.tr("— not set —"), None)
        self._offer(self.room, lessons.rooms(ctx.store, archived=True),
                    row.room_id if row else None)
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
        finish_form_dialog(self, form, self._on_accepted)
        self.direction.currentIndexChanged.connect(self._on_direction_changed)
        self.adults.toggled.connect(self.adult_price.setEnabled)
        if row:
            self.direction.setCurrentIndex(max(self.direction.findData(row.direction_id), 0))
            self.duration.setValue(int((row.ends_at - row.starts_at).total_seconds() // 60))
            self.teacher.setCurrentIndex(max(self.teacher.findData(row.teacher_id), 0))
            self.room.setCurrentIndex(max(self.room.findData(row.room_id), 0))
            self.capacity.setValue(row.capacity)
            self.price.setText(amounts.format_rub(row.price).replace("\u00a0₽", ""))
            self.sibling.setChecked(row.sibling_discount)
            self.adults.setChecked(row.adults_allowed)
            self.adult_price.setText(amounts.format_rub(row.adult_price).replace("\u00a0₽", ""))
        else:
            self._on_direction_changed()
        self.adult_price.setEnabled(self.adults.isChecked())

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
        if not self._booking_ok(draft):
            return
        if self.repeat.isChecked() and self.row is None:
            def save():
                lessons.create_series(self.ctx.store, self.ctx.actor, lessons.SeriesDraft(
                    draft, fmt.from_qdate(self.until.date())))
        else:
            def save():
                lessons.save_lesson(self.ctx.store, self.ctx.actor, draft)
        if not attempt(self, self.error, save):
            return
        self.saved = True
        self.accept()


    def _booking_ok(self, draft: lessons.LessonDraft) -> bool:
        """A teacher or a room already taken at that time is told, and the person decides."""
        clashes = lessons.booking_conflicts(self.ctx.store, draft)
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
        self.found.clear()
        for row in families.find(self.ctx.store, text, limit=50) if text.strip() else []:
            item = QListWidgetItem(f"{row.parents} — {row.children}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.found.addItem(item)

    def choose_family(self, family_id: int) -> None:
        self.family_id = family_id
        card = families.card(self.ctx.store, family_id)
        self.children.blockSignals(True)
        self.children.clear()
        for child in card.draft.children:
            item = QListWidgetItem(child.name)
            item.setData(Qt.ItemDataRole.UserRole, child.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if len(card.draft.children) == 1
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
        if self.family_id is None or not kids:
            self.total.setText("")
            self.enrol_button.setEnabled(False)
            return
        try:
            q = enrolment.quote(self.ctx.store, self.lesson.id, self.family_id, kids,
                                self.adults.value())
        except errors.ValidationFailed as exc:
            self.error.show_message(messages.fields_text(exc))
            self.enrol_button.setEnabled(False)
            return
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
        try:
            self.enrolled = enrolment.enrol(self.ctx.store, self.ctx.actor, self.lesson.id,
                                            self.family_id, kids, self.adults.value())
        except errors.LessonFull as exc:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("The lesson is full: {free} places left. Put the children on the "
                        "waitlist? The first on it gets a place when one frees up.").format(
                    free=exc.params["free"]))
            if answer == QMessageBox.StandardButton.Yes:
                enrolment.add_to_waitlist(self.ctx.store, self.ctx.actor, self.lesson.id,
                                          self.family_id, kids)
                self.accept()
            return
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        self.accept()




class RosterDialog(QDialog):
    """Who is enrolled in a lesson (and waiting for a place); a client's cancellation."""

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
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
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
        close.clicked.connect(self.accept)
        self.list.currentItemChanged.connect(
            lambda item, _p: self.cancel_button.setEnabled(item is not None))
        self.refresh()

    def refresh(self) -> None:
        check = attendance.check(self.ctx.store, self.lesson.id)
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
        for _child_id, name in enrolment.waitlist(self.ctx.store, self.lesson.id):
            self.waiting.addItem(name)
        self.cancel_button.setEnabled(False)

    @Slot()
    def _on_cancel(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            enrolment.cancel_by_client(self.ctx.store, self.ctx.actor,
                                       item.data(Qt.ItemDataRole.UserRole))
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
            return
        self.refresh()

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
        now = ctx.store.now()
        self.rows = lessons.lessons(ctx.store, now, now + dt.timedelta(days=self.DAYS))
        self.direction = QComboBox()
        self.direction.addItem(self.tr("All directions"), None)
        for d in lessons.directions(ctx.store):
            self.direction.addItem(d.name, d.id)
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
