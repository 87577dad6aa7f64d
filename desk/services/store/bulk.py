"""Fast bulk inserts for imports and the demo generator: one executemany through the driver,
each value converted by its column type's own bind processor (so the stored form is exactly
what the ORM would write), without SQLAlchemy's per-row statement bookkeeping."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desk.services.store.dialect import dialect_of

BATCH = 5000


def insert_rows(session: Session, table: Table, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys); scalar column defaults fill the rest."""
    if not rows:
        return
    conn = session.connection()
    given = list(rows[0].keys())
    defaults = [(c.name, c.default.arg) for c in table.columns
                if c.default is not None and c.default.is_scalar and c.name not in given]
    names = given + [name for name, _ in defaults]
    processors = [(i, process) for i, name in enumerate(names)
                  if (process := table.c[name].type.bind_processor(conn.dialect)) is not None]
    tail = [value for _, value in defaults]
    get = itemgetter(*given) if len(given) > 1 else (lambda row: (row[given[0]],))
    cache: dict[int, tuple[object, object]] = {}  # rows often share a value (one timestamp)
    for start in range(0, len(rows), BATCH):
        params = []
        for row in rows[start:start + BATCH]:
            values = [*get(row), *tail]
            for i, process in processors:
                value = values[i]
                if value is not None:
                    seen = cache.get(i)
                    if seen is None or seen[0] is not value:
                        seen = cache[i] = (value, process(value))
                    values[i] = seen[1]
            params.append(tuple(values))
        dialect_of(session).insert_many(session, table.name, names, params)
