import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desk.models.enums import EntryKind, Mark, PaymentMethod
from desk.models.wallet import LedgerEntry
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.staff import studio
from desk.services.store import migrate
from desk.services.upkeep import check
from desk.services.tasks import tasks
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def setup(store, actor, clock):
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина", "+7 903 555-44-33")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), teacher_id=teacher, price=120000,
        sibling_discount=True))
    fam = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера"),),
        children=(ChildDraft("Ёлкин Саша"), ChildDraft("Ёлкина Маша"))))
    kids = [c.id for c in families.card(store, fam).draft.children]
    ids = enrolment.enrol(store, actor, lesson, fam, kids)
    return lesson, fam, ids


def test_ended_lesson_waits_in_to_check_until_every_child_is_marked(store, actor, setup):
    lesson, fam, (sasha, masha) = setup
    assert [c.lesson.id for c in attendance.to_check(store)] == [lesson]
    attendance.mark(store, actor, sasha, Mark.ATTENDED)
    assert attendance.to_check(store)[0].unmarked == 1
    attendance.mark(store, actor, masha, Mark.ABSENT)
    assert attendance.to_check(store) == []


def test_attended_debits_the_childs_price_once_and_corrections_reverse(store, actor, setup):
    lesson, fam, (sasha, masha) = setup
    wallet.top_up(store, actor, fam, 500000, PaymentMethod.CASH)
    attendance.mark(store, actor, sasha, Mark.ATTENDED)
    attendance.mark(store, actor, sasha, Mark.ATTENDED)  # marking twice debits once
    attendance.mark(store, actor, masha, Mark.ATTENDED)
    assert wallet.balance(store, fam) == 500000 - 120000 - 108000  # Masha: sibling price
    attendance.mark(store, actor, masha, Mark.ABSENT)  # not charged by default
    assert wallet.balance(store, fam) == 500000 - 120000
    kinds = [line.kind for line in wallet.view(store, fam).lines]
    assert kinds[:3] == [EntryKind.CORRECTION, EntryKind.DEBIT, EntryKind.DEBIT]
    roster = {r.enrolment_id: r for r in attendance.check(store, lesson).roster}
    assert not roster[sasha].mismatch and not roster[masha].mismatch


def test_a_missing_or_double_debit_is_flagged(store, actor, setup, where):
    lesson, fam, (sasha, masha) = setup
    attendance.mark(store, actor, sasha, Mark.ATTENDED)
    attendance.mark(store, actor, masha, Mark.ATTENDED)
    with store.write(actor) as uow:  # the booking system debited Sasha a second time
        wallet.append(uow, fam, EntryKind.DEBIT, -120000, enrolment_id=sasha)
        uow.commit()
    lines = {r.enrolment_id: r for r in attendance.check(store, lesson).roster}
    assert lines[sasha].mismatch and lines[sasha].debits == 2
    assert [c.lesson.id for c in attendance.to_check(store)] == [lesson]
    store.dispose()
    found = check.run(where)
    assert not any(f.fault for f in found)
    assert any("debited 2 times" in f.text for f in found)


def test_ask_the_teacher_creates_a_task_with_contact_and_children(store, actor, setup):
    lesson, fam, (sasha, masha) = setup
    task_id = attendance.ask_teacher(store, actor, lesson, [sasha, masha])
    task = tasks.get(store, task_id)
    assert "+7 903 555-44-33" in task.title and "Ёлкин Саша" in task.title


