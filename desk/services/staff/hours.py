"""The desk's working hours: several blocks a day (a lunch break), holidays, and the times that
follow from them (is the desk open; when does it open next; when a call-back is due)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk.models.comms import Holiday, WorkingBlock
from desk.services.staff import studio
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store, UnitOfWork

CALLBACK_IN_HOURS = dt.timedelta(minutes=30)
CALLBACK_NEXT_DAY = dt.timedelta(hours=1)
SEARCH_DAYS = 60


@dataclasses.dataclass(frozen=True, order=True)
class Block:
    weekday: int  # 0 = Monday
    start: dt.time
    end: dt.time


DEFAULT = tuple(
    [Block(d, dt.time(10), dt.time(14)) for d in range(5)]
    + [Block(d, dt.time(15), dt.time(20)) for d in range(5)]
    + [Block(5, dt.time(10), dt.time(18)), Block(6, dt.time(11), dt.time(17))]
)


@dataclasses.dataclass(frozen=True)
class Hours:
    blocks: tuple[Block, ...]
    holidays: frozenset[dt.date]
    tz: ZoneInfo

    def is_open(self, at: dt.datetime) -> bool:
        local = at.astimezone(self.tz)
        if local.date() in self.holidays:
            return False
        return any(b.weekday == local.weekday() and b.start <= local.time() < b.end
                   for b in self.blocks)

    def next_open(self, at: dt.datetime) -> dt.datetime:
        """The next moment a block starts after ``at`` (UTC)."""
        local = at.astimezone(self.tz)
        for offset in range(SEARCH_DAYS):
            day = local.date() + dt.timedelta(days=offset)
            if day in self.holidays:
                continue
            for b in sorted(b for b in self.blocks if b.weekday == day.weekday()):
                start = dt.datetime.combine(day, b.start, self.tz)
                if start > local:
                    return start.astimezone(dt.timezone.utc)
        raise errors.NoWorkingHours("no working hours are set")

    def working_seconds(self, start: dt.datetime, end: dt.datetime) -> int:
        """How much of [start, end) falls in working time: a client's wait counts only that."""
        if end <= start:
            return 0
        first, last = start.astimezone(self.tz).date(), end.astimezone(self.tz).date()
        if (last - first).days > SEARCH_DAYS:
            first = last - dt.timedelta(days=SEARCH_DAYS)
        total = 0.0
        day = first
        while day <= last:
            if day not in self.holidays:
                for b in self.blocks:
                    if b.weekday != day.weekday():
                        continue
                    lo = max(start, dt.datetime.combine(day, b.start, self.tz))
                    hi = min(end, dt.datetime.combine(day, b.end, self.tz))
                    if hi > lo:
                        total += (hi - lo).total_seconds()
            day += dt.timedelta(days=1)
        return int(total)

    def describe(self) -> str:
        """The week's hours as one line, for the after-hours reply: "пн–пт 10:00–14:00, …"."""
        days = {}
        for b in sorted(self.blocks):
            days.setdefault(b.weekday, []).append(
                f"{b.start.strftime('%H:%M')}–{b.end.strftime('%H:%M')}")
        groups: list[tuple[list[int], str]] = []
        for weekday, spans in sorted(days.items()):
            text = ", ".join(spans)
            if groups and groups[-1][1] == text and groups[-1][0][-1] == weekday - 1:
                groups[-1][0].append(weekday)
            else:
                groups.append(([weekday], text))
        names = texts.WEEKDAYS_SHORT
        return "; ".join(
            (names[g[0]] if len(g) == 1 else f"{names[g[0]]}–{names[g[-1]]}") + " " + text
            for g, text in groups)

    def callback_due(self, missed_at: dt.datetime) -> dt.datetime:
        """30 minutes of working time after a missed call; outside working hours, within the
        first working hour after the desk opens again. Never inside a lunch break or after
        closing: the half hour goes on after the break, or the next working day."""
        if self.is_open(missed_at):
            return self.after_working(missed_at, CALLBACK_IN_HOURS)
        return self.after_working(missed_at, CALLBACK_NEXT_DAY)

    def after_working(self, start: dt.datetime, span: dt.timedelta) -> dt.datetime:
        """The moment ``span`` of working time has passed since ``start`` (UTC)."""
        left = span
        local = start.astimezone(self.tz)
        for offset in range(SEARCH_DAYS):
            day = local.date() + dt.timedelta(days=offset)
            if day in self.holidays:
                continue
            for b in sorted(b for b in self.blocks if b.weekday == day.weekday()):
                lo = max(start, dt.datetime.combine(day, b.start, self.tz))
                hi = dt.datetime.combine(day, b.end, self.tz)
                if hi <= lo:
                    continue
                if hi - lo >= left:
                    return (lo + left).astimezone(dt.timezone.utc)
                left -= hi - lo
        raise errors.NoWorkingHours("no working hours are set")


def load(session: Session) -> Hours:
    rows = list(session.scalars(select(WorkingBlock)))
    blocks = tuple(sorted(Block(r.weekday, r.start, r.end) for r in rows)) or DEFAULT
    days = frozenset(session.scalars(select(Holiday.day)))
    return Hours(blocks, days, studio.load_info(session).tz)


def current(store: Store) -> Hours:
    with store.read() as s:
        return load(s)


def holidays(store: Store) -> list[tuple[dt.date, str]]:
    with store.read() as s:
        return list(s.execute(select(Holiday.day, Holiday.note).order_by(Holiday.day)).all())


def save_week(store: Store, actor: Actor, blocks: list[Block],
              holidays: dict[dt.date, str] | None = None) -> None:
    """The week's blocks and, when given, the days off (replacing the ones stored): the
    settings dialog saves both at once, and Cancel saves neither."""
    by_day: dict[int, list[Block]] = {}
    for b in sorted(blocks):
        if not 0 <= b.weekday <= 6 or b.start >= b.end:
            raise errors.ValidationFailed({f"day.{b.weekday}": "hours_invalid"})
        previous = by_day.setdefault(b.weekday, [])
        if previous and previous[-1].end > b.start:
            raise errors.ValidationFailed({f"day.{b.weekday}": "hours_overlap"})
        previous.append(b)
    if not blocks:
        raise errors.ValidationFailed({"hours": "hours_missing"})
    with store.write(actor) as uow:
        uow.session.execute(delete(WorkingBlock))
        uow.session.add_all(WorkingBlock(weekday=b.weekday, start=b.start, end=b.end)
                            for b in sorted(blocks))
        uow.audit("hours.week", after=json.dumps(
            [[b.weekday, b.start.strftime("%H:%M"), b.end.strftime("%H:%M")]
             for b in sorted(blocks)]))
        if holidays is not None:
            before = {d.isoformat(): n for d, n in uow.session.execute(
                select(Holiday.day, Holiday.note)).all()}
            uow.session.execute(delete(Holiday))
            uow.session.add_all(Holiday(day=d, note=n.strip()) for d, n in holidays.items())
            after = {d.isoformat(): n.strip() for d, n in holidays.items()}
            if before != after:
                uow.audit("hours.holidays", before=json.dumps(before, ensure_ascii=False),
                          after=json.dumps(after, ensure_ascii=False))
        uow.commit()


def seed_defaults(uow: UnitOfWork) -> None:
    if uow.session.scalar(select(WorkingBlock.id).limit(1)) is None:
        uow.session.add_all(WorkingBlock(weekday=b.weekday, start=b.start, end=b.end)
                            for b in DEFAULT)
