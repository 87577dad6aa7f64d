"""Handing one's work over for a vacation or a sick leave: one dated record with the list of
what moved, so the return can move back what the substitute did not touch."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of
from desk.models.enums import HandoverKind, HandoverOutcome, HandoverReason, Role


class Handover(Base):
    """``from_staff_id`` is away from ``starts_on`` until the day before ``ends_on`` (the day
    they are back); ``to_staff_id`` covers (whoever is actually in, when the chosen one is
    away too)."""

    __tablename__ = "handover"
    __table_args__ = (
        Index("ix_handover_running", "returned_at", "starts_on"),
        one_of("reason", HandoverReason),
        CheckConstraint("ends_on > starts_on", name="dates_in_order"),
        CheckConstraint("from_staff_id <> to_staff_id", name="someone_else"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    to_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)  # the first day back
    reason: Mapped[HandoverReason] = mapped_column(
        Enum(HandoverReason, native_enum=False, length=10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    moved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)  # None: not begun yet
    returned_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    returned_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    digest_seen_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"Handover({self.id}, {self.from_staff_id}→{self.to_staff_id}, {self.starts_on})"


class HandoverItem(Base):
    """One thing that moved, with the owner it had (to give it back) and what became of it."""

    __tablename__ = "handover_item"
    __table_args__ = (
        Index("ux_handover_item", "handover_id", "kind", "entity_id", unique=True),
        Index("ix_handover_item_entity", "kind", "entity_id"),
        Index("ix_handover_item_family", "family_id"),
        one_of("kind", HandoverKind),
        one_of("outcome", HandoverOutcome),
        one_of("owner_role", Role),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handover.id", ondelete="CASCADE"))
    kind: Mapped[HandoverKind] = mapped_column(Enum(HandoverKind, native_enum=False, length=20))
    entity_id: Mapped[int]
    family_id: Mapped[int | None]  # no foreign key: an erase removes the row by it
    title: Mapped[str] = mapped_column(String(300), default="")
    due_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # who it belonged to before: a person, or a role (a role's task)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    owner_role: Mapped[Role | None] = mapped_column(Enum(Role, native_enum=False, length=20))
    note: Mapped[str] = mapped_column(Text, default="")  # the absent person's word on it
    outcome: Mapped[HandoverOutcome] = mapped_column(
        Enum(HandoverOutcome, native_enum=False, length=10), default=HandoverOutcome.OPEN)
    touched_by: Mapped[str] = mapped_column(String(200), default="")

    def __repr__(self) -> str:
        return f"HandoverItem({self.kind.value} {self.entity_id}, {self.outcome.value})"
