"""The demo studio's quality sheets: a few calls and chats of the desk scored by the
supervisor this month and last, one chat scored twice (calibration), one failed sheet, one
entered from paper, so the quality screen has something to show."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import quality as model
from desk.models.comms import Conversation
from desk.models.enums import ReviewKind
from desk.models.quality import QualityCriterion, QualityReview, QualityScore

NOTES = ("Хорошо выяснила, что нужно ребёнку; не договорились о следующем шаге.",
         "Тёплое начало, но возражение про цену осталось без ответа.",
         "Отличный разговор: предложила подходящую мастерскую и записала на пробное.",
         "Легенду семьи не использовала, хотя она есть в карточке.",
         "")


def generate(s: Session, rng: random.Random, now: dt.datetime, desk_staff: list[int],
             reviewers: list[int]) -> None:
    criteria = list(s.scalars(select(QualityCriterion).where(
        QualityCriterion.active.is_(True)).order_by(QualityCriterion.position)))
    if not criteria or not desk_staff or not reviewers:
        return
    talks = list(s.scalars(select(Conversation.id).where(Conversation.opened_at <= now)
                           .order_by(Conversation.opened_at.desc()).limit(6)))
    sheets = []
    for n in range(10):
        kind = ReviewKind.CHAT if talks and n % 2 else ReviewKind.CALL
        at = now - dt.timedelta(days=rng.randrange(0, 40), hours=rng.randrange(1, 8))
        values = {c.id: rng.choice((1, 2, 2, 2)) for c in criteria}
        if n == 3:  # a sheet failed by a critical criterion
            values[next(c.id for c in criteria if c.automatic_fail)] = 0
        talk = talks[n % len(talks)] if kind is ReviewKind.CHAT else None
        sheets.append((desk_staff[n % len(desk_staff)], reviewers[0], kind, talk, at, values,
                       rng.choice(NOTES), n == 5))
    if talks and len(reviewers) > 1:  # one chat scored by a second person: calibration
        person, _r, _k, talk, at, values, _note, _paper = sheets[1]
        second = dict(values)
        second[criteria[2].id] = 2 - second[criteria[2].id] // 2
        sheets.append((person, reviewers[1], ReviewKind.CHAT, talk, at, second,
                       "Оценка для калибровки", False))
    for person, reviewer, kind, talk, at, values, note, paper in sheets:
        score, failed = model.percent([(values[c.id], c.weight, c.automatic_fail)
                                       for c in criteria])
        row = QualityReview(person_id=person, reviewer_id=reviewer, kind=kind,
                            conversation_id=talk, at=at, note=note, from_paper=paper,
                            score=score, failed=failed, created_at=at)
        s.add(row)
        s.flush()
        s.add_all(QualityScore(review_id=row.id, criterion_id=c.id, value=values[c.id],
                               weight=c.weight, automatic_fail=c.automatic_fail)
                  for c in criteria)
