"""The call and chat quality sheet on screen: a supervisor fills one in while listening to a
call or reading a conversation (or enters a paper one), each criterion scored 0, 1 or 2 with
the result counted as they go; a person's month lists the sheets with the summary, sets two
supervisors' sheets of the same call side by side, and prints or saves the month (or a blank
form). The criteria are a studio setting, edited by the desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSpinBox, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from desk.models.enums import ReviewKind, Role
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.supervision import quality
from desk.ui import fmt, messages
from desk.ui.checklist_dialog import PdfActions, PdfPane, PrintoutDialog
from desk.ui.context import Context
from desk.ui.forms import (
    FieldError, ask_save_path, chosen, move_current_row, remove_current_row, report,
)
from desk.ui.labels import review_kind_name

SCORES = (0, 1, 2)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #616161;")
    return label


def _month_text(value: QDate) -> str:
    return f"{value.year():04d}-{value.month():02d}"


class SheetDialog(QDialog):
    """One sheet filled in: whose call or chat, which one (when it is in the database), when,
    each criterion scored 0/1/2 with its hint, a note, "from paper"; the result is counted
    live. Enter saves, Esc closes; a bad field is named beside it and nothing typed is lost.

    A supervisor fills these in on a desk otherwise read-only: nothing here is hidden from
    them (no WRITES)."""

    WRITES = ()  # filling a sheet is exactly a supervisor's work

    def __init__(self, ctx: Context, person_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.criteria: list[quality.Criterion] = []
        self.groups: dict[int, QButtonGroup] = {}
        self.score_errors: dict[int, FieldError] = {}
        self.setWindowTitle(self.tr("Quality sheet"))
        self.resize(720, 780)
        self.person = QComboBox()
        self.reviewer = QComboBox()
        self.kind = QComboBox()
        for kind in ReviewKind:
            self.kind.addItem(review_kind_name(kind), kind)
        self.reference = QComboBox()
        self.reference.setMinimumContentsLength(40)
        self.at = fmt.datetime_edit(ctx.store.now(), ctx.studio.tz)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What went well, what to work on"))
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)  # Tab goes on to the next field
        self.from_paper = QCheckBox(self.tr("Entered from a paper sheet"))
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: bold;")
        self.person_error, self.reviewer_error = FieldError(), FieldError()
        self.reference_error, self.at_error = FieldError(), FieldError()
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Whose work:"), self._with(self.person, self.person_error))
        form.addRow(self.tr("Call or chat:"), self.kind)
        form.addRow(self.tr("Which one:"), self._with(self.reference, self.reference_error))
        form.addRow(self.tr("When:"), self._with(self.at, self.at_error))
        form.addRow(self.tr("Scored by:"), self._with(self.reviewer, self.reviewer_error))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the scores inside
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr(
            "0 — not done, 1 — partly, 2 — done. A criterion marked \"automatic fail\" "
            "scored 0 fails the whole sheet.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.from_paper)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._load_references())
        self._wanted_person = person_id
        store = ctx.store
        ctx.ops.query(self, lambda: (quality.criteria(store), studio.staff(store)),
                      self._fill, key="form",
                      on_failure=lambda exc: report(self, self.error, exc))

    @staticmethod
    def _with(field: QWidget, error: FieldError) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return box

    def _fill(self, found) -> None:
        self.criteria, people = found
        me = self.ctx.me.id
        for m in people:
            if m.role is not Role.SUPERVISOR:
                self.person.addItem(m.name, m.id)
            self.reviewer.addItem(m.name, m.id)
        self.person.setCurrentIndex(max(0, self.person.findData(self._wanted_person)))
        self.reviewer.setCurrentIndex(max(0, self.reviewer.findData(me)))
        for n, c in enumerate(self.criteria):
            name = QLabel(c.name + (self.tr(" (automatic fail)") if c.automatic_fail else ""))
            name.setStyleSheet("font-weight: bold;")
            weight = QLabel(self.tr("weight {w}").format(w=c.weight))
            group = QButtonGroup(self)
            buttons = QHBoxLayout()
            for value in SCORES:
                button = QRadioButton(str(value))
                button.setObjectName(f"score_{c.id}_{value}")
                group.addButton(button, value)
                buttons.addWidget(button)
            error = FieldError()
            self.groups[c.id] = group
            self.score_errors[c.id] = error
            group.idClicked.connect(lambda _v, cid=c.id: self._on_scored(cid))
            row = 3 * n
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(weight, row, 1)
            self.grid.addLayout(buttons, row, 2)
            self.grid.addWidget(_hint(c.hint), row + 1, 0, 1, 3)
            self.grid.addWidget(error, row + 2, 0, 1, 3)
        self._count()
        self._load_references()

    def _load_references(self) -> None:
        store, kind = self.ctx.store, self.kind.currentData()
        if kind is None:  # every call of the month: who logged it need not be who talked
            return
        self.ctx.ops.query(
            self, lambda: quality.references(store, kind),
            self._show_references, key="references",
            on_failure=lambda exc: report(self, self.error, exc))

    def _show_references(self, found: list[quality.Reference]) -> None:
        kept = self.reference.currentData()
        self.reference.clear()
        self.reference.addItem(self.tr("— none (not in the database) —"), None)
        for r in found:
            self.reference.addItem(r.text, r.id)
        self.reference.setCurrentIndex(max(0, self.reference.findData(kept)))

    def scores(self) -> dict[int, int]:
        return {cid: group.checkedId() for cid, group in self.groups.items()
                if group.checkedId() in SCORES}

    def set_score(self, criterion_id: int, value: int) -> None:
        self.groups[criterion_id].button(value).click()

    def _on_scored(self, criterion_id: int) -> None:
        self.score_errors[criterion_id].show_message("")
        self._count()

    def _count(self) -> None:
        scores = self.scores()
        if not self.criteria:
            self.total.setText("")
            return
        score, failed = quality.percent(scores, self.criteria)
        left = len(self.criteria) - len(scores)
        if failed:
            text = self.tr("Result: 0% — failed (an automatic-fail criterion scored 0)")
        elif left:
            text = self.tr("Result so far: {p}% ({n} criteria not scored yet)").format(
                p=quality.percent(scores, [c for c in self.criteria if c.id in scores])[0]
                if scores else 0, n=left)
        else:
            text = self.tr("Result: {p}%").format(p=score)
        self.total.setText(text)

    def draft(self) -> quality.ReviewDraft:
        reference = self.reference.currentData()
        kind = self.kind.currentData()
        return quality.ReviewDraft(
            self.person.currentData(), kind,
            fmt.from_qdatetime(self.at.dateTime(), self.ctx.studio.tz), self.scores(),
            call_id=reference if kind is ReviewKind.CALL else None,
            conversation_id=reference if kind is ReviewKind.CHAT else None,
            note=self.note.toPlainText(), from_paper=self.from_paper.isChecked(),
            reviewer_id=self.reviewer.currentData())

    @Slot()
    def _on_save(self) -> None:
        draft, store, actor = self.draft(), self.ctx.store, self.ctx.actor
        for error in [*self.score_errors.values(), self.person_error, self.reviewer_error,
                      self.reference_error, self.at_error, self.error]:
            error.show_message("")
        if draft.person_id is None:
            self.person_error.show_message(messages.field_message("person_invalid"))
            return

        def done(review_id: int) -> None:
            self.setEnabled(True)
            self.saved_id = review_id
            self.accept()

        def failed(exc) -> None:
            self.setEnabled(True)
            if isinstance(exc, errors.ValidationFailed):
                self._show_fields(exc)
            else:
                report(self, self.error, exc)

        self.setEnabled(False)
        self.ctx.ops.command(self, lambda: quality.record(store, actor, draft), done,
                             on_failure=failed)

    def _show_fields(self, exc: errors.ValidationFailed) -> None:
        """Each message beside its field; the first such field gets the focus."""
        places = {"person": (self.person_error, self.person),
                  "reviewer": (self.reviewer_error, self.reviewer),
                  "reference": (self.reference_error, self.reference),
                  "at": (self.at_error, self.at)}
        first = None
        for key, code in exc.fields.items():
            text = messages.field_message(code)
            if key.startswith("score."):
                cid = int(key.split(".")[1])
                if cid in self.score_errors:
                    self.score_errors[cid].show_message(text)
                    first = first or self.groups[cid].button(0)
                    continue
            if key in places:
                places[key][0].show_message(text)
                first = first or places[key][1]
            else:
                self.error.show_message(text)
        if first is not None:
            first.setFocus()


class BlankFormDialog(PrintoutDialog):
    """An empty sheet to print and fill in by hand (entered later with "from paper"); not
    kept in the archive (it holds nobody's scores)."""

    def __init__(self, ctx: Context, person_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Blank quality sheet"))
        self.refresh_button.setToolTip(self.tr("The form lists the studio's criteria as they "
                                               "are now"))
        self.top.addWidget(self.refresh_button)
        self.top.addStretch(1)
        self.load()

    def make(self):
        store, person_id, tz = self.ctx.store, self.person_id, self.ctx.studio.tz

        def made():
            data = quality.blank(store, person_id)
            return _Blank(store.now().astimezone(tz).date()), data

        return made

    def said(self) -> str:
        return self.tr("A form to fill in by hand")

    def printed(self) -> None:
        self.status.setText(self.tr("Printed"))

    def saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}").format(path=path))


class _Blank:
    title = "Лист оценки звонка или переписки"

    def __init__(self, day: dt.date) -> None:
        self.day = day


class QualityDialog(PdfActions, QDialog):
    """File → Call and chat quality: a person's month — the sheets, the summary, the
    calibrations (one call scored by two supervisors), the month printed or saved, a new sheet
    or a blank form. A supervisor uses all of it (no WRITES: the new sheet stays)."""

    WRITES = ()  # filling sheets is a supervisor's work; nothing here changes the studio

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: quality.MonthSheet | None = None
        self.rows: list[quality.Review] = []
        self.setWindowTitle(self.tr("Call and chat quality"))
        self.resize(1150, 800)
        self.person = QComboBox()
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("MM.yyyy")
        self.month.setCalendarPopup(True)
        self.new_button = QPushButton(self.tr("New sheet…"))
        self.new_button.setShortcut("Ctrl+N")
        self.blank_button = QPushButton(self.tr("Blank form…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Whose work:")))
        top.addWidget(self.person)
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.blank_button)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Call or chat"),
                                   self.tr("Scored by"), self.tr("Result")])
        for col, width in enumerate((115, 165, 140)):
            self.list.setColumnWidth(col, width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.remove_button = QPushButton(self.tr("Remove sheet…"))
        self.remove_button.setToolTip(self.tr("A sheet entered by mistake (a supervisor removes "
                                              "only their own)"))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.detail = QTreeWidget()
        self.detail.setRootIsDecorated(False)
        self.detail.setHeaderLabels([self.tr("Criterion"), self.tr("Weight"),
                                     self.tr("Score")])
        self.detail.setColumnWidth(0, 330)
        self.detail_note = QLabel()
        self.detail_note.setWordWrap(True)
        sheet_tab = QWidget()
        sheet_layout = QVBoxLayout(sheet_tab)
        sheet_layout.addWidget(self.detail, 1)
        sheet_layout.addWidget(self.detail_note)
        self.pairs = QComboBox()
        self.calibration = QTreeWidget()
        self.calibration.setRootIsDecorated(False)
        self.calibration.setColumnWidth(0, 300)
        self.calibration_said = QLabel()
        self.calibration_said.setWordWrap(True)
        calibration_tab = QWidget()
        calibration_layout = QVBoxLayout(calibration_tab)
        calibration_layout.addWidget(self.pairs)
        calibration_layout.addWidget(self.calibration, 1)
        calibration_layout.addWidget(self.calibration_said)
        self.pane = PdfPane()
        self.tabs = QTabWidget()
        self.tabs.addTab(sheet_tab, self.tr("Sheet"))
        self.tabs.addTab(calibration_tab, self.tr("Calibration"))
        self.tabs.addTab(self.pane, self.tr("Printout"))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setSizes([520, 630])
        self.error = FieldError()
        buttons = self.pdf_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.person.activated.connect(lambda _i: self.load())
        self.month.dateChanged.connect(lambda _d: self.load())
        self.list.currentItemChanged.connect(lambda *_: self._show_review())
        self.list.itemActivated.connect(lambda *_: self.tabs.setCurrentIndex(0))
        self.pairs.currentIndexChanged.connect(lambda _i: self._show_pair())
        self.new_button.clicked.connect(self._on_new)
        self.remove_button.clicked.connect(self._on_remove)
        self.blank_button.clicked.connect(self._on_blank)
        self.enable_pdf(False)
        store = ctx.store
        ctx.ops.query(self, lambda: studio.staff(store), self._fill_people, key="people")

    def _fill_people(self, people: list[studio.StaffMember]) -> None:
        for m in people:
            if m.role is not Role.SUPERVISOR:
                self.person.addItem(m.name, m.id)
        me = self.person.findData(self.ctx.me.id)
        self.person.setCurrentIndex(max(0, me))
        self.load()

    @Slot()
    def load(self) -> None:
        person, month, store = self.person.currentData(), _month_text(self.month.date()), \
            self.ctx.store
        if person is None:
            return
        self.enable_pdf(False)

        def made():
            sheet = quality.month_sheet(store, person, month)
            return sheet, quality.render_pdf(sheet)

        self.ctx.ops.query(self, made, self._show, key="month",
                           on_failure=lambda exc: report(self, self.error, exc))

    def _show(self, found) -> None:
        self.sheet, data = found
        self.rows = list(self.sheet.reviews)
        tz = self.ctx.studio.tz
        self.list.clear()
        for r in self.rows:
            result = f"{r.score}%" + (self.tr(" — failed") if r.failed else "")
            kind = review_kind_name(r.kind) + (self.tr(" (paper)") if r.from_paper else "")
            self.list.addTopLevelItem(QTreeWidgetItem([
                fmt.datetime_text(r.at, tz), kind, r.reviewer, result]))
        s = self.sheet.summary
        if s.count:
            weakest = min(s.criteria, key=lambda c: c.average) if s.criteria else None
            self.summary.setText(self.tr(
                "{n} sheets ({calls} calls, {chats} chats), average {avg}%, failed {fails}")
                .format(n=s.count, calls=s.calls, chats=s.chats, avg=s.average,
                        fails=s.fails)
                + ("" if weakest is None else self.tr("; weakest: {name} ({p}%)").format(
                    name=weakest.name, p=weakest.average)))
        else:
            self.summary.setText(self.tr("No sheets this month"))
        self.pairs.clear()
        for c in self.sheet.calibrations:
            self.pairs.addItem(c.reference or review_kind_name(c.first.kind))
        if not self.sheet.calibrations:
            self.calibration.clear()
            self.calibration_said.setText(self.tr(
                "No call or chat of this month was scored by two supervisors."))
        self.pane.show_pdf(data)
        self.enable_pdf(True)
        if self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(len(self.rows) - 1))
        else:
            self.detail.clear()
            self.detail_note.setText("")
            self.remove_button.setEnabled(False)

    def _show_review(self) -> None:
        r = chosen(self.list, self.rows)
        self.detail.clear()
        self.remove_button.setEnabled(r is not None and (
            self.ctx.can_write or r.reviewer_id == self.ctx.me.id))
        if r is None:
            return
        for line in r.lines:
            item = QTreeWidgetItem([
                line.name + (self.tr(" (automatic fail)") if line.automatic_fail else ""),
                str(line.weight), str(line.value)])
            self.detail.addTopLevelItem(item)
        parts = [r.reference] if r.reference else []
        if r.note:
            parts.append(self.tr("Note: {note}").format(note=r.note))
        self.detail_note.setText("\n".join(parts))

    def _show_pair(self) -> None:
        n = self.pairs.currentIndex()
        if self.sheet is None or not 0 <= n < len(self.sheet.calibrations):
            return
        c = self.sheet.calibrations[n]
        self.calibration.clear()
        self.calibration.setHeaderLabels([self.tr("Criterion"), c.first.reviewer,
                                          c.second.reviewer, self.tr("Difference")])
        for d in c.differences:
            self.calibration.addTopLevelItem(QTreeWidgetItem([
                d.name, "—" if d.first is None else str(d.first),
                "—" if d.second is None else str(d.second),
                "" if not d.delta else f"{d.delta:+d}"]))
        self.calibration_said.setText(self.tr(
            "{a}: {pa}%, {b}: {pb}%; {n} criteria scored differently").format(
                a=c.first.reviewer, pa=c.first.score, b=c.second.reviewer, pb=c.second.score,
                n=c.disagreements))

    def sheet_dialog(self) -> SheetDialog:
        """The new sheet's dialog (tests drive it before it is shown)."""
        return SheetDialog(self.ctx, self.person.currentData(), self)

    @Slot()
    def _on_new(self) -> None:
        dialog = self.sheet_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load()

    def confirm_remove(self, review: quality.Review) -> bool:
        """Asked before a sheet goes (replaced in tests)."""
        return QMessageBox.question(self, self.windowTitle(), self.tr(
            "Remove the sheet of {when} scored by {who}?").format(
                when=fmt.datetime_text(review.at, self.ctx.studio.tz), who=review.reviewer)
        ) == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_remove(self) -> None:
        r = chosen(self.list, self.rows)
        if r is None or not self.confirm_remove(r):
            return
        store, actor, review_id = self.ctx.store, self.ctx.actor, r.id
        self.ctx.ops.command(self, lambda: quality.remove(store, actor, review_id),
                             lambda _r: self.load(),
                             on_failure=lambda exc: report(self, self.error, exc))

    @Slot()
    def _on_blank(self) -> None:
        BlankFormDialog(self.ctx, self.person.currentData(), self).exec()

    def save_path(self) -> Path | None:
        if self.sheet is None:
            return None
        return ask_save_path(self, self.tr("Save the quality sheets"),
                             str(Path.home() / f"{self.sheet.person} {self.sheet.month}.pdf"),
                             self.tr("PDF document (*.pdf)"), ".pdf")


