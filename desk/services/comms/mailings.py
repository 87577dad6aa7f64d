"""Mailings: an audience by filters (saved as segments), one message per family from a
template (siblings merged), a dry run saying who gets it and who is skipped and why, and
sending through the outbox a few at a time, respecting quiet hours, consent and the family's
contact budget; pause and resume.

The contact budget is one limit per family across every non-transactional message —
mailings, reminders, survey invitations, greetings — e.g. at most 2 in 7 days. Answers in a
conversation and notices such as a cancelled lesson do not count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk.models.comms import (
    ChannelConfig, Conversation, InboxMessage, Mailing, MailingRecipient, Segment,
)
from desk.models.enums import (
    Channel, InboxChannel, MailingStatus, Mark, MessageDirection, OutboxStatus, RecipientStatus,
)
from desk.models.family import Child, Family, Guardian
from desk.models.files import StoredFile
from desk.models.schedule import Enrolment, Lesson
from desk.models.studio import Studio
from desk.services.comms import outbox, templates
from desk.services.comms import greetings
from desk.services.crm import families
from desk.services.schedule import attendance
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store, UnitOfWork

BUDGETED = ("mailing", "reminder", "survey", "greeting")  # message kinds the budget counts
STEP = 25  # recipients handed to the outbox per tick
SAMPLE = {"parent": "Вера", "child": "Саша и Маша", "studio": "Студия"}


@dataclasses.dataclass(frozen=True)
class Filters:
    direction_id: int | None = None  # a child enrolled in this direction
    stage: str | None = None  # attendance.STAGES name
    visited_within_days: int | None = None  # came at least once in the last N days
    not_seen_days: int | None = None  # not seen for N days or more (and nothing booked)
    age_from: int | None = None
    age_to: int | None = None

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Filters:
        return cls(**{k: v for k, v in json.loads(text or "{}").items()
                      if k in {f.name for f in dataclasses.fields(cls)}})


@dataclasses.dataclass(frozen=True)
class Recipient:
    family_id: int
    title: str
    channel: InboxChannel | None
    address: str
    text: str
    skip: str  # "" when the family gets the message; else no_consent, over_budget, no_channel,
    # channel_off (its only channel is not set up under Settings → Channels)


@dataclasses.dataclass(frozen=True)
class Preview:
    recipients: tuple[Recipient, ...]

    @property
    def sending(self) -> list[Recipient]:
        return [r for r in self.recipients if not r.skip]

    def skipped(self, reason: str) -> int:
        return sum(r.skip == reason for r in self.recipients)


@dataclasses.dataclass(frozen=True)
class MailingRow:
    id: int
    name: str
    status: MailingStatus
    created_at: dt.datetime
    total: int
    pending: int
    queued: int
    sent: int
    failed: int
    skipped: int


@dataclasses.dataclass(frozen=True)
class RecipientRow:
    family_id: int
    title: str
    status: RecipientStatus
    reason: str
    delivered: OutboxStatus | None
    error: str


# the budget -----------------------------------------------------------------------------

def budget(store: Store) -> tuple[int, int]:
    """(messages, days)."""
    with store.read() as s:
        row = s.scalar(select(Studio).limit(1))
        return row.budget_messages, row.budget_days


def set_budget(store: Store, actor: Actor, messages: int, days: int) -> None:
    if not 1 <= messages <= 50:
        raise errors.ValidationFailed({"budget_messages": "budget_invalid"})
    if not 1 <= days <= 90:
        raise errors.ValidationFailed({"budget_days": "budget_invalid"})
    with store.write(actor) as uow:
        row = uow.session.scalar(select(Studio).limit(1))
        before = [row.budget_messages, row.budget_days]
        row.budget_messages, row.budget_days = messages, days
        uow.audit("studio.budget", before=json.dumps(before), after=json.dumps([messages, days]))
        uow.commit()


def used_budget(s: Session, family_ids: list[int] | None, now: dt.datetime,
                days: int) -> dict[int, int]:
    """Non-transactional messages per family in the last ``days`` (queued ones count too)."""
    stmt = (select(Conversation.family_id, func.count())
            .join(InboxMessage, InboxMessage.conversation_id == Conversation.id)
            .where(InboxMessage.direction == MessageDirection.OUT,
                   InboxMessage.kind.in_(BUDGETED),
                   InboxMessage.at >= now - dt.timedelta(days=days),
                   Conversation.family_id.is_not(None))
            .group_by(Conversation.family_id))
    if family_ids is not None and len(family_ids) < 500:
        stmt = stmt.where(Conversation.family_id.in_(family_ids))
    return dict(s.execute(stmt).all())


# the audience ---------------------------------------------------------------------------

def audience(s: Session, f: Filters, now: dt.datetime, today: dt.date) -> dict[int, list[str]]:
    """family id → the first names of its children who match (siblings together)."""
    stmt = (select(Child.id, Child.family_id, Child.name, Child.birth_date)
            .join(Family, Family.id == Child.family_id)
            .where(Family.erased.is_(False), Child.archived_at.is_(None))
            .order_by(Child.family_id, Child.position))
    if f.direction_id is not None:
        stmt = stmt.where(Child.id.in_(
            select(Enrolment.child_id).join(Lesson, Lesson.id == Enrolment.lesson_id)
            .where(Lesson.direction_id == f.direction_id, Enrolment.mark != Mark.CANCELLED)))
    if f.visited_within_days is not None:
        stmt = stmt.where(Child.id.in_(
            select(Enrolment.child_id).join(Lesson, Lesson.id == Enrolment.lesson_id)
            .where(Enrolment.mark == Mark.ATTENDED,
                   Lesson.starts_at >= now - dt.timedelta(days=f.visited_within_days))))
    if f.not_seen_days is not None:
        recent = (select(Enrolment.family_id).join(Lesson, Lesson.id == Enrolment.lesson_id)
                  .where(Enrolment.mark != Mark.CANCELLED, Lesson.cancelled_at.is_(None),
                         Lesson.starts_at >= now - dt.timedelta(days=f.not_seen_days)))
        ever = select(Enrolment.family_id).where(Enrolment.mark == Mark.ATTENDED)
        stmt = stmt.where(Child.family_id.in_(ever), Child.family_id.not_in(recent))
    if f.stage is not None:
        low, high = next((lo, hi) for lo, hi, n in attendance.STAGES if n == f.stage)
        counts = (select(Enrolment.child_id, func.count().label("n"))
                  .where(Enrolment.mark == Mark.ATTENDED).group_by(Enrolment.child_id)
                  .subquery())
        in_stage = select(counts.c.child_id).where(counts.c.n >= low)
        if high is not None:
            in_stage = in_stage.where(counts.c.n <= high)
        stmt = stmt.where(Child.id.in_(in_stage))
    found: dict[int, list[str]] = {}
    for _cid, fid, name, birth in s.execute(stmt):
        if f.age_from is not None or f.age_to is not None:
            if birth is None:
                continue
            age = families.child_age(birth, today)
            if (f.age_from is not None and age < f.age_from) or (
                    f.age_to is not None and age > f.age_to):
                continue
        found.setdefault(fid, []).append(greetings.first_name(name))
    return found


def addresses(s: Session, ids: list[int]) -> dict[int, tuple[InboxChannel, str]]:
    """Where the desk can write to each family: its preferred channel when the desk sends
    through it (Telegram needs a chat the family wrote from), else e-mail, else Telegram."""
    telegram: dict[int, str] = {}
    for fid, address in s.execute(
            select(Conversation.family_id, Conversation.address)
            .where(Conversation.channel == InboxChannel.TELEGRAM,
                   Conversation.family_id.is_not(None)).order_by(Conversation.id)):
        telegram[fid] = address
    email: dict[int, str] = {}
    for fid, address in s.execute(select(Guardian.family_id, Guardian.email)
                                  .where(Guardian.email != "").order_by(Guardian.position)):
        email.setdefault(fid, address)
    preferred = dict(s.execute(select(Family.id, Family.preferred_channel)).all())
    found = {}
    for fid in ids:
        options = []
        if preferred.get(fid) is Channel.TELEGRAM:
            options = [(InboxChannel.TELEGRAM, telegram.get(fid)), (InboxChannel.EMAIL,
                                                                    email.get(fid))]
        else:
            options = [(InboxChannel.EMAIL, email.get(fid)), (InboxChannel.TELEGRAM,
                                                              telegram.get(fid))]
        for channel, address in options:
            if address:
                found[fid] = (channel, address)
                break
    return found


def switched_on(s: Session) -> set[InboxChannel]:
    """The channels the courier sends through (what goes to another would wait forever)."""
    return set(s.scalars(select(ChannelConfig.channel).where(ChannelConfig.enabled.is_(True))))


def preview(store: Store, f: Filters, body: str) -> Preview:
    """The dry run: every family the filters find, the text it would get, or why it is
    skipped."""
    if not body.strip():
        raise errors.ValidationFailed({"body": "text_empty"})
    templates.validate(body, SAMPLE)  # once, before it is filled in for every family
    now = store.now()
    with store.read() as s:
        info = studio.load_info(s)
        today = now.astimezone(info.tz).date()
        found = audience(s, f, now, today)
        return Preview(tuple(_recipients(s, found, body, now, info.name)))


def _recipients(s: Session, found: dict[int, list[str]], body: str, now: dt.datetime,
                studio_name: str) -> list[Recipient]:
    ids = sorted(found)
    parents: dict[int, str] = {}
    for fid, name in s.execute(select(Guardian.family_id, Guardian.name)
                               .order_by(Guardian.position)):
        parents.setdefault(fid, name)
    check = checks(s, ids, now)
    result = []
    for fid in ids:
        children = found[fid]
        text = templates.render(body, {
            "parent": greetings.first_name(parents[fid]) if fid in parents else "",
            "child": greetings.join_names(children) if children else "",
            "studio": studio_name})
        skip, channel, address = check(fid)
        result.append(Recipient(fid, parents.get(fid) or ", ".join(children), channel,
                                address, text, skip))
    return result


def checks(s: Session, ids: list[int], now: dt.datetime, marketing: bool = True):
    """A function telling for a family: (why it is skipped or "", channel, address).
    ``marketing``: the consent to mailings is needed, else the consent to messages."""
    limits = s.scalar(select(Studio).limit(1))
    used = used_budget(s, ids, now, limits.budget_days)
    column = Family.consent_marketing if marketing else Family.consent_messages
    consent = dict(s.execute(select(Family.id, column).where(Family.id.in_(ids))).all()
                   if len(ids) < 500 else s.execute(select(Family.id, column)).all())
    where = addresses(s, ids)
    on = switched_on(s)

    def check(fid: int) -> tuple[str, InboxChannel | None, str]:
        channel, address = where.get(fid, (None, ""))
        if not consent.get(fid):
            return "no_consent", channel, address
        if used.get(fid, 0) >= limits.budget_messages:
            return "over_budget", channel, address
        if channel is None:
            return "no_channel", channel, address
        if channel not in on:  # nothing would ever send it
            return "channel_off", channel, address
        return "", channel, address

    return check


# segments -------------------------------------------------------------------------------

def segments(store: Store) -> list[tuple[int, str, Filters]]:
    with store.read() as s:
        return [(g.id, g.name, Filters.from_json(g.filters))
                for g in s.scalars(select(Segment).order_by(Segment.name))]


def save_segment(store: Store, actor: Actor, name: str, f: Filters) -> int:
    name = " ".join(name.split())
    if not name:
        raise errors.ValidationFailed({"segment": "name_empty"})
    with store.write(actor) as uow:
        row = uow.session.scalar(select(Segment).where(Segment.name == name))
        if row is None:
            row = Segment(name=name)
            uow.session.add(row)
        row.filters = f.to_json()
        uow.session.flush()
        uow.audit("segment.save", entity_id=row.id, after=json.dumps(
            {"name": name, "filters": dataclasses.asdict(f)}, ensure_ascii=False))
        uow.commit()
        return row.id


# sending --------------------------------------------------------------------------------

def start(store: Store, actor: Actor, name: str, f: Filters, body: str) -> int:
    """Record the mailing and its recipients as the dry run shows them now; the courier
    hands them to the outbox a few at a time (see ``step``)."""
    if not " ".join(name.split()):
        raise errors.ValidationFailed({"name": "name_empty"})
    shown = preview(store, f, body)
    with store.write(actor) as uow:
        mailing = Mailing(name=" ".join(name.split()), filters=f.to_json(), body=body,
                          created_at=uow.now, staff_id=actor.staff_id)
        uow.session.add(mailing)
        uow.session.flush()
        uow.session.add_all(MailingRecipient(
            mailing_id=mailing.id, family_id=r.family_id, text=r.text,
            status=RecipientStatus.SKIPPED if r.skip else RecipientStatus.PENDING,
            reason=r.skip) for r in shown.recipients)
        uow.audit("mailing.start", entity_id=mailing.id, after=json.dumps(
            {"name": mailing.name, "recipients": len(shown.sending),
             "skipped": len(shown.recipients) - len(shown.sending)}, ensure_ascii=False))
        uow.commit()
        return mailing.id


def set_paused(store: Store, actor: Actor, mailing_id: int, paused: bool) -> None:
    with store.write(actor) as uow:
        m = uow.session.get(Mailing, mailing_id)
        if m is None:
            raise errors.NotFound(f"mailing {mailing_id} not found")
        if paused:  # what is in the outbox but has not gone yet waits too
            for r in uow.session.scalars(select(MailingRecipient).where(
                    MailingRecipient.mailing_id == mailing_id,
                    MailingRecipient.status == RecipientStatus.QUEUED)):
                message = uow.session.get(InboxMessage, r.message_id) if r.message_id else None
                if message is not None and message.status is OutboxStatus.QUEUED:
                    uow.session.delete(message)
                    r.status, r.message_id = RecipientStatus.PENDING, None
            uow.session.flush()
            waiting = uow.session.scalar(select(func.count()).where(
                MailingRecipient.mailing_id == mailing_id,
                MailingRecipient.status == RecipientStatus.PENDING))
            if waiting:
                m.status = MailingStatus.PAUSED
        elif m.status is MailingStatus.PAUSED:
            m.status = MailingStatus.SENDING
        uow.audit("mailing.pause" if paused else "mailing.resume", entity_id=mailing_id)
        uow.commit()


def step(store: Store, limit: int = STEP) -> int:
    """Hand the next pending recipients of running mailings to the outbox — outside quiet
    hours only, and checking the budget again (other messages may have gone meanwhile).
    Returns how many were queued."""
    now = store.now()
    with store.write(Actor(None, "")) as uow:
        s = uow.session
        info = studio.load_info(s)
        if outbox.outside_quiet(now, info.tz) != now:
            return 0
        pending = list(s.execute(
            select(MailingRecipient, Mailing)
            .join(Mailing, Mailing.id == MailingRecipient.mailing_id)
            .where(Mailing.status == MailingStatus.SENDING,
                   MailingRecipient.status == RecipientStatus.PENDING)
            .order_by(MailingRecipient.id).limit(limit)).all())
        queued = 0
        check = checks(s, [r.family_id for r, _m in pending], now)
        this_round: set[int] = set()
        for recipient, _mailing in pending:
            if recipient.family_id in this_round:
                continue  # another mailing's message to it went just now: check next round
            this_round.add(recipient.family_id)
            skip, channel, address = check(recipient.family_id)
            if skip:
                recipient.status, recipient.reason = RecipientStatus.SKIPPED, skip
                continue
            message = queue(uow, recipient.family_id, "", channel, address, recipient.text,
                            "mailing")
            recipient.status, recipient.message_id = RecipientStatus.QUEUED, message.id
            queued += 1
        s.flush()
        _finish_done(s)
        uow.commit()
        return queued


def queue(uow: UnitOfWork, family_id: int, title: str, channel: InboxChannel, address: str,
          text: str, kind: str, *, send_after: dt.datetime | None = None,
          files: list[tuple[StoredFile, bool]] = ()) -> InboxMessage:
    """The desk's own message to a family, into a closed conversation of the family's: it
    waits for no answer (a reply from the client opens a new conversation as usual) and
    stops no client's clock. Each of ``files`` (a kept file, whether it goes as a voice note)
    follows as a message of its own; the text's message is returned."""
    c = Conversation(channel=channel, address=address, name=title, family_id=family_id,
                     opened_at=uow.now, last_at=uow.now, closed_at=uow.now)
    uow.session.add(c)
    uow.session.flush()
    first = None
    for body, stored, voice in [(text, None, False)] + [("", f, v) for f, v in files]:
        if stored is None and not body:
            continue
        message = InboxMessage(conversation_id=c.id, channel=channel,
                               direction=MessageDirection.OUT, kind=kind, at=uow.now, text=body,
                               status=OutboxStatus.QUEUED, send_after=send_after or uow.now,
                               staff_id=uow.actor.staff_id, voice=voice,
                               file_id=stored.id if stored else None,
                               attachment=stored.name if stored else "")
        uow.session.add(message)
        uow.session.flush()
        first = first or message
    return first


