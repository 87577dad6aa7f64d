"""Small helpers shared by the edit forms: an error label under a field, a key for a button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QDialog, QDialogButtonBox, QFileDialog, QLabel, QLayout, QMessageBox,
    QSplitter, QTableWidget, QTreeWidget, QVBoxLayout, QWidget,
)

from desk.services.store import errors
from desk.ui import messages


class FieldError(QLabel):
    """A red message shown under a field while its value is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def key_for(button: QAbstractButton, keys: str, scope: QWidget,
            context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """A key that presses `button`. Where the button is not offered (hidden on a read-only
    desk, or disabled) the key does nothing either, so no key reaches a write the screen hides."""
    shortcut = QShortcut(QKeySequence(keys), scope)
    shortcut.setContext(context)
    shortcut.activated.connect(lambda: button.isHidden() or button.click())
    return shortcut


def finish_form_dialog(dialog: QDialog, form: QLayout, on_save) -> QDialogButtonBox:
    """The usual edit dialog: the form, then Save and Cancel; Save calls ``on_save`` (which
    accepts the dialog when the input is good), Cancel and Esc reject it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def side_by_side(owner: QWidget, left: QWidget, right: QWidget, sizes: list[int]) -> QSplitter:
    """Two panes filling ``owner`` with a splitter between them."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes(sizes)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return splitter


def ask_save_path(parent: QWidget, title: str, name: str, kind: str,
                  suffix: str) -> Path | None:
    """Where to save a file of ``suffix`` (the suffix added when the person left it off);
    None when the dialog was cancelled."""
    chosen_path, _filter = QFileDialog.getSaveFileName(parent, title, name, kind)
    if not chosen_path:
        return None
    path = Path(chosen_path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def chosen(tree: QTreeWidget, rows: list):
    """The row of ``rows`` (listed in order as the tree's top-level items) the tree has as
    its current item; None when none is."""
    item = tree.currentItem()
    index = tree.indexOfTopLevelItem(item) if item else -1
    return rows[index] if 0 <= index < len(rows) else None


def attempt(widget: QWidget, error: FieldError, action) -> bool:
    """Run a service call for a form: a validation failure goes to ``error`` (the input stays),
    any other DeskError to a dialog. True when the call went through."""
    try:
        action()
    except errors.DeskError as exc:
        report(widget, error, exc)
        return False
    error.show_message("")
    return True


def submit(ops, widget: QWidget, error: FieldError, action, on_done=None) -> None:
    """``attempt`` as an operation: ``action`` runs as a command on the writer thread; a
    validation failure goes to ``error`` (the input stays), any other DeskError to a dialog;
    after success the error is cleared and ``on_done(result)`` runs on the UI thread. The form
    is disabled meanwhile, so a second click cannot save it twice."""
    def done(result) -> None:
        widget.setEnabled(True)
        error.show_message("")
        if on_done is not None:
            on_done(result)

    def failed(exc) -> None:
        widget.setEnabled(True)
        report(widget, error, exc)

    widget.setEnabled(False)
    ops.command(widget, action, done, on_failure=failed)


def report(widget: QWidget, error: FieldError, exc: BaseException) -> None:
    """Show a failed service call as ``attempt`` does (for work done off the UI thread)."""
    if isinstance(exc, errors.ValidationFailed):
        error.show_message(messages.fields_text(exc))
    elif isinstance(exc, errors.DeskError):
        QMessageBox.warning(widget, widget.window().windowTitle(), messages.error_message(exc))
    else:
        raise exc


def remove_current_row(table: QTableWidget) -> None:
    """An ordered list edited in a table (the CSI items, the quality criteria): the current
    row goes."""
    n = table.currentRow()
    if n >= 0:
        table.removeRow(n)


def move_current_row(table: QTableWidget, step: int, take, put) -> None:
    """The current row one place up (-1) or down (1): ``take(n)`` reads row ``n`` and
    ``put(row, at)`` inserts it again; the moved row stays current."""
    n = table.currentRow()
    to = n + step
    if n < 0 or not 0 <= to < table.rowCount():
        return
    row = take(n)
    table.removeRow(n)
    put(row, to)
    table.setCurrentCell(to, 0)
