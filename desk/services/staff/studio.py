"""The studio's identity, its time zone and its staff."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import Role
from desk.models.studio import AbsenceRule, Staff, Studio
from desk.models.wallet import MAX_ENTRY
from desk.services.store import errors, events
from desk.services.store.db import SYSTEM_ACTOR, Actor, Store

DEFAULT_TIMEZONE = "Europe/Moscow"


@dataclasses.dataclass(frozen=True)
class StudioCreated(events.Event):
    """The studio was set up: other packages lay their defaults (directions and their prices)."""


@dataclasses.dataclass(frozen=True)
class TimezoneChanged(events.Event):
    """The studio moved to another time zone: what is kept per studio day or month is
    counted again."""


@dataclasses.dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: Role
    active: bool

    def actor(self) -> Actor:
        """A supervisor's actor looks only: the store refuses its writes."""
        return Actor(self.id, self.name, looks_only=self.role is Role.SUPERVISOR)


@dataclasses.dataclass(frozen=True)
class StudioInfo:
    name: str
    timezone: str
    absent_charged: bool = False
    large_payment: int = 10_000_000  # kopecks: a payment line over it needs a confirmation
    repeat_days: int = 7  # the same payment again within these days is a repeat
    feedback_hours: int = 24  # a lesson's feedback is due this many hours after it ends
    second_feedback_days: int = 7  # the second feedback, this many days after the crossing
    idle_lock_min: int = 15  # a desk left alone this long locks itself (0: never)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


MAX_IDLE_LOCK_MIN = 240


@dataclasses.dataclass(frozen=True)
class StaffDraft:
    name: str
    role: Role


def timezones() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/"))


def is_set_up(store: Store) -> bool:
    with store.read() as s:
        return s.get(Studio, 1) is not None


def info(store: Store) -> StudioInfo:
    with store.read() as s:
        return load_info(s)


def load_info(session: Session) -> StudioInfo:
    row = session.get(Studio, 1)
    if row is None:
        raise errors.NotFound("the studio is not set up yet")
    return StudioInfo(row.name, row.timezone, row.absent_charged, row.large_payment,
                      row.repeat_days, row.feedback_hours, row.second_feedback_days,
                      row.idle_lock_min)


def setup(
    store: Store, name: str, timezone: str, staff: list[StaffDraft], actor: Actor = SYSTEM_ACTOR
) -> list[StaffMember]:
    """First start: the studio's name, time zone and staff (a System person and a Communicator
    at least)."""
    fields: dict[str, str] = {}
    if not name.strip():
        fields["name"] = "name_empty"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        fields["timezone"] = "timezone_invalid"
    people = [p for p in staff if p.name.strip()]
    roles = {p.role for p in people}
    if Role.SYSTEM not in roles or Role.COMMUNICATOR not in roles:
        fields["staff"] = "staff_roles_missing"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        if uow.session.get(Studio, 1) is not None:
            raise errors.AlreadySetUp("the studio is already set up")
        uow.session.add(Studio(id=1, name=name.strip(), timezone=timezone, created_at=uow.now))
        rows = [Staff(name=p.name.strip(), role=p.role) for p in people]
        uow.session.add_all(rows)
        uow.publish(StudioCreated())
        from desk.services.staff import hours

        hours.seed_defaults(uow)
        uow.session.flush()
        uow.audit(
            "studio.setup",
            after=json.dumps(
                {"name": name.strip(), "timezone": timezone,
                 "staff": [[r.name, r.role.value] for r in rows]},
                ensure_ascii=False,
            ),
        )
        uow.commit()
        return [_member(r) for r in rows]


def absence_rule_starts(store: Store) -> dt.date:
    """The day a change of the absence rule made now would apply from: today, studio time."""
    with store.read() as s:
        return store.now().astimezone(load_info(s).tz).date()


def set_absent_charged(store: Store, actor: Actor, charged: bool) -> dt.date:
    """Whether a child marked "did not come" is charged (the studio's rule), for lessons from
    today on (studio time); earlier lessons keep the rule that was in force when they took
    place. Returns that first day."""
    with store.write(actor) as uow:
        row = uow.session.get(Studio, 1)
        before = row.absent_charged
        day = uow.now.astimezone(ZoneInfo(row.timezone)).date()
        since = local_day_bounds(day, ZoneInfo(row.timezone))[0]
        row.absent_charged = charged
        uow.session.add(AbsenceRule(since=since, charged=charged))
        uow.audit("studio.absent_charged", before=json.dumps({"absent_charged": before}),
                  after=json.dumps({"absent_charged": charged, "since": day.isoformat()}))
        uow.commit()
        return day


def absence_periods(session: Session) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """The spans of lesson starts [from, until) whose absences are charged, oldest first."""
    rules = session.execute(select(AbsenceRule.since, AbsenceRule.charged)
                            .order_by(AbsenceRule.since, AbsenceRule.id)).all()
    periods: list[tuple[dt.datetime, dt.datetime | None]] = []
    start = None
    for since, charged in rules:
        if charged and start is None:
            start = since
        elif not charged and start is not None:
            if since > start:
                periods.append((start, since))
            start = None
    if start is not None:
        periods.append((start, None))
    return periods


def absence_charged_at(periods: list[tuple[dt.datetime, dt.datetime | None]],
                       at: dt.datetime) -> bool:
    return any(a <= at and (b is None or at < b) for a, b in periods)


