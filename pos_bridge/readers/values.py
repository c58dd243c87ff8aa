"""Parsing the values POS exports write: amounts, quantities, local times.

Amounts go through ``app.core.money.parse_money``, the project's one amount
parser: a reader knows its POS's conventions (Square and Toast write
``$1,234.56``; KiotViet writes ``1.250.000``) and says which mark is the
decimal one, so anything else is refused instead of guessed.

Every failure raises :class:`FieldError`, a sentence about the value; the
reader adds file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.money import CURRENCIES, AmountError, Currency, shown, ungroup
from app.core.money import parse_money as core_parse_money
from pos_bridge.readers.base import notice_of

Cell = str | int | float | Decimal | datetime | date | time | bool | None
DateOrder = Literal["dmy", "mdy"]


class FieldError(ValueError):
    """One value that cannot be read; the message is a readable sentence (a Notice: template + details).

    Row accessors fill in where it was (line and column) on the way out.
    """

    def __init__(self, template: str, *, line: int | None = None, column: str | None = None, **details: Any) -> None:
        message = notice_of(template, details)  # English as str; template + details for the till's UI
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class ReadContext:
    """What the caller tells a reader about the store the export belongs to."""

    source: str
    store_id: str
    tz: ZoneInfo
    currency: Currency

    @classmethod
    def build(cls, source: str, store_id: str, tz: str, currency: str) -> ReadContext:
        from pos_bridge.readers.base import ReaderError

        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ReaderError("The store's time zone {0} is not a known time zone.", zone=shown(tz)) from None
        cur = CURRENCIES.get(str(currency).upper())
        if cur is None:
            raise ReaderError("The store's currency {0} is not supported.", currency=shown(currency))
        if not store_id:
            raise ReaderError("No store was given for this export.")
        return cls(source=source, store_id=store_id, tz=zone, currency=cur)

    @property
    def vietnamese(self) -> bool:
        return self.currency.code == "VND" or self.tz.key in ("Asia/Ho_Chi_Minh", "Asia/Saigon")

    @property
    def default_date_order(self) -> DateOrder:
        """US POS write month first; almost everyone else writes the day first."""
        return "mdy" if self.tz.key.startswith(("America/", "US/", "Pacific/Honolulu")) else "dmy"


# ---------------------------------------------------------------- amounts


def parse_money(value: Cell, cur: Currency, *, decimal: str | None = None) -> int:
    """``app.core.money.parse_money`` (the one amount parser), failing as a FieldError."""
    try:
        if isinstance(value, str):
            return _money_text(value, cur, decimal)
        return core_parse_money(value, cur, decimal=decimal)
    except AmountError as err:
        raise FieldError(err.template, **err.details) from None


# An export repeats the same few prices, quantities and minutes thousands of times: the text
# cells' parses are remembered (a refused cell raises again each time: exceptions are not kept).
@lru_cache(maxsize=8192)
def _money_text(value: str, cur: Currency, decimal: str | None) -> int:
    return core_parse_money(value, cur, decimal=decimal)


# ---------------------------------------------------------------- quantities

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def parse_quantity(value: Cell, *, decimal: str | None = None) -> Decimal:
    """A line quantity; may be fractional (0.5 kg) and negative (refund lines)."""
    if isinstance(value, str):
        return _quantity_text(value, decimal)
    return _parse_quantity(value, decimal=decimal)


@lru_cache(maxsize=8192)
def _quantity_text(value: str, decimal: str | None) -> Decimal:
    return _parse_quantity(value, decimal=decimal)


def _parse_quantity(value: Cell, *, decimal: str | None = None) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise FieldError("{0} is not a quantity.", value=shown(value))
    if isinstance(value, (int, float, Decimal)):
        try:
            dec = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except (InvalidOperation, ValueError):
            raise FieldError("{0} is not a quantity.", value=shown(value)) from None
    elif isinstance(value, str):
        raw = value
        text = _SPACES.sub("", value).replace("\u2212", "-")
        negative = text.startswith("-")
        text = text.lstrip("-+")
        if not text or not re.fullmatch(r"[0-9][0-9.,]*", text) or not text[-1].isdigit():
            raise FieldError("{0} is not a quantity.", value=shown(raw))
        whole, frac = _split_quantity(text, decimal, raw)
        dec = Decimal(f"{'-' if negative else ''}{whole}.{frac or '0'}")
    else:
        raise FieldError("{0} is not a quantity.", value=shown(value))
    if not dec.is_finite() or abs(dec) > 100_000:
        raise FieldError("{0} is not a plausible quantity.", value=shown(value))
    return dec


def _split_quantity(text: str, decimal: str | None, raw: str) -> tuple[str, str]:
    if decimal is None:
        last = max(text.rfind("."), text.rfind(","))
        if last == -1:
            return text, ""
        mark = text[last]
        # Quantities are small: "2.000" / "1,0000" are decimals, unlike amounts.
        decimal = mark if text.count(mark) == 1 else ("," if mark == "." else ".")
    group = "," if decimal == "." else "."
    if text.count(decimal) > 1:
        raise FieldError("{0} is not a quantity.", value=shown(raw))
    whole, _, frac = text.partition(decimal)
    if not whole:
        raise FieldError("{0} is not a quantity.", value=shown(raw))
    try:
        return ungroup(whole, group, raw), frac
    except AmountError:
        raise FieldError("{0} is not a quantity.", value=shown(raw)) from None


# ---------------------------------------------------------------- dates and times

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
_LOCAL = re.compile(
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4}),?"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?")


def parse_datetime(value: Cell, tz: ZoneInfo, *, order: DateOrder = "dmy") -> datetime:
    """``_parse_datetime``; a text cell's parse is remembered (receipts of one minute share it)."""
    if isinstance(value, str):
        return _datetime_text(value, tz, order)
    return _parse_datetime(value, tz, order=order)


