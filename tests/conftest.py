"""Offscreen Qt, a real database per test (a SQLite file, and a PostgreSQL database when
``--database`` asks for it: the default runs the store's tests on both), an in-memory keyring,
a movable clock."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import logging
import os
import shutil

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import pytest  # noqa: E402

from desk.models.enums import Role
from desk.services.staff import studio
from desk.services.store import migrate
from desk.services.store.db import SYSTEM_ACTOR  # noqa: E402

# 12:00 in Moscow on a Wednesday.
NOON = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.timezone.utc)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def pytest_addoption(parser):
    parser.addoption(
        "--database", choices=("sqlite", "postgresql", "all"),
        default=os.environ.get("DESK_TEST_DATABASE", "all"),
        help="the engines the store's tests run on (default: all; PostgreSQL is skipped, "
             "saying why, where no server can be started)")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file itself "
                                       "(its bytes, lock, pragmas), not the data")
    config.addinivalue_line("markers", "telegram_pace: the test keeps Telegram's real pace")
    config.addinivalue_line("markers", "postgresql_only: the test is about desks sharing the "
                                       "studio's server")


def pytest_generate_tests(metafunc):
    """Every test that uses a store runs once per engine asked for."""
    if "backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("database")
        names = ["sqlite", "postgresql"] if chosen == "all" else [chosen]
        if metafunc.definition.get_closest_marker("sqlite_only"):
            names = [n for n in names if n == "sqlite"]
        if metafunc.definition.get_closest_marker("postgresql_only"):
            names = [n for n in names if n == "postgresql"]
        metafunc.parametrize("backend", names)


@pytest.fixture(autouse=True)
def fail_on_logged_warnings(request):
    """An unexpected WARNING or ERROR in Python's logging fails the test (qutebrowser's
    logfail): a test that expects one says so with ``@pytest.mark.logs_warnings``."""
    handler = _Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)
    if request.node.get_closest_marker("logs_warnings") is None and handler.records:
        lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in handler.records]
        pytest.fail("unexpected log messages:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def fewer_full_garbage_collections():
    """A run spent ~12 s in the cycle collector, mostly in its full passes over every object
    the imports made (SQLAlchemy, Qt, hypothesis), which live as long as the run. Those are set
    aside once (frozen) and the young passes come less often; every object a test makes is
    still collected as before, a little later. Left so at the end: the process ends, and
    pytest's own last collections come then (putting the threshold back first would only add
    one more full pass, ~1 s)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    assert keyring.get_keyring() is backend, "a test swapped in another keyring backend"
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def telegram_pace(request, monkeypatch):
    """Answers to one chat go without the second's pause Telegram wants between them, except
    in the tests of that pace (marked ``telegram_pace``): a test's chat waits for no one."""
    if request.node.get_closest_marker("telegram_pace") is None:
        from desk.services.comms.channels.telegram import Pace

        monkeypatch.setattr(Pace, "PER_CHAT_S", 0.0)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("DESK_DATA_DIR", str(folder))
    monkeypatch.delenv("DESK_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def qt_settings_in_tmp(tmp_path):
    """Each test starts with no settings: nothing one test arranged reaches another."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("DeskTests")
    QCoreApplication.setApplicationName("DeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += dt.timedelta(**kw)


@pytest.fixture
def clock():
    return Clock(NOON)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.db"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """One file migrated to the head revision per run; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "desk.db"
    migrate.open_database(path, None).dispose()  # the last close folds the WAL into the file
    return path


def set_up_studio(store) -> None:
    studio.setup(store, "ДетиЛюбят", "Europe/Moscow", [
        studio.StaffDraft("Анна Соколова", Role.SYSTEM),
        studio.StaffDraft("Мария Лебедева", Role.COMMUNICATOR),
    ])


@pytest.fixture(scope="session")
def studio_template(tmp_path_factory, migrated_template):
    """The migrated template with the studio set up, once per run at the tests' clock (NOON):
    the same rows the ``store`` fixture made in each test, which now gets a copy of them."""
    path = tmp_path_factory.mktemp("studio") / "desk.db"
    shutil.copyfile(migrated_template, path)
    store = migrate.open_database(path, None, clock=Clock(NOON))
    set_up_studio(store)
    store.dispose()  # the last close folds the WAL into the file
    assert sorted(p.name for p in path.parent.iterdir()) == ["desk.db"]
    return path


def _open_copy(template, db_path, tmp_path, clock):
    assert not db_path.exists(), "store and empty_store are one file each: a test takes one"
    shutil.copyfile(template, db_path)
    return migrate.open_database(db_path, tmp_path / "backups", clock=clock)


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL server per run (tests/servers/postgres.py)."""
    from tests.servers.postgres import Server, Unavailable

    try:
        server = Server.find()
        server.start()
    except Unavailable as exc:
        pytest.skip(f"the PostgreSQL run is skipped: {exc}")
    yield server
    server.stop()


class PgDatabases:
    """Databases on the test server: the templates once per run, a copy per test."""

    def __init__(self, server) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        self.server = server
        self.admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT",
                                   poolclass=NullPool)
        self.numbers = itertools.count(1)

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}" + (
                f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""))
        return self.server.url(name)

    def copy(self, template: str) -> tuple[str, str]:
        name = f"test_{next(self.numbers)}"
        return name, self.create(name, template)

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg(postgres):
    """The migrated template ``desk_empty`` and ``desk_studio`` with the studio set up."""
    from desk.services.store.db import Store, make_engine

    databases = PgDatabases(postgres)
    engine = make_engine(databases.create("desk_empty"))
    migrate.upgrade(engine, None)
    engine.dispose()
    store = Store(make_engine(databases.create("desk_studio", "desk_empty")),
                  clock=Clock(NOON))
    set_up_studio(store)
    store.dispose()
    return databases


def _pg_store(request, template: str, clock):
    from desk.services.store.db import Store, make_engine

    databases = request.getfixturevalue("pg")
    name, url = databases.copy(template)
    store = Store(make_engine(url), clock=clock)
    request.addfinalizer(lambda: (store.dispose(), databases.drop(name)))
    return store


def _store_of(request, backend, pg_template: str, file_template, db_path, tmp_path, clock):
    """A copy of the run's template on the test's engine, disposed (and dropped) after."""
    if backend == "postgresql":
        return _pg_store(request, pg_template, clock)
    store = _open_copy(file_template, db_path, tmp_path, clock)
    request.addfinalizer(store.dispose)
    return store


@pytest.fixture
def empty_store(request, backend, db_path, tmp_path, clock, migrated_template):
    return _store_of(request, backend, "desk_empty", migrated_template, db_path, tmp_path, clock)


@pytest.fixture
def store(request, backend, db_path, tmp_path, clock, studio_template):
    """A migrated database with the studio "ДетиЛюбят" set up (Europe/Moscow; a System
    person and a Communicator), as ``set_up_studio`` leaves it: a SQLite file, or a database
    on the test server (``backend``)."""
    return _store_of(request, backend, "desk_studio", studio_template, db_path, tmp_path, clock)


@pytest.fixture
def russian(qapp):
    """The app in Russian for one test (the next one starts in English again)."""
    from desk.ui import i18n

    installed = i18n.install(qapp, "ru")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    i18n.install(qapp, "en")


@pytest.fixture
def where(store, db_path):
    """What ``--db`` takes for the test's store: the file's path, or the server's URL."""
    if store.path is not None:
        return str(db_path)
    return store.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def empty_where(request, backend, tmp_path):
    """Where a new studio would be: a file not made yet, or an empty database on the server
    (its URL), as a person gives them to ``desk --db``."""
    if backend == "sqlite":
        return tmp_path / "new.db"
    databases = request.getfixturevalue("pg")
    name = f"empty_{next(databases.numbers)}"
    url = databases.create(name)
    request.addfinalizer(lambda: databases.drop(name))
    return url


@pytest.fixture
def staff(store):
    return {m.role: m for m in studio.staff(store)}


@pytest.fixture
def actor(staff):
    return staff[Role.SYSTEM].actor()


@pytest.fixture
def ctx(store, staff, qapp):
    from desk.ui.context import Context, Notifier
    from desk.ui.runner import SyncRunner

    def fail(exc):
        raise exc

    return Context(store=store, me=staff[Role.COMMUNICATOR], studio=studio.info(store),
                   runner=SyncRunner(fail), notifier=Notifier())


@pytest.fixture
def bot():
    """A Bot-API-compatible server on loopback."""
    from tests.servers.telegram import FakeBotApi

    with FakeBotApi() as api:
        yield api


@pytest.fixture
def adapter(bot):
    """The desk's Telegram adapter pointed at ``bot``."""
    from desk.services.comms.channels.telegram import TelegramAdapter

    a = TelegramAdapter(bot.token, bot.url)
    yield a
    a.close()


@pytest.fixture
def channels_on(store):
    """E-mail and Telegram switched on under Settings → Channels (no secrets needed for the
    services that only decide where a message goes)."""
    from desk.models.comms import ChannelConfig
    from desk.models.enums import InboxChannel

    with store.write(SYSTEM_ACTOR) as uow:
        for channel in (InboxChannel.EMAIL, InboxChannel.TELEGRAM):
            uow.session.merge(ChannelConfig(channel=channel, enabled=True, settings="{}",
                                            cursor=""))
        uow.commit()
    return store


@pytest.fixture(autouse=True)
def quit_without_asking(monkeypatch):
    """Closing a window at a test's end never stops on "messages have not gone yet"; the test
    of that question calls the real one."""
    from desk.ui.main_window import MainWindow

    real = MainWindow.confirm_quit
    monkeypatch.setattr(MainWindow, "confirm_quit", lambda self: True)
    return real
