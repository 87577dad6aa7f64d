"""The survey indices summed per studio month (NPS counts over one answer per family, CSAT
counts, CSI sums per item), kept current in the transaction of every write that changes
answers or scores: an import, a paper answer, a script call's score, an erase, a change of the
studio's time zone. A year's trend then reads a few rows, whatever the number of answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, select, true
from sqlalchemy.orm import Session

from desk.models.comms import NpsScore
from desk.models.insights import CsiMonth, IndexMonth
from desk.models.studio import Studio
from desk.models.surveys import CsiScore, SurveyAnswer
from desk.services.calls import scripts
from desk.services.staff import studio
from desk.services.store import events
from desk.services.store.db import UnitOfWork
from desk.services.surveys import forms

SCALE = 36  # a common multiple of 4 and 9: a 1–5 and a 1–10 score sum up exactly


@dataclasses.dataclass
class Sums:
    nps_n: int = 0
    promoters: int = 0
    detractors: int = 0
    csat_n: int = 0
    csat_top: int = 0
    csi_n: int = 0
    csi: dict[int, list[int]] = dataclasses.field(default_factory=dict)  # item → [n, sum36]


def month_of(at: dt.datetime, tz: ZoneInfo) -> str:
    local = at.astimezone(tz)
    return f"{local.year:04d}-{local.month:02d}"


def bounds(month: str, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The month's start and the next month's start, in UTC."""
    year, number = int(month[:4]), int(month[5:7])
    after = (year + number // 12, number % 12 + 1)
    start = dt.datetime(year, number, 1, tzinfo=tz)
    end = dt.datetime(after[0], after[1], 1, tzinfo=tz)
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)


def summarise(answers: Iterable, calls: Iterable, scores: Iterable,
              tz: ZoneInfo) -> dict[str, Sums]:
    """The sums per month of ``answers`` (id, family id, time, NPS, CSAT), script calls'
    ``calls`` (family id, time, score) and CSI ``scores`` (answer id, the answer's time, item
    id, value, scale): NPS over each family's latest score in the month (an answer of no
    family on its own), CSAT and CSI over every answer."""
    found: dict[str, Sums] = {}
    latest: dict[tuple[str, int], tuple[dt.datetime, int]] = {}
    anonymous: list[tuple[str, int]] = []

    def scored(fid: int | None, at: dt.datetime, score: int) -> None:
        month = month_of(at, tz)
        if fid is None:
            anonymous.append((month, score))
        elif (month, fid) not in latest or at >= latest[(month, fid)][0]:
            latest[(month, fid)] = (at, score)

    for _id, fid, at, nps, csat in answers:
        if csat is not None:
            sums = found.setdefault(month_of(at, tz), Sums())
            sums.csat_n += 1
            sums.csat_top += csat >= 4
        if nps is not None:
            scored(fid, at, nps)
    for fid, at, score in calls:
        scored(fid, at, score)
    for month, score in [(m, x) for (m, _f), (_a, x) in latest.items()] + anonymous:
        sums = found.setdefault(month, Sums())
        sums.nps_n += 1
        sums.promoters += score >= 9
        sums.detractors += score <= 6
    answered: dict[str, set[int]] = {}
    for answer_id, at, item_id, value, top in scores:
        month = month_of(at, tz)
        item = found.setdefault(month, Sums()).csi.setdefault(item_id, [0, 0])
        item[0] += 1
        item[1] += (value - 1) * SCALE // (top - 1)
        answered.setdefault(month, set()).add(answer_id)
    for month, ids in answered.items():
        found[month].csi_n = len(ids)
    return found


def refresh_in(s: Session, months: set[str] | None = None) -> None:
    """Sum the given months again from the answers and scores (every month when None). On a
    server, two desks writing answers wait for each other here (the studio's row is locked),
    so the second reads what the first wrote."""
    s.execute(select(Studio.id).where(Studio.id == 1).with_for_update())
    tz = studio.load_info(s).tz
    if months is None:
        ranges = [None]
        s.execute(delete(CsiMonth))
        s.execute(delete(IndexMonth))
    else:
        if not months:
            return
        ranges = [bounds(m, tz) for m in sorted(months)]
        s.execute(delete(CsiMonth).where(CsiMonth.month.in_(months)))
        s.execute(delete(IndexMonth).where(IndexMonth.month.in_(months)))
    found: dict[str, Sums] = {}
    for span in ranges:
        def within(column):
            return true() if span is None else (column >= span[0]) & (column < span[1])

        answers = s.execute(select(SurveyAnswer.id, SurveyAnswer.family_id,
                                   SurveyAnswer.answered_at, SurveyAnswer.nps,
                                   SurveyAnswer.csat).where(within(SurveyAnswer.answered_at))
                            .order_by(SurveyAnswer.answered_at, SurveyAnswer.id))
        calls = s.execute(select(NpsScore.family_id, NpsScore.at, NpsScore.score)
                          .where(within(NpsScore.at)).order_by(NpsScore.at, NpsScore.id))
        scores = s.execute(select(CsiScore.answer_id, SurveyAnswer.answered_at, CsiScore.item_id,
                                  CsiScore.value, CsiScore.scale_max)
                           .join(SurveyAnswer, SurveyAnswer.id == CsiScore.answer_id)
                           .where(within(SurveyAnswer.answered_at)))
        found.update(summarise(answers, calls, scores, tz))
    write(s, found)


def write(s: Session, found: dict[str, Sums]) -> None:
    if found:
        s.execute(insert(IndexMonth), [
            {"month": m, "nps_n": x.nps_n, "promoters": x.promoters, "detractors": x.detractors,
             "csat_n": x.csat_n, "csat_top": x.csat_top, "csi_n": x.csi_n}
            for m, x in found.items()])
    items = [{"month": m, "item_id": i, "n": n, "sum36": total}
             for m, x in found.items() for i, (n, total) in x.csi.items()]
    if items:
        s.execute(insert(CsiMonth), items)


def refresh_times_in(s: Session, times: Iterable[dt.datetime]) -> None:
    tz = studio.load_info(s).tz
    refresh_in(s, {month_of(t, tz) for t in times})


def read(s: Session, months: list[str]) -> dict[str, Sums]:
    """The sums of these months (a month with no answers is empty)."""
    found = {m: Sums() for m in months}
    for row in s.scalars(select(IndexMonth).where(IndexMonth.month.in_(months))):
        found[row.month] = Sums(row.nps_n, row.promoters, row.detractors, row.csat_n,
                                row.csat_top, row.csi_n)
    for row in s.scalars(select(CsiMonth).where(CsiMonth.month.in_(months))):
        found[row.month].csi[row.item_id] = [row.n, row.sum36]
    return found


@events.handler(forms.AnswersChanged)
def _answers_changed(uow: UnitOfWork, event: forms.AnswersChanged) -> None:
    refresh_times_in(uow.session, event.times)


@events.handler(scripts.NpsRecorded)
def _nps_recorded(uow: UnitOfWork, event: scripts.NpsRecorded) -> None:
    refresh_times_in(uow.session, [event.at])


@events.handler(studio.TimezoneChanged)
def _timezone_changed(uow: UnitOfWork, _event: studio.TimezoneChanged) -> None:
    refresh_in(uow.session)
