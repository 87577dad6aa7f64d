"""Directions, teachers, rooms and lessons: single lessons and weekly series (each date of a
series is its own lesson, so one can be moved or skipped), the week and list views, and
cancelling a lesson (off the schedule at once, families told, charges reversed)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from desk.models.enums import DirectionKind, Mark, Role, TaskStatus
from desk.models.family import Child, Family
from desk.models.schedule import Direction, Enrolment, Lesson, Room, Series, Teacher, WaitlistEntry
from desk.models.task import Task
from desk.models.wallet import MAX_ENTRY, LedgerEntry
from desk.services.crm import contacts
from desk.services.money import wallet
from desk.services.staff import studio
from desk.services.store import errors, events, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store, UnitOfWork

MAX_SERIES_DAYS = 366
ACTIVE_MARKS = (Mark.NONE, Mark.ATTENDED, Mark.ABSENT)


@dataclasses.dataclass(frozen=True)
class DirectionView:
    id: int
    name: str
    capacity: int
    price: int
    duration_min: int
    active: bool
    kind: DirectionKind = DirectionKind.WORKSHOP


@dataclasses.dataclass(frozen=True)
class TeacherView:
    id: int
    name: str
    phone: str
    email: str
    telegram: str
    head: bool
    active: bool

    @property
    def contact(self) -> str:
        return " / ".join(x for x in (contacts.display_phone(self.phone or None),
                                      self.telegram and "@" + self.telegram, self.email) if x)


@dataclasses.dataclass(frozen=True)
class RoomView:
    id: int
    name: str
    active: bool


@dataclasses.dataclass(frozen=True)
class LessonDraft:
    direction_id: int
    starts_at: dt.datetime
    duration_min: int | None = None  # None: the direction's
    teacher_id: int | None = None
    room_id: int | None = None
    capacity: int | None = None  # None: the direction's
    price: int | None = None  # kopecks; None: the direction's
    sibling_discount: bool = False
    adults_allowed: bool = False
    adult_price: int = 0
    id: int | None = None


@dataclasses.dataclass(frozen=True)
class SeriesDraft:
    lesson: LessonDraft  # its starts_at gives the weekday and the time of the first lesson
    last_date: dt.date


@dataclasses.dataclass(frozen=True)
class LessonRow:
    id: int
    series_id: int | None
    direction_id: int
    direction: str
    teacher_id: int | None
    teacher: str
    room_id: int | None
    room: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    enrolled: int
    price: int
    sibling_discount: bool
    adults_allowed: bool
    adult_price: int
    cancelled: bool

    @property
    def free(self) -> int:
        return max(self.capacity - self.enrolled, 0)

    def draft(self) -> LessonDraft:
        return LessonDraft(self.direction_id, self.starts_at,
                           int((self.ends_at - self.starts_at).total_seconds() // 60),
                           self.teacher_id, self.room_id, self.capacity, self.price,
                           self.sibling_discount, self.adults_allowed, self.adult_price, self.id)


# --- directions, teachers, rooms --------------------------------------------------------------


@events.handler(studio.StudioCreated)
def ensure_default_directions(uow: UnitOfWork, _event: studio.StudioCreated | None = None,
                              ) -> None:
    if uow.session.scalar(select(func.count()).select_from(Direction)):
        return
    for name, kind, capacity, price, minutes in texts.DEFAULT_DIRECTIONS:
        uow.session.add(Direction(name=name, kind=DirectionKind(kind), capacity=capacity,
                                  price=price, duration_min=minutes))


def directions(store: Store, *, archived: bool = False) -> list[DirectionView]:
    """The directions offered for new lessons (``archived``: the archived ones too)."""
    with store.read() as s:
        stmt = select(Direction).order_by(Direction.active.desc(), Direction.name)
        if not archived:
            stmt = stmt.where(Direction.active.is_(True))
        return [DirectionView(d.id, d.name, d.capacity, d.price, d.duration_min, d.active,
                              d.kind) for d in s.scalars(stmt)]


def save_direction(store: Store, actor: Actor, name: str, capacity: int, price: int,
                   duration_min: int, direction_id: int | None = None, *,
                   kind: DirectionKind = DirectionKind.WORKSHOP) -> int:
    fields = {}
    if not name.strip():
        fields["name"] = "name_empty"
    if capacity < 1:
        fields["capacity"] = "capacity_invalid"
    if price < 0:
        fields["price"] = "amount_not_positive"
    elif price > MAX_ENTRY:
        fields["price"] = "amount_too_large"
    if duration_min < 5:
        fields["duration"] = "duration_invalid"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        d = uow.session.get(Direction, direction_id) if direction_id else Direction()
        if d is None:
            raise errors.NotFound(f"direction {direction_id} not found")
        taken = uow.session.scalar(select(Direction.id).where(Direction.name == name.strip()))
        if taken is not None and taken != direction_id:
            raise errors.ValidationFailed({"name": "name_taken"})
        d.name, d.capacity, d.price, d.duration_min = name.strip(), capacity, price, duration_min
        d.kind = kind
        uow.session.add(d)
        uow.session.flush()
        uow.audit("schedule.direction", entity_id=d.id, after=json.dumps(
            {"name": d.name, "kind": kind.value, "capacity": capacity, "price": price},
            ensure_ascii=False))
        uow.commit()
        return d.id


def teachers(store: Store, *, archived: bool = False) -> list[TeacherView]:
    with store.read() as s:
        stmt = select(Teacher).order_by(Teacher.active.desc(), Teacher.name)
        if not archived:
            stmt = stmt.where(Teacher.active.is_(True))
        return [_teacher(t) for t in s.scalars(stmt)]


def _teacher(t: Teacher) -> TeacherView:
    return TeacherView(t.id, t.name, t.phone or "", t.email, t.telegram, t.head, t.active)


def save_teacher(store: Store, actor: Actor, name: str, phone: str = "", email: str = "",
                 telegram: str = "", head: bool = False, teacher_id: int | None = None) -> int:
    fields = {}
    values: dict = {"name": " ".join(name.split())}
    if not values["name"]:
        fields["name"] = "name_empty"
    for key, raw, normalize in (("phone", phone, contacts.normalize_phone),
                                ("email", email, contacts.normalize_email),
                                ("telegram", telegram, contacts.normalize_handle)):
        try:
            values[key] = normalize(raw)
        except contacts.BadContact as exc:
            fields[key] = exc.code
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        t = uow.session.get(Teacher, teacher_id) if teacher_id else Teacher()
        if t is None:
            raise errors.NotFound(f"teacher {teacher_id} not found")
        t.name, t.phone, t.email = values["name"], values["phone"], values["email"]
        t.telegram, t.head = values["telegram"], head
        uow.session.add(t)
        uow.session.flush()
        uow.audit("schedule.teacher", entity_id=t.id,
                  after=json.dumps({"name": t.name}, ensure_ascii=False))
        uow.commit()
        return t.id


def rooms(store: Store, *, archived: bool = False) -> list[RoomView]:
    with store.read() as s:
        stmt = select(Room).order_by(Room.active.desc(), Room.name)
        if not archived:
            stmt = stmt.where(Room.active.is_(True))
        return [RoomView(r.id, r.name, r.active) for r in s.scalars(stmt)]


def save_room(store: Store, actor: Actor, name: str, room_id: int | None = None) -> int:
    """A new room, or a room renamed."""
    if not name.strip():
        raise errors.ValidationFailed({"name": "name_empty"})
    with store.write(actor) as uow:
        taken = uow.session.scalar(select(Room.id).where(Room.name == name.strip()))
        if taken is not None and taken != room_id:
            raise errors.ValidationFailed({"name": "name_taken"})
        room = uow.session.get(Room, room_id) if room_id else Room()
        if room is None:
            raise errors.NotFound(f"room {room_id} not found")
        room.name = name.strip()
        uow.session.add(room)
        uow.session.flush()
        uow.audit("schedule.room", entity_id=room.id,
                  after=json.dumps({"name": room.name}, ensure_ascii=False))
        uow.commit()
        return room.id


_ARCHIVABLE = {"direction": Direction, "teacher": Teacher, "room": Room}


def set_active(store: Store, actor: Actor, kind: str, item_id: int, active: bool) -> None:
    """Archive a direction, a teacher or a room (its lessons stay as they were; it is no longer
    offered for new ones), or bring it back."""
    with store.write(actor) as uow:
        model = _ARCHIVABLE.get(kind)
        item = uow.session.get(model, item_id) if model else None
        if item is None:
            raise errors.NotFound(f"{kind} {item_id} not found")
        if item.active == active:  # already so: nothing to write down
            return
        item.active = active
        uow.audit(f"schedule.{kind}_active", entity_id=item_id,
                  after=json.dumps({"name": item.name, "active": active}, ensure_ascii=False))
        uow.commit()


# --- lessons ----------------------------------------------------------------------------------


def _apply(s: Session, lesson: Lesson, draft: LessonDraft) -> None:
    direction = s.get(Direction, draft.direction_id)
    fields = {}
    if direction is None:
        raise errors.ValidationFailed({"direction": "direction_missing"})
    if draft.starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    minutes = draft.duration_min if draft.duration_min is not None else direction.duration_min
    capacity = draft.capacity if draft.capacity is not None else direction.capacity
    price = draft.price if draft.price is not None else direction.price
    if minutes < 5:
        fields["duration"] = "duration_invalid"
    if capacity < 1:
        fields["capacity"] = "capacity_invalid"
    if price < 0 or draft.adult_price < 0:
        fields["price"] = "amount_not_positive"
    elif max(price, draft.adult_price) > MAX_ENTRY:
        fields["price"] = "amount_too_large"
    if lesson.id is not None and capacity < _enrolled(s, lesson.id):
        fields["capacity"] = "capacity_below_enrolled"
    if draft.teacher_id is not None and s.get(Teacher, draft.teacher_id) is None:
        fields["teacher"] = "teacher_missing"
    if fields:
        raise errors.ValidationFailed(fields)
    lesson.direction_id = direction.id
    lesson.teacher_id = draft.teacher_id
    lesson.room_id = draft.room_id
    lesson.starts_at = draft.starts_at
    lesson.ends_at = draft.starts_at + dt.timedelta(minutes=minutes)
    lesson.capacity = capacity
    lesson.price = price
    lesson.sibling_discount = draft.sibling_discount
    lesson.adults_allowed = draft.adults_allowed
    lesson.adult_price = draft.adult_price if draft.adults_allowed else 0


def save_lesson(store: Store, actor: Actor, draft: LessonDraft) -> int:
    """Create a single lesson, or change one (moving a date of a series moves only it). A
    lesson moved to another time with children enrolled gives the Communicator a "tell the
    family" task per family, as a cancellation does."""
    with store.write(actor) as uow:
        s = uow.session
        if draft.id is None:
            lesson = Lesson()
        else:
            lesson = _load(s, draft.id, lock=True)  # its capacity against the places taken
            if lesson.cancelled:
                raise errors.LessonCancelled("the lesson is cancelled")
        before = _snapshot(lesson) if draft.id else None
        old_start = lesson.starts_at if draft.id else None
        _apply(s, lesson, draft)
        s.add(lesson)
        s.flush()
        if old_start is not None and old_start != lesson.starts_at:
            _tell_moved(uow, lesson, old_start)
        uow.audit("schedule.lesson" if before is None else "schedule.lesson_update",
                  entity_id=lesson.id, before=json.dumps(before) if before else "",
                  after=json.dumps(_snapshot(lesson)))
        uow.commit()
        return lesson.id


