"""The outbox: an outgoing message is "sent" only when its channel confirms it. A failure for
now is retried with growing pauses and stays visible with its reason; a refusal for good waits
for the staff. Messages survive closing the app and go on the next start. Quiet hours
(8:00–22:00 studio time) hold back what is not urgent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from desk.models.comms import Conversation, Direction, InboxChannel, InboxMessage, OutboxStatus
from desk.services import errors
from desk.services.channels.base import Adapter, ChannelDown, ChannelRefused, Outgoing
from desk.services.db import Actor, Store

QUIET_END = dt.time(8, 0)  # the first hour a non-urgent message may go
QUIET_START = dt.time(22, 0)
RETRY_FIRST_S = 5
RETRY_MAX_S = 600
BATCH = 50


def outside_quiet(at: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """``at`` itself between 8:00 and 22:00 studio time; otherwise the next 8:00."""
    local = at.astimezone(tz)
    if QUIET_END <= local.time() < QUIET_START:
        return at
    day = local.date() if local.time() < QUIET_END else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, QUIET_END, tz).astimezone(dt.timezone.utc)


def retry_pause(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(RETRY_FIRST_S * 2 ** max(attempts - 1, 0), RETRY_MAX_S))


@dataclasses.dataclass(frozen=True)
class Pending:
    id: int
    conversation_id: int
    channel: InboxChannel
    address: str
    name: str
    kind: str
    text: str
    status: OutboxStatus
    send_after: dt.datetime
    attempts: int
    last_error: str


def pending(store: Store) -> list[Pending]:
    """Everything not yet confirmed: waiting for its time, retrying, or refused."""
    with store.read() as s:
        rows = s.execute(
            select(InboxMessage, Conversation.address, Conversation.name)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.status.in_([OutboxStatus.QUEUED, OutboxStatus.FAILED]))
            .order_by(InboxMessage.send_after, InboxMessage.id)).all()
        return [Pending(m.id, m.conversation_id, m.channel, address, name, m.kind, m.text,
                        m.status, m.send_after, m.attempts, m.last_error)
                for m, address, name in rows]


def count_pending(store: Store) -> tuple[int, int]:
    """(queued, failed)."""
    with store.read() as s:
        counts = dict(s.execute(select(InboxMessage.status, func.count()).where(
            InboxMessage.status.in_([OutboxStatus.QUEUED, OutboxStatus.FAILED]))
            .group_by(InboxMessage.status)).all())
    return counts.get(OutboxStatus.QUEUED, 0), counts.get(OutboxStatus.FAILED, 0)


def deliver(store: Store, adapters: dict[InboxChannel, Adapter]) -> tuple[int, int]:
    """Send what is due through the connected channels: (confirmed, failed this time)."""
    now = store.now()
    with store.read() as s:
        due = s.execute(
            select(InboxMessage.id, InboxMessage.channel, Conversation.address,
                   Conversation.subject, InboxMessage.text, InboxMessage.attachment,
                   InboxMessage.voice)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.status == OutboxStatus.QUEUED,
                   InboxMessage.send_after <= now,
                   InboxMessage.channel.in_(list(adapters)))
            .order_by(InboxMessage.send_after, InboxMessage.id).limit(BATCH)).all()
    sent = failed = 0
    for mid, channel, address, subject, text, attachment, voice in due:
        outgoing = Outgoing(address, text, Path(attachment) if attachment else None, voice,
                            subject=_reply_subject(subject))
        try:
            external = adapters[channel].send(outgoing)
        except ChannelRefused as exc:
            _record(store, mid, OutboxStatus.FAILED, error=str(exc.params.get("reason", exc)))
            failed += 1
        except (ChannelDown, OSError) as exc:
            reason = exc.params.get("reason", exc) if isinstance(exc, errors.DeskError) else exc
            _record(store, mid, OutboxStatus.QUEUED, error=str(reason))
            failed += 1
        else:
            _record(store, mid, OutboxStatus.SENT, external=external)
            sent += 1
    return sent, failed


def _reply_subject(subject: str) -> str:
    if not subject:
        return ""
    return subject if subject.lower().startswith("re:") else "Re: " + subject


def _record(store: Store, message_id: int, status: OutboxStatus, *, error: str = "",
            external: str | None = None) -> None:
    with store.write(Actor(None, "")) as uow:
        m = uow.session.get(InboxMessage, message_id)
        m.attempts += 1
        m.status = status
        m.last_error = error[:500]
        if status is OutboxStatus.SENT:
            m.sent_at, m.external_id = uow.now, external
        elif status is OutboxStatus.QUEUED:
            m.send_after = uow.now + retry_pause(m.attempts)
        uow.commit()


def send_again(store: Store, actor: Actor, message_id: int) -> None:
    """Put a refused or retrying message back to go now."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or m.direction is not Direction.OUT or m.status not in (
                OutboxStatus.QUEUED, OutboxStatus.FAILED):
            raise errors.NotFound(f"no pending message {message_id}")
        m.status, m.send_after = OutboxStatus.QUEUED, uow.now
        uow.audit("outbox.again", entity_id=m.id, after=json.dumps({"attempts": m.attempts}))
        uow.commit()

