import datetime as dt

import pytest

from desk.models.enums import Role, TaskStatus
from desk.services.crm import families
from desk.services.store import errors
from desk.services.tasks import tasks
from desk.services.crm.families import FamilyDraft, GuardianDraft


def task(store, actor, title, hours, **kw):
    return tasks.save(store, actor, tasks.TaskDraft(
        title, store.now() + dt.timedelta(hours=hours), **kw))


def test_today_lists_due_and_overdue_tasks_of_the_role_oldest_first(store, actor, staff):
    late = task(store, actor, "Вчерашняя", -20, assignee_role=Role.COMMUNICATOR)
    later = task(store, actor, "Вечером", 6, assignee_role=Role.COMMUNICATOR)
    task(store, actor, "Завтра", 14, assignee_role=Role.COMMUNICATOR)  # 02:00 tomorrow Moscow
    task(store, actor, "Системе", 1, assignee_role=Role.SYSTEM)
    mine = task(store, actor, "Лично Марии", 2,
                assignee_staff_id=staff[Role.COMMUNICATOR].id)
    today = tasks.today(store, Role.COMMUNICATOR)
    assert [t.id for t in today] == [late, mine, later]
    assert [t.overdue for t in today] == [True, False, False]


def test_done_task_leaves_today_and_is_audited(store, actor):
    tid = task(store, actor, "Перезвонить", -1, assignee_role=Role.SYSTEM)
    tasks.set_status(store, actor, tid, TaskStatus.DONE)
    assert tasks.today(store, Role.SYSTEM) == []
    assert tasks.get(store, tid).status is TaskStatus.DONE


def test_task_for_a_family_appears_on_its_timeline(store, actor):
    fid = families.save(store, actor, FamilyDraft(guardians=(GuardianDraft("Анна"),)))
    task(store, actor, "Позвонить маме", 1, family_id=fid, assignee_role=Role.COMMUNICATOR)
    assert families.card(store, fid).timeline[0].text == "Позвонить маме"
    assert [t.title for t in tasks.listing(store, family_id=fid)] == ["Позвонить маме"]


@pytest.mark.parametrize("kw, field", [
    ({"title": " ", "assignee_role": Role.SYSTEM}, "title"),
    ({"title": "Что-то"}, "assignee"),
])
def test_task_validation(store, actor, kw, field):
    with pytest.raises(errors.ValidationFailed) as info:
        tasks.save(store, actor, tasks.TaskDraft(due_at=store.now(), **kw))
    assert field in info.value.fields
    assert tasks.listing(store, status=None) == []


def test_naive_due_time_is_a_bug(store, actor):
    with pytest.raises(ValueError):
        tasks.save(store, actor, tasks.TaskDraft("x", dt.datetime(2026, 1, 1),
                                                 assignee_role=Role.SYSTEM))
