"""Sending a survey to its segment: the dry run (who gets it, who is skipped and why), one
invitation per family (siblings together) with a form link that carries the family's code,
through the family's channel and outside quiet hours; the status of every family (in the
outbox, delivered, reminded, answered); one reminder to those who have not answered; and
"send now" to one family from its card.

A family gets at most one survey in the studio's throttle days (30 by default), and every
invitation and reminder counts toward the contact budget. Reminders are sent by a person, not
by a timer: the answers arrive with an import of the form's export, and a reminder sent before
the latest import would go to families who answered."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.models.comms import InboxMessage
from desk.models.enums import InboxChannel, OutboxStatus
from desk.models.family import Child
from desk.models.studio import Studio
from desk.models.surveys import Survey, SurveyAnswer, SurveyInvite
from desk.services.comms import greetings, mailings, outbox, templates
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store, UnitOfWork
from desk.services.surveys import gforms, segments

SAMPLE = {"parent": "Вера", "child": "Саша и Маша", "direction": "Керамика",
          "link": "https://docs.google.com/forms/d/e/x/viewform", "studio": "Студия"}
_ENTRY = re.compile(r"entry\.\d+")


@dataclasses.dataclass(frozen=True)
class Invitee:
    family_id: int
    title: str
    channel: InboxChannel | None
    address: str
    text: str
    skip: str  # "" when the family gets it; else no_consent, throttled, over_budget,
    # no_channel, channel_off (as for mailings), answered (a reminder to who answered)


@dataclasses.dataclass(frozen=True)
class DryRun:
    invitees: tuple[Invitee, ...]

    @property
    def sending(self) -> list[Invitee]:
        return [r for r in self.invitees if not r.skip]

    def skipped(self, reason: str) -> int:
        return sum(r.skip == reason for r in self.invitees)


@dataclasses.dataclass(frozen=True)
class InviteRow:
    id: int
    family_id: int
    title: str
    sent_at: dt.datetime
    delivered: OutboxStatus | None  # the invitation's message (None: removed)
    error: str
    reminded_at: dt.datetime | None
    answered_at: dt.datetime | None  # the family's latest answer to the survey since
    nps: int | None


@dataclasses.dataclass(frozen=True)
class Stats:
    survey_id: int
    invited: int
    answered: int
    last_sent: dt.datetime | None
    answers: int  # every answer to the survey, from the form, calls and paper


# links --------------------------------------------------------------------------------------

def code_entry_of(text: str) -> str:
    """The form's question for the family's code: ``entry.123456`` as typed, or read from a
    pre-filled link (Google Forms: ⋮ → Get pre-filled link, anything typed into that one
    question)."""
    text = text.strip()
    if not text:
        return ""
    if _ENTRY.fullmatch(text):
        return text
    entries = {k for k, _v in parse_qsl(urlsplit(text).query, keep_blank_values=True)
               if _ENTRY.fullmatch(k)}
    if len(entries) != 1:
        raise errors.ValidationFailed({"code_entry": "code_entry_invalid"})
    return entries.pop()


def check_url(url: str, code_entry: str) -> str:
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        raise errors.ValidationFailed({"form_url": "url_invalid"})
    if code_entry and parts.netloc.lower() == "forms.gle":  # the redirect drops the code
        raise errors.ValidationFailed({"form_url": "url_short"})
    return url


def family_link(form_url: str, code_entry: str, family_id: int) -> str:
    """The survey's link for one family: the form with the family's code pre-filled."""
    if not form_url or not code_entry:
        return form_url
    parts = urlsplit(form_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in ("usp", code_entry)]
    query += [("usp", "pp_url"), (code_entry, gforms.family_code(family_id))]
    return urlunsplit(parts._replace(query=urlencode(query)))


# the dry run and sending --------------------------------------------------------------------

def _survey(s: Session, survey_id: int) -> Survey:
    survey = s.get(Survey, survey_id)
    if survey is None:
        raise errors.NotFound(f"no survey {survey_id}")
    return survey


def _throttled(s: Session, ids: list[int], now: dt.datetime) -> set[int]:
    days = s.scalar(select(Studio.survey_throttle_days).limit(1))
    stmt = select(SurveyInvite.family_id).where(
        SurveyInvite.sent_at >= now - dt.timedelta(days=days))
    if len(ids) < 500:
        stmt = stmt.where(SurveyInvite.family_id.in_(ids))
    return set(s.scalars(stmt))


def _texts(s: Session, survey: Survey, found: dict[int, segments.Match], body: str,
           now: dt.datetime, *, throttle: bool) -> list[Invitee]:
    ids = sorted(found)
    parents = families.parent_names(s, ids)
    check = mailings.checks(s, ids, now, marketing=False)
    throttled = _throttled(s, ids, now) if throttle else set()
    name = studio.load_info(s).name
    titles = families.titles(s, ids)
    result = []
    for fid in ids:
        match = found[fid]
        text = templates.render(body, {
            "parent": greetings.first_name(parents[fid]) if fid in parents else "",
            "child": greetings.join_names(list(match.children)) if match.children else "",
            "direction": match.direction, "studio": name,
            "link": family_link(survey.form_url, survey.code_entry, fid)})
        skip, channel, address = check(fid)
        if skip in ("", "over_budget") and fid in throttled:
            skip = "throttled"
        result.append(Invitee(fid, titles.get(fid, ""), channel, address, text, skip))
    return result


def _ready(survey: Survey) -> None:
    if not survey.form_url:
        raise errors.ValidationFailed({"form_url": "survey_no_link"})
    templates.validate(survey.invitation, SAMPLE)


def dry_run(store: Store, survey_id: int) -> DryRun:
    """Every family the survey's segment finds now, the invitation it would get, or why it is
    skipped."""
    now = store.now()
    with store.read() as s:
        survey = _survey(s, survey_id)
        _ready(survey)
        rule = segments.Rule.from_dict(json.loads(survey.segment or "{}"))
        found = segments.audience(s, rule, now)
        return DryRun(tuple(_texts(s, survey, found, survey.invitation, now, throttle=True)))


def send(store: Store, actor: Actor, survey_id: int) -> int:
    """Invite every family of the dry run that is not skipped, computed again in the same
    transaction; the messages wait in the outbox for the end of quiet hours. Returns how many
    were invited."""
    with store.write(actor) as uow:
        s = uow.session
        survey = _survey(s, survey_id)
        _ready(survey)
        rule = segments.Rule.from_dict(json.loads(survey.segment or "{}"))
        shown = _texts(s, survey, segments.audience(s, rule, uow.now), survey.invitation,
                       uow.now, throttle=True)
        for r in shown:
            if not r.skip:
                _invite(uow, survey, r)
        sent = sum(1 for r in shown if not r.skip)
        uow.audit("survey.send", entity_id=survey.id, after=json.dumps(
            {"survey": survey.name, "invited": sent, "not_invited": len(shown) - sent},
            ensure_ascii=False))
        uow.commit()
        return sent


def _invite(uow: UnitOfWork, survey: Survey, r: Invitee) -> SurveyInvite:
    when = outbox.outside_quiet(uow.now, studio.load_info(uow.session).tz)
    message = mailings.queue(uow, r.family_id, "", r.channel, r.address, r.text, "survey",
                             send_after=when)
    invite = SurveyInvite(survey_id=survey.id, family_id=r.family_id, sent_at=uow.now,
                          message_id=message.id, staff_id=uow.actor.staff_id)
    uow.session.add(invite)
    uow.session.flush()
    return invite


def draft_one(store: Store, survey_id: int, family_id: int) -> Invitee:
    """The invitation one family would get now ("send now" from the card), whatever the
    segment; ``skip`` says what stands in the way."""
    now = store.now()
    with store.read() as s:
        survey = _survey(s, survey_id)
        _ready(survey)
        return _texts(s, survey, {family_id: _children(s, family_id)}, survey.invitation, now,
                      throttle=True)[0]


def _children(s: Session, family_id: int) -> segments.Match:
    """The family's children (not archived), for an invitation outside the segment."""
    families.load(s, family_id)
    return segments.Match(tuple(greetings.first_name(n) for n in s.scalars(
        select(Child.name).where(Child.family_id == family_id, Child.archived_at.is_(None))
        .order_by(Child.position))), "")


