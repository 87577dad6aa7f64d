"""`desk move-to-server`: a one-PC studio (a SQLite file) onto the studio's server.

The file is not touched: a consistent copy of it is brought to the current schema and read.
Every row goes to the server in one transaction, which commits only after the server's data
was checked: the same rows in every table, every wallet's ledger chain intact and its
balance the sum of its entries, the same balances as in the file."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desk.models.audit import AuditEntry
from desk.models.wallet import Wallet
from desk.services.money import wallet
from desk.services.store import backup, copy, errors, migrate, server
from desk.services.store.db import Actor


@dataclasses.dataclass(frozen=True)
class Moved:
    url: str  # as shown: without the password
    rows: dict[str, int]  # per table, as copied and counted on the server


def move_to_server(path: Path, url: str, actor: Actor,
                   progress: Callable[[int, int], None] | None = None) -> Moved:
    path = Path(path)
    if not path.exists():
        raise errors.NotFound(f"{path} does not exist", path=str(path))
    migrate.check_is_sqlite(path)
    folder = Path(tempfile.mkdtemp(prefix="desk-move-"))
    try:
        source = migrate.open_database(backup.make_backup(path, folder / path.name), None)
        try:
            target = migrate.open_server(url, None)
            try:
                if target.read_only:
                    raise errors.ReadOnlyStore("this user may not write to the server database")
                with source.engine.connect() as src, src.begin(), \
                        target.engine.connect() as dst, dst.begin():
                    rows = copy.copy_rows(src, dst, progress)
                    _verify(src, dst)
                    dst.execute(insert(AuditEntry), [dict(
                        at=target.now(), staff_id=actor.staff_id, staff_name=actor.name,
                        kind="studio.moved_to_server", after=f"{path.name}: "
                        f"{rows.get('family', 0)} families, {sum(rows.values())} rows")])
                return Moved(server.shown(url), rows)
            finally:
                target.dispose()
        finally:
            source.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _verify(src, dst) -> None:
    """The server's copy before it is committed; any difference refuses the whole move."""
    problems = []
    before, after = copy.counts(src), copy.counts(dst)
    problems += [f"{table}: {before[table]} rows in the file, {after.get(table)} on the server"
                 for table in before if before[table] != after.get(table)]
    session = Session(bind=dst)
    problems += wallet.verify(session)
    theirs = dict(src.execute(select(Wallet.family_id, Wallet.balance)).all())
    ours = dict(session.execute(select(Wallet.family_id, Wallet.balance)).all())
    if theirs != ours:
        differ = sorted(k for k in theirs.keys() | ours.keys() if theirs.get(k) != ours.get(k))
        problems.append(f"balances differ for {len(differ)} families (first: {differ[:5]})")
    if problems:
        raise errors.MoveFailed("the copy on the server did not match the file; nothing was "
                                "kept on the server:\n" + "\n".join(problems[:20]),
                                problems=problems)
