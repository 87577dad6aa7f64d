"""The Communicator's Surveys: the studio's surveys with who each is for, how many families
were invited and answered; the chosen survey's families with their status (in the outbox,
delivered, reminded, answered). Sending goes through a dry run (who gets it, who is skipped and
why), and so does the one reminder to those who have not answered."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desk.models.enums import OutboxStatus
from desk.services.store.changes import Change
from desk.services.surveys import forms, invites
from desk.ui import fmt
from desk.ui.context import Context
from desk.ui.forms import FieldError, report, side_by_side, submit
from desk.ui.freshness import Freshness
from desk.ui.labels import inbox_channel_name, segment_kind_name, segment_rule_name
from desk.ui.survey_dialogs import PaperAnswerDialog, SurveyEditor
from desk.ui.table_model import RowsModel, sorted_view

GREY, GREEN = QColor("#757575"), QColor("#2e7d32")
SKIPS = {
    "no_consent": QT_TRANSLATE_NOOP("Surveys", "skipped: no consent to messages"),
    "throttled": QT_TRANSLATE_NOOP("Surveys", "skipped: had a survey recently"),
    "over_budget": QT_TRANSLATE_NOOP("Surveys", "skipped: contact budget spent"),
    "no_channel": QT_TRANSLATE_NOOP("Surveys", "skipped: no e-mail or Telegram chat"),
    "channel_off": QT_TRANSLATE_NOOP("Surveys", "skipped: the channel is not set up"),
}


WORDS = {
    "not_in_use": QT_TRANSLATE_NOOP("Surveys", "(not in use)"),
    "answered": QT_TRANSLATE_NOOP("Surveys", "answered {when}"),
    "reminded": QT_TRANSLATE_NOOP("Surveys", "reminded {when}"),
    "delivered": QT_TRANSLATE_NOOP("Surveys", "delivered, no answer yet"),
    "failed": QT_TRANSLATE_NOOP("Surveys", "not delivered: {reason}"),
    "removed": QT_TRANSLATE_NOOP("Surveys", "message removed"),
    "queued": QT_TRANSLATE_NOOP("Surveys", "in the outbox"),
    "gets_it": QT_TRANSLATE_NOOP("Surveys", "will get it"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Surveys", text)


def rule_text(segment: dict) -> str:
    """"Hike · came once and stopped"."""
    return f"{segment_kind_name(segment.get('kind', 'any'))} · " \
           f"{segment_rule_name(segment.get('rule', 'attended'))}"


class SurveysModel(RowsModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("SurveysModel", "Survey"),
        QT_TRANSLATE_NOOP("SurveysModel", "Who gets it"),
        QT_TRANSLATE_NOOP("SurveysModel", "Invited"),
        QT_TRANSLATE_NOOP("SurveysModel", "Answered"),
        QT_TRANSLATE_NOOP("SurveysModel", "Last sent"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats: dict[int, invites.Stats] = {}

    def stats_of(self, row: forms.SurveyRow) -> invites.Stats:
        return self.stats.get(row.id) or invites.Stats(row.id, 0, 0, None, 0)

    def cell(self, row: forms.SurveyRow, column: int) -> str:
        st = self.stats_of(row)
        if column == 0:
            return row.name if row.active else row.name + " " + _t(WORDS["not_in_use"])
        if column == 1:
            return rule_text(row.segment)
        if column == 2:
            return str(st.invited)
        if column == 3:
            return f"{st.answered}" + (f" ({st.answered * 100 // st.invited}%)"
                                       if st.invited else "")
        return fmt.datetime_text(st.last_sent, self.ctx.studio.tz) if st.last_sent else "—"

    def align_right(self, column: int) -> bool:
        return column in (2, 3)

    def foreground(self, row: forms.SurveyRow, column: int) -> QBrush | None:
        return None if row.active else QBrush(GREY)

    def sort_key(self, row: forms.SurveyRow, column: int):
        st = self.stats_of(row)
        return {2: st.invited, 3: st.answered, 4: st.last_sent.isoformat()
                if st.last_sent else ""}.get(column, self.cell(row, column))


class InvitesModel(RowsModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("InvitesModel", "Family"),
        QT_TRANSLATE_NOOP("InvitesModel", "Sent"),
        QT_TRANSLATE_NOOP("InvitesModel", "Status"),
        QT_TRANSLATE_NOOP("InvitesModel", "NPS"),
    )

    def __init__(self, ctx: Context, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def cell(self, row: invites.InviteRow, column: int) -> str:
        tz = self.ctx.studio.tz
        if column == 0:
            return row.title
        if column == 1:
            return fmt.datetime_text(row.sent_at, tz)
        if column == 2:
            return status_text(row, tz)
        return "" if row.nps is None else str(row.nps)

    def foreground(self, row: invites.InviteRow, column: int) -> QBrush | None:
        return QBrush(GREEN) if row.answered_at else None

    def sort_key(self, row: invites.InviteRow, column: int):
        if column == 1:
            return row.sent_at
        if column == 3:
            return -1 if row.nps is None else row.nps
        return self.cell(row, column)


def status_text(row: invites.InviteRow, tz) -> str:
    if row.answered_at:
        return _t(WORDS["answered"]).format(when=fmt.datetime_text(row.answered_at, tz))
    if row.reminded_at:
        return _t(WORDS["reminded"]).format(when=fmt.datetime_text(row.reminded_at, tz))
    if row.delivered is OutboxStatus.SENT:
        return _t(WORDS["delivered"])
    if row.delivered in (OutboxStatus.FAILED, OutboxStatus.CANCELLED, OutboxStatus.UNCERTAIN):
        return _t(WORDS["failed"]).format(reason=row.error or "—")
    if row.delivered is None:
        return _t(WORDS["removed"])
    return _t(WORDS["queued"])


class DryRunModel(RowsModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("DryRunModel", "Family"),
        QT_TRANSLATE_NOOP("DryRunModel", "Channel"),
        QT_TRANSLATE_NOOP("DryRunModel", "Result"),
    )

    def cell(self, row: invites.Invitee, column: int) -> str:
        if column == 0:
            return row.title
        if column == 1:
            return inbox_channel_name(row.channel) if row.channel else ""
        return _t(SKIPS[row.skip]) if row.skip else _t(WORDS["gets_it"])

    def foreground(self, row: invites.Invitee, column: int) -> QBrush | None:
        return QBrush(GREY) if row.skip else None


class SendDialog(QDialog):
    """The dry run of a survey's sending (or of its reminder): every family, its channel and
    whether it gets the message or why not; the chosen family's text; Send."""

    def __init__(self, ctx: Context, survey: forms.SurveyRow, *, reminder: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.survey = survey
        self.reminder = reminder
        self.sent: int | None = None
        self.setWindowTitle((self.tr("Remind: {name}") if reminder
                             else self.tr("Send: {name}")).format(name=survey.name))
        self.resize(820, 600)
        self.counts = QLabel(self.tr("Counting…"))
        self.counts.setWordWrap(True)
        self.model = DryRunModel(self)
        self.list = sorted_view(self.model, widths=(300, 110))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumHeight(90)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(False)
        layout = QVBoxLayout(self)
        if reminder:
            hint = QLabel(self.tr("Import the latest answers first: a family whose answer is "
                                  "not in the desk yet would be reminded too."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.counts)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_send)
        buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_text())
        store, sid = ctx.store, survey.id
        load = (lambda: invites.reminder_run(store, sid)) if reminder else (
            lambda: invites.dry_run(store, sid))
        ctx.ops.query(self, load, self.show_run, key="run", on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.counts.clear()
        report(self, self.error, exc)

    def show_run(self, run: invites.DryRun) -> None:
        self.model.set_rows(list(run.invitees))
        n = len(run.sending)
        self.counts.setText(self.tr(
            "Will get it: {n}. Skipped: no consent {a}, had a survey recently {b}, budget "
            "spent {c}, no channel {d}, channel not set up {e}.").format(
            n=n, a=run.skipped("no_consent"), b=run.skipped("throttled"),
            c=run.skipped("over_budget"), d=run.skipped("no_channel"),
            e=run.skipped("channel_off")) if run.invitees else (
            self.tr("Nobody is due a reminder now.") if self.reminder
            else self.tr("No family fits the survey's rule now.")))
        self.send_button.setText(self.tr("Send to {n}").format(n=n) if n else self.tr("Send"))
        self.send_button.setEnabled(n > 0)
        if run.invitees:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_text()

    def _show_text(self) -> None:
        index = self.list.currentIndex()
        self.text.setText(self.model.row_at(index.row()).text if index.isValid() else "")

    @Slot()
    def _on_send(self) -> None:
        store, actor, sid = self.ctx.store, self.ctx.actor, self.survey.id
        action = (lambda: invites.remind(store, actor, sid)) if self.reminder else (
            lambda: invites.send(store, actor, sid))
        submit(self.ctx.ops, self, self.error, action, self._on_sent)

    def _on_sent(self, n: int) -> None:
        self.sent = n
        self.ctx.wake_outbox()
        self.accept()


class SurveysView(QWidget):
    """Signals:
        family_requested(int): a family's card (a double click on its invitation).
    """

    WRITES = ("send_button", "remind_button", "paper_button", "edit_button", "new_button",
              "throttle")  # hidden on a read-only desk

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.send_button = QPushButton(self.tr("Send…"))
        self.send_button.setToolTip(self.tr("Who gets it now, who is skipped and why; then send"))
        self.remind_button = QPushButton(self.tr("Remind…"))
        self.remind_button.setToolTip(self.tr("One reminder to the families who have not "
                                              "answered"))
        self.paper_button = QPushButton(self.tr("Paper answer…"))
        self.paper_button.setToolTip(self.tr("Type in an answer from a paper form"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.new_button = QPushButton(self.tr("New survey…"))
        self.throttle = QSpinBox()
        self.throttle.setRange(1, 365)
        self.throttle.setSuffix(self.tr(" days"))
        self.throttle.setToolTip(self.tr("A family gets at most one survey in this many days"))
        self.model = SurveysModel(ctx, self)
        self.list = sorted_view(self.model, widths=(215, 245, 85, 80))
        self.invites_model = InvitesModel(ctx, self)
        self.invites = sorted_view(self.invites_model, widths=(145, 118, 185))
        self.invites.setToolTip(self.tr("Double-click to open the family's card"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.send_button, self.remind_button, self.paper_button,
                       self.edit_button, self.new_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("One survey per family in")))
        top.addWidget(self.throttle)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.list, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.invites, 1)
        side_by_side(self, left, right, [770, 490])
        self.send_button.clicked.connect(lambda: self._run(reminder=False))
        self.remind_button.clicked.connect(lambda: self._run(reminder=True))
        self.paper_button.clicked.connect(self._on_paper)
        self.edit_button.clicked.connect(self._on_edit)
        self.new_button.clicked.connect(self._on_new)
        self.list.doubleClicked.connect(lambda _i: self._on_edit())
        self.invites.doubleClicked.connect(self._on_invite_opened)
        self.throttle.editingFinished.connect(self._on_throttle)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())
        self.freshness = Freshness(self, self.refresh, ctx.notifier,
                                   (Change.SURVEY, Change.INBOX, Change.STUDIO))
        self._show()

    @Slot()
    def refresh(self, keep: int | None = None) -> None:
        store = self.ctx.store
        self.ctx.ops.query(
            self, lambda: (forms.surveys(store), invites.stats(store),
                           invites.throttle_days(store)),
            lambda found: self._show_list(*found, keep=keep), key="list")

    def _show_list(self, rows: list[forms.SurveyRow], stats: dict[int, invites.Stats],
                   throttle: int, *, keep: int | None) -> None:
        self.throttle.setValue(throttle)
        chosen = self.selected()
        keep = keep or (chosen.id if chosen else None)
        self.model.stats = stats
        self.model.set_rows(rows)
        shown = self.model.rows
        index = next((i for i, r in enumerate(shown) if r.id == keep), 0)
        if shown:
            self.list.setCurrentIndex(self.model.index(index, 0))
        self._show()

    def selected(self) -> forms.SurveyRow | None:
        index = self.list.currentIndex()
        if not index.isValid() or not 0 <= index.row() < self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _show(self) -> None:
        row = self.selected()
        for button in (self.send_button, self.remind_button, self.edit_button):
            button.setEnabled(row is not None)
        self.send_button.setEnabled(row is not None and row.active)
        if row is None:
            self.invites_model.set_rows([])
            self.summary.clear()
            return
        st = self.model.stats_of(row)
        self.summary.setText(self.tr(
            "{name}: invited {invited}, answered after the invitation {answered}; answers in "
            "all (form, calls, paper): {answers}.").format(
            name=row.name, invited=st.invited, answered=st.answered, answers=st.answers))
        store, sid = self.ctx.store, row.id
        self.ctx.ops.query(self, lambda: invites.invites(store, sid),
                           self.invites_model.set_rows, key="invites")

    def _run(self, *, reminder: bool) -> None:
        row = self.selected()
        if row is not None:
            SendDialog(self.ctx, row, reminder=reminder, parent=self).exec()

    @Slot()
    def _on_edit(self) -> None:
        row = self.selected()
        if row is not None and not self.edit_button.isHidden():
            dialog = SurveyEditor(self.ctx, row, self)
            if dialog.exec():
                self.refresh(keep=dialog.saved_id)

    @Slot()
    def _on_new(self) -> None:
        dialog = SurveyEditor(self.ctx, None, self)
        if dialog.exec():
            self.refresh(keep=dialog.saved_id)

    @Slot()
    def _on_paper(self) -> None:
        row = self.selected()
        PaperAnswerDialog(self.ctx, survey_id=row.id if row else None, parent=self).exec()

    def _on_invite_opened(self, index) -> None:
        if index.isValid():
            self.family_requested.emit(self.invites_model.row_at(index.row()).family_id)

    @Slot()
    def _on_throttle(self) -> None:
        days, store = self.throttle.value(), self.ctx.store

        def change() -> None:
            if days != invites.throttle_days(store):
                invites.set_throttle_days(store, self.ctx.actor, days)

        submit(self.ctx.ops, self, FieldError(), change)
