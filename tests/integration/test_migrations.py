"""Every migration keeps the data; a failing one leaves the file as it was."""

import sqlite3

import pytest
from alembic import command

from desk.services.store import errors, migrate
from desk.services.store.db import make_engine, url_for_path


def seed_old(path):
    """A database at the first revision with families, guardians, children and a timeline."""
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0001")
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO studio VALUES (1, 'Студия', 'Europe/Moscow', '2026-01-01')")
        for fid in range(1, 51):
            db.execute("INSERT INTO family VALUES (?, '', 'PHONE', '', 1, 0, NULL, '', 0,"
                       " '2026-01-01', '2026-01-01')", (fid,))
            db.execute("INSERT INTO guardian(family_id, position, name, phone, email, telegram,"
                       " vk, whatsapp) VALUES (?, 0, ?, ?, '', '', '', '')",
                       (fid, f"Родитель {fid}", f"+7912000{fid:04d}"))
            for n in range(2):
                db.execute("INSERT INTO child(family_id, position, name, birth_date, notes)"
                           " VALUES (?, ?, ?, NULL, '')", (fid, n, f"Ребёнок {fid}-{n}"))
            db.execute("INSERT INTO timeline_entry(family_id, at, kind, text) VALUES"
                       " (?, '2026-01-01', 'CREATED', '')", (fid,))
    engine.dispose()


def counts(path):
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("family", "guardian", "child", "timeline_entry")}


def test_older_schema_upgrades_to_head_keeping_every_row_with_a_backup(tmp_path):
    path = tmp_path / "old.db"
    seed_old(path)
    before = counts(path)
    store = migrate.open_database(path, tmp_path / "backups")
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert counts(path) == before == {"family": 50, "guardian": 50, "child": 100,
                                      "timeline_entry": 50}
    backups = list((tmp_path / "backups").glob("before-migration-0001-*.db"))
    assert len(backups) == 1 and counts(backups[0]) == before
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT relation FROM guardian LIMIT 1").fetchone() == ("",)
    store.dispose()


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    seed_old(path)
    real_upgrade = command.upgrade

    def upgrade_then_fail(cfg, target):
        real_upgrade(cfg, target)
        raise RuntimeError("disk full in the middle of a migration")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(errors.MigrationFailed):
        migrate.open_database(path, tmp_path / "backups")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        columns = [r[1] for r in db.execute("PRAGMA table_info(guardian)")]
        assert "relation" not in columns
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert not [t for t in tables if t.startswith("_alembic_tmp")]
    assert counts(path)["child"] == 100


def test_foreign_keys_are_back_on_after_migrating(tmp_path):
    path = tmp_path / "old.db"
    seed_old(path)
    store = migrate.open_database(path, tmp_path / "b")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


def test_cheap_revision_reader_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_the_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desk.models.schema import Base

    store = migrate.open_database(tmp_path / "head.db", None)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "include_object": lambda obj, name, type_, *a: not (
                type_ == "table" and name.startswith("family_search"))})
        diff = compare_metadata(context, Base.metadata)
    store.dispose()
    assert diff == []


def test_a_file_with_an_entry_over_the_new_bound_still_opens_and_the_entry_can_be_reversed(
        tmp_path):
    """The old parser took any number of digits (a phone pasted as an amount)."""
    from desk.models.enums import PaymentMethod
    from desk.services.money import wallet
    from desk.services.store.db import SYSTEM_ACTOR

    path = tmp_path / "old.db"
    seed_old(path)
    fid = 1
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0014")
    with engine.begin() as conn:  # what an older Desk posted for "79991234567 Родитель 1"
        conn.exec_driver_sql(
            "INSERT INTO wallet(family_id, balance, entries, head) VALUES (?, ?, 1, ?)",
            (fid, 7999123456700, "x"))
        conn.exec_driver_sql(
            "INSERT INTO ledger_entry(family_id, seq, at, kind, amount, method, note, "
            "prev_hash, hash) VALUES (?, 1, '2026-03-01', 'TOPUP', 7999123456700, "
            "'CARD_TRANSFER', '79991234567 Родитель 1', ?, 'x')",
            (fid, "0" * 64))
    engine.dispose()
    store = migrate.open_database(path, tmp_path / "backups")  # no CHECK failure
    with store.read() as s:  # `desk check` lists it as an open problem
        assert "entry #1 of 79\u00a0991\u00a0234\u00a0567\u00a0₽ is over" in \
            wallet.out_of_bounds(s)[0]
    [line] = wallet.view(store, fid).lines
    wallet.reverse(store, SYSTEM_ACTOR, line.id, "телефон вместо суммы")
    assert wallet.balance(store, fid) == 0
    with store.read() as s:
        assert wallet.out_of_bounds(s) == []
    with pytest.raises(errors.ValidationFailed):
        wallet.top_up(store, SYSTEM_ACTOR, fid, 7999123456700, PaymentMethod.CASH)
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO ledger_entry(family_id, seq, at, kind, amount, note, prev_hash,"
                    " hash) VALUES (?, 9, '2026-01-01', 'TOPUP', 10000000000000000, '', 'x', "
                    "'y')", (fid,))
    store.dispose()