GREET_FROM = dt.time(10, 0)  # a decent hour for a greeting


def send_greeting(store: Store, actor: Actor, family_id: int, birthday: dt.date,
                  text: str, whom: str = "") -> InboxChannel:
    """Send a birthday greeting through the family's channel, not before 10:00 studio time,
    and mark it done. It counts toward the contact budget; without the consent to messages,
    a channel or budget left it is refused and the reason named."""
    if not text.strip():
        raise errors.ValidationFailed({"text": "text_empty"})
    with store.write(actor) as uow:
        s = uow.session
        skip, channel, address = checks(s, [family_id], uow.now, marketing=False)(family_id)
        if skip:
            raise errors.ValidationFailed({"channel": skip})
        tz = studio.load_info(s).tz
        when = outbox.outside_quiet(uow.now, tz)
        local = when.astimezone(tz)
        if local.time() < GREET_FROM:
            when = dt.datetime.combine(local.date(), GREET_FROM, tz).astimezone(dt.timezone.utc)
        if greetings.mark_done_in(uow, family_id, birthday, text.strip(), whom):
            queue(uow, family_id, "", channel, address, text.strip(), "greeting",
                  send_after=when)
        uow.commit()
        return channel


def _finish_done(s: Session) -> None:
    left = select(MailingRecipient.mailing_id).where(
        MailingRecipient.status == RecipientStatus.PENDING)
    s.execute(update(Mailing).where(Mailing.status == MailingStatus.SENDING,
                                    Mailing.id.not_in(left)).values(status=MailingStatus.DONE))


