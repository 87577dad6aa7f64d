import datetime as dt

import pytest

from desk.models.enums import CallDirection
from desk.services.calls import calls
from desk.services.crm import families
from desk.services.staff import hours
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.services.crm.families import FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))


@pytest.fixture
def elkina(store, actor):
    return families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера", "+7 912 345-67-89"),)))


def test_a_typed_number_finds_the_family_at_once(store, elkina):
    phone, row = calls.lookup(store, "8 (912) 345-67-89")
    assert phone == "+79123456789" and row.id == elkina
    assert calls.lookup(store, "+7 903 000-00-00")[1] is None
    assert calls.lookup(store, "8 912")[0] is None  # not a number yet


def test_a_call_goes_to_the_familys_timeline(store, actor, elkina):
    calls.log(store, actor, calls.CallDraft("89123456789", CallDirection.OUTGOING,
                                            duration_s=185, topic="Запись на керамику",
                                            outcome="Записались", next_step="Напомнить в пт"))
    item = families.card(store, elkina).timeline[0]
    assert item.text == "Исходящий звонок · 3:05 · Запись на керамику · Записались · → " \
                        "Напомнить в пт"
    (row,) = calls.recent(store)
    assert row.family_title == "Ёлкина Вера" and row.duration_s == 185


def test_missed_call_in_working_hours_is_due_in_30_minutes(store, actor, elkina, clock):
    clock.now = dt.datetime(2026, 3, 4, 12, 0, tzinfo=MSK)  # Wednesday 12:00
    calls.log(store, actor, calls.CallDraft("+79123456789", missed=True))
    (task,) = [t for t in tasks.listing(store) if t.origin == "missed_call"]
    assert task.due_at == dt.datetime(2026, 3, 4, 12, 30, tzinfo=MSK)
    assert task.family_id == elkina and "+7 912 345-67-89" in task.title


@pytest.mark.parametrize("missed, due", [
    (dt.datetime(2026, 3, 4, 22, 40, tzinfo=MSK), dt.datetime(2026, 3, 5, 11, 0, tzinfo=MSK)),
    (dt.datetime(2026, 3, 4, 14, 20, tzinfo=MSK), dt.datetime(2026, 3, 4, 16, 0, tzinfo=MSK)),
    (dt.datetime(2026, 3, 6, 21, 0, tzinfo=MSK), dt.datetime(2026, 3, 7, 11, 0, tzinfo=MSK)),
])
def test_missed_call_outside_hours_is_due_in_the_first_hour_after_opening(
        store, actor, clock, missed, due):
    clock.now = missed
    calls.log(store, actor, calls.CallDraft("+79035550000", missed=True))
    (task,) = [t for t in tasks.listing(store) if t.origin == "missed_call"]
    assert task.due_at == due and task.family_id is None


@pytest.mark.parametrize("missed, due", [
    # 13:50 before the 14:00 lunch: 10 minutes before it, 20 after it (not 14:20)
    (dt.datetime(2026, 3, 4, 13, 50, tzinfo=MSK), dt.datetime(2026, 3, 4, 15, 20, tzinfo=MSK)),
    # 19:45 before the 20:00 closing: 15 minutes then, 15 the next morning (not 20:15)
    (dt.datetime(2026, 3, 4, 19, 45, tzinfo=MSK), dt.datetime(2026, 3, 5, 10, 15, tzinfo=MSK)),
])
def test_a_call_back_falls_due_in_working_time(store, actor, clock, missed, due):
    clock.now = missed
    calls.log(store, actor, calls.CallDraft("+79035550000", missed=True))
    (task,) = [t for t in tasks.listing(store) if t.origin == "missed_call"]
    assert task.due_at == due
    assert hours.current(store).is_open(task.due_at - dt.timedelta(seconds=1))


def test_holidays_and_the_studios_own_hours(store, actor, clock):
    hours.save_week(store, actor, [hours.Block(d, dt.time(9), dt.time(13)) for d in range(7)],
                    {dt.date(2026, 3, 5): "Праздник"})
    h = hours.current(store)
    at = dt.datetime(2026, 3, 4, 14, 0, tzinfo=MSK)
    assert not h.is_open(at)
    assert h.next_open(at) == dt.datetime(2026, 3, 6, 9, 0, tzinfo=MSK)
    with pytest.raises(errors.ValidationFailed):
        hours.save_week(store, actor, [hours.Block(0, dt.time(9), dt.time(13)),
                                       hours.Block(0, dt.time(12), dt.time(15))])


def test_a_bad_number_is_refused(store, actor):
    with pytest.raises(errors.ValidationFailed):
        calls.log(store, actor, calls.CallDraft("12"))
