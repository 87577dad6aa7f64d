"""Handing one's work over for a vacation (or, by a colleague or a supervisor, for a sick leave)
and getting it back. One dated record lists what moved: the person's open tasks (and the
role's, call-backs among them, when nobody else holds the role), open conversations with their
waiting clock, scheduled messages and mailings; a System person's feedback requests and a
Communicator's loop cases are the role's and are listed with it.

On the day it starts the work moves to the substitute (to whoever covers the substitute, when
they are away too). On the return day (or "I'm back") what nobody touched goes back; what the
substitute worked on (answered, changed, closed — looking is not touching) stays with them,
marked; the returning person reads a "while you were away" digest. The handover brief, a PDF
for the substitute, lists the open promises with their deadlines, debts to chase, lessons
without marks, feedback due, unhappy clients in the loop and the absent person's notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import phonenumbers
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from desk.models.audit import AuditEntry
from desk.models.comms import Conversation, InboxMessage, Mailing
from desk.models.enums import (
    EntryKind, FeedbackStatus, FeedbackTone, HandoverKind, HandoverOutcome, HandoverReason,
    LoopStatus, MailingStatus, MessageDirection, OutboxStatus, Role, TaskStatus,
)
from desk.models.family import Family
from desk.models.feedback import FeedbackItem, FeedbackRequest, LoopCase
from desk.models.handover import Handover, HandoverItem
from desk.models.studio import Staff
from desk.models.task import Task
from desk.models.wallet import LedgerEntry
from desk.services.crm import families
from desk.services.docs import pdf
from desk.services.money import amounts, finance
from desk.services.schedule import attendance
from desk.services.staff import studio
from desk.services.store import cover, errors
from desk.services.store.db import Actor, Store, UnitOfWork

LONGEST = dt.timedelta(days=366)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SHOWN = 30  # a digest's families and complaints listed; the rest counted


@dataclasses.dataclass(frozen=True)
class Draft:
    from_id: int
    to_id: int
    starts_on: dt.date
    ends_on: dt.date  # the first day back
    reason: HandoverReason = HandoverReason.VACATION
    note: str = ""
    # the absent person's word on an item: (kind, entity id) → note
    notes: dict[tuple[HandoverKind, int], str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class ItemRow:
    kind: HandoverKind
    entity_id: int
    family_id: int | None
    title: str
    due_at: dt.datetime | None
    note: str = ""
    outcome: HandoverOutcome = HandoverOutcome.OPEN
    touched_by: str = ""


@dataclasses.dataclass(frozen=True)
class HandoverRow:
    id: int
    from_id: int
    from_name: str
    to_id: int
    to_name: str
    covered_by: str  # whoever actually covers now (a chain resolved), while it runs
    starts_on: dt.date
    ends_on: dt.date
    reason: HandoverReason
    note: str
    state: str  # "planned", "running", "returned"
    items: int
    digest_seen: bool
    covered_by_id: int | None = None  # who ``covered_by`` names


@dataclasses.dataclass(frozen=True)
class Digest:
    """"While you were away": what became of each item, and what happened meanwhile."""

    handover: HandoverRow
    items: tuple[ItemRow, ...]
    new_families: tuple[str, ...]
    new_count: int
    topups: int
    topup_total: int  # kopecks
    debits: int
    complaints: tuple[str, ...]
    complaint_count: int


# who owns what ---------------------------------------------------------------------------

def _sole(s: Session, person: Staff) -> bool:
    """Nobody else active holds the person's role: the role's work is theirs."""
    return s.scalar(select(func.count()).select_from(Staff).where(
        Staff.role == person.role, Staff.active.is_(True), Staff.id != person.id)) == 0


def _owned(s: Session, person: Staff, now: dt.datetime) -> list[tuple[ItemRow, int | None,
                                                                       Role | None]]:
    """What ``person`` owns now: each item with its owner (a person or a role)."""
    sole, role = _sole(s, person), person.role
    found: list[tuple[ItemRow, int | None, Role | None]] = []
    mine = Task.assignee_staff_id == person.id
    open_tasks = list(s.scalars(select(Task).where(
        Task.status == TaskStatus.OPEN,
        or_(mine, Task.assignee_role == role) if sole else mine).order_by(Task.due_at)))
    whose = families.titles(s, [t.family_id for t in open_tasks if t.family_id is not None])
    for t in open_tasks:
        title = f"{t.title} — {whose[t.family_id]}" if t.family_id in whose else t.title
        found.append((ItemRow(HandoverKind.TASK, t.id, t.family_id, title, t.due_at),
                      t.assignee_staff_id, t.assignee_role))
    conversations = select(Conversation).where(Conversation.closed_at.is_(None))
    conversations = conversations.where(
        or_(Conversation.staff_id == person.id, Conversation.staff_id.is_(None))
        if sole and role is Role.COMMUNICATOR else Conversation.staff_id == person.id)
    talks = list(s.scalars(conversations.order_by(Conversation.last_at)))
    known = families.titles(s, [c.family_id for c in talks if c.family_id is not None])
    for c in talks:
        title = " · ".join(x for x in (known.get(c.family_id) or c.name or c.address,
                                       c.subject) if x)
        found.append((ItemRow(HandoverKind.CONVERSATION, c.id, c.family_id, title,
                              c.waiting_since), c.staff_id, None if c.staff_id else role))
    for m, family_id, name in s.execute(
            select(InboxMessage, Conversation.family_id, Conversation.name)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.direction == MessageDirection.OUT,
                   InboxMessage.status == OutboxStatus.QUEUED, InboxMessage.send_after > now,
                   InboxMessage.staff_id == person.id).order_by(InboxMessage.send_after)):
        found.append((ItemRow(HandoverKind.MESSAGE, m.id, family_id,
                              f"{name or m.address}: {' '.join(m.text.split())[:80]}",
                              m.send_after), person.id, None))
    for mailing in s.scalars(select(Mailing).where(
            Mailing.staff_id == person.id,
            Mailing.status.in_([MailingStatus.SENDING, MailingStatus.PAUSED]))):
        found.append((ItemRow(HandoverKind.MAILING, mailing.id, None, mailing.name, None),
                      person.id, None))
    if sole and role is Role.SYSTEM:
        children = _children(s)
        for r in s.scalars(select(FeedbackRequest).where(FeedbackRequest.status.in_(
                [FeedbackStatus.WAITING, FeedbackStatus.COPYWRITER, FeedbackStatus.READY,
                 FeedbackStatus.HANDED])).order_by(FeedbackRequest.created_at)):
            found.append((ItemRow(HandoverKind.FEEDBACK, r.id, r.family_id,
                                  f"Обратная связь: {children(r.child_id)}", r.due_at),
                          None, role))
    if sole and role is Role.COMMUNICATOR:
        cases = s.execute(select(LoopCase, FeedbackItem.family_id, FeedbackItem.quote)
                          .join(FeedbackItem, FeedbackItem.id == LoopCase.item_id)
                          .where(LoopCase.status != LoopStatus.CLOSED)
                          .order_by(LoopCase.due_at)).all()
        titles_of = families.titles(s, [f for _c, f, _t in cases if f is not None])
        for case, family_id, text in cases:
            words = " ".join((text or "").split())[:80]
            title = f"{titles_of.get(family_id, '')}: {words}" if family_id else words
            found.append((ItemRow(HandoverKind.LOOP, case.id, family_id, title, case.due_at),
                          None, role))
    return found


def _children(s: Session):
    from desk.models.family import Child

    cache: dict[int, str] = {}

    def name(child_id: int) -> str:
        if child_id not in cache:
            cache[child_id] = s.scalar(select(Child.name).where(Child.id == child_id)) or ""
        return cache[child_id]
    return name


def _give(s: Session, kind: HandoverKind, entity_id: int, staff_id: int | None,
          role: Role | None) -> None:
    """The item's owner becomes ``staff_id`` (or the role, with no person)."""
    if kind is HandoverKind.TASK:
        task = s.get(Task, entity_id)
        task.assignee_staff_id = staff_id
        task.assignee_role = None if staff_id is not None else role
    elif kind is HandoverKind.CONVERSATION:
        s.get(Conversation, entity_id).staff_id = staff_id
    elif kind is HandoverKind.MESSAGE:
        s.get(InboxMessage, entity_id).staff_id = staff_id
    elif kind is HandoverKind.MAILING:
        s.get(Mailing, entity_id).staff_id = staff_id
    # feedback requests and loop cases are the role's: nothing to move


