"""One inbox for every channel: conversations matched to families (or kept as leads), the
waiting clock in working time, answers that go through the outbox, snoozing and closing with
the FCR question ("resolved in this contact?")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desk.models.comms import ChannelConfig, Conversation, InboxMessage, Response
from desk.models.enums import InboxChannel, Mark, MessageDirection, OutboxStatus
from desk.models.family import Guardian
from desk.models.schedule import Direction as LessonDirection, Enrolment, Lesson, Teacher
from desk.models.studio import Staff
from desk.services.comms import outbox, templates
from desk.services.comms import greetings, leads
from desk.services.crm import contacts, families
from desk.services.money import amounts, wallet
from desk.services.staff import hours
from desk.services.staff import studio
from desk.services.store import errors, files, texts
from desk.services.comms.channels.base import Batch, Incoming
from desk.services.store.db import Actor, Store, UnitOfWork

PROMISE_S = 60  # no client waits longer than a minute
HOLDING_AT_S = 40  # the holding reply is offered from here
LATER = dt.timedelta(seconds=5)  # an answer due later than this is a response when it goes
SENT_BY_DESK = (InboxChannel.TELEGRAM, InboxChannel.EMAIL)  # the others are typed in by hand
PAGE = 200


@dataclasses.dataclass(frozen=True)
class ConversationRow:
    id: int
    channel: InboxChannel
    address: str
    name: str
    family_id: int | None
    family_title: str
    lead_id: int | None
    last_at: dt.datetime
    last_text: str
    waiting_since: dt.datetime | None
    wait_s: int  # working seconds the client has waited so far (0 when nobody waits)
    holding_sent: bool
    snoozed_until: dt.datetime | None
    closed_at: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class MessageRow:
    id: int
    direction: MessageDirection
    kind: str
    at: dt.datetime
    text: str
    attachment: str
    staff_name: str
    status: OutboxStatus | None
    send_after: dt.datetime | None
    last_error: str
    attempts: int


@dataclasses.dataclass(frozen=True)
class ReplyDraft:
    text: str
    attachment: Path | None = None
    voice: bool = False
    send_at: dt.datetime | None = None  # None: now (or 8:00 in quiet hours)
    ongoing: bool = False  # an ongoing conversation: quiet hours do not hold it
    urgent: bool = False


# receiving ------------------------------------------------------------------------------

def ingest(store: Store, channel: InboxChannel, batch: Batch) -> int:
    """Store what a channel delivered and where receiving stopped, in one transaction: a
    message is never stored twice, and never lost between the two."""
    with store.write(Actor(None, "")) as uow:
        s = uow.session
        known = set(s.scalars(select(InboxMessage.external_id).where(
            InboxMessage.channel == channel,
            InboxMessage.external_id.in_([m.external_id for m in batch.messages]))))
        added = 0
        work = hours.load(s)
        with s.no_autoflush:  # one flush per new conversation, the messages inserted together
            for message in batch.messages:
                if message.external_id in known:
                    continue
                known.add(message.external_id)
                _receive(uow, work, channel, message, message.external_id)
                added += 1
        config = s.get(ChannelConfig, channel)
        if config is None:
            config = ChannelConfig(channel=channel)
            s.add(config)
        config.cursor = f"{batch.source}|{batch.cursor}"  # whose cursor it is, see cursor()
        uow.commit()
    return added


def log_incoming(store: Store, actor: Actor, channel: InboxChannel, address: str, text: str,
                 *, name: str = "", family_id: int | None = None) -> int:
    """A message the staff type in from a channel the desk does not receive (VK, WhatsApp,
    Instagram, a note from the phone). Returns the conversation's id."""
    fields = {}
    if not text.strip():
        fields["text"] = "text_empty"
    if not address.strip() and family_id is None:
        fields["address"] = "contact_missing"
    if fields:
        raise errors.ValidationFailed(fields)
    address = address.strip()
    if channel in (InboxChannel.WHATSAPP, InboxChannel.PHONE):
        address = _phone(address) or address
    with store.write(actor) as uow:
        incoming = Incoming("", address, name.strip(), text.strip(), uow.now)
        conversation = _receive(uow, hours.load(uow.session), channel, incoming, None,
                                family_id=family_id)
        uow.audit("inbox.log", entity_id=conversation.id, family_id=conversation.family_id,
                  after=json.dumps({"channel": channel.value, "address": address},
                                   ensure_ascii=False))
        uow.commit()
        return conversation.id


