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
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models.comms import Conversation, InboxMessage, Response
from desk.models.enums import MessageDirection, InboxChannel, OutboxStatus
from desk.services.staff import hours
from desk.services.staff import studio
from desk.services.store import errors, files
from desk.services.comms.channels.base import (
    Adapter, ChannelDown, ChannelRefused, DeliveryUnknown, Outgoing,
)
from desk.services.store.db import Actor, Store

log = logging.getLogger(__name__)

QUIET_END = dt.time(8, 0)  # the first hour a non-urgent message may go
QUIET_START = dt.time(22, 0)
RETRY_FIRST_S = 5
RETRY_MAX_S = 600
BATCH = 50  # messages one round of the courier hands over at most
RECORD_TRIES = 5
ANSWERS = ("answer", "holding", "auto")  # messages of a conversation: quiet hours do
# not hold their retries (the client is writing now); anything else waits for the morning


def outside_quiet(at: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """``at`` itself between 8:00 and 22:00 studio time; otherwise the next 8:00."""
    local = at.astimezone(tz)
    if QUIET_END <= local.time() < QUIET_START:
        return at
    day = local.date() if local.time() < QUIET_END else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, QUIET_END, tz).astimezone(dt.timezone.utc)


def retry_pause(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(RETRY_FIRST_S * 2 ** max(attempts - 1, 0), RETRY_MAX_S))


class StateChanged(errors.DeskError):
    code = "state_changed"


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
    attachment: str  # the file's name
    file_id: int | None
    voice: bool


def deliver(store: Store, adapters: dict[InboxChannel, Adapter],
            stop: Callable[[], bool] = lambda: False) -> tuple[int, int]:
    """Send what is due through the connected channels, one message at a time: (confirmed,
    not confirmed this time). Each is claimed (queued → sending) just before it is handed
    over, so what a stop, a pause or a cancel leaves waiting stays queued; ``stop`` is asked
    before each."""
    sent = failed = 0
    for _ in range(BATCH):
        if stop():
            break
        message = _claim(store, list(adapters))
        if message is None:
            break
        status = _hand_over(store, adapters[message.channel], message)
        if status is OutboxStatus.SENT:
            sent += 1
        else:
            failed += 1
    return sent, failed


def _claim(store: Store, channels: list[InboxChannel]) -> _Claimed | None:
    """Take the next message that is due, in one write transaction: queued → sending. On the
    studio's server the row is locked and one another desk holds is skipped (FOR UPDATE SKIP
    LOCKED), so two couriers never take the same message."""
    if not channels:
        return None
    with store.write(Actor(None, "")) as uow:
        row = uow.session.execute(
            select(InboxMessage, Conversation.address, Conversation.subject)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(InboxMessage.status == OutboxStatus.QUEUED,
                   InboxMessage.send_after <= uow.now,
                   InboxMessage.channel.in_(channels))
            .order_by(InboxMessage.send_after, InboxMessage.id).limit(1)
            .with_for_update(skip_locked=True, of=InboxMessage)).first()
        if row is None:
            return None
        m, address, subject = row
        m.status = OutboxStatus.SENDING
        claimed = _Claimed(m.id, m.channel, address, subject, m.text, m.attachment, m.file_id,
                           m.voice)
        uow.commit()
    return claimed


def _hand_over(store: Store, adapter: Adapter, m: _Claimed) -> OutboxStatus:
    """Hand one claimed message to its channel and record how it ended. Whatever happens, the
    message is never marked refused once the channel may have taken it: an unexpected error
    from the channel is "not confirmed"; a confirmation that cannot be recorded (the database
    busy) is tried again, and at worst left "sending" for the next start to flag."""
    try:
        attachment = files.read(store, m.file_id) if m.file_id is not None else None
    except errors.DeskError as exc:  # the database busy or away: nothing left, it waits
        return _record(store, m.id, OutboxStatus.QUEUED, error=exc.code)
    if m.attachment and attachment is None:  # its file was gone before it was kept
        return _record(store, m.id, OutboxStatus.FAILED, error="file_missing")
    outgoing = Outgoing(m.address, m.text, attachment, m.voice,
                        subject=_reply_subject(m.subject))
    try:
        external = adapter.send(outgoing)
    except ChannelRefused as exc:
        return _record(store, m.id, OutboxStatus.FAILED, error=str(exc.params.get("reason", exc)))
    except DeliveryUnknown as exc:
        return _record(store, m.id, OutboxStatus.UNCERTAIN,
                       error=str(exc.params.get("reason", exc)))
    except ChannelDown as exc:
        retry_after = exc.params.get("retry_after")
        return _record(store, m.id, OutboxStatus.QUEUED, error=str(exc.params.get("reason", exc)),
                       pause=dt.timedelta(seconds=int(retry_after)) if retry_after else None)
    except Exception as exc:  # a bug in a channel: it may have gone, so a person decides
        log.exception("outbox: message %s", m.id)
        return _record(store, m.id, OutboxStatus.UNCERTAIN, error=f"error: {type(exc).__name__}")
    return _record(store, m.id, OutboxStatus.SENT, external=external)


