"""Who has the database open: one lock row (GnuCash's habit). A second instance learns who holds
it; a lock left by a dead process on the same host can be broken, one from another host never
automatically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import secrets
import socket
import sys

from sqlalchemy import delete, select

from desk.models.studio import AppLock
from desk.services.store import errors
from desk.services.store.db import Actor, Store


@dataclasses.dataclass(frozen=True)
class Holder:
    staff: str
    host: str
    pid: int
    since: dt.datetime
    stale: bool  # the process is gone and it was on this host


def this_host() -> str:
    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(store: Store) -> Holder | None:
    """The first copy of Desk that holds the file and is alive (or a stale one)."""
    with store.read() as s:
        rows = list(s.scalars(select(AppLock).order_by(AppLock.since, AppLock.id)))
    found = [_holder(r) for r in rows]
    return next((h for h in found if not h.stale), found[0] if found else None)


def _holder(row: AppLock) -> Holder:
    stale = row.host == this_host() and not pid_alive(row.pid)
    return Holder(row.staff_name, row.host, row.pid, row.since, stale)


def acquire(store: Store, actor: Actor, *, force: bool = False, pid: int | None = None) -> str:
    """Take a lock; returns a token for release. Raises DatabaseLocked when somebody else
    holds the file, unless ``force`` (open anyway) or every holder is a dead process on this
    host. Each copy keeps its own row, so one that opened anyway and quits leaves the first
    copy's hold in place."""
    pid = os.getpid() if pid is None else pid
    with store.write(actor) as uow:
        s = uow.session
        rows = list(s.scalars(select(AppLock).order_by(AppLock.since, AppLock.id)))
        mine = [r for r in rows if r.pid == pid and r.host == this_host()]
        others = [r for r in rows if r not in mine]
        live = [r for r in others if not _holder(r).stale]
        if live and not force:
            held = _holder(live[0])
            raise errors.DatabaseLocked(
                f"the database is opened by {held.staff} on {held.host} since "
                f"{held.since:%Y-%m-%d %H:%M} UTC", holder=held)
        for row in mine + [r for r in others if r not in live]:  # ours and dead ones
            if row not in mine:
                uow.audit("lock.break", before=json.dumps(
                    {"staff": row.staff_name, "host": row.host, "pid": row.pid},
                    ensure_ascii=False))
            s.delete(row)
        s.flush()
        token = secrets.token_hex(16)
        s.add(AppLock(staff_id=actor.staff_id, staff_name=actor.name, host=this_host(),
                      pid=pid, token=token, since=uow.now))
        uow.commit()
        return token


def release(store: Store, actor: Actor, token: str) -> None:
    """Give back this copy's hold only."""
    with store.write(actor) as uow:
        uow.session.execute(delete(AppLock).where(AppLock.token == token))
        uow.commit()