def _receive(uow: UnitOfWork, work: hours.Hours, channel: InboxChannel, message: Incoming,
             external_id: str | None, family_id: int | None = None) -> Conversation:
    s = uow.session
    at = min(message.at, uow.now)
    opened = uow.session.info.setdefault("open_conversations", {})
    conversation = opened.get((channel, message.address)) or s.scalar(
        select(Conversation).where(
            Conversation.channel == channel, Conversation.address == message.address,
            Conversation.closed_at.is_(None)).order_by(Conversation.id.desc()).limit(1))
    if conversation is None:
        conversation = _open(uow, work, channel, message, at, family_id)
    opened[(channel, message.address)] = conversation
    conversation.last_at = max(conversation.last_at, at)
    if conversation.waiting_since is None:
        conversation.waiting_since = at
    conversation.snoozed_until = None
    if message.name and not conversation.name:
        conversation.name = message.name
    if message.subject:
        conversation.subject = message.subject
    s.add(InboxMessage(conversation_id=conversation.id, channel=channel, direction=MessageDirection.IN,
                       at=at, text=message.text, attachment=message.attachment,
                       external_id=external_id))
    if not work.is_open(uow.now) and not conversation.auto_replied:
        conversation.auto_replied = True
        body = templates.render_in(s, "after_hours", {
            "studio": studio.load_info(s).name, "hours": work.describe()})
        _queue(uow, conversation, body, kind="auto", send_after=uow.now)
    return conversation


def _open(uow: UnitOfWork, work: hours.Hours, channel: InboxChannel, message: Incoming,
          at: dt.datetime, family_id: int | None) -> Conversation:
    """A new conversation: the family of an earlier one from the same address, or the family
    whose phone, Telegram name or e-mail matches; otherwise a lead."""
    s = uow.session
    earlier = s.execute(select(Conversation.family_id, Conversation.lead_id).where(
        Conversation.channel == channel, Conversation.address == message.address)
        .order_by(Conversation.id.desc()).limit(1)).first()
    lead_id = None
    if family_id is None and earlier is not None:
        family_id, lead_id = earlier
    teacher = _teacher_writing(s, channel, message) if family_id is None else None
    if family_id is None and teacher is None:
        family_id = _match(s, channel, message)
    if family_id is None and lead_id is None and teacher is None:
        lead_id = _new_lead(uow, work, channel, message)
    if teacher is not None:  # shown by the name on their card
        message = dataclasses.replace(message, name=teacher.name)
    conversation = Conversation(channel=channel, address=message.address, name=message.name,
                                subject=message.subject, family_id=family_id, lead_id=lead_id,
                                opened_at=at, last_at=at)
    s.add(conversation)
    s.flush()
    return conversation


def _teacher_writing(s: Session, channel: InboxChannel, message: Incoming) -> Teacher | None:
    """A teacher writing to the bot: their chat already known, or their Telegram name on
    their card — the chat is then kept on the card, so the desk can write back."""
    if channel is not InboxChannel.TELEGRAM:
        return None
    found = s.scalar(select(Teacher).where(Teacher.telegram_chat == message.address).limit(1))
    if found is None and message.handle:
        found = s.scalar(select(Teacher).where(
            func.lower(Teacher.telegram) == message.handle.lower().lstrip("@")).limit(1))
        if found is not None:
            found.telegram_chat = message.address
    return found


def link_teacher(store: Store, actor: Actor, conversation_id: int, teacher_id: int) -> None:
    """The one writing in a Telegram conversation is this teacher: their chat goes on their
    card (the desk can write to them), and the application it opened, if any, is set aside."""
    with store.write(actor) as uow:
        s = uow.session
        c = _load(s, conversation_id)
        if c.channel is not InboxChannel.TELEGRAM:
            raise errors.ValidationFailed({"teacher": "teacher_not_telegram"})
        teacher = s.get(Teacher, teacher_id)
        if teacher is None:
            raise errors.ValidationFailed({"teacher": "teacher_missing"})
        teacher.telegram_chat = c.address
        if c.lead_id is not None:
            leads.set_aside_in(uow, c.lead_id, texts.LEAD_IS_TEACHER)
            c.lead_id = None
        uow.audit("inbox.teacher", entity_id=c.id,
                  after=json.dumps({"teacher": teacher.name}, ensure_ascii=False))
        uow.commit()


