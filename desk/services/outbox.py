"""The outbox: an outgoing message is "sent" only when its channel confirms it, and goes at most
once unless a person says otherwise. The courier claims what is due in one transaction
(queued → sending) before handing it over, so nothing is taken twice. A failure with a definite
answer (no connection, 5xx, 429) goes back to the queue with growing pauses and its reason; a
refusal for good waits for the staff; a send whose outcome is unknown (no answer in time, the
connection cut, the app quitting or dying mid-send) is "delivery not confirmed" and a person
chooses "send again" or "it arrived" — Telegram has no idempotency key, so the courier never
repeats it on its own. Messages survive closing the app. Quiet hours (8:00–22:00 studio time)
hold back what is not urgent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from desk.models.comms import Conversation, Direction, InboxChannel, InboxMessage, OutboxStatus
from desk.services import errors
from desk.services.channels.base import (
    Adapter, ChannelDown, ChannelRefused, DeliveryUnknown, Outgoing,
)
from desk.services.db import Actor, Store

log = logging.getLogger(__name__)

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


WAITING = (OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.UNCERTAIN,
           OutboxStatus.FAILED)


def pending(store: Store) -> list[Pending]:
    """Everything not yet confirmed: waiting for its time, retrying, being handed over, not
    confirmed, or refused."""
    with store.read() as s:
        rows = s.execute(
            select(InboxMessage, Conversation.address, Conversation.name)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.status.in_(WAITING))
            .order_by(InboxMessage.send_after, InboxMessage.id)).all()
        return [Pending(m.id, m.conversation_id, m.channel, address, name, m.kind, m.text,
                        m.status, m.send_after, m.attempts, m.last_error)
                for m, address, name in rows]


def count_pending(store: Store) -> tuple[int, int]:
    """(queued, failed)."""
    with store.read() as s:
        counts = dict(s.execute(select(InboxMessage.status, func.count()).where(
            InboxMessage.status.in_(WAITING)).group_by(InboxMessage.status)).all())
    return (counts.get(OutboxStatus.QUEUED, 0) + counts.get(OutboxStatus.SENDING, 0),
            counts.get(OutboxStatus.FAILED, 0) + counts.get(OutboxStatus.UNCERTAIN, 0))


@dataclasses.dataclass(frozen=True)
class _Claimed:
    id: int
    channel: InboxChannel
    address: str
    subject: str
    text: str
    attachment: str
    voice: bool


def deliver(store: Store, adapters: dict[InboxChannel, Adapter]) -> tuple[int, int]:
    """Send what is due through the connected channels: (confirmed, not confirmed this time).
    One message that goes wrong in an unexpected way is marked failed with its reason; the
    rest go on."""
    sent = failed = 0
    for message in _claim(store, list(adapters)):
        try:
            status = _hand_over(store, adapters[message.channel], message)
        except Exception as exc:  # a bug must not stop the courier or lose the message
            log.exception("outbox: message %s", message.id)
            _finish(store, message.id, OutboxStatus.FAILED, error=f"error: {type(exc).__name__}")
            status = OutboxStatus.FAILED
        if status is OutboxStatus.SENT:
            sent += 1
        else:
            failed += 1
    return sent, failed


def _claim(store: Store, channels: list[InboxChannel]) -> list[_Claimed]:
    """Take what is due, in one write transaction: queued → sending."""
    if not channels:
        return []
    with store.write(Actor(None, "")) as uow:
        rows = uow.session.execute(
            select(InboxMessage, Conversation.address, Conversation.subject)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.status == OutboxStatus.QUEUED,
                   InboxMessage.send_after <= uow.now,
                   InboxMessage.channel.in_(channels))
            .order_by(InboxMessage.send_after, InboxMessage.id).limit(BATCH)).all()
        claimed = []
        for m, address, subject in rows:
            m.status = OutboxStatus.SENDING
            claimed.append(_Claimed(m.id, m.channel, address, subject, m.text, m.attachment,
                                    m.voice))
        uow.commit()
    return claimed


def _hand_over(store: Store, adapter: Adapter, m: _Claimed) -> OutboxStatus:
    attachment = Path(m.attachment) if m.attachment else None
    if attachment is not None and not attachment.is_file():
        _finish(store, m.id, OutboxStatus.FAILED, error="file_missing")
        return OutboxStatus.FAILED
    outgoing = Outgoing(m.address, m.text, attachment, m.voice,
                        subject=_reply_subject(m.subject))
    try:
        external = adapter.send(outgoing)
    except ChannelRefused as exc:
        _finish(store, m.id, OutboxStatus.FAILED, error=str(exc.params.get("reason", exc)))
        return OutboxStatus.FAILED
    except DeliveryUnknown as exc:
        _finish(store, m.id, OutboxStatus.UNCERTAIN, error=str(exc.params.get("reason", exc)))
        return OutboxStatus.UNCERTAIN
    except ChannelDown as exc:
        retry_after = exc.params.get("retry_after")
        _finish(store, m.id, OutboxStatus.QUEUED, error=str(exc.params.get("reason", exc)),
                pause=dt.timedelta(seconds=int(retry_after)) if retry_after else None)
        return OutboxStatus.QUEUED
    except OSError as exc:  # the attachment could not be read
        _finish(store, m.id, OutboxStatus.FAILED, error=f"file: {exc.strerror or exc}")
        return OutboxStatus.FAILED
    _finish(store, m.id, OutboxStatus.SENT, external=external)
    return OutboxStatus.SENT


def _reply_subject(subject: str) -> str:
    if not subject:
        return ""
    return subject if subject.lower().startswith("re:") else "Re: " + subject


def _finish(store: Store, message_id: int, status: OutboxStatus, *, error: str = "",
            external: str | None = None, pause: dt.timedelta | None = None) -> None:
    """Record how handing a claimed message over ended. Only a message still "sending" is
    touched (a confirmed one never goes back, a withdrawn one stays withdrawn), except that a
    late confirmation clears a "not confirmed" one."""
    with store.write(Actor(None, "")) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or not (m.status is OutboxStatus.SENDING or (
                status is OutboxStatus.SENT and m.status is OutboxStatus.UNCERTAIN)):
            return
        m.attempts += 1
        m.status = status
        m.last_error = error[:500]
        if status is OutboxStatus.SENT:
            m.sent_at, m.external_id = uow.now, external
        elif status is OutboxStatus.QUEUED:
            m.send_after = uow.now + (pause or retry_pause(m.attempts))
        uow.commit()


def recover(store: Store) -> int:
    """At the courier's start: a message left "sending" (the app died or quit mid-send) may
    have arrived — it becomes "not confirmed" for a person to decide. Returns how many."""
    with store.write(Actor(None, "")) as uow:
        left = list(uow.session.scalars(select(InboxMessage).where(
            InboxMessage.status == OutboxStatus.SENDING)))
        for m in left:
            m.status, m.last_error = OutboxStatus.UNCERTAIN, "interrupted"
        uow.commit()
        return len(left)


def retry_now(store: Store, channel: InboxChannel) -> int:
    """The channel is back: what waits for a retry goes now, not after its long pause."""
    with store.write(Actor(None, "")) as uow:
        now = uow.now
        rows = list(uow.session.scalars(select(InboxMessage).where(
            InboxMessage.channel == channel, InboxMessage.status == OutboxStatus.QUEUED,
            InboxMessage.attempts > 0, InboxMessage.send_after > now)))
        for m in rows:
            m.send_after = now
        uow.commit()
        return len(rows)


def cancel(store: Store, actor: Actor, message_id: int) -> None:
    """Withdraw a message that has not gone: scheduled, retrying, refused or not confirmed
    (not one being handed over right now). It stays in the conversation as cancelled."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or m.status not in (OutboxStatus.QUEUED, OutboxStatus.FAILED,
                                         OutboxStatus.UNCERTAIN):
            raise errors.NotFound(f"no message {message_id} to cancel")
        m.status = OutboxStatus.CANCELLED
        uow.audit("outbox.cancel", entity_id=m.id)
        uow.commit()


