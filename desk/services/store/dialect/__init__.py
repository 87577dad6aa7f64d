"""The dialect seam: everything one database engine does its own way, behind one interface.

The use cases never write engine-specific SQL; they ask ``dialect_of(session)`` (or
``store.dialect``) for the family search index, ids and many-row writes for bulk inserts,
folding the write-ahead log into the file, and the file's own integrity check. SQLite is
implemented in ``sqlite``, PostgreSQL in ``postgresql``; ``for_name`` chooses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session


class Dialect(Protocol):
    name: str

    # the connection a migration runs on, inside its one transaction
    def migrating(self, connection: Connection) -> AbstractContextManager[Connection]: ...

    # the family search index: one normalised text per family
    def index_put(self, session: Session, family_id: int, body: str) -> None: ...
    def index_add_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None: ...
    def index_put_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None: ...
    def index_drop(self, session: Session, family_ids: Iterable[int], *,
                   purge: bool = False) -> None: ...
    def index_match(self, session: Session, long_words: list[str], short_words: list[str],
                    limit: int | None) -> list[int]: ...
    def index_missing(self, connection: Connection) -> int: ...
    # the whole index, for a copy of the studio into another database
    def index_count(self, connection: Connection) -> int: ...
    def index_documents(self, connection: Connection) -> list[tuple[int, str]]: ...
    def index_load(self, connection: Connection,
                   documents: Sequence[tuple[int, str]]) -> None: ...
    # rows were copied in with their ids: the next ids come after them
    def after_copy(self, connection: Connection, tables: Sequence[str]) -> None: ...

    # ids for rows inserted in bulk (an import): ``count`` fresh ids of ``table``
    def allocate_ids(self, session: Session, table: str, count: int) -> Sequence[int]: ...
    # rows of driver values inserted in bulk, in the engine's fastest plain way
    def insert_many(self, session: Session, table: str, columns: Sequence[str],
                    rows: Iterable[Sequence[object]]) -> None: ...

    # other desks hear of a committed write (inside its transaction: none on rollback)
    def announce(self, session: Session, payload: str) -> None: ...

    # the file itself
    def checkpoint(self, engine: Engine) -> bool: ...
    # rewrite these tables so no deleted row's bytes stay in the database's files (an erase);
    # False when this user may not
    def compact(self, engine: Engine, tables: Iterable[str]) -> bool: ...
    def integrity_problems(self, connection: Connection) -> list[str]: ...


class IndexTable:
    """What both engines do the same way with the search table, whose key column (``key``)
    and driver placeholder (``mark``) differ."""

    key: str
    mark: str
    contains: str  # the SQL function giving where a word stands in the text (0: nowhere)

    def long_terms(self, words: list[str], params: dict[str, object]) -> list[str]:
        raise NotImplementedError

    def index_add_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None:
        """Documents of families new to the index (an import's new families)."""
        self.index_load(session.connection(), documents)

    def index_load(self, connection: Connection, documents: Sequence[tuple[int, str]]) -> None:
        if documents:
            connection.exec_driver_sql(
                f"INSERT INTO family_search ({self.key}, body) VALUES ({self.mark}, {self.mark})",
                list(documents))

    def index_documents(self, connection: Connection) -> list[tuple[int, str]]:
        return [tuple(r) for r in connection.exec_driver_sql(
            f"SELECT {self.key}, body FROM family_search ORDER BY {self.key}")]

    def index_count(self, connection: Connection) -> int:
        return connection.exec_driver_sql("SELECT count(*) FROM family_search").scalar_one()

    def index_match(self, session: Session, long_words: list[str], short_words: list[str],
                    limit: int | None) -> list[int]:
        """Families holding every word, newest first: the words of three letters and more
        through the engine's trigram index (``long_terms``), shorter ones by a scan of the
        documents it found (``contains``). No words: every family, by the primary key (much
        faster than a scan of the index)."""
        params: dict[str, object] = {}
        where = self.long_terms(long_words, params)
        for i, word in enumerate(short_words):
            params[f"s{i}"] = word
            where.append(f"{self.contains}(body, :s{i}) > 0")
        if not where:
            sql = "SELECT id FROM family WHERE NOT erased ORDER BY id DESC"
        else:
            sql = (f"SELECT {self.key} FROM family_search WHERE " + " AND ".join(where)
                   + f" ORDER BY {self.key} DESC")
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return self.ids(session, sql, params)

    def ids(self, session: Session, sql: str, params: dict[str, object]) -> list[int]:
        """The ids a query of one integer column finds, in its order."""
        return list(session.execute(text(sql), params).scalars())


def for_name(name: str) -> Dialect:
    if name == "sqlite":
        from desk.services.store.dialect import sqlite

        return sqlite.DIALECT
    if name == "postgresql":
        from desk.services.store.dialect import postgresql

        return postgresql.DIALECT
    raise NotImplementedError(f"Desk does not support the {name} database yet")


def run_literal(connection: Connection, sql: str):
    """Run SQL that has no bound values (a rule's SELECT), whatever the driver makes of a
    ``%`` in it (psycopg reads one as a placeholder)."""
    if connection.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("%", "%%")
    return connection.exec_driver_sql(sql)


def dialect_of(session: Session) -> Dialect:
    return for_name(session.get_bind().dialect.name)
