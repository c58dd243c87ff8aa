"""Phone numbers as people type them, stored as E.164.

Vietnamese numbers are typed as ``0912 345 678``, ``0912.345.678`` or
``+84 912 345 678``; all of them are ``+84912345678``. A customer is found by
phone however the cashier typed it.
"""

from __future__ import annotations

import re

from app.core.errors import InvalidInput

_SEPARATORS = re.compile(r"[\s.\-()/]")


def normalise_phone(text: str, default_country: str = "84") -> str:
    raw = text
    text = _SEPARATORS.sub("", text.strip())
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+"):
        digits = text[1:]
    elif text.startswith("0"):
        digits = default_country + text[1:]
    elif text.startswith(default_country) and len(text) >= 11:
        digits = text
    else:
        digits = default_country + text
    if not digits.isdigit():
        raise InvalidInput("{0} is not a phone number.", phone=raw.strip())
    if digits.startswith("84"):
        national = digits[2:]
        if national.startswith("0"):
            national = national[1:]
        # Vietnamese mobiles are 9 digits after the country code; some landlines 10.
        if len(national) not in (9, 10):
            raise InvalidInput(
                "{0} is not a Vietnamese phone number (expected 10 digits like 0912 345 678).", phone=raw.strip()
            )
        digits = "84" + national
    elif not 8 <= len(digits) <= 15:
        raise InvalidInput("{0} is not a phone number.", phone=raw.strip())
    return "+" + digits


def looks_like_phone(text: str) -> bool:
    stripped = _SEPARATORS.sub("", text.strip())
    return bool(re.fullmatch(r"\+?[0-9]{9,15}", stripped))


def display_phone(e164: str) -> str:
    """+84912345678 → 0912 345 678 (how Vietnamese staff read it)."""
    if e164.startswith("+84") and len(e164) == 12:
        n = "0" + e164[3:]
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    return e164
