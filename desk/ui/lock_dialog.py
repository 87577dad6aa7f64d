"""A database that cannot be opened for writing: another instance holds it (read-only, open
anyway, or quit), or its rows break the rules of this version's schema (read-only or quit)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.services.store import lock
from desk.ui import fmt

READ_ONLY, OPEN_ANYWAY, QUIT = "read_only", "open_anyway", "quit"


class LockDialog(QMessageBox):
    def __init__(self, holder: lock.Holder, tz, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The database is already open"))
        since = fmt.datetime_text(holder.since, tz)
        text = self.tr("Opened by {staff} on {host} since {since}.").format(
            staff=holder.staff or "?", host=holder.host, since=since)
        if holder.stale:
            text += "\n\n" + self.tr("That program is no longer running on this computer: "
                                     "the lock was left behind and can be broken safely.")
        else:
            text += "\n\n" + self.tr("Two programs writing at once can overwrite each other's "
                                     "work. Open read-only unless you are sure the other one "
                                     "is closed.")
        self.setText(text)
        self.read_only = self.addButton(self.tr("Read-only"), QMessageBox.ButtonRole.AcceptRole)
        self.anyway = self.addButton(
            self.tr("Break the lock and open") if holder.stale else self.tr("Open anyway"),
            QMessageBox.ButtonRole.DestructiveRole)
        self.quit = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.anyway if holder.stale else self.read_only)

    @classmethod
    def ask(cls, holder: lock.Holder, tz) -> str:
        dialog = cls(holder, tz)
        dialog.exec()
        clicked = dialog.clickedButton()
        if clicked is dialog.read_only:
            return READ_ONLY
        if clicked is dialog.anyway:
            return OPEN_ANYWAY
        return QUIT


def look_read_only(problems: list[str], parent: QWidget | None = None) -> bool:
    """The file's upgrade was refused because of ``problems`` (one row each): True to open it
    read-only, False to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LookReadOnly", "The database needs fixing"))
    box.setText(QCoreApplication.translate(
        "LookReadOnly", "Some rows of this database break rules that this version of Desk "
        "keeps, so the file was not upgraded; it was left exactly as it was. You can open it "
        "read-only to look at it. These rows need fixing (\"desk check\" lists them too):"))
    box.setInformativeText("\n".join(problems))
    look = box.addButton(QCoreApplication.translate("LookReadOnly", "Open read-only"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("LookReadOnly", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(look)
    box.exec()
    return box.clickedButton() is look
