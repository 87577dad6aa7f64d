"""Birthday greetings: today's and this week's birthdays of children, siblings born on the
same day merged into one message for the family, and of parents whose birth date is known, each
filled from the studio's template (one for children, one for parents) and marked done once
sent: once per family, day and person ("whom": "" for the children, "parent:<id>")."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json

from sqlalchemy import and_, extract, or_, select
from sqlalchemy.orm import Session

from desk.models.comms import Greeting
from desk.models.enums import Channel, TimelineKind
from desk.models.family import Child, Family, Guardian
from desk.services.comms import templates
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import texts
from desk.services.store.db import Actor, Store, UnitOfWork

WEEK = 7


@dataclasses.dataclass(frozen=True)
class GreetingRow:
    family_id: int
    birthday: dt.date  # this year's date
    children: tuple[str, ...]  # first names, siblings with the same birthday together
    ages: tuple[int, ...]
    parent: str  # the first parent's first name, or the parent whose birthday it is
    channel: Channel
    done: bool
    text: str
    whom: str = ""  # "": the children; "parent:<guardian id>": a parent's own birthday


def _this_year(birth: dt.date, year: int) -> dt.date:
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 2, 28)


def first_name(full: str) -> str:
    parts = full.split()
    return parts[1] if len(parts) > 1 else full


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " и " + names[-1]


def family_names(session: Session, family_id: int) -> dict[str, str]:
    """The placeholders every message to a family can fill: {parent} (the first parent's first
    name) and {child} (the children's first names together), when the family has them."""
    values = {}
    parent = session.scalar(select(Guardian.name).where(Guardian.family_id == family_id)
                            .order_by(Guardian.position).limit(1))
    if parent:
        values["parent"] = first_name(parent)
    kids = list(session.scalars(select(Child.name).where(Child.family_id == family_id,
                                                         Child.archived_at.is_(None))
                                .order_by(Child.position)))
    if kids:
        values["child"] = join_names([first_name(k) for k in kids])
    return values


def _near(column, window: set[dt.date]):
    """The birth dates whose day and month fall in ``window`` (29 February too where the
    window holds a common year's 28 February): the database picks them, not a full read."""
    pairs = {(d.month, d.day) for d in window}
    if any(d.month == 2 and d.day == 28 and not calendar.isleap(d.year) for d in window):
        pairs.add((2, 29))
    return or_(*(and_(extract("month", column) == m, extract("day", column) == d)
                 for m, d in sorted(pairs)))


def upcoming(store: Store, days: int = WEEK) -> list[GreetingRow]:
    with store.read() as s:
        info = studio.load_info(s)
        today = store.now().astimezone(info.tz).date()
        window = {today + dt.timedelta(days=i) for i in range(days)}
        body = templates.get(store, "greeting")
        parent_body = templates.get(store, "greeting_parent")
        rows = s.execute(select(Child.family_id, Child.name, Child.birth_date)
                         .join(Family, Family.id == Child.family_id)
                         .where(Child.birth_date.is_not(None), Family.erased.is_(False),
                                Child.archived_at.is_(None), _near(Child.birth_date, window))
                         .order_by(Child.position)).all()
        groups: dict[tuple[int, dt.date], list[tuple[str, int]]] = {}
        for fid, name, birth in rows:
            for year in {today.year, today.year + 1}:
                day = _this_year(birth, year)
                if day in window:
                    groups.setdefault((fid, day), []).append((first_name(name),
                                                               day.year - birth.year))
        adults: dict[tuple[int, dt.date], list[tuple[int, str, int]]] = {}
        for gid, fid, name, birth in s.execute(
                select(Guardian.id, Guardian.family_id, Guardian.name, Guardian.birth_date)
                .join(Family, Family.id == Guardian.family_id)
                .where(Guardian.birth_date.is_not(None), Family.erased.is_(False),
                       _near(Guardian.birth_date, window))):
            for year in {today.year, today.year + 1}:
                day = _this_year(birth, year)
                if day in window:
                    adults.setdefault((fid, day), []).append((gid, first_name(name),
                                                              day.year - birth.year))
        if not groups and not adults:
            return []
        ids = sorted({fid for fid, _ in groups} | {fid for fid, _ in adults})
        parents = {}
        for fid, name in s.execute(select(Guardian.family_id, Guardian.name)
                                   .where(Guardian.family_id.in_(ids))
                                   .order_by(Guardian.position)):
            parents.setdefault(fid, first_name(name))
        channels = dict(s.execute(select(Family.id, Family.preferred_channel)
                                  .where(Family.id.in_(ids))).all())
        done = set(s.execute(select(Greeting.family_id, Greeting.birthday, Greeting.whom)
                             .where(Greeting.family_id.in_(ids))).all())
    found = []
    for (fid, day), kids in groups.items():
        names = [k for k, _ in kids]
        text = templates.render(body, {"parent": parents.get(fid, ""),
                                       "child": join_names(names), "studio": info.name,
                                       "age": ", ".join(str(a) for _, a in kids)})
        found.append(GreetingRow(fid, day, tuple(names), tuple(a for _, a in kids),
                                 parents.get(fid, ""), channels[fid], (fid, day, "") in done,
                                 text))
    for (fid, day), people in adults.items():
        for gid, name, age in people:
            whom = f"parent:{gid}"
            text = templates.render(parent_body, {"parent": name, "studio": info.name,
                                                  "age": str(age)})
            found.append(GreetingRow(fid, day, (), (age,), name, channels[fid],
                                     (fid, day, whom) in done, text, whom))
    return sorted(found, key=lambda r: (r.birthday, r.family_id, r.whom))


def mark_done(store: Store, actor: Actor, family_id: int, birthday: dt.date, text: str,
              whom: str = "") -> None:
    with store.write(actor) as uow:
        mark_done_in(uow, family_id, birthday, text, whom)
        uow.commit()


def mark_done_in(uow: UnitOfWork, family_id: int, birthday: dt.date, text: str,
                 whom: str = "") -> bool:
    """False when the greeting was marked before."""
    families.load(uow.session, family_id)
    exists = uow.session.scalar(select(Greeting.id).where(
        Greeting.family_id == family_id, Greeting.birthday == birthday, Greeting.whom == whom))
    if exists:
        return False
    uow.session.add(Greeting(family_id=family_id, birthday=birthday, text=text, whom=whom,
                             done_at=uow.now, staff_id=uow.actor.staff_id))
    families.timeline_event(uow, family_id, TimelineKind.NOTE, texts.GREETING_DONE)
    uow.audit("greeting.done", family_id=family_id,
              after=json.dumps({"birthday": birthday.isoformat(), "whom": whom}))
    return True


SAMPLE = {"parent": "Вера", "child": "Саша и Маша", "studio": "Студия", "age": "7, 7"}
SAMPLE_PARENT = {"parent": "Вера", "studio": "Студия", "age": "35"}
