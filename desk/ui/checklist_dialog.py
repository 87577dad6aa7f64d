"""The supervisors' checklists on screen: a role's checklist for a day, made from the database
as it is now, previewed as the PDF it is, printed or saved; the copy printed or saved is kept
in the database. The archive lists the kept copies for a supervisor to reopen, print or save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QDate, QIODevice, Slot
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.models.enums import Role
from desk.services.supervision import checklists
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, ask_save_path, chosen, report, submit
from desk.ui.labels import role_name


class PdfPane(QWidget):
    """A PDF held in memory, shown page after page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = b""
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, data: bytes) -> None:
        self.data = data
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def print_to(self, printer: QPrinter) -> int:
        """Each page as an image at the printer's resolution; returns the pages printed."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        pages = self.document.pageCount()
        for n in range(pages):
            if n:
                printer.newPage()
            image = self.document.render(n, area.size())
            painter.drawImage(0, 0, image)
        painter.end()
        return pages


def ask_printer(parent: QWidget) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_path(parent: QWidget, name: str) -> Path | None:
    return ask_save_path(parent, parent.tr("Save the checklist"), str(Path.home() / name),
                         parent.tr("PDF document (*.pdf)"), ".pdf")


class PdfActions:
    """Print… and Save PDF… for a dialog showing a PDF in ``self.pane``: ``pdf_buttons()``
    makes them (with Close), ``enable_pdf()`` offers them once there is a PDF, and
    ``printed()`` / ``saved(path)`` say what became of it. The dialog gives ``save_path()``;
    ``printer()`` and ``save_path()`` are replaced in tests."""

    def pdf_buttons(self) -> QDialogButtonBox:
        self.print_button = QPushButton(QCoreApplication.translate("PdfActions", "Print…"))
        self.save_button = QPushButton(QCoreApplication.translate("PdfActions", "Save PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        return buttons

    def enable_pdf(self, on: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(on)

    def printer(self) -> QPrinter | None:
        """The printer chosen."""
        return ask_printer(self)

    def save_path(self) -> Path | None:
        """Where to save."""
        raise NotImplementedError

    def printed(self) -> None:
        pass

    def saved(self, path: Path) -> None:
        pass

    @Slot()
    def _on_print(self) -> None:
        printer = self.printer()
        if printer is not None and self.pane.print_to(printer):
            self.printed()

    @Slot()
    def _on_save(self) -> None:
        path = self.save_path()
        if path is not None:
            path.write_bytes(self.pane.data)
            self.saved(path)


class PrintoutDialog(PdfActions, QDialog):
    """A document made from the database as it is now: previewed as its PDF, printed or
    saved; the copy printed or saved is kept. Subclasses say how it is made."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.made = None  # the checklist or sheet shown
        self.resize(760, 860)
        self.refresh_button = QPushButton(self.tr("Count again"))
        self.refresh_button.setToolTip(self.tr("The checklist is made from the database as it "
                                               "is now"))
        self.pane = PdfPane()
        self.status = QLabel()
        self.error = FieldError()
        buttons = self.pdf_buttons()
        self.top = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.refresh_button.clicked.connect(self.load)

    def make(self):
        """A function for a worker returning (what is shown, its PDF)."""
        raise NotImplementedError

    def said(self) -> str:
        return ""

    @Slot()
    def load(self) -> None:
        self.enable_pdf(False)
        self.ctx.ops.query(self, self.make(), self._show, key="made",
                           on_failure=lambda exc: report(self, self.error, exc))

    def _show(self, found) -> None:
        self.made, data = found
        self.pane.show_pdf(data)
        self.status.setText(self.said())
        self.enable_pdf(True)

    def save_path(self) -> Path | None:
        return ask_path(self, f"{self.made.title} {self.made.day:%d.%m.%Y}.pdf")

    def printed(self) -> None:
        self._keep(self.tr("Printed and kept in the archive"))

    def saved(self, path: Path) -> None:
        self._keep(self.tr("Saved to {path} and kept in the archive").format(path=path))

    def _keep(self, said: str) -> None:
        made, data = self.made, self.pane.data
        submit(self.ctx.ops, self, self.error,
               lambda: checklists.keep(self.ctx.store, self.ctx.actor, made, data),
               lambda _id: self.status.setText(said))


