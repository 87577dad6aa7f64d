"""A whole operation is run again when the server rolled it back because it collided with
another desk's transaction; one that already committed something is not repeated."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from desk.models.family import Family
from desk.services.crm import families
from desk.services.store import errors, retry
from desk.services.store.db import Actor


def new_family(store, actor, name: str) -> int:
    return families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft(name),)))


def two_families(store, actor) -> tuple[int, int]:
    return new_family(store, actor, "Первая Анна"), new_family(store, actor, "Вторая Вера")


@pytest.mark.postgresql_only
def test_a_deadlock_between_two_desks_is_run_again_and_both_changes_land(store, actor):
    a, b = two_families(store, actor)
    both_hold_one = threading.Barrier(2, timeout=10)
    attempts = {"first": 0, "second": 0}

    def rename(name: str, order: tuple[int, int]) -> None:
        attempts[name] += 1
        with store.write(Actor(None, name)) as uow:
            s = uow.session
            lock = text("SELECT id FROM family WHERE id = :id FOR UPDATE")
            s.execute(lock, {"id": order[0]})
            if attempts[name] == 1:  # the first time both take one row, then want the other
                both_hold_one.wait()
            s.execute(lock, {"id": order[1]})
            for family_id in order:
                s.get(Family, family_id).legend += name
            uow.commit()

    failures: list[BaseException] = []

    def desk(name: str, order: tuple[int, int]) -> None:
        try:
            retry.again(lambda: rename(name, order))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=desk, args=("first", (a, b))),
               threading.Thread(target=desk, args=("second", (b, a)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert failures == []
    # the server rolled back a victim (rarely both, when their checks cross), run again
    assert max(attempts.values()) == 2
    with store.read() as s:
        for family_id in (a, b):
            assert sorted(s.get(Family, family_id).legend) == sorted("firstsecond")


def test_work_that_committed_something_is_not_run_again(store, actor):
    runs = []

    def work():
        runs.append(1)
        new_family(store, actor, f"Анна {len(runs)}")
        raise errors.WritesCollided("collided")

    with pytest.raises(errors.WritesCollided):
        retry.again(work)
    assert len(runs) == 1


def test_a_collision_that_keeps_happening_is_told_after_the_last_attempt():
    runs = []

    def work():
        runs.append(1)
        raise errors.WritesCollided("collided")

    with pytest.raises(errors.WritesCollided):
        retry.again(work, attempts=3)
    assert len(runs) == 3
