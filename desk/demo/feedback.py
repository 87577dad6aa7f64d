"""The demo studio's feedback: first feedback in every state (a lesson to come, due, late,
with the copywriter, ready, sent), second-feedback cases (waiting, with the head teacher,
recorded) and a camp ten days ago with part of its feedback recorded and sent."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models.enums import (
    FeedbackKind, FeedbackSource, FeedbackStatus, FeedbackTone, ItemStatus, LoopStatus, Mark,
)
from desk.models.family import Child, Guardian
from desk.models.feedback import (
    FeedbackItem, FeedbackItemTag, FeedbackRequest, FeedbackTag, LoopCase,
)
from desk.models.schedule import Direction, Enrolment, Lesson, Teacher
from desk.services.comms import templates
from desk.services.store import bulk, texts

WORDS = (
    "Сразу включился в работу, аккуратно обращается с инструментом.",
    "Немного стеснялась в начале, к середине занятия уже помогала соседке.",
    "Очень любознательный, задаёт много вопросов — это здорово.",
    "Спокойно и внимательно слушает, закончила работу полностью.",
    "Быстро устаёт от одного дела, попробуем чаще менять задания.",
    "Отлично чувствует форму, предлагаю попробовать гончарный круг.",
)
# when the trial lessons are, in days from now: some to come, most in the last days, a few
# long enough ago to be late
TRIAL_DAYS = (3, 6, 1, -1, -1, -2, -2, -3, -3, -4, -6, -9, -14, -20, -27, -35)
EDITED = "Первое занятие прошло отлично: ребёнок увлёкся и довёл работу до конца."
SECOND_WORDS = (
    "Мама хочет, чтобы ребёнок подготовил работу к весенней выставке; пожеланий по "
    "расписанию нет.",
    "Родители довольны, просят присылать фото работ после занятий.",
    "Сомневаются из-за цены, обсудили абонемент на месяц — подумают.",
)
CAMP_WORDS = (
    "Построил плот с командой и ни разу не заскучал.",
    "Сплела первый браслет и научила этому младших.",
    "Каждый день рассказывал, что будет делать дома.",
)


def generate(s: Session, rng: random.Random, now: dt.datetime, studio_name: str) -> None:
    _first_timers(s, rng, now)
    rows = _first(s, rng, now, studio_name) + _second(s, rng, now) + _camp(s, rng, now)
    bulk.insert_rows(s, FeedbackRequest.__table__, rows)
    _register(s, rng, now)


# (words, tone, tags, needs an answer)
SAID = (
    ("Ребёнок в восторге от гончарного круга, спасибо!", "POSITIVE", ("Педагог",), False),
    ("Хотелось бы занятия по субботам утром", "SUGGESTION", ("Расписание",), True),
    ("Опять перенесли занятие в последний момент", "NEGATIVE", ("Расписание",), True),
    ("Для двоих детей выходит дороговато", "NEGATIVE", ("Цены",), False),
    ("В раздевалке тесно, негде переодеться", "NEGATIVE", ("Помещение",), False),
    ("Администратор быстро ответила и всё объяснила", "POSITIVE", ("Сервис", "Общение"), False),
    ("Присылайте, пожалуйста, фото работ после занятия", "SUGGESTION", ("Общение",), False),
    ("Сын стал аккуратнее и усидчивее", "POSITIVE", ("Результаты ребёнка",), False),
    ("Не перезвонили по заявке", "NEGATIVE", ("Сервис",), True),
    ("Хорошая атмосфера, дочь идёт с радостью", "POSITIVE", ("Педагог", "Направление"), False),
    ("Можно ли добавить курс росписи по дереву?", "SUGGESTION", ("Направление",), False),
    ("Занятие закончилось на 15 минут позже, мы опоздали", "NEGATIVE", ("Расписание",), True),
)


def _register(s: Session, rng: random.Random, now: dt.datetime) -> None:
    """Four months of the register: items from messages, calls and notes in every status,
    negative ones with their loop cases (most answered in time, a few late or open)."""
    tags = dict(s.execute(select(FeedbackTag.name, FeedbackTag.id)).all())
    family_ids = list(s.scalars(select(Guardian.family_id).where(Guardian.position == 0)
                                .order_by(Guardian.family_id).limit(80)))
    teachers = list(s.scalars(select(Teacher.id).order_by(Teacher.id)))
    if not family_ids:
        return
    for n in range(64):
        words, tone, tag_names, answer = SAID[n % len(SAID)]
        age = dt.timedelta(hours=n * 12 + 2) if n < 6 else dt.timedelta(
            days=rng.uniform(3, 120))  # the newest few still waiting for the desk
        created = now - age
        if age < dt.timedelta(days=7):
            status = rng.choice((ItemStatus.NEW, ItemStatus.NEW, ItemStatus.ACCEPTED))
        else:
            status = rng.choice((ItemStatus.ACCEPTED, ItemStatus.IN_WORK, ItemStatus.DONE,
                                 ItemStatus.TOLD, ItemStatus.REJECTED))
        item = FeedbackItem(
            family_id=rng.choice(family_ids), source=rng.choice(
                (FeedbackSource.MESSAGE, FeedbackSource.CALL, FeedbackSource.NOTE,
                 FeedbackSource.SCRIPT)), quote=words, tone=FeedbackTone[tone],
            teacher_id=rng.choice(teachers) if "Педагог" in tag_names and teachers else None,
            needs_answer=answer, status=status,
            reason="Не в наших силах сейчас" if status is ItemStatus.REJECTED else "",
            created_at=created, status_at=created + dt.timedelta(days=1),
            told_at=created + dt.timedelta(days=5) if status is ItemStatus.TOLD else None)
        s.add(item)
        s.flush()
        s.add_all(FeedbackItemTag(item_id=item.id, tag_id=tags[t]) for t in tag_names
                  if t in tags)
        if tone == "NEGATIVE" or answer:
            due = created + dt.timedelta(hours=48)
            first = created + dt.timedelta(hours=rng.choice((1, 3, 6, 20, 30, 60)))
            if age < dt.timedelta(days=3):  # still open
                s.add(LoopCase(item_id=item.id, status=LoopStatus.OPEN, due_at=due,
                               created_at=created))
                continue
            closed = first + dt.timedelta(hours=rng.choice((2, 10, 30)))
            s.add(LoopCase(item_id=item.id, status=LoopStatus.CLOSED, due_at=due,
                           first_action_at=first, informed_at=closed, closed_at=closed,
                           close_reason=rng.choice(("resolved", "explained", "compensated")),
                           comment="Поговорили с родителем, договорились", created_at=created))


def _first_timers(s: Session, rng: random.Random, now: dt.datetime) -> None:
    """Children new to the studio on trial lessons (free) of the last weeks and the next
    days, so the first feedback has every state to show."""
    never = s.execute(select(Child.id, Child.family_id).where(
        ~select(Enrolment.id).where(Enrolment.child_id == Child.id).exists())
        .order_by(Child.id).limit(16)).all()
    lessons = s.execute(
        select(Lesson.id, Lesson.starts_at, Lesson.ends_at, Lesson.capacity,
               func.count(Enrolment.id))
        .outerjoin(Enrolment, Enrolment.lesson_id == Lesson.id)
        .where(Lesson.cancelled_at.is_(None), Lesson.starts_at > now - dt.timedelta(days=40),
               Lesson.starts_at < now + dt.timedelta(days=10))
        .group_by(Lesson.id, Lesson.starts_at, Lesson.ends_at, Lesson.capacity)).all()
    free = {lid: (starts, ends, capacity - taken)
            for lid, starts, ends, capacity, taken in lessons if taken < capacity}
    next_id = _next_id(s, Enrolment)  # the schedule's rows went in with their ids
    for offset, (cid, fid) in zip(TRIAL_DAYS, never):
        if not free:
            return
        lid = min(free, key=lambda lid: abs(free[lid][0] - now - dt.timedelta(days=offset)))
        starts, ends, left = free[lid]
        ended = ends < now
        mark = Mark.NONE if not ended else rng.choices((Mark.ATTENDED, Mark.ABSENT), (9, 1))[0]
        next_id += 1
        s.add(Enrolment(id=next_id - 1, lesson_id=lid, family_id=fid, child_id=cid, price=0,
                        first_time=True,
                        mark=mark, marked_at=ends if ended else None,
                        created_at=starts - dt.timedelta(days=4)))
        if left <= 1:
            del free[lid]
        else:
            free[lid] = (starts, ends, left - 1)
    s.flush()


def _next_id(s: Session, model) -> int:
    return (s.scalar(select(func.max(model.id))) or 0) + 1


def _row(kind: FeedbackKind, status: FeedbackStatus, family_id: int, child_id: int,
         origin: str, created: dt.datetime, **kw) -> dict:
    row = dict(kind=kind, status=status, family_id=family_id, child_id=child_id,
               origin=origin, enrolment_id=None, teacher_id=None, due_at=None, handed_at=None,
               words="", edited="", audio_file_id=None, recorded_at=None, recorded_by=None,
               sent_text="", message_id=None, sent_at=None, sent_by=None, created_at=created)
    row.update(kw)
    return row


def _first(s: Session, rng: random.Random, now: dt.datetime, studio_name: str) -> list[dict]:
    body = texts.DEFAULT_TEMPLATES["feedback.first"][1]
    parents = {}
    for fid, name in s.execute(select(Guardian.family_id, Guardian.name)
                               .order_by(Guardian.position)):
        parents.setdefault(fid, name.split()[-1] if name.split() else name)
    rows = []
    fresh = iter((FeedbackStatus.WAITING, FeedbackStatus.COPYWRITER, FeedbackStatus.READY,
                  FeedbackStatus.WAITING, FeedbackStatus.READY) * 100)
    for eid, fid, cid, starts, ends, direction, teacher in s.execute(
            select(Enrolment.id, Enrolment.family_id, Enrolment.child_id, Lesson.starts_at,
                   Lesson.ends_at, Direction.name, Teacher.name)
            .join(Lesson, Lesson.id == Enrolment.lesson_id)
            .join(Direction, Direction.id == Lesson.direction_id)
            .outerjoin(Teacher, Teacher.id == Lesson.teacher_id)
            .where(Enrolment.first_time.is_(True), Enrolment.mark.in_([Mark.NONE,
                                                                        Mark.ATTENDED]),
                   Lesson.cancelled_at.is_(None),
                   Lesson.ends_at > now - dt.timedelta(days=45))
            .order_by(Lesson.ends_at)):
        age = now - ends
        words = rng.choice(WORDS)
        if age < dt.timedelta(0):
            status = FeedbackStatus.WAITING
        elif age < dt.timedelta(days=4):
            status = next(fresh)
        else:
            status = FeedbackStatus.WAITING if rng.random() < 0.08 else FeedbackStatus.SENT
        row = _row(FeedbackKind.FIRST, status, fid, cid, f"first:{eid}", starts -
                   dt.timedelta(days=3), enrolment_id=eid)
        if status is not FeedbackStatus.WAITING:
            recorded = min(ends + dt.timedelta(hours=rng.randrange(2, 20)), now)
            row.update(words=words, recorded_at=recorded)
            if status is FeedbackStatus.SENT:
                edited = EDITED if rng.random() < 0.3 else ""
                row.update(edited=edited, sent_at=min(recorded + dt.timedelta(hours=1), now),
                           sent_text=templates.render(body, {
                               "parent": parents.get(fid, ""), "direction": direction,
                               "teacher": teacher or "", "words": edited or words,
                               "studio": studio_name, "child": ""}))
        rows.append(row)
    return rows


def _second(s: Session, rng: random.Random, now: dt.datetime) -> list[dict]:
    head = s.scalar(select(Teacher.id).where(Teacher.head.is_(True)).limit(1))
    rows = []
    counted = s.execute(
        select(Enrolment.child_id, Enrolment.family_id, func.count(), func.max(Enrolment.marked_at))
        .where(Enrolment.mark == Mark.ATTENDED)
        .group_by(Enrolment.child_id, Enrolment.family_id)
        .having(func.count() >= 8)).all()
    for n, (cid, fid, attended, last) in enumerate(counted[:60]):
        for stage in (8, 21):
            if attended < stage:
                continue
            opened = (last or now) - dt.timedelta(weeks=attended - stage)
            if n < 5 and stage == 8:  # a few crossed just now
                opened = now - dt.timedelta(days=n * 2, hours=3)
            if opened < now - dt.timedelta(days=90):
                continue  # long ago: before the desk followed second feedback
            due = opened + dt.timedelta(days=7)
            if opened > now - dt.timedelta(days=10):
                status = rng.choice((FeedbackStatus.WAITING, FeedbackStatus.HANDED,
                                     FeedbackStatus.DONE))
            else:
                status = FeedbackStatus.DONE if rng.random() < 0.95 else FeedbackStatus.HANDED
            row = _row(FeedbackKind.SECOND, status, fid, cid, f"second:{cid}:{stage}", opened,
                       due_at=due)
            if status is not FeedbackStatus.WAITING:
                row.update(teacher_id=head, handed_at=opened + dt.timedelta(days=1))
            if status is FeedbackStatus.DONE:
                row.update(words=rng.choice(SECOND_WORDS),
                           recorded_at=min(opened + dt.timedelta(days=rng.randrange(2, 9)), now))
            rows.append(row)
    return rows


def _camp(s: Session, rng: random.Random, now: dt.datetime) -> list[dict]:
    """A one-day workshop camp ten days ago, with regulars of the studio."""
    camp = s.scalar(select(Direction).where(Direction.name == "Мастерская-лагерь"))
    kids = s.execute(select(Child.id, Child.family_id).join(
        Enrolment, Enrolment.child_id == Child.id).where(Enrolment.mark == Mark.ATTENDED)
        .group_by(Child.id, Child.family_id).order_by(Child.id).limit(9)).all()
    if camp is None or not kids:
        return []
    starts = (now - dt.timedelta(days=10)).replace(hour=7, minute=0, second=0, microsecond=0)
    lesson = Lesson(id=_next_id(s, Lesson), direction_id=camp.id, starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=camp.duration_min),
                    capacity=camp.capacity, price=camp.price, note="")
    s.add(lesson)
    s.flush()
    rows = []
    for n, (cid, fid) in enumerate(kids):
        e = Enrolment(id=_next_id(s, Enrolment), lesson_id=lesson.id, family_id=fid, child_id=cid, price=0,  # a gift
                      mark=Mark.ATTENDED, marked_at=lesson.ends_at, created_at=starts)
        s.add(e)
        s.flush()
        if n < 6:  # six recorded, three of them sent; three still to record
            status = FeedbackStatus.SENT if n < 3 else FeedbackStatus.READY
            words = CAMP_WORDS[n % len(CAMP_WORDS)]
            row = _row(FeedbackKind.CAMP, status, fid, cid, f"camp:l{lesson.id}:{cid}",
                       lesson.ends_at, enrolment_id=e.id, words=words,
                       recorded_at=lesson.ends_at + dt.timedelta(days=1))
            if status is FeedbackStatus.SENT:
                row.update(sent_at=lesson.ends_at + dt.timedelta(days=2),
                           sent_text=words)
            rows.append(row)
    return rows
