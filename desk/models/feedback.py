"""Feedback to parents: a request the desk opens for a child (after the first lesson, at a new
stage, after a camp) and follows until the parent has the teacher's words."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import FeedbackKind, FeedbackStatus


class FeedbackRequest(Base):
    """One child's feedback, from the teacher's words (typed, dictated, a voice note) through
    the copywriter's edit to the message the parent got. ``origin`` names what opened it, so
    it opens once: a first feedback follows a first-timer's enrolment ("first:<enrolment>"; a
    rebooking after a cancel reuses the row), a second feedback is a case for the head
    teacher per stage crossing ("second:<child>:<lessons>"), a camp's is per child and camp
    ("camp:<camp>:<child>")."""

    __tablename__ = "feedback_request"
    __table_args__ = (
        Index("ix_feedback_request_enrolment", "enrolment_id"),
        Index("ix_feedback_request_status", "status"),
        Index("ix_feedback_request_family", "family_id"),
        Index("ux_feedback_request_origin", "origin", unique=True),
        one_of("kind", FeedbackKind),
        one_of("status", FeedbackStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[FeedbackKind] = mapped_column(Enum(FeedbackKind, native_enum=False, length=10))
    status: Mapped[FeedbackStatus] = mapped_column(
        Enum(FeedbackStatus, native_enum=False, length=10), default=FeedbackStatus.WAITING)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolment.id", ondelete="CASCADE"))
    origin: Mapped[str] = mapped_column(String(50))
    teacher_id: Mapped[int | None] = mapped_column(  # the head teacher it is handed to
        ForeignKey("teacher.id", ondelete="SET NULL"))
    due_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)  # a second feedback's
    handed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    words: Mapped[str] = mapped_column(Text, default="")  # the teacher's, as recorded
    edited: Mapped[str] = mapped_column(Text, default="")  # the copywriter's version, if any
    audio_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("stored_file.id", ondelete="SET NULL"))
    recorded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    sent_text: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[int | None] = mapped_column(  # the message that carried it, if sent
        ForeignKey("message.id", ondelete="SET NULL"))
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"FeedbackRequest({self.id}, {self.kind.value}, {self.status.value})"
