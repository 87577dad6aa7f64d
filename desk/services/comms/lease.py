"""One courier per studio: the desk that holds the lease receives (Telegram allows one reader
of a bot, IMAP one cursor) and sends the shared outbox; the others show who does. The holder
renews the lease well before it runs out; when its PC goes away, another desk takes it over
once it has run out. Times come from the database's own clock, so two PCs whose clocks differ
still agree on when a lease ran out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.models.comms import CourierLease
from desk.services.store.db import Actor, Store

# a holder that stops renewing is replaced within a minute; DESK_LEASE_S shortens it (tests)
LEASE_S = float(os.environ.get("DESK_LEASE_S", "45"))
NOBODY = ""


@dataclasses.dataclass(frozen=True)
class Lease:
    holder: str  # "office-pc (Мария Лебедева)"
    until: dt.datetime
    mine: bool


def _clock(s: Session) -> dt.datetime:
    """The database's time: the server's on PostgreSQL, this PC's for a file of its own."""
    if s.get_bind().dialect.name == "postgresql":
        return s.execute(text("SELECT clock_timestamp()")).scalar_one()
    return dt.datetime.now(dt.timezone.utc)


def _row(s: Session, now: dt.datetime) -> CourierLease:
    row = s.get(CourierLease, 1, with_for_update=True, populate_existing=True)
    if row is None:
        try:
            with s.begin_nested():  # another desk may be making it at the same moment
                s.add(CourierLease(id=1, token=NOBODY, holder="", until=now))
        except IntegrityError:
            pass
        row = s.get(CourierLease, 1, with_for_update=True, populate_existing=True)
    return row


def take(store: Store, token: str, holder: str) -> Lease:
    """Take the lease, or renew it: it is ours when we hold it already, when nobody does, or
    when its holder let it run out. Otherwise, who holds it and until when."""
    with store.write(Actor(None, "")) as uow:
        s = uow.session
        now = _clock(s)
        row = _row(s, now)
        if row.token not in (token, NOBODY) and row.until > now:
            return Lease(row.holder, row.until, False)
        if row.token not in (token, NOBODY):  # its desk went away without letting go
            uow.audit("courier.take_over", before=row.holder, after=holder)
        row.token, row.holder = token, holder
        row.until = now + dt.timedelta(seconds=LEASE_S)
        uow.commit()
        return Lease(holder, row.until, True)


def look(store: Store) -> Lease | None:
    """Who holds the lease now (None: nobody, or its holder let it run out); changes
    nothing, for a desk that may not take it."""
    with store.read() as s:
        row = s.get(CourierLease, 1)
        if row is None or row.token == NOBODY or row.until <= _clock(s):
            return None
        return Lease(row.holder, row.until, False)


def release(store: Store, token: str) -> None:
    """Let go at once (the desk quits): the next desk need not wait for it to run out."""
    with store.write(Actor(None, "")) as uow:
        s = uow.session
        row = s.get(CourierLease, 1, with_for_update=True, populate_existing=True)
        if row is not None and row.token == token:
            row.token, row.until = NOBODY, _clock(s)
            uow.commit()
