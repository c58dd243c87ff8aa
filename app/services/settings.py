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


def store_name(till: Till) -> str:
    """The shop's name as the customer sees it (login page, display, printed cards)."""
    with till.transaction() as s:
        return till.store_name(s)
