import dataclasses
import datetime as dt
import subprocess
import sys

import pytest

from desk.models.enums import EntryKind, Role
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.schedule import enrolment, lessons
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def ceramics(store):
    return next(d for d in lessons.directions(store) if d.name == "Керамика")


@pytest.fixture
def teacher(store, actor):
    return lessons.save_teacher(store, actor, "Ирина Глинина", "+7 903 555-44-33")


def lesson_at(store, actor, direction, teacher, day=5, hour=17, **kw):
    return lessons.save_lesson(store, actor, lessons.LessonDraft(
        direction.id, dt.datetime(2026, 3, day, hour, tzinfo=MSK), teacher_id=teacher, **kw))


def family(store, actor, surname, *kids, phone=None):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"{surname}а Мама", phone or ""),),
        children=tuple(ChildDraft(f"{surname} {k}") for k in kids)))


def kids(store, fid):
    return [c.id for c in families.card(store, fid).draft.children]


def test_default_directions_and_capacities(store):
    found = {d.name: d.capacity for d in lessons.directions(store)}
    assert found["Мастерская-лагерь"] == 13
    assert found["Столярная мастерская"] == found["Керамика"] == found["Рукоделие"] == 8


def test_a_weekly_series_makes_one_lesson_per_week_and_one_date_can_move(store, actor,
                                                                         ceramics, teacher):
    draft = lessons.LessonDraft(ceramics.id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK),
                                 teacher_id=teacher)
    series_id, count = lessons.create_series(store, actor, lessons.SeriesDraft(
        draft, dt.date(2026, 4, 30)))
    assert count == 9  # Thursdays 5 March … 30 April
    rows = lessons.week(store, dt.date(2026, 3, 9))
    assert [(r.direction, r.starts_at.astimezone(MSK).hour, r.capacity) for r in rows] == [
        ("Керамика", 17, 8)]
    moved = lessons.save_lesson(store, actor, lessons.dataclasses.replace(
        rows[0].draft(), starts_at=dt.datetime(2026, 3, 13, 11, tzinfo=MSK)))
    after = lessons.week(store, dt.date(2026, 3, 9))
    assert [(r.id, r.starts_at.astimezone(MSK).day) for r in after] == [(moved, 13)]
    assert len(lessons.week(store, dt.date(2026, 3, 16))) == 1  # the others stay


def test_full_lesson_refuses_and_the_waitlist_gets_the_freed_place(store, actor, ceramics,
                                                                   teacher):
    lesson = lesson_at(store, actor, ceramics, teacher, capacity=2)
    a = family(store, actor, "Ёлкин", "Саша", "Маша")
    b = family(store, actor, "Демин", "Петя")
    ids = enrolment.enrol(store, actor, lesson, a, kids(store, a))
    with pytest.raises(errors.LessonFull) as info:
        enrolment.enrol(store, actor, lesson, b, kids(store, b))
    assert info.value.params["free"] == 0
    enrolment.add_to_waitlist(store, actor, lesson, b, kids(store, b))
    enrolment.cancel_by_client(store, actor, ids[1])
    offered = [t for t in tasks.listing(store) if t.origin.startswith("place_available")]
    assert len(offered) == 1 and offered[0].family_id == b
    assert offered[0].assignee_role is Role.COMMUNICATOR
    enrolment.enrol(store, actor, lesson, b, kids(store, b))
    assert lessons.lesson(store, lesson).enrolled == 2


def test_sibling_discount_and_adults_on_the_total(store, actor, ceramics, teacher):
    lesson = lesson_at(store, actor, ceramics, teacher, price=100000, sibling_discount=True,
                       adults_allowed=True, adult_price=50000)
    fam = family(store, actor, "Ёлкин", "Саша", "Маша", "Лёва")
    q = enrolment.quote(store, lesson, fam, kids(store, fam), adults=1)
    assert [line.price for line in q.lines] == [100000, 90000, 90000]
    assert q.total == 280000 + 50000
    plain = lesson_at(store, actor, ceramics, teacher, day=6, price=100000)
    assert enrolment.quote(store, plain, fam, kids(store, fam)).total == 300000
    with pytest.raises(errors.ValidationFailed):
        enrolment.quote(store, plain, fam, kids(store, fam), adults=1)


