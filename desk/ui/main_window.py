"""The main window: the two desk workspaces and the shared Families, Tasks and Journal areas."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox,
    QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from desk.models.enums import PresenceState, Role
from desk.services.store.changes import Change
from desk.services.calls import presence
from desk.services.comms import health, inbox, lease, outbox
from desk.services.crm import transfer
from desk.services.staff import signin, studio
from desk.services.supervision import handover
from desk.services.upkeep import move
from desk.services.store import backup, copy, desks, errors, live
from desk.ui import fmt, messages
from desk.ui.channels_dialog import ChannelsDialog
from desk.ui.context import Context
from desk.ui.courier_host import CourierHost
from desk.ui.feedback_tags import TagsDialog
from desk.ui.checklist_dialog import CopiesDialog
from desk.ui.quality_dialog import CriteriaDialog, QualityDialog
from desk.ui.handover_dialog import BriefDialog, DigestDialog, HandOverDialog, HandoversDialog
from desk.ui.pin_dialog import PinDialog
from desk.ui.survey_dialogs import CsiItemsDialog
from desk.ui.survey_import import SurveyImportDialog
from desk.ui.hours_dialog import HoursDialog
from desk.ui.idle_lock import IdleWatch, LockScreen, Veil
from desk.ui.import_dialog import ImportDialog
from desk.ui.inbox_queue import WaitingBanner, wait_text
from desk.ui.labels import channel_reason, inbox_channel_name, role_name
from desk.ui.reply_templates import ReplyTemplatesDialog
from desk.ui.settings import LANGUAGE, remember_layout
from desk.ui.scripts_dialog import ScriptsDialog
from desk.ui.server_dialog import ServerDialog
from desk.ui.studio_dialog import StudioDialog
from desk.ui.studio_settings import StudioSettingsDialog
from desk.ui.wallet_views import PaymentRulesDialog


def _view(module: str, name: str, *args: Any) -> QWidget:
    """A tab's view, its module imported only when the tab is first shown."""
    import importlib

    return getattr(importlib.import_module(f"desk.ui.{module}"), name)(*args)


def hide_writes(root: QWidget) -> None:
    """On a read-only desk the buttons and actions that would write are not offered at all
    (each view names them in WRITES), instead of being refused at save."""
    for widget in [root, *root.findChildren(QWidget)]:
        for name in getattr(type(widget), "WRITES", ()):
            part = getattr(widget, name, None)
            if part is not None:
                part.setVisible(False)


