"""The second feedback: a child crossing into "8–20" or "more than 20" lessons opens a case
(once per crossing). The desk hands the head teacher a brief — the parent's contact, the
family's legend, the first feedback — copied, printed or sent; the head teacher calls the
parent (goals, objections, wishes, the child's results) and returns their feedback, which the
desk records on the card (text or a voice note) and the case closes. A case past its date is
late."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import select

from desk.models.enums import FeedbackKind, FeedbackStatus, Mark, TimelineKind
from desk.models.family import Child, Family, Guardian
from desk.models.feedback import FeedbackRequest
from desk.models.schedule import Direction, Enrolment, Lesson, Teacher
from desk.models.studio import Studio
from desk.services.comms import inbox
from desk.services.crm import contacts, families
from desk.services.feedback import requests
from desk.services.staff import studio
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store, UnitOfWork

# attended lessons at which the second feedback is due, and the stage it opens
AT = {8: "8–20", 21: "more than 20"}


def open_case(uow: UnitOfWork, child_id: int, family_id: int, attended: int) -> None:
    """The case of a crossing, once (marking back and forth opens no second one)."""
    if attended not in AT:
        return
    origin = f"second:{child_id}:{attended}"
    s = uow.session
    if s.scalar(select(FeedbackRequest.id).where(FeedbackRequest.origin == origin)):
        return
    days = s.scalar(select(Studio.second_feedback_days).limit(1)) or 7
    s.add(FeedbackRequest(kind=FeedbackKind.SECOND, status=FeedbackStatus.WAITING,
                          family_id=family_id, child_id=child_id, origin=origin,
                          due_at=uow.now + dt.timedelta(days=days), created_at=uow.now))
    s.flush()


def age_words(age: int) -> str:
    """7 лет, 3 года, 21 год."""
    last, tens = age % 10, age % 100
    form = 0 if last == 1 and tens != 11 else 1 if 2 <= last <= 4 and not 12 <= tens <= 14 \
        else 2
    return texts.AGE[form].format(age=age)


@dataclasses.dataclass(frozen=True)
class Brief:
    request_id: int
    text: str  # what the head teacher needs for the call, ready to copy, print or send
    head_teachers: tuple[tuple[int, str, bool], ...]  # (id, name, the bot can write to
    # them): those marked head first
    teacher_id: int | None  # the one it was handed to


def brief(store: Store, request_id: int) -> Brief:
    with store.read() as s:
        r = requests.load(s, request_id)
        if r.kind is not FeedbackKind.SECOND:
            raise errors.NotFound(f"feedback request {request_id} is not a second feedback")
        info = studio.load_info(s)
        child = s.get(Child, r.child_id)
        family = s.get(Family, r.family_id)
        today = store.now().astimezone(info.tz).date()
        age = families.child_age(child.birth_date, today) if child.birth_date else None
        parents = [
            ", ".join(x for x in (g.name, contacts.display_phone(g.phone),
                                  g.telegram and "@" + g.telegram, g.email) if x)
            for g in s.scalars(select(Guardian).where(Guardian.family_id == r.family_id)
                               .order_by(Guardian.position))]
        directions = list(s.scalars(
            select(Direction.name).join(Lesson, Lesson.direction_id == Direction.id)
            .join(Enrolment, Enrolment.lesson_id == Lesson.id)
            .where(Enrolment.child_id == r.child_id, Enrolment.mark == Mark.ATTENDED)
            .group_by(Direction.name).order_by(Direction.name)))
        first = s.scalar(select(FeedbackRequest).where(
            FeedbackRequest.child_id == r.child_id,
            FeedbackRequest.kind == FeedbackKind.FIRST,
            FeedbackRequest.recorded_at.is_not(None)).order_by(FeedbackRequest.id.desc()))
        first_words = (first.edited.strip() or first.words.strip()) if first else ""
        stage = int(r.origin.rsplit(":", 1)[1])
        lines = [
            texts.SECOND_BRIEF_HEAD.format(
                child=child.name, age=age_words(age) if age is not None else "",
                stage=texts.STAGE_WORDS[AT[stage]], lessons=stage).replace(" ()", ""),
            texts.SECOND_BRIEF_PARENTS.format(parents="; ".join(parents) or "—"),
            texts.SECOND_BRIEF_CHANNEL.format(
                channel=texts.CHANNELS.get(family.preferred_channel.value, "")),
            texts.SECOND_BRIEF_DIRECTIONS.format(directions=", ".join(directions) or "—"),
            texts.SECOND_BRIEF_LEGEND.format(legend=family.legend.strip() or "—"),
            texts.SECOND_BRIEF_FIRST.format(first=first_words or "—"),
            texts.SECOND_BRIEF_ASK.format(
                due=r.due_at.astimezone(info.tz).strftime("%d.%m.%Y") if r.due_at else "—"),
        ]
        heads = tuple((t.id, t.name, bool(t.telegram_chat)) for t in s.scalars(
            select(Teacher).where(Teacher.active.is_(True))
            .order_by(Teacher.head.desc(), Teacher.name)))
        return Brief(r.id, "\n".join(lines), heads, r.teacher_id)


def hand_over(store: Store, actor: Actor, request_id: int, teacher_id: int | None,
              send: str = "") -> None:
    """The brief went to the head teacher (copied or printed; or ``send``: this text goes to
    them through the bot, when they have written to it): the case waits for their
    feedback."""
    if teacher_id is None:
        raise errors.ValidationFailed({"teacher": "teacher_missing"})
    with store.write(actor) as uow:
        s = uow.session
        r = requests.load(s, request_id, lock=True)
        if r.kind is not FeedbackKind.SECOND or r.status is FeedbackStatus.DONE:
            raise errors.ValidationFailed({"teacher": "feedback_sent"})
        teacher = s.get(Teacher, teacher_id)
        if teacher is None:
            raise errors.ValidationFailed({"teacher": "teacher_missing"})
        if send.strip() and not inbox.write_to_teacher_in(uow, teacher_id, send.strip()):
            raise errors.ValidationFailed({"teacher": "teacher_no_chat"})
        r.status, r.teacher_id, r.handed_at = FeedbackStatus.HANDED, teacher_id, uow.now
        families.timeline_event(uow, r.family_id, TimelineKind.FEEDBACK,
                                texts.SECOND_FEEDBACK_HANDED.format(
                                    teacher=teacher.name, child=requests.child_name(s, r)))
        uow.audit("feedback.hand_over", entity_id=r.id, family_id=r.family_id,
                  after=json.dumps({"teacher": teacher.name, "sent": bool(send.strip())},
                                   ensure_ascii=False))
        uow.commit()