def test_first_ever_enrolment_creates_the_tell_the_teacher_task(store, actor, ceramics,
                                                                teacher):
    first = lesson_at(store, actor, ceramics, teacher)
    second = lesson_at(store, actor, ceramics, teacher, day=12)
    fam = family(store, actor, "Ёлкин", "Саша")
    enrolment.enrol(store, actor, first, fam, kids(store, fam))
    enrolment.enrol(store, actor, second, fam, kids(store, fam))
    notices = [t for t in tasks.listing(store) if t.origin.startswith("first_lesson")]
    assert len(notices) == 1
    assert "Ирина Глинина" in notices[0].title and "Ёлкин Саша" in notices[0].title


def test_cancelled_lesson_leaves_the_schedule_tells_families_and_reverses_charges(
        store, actor, ceramics, teacher):
    lesson = lesson_at(store, actor, ceramics, teacher)
    a = family(store, actor, "Ёлкин", "Саша")
    b = family(store, actor, "Демин", "Петя")
    (ea,) = enrolment.enrol(store, actor, lesson, a, kids(store, a))
    enrolment.enrol(store, actor, lesson, b, kids(store, b))
    with store.write(actor) as uow:  # a debit as the attendance check will make it
        wallet.append(uow, a, EntryKind.DEBIT, -120000, enrolment_id=ea)
        uow.commit()
    assert lessons.cancel_lesson(store, actor, lesson, "педагог заболел") == 2
    assert lessons.week(store, dt.date(2026, 3, 2)) == []
    assert wallet.balance(store, a) == 0
    told = [t for t in tasks.listing(store) if t.origin == "lesson_cancelled"]
    assert {t.family_id for t in told} == {a, b}
    with pytest.raises(errors.LessonCancelled):
        enrolment.enrol(store, actor, lesson, a, kids(store, a))


def test_a_client_who_cancelled_can_enrol_again(store, actor, ceramics, teacher, where):
    from desk.models.enums import Mark
    from desk.services.schedule import attendance
    from desk.services.upkeep import check

    lesson = lesson_at(store, actor, ceramics, teacher, day=3, price=120000)
    fam = family(store, actor, "Ёлкин", "Саша")
    (first,) = enrolment.enrol(store, actor, lesson, fam, kids(store, fam))
    attendance.mark(store, actor, first, Mark.ATTENDED)  # charged, then the client cancels
    enrolment.cancel_by_client(store, actor, first)
    assert wallet.balance(store, fam) == 0
    (again,) = enrolment.enrol(store, actor, lesson, fam, kids(store, fam))
    assert again == first  # the same row comes back
    attendance.mark(store, actor, again, Mark.ATTENDED)
    assert wallet.balance(store, fam) == -120000
    (line,) = attendance.check(store, lesson).roster
    assert not line.mismatch and line.debits == 1
    assert [f for f in check.run(where) if f.fault] == []