def _when(s: Session, at: dt.datetime) -> str:
    return at.astimezone(studio.load_info(s).tz).strftime("%d.%m.%Y %H:%M")


def _tell_families(uow: UnitOfWork, family_ids: list[int], title: str, origin: str,
                   details: str = "") -> int:
    """One task per family for the Communicator, naming its preferred channel."""
    s = uow.session
    told = 0
    for fid in dict.fromkeys(family_ids):
        family = s.get(Family, fid)
        tasks.save_in(uow, tasks.TaskDraft(
            title=title.format(channel=texts.CHANNELS[family.preferred_channel.value]),
            due_at=uow.now, family_id=fid, assignee_role=Role.COMMUNICATOR, origin=origin,
            details=details))
        told += 1
    return told


def _tell_moved(uow: UnitOfWork, lesson: Lesson, old_start: dt.datetime) -> None:
    s = uow.session
    families_in = list(s.scalars(select(Enrolment.family_id).where(
        Enrolment.lesson_id == lesson.id, Enrolment.mark.in_(ACTIVE_MARKS))))
    direction = s.get(Direction, lesson.direction_id).name
    title = texts.LESSON_MOVED.format(channel="{channel}", direction=direction,
                                      old=_when(s, old_start), new=_when(s, lesson.starts_at))
    _tell_families(uow, families_in, title, f"lesson_moved:{lesson.id}")


