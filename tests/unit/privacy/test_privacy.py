import datetime as dt
import json

import pytest

from desk.models.enums import Role
from desk.services.crm import families
from desk.services.privacy import privacy
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft


def seed(store, actor):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вероника", "+7 912 345-67-89", "veronika@example.ru"),),
        children=(ChildDraft("Ёлкин Святослав", dt.date(2018, 1, 2), "аллергия на орехи"),),
        legend="Переехали из Казани"))
    other = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демин Олег", "+7 903 111-22-33"),)))
    families.add_note(store, actor, fid, "Вероника просила звонить вечером")
    tasks.save(store, actor, tasks.TaskDraft("Позвонить Веронике", store.now(), fid,
                                             assignee_role=Role.COMMUNICATOR))
    return fid, other


def attended_lesson(store, actor, fid):
    """The family's first child came to a ceramics lesson of 1 200 ₽ (debited)."""
    from desk.models.enums import Mark
    from desk.services.schedule import attendance, enrolment, lessons

    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 3, 14, tzinfo=dt.timezone.utc), price=120000))
    child = families.card(store, fid).draft.children[0].id
    (e,) = enrolment.enrol(store, actor, lesson, fid, [child])
    attendance.mark(store, actor, e, Mark.ATTENDED)


def test_export_holds_everything_about_the_family_and_nothing_else(store, actor):
    fid, _ = seed(store, actor)
    data = json.loads(privacy.export_json(store, fid))
    assert data["guardians"][0]["phone"] == "+79123456789"
    assert data["children"][0]["notes"] == "аллергия на орехи"
    assert data["tasks"][0]["title"] == "Позвонить Веронике"
    assert any(t["text"] == "Вероника просила звонить вечером" for t in data["timeline"])
    assert "Демин" not in json.dumps(data, ensure_ascii=False)


def database_bytes(request, store, db_path) -> bytes:
    """Every byte of the database's own files: the SQLite file and its -wal, or the server's
    files of this database (after a checkpoint has written its pages out)."""
    if store.path is not None:
        return b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
    server = request.getfixturevalue("postgres")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("CHECKPOINT")
        oid = conn.exec_driver_sql("SELECT oid FROM pg_database WHERE datname = "
                                   "current_database()").scalar_one()
    return b"".join(p.read_bytes() for p in (server.data / "base" / str(oid)).iterdir()
                    if p.is_file())


def test_erase_removes_personal_data_from_every_table_and_the_file(request, store, actor,
                                                                   db_path, tmp_path):
    from desk.models.enums import InboxChannel
    from desk.services.comms import inbox

    fid, other = seed(store, actor)
    talk = inbox.log_incoming(store, actor, InboxChannel.VK, "", "Нужна справка",
                              family_id=fid)
    paper = tmp_path / "справка.txt"  # a file sent to the family: kept in the database
    paper.write_text("Справка: Ёлкин Святослав посещает студию", encoding="utf-8")
    inbox.reply(store, actor, talk, inbox.ReplyDraft("Справка во вложении", attachment=paper))
    result = privacy.erase(store, actor, fid)
    assert result.compacted and result.wal_clean
    assert families.find(store, "елкина") == []
    card = families.card(store, fid)
    assert card.erased and card.draft.guardians[0].name == "#F" + str(fid)
    assert [h.kind for h in families.history(store, fid)][0] == "family.erase"
    assert families.find(store, "демин")[0].id == other
    raw = database_bytes(request, store, db_path)  # the server's files too: vacuumed
    for secret in ("Вероника", "вероника", "святослав", "Святослав", "79123456789", "veronika@example.ru",
                   "орехи", "Казани"):
        assert secret.encode() not in raw, secret
    assert "Демин Олег".encode() in raw  # the other family is untouched