def send_one(store: Store, actor: Actor, survey_id: int, family_id: int, text: str, *,
             despite_throttle: bool = False) -> InboxChannel:
    """Send the survey to one family with the text as edited. No consent, no channel, a spent
    budget are refused with the reason; a survey within the throttle days only when the person
    says so."""
    if not text.strip():
        raise errors.ValidationFailed({"text": "text_empty"})
    with store.write(actor) as uow:
        s = uow.session
        survey = _survey(s, survey_id)
        if not survey.form_url:
            raise errors.ValidationFailed({"form_url": "survey_no_link"})
        r = _texts(s, survey, {family_id: _children(s, family_id)}, "", uow.now,
                   throttle=not despite_throttle)[0]
        if r.skip:
            raise errors.ValidationFailed({"channel": r.skip})
        _invite(uow, survey, dataclasses.replace(r, text=text.strip()))
        uow.audit("survey.send_one", entity_id=survey.id, family_id=family_id,
                  after=json.dumps({"survey": survey.name}, ensure_ascii=False))
        uow.commit()
        return r.channel


# reminders ----------------------------------------------------------------------------------

def _due_reminders(s: Session, survey: Survey, now: dt.datetime) -> list[SurveyInvite]:
    """Invitations old enough, delivered, not reminded, with no answer since."""
    answered = select(SurveyAnswer.id).where(SurveyAnswer.survey_id == SurveyInvite.survey_id,
                                             SurveyAnswer.family_id == SurveyInvite.family_id,
                                             SurveyAnswer.answered_at >= SurveyInvite.sent_at)
    return list(s.scalars(
        select(SurveyInvite)
        .join(InboxMessage, InboxMessage.id == SurveyInvite.message_id)
        .where(SurveyInvite.survey_id == survey.id, SurveyInvite.reminded_at.is_(None),
               SurveyInvite.sent_at <= now - dt.timedelta(days=survey.reminder_days),
               InboxMessage.status == OutboxStatus.SENT, ~answered.exists())
        .order_by(SurveyInvite.id)))