def write_to_teacher_in(uow: UnitOfWork, teacher_id: int, text: str) -> bool:
    """A message to the teacher through the bot's chat with them, outside quiet hours (False
    when they have not written to the bot yet: the desk cannot reach them there)."""
    s = uow.session
    teacher = s.get(Teacher, teacher_id)
    if teacher is None or not teacher.telegram_chat:
        return False
    c = Conversation(channel=InboxChannel.TELEGRAM, address=teacher.telegram_chat,
                     name=teacher.name, opened_at=uow.now, last_at=uow.now, closed_at=uow.now)
    s.add(c)
    s.flush()
    _queue(uow, c, text, kind="teacher",
           send_after=outbox.outside_quiet(uow.now, studio.load_info(s).tz))
    return True


def _match(s: Session, channel: InboxChannel, message: Incoming) -> int | None:
    checks = []
    phone = _sender_phone(channel, message)
    if phone:
        checks += [Guardian.phone == phone, Guardian.whatsapp == phone]
    if channel is InboxChannel.TELEGRAM and message.handle:
        checks.append(func.lower(Guardian.telegram) == message.handle.lower())
    if channel is InboxChannel.VK:
        checks.append(func.lower(Guardian.vk) == message.address.lower())
    if "@" in message.address:
        checks.append(Guardian.email == message.address.lower())
    if not checks:
        return None
    return s.scalar(select(Guardian.family_id).where(or_(*checks)).limit(1))


def _sender_phone(channel: InboxChannel, message: Incoming) -> str | None:
    """A phone the sender shared, or the address itself on a phone-numbered channel."""
    by_number = channel in (InboxChannel.WHATSAPP, InboxChannel.PHONE)
    return _phone(message.phone or (message.address if by_number else ""))


def _phone(raw: str) -> str | None:
    try:
        return contacts.normalize_phone(raw)
    except contacts.BadContact:
        return None


def _new_lead(uow: UnitOfWork, work: hours.Hours, channel: InboxChannel,
              message: Incoming) -> int:
    email = message.address.lower() if channel is InboxChannel.EMAIL else ""
    lead = leads.add_in(uow, {
        "name": message.name, "phone": _sender_phone(channel, message), "email": email,
        "child": "",
        "message": message.text[:2000], "source": channel.value}, due=work.callback_due(uow.now))
    return lead.id


# the queue ------------------------------------------------------------------------------

def queue(store: Store, *, offset: int = 0, limit: int = PAGE, closed: bool = False,
          snoozed: bool = False) -> list[ConversationRow]:
    """Open conversations, the longest-waiting first, then the latest; ``closed`` lists the
    closed ones (newest first) instead. Pages of ``limit`` rows."""
    now = store.now()
    with store.read() as s:
        stmt = select(Conversation)
        if closed:
            stmt = stmt.where(Conversation.closed_at.is_not(None)).order_by(
                Conversation.closed_at.desc(), Conversation.id.desc())
        else:
            stmt = stmt.where(Conversation.closed_at.is_(None))
            asleep = Conversation.snoozed_until > now
            stmt = stmt.where(asleep if snoozed else or_(
                Conversation.snoozed_until.is_(None), ~asleep))
            stmt = stmt.order_by(Conversation.waiting_since.is_(None),
                                 Conversation.waiting_since, Conversation.last_at.desc(),
                                 Conversation.id)
        found = list(s.scalars(stmt.offset(offset).limit(limit)))
        return _rows(s, found, now)


def conversation(store: Store, conversation_id: int) -> ConversationRow:
    with store.read() as s:
        return _rows(s, [_load(s, conversation_id)], store.now())[0]


