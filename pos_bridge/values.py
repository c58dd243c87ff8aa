"""Parsing the values POS exports write: amounts, quantities, local times.

Stricter than ``app.core.money.parse_amount`` on purpose. A reader knows its
POS's conventions (Square and Toast write ``$1,234.56``; KiotViet writes
``1.250.000``), so it says which mark is the decimal one and anything else is
refused instead of guessed. When a format does not fix the mark (Loyverse and
the generic format follow the account's locale) the rules are: with both marks
the last one is the decimal mark; a single mark followed by exactly three
digits groups thousands; otherwise it is the decimal mark. ``parse_amount``
also reads ``125,000.00`` for VND wrongly (it takes the comma for the decimal
mark), which is one more reason for this module.

Every failure raises :class:`FieldError`, a sentence about the value; the
reader adds file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.money import CURRENCIES, MAX_BILL_MAJOR, Currency

Cell = str | int | float | Decimal | datetime | date | time | bool | None
DateOrder = Literal["dmy", "mdy"]


class FieldError(ValueError):
    """One value that cannot be read; the message is a readable sentence.

    Row accessors fill in where it was (line and column) on the way out.
    """

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def shown(value: object, limit: int = 40) -> str:
    """A value quoted for a message, cut short: a damaged 1 MB cell must not
    become a 1 MB reason file."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            raise ReaderError(f"The store's time zone {tz!r} is not a known time zone.") from None
        cur = CURRENCIES.get(str(currency).upper())
        if cur is None:
            raise ReaderError(f"The store's currency {currency!r} is not supported.")
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

