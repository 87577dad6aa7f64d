"""Leads: website applications and other newcomers, with a response target, a status (new,
contacted, enrolled, thinking, lost with a reason), "thinking" leads returning as tasks on the
date the staff set, and turning a lead into a family (or linking it to one)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

from sqlalchemy import select, update

from desk.models.comms import Conversation, Lead
from desk.models.enums import LeadStatus, Role
from desk.services.crm import contacts, families
from desk.services.staff import hours
from desk.services.staff import studio
from desk.services.store import errors, sheets, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store, UnitOfWork

THINKING_CALL_TIME = dt.time(11, 0)
HEADERS = {"name": ("name", "parent", "имя", "родитель"), "phone": ("phone", "phone number",
                                                                  "телефон"),
           "email": ("email", "e-mail", "почта"), "child": ("child", "ребёнок", "ребенок"),
           "message": ("message", "comment", "сообщение", "комментарий"),
           "source": ("source", "источник")}


@dataclasses.dataclass(frozen=True)
class LeadDraft:
    name: str = ""
    phone: str = ""
    email: str = ""
    child: str = ""
    message: str = ""
    source: str = "website"


@dataclasses.dataclass(frozen=True)
class LeadRow:
    id: int
    created_at: dt.datetime
    source: str
    name: str
    phone: str  # E.164 or ""
    email: str
    child: str
    message: str
    status: LeadStatus
    respond_by: dt.datetime
    responded_at: dt.datetime | None
    think_until: dt.date | None
    lost_reason: str
    family_id: int | None
    late: bool  # not answered and past its response target


def _clean(draft: LeadDraft) -> dict:
    fields, values = {}, {}
    for key, normalize in (("phone", contacts.normalize_phone),
                           ("email", contacts.normalize_email)):
        try:
            values[key] = normalize(getattr(draft, key))
        except contacts.BadContact as exc:
            fields[key] = exc.code
    values["name"] = " ".join(draft.name.split())
    values["child"] = " ".join(draft.child.split())
    if not values["name"] and not values["child"]:
        fields["name"] = "name_empty"
    if not values.get("phone") and not values.get("email") and "phone" not in fields:
        fields["phone"] = "contact_missing"
    if fields:
        raise errors.ValidationFailed(fields)
    values["message"] = draft.message.strip()
    values["source"] = draft.source.strip() or "website"
    return values


def add_in(uow: UnitOfWork, values: dict, import_key: str | None = None,
           due: dt.datetime | None = None) -> Lead:
    """``due``: the response target (30 min, or soon after opening), computed when not given."""
    due = due or hours.load(uow.session).callback_due(uow.now)
    lead = Lead(created_at=uow.now, respond_by=due, import_key=import_key, **values)
    uow.session.add(lead)
    uow.session.flush()
    uow.audit("lead.create", entity_id=lead.id, after=json.dumps(
        {k: v for k, v in values.items() if k != "message"}, ensure_ascii=False))
    return lead


def create(store: Store, actor: Actor, draft: LeadDraft) -> int:
    values = _clean(draft)
    with store.write(actor) as uow:
        lead = add_in(uow, values)
        uow.commit()
        return lead.id


def listing(store: Store, *, open_only: bool = True) -> list[LeadRow]:
    with store.read() as s:
        stmt = select(Lead).order_by(Lead.created_at.desc(), Lead.id.desc())
        if open_only:
            stmt = stmt.where(Lead.status.in_([LeadStatus.NEW, LeadStatus.CONTACTED,
                                               LeadStatus.THINKING]))
        now = store.now()
        return [_row(lead, now) for lead in s.scalars(stmt)]


def get(store: Store, lead_id: int) -> LeadRow:
    with store.read() as s:
        return _row(_load(s, lead_id), store.now())


def _row(lead: Lead, now: dt.datetime) -> LeadRow:
    late = lead.responded_at is None and lead.status is LeadStatus.NEW and lead.respond_by < now
    return LeadRow(lead.id, lead.created_at, lead.source, lead.name, lead.phone or "",
                   lead.email, lead.child, lead.message, lead.status, lead.respond_by,
                   lead.responded_at, lead.think_until, lead.lost_reason, lead.family_id, late)


def _load(s, lead_id: int) -> Lead:
    lead = s.get(Lead, lead_id)
    if lead is None:
        raise errors.NotFound(f"lead {lead_id} not found")
    return lead


def set_status(store: Store, actor: Actor, lead_id: int, status: LeadStatus, *,
               think_until: dt.date | None = None, lost_reason: str = "") -> None:
    """Thinking needs the date to come back (a task for the Communicator on it); lost needs a
    reason."""
    if status is LeadStatus.THINKING and think_until is None:
        raise errors.ValidationFailed({"think_until": "date_missing"})
    if status is LeadStatus.LOST and not lost_reason.strip():
        raise errors.ValidationFailed({"lost_reason": "reason_missing"})
    with store.write(actor) as uow:
        s = uow.session
        lead = _load(s, lead_id)
        before = lead.status
        lead.status = status
        if status is not LeadStatus.NEW and lead.responded_at is None:
            lead.responded_at = uow.now
        lead.think_until = think_until if status is LeadStatus.THINKING else None
        lead.lost_reason = lost_reason.strip() if status is LeadStatus.LOST else ""
        if status is LeadStatus.THINKING:
            tz = studio.load_info(s).tz
            due = dt.datetime.combine(think_until, THINKING_CALL_TIME, tz)
            tasks.save_in(uow, tasks.TaskDraft(
                title=texts.LEAD_THINKING.format(name=lead.name or lead.child,
                                                 contact=contacts.display_phone(lead.phone)
                                                 or lead.email),
                due_at=due, family_id=lead.family_id, assignee_role=Role.COMMUNICATOR,
                origin=f"lead_thinking:{lead.id}", details=lead.message))
        uow.audit("lead.status", entity_id=lead.id, family_id=lead.family_id,
                  before=json.dumps({"status": before.value}),
                  after=json.dumps({"status": status.value, "reason": lead.lost_reason},
                                   ensure_ascii=False))
        uow.commit()


def set_aside_in(uow: UnitOfWork, lead_id: int, reason: str) -> None:
    """Not an application after all (a teacher wrote): lost, with the reason (in ``uow``)."""
    lead = _load(uow.session, lead_id)
    before = lead.status
    lead.status, lead.lost_reason = LeadStatus.LOST, reason
    lead.responded_at = lead.responded_at or uow.now
    uow.audit("lead.status", entity_id=lead.id, family_id=lead.family_id,
              before=json.dumps({"status": before.value}),
              after=json.dumps({"status": lead.status.value, "reason": reason},
                               ensure_ascii=False))


def link(store: Store, actor: Actor, lead_id: int, family_id: int) -> None:
    """Link the lead (and the conversations it came from) to an existing family."""
    with store.write(actor) as uow:
        families.load(uow.session, family_id)
        link_in(uow, lead_id, family_id)
        uow.commit()


def make_family(store: Store, actor: Actor, lead_id: int, draft: families.FamilyDraft, *,
                cancel_lessons: bool = False) -> int:
    """Create the family made from the lead and link the lead to it in one transaction: when
    either fails, nothing is saved. Raises what ``families.save`` raises, and NotFound when
    the lead is gone. Returns the family's id."""
    with store.write(actor) as uow:
        _load(uow.session, lead_id)  # a lead that is gone fails before the family is checked
        family_id = families.save_in(uow, draft, cancel_lessons=cancel_lessons)
        link_in(uow, lead_id, family_id)
        uow.commit()
        return family_id


