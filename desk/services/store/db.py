"""The engine: SQLite pragmas, BEGIN IMMEDIATE for writes, and the unit of work.

See shared/RELIABILITY.md: a deferred read-then-write transaction fails at once with
"database is locked" whatever the busy timeout, so every write starts with BEGIN IMMEDIATE.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from desk.models import audit as audit_model
from desk.models import schema as _schema  # noqa: F401  (every mapper known before a query)
from desk.models.base import utcnow
from desk.services.store import changes, cover, errors, events, retry
from desk.services.store import dialect as dialect_module

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10  # a server that does not answer is "unreachable" after this
WRITE = "desk_write"


def url_for_path(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def connect_read_only(path: Path | str, timeout: float = BUSY_TIMEOUT_MS / 1000,
                      ) -> sqlite3.Connection:
    """A connection that cannot change the file, not even its journal mode. A WAL-mode file in
    a folder this user cannot write (no -shm can be made) is opened as immutable when no -wal
    with pending pages lies beside it."""
    path = Path(path).resolve()
    conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, timeout=timeout,
                           check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        conn.close()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
        conn = sqlite3.connect(path.as_uri() + "?immutable=1", uri=True, timeout=timeout,
                               check_same_thread=False)
    return conn


WRITTEN = "desk_written"  # Connection.info key: the tables this transaction wrote to


def _track_writes(engine: Engine) -> Engine:
    """Record the table of every INSERT, UPDATE and DELETE a connection runs, whoever built
    the statement (the ORM, a bulk update, raw SQL): the typed changes come from this."""

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(conn, _cursor, statement, _params, _context, _many) -> None:
        table = changes.written_table(statement)
        if table is not None:
            conn.info.setdefault(WRITTEN, set()).add(table)

    return engine


def _server_engine(url: str | URL, read_only: bool) -> Engine:
    """PostgreSQL: connections checked before use (a server restarted overnight), read-only
    ones refused writes by the server itself."""
    connect_args: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def make_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    """``read_only``: connections that never write (`desk check`, a second copy of the app
    opened read-only, a file about to be refused, a supervisor's PC)."""
    if make_url(url).get_backend_name() != "sqlite":
        return _track_writes(_server_engine(url, read_only))
    url = str(url)
    if read_only:
        path = url.removeprefix("sqlite:///")
        engine = create_engine(url, creator=lambda: connect_read_only(path))
    else:
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    _track_writes(engine)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get(WRITE):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who is doing the change (None for the command line and the demo generator);
    ``looks_only``: a person whose role may read, print and export but change nothing (a
    supervisor) — the store refuses their writes."""

    staff_id: int | None
    name: str
    looks_only: bool = False


SYSTEM_ACTOR = Actor(None, "")


class UnitOfWork:
    """One user action: a session in a write transaction, rolled back unless committed.

    ``changes``: after the commit, the kinds of data the transaction wrote (derived from its
    statements), which the store then announces to its listeners."""

    def __init__(self, session: Session, actor: Actor, now: dt.datetime,
                 announce: Callable[[Session, frozenset[changes.Change]], None] = (
                     lambda _s, _kinds: None)) -> None:
        self.session = session
        self.actor = actor
        self.now = now
        self._announce = announce  # tells the other desks, inside the transaction
        self._committed = False
        self.changes: frozenset[changes.Change] = frozenset()
        self.tables: frozenset[str] = frozenset()
        self._covering: cover.Covering | None = None  # whom the actor covers, on first audit
        self._written: set[str] = set()
        session.connection().info[WRITTEN] = self._written  # begins the write transaction

    def audit(
        self,
        kind: str,
        *,
        entity_id: int | None = None,
        family_id: int | None = None,
        before: str = "",
        after: str = "",
    ) -> None:
        behalf = None
        if self.actor.staff_id is not None:
            if self._covering is None:
                self._covering = cover.covering(self.session, self.actor.staff_id)
            behalf = self._covering.for_whom(kind, entity_id)
        self.session.add(
            audit_model.AuditEntry(
                at=self.now,
                staff_id=self.actor.staff_id,
                staff_name=self.actor.name,
                for_staff_id=behalf[0] if behalf else None,
                for_name=behalf[1] if behalf else "",
                kind=kind,
                entity_id=entity_id,
                family_id=family_id,
                before=before,
                after=after,
            )
        )

    def audit_many(self, kind: str, entries: list[tuple[int | None, int | None, str]]) -> None:
        """Many entries of one kind at once (an import's): (entity id, family id, after)."""
        if entries:
            self.session.execute(insert(audit_model.AuditEntry.__table__), [
                {"at": self.now, "staff_id": self.actor.staff_id, "staff_name": self.actor.name,
                 "kind": kind, "entity_id": entity_id, "family_id": family_id, "before": "",
                 "after": after} for entity_id, family_id, after in entries])

    def publish(self, event: events.Event) -> None:
        """Tell the packages that react to ``event``; they act in this same transaction."""
        events.dispatch(self, event)

    def commit(self) -> None:
        self.session.flush()  # every statement run: the kinds are complete
        kinds = changes.of_tables(self._written)
        if kinds:
            self._announce(self.session, kinds)  # delivered by the commit, never on rollback
        self.session.commit()
        self._committed = True
        retry.committed()
        self.changes = kinds
        self.tables = frozenset(self._written)  # what it wrote (an erase compacts them)


class Store:
    """The database as the services see it.

    ``clock`` returns the aware UTC now; tests move it. ``read_only`` refuses every write.
    ``outdated``: the database was upgraded by a newer Desk (this one opened it read-only).
    """

    outdated = False

    def __init__(
        self,
        engine: Engine,
        *,
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.read_only = read_only
        self.clock = clock
        self._write_engine = engine.execution_options(**{WRITE: True})
        self._listeners: list[Callable[[frozenset[changes.Change]], None]] = []
        self.origin = secrets.token_hex(8)  # this desk's writes, as the other desks hear of them
        self._server = engine.url if self.on_server else None  # for "no connection" words
        # called before every read and write: the UI installs one that refuses widget code on
        # the GUI thread outside an operation
        self.guard: Callable[[], None] = lambda: None

    def on_commit(self, listener: Callable[[frozenset[changes.Change]], None],
                  ) -> Callable[[], None]:
        """Call ``listener(kinds)`` after every write that changed something, on the thread
        that committed it; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def dialect(self) -> dialect_module.Dialect:
        """What this engine does its own way (search index, ids, checkpoint, integrity)."""
        return dialect_module.for_name(self.engine.dialect.name)

    @property
    def on_server(self) -> bool:
        """The studio's server (other desks may write), not a file of this PC."""
        return self.engine.url.get_backend_name() == "postgresql"

    @property
    def path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if self.engine.url.get_backend_name() == "sqlite" and database else None

    def now(self) -> dt.datetime:
        return self.clock()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        self.guard()
        with Session(self.engine, expire_on_commit=False) as session, \
                _busy_as_error(self._server):
            with session.begin():
                yield session

    @contextlib.contextmanager
    def write(self, actor: Actor, *, looking_may: bool = False) -> Iterator[UnitOfWork]:
        """A write transaction. ``looking_may``: a write a looking-only person (a supervisor)
        may make too (keeping a printed checklist)."""
        self.guard()
        if self.read_only:
            raise errors.ReadOnlyStore("the database is open read-only")
        if actor.looks_only and not looking_may:
            raise errors.NotPermitted(f"{actor.name} may look but not change")
        with Session(self._write_engine, expire_on_commit=False) as session, \
                _busy_as_error(self._server):
            uow = UnitOfWork(session, actor, self.now(), self._tell_others)
            try:
                yield uow
            finally:
                if not uow._committed:
                    session.rollback()
        if uow.changes:
            for listener in list(self._listeners):
                listener(uow.changes)

    def _tell_others(self, session: Session, kinds: frozenset[changes.Change]) -> None:
        self.dialect.announce(session, changes.payload(self.origin, kinds))

    def dispose(self) -> None:
        self.engine.dispose()


# what psycopg says when the studio's server cannot be reached or went away mid-way
_SERVER_GONE = ("connection refused", "could not connect", "connection failed",
                "server closed the connection", "terminating connection",
                "connection timeout", "timeout expired", "no route to host",
                "network is unreachable", "connection is closed", "consuming input failed")


_COLLIDED = ("40001", "40P01")  # serialization failure, deadlock detected


@contextlib.contextmanager
def _busy_as_error(url: URL | None = None) -> Iterator[None]:
    """What the environment does to a transaction becomes a message the user can act on (the
    transaction is rolled back whole); anything else is a bug."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) in _COLLIDED:
            raise errors.WritesCollided(
                "this change collided with another desk's at the same moment and was not "
                "written; try again") from exc
        if not isinstance(exc, OperationalError):
            raise
        text = str(exc.orig).lower()
        if "locked" in text or "busy" in text:
            raise errors.DatabaseBusy("the database is busy: another program holds it") from exc
        if "disk is full" in text or "disk i/o error" in text:
            raise errors.DiskFull("the disk is full: nothing was written; free some space and "
                                  "try again") from exc
        if "readonly database" in text or "read-only" in text:
            raise errors.ReadOnlyStore("the database file or its folder cannot be written")\
                from exc
        if url is not None and any(words in text for words in _SERVER_GONE):
            raise errors.ServerUnreachable(  # the transaction was rolled back whole
                f"no connection to the studio's server at {url.host}:{url.port or 5432}: "
                "nothing was written; try again", host=url.host or "",
                port=url.port or 5432) from None
        raise
