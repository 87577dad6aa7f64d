"""Amounts are read one way or refused: any integer of kopecks written in an accepted style
reads back to itself; signs, exponents, letters, zero and two readings are refused."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.services.money import amounts

SPACES = [" ", "\u00a0", "\u202f"]


@pytest.mark.parametrize("text, kopecks", [
    ("2500", 250000), ("2 500", 250000), ("2\u00a0500", 250000), ("2\u202f500", 250000),
    ("2.500", 250000), ("2,500", 250000), ("2,500.50", 250050), ("2.500,50", 250050),
    ("2 500,50 ₽", 250050), ("2500,5", 250050), ("99.9", 9990), ("1\u00a0200 руб.", 120000),
    ("₽2500", 250000), ("руб. 2500", 250000), ("р.2500", 250000), ("2500р", 250000),
    ("2500 р.", 250000), ("2500 руб", 250000), ("1 000 000", 100000000), ("0", 0),
    ("10 000 000", amounts.MAX_KOPECKS),
])
def test_accepted_forms(text, kopecks):
    assert amounts.parse(text) == kopecks


@pytest.mark.parametrize("text, reason", [
    ("-300", amounts.SIGN), ("−300", amounts.SIGN), ("–300", amounts.SIGN), ("300-", amounts.SIGN),
    ("+300", amounts.SIGN), ("2.5e3", amounts.EXPONENT), ("25E3", amounts.EXPONENT),
    ("25е3", amounts.EXPONENT), ("25x00", amounts.LETTERS), ("abc2500", amounts.LETTERS),
    ("2,500.500", amounts.AMBIGUOUS), ("2.50.00", amounts.AMBIGUOUS), ("2 50 000", amounts.AMBIGUOUS),
    ("2,500,50", amounts.AMBIGUOUS), ("2500 ,50", amounts.AMBIGUOUS), (".50", amounts.AMBIGUOUS),
    ("2,5000", amounts.AMBIGUOUS), ("12345678901234567", amounts.TOO_LARGE),
    ("123456789012345678901", amounts.TOO_LARGE), ("10 000 000,01", amounts.TOO_LARGE),
    ("", amounts.NO_AMOUNT), ("руб.", amounts.NO_AMOUNT), ("2500р 300р", amounts.SEVERAL),
    ("-₽500", amounts.SIGN), ("−р.500", amounts.SIGN), ("500₽-", amounts.SIGN),
    ("500 руб.–", amounts.SIGN), ("0,500", amounts.AMBIGUOUS), ("000,500", amounts.AMBIGUOUS),
    ("500   300", amounts.AMBIGUOUS), ("２５００", amounts.NO_AMOUNT),
])
def test_refused_forms(text, reason):
    with pytest.raises(amounts.AmountError) as info:
        amounts.parse(text)
    assert info.value.reason == reason


def _grouped(rub: int, sep: str) -> str:
    text = f"{rub:,}"
    return text.replace(",", sep)


@st.composite
def written(draw):
    kopecks = draw(st.integers(min_value=0, max_value=amounts.MAX_KOPECKS))
    rub, kop = divmod(kopecks, 100)
    style = draw(st.sampled_from(["plain", "space", "dot", "comma"]))
    sep = {"plain": "", "space": draw(st.sampled_from(SPACES)), "dot": ".", "comma": ","}[style]
    whole = _grouped(rub, sep) if sep else str(rub)
    decimal = draw(st.sampled_from([m for m in ".," if m != sep]))
    if kop:
        frac = f"{kop:02d}"
        if frac.endswith("0") and draw(st.booleans()):
            frac = frac[0]
        whole += decimal + frac
    elif draw(st.booleans()) and sep != decimal:
        whole += decimal + "00"
    before = draw(st.sampled_from(["", "₽", "₽ ", "руб. ", "р."]))
    after = draw(st.sampled_from(["", " ₽", "₽", " руб.", " р", "р."])) if not before else ""
    return before + whole + after, kopecks


@given(written())
def test_any_amount_in_any_accepted_style_reads_back_to_itself(case):
    text, kopecks = case
    assert amounts.parse(text) == kopecks


@given(st.sampled_from(["-", "−", "–", "—", "+", "‒"]), written(), st.booleans())
def test_anything_with_a_sign_is_refused(sign, case, after):
    text, _ = case
    digits_at = next(i for i, c in enumerate(text) if c.isdigit())
    last = max(i for i, c in enumerate(text) if c.isdigit())
    signed = (text[:last + 1] + sign + text[last + 1:]) if after and sign != "+" else (
        text[:digits_at] + sign + text[digits_at:])
    with pytest.raises(amounts.AmountError) as info:
        amounts.parse(signed)
    assert info.value.reason == amounts.SIGN


def test_a_name_initial_before_the_amount_is_not_roubles_and_long_lines_are_quick():
    from desk.services.money import payments

    assert payments.split_line("Демин Р. 2500") == (250000, "Демин Р.", None)
    started = time.monotonic()
    assert payments.split_line("1;" * 20000)[2] == amounts.SEVERAL
    assert time.monotonic() - started < 0.5