def _rows(s: Session, found: list[Conversation], now: dt.datetime) -> list[ConversationRow]:
    if not found:
        return []
    ids = [c.id for c in found]
    last_ids = select(func.max(InboxMessage.id)).where(
        InboxMessage.conversation_id.in_(ids)).group_by(InboxMessage.conversation_id)
    last = dict(s.execute(select(InboxMessage.conversation_id, InboxMessage.text)
                          .where(InboxMessage.id.in_(last_ids))).all())
    titles = families.titles(s, sorted({c.family_id for c in found if c.family_id}))
    work = hours.load(s) if any(c.waiting_since for c in found) else None
    return [ConversationRow(
        c.id, c.channel, c.address, c.name, c.family_id, titles.get(c.family_id, ""), c.lead_id,
        c.last_at, last.get(c.id, ""), c.waiting_since,
        work.working_seconds(c.waiting_since, now) if work and c.waiting_since else 0,
        c.holding_sent, c.snoozed_until, c.closed_at) for c in found]


def longest_wait(store: Store) -> ConversationRow | None:
    """The conversation whose client has waited longest (working time), if anyone waits —
    snoozed or not: snoozing a waiting client does not silence the alert."""
    now = store.now()
    with store.read() as s:
        found = list(s.scalars(select(Conversation).where(
            Conversation.closed_at.is_(None), Conversation.waiting_since.is_not(None))
            .order_by(Conversation.waiting_since, Conversation.id).limit(20)))
        rows = _rows(s, found, now)
    return max(rows, key=lambda r: r.wait_s, default=None)


def messages(store: Store, conversation_id: int) -> list[MessageRow]:
    with store.read() as s:
        _load(s, conversation_id)
        staff = dict(s.execute(select(Staff.id, Staff.name)).all())
        found = s.scalars(select(InboxMessage).where(
            InboxMessage.conversation_id == conversation_id).order_by(InboxMessage.at,
                                                                      InboxMessage.id))
        return [MessageRow(m.id, m.direction, m.kind, m.at, m.text, m.attachment,
                           staff.get(m.staff_id, ""), m.status, m.send_after, m.last_error,
                           m.attempts) for m in found]


@dataclasses.dataclass(frozen=True)
class FamilyMessage:
    conversation_id: int
    channel: InboxChannel
    message: MessageRow

    @property
    def from_client(self) -> bool:
        return self.message.direction is MessageDirection.IN


def family_messages(store: Store, family_id: int, limit: int = 500) -> list[FamilyMessage]:
    """The family's messages in every channel, newest first (for its card)."""
    with store.read() as s:
        staff = dict(s.execute(select(Staff.id, Staff.name)).all())
        rows = s.execute(
            select(InboxMessage, Conversation.channel)
            .join(Conversation, Conversation.id == InboxMessage.conversation_id)
            .where(Conversation.family_id == family_id)
            .order_by(InboxMessage.at.desc(), InboxMessage.id.desc()).limit(limit)).all()
        return [FamilyMessage(m.conversation_id, channel, MessageRow(
            m.id, m.direction, m.kind, m.at, m.text, m.attachment, staff.get(m.staff_id, ""),
            m.status, m.send_after, m.last_error, m.attempts)) for m, channel in rows]


def _load(s: Session, conversation_id: int) -> Conversation:
    found = s.get(Conversation, conversation_id)
    if found is None:
        raise errors.NotFound(f"conversation {conversation_id} not found")
    return found


# answering ------------------------------------------------------------------------------

def reply(store: Store, actor: Actor, conversation_id: int, draft: ReplyDraft,
          kind: str = "answer") -> int:
    """Answer through the conversation's channel; the message goes out through the outbox — at
    once, at ``send_at``, or at 8:00 when composed in quiet hours and neither ongoing nor
    urgent. The client's wait ends (and is stored as a response time) when a real answer goes:
    now for one that goes now, when it is sent for one that waits for its time. The holding
    reply ends no wait: the client still waits for the answer."""
    if not draft.text.strip() and draft.attachment is None:
        raise errors.ValidationFailed({"text": "text_empty"})
    if draft.attachment is not None:
        files.check(draft.attachment)
    with store.write(actor) as uow:
        s = uow.session
        c = _load(s, conversation_id)
        if c.closed_at is not None:
            c.closed_at, c.resolved = None, None
        send_after = _goes(s, uow.now, draft)
        message = _queue(uow, c, draft.text.strip(), kind=kind, send_after=send_after,
                         attachment=draft.attachment, voice=draft.voice)
        if kind == "holding":
            c.holding_sent = True
        elif send_after <= uow.now + LATER or message.status is OutboxStatus.LOGGED:
            _answered(uow, c)
        uow.audit("inbox.reply", entity_id=c.id, family_id=c.family_id,
                  after=json.dumps({"kind": kind, "send_after": send_after.isoformat()}))
        uow.commit()
        return message.id


