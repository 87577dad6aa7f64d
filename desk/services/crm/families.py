"""Families: create and edit with validation, the family card, notes and search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from desk.models.audit import AuditEntry
from desk.models.comms import NpsScore
from desk.models.enums import Channel, Relation, TimelineKind
from desk.models.family import Child, Family, Guardian, TimelineEntry
from desk.models.studio import Staff
from desk.services.crm import contacts, search
from desk.services.staff import studio
from desk.services.store import errors, events, sheets
from desk.services.store.db import Actor, Store, UnitOfWork

MAX_CHILD_AGE = 18
MIN_BIRTH = dt.date(1900, 1, 1)
CHUNK = 900  # ids per IN (…) list, well below SQLite's variable limit


# --- drafts (what the editor sends) -----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ChildArchived(events.Event):
    """A child left the family's active list; the lessons they were to come to are cancelled."""

    child_id: int


@dataclasses.dataclass(frozen=True)
class GuardianDraft:
    name: str
    phone: str = ""
    email: str = ""
    telegram: str = ""
    vk: str = ""
    whatsapp: str = ""
    relation: Relation = Relation.NONE
    id: int | None = None
    birth_date: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class ChildDraft:
    name: str
    birth_date: dt.date | None = None
    notes: str = ""
    id: int | None = None


@dataclasses.dataclass(frozen=True)
class FamilyDraft:
    guardians: tuple[GuardianDraft, ...]
    children: tuple[ChildDraft, ...] = ()
    source: str = ""
    preferred_channel: Channel = Channel.PHONE
    legend: str = ""
    consent_messages: bool = False
    consent_marketing: bool = False
    consent_date: dt.date | None = None
    consent_purposes: str = ""
    id: int | None = None


# --- views (what the UI shows) ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FamilyRow:
    id: int
    parents: str
    children: str
    phones: str


@dataclasses.dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime
    kind: TimelineKind
    text: str
    staff_name: str


@dataclasses.dataclass(frozen=True)
class HistoryItem:
    at: dt.datetime
    staff_name: str
    kind: str
    before: str
    after: str


@dataclasses.dataclass(frozen=True)
class ArchivedChild:
    id: int
    name: str
    archived_at: dt.datetime


class ChildHasLessons(errors.DeskError):
    """A child removed from the family is enrolled in lessons to come; params: child, lessons
    (each "direction, dd.mm.yyyy hh:mm"). Saving again with cancel_lessons cancels them."""

    code = "child_has_lessons"


@dataclasses.dataclass(frozen=True)
class FamilyCard:
    draft: FamilyDraft  # the editable values, normalised (phones in E.164)
    created_at: dt.datetime
    erased: bool
    timeline: tuple[TimelineItem, ...]
    nps: tuple[int, dt.datetime] | None = None  # the latest score and when it was given
    archived: tuple[ArchivedChild, ...] = ()  # children who left (they can come back)

    @property
    def id(self) -> int:
        assert self.draft.id is not None
        return self.draft.id

    @property
    def title(self) -> str:
        return family_title(self.draft)


def family_title(draft: FamilyDraft) -> str:
    names = [g.name for g in draft.guardians if g.name]
    return ", ".join(names) or ", ".join(c.name for c in draft.children)