class _DialogWrites(QObject):
    """On a desk that may not write, a dialog opened later hides its writes too."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            hide_writes(watched)
        return False


class _Page(QWidget):
    """A tab's page whose view is built the first time the tab is shown or the view is asked
    for: the start builds only the home tab, so Today is filled sooner."""

    def __init__(self, build: Callable[[], QWidget], adopt: Callable[[QWidget], None]) -> None:
        super().__init__()
        self._build, self._adopt = build, adopt
        self.view: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def get(self) -> QWidget:
        if self.view is None:
            self.view = self._build()
            self.layout().addWidget(self.view)
            self.view.show()  # at once, not when the layout gets round to it
            self._adopt(self.view)
        return self.view


class _Tab:
    """``window.families`` and the like: the view of a tab, built on first use."""

    def __init__(self, index: int) -> None:
        self.index = index

    def __get__(self, window: MainWindow | None, owner: type) -> Any:
        return self if window is None else window.pages[self.index].get()


class MainWindow(QMainWindow):
    """Signals:
        server_connected(bool): the live-refresh connection to the studio's server came or
            went (emitted from the listener's thread, shown on the UI thread).
        desks_seen(tuple): the other desks connected to the server changed (the same).
        moved(str): this PC's studio was moved onto the server at this URL; the app opens
            it there.
        switch_requested(): someone else is to sign in on this PC (the app asks who).
    """

    TAB_SYSTEM, TAB_COMMUNICATOR, TAB_SCHEDULE, TAB_FAMILIES, TAB_TASKS, TAB_FEEDBACK, \
        TAB_INDICES, TAB_JOURNAL = range(8)
    server_connected = Signal(bool)
    desks_seen = Signal(object)
    moved = Signal(str)
    switch_requested = Signal()
    system = _Tab(TAB_SYSTEM)
    communicator = _Tab(TAB_COMMUNICATOR)
    schedule = _Tab(TAB_SCHEDULE)
    families = _Tab(TAB_FAMILIES)
    tasks = _Tab(TAB_TASKS)
    feedback = _Tab(TAB_FEEDBACK)
    indices = _Tab(TAB_INDICES)
    journal = _Tab(TAB_JOURNAL)

    def __init__(self, ctx: Context, backups_dir: Path | None = None,
                 courier: CourierHost | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups_dir = backups_dir
        self.courier = courier or CourierHost(ctx.store, ctx.ops, self,
                                              who=f"{socket.gethostname()} ({ctx.me.name})",
                                              writes=ctx.can_write)
        self.base_title = self.tr("Desk — {studio}").format(studio=ctx.studio.name)
        self.setWindowTitle(self.base_title)
        self.resize(1280, 800)

        self.layout_memory = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: list[_Page] = []
        for build, title in (
                (lambda: _view("workspaces", "Workspace", ctx, Role.SYSTEM),
                 role_name(Role.SYSTEM)),
                (lambda: _view("workspaces", "Workspace", ctx, Role.COMMUNICATOR),
                 role_name(Role.COMMUNICATOR)),
                (lambda: _view("schedule_view", "ScheduleView", ctx), self.tr("Schedule")),
                (lambda: _view("families_view", "FamiliesView", ctx), self.tr("Families")),
                (lambda: _view("workspaces", "TasksArea", ctx), self.tr("Tasks")),
                (lambda: _view("register_view", "FeedbackArea", ctx), self.tr("Client feedback")),
                (lambda: _view("indices_view", "IndicesView", ctx), self.tr("Indices")),
                (lambda: _view("audit_view", "AuditView", ctx), self.tr("Journal"))):
            self.pages.append(_Page(build, self._adopt))
            self.tabs.addTab(self.pages[-1], title)
        self.waiting = WaitingBanner()
        self.waiting.answer_requested.connect(self.answer_waiting)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.waiting)
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()  # the work, or nothing while the desk is locked
        self.stack.addWidget(central)
        self.stack.addWidget(QWidget())
        self.setCentralWidget(self.stack)
        self.lock_screen: LockScreen | None = None
        self.veils: list[Veil] = []  # over the dialogs open while locked
        self.can_unlock = False  # the person has a PIN (asked below, and when staff change)
        self.presence = PresenceState.AVAILABLE
        self._away_by_lock = False
        self.idle = IdleWatch(ctx.studio.idle_lock_min, parent=self)
        self.idle.idle.connect(self.lock)
        home = {Role.SYSTEM: self.TAB_SYSTEM, Role.COMMUNICATOR: self.TAB_COMMUNICATOR}
        self.tabs.setCurrentIndex(home.get(ctx.me.role, self.TAB_FAMILIES))

        self.offline_label = QLabel(self.tr("No connection to the studio's server: trying "
                                            "again…"))
        self.offline_label.setStyleSheet("color: #b00020; font-weight: 600;")
        self.offline_label.hide()
        self.statusBar().addPermanentWidget(self.offline_label)
        self.desks_label = QLabel()  # the other desks on the studio's server
        self.desks_label.hide()
        self.statusBar().addPermanentWidget(self.desks_label)
        self.channels_label = QLabel()
        self.statusBar().addPermanentWidget(self.channels_label)
        self.health_button = QToolButton()  # the channels' state: checks, alerts, history
        self.health_button.setText(self.tr("Channels"))
        self.health_button.setToolTip(self.tr("Channels: state — each bot and mailbox"))
        self.health_button.setAutoRaise(True)
        self.health_button.clicked.connect(self.show_health)
        self.statusBar().addPermanentWidget(self.health_button)
        who = QLabel(self.tr("Working: {name}").format(name=ctx.me.name))
        self.statusBar().addPermanentWidget(who)
        self.covering_label = QLabel()  # whose work this person covers now
        self.covering_label.setStyleSheet("color: #8a5a00;")
        self.covering_label.hide()
        self.statusBar().addPermanentWidget(self.covering_label)
        self.away_button = QToolButton()
        self.away_button.setText(self.tr("Away"))
        self.away_button.setCheckable(True)
        self.away_button.setToolTip(self.tr("Away from the desk: waiting clients are shown to "
                                            "the colleague at once"))
        self.away_button.setEnabled(ctx.can_write)
        self.statusBar().addPermanentWidget(self.away_button)
        self.alerted: int | None = None  # the conversation the window last flashed for
        self._waiting_asked = False
        self.in_flight = (0, 0)  # messages being sent, waiting to go: seen with the wait
        if ctx.can_write:  # a state left by a crash does not outlive the restart
            ctx.ops.command(self, lambda: presence.set_state(ctx.store, ctx.actor,
                                                             PresenceState.AVAILABLE))
        self.away_button.toggled.connect(self._on_away_toggled)
        self.settling = QTimer(self)  # and on a desk left running overnight
        self.settling.setInterval(30 * 60 * 1000)
        self.settling.timeout.connect(self._settle)
        self.settling.start()
        ctx.notifier.changed.connect(self._on_changed)
        self.courier.state_changed.connect(lambda _s: self._show_channels())
        self.courier.lease_changed.connect(self._show_channels)
        self.courier.restarted.connect(lambda: self.statusBar().showMessage(self.tr(
            "Sending and receiving had stopped because of an error and were started again; "
            "the details are in the log."), 15000))
        self.listener = None  # what the other desks write, on the studio's server
        if ctx.store.on_server:
            self.server_connected.connect(lambda up: self.offline_label.setVisible(not up))
            self.desks_seen.connect(self._show_desks)
            self.listener = live.Listener(
                ctx.store, ctx.notifier.announce, self.server_connected.emit,
                name=desks.application_name(self.courier.who, not ctx.can_write),
                on_desks=self.desks_seen.emit)
            self.listener.start()
        self.watch = QTimer(self)
        self.watch.setInterval(1000)
        self.watch.timeout.connect(self.check_waiting)
        self.watch.start()
        if ctx.store.read_only:
            self.statusBar().showMessage(self.tr("Read-only: changes cannot be saved"))
        elif not ctx.can_write:
            self.statusBar().showMessage(self.tr("Supervisor: looking, printing and exporting; "
                                                 "changes are made by the desk"))
        self._build_menus()
        if not ctx.can_write:
            hide_writes(self)
            self._dialog_writes = _DialogWrites(self)
            QApplication.instance().installEventFilter(self._dialog_writes)
        self.layout_memory = remember_layout(self, ctx.settings, ctx.me.id, "main")
        self.pages[self.tabs.currentIndex()].get()  # the home tab now, the others when shown
        self.tabs.currentChanged.connect(lambda index: self.pages[index].get())
        self.check_waiting()
        # after Today's rows were asked for: handovers whose day has come begin or end
        if not ctx.store.read_only:
            ctx.ops.command(self, lambda: handover.settle(ctx.store, ctx.actor),
                            lambda _done: self._after_settle())
        self._ask_secret()

    def _adopt(self, view: QWidget) -> None:
        """A tab's view was just built: wire it as if it had always been there."""
        if hasattr(view, "family_requested"):
            view.family_requested.connect(self.open_family)
        if hasattr(view, "item_requested"):
            view.item_requested.connect(self.open_item)
        if not self.ctx.can_write:
            hide_writes(view)
        if self.layout_memory is not None:
            self.layout_memory.restore_under(view)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("Import families…"), self)
        self.export_action = QAction(self.tr("Export families…"), self)
        self.backup_action = QAction(self.tr("Back up now…"), self)
        self.restore_action = QAction(self.tr("Restore from a backup…"), self)
        self.move_action = QAction(self.tr("Move the studio to a server…"), self)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.lock_action = QAction(self.tr("Lock the desk"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.switch_action = QAction(self.tr("Switch user…"), self)
        self.switch_action.triggered.connect(self.switch_requested)
        file_menu.addAction(self.import_action)
        self.survey_import_action = QAction(self.tr("Import survey answers…"), self)
        self.survey_import_action.triggered.connect(
            lambda: SurveyImportDialog(self.ctx, self).exec())
        self.survey_import_action.setEnabled(self.ctx.can_write)
        file_menu.addAction(self.survey_import_action)
        file_menu.addAction(self.export_action)
        self.copies_action = file_menu.addAction(self.tr("Kept checklists…"))
        self.copies_action.triggered.connect(lambda: CopiesDialog(self.ctx, self).exec())
        self.quality_action = file_menu.addAction(self.tr("Call and chat quality…"))
        self.quality_action.setToolTip(self.tr("Quality sheets: fill one in, a person's month, "
                                               "calibration, a blank form"))
        self.quality_action.triggered.connect(lambda: QualityDialog(self.ctx, self).exec())
        file_menu.addSeparator()
        self.hand_over_action = file_menu.addAction(self.tr("Hand over work…"))
        self.hand_over_action.setToolTip(self.tr("For a vacation or a sick leave: your open "
                                                 "work moves to a colleague and comes back"))
        self.hand_over_action.triggered.connect(self.hand_over)
        self.hand_over_action.setEnabled(not self.ctx.store.read_only)  # a supervisor's too
        self.handovers_action = file_menu.addAction(self.tr("All handovers…"))
        self.handovers_action.triggered.connect(
            lambda: HandoversDialog(self.ctx, self).exec())
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.move_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.switch_action)
        file_menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for index, text, key in (
            (self.TAB_SYSTEM, role_name(Role.SYSTEM), "Ctrl+1"),
            (self.TAB_COMMUNICATOR, role_name(Role.COMMUNICATOR), "Ctrl+2"),
            (self.TAB_SCHEDULE, self.tr("Schedule"), "Ctrl+3"),
            (self.TAB_FAMILIES, self.tr("Families"), "Ctrl+4"),
            (self.TAB_TASKS, self.tr("Tasks"), "Ctrl+5"),
            (self.TAB_FEEDBACK, self.tr("Client feedback"), "Ctrl+6"),
            (self.TAB_INDICES, self.tr("Indices"), "Ctrl+7"),
            (self.TAB_JOURNAL, self.tr("Journal"), "Ctrl+8"),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            go.addAction(action)
            self.addAction(action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.studio_settings_action = settings_menu.addAction(self.tr("Studio and staff…"))
        self.studio_settings_action.triggered.connect(
            lambda: StudioSettingsDialog(self.ctx, self).exec())
        self.studio_settings_action.setEnabled(self.ctx.can_write)
        self.studio_action = settings_menu.addAction(self.tr("Directions, teachers and rooms…"))
        self.studio_action.triggered.connect(lambda: StudioDialog(self.ctx, self).exec())
        self.studio_action.setEnabled(self.ctx.can_write)
        self.hours_action = settings_menu.addAction(self.tr("Working hours…"))
        self.hours_action.triggered.connect(lambda: HoursDialog(self.ctx, self).exec())
        self.hours_action.setEnabled(self.ctx.can_write)
        self.scripts_action = settings_menu.addAction(self.tr("Call scripts…"))
        self.scripts_action.triggered.connect(lambda: ScriptsDialog(self.ctx, self).exec())
        self.scripts_action.setEnabled(self.ctx.can_write)
        self.replies_action = settings_menu.addAction(self.tr("Answer templates…"))
        self.replies_action.triggered.connect(lambda: ReplyTemplatesDialog(self.ctx, self).exec())
        self.replies_action.setEnabled(self.ctx.can_write)
        self.channels_action = settings_menu.addAction(self.tr("Channels…"))
        self.channels_action.triggered.connect(self._on_channels)
        self.channels_action.setEnabled(self.ctx.can_write)
        self.tags_action = settings_menu.addAction(self.tr("Feedback tags…"))
        self.tags_action.triggered.connect(lambda: TagsDialog(self.ctx, self).exec())
        self.tags_action.setEnabled(self.ctx.can_write)
        self.pin_action = settings_menu.addAction(self.tr("PIN or password…"))
        self.pin_action.setToolTip(self.tr("Change yours, or reset a colleague's forgotten one"))
        self.pin_action.triggered.connect(lambda: PinDialog(self.ctx, self).exec())
        self.pin_action.setEnabled(not self.ctx.store.read_only)  # a supervisor's too
        self.csi_action = settings_menu.addAction(self.tr("Satisfaction items (CSI)…"))
        self.csi_action.triggered.connect(lambda: CsiItemsDialog(self.ctx, self).exec())
        self.csi_action.setEnabled(self.ctx.can_write)
        self.criteria_action = settings_menu.addAction(self.tr("Quality sheet criteria…"))
        self.criteria_action.triggered.connect(lambda: CriteriaDialog(self.ctx, self).exec())
        self.criteria_action.setEnabled(self.ctx.can_write)
        self.payments_action = settings_menu.addAction(self.tr("Payments…"))
        self.payments_action.triggered.connect(lambda: PaymentRulesDialog(self.ctx, self).exec())
        self.payments_action.setEnabled(self.ctx.can_write)
        self.absent_action = settings_menu.addAction(self.tr("Charge for absences"))
        self.absent_action.setCheckable(True)
        self.absent_action.setChecked(self.ctx.studio.absent_charged)
        self.absent_action.setToolTip(self.tr("A child marked \"did not come\" is charged as if "
                                              "they came"))
        self.absent_action.toggled.connect(self._on_absent_toggled)
        language = settings_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        current = self.ctx.settings.get(LANGUAGE)
        for code, name in (("ru", "Русский"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            language.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        find = QAction(self.tr("Find a family"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self.find_family)
        go.addAction(find)
        self.addAction(find)
        self.import_action.triggered.connect(self._on_import)
        self.export_action.triggered.connect(self._on_export)
        self.import_action.setEnabled(self.ctx.can_write)
        self.backup_action.triggered.connect(self._on_backup)
        self.restore_action.triggered.connect(self._on_restore)
        self.restore_action.setEnabled(self.backups_dir is not None and self.ctx.can_write)
        self.restore_action.setVisible(self.ctx.store.path is not None)  # a file's own backups
        self.move_action.triggered.connect(self._on_move)
        self.move_action.setVisible(self.ctx.store.path is not None)  # a one-PC studio's file
        self.move_action.setEnabled(self.ctx.can_write)
        quit_action.triggered.connect(self.close)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.confirm_quit():
            event.ignore()
            return
        self.stop_watching()
        super().closeEvent(event)

    def _show_desks(self, others: tuple) -> None:
        """Who else is connected to the studio's server, in the status bar."""
        names = [self.tr("{desk}, read-only").format(desk=d.who) if d.read_only else d.who
                 for d in others]
        self.desks_label.setText(self.tr("Also connected: {desks}").format(
            desks="; ".join(names)))
        self.desks_label.setVisible(bool(names))

    def stop_watching(self) -> None:
        """A closed window no longer looks at the queue nor listens to the other desks."""
        self.watch.stop()
        self.idle.stop()
        self.settling.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def confirm_quit(self) -> bool:
        """Quitting with messages not gone yet says what becomes of them."""
        if not self.ctx.can_write:
            return True
        sending, waiting = self.in_flight  # as of the last look at the queue (≤ 1 s ago)
        if not sending and not waiting:
            return True
        text = self.tr("%n message(s) have not gone yet.", "", sending + waiting) + " "
        if sending:
            text += self.tr("One being handed over now will show \"delivery not confirmed\" "
                            "for you to check.") + " "
        text += self.tr("The others go the next time Desk runs. Quit anyway?")
        return QMessageBox.question(
            self, self.tr("Quit"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    @Slot()
    def check_waiting(self) -> None:
        """The longest wait goes to the window's title and the Communicator's tab; from 40 s a
        banner offers to answer, on whichever desk is open. While the Communicator is on a call
        or away, the banner shows at once, asks the colleague to answer, and the window
        flashes in the taskbar."""
        if self._waiting_asked:
            return  # the last look has not come back yet (a slow database): no pile-up
        self._waiting_asked = True
        self.ctx.ops.query(self, self._read_waiting, self._show_waiting, key="waiting",
                           on_failure=self._on_waiting_failed)

    def _read_waiting(self) -> tuple[inbox.ConversationRow | None, presence.Status | None,
                                     tuple[int, int]]:
        longest = inbox.longest_wait(self.ctx.store)
        return (longest, presence.communicator_busy(self.ctx.store) if longest else None,
                outbox.in_flight(self.ctx.store))

    def _on_waiting_failed(self, exc: errors.DeskError) -> None:
        self._waiting_asked = False  # a busy database: said in the status bar, tried next second
        self.statusBar().showMessage(messages.error_message(exc), 2000)

    def _show_waiting(self, found: tuple[inbox.ConversationRow | None,
                                         presence.Status | None, tuple[int, int]]) -> None:
        self._waiting_asked = False
        longest, busy, self.in_flight = found
        wait = longest.wait_s if longest else 0
        text = wait_text(wait) if longest else ""
        self.setWindowTitle(f"⏱ {text} · {self.base_title}" if longest else self.base_title)
        self.tabs.setTabText(self.TAB_COMMUNICATOR, role_name(Role.COMMUNICATOR)
                             + (f" · {text}" if longest else ""))
        communicator = self.pages[self.TAB_COMMUNICATOR].view
        if communicator is not None:  # built: its Inbox section shows the wait too
            communicator.show_wait(text)
        self.waiting.show_wait(longest if wait >= inbox.HOLDING_AT_S or busy else None, busy)
        if self.lock_screen is not None:
            self.lock_screen.show_wait(wait if longest else None)
        if busy is not None and longest is not None and self.alerted != longest.id:
            self.alerted = longest.id
            QApplication.alert(self)
            QApplication.beep()
        elif busy is None:
            self.alerted = None

    @Slot(object)
    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if Change.STUDIO in kinds:  # the studio's name may have changed
            self.base_title = self.tr("Desk — {studio}").format(studio=self.ctx.studio.name)
            self.setWindowTitle(self.base_title)
            self.idle.minutes = self.ctx.studio.idle_lock_min
            self._show_covering()  # a handover begun or ended
            self._ask_secret()  # a PIN set
        if Change.PRESENCE in kinds:  # a call ended: the Away button shows the state it left
            me = self.ctx.me.id
            self.ctx.ops.query(self, lambda: presence.state_of(self.ctx.store, me),
                               self._show_presence, key="presence")
        if kinds & {Change.PRESENCE, Change.INBOX}:
            self.check_waiting()
        if Change.CHANNELS in kinds:  # a channel check: the indicator shows open alerts
            self._load_health()

    @Slot()
    def _load_health(self) -> None:
        store = self.ctx.store
        self.ctx.ops.query(self, lambda: health.alerts(store), self._show_health, key="health")

    def _show_health(self, alerts: list) -> None:
        troubled = sorted({inbox_channel_name(a.channel) for a in alerts
                           if a.closed_at is None})
        self.health_button.setStyleSheet("color: #c62828; font-weight: 600;" if troubled
                                         else "")
        self.health_button.setToolTip(self.tr("Channels need attention: {channels}").format(
            channels=", ".join(troubled)) if troubled else self.tr(
            "Channels: state — each bot and mailbox"))

    def _ask_secret(self) -> None:
        store, me = self.ctx.store, self.ctx.me.id
        self.ctx.ops.query(self, lambda: me in signin.with_secret(store), self._knows_secret,
                           key="secret")

    @Slot()
    def _settle(self) -> None:
        if not self.ctx.store.read_only:
            store, actor = self.ctx.store, self.ctx.actor
            self.ctx.ops.command(self, lambda: handover.settle(store, actor))

    def _after_settle(self) -> None:
        """Back from a handover: "while you were away" once; covering: said in the bar."""
        store, me = self.ctx.store, self.ctx.me.id
        self.ctx.ops.query(self, lambda: handover.unseen_digest(store, me), self._show_digest,
                           key="digest")
        self._show_covering()

    def _show_digest(self, handover_id: int | None) -> None:
        if handover_id is not None:
            self.digest_dialog = DigestDialog(self.ctx, handover_id, self)
            self.digest_dialog.open()

    def _show_covering(self) -> None:
        store, me = self.ctx.store, self.ctx.me.id
        self.ctx.ops.query(self, lambda: handover.covered_by(store, me),
                           self._covering_shown, key="covering")

    def _covering_shown(self, rows: list) -> None:
        self.covering_label.setText(self.tr("Covering for: {people}").format(people=", ".join(
            self.tr("{name} (back on {day})").format(name=h.from_name,
                                                     day=fmt.date_text(h.ends_on))
            for h in rows)))
        self.covering_label.setVisible(bool(rows))

    @Slot()
    def hand_over(self) -> None:
        """"Hand over work…", then the brief for the substitute."""
        dialog = HandOverDialog(self.ctx, self)
        if dialog.exec() and dialog.handover_id is not None:
            BriefDialog(self.ctx, dialog.handover_id, self).exec()

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    @Slot()
    def lock(self) -> None:
        """Hides the work until the person signed in types their secret (someone without one,
        as on the demo studio, is not locked out). Known without asking the database, so a
        busy or unreachable server never keeps a desk open. A locked desk counts as away
        (unless on a call), so waiting clients are shown to the colleague at once."""
        if self.locked:
            return
        if not self.can_unlock:
            self.statusBar().showMessage(self.tr(
                "The desk is not locked: you have no PIN yet (Settings → PIN or password…)"),
                10000)
            return
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.ctx, self)
            self.lock_screen.unlocked.connect(self._unlocked)
            self.lock_screen.switch_requested.connect(self.switch_requested)
        self.stack.setCurrentIndex(1)
        self.menuBar().setVisible(False)
        self.veils = [Veil(w) for w in QApplication.topLevelWidgets()  # open dialogs too
                      if w.isVisible() and w is not self and w is not self.lock_screen]
        self._away_by_lock = (self.ctx.can_write and not self.away_button.isChecked()
                              and self.presence is PresenceState.AVAILABLE)
        if self._away_by_lock:
            self.away_button.setChecked(True)  # away: the colleague is asked at once
        self.lock_screen.start()
        self.check_waiting()

    def _knows_secret(self, has: bool) -> None:
        self.can_unlock = has

    def unlock(self) -> None:
        """The person signed in again (through "Switch user…")."""
        if self.locked:
            self.lock_screen.hide()
            self._unlocked()

    def _unlocked(self) -> None:
        self.stack.setCurrentIndex(0)
        self.menuBar().setVisible(True)
        for veil in self.veils:
            if shiboken6.isValid(veil):  # its window may have gone meanwhile
                veil.lift()
        self.veils = []
        if self._away_by_lock:
            self._away_by_lock = False
            self.away_button.setChecked(False)
        self.idle.restart()
        self.activateWindow()

    def _show_presence(self, state: PresenceState) -> None:
        self.presence = state
        self.away_button.blockSignals(True)
        self.away_button.setChecked(state is PresenceState.AWAY)
        self.away_button.blockSignals(False)

    @Slot(bool)
    def _on_away_toggled(self, away: bool) -> None:
        state = PresenceState.AWAY if away else PresenceState.AVAILABLE
        self.ctx.ops.command(self, lambda: presence.set_state(self.ctx.store, self.ctx.actor,
                                                              state))

    @Slot(int)
    def answer_waiting(self, conversation_id: int) -> None:
        self.tabs.setCurrentIndex(self.TAB_COMMUNICATOR)
        self.communicator.sections.setCurrentWidget(self.communicator.inbox)
        self.communicator.inbox.select_conversation(conversation_id)

    @Slot()
    def show_health(self) -> None:
        from desk.ui.health_dialog import HealthDialog

        HealthDialog(self.ctx, self).exec()

    def _show_channels(self) -> None:
        if self.courier.lacking:  # this PC has not the bot's token: it cannot take over
            through = self.courier.through
            self.channels_label.setText(self.tr("Messages go through {desk}").format(
                desk=through) if through else self.tr(
                "No desk receives messages: enter the bot token here"))
            self.channels_label.setToolTip(self.tr(
                "This PC has not the bot token, so it cannot receive and send for the studio. "
                "Enter it under Settings → Channels to be able to take over."))
            self.channels_label.setStyleSheet("" if through else "color: #c62828;")
            return
        self.channels_label.setToolTip("")
        if self.courier.through:  # another desk receives and sends for the studio
            self.channels_label.setText(self.tr("Messages go through {desk}").format(
                desk=self.courier.through))
            self.channels_label.setStyleSheet("")
            return
        offline = [s for s in self.courier.states.values() if not s.online]
        self.channels_label.setText(" ".join(
            self.tr("{channel}: offline ({reason})").format(
                channel=inbox_channel_name(s.channel), reason=channel_reason(s.reason))
            for s in offline))
        self.channels_label.setStyleSheet("color: #c62828;" if offline else "")

    @Slot()
    def _on_channels(self) -> None:
        if ChannelsDialog(self.ctx, self).exec():
            self.courier.start()
            self._show_channels()

    @Slot(bool)
    def _on_absent_toggled(self, charged: bool) -> None:
        """The rule changes from today on; earlier lessons keep the rule they had."""
        self.ctx.ops.query(self, lambda: studio.absence_rule_starts(self.ctx.store),
                           lambda day: self._ask_absent_charged(charged, day), key="absent")

    def _ask_absent_charged(self, charged: bool, starts: dt.date) -> None:
        day = fmt.date_text(starts)
        question = (self.tr("From {day} on, a child marked \"did not come\" is charged as if "
                            "they came. Earlier lessons keep the rule they had. Switch it on?")
                    if charged else
                    self.tr("From {day} on, absences are no longer charged. Earlier lessons "
                            "keep the rule they had. Switch it off?")).format(day=day)
        answer = QMessageBox.question(
            self, self.tr("Charge for absences"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.ops.command(
                self, lambda: studio.set_absent_charged(self.ctx.store, self.ctx.actor, charged),
                on_failure=lambda exc: self._keep_absent_rule(charged, exc))
        else:
            self._keep_absent_rule(charged)

    def _keep_absent_rule(self, charged: bool, exc: errors.DeskError | None = None) -> None:
        if exc is not None:
            QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))
        self.absent_action.blockSignals(True)  # the rule stays as it was
        self.absent_action.setChecked(not charged)
        self.absent_action.blockSignals(False)

    @Slot(QAction)
    def _on_language_chosen(self, action: QAction) -> None:
        if self.ctx.settings.get(LANGUAGE) == action.data():
            return
        self.ctx.settings.set(LANGUAGE, action.data())
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used from the next start of Desk."))

    @Slot()
    def find_family(self) -> None:
        self.tabs.setCurrentIndex(self.TAB_FAMILIES)
        self.families.focus_search()

    @Slot(int)
    def open_item(self, item_id: int) -> None:
        """A feedback item in the register."""
        self.tabs.setCurrentIndex(self.TAB_FEEDBACK)
        self.feedback.show_item(item_id)

    @Slot(int)
    def open_family(self, family_id: int) -> None:
        self.tabs.setCurrentIndex(self.TAB_FAMILIES)
        self.families.open_family(family_id)

    @Slot()
    def _on_import(self) -> None:
        ImportDialog(self.ctx, self).exec()

    @Slot()
    def _on_export(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Export families"),
                                             str(Path.home() / "families.xlsx"),
                                             self.tr("Tables (*.xlsx *.csv)"))
        if out:
            self.export_to(Path(out))

    def export_to(self, out: Path) -> None:
        self.ctx.ops.query(
            self, lambda p: transfer.export_families(self.ctx.store, out, p.report,
                                                     lambda: p.cancelled),
            lambda n: self.statusBar().showMessage(
                self.tr("Exported %n row(s)", "", n) + f": {out}", 10000),
            key="export", on_failure=self._on_job_failed, progress=self.tr("Exporting…"))

    @Slot()
    def _on_backup(self) -> None:
        """A file of the studio: a copy of the file, or the server's data as a one-PC studio."""
        store, source = self.ctx.store, self.ctx.store.path
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Save a backup"),
                                             str(Path.home() / "desk-backup.db"),
                                             self.tr("Desk database (*.db)"))
        if not out:
            return
        self.statusBar().showMessage(self.tr("Backing up…"))
        self.ctx.ops.query(
            self, lambda progress: copy.snapshot(store, Path(out), progress.report)
            if source is None else backup.make_backup(source, Path(out), progress.report),
            lambda path: self.statusBar().showMessage(
                self.tr("Backup saved: {path}").format(path=path), 10000),
            key="backup", on_failure=self._on_job_failed, progress=self.tr("Backing up…"))

    @Slot()
    def _on_move(self) -> None:
        """This PC's studio onto the studio's server (the second PC's way in): every row
        copied and checked there; the file stays as it was; then the app opens the server."""
        title = self.tr("Move the studio to a server")
        answer = QMessageBox.question(self, title, self.tr(
            "Every record of this studio is copied to the studio's server (PostgreSQL), checked "
            "there, and from then on this PC and the others work on the server. The file on "
            "this PC stays as it is. Go on?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        dialog = ServerDialog(self.ctx.ops, self)
        if not dialog.exec() or not dialog.url:
            return
        url, path, actor = dialog.url, self.ctx.store.path, self.ctx.actor
        store, token = self.ctx.store, self.courier.token
        self.courier.stop()  # nothing sent or received meanwhile is left behind in the file

        def moving(progress):
            lease.release(store, token)  # the server's copy: free for the desk that opens it
            return move.move_to_server(path, url, actor, progress.report)

        self.ctx.ops.command(
            self, moving, lambda done: self._on_moved(url, done),
            on_failure=lambda exc: (self.courier.start(), self._on_job_failed(exc)),
            progress=self.tr("Copying the studio to the server…"))

    def _on_moved(self, url: str, done) -> None:
        QMessageBox.information(self, self.tr("Move the studio to a server"), self.tr(
            "The studio is on the server {server}: {families} families, {rows} records copied "
            "and checked. The file on this PC stays as it was. Desk now opens the studio on "
            "the server; connect the other PCs to it (at the first start: \"The studio's "
            "server…\").").format(server=done.url, families=done.rows.get("family", 0),
                                   rows=sum(done.rows.values())))
        self.moved.emit(url)

    def _on_job_failed(self, exc: errors.DeskError) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.windowTitle(), messages.error_message(exc))

    @Slot()
    def _on_restore(self) -> None:
        source = self.ctx.store.path
        found = backup.list_backups(self.backups_dir) if self.backups_dir else []
        if source is None or not found:
            QMessageBox.information(self, self.tr("Restore"), self.tr("There are no backups yet."))
            return
        labels = [f"{b.path.name}  ({b.size // 1024} KB)" for b in found]
        choice, ok = QInputDialog.getItem(self, self.tr("Restore from a backup"),
                                          self.tr("Backup:"), labels, 0, False)
        if not ok:
            return
        chosen = found[labels.index(choice)]
        answer = QMessageBox.question(
            self, self.tr("Restore"),
            self.tr("Replace all current data with the backup {name}? "
                    "The current state is saved as a backup first.").format(name=chosen.path.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        backups_dir = self.backups_dir

        def restore() -> None:  # on the writer thread: no write of the app's can run meanwhile
            self.ctx.store.dispose()
            backup.restore(chosen.path, source, backups_dir)

        self.ctx.ops.command(self, restore, self._on_restored,
                             on_failure=lambda exc: QMessageBox.warning(
                                 self, self.tr("Restore"), messages.error_message(exc)))

    def _on_restored(self, _result: None) -> None:
        self.ctx.notifier.announce(Change)  # every kind: the whole file was replaced
        QMessageBox.information(self, self.tr("Restore"),
                                self.tr("The backup was restored. Check that the data is right."))
