import datetime as dt

import pytest

from desk.models.enums import LapseReason, Mark, ScriptPurpose
from desk.services.calls import lapsed, scripts
from desk.services.crm import families
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


def visit(store, actor, fam, when, mark):
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(ceramics.id, when))
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


def test_the_lapsed_call_names_the_child_it_is_about(store, actor, staff):
    from desk.models.enums import Role

    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Матвей"), ChildDraft("Ёлкина Маша"),
                  ChildDraft("Ёлкин Гоша"))))
    matvey, masha, _gosha = (c.id for c in families.card(store, fid).draft.children)
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 1, 5, 17, tzinfo=MSK)))
    came, missed = enrolment.enrol(store, actor, lesson, fid, [matvey, masha])
    attendance.mark(store, actor, came, Mark.ATTENDED)
    attendance.mark(store, actor, missed, Mark.ABSENT)
    me = staff[Role.COMMUNICATOR].name
    why = scripts.default(ScriptPurpose.LAPSED).step("why").text

    def child(*args):
        return scripts.sheet(store, fid, me, *args).values["child"]

    assert child(ScriptPurpose.LAPSED) == "Матвей"  # the one who came, not Гоша who never did
    assert child(ScriptPurpose.LAPSED, missed) == "Маша"  # a no-show names who missed
    assert child() == "Матвей, Маша и Гоша"  # any other call is about the whole family
    said = scripts.say(why, scripts.sheet(store, fid, me, ScriptPurpose.LAPSED).values)
    assert "на занятиях — Матвей." in said  # no verb to agree with the child's gender
