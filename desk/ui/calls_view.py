"""Logging calls: type or paste a number and the family shows at once (or a new family is
offered); the call card records topic, outcome, duration and next step. From the number until
the call is saved the person is "on a call": waiting clients go to the colleague."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
    QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from desk.models.enums import CallDirection, FeedbackSource, FeedbackTone, PresenceState
from desk.services.calls import calls, presence
from desk.services.comms import leads
from desk.services.crm import families
from desk.services.feedback import register
from desk.services.store import errors
from desk.services.store.changes import Change
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.family_editor import FamilyEditor
from desk.ui.forms import FieldError, key_for, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.item_dialog import to_feedback
from desk.ui.table_model import RowsModel, sorted_view


class RecentCallsModel(RowsModel):
    """The latest calls, newest first as the service gives them. ``kind(direction, missed)``
    words the call (incoming, missed, …) in the view's language."""

    COL_WHEN, COL_CALL, COL_NUMBER, COL_FAMILY, COL_TOPIC, COL_WHO = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("RecentCallsModel", "When"),
        QT_TRANSLATE_NOOP("RecentCallsModel", "Call"),
        QT_TRANSLATE_NOOP("RecentCallsModel", "Number"),
        QT_TRANSLATE_NOOP("RecentCallsModel", "Family"),
        QT_TRANSLATE_NOOP("RecentCallsModel", "Topic"),
        QT_TRANSLATE_NOOP("RecentCallsModel", "Who"),
    )

    def __init__(self, ctx: Context, kind: Callable[[CallDirection, bool], str],
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind

    def cell(self, row: calls.CallRow, column: int) -> str:
        if column == self.COL_WHEN:
            return fmt.datetime_text(row.at, self.ctx.studio.tz)
        if column == self.COL_CALL:
            return self.kind(row.direction, row.missed)
        if column == self.COL_NUMBER:
            return row.phone
        if column == self.COL_FAMILY:
            return row.family_title
        if column == self.COL_TOPIC:
            return row.topic
        if column == self.COL_WHO:
            return row.staff_name
        return ""

    def sort_key(self, row: calls.CallRow, column: int):
        if column == self.COL_WHEN:
            return row.at
        return super().sort_key(row, column)


class CallsView(QWidget):
    """Signals:
        family_requested(int): open a family's card.
    """

    WRITES = ("new_family_button", "new_lead_button", "save_button", "feedback_button")  # hidden on a read-only desk

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found: families.FamilyRow | None = None
        self.on_call = False
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Type or paste the number"))
        self.phone_error = FieldError()
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the family"))
        self.new_family_button = QPushButton(self.tr("New family with this number…"))
        self.new_lead_button = QPushButton(self.tr("Application…"))
        self.new_lead_button.setToolTip(self.tr("Keep the caller as an application (a lead) "
                                                "until they become a family"))
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Incoming"), CallDirection.INCOMING)
        self.direction.addItem(self.tr("Outgoing"), CallDirection.OUTGOING)
        self.missed = QCheckBox(self.tr("Missed / no answer"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 300)
        self.minutes.setSuffix(self.tr(" min"))
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 59)
        self.seconds.setSuffix(self.tr(" s"))
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("e.g. enrolment, a question about prices"))
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(60)
        self.next_step = QLineEdit()
        self.save_button = QPushButton(self.tr("Save the call (Ctrl+Enter)"))
        self.recent_model = RecentCallsModel(ctx, self._call_kind, self)
        self.recent = sorted_view(  # newest first, as the service gives them
            self.recent_model, widths=(120, 160, 140, 170, 200),
            sort_column=RecentCallsModel.COL_WHEN, order=Qt.SortOrder.DescendingOrder)
        self.recent.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.recent.header().setStretchLastSection(False)

        found_row = QHBoxLayout()
        found_row.addWidget(self.who, 1)
        found_row.addWidget(self.open_button)
        found_row.addWidget(self.new_family_button)
        found_row.addWidget(self.new_lead_button)
        duration = QHBoxLayout()
        duration.addWidget(self.minutes)
        duration.addWidget(self.seconds)
        duration.addStretch(1)
        kind = QHBoxLayout()
        kind.addWidget(self.direction)
        kind.addWidget(self.missed)
        kind.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Number:"), self.phone)
        form.addRow("", self.phone_error)
        form.addRow("", found_row)
        form.addRow(self.tr("Call:"), kind)
        form.addRow(self.tr("Duration:"), duration)
        form.addRow(self.tr("Topic:"), self.topic)
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.tr("Next step:"), self.next_step)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(form)
        ll.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        ll.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        recent_head = QHBoxLayout()
        recent_head.addWidget(QLabel(self.tr("Recent calls")), 1)
        self.feedback_button = QPushButton(self.tr("To feedback…"))
        self.feedback_button.setToolTip(self.tr("Put what was said on the chosen call into the "
                                                "feedback register"))
        recent_head.addWidget(self.feedback_button)
        rl.addLayout(recent_head)
        rl.addWidget(self.recent, 1)
        side_by_side(self, left, right, [460, 740])

        self.phone.textChanged.connect(self._on_phone_changed)
        self.phone.returnPressed.connect(  # Enter on a known number opens its card
            lambda: self.found and self.family_requested.emit(self.found.id))
        self.missed.toggled.connect(self._on_missed_toggled)
        self.save_button.clicked.connect(self.save)
        self.open_button.clicked.connect(
            lambda: self.found and self.family_requested.emit(self.found.id))
        self.new_family_button.clicked.connect(self._on_new_family)
        self.new_lead_button.clicked.connect(self._on_new_lead)
        self.recent.doubleClicked.connect(self._on_recent_opened)
        self.feedback_button.clicked.connect(self._on_to_feedback)
        key_for(self.save_button, "Ctrl+Return", self)
        self.freshness = Freshness(self, self.refresh, ctx.notifier, (Change.CALL, Change.FAMILY))
        self._on_phone_changed("")

    @Slot(str)
    def _on_phone_changed(self, text: str) -> None:
        """Look the number up (the family shows when the answer comes) and, while a number is
        typed, be "on a call"."""
        self.found = None  # the family found belonged to the text before
        self.phone_error.show_message("")
        store = self.ctx.store  # a blank field finds nobody: nothing to load for it
        self.ctx.ops.query(self, (lambda: calls.lookup(store, text)) if text.strip()
                           else (lambda: (None, None)), self._show_found, key="lookup")
        self._set_on_call(bool(text.strip()))

    def _show_found(self, found: tuple[str | None, families.FamilyRow | None]) -> None:
        phone, row = found
        self.found = row
        if row is not None:
            self.who.setText(f"<b>{row.parents or row.children}</b> — {row.children}")
        elif phone is not None:
            self.who.setText(self.tr("A new number: no family has it yet."))
        else:
            self.who.setText("")
        self.open_button.setVisible(row is not None)
        self.new_family_button.setVisible(phone is not None and row is None)
        self.new_lead_button.setVisible(phone is not None and row is None)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Leaving the section ends "on a call": no false alerts to the colleague."""
        self._set_on_call(False)
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._set_on_call(bool(self.phone.text().strip()))

    def _set_on_call(self, on_call: bool) -> None:
        if on_call == self.on_call or not self.ctx.can_write:
            return
        self.on_call = on_call  # taken as done: the next keystroke does not ask again
        state = PresenceState.ON_CALL if on_call else PresenceState.AVAILABLE

        def failed(_exc: errors.DeskError) -> None:
            if self.on_call == on_call:  # a busy database: the next keystroke tries again
                self.on_call = not on_call

        self.ctx.ops.command(self, lambda: presence.set_state(self.ctx.store, self.ctx.actor,
                                                              state), on_failure=failed)

    @Slot(bool)
    def _on_missed_toggled(self, missed: bool) -> None:
        self.minutes.setEnabled(not missed)
        self.seconds.setEnabled(not missed)

    @Slot()
    def _on_new_family(self) -> None:
        draft = families.FamilyDraft(guardians=(families.GuardianDraft("", self.phone.text()),),
                                     children=(families.ChildDraft(""),))
        editor = FamilyEditor(self.ctx, draft, parent=self)
        editor.open_family_requested.connect(self.family_requested)
        if editor.exec():
            self._on_phone_changed(self.phone.text())

    @Slot()
    def _on_new_lead(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Application"),
                                        self.tr("Who is calling (name)?"))
        if not ok:
            return
        draft = leads.LeadDraft(name=name, phone=self.phone.text(), message=self.topic.text(),
                                source="call")
        submit(self.ctx.ops, self, self.phone_error,
               lambda: leads.create(self.ctx.store, self.ctx.actor, draft),
               lambda _id: self.who.setText(
                   self.tr("Saved as an application: see Applications.")))

    @Slot()
    def save(self) -> None:
        draft = calls.CallDraft(
            phone=self.phone.text(), direction=self.direction.currentData(),
            missed=self.missed.isChecked(),
            duration_s=self.minutes.value() * 60 + self.seconds.value(),
            topic=self.topic.text(), outcome=self.outcome.toPlainText(),
            next_step=self.next_step.text())
        submit(self.ctx.ops, self, self.phone_error,
               lambda: calls.log(self.ctx.store, self.ctx.actor, draft), self._on_saved)

    def _on_saved(self, _call_id: int) -> None:
        """The call is logged: the card is cleared for the next one (and "on a call" ends)."""
        for widget in (self.phone, self.topic, self.next_step):
            widget.clear()
        self.outcome.clear()
        self.missed.setChecked(False)
        self.minutes.setValue(0)
        self.seconds.setValue(0)
        self.phone.setFocus()

    @Slot()
    def refresh(self) -> None:
        self.ctx.ops.query(self, lambda: calls.recent(self.ctx.store), self._show_recent,
                           key="recent")

    def _call_kind(self, direction: CallDirection, missed: bool) -> str:
        words = {
            (CallDirection.INCOMING, False): self.tr("incoming"),
            (CallDirection.INCOMING, True): self.tr("missed"),
            (CallDirection.OUTGOING, False): self.tr("outgoing"),
            (CallDirection.OUTGOING, True): self.tr("outgoing, no answer"),
        }
        return words[(direction, missed)]

    def _show_recent(self, rows: list[calls.CallRow]) -> None:
        self.recent_model.set_rows(rows)

    @Slot()
    def _on_to_feedback(self) -> None:
        """The chosen call's topic and outcome, in the feedback register."""
        index = self.recent.currentIndex()
        if not index.isValid():
            return
        call = self.recent.model().row_at(index.row())
        words = "\n".join(x for x in (call.topic, call.outcome) if x.strip())
        to_feedback(self.ctx, self, register.ItemDraft(
            quote=words, tone=FeedbackTone.NEUTRAL, source=FeedbackSource.CALL,
            source_id=call.id, family_id=call.family_id))

    def _on_recent_opened(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        family_id = self.recent_model.row_at(index.row()).family_id
        if family_id:
            self.family_requested.emit(family_id)
