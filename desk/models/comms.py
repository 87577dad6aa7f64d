"""The Communicator's records: working hours (blocks per weekday, holidays) and calls."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, Enum, ForeignKey, Index, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, utcnow


class WorkingBlock(Base):
    """One stretch of working time on a weekday (a day may have several: a lunch break)."""

    __tablename__ = "working_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    weekday: Mapped[int]  # 0 = Monday
    start: Mapped[dt.time] = mapped_column(Time)  # studio time
    end: Mapped[dt.time] = mapped_column(Time)

    def __repr__(self) -> str:
        return f"WorkingBlock({self.weekday}, {self.start}–{self.end})"


class Holiday(Base):
    __tablename__ = "holiday"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    note: Mapped[str] = mapped_column(String(200), default="")

    def __repr__(self) -> str:
        return f"Holiday({self.day})"


class CallDirection(enum.Enum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class Call(Base):
    __tablename__ = "call"
    __table_args__ = (Index("ix_call_at", "at"), Index("ix_call_family", "family_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="SET NULL"))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    direction: Mapped[CallDirection] = mapped_column(
        Enum(CallDirection, native_enum=False, length=20))
    missed: Mapped[bool] = mapped_column(default=False)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    duration_s: Mapped[int] = mapped_column(default=0)
    topic: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Call({self.id}, {self.direction.value}, {self.phone})"


class LeadStatus(enum.Enum):
    NEW = "new"
    CONTACTED = "contacted"
    ENROLLED = "enrolled"
    THINKING = "thinking"
    LOST = "lost"


class Lead(Base):
    """An application (the website form, a call from a new number …) until it becomes a family
    or is lost."""

    __tablename__ = "lead"
    __table_args__ = (Index("ix_lead_status", "status"),
                      Index("ux_lead_import_key", "import_key", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(50), default="website")
    name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    email: Mapped[str] = mapped_column(String(200), default="")
    child: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[LeadStatus] = mapped_column(Enum(LeadStatus, native_enum=False, length=20),
                                               default=LeadStatus.NEW)
    respond_by: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    responded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    think_until: Mapped[dt.date | None] = mapped_column(Date)
    lost_reason: Mapped[str] = mapped_column(String(300), default="")
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="SET NULL"))
    import_key: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"Lead({self.id}, {self.status.value})"


class LapseReason(enum.Enum):
    SCHEDULE = "schedule"
    PRICE = "price"
    DISTANCE = "distance"
    HEALTH = "health"
    INTEREST = "interest"
    MOVED = "moved"
    SEASON = "season"
    COMING_BACK = "coming_back"
    OTHER = "other"


class LapseCall(Base):
    """The result of calling a family that did not come or has not been seen for weeks."""

    __tablename__ = "lapse_call"
    __table_args__ = (Index("ix_lapse_call_family", "family_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    enrolment_id: Mapped[int | None] = mapped_column(ForeignKey("enrolment.id"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    reason: Mapped[LapseReason] = mapped_column(Enum(LapseReason, native_enum=False, length=20))
    note: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"LapseCall({self.family_id}, {self.reason.value})"


class MessageTemplate(Base):
    """A text the studio writes once and the desk fills in: {parent}, {child}, {date} …"""

    __tablename__ = "message_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"MessageTemplate({self.key!r})"


class Greeting(Base):
    """A birthday greeting marked done (one per family, person and year)."""

    __tablename__ = "greeting"
    __table_args__ = (Index("ux_greeting_once", "family_id", "birthday", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    birthday: Mapped[dt.date] = mapped_column(Date)  # this year's date of the birthday
    text: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Greeting({self.family_id}, {self.birthday})"
