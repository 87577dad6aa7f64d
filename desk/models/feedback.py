"""Feedback to parents: a request the desk opens for a child (after the first lesson, at a new
stage, after a camp) and follows until the parent has the teacher's words."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import (
    FeedbackKind, FeedbackSource, FeedbackStatus, FeedbackTone, ItemStatus, LoopStatus,
)


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


class FeedbackTag(Base):
    """The studio's list of what feedback is about (teacher, schedule, prices …)."""

    __tablename__ = "feedback_tag"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_present"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"FeedbackTag({self.id}, {self.name!r})"


class FeedbackItem(Base):
    """What a client said about the studio, in their words, with its source and link back,
    tone, tags and whom it is about; the improvements department moves it along. Items that
    say the same thing are linked to one (``linked_to``): its status is theirs, and "clients
    told" reaches every family of them."""

    __tablename__ = "feedback_item"
    __table_args__ = (
        Index("ix_feedback_item_created", "created_at"),
        Index("ix_feedback_item_source", "source", "source_id"),
        Index("ix_feedback_item_family", "family_id"),
        Index("ix_feedback_item_status", "status", "created_at"),
        Index("ix_feedback_item_tone", "tone", "created_at"),
        one_of("source", FeedbackSource),
        one_of("tone", FeedbackTone),
        one_of("status", ItemStatus),
        CheckConstraint("trim(quote) <> ''", name="quote_present"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="SET NULL"))
    source: Mapped[FeedbackSource] = mapped_column(
        Enum(FeedbackSource, native_enum=False, length=10))
    source_id: Mapped[int | None] = mapped_column()  # the message, call, run, note …
    quote: Mapped[str] = mapped_column(Text)
    tone: Mapped[FeedbackTone] = mapped_column(Enum(FeedbackTone, native_enum=False, length=10))
    teacher_id: Mapped[int | None] = mapped_column(  # whom it is about
        ForeignKey("teacher.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    direction_id: Mapped[int | None] = mapped_column(
        ForeignKey("direction.id", ondelete="SET NULL"))
    needs_answer: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ItemStatus] = mapped_column(Enum(ItemStatus, native_enum=False, length=10),
                                               default=ItemStatus.NEW)
    reason: Mapped[str] = mapped_column(Text, default="")  # why rejected
    linked_to: Mapped[int | None] = mapped_column(
        ForeignKey("feedback_item.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    status_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    told_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"FeedbackItem({self.id}, {self.tone.value}, {self.status.value})"


class FeedbackItemTag(Base):
    __tablename__ = "feedback_item_tag"
    __table_args__ = (Index("ux_feedback_item_tag", "item_id", "tag_id", unique=True),
                      Index("ix_feedback_item_tag_tag", "tag_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_item.id", ondelete="CASCADE"))
    tag_id: Mapped[int] = mapped_column(ForeignKey("feedback_tag.id", ondelete="CASCADE"))

    def __repr__(self) -> str:
        return f"FeedbackItemTag({self.item_id}, {self.tag_id})"


class LoopCase(Base):
    """Closing the loop with the client of a negative item (or one that needs an answer): the
    Communicator's case, due a set time after the item, closed with a reason and a comment."""

    __tablename__ = "loop_case"
    __table_args__ = (
        Index("ux_loop_case_item", "item_id", unique=True),
        Index("ix_loop_case_status", "status"),
        one_of("status", LoopStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_item.id", ondelete="CASCADE"))
    status: Mapped[LoopStatus] = mapped_column(Enum(LoopStatus, native_enum=False, length=12),
                                               default=LoopStatus.OPEN)
    due_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    first_action_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    informed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    close_reason: Mapped[str] = mapped_column(String(30), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"LoopCase({self.id}, item {self.item_id}, {self.status.value})"
