"""A retry of the whole operation when the server rolled its transaction back because it
collided with another desk's (a deadlock or a serialization failure: SQLSTATE 40P01, 40001).

Only work that has committed nothing yet is run again, so a retry never repeats a write; the
unit of work counts the commits made on each thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from desk.services.store import errors

T = TypeVar("T")

ATTEMPTS = 4
_local = threading.local()


def committed() -> None:
    """Called by the unit of work after each commit on this thread."""
    _local.commits = commits() + 1


def commits() -> int:
    return getattr(_local, "commits", 0)


def again(fn: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """``fn()``, run again (up to ``attempts`` times in all) while it fails with
    ``WritesCollided`` before it committed anything."""
    for attempt in range(1, attempts + 1):
        before = commits()
        try:
            return fn()
        except errors.WritesCollided:
            if attempt == attempts or commits() != before:
                raise
    raise AssertionError("unreachable")
