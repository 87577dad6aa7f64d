"""The family card: contacts, children, legend, timeline, tasks and history; notes in one step."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton, QSizePolicy,
    QStackedWidget, QTabWidget, QToolButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desk import paths
from desk.services.store.changes import Change
from desk.services.calls import scripts
from desk.services.comms import inbox
from desk.services.crm import contacts, families, loyalty
from desk.services.feedback import register
from desk.services.privacy import privacy
from desk.services.schedule import attendance
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.ui import audit_text, fmt, messages
from desk.ui.context import Context
from desk.ui.family_feedback import FamilyFeedback
from desk.ui.loyalty_dialog import LoyaltyDialog, loyalty_text
from desk.ui.survey_dialogs import PaperAnswerDialog, SendSurveyDialog
from desk.ui.item_dialog import to_feedback
from desk.ui.family_editor import FamilyEditor
from desk.ui.lesson_dialogs import EnrolDialog, LessonPicker
from desk.ui.runner import Progress
from desk.ui.script_call import ScriptCallDialog
from desk.models.enums import FeedbackSource, FeedbackTone, Relation
from desk.ui.labels import (
    audit_kind, channel_name, inbox_channel_name, relation_name, source_name, stage_name,
    timeline_name,
)
from desk.ui.task_views import TaskDialog, TaskList
from desk.ui.wallet_views import WalletPanel

if TYPE_CHECKING:
    from desk.services.store.db import Store


@dataclasses.dataclass(frozen=True)
class CardData:
    """Everything the card shows of one family, read in one go off the UI thread."""

    card: families.FamilyCard
    attended: dict[int, int]  # lessons attended, by child
    messages: list[inbox.FamilyMessage]
    history: list[families.HistoryItem]
    runs: list[scripts.RunRow]
    signals: list[loyalty.SignalRow]


def load_card(store: Store, family_id: int) -> CardData | None:
    """The card's data; None when the family is not there (any more)."""
    try:
        card = families.card(store, family_id)
    except errors.NotFound:
        return None
    return CardData(
        card=card,
        attended=attendance.attended_counts(store, [ch.id for ch in card.draft.children]),
        messages=inbox.family_messages(store, card.id),
        history=families.history(store, card.id),
        runs=scripts.runs(store, card.id),
        signals=loyalty.of_family(store, card.id))


