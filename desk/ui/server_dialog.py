"""The studio's server (two or more PCs): where it is, who connects, the password (kept in the
OS keyring), and a test that says plainly what is wrong before anything is written."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from desk.services.store import errors, server
from desk.ui import messages
from desk.ui.forms import FieldError
from desk.ui.ops import Ops

# which field a refused connection is about
_FIELD_OF = {"server_unreachable": "host", "bad_server_url": "host",
             "server_refused_password": "password", "server_database_missing": "database",
             "server_not_utf8": "database"}


class ServerDialog(QDialog):
    """``url`` (without the password) once accepted; ``url`` given: its details to correct."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.ops = ops
        self.url = ""
        self.setWindowTitle(self.tr("The studio's server"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Both desks work on one database on the studio's PostgreSQL server. Ask whoever set "
            "it up for these details (the README's \"Two PCs\" section shows how)."))
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. office-pc or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("desk")
        self.user = QLineEdit("desk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {key: FieldError() for key in ("host", "database", "user", "password")}
        form = QFormLayout()
        for key, label, field in (
                ("host", self.tr("Server:"), self.host), (None, self.tr("Port:"), self.port),
                ("database", self.tr("Database:"), self.database),
                ("user", self.tr("User:"), self.user),
                ("password", self.tr("Password:"), self.password)):
            form.addRow(label, field)
            if key:
                form.addRow("", self.errors[key])
        self.test_button = QPushButton(self.tr("Test connection"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.test_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.test_button.clicked.connect(self.test)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        if url:
            self._fill(url)

    def _fill(self, url: str) -> None:
        shown = server.parse(url)
        self.host.setText(shown.host or "")
        self.port.setValue(shown.port or 5432)
        self.database.setText(shown.database or "")
        self.user.setText(shown.username or "")

    def _form(self) -> tuple[str, str] | None:
        """(the URL without the password, the password), or None with the fields marked."""
        for label in self.errors.values():
            label.show_message("")
        self.status.setText("")
        try:
            url = server.url_of(self.host.text(), self.port.value(), self.database.text(),
                                self.user.text())
        except errors.ValidationFailed as exc:
            for key, code in exc.fields.items():
                self.errors[key].show_message(messages.field_message(code))
            return None
        return url, self.password.text()

    def _refused(self, exc: errors.DeskError) -> None:
        self.setEnabled(True)
        field = _FIELD_OF.get(exc.code)
        if field:
            self.errors[field].show_message(messages.error_message(exc))
        else:
            self.status.setText(messages.error_message(exc))

    def _try(self, then) -> None:
        """Connect once on a worker (the dialog waits, disabled); ``then(info)`` when it went
        through, the reason beside its field when it did not."""
        form = self._form()
        if form is None:
            return
        url, password = form
        parsed = server.parse(url).set(password=password or None)
        self.setEnabled(False)
        self.ops.query(self, lambda: server.probe(server.with_password(parsed)),
                       lambda info: (self.setEnabled(True), then(url, password, info)),
                       key="probe", on_failure=self._refused)

    @Slot()
    def test(self) -> None:
        self._try(lambda _url, _password, info: self.status.setText(self.tr(
            "Connected: PostgreSQL {version}, {encoding} ({ctype}){ro}.").format(
            version=info.version, encoding=info.encoding, ctype=info.ctype,
            ro=self.tr(", read-only") if info.read_only else "")))

    @Slot()
    def _on_accepted(self) -> None:
        def connected(url: str, password: str, _info) -> None:
            if not password:  # PGPASSWORD or .pgpass gave it: nothing to keep
                self._done(url)
                return
            self.setEnabled(False)
            self.ops.query(self, lambda: server.remember_password(server.parse(url), password),
                           lambda _r: self._done(url), key="keep",
                           on_failure=self._refused)

        self._try(connected)

    def _done(self, url: str) -> None:
        self.setEnabled(True)
        self.url = url
        self.accept()
