"""What the benchmarks share: a figure beside its target, a median of runs, a new studio."""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def row(name: str, value: str, target: str, ok: bool, width: int = 60) -> None:
    print(f"{name:<{width}} {value:>10}   target {target:<10} {'ok' if ok else 'MISSED'}")


def median_ms(fn, runs: int = 7) -> float:
    """``fn``'s median time over ``runs`` runs after a warm one, in ms."""
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def new_studio(path: Path) -> None:
    """A migrated file with a studio set up (a System person and a Communicator), closed."""
    from desk.models.enums import Role
    from desk.services.staff import studio
    from desk.services.store import migrate
    from desk.services.store.db import SYSTEM_ACTOR

    store = migrate.open_database(path, None)
    studio.setup(store, "Бенч", "Europe/Moscow", [studio.StaffDraft("A", Role.SYSTEM),
                                                  studio.StaffDraft("B", Role.COMMUNICATOR)],
                 SYSTEM_ACTOR)
    store.dispose()
