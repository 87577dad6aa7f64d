"""The attendance check after every lesson: marks, the debits they call for, the check of
expected charges against the actual ledger, corrections as reversing entries, asking the
teacher, and client stages by attended lessons."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from desk.models.enums import EntryKind, Mark, Role
from desk.models.family import Child
from desk.models.schedule import Direction, Enrolment, Lesson, Teacher
from desk.models.wallet import LedgerEntry
from desk.services.money import wallet
from desk.services.schedule import lessons
from desk.services.staff import studio
from desk.services.store import errors, events, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store, UnitOfWork

STAGES = ((1, 1, "first lesson"), (2, 7, "2–7"), (8, 20, "8–20"), (21, None, "more than 20"))


@dataclasses.dataclass(frozen=True)
class PlaceFreed(events.Event):
    """A client cancelled: the lesson has a place for the waitlist."""

    lesson_id: int


@dataclasses.dataclass(frozen=True)
class ChildAttended(events.Event):
    """A child was marked "came"; ``attended``: their lessons attended so far, this one too."""

    enrolment_id: int
    child_id: int
    family_id: int
    attended: int


@dataclasses.dataclass(frozen=True)
class RosterLine:
    enrolment_id: int
    child_id: int
    child: str
    family_id: int
    first_time: bool
    mark: Mark
    expected: int  # kopecks the mark calls for
    debited: int  # kopecks actually debited (net of reversals)
    debits: int  # how many debits stand (not reversed)

    @property
    def mismatch(self) -> bool:
        return self.expected != self.debited or self.debits > 1


@dataclasses.dataclass(frozen=True)
class LessonCheck:
    lesson: lessons.LessonRow
    roster: tuple[RosterLine, ...]

    @property
    def unmarked(self) -> int:
        return sum(1 for r in self.roster if r.mark is Mark.NONE)

    @property
    def mismatches(self) -> int:
        return sum(1 for r in self.roster if r.mismatch)


def stage(attended: int) -> str:
    for low, high, name in STAGES:
        if attended >= low and (high is None or attended <= high):
            return name
    return ""


def _expected(e: Enrolment, absent_charged: bool) -> int:
    """What the mark calls for; ``absent_charged`` is the rule in force at the lesson."""
    if e.mark is Mark.ATTENDED or (e.mark is Mark.ABSENT and absent_charged):
        return e.price + e.adults_price
    return 0


def _charged_lesson(periods: list[tuple[dt.datetime, dt.datetime | None]]):
    """A SQL condition: the lesson started while absences were charged."""
    return or_(false(), *(and_(Lesson.starts_at >= a, *([Lesson.starts_at < b] if b else []))
                          for a, b in periods))


def _debits(s: Session, enrolment_ids: list[int]) -> dict[int, tuple[int, int]]:
    """enrolment id → (net kopecks debited, standing debits)."""
    found: dict[int, list[int]] = {}
    if not enrolment_ids:
        return {}
    entries = list(s.execute(select(LedgerEntry.id, LedgerEntry.enrolment_id,
                                    LedgerEntry.amount, LedgerEntry.reverses_id)
                             .where(LedgerEntry.enrolment_id.in_(enrolment_ids))))
    reversed_ids = {r for _, _, _, r in entries if r}
    for entry_id, eid, amount, reverses in entries:
        net, standing = found.setdefault(eid, [0, 0])
        found[eid][0] = net - amount
        if reverses is None and amount < 0 and entry_id not in reversed_ids:
            found[eid][1] = standing + 1
    return {k: (v[0], v[1]) for k, v in found.items()}


def _roster(s: Session, lesson_ids: list[int]) -> dict[int, list[RosterLine]]:
    periods = studio.absence_periods(s)
    starts = dict(s.execute(select(Lesson.id, Lesson.starts_at)
                            .where(Lesson.id.in_(lesson_ids))).all())
    rows = list(s.execute(select(Enrolment, Child.name).join(Child, Child.id == Enrolment.child_id)
                          .where(Enrolment.lesson_id.in_(lesson_ids),
                                 Enrolment.mark != Mark.CANCELLED)
                          .order_by(Enrolment.lesson_id, Child.name)))
    debits = _debits(s, [e.id for e, _ in rows])
    found: dict[int, list[RosterLine]] = {}
    for e, name in rows:
        net, standing = debits.get(e.id, (0, 0))
        found.setdefault(e.lesson_id, []).append(RosterLine(
            e.id, e.child_id, name, e.family_id, e.first_time, e.mark,
            _expected(e, studio.absence_charged_at(periods, starts[e.lesson_id])), net,
            standing))
    return found


def check(store: Store, lesson_id: int) -> LessonCheck:
    with store.read() as s:
        row = lessons.lesson_rows(s, None, None, ids=[lesson_id], include_cancelled=True)
        if not row:
            raise errors.NotFound(f"lesson {lesson_id} not found")
        return LessonCheck(row[0], tuple(_roster(s, [lesson_id]).get(lesson_id, [])))


def to_check(store: Store, since: dt.datetime | None = None) -> list[LessonCheck]:
    """Ended lessons with an unmarked enrolment or a charge that does not match its mark,
    oldest first. The search runs in SQL (a year of lessons holds 50k+ enrolments); only the
    lessons found are loaded."""
    with store.read() as s:
        now = store.now()
        periods = studio.absence_periods(s)
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        ledger = (select(LedgerEntry.enrolment_id.label("eid"),
                         (-func.sum(LedgerEntry.amount)).label("net"),
                         func.sum(case((and_(LedgerEntry.amount < 0,
                                             LedgerEntry.reverses_id.is_(None),
                                             LedgerEntry.id.not_in(reversed_ids)), 1),
                                       else_=0)).label("standing"))
                  .where(LedgerEntry.enrolment_id.is_not(None))
                  .group_by(LedgerEntry.enrolment_id).subquery())
        charged = or_(Enrolment.mark == Mark.ATTENDED,
                      and_(Enrolment.mark == Mark.ABSENT, _charged_lesson(periods)))
        expected = case((charged, Enrolment.price + Enrolment.adults_price), else_=0)
        stmt = (select(Enrolment.lesson_id).distinct()
                .join(Lesson, Lesson.id == Enrolment.lesson_id)
                .outerjoin(ledger, ledger.c.eid == Enrolment.id)
                .where(Lesson.ends_at <= now, Lesson.cancelled_at.is_(None),
                       Enrolment.mark != Mark.CANCELLED)
                .where(or_(Enrolment.mark == Mark.NONE,
                           func.coalesce(ledger.c.net, 0) != expected,
                           func.coalesce(ledger.c.standing, 0) > 1)))
        if since is not None:
            stmt = stmt.where(Lesson.starts_at >= since)
        ids = list(s.scalars(stmt))
        rosters = _roster(s, ids)
        rows = lessons.lesson_rows(s, None, None, ids=ids)
        return [LessonCheck(r, tuple(rosters.get(r.id, []))) for r in rows]


def mark(store: Store, actor: Actor, enrolment_id: int, new: Mark) -> None:
    mark_many(store, actor, [enrolment_id], new)


def mark_many(store: Store, actor: Actor, enrolment_ids: list[int], new: Mark) -> None:
    """Mark several children at once: all of them or, when one fails, none."""
    with store.write(actor) as uow:
        lock(uow, enrolment_ids)
        for enrolment_id in enrolment_ids:
            mark_in(uow, enrolment_id, new)
        uow.commit()


def lock(uow: UnitOfWork, enrolment_ids: list[int]) -> None:
    """Hold these enrolments until the commit (PostgreSQL: FOR UPDATE, in id order so that two
    desks marking the same children never wait on each other in a circle; SQLite's writer
    holds the whole file already): a second desk marking the same child waits, then sees
    the first one's mark and debit."""
    uow.session.execute(select(Enrolment.id).where(Enrolment.id.in_(sorted(set(enrolment_ids))))
                        .order_by(Enrolment.id).with_for_update()).all()


