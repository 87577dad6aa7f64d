"""`desk check`: the file's integrity and the store's own invariants."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from pathlib import Path

from desk.services.crm import contacts
from desk.services.store import migrate
from desk.services.store.db import connect_read_only


@dataclasses.dataclass(frozen=True)
class Finding:
    fault: bool  # True: integrity fault (exit 1); False: an open problem worth a look
    text: str


def run(path: Path) -> list[Finding]:
    path = Path(path)
    if not path.exists():
        return [Finding(True, f"{path} does not exist")]
    try:
        migrate.check_is_sqlite(path)
    except Exception as exc:
        return [Finding(True, str(exc))]
    found: list[Finding] = []
    tables: set[str] = set()
    try:
        with contextlib.closing(connect_read_only(path)) as db:
            rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                found += [Finding(True, f"integrity: {r}") for r in rows[:20]]
                return found
            for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
                found.append(Finding(True, f"{table} row {rowid} points to a missing {parent}"))
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "family" not in tables:
                found.append(Finding(True, "no Desk schema in this file"))
                return found
            missing = db.execute(
                "SELECT count(*) FROM family WHERE NOT erased AND id NOT IN (SELECT rowid FROM family_search)"
            ).fetchone()[0]
            if missing:
                found.append(Finding(True, f"{missing} families are missing from the search index"))
            for gid, phone in db.execute("SELECT id, phone FROM guardian WHERE phone IS NOT NULL"):
                try:
                    if contacts.normalize_phone(phone) != phone:
                        raise contacts.BadContact("phone_invalid")
                except contacts.BadContact:
                    found.append(Finding(True, f"guardian {gid}: phone {phone!r} is not E.164"))
    except sqlite3.DatabaseError as exc:
        found.append(Finding(True, f"not a sound database: {exc}"))
        return found
    if "wallet" in tables and not any(f.fault for f in found):
        found += _ledger_findings(path, "enrolment" in tables)
    return found


def _ledger_findings(path: Path, with_lessons: bool) -> list[Finding]:
    """Faults of the ledger itself, then the desk's open problems (lessons to mark, debits
    that do not match the marks)."""
    from desk.models.base import utcnow
    from desk.services.money import wallet
    from desk.services.schedule import attendance
    from desk.services.store.db import Store, make_engine, url_for_path

    store = Store(make_engine(url_for_path(path), read_only=True), read_only=True)
    try:
        with store.read() as s:
            found = [Finding(True, text) for text in wallet.verify(s)]
            found += [Finding(False, text) for text in wallet.out_of_bounds(s)]
            if with_lessons:
                found += [Finding(False, text) for text in attendance.problems(s, utcnow())]
            return found
    finally:
        store.dispose()
