"""The studio's surveys and satisfaction items: listed, seeded for a new studio."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import select

from desk.models.surveys import CsiItem, Survey
from desk.services.staff import studio
from desk.services.store import events, texts
from desk.services.store.db import Store, UnitOfWork


@dataclasses.dataclass(frozen=True)
class AnswersChanged(events.Event):
    """Survey answers were added or removed: ``times`` are when they were answered."""

    times: tuple[dt.datetime, ...]


@dataclasses.dataclass(frozen=True)
class SurveyRow:
    id: int
    key: str
    name: str
    form_url: str
    invitation: str
    code_entry: str  # the form's question the family's code is pre-filled into
    reminder: str
    reminder_days: int
    segment: dict
    timezone: str  # "": the studio's
    mapping: dict  # field → column header, as last used
    active: bool


@dataclasses.dataclass(frozen=True)
class Item:
    id: int
    key: str
    name: str
    importance: int
    active: bool


@events.handler(studio.StudioCreated)
def seed(uow: UnitOfWork, _event: studio.StudioCreated | None = None) -> None:
    """A new studio's surveys and satisfaction items: the regulation's, to be edited."""
    s = uow.session
    if s.scalar(select(Survey.id).limit(1)) is None:
        s.add_all(Survey(key=key, name=name, invitation=invitation, segment=json.dumps(segment),
                         reminder=texts.SURVEY_REMINDER, position=n, created_at=uow.now)
                  for n, (key, name, segment, invitation) in enumerate(texts.DEFAULT_SURVEYS))
    if s.scalar(select(CsiItem.id).limit(1)) is None:
        s.add_all(CsiItem(key=key, name=name, position=n)
                  for n, (key, name) in enumerate(texts.DEFAULT_CSI_ITEMS))


def surveys(store: Store, *, active_only: bool = False) -> list[SurveyRow]:
    with store.read() as s:
        query = select(Survey).order_by(Survey.position, Survey.name)
        if active_only:
            query = query.where(Survey.active.is_(True))
        return [_row(x) for x in s.scalars(query)]


def _row(x: Survey) -> SurveyRow:
    return SurveyRow(x.id, x.key, x.name, x.form_url, x.invitation, x.code_entry, x.reminder,
                     x.reminder_days, json.loads(x.segment or "{}"), x.timezone,
                     json.loads(x.mapping or "{}"), x.active)


def items(store: Store, *, active_only: bool = True) -> list[Item]:
    with store.read() as s:
        query = select(CsiItem).order_by(CsiItem.position, CsiItem.name)
        if active_only:
            query = query.where(CsiItem.active.is_(True))
        return [Item(i.id, i.key, i.name, i.importance, i.active) for i in s.scalars(query)]