def mark_in(uow: UnitOfWork, enrolment_id: int, new: Mark) -> None:
    """Set a mark and make the ledger match it: what was charged and is no longer due is
    reversed, what is due and not charged is debited once."""
    s = uow.session
    e = s.get(Enrolment, enrolment_id)
    if e is None:
        raise errors.NotFound(f"enrolment {enrolment_id} not found")
    lesson = s.get(Lesson, e.lesson_id)
    if lesson.cancelled:
        raise errors.LessonCancelled("the lesson is cancelled")
    before = e.mark
    e.mark, e.marked_at, e.marked_by = new, uow.now, uow.actor.staff_id
    s.flush()
    settle(uow, e)
    if new is Mark.CANCELLED and before is not Mark.CANCELLED:
        uow.publish(PlaceFreed(e.lesson_id))
    if new is Mark.ATTENDED and before is not Mark.ATTENDED:
        attended = s.scalar(select(func.count()).select_from(Enrolment).where(
            Enrolment.child_id == e.child_id, Enrolment.mark == Mark.ATTENDED)) or 0
        uow.publish(ChildAttended(e.id, e.child_id, e.family_id, attended))
    uow.audit("attendance.mark", entity_id=e.id, family_id=e.family_id,
              before=json.dumps({"mark": before.value}), after=json.dumps({"mark": new.value}))