class FamilyCardView(QWidget):
    """Signals:
        family_requested(int): open another family (e.g. the owner of a phone).
    """

    # hidden on a read-only desk
    WRITES = (
        "back_button", "call_button", "edit_button", "enrol_button", "note_button", "task_button",
        "note", "erase_action", "feedback_button", "survey_button"
    )

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: families.FamilyCard | None = None
        self._adding_note = False  # a note is on its way: Enter again waits for it

        self.empty = QLabel(self.tr("Find a family on the left or add a new one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(False)  # one line, the buttons below it; long names elide
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the family (Ctrl+E)"))
        self.edit_button.setShortcut("Ctrl+E")
        self.task_button = QPushButton(self.tr("New task…"))
        self.feedback_button = QPushButton(self.tr("To feedback…"))
        self.feedback_button.setToolTip(self.tr("Into the feedback register: the note being "
                                                "typed, or the chosen entry, message or answer"))
        self.survey_button = QToolButton()
        self.survey_button.setText(self.tr("Surveys and loyalty"))
        self.survey_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        surveys_menu = QMenu(self.survey_button)
        self.send_survey_action = surveys_menu.addAction(self.tr("Send a survey…"))
        self.paper_action = surveys_menu.addAction(self.tr("Paper answer…"))
        self.loyalty_action = surveys_menu.addAction(self.tr("Loyalty signals…"))
        self.loyalty_action.setToolTip(self.tr("A review, a mention, \"recommends us\", a family "
                                               "they brought"))
        self.survey_button.setMenu(surveys_menu)
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        self.enrol_button.setToolTip(self.tr("Enrol the family's children into a lesson"))
        self.call_button = QToolButton()
        self.call_button.setText(self.tr("Call with a script"))
        self.call_button.setToolTip(self.tr("A call guided by one of the studio's scripts: "
                                            "the answers stay on the card"))
        self.call_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.call_menu = QMenu(self.call_button)
        self.call_menu.aboutToShow.connect(self._on_call_menu_shown)
        self.call_button.setMenu(self.call_menu)
        self.back_button = QToolButton()
        self.back_button.setText(self.tr("Bring a child back"))
        self.back_button.setToolTip(self.tr("A child who left comes back to the lists"))
        self.back_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.back_menu = QMenu(self.back_button)
        self.back_button.setMenu(self.back_menu)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Personal data"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.export_action = more.addAction(self.tr("Export this family's data…"))
        self.erase_action = more.addAction(self.tr("Erase this family…"))
        self.more_button.setMenu(more)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Add a note to the timeline and press Enter"))
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_error = QLabel()
        self.note_error.setStyleSheet("color: #b00020;")
        self.note_error.hide()
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details"),
                                       self.tr("Who")])
        self.timeline.setColumnWidth(0, 130)
        self.timeline.setColumnWidth(1, 150)
        self.timeline.header().setStretchLastSection(False)
        self.timeline.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline.setColumnWidth(3, 150)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Change"),
                                      self.tr("Changes")])
        self.history.setColumnWidth(0, 130)
        self.history.setColumnWidth(1, 150)
        self.history.setColumnWidth(2, 160)
        self.runs = QTreeWidget()
        self.runs.setHeaderLabels([self.tr("When"), self.tr("Script"), self.tr("Outcome"),
                                   self.tr("Score"), self.tr("Who")])
        self.runs.setColumnWidth(0, 200)
        self.runs.setColumnWidth(1, 170)
        self.runs.setColumnWidth(2, 230)
        self.runs.setColumnWidth(3, 60)
        self.runs.setWordWrap(True)
        self.conversations = QTreeWidget()
        self.conversations.setRootIsDecorated(False)
        self.conversations.setHeaderLabels([self.tr("When"), self.tr("Channel"),
                                            self.tr("Who"), self.tr("Message")])
        self.conversations.setColumnWidth(0, 130)
        self.conversations.setColumnWidth(1, 110)
        self.conversations.setColumnWidth(2, 150)
        self.conversations.header().setStretchLastSection(True)
        self.conversations.setWordWrap(True)
        self.task_list = TaskList(ctx, self._family_tasks)
        self.task_list.family_button.hide()

        self.tabs = QTabWidget()
        timeline_page = QWidget()
        tl = QVBoxLayout(timeline_page)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        tl.addLayout(note_row)
        tl.addWidget(self.note_error)
        tl.addWidget(self.timeline, 1)
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.tabs.addTab(self.task_list, self.tr("Tasks"))
        self.tabs.addTab(self.conversations, self.tr("Messages"))
        self.tabs.addTab(self.runs, self.tr("Calls by script"))
        self.feedback = FamilyFeedback(ctx)
        self.tabs.addTab(self.feedback, self.tr("Feedback"))
        self.wallet = WalletPanel(ctx)
        self.tabs.addTab(self.wallet, self.tr("Wallet"))
        self.tabs.addTab(self.history, self.tr("History of changes"))

        card = QWidget()
        head = QHBoxLayout()  # the buttons under the name, so a long name never wraps
        head.addStretch(1)
        head.addWidget(self.back_button)
        head.addWidget(self.more_button)
        head.addWidget(self.call_button)
        head.addWidget(self.enrol_button)
        head.addWidget(self.feedback_button)
        head.addWidget(self.survey_button)
        head.addWidget(self.task_button)
        head.addWidget(self.edit_button)
        cl = QVBoxLayout(card)
        cl.addWidget(self.title)
        cl.addLayout(head)
        cl.addWidget(self.details)
        cl.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.task_button.clicked.connect(self._on_task_clicked)
        self.feedback_button.clicked.connect(self._on_to_feedback)
        self.send_survey_action.triggered.connect(self._on_survey)
        self.paper_action.triggered.connect(self._on_paper)
        self.loyalty_action.triggered.connect(self._on_loyalty)
        self.enrol_button.clicked.connect(self._on_enrol_clicked)
        self.export_action.triggered.connect(self._on_export_data)
        self.erase_action.triggered.connect(self._on_erase)
        self.note.returnPressed.connect(self._on_note_added)
        self.note_button.clicked.connect(self._on_note_added)
        ctx.notifier.changed.connect(self._on_changed)

    @Slot()
    def _on_survey(self) -> None:
        if self.current is not None:
            SendSurveyDialog(self.ctx, self.current.id, self).exec()

    @Slot()
    def _on_paper(self) -> None:
        if self.current is not None:
            PaperAnswerDialog(self.ctx, family_id=self.current.id,
                              family_title=self.current.title, parent=self).exec()

    @Slot()
    def _on_loyalty(self) -> None:
        if self.current is not None:
            LoyaltyDialog(self.ctx, self.current.id, self).exec()

    def _family_tasks(self) -> list[tasks.TaskView]:
        """The task list's load: runs on a worker, reads only plain attributes."""
        current = self.current
        if current is None:
            return []
        return tasks.listing(self.ctx.store, status=None, family_id=current.id)

    @Slot(int)
    def show_family(self, family_id: int) -> None:
        self.feedback.show_family(family_id)
        self.ctx.ops.query(self, lambda: load_card(self.ctx.store, family_id), self._show_card,
                           key="card")

    def _show_card(self, data: CardData | None) -> None:
        if data is None:
            self.current = None
            self.stack.setCurrentIndex(0)
            return
        self.current = data.card
        self._render(data)
        self.stack.setCurrentIndex(1)

    def _render(self, data: CardData) -> None:
        c = data.card
        d = c.draft
        tz = self.ctx.studio.tz
        today = self.ctx.store.now().astimezone(tz).date()
        title = c.title or self.tr("Family without a name")
        self.title.setToolTip(title)
        self.title.setText(self.title.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideRight, max(self.title.width(), 400)))
        for widget in (self.edit_button, self.task_button, self.enrol_button, self.more_button,
                       self.note, self.note_button, self.call_button, self.feedback_button):
            widget.setEnabled(not c.erased)
        parts = []
        for g in d.guardians:
            bits = [f"<b>{html.escape(g.name)}</b>"]
            if g.relation is not Relation.NONE:
                bits[0] += f" ({relation_name(g.relation)})"
            if g.phone:
                bits.append(html.escape(contacts.display_phone(g.phone)))
            if g.email:
                bits.append(html.escape(g.email))
            if g.telegram:
                bits.append("Telegram @" + html.escape(g.telegram))
            if g.vk:
                bits.append("VK " + html.escape(g.vk))
            if g.whatsapp:
                bits.append("WhatsApp " + html.escape(contacts.display_phone(g.whatsapp)))
            parts.append(" · ".join(bits))
        attended = data.attended
        for ch in d.children:
            text = self.tr("Child:") + f" <b>{html.escape(ch.name)}</b>"
            if attended.get(ch.id):
                text += " · " + self.tr("stage: {stage}").format(
                    stage=stage_name(attendance.stage(attended[ch.id])))
            if ch.birth_date:
                age = families.child_age(ch.birth_date, today)
                text += " — " + self.tr("%n year(s)", "", age) + ", " + fmt.date_text(ch.birth_date)
            if ch.notes:
                text += f" <i>({html.escape(ch.notes)})</i>"
            parts.append(text)
        facts = [self.tr("Preferred channel: {c}").format(c=channel_name(d.preferred_channel))]
        if d.source:
            facts.append(self.tr("Found us: {s}").format(s=html.escape(source_name(d.source))))
        if d.consent_messages or d.consent_marketing:
            consent = [self.tr("messages")] if d.consent_messages else []
            consent += [self.tr("mailings")] if d.consent_marketing else []
            facts.append(self.tr("Consent: {what}").format(what=", ".join(consent))
                         + (" " + self.tr("since {date}").format(date=fmt.short_date(d.consent_date))
                            if d.consent_date else ""))
        else:
            facts.append("<span style='color:#b00020'>" + self.tr("No consent to messages")
                         + "</span>")
        if c.nps is not None:
            facts.append(self.tr("NPS: {score} on {date}").format(
                score=c.nps[0], date=fmt.short_date(c.nps[1].astimezone(tz).date())))
        parts.append(" · ".join(facts))
        loyal = loyalty_text(data.signals)
        if loyal:
            parts.append(loyal)
        if d.legend:
            parts.append(self.tr("Legend:") + " " + html.escape(d.legend))
        if c.archived:
            parts.append("<span style='color:#666'>" + self.tr("Left: {children}").format(
                children=", ".join(self.tr("{name} (until {date})").format(
                    name=html.escape(a.name), date=fmt.short_date(a.archived_at.astimezone(tz)
                                                                  .date()))
                    for a in c.archived)) + "</span>")
        self.details.setText("<br>".join(parts))
        self.back_menu.clear()
        for a in c.archived:
            action = self.back_menu.addAction(a.name)
            action.triggered.connect(lambda _=False, cid=a.id: self._on_bring_back(cid))
        self.back_button.setVisible(bool(c.archived) and not c.erased
                                    and self.ctx.can_write)

        self.conversations.clear()
        for fm in data.messages:
            m = fm.message
            who = self.tr("client") if fm.from_client else (m.staff_name or self.tr("the desk"))
            text = m.text + (("\n📎 " + Path(m.attachment).name) if m.attachment else "")
            row = QTreeWidgetItem([fmt.datetime_text(m.at, tz), inbox_channel_name(fm.channel),
                                   who, text])
            row.setToolTip(3, text)
            self.conversations.addTopLevelItem(row)
        self.timeline.clear()
        for item in c.timeline:
            self.timeline.addTopLevelItem(QTreeWidgetItem([
                fmt.datetime_text(item.at, tz), timeline_name(item.kind), item.text,
                item.staff_name]))
        self.history.clear()
        for h in data.history:
            self.history.addTopLevelItem(QTreeWidgetItem([
                fmt.datetime_text(h.at, tz), h.staff_name, audit_kind(h.kind),
                audit_text.describe(h.before, h.after)]))
        self.runs.clear()
        for run in data.runs:
            item = QTreeWidgetItem([fmt.datetime_text(run.at, tz), run.script_name,
                                    run.outcome_name, "" if run.score is None else str(run.score),
                                    run.staff_name])
            for question, answer in run.answers:
                child = QTreeWidgetItem(["", question, answer or "—"])
                child.setToolTip(1, question)
                child.setToolTip(2, answer)
                item.addChild(child)
            if run.note:
                item.addChild(QTreeWidgetItem(["", self.tr("Note"), run.note]))
            self.runs.addTopLevelItem(item)
        if self.runs.topLevelItemCount():
            self.runs.topLevelItem(0).setExpanded(True)
        self.task_list.freshness.invalidate()
        self.wallet.show_family(c.id)

    @Slot()
    def _on_edit_clicked(self) -> None:
        if self.current is None:
            return
        editor = FamilyEditor(self.ctx, self.current.draft, parent=self)
        editor.open_family_requested.connect(self.family_requested)
        editor.exec()

    @Slot()
    def _on_call_menu_shown(self) -> None:
        self.ctx.ops.query(self, lambda: scripts.listing(self.ctx.store), self._fill_call_menu,
                           key="scripts")

    def _fill_call_menu(self, listing: list[scripts.Script]) -> None:
        self.call_menu.clear()
        for script in listing:
            action = self.call_menu.addAction(script.name)
            action.triggered.connect(lambda _=False, s=script: self.call_with(s))

    def call_with(self, script: scripts.Script) -> None:
        if self.current is not None:
            ScriptCallDialog(self.ctx, self.current.id, script, parent=self).exec()

    @Slot()
    def _on_enrol_clicked(self) -> None:
        if self.current is None:
            return
        picker = LessonPicker(self.ctx, self)
        if picker.exec() and picker.chosen is not None:
            EnrolDialog(self.ctx, picker.chosen, family_id=self.current.id, parent=self).exec()

    @Slot()
    def feedback_draft(self) -> register.ItemDraft:
        """What "To feedback" starts from: the note being typed, else what is chosen on the
        tab shown (a timeline entry, a message, a script call's answer)."""
        source, words = FeedbackSource.NOTE, self.note.text().strip()
        tab = self.tabs.currentWidget()
        if not words and tab is self.conversations and self.conversations.currentItem():
            source, words = FeedbackSource.MESSAGE, self.conversations.currentItem().text(3)
        elif not words and tab is self.runs and self.runs.currentItem():
            item = self.runs.currentItem()
            source, words = FeedbackSource.SCRIPT, item.text(2) if item.parent() else ""
        elif not words and self.timeline.currentItem():
            words = self.timeline.currentItem().text(2)
        return register.ItemDraft(quote=words, tone=FeedbackTone.NEUTRAL, source=source,
                                  family_id=self.current.id if self.current else None)

    @Slot()
    def _on_to_feedback(self) -> None:
        if self.current is not None:
            to_feedback(self.ctx, self, self.feedback_draft())

    def _on_task_clicked(self) -> None:
        if self.current is None:
            return
        row = families.FamilyRow(self.current.id, self.current.title, "", "")
        TaskDialog(self.ctx, family=row, parent=self).exec()

    @Slot()
    def _on_export_data(self) -> None:
        if self.current is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export this family's data"),
            str(Path.home() / f"family-{self.current.id}.json"), self.tr("JSON (*.json)"))
        if name:
            self.export_data_to(Path(name))

    def export_data_to(self, path: Path) -> None:
        """Write the family's data to ``path`` (a read: nothing in the database changes)."""
        assert self.current is not None
        family_id = self.current.id
        self.ctx.ops.query(
            self, lambda: privacy.export_to(self.ctx.store, family_id, path), lambda _r: None,
            key="export", on_failure=lambda exc: QMessageBox.warning(
                self, self.tr("Export this family's data"), messages.error_message(exc)))

    def _on_bring_back(self, child_id: int) -> None:
        self.ctx.ops.command(
            self, lambda: families.bring_back(self.ctx.store, self.ctx.actor, child_id),
            on_failure=lambda exc: QMessageBox.warning(self, self.windowTitle(),
                                                       messages.error_message(exc)))

    @Slot()
    def _on_erase(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.warning(
            self, self.tr("Erase this family"),
            self.tr("Erase all personal data of {family}: names, contacts, children, notes, "
                    "the timeline, conversations, applications and calls? Payments and the "
                    "audit log stay under a pseudonym. This cannot be undone.").format(
                family=self.current.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        family_id = self.current.id

        def erase(_progress: Progress) -> privacy.Erased:
            return privacy.erase(self.ctx.store, self.ctx.actor, family_id, paths.backups_dir())

        self.ctx.ops.command(self, erase, self._on_erased, on_failure=self._on_erase_failed,
                             progress=self.tr("Erasing…"))

    def _on_erased(self, result: privacy.Erased) -> None:
        notes = []
        if not result.wal_clean:
            notes.append(self.tr("Another program has the database open: the erased data "
                                 "leaves its working file when that program closes."))
        if not result.compacted:
            notes.append(self.tr("This user may not rewrite the tables on the studio's server: "
                                 "the erased data leaves the server's files when its "
                                 "administrator runs VACUUM FULL."))
        for held in result.backups:
            notes.append(self.tr("The backup {file} still holds the family: it is deleted "
                                 "{when}.").format(
                file=held.path.name,
                when=self.tr("on {day}").format(day=fmt.date_text(held.rotates_out))
                if held.rotates_out else self.tr("only by hand")))
        QMessageBox.information(self, self.tr("Erase this family"), "\n\n".join(
            [self.tr("The family's personal data is erased.")] + notes))

    def _on_erase_failed(self, exc: errors.DeskError) -> None:
        QMessageBox.warning(self, self.tr("Erase this family"), messages.error_message(exc))

    @Slot()
    def _on_note_added(self) -> None:
        if self.current is None or self._adding_note:
            return
        family_id, text = self.current.id, self.note.text()
        self._adding_note = True
        self.ctx.ops.command(
            self, lambda: families.add_note(self.ctx.store, self.ctx.actor, family_id, text),
            self._on_note_saved, on_failure=self._on_note_failed)

    def _on_note_saved(self, _result: None) -> None:
        self._adding_note = False
        self.note_error.hide()
        self.note.clear()

    def _on_note_failed(self, exc: errors.DeskError) -> None:
        self._adding_note = False
        if isinstance(exc, errors.ValidationFailed):
            self.note_error.setText(messages.field_message(exc.fields["note"]))
            self.note_error.show()
            return
        QMessageBox.warning(self, self.tr("Note"), messages.error_message(exc))

    SHOWN = frozenset({Change.FAMILY, Change.TASK, Change.WALLET, Change.CALL, Change.INBOX,
                       Change.ENROLMENT, Change.STUDIO})

    @Slot(object)
    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if self.current is not None and kinds & self.SHOWN:
            self.show_family(self.current.id)
