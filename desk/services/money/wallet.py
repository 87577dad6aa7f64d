"""Wallets: every change is a new ledger entry, chained by hash to the wallet's previous one;
the wallet row keeps the balance and the chain head, so editing, deleting or inserting an entry
behind the app's back — the newest included — is found by ``verify``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.models.enums import EntryKind, PaymentMethod, TimelineKind
from desk.models.studio import Staff
from desk.models.wallet import GENESIS, MAX_ENTRY, LedgerEntry, Wallet
from desk.services.crm import families
from desk.services.money import amounts
from desk.services.store import errors
from desk.services.store.db import Actor, Store, UnitOfWork


@dataclasses.dataclass(frozen=True)
class LedgerLine:
    id: int
    seq: int
    at: dt.datetime
    kind: EntryKind
    amount: int
    method: PaymentMethod | None
    note: str
    staff_name: str
    reverses_id: int | None
    reversed_by: int | None


@dataclasses.dataclass(frozen=True)
class WalletView:
    family_id: int
    balance: int
    lines: tuple[LedgerLine, ...]


def entry_hash(prev_hash: str, family_id: int, seq: int, at: dt.datetime, kind: EntryKind,
               amount: int, method: PaymentMethod | None, reverses_id: int | None, note: str,
               idempotency_key: str | None, enrolment_id: int | None = None) -> str:
    fields = [prev_hash, family_id, seq, at.astimezone(dt.timezone.utc).isoformat(), kind.value,
              amount, method.value if method else "", reverses_id or "", note,
              idempotency_key or ""]
    if enrolment_id is not None:
        fields.append(enrolment_id)
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def append(uow: UnitOfWork, family_id: int, kind: EntryKind, amount: int, *,
           method: PaymentMethod | None = None, reverses_id: int | None = None, note: str = "",
           idempotency_key: str | None = None, enrolment_id: int | None = None) -> LedgerEntry:
    """Add one entry inside the caller's write transaction. The wallet's head read here cannot
    change before commit: SQLite's writer holds BEGIN IMMEDIATE, PostgreSQL locks the wallet's
    row (FOR UPDATE) until then."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError("amounts are integer kopecks")
    if abs(amount) > MAX_ENTRY and reverses_id is None:
        raise errors.ValidationFailed({"amount": "amount_too_large"})
    s = uow.session
    wallet = s.get(Wallet, family_id, with_for_update=True, populate_existing=True)
    if wallet is None:
        families.load(s, family_id)
        try:
            with s.begin_nested():  # another desk may be opening the same wallet
                s.add(Wallet(family_id=family_id, balance=0, entries=0, head=GENESIS))
        except IntegrityError:
            pass
        wallet = s.get(Wallet, family_id, with_for_update=True, populate_existing=True)
    seq = wallet.entries + 1
    digest = entry_hash(wallet.head, family_id, seq, uow.now, kind, amount, method, reverses_id,
                        note, idempotency_key, enrolment_id)
    entry = LedgerEntry(family_id=family_id, seq=seq, at=uow.now, kind=kind, amount=amount,
                        method=method, reverses_id=reverses_id, note=note,
                        enrolment_id=enrolment_id,
                        idempotency_key=idempotency_key, staff_id=uow.actor.staff_id,
                        prev_hash=wallet.head, hash=digest)
    s.add(entry)
    s.flush()
    s.execute(update(Wallet).where(Wallet.family_id == family_id).values(
        balance=Wallet.balance + amount, entries=Wallet.entries + 1, head=digest))
    s.expire(wallet)
    uow.audit(f"wallet.{kind.value}", entity_id=entry.id, family_id=family_id,
              after=json.dumps({"amount": amount, "method": method.value if method else None,
                                "note": note}, ensure_ascii=False))
    families.timeline_event(uow, family_id, TimelineKind.PAYMENT,
                            amounts.format_rub(amount) + (f" · {note}" if note else ""))
    return entry


def top_up(store: Store, actor: Actor, family_id: int, amount: int, method: PaymentMethod,
           note: str = "") -> int:
    if amount <= 0:
        raise errors.ValidationFailed({"amount": "amount_zero"})
    with store.write(actor) as uow:
        entry = append(uow, family_id, EntryKind.TOPUP, amount, method=method, note=note)
        uow.commit()
        return entry.id


def reverse(store: Store, actor: Actor, entry_id: int, reason: str) -> int:
    """A correction that cancels ``entry_id``; the original stays as it was. A person's
    reversal says why."""
    if not reason.strip():
        raise errors.ValidationFailed({"reason": "reason_missing"})
    note = reason.strip()
    with store.write(actor) as uow:
        entry_id = reverse_in(uow, entry_id, note)
        uow.commit()
        return entry_id