def listing(store: Store) -> list[MailingRow]:
    with store.read() as s:
        counts: dict[int, dict] = {}
        for mid, status, delivered, n in s.execute(
                select(MailingRecipient.mailing_id, MailingRecipient.status, InboxMessage.status,
                       func.count())
                .outerjoin(InboxMessage, InboxMessage.id == MailingRecipient.message_id)
                .group_by(MailingRecipient.mailing_id, MailingRecipient.status,
                          InboxMessage.status)):
            c = counts.setdefault(mid, {"pending": 0, "queued": 0, "sent": 0, "failed": 0,
                                        "skipped": 0})
            if status is RecipientStatus.QUEUED:
                key = {OutboxStatus.SENT: "sent", OutboxStatus.FAILED: "failed",
                       OutboxStatus.CANCELLED: "failed", OutboxStatus.UNCERTAIN: "failed",
                       }.get(delivered, "queued")  # not confirmed or cancelled: not "on its way"
            else:
                key = status.value
            c[key] += n
        rows = []
        for m in s.scalars(select(Mailing).order_by(Mailing.id.desc())):
            c = counts.get(m.id, {"pending": 0, "queued": 0, "sent": 0, "failed": 0,
                                  "skipped": 0})
            rows.append(MailingRow(m.id, m.name, m.status, m.created_at, sum(c.values()),
                                   c["pending"], c["queued"], c["sent"], c["failed"],
                                   c["skipped"]))
        return rows


def recipients(store: Store, mailing_id: int) -> list[RecipientRow]:
    with store.read() as s:
        rows = s.execute(
            select(MailingRecipient.family_id, MailingRecipient.status, MailingRecipient.reason,
                   InboxMessage.status, InboxMessage.last_error)
            .outerjoin(InboxMessage, InboxMessage.id == MailingRecipient.message_id)
            .where(MailingRecipient.mailing_id == mailing_id)
            .order_by(MailingRecipient.id)).all()
        titles = families.titles(s, [r[0] for r in rows])
        return [RecipientRow(fid, titles.get(fid, ""), status, reason, delivered, error or "")
                for fid, status, reason, delivered, error in rows]
