import subprocess
import sys

import pytest

from desk.services.store import errors, lock


pytestmark = pytest.mark.sqlite_only  # the SQLite file itself


def dead_pid():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_second_instance_learns_who_holds_the_database(store, staff):
    anna, maria = (m.actor() for m in staff.values())
    token = lock.acquire(store, anna, pid=1)  # pid 1 is alive on any POSIX host
    with pytest.raises(errors.DatabaseLocked) as info:
        lock.acquire(store, maria, pid=424242)
    held = info.value.params["holder"]
    assert (held.staff, held.host, held.stale) == ("Анна Соколова", lock.this_host(), False)
    lock.release(store, anna, token)
    lock.acquire(store, maria, pid=424242)
    assert lock.holder(store).staff == "Мария Лебедева"


def test_the_first_hold_survives_a_copy_opened_anyway(store, staff):
    anna, maria = (m.actor() for m in staff.values())
    lock.acquire(store, anna, pid=1)
    second = lock.acquire(store, maria, force=True, pid=2)  # "open anyway", also alive
    lock.release(store, maria, second)  # the second copy quits
    assert lock.holder(store).staff == "Анна Соколова"
    with pytest.raises(errors.DatabaseLocked) as info:  # a third copy is told
        lock.acquire(store, maria, pid=424243)
    assert info.value.params["holder"].pid == 1


def test_a_dead_process_on_this_host_leaves_a_stale_lock_that_breaks(store, staff):
    anna, maria = (m.actor() for m in staff.values())
    lock.acquire(store, anna, pid=dead_pid())
    assert lock.holder(store).stale
    lock.acquire(store, maria, pid=1)
    assert lock.holder(store).staff == "Мария Лебедева"


def test_a_lock_from_another_host_is_never_stale(store, staff):
    from sqlalchemy import update

    from desk.models.studio import AppLock

    anna, maria = (m.actor() for m in staff.values())
    lock.acquire(store, anna, pid=dead_pid())
    with store.engine.begin() as conn:
        conn.execute(update(AppLock).values(host="other-pc"))
    assert not lock.holder(store).stale
    with pytest.raises(errors.DatabaseLocked):
        lock.acquire(store, maria, pid=1)
