"""The demo studio's surveys and what the indices are made of: form links for every survey, a
year of answers (some anonymous, detractors' comments in the register), invitations of the
last weeks (answered, reminded, waiting), lapsed-client calls with their reasons, loyalty
signals and referrals; then the monthly sums."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.comms import Conversation, InboxMessage, LapseCall
from desk.models.enums import (
    FeedbackSource, FeedbackTone, InboxChannel, LapseReason, LoyaltyKind, MessageDirection,
    OutboxStatus,
)
from desk.models.family import Family, Guardian, LoyaltySignal
from desk.models.feedback import FeedbackItem
from desk.models.surveys import CsiItem, CsiScore, Survey, SurveyAnswer, SurveyInvite
from desk.services.insights import rollup

FORM = "https://docs.google.com/forms/d/e/1FAIpQLSd{n:04d}demo/viewform"
HAPPY = ("Ребёнок ждёт каждого занятия", "Очень внимательные педагоги",
         "Атмосфера как дома, спасибо!", "Нравится, что работы можно забрать домой")
UNHAPPY = ("Отменили занятие в последний момент", "Дороговато для нас",
           "Хотелось бы больше фото с занятий", "Неудобно, что нет занятий по выходным")
REVIEWS = ("https://yandex.ru/maps/org/detilyubyat/reviews", "https://2gis.ru/reviews/demo",
           "https://vk.com/wall-1_{n}")


def generate(s: Session, rng: random.Random, now: dt.datetime) -> None:
    surveys = list(s.scalars(select(Survey).order_by(Survey.position)))
    for n, survey in enumerate(surveys):
        survey.form_url = FORM.format(n=n + 1)
        survey.code_entry = f"entry.{100200 + n}"
    families = list(s.scalars(select(Guardian.family_id).where(Guardian.position == 0)
                              .order_by(Guardian.family_id)))
    if not families or not surveys:
        return
    items = list(s.scalars(select(CsiItem.id).order_by(CsiItem.position)))
    for month_ago in range(12):
        for k in range(rng.randrange(35, 60)):
            at = now - dt.timedelta(days=month_ago * 30 + rng.uniform(0, 30))
            mood = rng.random() + month_ago * 0.01  # a little better lately
            nps = (rng.choice((9, 10)) if mood < 0.55 else rng.choice((7, 8)) if mood < 0.82
                   else rng.randrange(0, 7))
            fid = rng.choice(families) if rng.random() < 0.85 else None
            comment = rng.choice(UNHAPPY) if nps <= 6 and rng.random() < 0.7 else (
                rng.choice(HAPPY) if nps >= 9 and rng.random() < 0.3 else "")
            answer = SurveyAnswer(
                survey_id=rng.choice(surveys).id, family_id=fid, answered_at=at,
                source=rng.choice(("form", "form", "form", "paper")), nps=nps,
                csat=max(1, min(5, round(nps / 2) + rng.choice((-1, 0, 0, 1)))),
                comment=comment, name="" if fid else "Аноним", created_at=at,
                identity=f"demo:{month_ago}:{k}")
            s.add(answer)
            s.flush()
            for item in rng.sample(items, min(len(items), rng.randrange(2, 5))):
                s.add(CsiScore(answer_id=answer.id, item_id=item, scale_max=5,
                               value=max(1, min(5, round(nps / 2.2) + rng.choice((0, 1))))))
            if comment and nps <= 6:
                s.add(FeedbackItem(family_id=fid, source=FeedbackSource.SURVEY,
                                   source_id=answer.id, quote=comment,
                                   tone=FeedbackTone.NEGATIVE, needs_answer=True,
                                   created_at=at, status_at=at))
    _invites(s, rng, now, surveys[:4], families)
    _retention(s, rng, now, families)
    s.flush()
    rollup.refresh_in(s)


def _invites(s: Session, rng: random.Random, now: dt.datetime, surveys: list[Survey],
             families: list[int]) -> None:
    emails = dict(s.execute(select(Guardian.family_id, Guardian.email)
                            .where(Guardian.email != "", Guardian.position == 0)).all())
    invited = [f for f in families if f in emails][:40]
    for n, fid in enumerate(invited):
        survey = surveys[n % len(surveys)]
        sent = now - dt.timedelta(days=rng.uniform(1, 25))
        c = Conversation(channel=InboxChannel.EMAIL, address=emails[fid], name="",
                         family_id=fid, opened_at=sent, last_at=sent, closed_at=sent)
        s.add(c)
        s.flush()
        message = InboxMessage(conversation_id=c.id, channel=InboxChannel.EMAIL,
                               direction=MessageDirection.OUT, kind="survey", at=sent,
                               text=survey.name, status=OutboxStatus.SENT, send_after=sent)
        s.add(message)
        s.flush()
        reminded = sent + dt.timedelta(days=3) if sent < now - dt.timedelta(days=4) \
            and rng.random() < 0.5 else None
        s.add(SurveyInvite(survey_id=survey.id, family_id=fid, sent_at=sent,
                           message_id=message.id, reminded_at=reminded))
        if rng.random() < 0.45:
            s.add(SurveyAnswer(survey_id=survey.id, family_id=fid, source="form",
                               answered_at=sent + dt.timedelta(hours=rng.uniform(2, 60)),
                               nps=rng.choice((8, 9, 10, 10, 6)), identity=f"demo:invite:{n}",
                               created_at=now))


def _retention(s: Session, rng: random.Random, now: dt.datetime, families: list[int]) -> None:
    reasons = list(LapseReason)
    for month_ago in range(12):
        for _ in range(rng.randrange(1, 5)):
            s.add(LapseCall(family_id=rng.choice(families), reason=rng.choice(reasons),
                            at=now - dt.timedelta(days=month_ago * 30 + rng.uniform(0, 30))))
        for n in range(rng.randrange(2, 6)):
            kind = rng.choice((LoyaltyKind.REVIEW, LoyaltyKind.MENTION,
                               LoyaltyKind.RECOMMENDS))
            s.add(LoyaltySignal(
                family_id=rng.choice(families), kind=kind,
                at=now - dt.timedelta(days=month_ago * 30 + rng.uniform(0, 30)),
                link=rng.choice(REVIEWS).format(n=n) if kind is not LoyaltyKind.RECOMMENDS
                else "", note="", created_at=now))
    newer = list(s.execute(select(Family.id, Family.created_at).order_by(Family.created_at)))
    for (referrer, _a), (new, created) in zip(newer[:6], newer[-6:]):
        if referrer != new:
            s.add(LoyaltySignal(family_id=referrer, kind=LoyaltyKind.REFERRAL, at=created,
                                referred_id=new, note="", link="", created_at=now))
