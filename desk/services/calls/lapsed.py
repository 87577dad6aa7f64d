"""No-shows and lapsed clients: children who were enrolled but did not come, and families not
seen for N weeks (N set by the studio). Each gets a call with the lapsed-client script
(desk.services.calls.scripts), whose reason code is stored and counted per month here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter

from sqlalchemy import func, select

from desk.models.comms import LapseCall
from desk.models.enums import Mark
from desk.models.family import Child, Family
from desk.models.schedule import Direction, Enrolment, Lesson
from desk.models.studio import Studio
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store

NO_SHOW_DAYS = 30


@dataclasses.dataclass(frozen=True)
class NoShow:
    enrolment_id: int
    family_id: int
    family_title: str
    child: str
    direction: str
    lesson_at: dt.datetime


@dataclasses.dataclass(frozen=True)
class Lapsed:
    family_id: int
    family_title: str
    last_visit: dt.datetime
    visits: int


def weeks(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(Studio.lapsed_weeks).where(Studio.id == 1)) or 4


def set_weeks(store: Store, actor: Actor, n: int) -> None:
    if not 1 <= n <= 52:
        raise errors.ValidationFailed({"weeks": "weeks_invalid"})
    with store.write(actor) as uow:
        row = uow.session.get(Studio, 1)
        before, row.lapsed_weeks = row.lapsed_weeks, n
        uow.audit("studio.lapsed_weeks", before=json.dumps({"weeks": before}),
                  after=json.dumps({"weeks": n}))
        uow.commit()


def no_shows(store: Store) -> list[NoShow]:
    """Absences in the last 30 days that nobody has called about yet."""
    with store.read() as s:
        now = store.now()
        called = select(LapseCall.enrolment_id).where(LapseCall.enrolment_id.is_not(None))
        rows = s.execute(
            select(Enrolment.id, Enrolment.family_id, Child.name, Direction.name,
                   Lesson.starts_at)
            .join(Lesson, Lesson.id == Enrolment.lesson_id)
            .join(Child, Child.id == Enrolment.child_id)
            .join(Direction, Direction.id == Lesson.direction_id)
            .where(Enrolment.mark == Mark.ABSENT, Lesson.cancelled_at.is_(None),
                   Child.archived_at.is_(None),
                   Lesson.starts_at >= now - dt.timedelta(days=NO_SHOW_DAYS),
                   Enrolment.id.not_in(called))
            .order_by(Lesson.starts_at.desc())).all()
        titles = families.titles(s, sorted({r[1] for r in rows}))
        return [NoShow(eid, fid, titles.get(fid, ""), child, direction, at)
                for eid, fid, child, direction, at in rows]


def lapsed(store: Store) -> list[Lapsed]:
    """Families whose last attended lesson is more than N weeks ago, with nothing booked ahead
    and no call about it since that visit."""
    with store.read() as s:
        now = store.now()
        n = s.scalar(select(Studio.lapsed_weeks).where(Studio.id == 1)) or 4
        last = (select(Enrolment.family_id.label("fid"), func.max(Lesson.starts_at).label("last"),
                       func.count().label("visits"))
                .join(Lesson, Lesson.id == Enrolment.lesson_id)
                .where(Enrolment.mark == Mark.ATTENDED)
                .group_by(Enrolment.family_id).subquery())
        ahead = (select(Enrolment.family_id).join(Lesson, Lesson.id == Enrolment.lesson_id)
                 .where(Lesson.starts_at >= now, Lesson.cancelled_at.is_(None),
                        Enrolment.mark == Mark.NONE))
        rows = s.execute(
            select(last.c.fid, last.c.last, last.c.visits)
            .join(Family, Family.id == last.c.fid)
            .where(last.c.last < now - dt.timedelta(weeks=n), Family.erased.is_(False),
                   last.c.fid.not_in(ahead))
            .order_by(last.c.last.desc())).all()
        last_calls = dict(s.execute(select(LapseCall.family_id, func.max(LapseCall.at))
                                    .group_by(LapseCall.family_id)).all())
        rows = [r for r in rows if r[0] not in last_calls or last_calls[r[0]] < r[1]]
        titles = families.titles(s, [r[0] for r in rows])
        return [Lapsed(fid, titles.get(fid, ""), at, visits) for fid, at, visits in rows]


def reasons_by_month(store: Store) -> dict[str, Counter]:
    """'2026-03' → Counter of reason codes, newest month first."""
    with store.read() as s:
        tz = studio.load_info(s).tz
        found: dict[str, Counter] = {}
        for at, reason in s.execute(select(LapseCall.at, LapseCall.reason)):
            found.setdefault(at.astimezone(tz).strftime("%Y-%m"), Counter())[reason] += 1
        return dict(sorted(found.items(), reverse=True))
