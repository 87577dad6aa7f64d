import contextlib
import datetime as dt
import shutil
import sqlite3
import subprocess

import pytest
from sqlalchemy import text

from desk.models.base import UtcDateTime
from desk.services.store import errors, migrate
from desk.services.store.db import SYSTEM_ACTOR


@pytest.mark.sqlite_only
def test_every_connection_has_the_safe_pragmas(store):
    with store.read() as s:
        values = {p: s.execute(text(f"PRAGMA {p}")).scalar()
                  for p in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
    assert values == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2,
                      "busy_timeout": 5000}


@pytest.mark.sqlite_only
def test_write_transactions_begin_immediate(store, db_path):
    """A writer holds the RESERVED lock from its first statement, so another writer waits
    instead of failing later with a deferred read-then-write."""
    with store.write(SYSTEM_ACTOR) as uow:
        uow.session.execute(text("SELECT 1"))
        other = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


@pytest.mark.sqlite_only
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


@pytest.mark.sqlite_only
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


def _delete_journal_copy(store, db_path, tmp_path):
    """A file as a backup or a newer Desk leaves it: in DELETE journal mode."""
    from desk.services.store import backup

    store.dispose()
    copy = tmp_path / "copy" / "desk.db"
    backup.make_backup(db_path, copy)
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    return copy


@pytest.mark.sqlite_only
def test_a_file_is_judged_before_anything_touches_it(store, db_path, tmp_path):
    from desk.services.upkeep import check

    copy = _delete_journal_copy(store, db_path, tmp_path)
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    db_bytes = copy.read_bytes()
    with pytest.raises(errors.DatabaseFromFuture):
        migrate.open_database(copy, tmp_path / "b")
    with pytest.raises(errors.DatabaseFromFuture):
        migrate.open_database(copy, tmp_path / "b", read_only=True)
    assert copy.read_bytes() == db_bytes
    sound = _delete_journal_copy(store, db_path, tmp_path / "again")
    before = sound.read_bytes()
    assert not [f for f in check.run(sound) if f.fault]
    ro = migrate.open_database(sound, None, read_only=True)
    with ro.read() as s:
        s.execute(text("SELECT count(*) FROM family")).scalar()
    ro.dispose()
    assert sound.read_bytes() == before  # not even the journal mode changed


@contextlib.contextmanager
def read_only_folder(folder):
    """A folder nobody can write, root included (the tests run as root in CI)."""
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("no way to make a read-only folder here (chattr +i)")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.sqlite_only
def test_desk_check_on_a_sound_file_in_a_read_only_folder(store, db_path, tmp_path, capsys):
    from desk import cli

    store.dispose()
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(db_path, folder / "desk.db")
    with read_only_folder(folder):
        assert cli.run(["check", "--db", str(folder / "desk.db")]) == 0
        assert capsys.readouterr().out.strip().endswith("ok")


@pytest.mark.sqlite_only
def test_a_full_disk_is_one_line_and_nothing_is_half_written(store, actor, db_path, tmp_path,
                                                              monkeypatch, capsys):
    """SQLite's own "database or disk is full" (max_page_count stands in for the disk)."""
    from sqlalchemy import event

    from desk import cli
    from desk.services.crm import families
    from desk.services.money import wallet
    from desk.services.store import db

    fid = families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Демина Ольга"),),
        children=(families.ChildDraft("Демин Саша"),)))
    with sqlite3.connect(db_path) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    store.dispose()
    real = db.make_engine

    def full_disk(url, **kw):
        engine = real(url, **kw)

        @event.listens_for(engine, "connect")
        def _cap(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

        return engine

    monkeypatch.setattr(db, "make_engine", full_disk)
    lines = tmp_path / "pay.txt"
    lines.write_text("\n".join(f"{1000 + n} Демин Саша" for n in range(400)),
                     encoding="utf-8")
    assert cli.run(["payments", "post", str(lines), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err and "Traceback" not in err
    monkeypatch.setattr(db, "make_engine", real)
    again = migrate.open_database(db_path, None)
    assert wallet.balance(again, fid) == 0  # all or nothing
    again.dispose()


@pytest.mark.sqlite_only
def test_a_database_in_a_folder_that_cannot_be_written_is_one_line(store, actor, db_path,
                                                                    tmp_path, capsys):
    from desk import cli
    from desk.services.store import backup

    store.dispose()
    folder = tmp_path / "ro"
    backup.make_backup(db_path, folder / "desk.db")  # DELETE journal: WAL needs the folder
    pay = tmp_path / "pay.txt"
    pay.write_text("2500 Тестов Тест\n", encoding="utf-8")
    with read_only_folder(folder):
        before = (folder / "desk.db").read_bytes()
        assert cli.run(["payments", "post", str(pay), "--db", str(folder / "desk.db")]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot write" in err and "Traceback" not in err
        assert (folder / "desk.db").read_bytes() == before
