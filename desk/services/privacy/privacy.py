"""Personal data of children and parents (152-FZ, GDPR-like): export everything about one family,
and erase a family — every place its words can be (names, contacts, notes, the timeline, task
titles, ledger notes, leads, conversations and messages, calls, script answers, greetings,
mailing texts, audit texts, the search index) is erased or pseudonymised, and the bytes leave the
file and its -wal. Money and audit rows stay under a pseudonym; the act itself is audited."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import re
import time
from pathlib import Path

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from desk.models.audit import AuditEntry
from desk.models.comms import (
    Call, Conversation, Greeting, InboxMessage, LapseCall, Lead, MailingRecipient, NpsScore,
    ScriptRun,
)
from desk.models.enums import FeedbackSource, OutboxStatus, TimelineKind
from desk.models.family import Child, Family, Guardian, LoyaltySignal, TimelineEntry
from desk.models.feedback import FeedbackItem, FeedbackRequest, LoopCase
from desk.models.files import StoredFile
from desk.models.surveys import Survey, SurveyAnswer, SurveyInvite
from desk.models.schedule import Direction, Enrolment, Lesson
from desk.models.task import Task
from desk.models.wallet import GENESIS, LedgerEntry, Wallet
from desk.services.crm import contacts, families, search
from desk.services.insights import rollup
from desk.services.supervision import checklists, handover, quality
from desk.services.money import wallet
from desk.services.store import backup, errors, files
from desk.services.store.db import Actor, Store, UnitOfWork

CHECKPOINT_WAIT_S = 5.0  # how long an erase waits for another program's open read to end


def pseudonym(family_id: int) -> str:
    return f"#F{family_id}"


@dataclasses.dataclass(frozen=True)
class HeldBackup:
    """A backup file that still holds the family, and the day it is deleted by rotation."""

    path: Path
    rotates_out: dt.date | None


@dataclasses.dataclass(frozen=True)
class Erased:
    family_id: int
    pseudonym: str
    wal_clean: bool  # False: another program kept a read open; its -wal pages go when it closes
    backups: tuple[HeldBackup, ...] = ()
    compacted: bool = True  # False: this server user may not rewrite the tables (VACUUM FULL)


# --- export ------------------------------------------------------------------------------------


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_data(store: Store, family_id: int) -> dict:
    """Everything the desk holds about one family, nothing about others."""
    card = families.card(store, family_id)
    d = card.draft
    with store.read() as s:
        tasks = [{"title": t.title, "details": t.details, "due_at": _iso(t.due_at),
                  "status": t.status.value, "origin": t.origin}
                 for t in s.scalars(select(Task).where(Task.family_id == family_id)
                                    .order_by(Task.id))]
        script_calls = [{"at": _iso(r.at), "script": r.script_name, "outcome": r.outcome_name,
                         "score": r.score, "answers": json.loads(r.answers), "note": r.note}
                        for r in s.scalars(select(ScriptRun).where(
                            ScriptRun.family_id == family_id).order_by(ScriptRun.id))]
        scores = [{"at": _iso(at), "score": score, "source": source}
                  for at, score, source in s.execute(
                      select(NpsScore.at, NpsScore.score, NpsScore.source)
                      .where(NpsScore.family_id == family_id).order_by(NpsScore.id))]
        lessons = [{"lesson_at": _iso(starts), "direction": direction, "child": child,
                    "mark": e.mark.value, "marked_at": _iso(e.marked_at), "price_kopecks": e.price,
                    "adults": e.adults, "adults_price_kopecks": e.adults_price,
                    "first_time": e.first_time}
                   for e, starts, direction, child in s.execute(
                       select(Enrolment, Lesson.starts_at, Direction.name, Child.name)
                       .join(Lesson, Lesson.id == Enrolment.lesson_id)
                       .join(Direction, Direction.id == Lesson.direction_id)
                       .join(Child, Child.id == Enrolment.child_id)
                       .where(Enrolment.family_id == family_id)
                       .order_by(Lesson.starts_at, Enrolment.id))]
        calls = [{"at": _iso(c.at), "direction": c.direction.value, "phone": c.phone,
                  "topic": c.topic, "outcome": c.outcome, "next_step": c.next_step,
                  "duration_s": c.duration_s}
                 for c in s.scalars(select(Call).where(Call.family_id == family_id)
                                    .order_by(Call.id))]
        lapses = [{"at": _iso(c.at), "reason": c.reason.value, "note": c.note}
                  for c in s.scalars(select(LapseCall).where(LapseCall.family_id == family_id)
                                     .order_by(LapseCall.id))]
        leads = [{"created_at": _iso(x.created_at), "source": x.source, "name": x.name,
                  "phone": x.phone, "email": x.email, "child": x.child, "message": x.message,
                  "status": x.status.value}
                 for x in s.scalars(select(Lead).where(Lead.family_id == family_id)
                                    .order_by(Lead.id))]
        conversations = []
        for c in s.scalars(select(Conversation).where(Conversation.family_id == family_id)
                           .order_by(Conversation.id)):
            conversations.append({
                "channel": c.channel.value, "address": c.address, "name": c.name,
                "subject": c.subject, "opened_at": _iso(c.opened_at),
                "closed_at": _iso(c.closed_at),
                "messages": [{"at": _iso(m.at), "direction": m.direction.value, "kind": m.kind,
                              "text": m.text, "attachment": m.attachment,
                              "status": m.status.value if m.status else None}
                             for m in s.scalars(select(InboxMessage)
                                                .where(InboxMessage.conversation_id == c.id)
                                                .order_by(InboxMessage.at, InboxMessage.id))]})
        greetings = [{"birthday": _iso(g.birthday), "whom": g.whom, "text": g.text}
                     for g in s.scalars(select(Greeting).where(Greeting.family_id == family_id)
                                        .order_by(Greeting.id))]
        mailings = [{"mailing_id": r.mailing_id, "status": r.status.value, "text": r.text}
                    for r in s.scalars(select(MailingRecipient)
                                       .where(MailingRecipient.family_id == family_id)
                                       .order_by(MailingRecipient.id))]
        feedback = [{"kind": r.kind.value, "status": r.status.value, "words": r.words,
                     "edited": r.edited, "audio": name,
                     "audio_base64": base64.b64encode(data).decode() if data else None,
                     "recorded_at": _iso(r.recorded_at), "sent_text": r.sent_text,
                     "sent_at": _iso(r.sent_at), "child": child}
                    for r, name, data, child in s.execute(
                        select(FeedbackRequest, StoredFile.name, StoredFile.data, Child.name)
                        .join(Child, Child.id == FeedbackRequest.child_id)
                        .outerjoin(StoredFile, StoredFile.id == FeedbackRequest.audio_file_id)
                        .where(FeedbackRequest.family_id == family_id)
                        .order_by(FeedbackRequest.id))]
        said = [{"at": _iso(i.created_at), "quote": i.quote, "tone": i.tone.value,
                 "source": i.source.value, "status": i.status.value,
                 "loop": {"status": c.status.value, "closed_at": _iso(c.closed_at),
                          "reason": c.close_reason, "comment": c.comment} if c else None}
                for i, c in s.execute(
                    select(FeedbackItem, LoopCase)
                    .outerjoin(LoopCase, LoopCase.item_id == FeedbackItem.id)
                    .where(FeedbackItem.family_id == family_id).order_by(FeedbackItem.id))]
        surveys = [{"at": _iso(a.answered_at), "survey": name, "source": a.source,
                    "nps": a.nps, "csat": a.csat, "comment": a.comment}
                   for a, name in s.execute(
                       select(SurveyAnswer, Survey.name)
                       .outerjoin(Survey, Survey.id == SurveyAnswer.survey_id)
                       .where(SurveyAnswer.family_id == family_id)
                       .order_by(SurveyAnswer.answered_at, SurveyAnswer.id))]
        signals = [{"at": _iso(x.at), "kind": x.kind.value, "link": x.link, "note": x.note,
                    "brought_a_family": x.referred_id is not None}
                   for x in s.scalars(select(LoyaltySignal).where(
                       LoyaltySignal.family_id == family_id).order_by(LoyaltySignal.id))]
        invited = [{"at": _iso(i.sent_at), "survey": name, "reminded_at": _iso(i.reminded_at)}
                   for i, name in s.execute(
                       select(SurveyInvite, Survey.name)
                       .join(Survey, Survey.id == SurveyInvite.survey_id)
                       .where(SurveyInvite.family_id == family_id).order_by(SurveyInvite.id))]
        children = [{"name": c.name, "birth_date": _iso(c.birth_date), "notes": c.notes,
                     "left_at": _iso(c.archived_at)}
                    for c in s.scalars(select(Child).where(Child.family_id == family_id)
                                       .order_by(Child.position))]
    ledger = wallet.view(store, family_id)
    return {
        "family_id": family_id,
        "created_at": _iso(card.created_at),
        "source": d.source,
        "preferred_channel": d.preferred_channel.value,
        "legend": d.legend,
        "consent": {"messages": d.consent_messages, "marketing": d.consent_marketing,
                    "date": _iso(d.consent_date), "purposes": d.consent_purposes},
        "guardians": [{"name": g.name, "relation": g.relation.value, "phone": g.phone,
                       "email": g.email, "telegram": g.telegram, "vk": g.vk,
                       "whatsapp": g.whatsapp, "birth_date": _iso(g.birth_date)}
                      for g in d.guardians],
        "children": children,
        "timeline": [{"at": _iso(t.at), "kind": t.kind.value, "text": t.text,
                      "staff": t.staff_name} for t in card.timeline],
        "tasks": tasks,
        "wallet": {"balance_kopecks": ledger.balance,
                   "entries": [{"at": _iso(e.at), "kind": e.kind.value, "amount_kopecks": e.amount,
                                "method": e.method.value if e.method else None, "note": e.note,
                                "staff": e.staff_name, "reverses": e.reverses_id}
                               for e in reversed(ledger.lines)]},
        "lessons": lessons,
        "calls": calls,
        "lapsed_calls": lapses,
        "script_calls": script_calls,
        "nps_scores": scores,
        "applications": leads,
        "conversations": conversations,
        "greetings": greetings,
        "feedback": feedback,
        "feedback_items": said,
        "survey_answers": surveys,
        "survey_invites": invited,
        "loyalty_signals": signals,
        "mailings": mailings,
        "history": [{"at": _iso(h.at), "staff": h.staff_name, "kind": h.kind,
                     "before": h.before, "after": h.after}
                    for h in families.history(store, family_id)],
    }


def export_json(store: Store, family_id: int) -> str:
    return json.dumps(export_data(store, family_id), ensure_ascii=False, indent=2)


def export_to(store: Store, family_id: int, path: Path) -> None:
    """The family's data as a JSON file (written whole or not at all)."""
    from desk.services.store import sheets

    text = export_json(store, family_id)
    with sheets.atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


