"""Money is integer kopecks. Reading an amount as people type it ("2 500,50 ₽", "2.500",
"руб. 1200") and writing it back.

The reading is strict: an amount is posted only when it can be read one way. Thousands are
groups of exactly three digits after spaces (also no-break and narrow no-break spaces), a dot or
a comma; kopecks are one or two digits after a dot or a comma; ₽, р, р., руб, руб. may stand
before or after. A sign glued to the digits, an exponent, letters inside the number, zero, or a
form that could be read two ways is refused with a reason — never guessed.
"""

from __future__ import annotations

import dataclasses
import re

MAX_KOPECKS = 1_000_000_000  # 10 000 000 ₽: no single amount may exceed it (the schema agrees)

# why an amount is refused; the UI words each code, the command line prints it as it is
SIGN = "the amount has a sign"
ZERO = "the amount is zero"
EXPONENT = "an exponent is not an amount"
LETTERS = "letters inside the number"
AMBIGUOUS = "the amount can be read two ways: write it as 2500 or 2 500,50"
TOO_LARGE = "the amount is over 10 000 000 ₽"
NO_AMOUNT = "no amount"
SEVERAL = "more than one amount"

_SPACES = " \u00a0\u202f\u2009"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SIGNS = _DASHES + "+\uff0b"
# a run of digits with separators inside it; it starts and ends with a digit
_RUN = re.compile(rf"[0-9](?:[0-9{_SPACES}.,]*[0-9])?")
_CURRENCY_AFTER = re.compile(rf"[{_SPACES}]*(?:₽|руб(?:лей|ля|ль)?\.?|р\.?)(?!\w)",
                             re.IGNORECASE)
# before the amount a capital "Р." is a name's initial ("Демин Р. 2500"), not roubles
_CURRENCY_BEFORE = re.compile(rf"(?<!\w)(?:₽|(?i:руб)\.?|р\.?)[{_SPACES}]*$")
_LOOK_BACK = 8  # characters before an amount that can hold its currency
_EXPONENT = re.compile(rf"[eеEЕ][{_SIGNS}]?[0-9]")


class AmountError(ValueError):
    """An amount that cannot be posted; ``reason`` is one of the codes above."""

    def __init__(self, reason: str, text: str = "") -> None:
        super().__init__(f"{reason}: {text!r}" if text else reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Found:
    """An amount found in a line: its value and the span it takes, currency included."""

    kopecks: int
    start: int
    end: int


def _value(run: str) -> int:
    """The kopecks written by one run of digits and separators."""
    parts = re.split(rf"([{_SPACES}.,]+)", run)
    groups, seps = parts[0::2], [_kind(s) for s in parts[1::2]]
    if None in seps:
        raise AmountError(AMBIGUOUS, run)  # a mixture such as "2500 ,50"
    decimal, kopecks = None, "00"
    if seps and seps[-1] in ".," and len(groups[-1]) in (1, 2):
        decimal, kopecks = seps[-1], groups[-1].ljust(2, "0")
        groups, seps = groups[:-1], seps[:-1]
    if seps and (len(set(seps)) > 1 or seps[0] == decimal or len(groups[0]) > 3
                 or groups[0].startswith("0") or any(len(g) != 3 for g in groups[1:])):
        raise AmountError(AMBIGUOUS, run)  # "2,500.500", "2 50 000", "0,500"
    digits = "".join(groups)
    if len(digits) > 12:
        raise AmountError(TOO_LARGE, run)
    value = int(digits) * 100 + int(kopecks)
    check_bound(value)
    return value


def _kind(sep: str) -> str | None:
    """One separator: ' ' for one space, '.' or ','; None for anything else (" ,", three
    spaces between two numbers)."""
    if len(sep) == 1 and sep in _SPACES:
        return " "
    return sep if sep in (".", ",") else None


def find(text: str, limit: int = 2) -> list[Found]:
    """The amounts in a line, in order, each with the currency written beside it (at most
    ``limit``: two already mean "more than one amount"). Raises AmountError when one is written
    in a way that cannot be posted: a sign (glued to the digits or to their currency), an
    exponent, letters glued to it, two readings, over the bound."""
    found: list[Found] = []
    for m in _RUN.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before and before in _SIGNS or after and after in _DASHES:
            raise AmountError(SIGN, text)
        if _EXPONENT.match(text, end):
            raise AmountError(EXPONENT, text)
        lead = _CURRENCY_BEFORE.search(text, max(start - _LOOK_BACK, 0), start)
        if lead and (not found or lead.start() >= found[-1].end):
            start = lead.start()
            if start and text[start - 1] in _SIGNS:
                raise AmountError(SIGN, text)  # "-₽500"
        elif before and before in ".,":
            raise AmountError(AMBIGUOUS, text)  # ".50"
        elif before.isalpha() or before == "_":
            raise AmountError(LETTERS, text)
        cur = _CURRENCY_AFTER.match(text, end)
        if cur:
            end = cur.end()
            if end < len(text) and text[end] in _SIGNS:
                raise AmountError(SIGN, text)  # "500₽-"
        elif after.isalpha() or after == "_":
            raise AmountError(LETTERS, text)
        found.append(Found(_value(m.group()), start, end))
        if len(found) >= limit:
            break
    return found


def parse(text: str) -> int:
    """'2 500,50 ₽' → 250050 (zero included: a price may be free). Raises AmountError when
    ``text`` is not exactly one amount that can be posted."""
    found = find(text)
    if not found:
        raise AmountError(NO_AMOUNT, text)
    if len(found) > 1:
        raise AmountError(SEVERAL, text)
    rest = (text[:found[0].start] + text[found[0].end:]).strip(_SPACES + "\t.")
    if rest:
        raise AmountError(LETTERS if any(c.isalpha() for c in rest) else AMBIGUOUS, text)
    return found[0].kopecks


def check_bound(kopecks: int) -> None:
    """No single amount over MAX_KOPECKS (a line, a top-up, a price)."""
    if abs(kopecks) > MAX_KOPECKS:
        raise AmountError(TOO_LARGE)


def format_rub(kopecks: int) -> str:
    """250050 → '2 500,50 ₽'; whole rubles without kopecks: 250000 → '2 500 ₽'."""
    sign = "−" if kopecks < 0 else ""
    rub, kop = divmod(abs(kopecks), 100)
    text = f"{rub:,}".replace(",", "\u00a0")
    if kop:
        text += f",{kop:02d}"
    return f"{sign}{text}\u00a0₽"
