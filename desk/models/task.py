"""The shared task list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, utcnow
from desk.models.enums import Role, TaskStatus


class Task(Base):
    """A task is assigned either to a person or to a role (whoever holds it that day)."""

    __tablename__ = "task"
    __table_args__ = (Index("ix_task_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    details: Mapped[str] = mapped_column(Text, default="")
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("family.id", ondelete="SET NULL"), index=True
    )
    due_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    assignee_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL")
    )
    assignee_role: Mapped[Role | None] = mapped_column(Enum(Role, native_enum=False, length=20))
    status: Mapped[TaskStatus] = mapped_column(
        Enum(TaskStatus, native_enum=False, length=20), default=TaskStatus.OPEN
    )
    origin: Mapped[str] = mapped_column(String(50), default="manual")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.status is TaskStatus.OPEN and self.due_at < now

    def __repr__(self) -> str:
        return f"Task({self.id}, {self.title!r}, {self.status.value})"