def _finished(s: Session, kind: HandoverKind, entity_id: int) -> bool:
    """Done meanwhile (or gone): it stays where it is."""
    row = s.get({HandoverKind.TASK: Task, HandoverKind.CONVERSATION: Conversation,
                 HandoverKind.MESSAGE: InboxMessage, HandoverKind.MAILING: Mailing,
                 HandoverKind.FEEDBACK: FeedbackRequest, HandoverKind.LOOP: LoopCase}[kind],
                entity_id)
    if row is None:
        return True
    return {HandoverKind.TASK: lambda: row.status is not TaskStatus.OPEN,
            HandoverKind.CONVERSATION: lambda: row.closed_at is not None,
            HandoverKind.MESSAGE: lambda: row.status is not OutboxStatus.QUEUED,
            HandoverKind.MAILING: lambda: row.status is MailingStatus.DONE,
            HandoverKind.FEEDBACK: lambda: row.status in (FeedbackStatus.SENT,
                                                          FeedbackStatus.DONE),
            HandoverKind.LOOP: lambda: row.status is LoopStatus.CLOSED}[kind]()


def _moved_mark(s: Session, handover_id: int) -> int:
    """The journal's last entry before the work moved (the move's own entry): what is
    journalled after it happened while the handover ran."""
    return s.scalar(select(func.max(AuditEntry.id)).where(
        AuditEntry.entity_id == handover_id,
        AuditEntry.kind.in_(["handover.start", "handover.begin"]))) or 0


