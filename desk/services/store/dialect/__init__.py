"""The dialect seam: everything one database engine does its own way, behind one interface.

The use cases never write engine-specific SQL; they ask ``dialect_of(session)`` (or
``store.dialect``) for the family search index, ids and many-row writes for bulk inserts,
folding the write-ahead log into the file, and the file's own integrity check. SQLite is
implemented in ``sqlite``; a PostgreSQL implementation is a new module beside it, chosen in
``for_name``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session


class Dialect(Protocol):
    name: str

    # the family search index: one normalised text per family
    def index_put(self, session: Session, family_id: int, body: str) -> None: ...
    def index_add_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None: ...
    def index_put_many(self, session: Session, documents: Sequence[tuple[int, str]]) -> None: ...
    def index_drop(self, session: Session, family_ids: Iterable[int], *,
                   purge: bool = False) -> None: ...
    def index_match(self, session: Session, long_words: list[str], short_words: list[str],
                    limit: int | None) -> list[int]: ...
    def index_missing(self, connection: Connection) -> int: ...

    # ids for rows inserted in bulk (an import): ``count`` fresh ids of ``table``
    def allocate_ids(self, session: Session, table: str, count: int) -> range: ...
    # rows of driver values inserted in bulk, in the engine's fastest plain way
    def insert_many(self, session: Session, table: str, columns: Sequence[str],
                    rows: Iterable[Sequence[object]]) -> None: ...

    # the file itself
    def checkpoint(self, engine: Engine) -> bool: ...
    def integrity_problems(self, connection: Connection) -> list[str]: ...


def for_name(name: str) -> Dialect:
    if name == "sqlite":
        from desk.services.store.dialect import sqlite

        return sqlite.DIALECT
    raise NotImplementedError(f"Desk does not support the {name} database yet")


def dialect_of(session: Session) -> Dialect:
    return for_name(session.get_bind().dialect.name)