# --- erase -------------------------------------------------------------------------------------


def _identifiers(s: Session, family_id: int) -> list[str]:
    """Every way the family's people and contacts are written in free text elsewhere: full
    names (either order; a first name alone is too common to tell), phones in E.164, digits,
    8… and display forms, e-mails, messenger names, the addresses of its conversations."""
    found: set[str] = set()

    def name(value: str | None) -> None:
        words = (value or "").split()
        if len(words) >= 2:
            found.add(" ".join(words))
            if len(words) == 2:
                found.add(f"{words[1]} {words[0]}")

    def phone(value: str | None) -> None:
        if value:
            digits = value.lstrip("+")
            found.update({value, digits, contacts.display_phone(value)})
            if digits.startswith("7") and len(digits) == 11:
                found.add("8" + digits[1:])

    def handle(value: str | None) -> None:
        if value and len(value) >= 5:
            found.add(value)
            if "@" not in value and not value.isdigit():
                found.add("@" + value)

    for g in s.scalars(select(Guardian).where(Guardian.family_id == family_id)):
        name(g.name)
        phone(g.phone)
        phone(g.whatsapp)
        handle(g.email)
        handle(g.telegram)
        handle(g.vk)
    for child in s.scalars(select(Child.name).where(Child.family_id == family_id)):
        name(child)
    for lead in s.scalars(select(Lead).where(Lead.family_id == family_id)):
        name(lead.name)
        name(lead.child)
        phone(lead.phone)
        handle(lead.email)
    for c in s.scalars(select(Conversation).where(Conversation.family_id == family_id)):
        if "@" in c.address or (c.address.lstrip("+").isdigit() and len(c.address) >= 7):
            handle(c.address)
        name(c.name)
    return sorted(found, key=len, reverse=True)


