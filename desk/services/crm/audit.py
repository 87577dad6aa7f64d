"""Reading the audit log (writing goes through UnitOfWork.audit)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from desk.models.audit import AuditEntry
from desk.services.crm import families
from desk.services.store.db import Store


@dataclasses.dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    staff_id: int | None
    staff_name: str
    kind: str
    family_id: int | None
    before: str
    after: str
    family: str = ""  # the family's name as shown (its pseudonym once erased)
    for_name: str = ""  # the colleague the work was done for (a handover)


def entries(
    store: Store,
    *,
    staff_id: int | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    kind_prefix: str = "",
    limit: int = 5000,
) -> list[AuditRow]:
    """Newest first; ``since`` inclusive, ``until`` exclusive (aware datetimes)."""
    with store.read() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if staff_id is not None:
            stmt = stmt.where(AuditEntry.staff_id == staff_id)
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= since)
        if until is not None:
            stmt = stmt.where(AuditEntry.at < until)
        if kind_prefix:
            stmt = stmt.where(AuditEntry.kind.startswith(kind_prefix))
        found = list(s.scalars(stmt))
        titles = families.titles(s, sorted({a.family_id for a in found if a.family_id}))
        return [
            AuditRow(a.id, a.at, a.staff_id, a.staff_name, a.kind, a.family_id, a.before, a.after,
                     titles.get(a.family_id, "") if a.family_id else "", a.for_name)
            for a in found
        ]


def kind_prefixes(store: Store) -> list[str]:
    """The areas present in the log ("family", "task", …)."""
    with store.read() as s:
        kinds = s.scalars(select(AuditEntry.kind).distinct())
        return sorted({k.split(".", 1)[0] for k in kinds})
