"""Family search: one normalised text per family in an FTS5 trigram index.

SQLite's lower() and LIKE fold ASCII only, so text is normalised here in Python: lower case,
ё = е, phone numbers as digits (with the Russian 8… form beside +7…). Every word of a query must
match somewhere in the family.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from desk.services.store.dialect import dialect_of

SEPARATOR = " | "
_PHONE_QUERY = re.compile(r"^[\d\s()+\-.]+$")
_KEEP = re.compile(r"[^\w@.]+", re.UNICODE)
MIN_TRIGRAM = 3


def fold(value: str) -> str:
    """Case- and ё-insensitive form of a text."""
    return value.casefold().replace("ё", "е")


def phone_forms(e164: str | None) -> list[str]:
    if not e164:
        return []
    digits = e164.lstrip("+")
    forms = [digits]
    if digits.startswith("7") and len(digits) == 11:
        forms.append("8" + digits[1:])
    return forms


def document(names: list[str], phones: list[str | None], extras: list[str]) -> str:
    parts = [fold(n) for n in names if n]
    for phone in phones:
        parts.extend(phone_forms(phone))
    parts.extend(fold(e) for e in extras if e)
    return SEPARATOR.join(parts)


def terms(query: str) -> list[str]:
    """Split a query into normalised terms; a query that looks like a phone is one digit run."""
    query = query.strip()
    if not query:
        return []
    if _PHONE_QUERY.match(query) and any(c.isdigit() for c in query):
        return [re.sub(r"\D", "", query)]
    found = []
    for word in query.split():
        word = fold(word)
        if re.fullmatch(r"[\d()+\-.]+", word):
            word = re.sub(r"\D", "", word)
        else:
            word = _KEEP.sub("", word).strip(".")
        if word:
            found.append(word)
    return found


def reindex(session: Session, family_id: int, body: str) -> None:
    dialect_of(session).index_put(session, family_id, body)


def drop(session: Session, family_id: int, *, purge: bool = False) -> None:
    """Take a family out of the index. ``purge``: no trace of its words stays in the index's
    storage either (an erase)."""
    dialect_of(session).index_drop(session, [family_id], purge=purge)


def matching_ids(session: Session, query: str, limit: int | None = None) -> list[int]:
    """Ids of the families matching every term, newest first. An empty query matches all."""
    words = terms(query)
    long_words = [w for w in words if len(w) >= MIN_TRIGRAM]
    short_words = [w for w in words if len(w) < MIN_TRIGRAM]
    return dialect_of(session).index_match(session, long_words, short_words, limit)