def _touched(s: Session, item: HandoverItem, mark: int, owner: int) -> str:
    """Who worked on the item after the journal's entry ``mark`` (anyone but its owner;
    looking leaves no trace), the last of them; "" when nobody did."""
    prefixes = cover.TOUCHES[item.kind]
    name = s.scalar(select(AuditEntry.staff_name).where(
        AuditEntry.entity_id == item.entity_id, AuditEntry.id > mark,
        AuditEntry.staff_id.is_not(None), AuditEntry.staff_id != owner,
        or_(*(AuditEntry.kind.startswith(p) for p in prefixes)))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1))
    return name or ""


# starting, beginning, returning -----------------------------------------------------------

def preview(store: Store, from_id: int) -> list[ItemRow]:
    """What would move if ``from_id`` handed over now."""
    with store.read() as s:
        person = s.get(Staff, from_id)
        if person is None:
            raise errors.NotFound(f"no staff member {from_id}")
        return [row for row, _o, _r in _owned(s, person, store.now())]


def _today(s: Session, now: dt.datetime) -> dt.date:
    return now.astimezone(studio.load_info(s).tz).date()


def start(store: Store, actor: Actor, draft: Draft) -> int:
    """A handover of ``draft.from_id``'s work: it moves at once when it starts today, else on
    its first day (``settle``). A supervisor may hand over for a colleague on sick leave."""
    fields: dict[str, str] = {}
    if draft.to_id == draft.from_id:
        fields["to"] = "handover_same_person"
    if draft.ends_on <= draft.starts_on:
        fields["ends_on"] = "handover_dates"
    elif draft.ends_on - draft.starts_on > LONGEST:
        fields["ends_on"] = "handover_too_long"
    with store.write(actor, looking_may=True) as uow:
        s = uow.session
        today = _today(s, uow.now)
        if draft.starts_on < today:
            fields["starts_on"] = "handover_past"
        people = {p.id: p for p in s.scalars(select(Staff).where(
            Staff.id.in_([draft.from_id, draft.to_id])))}
        giver, taker = people.get(draft.from_id), people.get(draft.to_id)
        if giver is None or not giver.active or giver.role is Role.SUPERVISOR:
            fields["from"] = "handover_not_desk"
        if taker is None or not taker.active or taker.role is Role.SUPERVISOR:
            fields.setdefault("to", "handover_not_desk")
        if "ends_on" not in fields and "from" not in fields and s.scalar(
                select(func.count()).select_from(Handover).where(
                    Handover.from_staff_id == draft.from_id, Handover.returned_at.is_(None),
                    Handover.starts_on < draft.ends_on, Handover.ends_on > draft.starts_on)):
            fields["starts_on"] = "handover_overlaps"
        if "to" not in fields and "from" not in fields and "ends_on" not in fields \
                and _ring(s, draft):
            fields["to"] = "handover_ring"
        if fields:
            raise errors.ValidationFailed(fields)
        h = Handover(from_staff_id=draft.from_id, to_staff_id=draft.to_id,
                     starts_on=draft.starts_on, ends_on=draft.ends_on, reason=draft.reason,
                     note=draft.note.strip(), created_at=uow.now, created_by=actor.staff_id)
        s.add(h)
        s.flush()
        for row, owner_id, owner_role in _owned(s, giver, uow.now):
            s.add(HandoverItem(handover_id=h.id, kind=row.kind, entity_id=row.entity_id,
                               family_id=row.family_id, title=row.title[:300], due_at=row.due_at,
                               owner_id=owner_id, owner_role=owner_role,
                               note=draft.notes.get((row.kind, row.entity_id), "").strip()))
        s.flush()
        if draft.starts_on <= today:
            _begin(uow, h)
        uow.audit("handover.start", entity_id=h.id, after=json.dumps({
            "absent": giver.name, "substitute": taker.name,
            "away_from": f"{draft.starts_on:%d.%m.%Y}", "back_on": f"{draft.ends_on:%d.%m.%Y}",
            "absence": draft.reason.value, "moved": s.scalar(
                select(func.count()).select_from(HandoverItem).where(
                    HandoverItem.handover_id == h.id))}, ensure_ascii=False))
        uow.commit()
        return h.id


