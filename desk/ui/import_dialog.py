"""Import families from CSV or XLSX: check the file off the UI thread, preview the rows, the
errors and the rows whose phone belongs to another family (each to add there or skip), then
import with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk.services.crm import transfer
from desk.services.store import errors
from desk.ui import fmt, messages
from desk.ui.context import Context

PREVIEW_ROWS = 500


class ImportDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: transfer.Plan | None = None
        self.result_: transfer.Result | None = None
        self.setWindowTitle(self.tr("Import families"))
        self.resize(900, 600)

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("CSV or XLSX file, one row per child"))
        self.browse = QPushButton(self.tr("Choose a file…"))
        self.summary = QLabel(self.tr(
            "Columns: Родитель, Телефон, Email, Telegram, Ребёнок, Дата рождения, Источник, "
            "Заметки (or their English names)."))
        self.summary.setWordWrap(True)
        self.rows = QTreeWidget()
        self.rows.setRootIsDecorated(False)
        self.rows.setHeaderLabels([self.tr("Line"), self.tr("Parent"), self.tr("Phone"),
                                   self.tr("Child"), self.tr("Birth date")])
        for col, width in enumerate((60, 220, 150, 220)):
            self.rows.setColumnWidth(col, width)
        self.errors = QTreeWidget()
        self.errors.setRootIsDecorated(False)
        self.errors.setHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.errors.setColumnWidth(0, 60)
        self.conflicts = QTreeWidget()
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setHeaderLabels([self.tr("Line"), self.tr("Parent"), self.tr("Child"),
                                        self.tr("Phone"), self.tr("The phone's family"),
                                        self.tr("What to do")])
        for col, width in enumerate((60, 170, 150, 130, 190)):
            self.conflicts.setColumnWidth(col, width)
        self.conflict_choices: dict[int, QComboBox] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rows, self.tr("Rows"))
        self.tabs.addTab(self.errors, self.tr("Errors"))
        self.tabs.addTab(self.conflicts, self.tr("Phone of another family"))
        self.tabs.setTabVisible(2, False)
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows and skip the bad ones"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self._on_browse_clicked)
        self.skip_invalid.toggled.connect(self._update_button)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import families"), str(Path.home()),
                                              self.tr("Tables (*.csv *.xlsx)"))
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> None:
        self.path.setText(str(path))
        self.plan = None
        self._update_button()
        self.ctx.ops.query(
            self, lambda p: transfer.plan(self.ctx.store, path, p.report, lambda: p.cancelled),
            self._on_planned, on_failure=self._on_failed, progress=self.tr("Checking the file…"))

    def _on_planned(self, plan: transfer.Plan) -> None:
        self.plan = plan
        self.rows.clear()
        self.rows.addTopLevelItems([
            QTreeWidgetItem([str(r.line), r.parent, r.phone or "", r.child,
                             fmt.short_date(r.birth_date)])
            for r in plan.rows[:PREVIEW_ROWS]
        ])
        self.errors.clear()
        for e in plan.errors:
            item = QTreeWidgetItem([str(e.line), messages.import_row_message(e.code, e.value)])
            item.setToolTip(1, item.text(1))
            self.errors.addTopLevelItem(item)
        self.tabs.setTabText(1, self.tr("Errors ({n})").format(n=len(plan.errors)))
        self._show_conflicts(plan)
        text = self.tr("New: %n family(ies)", "", plan.new_families) + ", " + self.tr(
            "%n child(ren)", "", plan.new_children) + "."
        if plan.conflicts:
            text += " " + self.tr("%n row(s) have the phone of a family with another parent: "
                                  "choose for each whether to add the child there or skip "
                                  "the row.", "", len(plan.conflicts))
            self.tabs.setCurrentIndex(2)
        if plan.errors:
            text += " " + self.tr("%n row(s) with errors: nothing is imported unless you skip "
                                  "them.", "", len(plan.errors))
            self.tabs.setCurrentIndex(1)
        self.summary.setText(text)
        self._update_button()

    def _show_conflicts(self, plan: transfer.Plan) -> None:
        self.conflicts.clear()
        self.conflict_choices = {}
        for c in plan.conflicts:
            item = QTreeWidgetItem([str(c.line), c.parent, c.child, c.phone,
                                    f"#{c.family_id} {c.family}"])
            item.setToolTip(4, item.text(4))
            self.conflicts.addTopLevelItem(item)
            choice = QComboBox()
            choice.addItem(self.tr("— choose —"), None)
            choice.addItem(self.tr("Add the child to that family"), "merge")
            choice.addItem(self.tr("Skip the row"), "skip")
            choice.currentIndexChanged.connect(self._update_button)
            self.conflicts.setItemWidget(item, 5, choice)
            self.conflict_choices[c.line] = choice
        self.tabs.setTabText(2, self.tr("Phone of another family ({n})").format(
            n=len(plan.conflicts)))
        self.tabs.setTabVisible(2, bool(plan.conflicts))

    def _decided(self, what: str) -> list[int]:
        return [line for line, combo in self.conflict_choices.items()
                if combo.currentData() == what]

    @Slot()
    def _update_button(self) -> None:
        plan = self.plan
        self.import_button.setEnabled(
            plan is not None and bool(plan.rows)
            and (not plan.errors or self.skip_invalid.isChecked())
            and all(c.currentData() for c in self.conflict_choices.values()))

    @Slot()
    def _on_import_clicked(self) -> None:
        plan = self.plan
        if plan is None:
            return
        skip_invalid = self.skip_invalid.isChecked()
        merge, skip = self._decided("merge"), self._decided("skip")
        self.import_button.setEnabled(False)
        self.ctx.ops.command(
            self, lambda p: transfer.apply(self.ctx.store, self.ctx.actor, plan,
                                           skip_invalid=skip_invalid, merge=merge, skip=skip,
                                           progress=p.report, cancelled=lambda: p.cancelled),
            self._on_imported, on_failure=self._on_failed, progress=self.tr("Importing…"))

    def _on_imported(self, result: transfer.Result) -> None:
        self.result_ = result
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Imported: %n new family(ies)", "", result.families) + ", " + self.tr(
            "%n child(ren)", "", result.children) + ".")
        self.accept()

    def _on_failed(self, exc: errors.DeskError) -> None:
        if isinstance(exc, errors.Cancelled):
            self.summary.setText(self.tr("Cancelled: nothing was imported."))
            self._update_button()
            return
        self.summary.setText(messages.import_failed_message(exc))
        self._update_button()
