"""Feedback requests: the teacher's words on a child, followed from the lesson to the parent.

A first-timer's booking opens a request (``open_first``). Once the lesson has ended it is due:
the System person records what the teacher wrote or dictated (text, a voice note or both),
optionally hands it to the copywriter and pastes the edited words back, then the message is
composed from the studio's template and goes to the parent through the outbox — text first,
the voice note after it. A family whose channel the desk cannot send through (WhatsApp, VK, a
phone call) gets the text copied and marked sent. The feedback is the desk's own initiative:
it stops no client's waiting clock and does not count toward the contact budget."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desk.models.enums import (
    Channel, FeedbackKind, FeedbackStatus, InboxChannel, Mark, TimelineKind,
)
from desk.models.family import Child, Family
from desk.models.feedback import FeedbackRequest
from desk.models.files import StoredFile
from desk.models.schedule import Direction, Enrolment, Lesson, Teacher
from desk.models.studio import Studio
from desk.services.comms import greetings, mailings, outbox, templates
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors, files, texts
from desk.services.store.db import Actor, Store, UnitOfWork

TEMPLATE = "feedback.first"
AUDIO_TYPES = (".ogg", ".oga", ".opus", ".mp3", ".m4a")
VOICE_TYPES = (".ogg", ".oga", ".opus")  # Telegram plays these as a voice note
MAX_AUDIO = 20 * 1024 * 1024
HOURS = (1, 720)  # the studio's choice of when feedback is due, after the lesson ends
DAYS = (1, 60)  # … and the second feedback, after the stage is crossed
SAMPLE = {"parent": "Вера", "child": "Саша", "direction": "Керамика",
          "teacher": "Анна Сергеевна", "words": "Саша сразу нашёл общий язык с группой.",
          "studio": "Студия"}
SENDS = (Channel.TELEGRAM, Channel.EMAIL)  # the preferred channels the desk sends through


@dataclasses.dataclass(frozen=True)
class RequestRow:
    id: int
    kind: FeedbackKind
    status: FeedbackStatus
    family_id: int
    child_id: int
    child: str
    direction: str
    teacher: str  # the lesson's teacher; a second feedback's head teacher
    lesson_at: dt.datetime | None  # when the lesson started
    due_at: dt.datetime | None  # the lesson's end + the studio's hours; a case's own date
    ended: bool  # the lesson is over: the teacher can have something to say
    late: bool
    words: str
    edited: str
    audio_file_id: int | None
    audio_name: str
    sent_text: str
    sent_at: dt.datetime | None
    stage: int | None = None  # a second feedback's: the lessons attended at the crossing
    handed_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    recorded_at: dt.datetime | None = None

    @property
    def final_words(self) -> str:
        """What goes to the parent: the copywriter's version when there is one."""
        return self.edited.strip() or self.words.strip()


@dataclasses.dataclass(frozen=True)
class Composed:
    """The message to the parent, before sending."""

    request_id: int
    text: str
    channel: InboxChannel | None  # None: the text is copied and sent by hand
    address: str
    preferred: Channel
    audio_name: str
    voice: bool  # the audio goes as a voice note (else as an attachment)
    refused: str  # "" or why it cannot go at all (no_consent)


# opening ---------------------------------------------------------------------------------

def open_first(uow: UnitOfWork, enrolment_id: int) -> None:
    """A first-timer's booking: their request, once per enrolment (a rebooking after a
    cancel takes the same enrolment row, and its request stays)."""
    s = uow.session
    origin = f"first:{enrolment_id}"
    if s.scalar(select(FeedbackRequest.id).where(FeedbackRequest.origin == origin)):
        return
    e = s.get(Enrolment, enrolment_id)
    s.add(FeedbackRequest(kind=FeedbackKind.FIRST, status=FeedbackStatus.WAITING,
                          family_id=e.family_id, child_id=e.child_id, enrolment_id=e.id,
                          origin=origin, created_at=uow.now))
    s.flush()


# reading ---------------------------------------------------------------------------------