def booking_conflicts(store: Store, draft: LessonDraft) -> list[LessonRow]:
    """Other lessons at an overlapping time with the same teacher or the same room (a warning:
    the studio may mean it, e.g. a camp sharing a room)."""
    if draft.teacher_id is None and draft.room_id is None:
        return []
    with store.read() as s:
        direction = s.get(Direction, draft.direction_id)
        minutes = draft.duration_min or (direction.duration_min if direction else 60)
        ends = draft.starts_at + dt.timedelta(minutes=minutes)
        same = []
        if draft.teacher_id is not None:
            same.append(Lesson.teacher_id == draft.teacher_id)
        if draft.room_id is not None:
            same.append(Lesson.room_id == draft.room_id)
        stmt = select(Lesson.id).where(Lesson.starts_at < ends, Lesson.ends_at > draft.starts_at,
                                       Lesson.cancelled_at.is_(None), or_(*same))
        if draft.id is not None:
            stmt = stmt.where(Lesson.id != draft.id)
        ids = list(s.scalars(stmt))
        return lesson_rows(s, None, None, ids=ids) if ids else []


def create_series(store: Store, actor: Actor, draft: SeriesDraft) -> tuple[int, int]:
    """A weekly lesson from draft.lesson.starts_at until last_date; returns (series id, count)."""
    info = studio.info(store)
    first = draft.lesson.starts_at.astimezone(info.tz)
    if draft.last_date < first.date():
        raise errors.ValidationFailed({"last_date": "last_date_before_first"})
    if (draft.last_date - first.date()).days > MAX_SERIES_DAYS:
        raise errors.ValidationFailed({"last_date": "series_too_long"})
    with store.write(actor) as uow:
        s = uow.session
        direction = s.get(Direction, draft.lesson.direction_id)
        if direction is None:
            raise errors.ValidationFailed({"direction": "direction_missing"})
        series = Series(direction_id=direction.id, teacher_id=draft.lesson.teacher_id,
                        room_id=draft.lesson.room_id, weekday=first.weekday(),
                        start_time=first.time().replace(tzinfo=None),
                        duration_min=draft.lesson.duration_min or direction.duration_min,
                        first_date=first.date(), last_date=draft.last_date)
        s.add(series)
        s.flush()
        day, count = first.date(), 0
        while day <= draft.last_date:
            local = dt.datetime.combine(day, series.start_time, info.tz)
            lesson = Lesson(series_id=series.id)
            _apply(s, lesson, dataclasses.replace(draft.lesson, starts_at=local, id=None))
            s.add(lesson)
            day += dt.timedelta(days=7)
            count += 1
        s.flush()
        uow.audit("schedule.series", entity_id=series.id,
                  after=json.dumps({"lessons": count, "weekday": series.weekday,
                                    "time": series.start_time.isoformat(timespec="minutes")}))
        uow.commit()
        return series.id, count