def _goes(s: Session, now: dt.datetime, draft: ReplyDraft) -> dt.datetime:
    base = max(draft.send_at, now) if draft.send_at else now
    if draft.ongoing or draft.urgent:
        return base
    return outbox.outside_quiet(base, studio.load_info(s).tz)


def when_it_goes(store: Store, draft: ReplyDraft) -> dt.datetime:
    """When an answer composed now would really go (quiet hours hold what is neither ongoing
    nor urgent): the preview before sending and ``reply`` agree by using this one rule."""
    with store.read() as s:
        return _goes(s, store.now(), draft)


def holding_reply(store: Store, actor: Actor, conversation_id: int) -> int:
    """The studio's "we've seen it, answering in a minute", sent at once."""
    body = templates.get(store, "holding")
    return reply(store, actor, conversation_id, ReplyDraft(body, ongoing=True), kind="holding")


def _queue(uow: UnitOfWork, c: Conversation, text: str, *, kind: str,
           send_after: dt.datetime, attachment: Path | None = None,
           voice: bool = False) -> InboxMessage:
    by_desk = c.channel in SENT_BY_DESK
    message = InboxMessage(
        conversation_id=c.id, channel=c.channel, direction=MessageDirection.OUT, kind=kind,
        at=uow.now, text=text, voice=voice,
        file_id=files.keep(uow, attachment).id if attachment else None,
        attachment=attachment.name[:500] if attachment else "",
        staff_id=uow.actor.staff_id, send_after=send_after,
        status=OutboxStatus.QUEUED if by_desk else OutboxStatus.LOGGED,
        sent_at=None if by_desk else uow.now)
    uow.session.add(message)
    c.last_at = max(c.last_at, uow.now)
    uow.session.flush()
    return message


def _answered(uow: UnitOfWork, c: Conversation, at: dt.datetime | None = None,
              staff_id: int | None = None) -> None:
    """The client's wait ends ``at`` (now): stored as a response in working time."""
    if c.waiting_since is None:
        return
    at = at or uow.now
    staff_id = staff_id if staff_id is not None else uow.actor.staff_id
    wait = hours.load(uow.session).working_seconds(c.waiting_since, at)
    first = c.first_response_s is None
    uow.session.add(Response(conversation_id=c.id, asked_at=c.waiting_since,
                             answered_at=at, wait_s=wait, first=first, staff_id=staff_id))
    if first:
        c.first_response_s = wait
    c.waiting_since = None
    c.holding_sent = False
    c.staff_id = staff_id


def settle_sent_answers(store: Store) -> int:
    """Answers that waited for their time ("send later", quiet hours) end the client's wait
    when they went: a response at the moment the channel confirmed them."""
    def answered():  # an answer written after the question and sent since (not one before)
        return (select(Conversation, InboxMessage.sent_at, InboxMessage.staff_id)
                .join(InboxMessage, InboxMessage.conversation_id == Conversation.id)
                .where(Conversation.waiting_since.is_not(None),
                       InboxMessage.direction == MessageDirection.OUT, InboxMessage.kind == "answer",
                       InboxMessage.status == OutboxStatus.SENT,
                       InboxMessage.at >= Conversation.waiting_since,
                       InboxMessage.sent_at >= Conversation.waiting_since)
                .order_by(InboxMessage.sent_at))

    with store.read() as s:  # the courier asks every round: a write only when there is work
        if s.execute(answered().limit(1)).first() is None:
            return 0
    with store.write(Actor(None, "")) as uow:
        s = uow.session
        rows = s.execute(answered()).all()
        settled = 0
        for c, sent_at, staff_id in rows:
            if c.waiting_since is not None and sent_at >= c.waiting_since:
                _answered(uow, c, sent_at, staff_id)
                settled += 1
        uow.commit()
        return settled


def snooze(store: Store, actor: Actor, conversation_id: int, until: dt.datetime) -> None:
    with store.write(actor) as uow:
        if until <= uow.now:
            raise errors.ValidationFailed({"until": "time_past"})
        c = _load(uow.session, conversation_id)
        c.snoozed_until = until
        uow.audit("inbox.snooze", entity_id=c.id, family_id=c.family_id,
                  after=json.dumps({"until": until.isoformat()}))
        uow.commit()