def reverse_in(uow: UnitOfWork, entry_id: int, note: str = "") -> int:
    s = uow.session
    original = s.get(LedgerEntry, entry_id)
    if original is None:
        raise errors.NotFound(f"ledger entry {entry_id} not found")
    if s.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id)):
        raise errors.AlreadyReversed(f"ledger entry {entry_id} is already reversed", entry=entry_id)
    return append(uow, original.family_id, EntryKind.CORRECTION, -original.amount,
                  method=original.method, reverses_id=entry_id, note=note,
                  enrolment_id=original.enrolment_id).id


def balance(store: Store, family_id: int) -> int:
    with store.read() as s:
        return balance_in(s, family_id)


def balance_in(session: Session, family_id: int) -> int:
    return session.scalar(select(Wallet.balance).where(Wallet.family_id == family_id)) or 0


def balances(store: Store) -> dict[int, int]:
    with store.read() as s:
        return dict(s.execute(select(Wallet.family_id, Wallet.balance)).all())


def view(store: Store, family_id: int) -> WalletView:
    with store.read() as s:
        rows = s.execute(
            select(LedgerEntry, Staff.name).outerjoin(Staff, Staff.id == LedgerEntry.staff_id)
            .where(LedgerEntry.family_id == family_id).order_by(LedgerEntry.seq.desc())
        ).all()
        reversed_by = {e.reverses_id: e.id for e, _ in rows if e.reverses_id}
        lines = tuple(
            LedgerLine(e.id, e.seq, e.at, e.kind, e.amount, e.method, e.note, name or "",
                       e.reverses_id, reversed_by.get(e.id))
            for e, name in rows)
        total = s.scalar(select(Wallet.balance).where(Wallet.family_id == family_id)) or 0
        return WalletView(family_id, total, lines)


def out_of_bounds(session: Session) -> list[str]:
    """Entries over MAX_ENTRY that an older Desk let in (e.g. a phone number read as an
    amount) and nobody has reversed yet."""
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    rows = session.execute(select(LedgerEntry.family_id, LedgerEntry.seq, LedgerEntry.amount)
                           .where(func.abs(LedgerEntry.amount) > MAX_ENTRY,
                                  LedgerEntry.reverses_id.is_(None),
                                  LedgerEntry.id.not_in(reversed_ids))).all()
    return [f"family {fid}: entry #{seq} of {amounts.format_rub(amount)} is over "
            f"{amounts.format_rub(MAX_ENTRY)}: check it and reverse it if it is wrong"
            for fid, seq, amount in rows]


def verify(session: Session) -> list[str]:
    """Integrity faults of every wallet: a broken or edited chain, a missing or inserted entry,
    a head or balance that disagrees with the ledger."""
    faults: list[str] = []
    wallets = {w.family_id: w for w in session.scalars(select(Wallet))}
    by_family: dict[int, list[LedgerEntry]] = {}
    for e in session.scalars(select(LedgerEntry).order_by(LedgerEntry.family_id,
                                                          LedgerEntry.seq)):
        by_family.setdefault(e.family_id, []).append(e)
    for family_id in sorted(set(wallets) | set(by_family)):
        wallet = wallets.get(family_id)
        entries = by_family.get(family_id, [])
        if wallet is None:
            faults.append(f"family {family_id}: ledger entries without a wallet")
            continue
        prev = GENESIS
        for expected_seq, e in enumerate(entries, start=1):
            if e.seq != expected_seq:
                faults.append(f"family {family_id}: entry #{expected_seq} is missing "
                              f"(found #{e.seq})")
                break
            if e.prev_hash != prev:
                faults.append(f"family {family_id}: entry #{e.seq} does not follow #{e.seq - 1} "
                              "(inserted or removed behind the app's back)")
                break
            digest = entry_hash(e.prev_hash, family_id, e.seq, e.at, e.kind, e.amount, e.method,
                                e.reverses_id, e.note, e.idempotency_key, e.enrolment_id)
            if digest != e.hash:
                faults.append(f"family {family_id}: entry #{e.seq} was edited (id {e.id})")
                break
            prev = e.hash
        else:
            if wallet.head != prev or wallet.entries != len(entries):
                faults.append(f"family {family_id}: the newest entries are missing "
                              f"(wallet expects {wallet.entries}, ledger has {len(entries)})")
        total = sum(e.amount for e in entries)
        if total != wallet.balance:
            faults.append(f"family {family_id}: balance {wallet.balance} differs from the ledger "
                          f"sum {total}")
    return faults
