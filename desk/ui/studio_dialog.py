"""The studio's directions (capacity, price, duration), teachers (contacts, head teacher) and
rooms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from desk.services.crm import contacts
from desk.services.money import amounts
from desk.services.schedule import lessons
from desk.services.store import errors
from desk.ui import messages
from desk.ui.context import Context
from desk.ui.forms import FieldError


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
        row_id = item.data(Qt.ItemDataRole.UserRole)
        active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        try:
            lessons.set_active(self.ctx.store, self.ctx.actor, self.KIND, row_id, not active)
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.window().windowTitle(), messages.error_message(exc))
            return
        self.reload(row_id)

    def _save(self) -> None:
        try:
            saved = self.save()
        except errors.ValidationFailed as exc:
            self.error.show_message(messages.fields_text(exc))
            return
        except ValueError:
            self.error.show_message(self.bad_number_text())
            return
        except errors.DeskError as exc:
            QMessageBox.warning(self, self.window().windowTitle(), messages.error_message(exc))
            return
        self.error.show_message("")
        self.reload(saved)

    def load(self, row_id: int | None) -> None: ...
    def save(self) -> int: ...
    def reload(self, select: int | None = None) -> None: ...
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
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.price = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 24 * 60)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Places by default:"), self.capacity)
        self.form.addRow(self.tr("Price by default, ₽:"), self.price)
        self.form.addRow(self.tr("Minutes by default:"), self.minutes)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.rows = lessons.directions(self.ctx.store, archived=True)
        self.fill([(d.id, d.name, d.active) for d in self.rows], select)
        self.load(select)

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        d = next((d for d in self.rows if d.id == row_id), None)
        self.name.setText(d.name if d else "")
        self.capacity.setValue(d.capacity if d else 8)
        self.price.setText(amounts.format_rub(d.price).replace("\u00a0₽", "") if d else "0")
        self.minutes.setValue(d.duration_min if d else 90)

    def save(self) -> int:
        return lessons.save_direction(self.ctx.store, self.ctx.actor, self.name.text(),
                                       self.capacity.value(), amounts.parse(self.price.text()),
                                       self.minutes.value(), self.current_id)

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

    def reload(self, select: int | None = None) -> None:
        self.rows = lessons.teachers(self.ctx.store, archived=True)
        self.fill([(t.id, t.name + (" ★" if t.head else ""), t.active) for t in self.rows],
                  select)
        self.load(select)

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        t = next((t for t in self.rows if t.id == row_id), None)
        self.name.setText(t.name if t else "")
        self.phone.setText(contacts.display_phone(t.phone or None) if t else "")
        self.email.setText(t.email if t else "")
        self.telegram.setText(t.telegram if t else "")
        self.head.setChecked(bool(t and t.head))

    def save(self) -> int:
        return lessons.save_teacher(self.ctx.store, self.ctx.actor, self.name.text(),
                                     self.phone.text(), self.email.text(), self.telegram.text(),
                                     self.head.isChecked(), self.current_id)


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

    def reload(self, select: int | None = None) -> None:
        self.rows = lessons.rooms(self.ctx.store, archived=True)
        self.fill([(r.id, r.name, r.active) for r in self.rows], select)
        self.load(select)

    def load(self, row_id: int | None) -> None:
        self.current_id = row_id
        room = next((r for r in self.rows if r.id == row_id), None)
        self.name.setText(room.name if room else "")

    def save(self) -> int:
        return lessons.save_room(self.ctx.store, self.ctx.actor, self.name.text(),
                                  self.current_id)


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


