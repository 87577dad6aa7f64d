"""The studio edits its surveys (name, form link, the question for the family's code, the
invitation and the reminder, the segment's rule) and adds its own; and its satisfaction items
with their importance."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import func, select

from desk.models.surveys import CsiItem, Survey
from desk.services.comms import templates
from desk.services.store import errors
from desk.services.store.db import Actor, Store
from desk.services.surveys import invites, segments


@dataclasses.dataclass(frozen=True)
class SurveyDraft:
    id: int | None  # None: a new survey
    name: str
    form_url: str
    code_entry: str  # "entry.123456", or a pre-filled link it is read from
    invitation: str
    reminder: str
    reminder_days: int
    rule: segments.Rule
    active: bool = True


@dataclasses.dataclass(frozen=True)
class ItemDraft:
    id: int | None  # None: a new item
    name: str
    importance: int
    active: bool = True


def _template(field: str, body: str) -> None:
    try:
        templates.validate(body, invites.SAMPLE)
    except errors.ValidationFailed as exc:
        raise errors.ValidationFailed({field: next(iter(exc.fields.values()))},
                                      **exc.params) from None


def _check(d: SurveyDraft) -> SurveyDraft:
    name = " ".join(d.name.split())
    if not name:
        raise errors.ValidationFailed({"name": "name_empty"})
    code_entry = invites.code_entry_of(d.code_entry)
    url = invites.check_url(d.form_url, code_entry)
    _template("invitation", d.invitation)
    _template("reminder", d.reminder)
    if not 1 <= d.reminder_days <= 60:
        raise errors.ValidationFailed({"reminder_days": "days_invalid"})
    d.rule.check()
    return dataclasses.replace(d, name=name, form_url=url, code_entry=code_entry,
                               invitation=d.invitation.strip(), reminder=d.reminder.strip())


def _snapshot(x: Survey) -> dict:
    return {"name": x.name, "form_url": x.form_url, "code_entry": x.code_entry,
            "invitation": x.invitation, "reminder": x.reminder,
            "reminder_days": x.reminder_days, **json.loads(x.segment or "{}"),
            "active": x.active}


def save(store: Store, actor: Actor, draft: SurveyDraft) -> int:
    """A survey changed or added; returns its id. A new one gets a key of its own for the
    command line (``survey_<n>``)."""
    d = _check(draft)
    with store.write(actor) as uow:
        s = uow.session
        taken = {name.casefold() for name in s.scalars(  # SQLite's lower() is ASCII only
            select(Survey.name).where(Survey.id != (d.id or 0)))}
        if d.name.casefold() in taken:
            raise errors.ValidationFailed({"name": "name_taken"})
        if d.id is None:
            n = (s.scalar(select(func.max(Survey.id))) or 0) + 1
            while s.scalar(select(Survey.id).where(Survey.key == f"survey_{n}")) is not None:
                n += 1
            row = Survey(key=f"survey_{n}", created_at=uow.now,
                         position=(s.scalar(select(func.max(Survey.position))) or 0) + 1)
            s.add(row)
            before = ""
        else:
            row = s.get(Survey, d.id)
            if row is None:
                raise errors.NotFound(f"no survey {d.id}")
            before = json.dumps(_snapshot(row), ensure_ascii=False)
        row.name, row.form_url, row.code_entry = d.name, d.form_url, d.code_entry
        row.invitation, row.reminder, row.reminder_days = d.invitation, d.reminder, \
            d.reminder_days
        row.segment = json.dumps(d.rule.as_dict())
        row.active = d.active
        s.flush()
        uow.audit("survey.save", entity_id=row.id, before=before,
                  after=json.dumps(_snapshot(row), ensure_ascii=False))
        uow.commit()
        return row.id


def save_items(store: Store, actor: Actor, drafts: list[ItemDraft]) -> None:
    """The satisfaction items as listed (in this order); an item left out of the list is kept
    but switched off, so its past scores stay readable."""
    clean = []
    for n, d in enumerate(drafts):
        name = " ".join(d.name.split())
        if not name:
            raise errors.ValidationFailed({f"item.{n}.name": "name_empty"})
        if not 1 <= d.importance <= 10:
            raise errors.ValidationFailed({f"item.{n}.importance": "importance_invalid"})
        clean.append(dataclasses.replace(d, name=name))
    names = [d.name.casefold() for d in clean]
    for n, name in enumerate(names):
        if name in names[:n]:
            raise errors.ValidationFailed({f"item.{n}.name": "name_taken"})
    with store.write(actor) as uow:
        s = uow.session
        rows = {i.id: i for i in s.scalars(select(CsiItem))}
        before = {"items": [{"name": i.name, "importance": i.importance, "active": i.active}
                            for i in sorted(rows.values(), key=lambda i: i.position)]}
        listed = {d.id for d in clean if d.id is not None}
        for row in rows.values():
            if row.id not in listed:
                row.active = False
        taken = {i.key for i in rows.values()}
        for n, d in enumerate(clean):
            row = rows.get(d.id) if d.id is not None else None
            if row is None:
                number = len(taken) + 1
                while f"item_{number}" in taken:
                    number += 1
                row = CsiItem(key=f"item_{number}")
                taken.add(row.key)
                s.add(row)
            row.name, row.importance, row.active, row.position = d.name, d.importance, \
                d.active, n
        s.flush()
        after = {"items": [{"name": d.name, "importance": d.importance, "active": d.active}
                           for d in clean]}
        uow.audit("survey.items", before=json.dumps(before, ensure_ascii=False),
                  after=json.dumps(after, ensure_ascii=False))
        uow.commit()
