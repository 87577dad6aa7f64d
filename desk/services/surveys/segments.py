"""Who a survey is for, computed from the data, never a hand-picked list: the kind of
direction, how many lessons a child attended in a window and when last, a family that showed
interest and never came, a party ahead or just held.

A rule is kept on the survey as JSON: ``{"kind": "hike", "rule": "regular", "window_days": 90,
"min_visits": 3, "recent_days": 30}`` (the numbers a rule does not use are left out).

- ``regular`` — came and keeps coming: a child attended at least ``min_visits`` lessons of the
  kind that started in the last ``window_days``, the latest within ``recent_days``;
- ``once`` — came once and stopped: a child attended exactly one lesson of the kind ever, more
  than ``recent_days`` and at most ``window_days`` ago, and nothing of the kind is booked;
- ``attended`` — a general review: a child attended a lesson of the kind in the last
  ``recent_days``;
- ``lead_never_enrolled`` — showed interest but never came: a family added in the last
  ``window_days`` whose children never attended anything and have nothing booked;
- ``party_before`` — a child is booked on a lesson of the kind within the next ``recent_days``;
- ``party_after`` — a child attended a lesson of the kind in the last ``recent_days``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import DirectionKind, Mark
from desk.models.family import Child, Family
from desk.models.schedule import Direction, Enrolment, Lesson
from desk.services.comms import greetings
from desk.services.store import errors

RULES = ("regular", "once", "attended", "lead_never_enrolled", "party_before", "party_after")
KINDS = ("any",) + tuple(k.value for k in DirectionKind)
PARAMS = {  # the numbers each rule uses, with their defaults
    "regular": {"window_days": 90, "min_visits": 3, "recent_days": 30},
    "once": {"window_days": 180, "recent_days": 30},
    "attended": {"recent_days": 14},
    "lead_never_enrolled": {"window_days": 90},
    "party_before": {"recent_days": 7},
    "party_after": {"recent_days": 7},
}
LIMITS = {"window_days": (1, 730), "min_visits": (1, 200), "recent_days": (1, 365)}


@dataclasses.dataclass(frozen=True)
class Rule:
    kind: str = "any"  # a DirectionKind's value, or "any"
    rule: str = "attended"
    window_days: int = 90
    min_visits: int = 3
    recent_days: int = 14

    @classmethod
    def from_dict(cls, data: dict) -> Rule:
        rule = data.get("rule") if data.get("rule") in RULES else "attended"
        values = {**PARAMS[rule], **{k: v for k, v in data.items()
                                    if k in PARAMS[rule] and isinstance(v, int)}}
        kind = data.get("kind") if data.get("kind") in KINDS else "any"
        return cls(kind=kind, rule=rule, **values)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "rule": self.rule,
                **{k: getattr(self, k) for k in PARAMS[self.rule]}}

    def check(self) -> None:
        """Refuses a rule that cannot be computed, naming the field."""
        if self.rule not in RULES:
            raise errors.ValidationFailed({"rule": "rule_unknown"})
        if self.kind not in KINDS:
            raise errors.ValidationFailed({"kind": "rule_unknown"})
        for name in PARAMS[self.rule]:
            low, high = LIMITS[name]
            if not low <= getattr(self, name) <= high:
                raise errors.ValidationFailed({name: "days_invalid"})
        if self.rule in ("regular", "once") and self.recent_days > self.window_days:
            raise errors.ValidationFailed({"recent_days": "recent_over_window"})


@dataclasses.dataclass(frozen=True)
class Match:
    children: tuple[str, ...]  # the first names of the children the rule found (or all)
    direction: str  # the direction of the visit (or booking) the rule went by; "" for none


def audience(s: Session, rule: Rule, now: dt.datetime) -> dict[int, Match]:
    """family id → why it is in the segment (siblings together)."""
    if rule.rule == "lead_never_enrolled":
        return _never_came(s, rule, now)
    stmt = (select(Enrolment.family_id, Enrolment.child_id, Child.name, Direction.name,
                   Lesson.starts_at, Enrolment.mark, Child.position)
            .join(Lesson, Lesson.id == Enrolment.lesson_id)
            .join(Direction, Direction.id == Lesson.direction_id)
            .join(Child, Child.id == Enrolment.child_id)
            .join(Family, Family.id == Enrolment.family_id)
            .where(Family.erased.is_(False), Child.archived_at.is_(None),
                   Lesson.cancelled_at.is_(None), Enrolment.mark != Mark.CANCELLED)
            .order_by(Lesson.starts_at))
    if rule.kind != "any":
        stmt = stmt.where(Direction.kind == DirectionKind(rule.kind))
    window = now - dt.timedelta(days=rule.window_days)
    recent = now - dt.timedelta(days=rule.recent_days)
    if rule.rule in ("attended", "party_after"):
        stmt = stmt.where(Lesson.starts_at >= recent, Lesson.starts_at <= now)
    elif rule.rule == "party_before":
        stmt = stmt.where(Lesson.starts_at > now,
                          Lesson.starts_at <= now + dt.timedelta(days=rule.recent_days))
    elif rule.rule == "regular":
        stmt = stmt.where(Lesson.starts_at >= window)
    per_child: dict[int, list[tuple]] = {}
    for fid, cid, child, direction, starts, mark, position in s.execute(stmt):
        per_child.setdefault(cid, []).append((fid, (position, child), direction, starts, mark))
    found: dict[int, tuple[list[tuple[int, str]], str, dt.datetime]] = {}
    for visits in per_child.values():
        attended = [v for v in visits if v[4] is Mark.ATTENDED and v[3] <= now]
        ahead = [v for v in visits if v[3] > now and v[4] is Mark.NONE]
        if rule.rule == "regular":
            took = (attended[-1] if len(attended) >= rule.min_visits
                    and attended[-1][3] >= recent else None)
        elif rule.rule == "once":
            took = (attended[0] if len(attended) == 1 and not ahead
                    and window <= attended[0][3] < recent else None)
        elif rule.rule == "party_before":
            took = ahead[0] if ahead else None
        else:
            took = attended[-1] if attended else None
        if took is None:
            continue
        fid, child, direction, starts, _mark = took
        names, last, when = found.get(fid, ([], direction, starts))
        names.append(child)
        found[fid] = (names, direction if starts >= when else last, max(starts, when))
    return {fid: Match(tuple(greetings.first_name(n) for _p, n in sorted(names)), direction)
            for fid, (names, direction, _w) in found.items()}


def _never_came(s: Session, rule: Rule, now: dt.datetime) -> dict[int, Match]:
    came_or_booked = (select(Enrolment.family_id)
                      .join(Lesson, Lesson.id == Enrolment.lesson_id)
                      .where((Enrolment.mark == Mark.ATTENDED)
                             | ((Lesson.starts_at > now) & (Enrolment.mark == Mark.NONE)
                                & Lesson.cancelled_at.is_(None))))
    families = select(Family.id).where(
        Family.erased.is_(False), Family.created_at >= now - dt.timedelta(days=rule.window_days),
        Family.created_at <= now, Family.id.not_in(came_or_booked))
    found: dict[int, list[str]] = {fid: [] for fid in s.scalars(families)}
    for fid, name in s.execute(select(Child.family_id, Child.name)
                               .where(Child.family_id.in_(select(families.subquery().c.id)),
                                      Child.archived_at.is_(None))
                               .order_by(Child.family_id, Child.position)):
        found[fid].append(greetings.first_name(name))
    return {fid: Match(tuple(names), "") for fid, names in found.items()}
