"""Camp feedback: after a camp (a direction of the camp kind: a weekly series of days, or one
lesson), the teacher's dictated words per child are recorded in one screen, then go to every
family in one batch from the camp template — siblings in one message, each family's text
previewed and editable, each send tracked on the children's requests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import (
    Channel, DirectionKind, FeedbackKind, FeedbackStatus, InboxChannel, Mark,
)
from desk.models.family import Child, Family
from desk.models.feedback import FeedbackRequest
from desk.models.files import StoredFile
from desk.models.schedule import Direction, Enrolment, Lesson
from desk.services.comms import greetings, mailings, outbox, templates
from desk.services.crm import search
from desk.services.feedback import requests
from desk.services.staff import studio
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store

TEMPLATE = "feedback.camp"
SAMPLE = {"parent": "Вера", "children": "Саша и Маша", "direction": "Городской лагерь",
          "words": "Саша: строил плот и подружился со всеми.\n\nМаша: лепила и пела.",
          "studio": "Студия"}
RECENT_DAYS = 60  # the camps offered: those ended in these days
PRESENT = (Mark.NONE, Mark.ATTENDED)


@dataclasses.dataclass(frozen=True)
class Camp:
    key: str  # "s<series>" for a series of days, "l<lesson>" for a one-lesson camp
    direction: str
    first_day: dt.datetime
    ends_at: dt.datetime
    children: int
    recorded: int
    sent: int


@dataclasses.dataclass(frozen=True)
class CampChild:
    child_id: int
    child: str
    family_id: int
    request_id: int | None
    words: str
    audio_file_id: int | None
    audio_name: str
    status: FeedbackStatus | None


@dataclasses.dataclass(frozen=True)
class Letter:
    """One family's message: its children's words together."""

    family_id: int
    parent: str
    children: tuple[str, ...]
    text: str
    channel: InboxChannel | None  # None: copied and sent by hand
    address: str
    preferred: Channel
    audio: tuple[str, ...]  # the voice notes that follow
    request_ids: tuple[int, ...]
    refused: str  # "" or no_consent
    sent: bool


def _lessons(key: str):
    """The camp's lessons, as a condition."""
    kind, number = key[0], int(key[1:]) if key[1:].isdigit() else -1
    if kind == "s":
        return Lesson.series_id == number
    if kind == "l":
        return Lesson.id == number
    raise errors.NotFound(f"no camp {key!r}")


def camps(store: Store) -> list[Camp]:
    """The camps that ended in the last RECENT_DAYS days, the latest first."""
    now = store.now()
    since = now - dt.timedelta(days=RECENT_DAYS)
    with store.read() as s:
        days: dict[str, list[tuple[str, dt.datetime, dt.datetime]]] = {}
        for lesson_id, series_id, direction, starts, ends in s.execute(
                select(Lesson.id, Lesson.series_id, Direction.name, Lesson.starts_at,
                       Lesson.ends_at)
                .join(Direction, Direction.id == Lesson.direction_id)
                .where(Direction.kind == DirectionKind.CAMP, Lesson.cancelled_at.is_(None),
                       Lesson.ends_at >= since)):
            key = f"s{series_id}" if series_id is not None else f"l{lesson_id}"
            days.setdefault(key, []).append((direction, starts, ends))
        found = []
        for key, lessons in days.items():
            ends = max(e for _d, _s, e in lessons)
            if ends > now:
                continue  # still going on
            states = _requests(s, key)
            found.append(Camp(key, lessons[0][0], min(st for _d, st, _e in lessons), ends,
                              len(_children(s, key)),
                              sum(1 for r in states.values() if r.recorded_at is not None),
                              sum(1 for r in states.values()
                                  if r.status is FeedbackStatus.SENT)))
    return sorted(found, key=lambda c: c.ends_at, reverse=True)


def _children(s: Session, key: str) -> dict[int, tuple[str, int, int]]:
    """child id → (name, family id, their last enrolment in the camp)."""
    found: dict[int, tuple[str, int, int]] = {}
    for child_id, name, family_id, enrolment_id in s.execute(
            select(Child.id, Child.name, Enrolment.family_id, Enrolment.id)
            .join(Enrolment, Enrolment.child_id == Child.id)
            .join(Lesson, Lesson.id == Enrolment.lesson_id)
            .where(_lessons(key), Enrolment.mark.in_(PRESENT))
            .order_by(Lesson.starts_at)):
        found[child_id] = (name, family_id, enrolment_id)
    return found


def _requests(s: Session, key: str) -> dict[int, FeedbackRequest]:
    return {r.child_id: r for r in s.scalars(select(FeedbackRequest).where(
        FeedbackRequest.origin.like(f"camp:{key}:%")))}


def roster(store: Store, key: str) -> list[CampChild]:
    with store.read() as s:
        children = _children(s, key)
        states = _requests(s, key)
        names = dict(s.execute(select(StoredFile.id, StoredFile.name).where(
            StoredFile.id.in_([r.audio_file_id for r in states.values() if r.audio_file_id])
        )).all())
    rows = []
    for child_id, (name, family_id, _e) in children.items():
        r = states.get(child_id)
        rows.append(CampChild(child_id, name, family_id, r.id if r else None,
                              r.words if r else "", r.audio_file_id if r else None,
                              names.get(r.audio_file_id, "") if r else "",
                              r.status if r else None))
    return sorted(rows, key=lambda c: search.fold(c.child))  # Ё among the Е


