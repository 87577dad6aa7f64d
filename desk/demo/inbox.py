"""The demo studio's inbox: a month of answered and closed conversations (so the response
times and FCR have figures), and a few open ones waiting right now."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desk.models.comms import Conversation, InboxMessage, Lead, Response
from desk.models.enums import MessageDirection, InboxChannel, LeadStatus, OutboxStatus

QUESTIONS = (
    "Здравствуйте! Есть ли места на керамику в субботу?",
    "Можно перенести занятие на четверг?",
    "Сколько стоит абонемент на месяц?",
    "Мы заболели, сегодня не придём.",
    "Подскажите, что взять с собой на первое занятие?",
    "Какой остаток у нас на счёте?",
    "Можно прийти вдвоём с младшим?",
)
ANSWERS = (
    "Здравствуйте! Да, места есть, записать вас?",
    "Конечно, перенесли. Ждём в четверг.",
    "Отправили расценки, если будут вопросы — пишите.",
    "Выздоравливайте! Занятие не спишется.",
    "Ничего не нужно, фартук и материалы дадим.",
)
CHANNELS = (InboxChannel.TELEGRAM, InboxChannel.TELEGRAM, InboxChannel.WHATSAPP,
            InboxChannel.EMAIL, InboxChannel.VK)


def generate(s: Session, rng: random.Random, now: dt.datetime, tz: ZoneInfo,
             families: list[tuple[int, str]], staff_ids: list[int]) -> None:
    """``families``: (id, parent's name) to write from."""
    if not families:
        return
    today = now.astimezone(tz).date()
    for days_ago in range(30, 0, -1):
        day = today - dt.timedelta(days=days_ago)
        for _ in range(rng.randrange(3, 9)):
            fid, name = rng.choice(families)
            asked = dt.datetime.combine(day, dt.time(rng.randrange(10, 19), rng.randrange(60)),
                                        tz).astimezone(dt.timezone.utc)
            wait = int(rng.choice((8, 15, 22, 30, 38, 45, 52, 70, 95)))
            staff_id = rng.choice(staff_ids)
            _closed(s, rng, fid, name, asked, wait, staff_id)
    for i, wait in enumerate((52, 25)):  # waiting now: a banner and a green timer
        fid, name = families[i]
        at = now - dt.timedelta(seconds=wait)
        c = Conversation(channel=InboxChannel.TELEGRAM, address=f"70000{fid}", name=name,
                         family_id=fid, opened_at=at, last_at=at, waiting_since=at)
        s.add(c)
        s.flush()
        s.add(InboxMessage(conversation_id=c.id, channel=c.channel, direction=MessageDirection.IN,
                           at=at, text=QUESTIONS[i], external_id=f"demo-open-{i}"))
    at = now - dt.timedelta(minutes=7)
    lead = Lead(created_at=at, source="email", name="Ольга", email="olga@example.ru",
                message="Хотим записать дочь (6 лет) на лепку.", status=LeadStatus.CONTACTED,
                respond_by=at + dt.timedelta(minutes=30), responded_at=at)
    s.add(lead)
    s.flush()
    c = Conversation(channel=InboxChannel.EMAIL, address="olga@example.ru", name="Ольга",
                     subject="Запись на лепку", lead_id=lead.id, opened_at=at, last_at=at,
                     first_response_s=40, staff_id=staff_ids[0])
    s.add(c)
    s.flush()
    s.add(InboxMessage(conversation_id=c.id, channel=c.channel, direction=MessageDirection.IN, at=at,
                       text=lead.message, external_id="<demo-lead@example.ru>"))
    s.add(InboxMessage(conversation_id=c.id, channel=c.channel, direction=MessageDirection.OUT,
                       at=at + dt.timedelta(seconds=40), staff_id=staff_ids[0],
                       text="Здравствуйте, Ольга! Пробное занятие по лепке — в субботу в 11:00.",
                       status=OutboxStatus.SENT, send_after=at, attempts=1,
                       sent_at=at + dt.timedelta(seconds=41), external_id="<demo-answer@desk>"))
    s.add(Response(conversation_id=c.id, asked_at=at, answered_at=at + dt.timedelta(seconds=40),
                   wait_s=40, first=True, staff_id=staff_ids[0]))


def _closed(s: Session, rng: random.Random, fid: int, name: str, asked: dt.datetime,
            wait: int, staff_id: int) -> None:
    channel = rng.choice(CHANNELS)
    answered = asked + dt.timedelta(seconds=wait)
    closed = answered + dt.timedelta(minutes=rng.randrange(2, 40))
    c = Conversation(channel=channel, address=f"demo-{fid}-{channel.value}", name=name,
                     family_id=fid, opened_at=asked, last_at=answered, closed_at=closed,
                     resolved=rng.random() < 0.8, first_response_s=wait, staff_id=staff_id)
    s.add(c)
    s.flush()
    by_desk = channel in (InboxChannel.TELEGRAM, InboxChannel.EMAIL)
    s.add_all([
        InboxMessage(conversation_id=c.id, channel=channel, direction=MessageDirection.IN, at=asked,
                     text=rng.choice(QUESTIONS)),
        InboxMessage(conversation_id=c.id, channel=channel, direction=MessageDirection.OUT,
                     at=answered, text=rng.choice(ANSWERS), staff_id=staff_id,
                     status=OutboxStatus.SENT if by_desk else OutboxStatus.LOGGED,
                     send_after=answered, attempts=1 if by_desk else 0, sent_at=answered),
        Response(conversation_id=c.id, asked_at=asked, answered_at=answered, wait_s=wait,
                 first=True, staff_id=staff_id),
    ])
