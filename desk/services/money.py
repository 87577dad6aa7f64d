"""Money is integer kopecks. Parsing "2 500,50 ₽" and writing it back."""

from __future__ import annotations

import re

AMOUNT = re.compile(
    r"(?<![\d.,])(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)"
    r"(?:[.,](?P<frac>\d{1,2}))?(?![\d])"
    r"\s*(?:₽|руб(?:\.|лей|ля|ль)?|р\.|р\b)?",
    re.IGNORECASE,
)


def parse(text: str) -> int:
    """'2 500,50' → 250050. Raises ValueError when ``text`` is not exactly one amount."""
    m = AMOUNT.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not an amount: {text!r}")
    return to_kopecks(m)


def to_kopecks(m: re.Match) -> int:
    whole = int(re.sub(r"\D", "", m["int"]))
    frac = (m["frac"] or "0").ljust(2, "0")
    return whole * 100 + int(frac)


def format_rub(kopecks: int) -> str:
    """250050 → '2 500,50 ₽'; whole rubles without kopecks: 250000 → '2 500 ₽'."""
    sign = "−" if kopecks < 0 else ""
    rub, kop = divmod(abs(kopecks), 100)
    text = f"{rub:,}".replace(",", "\u00a0")
    if kop:
        text += f",{kop:02d}"
    return f"{sign}{text}\u00a0₽"
