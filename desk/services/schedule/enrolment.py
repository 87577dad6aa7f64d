"""Enrolling children into lessons: capacity, the sibling discount, adults, first-timers, the
waitlist, and a client's cancellation that frees a place."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import Mark, Role
from desk.models.family import Child
from desk.models.schedule import Direction, Enrolment, Lesson, WaitlistEntry
from desk.services.crm import families
from desk.services.schedule import attendance
from desk.services.staff import studio
from desk.services.store import errors, events, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store, UnitOfWork
from desk.services.schedule.lessons import ACTIVE_MARKS, _enrolled, _load

SIBLING_SHARE = 90  # percent paid by the 2nd, 3rd … child of a family in the same lesson


@dataclasses.dataclass(frozen=True)
class FirstLessonBooked(events.Event):
    """A child who never came to the studio is booked for a lesson (a first-timer)."""

    lesson_id: int
    family_id: int
    child_id: int


@dataclasses.dataclass(frozen=True)
class QuoteLine:
    child_id: int
    child: str
    price: int  # kopecks
    discounted: bool
    first_time: bool


@dataclasses.dataclass(frozen=True)
class Quote:
    lesson_id: int
    lines: tuple[QuoteLine, ...]
    adults: int
    adults_price: int
    free: int  # places left before this enrolment

    @property
    def total(self) -> int:
        return sum(line.price for line in self.lines) + self.adults_price

    @property
    def fits(self) -> bool:
        return len(self.lines) <= self.free


def sibling_price(price: int, order: int, discount: bool) -> int:
    """Price for the ``order``-th child of a family in a lesson (0 = the first), in kopecks,
    rounded half up."""
    if not discount or order == 0:
        return price
    return (price * SIBLING_SHARE + 50) // 100


def _quote(s: Session, lesson: Lesson, family_id: int, child_ids: list[int],
           adults: int) -> Quote:
    already = s.scalars(select(Enrolment.child_id).where(
        Enrolment.lesson_id == lesson.id, Enrolment.family_id == family_id,
        Enrolment.mark.in_(ACTIVE_MARKS))).all()
    fields = {}
    children = {c.id: c for c in s.scalars(select(Child).where(Child.id.in_(child_ids)))}
    if not child_ids:
        fields["children"] = "children_missing"
    for cid in child_ids:
        child = children.get(cid)
        if child is None or child.family_id != family_id or child.archived_at is not None:
            fields["children"] = "children_missing"
        elif cid in already:
            fields["children"] = "already_enrolled"
    if adults < 0 or (adults and not lesson.adults_allowed):
        fields["adults"] = "adults_not_allowed"
    if fields:
        raise errors.ValidationFailed(fields)
    seen_before = set(s.scalars(select(Enrolment.child_id).where(
        Enrolment.child_id.in_(child_ids), Enrolment.mark != Mark.CANCELLED)))
    lines = []
    for order, cid in enumerate(child_ids, start=len(already)):
        price = sibling_price(lesson.price, order, lesson.sibling_discount)
        lines.append(QuoteLine(cid, children[cid].name, price, price != lesson.price,
                               cid not in seen_before))
    free = max(lesson.capacity - _enrolled(s, lesson.id), 0)
    return Quote(lesson.id, tuple(lines), adults, adults * lesson.adult_price, free)


def quote(store: Store, lesson_id: int, family_id: int, child_ids: list[int],
          adults: int = 0) -> Quote:
    """What enrolling would cost, before confirming."""
    with store.read() as s:
        return _quote(s, _load(s, lesson_id), family_id, child_ids, adults)


def enrol(store: Store, actor: Actor, lesson_id: int, family_id: int, child_ids: list[int],
          adults: int = 0) -> list[int]:
    """Enrol children of one family; a full lesson raises LessonFull (offer the waitlist)."""
    with store.write(actor) as uow:
        s = uow.session
        lesson = _load(s, lesson_id, lock=True)  # another desk may be taking the last place
        if lesson.cancelled:
            raise errors.LessonCancelled("the lesson is cancelled")
        q = _quote(s, lesson, family_id, child_ids, adults)
        if not q.fits:
            raise errors.LessonFull(f"the lesson has {q.free} free places, {len(q.lines)} wanted",
                                    free=q.free, wanted=len(q.lines))
        ids = []
        cancelled = {e.child_id: e for e in s.scalars(select(Enrolment).where(
            Enrolment.lesson_id == lesson_id, Enrolment.mark == Mark.CANCELLED,
            Enrolment.child_id.in_([line.child_id for line in q.lines])))}
        for i, line in enumerate(q.lines):
            # a client who cancelled and comes back takes the same row again (its charges were
            # reversed at the cancel), so the lesson keeps one row per child
            e = cancelled.get(line.child_id) or Enrolment(lesson_id=lesson_id,
                                                          child_id=line.child_id)
            e.family_id, e.price, e.first_time, e.created_at = (family_id, line.price,
                                                                line.first_time, uow.now)
            e.adults = adults if i == 0 else 0
            e.adults_price = q.adults_price if i == 0 else 0
            e.mark, e.marked_at, e.marked_by = Mark.NONE, None, None
            s.add(e)
            s.flush()
            ids.append(e.id)
            s.execute(WaitlistEntry.__table__.delete().where(
                WaitlistEntry.lesson_id == lesson_id, WaitlistEntry.child_id == line.child_id))
            if line.first_time:
                uow.publish(FirstLessonBooked(lesson_id, family_id, line.child_id))
        uow.audit("enrolment.create", entity_id=lesson_id, family_id=family_id,
                  after=json.dumps({"lesson": lesson_id, "children": child_ids,
                                    "adults": adults, "total": q.total}))
        uow.commit()
        return ids


def _lesson_words(s: Session, lesson: Lesson) -> tuple[str, str]:
    info = studio.load_info(s)
    direction = s.get(Direction, lesson.direction_id).name
    return direction, lesson.starts_at.astimezone(info.tz).strftime("%d.%m.%Y %H:%M")


def add_to_waitlist(store: Store, actor: Actor, lesson_id: int, family_id: int,
                    child_ids: list[int]) -> int:
    with store.write(actor) as uow:
        s = uow.session
        _load(s, lesson_id)
        added = 0
        for cid in child_ids:
            child = s.get(Child, cid)
            if child is None or child.family_id != family_id:
                raise errors.ValidationFailed({"children": "children_missing"})
            exists = s.scalar(select(WaitlistEntry.id).where(
                WaitlistEntry.lesson_id == lesson_id, WaitlistEntry.child_id == cid))
            if exists is None:
                s.add(WaitlistEntry(lesson_id=lesson_id, family_id=family_id, child_id=cid,
                                    created_at=uow.now))
                added += 1
        uow.audit("enrolment.waitlist", entity_id=lesson_id, family_id=family_id,
                  after=json.dumps({"children": child_ids}))
        uow.commit()
        return added


def cancel_by_client(store: Store, actor: Actor, enrolment_id: int) -> None:
    """The client cancels before the lesson: off the roster, never charged; the first on the
    waitlist gets a "place available" task for the Communicator."""
    with store.write(actor) as uow:
        cancel_in(uow, enrolment_id)
        uow.commit()


@events.handler(families.ChildArchived)
def _cancel_lessons_to_come(uow: UnitOfWork, event: families.ChildArchived) -> None:
    coming = uow.session.scalars(
        select(Enrolment.id).join(Lesson, Lesson.id == Enrolment.lesson_id)
        .where(Enrolment.child_id == event.child_id, Enrolment.mark == Mark.NONE,
               Lesson.starts_at > uow.now, Lesson.cancelled_at.is_(None))
        .order_by(Lesson.starts_at)).all()
    for enrolment_id in coming:
        cancel_in(uow, enrolment_id)


def cancel_in(uow: UnitOfWork, enrolment_id: int) -> None:
    s = uow.session
    e = s.get(Enrolment, enrolment_id)
    if e is None:
        raise errors.NotFound(f"enrolment {enrolment_id} not found")
    from desk.services.schedule import lessons

    lessons.reverse_charges(uow, e.id, "отмена клиентом")
    e.mark, e.marked_at, e.marked_by = Mark.CANCELLED, uow.now, uow.actor.staff_id
    s.flush()
    uow.publish(attendance.PlaceFreed(e.lesson_id))
    uow.audit("enrolment.cancel", entity_id=e.id, family_id=e.family_id)


@events.handler(attendance.PlaceFreed)
def _offer_free_place(uow: UnitOfWork, event: attendance.PlaceFreed) -> None:
    offer_free_place(uow, event.lesson_id)


def offer_free_place(uow: UnitOfWork, lesson_id: int) -> None:
    """The first on the lesson's waitlist not yet offered a place gets a task to call."""
    s = uow.session
    lesson = _load(s, lesson_id, lock=True)
    if lesson.cancelled or _enrolled(s, lesson_id) >= lesson.capacity:
        return
    first = s.scalar(select(WaitlistEntry).where(
        WaitlistEntry.lesson_id == lesson_id, WaitlistEntry.offered_at.is_(None))
        .order_by(WaitlistEntry.created_at, WaitlistEntry.id).limit(1))
    if first is None:
        return
    first.offered_at = uow.now
    direction, when = _lesson_words(s, lesson)
    tasks.save_in(uow, tasks.TaskDraft(
        title=texts.PLACE_AVAILABLE.format(direction=direction, when=when,
                                           child=s.get(Child, first.child_id).name),
        due_at=uow.now, family_id=first.family_id, assignee_role=Role.COMMUNICATOR,
        origin=f"place_available:{lesson_id}"))


def waitlist(store: Store, lesson_id: int) -> list[tuple[int, str]]:
    with store.read() as s:
        return list(s.execute(
            select(WaitlistEntry.child_id, Child.name).join(Child, Child.id == WaitlistEntry.child_id)
            .where(WaitlistEntry.lesson_id == lesson_id)
            .order_by(WaitlistEntry.created_at, WaitlistEntry.id)).all())