@lru_cache(maxsize=8192)
def _datetime_text(value: str, tz: ZoneInfo, order: DateOrder) -> datetime:
    return _parse_datetime(value, tz, order=order)


def _parse_datetime(value: Cell, tz: ZoneInfo, *, order: DateOrder = "dmy") -> datetime:
    """A POS timestamp to aware UTC. Naive times are the store's local time.

    Accepts ISO 8601 (with or without offset), ``dd/mm/yyyy HH:MM[:SS]``,
    ``m/d/yy h:mm AM`` (``order`` says which of day and month comes first),
    and spreadsheet datetime cells.
    """
    if isinstance(value, datetime):
        return _to_utc(value, tz)
    if isinstance(value, date):
        return _to_utc(datetime.combine(value, time()), tz)
    if not isinstance(value, str) or not value.strip():
        raise FieldError("{0} is not a date and time.", value=shown(value))
    text = value.strip()
    m = _ISO.fullmatch(text)
    if m:
        y, mo, d, hh, mi, ss, frac, off = m.groups()
        micro = int((frac or "0").ljust(6, "0"))
        local = _build(value, int(y), int(mo), int(d), hh, mi, ss, None, micro)
        if off:
            return _to_utc(local.replace(tzinfo=_offset(off, value)), tz)
        return _to_utc(local, tz)
    m = _LOCAL.fullmatch(text)
    if m:
        a, b, y, hh, mi, ss, ampm = m.groups()
        day, month = (int(a), int(b)) if order == "dmy" else (int(b), int(a))
        year = int(y) + (2000 if len(y) == 2 else 0)
        return _to_utc(_build(value, year, month, day, hh, mi, ss, ampm, 0), tz)
    raise FieldError("{0} is not a date and time this export uses.", value=shown(value))


def combine_date_time(day: Cell, clock: Cell, tz: ZoneInfo, *, order: DateOrder) -> datetime:
    """Exports that split the timestamp into a Date and a Time column (Square)."""
    if isinstance(clock, time):
        clock = clock.strftime("%H:%M:%S")
    if isinstance(day, datetime):
        day = day.date()
    if isinstance(day, date):
        day = day.isoformat()
    if not isinstance(day, str) or not isinstance(clock, str):
        raise FieldError("{0} {1} is not a date and time.", day=shown(day), clock=shown(clock))
    if not _TIME.fullmatch(clock.strip()):
        raise FieldError("{0} is not a time of day.", value=shown(clock))
    return parse_datetime(f"{day.strip()} {clock.strip()}", tz, order=order)


def _build(
    raw: object,
    y: int,
    mo: int,
    d: int,
    hh: str | None,
    mi: str | None,
    ss: str | None,
    ampm: str | None,
    micro: int,
) -> datetime:
    hour = int(hh or 0)
    if ampm:
        if not 1 <= hour <= 12:
            raise FieldError("{0} has an impossible hour.", value=shown(raw))
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    try:
        return datetime(y, mo, d, hour, int(mi or 0), int(ss or 0), micro)
    except ValueError:
        raise FieldError("{0} is not a real date and time.", value=shown(raw)) from None


def _offset(text: str, raw: object) -> tzinfo:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise FieldError("{0} has an impossible UTC offset.", value=shown(raw))
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _to_utc(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise FieldError("{0} is out of range.", value=shown(moment)) from None


def infer_date_order(samples: list[Cell], default: DateOrder) -> DateOrder:
    """Which of day and month comes first, decided once per file.

    A file is consistent, so one ``25/12/2024`` settles it for every row; when
    every date is ambiguous (all days ≤ 12) the store's country decides.
    """
    day_first = month_first = False
    for value in samples:
        if not isinstance(value, str):
            continue
        m = _LOCAL.match(value.strip())
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= a > 12
        month_first |= b > 12
    if day_first and not month_first:
        return "dmy"
    if month_first and not day_first:
        return "mdy"
    return default


# ---------------------------------------------------------------- text


def cell_text(value: Cell) -> str:
    """A cell as text: numbers written the way a person would (``1234``, not ``1234.0``)."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def truthy(value: Cell) -> bool:
    """``True``/``Yes``/``1``/``x``/``Có`` as POS write booleans."""
    if isinstance(value, bool):
        return value
    return cell_text(value).casefold() in {"true", "yes", "y", "1", "x", "có", "co", "t"}
