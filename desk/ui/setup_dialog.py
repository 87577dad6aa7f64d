"""First start: the studio's name, its time zone and the staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from desk.models.enums import Role
from desk.services.staff import studio
from desk.services.store import errors
from desk.ui import messages
from desk.ui.forms import FieldError
from desk.ui.labels import role_name
from desk.ui.ops import Ops
from desk.ui.server_dialog import ServerDialog

if TYPE_CHECKING:
    from desk.services.store.db import Store


def studio_fields(dialog: QDialog, name: str, timezone: str) -> QFormLayout:
    """The studio's name and time zone with their error lines, as ``dialog.name``,
    ``dialog.timezone`` … (the first start and Settings → Studio and staff)."""
    dialog.name = QLineEdit(name)
    dialog.name_error = FieldError()
    dialog.timezone = QComboBox()
    dialog.timezone.setEditable(True)
    dialog.timezone.addItems(studio.timezones())
    dialog.timezone.setCurrentText(timezone)
    dialog.timezone_error = FieldError()
    form = QFormLayout()
    form.addRow(QCoreApplication.translate("StudioFields", "Studio name:"), dialog.name)
    form.addRow("", dialog.name_error)
    form.addRow(QCoreApplication.translate("StudioFields", "Time zone:"), dialog.timezone)
    form.addRow("", dialog.timezone_error)
    return form


def studio_refused(dialog: QDialog, exc: errors.DeskError) -> None:
    """A refused save of ``studio_fields`` and the staff: each wrong field's message beside it
    (``dialog.staff_error`` for the staff), any other refusal in a message box."""
    if not isinstance(exc, errors.ValidationFailed):
        QMessageBox.warning(dialog, dialog.windowTitle(), messages.error_message(exc))
        return
    for key, label in (("name", dialog.name_error), ("timezone", dialog.timezone_error),
                       ("staff", dialog.staff_error),
                       ("idle_lock_min", getattr(dialog, "idle_error", None))):
        if label is not None:
            label.show_message(messages.field_message(exc.fields[key]) if key in exc.fields else "")


class SetupDialog(QDialog):
    def __init__(self, store: Store, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ops = ops  # the start's, before there is a Context
        self.setWindowTitle(self.tr("Desk — first start"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr("Tell Desk about your studio. You can add more staff later."))
        intro.setWordWrap(True)
        form = studio_fields(self, "", studio.DEFAULT_TIMEZONE)
        self.name.setPlaceholderText(self.tr("e.g. Creative Kids"))

        staff_box = QGroupBox(self.tr("Staff"))
        self.staff_grid = QGridLayout(staff_box)
        self.staff_rows: list[tuple[QLineEdit, QComboBox]] = []
        self._add_staff_row(Role.SYSTEM)
        self._add_staff_row(Role.COMMUNICATOR)
        self.add_person = QPushButton(self.tr("Add a person"))
        self.staff_error = FieldError()
        box_layout = QVBoxLayout()
        box_layout.addWidget(self.add_person, alignment=Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(self.staff_error)

        self.server_url = ""  # set when the studio lives on its server instead
        self.server_button = QPushButton(self.tr("The studio's server…"))
        self.server_button.setToolTip(self.tr(
            "Two or more PCs: connect to the studio's PostgreSQL server instead of keeping "
            "the studio on this PC"))
        where = QLabel(self.tr("Only this PC works with the studio? Fill in the form. Two or "
                               "more PCs share it on a server? Connect to it:"))
        where.setWordWrap(True)
        where_row = QHBoxLayout()
        where_row.addWidget(where, 1)
        where_row.addWidget(self.server_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start working"))
        layout = QVBoxLayout(self)
        layout.addLayout(where_row)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(staff_box)
        layout.addLayout(box_layout)
        layout.addWidget(buttons)

        self.add_person.clicked.connect(self._on_add_person_clicked)
        self.server_button.clicked.connect(self._on_server_clicked)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)

    def _add_staff_row(self, role: Role) -> None:
        row = len(self.staff_rows)
        name = QLineEdit()
        name.setPlaceholderText(self.tr("First and last name"))
        combo = QComboBox()
        for r in Role:
            combo.addItem(role_name(r), r)
        combo.setCurrentIndex(list(Role).index(role))
        self.staff_grid.addWidget(name, row, 0)
        self.staff_grid.addWidget(combo, row, 1)
        self.staff_rows.append((name, combo))

    @Slot()
    def _on_server_clicked(self) -> None:
        dialog = ServerDialog(self.ops, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.server_url = dialog.url
            self.accept()

    @Slot()
    def _on_add_person_clicked(self) -> None:
        self._add_staff_row(Role.SUPERVISOR)
        self.staff_rows[-1][0].setFocus()

    @Slot()
    def _on_accepted(self) -> None:
        drafts = [studio.StaffDraft(n.text(), c.currentData()) for n, c in self.staff_rows]
        store, name, timezone = self.store, self.name.text(), self.timezone.currentText().strip()

        def work() -> list[studio.StaffMember]:
            return studio.setup(store, name, timezone, drafts)

        def refused(exc: errors.DeskError) -> None:
            self.setEnabled(True)
            studio_refused(self, exc)

        self.setEnabled(False)  # saving: a second click cannot set the studio up twice
        self.ops.command(self, work, lambda _r: self.accept(), on_failure=refused)