@pytest.mark.sqlite_only
def test_erase_leaves_no_trace_in_any_table_the_wal_or_the_backups(store, actor, db_path,
                                                                   tmp_path):
    """Every place the family's words can be: ledger notes, the lead it came from (and its
    audit rows without a family id), a conversation typed in by hand, a call, a debit note with
    the child's name; the bytes are gone from the file and its -wal while a reader held a
    snapshot, and the daily backup that still holds them is named with its rotation day."""
    import sqlite3
    import threading

    from desk.models.enums import InboxChannel
    from desk.models.enums import PaymentMethod
    from desk.services.calls import calls
    from desk.services.comms import inbox
    from desk.services.comms import leads
    from desk.services.money import payments, wallet
    from desk.services.store import backup
    from desk.services.upkeep import check

    from desk.models.enums import LeadStatus

    lead = leads.create(store, actor, leads.LeadDraft(
        "Шмыгловская Евлампия", "+7 915 123-45-67", "evlampia@example.ru", "Аристарх",
        "Хотим на керамику, Аристарху семь лет"))
    leads.set_status(store, actor, lead, LeadStatus.THINKING,
                     think_until=dt.date(2026, 3, 10))  # a task about the application
    levchenko = families.save(store, actor, FamilyDraft(  # a name that contains another's
        guardians=(GuardianDraft("Левченко Анна"),), children=(ChildDraft("Левченко Маша"),)))
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Шмыгловская Евлампия", "+7 915 123-45-67",
                                 "evlampia@example.ru", telegram="evlampia_sh"),),
        children=(ChildDraft("Шмыгловский Аристарх", dt.date(2019, 1, 2)),)))
    leads.link(store, actor, lead, fid)
    other = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Демин Олег", "+7 903 111-22-33"),)))
    payments.post(store, actor, payments.parse(store, "2500 Шмыгловская Евлампия"),
                  PaymentMethod.CASH)
    attended_lesson(store, actor, fid)
    inbox.log_incoming(store, actor, InboxChannel.WHATSAPP, "+79151234567",
                       "Здравствуйте, это Евлампия, мама Аристарха")
    calls.log(store, actor, calls.CallDraft("+7 915 123-45-67", topic="Шмыгловская про оплату"))
    backups = tmp_path / "backups"
    backup.daily_backup(db_path, backups, dt.date(2026, 3, 4))

    reader = sqlite3.connect(db_path, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM family").fetchone()  # holds a read snapshot
    release = threading.Timer(0.5, reader.rollback)
    release.start()
    result = privacy.erase(store, actor, fid, backups)
    release.join()
    reader.close()

    assert result.wal_clean  # it waited for the reader, then emptied the -wal
    assert [(b.path.name, b.rotates_out) for b in result.backups] == [
        ("desk-2026-03-04.db", dt.date(2026, 3, 18))]
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob("desk.db*"))
    for secret in ("Шмыгловская", "шмыгловская", "Евлампия", "Аристарх", "Аристарха",
                   "79151234567", "9151234567", "evlampia", "Шмыгловский"):
        assert secret.encode() not in raw, secret
    assert "Демин Олег".encode() in raw
    with sqlite3.connect(db_path) as conn:  # no trigram of the family left in the index
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, family_search, "
                     "'row')")
        terms = {t for (t,) in conn.execute("SELECT term FROM temp.vocab")}
    assert not terms & {"шмы", "мыг", "евл", "ари", "915"}
    assert {"дем", "лев"} <= terms
    other_audit = [h.after for h in families.history(store, levchenko)]
    assert any("Левченко Анна" in a for a in other_audit)  # another family's words untouched
    assert wallet.balance(store, fid) == 250000 - 120000  # money stays, under the pseudonym
    assert [f for f in check.run(db_path) if f.fault] == []  # the chain still holds
    assert families.find(store, "демин")[0].id == other


