"""The shared task list: manual tasks now; later capabilities create their own by origin."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.models.enums import Role, TaskStatus, TimelineKind
from desk.models.studio import Staff
from desk.models.task import Task
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store, UnitOfWork


@dataclasses.dataclass(frozen=True)
class TaskDraft:
    title: str
    due_at: dt.datetime
    family_id: int | None = None
    assignee_staff_id: int | None = None
    assignee_role: Role | None = None
    details: str = ""
    origin: str = "manual"
    id: int | None = None


@dataclasses.dataclass(frozen=True)
class TaskView:
    id: int
    title: str
    details: str
    family_id: int | None
    family_title: str
    due_at: dt.datetime
    assignee_staff_id: int | None
    assignee_name: str
    assignee_role: Role | None
    status: TaskStatus
    origin: str
    overdue: bool

    def draft(self) -> TaskDraft:
        return TaskDraft(self.title, self.due_at, self.family_id, self.assignee_staff_id,
                         self.assignee_role, self.details, self.origin, self.id)


def save(store: Store, actor: Actor, draft: TaskDraft) -> int:
    with store.write(actor) as uow:
        task_id = save_in(uow, draft)
        uow.commit()
        return task_id


# the partial UNIQUE indexes that keep a task's origin once only (desk.models.task)
ONCE_ONLY = tuple(str(i.name) for i in Task.__table__.indexes if i.unique)


def save_once(uow: UnitOfWork, draft: TaskDraft) -> int | None:
    """Create a task whose origin the desk creates once only (see desk.models.task); None when
    there is one already. The partial UNIQUE index decides, inside a savepoint, so two desks
    writing at once cannot both create it, and nothing else of the transaction is lost."""
    try:
        with uow.session.begin_nested():
            return save_in(uow, draft)
    except IntegrityError as exc:
        text = str(exc.orig)
        if not (text.startswith("UNIQUE constraint failed: task.")  # SQLite names the columns
                or any(name in text for name in ONCE_ONLY)):  # PostgreSQL names the index
            raise
        return None


def save_in(uow: UnitOfWork, draft: TaskDraft) -> int:
    s = uow.session
    fields = {}
    if not draft.title.strip():
        fields["title"] = "title_empty"
    if draft.due_at.tzinfo is None:
        raise ValueError("due_at must be timezone-aware")
    if draft.assignee_staff_id is None and draft.assignee_role is None:
        fields["assignee"] = "assignee_missing"
    if draft.assignee_staff_id is not None and s.get(Staff, draft.assignee_staff_id) is None:
        fields["assignee"] = "assignee_missing"
    if fields:
        raise errors.ValidationFailed(fields)
    if draft.family_id is not None:
        families.load(s, draft.family_id)
    if draft.id is None:
        task = Task(created_at=uow.now, created_by=uow.actor.staff_id, origin=draft.origin)
        s.add(task)
        before = None
    else:
        task = _load(s, draft.id)
        before = _snapshot(task)
    task.title = draft.title.strip()
    task.details = draft.details.strip()
    task.family_id = draft.family_id
    task.due_at = draft.due_at
    task.assignee_staff_id = draft.assignee_staff_id
    task.assignee_role = None if draft.assignee_staff_id is not None else draft.assignee_role
    s.flush()
    after = _snapshot(task)
    if before is None:
        uow.audit("task.create", entity_id=task.id, family_id=task.family_id, after=_dump(after))
        if task.family_id is not None:
            families.timeline_event(uow, task.family_id, TimelineKind.TASK, task.title)
    elif before != after:
        uow.audit("task.update", entity_id=task.id, family_id=task.family_id,
                  before=_dump(before), after=_dump(after))
    return task.id


def set_status(store: Store, actor: Actor, task_id: int, status: TaskStatus) -> None:
    with store.write(actor) as uow:
        task = _load(uow.session, task_id)
        if task.status is status:
            return
        before = _snapshot(task)
        task.status = status
        if status is TaskStatus.OPEN:
            task.closed_at = task.closed_by = None
        else:
            task.closed_at = uow.now
            task.closed_by = actor.staff_id
        uow.audit(f"task.{status.value}", entity_id=task.id, family_id=task.family_id,
                  before=_dump(before), after=_dump(_snapshot(task)))
        if task.family_id is not None and status is TaskStatus.DONE:
            families.timeline_event(uow, task.family_id, TimelineKind.TASK, task.title)
        uow.commit()


def today(store: Store, role: Role) -> list[TaskView]:
    """Open tasks of ``role`` (or of a person holding it) due by the end of the studio's today,
    oldest due first: the overdue ones on top."""
    with store.read() as s:
        info = studio.load_info(s)
        now = store.now()
        _start, end = studio.local_day_bounds(now.astimezone(info.tz).date(), info.tz)
        people = select(Staff.id).where(Staff.role == role)
        stmt = (
            select(Task)
            .where(Task.status == TaskStatus.OPEN, Task.due_at < end)
            .where(or_(Task.assignee_role == role, Task.assignee_staff_id.in_(people)))
            .order_by(Task.due_at, Task.id)
        )
        return _views(s, list(s.scalars(stmt)), now)


def listing(
    store: Store,
    *,
    status: TaskStatus | None = TaskStatus.OPEN,
    family_id: int | None = None,
    limit: int = 2000,
) -> list[TaskView]:
    with store.read() as s:
        stmt = select(Task).order_by(Task.due_at, Task.id).limit(limit)
        if status is not None:
            stmt = stmt.where(Task.status == status)
        if family_id is not None:
            stmt = stmt.where(Task.family_id == family_id)
        return _views(s, list(s.scalars(stmt)), store.now())


def get(store: Store, task_id: int) -> TaskView:
    with store.read() as s:
        return _views(s, [_load(s, task_id)], store.now())[0]


def _views(s: Session, rows: list[Task], now: dt.datetime) -> list[TaskView]:
    staff = {m.id: m.name for m in s.scalars(select(Staff))}
    fam_ids = sorted({t.family_id for t in rows if t.family_id is not None})
    titles = families.titles(s, fam_ids)
    return [
        TaskView(
            id=t.id, title=t.title, details=t.details, family_id=t.family_id,
            family_title=titles.get(t.family_id, "") if t.family_id else "",
            due_at=t.due_at, assignee_staff_id=t.assignee_staff_id,
            assignee_name=staff.get(t.assignee_staff_id, "") if t.assignee_staff_id else "",
            assignee_role=t.assignee_role, status=t.status, origin=t.origin,
            overdue=t.is_overdue(now),
        )
        for t in rows
    ]


def _load(s: Session, task_id: int) -> Task:
    task = s.get(Task, task_id)
    if task is None:
        raise errors.NotFound(f"task {task_id} not found", task_id=task_id)
    return task


def _snapshot(t: Task) -> dict:
    return {
        "title": t.title, "details": t.details, "family_id": t.family_id,
        "due_at": t.due_at.isoformat(), "assignee_staff_id": t.assignee_staff_id,
        "assignee_role": t.assignee_role.value if t.assignee_role else None,
        "status": t.status.value, "origin": t.origin,
    }


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
