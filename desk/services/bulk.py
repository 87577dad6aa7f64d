"""Fast bulk inserts for imports and the demo generator: one executemany through the driver,
each value converted by its column type's own bind processor (so the stored form is exactly
what the ORM would write), without SQLAlchemy's per-row statement bookkeeping."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.orm import Session

BATCH = 5000
_MISSING = object()


def insert_rows(session: Session, table: Table, rows: Sequence[dict]) -> None:
    if not rows:
        return
    conn = session.connection()
    names = list(rows[0].keys())
    defaults = {c.name: c.default.arg for c in table.columns
                if c.default is not None and c.default.is_scalar}
    names += [name for name in defaults if name not in names]
    converters = [_converter(table.c[name].type.bind_processor(conn.dialect),
                             defaults.get(name, _MISSING)) for name in names]
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    pairs = list(zip(names, converters))
    for start in range(0, len(rows), BATCH):
        params = [tuple(convert(row.get(name, _MISSING)) for name, convert in pairs)
                  for row in rows[start:start + BATCH]]
        conn.exec_driver_sql(sql, params)


def _converter(process, default):
    """value → stored value; remembers the last conversion (rows often share a timestamp)."""
    last = [_MISSING, None]

    def convert(value):
        if value is _MISSING:
            value = default
        if value is None or process is None:
            return value
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return convert
