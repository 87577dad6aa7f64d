"""The composition root: settings, store, migrations, services, translator, main window —
in that order. Nothing is built at import time."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    from desk import cli

    return cli.run(sys.argv[1:] if argv is None else argv)


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Desk")
    app.setOrganizationName("Desk")
    return app


def _demo_store(families: int = 300):
    from desk.demo import generator
    from desk.services.store import migrate

    folder = Path(tempfile.mkdtemp(prefix="desk-demo-"))
    store = migrate.open_database(folder / "demo.db", None)
    generator.generate(store, families=families, seed=1)
    return store


def run_gui(args: argparse.Namespace) -> int:
    """Paint the window's frame first; then ``Start`` opens the database on a worker and fills
    the frame (issue 10's start targets: the frame as fast as a bare Qt window, Today filled
    within 3×)."""
    from PySide6.QtCore import QSettings, QTimer

    from desk.ui import i18n
    from desk.ui.settings import LANGUAGE, Settings
    from desk.ui.shell import Shell

    app = _application()
    settings = QSettings()
    i18n.install(app, Settings(settings).get(LANGUAGE))
    shell = Shell()
    shell.show()
    state: dict = {}

    def begin() -> None:
        from desk import paths
        from desk.ui import crash

        reporter = crash.CrashReporter(crash.setup_logging(paths.logs_dir()))
        reporter.install()
        state["start"] = Start(args, shell, settings, reporter, on_exit=app.exit)
        state["start"].begin()

    QTimer.singleShot(0, begin)
    return app.exec()


@dataclasses.dataclass(frozen=True)
class Opened:
    store: Any
    shared: Path | None  # the file, when it sits in a network or synced folder
    set_up: bool
    problems: list[str]  # rows breaking the schema's rules: the file is shown read-only
    url: str  # the file's, also when a copy of it is shown


class Start:
    """The start after the frame is painted, one step after another. What reads or writes
    the database runs on a worker; the dialogs between the steps on the UI thread:

    open (and upgrade) the file → first-start setup → who works here → the lock → the
    window, filled; the courier starts once Today has its rows.

    ``on_window(window)`` when the window is up; ``on_exit(code)`` to stop instead."""

    def __init__(self, args, shell, settings, reporter, *, runner=None,
                 on_window=lambda window: None, on_exit=lambda code: None) -> None:
        from PySide6.QtWidgets import QApplication

        from desk import paths
        from desk.ui.ops import Ops
        from desk.ui.runner import Runner
        from desk.ui.settings import DATABASE, Settings

        self.args, self.shell, self.settings, self.reporter = args, shell, settings, reporter
        if runner is None:
            runner = Runner(reporter.handle)
            QApplication.instance().aboutToQuit.connect(runner.wait)  # no job outlives the app
        self.runner = runner
        self.ops = Ops(runner, lambda kinds: None, reporter.handle)
        self.on_window, self.on_exit = on_window, on_exit
        self.store = self.me = self.info = self.window = self.url = None
        self.looking = False  # a refused file's copy, opened read-only
        self.chosen = Settings(settings)  # the studio's server, once this PC chose one
        self.where = args.db or paths.default_db(self.chosen.get(DATABASE))

    def begin(self) -> None:
        self.ops.command(self.shell, self._open, self._opened, on_failure=self._not_opened)

    def _open(self) -> Opened:
        from desk import paths
        from desk.services.staff import studio
        from desk.services.store import errors, migrate, server
        from desk.services.store.db import url_for_path

        if self.args.demo:
            store = _demo_store()
            return Opened(store, None, True, [], str(store.engine.url))
        path = self.where
        if server.is_url(path):  # the studio's server: no file, no shared-folder worry
            store = migrate.open_server(path, paths.backups_dir())
            return Opened(store, None, studio.is_set_up(store), [], server.shown(path))
        problems: list[str] = []
        try:
            store = migrate.open_database(path, paths.backups_dir())
        except errors.MigrationFailed as exc:
            if not exc.params.get("problems") or not exc.params.get("last_good"):
                raise
            problems = exc.params["problems"]
            store = migrate.open_to_look(path, exc.params["last_good"])
        shared = Path(path) if paths.shared_location_warning(path) else None
        return Opened(store, shared, studio.is_set_up(store), problems, url_for_path(path))

    def _not_opened(self, exc) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desk.ui import messages

        if exc.code in ("server_unreachable", "others_connected"):  # may be different soon
            choice = try_again(self.shell, messages.error_message(exc),
                               settings=exc.code == "server_unreachable")
            if choice == SETTINGS:
                self._change_server()
            elif choice == AGAIN:
                self.begin()
            else:
                self.on_exit(1)
            return
        where = exc.params.get("path")
        QMessageBox.critical(self.shell, "Desk", messages.error_message(exc)
                             + (f"\n\n{where}" if where else ""))
        self.on_exit(1)

    def _change_server(self) -> None:
        """The server's details as this PC has them, to correct; then the start again."""
        from desk.ui.server_dialog import ServerDialog
        from desk.ui.settings import DATABASE

        dialog = ServerDialog(self.ops, self.shell, url=str(self.where))
        if dialog.exec() and dialog.url:
            self.where = dialog.url
            if not self.args.db:  # chosen on this PC (not given for this start only)
                self.chosen.set(DATABASE, dialog.url)
        self.begin()

    def _opened(self, opened: Opened) -> None:
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        from desk.ui.lock_dialog import look_read_only
        from desk.ui.setup_dialog import SetupDialog

        self.store, self.url = opened.store, opened.url
        if opened.shared:
            QMessageBox.warning(self.shell, "Desk", QApplication.translate(
                "App", "The database is in a network or synced folder ({path}). SQLite must "
                "not be shared between computers this way: keep the file on this PC.")
                .format(path=opened.shared))
        if self.store.outdated:
            QMessageBox.warning(self.shell, "Desk", QApplication.translate(
                "App", "A newer Desk has upgraded the studio's database, so this Desk opened it "
                "read-only: you can look, not change. Update Desk on this PC."))
        if opened.problems:
            if not look_read_only(opened.problems, self.shell):
                self.on_exit(0)
                return
            self.looking = True
        if not opened.set_up:
            setup = SetupDialog(self.store, self.ops, self.shell)
            if setup.exec() != QDialog.DialogCode.Accepted:
                self.on_exit(0)
                return
            if setup.server_url:  # the studio lives on its server: open that instead
                from desk.ui.settings import DATABASE

                self.chosen.set(DATABASE, setup.server_url)
                self.store.dispose()
                self.where = setup.server_url
                self.begin()
                return
        from desk.services.staff import signin, studio

        store, looking = self.store, self.looking
        self.ops.query(self.shell, lambda: (studio.staff(store), studio.info(store),
                                            set() if looking else signin.with_secret(store)),
                       self._choose)

    def _choose(self, found) -> None:
        from desk.services.store import lock

        staff, self.info, secrets = found
        self.me = sign_in(staff, staff_key(self.url), self.settings, self.ops, self.store,
                          secrets, demo=self._no_pins)
        if self.me is None:
            self.on_exit(0)
            return
        if self.store.read_only or self.store.on_server:  # the one-writer lock is a file's
            self._build(None)
            return
        store, actor = self.store, self.me.actor()
        self.ops.command(self.shell, lambda: lock.acquire(store, actor), self._build,
                         on_failure=self._locked)

    @property
    def _no_pins(self) -> bool:
        """The demo, and an older file's copy looked at read-only (it has no PINs yet), ask
        none."""
        return bool(getattr(self.args, "demo", False)) or self.looking

    def _switch_user(self, token) -> None:
        """Someone else signs in on this PC ("Switch user…", also on the lock screen): the
        window is built again for them, after the old one's courier has let go. Choosing the
        same person, with their PIN, only unlocks."""
        from desk.services.staff import signin, studio

        store, looking = self.store, self.looking
        self.ops.query(self.window, lambda: (studio.staff(store),
                                             set() if looking else signin.with_secret(store),
                                             studio.info(store)),
                       lambda found: self._switch_to(*found, token))

    def _switch_to(self, staff, secrets, info, token) -> None:
        from PySide6.QtWidgets import QApplication

        me = sign_in(staff, staff_key(self.url), self.settings, self.ops, self.store, secrets,
                     demo=self._no_pins)
        window, store = self.window, self.store
        if me is None:
            return
        if me.id == self.me.id:
            window.unlock()
            return
        QApplication.instance().aboutToQuit.disconnect(self.at_quit)
        window.courier.stop()
        window.stop_watching()

        def rebuild(_result=None) -> None:
            self.shell.setGeometry(window.geometry())
            window.hide()
            window.deleteLater()
            self.me, self.info = me, info  # the studio's settings as they are now
            self._build(token)

        self.ops.command(window, lambda: _let_go(store, window.courier), rebuild,
                         on_failure=rebuild)

    def _locked(self, exc) -> None:
        from desk.services.store import errors, lock
        from desk.services.store.db import Store
        from desk.ui.lock_dialog import OPEN_ANYWAY, READ_ONLY, LockDialog

        if not isinstance(exc, errors.DatabaseLocked):
            self._not_opened(exc)
            return
        choice = LockDialog.ask(exc.params["holder"], self.info.tz)
        if choice == READ_ONLY:
            self.store = Store(self.store.engine, read_only=True, clock=self.store.clock)
            self._build(None)
        elif choice == OPEN_ANYWAY:
            store, actor = self.store, self.me.actor()
            self.ops.command(self.shell, lambda: lock.acquire(store, actor, force=True),
                             self._build, on_failure=self._not_opened)
        else:
            self.on_exit(0)

    def _build(self, token) -> None:
        from PySide6.QtWidgets import QApplication

        store, me = self.store, self.me
        window = build_window(store, me, on_error=self.reporter.handle, runner=self.runner,
                              info=self.info)
        window.moved.connect(lambda url: self._reopen(url, token))
        window.switch_requested.connect(lambda: self._switch_user(token))

        def at_quit() -> None:  # the courier stops, then the lease and the lock are let go
            window.courier.stop()
            window.stop_watching()
            self.runner.wait()  # after the runner's jobs
            _let_go(store, window.courier)
            if token is not None:
                _release(store, me, token)

        self.at_quit = at_quit
        QApplication.instance().aboutToQuit.connect(at_quit)
        if self.looking:
            window.statusBar().showMessage(QApplication.translate(
                "App", "Read-only: rows of this database break the rules and need fixing"))
        elif store.outdated:
            window.statusBar().showMessage(QApplication.translate(
                "App", "Read-only: update Desk on this PC to work with the studio's database"))
        _after_first_fill(window, window.courier.start)  # messages left from last time go then
        self.window = window
        self.shell.hand_over(window)
        if not self.args.demo and not self.looking:
            _keep_daily_backups(window)
        self.on_window(window)


    def _reopen(self, url: str, token) -> None:
        """The studio was moved onto the server at ``url``: this PC works there from now on.
        The window lets go of the file (its courier, the lease, the lock) and the start runs
        again on the server."""
        from desk.ui.settings import DATABASE

        from PySide6.QtWidgets import QApplication

        self.chosen.set(DATABASE, url)
        window, store, me = self.window, self.store, self.me
        QApplication.instance().aboutToQuit.disconnect(self.at_quit)  # this window's, let go now
        window.courier.stop()
        window.stop_watching()

        def let_go() -> None:  # on the writer thread, the file's connections closed last
            try:
                _let_go(store, window.courier)
                if token is not None:
                    _release(store, me, token)
            finally:
                store.dispose()

        def reopen(_result=None) -> None:
            self.shell.setGeometry(window.geometry())  # "opening the database…" meanwhile
            self.shell.show()
            window.hide()
            window.deleteLater()
            self.where = url
            self.begin()

        self.ops.command(self.shell, let_go, reopen, on_failure=reopen)


