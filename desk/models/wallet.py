"""Client wallets: an append-only ledger in integer kopecks, hash-chained per wallet."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, Kopecks, UtcDateTime, one_of, utcnow
from desk.models.enums import EntryKind, PaymentMethod

GENESIS = "0" * 64
# kopecks (10 000 000 ₽): no new entry is larger, either sign (the trigger of migration 0015);
# only the reversal of an older, larger entry may be
MAX_ENTRY = 1_000_000_000


class Wallet(Base):
    """A family's balance and the hash of its newest ledger entry (the chain head)."""

    __tablename__ = "wallet"
    __table_args__ = (CheckConstraint("entries >= 0", name="entries_count"),)

    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"),
                                           primary_key=True)
    balance: Mapped[int] = mapped_column(Kopecks, default=0)
    entries: Mapped[int] = mapped_column(default=0)
    head: Mapped[str] = mapped_column(String(64), default=GENESIS)

    def __repr__(self) -> str:
        return f"Wallet({self.family_id}, {self.balance})"


class LedgerEntry(Base):
    """Never updated or deleted: a correction is a new entry that reverses another."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        Index("ix_ledger_family_seq", "family_id", "seq", unique=True),
        Index("ux_ledger_idempotency", "idempotency_key", unique=True),
        # covering the attendance check's per-enrolment sums, and finding reversals
        Index("ix_ledger_enrolment_cover", "enrolment_id", "amount", "reverses_id"),
        # an entry is reversed once only (wallet.reverse_in says so before it gets here)
        Index("ux_ledger_reverses", "reverses_id", unique=True),
        one_of("kind", EntryKind),
        one_of("method", PaymentMethod),
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("amount <> 0", name="amount_nonzero"),
        # the sign by kind: money in is positive, money out (a lesson, a refund) negative; a
        # correction reverses one entry (either sign), and only a correction reverses
        CheckConstraint("kind <> 'TOPUP' OR amount > 0", name="topup_positive"),
        CheckConstraint("kind <> 'DEBIT' OR amount < 0", name="debit_negative"),
        CheckConstraint("kind <> 'REFUND' OR amount < 0", name="refund_negative"),
        CheckConstraint("(kind = 'CORRECTION') = (reverses_id IS NOT NULL)",
                        name="correction_reverses"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("wallet.family_id", ondelete="RESTRICT"))
    seq: Mapped[int]  # 1, 2, 3 … within the wallet
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    kind: Mapped[EntryKind] = mapped_column(Enum(EntryKind, native_enum=False, length=20))
    amount: Mapped[int] = mapped_column(Kopecks)  # signed: a top-up adds, a debit subtracts
    method: Mapped[PaymentMethod | None] = mapped_column(
        Enum(PaymentMethod, native_enum=False, length=20))
    # history stays: neither the reversed entry nor the lesson charged can be deleted
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="RESTRICT"))
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolment.id", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(Text, default="")
    idempotency_key: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"LedgerEntry({self.family_id}#{self.seq}, {self.kind.value}, {self.amount})"
