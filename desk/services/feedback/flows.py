"""The feedback the desk owes a family, opened when the schedule says so: before a child's
first lesson (the teacher is told, and the first feedback's request opens) and when a child
crosses into the "8–20" or "more than 20" stage (the second feedback, by the head teacher)."""

from __future__ import annotations

from sqlalchemy import select

from desk.models.enums import DirectionKind, Role
from desk.models.family import Child
from desk.models.feedback import FeedbackTag
from desk.models.schedule import Direction, Enrolment, Lesson, Teacher
from desk.services.feedback import requests, second
from desk.services.schedule import attendance, enrolment
from desk.services.staff import studio
from desk.services.store import events, texts
from desk.services.store.db import UnitOfWork
from desk.services.tasks import tasks

@events.handler(enrolment.FirstLessonBooked)
def remind_first_feedback(uow: UnitOfWork, event: enrolment.FirstLessonBooked) -> None:
    """A first-timer: the teacher is told, and the first feedback's request opens (a camp's
    children get the camp's feedback instead, all together after it)."""
    s = uow.session
    lesson = s.get(Lesson, event.lesson_id)
    if s.get(Direction, lesson.direction_id).kind is not DirectionKind.CAMP:
        requests.open_first(uow, s.scalar(select(Enrolment.id).where(
            Enrolment.lesson_id == event.lesson_id, Enrolment.child_id == event.child_id)))
    child = s.get(Child, event.child_id)
    info = studio.load_info(s)
    teacher = s.get(Teacher, lesson.teacher_id).name if lesson.teacher_id else "?"
    tasks.save_in(uow, tasks.TaskDraft(
        title=texts.FIRST_TIME.format(
            teacher=teacher, child=child.name, direction=s.get(Direction, lesson.direction_id).name,
            when=lesson.starts_at.astimezone(info.tz).strftime("%d.%m.%Y %H:%M")),
        due_at=min(uow.now, lesson.starts_at), family_id=event.family_id,
        assignee_role=Role.SYSTEM, origin=f"first_lesson:{lesson.id}"))


@events.handler(studio.StudioCreated)
def ensure_feedback_tags(uow: UnitOfWork, _event: studio.StudioCreated) -> None:
    """A new studio's feedback tags: the usual topics, edited later in the register."""
    s = uow.session
    if s.scalar(select(FeedbackTag.id).limit(1)) is None:
        s.add_all(FeedbackTag(name=name, position=n)
                  for n, name in enumerate(texts.DEFAULT_FEEDBACK_TAGS))


@events.handler(attendance.ChildAttended)
def ask_second_feedback(uow: UnitOfWork, event: attendance.ChildAttended) -> None:
    """Crossing into a stage opens the second feedback's case, once per crossing."""
    second.open_case(uow, event.child_id, event.family_id, event.attended)
