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

from sqlalchemy import select

from desk.models.comms import Call, Conversation, InboxMessage, NpsScore, Response
from desk.models.enums import CallDirection, MessageDirection
from desk.models.surveys import CsiItem, CsiScore, SurveyAnswer
from desk.services.store.db import Store

FEW = 30  # fewer NPS answers than this: "too few answers"
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
    n = len(scores)
    promoters = sum(1 for x in scores if x >= 9)
    detractors = sum(1 for x in scores if x <= 6)
    if not n:
        return Nps(None, 0, 0, 0, 0, None)
    p, d = promoters / n, detractors / n
    moe = 1.96 * 100 * math.sqrt(max((p + d) - (p - d) ** 2, 0) / n)
    return Nps(100 * (p - d), n, promoters, n - promoters - detractors, detractors, moe)


def compute(store: Store, since: dt.datetime, until: dt.datetime) -> Indices:
    """Every index for answers and contacts in [since, until)."""
    now = store.now()
    with store.read() as s:
        answers = s.execute(select(SurveyAnswer.id, SurveyAnswer.family_id,
                                   SurveyAnswer.answered_at, SurveyAnswer.nps,
                                   SurveyAnswer.csat)
                            .where(SurveyAnswer.answered_at >= since,
                                   SurveyAnswer.answered_at < until)).all()
        calls = s.execute(select(NpsScore.family_id, NpsScore.at, NpsScore.score)
                          .where(NpsScore.at >= since, NpsScore.at < until)).all()
        csi_rows = s.execute(
            select(CsiScore.answer_id, CsiScore.item_id, CsiScore.value, CsiScore.scale_max)
            .join(SurveyAnswer, SurveyAnswer.id == CsiScore.answer_id)
            .where(SurveyAnswer.answered_at >= since, SurveyAnswer.answered_at < until)).all()
        items = {i.id: (i.key, i.name, i.importance) for i in s.scalars(select(CsiItem))}
        fcr = _fcr(s, since, until, now)
        waits = list(s.scalars(select(Response.wait_s).where(
            Response.first.is_(True), Response.answered_at >= since,
            Response.answered_at < until)))
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
    csat = Share(100 * sum(1 for x in csats if x >= 4) / len(csats) if csats else None,
                 len(csats))
    return Indices(nps, csat, _csi(csi_rows, items), fcr[0], fcr[1], _responses(waits))


def _csi(rows, items: dict[int, tuple[str, str, int]]) -> Csi:
    by_item: dict[int, list[float]] = {}
    for _answer, item_id, value, top in rows:
        by_item.setdefault(item_id, []).append((value - 1) / (top - 1))
    shown = {}
    total_weight = sum(items[i][2] for i in by_item)
    score = 0.0
    for item_id, (key, name, importance) in items.items():
        values = by_item.get(item_id, [])
        mean = statistics.fmean(values) * 100 if values else None
        shown[key] = (name, mean, len(values))
        if values:
            score += importance / total_weight * mean
    return Csi(score if by_item else None, len({r[0] for r in rows}), shown)


def _responses(waits: list[int]) -> Responses:
    if not waits:
        return Responses(None, None, None, 0)
    ordered = sorted(waits)
    p90 = ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)]
    return Responses(statistics.median(ordered), float(p90),
                     100 * sum(1 for w in ordered if w <= PROMISE_S) / len(ordered),
                     len(ordered))


def _fcr(s, since: dt.datetime, until: dt.datetime, now: dt.datetime) -> tuple[Share, Share]:
    closed = s.execute(select(Conversation.id, Conversation.family_id, Conversation.channel,
                              Conversation.address, Conversation.opened_at,
                              Conversation.closed_at, Conversation.resolved)
                       .where(Conversation.closed_at >= since,
                              Conversation.closed_at < until)).all()
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
    calls = s.execute(select(Call.id, Call.family_id, Call.phone, Call.at).where(
        Call.direction == CallDirection.INCOMING, Call.at >= since,
        Call.at < until + RECONTACT)).all()
    contacts += [(c.family_id, ("phone", c.phone), c.at) for c in calls]
    ended = [(c.family_id, (c.channel, c.address), c.closed_at) for c in closed
             if c.id in started] + [(c.family_id, ("phone", c.phone), c.at) for c in calls
                                    if since <= c.at < until]
    due = [e for e in ended if e[2] + RECONTACT <= now]  # younger ones are pending

    def again(family_id, address, at) -> bool:
        return any(at < when <= at + RECONTACT and (
            (family_id is not None and f == family_id) or (family_id is None and a == address))
            for f, a, when in contacts)

    kept = sum(1 for e in due if not again(*e))
    return at_close, Share(100 * kept / len(due) if due else None, len(due))
