"""The studio's directions (kind, capacity, price, duration), teachers (contacts, head
teacher) and rooms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from desk.models.enums import DirectionKind
from desk.services.crm import contacts
from desk.services.money import amounts
from desk.services.schedule import lessons
from desk.ui.context import Context
from desk.ui.forms import FieldError, submit
from desk.ui.labels import direction_kind_name


class _ListEditor(QWidget):
    """A list on the left, the chosen item's form on the right, New, Archive and Save buttons.
    An archived item stays with its lessons and is no longer offered for new ones."""

    KIND = ""  # lessons.set_active's kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.form = QFormLayout()
        self.error = FieldError()
        self.new_button = QPushButton()
        self.save_button = QPushButton()
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setEnabled(False)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        self.current_id: int | None = None
        self.rows: list = []  # as last read
        self.list.currentItemChanged.connect(
            lambda item, _p: self.load(item.data(Qt.ItemDataRole.UserRole) if item else None))
        self.new_button.clicked.connect(lambda: (self.list.setCurrentItem(None),
                                                 self.load(None)))
        self.save_button.clicked.connect(self._save)
        self.archive_button.clicked.connect(self._on_archive)
        self.list.currentItemChanged.connect(lambda *_: self._update_archive())

    def fill(self, rows: list[tuple[int, str, bool]], select: int | None = None) -> None:
        """(id, name, active) rows; archived ones greyed and marked."""
        self.list.blockSignals(True)
        self.list.clear()
        for row_id, text, active in rows:
            item = QListWidgetItem(text if active else self.tr("{name} (archived)").format(
                name=text))
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, active)
            if not active:
                item.setForeground(QBrush(QColor("#757575")))
            self.list.addItem(item)
            if row_id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_archive()

    def _update_archive(self) -> None:
        item = self.list.currentItem()
        self.archive_button.setEnabled(item is not None)
        active = item is None or bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self.archive_button.setText(self.tr("Archive") if active else self.tr("Bring back"))

    @Slot()
    def _on_archive(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        store, actor, kind = self.ctx.store, self.ctx.actor, self.KIND
        row_id = item.data(Qt.ItemDataRole.UserRole)
        active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self.ctx.ops.command(self, lambda: lessons.set_active(store, actor, kind, row_id,
                                                              not active),
                             lambda _r: self.reload(row_id))

    def _save(self) -> None:
        try:
            save = self.saver()
        except ValueError:
            self.error.show_message(self.bad_number_text())
            return
        submit(self.ctx.ops, self, self.error, save, self.reload)

    def reload(self, select: int | None = None) -> None:
        """Read the list again and show ``select`` (none: an empty form for a new one)."""
        self.ctx.ops.query(self, self.rows_reader(), lambda rows: self._show(rows, select))

    def _show(self, rows: list, select: int | None) -> None:
        self.rows = rows
        self.fill([(r.id, self.row_text(r), r.active) for r in rows], select)
        self.load(select)

    def rows_reader(self) -> Callable[[], list]:
        """The read of the list, for a query."""
        raise NotImplementedError

    def row_text(self, row) -> str:
        return row.name

    def load(self, row_id: int | None) -> None: ...

    def saver(self) -> Callable[[], int]:
        """The service call for Save on the values in the form now, for a command (ValueError:
        a number that cannot be read)."""
        raise NotImplementedError

    def bad_number_text(self) -> str:
        return ""


class DirectionsEditor(_ListEditor):
    KIND = "direction"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.new_button.setText(self.tr("New direction"))
        self.save_button.setText(self.tr("Save"))
        self.name = QLineEdit()
        self.kind = QComboBox()  # camp feedback and the surveys go by it, not by the name
        for kind in DirectionKind:
            self.kind.addItem(direction_kind_name(kind), kind.value)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.price = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 24 * 60)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.form.addRow(self.tr("Places by default:"), self.capacity)
        self.form.addRow(self.tr("Price by default, ₽:"), self.price)
        self.form.addRow(self.tr("Minutes by default:"), self.minutes)
        self.reload()

    def rows_reader(self) -> Callable[[], list[lessons.DirectionView]]:
        store = self.ctx.store
        return lambda: lessons.directions(store, archived=True)

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        d = next((d for d in self.rows if d.id == row_id), None)
        self.name.setText(d.name if d else "")
        self.kind.setCurrentIndex(self.kind.findData((d.kind if d else DirectionKind.WORKSHOP).value))
        self.capacity.setValue(d.capacity if d else 8)
        self.price.setText(amounts.format_rub(d.price).replace("\u00a0₽", "") if d else "0")
        self.minutes.setValue(d.duration_min if d else 90)

    def saver(self) -> Callable[[], int]:
        store, actor, current_id = self.ctx.store, self.ctx.actor, self.current_id
        name, capacity, minutes = self.name.text(), self.capacity.value(), self.minutes.value()
        kind = DirectionKind(self.kind.currentData())
        price = amounts.parse(self.price.text())
        return lambda: lessons.save_direction(store, actor, name, capacity, price, minutes,
                                              current_id, kind=kind)

    def bad_number_text(self) -> str:
        return self.tr("Enter a price such as 1 200 or 1200,50.")


class TeachersEditor(_ListEditor):
    KIND = "teacher"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.new_button.setText(self.tr("New teacher"))
        self.save_button.setText(self.tr("Save"))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.telegram = QLineEdit()
        self.head = QCheckBox(self.tr("Head teacher (gets the second feedback calls)"))
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Phone:"), self.phone)
        self.form.addRow(self.tr("E-mail:"), self.email)
        self.form.addRow(self.tr("Telegram:"), self.telegram)
        self.form.addRow("", self.head)
        self.reload()

    def rows_reader(self) -> Callable[[], list[lessons.TeacherView]]:
        store = self.ctx.store
        return lambda: lessons.teachers(store, archived=True)

    def row_text(self, row: lessons.TeacherView) -> str:
        return row.name + (" ★" if row.head else "")

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        t = next((t for t in self.rows if t.id == row_id), None)
        self.name.setText(t.name if t else "")
        self.phone.setText(contacts.display_phone(t.phone or None) if t else "")
        self.email.setText(t.email if t else "")
        self.telegram.setText(t.telegram if t else "")
        self.head.setChecked(bool(t and t.head))

    def saver(self) -> Callable[[], int]:
        store, actor, current_id = self.ctx.store, self.ctx.actor, self.current_id
        values = (self.name.text(), self.phone.text(), self.email.text(), self.telegram.text(),
                  self.head.isChecked())
        return lambda: lessons.save_teacher(store, actor, *values, current_id)


class RoomsEditor(_ListEditor):
    KIND = "room"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.new_button.setText(self.tr("New room"))
        self.save_button.setText(self.tr("Save"))
        self.name = QLineEdit()
        self.form.addRow(self.tr("Name:"), self.name)
        self.reload()

    def rows_reader(self) -> Callable[[], list[lessons.RoomView]]:
        store = self.ctx.store
        return lambda: lessons.rooms(store, archived=True)

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        room = next((r for r in self.rows if r.id == row_id), None)
        self.name.setText(room.name if room else "")

    def saver(self) -> Callable[[], int]:
        store, actor, current_id, name = (self.ctx.store, self.ctx.actor, self.current_id,
                                          self.name.text())
        return lambda: lessons.save_room(store, actor, name, current_id)


class StudioDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Directions, teachers and rooms"))
        self.resize(760, 460)
        self.directions = DirectionsEditor(ctx)
        self.teachers = TeachersEditor(ctx)
        self.rooms = RoomsEditor(ctx)
        tabs = QTabWidget()
        tabs.addTab(self.directions, self.tr("Directions"))
        tabs.addTab(self.teachers, self.tr("Teachers"))
        tabs.addTab(self.rooms, self.tr("Rooms"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)


