"""Every migration keeps the data; a failing one leaves the file as it was."""

import shutil
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


def test_the_migrations_build_exactly_the_models(empty_store):
    """On each engine: the run's template, migrated to head as every new database is."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desk.models.schema import Base

    assert migrate.current_revision(empty_store.engine) == migrate.head_revision()
    with empty_store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "include_object": lambda obj, name, type_, *a: not (
                type_ == "table" and name.startswith("family_search"))})
        diff = compare_metadata(context, Base.metadata)
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


# --- 0018: the schema says what is allowed -------------------------------------------------


def _schema(path):
    """Per table its CHECKs and foreign keys (with ON DELETE), and every index as written."""
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{path}")
    tables = {}
    with engine.connect() as conn:
        inspector = inspect(conn)
        for t in inspector.get_table_names():
            if t.startswith("family_search") or t == "alembic_version":
                continue
            tables[t] = (
                sorted((c["name"], " ".join(c["sqltext"].split()))
                       for c in inspector.get_check_constraints(t)),
                sorted((f["name"], tuple(f["constrained_columns"]), f["referred_table"],
                        f["options"].get("ondelete")) for f in inspector.get_foreign_keys(t)))
    engine.dispose()
    with sqlite3.connect(path) as db:
        indexes = {name: " ".join(sql.split()) for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    db.close()
    return tables, indexes


def test_the_migrated_schema_holds_every_check_foreign_key_and_index_of_the_models(
        tmp_path, migrated_template):
    """What compare_metadata does not see: CHECK texts, ON DELETE rules, partial indexes."""
    from sqlalchemy import create_engine

    from desk.models.schema import Base

    fresh = tmp_path / "fresh.db"
    engine = create_engine(f"sqlite:///{fresh}")
    Base.metadata.create_all(engine)
    engine.dispose()
    # the run's template: an empty file migrated to head by open_database, as here before
    shutil.copyfile(migrated_template, tmp_path / "head.db")
    assert _schema(tmp_path / "head.db") == _schema(fresh)
    with sqlite3.connect(tmp_path / "head.db") as db:  # rebuilt with the ledger, made again
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                          "name = 'ledger_amount_bounded'").fetchone() == (1,)
    db.close()


def _migration_0018():
    import importlib

    return importlib.import_module("desk.migrations.versions.0018_constraints")


def test_0018_verifies_exactly_the_rules_it_adds_and_the_models_declare(tmp_path):
    from desk.models.schema import Base
    from desk.services.store import rules

    def schema_at(revision: str) -> str:
        path = tmp_path / f"{revision}.db"
        engine = make_engine(url_for_path(path))
        migrate.upgrade(engine, None, target=revision)
        engine.dispose()
        with sqlite3.connect(path) as db:
            sql = " ".join(sql for (sql,) in db.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
        db.close()
        return sql

    before, after = schema_at("0017"), schema_at("0018")
    changed_later = {"ck_timeline_entry_kind"}  # 0023 lets a timeline entry be feedback

    def spelled(rule):
        if isinstance(rule, rules.Check):
            condition = None if rule.name in changed_later else rule.condition
            return rule.table, rule.name, condition, rule.key
        return rule.table, rule.name, rule.columns, rule.where, rule.key

    added = [r for r in rules.of_metadata(Base.metadata)  # (later migrations add their own)
             if r.name not in before and r.name in after]
    assert sorted(map(spelled, _migration_0018().new_rules())) == sorted(map(spelled, added))


def _old_file(tmp_path, revision="0015"):
    """seed_old's families brought to ``revision``, with a lesson, money and tasks that keep
    every rule of 0018."""
    path = tmp_path / "old.db"
    seed_old(path)
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target=revision)
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO family_search(rowid, body) SELECT id, 'семья' FROM family")
        db.execute("INSERT INTO direction VALUES (1, 'Керамика', 8, 120000, 90, 1)")
        db.execute("INSERT INTO lesson(id, direction_id, starts_at, ends_at, capacity, price,"
                   " sibling_discount, adults_allowed, adult_price, note) VALUES (1, 1,"
                   " '2026-03-02 14:00:00.000000', '2026-03-02 15:30:00.000000', 8, 120000,"
                   " 0, 0, 0, '')")
        db.execute("INSERT INTO enrolment(id, lesson_id, family_id, child_id, price, adults,"
                   " adults_price, first_time, mark, created_at) VALUES (1, 1, 1, 1, 120000,"
                   " 0, 0, 1, 'ATTENDED', '2026-03-01')")
        db.execute("INSERT INTO wallet VALUES (1, -120000, 2, 'h2')")
        for seq, kind, amount, method, reverses in (
                (1, "TOPUP", 120000, "CASH", None), (2, "CORRECTION", -120000, "CASH", 1)):
            db.execute("INSERT INTO ledger_entry(id, family_id, seq, at, kind, amount, method,"
                       " reverses_id, note, prev_hash, hash) VALUES (?, 1, ?, '2026-03-01',"
                       " ?, ?, ?, ?, '', 'p', 'h')", (seq, seq, kind, amount, method, reverses))
        db.execute("INSERT INTO ledger_entry(id, family_id, seq, at, kind, amount, enrolment_id,"
                   " note, prev_hash, hash) VALUES (3, 1, 3, '2026-03-02', 'DEBIT', -120000,"
                   " 1, '', 'p', 'h')")
        for tid, origin, status in ((1, "second_feedback:1:8", "DONE"),
                                    (2, "wallet_reminder:2026-W10", "DONE"),
                                    (3, "wallet_reminder:2026-W10", "OPEN")):
            db.execute("INSERT INTO task(id, title, details, family_id, due_at, assignee_role,"
                       " status, origin, created_at) VALUES (?, 'Задача', '', 1, '2026-03-02',"
                       " 'SYSTEM', ?, ?, '2026-03-01')", (tid, status, origin))
    db.close()
    return path


def _break_rules(path):
    """Rows an older Desk (or a hand edit) could leave, each against one rule of 0018."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE direction SET capacity = 0 WHERE id = 1")
        db.execute("UPDATE ledger_entry SET amount = 120000 WHERE id = 3")  # a debit that pays
        db.execute("INSERT INTO task(id, title, details, family_id, due_at, assignee_role,"
                   " status, origin, created_at) VALUES (4, 'Ещё раз', '', 1, '2026-03-02',"
                   " 'SYSTEM', 'OPEN', 'second_feedback:1:8', '2026-03-01')")
        db.execute("UPDATE enrolment SET mark = 'LATE' WHERE id = 1")
    db.close()


