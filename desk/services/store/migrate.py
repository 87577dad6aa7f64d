"""Create and upgrade the schema with the migrations shipped in desk/migrations.

Before migrating a file that already holds data a verified backup is taken; the migration runs
in one transaction with foreign keys off and is checked with ``foreign_key_check`` before commit,
so a failure leaves the file exactly as it was.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from desk.services.store import backup, errors, rules

SQLITE_HEADER = b"SQLite format 3\x00"


MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
_REVISION = re.compile(r"""^(down_revision|revision) = ['"]?([\w]+)['"]?""", re.M)


def _config():
    from alembic.config import Config  # Alembic loads only when a migration has to run

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@functools.cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision, read from the shipped files (cheap: no Alembic import)."""
    found: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            down = fields.get("down_revision")
            found[fields["revision"]] = None if down in (None, "None") else down
    return found


def known_revisions() -> set[str]:
    return set(_revisions())


def head_revision() -> str:
    revisions = _revisions()
    parents = set(revisions.values())
    (head,) = [r for r in revisions if r not in parents]
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_is_sqlite(path: Path) -> None:
    """Refuse a file that exists, is not empty and is not a SQLite database."""
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as f:
            if f.read(16) != SQLITE_HEADER:
                raise errors.NotADatabase(f"{path} is not a Desk database", path=str(path))


@dataclasses.dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup_path: Path | None


def upgrade(engine: Engine, backup_dir: Path | None, *, target: str = "head") -> MigrationResult:
    """Bring the database to ``target``; refuse a database stamped by a newer app."""
    known = known_revisions()
    before = current_revision(engine)
    if before is not None and before not in known:
        raise errors.DatabaseFromFuture(
            "the database was written by a newer version of Desk", revision=before
        )
    wanted = head_revision() if target == "head" else target
    if before == wanted:
        return MigrationResult(before, wanted, None)

    backup_path = None
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if before is not None and database and backup_dir is not None:
        backup_path = backup.make_backup(
            Path(database), backup_dir / f"before-migration-{before}-{backup.stamp()}.db"
        )
    try:
        _run(engine, target)
    except rules.RulesBroken as exc:  # rows the new schema refuses: named, for the user to fix
        raise errors.MigrationFailed(
            "the database could not be upgraded: rows break the rules of the new schema; the "
            "file was left as it was. Fix these rows (`desk check` names them too), then open "
            "it again:\n" + "\n".join(exc.problems),
            backup=str(backup_path or ""), problems=list(exc.problems),
            last_good=exc.last_good or "",
        ) from exc
    except Exception as exc:
        raise errors.MigrationFailed(
            f"the database could not be upgraded ({exc}); the file was left as it was",
            backup=str(backup_path or ""),
        ) from exc
    return MigrationResult(before, current_revision(engine) or "", backup_path)


def _run(engine: Engine, target: str) -> None:
    from alembic import command

    from desk.services.store.dialect import for_name

    cfg = _config()
    with engine.connect() as conn, for_name(engine.dialect.name).migrating(conn) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def rule_problems(connection: Connection) -> list[str]:
    """The rows that break a rule of the current schema (its CHECKs and UNIQUE indexes), one
    line each, at most ``rules.LIMIT``: in an older file, what the next upgrade would refuse.
    Reads only."""
    from desk.models.schema import Base

    every = rules.of_metadata(Base.metadata)
    return rules.violations(connection, rules.applicable(connection, every))


def file_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without changing a byte of it."""
    import contextlib
    import sqlite3

    from desk.services.store.db import connect_read_only

    try:
        with contextlib.closing(connect_read_only(path)) as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND "
                                "name='alembic_version'").fetchone():
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise errors.NotADatabase(f"{path} is not a Desk database ({exc})",
                                  path=str(path)) from None


