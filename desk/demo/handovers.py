"""The demo studio's handover: the Communicator's week of vacation last month, covered by the
System person and returned (some items done meanwhile, one conversation kept by who answered
it, the rest back with her), so "Передачи дел…" has something to show."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.comms import Conversation
from desk.models.enums import HandoverKind, HandoverOutcome, HandoverReason, Role, TaskStatus
from desk.models.handover import Handover, HandoverItem
from desk.models.studio import Staff
from desk.models.task import Task


def generate(s: Session, now: dt.datetime, today: dt.date) -> None:
    people = {role: (sid, name) for sid, name, role in s.execute(
        select(Staff.id, Staff.name, Staff.role).where(Staff.active.is_(True))
        .order_by(Staff.id))}
    if Role.COMMUNICATOR not in people or Role.SYSTEM not in people:
        return
    (maria, _), (anna, anna_name) = people[Role.COMMUNICATOR], people[Role.SYSTEM]
    starts = today - dt.timedelta(days=35)
    moved = now - dt.timedelta(days=35)
    h = Handover(from_staff_id=maria, to_staff_id=anna, starts_on=starts,
                 ends_on=starts + dt.timedelta(days=7), reason=HandoverReason.VACATION,
                 note="Родителям Ивановых перезвонить после 18:00", created_at=moved,
                 created_by=maria, moved_at=moved, returned_at=moved + dt.timedelta(days=7),
                 returned_by=maria, digest_seen_at=moved + dt.timedelta(days=7, hours=1))
    s.add(h)
    s.flush()
    tasks = s.execute(select(Task.id, Task.title, Task.family_id, Task.due_at, Task.status)
                      .order_by(Task.id).limit(6)).all()
    for n, (task_id, title, family_id, due_at, status) in enumerate(tasks):
        done = status is not TaskStatus.OPEN
        s.add(HandoverItem(handover_id=h.id, kind=HandoverKind.TASK, entity_id=task_id,
                           family_id=family_id, title=title, due_at=due_at,
                           owner_role=Role.COMMUNICATOR,
                           note="Обещала ответить до пятницы" if n == 0 else "",
                           outcome=HandoverOutcome.DONE if done else HandoverOutcome.RETURNED,
                           touched_by=anna_name if done else ""))
    talk = s.execute(select(Conversation.id, Conversation.name, Conversation.family_id)
                     .order_by(Conversation.id).limit(1)).first()
    if talk is not None:
        s.add(HandoverItem(handover_id=h.id, kind=HandoverKind.CONVERSATION,
                           entity_id=talk.id, family_id=talk.family_id,
                           title=talk.name or "Переписка", owner_role=Role.COMMUNICATOR,
                           outcome=HandoverOutcome.KEPT, touched_by=anna_name))