@pytest.mark.sqlite_only
def test_erase_tells_when_another_program_keeps_the_wal(store, actor, db_path, monkeypatch):
    import sqlite3

    from desk.services.store import db

    fid, _ = seed(store, actor)
    monkeypatch.setattr(privacy, "CHECKPOINT_WAIT_S", 0.2)
    # each checkpoint attempt also waits out the connection's busy timeout (5 s) for the
    # reader: shortened like the wait above, on connections opened from here on
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    store.engine.dispose()
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM family").fetchone()
    try:
        result = privacy.erase(store, actor, fid)
    finally:
        reader.close()
    assert not result.wal_clean


def test_the_export_holds_payments_lessons_and_conversations(store, actor):
    from desk.models.enums import InboxChannel
    from desk.models.enums import PaymentMethod
    from desk.services.comms import inbox
    from desk.services.money import wallet

    fid, _ = seed(store, actor)
    wallet.top_up(store, actor, fid, 300000, PaymentMethod.CASH, "за март")
    attended_lesson(store, actor, fid)
    inbox.log_incoming(store, actor, InboxChannel.PHONE, "", "Перезвоните вечером",
                       family_id=fid)
    data = json.loads(privacy.export_json(store, fid))
    assert data["wallet"]["balance_kopecks"] == 180000
    assert [x["amount_kopecks"] for x in data["wallet"]["entries"]] == [300000, -120000]
    assert data["lessons"][0]["direction"] == "Керамика" and data["lessons"][0]["mark"] == \
        "attended"
    assert data["conversations"][0]["messages"][0]["text"] == "Перезвоните вечером"


def test_the_command_line_exports_and_erases_with_yes_only(store, actor, where, tmp_path,
                                                           capsys):
    from desk import cli
    from desk.services.crm import audit
    from desk.services.store import migrate

    fid, _ = seed(store, actor)
    store.dispose()
    out = tmp_path / "f.json"
    assert cli.run(["privacy", "export", str(fid), str(out), "--db", where]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["children"][0]["name"] == \
        "Ёлкин Святослав"
    assert cli.run(["privacy", "erase", str(fid), "--db", where]) == 1
    assert "--yes" in capsys.readouterr().err
    assert cli.run(["privacy", "erase", "999", "--yes", "--db", where]) == 1
    assert "999" in capsys.readouterr().err
    again = migrate.open_store(where, None)
    assert families.find(again, "святослав")  # nothing changed so far
    again.dispose()
    assert cli.run(["privacy", "erase", str(fid), "--yes", "--db", where]) == 0
    again = migrate.open_store(where, None)
    assert families.find(again, "святослав") == []
    entry = audit.entries(again)[0]
    assert entry.kind == "family.erase" and entry.staff_name.startswith("командная строка (")
    again.dispose()


@pytest.mark.postgresql_only
def test_an_erase_by_a_server_user_that_may_not_rewrite_the_tables_says_so(pg, store, actor):
    """The erase itself goes through (rows deleted and overwritten); the server's files keep
    the bytes until its administrator compacts them, and the result says so."""
    from desk.services.store.db import Store, make_engine

    with pg.admin.connect() as conn:
        conn.exec_driver_sql("DROP ROLE IF EXISTS eraser")
        conn.exec_driver_sql("CREATE ROLE eraser LOGIN PASSWORD 'pass-eraser'")
    with store.engine.begin() as conn:  # may read and write every table, owns none
        conn.exec_driver_sql("GRANT ALL ON ALL TABLES IN SCHEMA public TO eraser")
        conn.exec_driver_sql("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO eraser")
    url = store.engine.url.set(username="eraser", password="pass-eraser")
    clerk = Store(make_engine(url), clock=store.clock)
    try:
        fid, _ = seed(clerk, actor)
        result = privacy.erase(clerk, actor, fid)
        assert not result.compacted
        assert families.find(clerk, "вероника") == []
    finally:
        clerk.dispose()
        with pg.admin.connect() as conn:
            conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {url.database} FROM eraser")
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP OWNED BY eraser")
        with pg.admin.connect() as conn:
            conn.exec_driver_sql("DROP ROLE eraser")
