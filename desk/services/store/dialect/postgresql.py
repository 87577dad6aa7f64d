"""PostgreSQL: the search index is a table of normalised texts with a ``pg_trgm`` GIN index
(the same Python normalisation as on SQLite, so both find the same families), ids come from
the tables' sequences, many rows go in one ``executemany`` (psycopg pipelines it), and the
server keeps its own files: nothing to checkpoint."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from desk.services.store.dialect import IndexTable


CHANNEL = "desk_changes"  # LISTEN/NOTIFY: what one desk committed, for the others


def _like(word: str) -> str:
    """``word`` anywhere in the text, its own % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class PostgresDialect(IndexTable):
    key, mark, contains = "family_id", "%s", "strpos"
    name = "postgresql"

    @contextlib.contextmanager
    def migrating(self, connection: Connection) -> Iterator[Connection]:
        """The connection a migration runs on, in one transaction (DDL is transactional
        here) that holds the migration lock: a second desk starting at the same moment
        waits, then finds the schema current."""
        with connection.begin():
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7271)")  # "DESK" on a keypad
            yield connection

    def insert_many(self, session: Session, table: str, columns: Sequence[str],
                    rows: Iterable[Sequence[object]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            marks = ", ".join(["%s"] * len(columns))
            session.connection().exec_driver_sql(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def index_put(self, session: Session, family_id: int, body: str) -> None:
        session.execute(text(
            "INSERT INTO family_search (family_id, body) VALUES (:id, :body) "
            "ON CONFLICT (family_id) DO UPDATE SET body = excluded.body"),
            {"id": family_id, "body": body})

    def after_copy(self, connection: Connection, tables: Sequence[str]) -> None:
        """Rows came with their ids: each sequence moves past its table's largest id."""
        for table in tables:
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f"coalesce(max(id), 0) + 1, false) FROM \"{table}\"")

    def index_put_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None:
        if documents:
            session.connection().exec_driver_sql(
                "INSERT INTO family_search (family_id, body) VALUES (%s, %s) "
                "ON CONFLICT (family_id) DO UPDATE SET body = excluded.body", list(documents))

    def index_drop(self, session: Session, family_ids: Iterable[int], *,
                   purge: bool = False) -> None:
        """(``purge``: the erase vacuums the touched tables after its commit, which removes
        the deleted rows' bytes from the pages.)"""
        ids = [int(i) for i in family_ids]
        if ids:
            session.execute(text("DELETE FROM family_search WHERE family_id = ANY(:ids)"),
                            {"ids": ids})

    def long_terms(self, words: list[str], params: dict[str, object]) -> list[str]:
        """LIKE, which the pg_trgm GIN index answers for words of three letters and more."""
        for i, word in enumerate(words):
            params[f"w{i}"] = _like(word)
        return [f"body LIKE :w{i}" for i in range(len(words))]

    def ids(self, session: Session, sql: str, params: dict[str, object]) -> list[int]:
        """As one array in one row: tens of thousands of ids (a one-letter search) come over
        three times faster than as rows."""
        return session.execute(text(f"SELECT ARRAY({sql})"), params).scalar_one()

    def index_missing(self, connection: Connection) -> int:
        return connection.exec_driver_sql(
            "SELECT count(*) FROM family WHERE NOT erased AND NOT EXISTS "
            "(SELECT 1 FROM family_search s WHERE s.family_id = family.id)").scalar() or 0

    def allocate_ids(self, session: Session, table: str, count: int) -> list[int]:
        """Fresh ids from the table's own sequence: another desk inserting at the same time
        gets others."""
        if count <= 0:
            return []
        return list(session.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                 "FROM generate_series(1, :count)"),
            {"table": f'"{table}"', "count": count}).scalars())

    def announce(self, session: Session, payload: str) -> None:
        """NOTIFY on the changes channel: the server delivers it to every listening desk
        when the transaction commits, and drops it when it rolls back."""
        session.execute(text("SELECT pg_notify(:channel, :payload)"),
                        {"channel": CHANNEL, "payload": payload})

    def compact(self, engine: Engine, tables: Iterable[str]) -> bool:
        """VACUUM FULL: each table (with its indexes and TOAST) is written anew without the
        deleted and overwritten rows; the old files are emptied at once. Each table is held
        for the moment it takes (other desks wait, they do not fail). False when this role
        may not (it does not own the tables)."""
        tables = sorted(set(tables))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            allowed = conn.execute(text(  # (the server only warns and skips a table it may not)
                "SELECT current_setting('is_superuser') = 'on' OR coalesce(bool_and("
                "pg_has_role(relowner, 'USAGE')), true) FROM pg_class "
                "WHERE relname = ANY(:tables) AND relnamespace = 'public'::regnamespace"),
                {"tables": tables}).scalar_one()
            if not allowed:  # not the owner: the server's administrator can
                return False
            for table in tables:
                conn.exec_driver_sql(f'VACUUM FULL "{table}"')
        return True

    def checkpoint(self, engine: Engine) -> bool:
        return True  # the server's write-ahead log is its own business

    def integrity_problems(self, connection: Connection) -> list[str]:
        return []  # foreign keys are never off on the server: nothing can dangle


DIALECT = PostgresDialect()
