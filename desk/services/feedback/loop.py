"""Closing the loop with the client: a negative feedback item (or one that needs an answer)
is the Communicator's case, due a set time after it was recorded (48 hours, the studio's
setting): open → in progress → client informed → closed, closing with a reason from the list
and a comment. The figures are computed from the cases, never typed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import statistics

from sqlalchemy import select

from desk.models.enums import FeedbackTone, LoopStatus, TimelineKind
from desk.models.feedback import FeedbackItem, LoopCase
from desk.models.studio import Studio
from desk.services.crm import families
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store

CLOSE_REASONS = ("resolved", "explained", "compensated", "told", "unreachable",
                 "no_answer_needed", "other")
HOURS = (1, 720)
MOVES = {LoopStatus.OPEN: (LoopStatus.IN_PROGRESS, LoopStatus.INFORMED),
         LoopStatus.IN_PROGRESS: (LoopStatus.INFORMED,),
         LoopStatus.INFORMED: (), LoopStatus.CLOSED: ()}
AGES = ((24, "under_24h"), (48, "24_48h"), (24 * 7, "2_7d"), (None, "over_7d"))


@dataclasses.dataclass(frozen=True)
class CaseRow:
    id: int
    item_id: int
    family_id: int | None
    family: str
    quote: str
    tone: FeedbackTone
    status: LoopStatus
    created_at: dt.datetime
    due_at: dt.datetime
    late: bool
    first_action_at: dt.datetime | None
    informed_at: dt.datetime | None
    closed_at: dt.datetime | None
    close_reason: str
    comment: str


@dataclasses.dataclass(frozen=True)
class Figures:
    """The loop's figures for items recorded in a period (see each field)."""

    negative: int  # negative items recorded in the period
    judged: int  # of them, those contacted or past their due time (the share's base)
    in_time: int  # of those, contacted (a first action) by their due time
    median_first_action: dt.timedelta | None  # from recording to the first action
    median_close: dt.timedelta | None  # from recording to closing
    open_by_age: dict[str, int]  # open cases now, by age: under_24h, 24_48h, 2_7d, over_7d

    @property
    def share_in_time(self) -> float | None:
        return self.in_time / self.judged if self.judged else None


def cases(store: Store, *, open_only: bool = True) -> list[CaseRow]:
    """The cases, the oldest due first (closed ones too when ``open_only`` is False)."""
    now = store.now()
    with store.read() as s:
        query = (select(LoopCase, FeedbackItem.family_id, FeedbackItem.quote, FeedbackItem.tone)
                 .join(FeedbackItem, FeedbackItem.id == LoopCase.item_id)
                 .order_by(LoopCase.due_at, LoopCase.id))
        if open_only:
            query = query.where(LoopCase.status != LoopStatus.CLOSED)
        found = s.execute(query).all()
        parents = families.parent_names(s, [fid for _c, fid, _q, _t in found if fid])
    return [CaseRow(c.id, c.item_id, fid, parents.get(fid, "") if fid else "", quote, tone,
                    c.status, c.created_at, c.due_at,
                    c.status is LoopStatus.OPEN and c.due_at < now, c.first_action_at,
                    c.informed_at, c.closed_at, c.close_reason, c.comment)
            for c, fid, quote, tone in found]


def move(store: Store, actor: Actor, case_id: int, status: LoopStatus) -> None:
    """In progress (the first action) or client informed."""
    with store.write(actor) as uow:
        case = _load(uow.session, case_id)
        if status not in MOVES[case.status]:
            raise errors.ValidationFailed({"status": "status_move"})
        case.status = status
        case.first_action_at = case.first_action_at or uow.now
        if status is LoopStatus.INFORMED:
            case.informed_at = uow.now
        family_id = uow.session.scalar(select(FeedbackItem.family_id).where(
            FeedbackItem.id == case.item_id))
        if family_id is not None:
            families.timeline_event(uow, family_id, TimelineKind.FEEDBACK,
                                    texts.LOOP_STEP[status.value])
        uow.audit("feedback.loop", entity_id=case_id, family_id=family_id,
                  after=json.dumps({"status": status.value}))
        uow.commit()


def close(store: Store, actor: Actor, case_id: int, reason: str, comment: str) -> None:
    comment = comment.strip()
    fields = {}
    if reason not in CLOSE_REASONS:
        fields["reason"] = "reason_missing"
    if not comment:
        fields["comment"] = "comment_empty"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        case = _load(uow.session, case_id)
        if case.status is LoopStatus.CLOSED:
            raise errors.ValidationFailed({"reason": "status_move"})
        case.first_action_at = case.first_action_at or uow.now
        case.status, case.closed_at = LoopStatus.CLOSED, uow.now
        case.close_reason, case.comment = reason, comment
        family_id = uow.session.scalar(select(FeedbackItem.family_id).where(
            FeedbackItem.id == case.item_id))
        if family_id is not None:
            families.timeline_event(uow, family_id, TimelineKind.FEEDBACK,
                                    texts.LOOP_STEP["closed"].format(
                                        reason=texts.LOOP_REASONS[reason], comment=comment))
        uow.audit("feedback.loop_close", entity_id=case_id, family_id=family_id,
                  after=json.dumps({"reason": reason, "comment": comment}, ensure_ascii=False))
        uow.commit()


def figures(store: Store, since: dt.datetime, until: dt.datetime) -> Figures:
    now = store.now()
    with store.read() as s:
        rows = s.execute(
            select(LoopCase.created_at, LoopCase.due_at, LoopCase.first_action_at,
                   LoopCase.closed_at, FeedbackItem.tone)
            .join(FeedbackItem, FeedbackItem.id == LoopCase.item_id)
            .where(FeedbackItem.created_at >= since, FeedbackItem.created_at < until)).all()
        still_open = list(s.scalars(select(LoopCase.created_at).where(
            LoopCase.status != LoopStatus.CLOSED)))
    negative = [r for r in rows if r.tone is FeedbackTone.NEGATIVE]
    judged = [r for r in negative if r.first_action_at is not None or r.due_at <= now]
    in_time = [r for r in judged if r.first_action_at is not None
               and r.first_action_at <= r.due_at]
    firsts = [r.first_action_at - r.created_at for r in rows if r.first_action_at]
    closes = [r.closed_at - r.created_at for r in rows if r.closed_at]
    ages = {name: 0 for _h, name in AGES}
    for created in still_open:
        hours = (now - created).total_seconds() / 3600
        ages[next(name for limit, name in AGES if limit is None or hours < limit)] += 1
    return Figures(len(negative), len(judged), len(in_time),
                   statistics.median(firsts) if firsts else None,
                   statistics.median(closes) if closes else None, ages)


def deadline_hours(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(Studio.loop_hours).limit(1)) or 48


def set_hours(store: Store, actor: Actor, hours: int) -> None:
    """Cases opened from now on are due ``hours`` after the item."""
    if not HOURS[0] <= hours <= HOURS[1]:
        raise errors.ValidationFailed({"hours": "feedback_hours_invalid"})
    with store.write(actor) as uow:
        row = uow.session.get(Studio, 1)
        before, row.loop_hours = row.loop_hours, hours
        uow.audit("studio.loop_hours", before=json.dumps({"loop_hours": before}),
                  after=json.dumps({"loop_hours": hours}))
        uow.commit()


def _load(s, case_id: int) -> LoopCase:
    """The case, locked until the transaction ends."""
    case = s.scalar(select(LoopCase).where(LoopCase.id == case_id).with_for_update())
    if case is None:
        raise errors.NotFound(f"loop case {case_id} not found")
    return case
