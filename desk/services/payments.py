"""Payment lines as the desk types or pastes them: "2500 Демин Саша", "2 500,50 ₽ Ёлкин Саша",
"1200 елкина вера". Each line is matched to a family by the surname and first name of a parent
or a child, in either order, any case, ё = е; a line that fits several families is never matched
silently. Posting carries an idempotency key per line, so the same paste posted twice (after a
crash, say) is recognised."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.family import Child, Guardian
from desk.models.wallet import EntryKind, LedgerEntry, PaymentMethod
from desk.services import errors, money, search, wallet
from desk.services.db import Actor, Store


@dataclasses.dataclass(frozen=True)
class PaymentLine:
    line: int  # 1-based number among the input's lines
    text: str
    amount_kopecks: int | None
    name: str | None
    family_id: int | None  # set only when exactly one family matches
    candidates: tuple[int, ...]
    error: str | None

    def as_json(self) -> dict:
        return {"line": self.line, "text": self.text, "amount_kopecks": self.amount_kopecks,
                "name": self.name, "family_id": self.family_id,
                "candidates": list(self.candidates), "error": self.error}


@dataclasses.dataclass(frozen=True)
class Posted:
    entries: int
    total: int  # kopecks


class AlreadyPosted(errors.DeskError):
    """Some lines were posted before; params: lines (their numbers)."""

    code = "already_posted"


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", search.fold(text)) if w and not w.isdigit()]


def split_line(text: str) -> tuple[int | None, str | None, str | None]:
    """(amount in kopecks, name, error) of one line."""
    found = list(money.AMOUNT.finditer(text))
    if not found:
        return None, " ".join(_words(text)) or None, "no amount"
    if len(found) > 1:
        return None, None, "more than one amount"
    m = found[0]
    amount = money.to_kopecks(m)
    rest = (text[:m.start()] + " " + text[m.end():]).strip()
    name = " ".join(rest.replace(",", " ").split()) or None
    if amount <= 0:
        return amount, name, "the amount is zero"
    if not name or not _words(name):
        return amount, None, "no name"
    return amount, name, None


def match(session: Session, name: str) -> list[int]:
    """Families with one person (parent or child) whose name holds every word of ``name``."""
    wanted = set(_words(name))
    if not wanted:
        return []
    ids = search.matching_ids(session, " ".join(sorted(wanted)))
    if not ids:
        return []
    found = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        people = session.execute(select(Guardian.family_id, Guardian.name)
                                 .where(Guardian.family_id.in_(chunk))).all()
        people += session.execute(select(Child.family_id, Child.name)
                                  .where(Child.family_id.in_(chunk))).all()
        for fid, person in people:
            if wanted <= set(_words(person)):
                found.add(fid)
    return sorted(found)


def parse(store: Store, text: str) -> list[PaymentLine]:
    """One PaymentLine per non-empty input line, in order; nothing is written."""
    result = []
    with store.read() as s:
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line:
                continue
            amount, name, error = split_line(line)
            candidates: list[int] = []
            if error is None and name:
                candidates = match(s, name)
                if not candidates:
                    error = "no family matches"
                elif len(candidates) > 1:
                    error = "several families match"
            family_id = candidates[0] if len(candidates) == 1 else None
            result.append(PaymentLine(number, line, amount, name, family_id,
                                      tuple(candidates), error))
    return result


def keys(lines: list[PaymentLine]) -> dict[int, str]:
    """An idempotency key per line: its normalised text and which repeat of it in the input it
    is, so two identical lines in one paste are two payments, and the same paste again is not."""
    seen: dict[str, int] = {}
    found = {}
    for p in lines:
        norm = " ".join(search.fold(p.text).split())
        seen[norm] = seen.get(norm, 0) + 1
        found[p.line] = hashlib.sha256(f"{norm}#{seen[norm]}".encode()).hexdigest()
    return found


def post(store: Store, actor: Actor, lines: list[PaymentLine], method: PaymentMethod, *,
         choices: dict[int, int] | None = None, confirm_new: bool = False) -> Posted:
    """Post every line that has an amount and a family (its own match or the user's choice),
    in one transaction. Lines posted before are refused with AlreadyPosted unless the user
    confirms they are new payments (``confirm_new``)."""
    choices = choices or {}
    line_keys = keys(lines)
    todo = []
    for p in lines:
        family_id = choices.get(p.line, p.family_id)
        if p.amount_kopecks is None or p.amount_kopecks <= 0 or family_id is None:
            raise errors.DeskError(f"line {p.line} has no amount or no family", line=p.line)
        todo.append((p, family_id))
    with store.write(actor) as uow:
        s = uow.session
        repeated = s.scalars(select(LedgerEntry.idempotency_key).where(
            LedgerEntry.idempotency_key.in_(list(line_keys.values())))).all()
        if repeated and not confirm_new:
            numbers = [n for n, k in line_keys.items() if k in set(repeated)]
            raise AlreadyPosted(
                "these lines were posted before: " + ", ".join(map(str, numbers))
                + "; confirm they are new payments to post them again", lines=numbers)
        for p, family_id in todo:
            key = line_keys[p.line]
            if confirm_new and key in repeated:
                key = hashlib.sha256(f"{key}@{uow.now.isoformat()}".encode()).hexdigest()
            wallet.append(uow, family_id, EntryKind.TOPUP, p.amount_kopecks, method=method,
                          note=p.text, idempotency_key=key)
        uow.audit("payments.post", after=json.dumps(
            {"lines": len(todo), "total": sum(p.amount_kopecks for p, _ in todo),
             "method": method.value}))
        uow.commit()
    return Posted(len(todo), sum(p.amount_kopecks for p, _ in todo))