def rows_where(s: Session, where, now: dt.datetime) -> list[RequestRow]:
    """The requests ``where`` selects, the oldest lesson (or case) first."""
    hours = s.scalar(select(Studio.feedback_hours).limit(1)) or 24
    head = aliased(Teacher)
    found = s.execute(
        select(FeedbackRequest, Child.name, Direction.name, Teacher.name, head.name,
               Lesson.starts_at, Lesson.ends_at, StoredFile.name)
        .join(Child, Child.id == FeedbackRequest.child_id)
        .outerjoin(Enrolment, Enrolment.id == FeedbackRequest.enrolment_id)
        .outerjoin(Lesson, Lesson.id == Enrolment.lesson_id)
        .outerjoin(Direction, Direction.id == Lesson.direction_id)
        .outerjoin(Teacher, Teacher.id == Lesson.teacher_id)
        .outerjoin(head, head.id == FeedbackRequest.teacher_id)
        .outerjoin(StoredFile, StoredFile.id == FeedbackRequest.audio_file_id)
        .where(*where)
        .order_by(func.coalesce(Lesson.ends_at, FeedbackRequest.created_at),
                  FeedbackRequest.id)).all()
    rows = []
    for r, child, direction, teacher, head_name, starts, ends, audio in found:
        due = r.due_at or (ends + dt.timedelta(hours=hours) if ends else None)
        done = r.status in (FeedbackStatus.SENT, FeedbackStatus.DONE)
        stage = int(r.origin.rsplit(":", 1)[1]) if r.kind is FeedbackKind.SECOND else None
        rows.append(RequestRow(
            r.id, r.kind, r.status, r.family_id, r.child_id, child, direction or "",
            head_name or teacher or "", starts, due, ends is None or ends <= now,
            not done and due is not None and due < now, r.words, r.edited, r.audio_file_id,
            audio or "", r.sent_text, r.sent_at, stage, r.handed_at, r.created_at,
            r.recorded_at))
    return rows


def _live():
    """A request that still means something: its lesson not cancelled, the child not
    cancelled off it nor marked absent (a first-timer who missed the first lesson gets a new
    request with their next booking)."""
    return (or_(FeedbackRequest.enrolment_id.is_(None),
                and_(Lesson.cancelled_at.is_(None),
                     Enrolment.mark.in_([Mark.NONE, Mark.ATTENDED]))),)


FINISHED = (FeedbackStatus.SENT, FeedbackStatus.DONE)


def open_requests(store: Store) -> list[RequestRow]:
    """Every first and second feedback not yet finished, the lessons still to come too; the
    oldest first (a camp's are followed camp by camp: ``camp``)."""
    with store.read() as s:
        return rows_where(s, (FeedbackRequest.status.not_in(FINISHED),
                              FeedbackRequest.kind != FeedbackKind.CAMP, *_live()), store.now())


def finished(store: Store, since: dt.datetime) -> list[RequestRow]:
    """Sent (or, a second feedback, recorded) since ``since``."""
    with store.read() as s:
        return rows_where(s, (FeedbackRequest.status.in_(FINISHED), func.coalesce(
            FeedbackRequest.sent_at, FeedbackRequest.recorded_at) >= since), store.now())


def due(store: Store) -> list[RequestRow]:
    """For Today: the requests whose lesson is over and whose feedback has not gone."""
    return [r for r in open_requests(store) if r.ended]


def of_family(store: Store, family_id: int) -> list[RequestRow]:
    """The family's feedback, every state: the card's Feedback tab."""
    with store.read() as s:
        return rows_where(s, (FeedbackRequest.family_id == family_id,), store.now())


def request(store: Store, request_id: int) -> RequestRow:
    with store.read() as s:
        rows = rows_where(s, (FeedbackRequest.id == request_id,), store.now())
    if not rows:
        raise errors.NotFound(f"feedback request {request_id} not found")
    return rows[0]


# recording -------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Words:
    """What the System person records: the teacher's words, a new voice note (a path on this
    PC) or the one kept before (``keep_audio``), and whether the copywriter edits it first."""

    words: str
    audio: Path | None = None
    keep_audio: bool = True
    to_copywriter: bool = False


def check_audio(path: Path) -> None:
    """A voice note the desk keeps: one of AUDIO_TYPES, there, up to MAX_AUDIO bytes."""
    if path.suffix.lower() not in AUDIO_TYPES:
        raise errors.ValidationFailed({"audio": "audio_type"})
    try:
        files.check(path, "audio", MAX_AUDIO)
    except errors.ValidationFailed as exc:
        if exc.fields.get("audio") == "file_too_big":
            raise errors.ValidationFailed({"audio": "audio_too_big"}) from None
        raise


def record(store: Store, actor: Actor, request_id: int, given: Words) -> None:
    if given.audio is not None:
        check_audio(given.audio)
    with store.write(actor) as uow:
        record_in(uow, load(uow.session, request_id, lock=True), given)
        uow.commit()


