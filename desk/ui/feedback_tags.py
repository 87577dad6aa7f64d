"""Settings → Feedback tags: the studio's list of what clients' feedback is about — add,
rename, set aside (an archived tag stays on the items that have it, and is no longer
offered)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from desk.services.feedback import register
from desk.services.store.changes import Change
from desk.ui.context import Context
from desk.ui.forms import FieldError, submit
from desk.ui.freshness import Freshness


class TagsDialog(QDialog):
    WRITES = ("add_button", "rename_button", "archive_button")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tags: list[register.Tag] = []
        self.setWindowTitle(self.tr("Feedback tags"))
        self.resize(420, 420)
        self.list = QListWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("A tag, e.g. «Parking»"))
        self.error = FieldError()
        self.add_button = QPushButton(self.tr("Add"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.archive_button = QPushButton(self.tr("Archive"))
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.rename_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.name.returnPressed.connect(self._on_add)
        self.add_button.clicked.connect(self._on_add)
        self.rename_button.clicked.connect(self._on_rename)
        self.archive_button.clicked.connect(self._on_archive)
        buttons.rejected.connect(self.reject)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.FEEDBACK,))
        self._show()

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, lambda: register.tags(self.ctx.store, active_only=False),
                           self._show_tags)

    def _show_tags(self, tags: list[register.Tag]) -> None:
        current = self.selected()
        self.tags = tags
        self.list.clear()
        for tag in tags:
            item = QListWidgetItem(tag.name if tag.active
                                   else self.tr("{name} (archived)").format(name=tag.name))
            if not tag.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if current is not None and tag.id == current.id:
                self.list.setCurrentItem(item)
        self._show()

    def selected(self) -> register.Tag | None:
        row = self.list.currentRow()
        return self.tags[row] if 0 <= row < len(self.tags) else None

    def _show(self) -> None:
        tag = self.selected()
        self.rename_button.setEnabled(tag is not None)
        self.archive_button.setEnabled(tag is not None)
        self.archive_button.setText(self.tr("Bring back") if tag and not tag.active
                                    else self.tr("Archive"))

    def _save(self, name: str, tag_id: int | None, active: bool) -> None:
        submit(self.ctx.ops, self, self.error,
               lambda: register.save_tag(self.ctx.store, self.ctx.actor, name, tag_id, active),
               lambda _id: self.name.clear())

    @Slot()
    def _on_add(self) -> None:
        self._save(self.name.text(), None, True)

    @Slot()
    def _on_rename(self) -> None:
        tag = self.selected()
        if tag is not None:
            self._save(self.name.text(), tag.id, tag.active)

    @Slot()
    def _on_archive(self) -> None:
        tag = self.selected()
        if tag is not None:
            self._save(tag.name, tag.id, not tag.active)