def open_database(path: Path, backup_dir: Path | None, *, read_only: bool = False, **store_kw):
    """Open (creating or upgrading as needed) the SQLite file at ``path`` as a Store. The file
    is judged before anything touches it: one from a newer Desk, or one opened read-only,
    stays byte for byte as it was."""
    from desk.services.store.db import Store, make_engine, url_for_path

    path = Path(path)
    check_is_sqlite(path)
    if path.exists() and path.stat().st_size > 0:
        revision = file_revision(path)
        if revision is not None and revision not in known_revisions():
            raise errors.DatabaseFromFuture(
                "the database was written by a newer version of Desk; it was not changed",
                revision=revision)
    elif read_only:
        raise errors.NotFound(f"{path} does not exist", path=str(path))
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url_for_path(path), read_only=read_only)
    try:
        try:
            with engine.connect():
                pass  # the pragmas run here: a folder that cannot be written fails now
        except OperationalError as exc:
            raise errors.CannotWrite(
                f"{path}: Desk cannot write this file or its folder ({exc.orig}); copy it to a "
                "folder you can write", path=str(path)) from None
        if not read_only:
            upgrade(engine, backup_dir)
    except Exception:
        engine.dispose()
        raise
    return Store(engine, read_only=read_only, **store_kw)


def open_to_look(path: Path, last_good: str, **store_kw):
    """A file the next upgrade refuses (its rows break the new rules), opened to be looked
    at: a consistent copy in a temporary folder, brought up to this Desk's schema with the
    refusing migrations passed over (they add rules, not columns: the copy lacks only those
    rules) and opened read-only. The file itself is not changed."""
    import tempfile

    from desk.services.store.db import make_engine, url_for_path

    folder = Path(tempfile.mkdtemp(prefix="desk-read-only-"))
    copy = backup.make_backup(Path(path), folder / Path(path).name)
    engine = make_engine(url_for_path(copy))
    try:
        upgrade(engine, None, target=last_good)
        while current_revision(engine) != head_revision():
            try:
                upgrade(engine, None)
            except errors.MigrationFailed as exc:
                if not exc.params.get("last_good"):
                    raise
                _pass_over(engine, _next(exc.params["last_good"]))
    finally:
        engine.dispose()
    return open_database(copy, None, read_only=True, **store_kw)


def _next(revision: str) -> str:
    (after,) = [r for r, down in _revisions().items() if down == revision]
    return after


def _pass_over(engine: Engine, revision: str) -> None:
    """Mark ``revision`` as done without running it (a copy that is only looked at)."""
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, revision)


def open_server(url: str, backup_dir: Path | None, *, read_only: bool = False, **store_kw):
    """Open the studio's database on its server (creating the schema in an empty one, or
    upgrading it) as a Store; what is wrong with the connection comes as a DeskError the
    user can act on. A role that may not write opens read-only; so does a database a newer
    Desk has upgraded (``store.outdated``: this Desk needs updating). An upgrade waits until
    no other desk is connected (``OthersConnected`` names them) and takes a snapshot of the
    data first, as a studio file in ``backup_dir``."""
    from desk.services.store import desks, server
    from desk.services.store.db import Store, make_engine

    connect_to = server.with_password(server.parse(url))
    info = server.probe(connect_to)
    engine = make_engine(connect_to, read_only=read_only)
    outdated = False
    try:
        revision = current_revision(engine)
        outdated = revision is not None and revision not in known_revisions()
        if not (read_only or info.read_only or outdated or revision == head_revision()):
            with engine.connect() as conn:
                others = desks.sessions(conn) if revision is not None else ()
            if others:
                raise errors.OthersConnected(
                    "the studio's database needs upgrading for this Desk, which waits until "
                    "nothing else is connected", names="; ".join(others))
            if revision is not None and backup_dir is not None:  # its data, as it is now
                from desk.services.store import copy

                copy.snapshot(Store(engine), backup_dir / f"before-migration-{revision}-"
                                                          f"{backup.stamp()}.db")
            upgrade(engine, backup_dir)
    except Exception:
        engine.dispose()
        raise
    store = Store(engine, read_only=read_only or info.read_only or outdated, **store_kw)
    store.outdated = outdated
    return store


def open_store(where: Path | str, backup_dir: Path | None, **kw):
    """A SQLite file's path or the studio's server URL, opened as a Store."""
    from desk.services.store import server

    if server.is_url(where):
        return open_server(str(where), backup_dir, **kw)
    return open_database(Path(where), backup_dir, **kw)