def link_in(uow: UnitOfWork, lead_id: int, family_id: int) -> None:
    """The lead and the conversations it came from now belong to the family (in ``uow``)."""
    lead = _load(uow.session, lead_id)
    lead.family_id = family_id
    if lead.responded_at is None:
        lead.responded_at = uow.now
    if lead.status is LeadStatus.NEW:
        lead.status = LeadStatus.CONTACTED
    uow.session.execute(update(Conversation).where(Conversation.lead_id == lead_id)
                        .values(family_id=family_id))
    uow.audit("lead.link", entity_id=lead.id, family_id=family_id)


def family_draft(row: LeadRow) -> families.FamilyDraft:
    """What a new family made from the lead starts with (the user completes it)."""
    return families.FamilyDraft(
        guardians=(families.GuardianDraft(row.name, row.phone, row.email),),
        children=(families.ChildDraft(row.child),) if row.child else (families.ChildDraft(""),),
        source=row.source, legend=row.message)


def import_csv(store: Store, actor: Actor, path: Path) -> tuple[int, list[sheets.RowError]]:
    """Website applications from CSV or XLSX (the same reading as the families' import); all
    or nothing; a row imported before is skipped. Returns (added, the rows' errors)."""
    rows_in = sheets.read_rows(Path(path))
    header = next(rows_in, [])
    cols = sheets.columns(header, HEADERS)
    if "name" not in cols and "child" not in cols:
        raise errors.ImportFailed("line 1: no 'name'/'Имя' or 'child'/'Ребёнок' column",
                                  reason="no_columns")
    rows, problems = [], []
    for line, cells in enumerate(rows_in, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {k: sheets.unguard(cells[i]) if i < len(cells) else ""
                  for k, i in cols.items()}
        bad = next(((k, sheets.bad_text(v)) for k, v in values.items() if sheets.bad_text(v)),
                   None)
        if bad:
            problems.append(sheets.RowError(line, f"{bad[1].replace('_', ' ')} in the {bad[0]}",
                                            bad[1], bad[0]))
            continue
        try:
            values = _clean(LeadDraft(**values))
        except errors.ValidationFailed as exc:
            field, code = next(iter(exc.fields.items()))
            problems.append(sheets.RowError(line, f"{field} {code}", code,
                                            values.get(field, "")))
            continue
        key = hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False)
                             .encode()).hexdigest()
        rows.append((values, key))
    if problems:
        return 0, problems
    added = 0
    with store.write(actor) as uow:
        known = set(uow.session.scalars(select(Lead.import_key).where(
            Lead.import_key.in_([k for _, k in rows]))))
        for values, key in rows:
            if key not in known:
                add_in(uow, values, key)
                known.add(key)
                added += 1
        uow.commit()
    return added, []
