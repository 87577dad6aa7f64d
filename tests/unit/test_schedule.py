import datetime as dt

import pytest

from desk.models.studio import Role
from desk.models.wallet import EntryKind
from desk.services import enrolment, errors, families, schedule, tasks, wallet
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def ceramics(store):
    return next(d for d in schedule.directions(store) if d.name == "Керамика")


@pytest.fixture
def teacher(store, actor):
    return schedule.save_teacher(store, actor, "Ирина Глинина", "+7 903 555-44-33")


def lesson_at(store, actor, direction, teacher, day=5, hour=17, **kw):
    return schedule.save_lesson(store, actor, schedule.LessonDraft(
        direction.id, dt.datetime(2026, 3, day, hour, tzinfo=MSK), teacher_id=teacher, **kw))


def family(store, actor, surname, *kids, phone=None):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft(f"{surname}а Мама", phone or ""),),
        children=tuple(ChildDraft(f"{surname} {k}") for k in kids)))


def kids(store, fid):
    return [c.id for c in families.card(store, fid).draft.children]


def test_default_directions_and_capacities(store):
    found = {d.name: d.capacity for d in schedule.directions(store)}
    assert found["Мастерская-лагерь"] == 13
    assert found["Столярная мастерская"] == found["Керамика"] == found["Рукоделие"] == 8


def test_a_weekly_series_makes_one_lesson_per_week_and_one_date_can_move(store, actor,
                                                                         ceramics, teacher):
    draft = schedule.LessonDraft(ceramics.id, dt.datetime(2026, 3, 5, 17, tzinfo=MSK),
                                 teacher_id=teacher)
    series_id, count = schedule.create_series(store, actor, schedule.SeriesDraft(
        draft, dt.date(2026, 4, 30)))
    assert count == 9  # Thursdays 5 March … 30 April
    rows = schedule.week(store, dt.date(2026, 3, 9))
    assert [(r.direction, r.starts_at.astimezone(MSK).hour, r.capacity) for r in rows] == [
        ("Керамика", 17, 8)]
    moved = schedule.save_lesson(store, actor, schedule.dataclasses.replace(
        rows[0].draft(), starts_at=dt.datetime(2026, 3, 13, 11, tzinfo=MSK)))
    after = schedule.week(store, dt.date(2026, 3, 9))
    assert [(r.id, r.starts_at.astimezone(MSK).day) for r in after] == [(moved, 13)]
    assert len(schedule.week(store, dt.date(2026, 3, 16))) == 1  # the others stay


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
    offered = [t for t in tasks.listing(store) if t.origin == "place_available"]
    assert len(offered) == 1 and offered[0].family_id == b
    assert offered[0].assignee_role is Role.COMMUNICATOR
    enrolment.enrol(store, actor, lesson, b, kids(store, b))
    assert schedule.lesson(store, lesson).enrolled == 2


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
    notices = [t for t in tasks.listing(store) if t.origin == "first_lesson"]
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
    assert schedule.cancel_lesson(store, actor, lesson, "педагог заболел") == 2
    assert schedule.week(store, dt.date(2026, 3, 2)) == []
    assert wallet.balance(store, a) == 0
    told = [t for t in tasks.listing(store) if t.origin == "lesson_cancelled"]
    assert {t.family_id for t in told} == {a, b}
    with pytest.raises(errors.LessonCancelled):
        enrolment.enrol(store, actor, lesson, a, kids(store, a))