AGAIN, SETTINGS, QUIT = "again", "settings", "quit"


def try_again(parent, text: str, *, settings: bool = False) -> str:
    """The studio's server cannot be reached (or not used yet) at start: "Try again"
    (AGAIN), "Connection settings…" (SETTINGS, when ``settings``: the server moved, its
    password changed) or "Quit" (QUIT)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "Desk", text, parent=parent)
    again = box.addButton(QApplication.translate("App", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    change = box.addButton(QApplication.translate("App", "Connection settings…"),
                           QMessageBox.ButtonRole.ActionRole) if settings else None
    box.addButton(QApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    clicked = box.clickedButton()
    return AGAIN if clicked is again else SETTINGS if change and clicked is change else QUIT


def _after_first_fill(window, then) -> None:
    """``then()`` once the home Today has its first rows (the courier's start waits for it,
    so the first thing a person sees comes first), or at once when the home has no Today."""
    from PySide6.QtCore import QTimer

    today = getattr(window.tabs.currentWidget(), "today", None)
    done = []

    def once(*_args) -> None:
        if not done:
            done.append(True)
            then()

    if today is None:
        once()
        return
    today.rows_loaded.connect(once)
    QTimer.singleShot(5000, window, once)  # a busy database: Today comes late, sending not


def _let_go(store, courier) -> None:
    """The desk quits: the next desk takes the courier lease at once, not when it runs out."""
    from desk.services.comms import lease

    if courier.held and not store.read_only:
        lease.release(store, courier.token)


def _release(store, me, token) -> None:
    from desk.services.store import lock

    lock.release(store, me.actor(), token)


def staff_key(url: str) -> str:
    """The QSettings key remembering who works on this PC with the database at ``url``."""
    import hashlib

    return "staff/" + hashlib.sha1(url.encode()).hexdigest()[:12]


def sign_in(staff, key: str, settings, ops, store, secrets=frozenset(), *, demo=False):
    """Who works now: signed in with their PIN or password; the last person on this PC
    (remembered under ``key``) is chosen already. None when the sign-in is given up."""
    from desk.ui.sign_in_dialog import SignInDialog

    remembered = settings.value(key)
    current = next((m.id for m in staff if str(m.id) == str(remembered)), None)
    dialog = SignInDialog(staff, ops, store, with_secret=secrets, current=current, demo=demo)
    if not dialog.exec() or dialog.chosen() is None:
        return None
    settings.setValue(key, dialog.chosen())
    return next(m for m in staff if m.id == dialog.chosen())


def build_window(store, me, *, on_error, runner=None, backups_dir=None, info=None):
    import socket

    from desk import paths
    from desk.services.staff import studio
    from desk.ui.context import Context, Notifier
    from desk.ui.courier_host import CourierHost
    from desk.ui.main_window import MainWindow
    from desk.ui.runner import Runner

    if runner is None:
        from PySide6.QtWidgets import QApplication

        runner = Runner(on_error)
        QApplication.instance().aboutToQuit.connect(runner.wait)  # no job outlives the app
    ctx = Context(store=store, me=me, studio=info or studio.info(store), runner=runner,
                  notifier=Notifier(), drafts_dir=paths.data_dir() / "drafts")
    courier = CourierHost(store, ctx.ops, who=f"{socket.gethostname()} ({me.name})",
                          writes=ctx.can_write)
    ctx.wake_outbox = courier.wake
    return MainWindow(ctx, backups_dir or paths.backups_dir(), courier)


def _keep_daily_backups(window) -> None:
    """A backup a day into this PC's backups folder: of the studio's file, or, on the
    studio's server, a snapshot taken by the desk that holds the courier lease (one desk, so
    the studio gets one a day). Looked at now, when this desk takes the lease, and hourly."""
    from PySide6.QtCore import QTimer

    from desk import paths
    from desk.services.store import backup, copy

    store = window.ctx.store
    if store.read_only:
        return
    taking: list[bool] = []  # one at a time (taking the lease may ask twice in a row)

    def due() -> None:
        if taking or (store.on_server and not window.courier.held):
            return
        today = store.now().astimezone(window.ctx.studio.tz).date()
        source = store.path or (lambda out: copy.snapshot(store, out))
        taking.append(True)
        window.ctx.runner.start(lambda _p: backup.daily_backup(source, paths.backups_dir(),
                                                               today),
                                lambda _made: taking.clear(), failed,
                                write=not store.on_server)

    def failed(exc: BaseException) -> None:  # said in the status bar; tried again in an hour
        from desk.services.store import errors
        from desk.ui import messages

        taking.clear()
        if not isinstance(exc, errors.DeskError):
            window.ctx.runner.on_error(exc)
            return
        log.warning("the daily backup was not taken: %s", exc)
        window.statusBar().showMessage(messages.error_message(exc), 15000)

    window.courier.lease_changed.connect(due)
    hourly = QTimer(window)
    hourly.setInterval(3600 * 1000)
    hourly.timeout.connect(due)
    hourly.start()
    due()


def _settle(app) -> None:
    """Deliver the layout requests a shown dialog posts (each level of nested layouts posts the
    next), so the grab shows it laid out."""
    for _ in range(3):
        app.sendPostedEvents()


def _script_screens(app, window, out: Path, number: int) -> None:
    """The call scripts' editor, and an NPS call half way through with the open family."""
    from desk.models.enums import ScriptPurpose
    from desk.services.calls import scripts
    from desk.ui.script_call import ScriptCallDialog
    from desk.ui.scripts_dialog import ScriptsDialog

    editor = ScriptsDialog(window.ctx, window)
    editor.list.setCurrentRow(1)
    editor.step_list.setCurrentRow(3)
    editor.show()
    _settle(app)
    editor.grab().save(str(out / f"{number:02d}-call-scripts.png"))
    editor.dirty = False
    editor.close()
    family = window.families.card.current
    if family is None:
        return
    call = ScriptCallDialog(window.ctx, family.id,
                            scripts.for_purpose(window.ctx.store, ScriptPurpose.NPS), parent=window)
    call.show()
    call._on_choice(call.step.options[0])
    call._on_score(9)
    call.text_answer.setPlainText("Педагоги внимательные, ребёнок ждёт каждого занятия")
    call.go_next()
    _settle(app)
    call.grab().save(str(out / f"{number + 1:02d}-script-call.png"))
    call.answers.clear()
    call.done(0)


