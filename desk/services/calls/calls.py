"""Calls: typing or pasting a number finds the family at once; each call is recorded (topic,
outcome, duration, next step) on the family's timeline; a missed call becomes a call-back task
due 30 minutes later, or within the first hour after the desk opens again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import or_, select

from desk.models.comms import Call
from desk.models.enums import CallDirection, Role, TimelineKind
from desk.models.family import Guardian
from desk.models.studio import Staff
from desk.services.crm import contacts, families
from desk.services.staff import hours
from desk.services.store import errors, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store


@dataclasses.dataclass(frozen=True)
class CallDraft:
    phone: str
    direction: CallDirection = CallDirection.INCOMING
    missed: bool = False
    duration_s: int = 0
    topic: str = ""
    outcome: str = ""
    next_step: str = ""
    family_id: int | None = None  # None: found by the phone, when it is known


@dataclasses.dataclass(frozen=True)
class CallRow:
    id: int
    at: dt.datetime
    phone: str
    family_id: int | None
    family_title: str
    direction: CallDirection
    missed: bool
    duration_s: int
    topic: str
    outcome: str
    next_step: str
    staff_name: str


def lookup(store: Store, raw: str) -> tuple[str | None, families.FamilyRow | None]:
    """(E.164 phone or None when not a number yet, the family it belongs to or None)."""
    try:
        phone = contacts.normalize_phone(raw)
    except contacts.BadContact:
        return None, None
    if phone is None:
        return None, None
    with store.read() as s:
        fid = s.scalar(select(Guardian.family_id).where(
            or_(Guardian.phone == phone, Guardian.whatsapp == phone)).limit(1))
        rows = families.rows(s, [fid]) if fid is not None else []
        return phone, rows[0] if rows else None


def log(store: Store, actor: Actor, draft: CallDraft) -> int:
    fields = {}
    try:
        phone = contacts.normalize_phone(draft.phone)
    except contacts.BadContact:
        phone = None
        fields["phone"] = "phone_invalid"
    if phone is None and draft.family_id is None and "phone" not in fields:
        fields["phone"] = "phone_invalid"
    if draft.duration_s < 0:
        fields["duration"] = "duration_invalid"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        s = uow.session
        family_id = draft.family_id
        if family_id is None and phone is not None:
            family_id = s.scalar(select(Guardian.family_id).where(
                or_(Guardian.phone == phone, Guardian.whatsapp == phone)).limit(1))
        call = Call(family_id=family_id, phone=phone, direction=draft.direction,
                    missed=draft.missed, at=uow.now,
                    duration_s=0 if draft.missed else draft.duration_s,
                    topic=draft.topic.strip(), outcome=draft.outcome.strip(),
                    next_step=draft.next_step.strip(), staff_id=actor.staff_id)
        s.add(call)
        s.flush()
        if family_id is not None:
            families.timeline_event(uow, family_id, TimelineKind.CALL, _summary(call))
        if draft.missed and draft.direction is CallDirection.INCOMING:
            due = hours.load(s).callback_due(uow.now)
            tasks.save_in(uow, tasks.TaskDraft(
                title=texts.CALL_BACK.format(phone=contacts.display_phone(phone)),
                due_at=due, family_id=family_id, assignee_role=Role.COMMUNICATOR,
                origin="missed_call"))
        uow.audit("call.log", entity_id=call.id, family_id=family_id, after=json.dumps(
            {"direction": call.direction.value, "missed": call.missed, "topic": call.topic},
            ensure_ascii=False))
        uow.commit()
        return call.id


def duration_text(seconds: int) -> str:
    """A call's length as minutes:seconds, "3:05"."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _summary(call: Call) -> str:
    word = texts.CALL_WORDS[(call.direction.value, call.missed)]
    parts = [word]
    if call.duration_s:
        parts.append(duration_text(call.duration_s))
    parts += [x for x in (call.topic, call.outcome) if x]
    if call.next_step:
        parts.append("→ " + call.next_step)
    return " · ".join(parts)


def recent(store: Store, limit: int = 200, family_id: int | None = None) -> list[CallRow]:
    with store.read() as s:
        stmt = (select(Call, Staff.name).outerjoin(Staff, Staff.id == Call.staff_id)
                .order_by(Call.at.desc(), Call.id.desc()).limit(limit))
        if family_id is not None:
            stmt = stmt.where(Call.family_id == family_id)
        rows = s.execute(stmt).all()
        titles = families.titles(s, sorted({c.family_id for c, _ in rows if c.family_id}))
        return [CallRow(c.id, c.at, contacts.display_phone(c.phone), c.family_id,
                        titles.get(c.family_id, "") if c.family_id else "", c.direction,
                        c.missed, c.duration_s, c.topic, c.outcome, c.next_step, name or "")
                for c, name in rows]