def _begin(uow: UnitOfWork, h: Handover) -> None:
    """The work moves now: the list is brought up to date (what was finished meanwhile
    leaves it, what came since joins it) and each item goes to whoever covers."""
    s = uow.session
    giver = s.get(Staff, h.from_staff_id)
    listed = {(i.kind, i.entity_id): i for i in s.scalars(
        select(HandoverItem).where(HandoverItem.handover_id == h.id))}
    owned = _owned(s, giver, uow.now)
    current = {(row.kind, row.entity_id) for row, _o, _r in owned}
    for key, item in listed.items():
        if key not in current:
            s.delete(item)
    h.moved_at = uow.now
    s.flush()
    holder = cover.holders(cover.running(s)).get(h.from_staff_id, h.to_staff_id)
    for row, owner_id, owner_role in owned:
        if (row.kind, row.entity_id) not in listed:
            s.add(HandoverItem(handover_id=h.id, kind=row.kind, entity_id=row.entity_id,
                               family_id=row.family_id, title=row.title[:300],
                               due_at=row.due_at, owner_id=owner_id, owner_role=owner_role))
        _give(s, row.kind, row.entity_id, holder, None)
    # what the absent person held for someone else (a chain) is marked in that handover too
    s.flush()


def _return(uow: UnitOfWork, h: Handover, by: int | None) -> None:
    s = uow.session
    mark = _moved_mark(s, h.id)
    for item in s.scalars(select(HandoverItem).where(HandoverItem.handover_id == h.id,
                                                     HandoverItem.outcome ==
                                                     HandoverOutcome.OPEN)):
        if h.moved_at is None:  # it never began: nothing moved
            s.delete(item)
            continue
        who = _touched(s, item, mark, h.from_staff_id)
        if _finished(s, item.kind, item.entity_id):
            item.outcome, item.touched_by = HandoverOutcome.DONE, who
        elif who:
            item.outcome, item.touched_by = HandoverOutcome.KEPT, who
        else:
            item.outcome = HandoverOutcome.RETURNED
            _give(s, item.kind, item.entity_id, item.owner_id, item.owner_role)
            # a handover begun later took it further along a chain: nothing left to return
            for later in s.scalars(select(HandoverItem).join(Handover).where(
                    HandoverItem.kind == item.kind, HandoverItem.entity_id == item.entity_id,
                    HandoverItem.outcome == HandoverOutcome.OPEN, HandoverItem.id != item.id,
                    Handover.returned_at.is_(None), Handover.moved_at > h.moved_at)):
                later.outcome = HandoverOutcome.RETURNED
    h.returned_at, h.returned_by = uow.now, by
    s.flush()
    _rehome(uow)


