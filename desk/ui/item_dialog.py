""""В обратную связь": what a client said, from any conversation (a message, a call, a script
call's answer, a note on the card), into the feedback register — quoted, with its tone, the
studio's tags, the child and whom it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QListWidget, QListWidgetItem, QPlainTextEdit, QRadioButton, QWidget,
)

from desk.models.enums import FeedbackTone
from desk.services.feedback import register
from desk.ui.context import Context
from desk.ui.forms import FieldError, finish_form_dialog, submit
from desk.ui.labels import tone_name


class ItemDialog(QDialog):
    """"В обратную связь": the client's words (quoted, editable), tone, tags, whom it is
    about, and whether the client needs an answer."""

    def __init__(self, ctx: Context, draft: register.ItemDraft,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.draft = ctx, draft
        self.setWindowTitle(self.tr("To the feedback register"))
        self.resize(620, 560)
        self.quote = QPlainTextEdit(draft.quote)
        self.quote.setPlaceholderText(self.tr("The client's words, as they said them"))
        self.tones = QButtonGroup(self)
        tone_row = QHBoxLayout()
        for tone in FeedbackTone:
            button = QRadioButton(tone_name(tone))
            self.tones.addButton(button)
            button.setProperty("tone", tone.value)
            button.setChecked(tone is draft.tone)
            tone_row.addWidget(button)
        tone_row.addStretch(1)
        self.tags = QListWidget()
        self.tags.setMaximumHeight(130)
        self.child = QComboBox()
        self.teacher = QComboBox()
        self.staff = QComboBox()
        self.direction = QComboBox()
        self.needs_answer = QCheckBox(self.tr("The client waits for an answer"))
        self.needs_answer.setChecked(draft.needs_answer)
        self.needs_answer.setToolTip(self.tr("A negative item always opens a case for the "
                                             "Communicator"))
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Words:"), self.quote)
        form.addRow(self.tr("Tone:"), tone_row)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Child:"), self.child)
        form.addRow(self.tr("About a teacher:"), self.teacher)
        form.addRow(self.tr("About a colleague:"), self.staff)
        form.addRow(self.tr("Direction:"), self.direction)
        form.addRow(self.needs_answer)
        form.addRow(self.error)
        self.save_button = finish_form_dialog(self, form, self._on_accepted).button(
            QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.item_id: int | None = None
        fid = draft.family_id
        ctx.ops.query(self, lambda: register.choices(ctx.store, fid), self._show_choices)

    def _show_choices(self, found: register.Choices) -> None:
        for tag in found.tags:
            item = QListWidgetItem(tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.id in self.draft.tag_ids
                               else Qt.CheckState.Unchecked)
            self.tags.addItem(item)
        for box, values, chosen in ((self.child, found.children, self.draft.child_id),
                                    (self.teacher, found.teachers, self.draft.teacher_id),
                                    (self.staff, found.staff, self.draft.staff_id),
                                    (self.direction, found.directions,
                                     self.draft.direction_id)):
            box.addItem("—", None)
            for value, text in values:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen else 0)
        self.child.setEnabled(bool(found.children))
        self.save_button.setEnabled(True)

    def chosen_tags(self) -> tuple[int, ...]:
        return tuple(self.tags.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.tags.count())
                     if self.tags.item(i).checkState() == Qt.CheckState.Checked)

    def set_tag(self, name: str, on: bool = True) -> None:
        for i in range(self.tags.count()):
            if self.tags.item(i).text() == name:
                self.tags.item(i).setCheckState(Qt.CheckState.Checked if on
                                                else Qt.CheckState.Unchecked)

    def set_tone(self, tone: FeedbackTone) -> None:
        for button in self.tones.buttons():
            button.setChecked(button.property("tone") == tone.value)

    @Slot()
    def _on_accepted(self) -> None:
        checked = self.tones.checkedButton()
        draft = register.ItemDraft(
            quote=self.quote.toPlainText(),
            tone=FeedbackTone(checked.property("tone")) if checked else self.draft.tone,
            source=self.draft.source, source_id=self.draft.source_id,
            family_id=self.draft.family_id, child_id=self.child.currentData(),
            tag_ids=self.chosen_tags(), teacher_id=self.teacher.currentData(),
            staff_id=self.staff.currentData(), direction_id=self.direction.currentData(),
            needs_answer=self.needs_answer.isChecked())

        def saved(item_id: int) -> None:
            self.item_id = item_id
            self.accept()

        submit(self.ctx.ops, self, self.error,
               lambda: register.record(self.ctx.store, self.ctx.actor, draft), saved)


def to_feedback(ctx: Context, parent: QWidget, draft: register.ItemDraft) -> None:
    """Open "В обратную связь" for ``draft`` (what a view offers from its row)."""
    ItemDialog(ctx, draft, parent).exec()
