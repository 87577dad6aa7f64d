"""The composition root: settings, store, migrations, services, translator, main window —
in that order. Nothing is built at import time."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


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
    """Paint the window's frame first, then open the database and fill it (issue #2's start
    targets: the frame as fast as a bare Qt window, Today filled within 3×)."""
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

    def finish() -> None:
        from desk import paths
        from desk.ui import crash

        reporter = crash.CrashReporter(crash.setup_logging(paths.logs_dir()))
        reporter.install()
        code = _open_and_fill(args, shell, settings, reporter, state)
        if code is not None:
            app.exit(code)

    QTimer.singleShot(0, finish)
    return app.exec()


def _open_and_fill(args, shell, settings, reporter, state) -> int | None:
    """Open the store, run first-start setup, ask who works, take the lock and replace the shell
    with the main window. Returns an exit code to stop, or None when the window is up."""
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from desk import paths
    from desk.services.staff import studio
    from desk.services.store import errors, migrate
    from desk.ui import messages
    from desk.ui.setup_dialog import SetupDialog

    try:
        if args.demo:
            store = _demo_store()
        else:
            path = args.db or paths.default_db()
            warning = paths.shared_location_warning(path)
            if warning:
                QMessageBox.warning(shell, "Desk", QApplication.translate(
                    "App", "The database is in a network or synced folder ({path}). SQLite must "
                    "not be shared between computers this way: keep the file on this PC.")
                    .format(path=path))
            store = migrate.open_database(path, paths.backups_dir())
    except errors.DeskError as exc:
        where = exc.params.get("path")
        QMessageBox.critical(shell, "Desk", messages.error_message(exc)
                             + (f"\n\n{where}" if where else ""))
        return 1
    if not studio.is_set_up(store):
        if SetupDialog(store, shell).exec() != QDialog.DialogCode.Accepted:
            return 0
    me = choose_staff(store, settings)
    if me is None:
        return 0
    store, token = take_lock(store, me)
    if store is None:
        return 0
    if token is not None:
        QApplication.instance().aboutToQuit.connect(lambda: _release(store, me, token))
    window = build_window(store, me, on_error=reporter.handle)
    window.courier.start()  # receiving and sending; messages left from last time go now
    QApplication.instance().aboutToQuit.connect(window.courier.stop)
    state["window"] = window
    shell.hand_over(window)
    if store.path is not None and not args.demo:
        _daily_backup(window, store.path)
    return None


def take_lock(store, me):
    """Returns (store, token): the store read-only (token None) when the user chose so,
    (None, None) to quit."""
    from desk.services.staff import studio
    from desk.services.store import errors, lock
    from desk.services.store.db import Store
    from desk.ui.lock_dialog import OPEN_ANYWAY, READ_ONLY, LockDialog

    if store.read_only:
        return store, None
    try:
        return store, lock.acquire(store, me.actor())
    except errors.DatabaseLocked as exc:
        choice = LockDialog.ask(exc.params["holder"], studio.info(store).tz)
    if choice == READ_ONLY:
        return Store(store.engine, read_only=True, clock=store.clock), None
    if choice == OPEN_ANYWAY:
        return store, lock.acquire(store, me.actor(), force=True)
    return None, None


def _release(store, me, token) -> None:
    from desk.services.store import lock

    lock.release(store, me.actor(), token)


def staff_key(store) -> str:
    """The QSettings key remembering who works on this PC with this database."""
    import hashlib

    return "staff/" + hashlib.sha1(str(store.engine.url).encode()).hexdigest()[:12]


def choose_staff(store, settings):
    from desk.services.staff import studio
    from desk.ui.who_dialog import WhoDialog

    staff = studio.staff(store)
    key = staff_key(store)
    remembered = settings.value(key)
    for member in staff:
        if str(member.id) == str(remembered):
            return member
    dialog = WhoDialog(staff)
    if not dialog.exec() or dialog.chosen() is None:
        return None
    settings.setValue(key, dialog.chosen())
    return next(m for m in staff if m.id == dialog.chosen())


def build_window(store, me, *, on_error, runner=None, backups_dir=None):
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
    ctx = Context(store=store, me=me, studio=studio.info(store), runner=runner,
                  notifier=Notifier(), drafts_dir=paths.data_dir() / "drafts")
    courier = CourierHost(store, ctx.ops)
    ctx.wake_outbox = courier.wake
    return MainWindow(ctx, backups_dir or paths.backups_dir(), courier)


def _daily_backup(window, source: Path) -> None:
    from desk import paths
    from desk.services.store import backup

    today = window.ctx.store.now().astimezone(window.ctx.studio.tz).date()
    window.ctx.runner.start(lambda _p: backup.daily_backup(source, paths.backups_dir(), today),
                            write=True)


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
    names = ["system", "communicator", "schedule", "families", "tasks", "journal"]
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