class ChecklistDialog(PrintoutDialog):
    """A role's checklist for a day."""

    def __init__(self, ctx: Context, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Checklist of the day"))
        self.role = QComboBox()
        for r in (Role.SYSTEM, Role.COMMUNICATOR):
            self.role.addItem(role_name(r), r)
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.top.addWidget(self.role)
        self.top.addWidget(self.day)
        self.top.addWidget(self.refresh_button)
        self.top.addStretch(1)
        self.role.activated.connect(lambda _i: self.load())
        self.day.dateChanged.connect(lambda _d: self.load())
        self.load()

    @property
    def checklist(self) -> checklists.Checklist | None:
        return self.made

    def make(self):
        store, role, person = self.ctx.store, self.role.currentData(), self.ctx.me.name
        day = fmt.from_qdate(self.day.date())

        def made() -> tuple[checklists.Checklist, bytes]:
            found = checklists.daily(store, role, day)
            return found, checklists.render_pdf(found, person)

        return made

    def said(self) -> str:
        c = self.made
        return self.tr("Counted at {time}: {n} of {total} lines to check").format(
            time=c.printed.strftime("%H:%M"), n=sum(1 for line in c.lines if not line.ok),
            total=len(c.lines))


class LessonSheetDialog(PrintoutDialog):
    """A lesson's sheet for its teacher."""

    def __init__(self, ctx: Context, lesson_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lesson_id = lesson_id
        self.setWindowTitle(self.tr("Lesson sheet"))
        self.top.addWidget(self.refresh_button)
        self.top.addStretch(1)
        self.load()

    def make(self):
        store, lesson_id = self.ctx.store, self.lesson_id

        def made() -> tuple[checklists.LessonSheet, bytes]:
            sheet = checklists.lesson_sheet(store, lesson_id)
            return sheet, checklists.render_sheet(sheet)

        return made

    def said(self) -> str:
        return self.tr("{n} children on the roster").format(n=len(self.made.roster))


class CopiesDialog(PdfActions, QDialog):
    """File → Kept checklists: every copy printed or saved, reopened as it was printed."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[checklists.CopyRow] = []
        self.setWindowTitle(self.tr("Kept checklists"))
        self.resize(1100, 760)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Checklist"), self.tr("Day"), self.tr("Printed"),
                                   self.tr("By")])
        for col, width in enumerate((260, 90, 120)):
            self.list.setColumnWidth(col, width)
        self.pane = PdfPane()
        self.error = FieldError()
        buttons = self.pdf_buttons()
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.pane)
        split.setSizes([560, 540])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._open())
        self.enable_pdf(False)
        ctx.ops.query(self, lambda: checklists.copies(ctx.store), self._show_rows, key="rows")

    def _show_rows(self, rows: list[checklists.CopyRow]) -> None:
        self.rows = rows
        tz = self.ctx.studio.tz
        for r in rows:
            self.list.addTopLevelItem(QTreeWidgetItem([
                r.title, fmt.short_date(r.day), fmt.datetime_text(r.printed_at, tz), r.person]))
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))

    def _open(self) -> None:
        row = chosen(self.list, self.rows)
        if row is None:
            return
        copy_id, store = row.id, self.ctx.store
        self.ctx.ops.query(self, lambda: checklists.copy_pdf(store, copy_id), self._show_pdf,
                           key="pdf", on_failure=lambda exc: report(self, self.error, exc))

    def _show_pdf(self, data: bytes) -> None:
        self.pane.show_pdf(data)
        self.enable_pdf(True)

    def save_path(self) -> Path | None:
        row = chosen(self.list, self.rows)
        return ask_path(self, f"{row.title} {row.day:%d.%m.%Y}.pdf") if row else None
