"""The first thing painted at start: the main window's frame with its tabs, while the database
and the heavy modules load. Imports nothing but Qt, so it paints as fast as a bare Qt window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget


class Shell(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Desk")
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for title in (self.tr("System person"), self.tr("Communicator"), self.tr("Schedule"),
                      self.tr("Families"), self.tr("Tasks"), self.tr("Journal")):
            page = QLabel(self.tr("Opening the database…"))
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.statusBar()

    def hand_over(self, window: QMainWindow) -> None:
        """Show ``window`` exactly where the shell is, then close the shell."""
        window.setGeometry(self.geometry())
        if self.isMaximized():
            window.showMaximized()
        else:
            window.show()
        self.close()
