"""Who has the database open: one lock row (GnuCash's habit). A second instance learns who holds
it; a lock left by a dead process on the same host can be broken, one from another host never
automatically."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import secrets
import socket
import sys

from sqlalchemy import delete, select

from desk.models.studio import AppLock
from desk.services import errors
from desk.services.db import Actor, Store


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
    with store.read() as s:
        row = s.scalar(select(AppLock).where(AppLock.id == 1))
        return _holder(row) if row else None


def _holder(row: AppLock) -> Holder:
    stale = row.host == this_host() and not pid_alive(row.pid)
    return Holder(row.staff_name, row.host, row.pid, row.since, stale)


def acquire(store: Store, actor: Actor, *, force: bool = False, pid: int | None = None) -> str:
    """Take the lock; returns a token for release. Raises DatabaseLocked when somebody else
    holds it, unless ``force`` (open anyway) or the holder is a dead process on this host."""
    pid = os.getpid() if pid is None else pid
    with store.write(actor) as uow:
        row = uow.session.get(AppLock, 1)
        if row is not None and row.pid == pid and row.host == this_host():
            force = True
        if row is not None and not force:
            held = _holder(row)
            if not held.stale:
                raise errors.DatabaseLocked(
                    f"the database is opened by {held.staff} on {held.host} since "
                    f"{held.since:%Y-%m-%d %H:%M} UTC", holder=held)
        if row is not None:
            uow.audit("lock.break", before=f'{{"staff": "{row.staff_name}", "host": "{row.host}",'
                                           f' "pid": {row.pid}}}')
            uow.session.delete(row)
            uow.session.flush()
        token = secrets.token_hex(16)
        uow.session.add(AppLock(id=1, staff_id=actor.staff_id, staff_name=actor.name,
                                host=this_host(), pid=pid, token=token, since=uow.now))
        uow.commit()
        return token


def release(store: Store, actor: Actor, token: str) -> None:
    with store.write(actor) as uow:
        uow.session.execute(delete(AppLock).where(AppLock.token == token))
        uow.commit()
