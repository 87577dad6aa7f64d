"""The declarative base and the column types shared by every model."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Integer, MetaData, text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator):
    """A timezone-aware datetime stored as naive UTC; naive input is a bug and is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime refused by the store: {value!r}")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# kopecks: 64-bit on PostgreSQL (a balance may pass 21 million roubles); SQLite's INTEGER is
# 64-bit already
Kopecks = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def one_of(column: str, kind: type[enum.Enum], *, values: bool = False) -> CheckConstraint:
    """A CHECK named ``ck_<table>_<column>``: the column holds one of ``kind``'s members as
    stored, their names (an ``Enum(..., native_enum=False)`` column) or, with ``values``, their
    values (a plain string column). NULL passes (a nullable column's "none")."""
    stored = ", ".join(f"'{m.value if values else m.name}'" for m in kind)
    return CheckConstraint(f"{column} IN ({stored})", name=column)


def partial(where: str) -> dict[str, object]:
    """The WHERE of a partial index (``Index(..., **partial("…"))``), for each database that
    has them."""
    return {"sqlite_where": text(where), "postgresql_where": text(where)}