def record_in(uow: UnitOfWork, r: FeedbackRequest, given: Words) -> None:
    """The words (and voice note) on ``r``, in this unit of work; the audio already checked."""
    s = uow.session
    words = given.words.strip()
    if r.status in FINISHED and r.kind is not FeedbackKind.SECOND:
        raise errors.ValidationFailed({"words": "feedback_sent"})
    before = {"words": r.words, "audio": r.audio_file_id, "status": r.status.value}
    old_audio = r.audio_file_id
    if given.audio is not None:
        r.audio_file_id = files.keep(uow, given.audio, "audio", MAX_AUDIO).id
    elif not given.keep_audio:
        r.audio_file_id = None
    if not words and r.audio_file_id is None:
        raise errors.ValidationFailed({"words": "feedback_empty"})
    first_time = r.recorded_at is None
    if words != r.words:
        r.edited = ""  # the copywriter's version was of the words before
    r.words = words
    if r.kind is FeedbackKind.SECOND:  # the head teacher's own words close the case
        r.status = FeedbackStatus.DONE
    else:
        r.status = FeedbackStatus.COPYWRITER if given.to_copywriter else FeedbackStatus.READY
    if given.to_copywriter:
        r.edited = ""
    r.recorded_at, r.recorded_by = uow.now, uow.actor.staff_id
    s.flush()
    if old_audio is not None and old_audio != r.audio_file_id:
        files.forget_unused(uow, [old_audio])
    if first_time:
        families.timeline_event(uow, r.family_id, TimelineKind.FEEDBACK,
                                texts.FEEDBACK_RECORDED[r.kind.value].format(
                                    child=child_name(s, r), words=words))
    uow.audit("feedback.record", entity_id=r.id, family_id=r.family_id,
              before=json.dumps(before, ensure_ascii=False),
              after=json.dumps({"words": words, "audio": r.audio_file_id,
                                "status": r.status.value}, ensure_ascii=False))


def set_edited(store: Store, actor: Actor, request_id: int, edited: str) -> None:
    """The copywriter's version pasted back: the request is ready to go."""
    edited = edited.strip()
    if not edited:
        raise errors.ValidationFailed({"edited": "text_empty"})
    with store.write(actor) as uow:
        r = load(uow.session, request_id, lock=True)
        if r.status in FINISHED or r.kind is FeedbackKind.SECOND:
            raise errors.ValidationFailed({"edited": "feedback_sent"})
        if r.recorded_at is None:
            raise errors.ValidationFailed({"edited": "feedback_empty"})
        before = r.edited
        r.edited, r.status = edited, FeedbackStatus.READY
        uow.audit("feedback.edit", entity_id=r.id, family_id=r.family_id,
                  before=json.dumps({"edited": before}, ensure_ascii=False),
                  after=json.dumps({"edited": edited}, ensure_ascii=False))
        uow.commit()


# sending ---------------------------------------------------------------------------------

def compose(store: Store, request_id: int) -> Composed:
    """The parent's message from the studio's template, and how it would go."""
    with store.read() as s:
        r = load(s, request_id)
        row = rows_where(s, (FeedbackRequest.id == request_id,), store.now())[0]
        if r.recorded_at is None:
            raise errors.ValidationFailed({"words": "feedback_empty"})
        family = s.get(Family, r.family_id)
        names = greetings.family_names(s, r.family_id)
        words = row.final_words or texts.FEEDBACK_VOICE_ONLY
        text = templates.render_in(s, TEMPLATE, {
            "parent": names.get("parent", ""), "child": greetings.first_name(row.child),
            "direction": row.direction, "teacher": row.teacher, "words": words,
            "studio": studio.load_info(s).name})
        channel, address = route(s, family)
        voice = channel is InboxChannel.TELEGRAM and \
            Path(row.audio_name).suffix.lower() in VOICE_TYPES
        return Composed(r.id, text, channel, address, family.preferred_channel, row.audio_name,
                        voice, "" if family.consent_messages else "no_consent")


def route(s: Session, family: Family) -> tuple[InboxChannel | None, str]:
    """Where the desk itself sends to the family: its preferred channel when that is one the
    desk sends through, switched on and with an address; else nowhere (copied by hand)."""
    if family.preferred_channel not in SENDS:
        return None, ""
    channel, address = mailings.addresses(s, [family.id]).get(family.id, (None, ""))
    if channel is None or channel not in mailings.switched_on(s):
        return None, ""
    return channel, address


