"""Phone numbers as people type them, stored as E.164.

Vietnamese numbers are typed as ``0912 345 678``, ``0912.345.678`` or
``+84 912 345 678``; all of them are ``+84912345678``. A customer is found by
phone however the cashier typed it. A tourist's ``+1 415 555 0100`` or
``+82 10-1234-5678`` keeps its own country.

Parsing is Google's libphonenumber numbering plans through the maintained
``phonenumbers`` package (https://github.com/daviddrysdale/python-phonenumbers:
``parse(number, region)`` reads national and international forms against a default
region, ``is_valid_number`` checks the country's plan, ``format_number(..., E164)``
writes the stored form). Vietnam is the default region.

Why Vietnamese numbers are also accepted by length when the plan says "not valid":
the plan of the copy installed on a till lags the carriers' new ranges, and a till
must never refuse a real customer's number because its library is a year old. So a
Vietnamese number with 9 or 10 digits after the country code (today's rule) enrols;
a foreign number must fit its country's plan (a typo in a number we can't read back
the Vietnamese way is caught there).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from app.core.errors import InvalidInput

_SEPARATORS = re.compile(r"[\s.\-()/]")
_TYPED = re.compile(r"\+?[0-9]+")  # what is left once the separators are gone: no letters, no extension
VIETNAM = 84


def normalise_phone(text: str, default_country: str = "84") -> str:
    """The E.164 form of a typed phone number. Raises InvalidInput with a sentence a cashier reads."""
    raw = " ".join((text or "").split())
    compact = _SEPARATORS.sub("", raw)
    if not _TYPED.fullmatch(compact):
        if not raw:
            raise InvalidInput("The phone number is empty.")
        raise InvalidInput("{0} is not a phone number.", phone=raw)
    return _e164(compact, _region(default_country), raw)


@lru_cache(maxsize=4096)
def _e164(compact: str, region: str, raw: str) -> str:
    if compact.startswith("00"):  # the international prefix most of the world dials
        compact = "+" + compact[2:]
    try:
        number = phonenumbers.parse(compact, region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("{0} is not a phone number.", phone=raw) from None
    national = str(number.national_number)
    if number.country_code == VIETNAM:
        if not (phonenumbers.is_valid_number(number) or len(national) in (9, 10)):
            raise InvalidInput(
                "{0} is not a Vietnamese phone number (expected 10 digits like 0912 345 678).", phone=raw
            )
    elif not phonenumbers.is_valid_number(number):
        raise InvalidInput("{0} is not a phone number.", phone=raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=16)
def _region(default_country: str) -> str:
    """``"84"`` -> ``"VN"``: the API takes a calling code, the library a region."""
    return phonenumbers.region_code_for_country_code(int(default_country)) if default_country.isdigit() else "VN"


def looks_like_phone(text: str) -> bool:
    stripped = _SEPARATORS.sub("", text.strip())
    return bool(re.fullmatch(r"\+?[0-9]{9,15}", stripped))


def display_phone(e164: str) -> str:
    """+84912345678 → 0912 345 678 (how Vietnamese staff read it)."""
    if e164.startswith("+84") and len(e164) == 12:
        n = "0" + e164[3:]
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    return e164