def close(store: Store, actor: Actor, conversation_id: int, resolved: bool | None,
          reason: str = "") -> None:
    """Close with the answer to "resolved in this contact?" (it feeds FCR). A client still
    waiting got no answer: closing then needs the reason (spam, answered by phone …), is no
    response and is not counted in FCR."""
    with store.write(actor) as uow:
        c = _load(uow.session, conversation_id)
        answer_on_its_way = c.waiting_since is not None and uow.session.scalar(
            select(InboxMessage.id).where(
                InboxMessage.conversation_id == c.id, InboxMessage.kind == "answer",
                InboxMessage.status.in_([OutboxStatus.QUEUED, OutboxStatus.SENDING]),
                InboxMessage.at >= c.waiting_since).limit(1)) is not None
        if c.waiting_since is not None and not answer_on_its_way:  # "send later" counts then
            if not reason.strip():
                raise errors.ValidationFailed({"reason": "reason_missing"})
            resolved, c.waiting_since, c.holding_sent = None, None, False
        c.closed_at, c.resolved, c.snoozed_until = uow.now, resolved, None
        uow.audit("inbox.close", entity_id=c.id, family_id=c.family_id,
                  after=json.dumps({"resolved": resolved, "reason": reason.strip()},
                                   ensure_ascii=False))
        uow.commit()


def link_family(store: Store, actor: Actor, conversation_id: int, family_id: int) -> None:
    """Attach the conversation (and its lead, if it started as one) to an existing family."""
    with store.write(actor) as uow:
        _load(uow.session, conversation_id)
        families.load(uow.session, family_id)
        link_family_in(uow, conversation_id, family_id)
        uow.commit()


def new_family(store: Store, actor: Actor, conversation_id: int, draft: families.FamilyDraft,
               *, cancel_lessons: bool = False) -> int:
    """Create a family from the conversation and attach the conversation (and its lead) to it
    in one transaction: when either fails, nothing is saved. Raises what ``families.save``
    raises, and NotFound when the conversation is gone. Returns the family's id."""
    with store.write(actor) as uow:
        _load(uow.session, conversation_id)  # gone: fails before the family is checked
        family_id = families.save_in(uow, draft, cancel_lessons=cancel_lessons)
        link_family_in(uow, conversation_id, family_id)
        uow.commit()
        return family_id


def link_family_in(uow: UnitOfWork, conversation_id: int, family_id: int) -> None:
    """The conversation, and its lead if it started as one, now belong to the family (in
    ``uow``)."""
    c = _load(uow.session, conversation_id)
    c.family_id = family_id
    if c.lead_id is not None:
        leads.link_in(uow, c.lead_id, family_id)
    uow.audit("inbox.link", entity_id=c.id, family_id=family_id)


# how the promise is kept ----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Figures:
    label: str  # the day (ISO) or the person's name
    responses: int
    within_promise: int  # answered within a minute of working time
    response_avg_s: int
    first_response_avg_s: int
    closed: int
    resolved: int  # closed with "resolved in this contact"

    @property
    def promise_share(self) -> float | None:
        return self.within_promise / self.responses if self.responses else None

    @property
    def fcr(self) -> float | None:
        return self.resolved / self.closed if self.closed else None


@dataclasses.dataclass(frozen=True)
class InboxReport:
    days: tuple[Figures, ...]
    people: tuple[Figures, ...]
    total: Figures


