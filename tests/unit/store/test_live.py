"""Live refresh between desks on one server: what one desk commits reaches the others' views
(the kinds), never what it rolled back, never its own writes twice."""

from __future__ import annotations

import queue

import pytest

from desk.models.enums import Role
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import live
from desk.services.store.changes import Change
from desk.services.store.db import Store, make_engine
from desk.services.tasks import tasks

pytestmark = pytest.mark.usefixtures("postgres")


@pytest.fixture
def desks(pg, clock):
    """Two desks (two engines, as on two PCs) on one studio database; the second listens."""
    name, url = pg.copy("desk_studio")
    first, second = Store(make_engine(url), clock=clock), Store(make_engine(url), clock=clock)
    heard: queue.Queue = queue.Queue()
    listener = live.Listener(second, heard.put)
    listener.start()
    assert listener.listening.wait(10)
    yield first, second, heard, listener
    listener.stop()
    first.dispose()
    second.dispose()
    pg.drop(name)


def someone(store):
    return studio.staff(store)[0].actor()


def test_what_one_desk_commits_reaches_the_other_and_a_rollback_never_does(desks):
    first, second, heard, _ = desks
    actor = someone(first)
    with first.write(actor) as uow:  # a task written, then rolled back (never committed)
        tasks.save_in(uow, tasks.TaskDraft("Позвонить", first.now(), assignee_role=Role.SYSTEM))
        uow.session.flush()
    fid = families.save(first, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft("Ёлкина Вера"),)))
    kinds = heard.get(timeout=5)  # the family's, not the task's
    assert Change.FAMILY in kinds and Change.TASK not in kinds
    assert families.card(second, fid).draft.guardians[0].name == "Ёлкина Вера"
    assert heard.empty()


def test_a_desk_does_not_hear_its_own_writes(desks):
    first, second, heard, _ = desks
    own = queue.Queue()
    listener = live.Listener(first, own.put)
    listener.start()
    assert listener.listening.wait(10)
    try:
        tasks.save(first, someone(first), tasks.TaskDraft(  # this desk writes a task …
            "Позвонить", first.now(), assignee_role=Role.SYSTEM))
        assert Change.TASK in heard.get(timeout=5)  # … the other desk hears it …
        families.save(second, someone(second), families.FamilyDraft(
            guardians=(families.GuardianDraft("Петрова Анна"),)))
        kinds = own.get(timeout=5)  # … and this one first hears the other's family
        assert Change.FAMILY in kinds and Change.TASK not in kinds
    finally:
        listener.stop()


@pytest.mark.logs_warnings  # "no connection to the server", as it should
def test_after_the_connection_is_lost_every_view_reloads(desks, pg):
    first, second, heard, listener = desks
    up: queue.Queue = queue.Queue()
    listener.on_connected = up.put
    with pg.admin.connect() as conn:  # the server drops the listener's connection
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{second.engine.url.database}' "
            "AND left(application_name, 5) = 'Desk:'")  # the listener's (it names its desk)
    assert up.get(timeout=10) is False
    assert up.get(timeout=10) is True
    assert heard.get(timeout=5) == frozenset(Change)


def test_each_desk_sees_who_else_is_connected_and_when_they_leave(pg, clock, monkeypatch):
    from desk.services.store import desks as connected

    monkeypatch.setattr(live, "PRESENCE_S", 0.1)
    name, url = pg.copy("desk_studio")
    office, supervisor = Store(make_engine(url), clock=clock), \
        Store(make_engine(url), clock=clock, read_only=True)
    seen_by_office: queue.Queue = queue.Queue()
    first = live.Listener(office, lambda _k: None, name=connected.application_name(
        "office-1 (Мария Лебедева)", False), on_desks=seen_by_office.put)
    second = live.Listener(supervisor, lambda _k: None, name=connected.application_name(
        "office-2 (Ирина)", True))
    try:
        first.start()
        assert seen_by_office.get(timeout=10) == ()
        second.start()
        assert seen_by_office.get(timeout=10) == (connected.Desk("office-2 (Ирина)", True),)
        second.stop()
        assert seen_by_office.get(timeout=10) == ()
    finally:
        first.stop()
        second.stop()
        office.dispose()
        supervisor.dispose()
        pg.drop(name)


def test_a_long_name_is_cut_on_a_character_to_what_the_server_keeps():
    from desk.services.store import desks as connected

    name = connected.application_name("бухгалтерия-второй-этаж (Александра Константиновна)", False)
    assert len(name.encode()) <= connected.NAME_BYTES
    name.encode().decode()  # whole characters only
    assert connected.parse([name])[0].who.startswith("бухгалтерия")
