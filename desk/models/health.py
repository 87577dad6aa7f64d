"""Channel monitoring: a check of every channel every few minutes (kept 90 days), and the
alerts it opened for the System person (one per channel, kind and episode)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, UtcDateTime, one_of, partial
from desk.models.enums import HealthState, InboxChannel


class ChannelCheck(Base):
    """What a check found. Never the token; of a webhook only whether one is set and its
    host (its URL may hold a secret); the last error redacted and trimmed."""

    __tablename__ = "channel_check"
    __table_args__ = (
        Index("ix_channel_check_channel_at", "channel", "checked_at"),
        Index("ix_channel_check_channel_hour", "channel", "hour", "state"),
        Index("ix_channel_check_at", "checked_at"),
        one_of("channel", InboxChannel),
        one_of("state", HealthState),
        CheckConstraint("outbox_waiting >= 0", name="outbox_waiting_count"),
        CheckConstraint("failures_hour >= 0", name="failures_hour_count"),
        CheckConstraint("too_many_hour >= 0", name="too_many_hour_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[InboxChannel] = mapped_column(Enum(InboxChannel, native_enum=False,
                                                       length=20))
    account: Mapped[str] = mapped_column(String(200), default="")  # "@studio_bot", a mailbox
    identity: Mapped[str] = mapped_column(String(40), default="")  # the adapter's fingerprint
    checked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    hour: Mapped[int] = mapped_column()  # checked_at's hour since 1970 (UTC): the strip's block
    host: Mapped[str] = mapped_column(String(200), default="")  # the PC that receives
    state: Mapped[HealthState] = mapped_column(Enum(HealthState, native_enum=False, length=20))
    reason: Mapped[str] = mapped_column(String(200), default="")  # why down (a code or words)
    me_ok: Mapped[bool] = mapped_column(default=False)  # getMe, the mailbox's login
    latency_ms: Mapped[int | None] = mapped_column()
    pending_updates: Mapped[int | None] = mapped_column()
    last_error_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(String(300), default="")
    webhook: Mapped[bool] = mapped_column(default=False)
    webhook_host: Mapped[str] = mapped_column(String(200), default="")
    last_poll_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_incoming_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    outbox_waiting: Mapped[int] = mapped_column(default=0)
    outbox_oldest_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    failures_hour: Mapped[int] = mapped_column(default=0)
    too_many_hour: Mapped[int] = mapped_column(default=0)  # Telegram's 429s
    retry_after_s: Mapped[int | None] = mapped_column()  # the longest retry_after of the hour

    @staticmethod
    def hour_of(at: dt.datetime) -> int:
        return int(at.timestamp() // 3600)

    def __repr__(self) -> str:
        return f"ChannelCheck({self.channel.value}, {self.checked_at:%Y-%m-%d %H:%M}, " \
               f"{self.state.value})"


class ChannelAlert(Base):
    """An episode of trouble (down, stuck, silent, a webhook) of one channel: opened once with
    a Today task for the System person, closed when the channel recovers."""

    __tablename__ = "channel_alert"
    __table_args__ = (
        Index("ux_channel_alert_open", "channel", "kind", unique=True,
              **partial("closed_at IS NULL")),
        Index("ix_channel_alert_opened", "opened_at"),
        one_of("channel", InboxChannel),
        one_of("kind", HealthState),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[InboxChannel] = mapped_column(Enum(InboxChannel, native_enum=False,
                                                       length=20))
    kind: Mapped[HealthState] = mapped_column(Enum(HealthState, native_enum=False, length=20))
    opened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    detail: Mapped[str] = mapped_column(String(300), default="")
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        state = "open" if self.closed_at is None else "closed"
        return f"ChannelAlert({self.channel.value}, {self.kind.value}, {state})"
