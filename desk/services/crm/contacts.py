"""Contact values: phones to E.164 with phonenumbers, e-mail and messenger handles."""

from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import PhoneMetadata

DEFAULT_REGION = "RU"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.]{2,64}$")


class BadContact(ValueError):
    """The value cannot be understood; ``code`` says which check failed."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """'8 (912) 345-67-89' → '+79123456789'; empty → None; nonsense → BadContact."""
    raw = raw.strip()
    if not raw:
        return None
    if region == "RU" and len(raw) <= _MAX_INPUT:
        # Big imports: a valid number in a common Russian shape skips phonenumbers' parser
        # (several times faster); anything else, an invalid number too, takes the full way.
        digits = raw.replace(" ", "").replace("-", "").replace("(", "").replace(")", "") \
            .replace(".", "")
        common = _common_russian().fullmatch(digits)
        if common:
            return "+7" + common["national"]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise BadContact("phone_invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise BadContact("phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# --- the common Russian shapes ----------------------------------------------------------------
#
# '+7 (912) 345-67-89', '8 912 345 67 89', '79123456789', '9123456789': ASCII digits and the
# separators " -().", which phonenumbers reads the same way (text starting 810 is an
# international call from Russia: phonenumbers decides). The number must be valid as
# ``phonenumbers.is_valid_number`` sees it: the region is the first of those sharing +7 whose
# leading digits start the number (or, for a region without them, of which the number is
# valid), and the number matches that region's general pattern and one of its types'. Built
# from phonenumbers' own metadata into one pattern, compiled once.

_MAX_INPUT = 250  # phonenumbers refuses longer text as "too long"
# any of them makes a number valid; the common ones first, to be found sooner
_TYPES = ("mobile", "fixed_line", "premium_rate", "toll_free", "shared_cost", "voip",
          "personal_number", "pager", "uan", "voicemail")


@functools.cache
def _common_russian() -> re.Pattern:
    try:
        valid = _valid_national(7, 10)
        return re.compile(r"(?!810)(?:\+7|8|7)?(?=[0-9]{10}\Z)(?P<national>" + valid + ")")
    except re.error:  # metadata this cannot read: every number takes the full way
        return re.compile("(?!)")


def _valid_national(country_code: int, length: int) -> str:
    """A pattern of the national numbers of this length that phonenumbers finds valid."""
    branches, taken = [], []
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[country_code]:
        metadata = PhoneMetadata.metadata_for_region(code, None)
        if metadata is None:
            continue
        if metadata.country_code != country_code:  # phonenumbers would call its numbers
            return "(?!)"  # invalid: not worth a fast way
        valid = _valid_in_region(metadata, length)
        unless = "".join(f"(?!{t})" for t in taken)
        if metadata.leading_digits is not None:  # numbers starting so are this region's
            leading = f"(?:{metadata.leading_digits})"
            if valid:
                branches.append(f"{unless}(?={leading}){valid}")
            taken.append(leading)
        elif valid:  # numbers valid here are this region's
            branches.append(unless + valid)
    return "|".join(f"(?:{b})" for b in branches) or "(?!)"


def _valid_in_region(metadata, length: int) -> str | None:
    def pattern(desc) -> str | None:
        if desc is None or not desc.national_number_pattern:
            return None
        if desc.possible_length and length not in desc.possible_length:
            return None
        return f"(?:{desc.national_number_pattern})"

    general = pattern(metadata.general_desc)
    types = [pattern(getattr(metadata, name)) for name in _TYPES
             if not (name == "mobile" and metadata.same_mobile_and_fixed_line_pattern)]
    types = [t for t in types if t is not None]
    if general is None or not types:
        return None
    return f"(?={general}\\Z)(?:{'|'.join(types)})"


def display_phone(e164: str | None) -> str:
    if not e164:
        return ""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(raw: str) -> str:
    raw = raw.strip()
    if raw and not _EMAIL.match(raw):
        raise BadContact("email_invalid")
    return raw.lower()


def normalize_handle(raw: str) -> str:
    """A Telegram or VK handle: '@name', 't.me/name', 'https://vk.com/name' → 'name'."""
    raw = raw.strip()
    raw = re.sub(r"^(https?://)?(www\.)?(t\.me|telegram\.me|vk\.com)/", "", raw, flags=re.I)
    raw = raw.lstrip("@").strip("/")
    if raw and not _HANDLE.match(raw):
        raise BadContact("handle_invalid")
    return raw
