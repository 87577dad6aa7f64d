"""Payment lines as the desk types or pastes them: "2500 Демин Саша", "2 500,50 ₽ Ёлкин Саша",
"1200 елкина вера". Each line is matched to a family by the surname and first name of a parent
or a child, in either order, any case, ё = е; a line that fits several families is never matched
silently. Amounts are read strictly (``money``). A line is a repeat when the same family got the
same amount under the same name within the studio's window (7 days): the same paste posted twice
(after a crash, say), or an overlap with an earlier paste, posts only the new lines unless the
user confirms a repeat as a real second payment."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.enums import EntryKind, PaymentMethod
from desk.models.family import Child, Guardian
from desk.models.studio import Studio
from desk.models.wallet import LedgerEntry
from desk.services.crm import search
from desk.services.money import amounts, wallet
from desk.services.store import errors
from desk.services.store.db import Actor, Store


@dataclasses.dataclass(frozen=True)
class PaymentLine:
    line: int  # 1-based number among the input's lines
    text: str
    amount_kopecks: int | None
    name: str | None
    family_id: int | None  # set only when exactly one family matches
    candidates: tuple[int, ...]
    error: str | None
    repeat: bool = False  # the family got this amount under this name within the window
    large: bool = False  # over the studio's large-payment threshold: needs a confirmation

    def as_json(self) -> dict:
        return {"line": self.line, "text": self.text, "amount_kopecks": self.amount_kopecks,
                "name": self.name, "family_id": self.family_id,
                "candidates": list(self.candidates), "error": self.error,
                "repeat": self.repeat, "large": self.large}


@dataclasses.dataclass(frozen=True)
class Posted:
    entries: int
    total: int  # kopecks
    repeats: tuple[int, ...] = ()  # lines not posted: repeats the user did not confirm


class LargeNotConfirmed(errors.DeskError):
    """Lines over the large-payment threshold were not confirmed; params: lines."""

    code = "large_not_confirmed"


class NotPostable(errors.DeskError):
    """A line without an amount or a family; params: line."""

    code = "not_postable"


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", search.fold(text)) if w and not w.isdigit()]


def normalised_name(name: str) -> str:
    """"Саша Дёмин" and "демин саша" are one payer."""
    return " ".join(sorted(_words(name)))


def split_line(text: str) -> tuple[int | None, str | None, str | None]:
    """(amount in kopecks, name, error) of one line. The amount is read strictly
    (``amounts.find``); a dash between spaces is punctuation, not a sign."""
    try:
        found = amounts.find(text)
    except amounts.AmountError as exc:
        return None, None, exc.reason
    if not found:
        return None, None, amounts.NO_AMOUNT
    if len(found) > 1:
        return None, None, amounts.SEVERAL
    amount = found[0].kopecks
    rest = text[:found[0].start] + " " + text[found[0].end:]
    name = " ".join(w for w in rest.replace(",", " ").split()
                    if any(c.isalnum() for c in w)) or None
    if amount == 0:
        return amount, name, amounts.ZERO
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
        rules = _rules(s)
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
                                      tuple(candidates), error,
                                      large=amount is not None and amount > rules.large))
        repeats = _repeats(s, store.now(), rules.repeat_days,
                           [(p.line, p.family_id, p.amount_kopecks, p.name) for p in result
                            if p.family_id is not None and p.error is None])
    return [dataclasses.replace(p, repeat=p.line in repeats) for p in result]


def repeats(store: Store, lines: list[PaymentLine],
            choices: dict[int, int] | None = None) -> set[int]:
    """The lines that repeat a recent top-up, counting the family the user chose for a line
    that fits several (the preview asks about those too)."""
    choices = choices or {}
    todo = [(p.line, choices.get(p.line, p.family_id), p.amount_kopecks, p.name) for p in lines
            if p.amount_kopecks and p.name and choices.get(p.line, p.family_id) is not None
            and (p.error is None or p.line in choices)]
    with store.read() as s:
        return _repeats(s, store.now(), _rules(s).repeat_days, todo)


@dataclasses.dataclass(frozen=True)
class _Rules:
    large: int
    repeat_days: int


def _rules(session: Session) -> _Rules:
    row = session.execute(select(Studio.large_payment, Studio.repeat_days)
                          .where(Studio.id == 1)).first()
    return _Rules(*row) if row else _Rules(10_000_000, 7)


def _repeats(session: Session, now: dt.datetime, days: int,
             lines: list[tuple[int, int, int, str]]) -> set[int]:
    """The numbers of the lines (number, family, amount, name) that repeat a top-up posted
    within ``days``: the same family, amount and normalised name. Earlier postings are matched
    one to one, so a paste of 100 old and 100 new lines marks exactly the 100 old ones."""
    if not lines:
        return set()
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    earlier = session.execute(
        select(LedgerEntry.family_id, LedgerEntry.amount, LedgerEntry.note)
        .where(LedgerEntry.kind == EntryKind.TOPUP,
               LedgerEntry.family_id.in_({f for _, f, _, _ in lines}),
               LedgerEntry.amount.in_({a for _, _, a, _ in lines}),
               LedgerEntry.at >= now - dt.timedelta(days=days),
               LedgerEntry.id.not_in(reversed_ids))).all()
    posted: collections.Counter = collections.Counter()
    for family_id, amount, note in earlier:
        _, name, error = split_line(note)
        if error is None and name:
            posted[(family_id, amount, normalised_name(name))] += 1
    found = set()
    for number, family_id, amount, name in lines:
        key = (family_id, amount, normalised_name(name))
        if posted[key] > 0:
            posted[key] -= 1
            found.add(number)
    return found


def post(store: Store, actor: Actor, lines: list[PaymentLine], method: PaymentMethod, *,
         choices: dict[int, int] | None = None,
         confirm_repeats: Iterable[int] | bool = (),
         confirm_large: Iterable[int] | bool = ()) -> Posted:
    """Post every line that has an amount and a family (its own match or the user's choice),
    in one transaction. Repeats are found again inside the transaction and left out unless the
    user confirms them as real second payments (their line numbers, or True for all); a line
    over the large-payment threshold must be confirmed the same way."""
    choices = choices or {}
    todo = []
    for p in lines:
        family_id = choices.get(p.line, p.family_id)
        if p.amount_kopecks is None or p.amount_kopecks <= 0 or family_id is None:
            raise NotPostable(f"line {p.line} has no amount or no family", line=p.line)
        amounts.check_bound(p.amount_kopecks)
        todo.append((p, family_id))

    def confirmed(flag: Iterable[int] | bool, line: int) -> bool:
        return flag is True or (flag is not False and line in set(flag))

    with store.write(actor) as uow:
        s = uow.session
        rules = _rules(s)
        unconfirmed = [p.line for p, _ in todo
                       if p.amount_kopecks > rules.large and not confirmed(confirm_large, p.line)]
        if unconfirmed:
            raise LargeNotConfirmed(
                "lines over the large-payment threshold need a confirmation: "
                + ", ".join(map(str, unconfirmed)), lines=unconfirmed)
        repeats = _repeats(s, uow.now, rules.repeat_days,
                           [(p.line, f, p.amount_kopecks, p.name or "") for p, f in todo])
        skipped = tuple(sorted(n for n in repeats if not confirmed(confirm_repeats, n)))
        todo = [(p, f) for p, f in todo if p.line not in skipped]
        for p, family_id in todo:
            wallet.append(uow, family_id, EntryKind.TOPUP, p.amount_kopecks, method=method,
                          note=p.text)
        if todo:
            uow.audit("payments.post", after=json.dumps(
                {"lines": len(todo), "total": sum(p.amount_kopecks for p, _ in todo),
                 "method": method.value}))
        uow.commit()
    return Posted(len(todo), sum(p.amount_kopecks for p, _ in todo), skipped)
