""""Who is working on this PC?" — asked after setup, remembered per PC."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desk.services.staff import studio
from desk.ui.labels import role_name


class WhoDialog(QDialog):
    def __init__(self, staff: list[studio.StaffMember], current: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumWidth(380)
        self.list = QListWidget()
        for member in staff:
            item = QListWidgetItem(f"{member.name} — {role_name(member.role)}")
            item.setData(256, member.id)
            self.list.addItem(item)
            if member.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose yourself: Desk remembers it on this computer.")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(256) if item else None
