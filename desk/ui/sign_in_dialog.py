"""Signing in at the start: choose yourself (the last person on this PC is chosen already) and
type your PIN or password; someone without one yet sets it here. A wrong one is said next to
the field; after five the person waits. On the demo studio nobody needs one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.services.staff import signin, studio
from desk.ui import messages
from desk.ui.forms import FieldError, report
from desk.ui.labels import role_name


class SignInDialog(QDialog):
    """``ops`` runs the checks off the UI thread; ``with_secret``: who has a PIN already;
    ``demo``: no PIN asked. After it is accepted, ``chosen()`` is the person signed in."""

    def __init__(self, staff: list[studio.StaffMember], ops, store, *,
                 with_secret: set[int] = frozenset(), current: int | None = None,
                 demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.store = ops, store
        self.with_secret, self.demo = set(with_secret), demo
        self.member: studio.StaffMember | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)
        self.list = QListWidget()
        for member in staff:
            item = QListWidgetItem(f"{member.name} — {role_name(member.role)}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.list.addItem(item)
            if member.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.people = {m.id: m for m in staff}
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        self.forgot = QLabel(self.tr("Forgot it? A colleague or a supervisor sets a new one: "
                                     "Settings → \"PIN or password…\"."))
        self.forgot.setWordWrap(True)
        self.forgot.setStyleSheet("color: #616161;")
        self.form = QFormLayout()
        self.form.addRow(self.tr("PIN or password:"), self.secret)
        self.form.addRow(self.tr("Once more:"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who is working?")))
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.forgot)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_sign_in)
        buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self._show_fields())
        self.secret.returnPressed.connect(self._on_sign_in)
        self._show_fields()

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_fields(self) -> None:
        staff_id = self.chosen()
        new = staff_id is not None and staff_id not in self.with_secret and not self.demo
        self.form.setRowVisible(self.secret, not self.demo)
        self.form.setRowVisible(self.again, new)
        self.hint.setText(
            self.tr("Demo studio: no PIN is needed.") if self.demo else
            self.tr("No PIN yet: make one up — 4 to 8 digits, or a password of 8 characters "
                    "or more — and type it twice.") if new else "")
        self.hint.setVisible(bool(self.hint.text()))
        self.forgot.setVisible(not self.demo and not new)
        self.error.show_message("")
        self.secret.setFocus()

    @Slot()
    def _on_sign_in(self) -> None:
        staff_id = self.chosen()
        if staff_id is None:
            return
        if self.demo:
            self._signed_in(self.people[staff_id])
            return
        secret, store = self.secret.text(), self.store
        if staff_id not in self.with_secret:
            if secret != self.again.text():
                self.error.show_message(self.tr("The two do not match: type them again."))
                return
            member = self.people[staff_id]

            def first() -> studio.StaffMember:
                signin.set_secret(store, member.actor(), staff_id, secret)
                return signin.sign_in(store, staff_id, secret)

            self._run(first)
            return
        self._run(lambda: signin.sign_in(store, staff_id, secret))

    def _run(self, action) -> None:
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.secret.clear()
            self.again.clear()
            if isinstance(exc, (signin.SignInRefused, signin.SignInBlocked)):
                self.error.show_message(messages.error_message(exc))  # beside the field
            else:
                report(self, self.error, exc)

        self.ops.command(self, action, self._signed_in, on_failure=failed)

    def _signed_in(self, member: studio.StaffMember) -> None:
        self.setEnabled(True)
        self.member = member
        self.accept()