def _reminders(s: Session, survey: Survey, now: dt.datetime) -> list[tuple[list[SurveyInvite],
                                                                           Invitee]]:
    """One reminder per family, for all its invitations due one (so none is reminded twice)."""
    due: dict[int, list[SurveyInvite]] = {}
    for invite in _due_reminders(s, survey, now):
        due.setdefault(invite.family_id, []).append(invite)
    found = {fid: _children(s, fid) for fid in due}
    shown = _texts(s, survey, found, survey.reminder, now, throttle=False)
    return [(due[r.family_id], r) for r in shown]


def reminder_run(store: Store, survey_id: int) -> DryRun:
    """Who would be reminded now (invited at least the survey's reminder days ago, delivered,
    not answered as of the last import, not reminded yet) and who is skipped."""
    now = store.now()
    with store.read() as s:
        survey = _survey(s, survey_id)
        templates.validate(survey.reminder, SAMPLE)
        return DryRun(tuple(r for _i, r in _reminders(s, survey, now)))


def remind(store: Store, actor: Actor, survey_id: int) -> int:
    """Send the reminders of the dry run; returns how many went to the outbox."""
    with store.write(actor) as uow:
        s = uow.session
        survey = _survey(s, survey_id)
        templates.validate(survey.reminder, SAMPLE)
        sent = 0
        when = outbox.outside_quiet(uow.now, studio.load_info(s).tz)
        for family_invites, r in _reminders(s, survey, uow.now):
            if r.skip:
                continue
            message = mailings.queue(uow, r.family_id, "", r.channel, r.address, r.text,
                                     "reminder", send_after=when)
            for invite in family_invites:
                invite.reminded_at, invite.reminder_id = uow.now, message.id
            sent += 1
        uow.audit("survey.remind", entity_id=survey.id, after=json.dumps(
            {"survey": survey.name, "reminded": sent}, ensure_ascii=False))
        uow.commit()
        return sent


