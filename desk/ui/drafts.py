"""Drafts of edit forms on disk, so that what was typed survives a crash and is offered again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from desk.models.enums import Channel, Relation
from desk.services.crm import families


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (Channel, Relation)):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class FamilyDrafts:
    """One JSON file per family being edited ("new" for a family not saved yet)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, family_id: int | None) -> Path:
        return self.folder / f"family-{family_id or 'new'}.json"

    def save(self, draft: families.FamilyDraft) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(draft.id)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(_plain(dataclasses.asdict(draft)), ensure_ascii=False),
                       encoding="utf-8")
        tmp.replace(target)

    def load(self, family_id: int | None) -> families.FamilyDraft | None:
        try:
            data = json.loads(self.path(family_id).read_text(encoding="utf-8"))
            return families.FamilyDraft(
                id=data["id"],
                guardians=tuple(families.GuardianDraft(**{**g, "relation": Relation(g["relation"])})
                                for g in data["guardians"]),
                children=tuple(families.ChildDraft(**{**c, "birth_date": _date(c["birth_date"])})
                               for c in data["children"]),
                source=data["source"],
                preferred_channel=Channel(data["preferred_channel"]),
                legend=data["legend"],
                consent_messages=data["consent_messages"],
                consent_marketing=data["consent_marketing"],
                consent_date=_date(data["consent_date"]),
                consent_purposes=data["consent_purposes"],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def discard(self, family_id: int | None) -> None:
        self.path(family_id).unlink(missing_ok=True)
