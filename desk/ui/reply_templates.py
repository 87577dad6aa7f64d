"""Settings → Answer templates: the studio's own holding reply, after-hours text and canned
replies, each checked (known placeholders, within the template limits) before it is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desk.services.comms import inbox, templates
from desk.ui.context import Context
from desk.ui.forms import FieldError, submit


class ReplyTemplatesDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Answer templates"))
        self.resize(760, 420)
        self.list = QListWidget()
        for key, name in inbox.replies(after_hours=True):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.body = QPlainTextEdit()
        hint = QLabel(self.tr(
            "Placeholders: {parent}, {child}, {studio}, {direction}, {date}, {teacher}, "
            "{balance}; in the after-hours text also {hours}. What Desk cannot know is asked "
            "when answering."))
        hint.setWordWrap(True)
        self.error = FieldError()
        self.save_button = QPushButton(self.tr("Save the template"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        right = QVBoxLayout()
        right.addWidget(self.body, 1)
        right.addWidget(hint)
        right.addWidget(self.error)
        right.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.key: str | None = None
        self.saved_text = ""
        self.list.currentItemChanged.connect(self._on_chosen)
        self.save_button.clicked.connect(self.save)
        close.rejected.connect(self.reject)
        self.list.setCurrentRow(0)

    def dirty(self) -> bool:
        return self.key is not None and self.body.toPlainText() != self.saved_text

    @Slot()
    def _on_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        if self.dirty() and not self._may_drop():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.key = None  # nothing to save or drop until the chosen template is read
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: (key, templates.get(store, key)), self._show_body,
                           key="body")

    def _show_body(self, found: tuple[str, str]) -> None:
        self.key, self.saved_text = found
        self.body.setPlainText(self.saved_text)
        self.error.show_message("")

    def _may_drop(self) -> bool:
        return QMessageBox.question(
            self, self.windowTitle(), self.tr("The template was changed and not saved. Drop "
                                              "the changes?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    @Slot()
    def save(self) -> None:
        if self.key is None:
            return
        key, text = self.key, self.body.toPlainText()
        store, actor = self.ctx.store, self.ctx.actor
        submit(self.ctx.ops, self, self.error,
               lambda: templates.save(store, actor, key, text, inbox.REPLY_SAMPLE),
               lambda _r: self._on_saved(key, text))

    def _on_saved(self, key: str, text: str) -> None:
        if self.key == key:
            self.saved_text = text

    def reject(self) -> None:
        if self.dirty() and not self._may_drop():
            return
        super().reject()
