"""The two desk workspaces (opening on their "Today") and the shared Tasks area."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from desk.models.enums import Role, TaskStatus
from desk.services.tasks import tasks
from desk.ui import fmt
from desk.ui.attendance_view import AttendanceView
from desk.ui.calls_view import CallsView
from desk.ui.checklist_dialog import ChecklistDialog
from desk.ui.feedback_view import FeedbackDue, FeedbackView
from desk.ui.finance_view import FinanceView
from desk.ui.greetings_view import GreetingsView
from desk.ui.health_dialog import HealthAlerts, HealthDialog
from desk.ui.inbox_view import InboxView
from desk.ui.lapsed_view import LapsedView
from desk.ui.leads_view import LeadsView
from desk.ui.mailings_view import MailingsView
from desk.ui.outbox_view import OutboxView
from desk.ui.loop_view import LoopDue, LoopView
from desk.ui.response_view import ResponseView
from desk.ui.surveys_view import SurveysView
from desk.ui.context import Context
from desk.ui.labels import role_name, status_name
from desk.ui.task_views import TaskList
from desk.ui.wallet_views import PaymentsDialog


class Workspace(QWidget):
    """A role's workspace: its tasks due today and overdue, overdue in red on top.

    Signals:
        family_requested(int)
    """

    WRITES = ("payments_button",)  # hidden on a read-only desk

    family_requested = Signal(int)

    def __init__(self, ctx: Context, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.role = role
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.today = TaskList(ctx, lambda: tasks.today(ctx.store, role))
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        self.payments_button = QPushButton(self.tr("Post payments…"))
        self.payments_button.setToolTip(self.tr("Paste lines such as 2500 Демин Саша"))
        self.payments_button.clicked.connect(lambda: PaymentsDialog(ctx, self).exec())
        head.addWidget(self.payments_button)
        self.checklist_button = QPushButton(self.tr("Checklist of the day…"))
        self.checklist_button.setToolTip(self.tr("The role's checklist from the database as it "
                                                 "is now: preview, print, save"))
        self.checklist_button.clicked.connect(
            lambda: ChecklistDialog(ctx, role, self).exec())
        head.addWidget(self.checklist_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        if role is Role.COMMUNICATOR:
            self.loop_due = LoopDue(ctx)
            self.loop_due.opened.connect(
                lambda _first: self.sections.setCurrentWidget(self.answers))
            layout.addWidget(self.loop_due)
        if role is Role.SYSTEM:
            self.health_button = QPushButton(self.tr("Channels: state…"))
            self.health_button.setToolTip(self.tr("Each bot and mailbox: its checks, alerts "
                                                  "and the last 14 days"))
            self.health_button.clicked.connect(lambda: HealthDialog(ctx, self).exec())
            head.insertWidget(1, self.health_button)
            self.health_alerts = HealthAlerts(ctx)
            layout.addWidget(self.health_alerts)
            self.feedback_due = FeedbackDue(ctx)
            self.feedback_due.opened.connect(self._on_feedback_chosen)
            layout.addWidget(self.feedback_due)
            self.sections = QTabWidget()
            self.attendance = AttendanceView(ctx)
            self.sections.addTab(self.today, self.tr("Today's tasks"))
            self.sections.addTab(self.attendance, self.tr("Attendance check"))
            self.feedback = FeedbackView(ctx)
            self.sections.addTab(self.feedback, self.tr("Feedback"))
            self.finance = FinanceView(ctx)
            self.sections.addTab(self.finance, self.tr("Wallets and report"))
            layout.addWidget(self.sections, 1)
        else:
            self.sections = QTabWidget()
            self.calls = CallsView(ctx)
            self.inbox = InboxView(ctx)
            self.sections.addTab(self.today, self.tr("Today's tasks"))
            self.sections.addTab(self.inbox, self.tr("Inbox"))
            self.sections.addTab(self.calls, self.tr("Calls"))
            self.leads = LeadsView(ctx)
            self.sections.addTab(self.leads, self.tr("Applications"))
            self.lapsed = LapsedView(ctx)
            self.sections.addTab(self.lapsed, self.tr("No-shows"))
            self.greetings = GreetingsView(ctx)
            self.sections.addTab(self.greetings, self.tr("Birthdays"))
            self.mailings = MailingsView(ctx)
            self.sections.addTab(self.mailings, self.tr("Mailings"))
            self.surveys = SurveysView(ctx)
            self.sections.addTab(self.surveys, self.tr("Surveys"))
            self.surveys.family_requested.connect(self.family_requested)
            self.answers = LoopView(ctx)
            self.sections.addTab(self.answers, self.tr("Answers to feedback"))
            self.answers.family_requested.connect(self.family_requested)
            self.responses = ResponseView(ctx)
            self.sections.addTab(self.responses, self.tr("Response times"))
            self.outbox = OutboxView(ctx)
            self.sections.addTab(self.outbox, self.tr("Outbox"))
            self.lapsed.family_requested.connect(self.family_requested)
            self.calls.family_requested.connect(self.family_requested)
            self.leads.family_requested.connect(self.family_requested)
            self.inbox.family_requested.connect(self.family_requested)
            layout.addWidget(self.sections, 1)
        self.today.family_requested.connect(self.family_requested)
        self._update_heading()

    @Slot(object)
    def _on_feedback_chosen(self, request_id: int) -> None:
        self.sections.setCurrentWidget(self.feedback)
        self.feedback.select_request(request_id)

    def show_wait(self, text: str) -> None:
        """The longest wait on the Inbox section's tab ("Inbox · 0:45")."""
        if self.role is Role.COMMUNICATOR:
            index = self.sections.indexOf(self.inbox)
            self.sections.setTabText(index, self.tr("Inbox") + (f" · {text}" if text else ""))

    def _update_heading(self) -> None:
        day = self.ctx.store.now().astimezone(self.ctx.studio.tz).date()
        self.heading.setText(self.tr("Today, {date} — {role}").format(
            date=fmt.date_text(day), role=role_name(self.role)))

    def showEvent(self, event) -> None:
        self._update_heading()
        super().showEvent(event)


class TasksArea(QWidget):
    """Every task, filtered by status.

    Signals:
        family_requested(int)
    """

    family_requested = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QComboBox()
        for status in (TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.CANCELLED):
            self.status.addItem(status_name(status), status)
        self.status.addItem(self.tr("All"), None)
        self.list = TaskList(ctx, self._load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.status)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.shown_status: TaskStatus | None = TaskStatus.OPEN  # read by the worker
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.list.family_requested.connect(self.family_requested)

    @Slot()
    def _on_status_changed(self) -> None:
        self.shown_status = self.status.currentData()
        self.list.freshness.invalidate()

    def _load(self) -> list[tasks.TaskView]:
        return tasks.listing(self.ctx.store, status=self.shown_status)
