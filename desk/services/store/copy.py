"""Every row of a studio from one database into another of the same schema revision: a
one-PC file onto the studio's server (`desk move-to-server`), and the server's snapshot into
a SQLite file (`desk backup` on a server). Ids are kept; the search index is copied through
the dialect seam; the target's id sequences are moved past the largest id.

The source is read in one transaction, so the copy is one moment of it even while desks
write; the target is written in one transaction, so a failure leaves it as it was."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, func, insert, inspect, select
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table

from desk.services.store import backup, errors, migrate
from desk.services.store.db import Store
from desk.services.store.dialect import for_name

BATCH = 2000


def _tables():
    from desk.models.schema import Base

    return [t for t in Base.metadata.sorted_tables if t.name != "alembic_version"]


def _columns(connection: Connection) -> dict[str, set[str]]:
    """The tables of the database at its revision, with their columns."""
    found = inspect(connection)
    return {name: {c["name"] for c in found.get_columns(name)}
            for name in found.get_table_names()}


def counts(connection: Connection) -> dict[str, int]:
    """Rows per table (the search index under ``family_search``)."""
    found = {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
             for t in _tables()}
    found["family_search"] = for_name(connection.dialect.name).index_count(connection)
    return found


def copy_rows(source: Connection, target: Connection,
              progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Copy every row from ``source`` into the empty ``target`` (both at the same revision,
    each inside its transaction); returns the rows copied per table. At an older revision
    than this Desk's (a backup before upgrading the server), the tables and columns it has
    then are copied, read through the models' types."""
    present = _columns(target)
    tables = [t for t in _tables() if t.name in present]
    if any(target.execute(select(func.count()).select_from(t)).scalar_one() for t in tables):
        raise errors.CopyRefused("the target database already holds a studio's data")
    total = sum(source.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables)
    done = 0
    copied: dict[str, int] = {}
    for table in tables:
        columns = [c for c in table.columns if c.name in present[table.name]]
        key = [c for c in table.primary_key.columns if c in columns] or columns
        result = source.execute(select(*columns).order_by(*key)).mappings()
        # only these columns: the model's own table would add the defaults of columns an
        # older revision has not got yet
        into = sql_table(table.name, *[sql_column(c.name, c.type) for c in columns])
        copied[table.name] = 0
        while batch := result.fetchmany(BATCH):
            target.execute(insert(into), [dict(row) for row in batch])
            copied[table.name] += len(batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
    source_dialect = for_name(source.dialect.name)
    target_dialect = for_name(target.dialect.name)
    documents = source_dialect.index_documents(source)
    target_dialect.index_load(target, documents)
    copied["family_search"] = len(documents)
    target_dialect.after_copy(target, [t.name for t in tables if "id" in t.columns])
    return copied


def snapshot(store: Store, out: Path,
             progress: Callable[[int, int], None] | None = None) -> Path:
    """The studio's server database as a SQLite file of the same schema revision, one
    consistent moment of it while desks write: `desk check` verifies it, and it opens as a
    one-PC studio (the way back; an older revision is upgraded then). Written beside,
    checked, then renamed over ``out``."""
    from desk.services.store.db import make_engine, url_for_path

    folder = Path(tempfile.mkdtemp(prefix="desk-snapshot-"))
    try:
        engine = make_engine(url_for_path(folder / "snapshot.db"))
        try:
            migrate.upgrade(engine, None, target=migrate.current_revision(store.engine)
                            or "head")
            source = store.engine.connect().execution_options(
                isolation_level="REPEATABLE READ")
            with source, source.begin(), engine.connect() as target, target.begin():
                copy_rows(source, target, progress)
        finally:
            engine.dispose()  # the last close folds the write-ahead log into the file
        return backup.make_backup(folder / "snapshot.db", Path(out))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