class CriteriaDialog(QDialog):
    """Settings → Quality sheet criteria: what a call or chat is scored on, each with what
    counts as done, its weight (1–5) and whether a 0 fails the whole sheet. A removed
    criterion keeps its past scores. A studio setting: the desk edits it, not a supervisor."""

    WRITES = ("add_button", "remove_button", "up_button", "down_button", "save_button")
    COL_NAME, COL_HINT, COL_WEIGHT, COL_FAIL = range(4)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Quality sheet criteria"))
        self.resize(860, 520)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"),
                                              self.tr("What counts as done"),
                                              self.tr("Weight"), self.tr("Automatic fail")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_HINT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.COL_NAME, 220)
        self.table.setColumnWidth(self.COL_WEIGHT, 70)
        self.table.setColumnWidth(self.COL_FAIL, 170)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.error = FieldError()
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr(
            "Each criterion is scored 0, 1 or 2; the result is the weighted share of the top "
            "score. A criterion removed here keeps its past scores but is not asked any "
            "more.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(
            lambda: self._add(quality.CriterionDraft(None, ""), edit=True))
        self.remove_button.clicked.connect(lambda: remove_current_row(self.table))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        store = ctx.store
        ctx.ops.query(self, lambda: quality.criteria(store), self._fill, key="criteria",
                      on_failure=lambda exc: report(self, self.error, exc))

    def _fill(self, found: list[quality.Criterion]) -> None:
        for c in found:
            self._add(quality.CriterionDraft(c.id, c.name, c.hint, c.weight, c.automatic_fail))

    def _add(self, d: quality.CriterionDraft, *, edit: bool = False,
             at: int | None = None) -> None:
        n = self.table.rowCount() if at is None else at
        self.table.insertRow(n)
        cell = QTableWidgetItem(d.name)
        cell.setData(Qt.ItemDataRole.UserRole, d.id)
        self.table.setItem(n, self.COL_NAME, cell)
        self.table.setItem(n, self.COL_HINT, QTableWidgetItem(d.hint))
        box = QSpinBox()
        box.setRange(1, 5)
        box.setValue(min(5, max(1, d.weight)))
        self.table.setCellWidget(n, self.COL_WEIGHT, box)
        fail = QTableWidgetItem()
        fail.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                      | Qt.ItemFlag.ItemIsSelectable)
        fail.setCheckState(Qt.CheckState.Checked if d.automatic_fail
                           else Qt.CheckState.Unchecked)
        self.table.setItem(n, self.COL_FAIL, fail)
        if edit:
            self.table.setCurrentCell(n, self.COL_NAME)
            self.table.editItem(cell)

    def _row(self, n: int) -> quality.CriterionDraft:
        cell = self.table.item(n, self.COL_NAME)
        return quality.CriterionDraft(
            cell.data(Qt.ItemDataRole.UserRole), cell.text(),
            self.table.item(n, self.COL_HINT).text(),
            self.table.cellWidget(n, self.COL_WEIGHT).value(),
            self.table.item(n, self.COL_FAIL).checkState() == Qt.CheckState.Checked)

    def _move(self, step: int) -> None:
        move_current_row(self.table, step, self._row, lambda d, at: self._add(d, at=at))

    def drafts(self) -> list[quality.CriterionDraft]:
        return [self._row(n) for n in range(self.table.rowCount())]

    @Slot()
    def _on_save(self) -> None:
        drafts, store, actor = self.drafts(), self.ctx.store, self.ctx.actor

        def done(_result) -> None:
            self.setEnabled(True)
            self.accept()

        def failed(exc) -> None:
            self.setEnabled(True)
            if isinstance(exc, errors.ValidationFailed):
                self._show_fields(exc)
            else:
                report(self, self.error, exc)

        self.error.show_message("")
        self.setEnabled(False)
        self.ctx.ops.command(self, lambda: quality.save_criteria(store, actor, drafts), done,
                             on_failure=failed)

    def _show_fields(self, exc: errors.ValidationFailed) -> None:
        """The message under the table, naming the row; the bad cell is made current."""
        key, code = next(iter(exc.fields.items()))
        text = messages.field_message(code)
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "criterion" and parts[1].isdigit():
            n = int(parts[1])
            col = self.COL_WEIGHT if parts[2] == "weight" else self.COL_NAME
            self.table.setCurrentCell(n, col)
            self.table.setFocus()
            text = self.tr("Row {n}: {text}").format(n=n + 1, text=text)
        self.error.show_message(text)