def record(store: Store, actor: Actor, key: str, child_id: int, given: requests.Words) -> int:
    """One child's words (and voice note) for the camp; returns the request's id."""
    if given.audio is not None:
        requests.check_audio(given.audio)
    with store.write(actor) as uow:
        s = uow.session
        children = _children(s, key)
        if child_id not in children:
            raise errors.NotFound(f"child {child_id} was not at camp {key}")
        origin = f"camp:{key}:{child_id}"
        r = s.scalar(select(FeedbackRequest).where(FeedbackRequest.origin == origin)
                     .with_for_update())
        if r is None:
            _name, family_id, enrolment_id = children[child_id]
            r = FeedbackRequest(kind=FeedbackKind.CAMP, status=FeedbackStatus.WAITING,
                                family_id=family_id, child_id=child_id,
                                enrolment_id=enrolment_id, origin=origin, created_at=uow.now)
            s.add(r)
            s.flush()
        requests.record_in(uow, r, dataclasses.replace(given, to_copywriter=False))
        uow.commit()
        return r.id


def letters(store: Store, key: str) -> list[Letter]:
    """Each family's message from the camp template: the recorded children's words, siblings
    in one; what was sent already is marked."""
    with store.read() as s:
        direction = s.scalar(select(Direction.name).join(Lesson, Lesson.direction_id ==
                                                         Direction.id).where(_lessons(key))
                             .limit(1))
        if direction is None:
            raise errors.NotFound(f"no camp {key!r}")
        body = templates.get_in(s, TEMPLATE)
        info = studio.load_info(s)
        by_family: dict[int, list[FeedbackRequest]] = {}
        for r in sorted(_requests(s, key).values(), key=lambda r: r.child_id):
            if r.recorded_at is not None:
                by_family.setdefault(r.family_id, []).append(r)
        names = dict(s.execute(select(Child.id, Child.name).where(
            Child.id.in_([r.child_id for rs in by_family.values() for r in rs]))).all())
        audio = dict(s.execute(select(StoredFile.id, StoredFile.name).where(StoredFile.id.in_(
            [r.audio_file_id for rs in by_family.values() for r in rs if r.audio_file_id])
        )).all())
        found = []
        for family_id, recorded in sorted(by_family.items()):
            family = s.get(Family, family_id)
            unsent = [r for r in recorded if r.status is not FeedbackStatus.SENT]
            rs = unsent or recorded  # a sibling recorded later gets a letter of their own
            first = [greetings.first_name(names[r.child_id]) for r in rs]
            words = "\n\n".join(f"{name}: {r.words or texts.FEEDBACK_VOICE_ONLY_CAMP}"
                                for name, r in zip(first, rs))
            parent = greetings.family_names(s, family_id).get("parent", "")
            text = rs[0].sent_text if not unsent else templates.render(body, {
                "parent": parent, "children": greetings.join_names(first),
                "direction": direction, "words": words, "studio": info.name})
            channel, address = requests.route(s, family)
            found.append(Letter(
                family_id, parent, tuple(names[r.child_id] for r in rs), text, channel,
                address, family.preferred_channel,
                tuple(audio[r.audio_file_id] for r in rs if r.audio_file_id),
                tuple(r.id for r in rs), "" if family.consent_messages else "no_consent",
                not unsent))
        return found


def send(store: Store, actor: Actor, key: str, edited: dict[int, str]) -> list[int]:
    """Into the outbox, outside quiet hours, one message (and its voice notes) per family the
    desk can reach, for the families of ``edited`` (family id → the text as edited); returns
    the families whose messages were queued. Those sent before, without consent or reached by
    hand are left for ``mark_sent``."""
    queued: list[int] = []
    with store.write(actor) as uow:
        s = uow.session
        when = outbox.outside_quiet(uow.now, studio.load_info(s).tz)
        for family_id, rs in _unsent(s, key, list(edited)).items():
            text = edited[family_id].strip()
            if not text:
                raise errors.ValidationFailed({"text": "text_empty"}, family_id=family_id)
            family = s.get(Family, family_id)
            channel, address = requests.route(s, family)
            if channel is None or not family.consent_messages:
                continue
            voices = []
            for r in rs:
                stored = s.get(StoredFile, r.audio_file_id) if r.audio_file_id else None
                if stored is not None:
                    voices.append((stored, channel is InboxChannel.TELEGRAM and
                                   Path(stored.name).suffix.lower() in requests.VOICE_TYPES))
            message = mailings.queue(uow, family_id, "", channel, address, text, "feedback",
                                     send_after=when, files=voices)
            for r in rs:
                requests.sent_in(uow, r, text, message.id, channel.value)
            queued.append(family_id)
        uow.audit("feedback.camp_send", after=json.dumps({"camp": key,
                                                           "families": len(queued)}))
        uow.commit()
    return queued


def mark_sent(store: Store, actor: Actor, key: str, family_id: int, text: str) -> None:
    """The family's message went by hand (copied into WhatsApp, said on a call)."""
    if not text.strip():
        raise errors.ValidationFailed({"text": "text_empty"})
    with store.write(actor) as uow:
        rs = _unsent(uow.session, key, [family_id]).get(family_id, [])
        if not rs:
            raise errors.ValidationFailed({"text": "feedback_sent"})
        channel = uow.session.get(Family, family_id).preferred_channel.value
        for r in rs:
            requests.sent_in(uow, r, text.strip(), None, channel)
        uow.commit()


def _unsent(s: Session, key: str, family_ids: list[int]) -> dict[int, list[FeedbackRequest]]:
    found: dict[int, list[FeedbackRequest]] = {}
    for r in s.scalars(select(FeedbackRequest).where(
            FeedbackRequest.origin.like(f"camp:{key}:%"),
            FeedbackRequest.family_id.in_(family_ids),
            FeedbackRequest.status == FeedbackStatus.READY)
            .order_by(FeedbackRequest.child_id).with_for_update()):
        found.setdefault(r.family_id, []).append(r)
    return found

