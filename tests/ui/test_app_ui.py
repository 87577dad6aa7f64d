import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desk import app
from tests import schema
from desk.models.enums import Role
from desk.services.staff import studio
from desk.ui.audit_view import AuditView
from desk.ui.main_window import MainWindow
from desk.ui.runner import SyncRunner
from desk.ui.setup_dialog import SetupDialog


def fail(exc):
    raise exc


class Reporter:
    """The crash reporter of a test: a bug fails it."""

    handle = staticmethod(fail)


def sync_ops():
    from desk.ui.ops import Ops

    return Ops(SyncRunner(fail), lambda kinds: None, fail)


def server_dialog_answer(pg, name: str):
    """An ``exec`` for the server dialog: the test server's database ``name``, then Connect."""
    def on_the_server(dialog):
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(pg.server.port)
        dialog.database.setText(name)
        dialog.user.setText("desk")
        dialog.connect_button.click()
        return dialog.result()
    return on_the_server


def start_on(path, qtbot, runner=None):
    """desk.app's start on the file at ``path`` (or the server's URL), behind a painted shell;
    returns its state:
    "window" once the window is up, "exit" when it stopped instead."""
    import argparse

    from PySide6.QtCore import QSettings

    from desk import paths
    from desk.ui.shell import Shell

    shell = Shell()
    qtbot.addWidget(shell)
    shell.show()
    state = {}
    db = paths.database(str(path)) if path is not None else None  # None: as this PC chose
    start = app.Start(argparse.Namespace(demo=False, db=db), shell,
                      QSettings(), Reporter(),
                      runner=runner or SyncRunner(fail),
                      on_window=lambda w: (qtbot.addWidget(w), state.update(window=w)),
                      on_exit=lambda code: state.update(exit=code))
    state["start"] = start
    start.begin()
    return state



@pytest.fixture(autouse=True)
def sign_in_as_chosen(monkeypatch):
    """At the start, the sign-in goes through with the person chosen (the one remembered on
    this PC, or the first); the sign-in dialog's own tests drive its fields."""
    from desk.ui.sign_in_dialog import SignInDialog

    monkeypatch.setattr(SignInDialog, "exec", lambda d: True)


def test_setup_asks_name_timezone_and_both_desk_roles(qtbot, empty_store):
    dialog = SetupDialog(empty_store, sync_ops())
    qtbot.addWidget(dialog)
    assert dialog.timezone.currentText() == "Europe/Moscow"
    dialog._on_accepted()
    assert not dialog.name_error.isHidden()
    assert not dialog.staff_error.isHidden()
    dialog.name.setText("ДетиЛюбят")
    dialog.staff_rows[0][0].setText("Анна")
    dialog._on_accepted()
    assert not dialog.staff_error.isHidden()  # no Communicator named yet
    dialog.staff_rows[1][0].setText("Мария")
    dialog._on_accepted()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert {(m.name, m.role) for m in studio.staff(empty_store)} == {
        ("Анна", Role.SYSTEM), ("Мария", Role.COMMUNICATOR)}


