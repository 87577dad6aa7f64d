"""The call and chat quality sheet: the criteria the studio edits (each scored 0/1/2, with a
weight and an "automatic fail" flag), and the sheets supervisors fill in, by listening to a
call or reading a conversation, in the app or on paper."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, utcnow
from desk.models.enums import ReviewKind

WEIGHTS = range(1, 6)  # a criterion's weight, 1 to 5
SCORES = (0, 1, 2)  # not done, partly, done


class QualityCriterion(Base):
    """One line of the sheet. A removed criterion is only made inactive: past sheets keep
    their scores for it."""

    __tablename__ = "quality_criterion"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_present"),
                      CheckConstraint("weight BETWEEN 1 AND 5", name="weight_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    hint: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[int] = mapped_column(default=1)
    automatic_fail: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"QualityCriterion({self.id}, {self.name!r}, weight={self.weight})"


class QualityReview(Base):
    """One filled sheet: whose work (``person_id``), who scored it, what was listened to or
    read (a call or a conversation, when it is in the database), when, and the result as it
    was computed when the sheet was saved (an integer percent; 0 when an automatic-fail
    criterion scored 0)."""

    __tablename__ = "quality_review"
    __table_args__ = (Index("ix_quality_review_person", "person_id", "at"),
                      Index("ix_quality_review_call", "call_id"),
                      Index("ix_quality_review_conversation", "conversation_id"),
                      one_of("kind", ReviewKind),
                      CheckConstraint("score BETWEEN 0 AND 100", name="score_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    kind: Mapped[ReviewKind] = mapped_column(Enum(ReviewKind, native_enum=False, length=10))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="SET NULL"))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)  # when the call or chat took place
    note: Mapped[str] = mapped_column(Text, default="")
    from_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[int] = mapped_column(default=0)  # percent
    failed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"QualityReview({self.id}, person={self.person_id}, {self.score}%)"


class QualityScore(Base):
    """A criterion's score on one sheet, with the weight and the flag it had then."""

    __tablename__ = "quality_score"
    __table_args__ = (CheckConstraint("value BETWEEN 0 AND 2", name="value_range"),
                      CheckConstraint("weight BETWEEN 1 AND 5", name="weight_range"),
                      Index("ux_quality_score_once", "review_id", "criterion_id", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("quality_review.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("quality_criterion.id", ondelete="CASCADE"))
    value: Mapped[int]
    weight: Mapped[int]
    automatic_fail: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"QualityScore({self.review_id}, {self.criterion_id}, {self.value})"


def percent(scores: list[tuple[int, int, bool]]) -> tuple[int, bool]:
    """(score %, failed) of (value, weight, automatic_fail) triples: Σ(weight×value) over
    Σ(weight×2), rounded half up in integers; an automatic-fail criterion at 0 makes it 0."""
    if any(fail and value == 0 for value, _w, fail in scores):
        return 0, True
    top = sum(2 * w for _v, w, _f in scores)
    if not top:
        return 0, False
    got = sum(v * w for v, w, _f in scores)
    return (200 * got + top) // (2 * top), False