BROKEN = [
    "ledger_entry 3: breaks ck_ledger_entry_debit_negative (kind <> 'DEBIT' OR amount < 0)",
    "direction 1: breaks ck_direction_capacity_positive (capacity > 0)",
    "enrolment 1: breaks ck_enrolment_mark (mark IN ('NONE', 'ATTENDED', 'ABSENT', "
    "'CANCELLED'))",
    "task 4: the same origin as task 1 breaks ux_task_second_feedback (where origin LIKE "
    "'second_feedback:%')",
]


def test_a_file_breaking_the_new_rules_is_not_upgraded_and_stays_byte_for_byte(tmp_path):
    import hashlib

    path = _old_file(tmp_path)
    _break_rules(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(errors.MigrationFailed) as failed:
        migrate.open_database(path, tmp_path / "backups")
    assert failed.value.code == "migration_failed"
    assert sorted(failed.value.params["problems"]) == sorted(BROKEN)
    assert all(line in str(failed.value) for line in BROKEN)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert failed.value.params["backup"]  # taken first, as before any migration
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0015",)
        assert db.execute("SELECT capacity FROM direction").fetchone() == (0,)
    db.close()


def test_a_refused_file_can_be_looked_at_read_only_and_stays_as_it_was(tmp_path):
    import hashlib

    from desk.services.staff import studio

    path = _old_file(tmp_path)
    _break_rules(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(errors.MigrationFailed) as failed:
        migrate.open_database(path, None)
    assert failed.value.params["last_good"] == "0017"  # the revision before the rules
    store = migrate.open_to_look(path, failed.value.params["last_good"])
    try:
        assert store.read_only and store.path != path
        assert studio.info(store).name  # the app's reads work on the copy
        # the copy has every later column; only 0018's rules were passed over
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        from desk.services.schedule import lessons
        assert [d.name for d in lessons.directions(store)] == ["Керамика"]
        with pytest.raises(errors.ReadOnlyStore):
            with store.write(None):
                pass
    finally:
        store.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_desk_check_names_the_rows_an_upgrade_would_refuse(tmp_path, capsys):
    from desk import cli
    from desk.services.upkeep import check

    path = _old_file(tmp_path)
    _break_rules(path)
    faults = [f.text for f in check.run(path) if f.fault]
    assert sorted(faults) == sorted(BROKEN)
    assert cli.run(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAULT direction 1: breaks ck_direction_capacity_positive (capacity > 0)" in out


def test_a_clean_older_file_upgrades_keeps_its_data_and_then_holds_the_rules(tmp_path):
    path = _old_file(tmp_path)
    before = counts(path)
    store = migrate.open_database(path, tmp_path / "backups")
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    store.dispose()
    assert counts(path) == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT kind, amount FROM ledger_entry ORDER BY id").fetchall() == [
            ("TOPUP", 120000), ("CORRECTION", -120000), ("DEBIT", -120000)]
        assert db.execute("SELECT count(*) FROM task").fetchone() == (3,)
        assert db.execute("SELECT count(*) FROM family_search WHERE family_search MATCH "
                          "'семья'").fetchone() == (50,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError, match="ck_direction_capacity_positive"):
            db.execute("UPDATE direction SET capacity = 0")
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed"):
            db.execute("INSERT INTO task(title, details, family_id, due_at, assignee_role,"
                       " status, origin, created_at) VALUES ('Ещё', '', 1, '2026-03-02',"
                       " 'SYSTEM', 'OPEN', 'wallet_reminder:2026-W10', '2026-03-01')")
        with pytest.raises(sqlite3.IntegrityError, match="ledger amount over"):
            db.execute("INSERT INTO ledger_entry(family_id, seq, at, kind, amount, note,"
                       " prev_hash, hash) VALUES (1, 9, '2026-03-03', 'TOPUP', 2000000000, '',"
                       " 'p', 'h')")
    db.close()
    from desk.services.upkeep import check

    assert [f for f in check.run(path) if f.fault and "breaks" in f.text] == []


def test_0020_takes_the_files_of_waiting_messages_into_the_database(tmp_path):
    """An outgoing message kept its attachment as a path on this PC; after 0020 the file of
    one still waiting is in the database, and every message keeps just the file's name."""
    from desk.models.comms import Conversation, InboxMessage
    from desk.models.enums import InboxChannel, MessageDirection, OutboxStatus
    from desk.services.store import files

    path = tmp_path / "desk.db"
    store = migrate.open_database(path, None)
    contract = tmp_path / "папка" / "договор.pdf"
    contract.parent.mkdir()
    contract.write_bytes(b"%PDF-1.4 contract")
    with store.write(store_actor()) as uow:
        c = Conversation(channel=InboxChannel.TELEGRAM, address="501")
        uow.session.add(c)
        uow.session.flush()
        for status, attachment in ((OutboxStatus.QUEUED, str(contract)),
                                   (OutboxStatus.SENT, str(contract)),
                                   (OutboxStatus.QUEUED, str(tmp_path / "нет.pdf"))):
            uow.session.add(InboxMessage(conversation_id=c.id, channel=c.channel,
                                         direction=MessageDirection.OUT, text="",
                                         attachment=attachment, status=status))
        uow.commit()
    store.dispose()
    engine = make_engine(url_for_path(path))
    with engine.begin() as conn:
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
    engine.dispose()

    store = migrate.open_database(path, tmp_path / "backups")
    try:
        with store.read() as s:
            rows = s.query(InboxMessage).order_by(InboxMessage.id).all()
            assert [m.attachment for m in rows] == ["договор.pdf", "договор.pdf", "нет.pdf"]
            assert [m.file_id is not None for m in rows] == [True, False, False]
            kept = rows[0].file_id
        assert files.read(store, kept) == files.File("договор.pdf", b"%PDF-1.4 contract")
    finally:
        store.dispose()


def store_actor():
    from desk.services.store.db import Actor

    return Actor(None, "test")


def test_0021_gives_the_directions_their_kind_from_their_names(tmp_path):
    """Camps, hikes and holiday parties by their names, once; any other a workshop."""
    path = tmp_path / "desk.db"
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0020")
    engine.dispose()
    with sqlite3.connect(path) as db:
        for n, name in enumerate(("Керамика", "Городской ЛАГЕРЬ", "Поход выходного дня",
                                  "Праздник", "Выпускной", "Йога")):
            db.execute("INSERT INTO direction (id, name, capacity, price, duration_min, active)"
                       " VALUES (?, ?, 8, 0, 90, 1)", (n + 1, name))
    db.close()
    store = migrate.open_database(path, None)
    try:
        from desk.services.schedule import lessons

        kinds = {d.name: d.kind.value for d in lessons.directions(store)}
        assert kinds == {"Керамика": "workshop", "Городской ЛАГЕРЬ": "camp",
                         "Поход выходного дня": "hike", "Праздник": "party",
                         "Выпускной": "party", "Йога": "workshop"}
    finally:
        store.dispose()


def test_0022_keeps_each_files_bytes_once(tmp_path):
    from desk.models.comms import InboxMessage
    from desk.services.store import files

    path = tmp_path / "desk.db"
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0021")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO conversation (id, channel, address, name, subject, opened_at,"
                   " last_at, holding_sent, auto_replied) VALUES (1, 'TELEGRAM', '501', '', '',"
                   " '2026-03-01', '2026-03-01', 0, 0)")
        for fid, data in ((1, b"same"), (2, b"same"), (3, b"other")):
            db.execute("INSERT INTO stored_file (id, name, size, data, created_at) VALUES"
                       " (?, 'f.pdf', ?, ?, '2026-03-01')", (fid, len(data), data))
            db.execute("INSERT INTO message (conversation_id, channel, direction, kind, at, text,"
                       " attachment, voice, status, attempts, last_error, file_id) VALUES"
                       " (1, 'TELEGRAM', 'OUT', 'answer', '2026-03-01', '', 'f.pdf', 0,"
                       " 'QUEUED', 0, '', ?)", (fid,))
    db.close()
    store = migrate.open_database(path, None)
    try:
        with store.read() as s:
            assert [m.file_id for m in s.query(InboxMessage).order_by(InboxMessage.id)] \
                == [1, 1, 3]
        assert files.read(store, 1).data == b"same" and files.read(store, 2) is None
    finally:
        store.dispose()


def test_0023_opens_requests_for_first_timers_and_cases_for_second_feedback_tasks(tmp_path):
    """First-timers of lessons to come or of the last week (not absent, not cancelled) get
    their request; an open "second feedback" task becomes a case and is cancelled."""
    import datetime as dt

    from desk.models.enums import FeedbackKind, TaskStatus
    from desk.services.feedback import requests
    from desk.services.tasks import tasks

    path = tmp_path / "old.db"
    seed_old(path)
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0022")
    engine.dispose()
    now = dt.datetime.now(dt.timezone.utc)

    def at(days: float) -> str:
        return (now + dt.timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S.000000")

    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO direction (id, name, kind, capacity, price, duration_min, active)"
                   " VALUES (1, 'Керамика', 'WORKSHOP', 8, 0, 90, 1)")
        # lesson: (id, starts in days, cancelled); enrolment: (lesson, child, first, mark)
        for lid, days, cancelled in ((1, 2, False), (2, -2, False), (3, -20, False),
                                     (4, 1, True)):
            db.execute("INSERT INTO lesson (id, direction_id, starts_at, ends_at, capacity,"
                       " price, sibling_discount, adults_allowed, adult_price, cancelled_at,"
                       " note) VALUES (?, 1, ?, ?, 8, 0, 0, 0, 0, ?, '')",
                       (lid, at(days), at(days + 0.05), at(-1) if cancelled else None))
        for eid, (lid, child, first, mark) in enumerate((
                (1, 1, 1, 'NONE'), (2, 3, 1, 'ATTENDED'), (2, 5, 1, 'ABSENT'),
                (3, 7, 1, 'ATTENDED'), (4, 9, 1, 'NONE'), (1, 11, 0, 'NONE')), start=1):
            db.execute("INSERT INTO enrolment (id, lesson_id, family_id, child_id, price,"
                       " adults, adults_price, first_time, mark, created_at) VALUES"
                       " (?, ?, ?, ?, 0, 0, 0, ?, ?, ?)",
                       (eid, lid, (child + 1) // 2, child, first, mark, at(-30)))
        for tid, origin, status in ((1, "second_feedback:3:8", "OPEN"),
                                    (2, "second_feedback:5:8", "DONE")):
            db.execute("INSERT INTO task (id, title, details, family_id, due_at, assignee_role,"
                       " status, origin, created_at) VALUES (?, 'Вторая', '', 2, ?, 'SYSTEM',"
                       " ?, ?, ?)", (tid, at(-1), status, origin, at(-1)))
    db.close()
    store = migrate.open_database(path, None)
    try:
        with store.read() as s:
            from desk.models.feedback import FeedbackRequest

            found = sorted((r.kind.value, r.child_id, r.status.value)
                           for r in s.query(FeedbackRequest))
        assert found == [("first", 1, "waiting"), ("first", 3, "waiting"),
                         ("second", 3, "waiting")]
        case = next(r for r in requests.of_family(store, 2) if r.kind is FeedbackKind.SECOND)
        assert case.stage == 8 and case.due_at is not None
        assert tasks.get(store, 1).status is TaskStatus.CANCELLED
        assert tasks.get(store, 2).status is TaskStatus.DONE
    finally:
        store.dispose()


def test_0025_gives_a_studio_set_up_already_the_regulations_surveys_and_items(tmp_path):
    from desk.services.surveys import forms

    path = tmp_path / "old.db"
    seed_old(path)
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0024")
    engine.dispose()
    store = migrate.open_database(path, None)
    try:
        keys = [x.key for x in forms.surveys(store)]
        assert keys[:3] == ["hike_regular", "hike_once", "hike_review"] and len(keys) == 8
        assert [i.key for i in forms.items(store)] == [
            "teacher", "atmosphere", "schedule", "prices", "communication"]
    finally:
        store.dispose()


def test_0026_gives_the_surveys_a_reminder_and_the_studio_a_survey_throttle(tmp_path):
    from desk.services.store import texts
    from desk.services.surveys import forms, invites

    path = tmp_path / "old.db"
    seed_old(path)
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0025")
    engine.dispose()
    store = migrate.open_database(path, None)
    try:
        found = forms.surveys(store)
        assert {(x.reminder, x.reminder_days, x.code_entry) for x in found} == {
            (texts.SURVEY_REMINDER, 3, "")}
        assert invites.throttle_days(store) == 30
    finally:
        store.dispose()


def test_0030_gives_a_studio_set_up_already_the_default_quality_criteria(tmp_path):
    from desk.services.supervision import quality

    path = tmp_path / "old.db"
    seed_old(path)
    engine = make_engine(url_for_path(path))
    migrate.upgrade(engine, None, target="0029")
    engine.dispose()
    store = migrate.open_database(path, None)
    try:
        found = quality.criteria(store)
        assert [c.name for c in found][:2] == ["Приветствие", "Имя клиента"]
        assert len(found) == 10 and sum(c.automatic_fail for c in found) == 2
    finally:
        store.dispose()
