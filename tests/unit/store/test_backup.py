import datetime as dt
import sqlite3
import subprocess
import sys

import pytest

from desk.services.crm import families
from desk.services.store import backup, errors
from desk.services.crm.families import FamilyDraft, GuardianDraft


pytestmark = pytest.mark.sqlite_only  # the SQLite file itself


def family_count(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM family").fetchone()[0]


def test_backup_holds_every_committed_row_of_a_wal_database(store, actor, db_path, tmp_path):
    for i in range(30):
        families.save(store, actor, FamilyDraft(guardians=(GuardianDraft(f"Родитель {i}"),)))
    out = backup.make_backup(db_path, tmp_path / "copy.db")
    assert family_count(out) == 30
    assert not (tmp_path / "copy.db.partial").exists()


def test_backup_while_another_process_writes(store, db_path, tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", f"""
import sqlite3, time
db = sqlite3.connect({str(db_path)!r}, timeout=10, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
for i in range(200):
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO family(source, preferred_channel, legend, consent_messages,"
               " consent_marketing, consent_purposes, erased, created_at, updated_at)"
               " VALUES ('', 'PHONE', '', 0, 0, '', 0, '2026-01-01', '2026-01-01')")
    db.execute("COMMIT")
print("done", flush=True)
"""], stdout=subprocess.PIPE)
    copies = [backup.make_backup(db_path, tmp_path / f"b{i}.db") for i in range(5)]
    writer.wait(timeout=60)
    counts = [family_count(c) for c in copies]
    assert counts == sorted(counts)  # each copy is a consistent snapshot
    assert family_count(backup.make_backup(db_path, tmp_path / "final.db")) == 200


def test_daily_backup_once_a_day_keeps_fourteen(store, db_path, tmp_path):
    folder = tmp_path / "daily"
    start = dt.date(2026, 1, 1)
    for day in range(20):
        backup.daily_backup(db_path, folder, start + dt.timedelta(days=day))
    assert backup.daily_backup(db_path, folder, start + dt.timedelta(days=19)) is None
    names = sorted(p.name for p in folder.glob("desk-*.db"))
    assert len(names) == 14 and names[-1] == "desk-2026-01-20.db"


def test_restore_brings_back_the_backup_and_saves_the_current_state(store, actor, db_path,
                                                                    tmp_path):
    families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Первая"),)))
    saved = backup.make_backup(db_path, tmp_path / "one.db")
    families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Вторая"),)))
    store.dispose()
    safety = backup.restore(saved, db_path, tmp_path / "safety")
    assert family_count(db_path) == 1
    assert family_count(safety) == 2


def test_restore_refuses_a_broken_backup(store, db_path, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    store.dispose()
    with pytest.raises(errors.BackupFailed):
        backup.restore(broken, db_path, tmp_path / "safety")
    assert family_count(db_path) == 0