def _record(store: Store, message_id: int, status: OutboxStatus, **kw) -> OutboxStatus:
    for attempt in range(RECORD_TRIES):
        try:
            _finish(store, message_id, status, **kw)
            return status
        except errors.DeskError as exc:  # the database busy: the outcome must not be lost
            log.warning("outbox: recording message %s: %s (try %s)", message_id, exc,
                        attempt + 1)
            time.sleep(0.2 * (attempt + 1))
    log.error("outbox: message %s stays 'sending'; the next start asks a person", message_id)
    return OutboxStatus.UNCERTAIN


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
            if m.kind not in ANSWERS:  # a mailing or a greeting retried never goes at night
                m.send_after = outside_quiet(m.send_after,
                                             studio.load_info(uow.session).tz)
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
    (not one being handed over right now). It stays in the conversation as cancelled. An answer
    that never went (waiting or refused) stops counting as a response: the client waits on."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is None or m.status not in (OutboxStatus.QUEUED, OutboxStatus.FAILED,
                                         OutboxStatus.UNCERTAIN):
            raise errors.NotFound(f"no message {message_id} to cancel")
        if m.status is not OutboxStatus.UNCERTAIN:  # not confirmed: it may well have arrived
            _unanswer(uow.session, m)
        m.status = OutboxStatus.CANCELLED
        uow.audit("outbox.cancel", entity_id=m.id)
        uow.commit()


def _unanswer(s: Session, m: InboxMessage) -> None:
    """The response counted when ``m`` was written goes: the client's wait is open again, or,
    if a later answer came, runs on to that one."""
    if m.direction is not MessageDirection.OUT or m.kind != "answer":
        return
    twins = s.scalar(select(func.count()).where(  # two answers in one moment: whose response?
        InboxMessage.conversation_id == m.conversation_id, InboxMessage.at == m.at,
        InboxMessage.direction == MessageDirection.OUT, InboxMessage.kind == "answer"))
    if twins > 1:
        return
    counted = s.scalar(select(Response).where(Response.conversation_id == m.conversation_id,
                                              Response.answered_at == m.at))
    if counted is None:
        return
    c = s.get(Conversation, m.conversation_id)
    later = s.scalar(select(Response).where(Response.conversation_id == c.id,
                                            Response.answered_at > counted.answered_at)
                     .order_by(Response.answered_at).limit(1))
    if later is None:
        c.waiting_since = min(c.waiting_since or counted.asked_at, counted.asked_at)
    else:
        later.asked_at = counted.asked_at
        later.wait_s = hours.load(s).working_seconds(later.asked_at, later.answered_at)
    if counted.first:
        c.first_response_s = None if later is None else later.wait_s
        if later is not None:
            later.first = True
    s.delete(counted)


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


def send_again(store: Store, actor: Actor, message_id: int,
               seen: OutboxStatus | None = None) -> None:
    """Put a refused, retrying or not confirmed message back to go now (the person decided:
    for one not confirmed, the client may get a second copy). ``seen``: the state the person
    decided on; if it changed meanwhile (taken, not confirmed since) nothing is done."""
    with store.write(actor) as uow:
        m = uow.session.get(InboxMessage, message_id)
        if m is not None and seen is not None and m.status is not seen:
            raise StateChanged("the message changed meanwhile: look at it again")
        if m is None or m.direction is not MessageDirection.OUT or m.status not in (
                OutboxStatus.QUEUED, OutboxStatus.FAILED, OutboxStatus.UNCERTAIN):
            raise errors.NotFound(f"no pending message {message_id}")
        m.status, m.send_after = OutboxStatus.QUEUED, uow.now
        uow.audit("outbox.again", entity_id=m.id, after=json.dumps({"attempts": m.attempts}))
        uow.commit()

