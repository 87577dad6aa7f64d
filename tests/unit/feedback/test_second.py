"""The second feedback: a stage crossing opens a case; the head teacher gets the brief; their
feedback is recorded and the case closes; a case past its date is late."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desk.models.enums import Channel, FeedbackKind, FeedbackStatus, Mark
from desk.services.crm import families
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft
from desk.services.feedback import requests, second
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def crossed(store, actor, clock):
    """Саша attends his eighth ceramics lesson: (family, case id, head teacher id)."""
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина")
    head = lessons.save_teacher(store, actor, "Олег Главный", "+7 903 111-22-33", head=True)
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 916 000-11-22", telegram="vera_e"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2018, 5, 1)),),
        preferred_channel=Channel.TELEGRAM, legend="Папа — гончар, Саша любит глину"))
    child = families.card(store, fid).draft.children[0].id
    for week in range(8):
        lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
            ceramics.id, dt.datetime(2026, 1, 6, 17, tzinfo=MSK) + dt.timedelta(weeks=week),
            teacher_id=teacher))
        (e,) = enrolment.enrol(store, actor, lesson, fid, [child])
        if week == 0:
            [first] = requests.open_requests(store)
            requests.record(store, actor, first.id, requests.Words("Саша сразу взялся за глину"))
        attendance.mark(store, actor, e, Mark.ATTENDED)
    [case] = [r for r in requests.open_requests(store) if r.kind is FeedbackKind.SECOND]
    return fid, case.id, head


def test_the_brief_holds_what_the_head_teacher_needs_for_the_call(store, crossed):
    fid, case_id, head = crossed
    brief = second.brief(store, case_id)
    lines = brief.text.splitlines()
    assert lines[0] == ("Вторая обратная связь: Ёлкин Саша (7 лет) — этап «8–20 занятий», "
                        "посещено занятий: 8")
    assert "Ёлкина Вера, +7 916 000-11-22, @vera_e" in brief.text
    assert "Удобный канал связи: Telegram" in brief.text
    assert "О семье: Папа — гончар, Саша любит глину" in brief.text
    assert "Первая обратная связь педагога: Саша сразу взялся за глину" in brief.text
    assert "Направления: Керамика" in brief.text
    assert "до 11.03.2026" in brief.text  # a week after the crossing (4 March)
    assert brief.head_teachers[0] == (head, "Олег Главный", False)  # the head teacher first


def test_handed_then_recorded_the_case_closes_and_shows_on_the_card(store, actor, clock,
                                                                    crossed):
    fid, case_id, head = crossed
    with pytest.raises(errors.ValidationFailed) as caught:
        second.hand_over(store, actor, case_id, None)
    assert caught.value.fields == {"teacher": "teacher_missing"}
    second.hand_over(store, actor, case_id, head)
    row = requests.request(store, case_id)
    assert row.status is FeedbackStatus.HANDED and row.teacher == "Олег Главный"
    assert row.handed_at == clock.now
    clock.now += dt.timedelta(days=8)
    assert requests.request(store, case_id).late  # a week has passed: late
    requests.record(store, actor, case_id, requests.Words(
        "Мама хочет, чтобы Саша готовился к выставке; возражений нет"))
    row = requests.request(store, case_id)
    assert row.status is FeedbackStatus.DONE and not row.late
    assert case_id not in [r.id for r in requests.open_requests(store)]
    assert case_id in [r.id for r in requests.finished(store, clock.now - dt.timedelta(days=1))]
    timeline = [t.text for t in families.card(store, fid).timeline]
    assert any("передана главному педагогу (Олег Главный)" in t for t in timeline)
    assert any("к выставке" in t for t in timeline)
    with pytest.raises(errors.ValidationFailed) as caught:  # nothing goes to the parent
        requests.send(store, actor, case_id, "текст")
    assert caught.value.fields == {"text": "feedback_by_call"}


def test_the_days_are_the_studios(store, actor, clock, crossed):
    fid, case_id, _ = crossed
    requests.set_deadlines(store, actor, 24, 3)
    child = families.card(store, fid).draft.children[0].id
    from desk.services.store.db import SYSTEM_ACTOR

    with store.write(SYSTEM_ACTOR) as uow:
        second.open_case(uow, child, fid, 21)
        second.open_case(uow, child, fid, 21)  # once per crossing
        second.open_case(uow, child, fid, 12)  # not a crossing
        uow.commit()
    cases = [r for r in requests.open_requests(store) if r.kind is FeedbackKind.SECOND]
    assert [(c.stage, c.due_at) for c in cases] == [
        (8, clock.now + dt.timedelta(days=7)), (21, clock.now + dt.timedelta(days=3))]
    assert dataclasses.asdict(cases[1])["status"] is FeedbackStatus.WAITING
