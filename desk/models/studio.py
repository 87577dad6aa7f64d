"""The studio itself, its staff and the lock that tells who has the file open."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import Role
from desk.models.wallet import MAX_ENTRY


class Studio(Base):
    """One row: the studio's name and time zone."""

    __tablename__ = "studio"
    __table_args__ = (
        CheckConstraint("trim(name) <> ''", name="name_present"),
        CheckConstraint("lapsed_weeks > 0", name="lapsed_weeks_positive"),
        CheckConstraint("budget_messages > 0 AND budget_days > 0", name="budget_positive"),
        CheckConstraint(f"large_payment BETWEEN 1 AND {MAX_ENTRY}", name="large_payment_range"),
        CheckConstraint("repeat_days > 0", name="repeat_days_positive"),
        CheckConstraint("feedback_hours BETWEEN 1 AND 720", name="feedback_hours_range"),
        CheckConstraint("second_feedback_days BETWEEN 1 AND 60",
                        name="second_feedback_days_range"),
        CheckConstraint("loop_hours BETWEEN 1 AND 720", name="loop_hours_range"),
        CheckConstraint("survey_throttle_days BETWEEN 1 AND 365",
                        name="survey_throttle_days_range"),
        CheckConstraint("idle_lock_min BETWEEN 0 AND 240", name="idle_lock_min_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Moscow")
    absent_charged: Mapped[bool] = mapped_column(default=False, server_default="0")
    lapsed_weeks: Mapped[int] = mapped_column(default=4, server_default="4")
    # the contact budget: at most this many non-transactional messages per family …
    budget_messages: Mapped[int] = mapped_column(default=2, server_default="2")
    budget_days: Mapped[int] = mapped_column(default=7, server_default="7")  # … in these days
    # a payment line over this needs an explicit confirmation (kopecks; 100 000 ₽)
    large_payment: Mapped[int] = mapped_column(default=10_000_000, server_default="10000000")
    # the same family, amount and name posted again within these days is a repeat
    repeat_days: Mapped[int] = mapped_column(default=7, server_default="7")
    # the teacher's feedback on a lesson is due this many hours after it ends
    feedback_hours: Mapped[int] = mapped_column(default=24, server_default="24")
    # the head teacher's second feedback is due this many days after the stage is crossed
    second_feedback_days: Mapped[int] = mapped_column(default=7, server_default="7")
    # a negative feedback item's client is answered within these hours (closing the loop)
    loop_hours: Mapped[int] = mapped_column(default=48, server_default="48")
    # a family is sent at most one survey in these days
    survey_throttle_days: Mapped[int] = mapped_column(default=30, server_default="30")
    # a desk left alone this many minutes locks itself (0: never)
    idle_lock_min: Mapped[int] = mapped_column(default=15, server_default="15")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Studio({self.name!r}, {self.timezone!r})"


class AbsenceRule(Base):
    """From ``since`` on (a lesson's start), absences are charged or not; a lesson is judged by
    the rule in force when it started, so switching the setting never rewrites the past."""

    __tablename__ = "absence_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    since: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    charged: Mapped[bool]

    def __repr__(self) -> str:
        return f"AbsenceRule({self.since:%Y-%m-%d}, {self.charged})"


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (one_of("role", Role),
                      CheckConstraint("trim(name) <> ''", name="name_present"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    active: Mapped[bool] = mapped_column(default=True)
    # the person's PIN or password as a salted scrypt hash ("" until one is set), never plain
    secret: Mapped[str] = mapped_column(String(200), default="", server_default="")
    failed_tries: Mapped[int] = mapped_column(default=0, server_default="0")
    blocked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"Staff({self.id}, {self.name!r}, {self.role.value})"


class AppLock(Base):
    """Who has the database open for writing: a row per copy of Desk (GnuCash's habit)."""

    __tablename__ = "app_lock"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int]
    token: Mapped[str] = mapped_column(String(64))
    since: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"AppLock({self.staff_name!r}@{self.host}:{self.pid})"