def set_payment_rules(store: Store, actor: Actor, large_payment: int, repeat_days: int) -> None:
    """The large-payment threshold (kopecks) and the repeat window (days)."""
    fields = {}
    if not 0 < large_payment <= MAX_ENTRY:
        fields["large_payment"] = "large_payment_invalid"
    if not 1 <= repeat_days <= 90:
        fields["repeat_days"] = "repeat_days_invalid"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        row = uow.session.get(Studio, 1)
        before = {"large_payment": row.large_payment, "repeat_days": row.repeat_days}
        row.large_payment, row.repeat_days = large_payment, repeat_days
        uow.audit("studio.payment_rules", before=json.dumps(before), after=json.dumps(
            {"large_payment": large_payment, "repeat_days": repeat_days}))
        uow.commit()


@dataclasses.dataclass(frozen=True)
class StaffEdit:
    """A person on the staff list as the settings edit it: id None for one added now."""

    name: str
    role: Role
    active: bool = True
    id: int | None = None


def update(store: Store, actor: Actor, name: str, timezone: str, people: list[StaffEdit], *,
           keep_local_times: bool = True, idle_lock_min: int | None = None) -> None:
    """The studio after setup: its name, its time zone and its staff (added, renamed,
    deactivated — never deleted: the journal names them). A System person and a Communicator
    stay active. A new time zone keeps the lessons at their local clock times (the default:
    17:00 stays 17:00) or at their absolute times. ``idle_lock_min``: a desk left alone this
    many minutes locks itself (0: never; None: as it was)."""
    fields: dict[str, str] = {}
    if not name.strip():
        fields["name"] = "name_empty"
    try:
        new_tz = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        fields["timezone"] = "timezone_invalid"
    people = [p for p in people if p.name.strip() or p.id is not None]
    if any(not p.name.strip() for p in people):
        fields["staff"] = "name_empty"
    roles = {p.role for p in people if p.active}
    if Role.SYSTEM not in roles or Role.COMMUNICATOR not in roles:
        fields["staff"] = "staff_roles_missing"
    if idle_lock_min is not None and not 0 <= idle_lock_min <= MAX_IDLE_LOCK_MIN:
        fields["idle_lock_min"] = "idle_lock_range"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        s = uow.session
        row = s.get(Studio, 1)
        before = {"name": row.name, "timezone": row.timezone, "idle_lock_min": row.idle_lock_min}
        if idle_lock_min is not None:
            row.idle_lock_min = idle_lock_min
        moved = timezone != row.timezone
        if moved:
            _move_clock(s, ZoneInfo(row.timezone), new_tz, uow.now, keep_local_times)
        row.name, row.timezone = " ".join(name.split()), timezone
        if moved:
            s.flush()
            uow.publish(TimezoneChanged())
        existing = {m.id: m for m in s.scalars(select(Staff))}
        for p in people:
            member = existing.get(p.id) if p.id is not None else None
            if member is None:
                member = Staff()
                s.add(member)
            member.name, member.role, member.active = " ".join(p.name.split()), p.role, p.active
        s.flush()
        uow.audit("studio.update", before=json.dumps(before, ensure_ascii=False),
                  after=json.dumps({"name": row.name, "timezone": timezone,
                                    "staff": [[p.name, p.role.value, p.active] for p in people],
                                    "keep_local_times": keep_local_times,
                                    "idle_lock_min": row.idle_lock_min},
                                   ensure_ascii=False))
        uow.commit()


def _move_clock(s: Session, old: ZoneInfo, new: ZoneInfo, now: dt.datetime,
                keep_local: bool) -> None:
    """A new time zone. Keeping the clock: every lesson, open task and message waiting for its
    time from now on keeps its wall-clock time in the new zone. Keeping the moments: they stay,
    and the weekly series' clock time follows (what they create later agrees)."""
    from desk.models.comms import InboxMessage
    from desk.models.enums import OutboxStatus
    from desk.models.schedule import Lesson, Series
    from desk.models.task import Task
    from desk.models.enums import TaskStatus

    def same_clock(at: dt.datetime) -> dt.datetime:
        return at.astimezone(old).replace(tzinfo=new).astimezone(dt.timezone.utc)

    if not keep_local:
        for series in s.scalars(select(Series)):
            first = dt.datetime.combine(series.first_date, series.start_time, old)
            series.start_time = first.astimezone(new).time()
        return
    for lesson in s.scalars(select(Lesson).where(Lesson.starts_at >= now)):
        length = lesson.ends_at - lesson.starts_at
        lesson.starts_at = same_clock(lesson.starts_at)
        lesson.ends_at = lesson.starts_at + length
    for task in s.scalars(select(Task).where(Task.status == TaskStatus.OPEN,
                                             Task.due_at >= now)):
        task.due_at = same_clock(task.due_at)
    for message in s.scalars(select(InboxMessage).where(
            InboxMessage.status == OutboxStatus.QUEUED, InboxMessage.send_after > now)):
        message.send_after = same_clock(message.send_after)


def staff(store: Store, *, active_only: bool = True) -> list[StaffMember]:
    """The staff, read column by column: an older file looked at read-only (before its
    upgrade) lacks the newer columns."""
    with store.read() as s:
        stmt = select(Staff.id, Staff.name, Staff.role, Staff.active).order_by(Staff.id)
        if active_only:
            stmt = stmt.where(Staff.active.is_(True))
        return [StaffMember(*r) for r in s.execute(stmt)]


def _member(row: Staff) -> StaffMember:
    return StaffMember(row.id, row.name, row.role, row.active)


def local_day_bounds(day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where the studio's calendar day starts and ends."""
    start = dt.datetime.combine(day, dt.time(), tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz)
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)


def local_period_bounds(first: dt.date, last: dt.date,
                        tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants from the start of ``first`` to the end of ``last`` (both included)."""
    return local_day_bounds(first, tz)[0], local_day_bounds(last, tz)[1]
