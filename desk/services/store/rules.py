"""The rules the schema holds — its CHECK constraints and UNIQUE indexes — as queries that
find the rows breaking them.

A migration that adds rules first verifies the file with them (``verify``): a file that breaks
one is not altered, the upgrade stops and names the rows. `desk check` runs the rules of the
current models (``of_metadata``) on any file, so the rows of an older file that the next
upgrade would refuse are named before it (``applicable`` leaves out the rules about tables or
columns the file does not have yet).

A migration keeps its own list of rules (frozen, as the rest of a migration: a rule changed
later is a new rule in a new migration), built from ``Check`` and ``Unique``; this module
gives the mechanics both use, so a row is named the same way by the upgrade and by the check.
"""

from __future__ import annotations

import dataclasses
import re

from sqlalchemy import CheckConstraint, Connection, MetaData, UniqueConstraint, inspect

from desk.services.store.dialect import run_literal

LIMIT = 20  # rows named at most; the rest is "… and more"


def _q(name: str) -> str:
    """An identifier, quoted the standard way (SQLite and PostgreSQL alike)."""
    return '"' + name.replace('"', '""') + '"'


@dataclasses.dataclass(frozen=True)
class Check:
    """A CHECK constraint: a row breaks it when ``condition`` is false (NULL passes, as in the
    database). ``key``: the table's primary key, which names a row; ``reads``: the columns the
    condition reads (for ``applicable``)."""

    table: str
    name: str
    condition: str
    key: str = "id"
    reads: tuple[str, ...] = ()

    def query(self, limit: int) -> str:
        return (f"SELECT {_q(self.key)}, NULL FROM {_q(self.table)} "
                f"WHERE NOT ({self.condition}) ORDER BY 1 LIMIT {int(limit)}")

    def describe(self, key: object, _first: object) -> str:
        return f"{self.table} {key}: breaks {self.name} ({self.condition})"


@dataclasses.dataclass(frozen=True)
class Unique:
    """A UNIQUE index (partial when ``where`` is given): the second and later rows with the
    same values break it; rows with a NULL among the values never do."""

    table: str
    name: str
    columns: tuple[str, ...]
    where: str | None = None
    key: str = "id"
    reads: tuple[str, ...] = ()  # the columns ``where`` reads

    def query(self, limit: int) -> str:
        key, table = _q(self.key), _q(self.table)
        cols = ", ".join(_q(c) for c in self.columns)
        where = f" WHERE {self.where}" if self.where else ""
        same = " AND ".join(f"x.{_q(c)} = d.{_q(c)}" for c in self.columns)
        return (f"SELECT x.{key}, d.first_key FROM (SELECT {key}, {cols} FROM {table}{where}) "
                f"AS x JOIN (SELECT {cols}, min({key}) AS first_key FROM {table}{where} "
                f"GROUP BY {cols} HAVING count(*) > 1) AS d ON {same} "
                f"WHERE x.{key} > d.first_key ORDER BY x.{key} LIMIT {int(limit)}")

    def describe(self, key: object, first: object) -> str:
        return (f"{self.table} {key}: the same {', '.join(self.columns)} as {self.table} "
                f"{first} breaks {self.name}" + (f" (where {self.where})" if self.where else ""))


Rule = Check | Unique


class RulesBroken(Exception):
    """Rows break rules the schema is about to hold; ``problems`` names them (at most
    ``LIMIT`` lines and a last "… and more"); ``last_good`` is the revision before the one
    that refused them (the newest schema the file can be shown in)."""

    def __init__(self, problems: list[str], last_good: str | None = None) -> None:
        super().__init__("rows break the rules of the new schema:\n" + "\n".join(problems))
        self.problems = problems
        self.last_good = last_good


def violations(connection: Connection, rules: list[Rule], limit: int = LIMIT) -> list[str]:
    """The rows that break ``rules``, one line each: table, row id, rule."""
    found: list[str] = []
    for rule in rules:
        if len(found) > limit:
            break
        rows = run_literal(connection, rule.query(limit + 1 - len(found))).fetchall()
        found += [rule.describe(key, first) for key, first in rows]
    if len(found) > limit:
        return found[:limit] + ["… and more rows"]
    return found


def verify(connection: Connection, rules: list[Rule], *, last_good: str | None = None) -> None:
    """Raise RulesBroken naming the rows that break ``rules``; nothing is changed. A migration
    gives its ``down_revision`` as ``last_good``."""
    problems = violations(connection, rules)
    if problems:
        raise RulesBroken(problems, last_good)


def _without_literals(sql: str) -> str:
    return re.sub(r"'(?:[^']|'')*'", "''", sql)


def of_metadata(metadata: MetaData) -> list[Rule]:
    """Every CHECK and UNIQUE rule the models declare, table by table."""
    rules: list[Rule] = []
    for table in metadata.sorted_tables:
        (key,) = [c.name for c in table.primary_key.columns]
        names = [c.name for c in table.columns]

        def reads(sql: str) -> tuple[str, ...]:
            bare = _without_literals(sql)
            return tuple(n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", bare))

        for constraint in sorted(table.constraints, key=lambda c: str(c.name)):
            if isinstance(constraint, CheckConstraint):
                condition = str(constraint.sqltext)
                rules.append(Check(table.name, str(constraint.name), condition, key,
                                   reads(condition)))
            elif isinstance(constraint, UniqueConstraint):
                rules.append(Unique(table.name, str(constraint.name),
                                    tuple(c.name for c in constraint.columns), None, key))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if index.unique:
                where = index.dialect_options["sqlite"]["where"]
                where = None if where is None else str(where)
                rules.append(Unique(table.name, str(index.name),
                                    tuple(c.name for c in index.columns), where, key,
                                    reads(where or "")))
    return rules


def applicable(connection: Connection, rules: list[Rule]) -> list[Rule]:
    """The rules whose table and columns the file has (an older file lacks some)."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    columns: dict[str, set[str]] = {}
    kept = []
    for rule in rules:
        if rule.table not in tables:
            continue
        if rule.table not in columns:
            columns[rule.table] = {c["name"] for c in inspector.get_columns(rule.table)}
        needed = {rule.key, *rule.reads, *(rule.columns if isinstance(rule, Unique) else ())}
        if needed <= columns[rule.table]:
            kept.append(rule)
    return kept
