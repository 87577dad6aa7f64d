"""Who is at the desk. The Communicator is "on a call" while a call is being logged or made
with a script, and "away" when she says so; then a waiting client's alert goes to the System
person at once instead of after 40 seconds: two people keep the one-minute promise together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import select

from desk.models.comms import Presence
from desk.models.enums import PresenceState, Role
from desk.models.studio import Staff
from desk.services.store import cover
from desk.services.store.db import Actor, Store


@dataclasses.dataclass(frozen=True)
class Status:
    staff_id: int
    name: str
    state: PresenceState
    since: dt.datetime


def set_state(store: Store, actor: Actor, state: PresenceState) -> None:
    """Record the actor's state; nothing is written when it is already so."""
    if actor.staff_id is None:
        return
    with store.write(actor) as uow:
        row = uow.session.get(Presence, actor.staff_id)
        before = row.state if row is not None else PresenceState.AVAILABLE
        if before is state:
            return
        if row is None:
            row = Presence(staff_id=actor.staff_id, state=state)
            uow.session.add(row)
        row.state, row.since = state, uow.now
        uow.audit("presence.set", entity_id=actor.staff_id,
                  before=json.dumps({"state": before.value}),
                  after=json.dumps({"state": state.value}))
        uow.commit()


def state_of(store: Store, staff_id: int) -> PresenceState:
    with store.read() as s:
        row = s.get(Presence, staff_id)
        return row.state if row is not None else PresenceState.AVAILABLE


def communicator_busy(store: Store) -> Status | None:
    """The Communicator who is on a call or away, when no other Communicator is at the desk;
    None while someone is there to answer. A Communicator who handed her work over is
    replaced by whoever covers her."""
    with store.read() as s:
        ids = set(s.scalars(select(Staff.id).where(Staff.role == Role.COMMUNICATOR,
                                                   Staff.active.is_(True))))
        away = cover.holders(cover.running(s))
        rows = s.execute(
            select(Staff.id, Staff.name, Presence.state, Presence.since)
            .outerjoin(Presence, Presence.staff_id == Staff.id)
            .where(Staff.id.in_({away.get(i, i) for i in ids}))).all()
    busy = [Status(sid, name, state, since) for sid, name, state, since in rows
            if state in (PresenceState.ON_CALL, PresenceState.AWAY)]
    if not busy or len(busy) < len(rows):
        return None
    return max(busy, key=lambda x: x.since)
