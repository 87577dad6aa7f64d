"""The indices, exactly as defined (each figure's definition is shown under it in the app):

- NPS for a period = % promoters (9–10) − % detractors (0–6) over one answer per family — its
  latest score in the period, from surveys and script calls (siblings are one family); an
  answer matched to no family counts on its own. With n, the three counts and the 95% margin of
  error 1.96 · 100 · sqrt(((p + d) − (p − d)²) / n); "too few answers" under 30.
- CSAT = share of answers 4–5 on a 1–5 question (every answer in the period).
- CSI = Σ wᵢ · (meanᵢ − min) / (max − min) · 100, wᵢ = importanceᵢ / Σ importance over the items
  answered in the period (an item with no answers is left out and the weights renormalised).
- FCR at close: share of conversations closed in the period with "resolved in this contact"
  answered yes, among those closed with an answer. FCR measured: share of contacts the client
  started (conversations, incoming calls) closed in the period with no new contact from the same
  family (or address) within 72 hours — counted once their 72 hours have passed.
- Responses: first-response time in working seconds (real answers: the holding and after-hours
  replies stop no clock) — median, p90, share within 60 s."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import statistics

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from desk.models.comms import Call, Conversation, InboxMessage, NpsScore, Response
from desk.models.enums import CallDirection, InboxChannel, MessageDirection
from desk.models.surveys import CsiItem, CsiScore, SurveyAnswer
from desk.services.store.db import Store

FEW = 30  # fewer NPS answers than this: "too few answers"
SCALE = 36  # CSI scores on a common scale: a 1–5 and a 1–10 answer sum up exactly
RECONTACT = dt.timedelta(hours=72)
PROMISE_S = 60


@dataclasses.dataclass(frozen=True)
class Nps:
    score: float | None  # points, −100…100
    n: int
    promoters: int
    passives: int
    detractors: int
    moe95: float | None  # points

    @property
    def too_few(self) -> bool:
        return self.n < FEW


@dataclasses.dataclass(frozen=True)
class Share:
    score: float | None  # percent
    n: int


@dataclasses.dataclass(frozen=True)
class Csi:
    score: float | None  # percent
    n: int  # answers with at least one item
    items: dict[str, tuple[str, float | None, int]]  # key → (name, percent, answers)


@dataclasses.dataclass(frozen=True)
class Responses:
    median_s: float | None
    p90_s: float | None
    within_60s_pct: float | None
    n: int


@dataclasses.dataclass(frozen=True)
class Indices:
    nps: Nps
    csat: Share
    csi: Csi
    fcr_at_close: Share
    fcr_no_recontact: Share
    response: Responses

    def as_json(self) -> dict:
        def one(x: float | None) -> float | None:
            return None if x is None else round(x, 1)

        return {
            "nps": {"score": one(self.nps.score), "n": self.nps.n,
                    "promoters": self.nps.promoters, "passives": self.nps.passives,
                    "detractors": self.nps.detractors, "moe95": one(self.nps.moe95)},
            "csat": {"score": one(self.csat.score), "n": self.csat.n},
            "csi": {"score": one(self.csi.score), "n": self.csi.n,
                    "items": {k: one(v[1]) for k, v in self.csi.items.items()},
                    "names": {k: v[0] for k, v in self.csi.items.items()}},
            "fcr": {"at_close": {"score": one(self.fcr_at_close.score),
                                 "n": self.fcr_at_close.n},
                    "no_recontact": {"score": one(self.fcr_no_recontact.score),
                                     "n": self.fcr_no_recontact.n}},
            "response": {"median_s": one(self.response.median_s),
                         "p90_s": one(self.response.p90_s),
                         "within_60s_pct": one(self.response.within_60s_pct),
                         "n": self.response.n},
        }


def nps_of(scores: list[int]) -> Nps:
    """NPS over these answers (one per family already)."""
    return nps_counted(len(scores), sum(1 for x in scores if x >= 9),
                       sum(1 for x in scores if x <= 6))


def nps_counted(n: int, promoters: int, detractors: int) -> Nps:
    if not n:
        return Nps(None, 0, 0, 0, 0, None)
    p, d = promoters / n, detractors / n
    moe = 1.96 * 100 * math.sqrt(max((p + d) - (p - d) ** 2, 0) / n)
    return Nps(100 * (p - d), n, promoters, n - promoters - detractors, detractors, moe)


@dataclasses.dataclass(frozen=True)
class Filters:
    """What the figures are narrowed to. ``survey_id``: that survey's answers only (script
    calls' scores leave NPS); ``families``: those families' answers and contacts only
    (anonymous answers leave); ``channel``: contacts (FCR, responses) in that channel only."""

    survey_id: int | None = None
    families: frozenset[int] | None = None
    channel: InboxChannel | None = None


EVERYTHING = Filters()


def compute(store: Store, since: dt.datetime, until: dt.datetime) -> Indices:
    """Every index for answers and contacts in [since, until)."""
    with store.read() as s:
        return compute_in(s, since, until, store.now())


def compute_in(s: Session, since: dt.datetime, until: dt.datetime, now: dt.datetime,
               f: Filters = EVERYTHING) -> Indices:
    answers, calls, csi_rows = _answer_rows(s, since, until, f)
    return _from_rows(answers, calls, csi_rows, csi_items(s),
                      *_fcr(s, since, until, now, f), responses_of(_waits(s, since, until, f)))


def survey_part_in(s: Session, since: dt.datetime, until: dt.datetime,
                   f: Filters = EVERYTHING) -> tuple[Nps, Share, Csi]:
    """NPS, CSAT and CSI alone (what the monthly sums hold), from the answers themselves."""
    answers, calls, csi_rows = _answer_rows(s, since, until, f)
    x = _from_rows(answers, calls, csi_rows, csi_items(s), None, None, None)
    return x.nps, x.csat, x.csi


def contact_part_in(s: Session, since: dt.datetime, until: dt.datetime, now: dt.datetime,
                    f: Filters = EVERYTHING) -> tuple[Share, Share, Responses]:
    """FCR at close, FCR measured and the response times."""
    at_close, no_recontact = _fcr(s, since, until, now, f)
    return at_close, no_recontact, responses_of(_waits(s, since, until, f))


def _answer_rows(s: Session, since: dt.datetime, until: dt.datetime, f: Filters):
    def narrowed(stmt, family_column):
        if f.families is not None:
            stmt = stmt.where(family_column.in_(sorted(f.families)))
        return stmt

    stmt = (select(SurveyAnswer.id, SurveyAnswer.family_id, SurveyAnswer.answered_at,
                   SurveyAnswer.nps, SurveyAnswer.csat)
            .where(SurveyAnswer.answered_at >= since, SurveyAnswer.answered_at < until)
            .order_by(SurveyAnswer.answered_at, SurveyAnswer.id))  # ties: the later written
    scores = (select(CsiScore.answer_id, CsiScore.item_id, CsiScore.value, CsiScore.scale_max)
              .join(SurveyAnswer, SurveyAnswer.id == CsiScore.answer_id)
              .where(SurveyAnswer.answered_at >= since, SurveyAnswer.answered_at < until))
    if f.survey_id is not None:
        stmt = stmt.where(SurveyAnswer.survey_id == f.survey_id)
        scores = scores.where(SurveyAnswer.survey_id == f.survey_id)
    answers = s.execute(narrowed(stmt, SurveyAnswer.family_id)).all()
    csi_rows = s.execute(narrowed(scores, SurveyAnswer.family_id)).all()
    calls = [] if f.survey_id is not None else s.execute(narrowed(
        select(NpsScore.family_id, NpsScore.at, NpsScore.score)
        .where(NpsScore.at >= since, NpsScore.at < until)
        .order_by(NpsScore.at, NpsScore.id), NpsScore.family_id)).all()
    return answers, calls, csi_rows


def _waits(s: Session, since: dt.datetime, until: dt.datetime, f: Filters) -> list[int]:
    stmt = select(Response.wait_s).where(Response.first.is_(True),
                                         Response.answered_at >= since,
                                         Response.answered_at < until)
    if f.channel is not None or f.families is not None:
        stmt = stmt.join(Conversation, Conversation.id == Response.conversation_id)
        if f.channel is not None:
            stmt = stmt.where(Conversation.channel == f.channel)
        if f.families is not None:
            stmt = stmt.where(Conversation.family_id.in_(sorted(f.families)))
    return list(s.scalars(stmt))


def _from_rows(answers, calls, csi_rows, items, fcr_at_close, fcr_no_recontact,
               response) -> Indices:
    # NPS: the latest score of each family; anonymous answers each on their own
    latest: dict[int, tuple[dt.datetime, int]] = {}
    anonymous = []
    for family_id, at, score in [(a.family_id, a.answered_at, a.nps) for a in answers
                                 if a.nps is not None] + [tuple(c) for c in calls]:
        if family_id is None:
            anonymous.append(score)
        elif family_id not in latest or at >= latest[family_id][0]:
            latest[family_id] = (at, score)
    nps = nps_of([score for _at, score in latest.values()] + anonymous)
    csats = [a.csat for a in answers if a.csat is not None]
    csat = csat_counted(len(csats), sum(1 for x in csats if x >= 4))
    sums: dict[int, list[int]] = {}
    for _answer, item_id, value, top in csi_rows:
        item = sums.setdefault(item_id, [0, 0])
        item[0] += 1
        item[1] += (value - 1) * SCALE // (top - 1)
    return Indices(nps, csat, csi_of(sums, len({r[0] for r in csi_rows}), items), fcr_at_close,
                   fcr_no_recontact, response)


def csat_counted(n: int, top: int) -> Share:
    return Share(100 * top / n if n else None, n)


def csi_items(s) -> dict[int, tuple[str, str, int]]:
    """Every satisfaction item (those switched off too: their past scores count): id → (key,
    name, importance)."""
    return {i.id: (i.key, i.name, i.importance)
            for i in s.scalars(select(CsiItem).order_by(CsiItem.position))}


def csi_of(sums: dict[int, list[int]], answers: int,
           items: dict[int, tuple[str, str, int]]) -> Csi:
    """CSI from each item's [n, Σ (value − 1) · 36 / (scale − 1)] over ``answers`` answers."""
    shown = {}
    answered = [i for i in sums if sums[i][0] and i in items]
    total_weight = sum(items[i][2] for i in answered)
    score = 0.0
    for item_id, (key, name, importance) in items.items():
        n, total = sums.get(item_id, (0, 0))
        mean = 100 * total / (SCALE * n) if n else None
        shown[key] = (name, mean, n)
        if n:
            score += importance / total_weight * mean
    return Csi(score if answered else None, answers, shown)


