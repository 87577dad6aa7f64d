"""The survey indices summed up per studio month, kept current by every write of answers and
scores, so a year's trend reads a few rows whatever the number of answers."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class IndexMonth(Base):
    """One studio month (its local calendar month): NPS over one answer per family (its latest
    in the month), CSAT over every answer, and how many answers scored any CSI item."""

    __tablename__ = "index_month"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-03"
    nps_n: Mapped[int] = mapped_column(default=0)
    promoters: Mapped[int] = mapped_column(default=0)
    detractors: Mapped[int] = mapped_column(default=0)
    csat_n: Mapped[int] = mapped_column(default=0)
    csat_top: Mapped[int] = mapped_column(default=0)  # answers of 4 or 5
    csi_n: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"IndexMonth({self.month!r}, nps n={self.nps_n})"


class CsiMonth(Base):
    """A satisfaction item's scores in one studio month: how many, and their sum on a common
    scale — Σ (value − 1) · 36 / (scale − 1), so 1–5 and 1–10 answers add up exactly."""

    __tablename__ = "csi_month"
    __table_args__ = (Index("ux_csi_month", "month", "item_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    item_id: Mapped[int] = mapped_column(ForeignKey("csi_item.id", ondelete="CASCADE"))
    n: Mapped[int] = mapped_column(default=0)
    sum36: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"CsiMonth({self.month!r}, item {self.item_id}: {self.n})"
