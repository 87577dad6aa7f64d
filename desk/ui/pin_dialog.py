"""Settings → "PIN or password…": change one's own, or reset a colleague's forgotten one (a
member of the desk or a supervisor may); the reset is in the journal, the secret never is."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from desk.services.staff import signin, studio
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit
from desk.ui.labels import role_name


class PinDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.done_for: int | None = None
        self.setWindowTitle(self.tr("PIN or password"))
        self.setMinimumWidth(440)
        self.person = QComboBox()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(self.tr("A PIN is 4 to 8 digits, a password 8 characters or more. Another "
                              "person's is reset when they have forgotten it: tell them the "
                              "new one."))
        hint.setWordWrap(True)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Whose:"), self.person)
        form.addRow(self.tr("New PIN or password:"), self.secret)
        form.addRow(self.tr("Once more:"), self.again)
        form.addRow(hint)
        form.addRow(self.error)
        finish_form_dialog(self, form, self._on_save)
        ctx.ops.query(self, lambda: studio.staff(ctx.store), self._fill, key="staff")

    def _fill(self, staff: list[studio.StaffMember]) -> None:
        for m in staff:
            self.person.addItem(f"{m.name} — {role_name(m.role)}", m.id)
        self.person.setCurrentIndex(max(0, self.person.findData(self.ctx.me.id)))

    @Slot()
    def _on_save(self) -> None:
        staff_id, secret = self.person.currentData(), self.secret.text()
        if staff_id is None:
            return
        if secret != self.again.text():
            self.error.show_message(self.tr("The two do not match: type them again."))
            return
        submit(self.ctx.ops, self, self.error,
               lambda: signin.set_secret(self.ctx.store, self.ctx.actor, staff_id, secret),
               lambda _r: self._saved(staff_id))

    def _saved(self, staff_id: int) -> None:
        self.done_for = staff_id
        self.accept()

