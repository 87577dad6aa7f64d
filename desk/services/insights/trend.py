"""The indices month by month (studio months), narrowed by survey, direction, teacher and
channel; a month's answers for drilling down; response times by channel, person and hour.

Unnarrowed, NPS, CSAT and CSI come from the monthly sums (``rollup``); narrowed, from the
answers themselves. A direction or a teacher narrows to the families whose children attended
one of its lessons in the 90 days up to the month's end."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models.comms import Conversation, NpsScore, Response
from desk.models.enums import FeedbackSource, InboxChannel, Mark
from desk.models.feedback import FeedbackItem
from desk.models.schedule import Enrolment, Lesson
from desk.models.studio import Staff
from desk.models.surveys import Survey, SurveyAnswer
from desk.services.crm import families
from desk.services.insights import indices, rollup
from desk.services.staff import studio
from desk.services.store.db import Store

RECENT = dt.timedelta(days=90)  # a direction's or teacher's families: attended within this
LATEST = 500  # answers listed for a month at most (the newest)


@dataclasses.dataclass(frozen=True)
class Filters:
    survey_id: int | None = None
    direction_id: int | None = None
    teacher_id: int | None = None
    channel: InboxChannel | None = None

    @property
    def narrows_answers(self) -> bool:
        return any(x is not None for x in (self.survey_id, self.direction_id, self.teacher_id))


@dataclasses.dataclass(frozen=True)
class Month:
    month: str  # "2026-03"
    since: dt.datetime
    until: dt.datetime
    indices: indices.Indices
    partial: bool  # the month is not over yet


@dataclasses.dataclass(frozen=True)
class AnswerRow:
    id: int  # an answer's id; a script call's score: its negative id
    at: dt.datetime
    family_id: int | None
    title: str  # the family, or the name on an unmatched answer
    survey: str  # the survey's name; "" for a script call
    source: str  # form, paper, call
    nps: int | None
    csat: int | None
    comment: str
    item_id: int | None  # the feedback item the answer became


def months_until(last: str, n: int) -> list[str]:
    """The ``n`` months ending with ``last``, oldest first."""
    year, month = int(last[:4]), int(last[5:7])
    found = []
    for _ in range(n):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found[::-1]


def this_month(store: Store) -> str:
    with store.read() as s:
        return rollup.month_of(store.now(), studio.load_info(s).tz)


def _families(s: Session, f: Filters, until: dt.datetime) -> frozenset[int] | None:
    if f.direction_id is None and f.teacher_id is None:
        return None
    stmt = (select(Enrolment.family_id).join(Lesson, Lesson.id == Enrolment.lesson_id)
            .where(Enrolment.mark == Mark.ATTENDED, Lesson.starts_at >= until - RECENT,
                   Lesson.starts_at < until).distinct())
    if f.direction_id is not None:
        stmt = stmt.where(Lesson.direction_id == f.direction_id)
    if f.teacher_id is not None:
        stmt = stmt.where(Lesson.teacher_id == f.teacher_id)
    return frozenset(s.scalars(stmt))


def _narrowed(s: Session, f: Filters, until: dt.datetime) -> indices.Filters:
    return indices.Filters(f.survey_id, _families(s, f, until), f.channel)


def trend(store: Store, last: str, n: int = 12, f: Filters = Filters()) -> list[Month]:
    """Every index for each of the ``n`` months ending with ``last``."""
    now = store.now()
    with store.read() as s:
        tz = studio.load_info(s).tz
        keys = months_until(last, n)
        sums = rollup.read(s, keys) if not f.narrows_answers else {}
        items = indices.csi_items(s)
        found = []
        for key in keys:
            since, until = rollup.bounds(key, tz)
            if since > now:
                break
            narrowed = _narrowed(s, f, min(until, now))
            if f.narrows_answers:
                nps, csat, csi = indices.survey_part_in(s, since, until, narrowed)
            else:
                x = sums[key]
                nps = indices.nps_counted(x.nps_n, x.promoters, x.detractors)
                csat = indices.csat_counted(x.csat_n, x.csat_top)
                csi = indices.csi_of(x.csi, x.csi_n, items)
            at_close, no_recontact, response = indices.contact_part_in(s, since, until, now,
                                                                       narrowed)
            found.append(Month(key, since, until, indices.Indices(
                nps, csat, csi, at_close, no_recontact, response), until > now))
        return found


def answers(store: Store, month: str, f: Filters = Filters()) -> tuple[list[AnswerRow], int]:
    """The month's answers (and script calls' scores unless a survey is chosen), the newest
    first, at most ``LATEST`` of them; and how many there are in all."""
    with store.read() as s:
        tz = studio.load_info(s).tz
        since, until = rollup.bounds(month, tz)
        narrowed = _narrowed(s, f, min(until, store.now()))
        stmt = (select(SurveyAnswer.id, SurveyAnswer.answered_at, SurveyAnswer.family_id,
                       SurveyAnswer.name, SurveyAnswer.email, SurveyAnswer.source,
                       SurveyAnswer.nps, SurveyAnswer.csat, SurveyAnswer.comment, Survey.name)
                .outerjoin(Survey, Survey.id == SurveyAnswer.survey_id)
                .where(SurveyAnswer.answered_at >= since, SurveyAnswer.answered_at < until)
                .order_by(SurveyAnswer.answered_at.desc(), SurveyAnswer.id.desc()))
        counting = select(func.count()).select_from(SurveyAnswer).where(
            SurveyAnswer.answered_at >= since, SurveyAnswer.answered_at < until)
        if f.survey_id is not None:
            stmt = stmt.where(SurveyAnswer.survey_id == f.survey_id)
            counting = counting.where(SurveyAnswer.survey_id == f.survey_id)
        if narrowed.families is not None:
            stmt = stmt.where(SurveyAnswer.family_id.in_(sorted(narrowed.families)))
            counting = counting.where(SurveyAnswer.family_id.in_(sorted(narrowed.families)))
        rows = s.execute(stmt.limit(LATEST)).all()
        total = len(rows) if len(rows) < LATEST else s.scalar(counting)
        calls = []
        if f.survey_id is None:
            scores = (select(NpsScore.id, NpsScore.at, NpsScore.family_id, NpsScore.score)
                      .where(NpsScore.at >= since, NpsScore.at < until)
                      .order_by(NpsScore.at.desc()))
            if narrowed.families is not None:
                scores = scores.where(NpsScore.family_id.in_(sorted(narrowed.families)))
            calls = s.execute(scores.limit(LATEST)).all()
            total += len(calls)
        items = dict(s.execute(select(FeedbackItem.source_id, FeedbackItem.id).where(
            FeedbackItem.source == FeedbackSource.SURVEY,
            FeedbackItem.source_id.in_([a.id for a in rows]))).all()) if rows else {}
        titles = families.titles(s, sorted({a.family_id for a in rows
                                            if a.family_id is not None}
                                           | {c.family_id for c in calls}))
        found = [AnswerRow(a.id, a.answered_at, a.family_id,
                           titles.get(a.family_id, "") if a.family_id else a.name or a.email,
                           a[9] or "", a.source, a.nps, a.csat, a.comment, items.get(a.id))
                 for a in rows]
        found += [AnswerRow(-c.id, c.at, c.family_id, titles.get(c.family_id, ""), "", "call",
                            c.score, None, "", None) for c in calls]
        found.sort(key=lambda r: r.at, reverse=True)
        return found[:LATEST], total


@dataclasses.dataclass(frozen=True)
class Breakdown:
    channels: tuple[tuple[str, indices.Responses], ...]  # channel's value → figures
    people: tuple[tuple[str, indices.Responses], ...]  # the person's name ("" for none)
    hours: tuple[tuple[int, indices.Responses], ...]  # the studio hour the question came


def responses(store: Store, month: str, f: Filters = Filters()) -> Breakdown:
    """First-response times of the month by channel, by person and by the hour of the day
    the client wrote (real answers only, as the index)."""
    with store.read() as s:
        tz = studio.load_info(s).tz
        since, until = rollup.bounds(month, tz)
        narrowed = _narrowed(s, f, min(until, store.now()))
        stmt = (select(Response.asked_at, Response.wait_s, Conversation.channel, Staff.name)
                .join(Conversation, Conversation.id == Response.conversation_id)
                .outerjoin(Staff, Staff.id == Response.staff_id)
                .where(Response.first.is_(True), Response.answered_at >= since,
                       Response.answered_at < until))
        if f.channel is not None:
            stmt = stmt.where(Conversation.channel == f.channel)
        if narrowed.families is not None:
            stmt = stmt.where(Conversation.family_id.in_(sorted(narrowed.families)))
        rows = s.execute(stmt).all()
    groups: tuple[dict, dict, dict] = ({}, {}, {})
    for asked, wait, channel, name in rows:
        for group, key in zip(groups, (channel.value, name or "", asked.astimezone(tz).hour)):
            group.setdefault(key, []).append(wait)
    return Breakdown(*(tuple((k, indices.responses_of(v)) for k, v in sorted(g.items()))
                       for g in groups))