def responses_of(waits: list[int]) -> Responses:
    if not waits:
        return Responses(None, None, None, 0)
    ordered = sorted(waits)
    p90 = ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)]
    return Responses(statistics.median(ordered), float(p90),
                     100 * sum(1 for w in ordered if w <= PROMISE_S) / len(ordered),
                     len(ordered))


def _fcr(s, since: dt.datetime, until: dt.datetime, now: dt.datetime,
         f: Filters = EVERYTHING) -> tuple[Share, Share]:
    def narrowed(stmt, channel_column, family_column):
        if f.channel is not None:
            stmt = stmt.where(channel_column == f.channel)
        if f.families is not None:
            stmt = stmt.where(family_column.in_(sorted(f.families)))
        return stmt

    closed = s.execute(narrowed(
        select(Conversation.id, Conversation.family_id, Conversation.channel,
               Conversation.address, Conversation.opened_at, Conversation.closed_at,
               Conversation.resolved)
        .where(Conversation.closed_at >= since, Conversation.closed_at < until),
        Conversation.channel, Conversation.family_id)).all()
    answered = [c for c in closed if c.resolved is not None]
    at_close = Share(100 * sum(1 for c in answered if c.resolved) / len(answered)
                     if answered else None, len(answered))
    started = set(s.scalars(select(InboxMessage.conversation_id).where(
        InboxMessage.direction == MessageDirection.IN,
        InboxMessage.conversation_id.in_([c.id for c in closed])).distinct())) if closed \
        else set()
    # every contact the client started from the period's start to 72 hours after its end
    contacts = [(c.family_id, (c.channel, c.address), c.opened_at) for c in s.execute(
        select(Conversation.id, Conversation.family_id, Conversation.channel,
               Conversation.address, Conversation.opened_at)
        .where(Conversation.opened_at >= since, Conversation.opened_at < until + RECONTACT))]
    calls = s.execute(  # a call after a chat is a re-contact whatever the channel chosen
        select(Call.id, Call.family_id, Call.phone, Call.at).where(
            Call.direction == CallDirection.INCOMING, Call.at >= since,
            Call.at < until + RECONTACT,
            true() if f.families is None else Call.family_id.in_(sorted(f.families)))).all()
    contacts += [(c.family_id, ("phone", c.phone), c.at) for c in calls]
    calls_count = f.channel in (None, InboxChannel.PHONE)  # as contacts judged themselves
    ended = [(c.family_id, (c.channel, c.address), c.closed_at) for c in closed
             if c.id in started] + [(c.family_id, ("phone", c.phone), c.at) for c in calls
                                    if calls_count and since <= c.at < until]
    due = [e for e in ended if e[2] + RECONTACT <= now]  # younger ones are pending

    def again(family_id, address, at) -> bool:
        return any(at < when <= at + RECONTACT and (
            (family_id is not None and f == family_id) or (family_id is None and a == address))
            for f, a, when in contacts)

    kept = sum(1 for e in due if not again(*e))
    return at_close, Share(100 * kept / len(due) if due else None, len(due))