def in_flight(store: Store) -> tuple[int, int]:
    """(being handed over now, waiting to go later) — what quitting would leave."""
    with store.read() as s:
        counts = dict(s.execute(select(InboxMessage.status, func.count()).where(
            InboxMessage.status.in_([OutboxStatus.SENDING, OutboxStatus.QUEUED]))
            .group_by(InboxMessage.status)).all())
    return counts.get(OutboxStatus.SENDING, 0), counts.get(OutboxStatus.QUEUED, 0)


def confirm_arrived(store: Store, actor: Actor, message_id: int) -> None:
    """The person checked (the client saw it): a message not confirmed counts as delivered."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or m.status is not OutboxStatus.UNCERTAIN:
            raise errors.NotFound(f"no unconfirmed message {message_id}")
        m.status, m.sent_at, m.last_error = OutboxStatus.SENT, uow.now, ""
        uow.audit("outbox.arrived", entity_id=m.id)
        uow.commit()


def send_again(store: Store, actor: Actor, message_id: int) -> None:
    """Put a refused, retrying or not confirmed message back to go now (the person decided:
    for one not confirmed, the client may get a second copy)."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or m.direction is not Direction.OUT or m.status not in (
                OutboxStatus.QUEUED, OutboxStatus.FAILED, OutboxStatus.UNCERTAIN):
            raise errors.NotFound(f"no pending message {message_id}")
        m.status, m.send_after = OutboxStatus.QUEUED, uow.now
        uow.audit("outbox.again", entity_id=m.id, after=json.dumps({"attempts": m.attempts}))
        uow.commit()

