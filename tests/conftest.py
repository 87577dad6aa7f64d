"""Offscreen Qt, a real SQLite file per test, an in-memory keyring, a movable clock."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    assert keyring.get_keyring() is backend, "a test swapped in another keyring backend"
    keyring.set_keyring(previous)


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


@pytest.fixture
def empty_store(db_path, tmp_path, clock, migrated_template):
    shutil.copyfile(migrated_template, db_path)
    store = migrate.open_database(db_path, tmp_path / "backups", clock=clock)
    yield store
    store.dispose()


@pytest.fixture
def store(empty_store):
    studio.setup(empty_store, "ДетиЛюбят", "Europe/Moscow", [
        studio.StaffDraft("Анна Соколова", Role.SYSTEM),
        studio.StaffDraft("Мария Лебедева", Role.COMMUNICATOR),
    ])
    return empty_store


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
