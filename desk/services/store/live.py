"""Live refresh between desks on the studio's server: a thread with its own connection that
LISTENs on the changes channel and hands each change another desk committed to ``on_changes``
(the kinds, as the desk's own writes are announced). A lost connection is tried again and
again; once it is back, every kind is announced (what was sent meanwhile is lost), so every
view reloads in full. ``on_connected(bool)`` follows the connection.

The listening connection carries this desk's name (``desks.application_name``), so the other
desks see who is connected; every ``PRESENCE_S`` it looks who else is and hands a change of
that to ``on_desks``."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from desk.services.store import changes, desks
from desk.services.store.changes import Change
from desk.services.store.db import CONNECT_TIMEOUT_S, Store
from desk.services.store.dialect.postgresql import CHANNEL

log = logging.getLogger(__name__)

RETRY_FIRST_S = 1.0
RETRY_MAX_S = 15.0
PRESENCE_S = 10.0  # how often the desk looks who else is connected (tests shorten it)


class Listener:
    def __init__(self, store: Store, on_changes: Callable[[frozenset[Change]], None],
                 on_connected: Callable[[bool], None] = lambda _up: None, *,
                 name: str = "",
                 on_desks: Callable[[tuple[desks.Desk, ...]], None] = lambda _d: None,
                 ) -> None:
        self.store = store
        self.on_changes = on_changes
        self.on_connected = on_connected
        self.name = name or desks.application_name("?", store.read_only)
        self.on_desks = on_desks
        self.seen: tuple[desks.Desk, ...] | None = None  # the other desks, last looked
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait on it)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="desk-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _connect(self):
        import psycopg

        url = self.store.engine.url
        return psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                               user=url.username, password=url.password, autocommit=True,
                               connect_timeout=CONNECT_TIMEOUT_S, application_name=self.name)

    def _run(self) -> None:
        pause, first = RETRY_FIRST_S, True
        while not self._stop.is_set():
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self.on_connected(True)
                    if not first:  # notifications sent while away are lost: reload all
                        self.on_changes(frozenset(Change))
                    first, pause = False, RETRY_FIRST_S
                    looked = 0.0
                    while not self._stop.is_set():
                        if time.monotonic() - looked >= PRESENCE_S:
                            looked = time.monotonic()
                            self._look(conn)
                        for note in conn.notifies(timeout=min(0.5, PRESENCE_S)):
                            self._heard(note.payload)
            except Exception as exc:  # the server went away (or never came): try again
                if self._stop.is_set():
                    break
                log.warning("live refresh: no connection to the server (%s)",
                            type(exc).__name__)
            self.listening.clear()
            if self._stop.is_set():
                break
            self.on_connected(False)
            self._stop.wait(pause)
            pause = min(pause * 2, RETRY_MAX_S)

    def _look(self, conn) -> None:
        found = desks.others(conn)
        if found != self.seen:
            self.seen = found
            self.on_desks(found)

    def _heard(self, payload: str) -> None:
        try:
            origin, kinds = changes.from_payload(payload)
        except (ValueError, TypeError, AttributeError):
            log.warning("live refresh: a change that could not be read was left out")
            return
        if origin != self.store.origin and kinds:  # our own writes were announced already
            self.on_changes(kinds)