OWNERS = {HandoverKind.TASK: (Task, "assignee_staff_id"),
          HandoverKind.CONVERSATION: (Conversation, "staff_id"),
          HandoverKind.MESSAGE: (InboxMessage, "staff_id"),
          HandoverKind.MAILING: (Mailing, "staff_id")}


def _rehome(uow: UnitOfWork) -> None:
    """Someone is back: the running handovers' untouched items go to whoever covers each absent
    person now (a chain got shorter), so nothing waits with a person who is not covering."""
    s = uow.session
    handovers = cover.running(s)
    holders = cover.holders(handovers)
    for h in handovers:
        holder, mark = holders[h.from_staff_id], None
        for item in s.scalars(select(HandoverItem).where(
                HandoverItem.handover_id == h.id, HandoverItem.outcome == HandoverOutcome.OPEN,
                HandoverItem.kind.in_(list(OWNERS)))):
            model, column = OWNERS[item.kind]
            row = s.get(model, item.entity_id)
            if row is None or getattr(row, column) in (holder, None) \
                    or _finished(s, item.kind, item.entity_id):
                continue
            mark = _moved_mark(s, h.id) if mark is None else mark
            if not _touched(s, item, mark, h.from_staff_id):
                _give(s, item.kind, item.entity_id, holder, None)


def _ring(s: Session, draft: Draft) -> bool:
    """The substitute, followed through the handovers over the same days, leads back to the
    absent person: nobody would be in."""
    to = dict(s.execute(select(Handover.from_staff_id, Handover.to_staff_id).where(
        Handover.returned_at.is_(None), Handover.starts_on < draft.ends_on,
        Handover.ends_on > draft.starts_on)).all())
    who, seen = draft.to_id, set()
    while who not in seen:
        if who == draft.from_id:
            return True
        seen.add(who)
        if who not in to:
            return False
        who = to[who]
    return False


def settle(store: Store, actor: Actor) -> tuple[int, int]:
    """Begins the handovers whose first day has come and returns those whose return day has
    (every desk calls it as it starts). Returns (begun, returned)."""
    with store.read() as s:
        today = _today(s, store.now())
        due = s.scalar(select(func.count()).select_from(Handover).where(
            Handover.returned_at.is_(None),
            or_(Handover.ends_on <= today,
                Handover.moved_at.is_(None) & (Handover.starts_on <= today))))
    if not due:
        return 0, 0
    begun = returned = 0
    with store.write(actor, looking_may=True) as uow:
        s = uow.session
        # locked: two desks starting at once begin or end each handover once
        for h in s.scalars(select(Handover).where(Handover.returned_at.is_(None))
                           .order_by(Handover.starts_on, Handover.id).with_for_update()):
            if h.ends_on <= today:
                _return(uow, h, None)
                returned += 1
                uow.audit("handover.return", entity_id=h.id, after=json.dumps(
                    {"back_on": f"{today:%d.%m.%Y}", "early": False}))
            elif h.moved_at is None and h.starts_on <= today:
                _begin(uow, h)
                begun += 1
                uow.audit("handover.begin", entity_id=h.id)
        uow.commit()
    return begun, returned


def come_back(store: Store, actor: Actor, handover_id: int) -> None:
    """"I'm back" before the return day (or a planned handover called off)."""
    with store.write(actor, looking_may=True) as uow:
        h = uow.session.get(Handover, handover_id, with_for_update=True)
        if h is None:
            raise errors.NotFound(f"no handover {handover_id}")
        if h.returned_at is not None:
            raise errors.ValidationFailed({"handover": "handover_over"})
        _return(uow, h, actor.staff_id)
        uow.audit("handover.return", entity_id=h.id, after=json.dumps(
            {"back_on": f"{_today(uow.session, uow.now):%d.%m.%Y}", "early": True}))
        uow.commit()


def mark_seen(store: Store, actor: Actor, handover_id: int) -> None:
    with store.write(actor, looking_may=True) as uow:
        h = uow.session.get(Handover, handover_id)
        if h is not None and h.digest_seen_at is None:
            h.digest_seen_at = uow.now
            uow.audit("handover.seen", entity_id=h.id)
            uow.commit()


# reading -----------------------------------------------------------------------------------

