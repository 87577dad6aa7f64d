"""SQLite: FTS5 with the trigram tokenizer for the search index, ``max(id)+1`` for ids (one
writer at a time holds BEGIN IMMEDIATE), many rows per INSERT for bulk writes, the WAL
checkpoint, PRAGMA integrity checks."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from desk.services.store.dialect import IndexTable

MAX_PARAMS = 999  # bound values in one statement on any SQLite build (newer ones take more)


class SqliteDialect(IndexTable):
    key, mark, contains = "rowid", "?", "instr"
    name = "sqlite"

    @contextlib.contextmanager
    def migrating(self, connection: Connection) -> Iterator[Connection]:
        """The connection a migration runs on, in one write transaction: foreign keys off
        while tables are rebuilt (shared/RELIABILITY.md #4, #5), checked before the commit."""
        from desk.services.store.db import WRITE

        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            connection = connection.execution_options(**{WRITE: True})
            with connection.begin():
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"foreign key check failed: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")

    def insert_many(self, session: Session, table: str, columns: Sequence[str],
                    rows: Iterable[Sequence[object]]) -> None:
        """Insert rows of driver values (an import: thousands at once), as many rows per
        statement as the bound-value limit allows: SQLite runs a statement per row two to
        three times slower (each one its own statement journal for the table's checks)."""
        width = len(columns)
        per = max(1, MAX_PARAMS // width)
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        one = "(" + ", ".join("?" * width) + ")"
        rows = iter(rows)
        whole: list[tuple[object, ...]] = []
        while chunk := list(islice(rows, per)):
            if len(chunk) < per:
                break
            whole.append(tuple(chain.from_iterable(chunk)))
        conn = session.connection()
        if whole:
            conn.exec_driver_sql(head + ", ".join([one] * per), whole)
        if chunk:
            conn.exec_driver_sql(head + ", ".join([one] * len(chunk)),
                                 tuple(chain.from_iterable(chunk)))

    def index_put(self, session: Session, family_id: int, body: str) -> None:
        session.execute(text("DELETE FROM family_search WHERE rowid = :id"), {"id": family_id})
        session.execute(text("INSERT INTO family_search(rowid, body) VALUES (:id, :body)"),
                        {"id": family_id, "body": body})

    def after_copy(self, connection: Connection, tables: Sequence[str]) -> None:
        """Rows came with their ids: SQLite's next id is the largest plus one anyway."""

    def index_put_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None:
        """Replace the documents of these families (an import: thousands at once)."""
        if not documents:
            return
        conn = session.connection()
        ids = [family_id for family_id, _ in documents]
        for start in range(0, len(ids), 500):
            conn.exec_driver_sql("DELETE FROM family_search WHERE rowid IN ("
                                 + ",".join(str(int(i)) for i in ids[start:start + 500]) + ")")
        conn.exec_driver_sql("INSERT INTO family_search(rowid, body) VALUES (?, ?)",
                             list(documents))

    def index_drop(self, session: Session, family_ids: Iterable[int], *,
                   purge: bool = False) -> None:
        """``purge`` also rewrites the index so no segment keeps the words (a plain delete
        only marks them: an erase needs them gone)."""
        for family_id in family_ids:
            session.execute(text("DELETE FROM family_search WHERE rowid = :id"),
                            {"id": family_id})
        if purge:
            session.execute(text("INSERT INTO family_search(family_search) VALUES ('optimize')"))

    def long_terms(self, words: list[str], params: dict[str, object]) -> list[str]:
        """FTS5's trigram MATCH, every word quoted."""
        if not words:
            return []
        params["match"] = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        return ["family_search MATCH :match"]

    def index_missing(self, connection: Connection) -> int:
        return connection.exec_driver_sql(
            "SELECT count(*) FROM family WHERE NOT erased AND id NOT IN "
            "(SELECT rowid FROM family_search)").scalar() or 0

    def allocate_ids(self, session: Session, table: str, count: int) -> range:
        first = (session.execute(text(f'SELECT max(id) FROM "{table}"')).scalar() or 0) + 1
        return range(first, first + count)

    def announce(self, session: Session, payload: str) -> None:
        """One desk per file: nobody else to tell."""

    def compact(self, engine: Engine, tables: Iterable[str]) -> bool:
        """secure_delete zeroes a deleted row's bytes as it goes; the checkpoint does the
        rest."""
        return True

    def checkpoint(self, engine: Engine) -> bool:
        """Fold the write-ahead log into the file and truncate it; False while another
        program's open read still holds old pages."""
        with engine.connect() as conn:
            busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            conn.commit()
        return not busy

    def integrity_problems(self, connection: Connection) -> list[str]:
        rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
        found = [] if rows == ["ok"] else [f"integrity: {r}" for r in rows]
        for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            found.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        return found


DIALECT = SqliteDialect()
