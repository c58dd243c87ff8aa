"""Phone numbers as people type them, stored as E.164.

Vietnamese numbers are typed as ``0912 345 678``, ``0912.345.678`` or
``+84 912 345 678``; all of them are ``+84912345678``. A customer is found by
phone however the cashier typed it. A tourist's ``+1 415 555 0100`` or
``+82 10-1234-5678`` keeps its own country.

Parsing is Google's libphonenumber numbering plans through the maintained
``phonenumbers`` package (https://github.com/daviddrysdale/python-phonenumbers:
``parse(number, region)`` reads national and international forms against a default
region, ``is_valid_number`` checks the country's plan, ``format_number(..., E164)``
writes the stored form, ``NATIONAL``/``INTERNATIONAL`` the forms people read).

The default region is the store's country (an ISO 3166-1 alpha-2 code such as
``"VN"`` or ``"US"``), passed in by the caller: a New York shop's cashier types
``(617) 555-0142`` and means +1, a Hanoi cashier types ``0912 345 678`` and means
+84. It is an argument, never a global, so one process can serve tills of several
countries (the tests run a VN and a US till side by side). Vietnam stays the
default when no region is given.

Why Vietnamese numbers are also accepted by length when the plan says "not valid":
the plan of the copy installed on a till lags the carriers' new ranges, and a till
must never refuse a real customer's number because its library is a year old. So a
Vietnamese number with 9 or 10 digits after the country code (today's rule) enrols,
whatever the store's country; a foreign number must fit its country's plan (a typo
in a number we can't read back the Vietnamese way is caught there).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from app.core.errors import InvalidInput

_SEPARATORS = re.compile(r"[\s.\-()/]")
_TYPED = re.compile(r"\+?[0-9]+")  # what is left once the separators are gone: no letters, no extension
VIETNAM = 84
DEFAULT_REGION = "VN"


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 form of a typed phone number, read as the store's country writes it.

    ``region`` is the store's country (``"VN"``, ``"US"``); a calling code (``"84"``)
    is accepted too, as the first version of this function took one.
    Raises InvalidInput with a sentence a cashier reads.
    """
    raw = " ".join((text or "").split())
    compact = _SEPARATORS.sub("", raw)
    if not _TYPED.fullmatch(compact):
        if not raw:
            raise InvalidInput("The phone number is empty.")
        raise InvalidInput("{0} is not a phone number.", phone=raw)
    return _e164(compact, phone_region(region), raw)


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


@lru_cache(maxsize=64)
def phone_region(region: str) -> str:
    """``"us"`` -> ``"US"``, ``"84"`` -> ``"VN"``; anything the plans don't know -> Vietnam.

    A till must keep enrolling if a setting holds a code the installed library lacks,
    so an unknown region falls back to the default rather than raising at every lookup.
    """
    code = (region or "").strip().upper()
    if code.isdigit():
        code = phonenumbers.region_code_for_country_code(int(code))
    return code if code in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION


def is_region(code: str) -> bool:
    """Whether ``code`` is an ISO 3166 region the numbering plans know (``US``, ``VN``; not ``XX``)."""
    return (code or "").strip().upper() in phonenumbers.SUPPORTED_REGIONS


def regions() -> list[str]:
    """Every region a store can be in: the ones the numbering plans cover (about 245)."""
    return sorted(phonenumbers.SUPPORTED_REGIONS)


def calling_code(region: str) -> int:
    """``"US"`` -> 1, ``"VN"`` -> 84: shown beside a country's name so the owner recognises it."""
    return phonenumbers.country_code_for_region(phone_region(region))


def country_name(region: str, language: str = "en") -> str:
    """The country's name in ``language`` (``"vi"``: ``Hoa Kỳ``), from the names libphonenumber ships.

    Its locale table names a country in many languages; ``"*xx"`` means "the same as in xx".
    """
    # Imported here: the locale table is about a second of import on a slow till, and only the
    # country pickers (set-up wizard, shop settings) need it — never the login window or a sale.
    from phonenumbers.geodata.locale import LOCALE_DATA

    names = LOCALE_DATA.get((region or "").upper(), {})
    name = names.get(language) or names.get("en") or ""
    while name.startswith("*"):
        name = names.get(name[1:], "")
    return name or region


def looks_like_phone(text: str) -> bool:
    stripped = _SEPARATORS.sub("", text.strip())
    return bool(re.fullmatch(r"\+?[0-9]{9,15}", stripped))


def display_phone(e164: str, region: str = DEFAULT_REGION) -> str:
    """A stored number as the store's staff read it.

    A number of the store's own country is shown in its national format
    (``(617) 555-0142`` in a US shop); a foreign one in the international format
    (``+84 912 345 678``), since a cashier dials it with its country code.
    A Vietnamese till shows exactly what it always has: ``0912 345 678`` for its own
    numbers and the bare E.164 form for a tourist's, which staff and printed lists
    already know.
    """
    region = phone_region(region)
    if region == DEFAULT_REGION:
        if e164.startswith("+84") and len(e164) == 12:
            n = "0" + e164[3:]
            return f"{n[:4]} {n[4:7]} {n[7:]}"
        return e164
    return _display(e164, region)


@lru_cache(maxsize=4096)
def _display(e164: str, region: str) -> str:
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164  # a number stored before numbers were checked: shown as it is
    own = phonenumbers.region_code_for_number(number) == region or (
        number.country_code == phonenumbers.country_code_for_region(region)
        and not phonenumbers.is_valid_number(number)
    )
    style = phonenumbers.PhoneNumberFormat.NATIONAL if own else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def example_phone(region: str) -> str:
    """A mobile number of ``region`` as its people write it (``(201) 555-0123`` for US): a hint, not a customer."""
    code = phone_region(region)
    number = phonenumbers.example_number_for_type(code, phonenumbers.PhoneNumberType.MOBILE)
    if number is None:
        return ""
    if code == DEFAULT_REGION:
        return display_phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), code)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