def send(store: Store, actor: Actor, request_id: int, text: str) -> InboxChannel:
    """Into the outbox, outside quiet hours: the text, then the voice note (or the audio as
    an attachment where the channel has no voice notes)."""
    text = text.strip()
    if not text:
        raise errors.ValidationFailed({"text": "text_empty"})
    with store.write(actor) as uow:
        s = uow.session
        r = load(s, request_id, lock=True)
        _sendable(r)
        family = s.get(Family, r.family_id)
        if not family.consent_messages:
            raise errors.ValidationFailed({"text": "no_consent"})
        channel, address = route(s, family)
        if channel is None:
            raise errors.ValidationFailed({"text": "no_channel"})
        audio = s.get(StoredFile, r.audio_file_id) if r.audio_file_id else None
        voice = audio is not None and channel is InboxChannel.TELEGRAM and \
            Path(audio.name).suffix.lower() in VOICE_TYPES
        when = outbox.outside_quiet(uow.now, studio.load_info(s).tz)
        message = mailings.queue(uow, r.family_id, "", channel, address, text, "feedback",
                                 send_after=when, files=[(audio, voice)] if audio else [])
        sent_in(uow, r, text, message.id, channel.value)
        uow.commit()
        return channel


def mark_sent(store: Store, actor: Actor, request_id: int, text: str) -> None:
    """Sent by hand (copied into WhatsApp, read out on a call): recorded as sent."""
    text = text.strip()
    if not text:
        raise errors.ValidationFailed({"text": "text_empty"})
    with store.write(actor) as uow:
        r = load(uow.session, request_id, lock=True)
        _sendable(r)
        family = uow.session.get(Family, r.family_id)
        sent_in(uow, r, text, None, family.preferred_channel.value)
        uow.commit()


def _sendable(r: FeedbackRequest) -> None:
    if r.kind is FeedbackKind.SECOND:
        raise errors.ValidationFailed({"text": "feedback_by_call"})
    if r.status is FeedbackStatus.SENT:
        raise errors.ValidationFailed({"text": "feedback_sent"})
    if r.recorded_at is None:
        raise errors.ValidationFailed({"text": "feedback_empty"})
    if r.status is FeedbackStatus.COPYWRITER:
        raise errors.ValidationFailed({"text": "feedback_at_copywriter"})


def sent_in(uow: UnitOfWork, r: FeedbackRequest, text: str, message_id: int | None,
            channel: str) -> None:
    """``r`` went to the parent as ``text`` (through ``channel``; by message ``message_id``
    when the desk sent it)."""
    r.status, r.sent_text, r.message_id = FeedbackStatus.SENT, text, message_id
    r.sent_at, r.sent_by = uow.now, uow.actor.staff_id
    families.timeline_event(uow, r.family_id, TimelineKind.FEEDBACK,
                            texts.FEEDBACK_SENT[r.kind.value].format(
                                child=child_name(uow.session, r),
                                channel=texts.CHANNELS.get(channel, channel)))
    uow.audit("feedback.send", entity_id=r.id, family_id=r.family_id,
              after=json.dumps({"text": text, "channel": channel,
                                "message": message_id}, ensure_ascii=False))


# the studio's rule -----------------------------------------------------------------------

def set_deadlines(store: Store, actor: Actor, hours: int, days: int) -> None:
    """The first feedback is due ``hours`` after the lesson ends; the second ``days`` after
    the stage is crossed (the cases opened from now on)."""
    fields = {}
    if not HOURS[0] <= hours <= HOURS[1]:
        fields["hours"] = "feedback_hours_invalid"
    if not DAYS[0] <= days <= DAYS[1]:
        fields["days"] = "feedback_days_invalid"
    if fields:
        raise errors.ValidationFailed(fields)
    with store.write(actor) as uow:
        row = uow.session.get(Studio, 1)
        before = {"feedback_hours": row.feedback_hours,
                  "second_feedback_days": row.second_feedback_days}
        row.feedback_hours, row.second_feedback_days = hours, days
        uow.audit("studio.feedback_deadlines", before=json.dumps(before),
                  after=json.dumps({"feedback_hours": hours, "second_feedback_days": days}))
        uow.commit()


def load(s: Session, request_id: int, *, lock: bool = False) -> FeedbackRequest:
    """The request row in this transaction (locked for a change); missing is NotFound."""
    query = select(FeedbackRequest).where(FeedbackRequest.id == request_id)
    r = s.scalar(query.with_for_update() if lock else query)
    if r is None:
        raise errors.NotFound(f"feedback request {request_id} not found")
    return r


def child_name(s: Session, r: FeedbackRequest) -> str:
    """The child's full name."""
    return s.scalar(select(Child.name).where(Child.id == r.child_id)) or ""
