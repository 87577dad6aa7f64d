"""Create or edit a family: guardians, children, preferences and consent, with inline errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from desk.models.enums import Channel, Relation
from desk.services.crm import contacts, families
from desk.services.store import errors
from desk.ui import fmt, messages
from desk.ui.context import Context
from desk.ui.drafts import FamilyDrafts
from desk.ui.forms import FieldError
from desk.ui.labels import channel_name, relation_name

NO_DATE = QDate(1900, 1, 1)


class OptionalDate(QDateEdit):
    """A date edit whose minimum means "not given" (shown blank)."""

    def __init__(self, value: dt.date | None) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(" ")
        self.set_value(value)

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def value(self) -> dt.date | None:
        return None if self.date() == NO_DATE else fmt.from_qdate(self.date())


class GuardianBox(QGroupBox):
    removed = Signal(object)

    def __init__(self, draft: families.GuardianDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft_id = draft.id
        self.name = QLineEdit(draft.name)
        self.name.setPlaceholderText(self.tr("Surname First name"))
        self.relation = QComboBox()
        for r in Relation:
            self.relation.addItem(relation_name(r), r)
        self.relation.setCurrentIndex(list(Relation).index(draft.relation))
        self.phone = QLineEdit(contacts.display_phone(draft.phone) if draft.phone else "")
        self.phone.setPlaceholderText("+7 (912) 345-67-89")
        self.email = QLineEdit(draft.email)
        self.telegram = QLineEdit(draft.telegram)
        self.telegram.setPlaceholderText("@username")
        self.vk = QLineEdit(draft.vk)
        self.whatsapp = QLineEdit(contacts.display_phone(draft.whatsapp) if draft.whatsapp else "")
        self.birth = OptionalDate(draft.birth_date)
        self.birth.setToolTip(self.tr("For the birthday greeting; leave empty if unknown"))
        self.errors = {k: FieldError() for k in ("name", "phone", "email", "telegram", "vk",
                                                 "whatsapp", "birth_date")}
        self.open_other = QPushButton(self.tr("Open that family"))
        self.open_other.hide()
        self.other_family: int | None = None
        self.remove = QPushButton(self.tr("Remove"))
        form = QFormLayout(self)
        for label, key, widget in (
            (self.tr("Name:"), "name", self.name),
            (self.tr("Who is it:"), "relation", self.relation),
            (self.tr("Phone:"), "phone", self.phone),
            (self.tr("E-mail:"), "email", self.email),
            (self.tr("Telegram:"), "telegram", self.telegram),
            (self.tr("VK:"), "vk", self.vk),
            (self.tr("WhatsApp:"), "whatsapp", self.whatsapp),
            (self.tr("Birthday:"), "birth_date", self.birth),
        ):
            form.addRow(label, widget)
            if key == "relation":
                continue
            if key == "phone":
                row = QHBoxLayout()
                row.addWidget(self.errors[key], 1)
                row.addWidget(self.open_other)
                form.addRow("", row)
            else:
                form.addRow("", self.errors[key])
        form.addRow("", self.remove)
        form.setAlignment(self.remove, Qt.AlignmentFlag.AlignRight)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def draft(self) -> families.GuardianDraft:
        return families.GuardianDraft(
            id=self.draft_id, name=self.name.text(), phone=self.phone.text(),
            email=self.email.text(), telegram=self.telegram.text(), vk=self.vk.text(),
            whatsapp=self.whatsapp.text(), relation=self.relation.currentData(),
            birth_date=self.birth.value())

    def show_errors(self, fields: dict[str, str], conflicts: dict[str, int], key: str) -> None:
        for name, label in self.errors.items():
            code = fields.get(f"{key}.{name}")
            label.show_message(messages.field_message(code) if code else "")
        self.other_family = conflicts.get(f"{key}.phone")
        self.open_other.setVisible(self.other_family is not None)


class ChildRow(QWidget):
    removed = Signal(object)

    def __init__(self, draft: families.ChildDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft_id = draft.id
        self.name = QLineEdit(draft.name)
        self.name.setPlaceholderText(self.tr("Surname First name"))
        self.birth = OptionalDate(draft.birth_date)
        self.notes = QLineEdit(draft.notes)
        self.notes.setPlaceholderText(self.tr("Notes (allergies, habits…)"))
        self.remove = QPushButton(self.tr("Remove"))
        self.name_error = FieldError()
        self.birth_error = FieldError()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.birth, 0, 1)
        grid.addWidget(self.notes, 0, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(self.name_error, 1, 0)
        grid.addWidget(self.birth_error, 1, 1, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def draft(self) -> families.ChildDraft:
        return families.ChildDraft(id=self.draft_id, name=self.name.text(),
                                   birth_date=self.birth.value(), notes=self.notes.text())

    def show_errors(self, fields: dict[str, str], key: str) -> None:
        for name, label in (("name", self.name_error), ("birth_date", self.birth_error)):
            code = fields.get(f"{key}.{name}")
            label.show_message(messages.field_message(code) if code else "")


class FamilyEditor(QDialog):
    """``save(draft, cancel_lessons) -> family id``: what Save does in its command, instead of
    ``families.save`` (e.g. create the family and link a lead to it in one transaction).

    Signals:
        open_family_requested(int): the user wants to see the family that owns a phone.
    """

    open_family_requested = Signal(int)

    def __init__(self, ctx: Context, draft: families.FamilyDraft | None = None,
                 parent: QWidget | None = None, *,
                 save: Callable[[families.FamilyDraft, bool], int] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._save_fn = save or (lambda d, cancel: families.save(
            ctx.store, ctx.actor, d, cancel_lessons=cancel))
        self.family_id = draft.id if draft else None
        self.saved_id: int | None = None
        self._saving = False  # a save is on its way: a second press waits for it
        self.drafts = FamilyDrafts(ctx.drafts_dir) if ctx.drafts_dir else None
        kept = self.drafts.load(self.family_id) if self.drafts else None
        if kept is not None and self.ask_restore(self):
            draft = kept
        elif self.drafts:
            self.drafts.discard(self.family_id)
        draft = draft or families.FamilyDraft(guardians=(families.GuardianDraft(""),),
                                              children=(families.ChildDraft(""),))
        self.setWindowTitle(self.tr("Edit family") if self.family_id else self.tr("New family"))
        self.resize(820, 760)

        self.guardian_boxes: list[GuardianBox] = []
        self.child_rows: list[ChildRow] = []
        self.guardians_layout = QVBoxLayout()
        self.children_layout = QVBoxLayout()
        self.add_guardian = QPushButton(self.tr("Add a parent"))
        self.add_child = QPushButton(self.tr("Add a child"))
        self.children_error = FieldError()

        self.source = QLineEdit(draft.source)
        self.source.setPlaceholderText(self.tr("e.g. a friend's advice, Yandex Maps"))
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(channel_name(c), c)
        self.channel.setCurrentIndex(list(Channel).index(draft.preferred_channel))
        self.legend = QPlainTextEdit(draft.legend)
        self.legend.setTabChangesFocus(True)
        self.legend.setPlaceholderText(
            self.tr("Why they came, what motivates them, what to remember"))
        self.legend.setFixedHeight(70)
        self.consent_messages = QCheckBox(self.tr("Agrees to receive messages"))
        self.consent_messages.setChecked(draft.consent_messages)
        self.consent_marketing = QCheckBox(self.tr("Agrees to receive mailings and offers"))
        self.consent_marketing.setChecked(draft.consent_marketing)
        self.consent_date = OptionalDate(draft.consent_date)
        self.consent_purposes = QLineEdit(draft.consent_purposes)
        self.consent_purposes.setPlaceholderText(self.tr("e.g. lessons, reminders, photos"))
        self.banner = QLabel()
        self.banner.setStyleSheet("color: #b00020; font-weight: bold;")
        self.banner.hide()

        guardians_box = QGroupBox(self.tr("Parents and guardians"))
        gl = QVBoxLayout(guardians_box)
        gl.addLayout(self.guardians_layout)
        gl.addWidget(self.add_guardian, alignment=Qt.AlignmentFlag.AlignLeft)
        children_box = QGroupBox(self.tr("Children (name, birth date, notes)"))
        cl = QVBoxLayout(children_box)
        cl.addLayout(self.children_layout)
        cl.addWidget(self.children_error)
        cl.addWidget(self.add_child, alignment=Qt.AlignmentFlag.AlignLeft)
        about = QGroupBox(self.tr("About the family"))
        form = QFormLayout(about)
        form.addRow(self.tr("How they found us:"), self.source)
        form.addRow(self.tr("Preferred channel:"), self.channel)
        form.addRow(self.tr("Legend:"), self.legend)
        form.addRow(self.tr("Consent given on:"), self.consent_date)
        form.addRow(self.tr("Consent purposes:"), self.consent_purposes)
        form.addRow("", self.consent_messages)
        form.addRow("", self.consent_marketing)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(guardians_box)
        body.addWidget(children_box)
        body.addWidget(about)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

        for g in draft.guardians or (families.GuardianDraft(""),):
            self._add_guardian(g)
        for c in draft.children:
            self._add_child(c)
        self.add_guardian.clicked.connect(lambda: self._add_guardian(families.GuardianDraft("")))
        self.add_child.clicked.connect(lambda: self._add_child(families.ChildDraft("")))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        self.guardian_boxes[0].name.setFocus()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(400)
        self._autosave.timeout.connect(self.save_draft)
        self._watch(self)

    @classmethod
    def ask_restore(cls, parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("FamilyEditor", "Unsaved input"),
            QCoreApplication.translate(
                "FamilyEditor", "Desk closed while this form was being filled in. "
                "Restore what was typed?"))
        return answer == QMessageBox.StandardButton.Yes

    def _watch(self, root: QWidget) -> None:
        for edit in root.findChildren(QLineEdit):
            edit.textEdited.connect(self._autosave.start)
        for edit in root.findChildren(QPlainTextEdit):
            edit.textChanged.connect(self._autosave.start)
        for box in root.findChildren(QComboBox):
            box.currentIndexChanged.connect(self._autosave.start)
        for check in root.findChildren(QCheckBox):
            check.toggled.connect(self._autosave.start)
        for date in root.findChildren(QDateEdit):
            date.dateChanged.connect(self._autosave.start)

    @Slot()
    def save_draft(self) -> None:
        if self.drafts is not None:
            self.drafts.save(self.current_draft())

    def done(self, result: int) -> None:
        self._autosave.stop()
        if self.drafts is not None:
            self.drafts.discard(self.family_id)
        super().done(result)

    def _add_guardian(self, draft: families.GuardianDraft) -> None:
        box = GuardianBox(draft)
        box.setTitle(self.tr("Parent {n}").format(n=len(self.guardian_boxes) + 1))
        box.removed.connect(self._on_guardian_removed)
        box.open_other.clicked.connect(lambda: self._on_open_other(box))
        self.guardian_boxes.append(box)
        self.guardians_layout.addWidget(box)
        box.name.setFocus()
        if hasattr(self, "_autosave"):
            self._watch(box)

    def _add_child(self, draft: families.ChildDraft) -> None:
        row = ChildRow(draft)
        row.removed.connect(self._on_child_removed)
        self.child_rows.append(row)
        self.children_layout.addWidget(row)
        row.name.setFocus()
        if hasattr(self, "_autosave"):
            self._watch(row)

    @Slot(object)
    def _on_guardian_removed(self, box: GuardianBox) -> None:
        if len(self.guardian_boxes) == 1:
            return
        self.guardian_boxes.remove(box)
        box.deleteLater()
        for i, b in enumerate(self.guardian_boxes):
            b.setTitle(self.tr("Parent {n}").format(n=i + 1))

    @Slot(object)
    def _on_child_removed(self, row: ChildRow) -> None:
        self.child_rows.remove(row)
        row.deleteLater()

    def _on_open_other(self, box: GuardianBox) -> None:
        if box.other_family is not None:
            self.open_family_requested.emit(box.other_family)
            self.reject()

    def current_draft(self) -> families.FamilyDraft:
        children = tuple(r.draft() for r in self.child_rows
                         if r.draft_id is not None or r.name.text().strip()
                         or r.birth.value() is not None)
        return families.FamilyDraft(
            id=self.family_id,
            guardians=tuple(b.draft() for b in self.guardian_boxes),
            children=children,
            source=self.source.text(),
            preferred_channel=self.channel.currentData(),
            legend=self.legend.toPlainText(),
            consent_messages=self.consent_messages.isChecked(),
            consent_marketing=self.consent_marketing.isChecked(),
            consent_date=self.consent_date.value(),
            consent_purposes=self.consent_purposes.text(),
        )

    def _show_errors(self, fields: dict[str, str], conflicts: dict[str, int]) -> None:
        for i, box in enumerate(self.guardian_boxes):
            box.show_errors(fields, conflicts, f"guardian.{i}")
        kept = [r for r in self.child_rows if r.draft_id is not None or r.name.text().strip()
                or r.birth.value() is not None]
        for row in self.child_rows:
            key = f"child.{kept.index(row)}" if row in kept else "-"
            row.show_errors(fields, key)
        self.banner.setText(self.tr(
            "Nothing was saved: please correct the fields marked in red.") if fields else "")
        self.banner.setVisible(bool(fields))

    @Slot()
    def _cancel_lessons_of(self, exc: families.ChildHasLessons) -> bool:
        """A child taken off the family is enrolled ahead: cancel those lessons (the charges
        are reversed and the waitlist is offered the place) and archive the child?"""
        lessons = exc.params["lessons"]
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("{child} is enrolled in lessons to come:").format(child=exc.params["child"])
            + "\n" + "\n".join(lessons[:15]) + ("\n…" if len(lessons) > 15 else "") + "\n\n"
            + self.tr("Cancel these enrolments and move the child to those who left? The "
                      "history stays, and the child can come back."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_accepted(self) -> None:
        if not self._saving:
            self._save(self.current_draft(), cancel_lessons=False)

    def _save(self, draft: families.FamilyDraft, *, cancel_lessons: bool) -> None:
        """One save as a command; a child enrolled ahead asks first, then saves again."""
        self._saving = True
        save = self._save_fn
        self.ctx.ops.command(
            self, lambda: save(draft, cancel_lessons),
            self._on_saved, on_failure=lambda exc: self._on_save_failed(exc, draft))

    def _on_saved(self, family_id: int) -> None:
        self.saved_id = family_id
        self.accept()

    def _on_save_failed(self, exc: errors.DeskError, draft: families.FamilyDraft) -> None:
        self._saving = False
        if isinstance(exc, families.ChildHasLessons):
            if self._cancel_lessons_of(exc):
                self._save(draft, cancel_lessons=True)
        elif isinstance(exc, errors.ValidationFailed):
            self._show_errors(exc.fields, exc.params.get("conflicts", {}))
        else:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
