"""Who covers whom while a handover runs, and whom a person's work is for: the colleague who
handed it over ("Мария (за Ольгу)" in the journal). A chain (A covers B, and A is away too)
resolves to whoever is actually in."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import HandoverKind, HandoverOutcome, Role
from desk.models.handover import Handover, HandoverItem
from desk.models.studio import Staff

# the journal's kinds of work that are a role's own (the regulation's split of the desk)
AREAS: dict[Role, tuple[str, ...]] = {
    Role.COMMUNICATOR: ("inbox.", "lead.", "call.", "greeting.", "mailing.", "survey.send",
                        "survey.remind", "feedback.loop", "outbox.", "script.run",
                        ),
    Role.SYSTEM: ("attendance.", "payments.", "enrolment.", "feedback.record",
                  "feedback.send", "feedback.edit", "feedback.hand_over", "feedback.camp_send",
                  "wallet."),
}
# the journal's kinds that work on a handed-over item of each kind (what "touched" means)
TOUCHES: dict[HandoverKind, tuple[str, ...]] = {
    HandoverKind.TASK: ("task.",),
    HandoverKind.CONVERSATION: ("inbox.",),
    HandoverKind.MESSAGE: ("outbox.",),
    HandoverKind.MAILING: ("mailing.",),
    HandoverKind.FEEDBACK: ("feedback.record", "feedback.edit", "feedback.send",
                            "feedback.hand_over"),
    HandoverKind.LOOP: ("feedback.loop",),
}


def item_kind(audit_kind: str) -> HandoverKind | None:
    """The kind of handed-over item a journal entry of ``audit_kind`` works on."""
    return next((k for k, prefixes in TOUCHES.items() if audit_kind.startswith(prefixes)),
                None)


def running(s: Session) -> list[Handover]:
    """The handovers begun and not yet ended."""
    return list(s.scalars(select(Handover).where(Handover.moved_at.is_not(None),
                                                 Handover.returned_at.is_(None))
                          .order_by(Handover.moved_at)))


def holders(handovers: list[Handover]) -> dict[int, int]:
    """Each away person → whoever actually covers them (through a chain; a ring, where
    everyone is away, stops at the last one asked)."""
    to = {h.from_staff_id: h.to_staff_id for h in handovers}
    found = {}
    for away in to:
        seen, who = {away}, to[away]
        while who in to and who not in seen:
            seen.add(who)
            who = to[who]
        found[away] = who
    return found


@dataclasses.dataclass(frozen=True)
class Covering:
    """Whom ``staff_id`` covers now: people (id → name, role) and the items that moved to them
    ((kind, entity) → the owner's id and name)."""

    people: dict[int, tuple[str, Role]]
    items: dict[tuple[HandoverKind, int], tuple[int, str]]
    role: Role | None = None  # the one covering's own (their role's work is theirs anyway)

    def for_whom(self, audit_kind: str, entity_id: int | None) -> tuple[int, str] | None:
        kind = item_kind(audit_kind)
        if kind is not None and entity_id is not None and (kind, entity_id) in self.items:
            return self.items[(kind, entity_id)]
        for person, (name, role) in self.people.items():  # the absent colleague's role's work
            if role is not self.role and audit_kind.startswith(AREAS.get(role, ())):
                return person, name
        return None


NOBODY = Covering({}, {})


def covering(s: Session, staff_id: int) -> Covering:
    handovers = running(s)
    if not handovers:
        return NOBODY
    covered = [h for h in handovers if holders(handovers)[h.from_staff_id] == staff_id]
    if not covered:
        return NOBODY
    ids = {h.from_staff_id for h in covered}
    staff = {sid: (name, role) for sid, name, role in s.execute(
        select(Staff.id, Staff.name, Staff.role).where(Staff.id.in_(
            ids | {h.from_staff_id for h in handovers} | {staff_id} | set(s.scalars(
                select(HandoverItem.owner_id).where(
                    HandoverItem.handover_id.in_([h.id for h in handovers]),
                    HandoverItem.owner_id.is_not(None)))))))}
    items = {}
    for kind, entity, owner, giver in s.execute(
            select(HandoverItem.kind, HandoverItem.entity_id, HandoverItem.owner_id,
                   Handover.from_staff_id)
            .join(Handover, Handover.id == HandoverItem.handover_id)
            .where(HandoverItem.handover_id.in_([h.id for h in handovers]),
                   HandoverItem.outcome == HandoverOutcome.OPEN)
            .order_by(Handover.moved_at, Handover.id)):
        owner = owner if owner is not None else giver  # a role's item: the role's holder's
        if owner != staff_id and owner in staff:  # the first handover names its real owner
            items.setdefault((kind, entity), (owner, staff[owner][0]))
    return Covering({i: staff[i] for i in ids if i in staff}, items,
                    staff[staff_id][1] if staff_id in staff else None)
