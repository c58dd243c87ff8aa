"""Numbers, money and times as the cashier's language writes them, in the store's time zone.

``125.000 ₫`` in Vietnamese, ``125,000 ₫`` in English; times are stored in UTC and
shown on the store's wall clock (a chain may span zones, a till's PC may be set
to anything).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.clock import local
from app.core.money import Currency, currency, format_money
from app.core.phone import DEFAULT_REGION, display_phone
from app.core.program import Program


def ui_language() -> str:
    """The language the UI speaks now (``Translations.use`` sets Qt's default locale with it)."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def group_digits(n: int, language: str) -> str:
    """Whole numbers with the language's group separator: 12.500 (vi), 12,500 (en)."""
    text = f"{abs(n):,}".replace(",", "." if language == "vi" else ",")
    return f"-{text}" if n < 0 else text


def money_text(minor: int, cur: Currency) -> str:
    """The one way the UI writes an amount, in the UI's language: "999.999.999.999 ₫" in Vietnamese.

    ``Formatter.money`` is the same function with the formatter's language; an error's
    details, which carry no formatter, are written with this one.
    """
    return format_money(minor, cur, ui_language())


def number_text(n: int) -> str:
    return group_digits(n, ui_language())


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Formatter:
    """One per app; ``language`` follows the language switch."""

    language: str
    currency: Currency
    timezone: str
    country: str = DEFAULT_REGION  # the store's: its phones are shown the national way

    @classmethod
    def for_program(cls, program: Program, language: str, country: str = DEFAULT_REGION) -> Formatter:
        return cls(language=language, currency=currency(program.currency), timezone=program.timezone, country=country)

    def phone(self, e164: str) -> str:
        """A stored phone as the store's staff read it: ``(617) 555-0142`` in a US shop, ``0912 345 678`` here."""
        return display_phone(e164, self.country) if e164 else ""

    def money(self, minor: int) -> str:
        return format_money(minor, self.currency, self.language)

    def number(self, n: int) -> str:
        """Whole numbers with the locale's group separator (points can run into thousands)."""
        return group_digits(n, self.language)

    def signed(self, n: int) -> str:
        return f"+{self.number(n)}" if n > 0 else self.number(n)

    def datetime(self, moment: datetime) -> str:
        t = local(moment, self.timezone)
        if self.language == "vi":
            return t.strftime("%H:%M %d/%m/%Y")
        return f"{t.day} {_MONTHS_EN[t.month - 1]} {t.year}, {t:%H:%M}"

    def date(self, moment: datetime) -> str:
        t = local(moment, self.timezone)
        if self.language == "vi":
            return t.strftime("%d/%m/%Y")
        return f"{t.day} {_MONTHS_EN[t.month - 1]} {t.year}"

    def time(self, moment: datetime) -> str:
        return local(moment, self.timezone).strftime("%H:%M")


def point_unit(point_name: str, count: int = 2) -> str:
    """The program's unit name; the default "điểm" reads as "points" (or "point") to an English cashier."""
    if point_name.strip().lower() in ("điểm", "points", "point"):
        if abs(count) == 1:
            return QCoreApplication.translate("Units", "point")
        return QCoreApplication.translate("Units", "points")
    return point_name


def stamp_unit(count: int = 2) -> str:
    if abs(count) == 1:
        return QCoreApplication.translate("Units", "stamp")
    return QCoreApplication.translate("Units", "stamps")


def tier_label(tier: str) -> str:
    """Tier names are the owner's data; the two default names are translated."""
    known = {
        "Member": QCoreApplication.translate("Units", "Member"),
        "Gold": QCoreApplication.translate("Units", "Gold"),
    }
    return known.get(tier, tier)


def given_name(full_name: str) -> str:
    """A Vietnamese customer is greeted by the given name, which comes last: "Nguyễn Thị Ánh" → "Ánh"."""
    parts = full_name.split()
    return parts[-1] if parts else full_name
