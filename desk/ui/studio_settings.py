"""Settings → Studio and staff: the studio's name and time zone, and the staff — a person is
added, renamed or deactivated (never deleted: the journal names them). A new time zone asks
whether the lessons keep their clock times."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QWidget,
)

from desk.models.enums import Role
from desk.services.staff import studio
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog
from desk.ui.labels import role_name
from desk.ui.setup_dialog import studio_fields, studio_refused


class StudioSettingsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Studio and staff"))
        self.setMinimumWidth(560)
        form = studio_fields(self, ctx.studio.name, ctx.studio.timezone)
        self.idle = QSpinBox()
        self.idle.setRange(0, studio.MAX_IDLE_LOCK_MIN)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(ctx.studio.idle_lock_min)
        self.idle.setToolTip(self.tr("A desk nobody touches this long locks itself; it is "
                                     "unlocked with the PIN or password (someone without a "
                                     "PIN is not locked)"))
        self.idle_error = FieldError()
        form.addRow(self.tr("Lock the desk after idle:"), self.idle)
        form.addRow("", self.idle_error)
        staff_box = QGroupBox(self.tr("Staff"))
        self.staff_grid = QGridLayout(staff_box)
        self.staff_grid.addWidget(QLabel(self.tr("Name")), 0, 0)
        self.staff_grid.addWidget(QLabel(self.tr("Role")), 0, 1)
        self.staff_grid.addWidget(QLabel(self.tr("Works")), 0, 2)
        self.rows: list[tuple[int | None, QLineEdit, QComboBox, QCheckBox]] = []
        self.add_person = QPushButton(self.tr("Add a person"))
        self.staff_error = FieldError()
        form.addRow(staff_box)
        form.addRow(self.add_person)
        form.addRow(self.staff_error)
        buttons = finish_form_dialog(self, form, self._on_accepted)
        self.add_person.clicked.connect(self._on_add_person)
        # nothing to change or save until the stored staff is shown (Save would drop people)
        self.loading = (self.name, self.timezone, self.idle, staff_box, self.add_person,
                        buttons.button(QDialogButtonBox.StandardButton.Save))
        for widget in self.loading:
            widget.setEnabled(False)
        store = ctx.store
        ctx.ops.query(self, lambda: (studio.info(store),
                                     studio.staff(store, active_only=False)),
                      lambda read: self._show(*read))

    def _show(self, info: studio.StudioInfo, staff: list[studio.StaffMember]) -> None:
        """The stored name, time zone and staff."""
        self.name.setText(info.name)
        self.timezone.setCurrentText(info.timezone)
        self.idle.setValue(info.idle_lock_min)
        for member in staff:
            self._add_row(member.id, member.name, member.role, member.active)
        for widget in self.loading:
            widget.setEnabled(True)

    def _add_row(self, member_id: int | None, name: str, role: Role, active: bool) -> None:
        line = len(self.rows) + 1
        edit = QLineEdit(name)
        edit.setPlaceholderText(self.tr("First and last name"))
        combo = QComboBox()
        for r in Role:
            combo.addItem(role_name(r), r)
        combo.setCurrentIndex(list(Role).index(role))
        works = QCheckBox()
        works.setChecked(active)
        works.setToolTip(self.tr("Untick for someone who left: they stay in the journal"))
        self.staff_grid.addWidget(edit, line, 0)
        self.staff_grid.addWidget(combo, line, 1)
        self.staff_grid.addWidget(works, line, 2)
        self.rows.append((member_id, edit, combo, works))

    @Slot()
    def _on_add_person(self) -> None:
        self._add_row(None, "", Role.COMMUNICATOR, True)
        self.rows[-1][1].setFocus()

    def people(self) -> list[studio.StaffEdit]:
        return [studio.StaffEdit(edit.text(), combo.currentData(), works.isChecked(), member_id)
                for member_id, edit, combo, works in self.rows]

    def _keep_clock_times(self, timezone: str) -> bool | None:
        """True: lessons keep their clock times; False: their moments; None: cancelled."""
        if timezone == self.ctx.studio.timezone:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), self.tr(
            "The time zone changes to {zone}. Should the lessons to come keep their clock "
            "times (a lesson at 17:00 stays at 17:00) or the same moments (the clock times "
            "shift)?").format(zone=timezone), parent=self)
        clock = box.addButton(self.tr("Keep the clock times"), QMessageBox.ButtonRole.YesRole)
        moments = box.addButton(self.tr("Keep the moments"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(clock)
        box.exec()
        return {clock: True, moments: False}.get(box.clickedButton())

    @Slot()
    def _on_accepted(self) -> None:
        timezone = self.timezone.currentText().strip()
        keep = self._keep_clock_times(timezone)
        if keep is None:
            return
        store, actor, name, people = self.ctx.store, self.ctx.actor, self.name.text(), self.people()
        idle = self.idle.value()
        self.ctx.ops.command(
            self, lambda: studio.update(store, actor, name, timezone, people,
                                        keep_local_times=keep, idle_lock_min=idle),
            lambda _r: self.accept(), on_failure=lambda exc: studio_refused(self, exc))
