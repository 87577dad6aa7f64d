import phonenumbers
import pytest
from hypothesis import given
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
