"""Editing one of the studio's message templates: its text, the placeholders it may use, and
the check on save (unknown placeholders and templates that do too much are told beside it)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget,
)

from desk.services.comms import templates
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit


class TemplateDialog(QDialog):
    """The template ``key``; ``sample`` holds the placeholders it may use (the check fills
    them in), ``hint`` says what each means."""

    def __init__(self, ctx: Context, key: str, sample: dict[str, object], title: str,
                 hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.key, self.sample = ctx, key, sample
        self.setWindowTitle(title)
        self.resize(600, 360)
        self.body = QPlainTextEdit()
        self.body.setEnabled(False)  # until the studio's text is read
        words = QLabel(hint)
        words.setWordWrap(True)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.body)
        form.addRow(words)
        form.addRow(self.error)
        self.save_button = finish_form_dialog(self, form, self._on_accepted).button(
            QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        ctx.ops.query(self, lambda: templates.get(ctx.store, key), self._show_body)

    def _show_body(self, body: str) -> None:
        self.body.setPlainText(body)
        self.body.setEnabled(True)
        self.save_button.setEnabled(True)

    @Slot()
    def _on_accepted(self) -> None:
        if not self.body.isEnabled():
            return  # the studio's text is not read yet: nothing to save over it
        key, body, sample = self.key, self.body.toPlainText(), self.sample
        submit(self.ctx.ops, self, self.error,
               lambda: templates.save(self.ctx.store, self.ctx.actor, key, body, sample),
               lambda _r: self.accept())
