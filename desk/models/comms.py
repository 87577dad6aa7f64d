"""The Communicator's records: working hours, calls, leads, the inbox and outbox, mailings,
call scripts with their runs and NPS scores, and who is at the desk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Enum, ForeignKey, Index, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, partial, utcnow
from desk.models.enums import (
    CallDirection, InboxChannel, LapseReason, LeadStatus, MailingStatus,
    MessageDirection, OutboxStatus, PresenceState, RecipientStatus, ScriptPurpose,
)


def _count(column: str) -> CheckConstraint:
    """A count or a duration: never negative (NULL passes)."""
    return CheckConstraint(f"{column} >= 0", name=f"{column}_count")


class WorkingBlock(Base):
    """One stretch of working time on a weekday (a day may have several: a lunch break)."""

    __tablename__ = "working_block"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
                      CheckConstraint('start < "end"', name="hours_ordered"))

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


class Call(Base):
    __tablename__ = "call"
    __table_args__ = (Index("ix_call_at", "at"), Index("ix_call_family", "family_id"),
                      one_of("direction", CallDirection), _count("duration_s"))

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


class Lead(Base):
    """An application (the website form, a call from a new number …) until it becomes a family
    or is lost."""

    __tablename__ = "lead"
    __table_args__ = (Index("ix_lead_status", "status"),
                      Index("ux_lead_import_key", "import_key", unique=True),
                      one_of("status", LeadStatus))

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


class LapseCall(Base):
    """The result of calling a family that did not come or has not been seen for weeks."""

    __tablename__ = "lapse_call"
    __table_args__ = (Index("ix_lapse_call_family", "family_id"), one_of("reason", LapseReason))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    # the no-show it was about; the call stays the family's if that ever goes
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolment.id", ondelete="SET NULL"))
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
    __table_args__ = (Index("ux_greeting_once", "family_id", "birthday", "whom", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    birthday: Mapped[dt.date] = mapped_column(Date)  # this year's date of the birthday
    whom: Mapped[str] = mapped_column(String(30), default="", server_default="")  # see greetings
    text: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Greeting({self.family_id}, {self.birthday})"


class Conversation(Base):
    """One contact with a client, from their first message until the staff close it. A new
    message after closing opens a new conversation (that is what FCR counts)."""

    __tablename__ = "conversation"
    __table_args__ = (Index("ix_conversation_waiting", "waiting_since"),
                      Index("ix_conversation_peer", "channel", "address"),
                      Index("ix_conversation_open", "closed_at", "last_at"),
                      Index("ix_conversation_family", "family_id"),
                      one_of("channel", InboxChannel), _count("first_response_s"))

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[InboxChannel] = mapped_column(
        Enum(InboxChannel, native_enum=False, length=20))
    address: Mapped[str] = mapped_column(String(200))  # chat id, e-mail address or phone
    name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id", ondelete="SET NULL"))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="SET NULL"))
    opened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    # the client's oldest unanswered message; None while nobody is waiting
    waiting_since: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    holding_sent: Mapped[bool] = mapped_column(default=False)
    auto_replied: Mapped[bool] = mapped_column(default=False)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    resolved: Mapped[bool | None] = mapped_column()  # "resolved in this contact?" (FCR)
    first_response_s: Mapped[int | None] = mapped_column()
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Conversation({self.id}, {self.channel.value}, {self.address!r})"


class InboxMessage(Base):
    """A message in a conversation. An outgoing one is also the outbox's entry: it is "sent"
    only when the channel confirms it."""

    __tablename__ = "message"
    __table_args__ = (Index("ix_message_conversation", "conversation_id", "at"),
                      Index("ix_message_outbox", "status", "send_after"),
                      Index("ux_message_external", "channel", "external_id", unique=True),
                      Index("ix_message_kind_at", "kind", "at"),
                      one_of("channel", InboxChannel), one_of("direction", MessageDirection),
                      one_of("status", OutboxStatus), _count("attempts"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"))
    channel: Mapped[InboxChannel] = mapped_column(
        Enum(InboxChannel, native_enum=False, length=20))
    direction: Mapped[MessageDirection] = mapped_column(
        Enum(MessageDirection, native_enum=False, length=5))
    kind: Mapped[str] = mapped_column(String(20), default="message")
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text, default="")
    attachment: Mapped[str] = mapped_column(String(500), default="")  # the file's name
    file_id: Mapped[int | None] = mapped_column(  # an outgoing file, kept in the database
        ForeignKey("stored_file.id", ondelete="SET NULL"))
    voice: Mapped[bool] = mapped_column(default=False)
    external_id: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    status: Mapped[OutboxStatus | None] = mapped_column(
        Enum(OutboxStatus, native_enum=False, length=10))
    send_after: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"InboxMessage({self.id}, {self.direction.value}, {self.status})"


class Response(Base):
    """How long a client waited for an answer, in working time (first answer of a
    conversation marked)."""

    __tablename__ = "response"
    __table_args__ = (Index("ix_response_answered", "answered_at"), _count("wait_s"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"))
    asked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    answered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    wait_s: Mapped[int]
    first: Mapped[bool] = mapped_column(default=False)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Response({self.conversation_id}, {self.wait_s}s)"


class ChannelConfig(Base):
    """A channel's settings without its secrets (those live in the OS keyring), and where
    receiving stopped (Telegram's update offset, the IMAP UID), so nothing arrives twice."""

    __tablename__ = "channel_config"
    __table_args__ = (one_of("channel", InboxChannel),)

    channel: Mapped[InboxChannel] = mapped_column(
        Enum(InboxChannel, native_enum=False, length=20), primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=False)
    settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    cursor: Mapped[str] = mapped_column(String(100), default="")

    def __repr__(self) -> str:
        return f"ChannelConfig({self.channel.value}, enabled={self.enabled})"


class Segment(Base):
    """A saved audience: the filters of a mailing, by name."""

    __tablename__ = "segment"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    filters: Mapped[str] = mapped_column(Text, default="{}")  # JSON

    def __repr__(self) -> str:
        return f"Segment({self.name!r})"


class Mailing(Base):
    __tablename__ = "mailing"
    __table_args__ = (one_of("status", MailingStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    filters: Mapped[str] = mapped_column(Text, default="{}")  # JSON, as it was when started
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[MailingStatus] = mapped_column(
        Enum(MailingStatus, native_enum=False, length=10), default=MailingStatus.SENDING)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"Mailing({self.id}, {self.status.value})"


class MailingRecipient(Base):
    """One family of a mailing (siblings together): its message, or why it was skipped."""

    __tablename__ = "mailing_recipient"
    __table_args__ = (Index("ux_mailing_recipient", "mailing_id", "family_id", unique=True),
                      Index("ix_mailing_recipient_status", "mailing_id", "status"),
                      one_of("status", RecipientStatus))

    id: Mapped[int] = mapped_column(primary_key=True)
    mailing_id: Mapped[int] = mapped_column(ForeignKey("mailing.id", ondelete="CASCADE"))
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    status: Mapped[RecipientStatus] = mapped_column(
        Enum(RecipientStatus, native_enum=False, length=10), default=RecipientStatus.PENDING)
    reason: Mapped[str] = mapped_column(String(30), default="")
    text: Mapped[str] = mapped_column(Text, default="")  # as the dry run showed it
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"MailingRecipient({self.mailing_id}, {self.family_id}, {self.status.value})"


class CallScript(Base):
    """A script the studio writes: its steps, branches and outcome codes as JSON (see
    desk.services.calls.scripts for the shape)."""

    __tablename__ = "call_script"
    # one lapsed-client and one NPS script in use (the studio's own general ones: any number)
    __table_args__ = (
        Index("ux_call_script_purpose", "purpose", unique=True,
              **partial("active AND purpose <> 'GENERAL'")),
        one_of("purpose", ScriptPurpose),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[ScriptPurpose] = mapped_column(
        Enum(ScriptPurpose, native_enum=False, length=20))
    body: Mapped[str] = mapped_column(Text)  # JSON: steps and outcomes
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"CallScript({self.id}, {self.name!r})"


class ScriptRun(Base):
    """One call made with a script: the answers as they were asked, and the outcome."""

    __tablename__ = "script_run"
    __table_args__ = (Index("ix_script_run_family", "family_id", "at"),
                      one_of("purpose", ScriptPurpose), _count("duration_s"),
                      CheckConstraint("score BETWEEN 0 AND 10", name="score_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_script.id", ondelete="SET NULL"))
    script_name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[ScriptPurpose] = mapped_column(
        Enum(ScriptPurpose, native_enum=False, length=20))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    duration_s: Mapped[int] = mapped_column(default=0)
    outcome_key: Mapped[str] = mapped_column(String(50))
    outcome_name: Mapped[str] = mapped_column(String(200))
    answers: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [[question, answer], …]
    note: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int | None] = mapped_column()
    call_id: Mapped[int | None] = mapped_column(ForeignKey("call.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"ScriptRun({self.id}, {self.script_name!r}, {self.outcome_key})"


class NpsScore(Base):
    """A family's answer to "how likely are you to recommend us", 0–10, with its date; the
    indices are computed from these rows."""

    __tablename__ = "nps_score"
    __table_args__ = (Index("ix_nps_score_at", "at"), Index("ix_nps_score_family", "family_id"),
                      CheckConstraint("score BETWEEN 0 AND 10", name="score_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    score: Mapped[int]
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(30), default="call")
    run_id: Mapped[int | None] = mapped_column(ForeignKey("script_run.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"NpsScore({self.family_id}, {self.score})"


class Presence(Base):
    """Whether a person is at the desk: on a call or away, the inbox's alert goes to the
    colleague at once."""

    __tablename__ = "presence"
    __table_args__ = (one_of("state", PresenceState),)

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"),
                                          primary_key=True)
    state: Mapped[PresenceState] = mapped_column(
        Enum(PresenceState, native_enum=False, length=20))
    since: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Presence({self.staff_id}, {self.state.value})"


class CourierLease(Base):
    """Which desk receives and sends for the studio (one courier per studio): held while its
    holder renews it, taken over by another desk once it runs out."""

    __tablename__ = "courier_lease"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1: one courier per studio
    token: Mapped[str] = mapped_column(String(32))  # the holding desk's, for as long as it runs
    holder: Mapped[str] = mapped_column(String(200))  # "office-pc (Мария Лебедева)"
    until: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"CourierLease({self.holder!r}, {self.until:%H:%M:%S})"