def test_moving_a_lesson_tells_the_families_and_cancelling_cleans_up(store, actor, ceramics,
                                                                       teacher):
    from desk.models.enums import TaskStatus

    lesson = lesson_at(store, actor, ceramics, teacher, day=10, capacity=1)
    elkin = family(store, actor, "Ёлкин", "Саша")
    demin = family(store, actor, "Демин", "Петя")
    enrolment.enrol(store, actor, lesson, elkin, kids(store, elkin))  # first time: a notice
    enrolment.add_to_waitlist(store, actor, lesson, demin, kids(store, demin))
    row = lessons.lesson(store, lesson)
    lessons.save_lesson(store, actor, dataclasses.replace(
        row.draft(), starts_at=row.starts_at + dt.timedelta(hours=2)))
    moved = [t for t in tasks.listing(store) if t.origin.startswith("lesson_moved")]
    assert [t.family_id for t in moved] == [elkin]
    assert "было 10.03.2026 17:00, стало 10.03.2026 19:00" in moved[0].title
    lessons.save_lesson(store, actor, lessons.lesson(store, lesson).draft())  # not moved
    assert len([t for t in tasks.listing(store) if t.origin.startswith("lesson_moved")]) == 1
    assert lessons.cancel_lesson(store, actor, lesson, "педагог заболел") == 1
    open_ = tasks.listing(store)
    assert not [t for t in open_ if t.origin.split(":")[0] in ("first_lesson", "lesson_moved")]
    cancelled = [t for t in open_ if t.origin == "lesson_cancelled"]
    assert sorted(t.family_id for t in cancelled) == sorted([elkin, demin])
    assert any("листа ожидания" in t.title for t in cancelled if t.family_id == demin)
    assert enrolment.waitlist(store, lesson) == []
    closed = tasks.listing(store, status=TaskStatus.CANCELLED)
    assert {t.origin.split(":")[0] for t in closed} == {"first_lesson", "lesson_moved"}


def test_a_teacher_or_room_taken_at_the_same_time_is_found(store, actor, ceramics, teacher):
    room = lessons.save_room(store, actor, "Большой класс")
    first = lesson_at(store, actor, ceramics, teacher, day=10, hour=17)
    lessons.save_lesson(store, actor, dataclasses.replace(
        lessons.lesson(store, first).draft(), room_id=room))
    draft = lessons.LessonDraft(ceramics.id, dt.datetime(2026, 3, 10, 18, tzinfo=MSK),
                                 teacher_id=None, room_id=room)
    assert [c.id for c in lessons.booking_conflicts(store, draft)] == [first]
    later = dataclasses.replace(draft, starts_at=dt.datetime(2026, 3, 10, 18, 30, tzinfo=MSK))
    assert lessons.booking_conflicts(store, later) == []  # 17:00–18:30 has ended
    assert lessons.booking_conflicts(store, lessons.lesson(store, first).draft()) == []


def test_two_desks_taking_the_last_place_at_once_one_gets_it_the_other_is_told(
        store, actor, ceramics, teacher, where):
    """Two processes (two desks) enrol two families into the lesson's last place at the same
    moment: the lesson is held while its places are counted, so one wins and the other hears
    "the lesson is full", never both."""
    lesson = lesson_at(store, actor, ceramics, teacher, capacity=1)
    fams = {name: family(store, actor, name, "Саша") for name in ("Ёлкин", "Демин")}
    children = {name: kids(store, fid)[0] for name, fid in fams.items()}
    store.dispose()
    script = f"""
import sys
from desk.services.schedule import enrolment
from desk.services.store import errors, migrate
from desk.services.store.db import SYSTEM_ACTOR
family, child = int(sys.argv[1]), int(sys.argv[2])
store = migrate.open_store({where!r}, None)
print("ready", flush=True)
sys.stdin.readline()  # "go": the other one is open too
try:
    enrolment.enrol(store, SYSTEM_ACTOR, {lesson}, family, [child])
    print("enrolled", flush=True)
except errors.LessonFull:
    print("full", flush=True)
"""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(fams[name]),
                               str(children[name])], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for name in children]
    assert [p.stdout.readline() for p in procs] == ["ready\n", "ready\n"]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.close()
    said = sorted(p.stdout.readline() for p in procs)
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    for p in procs:
        p.stdout.close()
    assert said == ["enrolled\n", "full\n"]
    from desk.services.schedule import attendance
    from desk.services.store import migrate

    again = migrate.open_store(where, None)
    assert len(attendance.check(again, lesson).roster) == 1
    again.dispose()