def _pattern(identifiers: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern for all of them, whole words only, ё = е."""
    if not identifiers:
        return None
    parts = []
    for ident in identifiers:
        parts.append("".join("[её]" if c in "её" else "[ЕЁ]" if c in "ЕЁ" else re.escape(c)
                             for c in ident))
    return re.compile(r"(?<![\w+@])(?:" + "|".join(parts) + r")(?![\w@])", re.IGNORECASE)


def _scrub(value, pattern: re.Pattern, name: str):
    """The same text (or JSON value) with every identifier replaced by the pseudonym."""
    if isinstance(value, str):
        return pattern.sub(name, value)
    if isinstance(value, list):
        return [_scrub(v, pattern, name) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern, name) for k, v in value.items()}
    return value


def _scrub_text(text: str, pattern: re.Pattern, name: str) -> str:
    """Audit texts are JSON (some with \\u escapes): scrub the decoded values."""
    if not text:
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return _scrub(text, pattern, name)
    clean = _scrub(value, pattern, name)
    return text if clean == value else json.dumps(clean, ensure_ascii=False)


def _rechain(uow: UnitOfWork, family_id: int, pattern: re.Pattern | None, name: str) -> int:
    """Ledger notes under the pseudonym. The amounts, kinds and order stay; the wallet's chain
    is computed anew from its first entry, so `desk check` still proves nothing else changed."""
    s = uow.session
    entries = list(s.scalars(select(LedgerEntry).where(LedgerEntry.family_id == family_id)
                             .order_by(LedgerEntry.seq)))
    prev = GENESIS
    for e in entries:
        note = _scrub(e.note, pattern, name) if pattern is not None else e.note
        e.note, e.idempotency_key = note, None
        e.prev_hash = prev
        e.hash = wallet.entry_hash(prev, family_id, e.seq, e.at, e.kind, e.amount, e.method,
                                   e.reverses_id, e.note, None, e.enrolment_id)
        prev = e.hash
    if entries:
        s.execute(update(Wallet).where(Wallet.family_id == family_id).values(head=prev))
    return len(entries)


def erase(store: Store, actor: Actor, family_id: int,
          backup_dir: Path | None = None) -> Erased:
    name = pseudonym(family_id)
    with store.write(actor) as uow:
        s = uow.session
        family = s.get(Family, family_id)
        if family is None:
            raise errors.NotFound(f"family {family_id} not found", family_id=family_id)
        identifiers = _identifiers(s, family_id)
        pattern = _pattern(identifiers)
        phones = [i for i in identifiers if i.startswith("+")]
        emails = [i for i in identifiers if "@" in i and not i.startswith("@")]
        s.execute(update(Guardian).where(Guardian.family_id == family_id).values(
            name=name, phone=None, email="", telegram="", vk="", whatsapp="", birth_date=None))
        s.execute(update(Child).where(Child.family_id == family_id).values(
            name=name, birth_date=None, notes=""))
        family.source = family.legend = family.consent_purposes = ""
        family.consent_messages = family.consent_marketing = False
        family.consent_date = None
        family.erased = True
        family.updated_at = uow.now
        s.execute(delete(TimelineEntry).where(TimelineEntry.family_id == family_id))
        unlinked_phone = and_(Call.family_id.is_(None), Call.phone.in_(phones))
        call_ids = list(s.scalars(select(Call.id).where(or_(Call.family_id == family_id,
                                                            unlinked_phone))))
        s.execute(update(Call).where(or_(Call.family_id == family_id, unlinked_phone))
                  .values(phone=None, topic="", outcome="", next_step=""))
        s.execute(update(LapseCall).where(LapseCall.family_id == family_id).values(note=""))
        s.execute(update(ScriptRun).where(ScriptRun.family_id == family_id).values(
            answers="[]", note=""))
        s.execute(update(Greeting).where(Greeting.family_id == family_id).values(text=""))
        s.execute(delete(LoyaltySignal).where(LoyaltySignal.family_id == family_id))
        brought = list(s.scalars(select(LoyaltySignal.id).where(
            LoyaltySignal.referred_id == family_id)))
        s.execute(update(LoyaltySignal).where(LoyaltySignal.id.in_(brought))
                  .values(link="", note=""))  # who brought it keeps the referral, no words
        s.execute(update(MailingRecipient).where(MailingRecipient.family_id == family_id)
                  .values(text="", reason=""))
        leads = select(Lead.id).where(or_(
            Lead.family_id == family_id,
            and_(Lead.family_id.is_(None), or_(Lead.phone.in_(phones), Lead.email.in_(emails)))))
        talks = select(Conversation.id).where(or_(Conversation.family_id == family_id,
                                                  Conversation.lead_id.in_(leads)))
        lead_ids = list(s.scalars(leads))
        talk_ids = list(s.scalars(talks))
        its_tasks = or_(Task.family_id == family_id,  # and those about its application
                        Task.origin.in_([f"lead_thinking:{i}" for i in lead_ids]))
        task_ids = list(s.scalars(select(Task.id).where(its_tasks)))
        s.execute(update(Task).where(its_tasks).values(title=name, details=""))
        kept_files = list(s.scalars(select(InboxMessage.file_id).where(
            InboxMessage.conversation_id.in_(talks), InboxMessage.file_id.is_not(None))))
        kept_files += s.scalars(select(FeedbackRequest.audio_file_id).where(
            FeedbackRequest.family_id == family_id, FeedbackRequest.audio_file_id.is_not(None)))
        s.execute(delete(FeedbackRequest).where(FeedbackRequest.family_id == family_id))
        answers = list(s.scalars(select(SurveyAnswer.id).where(or_(  # and the unmatched ones
            SurveyAnswer.family_id == family_id,  # bearing its contacts
            and_(SurveyAnswer.family_id.is_(None),
                 or_(SurveyAnswer.phone.in_(phones), SurveyAnswer.email.in_(emails)))))))
        s.execute(delete(FeedbackItem).where(or_(
            FeedbackItem.family_id == family_id,
            and_(FeedbackItem.source == FeedbackSource.SURVEY,
                 FeedbackItem.source_id.in_(answers)))))
        answered = list(s.scalars(select(SurveyAnswer.answered_at).where(
            SurveyAnswer.id.in_(answers))))
        s.execute(delete(SurveyAnswer).where(SurveyAnswer.id.in_(answers)))
        rollup.refresh_times_in(s, answered)  # the months' indices without them
        checklists.forget_in(s, family_id, phones + emails)  # kept copies naming it
        quality.forget_in(s, call_ids, talk_ids)  # quality sheets about its calls and chats
        handover.forget_in(s, family_id, phones + emails, tasks=task_ids,
                           talks=talk_ids)  # handed-over items about it
        s.execute(update(InboxMessage).where(InboxMessage.conversation_id.in_(talks)).values(
            text="", attachment="", file_id=None, external_id=None, last_error=""))
        files.forget_unused(uow, kept_files)  # a file another family was sent stays theirs
        s.execute(update(InboxMessage).where(  # nothing more goes to a family erased
            InboxMessage.conversation_id.in_(talks),
            InboxMessage.status.in_([OutboxStatus.QUEUED, OutboxStatus.SENDING,
                                     OutboxStatus.UNCERTAIN, OutboxStatus.FAILED]))
            .values(status=OutboxStatus.CANCELLED))
        s.execute(update(Conversation).where(Conversation.id.in_(talks)).values(
            address=name, name=name, subject=""))
        s.execute(update(Lead).where(Lead.id.in_(leads)).values(
            name=name, phone=None, email="", child="", message="", lost_reason="",
            import_key=None))
        rechained = _rechain(uow, family_id, pattern, name)
        s.execute(update(AuditEntry).where(or_(
            AuditEntry.family_id == family_id,
            and_(AuditEntry.kind.startswith("lead."), AuditEntry.entity_id.in_(lead_ids)),
            and_(AuditEntry.kind.startswith("inbox."), AuditEntry.entity_id.in_(talk_ids)),
            and_(AuditEntry.kind.startswith("call."), AuditEntry.entity_id.in_(call_ids)),
            and_(AuditEntry.kind.startswith("task."), AuditEntry.entity_id.in_(task_ids)),
            and_(AuditEntry.kind.startswith("loyalty."), AuditEntry.entity_id.in_(brought)),
        )).values(before="", after=json.dumps({"erased": name})))
        if pattern is not None:  # rows that belong to no family but mention this one
            for entry in s.scalars(select(AuditEntry).where(AuditEntry.family_id.is_(None))):
                before = _scrub_text(entry.before, pattern, name)
                after = _scrub_text(entry.after, pattern, name)
                if (before, after) != (entry.before, entry.after):
                    entry.before, entry.after = before, after
            for task in s.scalars(select(Task).where(Task.family_id.is_(None))):
                title, details = _scrub(task.title, pattern, name), \
                    _scrub(task.details, pattern, name)
                if (title, details) != (task.title, task.details):
                    task.title, task.details = title, details
            handover.forget_mentions(s, lambda text: _scrub(text, pattern, name) != text)
        search.drop(s, family_id, purge=True)
        s.add(TimelineEntry(family_id=family_id, at=uow.now, kind=TimelineKind.ERASED,
                            text="", staff_id=actor.staff_id))
        uow.audit("family.erase", entity_id=family_id, family_id=family_id,
                  after=json.dumps({"erased": name, "ledger_rechained": rechained}))
        uow.commit()
    compacted = store.dialect.compact(store.engine, uow.tables)  # a server's files too
    clean = _checkpoint(store)
    held = _backups_holding(backup_dir, identifiers) if backup_dir else ()
    return Erased(family_id, name, clean, held, compacted)


def _checkpoint(store: Store) -> bool:
    """Move the zeroed pages out of the -wal into the file and truncate it. Another program
    holding an open read keeps its snapshot's pages: wait a little for it, then say so."""
    deadline = time.monotonic() + CHECKPOINT_WAIT_S
    while True:
        folded = store.dialect.checkpoint(store.engine)
        path = store.path
        wal = Path(f"{path}-wal") if path else None
        if folded and (wal is None or not wal.exists() or wal.stat().st_size == 0):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _backups_holding(backup_dir: Path, identifiers: list[str]) -> tuple[HeldBackup, ...]:
    """The backups whose bytes still hold one of the family's names or contacts."""
    needles = [i.encode() for i in identifiers if len(i) >= 5]
    found = []
    for b in backup.list_backups(backup_dir):
        try:
            raw = b.path.read_bytes()
        except OSError:
            continue
        if any(n in raw for n in needles):
            found.append(HeldBackup(b.path, backup.rotates_out(b.path)))
    return tuple(found)

