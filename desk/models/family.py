"""Families: guardians with their contacts, children, and the family's timeline."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import Channel, LoyaltyKind, Relation, TimelineKind


class Family(Base):
    __tablename__ = "family"
    __table_args__ = (one_of("preferred_channel", Channel),
                      Index("ix_family_created", "created_at", "source"))

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(200), default="")
    preferred_channel: Mapped[Channel] = mapped_column(
        Enum(Channel, native_enum=False, length=20), default=Channel.PHONE
    )
    legend: Mapped[str] = mapped_column(Text, default="")
    consent_messages: Mapped[bool] = mapped_column(default=False)
    consent_marketing: Mapped[bool] = mapped_column(default=False)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    consent_purposes: Mapped[str] = mapped_column(String(500), default="")
    erased: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="Guardian.position"
    )
    children: Mapped[list[Child]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="Child.position"
    )

    def __repr__(self) -> str:
        return f"Family({self.id})"


class Guardian(Base):
    """A parent or guardian. A phone number belongs to one family only."""

    __tablename__ = "guardian"
    __table_args__ = (Index("ux_guardian_phone", "phone", unique=True),
                      one_of("relation", Relation, values=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(20), default="", server_default="")
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    email: Mapped[str] = mapped_column(String(200), default="")
    telegram: Mapped[str] = mapped_column(String(100), default="")
    vk: Mapped[str] = mapped_column(String(100), default="")
    whatsapp: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)  # for the birthday greeting

    family: Mapped[Family] = relationship(back_populates="guardians")

    def __repr__(self) -> str:
        return f"Guardian({self.id}, {self.name!r})"


class Child(Base):
    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # a child who left: kept with the history, out of lists, mailings and greetings
    archived_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    family: Mapped[Family] = relationship(back_populates="children")

    def __repr__(self) -> str:
        return f"Child({self.id}, {self.name!r})"


class TimelineEntry(Base):
    """Something that happened with a family, newest shown first."""

    __tablename__ = "timeline_entry"
    __table_args__ = (Index("ix_timeline_family_at", "family_id", "at"),
                      one_of("kind", TimelineKind))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    kind: Mapped[TimelineKind] = mapped_column(Enum(TimelineKind, native_enum=False, length=20))
    text: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"TimelineEntry({self.family_id}, {self.kind.value})"


class LoyaltySignal(Base):
    """A sign that the family recommends the studio: a referral (``referred_id``: the family
    that came on their word), a review with its link, a mention, "recommends us" said."""

    __tablename__ = "loyalty_signal"
    __table_args__ = (Index("ix_loyalty_signal_family", "family_id"),
                      Index("ix_loyalty_signal_at", "at"),
                      Index("ix_loyalty_signal_referred", "referred_id"),
                      one_of("kind", LoyaltyKind))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    kind: Mapped[LoyaltyKind] = mapped_column(Enum(LoyaltyKind, native_enum=False, length=20))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    link: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    referred_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"LoyaltySignal({self.family_id}, {self.kind.value})"
