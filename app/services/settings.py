"""The till's settings and identity: small key/value facts and the shop's name, each read in one transaction.

They lived in ``app.bootstrap`` (which opens a home), so the UI and the POS bridge
imported the start-up module to read one value, and three UI places opened a
database session themselves to read the store's name. A service owns them now.
"""

from __future__ import annotations

from app.db.models import Setting
from app.services.till import Till


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