def cancel_lesson(store: Store, actor: Actor, lesson_id: int, reason: str = "") -> int:
    """Off the schedule at once; every enrolled family gets a "tell the family" task for the
    Communicator and any charge for the lesson is reversed. Returns the number of families."""
    with store.write(actor) as uow:
        s = uow.session
        lesson = _load(s, lesson_id)
        if lesson.cancelled:
            return 0
        lesson.cancelled_at = uow.now
        lesson.note = reason.strip()
        when = _when(s, lesson.starts_at)
        direction = s.get(Direction, lesson.direction_id).name
        enrolments = list(s.scalars(select(Enrolment).where(
            Enrolment.lesson_id == lesson_id, Enrolment.mark.in_(ACTIVE_MARKS))))
        for e in enrolments:
            reverse_charges(uow, e.id, "урок отменён")
        told = _tell_families(
            uow, [e.family_id for e in enrolments],
            texts.LESSON_CANCELLED.format(channel="{channel}", direction=direction, when=when),
            "lesson_cancelled", reason.strip())
        # the lesson's own open tasks are moot now; the waitlist hears too
        s.execute(update(Task).where(
            Task.status == TaskStatus.OPEN,
            Task.origin.in_([f"first_lesson:{lesson_id}", f"place_available:{lesson_id}",
                             f"lesson_moved:{lesson_id}"]))
            .values(status=TaskStatus.CANCELLED, closed_at=uow.now,
                    closed_by=uow.actor.staff_id))
        waiting = list(s.scalars(select(WaitlistEntry.family_id).where(
            WaitlistEntry.lesson_id == lesson_id).order_by(WaitlistEntry.id)))
        enrolled = {e.family_id for e in enrolments}
        _tell_families(
            uow, [f for f in waiting if f not in enrolled],
            texts.LESSON_CANCELLED_WAITLIST.format(channel="{channel}", direction=direction,
                                                   when=when),
            "lesson_cancelled", reason.strip())
        s.execute(delete(WaitlistEntry).where(WaitlistEntry.lesson_id == lesson_id))
        uow.audit("schedule.cancel", entity_id=lesson_id,
                  after=json.dumps({"families": told, "reason": reason}, ensure_ascii=False))
        uow.commit()
        return told


