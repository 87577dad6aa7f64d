"""Keeping clients, month by month (studio months):

- first → second lesson: of the children whose first attended lesson fell in the month, the
  share who came again within 30 days (a child whose 30 days are not over yet is "pending",
  not counted);
- churn: of the families who attended anything the month before, those who attended nothing
  in the month;
- reasons for leaving: the lapsed-client calls of the month by the reason heard;
- loyalty signals of the month by kind, and the sources of the month's new families."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select

from desk.models.comms import LapseCall
from desk.models.enums import Mark
from desk.models.family import Family, LoyaltySignal
from desk.models.schedule import Enrolment, Lesson
from desk.services.insights import rollup, trend
from desk.services.staff import studio
from desk.services.store.db import Store

AGAIN = dt.timedelta(days=30)


@dataclasses.dataclass(frozen=True)
class Month:
    month: str
    first_timers: int  # first lesson in the month, their 30 days over
    came_again: int  # of them, came again within 30 days
    pending: int  # first lesson in the month, 30 days not over yet
    active_before: int  # families who attended in the month before
    lapsed: int  # of them, attended nothing in the month
    reasons: dict[str, int]  # LapseReason value → calls of the month
    loyalty: dict[str, int]  # LoyaltyKind value → signals of the month
    sources: dict[str, int]  # a new family's source as typed → families added in the month
    partial: bool = False  # the month is not over: who has not come yet may still come

    @property
    def conversion(self) -> float | None:
        return 100 * self.came_again / self.first_timers if self.first_timers else None

    @property
    def churn(self) -> float | None:
        """None while the month is not over (not counted yet), or when nobody came before."""
        if self.partial or not self.active_before:
            return None
        return 100 * self.lapsed / self.active_before


def months(store: Store, last: str, n: int = 12) -> list[Month]:
    now = store.now()
    keys = trend.months_until(last, n)
    with store.read() as s:
        tz = studio.load_info(s).tz
        first_start = rollup.bounds(trend.months_until(keys[0], 2)[0], tz)[0]
        end = rollup.bounds(keys[-1], tz)[1]
        visits: dict[int, list[dt.datetime]] = {}
        active: dict[str, set[int]] = {}
        for child, fid, at in s.execute(
                select(Enrolment.child_id, Enrolment.family_id, Lesson.starts_at)
                .join(Lesson, Lesson.id == Enrolment.lesson_id)
                .where(Enrolment.mark == Mark.ATTENDED, Lesson.starts_at < end + AGAIN)
                .order_by(Lesson.starts_at)):
            times = visits.setdefault(child, [])
            if len(times) < 2:
                times.append(at)
            if first_start <= at < end:
                active.setdefault(rollup.month_of(at, tz), set()).add(fid)

        def counted(column, key) -> dict[str, dict[str, int]]:
            """Per month, the rows by ``key`` (counted by the database, month by month)."""
            found: dict[str, dict[str, int]] = {}
            for month in keys:
                since, until = rollup.bounds(month, tz)
                found[month] = {getattr(value, "value", value): n for value, n in s.execute(
                    select(key, func.count()).where(column >= since, column < until)
                    .group_by(key))}
            return found

        reasons = counted(LapseCall.at, LapseCall.reason)
        loyalty = counted(LoyaltySignal.at, LoyaltySignal.kind)
        sources = counted(Family.created_at, Family.source)
    firsts: dict[str, list[bool | None]] = {}
    for first, *again in visits.values():
        key = rollup.month_of(first, tz)
        came = bool(again) and again[0] - first <= AGAIN
        firsts.setdefault(key, []).append(came if came or first + AGAIN <= now else None)
    found = []
    for key in keys:
        outcomes = firsts.get(key, [])
        before = trend.months_until(key, 2)[0]
        was = active.get(before, set())
        found.append(Month(key, sum(1 for o in outcomes if o is not None),
                           sum(1 for o in outcomes if o), sum(1 for o in outcomes if o is None),
                           len(was), len(was - active.get(key, set())),
                           reasons.get(key, {}), loyalty.get(key, {}), sources.get(key, {}),
                           rollup.bounds(key, tz)[1] > now))
    return found

