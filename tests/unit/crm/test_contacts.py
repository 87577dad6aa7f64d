import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.services.crm import contacts


@pytest.mark.parametrize("raw", ["+7 (912) 345-67-89", "8 912 345 67 89", "89123456789",
                                 "79123456789", "9123456789", "+7-912-345-67-89",
                                 "8(912)345.67.89"])
def test_russian_shapes_become_e164(raw):
    assert contacts.normalize_phone(raw) == "+79123456789"


@pytest.mark.parametrize("raw", ["12345", "+7 930 000 00 00", "8 000 000 00 00", "abc"])
def test_invalid_numbers_are_refused(raw):
    with pytest.raises(contacts.BadContact):
        contacts.normalize_phone(raw)


def test_foreign_numbers_go_through_the_full_parser():
    assert contacts.normalize_phone("+375 29 123-45-67") == "+375291234567"
    assert contacts.normalize_phone("+44 20 7946 0958") == "+442079460958"


@settings(deadline=None)
@given(st.integers(min_value=3_000_000_000, max_value=9_999_999_999),
       st.sampled_from(["+7 {a} {b}-{c}-{d}", "8{a}{b}{c}{d}", "8 ({a}) {b} {c} {d}"]))
def test_fast_path_agrees_with_phonenumbers(national, shape):
    digits = str(national)
    raw = shape.format(a=digits[:3], b=digits[3:6], c=digits[6:8], d=digits[8:])
    parsed = phonenumbers.parse(raw, "RU")
    expected = (phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
                if phonenumbers.is_valid_number(parsed) else None)
    try:
        got = contacts.normalize_phone(raw)
    except contacts.BadContact:
        got = None
    assert got == expected


@pytest.mark.parametrize("raw, handle", [("@anna_k", "anna_k"), ("https://t.me/anna_k", "anna_k"),
                                         ("vk.com/id123", "id123"), ("", "")])
def test_handles(raw, handle):
    assert contacts.normalize_handle(raw) == handle


# --- the fast way for common Russian shapes gives exactly what phonenumbers gives ------------

def _phonenumbers_says(raw: str) -> str | None:
    """The reference: phonenumbers' parser and validity check, nothing else."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        number = phonenumbers.parse(raw, "RU")
    except phonenumbers.NumberParseException:
        return "invalid"
    if not phonenumbers.is_valid_number(number):
        return "invalid"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _we_say(raw: str) -> str | None:
    try:
        return contacts.normalize_phone(raw)
    except contacts.BadContact:
        return "invalid"


SHAPES = ["+7 {a} {b}-{c}-{d}", "8{a}{b}{c}{d}", "8 ({a}) {b} {c} {d}", "7{a}{b}{c}{d}",
          "{a}{b}{c}{d}", "+7({a}){b}.{c}.{d}", "7 ({a}) {b}-{c}{d}"]


def test_every_leading_three_digits_in_every_common_shape_agrees_with_phonenumbers():
    """Validity and the region (Russia or Kazakhstan) are decided by the leading digits: all
    thousand of them, with two tails each, in every shape the fast way takes."""
    for first in range(1000):
        for tail in ("0000000", "4567891"):
            digits = f"{first:03d}{tail}"
            for shape in SHAPES:
                raw = shape.format(a=digits[:3], b=digits[3:6], c=digits[6:8], d=digits[8:])
                assert _we_say(raw) == _phonenumbers_says(raw), raw


@pytest.mark.parametrize("raw", [
    "8\t912 345 67 89", "8\x1c9123456789", "8\u20289123456789",  # whitespace phonenumbers refuses
    "+7 \u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",  # Arabic-Indic digits
    "8\u00a0912\u00a0345\u00a067\u00a089", "８９１２３４５６７８９",  # a no-break space, wide digits
    "+7" + " " * 300 + "9123456789",  # longer than phonenumbers reads
    "8101234567", "81012345678", "8 10 49 30 1234567", "810 49 30 1234",  # 810: a call abroad
    "+8 912 345 67 89", "7+9123456789", "+79123456789 доб. 12", "89123456789#",
    "8 800 555-35-35", "+7 700 123 45 67", "8 701 234 56 78", "+7 0 912 345 67 8",
    "(+7) 912 345 67 89", "--89123456789--", "8(912)345-67-89.", "((8))912))345((67))89",
])
def test_unusual_inputs_agree_with_phonenumbers(raw):
    assert _we_say(raw) == _phonenumbers_says(raw)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789", min_size=9, max_size=12),
       st.sampled_from(["", "+7", "8", "7", "+", "810", "+8"]),
       st.lists(st.tuples(st.integers(min_value=0, max_value=14),
                          st.sampled_from([" ", "-", "(", ")", ".", "\t", "\u00a0", "/", "+",
                                           "x", "#", "\u2013"])), max_size=6))
def test_digits_with_any_separators_agree_with_phonenumbers(digits, prefix, inserts):
    raw = prefix + digits
    for at, separator in sorted(inserts, reverse=True):
        raw = raw[:at] + separator + raw[at:]
    assert _we_say(raw) == _phonenumbers_says(raw)