def stats(store: Store, first: dt.date, last: dt.date) -> InboxReport:
    """Response times, the share answered within the minute, and FCR, per studio day and per
    person, for the days from ``first`` to ``last``."""
    with store.read() as s:
        tz = studio.load_info(s).tz
        start, _ = studio.local_day_bounds(first, tz)
        _, end = studio.local_day_bounds(last, tz)
        names = dict(s.execute(select(Staff.id, Staff.name)).all())
        answers = s.execute(select(Response.answered_at, Response.wait_s, Response.first,
                                   Response.staff_id)
                            .where(Response.answered_at >= start, Response.answered_at < end)
                            ).all()
        closes = s.execute(select(Conversation.closed_at, Conversation.resolved,
                                  Conversation.staff_id)
                           .where(Conversation.closed_at >= start, Conversation.closed_at < end,
                                  Conversation.resolved.is_not(None))  # closed unanswered: no
                           ).all()
    days: dict[str, list] = {}
    people: dict[str, list] = {}

    def bucket(groups: dict[str, list], key: str) -> list:
        return groups.setdefault(key, [[], [], 0, 0])

    for at, wait, is_first, staff_id in answers:
        for groups, key in ((days, at.astimezone(tz).date().isoformat()),
                            (people, names.get(staff_id, ""))):
            b = bucket(groups, key)
            b[0].append(wait)
            if is_first:
                b[1].append(wait)
    for at, resolved, staff_id in closes:
        for groups, key in ((days, at.astimezone(tz).date().isoformat()),
                            (people, names.get(staff_id, ""))):
            b = bucket(groups, key)
            b[2] += 1
            b[3] += bool(resolved)

    def figures(label: str, b: list) -> Figures:
        waits, firsts, closed, resolved = b
        return Figures(label, len(waits), sum(w <= PROMISE_S for w in waits),
                       round(sum(waits) / len(waits)) if waits else 0,
                       round(sum(firsts) / len(firsts)) if firsts else 0, closed, resolved)

    everything = [[w for b in days.values() for w in b[0]], [w for b in days.values()
                                                            for w in b[1]],
                  sum(b[2] for b in days.values()), sum(b[3] for b in days.values())]
    return InboxReport(tuple(figures(k, days[k]) for k in sorted(days)),
                       tuple(figures(k, people[k]) for k in sorted(people)),
                       figures("", everything))


# templates for answers ------------------------------------------------------------------

# what the studio's answer templates may use, with made-up values to check a template at save
REPLY_SAMPLE = {"parent": "Вера", "child": "Саша", "studio": "Студия", "direction": "Керамика",
                "date": "12.03 в 17:00", "teacher": "Ирина", "balance": "1 200 ₽",
                "hours": "пн–пт 10:00–20:00"}


def replies(*, after_hours: bool = False) -> list[tuple[str, str]]:
    """(key, name) of the templates the inbox answers with, the holding reply first (then,
    with ``after_hours``, the after-hours text, for editing them): the studio writes its own."""
    keys = ["holding"] + (["after_hours"] if after_hours else []) + sorted(
        k for k in texts.DEFAULT_TEMPLATES if k.startswith("reply."))
    return [(k, texts.DEFAULT_TEMPLATES[k][0]) for k in keys]


def template_values(store: Store, conversation_id: int) -> dict[str, str]:
    """What the desk knows for the placeholders of a conversation: the parent's and the
    children's first names, the family's next lesson (direction, teacher, date) and its
    balance. Placeholders it cannot fill are asked of the person answering."""
    with store.read() as s:
        c = _load(s, conversation_id)
        info = studio.load_info(s)
        values = {"studio": info.name}
        if c.family_id is None:
            if c.name:
                values["parent"] = c.name.split()[0]
            return values
        values.update(greetings.family_names(s, c.family_id))
        upcoming = s.execute(
            select(Lesson.starts_at, LessonDirection.name, Teacher.name)
            .join(Enrolment, Enrolment.lesson_id == Lesson.id)
            .join(LessonDirection, LessonDirection.id == Lesson.direction_id)
            .outerjoin(Teacher, Teacher.id == Lesson.teacher_id)
            .where(Enrolment.family_id == c.family_id, Enrolment.mark != Mark.CANCELLED,
                   Lesson.cancelled_at.is_(None), Lesson.starts_at > store.now())
            .order_by(Lesson.starts_at).limit(1)).first()
        if upcoming is not None:
            starts, direction, teacher = upcoming
            values["date"] = starts.astimezone(info.tz).strftime("%d.%m в %H:%M")
            values["direction"] = direction
            if teacher:
                values["teacher"] = teacher
        values["balance"] = amounts.format_rub(wallet.balance_in(s, c.family_id))
        return values


def fill(body: str, values: dict[str, str]) -> tuple[str, list[str]]:
    """The template filled in with ``values`` and the placeholders still missing (the text
    is only final when that list is empty)."""
    missing = [p for p in templates.placeholders(body) if p not in values]
    if missing:
        return body, missing
    return templates.render(body, values), []

