"""Loyalty signals that feed NPS by the regulation: a new family came on a family's word (the
referrer's card shows it), a review (Yandex and others) with its link, a mention in social
networks, "recommends us" said in a survey, a call or in person. Logged from the family's card;
a mistaken one is removed (both are in the journal)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from urllib.parse import urlsplit

from sqlalchemy import or_, select

from desk.models.enums import LoyaltyKind
from desk.models.family import LoyaltySignal
from desk.services.crm import families
from desk.services.store import errors
from desk.services.store.db import Actor, Store

LINKED = (LoyaltyKind.REVIEW, LoyaltyKind.MENTION)  # these are logged with their link


@dataclasses.dataclass(frozen=True)
class SignalDraft:
    family_id: int
    kind: LoyaltyKind
    at: dt.datetime
    link: str = ""
    note: str = ""
    referred_id: int | None = None  # a referral: the new family


@dataclasses.dataclass(frozen=True)
class SignalRow:
    id: int
    family_id: int
    kind: LoyaltyKind
    at: dt.datetime
    link: str
    note: str
    other_id: int | None  # a referral: the other family (the new one, or the referrer)
    other: str  # its title
    referrer: bool  # a referral seen from the new family's side: ``other`` brought it


def record(store: Store, actor: Actor, d: SignalDraft) -> int:
    """Log a signal; a review or a mention needs its link, a referral the family it brought
    (not itself, and once)."""
    link = d.link.strip()
    if d.kind in LINKED:
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise errors.ValidationFailed({"link": "url_invalid"})
    if d.kind is LoyaltyKind.REFERRAL and d.referred_id is None:
        raise errors.ValidationFailed({"referred": "referred_missing"})
    if d.referred_id is not None and d.referred_id == d.family_id:
        raise errors.ValidationFailed({"referred": "referred_self"})
    with store.write(actor) as uow:
        s = uow.session
        families.load(s, d.family_id)
        if d.at > uow.now:
            raise errors.ValidationFailed({"at": "date_in_future"})
        if d.kind is LoyaltyKind.REFERRAL:
            families.load(s, d.referred_id)
            if s.scalar(select(LoyaltySignal.id).where(
                    LoyaltySignal.kind == LoyaltyKind.REFERRAL,
                    LoyaltySignal.referred_id == d.referred_id)) is not None:
                raise errors.ValidationFailed({"referred": "referred_twice"})
        row = LoyaltySignal(family_id=d.family_id, kind=d.kind, at=d.at, link=link,
                            note=d.note.strip(),
                            referred_id=d.referred_id if d.kind is LoyaltyKind.REFERRAL
                            else None, staff_id=actor.staff_id, created_at=uow.now)
        s.add(row)
        s.flush()
        uow.audit("loyalty.record", entity_id=row.id, family_id=d.family_id, after=json.dumps(
            {"kind": d.kind.value, "link": link, "note": row.note}, ensure_ascii=False))
        uow.commit()
        return row.id


def remove(store: Store, actor: Actor, signal_id: int) -> None:
    with store.write(actor) as uow:
        row = uow.session.get(LoyaltySignal, signal_id)
        if row is None:
            raise errors.NotFound(f"no loyalty signal {signal_id}")
        uow.audit("loyalty.remove", entity_id=row.id, family_id=row.family_id,
                  before=json.dumps({"kind": row.kind.value, "link": row.link,
                                     "note": row.note}, ensure_ascii=False))
        uow.session.delete(row)
        uow.commit()


def of_family(store: Store, family_id: int) -> list[SignalRow]:
    """The family's signals, and the referral that brought it, the newest first."""
    with store.read() as s:
        rows = list(s.scalars(select(LoyaltySignal).where(or_(
            LoyaltySignal.family_id == family_id, LoyaltySignal.referred_id == family_id))
            .order_by(LoyaltySignal.at.desc(), LoyaltySignal.id.desc())))
        others = {r.referred_id if r.family_id == family_id else r.family_id for r in rows
                  if r.kind is LoyaltyKind.REFERRAL}
        titles = families.titles(s, sorted(o for o in others if o is not None))
        found = []
        for r in rows:
            brought_us = r.family_id != family_id
            other = (r.family_id if brought_us else r.referred_id) \
                if r.kind is LoyaltyKind.REFERRAL else None
            found.append(SignalRow(r.id, r.family_id, r.kind, r.at, r.link, r.note, other,
                                   titles.get(other, "") if other else "", brought_us))
        return found