def _rows(s: Session, handovers: list[Handover]) -> list[HandoverRow]:
    names = dict(s.execute(select(Staff.id, Staff.name)).all())
    counts = dict(s.execute(select(HandoverItem.handover_id, func.count())
                            .where(HandoverItem.handover_id.in_([h.id for h in handovers]))
                            .group_by(HandoverItem.handover_id)).all())
    holders = cover.holders(cover.running(s))
    rows = []
    for h in handovers:
        holder = holders.get(h.from_staff_id, h.to_staff_id) \
            if h.moved_at and not h.returned_at else None
        rows.append(HandoverRow(
            h.id, h.from_staff_id, names.get(h.from_staff_id, ""), h.to_staff_id,
            names.get(h.to_staff_id, ""), names.get(holder, "") if holder else "",
            h.starts_on, h.ends_on, h.reason, h.note,
            "returned" if h.returned_at else "running" if h.moved_at else "planned",
            counts.get(h.id, 0), h.digest_seen_at is not None, holder))
    return rows


def listing(store: Store, limit: int = 200) -> list[HandoverRow]:
    """Running and planned first, then the latest returned."""
    with store.read() as s:
        found = list(s.scalars(select(Handover).order_by(
            Handover.returned_at.is_not(None), Handover.starts_on.desc(), Handover.id.desc())
            .limit(limit)))
        return _rows(s, found)


def one(store: Store, handover_id: int) -> HandoverRow:
    with store.read() as s:
        h = s.get(Handover, handover_id)
        if h is None:
            raise errors.NotFound(f"no handover {handover_id}")
        return _rows(s, [h])[0]


def _items(s: Session, handover_id: int) -> list[ItemRow]:
    return [ItemRow(i.kind, i.entity_id, i.family_id, i.title, i.due_at, i.note, i.outcome,
                    i.touched_by)
            for i in s.scalars(select(HandoverItem).where(HandoverItem.handover_id ==
                                                          handover_id)
                               .order_by(HandoverItem.kind, HandoverItem.due_at,
                                         HandoverItem.id))]


def items(store: Store, handover_id: int) -> list[ItemRow]:
    with store.read() as s:
        return _items(s, handover_id)


def running_for(store: Store, staff_id: int) -> HandoverRow | None:
    """The person's own handover that runs or is planned (to say "I'm back")."""
    with store.read() as s:
        h = s.scalar(select(Handover).where(Handover.from_staff_id == staff_id,
                                            Handover.returned_at.is_(None))
                     .order_by(Handover.starts_on).limit(1))
        return _rows(s, [h])[0] if h is not None else None


def covered_by(store: Store, staff_id: int) -> list[HandoverRow]:
    """The running handovers whose work ``staff_id`` covers now (through a chain too)."""
    with store.read() as s:
        handovers = cover.running(s)
        holders = cover.holders(handovers)
        return _rows(s, [h for h in handovers if holders[h.from_staff_id] == staff_id])


def unseen_digest(store: Store, staff_id: int) -> int | None:
    """The person's latest returned handover whose digest they have not read yet."""
    with store.read() as s:
        return s.scalar(select(Handover.id).where(
            Handover.from_staff_id == staff_id, Handover.returned_at.is_not(None),
            Handover.moved_at.is_not(None), Handover.digest_seen_at.is_(None))
            .order_by(Handover.returned_at.desc()).limit(1))


def digest(store: Store, handover_id: int) -> Digest:
    with store.read() as s:
        h = s.get(Handover, handover_id)
        if h is None:
            raise errors.NotFound(f"no handover {handover_id}")
        since = h.moved_at or h.created_at
        until = h.returned_at or store.now()
        row = _rows(s, [h])[0]
        new = s.execute(select(Family.id).where(Family.created_at > since,
                                                Family.created_at <= until)
                        .order_by(Family.created_at)).scalars().all()
        titles = families.titles(s, list(new[:SHOWN]))
        topups, total = s.execute(select(func.count(), func.coalesce(func.sum(
            LedgerEntry.amount), 0)).where(LedgerEntry.kind == EntryKind.TOPUP,
                                          LedgerEntry.at > since, LedgerEntry.at <= until)).one()
        debits = s.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.kind == EntryKind.DEBIT, LedgerEntry.at > since,
            LedgerEntry.at <= until))
        bad = s.execute(select(FeedbackItem.family_id, FeedbackItem.quote).where(
            FeedbackItem.tone == FeedbackTone.NEGATIVE, FeedbackItem.created_at > since,
            FeedbackItem.created_at <= until).order_by(FeedbackItem.created_at)).all()
        who = families.titles(s, [f for f, _t in bad[:SHOWN] if f is not None])
        complaints = tuple(
            (f"{who[f]}: " if f in who else "") + " ".join((text or "").split())[:120]
            for f, text in bad[:SHOWN])
        return Digest(row, tuple(_items(s, handover_id)),
                      tuple(titles.get(i, "") for i in new[:SHOWN]), len(new), topups,
                      int(total), debits, complaints, len(bad))


