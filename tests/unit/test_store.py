import datetime as dt
import sqlite3

import pytest
from sqlalchemy import text

from desk.models.base import UtcDateTime
from desk.services import errors, migrate
from desk.services.db import SYSTEM_ACTOR


def test_every_connection_has_the_safe_pragmas(store):
    with store.read() as s:
        values = {p: s.execute(text(f"PRAGMA {p}")).scalar()
                  for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
    assert values == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2,
                      "busy_timeout": 5000}


def test_write_transactions_begin_immediate(store, db_path):
    """A writer holds the RESERVED lock from its first statement, so another writer waits
    instead of failing later with a deferred read-then-write."""
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.execute(text("SELECT 1"))
        other = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_read_only_store_refuses_writes(db_path, tmp_path, store):
    ro = migrate.open_database(db_path, None, read_only=True)
    with pytest.raises(errors.ReadOnlyStore):
        with ro.write(SYSTEM_ACTOR):
            pass
    ro.dispose()


def test_naive_datetime_is_refused_by_the_store():
    with pytest.raises(ValueError):
        UtcDateTime().process_bind_param(dt.datetime(2026, 1, 1), None)
    aware = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert UtcDateTime().process_bind_param(aware, None) == dt.datetime(2026, 1, 1, 9)


def test_empty_file_migrates_to_head(empty_store):
    assert migrate.current_revision(empty_store.engine) == migrate.head_revision()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello, this is not sqlite")
    with pytest.raises(errors.NotADatabase):
        migrate.open_database(bogus, None)
    assert bogus.read_text() == "hello, this is not sqlite"


def test_database_from_a_newer_desk_is_never_written(store, db_path, tmp_path):
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.dispose()
    before = db_path.read_bytes()
    with pytest.raises(errors.DatabaseFromFuture):
        migrate.open_database(db_path, tmp_path / "b")
    with pytest.raises(errors.DatabaseFromFuture):
        migrate.open_database(db_path, tmp_path / "b", read_only=True)
    assert db_path.read_bytes() == before
    assert not (tmp_path / "b").exists()
