"""The feedback register for the improvements department: what clients said, from any
conversation ("В обратную связь"), quoted with its source and link back, its tone, the
studio's tags and whom it is about. Statuses: new → accepted / rejected (with a reason) → in
work → done → clients told. A negative item (or one that needs an answer) opens a loop case
for the Communicator (``loop``); an item about a person is copied to them as a task."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, aliased

from desk.models.enums import (
    FeedbackSource, FeedbackTone, ItemStatus, LoopStatus, Role, TimelineKind,
)
from desk.models.family import Child, Family, Guardian
from desk.models.feedback import FeedbackItem, FeedbackItemTag, FeedbackTag, LoopCase
from desk.models.schedule import Direction, Teacher
from desk.models.studio import Staff, Studio
from desk.services.comms import inbox, mailings, outbox, templates
from desk.services.crm import contacts, families, search
from desk.services.feedback import requests
from desk.services.staff import studio
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store, UnitOfWork
from desk.services.tasks import tasks

TELL_TEMPLATE = "feedback.told"
TELL_SAMPLE = {"parent": "Вера", "said": "Хотелось бы занятия по выходным",
               "change": "С марта открыли группу керамики по субботам в 11:00.",
               "studio": "Студия"}
NEXT = {  # the moves a person makes; "told" comes only from telling the families
    ItemStatus.NEW: (ItemStatus.ACCEPTED, ItemStatus.REJECTED),
    ItemStatus.ACCEPTED: (ItemStatus.IN_WORK, ItemStatus.REJECTED),
    ItemStatus.IN_WORK: (ItemStatus.DONE,),
    ItemStatus.REJECTED: (ItemStatus.NEW,),
    ItemStatus.DONE: (),
    ItemStatus.TOLD: (),
}
PAGE = 1000
MAX_QUOTE = 5000


@dataclasses.dataclass(frozen=True)
class Tag:
    id: int
    name: str
    active: bool


@dataclasses.dataclass(frozen=True)
class ItemDraft:
    quote: str
    tone: FeedbackTone
    source: FeedbackSource = FeedbackSource.OTHER
    source_id: int | None = None
    family_id: int | None = None
    child_id: int | None = None
    tag_ids: tuple[int, ...] = ()
    teacher_id: int | None = None
    staff_id: int | None = None
    direction_id: int | None = None
    needs_answer: bool = False


@dataclasses.dataclass(frozen=True)
class Filters:
    since: dt.datetime | None = None
    until: dt.datetime | None = None  # exclusive
    tone: FeedbackTone | None = None
    tag_id: int | None = None
    direction_id: int | None = None
    teacher_id: int | None = None
    status: ItemStatus | None = None
    source: FeedbackSource | None = None


@dataclasses.dataclass(frozen=True)
class ItemRow:
    id: int
    created_at: dt.datetime
    family_id: int | None
    family: str  # the first parent's name
    child: str
    source: FeedbackSource
    source_id: int | None
    quote: str
    tone: FeedbackTone
    tags: tuple[str, ...]
    teacher: str
    staff: str
    direction: str
    needs_answer: bool
    status: ItemStatus
    reason: str
    linked_to: int | None
    loop: LoopStatus | None
    told_at: dt.datetime | None
    created_by: str


@dataclasses.dataclass(frozen=True)
class Listing:
    rows: tuple[ItemRow, ...]  # the newest first, at most ``limit``
    total: int


# tags --------------------------------------------------------------------------------------

def tags(store: Store, *, active_only: bool = True) -> list[Tag]:
    with store.read() as s:
        query = select(FeedbackTag).order_by(FeedbackTag.position, FeedbackTag.name)
        if active_only:
            query = query.where(FeedbackTag.active.is_(True))
        return [Tag(t.id, t.name, t.active) for t in s.scalars(query)]


def save_tag(store: Store, actor: Actor, name: str, tag_id: int | None = None,
             active: bool = True) -> int:
    name = " ".join(name.split())
    if not name:
        raise errors.ValidationFailed({"name": "name_empty"})
    with store.write(actor) as uow:
        s = uow.session
        taken = next((t for t, n in s.execute(select(FeedbackTag.id, FeedbackTag.name))
                      if search.fold(n) == search.fold(name)), None)  # SQLite: no Cyrillic lower()
        if taken is not None and taken != tag_id:
            raise errors.ValidationFailed({"name": "name_taken"})
        tag = s.get(FeedbackTag, tag_id) if tag_id else None
        if tag is None:
            position = (s.scalar(select(func.max(FeedbackTag.position))) or 0) + 1
            tag = FeedbackTag(name=name, position=position)
            s.add(tag)
        tag.name, tag.active = name, active
        s.flush()
        uow.audit("feedback.tag", entity_id=tag.id,
                  after=json.dumps({"name": name, "active": active}, ensure_ascii=False))
        uow.commit()
        return tag.id


@dataclasses.dataclass(frozen=True)
class Choices:
    """What an item can be tagged with and be about."""

    tags: tuple[Tag, ...]
    teachers: tuple[tuple[int, str], ...]
    staff: tuple[tuple[int, str], ...]
    directions: tuple[tuple[int, str], ...]
    children: tuple[tuple[int, str], ...]  # the family's, when one is given


def choices(store: Store, family_id: int | None = None) -> Choices:
    with store.read() as s:
        found = Choices(
            tuple(Tag(t.id, t.name, t.active) for t in s.scalars(
                select(FeedbackTag).where(FeedbackTag.active.is_(True))
                .order_by(FeedbackTag.position, FeedbackTag.name))),
            tuple(s.execute(select(Teacher.id, Teacher.name).where(Teacher.active.is_(True))
                            .order_by(Teacher.name)).all()),
            tuple(s.execute(select(Staff.id, Staff.name).where(Staff.active.is_(True))
                            .order_by(Staff.name)).all()),
            tuple(s.execute(select(Direction.id, Direction.name)
                            .where(Direction.active.is_(True))
                            .order_by(Direction.name)).all()),
            tuple(s.execute(select(Child.id, Child.name).where(Child.family_id == family_id)
                            .order_by(Child.position)).all()) if family_id else ())
    return found


# recording -------------------------------------------------------------------------------

def record(store: Store, actor: Actor, draft: ItemDraft) -> int:
    with store.write(actor) as uow:
        item_id = record_in(uow, draft)
        uow.commit()
        return item_id


def record_in(uow: UnitOfWork, draft: ItemDraft) -> int:
    """The item, its loop case when it is negative or needs an answer, and a task for the
    person it is about (in this unit of work)."""
    quote = draft.quote.strip()
    if not quote:
        raise errors.ValidationFailed({"quote": "quote_empty"})
    if len(quote) > MAX_QUOTE:
        raise errors.ValidationFailed({"quote": "quote_too_long"})
    s = uow.session
    known = set(s.scalars(select(FeedbackTag.id).where(FeedbackTag.id.in_(draft.tag_ids))))
    if set(draft.tag_ids) - known:
        raise errors.ValidationFailed({"tags": "tag_missing"})
    if draft.family_id is not None:
        families.load(s, draft.family_id)
    if draft.child_id is not None:
        child = s.get(Child, draft.child_id)
        if child is None or child.family_id != draft.family_id:
            raise errors.ValidationFailed({"child": "children_missing"})
    item = FeedbackItem(
        family_id=draft.family_id, child_id=draft.child_id, source=draft.source,
        source_id=draft.source_id, quote=quote, tone=draft.tone, teacher_id=draft.teacher_id,
        staff_id=draft.staff_id, direction_id=draft.direction_id,
        needs_answer=draft.needs_answer, status=ItemStatus.NEW, created_at=uow.now,
        created_by=uow.actor.staff_id, status_at=uow.now)
    s.add(item)
    s.flush()
    s.add_all(FeedbackItemTag(item_id=item.id, tag_id=t) for t in sorted(known))
    if draft.tone is FeedbackTone.NEGATIVE or draft.needs_answer:
        hours = s.scalar(select(Studio.loop_hours).limit(1)) or 48
        s.add(LoopCase(item_id=item.id, status=LoopStatus.OPEN, created_at=uow.now,
                       due_at=uow.now + dt.timedelta(hours=hours)))
    _copy_to_person(uow, item)
    if item.family_id is not None:
        families.timeline_event(uow, item.family_id, TimelineKind.FEEDBACK,
                                texts.ITEM_RECORDED.format(quote=_short(quote)))
    s.flush()
    uow.audit("feedback.item", entity_id=item.id, family_id=item.family_id,
              after=json.dumps({"quote": quote, "tone": draft.tone.value,
                                "source": draft.source.value, "tags": sorted(known)},
                               ensure_ascii=False))
    return item.id


def record_many_in(uow: UnitOfWork, drafts: list[ItemDraft]) -> list[int]:
    """Many items at once (an import's answers), as ``record_in`` would record them one by one,
    in a few statements: each draft names its source (one item per source). Drafts naming
    tags, a child, a teacher or a staff member, or no source, are recorded one by one."""
    sources = [(d.source, d.source_id) for d in drafts]
    if any(d.tag_ids or d.child_id is not None or d.teacher_id is not None
           or d.staff_id is not None or d.source_id is None for d in drafts) \
            or len(set(sources)) < len(sources):
        return [record_in(uow, d) for d in drafts]
    if not drafts:
        return []
    s = uow.session
    quotes = [d.quote.strip() for d in drafts]
    if not all(quotes):
        raise errors.ValidationFailed({"quote": "quote_empty"})
    if any(len(q) > MAX_QUOTE for q in quotes):
        raise errors.ValidationFailed({"quote": "quote_too_long"})
    named = sorted({d.family_id for d in drafts if d.family_id is not None})
    found = {f for start in range(0, len(named), 900) for f in s.scalars(
        select(Family.id).where(Family.id.in_(named[start:start + 900])))}
    if set(named) - found:
        raise errors.NotFound("a family is not there any more")
    s.execute(insert(FeedbackItem.__table__), [
        {"family_id": d.family_id, "child_id": None, "source": d.source,
         "source_id": d.source_id, "quote": q, "tone": d.tone, "teacher_id": None,
         "staff_id": None, "direction_id": d.direction_id, "needs_answer": d.needs_answer,
         "status": ItemStatus.NEW, "created_at": uow.now, "created_by": uow.actor.staff_id,
         "status_at": uow.now} for d, q in zip(drafts, quotes)])
    found: dict[tuple, int] = {}
    for source in {d.source for d in drafts}:
        numbers = sorted(d.source_id for d in drafts if d.source is source)
        for start in range(0, len(numbers), 900):
            found.update(((source, n), i) for i, n in s.execute(
                select(FeedbackItem.id, FeedbackItem.source_id).where(
                    FeedbackItem.source == source,
                    FeedbackItem.source_id.in_(numbers[start:start + 900]))))
    ids = [found[key] for key in sources]
    hours = s.scalar(select(Studio.loop_hours).limit(1)) or 48
    cases = [{"item_id": i, "status": LoopStatus.OPEN, "created_at": uow.now,
              "due_at": uow.now + dt.timedelta(hours=hours)}
             for i, d in zip(ids, drafts) if d.tone is FeedbackTone.NEGATIVE or d.needs_answer]
    if cases:
        s.execute(insert(LoopCase.__table__), cases)
    families.timeline_events(uow, TimelineKind.FEEDBACK, [
        (d.family_id, texts.ITEM_RECORDED.format(quote=_short(q)))
        for d, q in zip(drafts, quotes) if d.family_id is not None])
    uow.audit_many("feedback.item", [
        (item_id, d.family_id, json.dumps({"quote": q, "tone": d.tone.value,
                                           "source": d.source.value, "tags": []},
                                          ensure_ascii=False))
        for item_id, d, q in zip(ids, drafts, quotes)])
    return ids


def _copy_to_person(uow: UnitOfWork, item: FeedbackItem) -> None:
    """Feedback about a staff member is a task for them; about a teacher, a message through
    the bot when the teacher has written to it, else a task for the System person to pass it
    on (with the teacher's contact)."""
    s = uow.session
    family = _parent_name(s, item.family_id) if item.family_id else ""
    if item.staff_id is not None:
        tasks.save_in(uow, tasks.TaskDraft(
            title=texts.ITEM_FOR_STAFF.format(quote=_short(item.quote, 200)),
            details=texts.ITEM_FROM.format(family=family or "—"), due_at=uow.now,
            family_id=item.family_id, assignee_staff_id=item.staff_id,
            origin=f"feedback_item:{item.id}"))
    if item.teacher_id is not None:
        teacher = s.get(Teacher, item.teacher_id)
        if inbox.write_to_teacher_in(uow, teacher.id, texts.ITEM_TO_TEACHER.format(
                quote=item.quote)):
            return  # the teacher has it through the bot
        contact = " / ".join(x for x in (contacts.display_phone(teacher.phone),
                                         teacher.telegram and "@" + teacher.telegram,
                                         teacher.email) if x) or "—"
        tasks.save_in(uow, tasks.TaskDraft(
            title=texts.ITEM_FOR_TEACHER.format(teacher=teacher.name, contact=contact,
                                                quote=_short(item.quote, 150)),
            details=item.quote, due_at=uow.now, family_id=item.family_id,
            assignee_role=Role.SYSTEM, origin=f"feedback_item:{item.id}"))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _parent_name(s: Session, family_id: int) -> str:
    return s.scalar(select(Guardian.name).where(Guardian.family_id == family_id)
                    .order_by(Guardian.position).limit(1)) or ""


# the register ----------------------------------------------------------------------------

def _where(f: Filters) -> list:
    where = []
    if f.since is not None:
        where.append(FeedbackItem.created_at >= f.since)
    if f.until is not None:
        where.append(FeedbackItem.created_at < f.until)
    if f.tone is not None:
        where.append(FeedbackItem.tone == f.tone)
    if f.status is not None:
        where.append(FeedbackItem.status == f.status)
    if f.source is not None:
        where.append(FeedbackItem.source == f.source)
    if f.direction_id is not None:
        where.append(FeedbackItem.direction_id == f.direction_id)
    if f.teacher_id is not None:
        where.append(FeedbackItem.teacher_id == f.teacher_id)
    if f.tag_id is not None:
        where.append(FeedbackItem.id.in_(select(FeedbackItemTag.item_id)
                                         .where(FeedbackItemTag.tag_id == f.tag_id)))
    return where


def listing(store: Store, f: Filters = Filters(), limit: int | None = PAGE) -> Listing:
    with store.read() as s:
        return listing_in(s, f, limit)


def listing_in(s: Session, f: Filters, limit: int | None) -> Listing:
    where = _where(f)
    total = s.scalar(select(func.count()).select_from(FeedbackItem).where(*where)) or 0
    return Listing(_rows(s, where, limit), total)


def _rows(s: Session, where: list, limit: int | None) -> tuple[ItemRow, ...]:
    about = aliased(Staff)
    author = aliased(Staff)
    i = FeedbackItem
    query = (select(i.id, i.created_at, i.family_id, i.source, i.source_id, i.quote, i.tone,
                    i.needs_answer, i.status, i.reason, i.linked_to, i.told_at, Child.name,
                    Teacher.name, about.name, Direction.name, LoopCase.status, author.name)
             .outerjoin(Child, Child.id == i.child_id)
             .outerjoin(Teacher, Teacher.id == i.teacher_id)
             .outerjoin(about, about.id == i.staff_id)
             .outerjoin(author, author.id == i.created_by)
             .outerjoin(Direction, Direction.id == i.direction_id)
             .outerjoin(LoopCase, LoopCase.item_id == i.id)
             .where(*where)
             .order_by(i.created_at.desc(), i.id.desc()))
    if limit is not None:
        query = query.limit(limit)
    found = s.execute(query).all()
    ids = [r[0] for r in found]
    tag_names: dict[int, list[str]] = {}
    parents = families.parent_names(s, [r[2] for r in found if r[2]])
    for chunk in _chunks(ids):
        for item_id, name in s.execute(
                select(FeedbackItemTag.item_id, FeedbackTag.name)
                .join(FeedbackTag, FeedbackTag.id == FeedbackItemTag.tag_id)
                .where(FeedbackItemTag.item_id.in_(chunk))
                .order_by(FeedbackTag.position, FeedbackTag.name)):
            tag_names.setdefault(item_id, []).append(name)
    return tuple(ItemRow(
        item_id, created, fid, parents.get(fid, "") if fid else "", child or "", source,
        source_id, quote, tone, tuple(tag_names.get(item_id, ())), teacher or "", staff or "",
        direction or "", needs, status, reason, linked, loop_status, told, by or "")
        for (item_id, created, fid, source, source_id, quote, tone, needs, status, reason,
             linked, told, child, teacher, staff, direction, loop_status, by) in found)


def _chunks(values: list[int], size: int = 900):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def of_family(store: Store, family_id: int) -> list[ItemRow]:
    with store.read() as s:
        return list(_rows(s, [FeedbackItem.family_id == family_id], None))


def item(store: Store, item_id: int) -> ItemRow:
    with store.read() as s:
        found = _rows(s, [FeedbackItem.id == item_id], None)
    if not found:
        raise errors.NotFound(f"feedback item {item_id} not found")
    return found[0]


def month_counts(store: Store, f: Filters, tz: ZoneInfo) -> dict[tuple[str, str], int]:
    """(tag, "YYYY-MM" in studio time) → items; an item without tags counts under "". One
    grouped count per month (its span between its first instants in the studio's zone),
    each read along the index on the item's date."""
    with store.read() as s:
        first, last = s.execute(select(func.min(FeedbackItem.created_at),
                                       func.max(FeedbackItem.created_at))
                                .where(*_where(f))).one()
        if first is None:
            return {}
        names = dict(s.execute(select(FeedbackTag.id, FeedbackTag.name)).all())
        found: dict[tuple[str, str], int] = {}
        month = first.astimezone(tz).date().replace(day=1)
        start = dt.datetime.combine(month, dt.time(), tz).astimezone(dt.timezone.utc)
        while start <= last:
            following = (month + dt.timedelta(days=32)).replace(day=1)
            end = dt.datetime.combine(following, dt.time(), tz).astimezone(dt.timezone.utc)
            # one range on the date (two would make SQLite read the wider one)
            window = dataclasses.replace(f, since=max(start, f.since or start),
                                         until=min(end, f.until or end))
            for tag_id, n in s.execute(
                    select(FeedbackItemTag.tag_id, func.count())
                    .select_from(FeedbackItem)
                    .outerjoin(FeedbackItemTag, FeedbackItemTag.item_id == FeedbackItem.id)
                    .where(*_where(window)).group_by(FeedbackItemTag.tag_id)):
                found[(names.get(tag_id, ""), month.strftime("%Y-%m"))] = n
            month, start = following, end
    return found


def tone_counts(store: Store, f: Filters) -> dict[FeedbackTone, int]:
    with store.read() as s:
        return dict(s.execute(select(FeedbackItem.tone, func.count())
                              .where(*_where(f)).group_by(FeedbackItem.tone)).all())


# moving an item along --------------------------------------------------------------------

def set_status(store: Store, actor: Actor, item_id: int, status: ItemStatus,
               reason: str = "") -> None:
    reason = reason.strip()
    with store.write(actor) as uow:
        item = _load(uow.session, item_id)
        if status not in NEXT[item.status]:
            raise errors.ValidationFailed({"status": "status_move"})
        if status is ItemStatus.REJECTED and not reason:
            raise errors.ValidationFailed({"reason": "reason_empty"})
        before = item.status
        item.status, item.status_at = status, uow.now
        item.reason = reason if status is ItemStatus.REJECTED else ""
        for linked in uow.session.scalars(select(FeedbackItem).where(
                FeedbackItem.linked_to == item_id)):
            linked.status, linked.status_at, linked.reason = status, uow.now, item.reason
        uow.audit("feedback.item_status", entity_id=item_id, family_id=item.family_id,
                  before=json.dumps({"status": before.value}),
                  after=json.dumps({"status": status.value, "reason": reason},
                                   ensure_ascii=False))
        uow.commit()


def link(store: Store, actor: Actor, item_id: int, to_id: int | None) -> None:
    """``item_id`` says the same as ``to_id`` (None: on its own again); it follows that
    item's status from now on."""
    with store.write(actor) as uow:
        s = uow.session
        item = _load(s, item_id)
        if to_id is not None:
            main = _load(s, to_id)
            if main.linked_to is not None:
                to_id, main = main.linked_to, _load(s, main.linked_to)
            if to_id == item_id:
                raise errors.ValidationFailed({"link": "link_self"})
            if main.status in (ItemStatus.TOLD, ItemStatus.REJECTED):
                raise errors.ValidationFailed({"link": "link_closed"})
            for child in s.scalars(select(FeedbackItem).where(FeedbackItem.linked_to ==
                                                              item_id)):
                child.linked_to = to_id  # one level: what followed it follows the main one
                child.status, child.status_at = main.status, uow.now
            item.status, item.status_at = main.status, uow.now
        item.linked_to = to_id
        uow.audit("feedback.item_link", entity_id=item_id, family_id=item.family_id,
                  after=json.dumps({"linked_to": to_id}))
        uow.commit()


@dataclasses.dataclass(frozen=True)
class Told:
    sent: int  # families whose message went into the outbox
    by_hand: tuple[tuple[int, str, str], ...]  # (family, parent, text) the desk cannot reach


def tell_preview(store: Store, item_id: int, change: str) -> list[tuple[int, str, str]]:
    """(family, parent, text) for every family of the item and those linked to it."""
    if not change.strip():
        raise errors.ValidationFailed({"change": "text_empty"})
    with store.read() as s:
        return _letters(s, item_id, change.strip())


def _letters(s: Session, item_id: int, change: str) -> list[tuple[int, str, str]]:
    body = templates.get_in(s, TELL_TEMPLATE)
    name = studio.load_info(s).name
    found = []
    seen = set()
    for item in s.scalars(select(FeedbackItem).where(
            (FeedbackItem.id == item_id) | (FeedbackItem.linked_to == item_id))
            .order_by(FeedbackItem.id)):
        if item.family_id is None or item.family_id in seen:
            continue
        seen.add(item.family_id)
        parent = _parent_name(s, item.family_id)
        first = parent.split()[1] if len(parent.split()) > 1 else parent
        found.append((item.family_id, parent, templates.render(body, {
            "parent": first, "said": _short(item.quote, 300), "change": change,
            "studio": name})))
    return found


def tell(store: Store, actor: Actor, item_id: int, change: str,
         texts_by_family: dict[int, str] | None = None) -> Told:
    """"Clients told": a done item's families (its own and the linked items') get the
    message of what changed — through the outbox where the desk reaches them, else listed to
    send by hand; it answers what the family itself raised, so no contact budget is spent.
    Their loop cases close with it (one message: the client is informed)."""
    if not change.strip():
        raise errors.ValidationFailed({"change": "text_empty"})
    with store.write(actor) as uow:
        s = uow.session
        item = _load(s, item_id)
        if item.status is not ItemStatus.DONE:
            raise errors.ValidationFailed({"change": "item_not_done"})
        when = outbox.outside_quiet(uow.now, studio.load_info(s).tz)
        sent, by_hand = 0, []
        for family_id, parent, text in _letters(s, item_id, change.strip()):
            text = (texts_by_family or {}).get(family_id, text).strip() or text
            family = s.get(Family, family_id)
            channel, address = requests.route(s, family)
            if channel is not None and family.consent_messages:
                mailings.queue(uow, family_id, "", channel, address, text, "told",
                               send_after=when)
                sent += 1
            else:
                by_hand.append((family_id, parent, text))
            families.timeline_event(uow, family_id, TimelineKind.FEEDBACK,
                                    texts.ITEM_TOLD.format(change=_short(change, 200)))
        ids = list(s.scalars(select(FeedbackItem.id).where(
            (FeedbackItem.id == item_id) | (FeedbackItem.linked_to == item_id))))
        for linked in s.scalars(select(FeedbackItem).where(FeedbackItem.id.in_(ids))):
            linked.status, linked.status_at, linked.told_at = ItemStatus.TOLD, uow.now, uow.now
        for open_case in s.scalars(select(LoopCase).where(LoopCase.item_id.in_(ids),
                                                          LoopCase.status != LoopStatus.CLOSED)):
            open_case.first_action_at = open_case.first_action_at or uow.now
            open_case.informed_at = open_case.informed_at or uow.now
            open_case.status, open_case.closed_at = LoopStatus.CLOSED, uow.now
            open_case.close_reason, open_case.comment = "told", _short(change, 500)
        uow.audit("feedback.told", entity_id=item_id, family_id=item.family_id,
                  after=json.dumps({"change": change.strip(), "sent": sent,
                                    "by_hand": len(by_hand)}, ensure_ascii=False))
        uow.commit()
        return Told(sent, tuple(by_hand))


def _load(s: Session, item_id: int) -> FeedbackItem:
    """The item, locked until the transaction ends (two desks moving it wait in turn)."""
    item = s.scalar(select(FeedbackItem).where(FeedbackItem.id == item_id).with_for_update())
    if item is None:
        raise errors.NotFound(f"feedback item {item_id} not found")
    return item