def test_main_window_opens_on_the_workspace_of_who_works(qtbot, store, staff, tmp_path):
    def fail(exc):
        raise exc

    window = app.build_window(store, staff[Role.SYSTEM], on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == MainWindow.TAB_SYSTEM
    assert window.tabs.count() == 8
    window.find_family()
    assert window.tabs.currentIndex() == MainWindow.TAB_FAMILIES


def test_who_signed_in_last_is_chosen_already_at_the_next_start(qtbot, ctx, store, staff,
                                                                 monkeypatch):
    from PySide6.QtCore import QSettings

    from desk.ui.sign_in_dialog import SignInDialog

    def choose(dialog):
        dialog.list.setCurrentRow(1)
        return True

    monkeypatch.setattr(SignInDialog, "exec", choose)
    everyone, key = studio.staff(store), app.staff_key(str(store.engine.url))
    first = app.sign_in(everyone, key, QSettings(), ctx.ops, store)
    seen = []
    monkeypatch.setattr(SignInDialog, "exec", lambda d: seen.append(d.chosen()) or True)
    assert app.sign_in(everyone, key, QSettings(), ctx.ops, store) == first == staff[
        Role.COMMUNICATOR]
    assert seen == [first.id]  # asked again (a sign-in), the person chosen already


def test_audit_view_filters_by_person(qtbot, qtmodeltester, ctx, actor):
    from desk.services.crm import families

    fid = families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Анна"),)))
    families.add_note(ctx.store, ctx.actor, fid, "от Марии")
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.show()
    model = view.tree.model()
    assert model.rowCount() == 3  # setup, create, note
    qtmodeltester.check(model)
    view.person.setCurrentIndex(view.person.findData(ctx.me.id))
    assert model.rowCount() == 1
    assert model.index(0, 3).data() == "Анна"  # the family
    assert model.index(0, 4).data() == "note: от Марии"
    view.area.setCurrentIndex(view.area.findData("studio"))
    assert model.rowCount() == 0


def test_the_journal_comes_newest_first_and_sorts_by_the_moment_not_the_text(
        qtbot, ctx, actor, clock):
    from desk.services.crm import audit, families

    noon = clock.now  # 04.03.2026: the studio was set up then
    for days_ago, name in ((10, "Февральская"), (1, "Вчерашняя")):  # 22.02 and 03.03
        clock.now = noon - dt.timedelta(days=days_ago)
        families.save(ctx.store, actor, families.FamilyDraft(
            guardians=(families.GuardianDraft(name),)))
    clock.now = noon
    families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Сегодняшняя"),)))
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.show()
    model, header = view.tree.model(), view.tree.header()

    def column(c):
        return [model.index(r, c).data() for r in range(model.rowCount())]

    service = audit.entries(ctx.store, since=noon - dt.timedelta(days=30),
                            until=noon + dt.timedelta(days=1))
    assert [model.row_at(r).id for r in range(model.rowCount())] == [r.id for r in service]
    assert column(3)[-2:] == ["Вчерашняя", "Февральская"]  # newest first, as the service
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # a click on "When"
    moments = [model.row_at(r).at for r in range(model.rowCount())]
    assert moments == sorted(moments) and column(3)[:2] == ["Февральская", "Вчерашняя"]
    assert column(0) != sorted(column(0))  # "22.02.2026" sorts after "04.03.2026" as text
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [r.id for r in service]


def test_shortcut_keys_switch_tabs(qtbot, store, staff, tmp_path):
    def fail(exc):
        raise exc

    window = app.build_window(store, staff[Role.COMMUNICATOR], on_error=fail,
                              runner=SyncRunner(fail), backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == MainWindow.TAB_TASKS


@pytest.mark.sqlite_only  # on the server both desks write (test_two_desks_on_the_server…)
def test_second_instance_offers_read_only(qtbot, store, staff, where, monkeypatch):
    from PySide6.QtCore import QSettings

    from desk.services.store import errors, lock
    from desk.ui import lock_dialog

    lock.acquire(store, staff[Role.SYSTEM].actor(), pid=1)
    QSettings().setValue(app.staff_key(str(store.engine.url)), staff[Role.COMMUNICATOR].id)
    seen = []

    def answer(holder, tz):
        seen.append(holder)
        return lock_dialog.READ_ONLY

    monkeypatch.setattr(lock_dialog.LockDialog, "ask", staticmethod(answer))
    window = start_on(where, qtbot)["window"]
    ro = window.ctx.store
    assert ro.read_only and window.ctx.me == staff[Role.COMMUNICATOR]
    assert seen[0].staff == "Анна Соколова"
    with __import__("pytest").raises(errors.ReadOnlyStore):
        with ro.write(staff[Role.COMMUNICATOR].actor()):
            pass
    assert lock.holder(store).staff == "Анна Соколова"  # the lock stays where it was


def broken_file(path):
    """A studio kept by the Desk before the schema's rules (revision 0017), with a lesson
    direction of capacity 0, which 0018 refuses."""
    import sqlite3

    from desk.services.store import migrate
    from desk.services.store.db import Store, make_engine, url_for_path

    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None)
    store = Store(engine)
    members = studio.setup(store, "Мастерская", "Europe/Moscow", [
        studio.StaffDraft("Анна", Role.SYSTEM), studio.StaffDraft("Мария", Role.COMMUNICATOR)])
    store.dispose()
    schema.downgrade_to(make_engine(url_for_path(path)), "0017")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE direction SET capacity = 0 WHERE id = (SELECT min(id) FROM direction)")
    db.close()
    return members


@pytest.mark.sqlite_only
def test_a_file_whose_rows_break_the_rules_opens_read_only_with_the_list(
        qtbot, tmp_path, monkeypatch):
    import hashlib

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desk.services.store.db import url_for_path

    path = tmp_path / "old.db"
    members = broken_file(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    key = app.staff_key(url_for_path(path))  # the file's, though a copy is shown
    shown = []

    def look(box):
        shown.append(box.informativeText())
        accept = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        accept.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    QSettings().setValue(key, members[0].id)
    state = start_on(path, qtbot)
    assert "ck_direction_capacity_positive" in shown[0]  # the list, row by row
    window = state["window"]
    assert window.ctx.store.read_only and window.ctx.store.path != path
    assert window.ctx.me.name == "Анна"
    assert not window.system.attendance.attended.isVisible()  # nothing offered that writes
    assert "rules" in window.statusBar().currentMessage()
    from desk.services.comms import inbox
    from desk.services.schedule import lessons
    assert "Керамика" in [d.name for d in lessons.directions(window.ctx.store)]  # newer columns
    assert inbox.queue(window.ctx.store) == []  # (messages have a newer column too)
    window.close()
    window.ctx.store.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.sqlite_only
def test_quitting_at_the_list_of_broken_rows_opens_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "old.db"
    broken_file(path)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # closed: no button clicked
    state = start_on(path, qtbot)
    assert state.get("exit") == 0 and "window" not in state


def test_a_read_only_desk_offers_no_action_that_would_write(qtbot, store, staff, tmp_path):
    from desk.services.crm import families
    from desk.services.store.db import Store

    fid = families.save(store, staff[Role.SYSTEM].actor(), families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    ro = Store(store.engine, read_only=True, clock=store.clock)

    def fail(exc):
        raise exc

    window = app.build_window(ro, staff[Role.COMMUNICATOR], on_error=fail,
                              runner=SyncRunner(fail), backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.TAB_FAMILIES)
    window.families.open_family(fid)
    card = window.families.card
    hidden = [card.edit_button, card.task_button, card.note, window.families.new_button,
              window.communicator.inbox.send_button, window.communicator.payments_button,
              window.system.attendance.attended, window.tasks.list.new_button]
    assert not [w for w in hidden if w.isVisible()]
    assert window.families.search.isVisible()  # reading goes on


def test_lock_dialog_names_the_holder_and_offers_three_ways(qtbot, store, staff):
    from desk.services.store import lock
    from desk.ui.lock_dialog import LockDialog

    lock.acquire(store, staff[Role.SYSTEM].actor(), pid=1)
    dialog = LockDialog(lock.holder(store), studio.info(store).tz)
    qtbot.addWidget(dialog)
    assert "Анна Соколова" in dialog.text() and lock.this_host() in dialog.text()
    assert len(dialog.buttons()) == 3


def test_first_start_on_an_empty_database_sets_up_asks_who_and_opens(qtbot, empty_where,
                                                                     monkeypatch):
    """The real start, with the real threaded runner: the file is opened and set up on
    workers while the UI thread only shows the dialogs."""
    import threading

    from PySide6.QtWidgets import QDialog

    from desk.services.store import migrate
    from desk.ui.runner import Runner
    from desk.ui.setup_dialog import SetupDialog
    from desk.ui.sign_in_dialog import SignInDialog

    def fill_setup(dialog):
        dialog.name.setText("Мастерская")
        dialog.staff_rows[0][0].setText("Анна")
        dialog.staff_rows[1][0].setText("Мария")
        dialog._on_accepted()
        assert not dialog.isEnabled()  # saving on the writer: the form waits
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
        return dialog.result()

    def pick_second(dialog):
        dialog.list.setCurrentRow(1)
        return True

    opened_on = []
    for name in ("open_database", "open_server"):
        monkeypatch.setattr(migrate, name, lambda *a, real=getattr(migrate, name), **k: (
            opened_on.append(threading.current_thread()), real(*a, **k))[1])
    monkeypatch.setattr(SetupDialog, "exec", fill_setup)
    monkeypatch.setattr(SignInDialog, "exec", pick_second)
    runner = Runner(fail)
    state = start_on(empty_where, qtbot, runner=runner)
    assert "window" not in state  # the UI thread went on while the file opened
    qtbot.waitUntil(lambda: "window" in state or "exit" in state, timeout=20000)
    window = state["window"]
    assert opened_on and opened_on[0] is not threading.main_thread()
    shell = state["start"].shell
    assert window.isVisible() and not shell.isVisible()
    assert window.ctx.me.name == "Мария"
    assert window.tabs.currentIndex() == MainWindow.TAB_COMMUNICATOR
    assert "Мастерская" in window.windowTitle()
    qtbot.waitUntil(lambda: window.courier.courier is not None)  # once Today had its rows
    window.courier.stop()
    runner.wait()


def test_language_is_switchable_in_settings(qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    english = next(a for a in window.findChildren(type(window.backup_action)) if a.text() == "English")
    english.trigger()
    assert QSettings().value("language") == "en" and told
    russian = next(a for a in window.findChildren(type(window.backup_action)) if a.text() == "Русский")
    russian.trigger()
    assert QSettings().value("language") == "ru"


@pytest.mark.sqlite_only
def test_restore_from_the_file_menu_after_confirmation(qtbot, ctx, actor, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from desk.services.crm import families
    from desk.services.store import backup

    backups = tmp_path / "backups"
    families.save(ctx.store, actor, families.FamilyDraft(guardians=(families.GuardianDraft("Первая"),)))
    backup.make_backup(ctx.store.path, backups / "desk-2026-03-03.db")
    families.save(ctx.store, actor, families.FamilyDraft(guardians=(families.GuardianDraft("Вторая"),)))
    window = MainWindow(ctx, backups)
    qtbot.addWidget(window)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    window.restore_action.trigger()
    assert len(families.find(ctx.store, "")) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    assert [r.parents for r in families.find(ctx.store, "")] == ["Первая"]
    assert list(backups.glob("before-restore-*.db"))


def test_window_size_splitters_and_columns_are_kept_per_person(qtbot, ctx, staff, tmp_path):
    """What one person arranged comes back for them; a colleague on the same PC starts from
    the defaults (keys carry the person and the Qt version)."""
    from desk.models.enums import Role
    from desk.ui.context import Context, Notifier
    from desk.ui.main_window import MainWindow
    from desk.ui.runner import SyncRunner

    def open_as(member):
        def fail(exc):
            raise exc

        c = Context(store=ctx.store, me=member, studio=ctx.studio, runner=SyncRunner(fail),
                    notifier=Notifier(), settings=ctx.settings)
        window = MainWindow(c, tmp_path)
        qtbot.addWidget(window)
        window.show()
        return window

    window = open_as(staff[Role.COMMUNICATOR])
    header = window.system.attendance.roster.header()
    default_width = header.sectionSize(1)
    window.resize(window.width(), 555)  # the offscreen screen is 800 wide: heights tell
    header.resizeSection(1, default_width + 77)
    window.close()

    again = open_as(staff[Role.COMMUNICATOR])
    assert again.size().height() == 555
    assert again.system.attendance.roster.header().sectionSize(1) == default_width + 77
    again.close()
    colleague = open_as(staff[Role.SYSTEM])
    assert colleague.system.attendance.roster.header().sectionSize(1) == default_width
    assert colleague.size().height() != 555


def test_only_the_home_tab_is_built_at_start_and_a_tab_built_later_is_wired(
        qtbot, store, staff, tmp_path):
    window = app.build_window(store, staff[Role.SYSTEM], on_error=fail, runner=SyncRunner(fail),
                              backups_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    built = [i for i, page in enumerate(window.pages) if page.view is not None]
    assert built == [MainWindow.TAB_SYSTEM]
    window.tabs.setCurrentIndex(MainWindow.TAB_TASKS)
    assert window.pages[MainWindow.TAB_TASKS].view is not None
    assert window.tasks.isVisible()
    window.tasks.family_requested.emit(0)  # wired as if built at start: the family tab opens
    assert window.tabs.currentIndex() == MainWindow.TAB_FAMILIES


def test_back_up_now_writes_a_studio_file_from_a_file_or_the_server(qtbot, ctx, actor, tmp_path,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desk.services.crm import families
    from desk.services.store import migrate
    from desk.services.upkeep import check

    families.save(ctx.store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера", phone="+7 912 345-67-89"),)))
    window = MainWindow(ctx, tmp_path / "backups")
    qtbot.addWidget(window)
    out = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.backup_action.trigger()
    assert window.statusBar().currentMessage().endswith(str(out))
    assert not [f for f in check.run(out) if f.fault]
    copy = migrate.open_database(out, None, read_only=True)
    assert [r.parents for r in families.find(copy, "елкина")] == ["Ёлкина Вера"]
    copy.dispose()
    # restoring replaces a file with its own backups: a server has none of those
    assert window.restore_action.isVisible() == (ctx.store.path is not None)


def test_the_server_dialog_names_what_is_wrong_beside_the_field_and_keeps_the_password(
        qtbot, pg, memory_keyring):
    from desk.ui.server_dialog import ServerDialog

    name = f"ui_{next(pg.numbers)}"
    with pg.admin.connect() as conn:
        conn.exec_driver_sql("DROP ROLE IF EXISTS ui_clerk")
        conn.exec_driver_sql("CREATE ROLE ui_clerk LOGIN PASSWORD 'верный-пароль'")
        conn.exec_driver_sql(f"CREATE DATABASE {name} OWNER ui_clerk")
    try:
        dialog = ServerDialog(sync_ops())
        qtbot.addWidget(dialog)
        dialog.host.setText("")
        dialog.connect_button.click()
        assert dialog.errors["host"].text() == "Enter the server computer's name or address."
        assert dialog.result() != dialog.DialogCode.Accepted
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(pg.server.port)
        dialog.database.setText(name)
        dialog.user.setText("ui_clerk")
        dialog.password.setText("не-тот")
        dialog.test_button.click()
        assert "ui_clerk" in dialog.errors["password"].text()
        assert dialog.errors["host"].isHidden() and dialog.isEnabled()
        dialog.password.setText("верный-пароль")
        dialog.test_button.click()
        assert dialog.errors["password"].isHidden()
        assert dialog.status.text().startswith("Connected: PostgreSQL 1")
        dialog.connect_button.click()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert dialog.url == f"postgresql+psycopg://ui_clerk@127.0.0.1:{pg.server.port}/{name}"
        assert memory_keyring.secrets == {
            ("desk", f"postgresql:ui_clerk@127.0.0.1:{pg.server.port}/{name}"): "верный-пароль"}
    finally:
        pg.drop(name)
        with pg.admin.connect() as conn:
            conn.exec_driver_sql("DROP ROLE IF EXISTS ui_clerk")


def test_a_first_start_can_choose_the_studios_server_and_the_next_start_goes_there(
        qtbot, pg, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog

    from desk.services.store import migrate
    from desk.ui import lock_dialog
    from desk.ui.server_dialog import ServerDialog
    from desk.ui.settings import DATABASE, Settings
    from desk.ui.sign_in_dialog import SignInDialog

    name = f"ui_{next(pg.numbers)}"
    pg.create(name)
    url = pg.server.url(name)
    asked = []

    on_the_server = server_dialog_answer(pg, name)

    def setup(dialog):
        asked.append(dialog.store.engine.url.get_backend_name())
        if len(asked) == 1:  # on this PC's file: the studio is on the server instead
            dialog.server_button.click()
            return dialog.result()
        dialog.name.setText("Мастерская")
        dialog.staff_rows[0][0].setText("Анна")
        dialog.staff_rows[1][0].setText("Мария")
        dialog._on_accepted()
        return dialog.result()

    monkeypatch.setattr(ServerDialog, "exec", on_the_server)
    monkeypatch.setattr(SetupDialog, "exec", setup)
    monkeypatch.setattr(SignInDialog, "exec", lambda d: (d.list.setCurrentRow(0), True)[1])
    windows = []
    try:
        window = start_on(tmp_path / "this-pc.db", qtbot)["window"]
        windows.append(window)
        assert asked == ["sqlite", "postgresql"]
        assert window.ctx.store.engine.url.get_backend_name() == "postgresql"
        assert window.ctx.studio.name == "Мастерская" and "Мастерская" in window.windowTitle()
        assert Settings(QSettings()).get(DATABASE) == url
        window.close()

        # the next start on this PC: the server at once, the studio as it was left
        monkeypatch.setattr(SetupDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
        monkeypatch.setattr(lock_dialog.LockDialog, "ask", staticmethod(
            lambda holder, tz: (_ for _ in ()).throw(AssertionError("no lock on a server"))))
        again = start_on(None, qtbot)["window"]  # the first desk is still connected
        assert not again.ctx.store.read_only
        windows.append(again)
        assert again.ctx.store.engine.url.database == name
        assert again.ctx.me.name == "Анна"
        store = migrate.open_server(url, None)
        assert studio.info(store).name == "Мастерская"
        store.dispose()
    finally:
        for w in windows:  # their courier and listener end before the database goes
            w.courier.stop()
            w.stop_watching()
            w.ctx.store.dispose()
        pg.drop(name)


def test_a_start_while_the_server_is_away_offers_to_try_again_or_correct_it(
        qtbot, pg, monkeypatch):
    """The chosen server cannot be reached: "Try again", "Connection settings…" (here: its
    port was wrong) or "Quit", never a crash and never a silent exit."""
    import socket

    from PySide6.QtCore import QSettings

    from desk.ui.server_dialog import ServerDialog
    from desk.ui.settings import DATABASE, Settings

    name = f"ui_{next(pg.numbers)}"
    pg.create(name)
    with socket.socket() as s:  # a port nobody listens on: the server PC is off
        s.bind(("127.0.0.1", 0))
        away = f"postgresql+psycopg://desk@127.0.0.1:{s.getsockname()[1]}/{name}"
    Settings(QSettings()).set(DATABASE, away)  # as this PC chose it
    asked, shown = [], []

    def answer(parent, text, *, settings=False):
        asked.append((text, settings))
        return app.AGAIN if len(asked) == 1 else app.SETTINGS  # still away: correct it

    def correct(dialog):
        shown.append((dialog.host.text(), dialog.port.value(), dialog.database.text(),
                      dialog.user.text()))
        dialog.port.setValue(pg.server.port)
        dialog.connect_button.click()
        return dialog.result()

    monkeypatch.setattr(app, "try_again", answer)
    monkeypatch.setattr(ServerDialog, "exec", correct)
    monkeypatch.setattr(SetupDialog, "exec", lambda d: 0)  # an empty studio: not set up here
    try:
        state = start_on(None, qtbot)
        assert len(asked) == 2 and "Cannot reach the studio's server" in asked[0][0]
        assert asked[0][1] is True
        assert shown == [("127.0.0.1", int(away.split(":")[-1].split("/")[0]), name, "desk")]
        assert state == {"start": state["start"], "exit": 0}  # opened, then set-up declined
        assert Settings(QSettings()).get(DATABASE) == pg.server.url(name)
        monkeypatch.setattr(app, "try_again", lambda parent, text, settings=False: app.QUIT)
        quit_state = start_on(away, qtbot)
        assert quit_state["exit"] == 1 and "window" not in quit_state
    finally:
        pg.drop(name)


def test_an_older_desk_opens_the_server_read_only_and_an_upgrade_waits_for_the_others(
        qtbot, pg, monkeypatch):
    """A database a newer Desk upgraded: this one opens it read-only and says "update Desk".
    One this Desk must upgrade: it waits, naming who is connected, until they quit."""
    import psycopg
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import text

    from desk.services.store import desks, migrate
    from desk.services.store.db import make_engine
    from desk.ui.sign_in_dialog import SignInDialog

    monkeypatch.setattr(SignInDialog, "exec", lambda d: (d.list.setCurrentRow(0), True)[1])
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text_: warned.append(text_))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text_: pytest.fail(text_))
    name, url = pg.copy("desk_studio")
    engine = make_engine(url)
    windows = []
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'f00000000099'"))
        window = start_on(url, qtbot)["window"]
        assert window.ctx.store.read_only and "newer Desk" in warned[0]
        assert "update Desk" in window.statusBar().currentMessage()
        window.close()
        window.courier.stop()
        window.ctx.store.dispose()  # this Desk quit

        with engine.begin() as conn:  # as an older Desk left it, with a colleague still in it
            conn.execute(text("UPDATE alembic_version SET version_num = :v"),
                         {"v": migrate.head_revision()})
        schema.downgrade_one(engine)
        schema.wait_alone(url)
        colleague = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"),
                                    application_name=desks.application_name("office-2 (Ольга)",
                                                                            False))
        asked = []

        def answer(parent, words, settings=False):
            asked.append(words)
            assert len(asked) == 1, words  # after she quit, nothing else is connected
            schema.close_and_wait(colleague, url)  # she quits Desk; then "Try again"
            return app.AGAIN

        monkeypatch.setattr(app, "try_again", answer)
        window = start_on(url, qtbot)["window"]
        windows.append(window)
        assert len(asked) == 1 and "office-2 (Ольга)" in asked[0]
        assert not window.ctx.store.read_only
        assert migrate.current_revision(window.ctx.store.engine) == migrate.head_revision()
    finally:
        for w in windows:
            w.courier.stop()
            w.stop_watching()
            w.ctx.store.dispose()
        engine.dispose()
        pg.drop(name)



def test_a_one_pc_studio_moves_to_the_server_from_the_file_menu_and_the_desk_goes_there(
        qtbot, pg, where, store, actor, monkeypatch):
    """File → Move the studio to a server: the server's details, a copy with progress, the
    counts said, then this desk works on the server (and will at its next start)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desk.services.crm import families
    from desk.ui.server_dialog import ServerDialog
    from desk.ui.settings import DATABASE, Settings
    from desk.ui.sign_in_dialog import SignInDialog

    if store.on_server:
        pytest.skip("a one-PC studio is a file")
    fid = families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    store.dispose()
    name = f"moved_{next(pg.numbers)}"
    pg.create(name)
    told = []

    on_the_server = server_dialog_answer(pg, name)

    monkeypatch.setattr(SignInDialog, "exec", lambda d: (d.list.setCurrentRow(0), True)[1])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(ServerDialog, "exec", on_the_server)
    windows = []
    try:
        state = start_on(where, qtbot)
        first = state["window"]
        assert first.move_action.isVisible() and first.move_action.isEnabled()
        first.move_action.trigger()
        second = state["window"]
        windows.append(second)
        assert second is not first and not first.isVisible()
        assert second.ctx.store.on_server and second.ctx.store.engine.url.database == name
        assert "families" in told[0] and "stays as it was" in told[0]
        assert families.card(second.ctx.store, fid).draft.guardians[0].name == "Ёлкина Вера"
        assert Settings(QSettings()).get(DATABASE) == pg.server.url(name)
        assert not second.move_action.isVisible()  # a studio on the server has no file to move
    finally:
        for w in windows:
            w.courier.stop()
            w.stop_watching()
            w.ctx.store.dispose()
        pg.drop(name)


def test_on_the_server_the_courier_desk_takes_the_daily_backup_as_a_studio_file(
        qtbot, pg, monkeypatch):
    from desk import paths
    from desk.services.crm import families
    from desk.services.store import migrate
    from desk.ui.sign_in_dialog import SignInDialog

    monkeypatch.setattr(SignInDialog, "exec", lambda d: (d.list.setCurrentRow(0), True)[1])
    name, url = pg.copy("desk_studio")
    window = None
    try:
        window = start_on(url, qtbot)["window"]
        qtbot.waitUntil(lambda: window.courier.held, timeout=10000)
        qtbot.waitUntil(lambda: bool(list(paths.backups_dir().glob("desk-*.db"))), timeout=10000)
        [daily] = paths.backups_dir().glob("desk-*.db")
        copy = migrate.open_database(daily, None, read_only=True)
        try:  # the same studio, on its own as a file
            assert [s.name for s in families.find(copy, "")] == \
                [s.name for s in families.find(window.ctx.store, "")]
        finally:
            copy.dispose()
    finally:
        if window is not None:
            window.courier.stop()
            window.stop_watching()
            window.ctx.store.dispose()
        pg.drop(name)