def reverse_charges(uow: UnitOfWork, enrolment_id: int, note: str) -> int:
    """Reverse every debit of an enrolment that is not reversed yet; returns how many."""
    s = uow.session
    debits = s.scalars(select(LedgerEntry).where(
        LedgerEntry.enrolment_id == enrolment_id, LedgerEntry.reverses_id.is_(None)))
    reversed_ids = set(s.scalars(select(LedgerEntry.reverses_id).where(
        LedgerEntry.enrolment_id == enrolment_id, LedgerEntry.reverses_id.is_not(None))))
    count = 0
    for entry in list(debits):
        if entry.id not in reversed_ids and entry.amount < 0:
            wallet.reverse_in(uow, entry.id, note)
            count += 1
    return count


def _load(s: Session, lesson_id: int, *, lock: bool = False) -> Lesson:
    """``lock``: hold the lesson until the commit (PostgreSQL: FOR UPDATE; SQLite's writer
    holds the file), so its places are counted by one desk at a time."""
    lesson = s.get(Lesson, lesson_id, with_for_update=lock or None, populate_existing=lock)
    if lesson is None:
        raise errors.NotFound(f"lesson {lesson_id} not found")
    return lesson


def _enrolled(s: Session, lesson_id: int) -> int:
    return s.scalar(select(func.count()).select_from(Enrolment).where(
        Enrolment.lesson_id == lesson_id, Enrolment.mark.in_(ACTIVE_MARKS))) or 0


def _snapshot(lesson: Lesson) -> dict:
    return {"direction_id": lesson.direction_id, "teacher_id": lesson.teacher_id,
            "starts_at": lesson.starts_at.isoformat() if lesson.starts_at else None,
            "capacity": lesson.capacity, "price": lesson.price}


def lessons(store: Store, since: dt.datetime, until: dt.datetime, *,
            direction_id: int | None = None, teacher_id: int | None = None,
            include_cancelled: bool = False) -> list[LessonRow]:
    with store.read() as s:
        return lesson_rows(s, since, until, direction_id=direction_id, teacher_id=teacher_id,
                           include_cancelled=include_cancelled)


def lesson_rows(s: Session, since: dt.datetime, until: dt.datetime, *,
                direction_id: int | None = None, teacher_id: int | None = None,
                include_cancelled: bool = False, ids: list[int] | None = None) -> list[LessonRow]:
    counts = (select(Enrolment.lesson_id, func.count().label("n"))
              .where(Enrolment.mark.in_(ACTIVE_MARKS)).group_by(Enrolment.lesson_id).subquery())
    stmt = (select(Lesson, Direction.name, Teacher.name, Room.name, counts.c.n)
            .join(Direction, Direction.id == Lesson.direction_id)
            .outerjoin(Teacher, Teacher.id == Lesson.teacher_id)
            .outerjoin(Room, Room.id == Lesson.room_id)
            .outerjoin(counts, counts.c.lesson_id == Lesson.id)
            .order_by(Lesson.starts_at, Lesson.id))
    if ids is not None:
        stmt = stmt.where(Lesson.id.in_(ids))
    else:
        stmt = stmt.where(Lesson.starts_at >= since, Lesson.starts_at < until)
    if direction_id is not None:
        stmt = stmt.where(Lesson.direction_id == direction_id)
    if teacher_id is not None:
        stmt = stmt.where(Lesson.teacher_id == teacher_id)
    if not include_cancelled:
        stmt = stmt.where(Lesson.cancelled_at.is_(None))
    return [LessonRow(l.id, l.series_id, l.direction_id, d, l.teacher_id, t or "", l.room_id,
                      r or "",
                      l.starts_at, l.ends_at, l.capacity, n or 0, l.price, l.sibling_discount,
                      l.adults_allowed, l.adult_price, l.cancelled)
            for l, d, t, r, n in s.execute(stmt)]


def lesson(store: Store, lesson_id: int) -> LessonRow:
    with store.read() as s:
        found = lesson_rows(s, None, None, ids=[lesson_id], include_cancelled=True)
        if not found:
            raise errors.NotFound(f"lesson {lesson_id} not found")
        return found[0]


def week(store: Store, monday: dt.date, **filters) -> list[LessonRow]:
    """The lessons of the studio-time week starting on ``monday``."""
    tz = studio.info(store).tz
    since, _ = studio.local_day_bounds(monday, tz)
    until, _ = studio.local_day_bounds(monday + dt.timedelta(days=7), tz)
    return lessons(store, since, until, **filters)


def child_names(s: Session, ids: list[int]) -> dict[int, str]:
    return dict(s.execute(select(Child.id, Child.name).where(Child.id.in_(ids))).all())
