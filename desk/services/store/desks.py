"""Which desks are connected to the studio's server: each desk names its listening
connection ``Desk:w`` (``Desk:r`` for one open read-only) and who works there, and
PostgreSQL shows every session's ``application_name`` to every user of the database. The
server keeps only printable ASCII there, so the name goes in Punycode (a Cyrillic name stays
short: "Мария" is "80aa1al6a")."""

from __future__ import annotations

import dataclasses

PREFIX = "Desk:"
NAME_BYTES = 63  # PostgreSQL keeps this many bytes of an application_name

# the other desks' sessions on this database (one desk may hold several connections)
OTHERS_SQL = ("SELECT DISTINCT application_name FROM pg_stat_activity "
              "WHERE datname = current_database() AND pid <> pg_backend_pid() "
              "AND left(application_name, 5) = 'Desk:' ORDER BY 1")


@dataclasses.dataclass(frozen=True, order=True)
class Desk:
    who: str  # "office-pc (Мария Лебедева)"
    read_only: bool = False


def application_name(who: str, read_only: bool) -> str:
    """What this desk's connection is called on the server; a long name is cut to fit."""
    mode = "r" if read_only else "w"
    while len(name := f"{PREFIX}{mode} {who.encode('punycode').decode()}") > NAME_BYTES:
        who = who[:-1]
    return name


def parse(names: list[str]) -> tuple[Desk, ...]:
    found = set()
    for name in names:
        if name.startswith(PREFIX) and len(name) > len(PREFIX) + 2:
            try:
                who = name[len(PREFIX) + 2:].encode().decode("punycode")
            except UnicodeError:  # not one of ours after all
                continue
            found.add(Desk(who, name[len(PREFIX)] == "r"))
    return tuple(sorted(found))


def others(connection) -> tuple[Desk, ...]:
    """The other desks connected now, seen through ``connection`` (SQLAlchemy's or
    psycopg's); none on a file of this PC."""
    if getattr(getattr(connection, "dialect", None), "name", "postgresql") != "postgresql":
        return ()
    if hasattr(connection, "exec_driver_sql"):
        rows = connection.exec_driver_sql(OTHERS_SQL).all()
    else:
        rows = connection.execute(OTHERS_SQL).fetchall()
    return parse([row[0] for row in rows])


SESSIONS_SQL = ("SELECT application_name, usename, client_addr::text FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend' ORDER BY 1, 2, 3")


def sessions(connection) -> tuple[str, ...]:
    """Everything else connected to this database (SQLAlchemy's connection): the desks by
    name, any other program (an older Desk, psql, a backup tool) as ``program — user@address``.
    An upgrade waits until there is nothing."""
    found = set()
    for app, user, address in connection.exec_driver_sql(SESSIONS_SQL).all():
        desk = parse([app or ""])
        if desk:
            found.add(desk[0].who)
        else:
            where = f"{user or '?'}@{(address or 'localhost').split('/')[0]}"
            found.add(f"{app} — {where}" if app else where)
    return tuple(sorted(found))
