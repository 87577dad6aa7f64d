"""A child's weekly lessons, for the tests that need a history of attendance."""

from __future__ import annotations

import datetime as dt

from desk.models.enums import Mark
from desk.services.schedule import attendance, enrolment, lessons

MSK = dt.timezone(dt.timedelta(hours=3))
FIRST = dt.datetime(2026, 1, 6, 17, tzinfo=MSK)  # a Tuesday before the test clock's day


def attend_weekly(store, actor, family_id: int, child_id: int, weeks: int,
                  direction: str = "Керамика", teacher_id: int | None = None) -> list[int]:
    """``weeks`` lessons of ``direction``, a week apart from 6 January, each attended by the
    child; returns the enrolments."""
    found = next(d for d in lessons.directions(store) if d.name == direction)
    made = []
    for week in range(weeks):
        lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(
            found.id, FIRST + dt.timedelta(weeks=week), teacher_id=teacher_id))
        (e,) = enrolment.enrol(store, actor, lesson, family_id, [child_id])
        attendance.mark(store, actor, e, Mark.ATTENDED)
        made.append(e)
    return made
