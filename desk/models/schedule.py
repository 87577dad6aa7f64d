"""Directions, teachers, rooms, lessons (single or from a weekly series), enrolments, waitlist."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Enum, ForeignKey, Index, String, Text, Time, true
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import DirectionKind, Mark
from desk.models.wallet import MAX_ENTRY

# Directions, teachers and rooms are archived, never deleted, and lessons and enrolments are
# the studio's history (the ledger points at them): deleting what history points at is
# refused (RESTRICT). A place on a waitlist is no history: it goes with its lesson or child.


def _money(column: str) -> CheckConstraint:
    """Kopecks, never negative, never over the ledger's bound of 10 000 000 ₽."""
    return CheckConstraint(f"{column} BETWEEN 0 AND {MAX_ENTRY}", name=f"{column}_range")


def _named() -> CheckConstraint:
    return CheckConstraint("trim(name) <> ''", name="name_present")


class Direction(Base):
    __tablename__ = "direction"
    __table_args__ = (
        _named(),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        _money("price"),
        CheckConstraint("duration_min > 0", name="duration_positive"),
        one_of("kind", DirectionKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[DirectionKind] = mapped_column(
        Enum(DirectionKind, native_enum=False, length=10), default=DirectionKind.WORKSHOP)
    capacity: Mapped[int] = mapped_column(default=8)
    price: Mapped[int] = mapped_column(default=0)  # kopecks per child
    duration_min: Mapped[int] = mapped_column(default=90)
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"Direction({self.name!r})"


class Teacher(Base):
    __tablename__ = "teacher"
    __table_args__ = (_named(),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    email: Mapped[str] = mapped_column(String(200), default="")
    telegram: Mapped[str] = mapped_column(String(100), default="")
    # the bot's chat with the teacher, once they have written to it: the desk can write back
    telegram_chat: Mapped[str] = mapped_column(String(100), default="", server_default="")
    head: Mapped[bool] = mapped_column(default=False)  # the head teacher
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"Teacher({self.name!r})"


class Room(Base):
    __tablename__ = "room"
    __table_args__ = (_named(),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(default=True, server_default=true())

    def __repr__(self) -> str:
        return f"Room({self.name!r})"


class Series(Base):
    """A weekly lesson; its lessons are created ahead, and each can be moved or skipped."""

    __tablename__ = "series"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("duration_min > 0", name="duration_positive"),
        CheckConstraint("first_date <= last_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id", ondelete="RESTRICT"))
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="RESTRICT"))
    weekday: Mapped[int]  # 0 = Monday
    start_time: Mapped[dt.time] = mapped_column(Time)  # studio time
    duration_min: Mapped[int]
    first_date: Mapped[dt.date] = mapped_column(Date)
    last_date: Mapped[dt.date] = mapped_column(Date)

    def __repr__(self) -> str:
        return f"Series({self.id}, weekday {self.weekday} {self.start_time})"


class Lesson(Base):
    __tablename__ = "lesson"
    __table_args__ = (
        Index("ix_lesson_starts", "starts_at"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        _money("price"),
        _money("adult_price"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="RESTRICT"))
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id", ondelete="RESTRICT"))
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id", ondelete="RESTRICT"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="RESTRICT"))
    starts_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    capacity: Mapped[int]
    price: Mapped[int]  # kopecks per child
    sibling_discount: Mapped[bool] = mapped_column(default=False)  # 10% off the 2nd child on
    adults_allowed: Mapped[bool] = mapped_column(default=False)
    adult_price: Mapped[int] = mapped_column(default=0)  # kopecks per adult
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    def __repr__(self) -> str:
        return f"Lesson({self.id}, {self.starts_at:%Y-%m-%d %H:%M})"


class Enrolment(Base):
    __tablename__ = "enrolment"
    __table_args__ = (
        Index("ux_enrolment_lesson_child", "lesson_id", "child_id", unique=True),
        Index("ix_enrolment_family", "family_id"),
        Index("ix_enrolment_child", "child_id"),
        one_of("mark", Mark),
        _money("price"),
        CheckConstraint("adults >= 0", name="adults_count"),
        _money("adults_price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="RESTRICT"))
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"))
    # a child who has lessons is archived, never deleted (crm.families)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="RESTRICT"))
    price: Mapped[int]  # kopecks for this child, the sibling discount applied
    adults: Mapped[int] = mapped_column(default=0)
    adults_price: Mapped[int] = mapped_column(default=0)  # kopecks for all adults together
    first_time: Mapped[bool] = mapped_column(default=False)
    mark: Mapped[Mark] = mapped_column(Enum(Mark, native_enum=False, length=20),
                                       default=Mark.NONE)
    marked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    marked_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Enrolment({self.lesson_id}, child {self.child_id}, {self.mark.value})"


class WaitlistEntry(Base):
    __tablename__ = "waitlist_entry"
    __table_args__ = (Index("ux_waitlist_lesson_child", "lesson_id", "child_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lesson.id", ondelete="CASCADE"))
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    offered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"WaitlistEntry({self.lesson_id}, child {self.child_id})"