def settle(uow: UnitOfWork, e: Enrolment) -> None:
    s = uow.session
    starts = s.scalar(select(Lesson.starts_at).where(Lesson.id == e.lesson_id))
    expected = _expected(e, studio.absence_charged_at(studio.absence_periods(s), starts))
    net, standing = _debits(s, [e.id]).get(e.id, (0, 0))
    if net == expected and standing <= 1:
        return
    if net:
        lessons.reverse_charges(uow, e.id, "исправление отметки")
    if expected:
        direction = s.scalar(select(Direction.name).join(Lesson, Lesson.direction_id ==
                                                         Direction.id)
                             .where(Lesson.id == e.lesson_id))
        wallet.append(uow, e.family_id, EntryKind.DEBIT, -expected, enrolment_id=e.id,
                      note=f"{direction}: {s.get(Child, e.child_id).name}")


def ask_teacher(store: Store, actor: Actor, lesson_id: int, enrolment_ids: list[int]) -> int:
    """One task holding the teacher's contact and the children whose marks are unclear."""
    with store.write(actor) as uow:
        s = uow.session
        lesson = s.get(Lesson, lesson_id)
        if lesson is None:
            raise errors.NotFound(f"lesson {lesson_id} not found")
        teacher = s.get(Teacher, lesson.teacher_id) if lesson.teacher_id else None
        names = list(s.scalars(select(Child.name).join(Enrolment, Enrolment.child_id == Child.id)
                               .where(Enrolment.id.in_(enrolment_ids)).order_by(Child.name)))
        if not names:
            raise errors.ValidationFailed({"children": "children_missing"})
        info = studio.load_info(s)
        contact = lessons._teacher(teacher).contact if teacher else ""
        task_id = tasks.save_in(uow, tasks.TaskDraft(
            title=texts.ASK_TEACHER.format(
                teacher=teacher.name if teacher else "?", contact=contact or "—",
                direction=s.get(Direction, lesson.direction_id).name,
                when=lesson.starts_at.astimezone(info.tz).strftime("%d.%m.%Y %H:%M"),
                children=", ".join(names)),
            details="\n".join(names), due_at=uow.now, assignee_role=Role.SYSTEM,
            origin="ask_teacher"))
        uow.commit()
        return task_id


def families_in_stage(store: Store, name: str) -> set[int]:
    """Families with a child whose attended lessons put it in stage ``name`` (see STAGES)."""
    low, high = next((lo, hi) for lo, hi, n in STAGES if n == name)
    with store.read() as s:
        counts = (select(Enrolment.family_id, Enrolment.child_id, func.count().label("n"))
                  .where(Enrolment.mark == Mark.ATTENDED)
                  .group_by(Enrolment.family_id, Enrolment.child_id).subquery())
        stmt = select(counts.c.family_id).where(counts.c.n >= low).distinct()
        if high is not None:
            stmt = stmt.where(counts.c.n <= high)
        return set(s.scalars(stmt))


def attended_counts(store: Store, child_ids: list[int]) -> dict[int, int]:
    with store.read() as s:
        return dict(s.execute(select(Enrolment.child_id, func.count())
                              .where(Enrolment.child_id.in_(child_ids),
                                     Enrolment.mark == Mark.ATTENDED)
                              .group_by(Enrolment.child_id)).all())


def problems(s: Session, now: dt.datetime) -> list[str]:
    """Open problems for `desk check` (not integrity faults)."""
    found = []
    periods = studio.absence_periods(s)
    unmarked = s.execute(select(Lesson.id, Lesson.starts_at, func.count())
                         .join(Enrolment, Enrolment.lesson_id == Lesson.id)
                         .where(Lesson.ends_at <= now, Lesson.cancelled_at.is_(None),
                                Enrolment.mark == Mark.NONE)
                         .group_by(Lesson.id).order_by(Lesson.starts_at)).all()
    for lesson_id, starts, n in unmarked:
        found.append(f"lesson {lesson_id} ({starts:%Y-%m-%d %H:%M} UTC): {n} enrolments "
                     "not marked")
    enrolments = list(s.execute(select(Enrolment, Lesson.starts_at)
                                .join(Lesson, Lesson.id == Enrolment.lesson_id)
                                .where(Lesson.cancelled_at.is_(None))))
    debits = _debits(s, [e.id for e, _ in enrolments])
    for e, starts in enrolments:
        net, standing = debits.get(e.id, (0, 0))
        expected = _expected(e, studio.absence_charged_at(periods, starts))
        if e.mark is Mark.ATTENDED and standing != 1:
            found.append(f"enrolment {e.id} (lesson {e.lesson_id}): attended but debited "
                         f"{standing} times")
        elif e.mark is Mark.ATTENDED and net != expected:
            found.append(f"enrolment {e.id} (lesson {e.lesson_id}): debited {net} kopecks, "
                         f"expected {expected}")
        elif e.mark is not Mark.ATTENDED and net and not expected:
            found.append(f"enrolment {e.id} (lesson {e.lesson_id}): debited without attending")
    return found
