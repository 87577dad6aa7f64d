"""Printed checklists kept in the database, so every desk sees them and a supervisor can
reopen one: the PDF as it was printed, and whom it mentions (erased with a family it names)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime


class ChecklistCopy(Base):
    __tablename__ = "checklist_copy"
    __table_args__ = (Index("ix_checklist_copy_printed", "printed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # "daily:system", "daily:communicator"
    day: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    printed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    person: Mapped[str] = mapped_column(String(200), default="")
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    # whom it names: " 12 45 " (family ids) and the phones and e-mails it shows, for an erase
    mentions: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"ChecklistCopy({self.id}, {self.kind!r}, {self.day})"
