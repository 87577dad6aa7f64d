"""The studio's server (PostgreSQL): its URL, its password from the OS keyring, and the check
that says plainly what is wrong with a connection before anything is written.

The password never reaches the settings, the logs or an exception: the URL Desk keeps and
shows has none. Scripts without a keyring give it the way every PostgreSQL client takes it
(``PGPASSWORD``, a ``.pgpass`` file): libpq reads those itself.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from desk.services.store import credentials, errors, redact
from desk.services.store.db import CONNECT_TIMEOUT_S

SCHEMES = ("postgresql", "postgresql+psycopg")


def is_url(where: str | Path) -> bool:
    """A server URL rather than a file's path."""
    return isinstance(where, str) and "://" in where


def parse(text: str) -> URL:
    """A PostgreSQL URL, driver psycopg; anything else is refused with a message."""
    try:
        url = make_url(text.strip())
    except Exception:
        raise errors.BadServerUrl(f"not a database URL: {text!r}", text=text) from None
    if url.drivername not in SCHEMES or not url.host or not url.database:
        raise errors.BadServerUrl(
            "a server URL looks like postgresql+psycopg://user@host:5432/database",
            text=url.render_as_string(hide_password=True))
    return url.set(drivername="postgresql+psycopg")


def url_of(host: str, port: int, database: str, user: str) -> str:
    """The URL of the form a person fills in (the first start's "the studio's server");
    a missing or malformed field is refused by name."""
    host, database, user = host.strip(), database.strip(), user.strip()
    fields = {}
    if not host:
        fields["host"] = "host_empty"
    elif any(c.isspace() or c in "/@:?#" for c in host):
        fields["host"] = "host_invalid"
    if not database:
        fields["database"] = "database_empty"
    if not user:
        fields["user"] = "user_empty"
    if fields:
        raise errors.ValidationFailed(fields)
    return URL.create("postgresql+psycopg", username=user, host=host, port=port,
                      database=database).render_as_string(hide_password=True)


def shown(url: URL | str) -> str:
    """The URL as Desk keeps and shows it: never with the password."""
    url = parse(url) if isinstance(url, str) else url
    return url.set(password=None).render_as_string(hide_password=True)


def secret_name(url: URL) -> str:
    return f"postgresql:{url.username or ''}@{url.host}:{url.port or 5432}/{url.database}"


def remember_password(url: URL, password: str) -> None:
    credentials.put(secret_name(url), password)


def with_password(url: URL) -> URL:
    """The URL to connect with: a password written in it, else the keyring's, else none (libpq
    then looks at PGPASSWORD and .pgpass)."""
    if url.password:
        redact.remember(str(url.password))
        return url
    try:
        secret = credentials.get(secret_name(url))
    except errors.SecretStoreUnavailable:
        secret = None
    return url.set(password=secret) if secret else url


@dataclasses.dataclass(frozen=True)
class ServerInfo:
    version: str
    encoding: str
    ctype: str
    read_only: bool  # the role may not write (a supervisor's PC)


def _utf8(text: str) -> bool:
    return text.replace("-", "").lower().endswith("utf8")


def connection_problem(exc: BaseException, url: URL) -> errors.DeskError:
    """What a refused connection means for the user."""
    text = str(getattr(exc, "orig", exc) or exc)
    lowered = text.lower()
    where = shown(url)
    if "password authentication failed" in lowered or "no password supplied" in lowered \
            or "password is required" in lowered:
        return errors.ServerRefusedPassword(
            f"the server refused the password of {url.username}", url=where,
            user=url.username or "")
    if "does not exist" in lowered and "database" in lowered:
        return errors.ServerDatabaseMissing(
            f"the server has no database {url.database}", url=where,
            database=url.database or "")
    return errors.ServerUnreachable(
        f"cannot reach the studio's server at {url.host}:{url.port or 5432}", url=where,
        host=url.host or "", port=url.port or 5432)


def probe(url: URL) -> ServerInfo:
    """Connect once with the driver itself (before SQLAlchemy, which cannot even start on a
    database that hands back bytes) and learn the server's version, the database's encoding
    and character type, and whether this role may write; a database that is not UTF-8 is
    refused: Cyrillic lower-casing and trigram search break silently there."""
    import psycopg

    try:
        conn = psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                               user=url.username, password=url.password,
                               connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as exc:
        raise connection_problem(exc, url) from None
    with conn:
        row = conn.execute(
            "SELECT current_setting('server_version'), pg_encoding_to_char(encoding), "
            "datctype::text, current_setting('transaction_read_only') = 'on' OR (to_regclass("
            "'family') IS NOT NULL AND NOT has_table_privilege('family', 'INSERT')) "
            "FROM pg_database WHERE datname = current_database()").fetchone()
    version, encoding, ctype, read_only = (
        v.decode("ascii", "replace") if isinstance(v, bytes) else v for v in row)
    if encoding.upper() != "UTF8" or not _utf8(ctype):
        raise errors.ServerNotUtf8(
            f"the database uses {encoding} with character type {ctype}; Desk needs UTF-8 "
            "(create it with ENCODING 'UTF8' and a UTF-8 locale such as C.UTF-8)",
            encoding=encoding, ctype=ctype)
    return ServerInfo(version, encoding, ctype, bool(read_only))
