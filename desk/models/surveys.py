"""Surveys, one per segment of families, and their answers (from a Google Form's export, a
script call or a paper form); the satisfaction items the CSI is computed over."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, utcnow


class Survey(Base):
    """A survey the studio sends to a segment: its form, the invitation, the rule that finds
    the families (JSON, computed from the data), the time zone of the form's sheet and the
    columns of its export as last mapped."""

    __tablename__ = "survey"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_present"),
                      CheckConstraint("reminder_days BETWEEN 1 AND 60",
                                      name="reminder_days_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    form_url: Mapped[str] = mapped_column(String(500), default="")
    invitation: Mapped[str] = mapped_column(Text, default="")
    # the form's question the family's code is prefilled into ("entry.123456"): "" for none
    code_entry: Mapped[str] = mapped_column(String(40), default="", server_default="")
    reminder: Mapped[str] = mapped_column(Text, default="", server_default="")
    # non-responders may be reminded once, this many days after the invitation
    reminder_days: Mapped[int] = mapped_column(default=3, server_default="3")
    segment: Mapped[str] = mapped_column(Text, default="{}")
    timezone: Mapped[str] = mapped_column(String(64), default="")  # "": the studio's
    mapping: Mapped[str] = mapped_column(Text, default="{}")  # field → column header
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Survey({self.id}, {self.key!r})"


class CsiItem(Base):
    """What satisfaction is made of (teacher, atmosphere, schedule …), with its importance."""

    __tablename__ = "csi_item"
    __table_args__ = (CheckConstraint("trim(name) <> ''", name="name_present"),
                      CheckConstraint("importance > 0", name="importance_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    importance: Mapped[int] = mapped_column(default=1)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"CsiItem({self.id}, {self.key!r})"


class SurveyAnswer(Base):
    """One response: whose (a family, or no one when it matched none), when, its scores and
    words. ``identity`` is the response's fingerprint (survey, time, contact, answers), so an
    export imported again adds nothing."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        Index("ix_survey_answer_at", "answered_at", "family_id", "nps", "csat"),
        Index("ix_survey_answer_family", "family_id"),
        Index("ux_survey_answer_identity", "identity", unique=True),
        CheckConstraint("nps IS NULL OR nps BETWEEN 0 AND 10", name="nps_range"),
        CheckConstraint("csat IS NULL OR csat BETWEEN 1 AND 5", name="csat_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("survey.id", ondelete="SET NULL"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    answered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String(10), default="form")  # form, call, paper
    nps: Mapped[int | None] = mapped_column()
    csat: Mapped[int | None] = mapped_column()
    comment: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    name: Mapped[str] = mapped_column(String(200), default="")
    identity: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"SurveyAnswer({self.id}, nps={self.nps}, csat={self.csat})"


class CsiScore(Base):
    """An answer's score for one satisfaction item, on its question's scale."""

    __tablename__ = "csi_score"
    __table_args__ = (
        Index("ix_csi_score_answer", "answer_id"),
        CheckConstraint("scale_max IN (5, 10) AND value BETWEEN 1 AND scale_max",
                        name="value_on_scale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("survey_answer.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("csi_item.id", ondelete="CASCADE"))
    value: Mapped[int]
    scale_max: Mapped[int]  # the question's scale: 1–5 or 1–10

    def __repr__(self) -> str:
        return f"CsiScore({self.answer_id}, item {self.item_id}: {self.value}/{self.scale_max})"


class SurveyInvite(Base):
    """A survey sent to a family: the invitation's message, and the one reminder. Whether it
    was answered is read from the answers (the family's answer to the survey since)."""

    __tablename__ = "survey_invite"
    __table_args__ = (
        Index("ix_survey_invite_family", "family_id", "sent_at"),
        Index("ix_survey_invite_survey", "survey_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    sent_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("message.id", ondelete="SET NULL"))
    reminded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    reminder_id: Mapped[int | None] = mapped_column(
        ForeignKey("message.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"SurveyInvite({self.id}, survey {self.survey_id}, family {self.family_id})"
