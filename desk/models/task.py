"""The shared task list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, partial, utcnow
from desk.models.enums import Role, TaskStatus

# Origins the desk creates once only, each kept so by a partial UNIQUE index (the services
# insert and let the index refuse a second one): the "second feedback" of a child crossing a
# stage (``second_feedback:<child>:<lessons>``), and one open wallet reminder per family and
# week (``wallet_reminder:<year>-W<week>``).
SECOND_FEEDBACK = "second_feedback:"
WALLET_REMINDER = "wallet_reminder:"


class Task(Base):
    """A task is assigned either to a person or to a role (whoever holds it that day)."""

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_status_due", "status", "due_at"),
        Index("ux_task_second_feedback", "origin", unique=True,
              **partial(f"origin LIKE '{SECOND_FEEDBACK}%'")),
        Index("ux_task_wallet_reminder", "family_id", "origin", unique=True,
              **partial(f"status = 'OPEN' AND origin LIKE '{WALLET_REMINDER}%'")),
        one_of("assignee_role", Role),
        one_of("status", TaskStatus),
        CheckConstraint("trim(title) <> ''", name="title_present"),
    )

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
