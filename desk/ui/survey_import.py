"""File → Import survey answers…: a Google Form's export (CSV or XLSX) into one of the
studio's surveys. The columns are mapped to fields (proposed, remembered per survey, changed
here), the rows are checked and shown with the family each matches — a name-only match is
offered for confirmation — and bad rows are listed by line before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.services.surveys import forms, gforms
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, report, submit

NAME_COLUMN = 5


class SurveyImportDialog(QDialog):
    WRITES = ("import_button",)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.header: list[str] = []
        self.rows: list[gforms.Row] = []
        self.candidates: dict[str, list[int]] = {}
        self.items: list[forms.Item] = []
        self.setWindowTitle(self.tr("Import survey answers"))
        self.resize(980, 640)
        self.survey = QComboBox()
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_button = QPushButton(self.tr("Choose the file…"))
        self.tz = QLineEdit()
        self.tz.setPlaceholderText(ctx.studio.timezone)
        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("Column of the file"),
                                                self.tr("Field")])
        self.columns.setColumnWidth(0, 460)
        self.columns.setColumnWidth(1, 220)
        self.check_button = QPushButton(self.tr("Check"))
        self.preview = QTreeWidget()
        self.preview.setRootIsDecorated(False)
        self.preview.setHeaderLabels([self.tr("Line"), self.tr("Answered"), self.tr("Family"),
                                      self.tr("NPS"), self.tr("CSAT"), self.tr("Comment")])
        for col, width in enumerate((55, 130, 330, 45, 45)):
            self.preview.setColumnWidth(col, width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.file_button)
        form = QFormLayout()
        form.addRow(self.tr("Survey:"), self.survey)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Time zone of the form's sheet:"), self.tz)
        check_row = QHBoxLayout()
        check_row.addStretch(1)
        check_row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.columns.verticalHeader().hide()
        layout.addWidget(self.columns, 2)
        layout.addLayout(check_row)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.file_button.clicked.connect(self._on_file)
        self.check_button.clicked.connect(self._on_check)
        self.import_button.clicked.connect(self._on_import)
        self.survey.currentIndexChanged.connect(lambda _i: self._reload())
        buttons.rejected.connect(self.reject)
        store = ctx.store
        ctx.ops.query(self, lambda: (forms.surveys(store, active_only=True), forms.items(store)),
                      self._show_surveys)

    def _show_surveys(self, found: tuple[list[forms.SurveyRow], list[forms.Item]]) -> None:
        surveys, self.items = found
        self.survey.blockSignals(True)
        for x in surveys:
            self.survey.addItem(x.name, x.key)
        self.survey.blockSignals(False)

    def fields(self) -> list[tuple[str, str]]:
        """(field, words) a column can be mapped to."""
        return [("", "—"), ("timestamp", self.tr("time of the answer")),
                ("email", self.tr("e-mail")), ("phone", self.tr("phone")),
                ("name", self.tr("name")), ("code", self.tr("family code")),
                ("nps", self.tr("NPS score 0–10")), ("csat", self.tr("CSAT score 1–5")),
                ("comment", self.tr("comment"))] + [
            (f"csi:{i.key}", self.tr("satisfaction: {name}").format(name=i.name))
            for i in self.items]

    def choose_file(self) -> Path | None:
        """Asks for the export (replaced in tests)."""
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("A Google Form's responses"), "",
            self.tr("Responses (*.csv *.xlsx)"))
        return Path(name) if name else None

    @Slot()
    def _on_file(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.path = path
            self.file_label.setText(str(path))
            self._reload()

    def _reload(self) -> None:
        """The file's columns with the mapping the desk proposes (or remembers)."""
        if self.path is None or self.survey.currentData() is None:
            return
        path, key, store = self.path, self.survey.currentData(), self.ctx.store
        tz = self.tz.text().strip() or None

        def read():
            header, _rows = gforms.read(path)
            result, _fresh = gforms.preview(store, path, key, tz=tz)
            return header, result.mapping

        self.ctx.ops.query(self, read, self._show_columns,
                           on_failure=lambda exc: report(self, self.error, exc))

    def _show_columns(self, found: tuple[list[str], dict[str, str]]) -> None:
        self.header, mapping = found
        by_column = {column: field for field, column in mapping.items()}
        self.columns.setRowCount(len(self.header))
        for row, title in enumerate(self.header):
            self.columns.setItem(row, 0, QTableWidgetItem(title))
            box = QComboBox()
            for field, words in self.fields():
                box.addItem(words, field)
            box.setCurrentIndex(max(box.findData(by_column.get(title, "")), 0))
            self.columns.setCellWidget(row, 1, box)
        self.error.show_message("")
        self._on_check()

    def mapping(self) -> dict[str, str]:
        found = {}
        for row, title in enumerate(self.header):
            field = self.columns.cellWidget(row, 1).currentData()
            if field:
                found[field] = title
        return found

    @Slot()
    def _on_check(self) -> None:
        if self.path is None:
            return
        path, key, store, used = self.path, self.survey.currentData(), self.ctx.store, \
            self.mapping()
        tz = self.tz.text().strip() or None

        def check():
            result, rows = gforms.preview(store, path, key, used, tz)
            names = [r.name for r in rows if r.family_id is None and r.name]
            return result, rows, gforms.name_candidates(store, names)

        self.ctx.ops.query(self, check, self._show_preview,
                           on_failure=lambda exc: report(self, self.error, exc))

    def _show_preview(self, found) -> None:
        result, self.rows, self.candidates = found
        self.preview.clear()
        for r in self.rows:
            who = self.tr("family by {how}").format(how=self._how(r.matched_by)) \
                if r.family_id else self.tr("no family: kept anonymous")
            item = QTreeWidgetItem([str(r.line), fmt.datetime_text(r.at, self.ctx.studio.tz),
                                    who, "" if r.nps is None else str(r.nps),
                                    "" if r.csat is None else str(r.csat), r.comment])
            single = self.candidates.get(r.name, [])
            if r.family_id is None and len(single) == 1:  # a name: a person confirms it
                item.setText(2, self.tr("the name matches {name}: tick to confirm").format(
                    name=r.name))
                item.setCheckState(2, Qt.CheckState.Unchecked)
            self.preview.addTopLevelItem(item)
        problems = "\n".join(self.tr("line {line}: {reason}").format(
            line=e.line, reason=self.reason(e)) for e in result.errors)
        self.error.show_message(problems)
        self.summary.setText(self.tr(
            "{rows} rows: {new} new ({matched} with a family, {unmatched} anonymous), "
            "{dup} imported before.").format(rows=result.rows, new=len(self.rows),
                                             matched=result.matched,
                                             unmatched=result.unmatched,
                                             dup=result.duplicates))
        self.import_button.setEnabled(not result.errors and bool(self.rows))

    def reason(self, e: gforms.RowError) -> str:
        words = {
            "time_unreadable": self.tr("the time «{value}» cannot be read"),
            "nps_range": self.tr("the NPS score «{value}» is not 0–10"),
            "csat_range": self.tr("the CSAT score «{value}» is not 1–5"),
            "csi_range": self.tr("the score «{value}» is not 1–{top}"),
            "field_unknown": self.tr("unknown field {value}"),
            "column_missing": self.tr("the file has no column «{value}»"),
            "item_unknown": self.tr("no satisfaction item {value}"),
            "timestamp_missing": self.tr("choose the column with the time of the answers"),
        }
        return words.get(e.code, e.reason).format(value=e.value, top=e.top)

    def _how(self, matched_by: str) -> str:
        return {"code": self.tr("code"), "email": self.tr("e-mail"),
                "phone": self.tr("phone"), "name": self.tr("name")}.get(matched_by, matched_by)

    def confirmed(self) -> dict[int, int]:
        """line → family for the ticked name matches."""
        found = {}
        for i, r in enumerate(self.rows):
            item = self.preview.topLevelItem(i)
            if item.checkState(2) == Qt.CheckState.Checked:
                found[r.line] = self.candidates[r.name][0]
        return found

    @Slot()
    def _on_import(self) -> None:
        if self.path is None:
            return
        path, key, used, names = self.path, self.survey.currentData(), self.mapping(), \
            self.confirmed()
        tz = self.tz.text().strip() or None

        def done(result: gforms.ImportResult) -> None:
            self.import_button.setEnabled(False)
            self.summary.setText(self.tr("Imported {n} answers ({matched} with a family); "
                                         "{dup} were there already.").format(
                n=result.imported, matched=result.matched, dup=result.duplicates))

        submit(self.ctx.ops, self, self.error, lambda: gforms.run(
            self.ctx.store, self.ctx.actor, path, key, used, tz, names), done)
