"""Applications (leads): the list with response targets (late ones in red), a new application
form, CSV import, statuses, and turning a lead into a family or linking it to one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desk.models.enums import LeadStatus
from desk.services.comms import leads
from desk.services.crm import contacts, families
from desk.services.store.changes import Change
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.family_editor import FamilyEditor
from desk.ui.forms import FieldError, finish_form_dialog, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import lead_status_name, source_choices
from desk.ui.table_model import RowsModel, sorted_view

LATE = QColor("#c62828")


class LeadsModel(RowsModel):
    """The applications, newest first as the service gives them; late ones in red."""

    COL_RECEIVED, COL_PARENT, COL_CONTACT, COL_CHILD, COL_STATUS, COL_ANSWER_BY, COL_MESSAGE = (
        range(7))
    HEADERS = (
        QT_TRANSLATE_NOOP("LeadsModel", "Received"),
        QT_TRANSLATE_NOOP("LeadsModel", "Parent"),
        QT_TRANSLATE_NOOP("LeadsModel", "Contact"),
        QT_TRANSLATE_NOOP("LeadsModel", "Child"),
        QT_TRANSLATE_NOOP("LeadsModel", "Status"),
        QT_TRANSLATE_NOOP("LeadsModel", "Answer by"),
        QT_TRANSLATE_NOOP("LeadsModel", "Message"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @staticmethod
    def _answer_by(r: leads.LeadRow):
        return r.respond_by if r.status is LeadStatus.NEW else None

    def cell(self, row: leads.LeadRow, column: int) -> str:
        tz = self.ctx.studio.tz
        if column == self.COL_RECEIVED:
            return fmt.datetime_text(row.created_at, tz)
        if column == self.COL_PARENT:
            return row.name
        if column == self.COL_CONTACT:
            return contacts.display_phone(row.phone or None) or row.email
        if column == self.COL_CHILD:
            return row.child
        if column == self.COL_STATUS:
            return lead_status_name(row.status)
        if column == self.COL_ANSWER_BY:
            answer_by = self._answer_by(row)
            return fmt.datetime_text(answer_by, tz) if answer_by is not None else ""
        if column == self.COL_MESSAGE:
            return row.message.replace("\n", " ")
        return ""

    def sort_key(self, row: leads.LeadRow, column: int):
        if column == self.COL_RECEIVED:
            return row.created_at
        if column == self.COL_ANSWER_BY:
            return self._answer_by(row)  # no date once answered: those sort apart
        return super().sort_key(row, column)

    def foreground(self, row: leads.LeadRow, column: int):
        return QBrush(LATE) if row.late else None


class LeadDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New application"))
        self.setMinimumWidth(440)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.child = QLineEdit()
        self.child.setPlaceholderText(self.tr("name and age, if given"))
        self.message = QPlainTextEdit()
        self.message.setTabChangesFocus(True)
        self.message.setFixedHeight(70)
        self.source = QComboBox()  # a known source, or the studio's own words
        self.source.setEditable(True)
        for words, code in source_choices():
            self.source.addItem(words, code)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Parent:"), self.name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Child:"), self.child)
        form.addRow(self.tr("Message:"), self.message)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow("", self.error)
        finish_form_dialog(self, form, self._on_accepted)

    def _source_code(self) -> str:
        typed = self.source.currentText().strip()
        index = self.source.findText(typed)
        return self.source.itemData(index) if index >= 0 else typed

    @Slot()
    def _on_accepted(self) -> None:
        draft = leads.LeadDraft(self.name.text(), self.phone.text(), self.email.text(),
                                self.child.text(), self.message.toPlainText(),
                                self._source_code())
        submit(self.ctx.ops, self, self.error,
               lambda: leads.create(self.ctx.store, self.ctx.actor, draft), self._on_saved)

    def _on_saved(self, lead_id: int) -> None:
        self.saved_id = lead_id
        self.accept()


class FamilyPicker(QDialog):
    """Find a family by name or phone digits and choose it."""

    def __init__(self, ctx: Context, query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Choose the family"))
        self.resize(520, 420)
        self.search = QLineEdit(query)
        self.list = QListWidget()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_ok())
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self._fill(query)

    @Slot(str)
    def _fill(self, text: str) -> None:
        """Look for the families (nothing for empty words); the list fills when found."""
        self.ctx.ops.query(
            self, lambda: families.find(self.ctx.store, text, limit=50) if text.strip() else [],
            self._show_found)

    def _show_found(self, rows: list[families.FamilyRow]) -> None:
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.parents} — {row.children} {row.phones}".strip())
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    @Slot()
    def _on_ok(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()


class LeadsView(QWidget):
    """Signals:
        family_requested(int)
    """

    # hidden on a read-only desk
    WRITES = (
        "contacted", "enrolled", "import_button", "link_family", "lost", "make_family",
        "new_button", "thinking"
    )

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[leads.LeadRow] = []
        self.show_all = QCheckBox(self.tr("Show closed ones too"))
        self.new_button = QPushButton(self.tr("New application…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.contacted = QPushButton(self.tr("Contacted"))
        self.enrolled = QPushButton(self.tr("Enrolled"))
        self.thinking = QPushButton(self.tr("Thinking until…"))
        self.lost = QPushButton(self.tr("Lost…"))
        self.make_family = QPushButton(self.tr("Create the family…"))
        self.link_family = QPushButton(self.tr("Link to a family…"))
        self.model = LeadsModel(ctx, self)
        self.table = sorted_view(  # newest first, as the service gives them
            self.model, widths=(120, 170, 160, 140, 130, 120),
            sort_column=LeadsModel.COL_RECEIVED, order=Qt.SortOrder.DescendingOrder)
        self.table.header().setStretchLastSection(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        top = QHBoxLayout()
        for b in (self.new_button, self.import_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.show_all)
        actions = QHBoxLayout()
        for b in (self.contacted, self.enrolled, self.thinking, self.lost, self.make_family,
                  self.link_family):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

        self.new_button.clicked.connect(lambda: LeadDialog(ctx, self).exec())
        self.import_button.clicked.connect(self._on_import)
        self.show_all.toggled.connect(self.refresh)
        self.contacted.clicked.connect(lambda: self._set(LeadStatus.CONTACTED))
        self.enrolled.clicked.connect(lambda: self._set(LeadStatus.ENROLLED))
        self.thinking.clicked.connect(self._on_thinking)
        self.lost.clicked.connect(self._on_lost)
        self.make_family.clicked.connect(self._on_make_family)
        self.link_family.clicked.connect(self._on_link_family)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.table.doubleClicked.connect(self._on_opened)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.LEAD, Change.FAMILY))
        self._update()

    @Slot()
    def refresh(self) -> None:
        open_only = not self.show_all.isChecked()
        self.ctx.ops.query(self, lambda: leads.listing(self.ctx.store, open_only=open_only),
                           self._show_rows)

    def _show_rows(self, rows: list[leads.LeadRow]) -> None:
        current = self.selected()
        self.rows = rows
        self.model.set_rows(rows)
        if current is not None:
            for i in range(self.model.rowCount()):
                if self.model.row_at(i).id == current.id:
                    self.table.setCurrentIndex(self.model.index(i, 0))
                    break
        self._update()

    def selected(self) -> leads.LeadRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update(self) -> None:
        r = self.selected()
        for b in (self.contacted, self.enrolled, self.thinking, self.lost, self.make_family,
                  self.link_family):
            b.setEnabled(r is not None)
        if r is not None:
            self.make_family.setEnabled(r.family_id is None)
            self.link_family.setEnabled(r.family_id is None)
        self.details.setText(r.message if r else "")

    def _set(self, status: LeadStatus, **kw) -> None:
        r = self.selected()
        if r is None:
            return
        lead_id = r.id
        self.ctx.ops.command(
            self, lambda: leads.set_status(self.ctx.store, self.ctx.actor, lead_id, status, **kw),
            on_failure=lambda exc: QMessageBox.warning(self, self.tr("Applications"),
                                                       messages.error_message(exc)))

    @Slot()
    def _on_thinking(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Thinking"))
        date = QDateEdit(QDate.currentDate().addDays(7))
        date.setCalendarPopup(True)
        date.setDisplayFormat("dd.MM.yyyy")
        form = QFormLayout()
        form.addRow(self.tr("Come back on:"), date)
        finish_form_dialog(dialog, form, dialog.accept)
        if dialog.exec():
            self._set(LeadStatus.THINKING, think_until=fmt.from_qdate(date.date()))

    @Slot()
    def _on_lost(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Lost"),
                                          self.tr("Why did they not come?"))
        if ok:
            self._set(LeadStatus.LOST, lost_reason=reason)

    @Slot()
    def _on_make_family(self) -> None:
        r = self.selected()
        if r is None:
            return
        lead_id, store, actor = r.id, self.ctx.store, self.ctx.actor
        editor = FamilyEditor(  # the family is saved and the lead linked in one go
            self.ctx, leads.family_draft(r), parent=self,
            save=lambda draft, cancel: leads.make_family(store, actor, lead_id, draft,
                                                         cancel_lessons=cancel))
        editor.open_family_requested.connect(self.family_requested)
        editor.exec()

    @Slot()
    def _on_link_family(self) -> None:
        r = self.selected()
        if r is None:
            return
        picker = FamilyPicker(self.ctx, r.phone[2:] if r.phone else r.name, self)
        if picker.exec() and picker.chosen is not None:
            self._link(r.id, picker.chosen)

    def _link(self, lead_id: int, family_id: int) -> None:
        self.ctx.ops.command(self, lambda: leads.link(self.ctx.store, self.ctx.actor, lead_id,
                                                      family_id))

    @Slot()
    def _on_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import applications"),
                                              str(Path.home()), self.tr("Tables (*.csv *.xlsx)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.ctx.ops.command(
            self, lambda: leads.import_csv(self.ctx.store, self.ctx.actor, path),
            self._show_imported, on_failure=lambda exc: QMessageBox.warning(
                self, self.tr("Import applications"), messages.import_failed_message(exc)))

    def _show_imported(self, result: tuple[int, list]) -> None:
        added, problems = result
        if problems:
            QMessageBox.warning(self, self.tr("Import applications"),
                                self.tr("Nothing was imported:") + "\n"
                                + messages.import_problems_text(problems))
            return
        self.details.setText(self.tr("Imported: %n application(s)", "", added))

    def _on_opened(self, _index: QModelIndex) -> None:
        r = self.selected()
        if r is not None and r.family_id is not None:
            self.family_requested.emit(r.family_id)