_SYMBOLS: dict[str, str] = {"₫": "VND", "đ": "VND", "Đ": "VND", "$": "USD", "€": "EUR"}
_CODES = re.compile(r"(?i)VNĐ|VND|USD|EUR|US\$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_PLAIN = re.compile(r"[0-9.,()+\-]+")


def parse_money(value: Cell, cur: Currency, *, decimal: str | None = None) -> int:
    """Read an amount into minor units of ``cur``.

    ``decimal`` is ``"."`` or ``","`` when the format fixes it, None to infer.
    Negative forms: ``-5.00``, ``(5.00)``, ``$-5.00``, ``-$5.00``, ``5.00-``.
    A currency symbol or code that is not ``cur``'s is refused: a $ amount in a
    VND store is a wrong configuration, not a number to guess at.
    """
    if isinstance(value, bool) or value is None:
        raise FieldError(f"{shown(value)} is not an amount.")
    if isinstance(value, (int, float, Decimal)):
        return _number_to_minor(value, cur)
    if not isinstance(value, str):
        raise FieldError(f"{shown(value)} is not an amount.")
    raw = value
    text = value.strip()
    if text.isdigit() and len(text) <= 15:  # the common case: "125000"
        minor = int(text) * cur.unit
        if minor > MAX_BILL_MAJOR * cur.unit:
            raise FieldError(f"{shown(raw)} is too large to be a bill.")
        return minor
    if not _PLAIN.fullmatch(text):
        text = _SPACES.sub("", text).replace("\u2212", "-")  # the typographic minus some exports use
        found = {_code(m) for m in _CODES.findall(text)}
        text = _CODES.sub("", text)
        found |= {code for sym, code in _SYMBOLS.items() if sym in text}
        for sym in _SYMBOLS:
            text = text.replace(sym, "")
        for other in sorted(found):
            if other != cur.code:
                raise FieldError(f"{shown(raw)} is an amount in {other}, but the store counts {cur.code}.")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.endswith("-"):
        negative, text = not negative, text[:-1]
    elif text.startswith("+"):
        text = text[1:]
    if not text or not re.fullmatch(r"[0-9][0-9.,]*", text) or not text[-1].isdigit():
        raise FieldError(f"{shown(raw)} is not an amount.")
    whole, frac = _split_number(text, decimal, raw)
    if len(whole.lstrip("0")) > 15:
        raise FieldError(f"{shown(raw)} is too large to be a bill.")
    if len(frac) > cur.exponent:
        if set(frac[cur.exponent :]) != {"0"}:
            raise FieldError(f"{shown(raw)} has more decimals than {cur.code} allows.")
        frac = frac[: cur.exponent]
    minor = int(whole) * cur.unit + int(frac.ljust(cur.exponent, "0") or "0")
    if minor > MAX_BILL_MAJOR * cur.unit:
        raise FieldError(f"{shown(raw)} is too large to be a bill.")
    return -minor if negative else minor


def _code(text: str) -> str:
    upper = text.upper()
    return {"VNĐ": "VND", "US$": "USD"}.get(upper, upper)


def _number_to_minor(value: int | float | Decimal, cur: Currency) -> int:
    """A spreadsheet cell holding a number: exact when the POS typed cents."""
    try:
        dec = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise FieldError(f"{shown(value)} is not an amount.") from None
    if not dec.is_finite():
        raise FieldError(f"{shown(value)} is not an amount.")
    scaled = dec * cur.unit
    rounded = scaled.to_integral_value()
    # Binary floats from formulas (0.1 + 0.2) miss by far less than a millionth of a cent.
    if abs(scaled - rounded) > Decimal("0.000001"):
        raise FieldError(f"{shown(value)} has more decimals than {cur.code} allows.")
    if abs(rounded) > MAX_BILL_MAJOR * cur.unit:
        raise FieldError(f"{shown(value)} is too large to be a bill.")
    return int(rounded)


def _split_number(text: str, decimal: str | None, raw: object) -> tuple[str, str]:
    """Split ``1.250.000,50`` into whole digits and fraction digits."""
    if decimal is None:
        last = max(text.rfind("."), text.rfind(","))
        if last == -1:
            return text, ""
        mark = text[last]
        other = "," if mark == "." else "."
        tail = text[last + 1 :]
        # "125.000" / "1,250,000" group thousands; "12.34", "1.250,5" carry a decimal mark.
        decimal = mark if other in text or (text.count(mark) == 1 and len(tail) != 3) else other
    group = "," if decimal == "." else "."
    if text.count(decimal) > 1:
        raise FieldError(f"{shown(raw)} is not an amount.")
    whole, _, frac = text.partition(decimal)
    if not whole or (decimal in text and not frac):
        raise FieldError(f"{shown(raw)} is not an amount.")
    return _ungroup(whole, group, raw), frac


def _ungroup(whole: str, group: str, raw: object) -> str:
    if group not in whole:
        if not whole.isdigit():
            raise FieldError(f"{shown(raw)} is not an amount.")
        return whole
    parts = whole.split(group)
    head = parts[0]
    if (
        not head.isdigit()
        or len(head) > 3
        or (head.startswith("0"))
        or any(len(p) != 3 or not p.isdigit() for p in parts[1:])
    ):
        raise FieldError(f"{shown(raw)} is not an amount (its digit groups are wrong).")
    return "".join(parts)


# ---------------------------------------------------------------- quantities


def parse_quantity(value: Cell, *, decimal: str | None = None) -> Decimal:
    """A line quantity; may be fractional (0.5 kg) and negative (refund lines)."""
    if isinstance(value, bool) or value is None:
        raise FieldError(f"{shown(value)} is not a quantity.")
    if isinstance(value, (int, float, Decimal)):
        try:
            dec = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except (InvalidOperation, ValueError):
            raise FieldError(f"{shown(value)} is not a quantity.") from None
    elif isinstance(value, str):
        raw = value
        text = _SPACES.sub("", value).replace("\u2212", "-")
        negative = text.startswith("-")
        text = text.lstrip("-+")
        if not text or not re.fullmatch(r"[0-9][0-9.,]*", text) or not text[-1].isdigit():
            raise FieldError(f"{shown(raw)} is not a quantity.")
        whole, frac = _split_quantity(text, decimal, raw)
        dec = Decimal(f"{'-' if negative else ''}{whole}.{frac or '0'}")
    else:
        raise FieldError(f"{shown(value)} is not a quantity.")
    if not dec.is_finite() or abs(dec) > 100_000:
        raise FieldError(f"{shown(value)} is not a plausible quantity.")
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
        raise FieldError(f"{shown(raw)} is not a quantity.")
    whole, _, frac = text.partition(decimal)
    if not whole:
        raise FieldError(f"{shown(raw)} is not a quantity.")
    return _ungroup(whole, group, raw), frac


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
        raise FieldError(f"{shown(value)} is not a date and time.")
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
    raise FieldError(f"{shown(value)} is not a date and time this export uses.")


def combine_date_time(day: Cell, clock: Cell, tz: ZoneInfo, *, order: DateOrder) -> datetime:
    """Exports that split the timestamp into a Date and a Time column (Square)."""
    if isinstance(clock, time):
        clock = clock.strftime("%H:%M:%S")
    if isinstance(day, datetime):
        day = day.date()
    if isinstance(day, date):
        day = day.isoformat()
    if not isinstance(day, str) or not isinstance(clock, str):
        raise FieldError(f"{shown(day)} {shown(clock)} is not a date and time.")
    if not _TIME.fullmatch(clock.strip()):
        raise FieldError(f"{shown(clock)} is not a time of day.")
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
            raise FieldError(f"{shown(raw)} has an impossible hour.")
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    try:
        return datetime(y, mo, d, hour, int(mi or 0), int(ss or 0), micro)
    except ValueError:
        raise FieldError(f"{shown(raw)} is not a real date and time.") from None


def _offset(text: str, raw: object) -> tzinfo:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise FieldError(f"{shown(raw)} has an impossible UTC offset.")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _to_utc(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise FieldError(f"{shown(moment)} is out of range.") from None


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


def whole_quantity(qty: Decimal, line_amount: int) -> tuple[int, int]:
    """ReceiptLine keeps whole units: a fractional quantity (0.5 kg of coffee
    beans) becomes one unit priced at the line's amount, so the money stays right."""
    if qty == qty.to_integral_value():
        return int(qty), 0
    sign = -1 if qty < 0 else 1
    return sign, abs(line_amount)


def truthy(value: Cell) -> bool:
    """``True``/``Yes``/``1``/``x``/``Có`` as POS write booleans."""
    if isinstance(value, bool):
        return value
    return cell_text(value).casefold() in {"true", "yes", "y", "1", "x", "có", "co", "t"}