def test_crossing_into_8_20_opens_the_second_feedback_case_once(store, actor, setup, clock):
    from desk.models.enums import FeedbackKind
    from desk.services.feedback import requests

    lesson, fam, (sasha, _) = setup
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    child = families.card(store, fam).draft.children[0].id
    attendance.mark(store, actor, sasha, Mark.ATTENDED)
    for week in range(1, 8):
        extra = lessons.save_lesson(store, actor, lessons.LessonDraft(
            ceramics.id, dt.datetime(2026, 2, 23 - week, 17, tzinfo=MSK)))
        (e,) = enrolment.enrol(store, actor, extra, fam, [child])
        attendance.mark(store, actor, e, Mark.ATTENDED)
        attendance.mark(store, actor, e, Mark.ABSENT)
        attendance.mark(store, actor, e, Mark.ATTENDED)  # back and forth: one task only
    assert attendance.attended_counts(store, [child]) == {child: 8}
    assert attendance.stage(8) == "8–20"
    cases = [r for r in requests.open_requests(store) if r.kind is FeedbackKind.SECOND]
    assert [(c.child_id, c.stage) for c in cases] == [(child, 8)]  # one case per crossing
    assert cases[0].due_at == clock.now + dt.timedelta(days=7)


def test_two_processes_marking_the_same_child_debit_once(store, actor, setup, where):
    lesson, fam, (sasha, _) = setup
    store.dispose()
    script = f"""
from pathlib import Path
from desk.models.enums import Mark
from desk.services.schedule import attendance
from desk.services.store import migrate
from desk.services.store.db import SYSTEM_ACTOR
store = migrate.open_store({where!r}, None)
for _ in range(20):
    attendance.mark(store, SYSTEM_ACTOR, {sasha}, Mark.ATTENDED)
"""
    procs = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    again = migrate.open_store(where, None)
    with again.read() as s:
        debits = s.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.enrolment_id == sasha, LedgerEntry.kind == EntryKind.DEBIT))
    again.dispose()
    assert debits == 1
    assert not [f for f in check.run(where) if f.fault]


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 1), st.sampled_from(list(Mark))), max_size=12),
       st.booleans())
def test_any_marks_keep_balances_equal_to_ledgers_and_attended_debited_once(
        store, actor, marks, cancel_lesson):
    """Each example gets its own lesson and family in the shared store."""
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 2, 17, tzinfo=MSK), price=120000,
        sibling_discount=True))
    fam = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Родитель"),),
        children=(ChildDraft("Первый"), ChildDraft("Второй"))))
    ids = enrolment.enrol(store, actor, lesson, fam,
                          [c.id for c in families.card(store, fam).draft.children])
    for which, new in marks:
        attendance.mark(store, actor, ids[which], new)
    if cancel_lesson:
        lessons.cancel_lesson(store, actor, lesson)
    view = wallet.view(store, fam)
    assert view.balance == sum(line.amount for line in view.lines)
    if cancel_lesson:
        assert view.balance == 0
    else:
        for line in attendance.check(store, lesson).roster:
            assert not line.mismatch
            assert line.debits == (1 if line.expected else 0)
    with store.read() as s:
        assert wallet.verify(s) == []


def test_switching_absence_charging_never_rewrites_the_past(store, actor, clock, setup,
                                                           where):
    lesson, fam, (sasha, masha) = setup
    attendance.mark(store, actor, sasha, Mark.ABSENT)
    attendance.mark(store, actor, masha, Mark.ATTENDED)
    before = wallet.balance(store, fam)
    assert studio.set_absent_charged(store, actor, True) == dt.date(2026, 3, 4)
    # the lesson of March 2 is judged by the rule then: its absence is not due
    assert attendance.to_check(store) == []
    assert all(not r.mismatch for r in attendance.check(store, lesson).roster)
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    today = lessons.save_lesson(store, actor, lessons.LessonDraft(
        ceramics.id, dt.datetime(2026, 3, 4, 10, tzinfo=MSK), price=120000))
    child = families.card(store, fam).draft.children[0].id
    (e,) = enrolment.enrol(store, actor, today, fam, [child])
    attendance.mark(store, actor, e, Mark.ABSENT)
    assert wallet.balance(store, fam) == before - 120000
    clock.advance(days=1)
    studio.set_absent_charged(store, actor, False)
    # switching it off does not call the charge made under the old rule wrong
    assert attendance.to_check(store) == []
    assert not [p for p in check.run(where) if "without attending" in p.text]
