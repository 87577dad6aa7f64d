"""Backups through the SQLite backup API: written to a temporary file, checked, then renamed.

A plain copy of a WAL database misses recent rows (shared/RELIABILITY.md #3).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desk.services.store import errors

KEEP_DAILY = 14
DAILY_RE = re.compile(r"^desk-(\d{4}-\d{2}-\d{2})\.db$")


def stamp(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return now.strftime("%Y%m%d-%H%M%S")


def _integrity_ok(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def make_backup(
    source: Path, out: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Copy ``source`` to ``out`` consistently, even while other processes write to it."""
    source, out = Path(source), Path(out)
    if not source.exists():
        raise errors.BackupFailed(f"{source} does not exist", path=str(source))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
            if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise errors.BackupFailed(f"{source} is damaged", path=str(source))
            with contextlib.closing(sqlite3.connect(tmp)) as dst:
                def _step(_status: int, remaining: int, total: int) -> None:
                    if progress:
                        progress(total - remaining, total)

                src.backup(dst, pages=-1, progress=_step)
                dst.execute("PRAGMA journal_mode=DELETE")
                if not _integrity_ok(dst):
                    raise errors.BackupFailed("the backup copy failed its integrity check")
        os.replace(tmp, out)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise errors.BackupFailed(f"backup failed: {exc}", path=str(source)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


@dataclasses.dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime  # local file time, aware
    size: int


def list_backups(backup_dir: Path) -> list[BackupFile]:
    if not backup_dir.is_dir():
        return []
    found = []
    for p in backup_dir.glob("*.db"):
        st = p.stat()
        found.append(
            BackupFile(p, dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc), st.st_size)
        )
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def daily_backup(source: Path | Callable[[Path], Path], backup_dir: Path,
                 today: dt.date) -> Path | None:
    """Take today's backup once a day; keep the newest KEEP_DAILY daily backups. ``source``:
    the studio's file, or what writes a snapshot of the studio's server to the path given."""
    target = backup_dir / f"desk-{today.isoformat()}.db"
    made = None
    if not target.exists():
        if callable(source):
            backup_dir.mkdir(parents=True, exist_ok=True)
            made = source(target)
        elif Path(source).exists():
            made = make_backup(source, target)
    daily = sorted(
        (p for p in backup_dir.glob("desk-*.db") if DAILY_RE.match(p.name)), reverse=True
    )
    for old in daily[KEEP_DAILY:]:
        old.unlink()
    return made


def rotates_out(path: Path) -> dt.date | None:
    """The first day a daily backup can be deleted by rotation (KEEP_DAILY newer days taken);
    None for the backups kept until deleted by hand (before a migration or a restore)."""
    m = DAILY_RE.match(Path(path).name)
    return dt.date.fromisoformat(m[1]) + dt.timedelta(days=KEEP_DAILY) if m else None


def restore(backup_file: Path, target: Path, safety_dir: Path) -> Path:
    """Replace ``target``'s contents with ``backup_file``; the current state is saved first.

    The caller must have closed every connection of its own to ``target``.
    Returns the path of the safety copy.
    """
    backup_file = Path(backup_file)
    with contextlib.closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as src:
        try:
            ok = _integrity_ok(src)
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            raise errors.BackupFailed(f"{backup_file} is not a sound backup", path=str(backup_file))
        safety = make_backup(target, safety_dir / f"before-restore-{stamp()}.db")
        with contextlib.closing(sqlite3.connect(target)) as dst:
            src.backup(dst, pages=-1)
    return safety