def _payments_screen(app, window, out: Path, number: int, demo: bool) -> None:
    """Pasted payment lines checked: a repeat (posted first, on the demo studio only), a large
    amount, a sign and an amount that reads two ways."""
    from desk.models.enums import PaymentMethod
    from desk.services.crm import families
    from desk.services.money import payments
    from desk.ui.wallet_views import PaymentsDialog

    rows = families.rows_for(window.ctx.store, list(range(1, 40)))
    named = [r for r in rows if r.children][:3]
    if len(named) < 3:
        return
    first, second, third = (r.children.split(",")[0].strip() for r in named)
    if demo:
        payments.post(window.ctx.store, window.ctx.actor,
                      payments.parse(window.ctx.store, f"2500 {first}"),
                      PaymentMethod.CARD_TRANSFER)
    dialog = PaymentsDialog(window.ctx, window)
    dialog.text.setPlainText(f"2 500 ₽ – {first}\n3 200,50 {second}\n150 000 {third}\n"
                             f"-300 {first}\n2,500.500 {second}\n1200 {third.split()[-1]}")
    dialog.check()
    dialog.show()
    _settle(app)
    dialog.grab().save(str(out / f"{number:02d}-payments.png"))
    dialog.close()


def screenshots(args: argparse.Namespace, db: Path | None) -> int:
    """Render every main screen offscreen to one PNG each (1280×800)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desk.services.staff import studio
    from desk.services.store import migrate
    from desk.ui import i18n
    from desk.ui.family_editor import FamilyEditor
    from desk.ui.settings import LANGUAGE, Settings
    from desk.ui.runner import SyncRunner

    app = _application()
    i18n.install(app, Settings().get(LANGUAGE))
    store = migrate.open_database(db, None) if db else _demo_store(300)
    out = args.dir
    out.mkdir(parents=True, exist_ok=True)
    staff = studio.staff(store)
    me = next((m for m in staff if m.role.value == "communicator"), staff[0])

    def fail(exc: BaseException) -> None:
        raise exc

    window = build_window(store, me, on_error=fail, runner=SyncRunner(fail),
                          backups_dir=Path(tempfile.mkdtemp()))
    window.resize(1280, 800)
    window.show()
    names = ["system", "communicator", "schedule", "families", "tasks", "feedback", "indices",
             "journal"]  # the tabs in their order
    assert len(names) == window.tabs.count()
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        if name == "families":
            window.families.search.setText("елкин")
            window.families.run_search()
            window.families.table.selectRow(0)
        _settle(app)  # let the offscreen window lay out before grabbing it
        window.grab().save(str(out / f"{index + 1:02d}-{name}.png"))
        if name in ("system", "communicator"):  # and each section of a workspace
            sections = getattr(window, name).sections
            for part in range(1, sections.count()):
                sections.setCurrentIndex(part)
                _settle(app)
                window.grab().save(str(out / f"{index + 1:02d}-{name}-{part}.png"))
            sections.setCurrentIndex(0)
    editor = FamilyEditor(window.ctx, parent=window)
    editor.guardian_boxes[0].phone.setText("12345")
    editor._on_accepted()
    editor.show()
    _settle(app)
    editor.grab().save(str(out / f"{len(names) + 1:02d}-family-editor.png"))
    editor.close()
    _script_screens(app, window, out, len(names) + 2)
    _payments_screen(app, window, out, len(names) + 4, demo=db is None)
    print(f"screenshots written to {out}")
    return 0