def child_age(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# --- validation -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Clean:
    guardians: list[dict]
    children: list[dict]


def _validate(session: Session, draft: FamilyDraft, today: dt.date) -> _Clean:
    fields: dict[str, str] = {}
    conflicts: dict[str, int] = {}
    guardians: list[dict] = []
    children: list[dict] = []
    if not any(g.name.strip() for g in draft.guardians) and not draft.children:
        fields["guardian.0.name"] = "name_empty"
    seen_phones: dict[str, str] = {}
    for i, g in enumerate(draft.guardians):
        key = f"guardian.{i}"
        values = {"id": g.id, "name": " ".join(g.name.split()), "relation": g.relation.value,
                  "birth_date": g.birth_date}
        if g.birth_date is not None and not MIN_BIRTH <= g.birth_date <= today:
            fields[f"{key}.birth_date"] = "birth_future" if g.birth_date > today \
                else "birth_invalid"
        if not values["name"]:
            fields[f"{key}.name"] = "name_empty"
        elif sheets.bad_text(values["name"]):
            fields[f"{key}.name"] = "name_control"
        for field, normalize in (
            ("phone", contacts.normalize_phone),
            ("whatsapp", contacts.normalize_phone),
            ("email", contacts.normalize_email),
            ("telegram", contacts.normalize_handle),
            ("vk", contacts.normalize_handle),
        ):
            try:
                values[field] = normalize(getattr(g, field))
            except contacts.BadContact as exc:
                fields[f"{key}.{field}"] = exc.code
        values["whatsapp"] = values.get("whatsapp") or ""
        phone = values.get("phone")
        if phone:
            if phone in seen_phones:
                fields[f"{key}.phone"] = "phone_duplicate"
            seen_phones[phone] = key
            owner = session.scalar(select(Guardian.family_id).where(Guardian.phone == phone))
            if owner is not None and owner != draft.id:
                fields[f"{key}.phone"] = "phone_taken"
                conflicts[f"{key}.phone"] = owner
        guardians.append(values)
    for i, c in enumerate(draft.children):
        key = f"child.{i}"
        name = " ".join(c.name.split())
        if not name:
            fields[f"{key}.name"] = "name_empty"
        elif sheets.bad_text(name):
            fields[f"{key}.name"] = "name_control"
        if c.birth_date is not None:
            if c.birth_date > today:
                fields[f"{key}.birth_date"] = "birth_future"
            elif child_age(c.birth_date, today) >= MAX_CHILD_AGE + 1:
                fields[f"{key}.birth_date"] = "child_too_old"
        children.append({"id": c.id, "name": name, "birth_date": c.birth_date, "notes": c.notes.strip()})
    if fields:
        raise errors.ValidationFailed(fields, conflicts=conflicts)
    return _Clean(guardians, children)


# --- writes -----------------------------------------------------------------------------------


def save(store: Store, actor: Actor, draft: FamilyDraft, *, cancel_lessons: bool = False) -> int:
    """Create (draft.id is None) or update a family. All or nothing; raises ValidationFailed.
    A child left out of the draft is deleted when they never came, archived otherwise; one
    enrolled in lessons to come raises ChildHasLessons unless ``cancel_lessons``."""
    with store.write(actor) as uow:
        family_id = save_in(uow, draft, cancel_lessons=cancel_lessons)
        uow.commit()
        return family_id


def save_in(uow: UnitOfWork, draft: FamilyDraft, *, cancel_lessons: bool = False) -> int:
    s = uow.session
    info = studio.load_info(s)
    today = uow.now.astimezone(info.tz).date()
    clean = _validate(s, draft, today)
    if draft.id is None:
        family = Family(created_at=uow.now)
        s.add(family)
        before = None
    else:
        family = load(s, draft.id)
        before = _snapshot(family)
    family.source = draft.source.strip()
    family.preferred_channel = draft.preferred_channel
    family.legend = draft.legend.strip()
    family.consent_messages = draft.consent_messages
    family.consent_marketing = draft.consent_marketing
    family.consent_date = draft.consent_date
    family.consent_purposes = draft.consent_purposes.strip()
    family.updated_at = uow.now
    _sync(s, family.guardians, Guardian, clean.guardians)
    _sync_children(uow, family, clean.children, cancel_lessons)
    s.flush()
    after = _snapshot(family)
    if before is None:
        _timeline(uow, family.id, TimelineKind.CREATED, "")
        uow.audit("family.create", entity_id=family.id, family_id=family.id, after=_dump(after))
    elif before != after:
        changed = sorted(k for k in after if before.get(k) != after.get(k))
        _timeline(uow, family.id, TimelineKind.EDITED, ", ".join(changed))
        uow.audit(
            "family.update", entity_id=family.id, family_id=family.id,
            before=_dump(before), after=_dump(after),
        )
    reindex(s, family)
    return family.id


def _sync(session: Session, existing: list, model: type, wanted: list[dict]) -> None:
    """Make the ``existing`` relationship list match ``wanted``, keeping rows by id."""
    keep = {values["id"] for values in wanted if values["id"] is not None}
    for row in [row for row in existing if row.id not in keep]:
        existing.remove(row)
    session.flush()  # free the phones of removed guardians before other rows claim them
    existing[:] = _ordered_rows(existing, model, wanted)


def _ordered_rows(kept: list, model: type, wanted: list[dict]) -> list:
    """The rows ``wanted`` describes, in its order: kept ones by id, new ones made."""
    by_id = {row.id: row for row in kept}
    rows = []
    for position, values in enumerate(wanted):
        row = by_id.get(values["id"]) or model()
        for key, value in values.items():
            if key != "id":
                setattr(row, key, value)
        row.position = position
        rows.append(row)
    return rows


def _sync_children(uow: UnitOfWork, family: Family, wanted: list[dict],
                   cancel_lessons: bool) -> None:
    """Like ``_sync`` for the active children; a child left out who has a history (lessons,
    a waitlist) is archived — the history stays — and one who has none is deleted."""
    from desk.models.schedule import Enrolment, Lesson, WaitlistEntry
    from desk.models.enums import Mark

    s = uow.session
    active = [c for c in family.children if c.archived_at is None]
    keep = {values["id"] for values in wanted if values["id"] is not None}
    for child in [c for c in active if c.id not in keep]:
        active.remove(child)
        if not s.scalar(select(Enrolment.id).where(Enrolment.child_id == child.id).limit(1)) \
                and not s.scalar(select(WaitlistEntry.id)
                                 .where(WaitlistEntry.child_id == child.id).limit(1)):
            family.children.remove(child)
            continue
        coming = s.execute(
            select(Enrolment.id, Lesson.starts_at, Lesson.direction_id)
            .join(Lesson, Lesson.id == Enrolment.lesson_id)
            .where(Enrolment.child_id == child.id, Enrolment.mark == Mark.NONE,
                   Lesson.starts_at > uow.now, Lesson.cancelled_at.is_(None))
            .order_by(Lesson.starts_at)).all()
        if coming and not cancel_lessons:
            from desk.models.schedule import Direction

            tz = studio.load_info(s).tz
            names = dict(s.execute(select(Direction.id, Direction.name)).all())
            raise ChildHasLessons(
                f"{child.name} is enrolled in {len(coming)} lessons to come",
                child=child.name, lessons=[f"{names.get(d, '')}, "
                                           f"{at.astimezone(tz):%d.%m.%Y %H:%M}"
                                           for _, at, d in coming])
        uow.publish(ChildArchived(child.id))  # the lessons to come are cancelled
        s.execute(delete(WaitlistEntry).where(WaitlistEntry.child_id == child.id))
        child.archived_at = uow.now
    s.flush()
    rows = _ordered_rows(active, Child, wanted)
    archived = [c for c in family.children if c.archived_at is not None]
    for position, child in enumerate(archived, start=len(rows)):
        child.position = position
    family.children[:] = rows + archived


def bring_back(store: Store, actor: Actor, child_id: int) -> None:
    """An archived child comes back to the family's lists."""
    with store.write(actor) as uow:
        child = uow.session.get(Child, child_id)
        if child is None:
            raise errors.NotFound(f"child {child_id} not found")
        if child.archived_at is not None:
            child.archived_at = None
            family = load(uow.session, child.family_id)
            _timeline(uow, family.id, TimelineKind.EDITED, child.name)
            uow.audit("family.child_back", entity_id=child.id, family_id=family.id,
                      after=_dump({"child": child.name}))
            reindex(uow.session, family)
        uow.commit()


def add_note(store: Store, actor: Actor, family_id: int, note: str) -> None:
    note = note.strip()
    if not note:
        raise errors.ValidationFailed({"note": "note_empty"})
    with store.write(actor) as uow:
        load(uow.session, family_id)
        _timeline(uow, family_id, TimelineKind.NOTE, note)
        uow.audit("family.note", family_id=family_id, after=_dump({"note": note}))
        uow.commit()


def _timeline(uow: UnitOfWork, family_id: int, kind: TimelineKind, text: str) -> None:
    uow.session.add(
        TimelineEntry(family_id=family_id, at=uow.now, kind=kind, text=text,
                      staff_id=uow.actor.staff_id)
    )


def timeline_event(uow: UnitOfWork, family_id: int, kind: TimelineKind, text: str) -> None:
    """For other services (tasks, later calls and lessons) to add to a family's timeline."""
    _timeline(uow, family_id, kind, text)


def timeline_events(uow: UnitOfWork, kind: TimelineKind, entries: list[tuple[int, str]]) -> None:
    """Many families' entries of one kind at once (an import's): (family id, text)."""
    if entries:
        uow.session.execute(insert(TimelineEntry.__table__), [
            {"family_id": family_id, "at": uow.now, "kind": kind, "text": text,
             "staff_id": uow.actor.staff_id} for family_id, text in entries])


def reindex(session: Session, family: Family) -> None:
    search.reindex(session, family.id, search_body(family))


def search_body(family: Family) -> str:
    return search.document(
        [g.name for g in family.guardians] + [c.name for c in _active(family)],
        [g.phone for g in family.guardians] + [g.whatsapp for g in family.guardians],
        [g.email for g in family.guardians] + [g.telegram for g in family.guardians],
    )


# --- reads ------------------------------------------------------------------------------------


def parent_names(session: Session, family_ids) -> dict[int, str]:
    """Each family's first parent's full name (a list's "Family" column), read in chunks."""
    ids = sorted(set(family_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        for family_id, name in session.execute(
                select(Guardian.family_id, Guardian.name)
                .where(Guardian.family_id.in_(ids[start:start + 900]))
                .order_by(Guardian.position.desc())):
            found[family_id] = name  # the first parent last: theirs stays
    return found


def load(session: Session, family_id: int) -> Family:
    """The family row in this transaction; a missing one is ``NotFound``."""
    family = session.get(Family, family_id)
    if family is None:
        raise errors.NotFound(f"family {family_id} not found", family_id=family_id)
    return family


def card(store: Store, family_id: int) -> FamilyCard:
    with store.read() as s:
        family = s.scalar(
            select(Family)
            .where(Family.id == family_id)
            .options(selectinload(Family.guardians), selectinload(Family.children))
        )
        if family is None:
            raise errors.NotFound(f"family {family_id} not found", family_id=family_id)
        entries = s.execute(
            select(TimelineEntry, Staff.name)
            .outerjoin(Staff, Staff.id == TimelineEntry.staff_id)
            .where(TimelineEntry.family_id == family_id)
            .order_by(TimelineEntry.at.desc(), TimelineEntry.id.desc())
        ).all()
        return FamilyCard(
            draft=_draft(family),
            created_at=family.created_at,
            erased=family.erased,
            timeline=tuple(TimelineItem(e.at, e.kind, e.text, name or "") for e, name in entries),
            nps=_latest_score(s, family_id),
            archived=tuple(ArchivedChild(c.id, c.name, c.archived_at) for c in family.children
                           if c.archived_at is not None),
        )


def _latest_score(session: Session, family_id: int) -> tuple[int, dt.datetime] | None:
    row = session.execute(select(NpsScore.score, NpsScore.at)
                          .where(NpsScore.family_id == family_id)
                          .order_by(NpsScore.at.desc(), NpsScore.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def history(store: Store, family_id: int) -> list[HistoryItem]:
    with store.read() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.family_id == family_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
        return [HistoryItem(a.at, a.staff_name, a.kind, a.before, a.after) for a in rows]


def _active(family: Family) -> list[Child]:
    return [c for c in family.children if c.archived_at is None]


def _draft(family: Family) -> FamilyDraft:
    return FamilyDraft(
        id=family.id,
        guardians=tuple(
            GuardianDraft(id=g.id, name=g.name, phone=g.phone or "", email=g.email,
                          telegram=g.telegram, vk=g.vk, whatsapp=g.whatsapp,
                          relation=Relation(g.relation), birth_date=g.birth_date)
            for g in family.guardians
        ),
        children=tuple(
            ChildDraft(id=c.id, name=c.name, birth_date=c.birth_date, notes=c.notes)
            for c in _active(family)
        ),
        source=family.source,
        preferred_channel=family.preferred_channel,
        legend=family.legend,
        consent_messages=family.consent_messages,
        consent_marketing=family.consent_marketing,
        consent_date=family.consent_date,
        consent_purposes=family.consent_purposes,
    )


def find(store: Store, query: str, limit: int | None = 200) -> list[FamilyRow]:
    with store.read() as s:
        return rows(s, search.matching_ids(s, query, limit))


def find_ids(store: Store, query: str) -> list[int]:
    with store.read() as s:
        return search.matching_ids(s, query)


SORTABLE = ("parents", "children", "phones")


def sort_ids(store: Store, ids: list[int], column: str, descending: bool = False,
             ) -> list[int]:
    """``ids`` ordered by a column of their list rows as shown (``SORTABLE``), the way a
    Russian reader expects (case and ё ignored); families with the column empty come last."""
    if column not in SORTABLE:
        raise ValueError(column)
    keyed = [(search.fold(getattr(r, column)), r.id) for r in rows_for(store, ids)]
    filled = sorted((k for k in keyed if k[0]), key=lambda k: k[0], reverse=descending)
    return [i for _k, i in filled] + [i for k, i in keyed if not k]


def rows_for(store: Store, ids: list[int]) -> list[FamilyRow]:
    with store.read() as s:
        return rows(s, ids)


def rows(session: Session, ids: list[int]) -> list[FamilyRow]:
    """List rows for ``ids``, in that order."""
    if len(ids) > CHUNK:
        return [r for start in range(0, len(ids), CHUNK)
                for r in rows(session, ids[start:start + CHUNK])]
    if not ids:
        return []
    parents: dict[int, list[str]] = {i: [] for i in ids}
    phones: dict[int, list[str]] = {i: [] for i in ids}
    kids: dict[int, list[str]] = {i: [] for i in ids}
    for fid, name, phone in session.execute(
        select(Guardian.family_id, Guardian.name, Guardian.phone)
        .where(Guardian.family_id.in_(ids)).order_by(Guardian.position)
    ):
        parents[fid].append(name)
        if phone:
            phones[fid].append(contacts.display_phone(phone))
    for fid, name in session.execute(
        select(Child.family_id, Child.name)
        .where(Child.family_id.in_(ids), Child.archived_at.is_(None)).order_by(Child.position)
    ):
        kids[fid].append(name)
    return [
        FamilyRow(i, ", ".join(parents[i]), ", ".join(kids[i]), ", ".join(phones[i])) for i in ids
    ]


def titles(session: Session, ids: list[int]) -> dict[int, str]:
    """A short name per family: its parents, or its children when no parent is named."""
    names: dict[int, list[str]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for fid, name in session.execute(
            select(Guardian.family_id, Guardian.name)
            .where(Guardian.family_id.in_(chunk)).order_by(Guardian.position)
        ):
            if name:
                names.setdefault(fid, []).append(name)
        missing = [i for i in chunk if i not in names]
        for fid, name in session.execute(
            select(Child.family_id, Child.name)
            .where(Child.family_id.in_(missing), Child.archived_at.is_(None))
            .order_by(Child.position)
        ) if missing else ():
            names.setdefault(fid, []).append(name)
    return {fid: ", ".join(n) for fid, n in names.items()}


def _snapshot(family: Family) -> dict:
    return {
        "guardians": [
            {k: getattr(g, k)
             for k in ("name", "relation", "phone", "email", "telegram", "vk", "whatsapp")}
            | {"birth_date": g.birth_date.isoformat() if g.birth_date else None}
            for g in family.guardians
        ],
        "children": [
            {"name": c.name, "birth_date": c.birth_date.isoformat() if c.birth_date else None,
             "notes": c.notes}
            for c in _active(family)
        ],
        "source": family.source,
        "preferred_channel": family.preferred_channel.value,
        "legend": family.legend,
        "consent_messages": family.consent_messages,
        "consent_marketing": family.consent_marketing,
        "consent_date": family.consent_date.isoformat() if family.consent_date else None,
        "consent_purposes": family.consent_purposes,
    }


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def e164_phones(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), CHUNK):
        for fid, phone in session.execute(
            select(Guardian.family_id, Guardian.phone)
            .where(Guardian.family_id.in_(ids[start:start + CHUNK]),
                   Guardian.phone.is_not(None))
            .order_by(Guardian.position)
        ):
            found[fid].append(phone)
    return found
