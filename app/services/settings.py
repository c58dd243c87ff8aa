"""The till's settings and identity: small key/value facts and the shop's name, each read in one transaction.

They lived in ``app.bootstrap`` (which opens a home), so the UI and the POS bridge
imported the start-up module to read one value, and three UI places opened a
database session themselves to read the store's name. A service owns them now.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.core.phone import is_region
from app.db.models import Setting
from app.services.regions import country_for_zone
from app.services.till import COUNTRY_SETTING, Till


def get_setting(till: Till, key: str, default: str = "") -> str:
    with till.transaction() as s:
        row = s.get(Setting, key)
        return row.value if row else default


def set_setting(till: Till, key: str, value: str) -> None:
    with till.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


AMOUNTS_IN_THOUSANDS = "amounts_in_thousands"  # "1": the till reads a typed 125 as 125.000 (whole-unit currencies)


def amounts_in_thousands(till: Till) -> bool:
    """Whether cashiers type bills in thousands, as they count in Vietnam (125 for 125.000 ₫)."""
    return get_setting(till, AMOUNTS_IN_THOUSANDS, "0") == "1"


def set_amounts_in_thousands(till: Till, on: bool) -> None:
    set_setting(till, AMOUNTS_IN_THOUSANDS, "1" if on else "0")


def store_name(till: Till) -> str:
    """The shop's name as the customer sees it (login page, display, printed cards)."""
    with till.transaction() as s:
        return till.store_name(s)


COUNTRY = COUNTRY_SETTING  # "US": phones typed at this till without a country code are American


def store_country(till: Till) -> str:
    """The store's country (ISO 3166: ``"VN"``, ``"US"``): the region its phones are typed and shown in."""
    return till.country()


def set_store_country_in(s: Session, till: Till, code: str) -> str:
    """Record the store's country inside the caller's unit of work; returns it cleaned (``"us"`` -> ``"US"``)."""
    return _put_country(s, till, check_country(code))


def adopt_store_country_in(s: Session, till: Till, country: str | None, timezone: str) -> str:
    """The till takes its store's country from the chain's server; returns it.

    Today's server sends no country with a store, so the till derives it from the store's
    time zone (which the server does send) through the IANA zone tables
    (``app.services.regions``). A server that names the country (a later protocol) is believed.
    """
    code = (country or "").strip().upper()
    return _put_country(s, till, code if is_region(code) else country_for_zone(timezone))


def _put_country(s: Session, till: Till, country: str) -> str:
    """Store a checked country; the till drops its cached copy (``reload_program`` clears both)."""
    row = s.get(Setting, COUNTRY_SETTING)
    if row is None:
        s.add(Setting(key=COUNTRY_SETTING, value=country))
    else:
        row.value = country
    till.reload_program()
    return country


def check_country(code: str) -> str:
    """``" us "`` -> ``"US"``; raises InvalidInput unless the numbering plans know the region."""
    country = (code or "").strip().upper()
    if not is_region(country):
        raise InvalidInput("{0} is not a country code; use two letters like VN or US.", country=code)
    return country
