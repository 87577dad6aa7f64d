"""The survey dialogs: editing a survey (its form, the question for the family's code, who
gets it, the invitation and the reminder), a paper answer typed in, a survey sent to one family
from its card, and the satisfaction items the CSI is computed over."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from desk.services.surveys import editing, forms, invites, paper, segments
from desk.ui import messages
from desk.ui.context import Context
from desk.ui.forms import (
    FieldError, finish_form_dialog, move_current_row, remove_current_row, report, submit,
)
from desk.ui.labels import inbox_channel_name, segment_kind_name, segment_rule_name
from desk.ui.leads_view import FamilyPicker

PLACEHOLDERS = "{parent}, {child}, {direction}, {link}, {studio}"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #616161;")
    return label


class SurveyEditor(QDialog):
    """A survey changed or added."""

    def __init__(self, ctx: Context, row: forms.SurveyRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Survey") if row else self.tr("New survey"))
        self.resize(720, 640)
        self.name = QLineEdit(row.name if row else "")
        self.form_url = QLineEdit(row.form_url if row else "")
        self.form_url.setPlaceholderText("https://docs.google.com/forms/d/e/…/viewform")
        self.code_entry = QLineEdit(row.code_entry if row else "")
        self.code_entry.setPlaceholderText(self.tr("entry.123456, or the pre-filled link"))
        self.kind = QComboBox()
        for kind in segments.KINDS:
            self.kind.addItem(segment_kind_name(kind), kind)
        self.rule = QComboBox()
        for rule in segments.RULES:
            self.rule.addItem(segment_rule_name(rule), rule)
        self.window_days = QSpinBox()
        self.window_days.setRange(*segments.LIMITS["window_days"])
        self.min_visits = QSpinBox()
        self.min_visits.setRange(*segments.LIMITS["min_visits"])
        self.recent_days = QSpinBox()
        self.recent_days.setRange(*segments.LIMITS["recent_days"])
        for box in (self.window_days, self.recent_days):
            box.setSuffix(self.tr(" days"))
        self.invitation = QPlainTextEdit(row.invitation if row else "")
        self.invitation.setPlaceholderText(self.tr("Filled in for each family: {names}")
                                           .format(names=PLACEHOLDERS))
        self.reminder = QPlainTextEdit(row.reminder if row else "")
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(1, 60)
        self.reminder_days.setSuffix(self.tr(" days after the invitation"))
        self.reminder_days.setValue(row.reminder_days if row else 3)
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(row.active if row else True)
        for box in (self.invitation, self.reminder):
            box.setMinimumHeight(100)  # the texts take what room there is
        self.error = FieldError()

        self.form = QFormLayout()
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Form link:"), self.form_url)
        self.form.addRow(self.tr("Code question:"), self.code_entry)
        self.form.addRow("", _hint(self.tr(
            "Add a short-answer question \"Family code\" to the form. In Google Forms: ⋮ → "
            "Get pre-filled link, type anything into that question, copy the link and paste it "
            "here. Each family's invitation then carries its code, and its answer is matched "
            "exactly.")))
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.kind)
        rule_row.addWidget(self.rule, 1)
        self.form.addRow(self.tr("Who gets it:"), rule_row)
        self.window_label, self.visits_label, self.recent_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.window_label, self.window_days)
        self.form.addRow(self.visits_label, self.min_visits)
        self.form.addRow(self.recent_label, self.recent_days)
        self.form.addRow(self.tr("Invitation:"), self.invitation)
        self.form.addRow(self.tr("Reminder:"), self.reminder)
        self.form.addRow(self.tr("Remind after:"), self.reminder_days)
        self.form.addRow("", self.active)
        self.form.addRow(self.error)
        finish_form_dialog(self, self.form, self._on_save)

        rule = segments.Rule.from_dict(row.segment if row else {})
        self.kind.setCurrentIndex(max(0, self.kind.findData(rule.kind)))
        self.rule.setCurrentIndex(max(0, self.rule.findData(rule.rule)))
        self._set_numbers(rule)
        self.rule.currentIndexChanged.connect(self._on_rule)
        self._show_numbers()

    def _set_numbers(self, rule: segments.Rule) -> None:
        self.window_days.setValue(rule.window_days)
        self.min_visits.setValue(rule.min_visits)
        self.recent_days.setValue(rule.recent_days)

    @Slot()
    def _on_rule(self) -> None:
        """A rule chosen anew starts from its usual numbers."""
        self._set_numbers(segments.Rule.from_dict({"rule": self.rule.currentData()}))
        self._show_numbers()

    def _show_numbers(self) -> None:
        rule = self.rule.currentData()
        used = segments.PARAMS[rule]
        words = {
            "regular": (self.tr("Count lessons in the last:"), self.tr("At least, lessons:"),
                        self.tr("Last visit within:")),
            "once": (self.tr("The one lesson not earlier than:"), "",
                     self.tr("Not seen since, at least:")),
            "attended": ("", "", self.tr("Came within the last:")),
            "lead_never_enrolled": (self.tr("Added within the last:"), "", ""),
            "party_before": ("", "", self.tr("The day is within the next:")),
            "party_after": ("", "", self.tr("The day was within the last:")),
        }[rule]
        for name, label, box, text in zip(
                ("window_days", "min_visits", "recent_days"),
                (self.window_label, self.visits_label, self.recent_label),
                (self.window_days, self.min_visits, self.recent_days), words):
            label.setText(text)
            self.form.setRowVisible(box, name in used)

    def draft(self) -> editing.SurveyDraft:
        rule = segments.Rule(self.kind.currentData(), self.rule.currentData(),
                             self.window_days.value(), self.min_visits.value(),
                             self.recent_days.value())
        return editing.SurveyDraft(
            self.row.id if self.row else None, self.name.text(), self.form_url.text(),
            self.code_entry.text(), self.invitation.toPlainText(), self.reminder.toPlainText(),
            self.reminder_days.value(), rule, self.active.isChecked())

    @Slot()
    def _on_save(self) -> None:
        draft = self.draft()
        submit(self.ctx.ops, self, self.error,
               lambda: editing.save(self.ctx.store, self.ctx.actor, draft), self._on_saved)

    def _on_saved(self, survey_id: int) -> None:
        self.saved_id = survey_id
        self.accept()


def _score_box(low: int, high: int) -> QComboBox:
    box = QComboBox()
    box.addItem("—", None)
    for n in range(low, high + 1):
        box.addItem(str(n), n)
    return box


class PaperAnswerDialog(QDialog):
    """An answer from a paper form: the survey, whose (or unsigned), the day, the scores."""

    def __init__(self, ctx: Context, *, survey_id: int | None = None,
                 family_id: int | None = None, family_title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id = family_id
        self.saved_id: int | None = None
        self.wanted_survey = survey_id
        self.setWindowTitle(self.tr("Paper answer"))
        self.resize(560, 560)
        self.survey = QComboBox()
        self.family = QLabel(family_title or self.tr("not signed"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.clear_button = QPushButton(self.tr("Not signed"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("The name written on the form, if any"))
        today = ctx.store.now().astimezone(ctx.studio.tz).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.nps = _score_box(0, 10)
        self.csat = _score_box(1, 5)
        self.comment = QPlainTextEdit()
        self.comment.setFixedHeight(80)
        self.items: list[tuple[forms.Item, QComboBox]] = []
        self.error = FieldError()
        family_row = QHBoxLayout()
        family_row.addWidget(self.family, 1)
        family_row.addWidget(self.choose_button)
        family_row.addWidget(self.clear_button)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Survey:"), self.survey)
        self.form.addRow(self.tr("Family:"), family_row)
        self.form.addRow(self.tr("Name on the form:"), self.name)
        self.form.addRow(self.tr("Date:"), self.day)
        self.form.addRow(self.tr("Would recommend (0–10):"), self.nps)
        self.form.addRow(self.tr("Satisfied overall (1–5):"), self.csat)
        self.items_at = self.form.rowCount()
        self.form.addRow(self.tr("Comment:"), self.comment)
        self.form.addRow(self.error)
        finish_form_dialog(self, self.form, self._on_save)
        self.choose_button.clicked.connect(self._on_choose)
        self.clear_button.clicked.connect(self._on_clear)
        self._show_family()
        store = ctx.store
        ctx.ops.query(self, lambda: (forms.surveys(store), forms.items(store)), self._fill,
                      key="choices")

    def _fill(self, found: tuple[list[forms.SurveyRow], list[forms.Item]]) -> None:
        rows, items = found
        for row in rows:
            self.survey.addItem(row.name, row.id)
        self.survey.setCurrentIndex(max(0, self.survey.findData(self.wanted_survey)))
        for n, item in enumerate(items):
            box = _score_box(1, 5)
            self.form.insertRow(self.items_at + n, f"{item.name} (1–5):", box)
            self.items.append((item, box))

    def _show_family(self) -> None:
        self.clear_button.setEnabled(self.family_id is not None)
        self.name.setEnabled(self.family_id is None)

    @Slot()
    def _on_choose(self) -> None:
        picker = FamilyPicker(self.ctx, self.name.text(), self)
        if picker.exec() and picker.chosen is not None:
            self.family_id = picker.chosen
            item = picker.list.currentItem()
            self.family.setText(item.text() if item else "")
            self._show_family()

    @Slot()
    def _on_clear(self) -> None:
        self.family_id = None
        self.family.setText(self.tr("not signed"))
        self._show_family()

    def answer(self) -> paper.PaperAnswer:
        d = self.day.date()
        return paper.PaperAnswer(
            self.survey.currentData(), self.family_id, dt.date(d.year(), d.month(), d.day()),
            nps=self.nps.currentData(), csat=self.csat.currentData(),
            csi={item.id: (box.currentData(), 5) for item, box in self.items
                 if box.currentData() is not None},
            comment=self.comment.toPlainText(),
            name=self.name.text() if self.family_id is None else "")

    @Slot()
    def _on_save(self) -> None:
        if self.survey.currentData() is None:
            return
        a = self.answer()
        submit(self.ctx.ops, self, self.error,
               lambda: paper.record(self.ctx.store, self.ctx.actor, a), self._on_saved)

    def _on_saved(self, answer_id: int) -> None:
        self.saved_id = answer_id
        self.accept()


class SendSurveyDialog(QDialog):
    """"Send now" from the card: one survey to this family, the invitation editable."""

    def __init__(self, ctx: Context, family_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family_id = family_id
        self.sent = False
        self.setWindowTitle(self.tr("Send a survey"))
        self.resize(620, 460)
        self.survey = QComboBox()
        self.channel = QLabel()
        self.text = QPlainTextEdit()
        self.anyway = QCheckBox(self.tr("Send anyway"))
        self.anyway.hide()
        self.copy_button = QPushButton(self.tr("Copy the text"))
        self.copy_button.setToolTip(self.tr("To send it yourself where the desk cannot"))
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Survey:"), self.survey)
        form.addRow(self.tr("Goes by:"), self.channel)
        form.addRow(self.tr("Text:"), self.text)
        form.addRow("", self.anyway)
        form.addRow(self.error)
        self.buttons = finish_form_dialog(self, form, self._on_send)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Send"))
        self.buttons.addButton(self.copy_button, self.buttons.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.survey.activated.connect(lambda _i: self._draft())
        ctx.ops.query(self, lambda: forms.surveys(ctx.store, active_only=True), self._fill,
                      key="surveys")

    def _fill(self, rows: list[forms.SurveyRow]) -> None:
        """The surveys, the first one with a form link chosen."""
        for row in rows:
            self.survey.addItem(row.name, row.id)
        self.survey.setCurrentIndex(next((n for n, r in enumerate(rows) if r.form_url), 0))
        self._draft()

    def _draft(self) -> None:
        sid, fid, store = self.survey.currentData(), self.family_id, self.ctx.store
        if sid is None:
            return
        self.error.show_message("")
        self.ctx.ops.query(self, lambda: invites.draft_one(store, sid, fid), self._show_draft,
                           key="draft", on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.text.clear()
        self.channel.clear()
        report(self, self.error, exc)

    def _show_draft(self, draft: invites.Invitee) -> None:
        self.text.setPlainText(draft.text)
        self.channel.setText(inbox_channel_name(draft.channel) + f" ({draft.address})"
                             if draft.channel else "—")
        self.anyway.setVisible(draft.skip == "throttled")
        self.anyway.setChecked(False)
        if draft.skip:
            self.error.show_message(messages.field_message(draft.skip))

    @Slot()
    def _on_send(self) -> None:
        sid, fid, text = self.survey.currentData(), self.family_id, self.text.toPlainText()
        anyway = self.anyway.isChecked()
        if sid is None:
            return
        submit(self.ctx.ops, self, self.error, lambda: invites.send_one(
            self.ctx.store, self.ctx.actor, sid, fid, text, despite_throttle=anyway),
            self._on_sent)

    def _on_sent(self, _channel) -> None:
        self.sent = True
        self.ctx.wake_outbox()
        self.accept()


class CsiItemsDialog(QDialog):
    """Settings → Satisfaction items: what the CSI is made of and how much each matters."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Satisfaction items (CSI)"))
        self.resize(520, 440)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Importance")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 110)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.error = FieldError()
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout()
        layout.addWidget(_hint(self.tr(
            "The CSI weighs each item by its importance (equal by default). An item removed "
            "here keeps its past scores but is not asked any more.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        finish_form_dialog(self, layout, self._on_save)
        self.add_button.clicked.connect(lambda: self._add(None, "", 1, edit=True))
        self.remove_button.clicked.connect(lambda: remove_current_row(self.table))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        ctx.ops.query(self, lambda: forms.items(ctx.store), self._fill, key="items")

    def _fill(self, items: list[forms.Item]) -> None:
        for item in items:
            self._add(item.id, item.name, item.importance)

    def _add(self, item_id: int | None, name: str, importance: int, *, edit: bool = False,
             at: int | None = None) -> None:
        n = self.table.rowCount() if at is None else at
        self.table.insertRow(n)
        cell = QTableWidgetItem(name)
        cell.setData(Qt.ItemDataRole.UserRole, item_id)
        self.table.setItem(n, 0, cell)
        box = QSpinBox()
        box.setRange(1, 10)
        box.setValue(importance)
        self.table.setCellWidget(n, 1, box)
        if edit:
            self.table.setCurrentCell(n, 0)
            self.table.editItem(cell)

    def _row(self, n: int) -> tuple[int | None, str, int]:
        cell = self.table.item(n, 0)
        return (cell.data(Qt.ItemDataRole.UserRole), cell.text(),
                self.table.cellWidget(n, 1).value())

    def _move(self, step: int) -> None:
        move_current_row(self.table, step, self._row, lambda row, at: self._add(*row, at=at))

    def drafts(self) -> list[editing.ItemDraft]:
        return [editing.ItemDraft(*self._row(n)) for n in range(self.table.rowCount())]

    @Slot()
    def _on_save(self) -> None:
        drafts = self.drafts()
        submit(self.ctx.ops, self, self.error,
               lambda: editing.save_items(self.ctx.store, self.ctx.actor, drafts),
               lambda _r: self.accept())
