import datetime as dt

import pytest

from desk.models.comms import LapseReason, ScriptPurpose
from desk.models.schedule import Mark
from desk.services import attendance, enrolment, errors, families, lapsed, schedule, scripts
from desk.services.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


def visit(store, actor, fam, when, mark):
    ceramics = next(d for d in schedule.directions(store) if d.name == "Керамика")
    lesson = schedule.save_lesson(store, actor, schedule.LessonDraft(ceramics.id, when))
    child = families.card(store, fam).draft.children[0].id
    (e,) = enrolment.enrol(store, actor, lesson, fam, [child])
    if mark is not None:
        attendance.mark(store, actor, e, mark)
    return e


def record(store, actor, family_id, reason, words="", enrolment_id=None):
    """A call with the lapsed-client script that reached the reason."""
    answers = (scripts.Answer("hello", "Удобно говорить?", "Да"),
               scripts.Answer("why", "Что изменилось?", words, reason=reason))
    scripts.record(store, actor, scripts.RunDraft(
        family_id, scripts.default(ScriptPurpose.LAPSED), answers, "declined",
        enrolment_id=enrolment_id))


@pytest.fixture
def fams(store, actor):
    def fam(name):
        return families.save(store, actor, FamilyDraft(
            guardians=(GuardianDraft(f"{name}а Мама"),), children=(ChildDraft(f"{name} Саша"),)))
    return fam("Ёлкин"), fam("Демин"), fam("Петров")


def test_no_shows_wait_for_a_call_and_leave_the_list_once_called(store, actor, fams):
    elkin, _, _ = fams
    e = visit(store, actor, elkin, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), Mark.ABSENT)
    (row,) = lapsed.no_shows(store)
    assert (row.enrolment_id, row.child, row.direction) == (e, "Ёлкин Саша", "Керамика")
    record(store, actor, elkin, LapseReason.HEALTH, "простыл", enrolment_id=e)
    assert lapsed.no_shows(store) == []
    assert "причина: болезнь" in families.card(store, elkin).timeline[0].text


def test_families_not_seen_for_n_weeks_unless_booked_or_called(store, actor, fams, clock):
    elkin, demin, petrov = fams
    visit(store, actor, elkin, dt.datetime(2026, 1, 5, 17, tzinfo=MSK), Mark.ATTENDED)
    visit(store, actor, demin, dt.datetime(2026, 1, 6, 17, tzinfo=MSK), Mark.ATTENDED)
    visit(store, actor, demin, dt.datetime(2026, 3, 9, 17, tzinfo=MSK), None)  # booked ahead
    visit(store, actor, petrov, dt.datetime(2026, 2, 23, 17, tzinfo=MSK), Mark.ATTENDED)
    assert [r.family_id for r in lapsed.lapsed(store)] == [elkin]
    lapsed.set_weeks(store, actor, 1)
    assert {r.family_id for r in lapsed.lapsed(store)} == {elkin, petrov}
    record(store, actor, elkin, LapseReason.PRICE)
    assert [r.family_id for r in lapsed.lapsed(store)] == [petrov]
    with pytest.raises(errors.ValidationFailed):
        lapsed.set_weeks(store, actor, 0)


def test_reasons_are_counted_per_month(store, actor, fams, clock):
    elkin, demin, petrov = fams
    record(store, actor, elkin, LapseReason.PRICE)
    record(store, actor, demin, LapseReason.PRICE)
    clock.advance(days=30)
    record(store, actor, petrov, LapseReason.SCHEDULE)
    counts = lapsed.reasons_by_month(store)
    assert list(counts) == ["2026-04", "2026-03"]
    assert counts["2026-03"][LapseReason.PRICE] == 2
    assert counts["2026-04"][LapseReason.SCHEDULE] == 1