def forget_in(s: Session, family_id: int, contacts: list[str] = (), *,
              tasks: list[int] = (), talks: list[int] = ()) -> int:
    """An erase: the listed items about the family leave the handovers — by the family, by
    its tasks and conversations (an application's too), their messages, or a phone or e-mail
    of its shown in the title."""
    shown = [HandoverItem.title.contains(c, autoescape=True) for c in contacts if c]
    messages = select(InboxMessage.id).where(InboxMessage.conversation_id.in_(list(talks)))
    return s.execute(delete(HandoverItem).where(or_(
        HandoverItem.family_id == family_id, *shown,
        (HandoverItem.kind == HandoverKind.TASK) & HandoverItem.entity_id.in_(list(tasks)),
        (HandoverItem.kind == HandoverKind.CONVERSATION)
        & HandoverItem.entity_id.in_(list(talks)),
        (HandoverItem.kind == HandoverKind.MESSAGE) & HandoverItem.entity_id.in_(messages),
    )).execution_options(synchronize_session=False)).rowcount


def forget_mentions(s: Session, mentions) -> int:
    """An erase: items of no family whose title names the family (``mentions(title)``)."""
    found = [i for i in s.scalars(select(HandoverItem).where(HandoverItem.family_id.is_(None)))
             if mentions(i.title) or mentions(i.note)]
    for item in found:
        s.delete(item)
    for h in s.scalars(select(Handover).where(Handover.note != "")):
        if mentions(h.note):
            h.note = ""
    return len(found)


# the brief ---------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Brief:
    handover: HandoverRow
    studio: str
    tz: object
    printed: dt.datetime
    items: tuple[ItemRow, ...]
    debts: tuple[str, ...]  # a System person's: wallets short for next week
    unmarked: tuple[str, ...]  # a System person's: lessons of the last two weeks not marked
    role: Role
    debtors: tuple[int, ...] = ()  # the families behind ``debts``

    # what the printed archive keeps of it (see checklists.keep)
    kind = "handover"

    @property
    def day(self) -> dt.date:
        return self.handover.starts_on

    @property
    def title(self) -> str:
        return f"Передача дел: {self.handover.from_name} → " \
               f"{self.handover.covered_by or self.handover.to_name}"

    @property
    def mentions(self) -> str:
        """" 12 45 +79161112233 " — the families it names and the phones it shows."""
        ids = {str(i.family_id) for i in self.items if i.family_id is not None} | {
            str(f) for f in self.debtors}
        texts = [i.title for i in self.items] + [i.note for i in self.items]
        phones = {phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
                  for text in texts for m in phonenumbers.PhoneNumberMatcher(text, "RU")}
        emails = {e.lower() for text in texts for e in EMAIL.findall(text)}
        words = sorted(ids) + sorted(phones) + sorted(emails)
        return f" {' '.join(words)} " if words else ""


SECTIONS = (
    (HandoverKind.TASK, "Обещания клиентам и задачи (со сроками)"),
    (HandoverKind.CONVERSATION, "Открытые переписки"),
    (HandoverKind.MESSAGE, "Сообщения, запланированные на потом"),
    (HandoverKind.MAILING, "Рассылки"),
    (HandoverKind.FEEDBACK, "Обратная связь педагогов к сроку"),
    (HandoverKind.LOOP, "Недовольные клиенты — связаться и закрыть вопрос"),
)


