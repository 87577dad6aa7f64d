"""`desk check`: the file's integrity and the store's own invariants."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.exc import DatabaseError

from desk.models.base import utcnow
from desk.models.family import Guardian
from desk.services.crm import contacts
from desk.services.money import wallet
from desk.services.schedule import attendance
from desk.services.store import errors, migrate, server
from desk.services.store.db import Store, make_engine, url_for_path


@dataclasses.dataclass(frozen=True)
class Finding:
    fault: bool  # True: integrity fault (exit 1); False: an open problem worth a look
    text: str


def run(where: Path | str) -> list[Finding]:
    """The findings on a SQLite file (its path) or the studio's server (its URL)."""
    if server.is_url(where):
        try:
            store = migrate.open_server(str(where), None, read_only=True)
        except errors.DeskError as exc:
            return [Finding(True, str(exc))]
    else:
        path = Path(where)
        if not path.exists():
            return [Finding(True, f"{path} does not exist")]
        try:
            migrate.check_is_sqlite(path)
        except Exception as exc:
            return [Finding(True, str(exc))]
        store = Store(make_engine(url_for_path(path), read_only=True), read_only=True)
    try:
        found = _file_findings(store)
        if not any(f.fault for f in found) and "wallet" in _tables(store):
            found += _ledger_findings(store, "enrolment" in _tables(store))
        return found
    except DatabaseError as exc:
        return [Finding(True, f"not a sound database: {exc.orig}")]
    finally:
        store.dispose()


def _tables(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _file_findings(store: Store) -> list[Finding]:
    """The file's own integrity (through the dialect), the schema, the search index, phones,
    and the rows that break a rule of the schema (a CHECK or a UNIQUE index)."""
    with store.engine.connect() as conn:
        problems = store.dialect.integrity_problems(conn)
        if any(p.startswith("integrity") for p in problems):
            return [Finding(True, p) for p in problems[:20]]
        found = [Finding(True, p) for p in problems]
        if "family" not in set(inspect(conn).get_table_names()):
            return found + [Finding(True, "no Desk schema in this file")]
        missing = store.dialect.index_missing(conn)
        if missing:
            found.append(Finding(True, f"{missing} families are missing from the search index"))
        for gid, phone in conn.execute(select(Guardian.id, Guardian.phone)
                                       .where(Guardian.phone.is_not(None))):
            try:
                if contacts.normalize_phone(phone) != phone:
                    raise contacts.BadContact("phone_invalid")
            except contacts.BadContact:
                found.append(Finding(True, f"guardian {gid}: phone {phone!r} is not E.164"))
        # rows breaking a CHECK or UNIQUE rule: in an older file, what the upgrade refuses
        found += [Finding(True, text) for text in migrate.rule_problems(conn)]
    return found


def _ledger_findings(store: Store, with_lessons: bool) -> list[Finding]:
    """Faults of the ledger itself, then the desk's open problems (lessons to mark, debits
    that do not match the marks)."""
    with store.read() as s:
        found = [Finding(True, text) for text in wallet.verify(s)]
        found += [Finding(False, text) for text in wallet.out_of_bounds(s)]
        if with_lessons:
            found += [Finding(False, text) for text in attendance.problems(s, utcnow())]
        return found