# status -------------------------------------------------------------------------------------

def invites(store: Store, survey_id: int) -> list[InviteRow]:
    """Every invitation of the survey, the newest first, with its delivery, reminder and the
    family's latest answer since."""
    with store.read() as s:
        rows = s.execute(
            select(SurveyInvite, InboxMessage.status, InboxMessage.last_error)
            .outerjoin(InboxMessage, InboxMessage.id == SurveyInvite.message_id)
            .where(SurveyInvite.survey_id == survey_id)
            .order_by(SurveyInvite.sent_at.desc(), SurveyInvite.id.desc())).all()
        ids = sorted({i.family_id for i, _st, _e in rows})
        answers: dict[int, list[tuple[dt.datetime, int | None]]] = {}
        for fid, at, nps in s.execute(
                select(SurveyAnswer.family_id, SurveyAnswer.answered_at, SurveyAnswer.nps)
                .where(SurveyAnswer.survey_id == survey_id,
                       SurveyAnswer.family_id.is_not(None))
                .order_by(SurveyAnswer.answered_at)):
            answers.setdefault(fid, []).append((at, nps))
        titles = families.titles(s, ids)
        result = []
        for invite, status, error in rows:
            since = [a for a in answers.get(invite.family_id, []) if a[0] >= invite.sent_at]
            at, nps = since[-1] if since else (None, None)
            result.append(InviteRow(invite.id, invite.family_id,
                                    titles.get(invite.family_id, ""), invite.sent_at, status,
                                    error or "", invite.reminded_at, at, nps))
        return result


def stats(store: Store) -> dict[int, Stats]:
    """Per survey: families invited, of them answered since, the last sending, all answers."""
    with store.read() as s:
        answered = select(SurveyAnswer.id).where(
            SurveyAnswer.survey_id == SurveyInvite.survey_id,
            SurveyAnswer.family_id == SurveyInvite.family_id,
            SurveyAnswer.answered_at >= SurveyInvite.sent_at)
        found: dict[int, Stats] = {}
        for sid, invited, replied, last in s.execute(
                select(SurveyInvite.survey_id, func.count(),
                       func.count().filter(answered.exists()), func.max(SurveyInvite.sent_at))
                .group_by(SurveyInvite.survey_id)):
            found[sid] = Stats(sid, invited, replied, last, 0)
        for sid, n in s.execute(select(SurveyAnswer.survey_id, func.count())
                                .where(SurveyAnswer.survey_id.is_not(None))
                                .group_by(SurveyAnswer.survey_id)):
            found[sid] = dataclasses.replace(found.get(sid, Stats(sid, 0, 0, None, 0)),
                                             answers=n)
        return found


def throttle_days(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(Studio.survey_throttle_days).limit(1))


def set_throttle_days(store: Store, actor: Actor, days: int) -> None:
    if not 1 <= days <= 365:
        raise errors.ValidationFailed({"throttle_days": "days_invalid"})
    with store.write(actor) as uow:
        row = uow.session.scalar(select(Studio).limit(1))
        before, row.survey_throttle_days = row.survey_throttle_days, days
        uow.audit("studio.survey_throttle", before=str(before), after=str(days))
        uow.commit()