def brief(store: Store, handover_id: int) -> Brief:
    """What the substitute needs to know, as of now: the items listed (what would move, for
    a handover that has not begun), and a System person's debts and unmarked lessons."""
    info = studio.info(store)
    now = store.now()
    with store.read() as s:
        h = s.get(Handover, handover_id)
        if h is None:
            raise errors.NotFound(f"no handover {handover_id}")
        row = _rows(s, [h])[0]
        role = s.get(Staff, h.from_staff_id).role
        listed = _items(s, handover_id)
    debts: list[str] = []
    debtors: list[int] = []
    unmarked: list[str] = []
    if role is Role.SYSTEM:
        short = finance.control(store, days=7)
        debts = [f"{a.title}: на счёте {amounts.format_rub(a.balance)}, впереди "
                 f"{amounts.format_rub(a.upcoming)}" for a in short]
        debtors = [a.family_id for a in short]
        for c in attendance.to_check(store, now - dt.timedelta(days=14)):
            if c.unmarked and c.lesson.starts_at < now:
                start = c.lesson.starts_at.astimezone(info.tz)
                unmarked.append(f"{start:%d.%m %H:%M} {c.lesson.direction}: без отметки — "
                                f"{c.unmarked}")
    return Brief(row, info.name, info.tz, now.astimezone(info.tz), tuple(listed),
                 tuple(debts), tuple(unmarked), role, tuple(debtors))


def _when(at: dt.datetime | None, tz) -> str:
    return f"{at.astimezone(tz):%d.%m %H:%M}" if at else ""


def render_brief(b: Brief) -> bytes:
    h = b.handover
    reason = {HandoverReason.VACATION: "отпуск", HandoverReason.SICK: "больничный",
              HandoverReason.OTHER: "отсутствие"}[h.reason]
    back = h.ends_on
    flow = [pdf.text(f"{h.from_name} — {reason} с {h.starts_on:%d.%m.%Y}, выходит "
                     f"{back:%d.%m.%Y}. Замещает: {h.covered_by or h.to_name}."),
            pdf.gap(2)]
    if h.note:
        flow += [pdf.text(f"Примечание: {h.note}"), pdf.gap(2)]
    flagged = [i for i in b.items if i.note]
    if flagged:
        flow += [pdf.text("Отмечено с примечанием", "h2"),
                 pdf.table(["☐", "Что", "Срок", "Примечание"],
                           [["☐", i.title, _when(i.due_at, b.tz), i.note] for i in flagged],
                           [0.05, 0.45, 0.15, 0.35], wrap=(1, 3)), pdf.gap(4)]
    for kind, heading in SECTIONS:
        rows = [["☐", i.title, _when(i.due_at, b.tz), i.note] for i in b.items
                if i.kind is kind]
        if rows:
            flow += [pdf.text(f"{heading}: {len(rows)}", "h2"),
                     pdf.table(["☐", "Что", "Срок / ждёт с", "Примечание"], rows,
                               [0.05, 0.55, 0.15, 0.25], wrap=(1, 3)), pdf.gap(4)]
    for heading, lines in (("Долги: кошельки, которых не хватит на неделю", b.debts),
                           ("Занятия без отметок (последние две недели)", b.unmarked)):
        if lines:
            flow += [pdf.text(f"{heading}: {len(lines)}", "h2"),
                     pdf.table(["☐", "Что"], [["☐", line] for line in lines], [0.05, 0.95],
                               wrap=(1,)), pdf.gap(4)]
    if len(flow) <= 3 and not b.items:
        flow.append(pdf.text("Передавать нечего: открытых дел нет."))
    flow += [pdf.gap(8),
             pdf.text(f"Передал(а): {h.from_name}     Подпись: ____________"),
             pdf.gap(4),
             pdf.text(f"Принял(а): {h.covered_by or h.to_name}     Подпись: ____________")]
    return pdf.render(pdf.Heading(
        "Передача дел", b.studio, f"{h.starts_on:%d.%m.%Y}–{back - dt.timedelta(days=1):%d.%m.%Y}",
        f"Сформировано из базы {b.printed:%d.%m.%Y %H:%M}"), flow)


def export_brief(store: Store, handover_id: int, path: Path) -> Brief:
    return pdf.export(path, lambda: brief(store, handover_id), render_brief)
