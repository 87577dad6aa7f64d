"""Personal data of children and parents (152-FZ, GDPR-like): export everything about one family,
and erase a family — personal fields anonymised and gone from the file, financial and audit
records kept under a pseudonym, the act itself in the audit log."""

from __future__ import annotations

import json

from sqlalchemy import delete, select, update

from desk.models.audit import AuditEntry
from desk.models.comms import (
    Call, Conversation, Greeting, InboxMessage, LapseCall, MailingRecipient, NpsScore, ScriptRun,
)
from desk.models.family import Child, Family, Guardian, TimelineEntry, TimelineKind
from desk.models.task import Task
from desk.services import errors, families, search
from desk.services.db import Actor, Store


def pseudonym(family_id: int) -> str:
    return f"#F{family_id}"


def export_data(store: Store, family_id: int) -> dict:
    """Everything the desk holds about one family, nothing about others."""
    card = families.card(store, family_id)
    d = card.draft
    with store.read() as s:
        task_rows = s.scalars(select(Task).where(Task.family_id == family_id).order_by(Task.id))
        tasks = [{"title": t.title, "details": t.details, "due_at": t.due_at.isoformat(),
                  "status": t.status.value, "origin": t.origin} for t in task_rows]
        calls = [{"at": r.at.isoformat(), "script": r.script_name, "outcome": r.outcome_name,
                  "score": r.score, "answers": json.loads(r.answers), "note": r.note}
                 for r in s.scalars(select(ScriptRun).where(ScriptRun.family_id == family_id)
                                    .order_by(ScriptRun.id))]
        scores = [{"at": at.isoformat(), "score": score} for at, score in s.execute(
            select(NpsScore.at, NpsScore.score).where(NpsScore.family_id == family_id)
            .order_by(NpsScore.id))]
    return {
        "family_id": family_id,
        "created_at": card.created_at.isoformat(),
        "source": d.source,
        "preferred_channel": d.preferred_channel.value,
        "legend": d.legend,
        "consent": {"messages": d.consent_messages, "marketing": d.consent_marketing,
                    "date": d.consent_date.isoformat() if d.consent_date else None,
                    "purposes": d.consent_purposes},
        "guardians": [{"name": g.name, "phone": g.phone, "email": g.email,
                       "telegram": g.telegram, "vk": g.vk, "whatsapp": g.whatsapp,
                       "birth_date": g.birth_date.isoformat() if g.birth_date else None}
                      for g in d.guardians],
        "children": [{"name": c.name,
                      "birth_date": c.birth_date.isoformat() if c.birth_date else None,
                      "notes": c.notes} for c in d.children],
        "timeline": [{"at": t.at.isoformat(), "kind": t.kind.value, "text": t.text,
                      "staff": t.staff_name} for t in card.timeline],
        "tasks": tasks,
        "script_calls": calls,
        "nps_scores": scores,
        "history": [{"at": h.at.isoformat(), "staff": h.staff_name, "kind": h.kind,
                     "before": h.before, "after": h.after}
                    for h in families.history(store, family_id)],
    }


def export_json(store: Store, family_id: int) -> str:
    return json.dumps(export_data(store, family_id), ensure_ascii=False, indent=2)


def erase(store: Store, actor: Actor, family_id: int) -> None:
    with store.write(actor) as uow:
        s = uow.session
        family = s.get(Family, family_id)
        if family is None:
            raise errors.NotFound(f"family {family_id} not found", family_id=family_id)
        name = pseudonym(family_id)
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
        s.execute(update(Task).where(Task.family_id == family_id).values(title=name, details=""))
        s.execute(update(Call).where(Call.family_id == family_id).values(
            phone=None, topic="", outcome="", next_step=""))
        s.execute(update(LapseCall).where(LapseCall.family_id == family_id).values(note=""))
        s.execute(update(ScriptRun).where(ScriptRun.family_id == family_id).values(
            answers="[]", note=""))
        s.execute(update(Greeting).where(Greeting.family_id == family_id).values(text=""))
        s.execute(update(MailingRecipient).where(MailingRecipient.family_id == family_id)
                  .values(text=""))
        talks = select(Conversation.id).where(Conversation.family_id == family_id)
        s.execute(update(InboxMessage).where(InboxMessage.conversation_id.in_(talks)).values(
            text="", attachment=""))
        s.execute(update(Conversation).where(Conversation.family_id == family_id).values(
            address=name, name=name, subject=""))
        s.execute(update(AuditEntry).where(AuditEntry.family_id == family_id).values(
            before="", after=json.dumps({"erased": name})))
        search.drop(s, family_id)
        s.add(TimelineEntry(family_id=family_id, at=uow.now, kind=TimelineKind.ERASED,
                            text="", staff_id=actor.staff_id))
        uow.audit("family.erase", entity_id=family_id, family_id=family_id,
                  after=json.dumps({"erased": name}))
        uow.commit()
    with store.engine.connect() as conn:  # move the zeroed pages out of the WAL into the file
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.commit()
