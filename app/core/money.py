"""Money as integers in minor units, with the currency beside it.

Floats never touch money: a bill of 125.000 ₫ is ``Money(125000, VND)``; a bill
of $12.34 is ``Money(1234, USD)``. Parsing accepts what people and POS files
type (``125.000``, ``125,000 ₫``, ``12.34``) and refuses anything ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import InvalidInput


@dataclass(frozen=True)
class Currency:
    code: str
    exponent: int  # digits after the decimal point: VND 0, USD 2
    symbol: str
    symbol_after: bool  # "125.000 ₫" vs "$12.34"

    @property
    def unit(self) -> int:
        """Minor units in one major unit (1 for VND, 100 for USD)."""
        return 10**self.exponent


VND = Currency("VND", 0, "₫", True)
USD = Currency("USD", 2, "$", False)
EUR = Currency("EUR", 2, "€", True)
CURRENCIES: dict[str, Currency] = {c.code: c for c in (VND, USD, EUR)}

# A single bill larger than this is a typing mistake, not a sale (1 billion VND
# or 10 million USD): refusing it protects the ledger from an extra zero.
MAX_BILL_MAJOR = 1_000_000_000


def currency(code: str) -> Currency:
    try:
        return CURRENCIES[code.upper()]
    except KeyError:
        raise InvalidInput(f"Unknown currency {code!r}.") from None


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: Currency = VND

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money is an integer number of minor units")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise InvalidInput(f"Cannot mix {self.currency.code} and {other.currency.code}.")

    def format(self, locale: str = "vi") -> str:
        return format_money(self.minor, self.currency, locale)


def format_money(minor: int, cur: Currency = VND, locale: str = "vi") -> str:
    """Write an amount the way the locale writes it: ``125.000 ₫`` (vi), ``125,000 ₫`` (en)."""
    group, decimal = (".", ",") if locale.startswith("vi") else (",", ".")
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), cur.unit)
    text = f"{whole:,}".replace(",", group)
    if cur.exponent:
        text += decimal + str(frac).rjust(cur.exponent, "0")
    if cur.symbol_after:
        return f"{sign}{text} {cur.symbol}"
    return f"{sign}{cur.symbol}{text}"


_STRIP = re.compile(r"[\s₫$€đ]|VND|VNĐ|USD|EUR|vnd|vnđ|usd|eur")


def parse_amount(text: str, cur: Currency = VND, *, decimal_comma: bool | None = None) -> int:
    """Parse a typed or exported amount into minor units.

    VND has no minor unit, so both ``.`` and ``,`` are thousands separators
    (``125.000`` and ``125,000`` are both 125000). For currencies with cents the
    last separator followed by exactly ``exponent`` digits is the decimal point,
    unless ``decimal_comma`` says which one it is.
    """
    raw = text
    text = _STRIP.sub("", str(text)).strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = True, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if len(text) > 40:
        raise InvalidInput(f"{raw[:20]!r}… is too long to be an amount.")
    if not text or not re.fullmatch(r"[0-9.,']+", text) or not re.search(r"[0-9]", text):
        raise InvalidInput(f"{raw!r} is not an amount.")
    text = text.replace("'", "")
    if cur.exponent == 0:
        whole, frac = _split_zero_exponent(text, raw, decimal_comma)
    else:
        whole, frac = _split_decimal(text, cur.exponent, raw, decimal_comma)
    if frac and len(frac) > cur.exponent:
        if set(frac[cur.exponent :]) != {"0"}:
            raise InvalidInput(f"{raw!r} has more decimals than {cur.code} allows.")
        frac = frac[: cur.exponent]
    value = int(whole or "0") * cur.unit + int(frac.ljust(cur.exponent, "0") or "0")
    return -value if negative else value


def _split_zero_exponent(text: str, raw: str, decimal_comma: bool | None) -> tuple[str, str]:
    dec = "," if decimal_comma else "." if decimal_comma is False else None
    if dec and dec in text:
        whole, _, frac = text.rpartition(dec)
        sep = "." if dec == "," else ","
        return _check_groups(whole, sep, raw), frac
    # No declared decimal mark: "125.000", "125,000", "1.250.000" are grouped thousands;
    # "12.5" or "125.00" (a POS writing VND with two zeros) are decimals.
    m = re.fullmatch(r"([0-9]+)[.,]([0-9]{1,2})", text)
    if m:
        return m.group(1), m.group(2)
    if "." in text and "," in text:  # both marks: the last one is the decimal point ("125,000.00")
        dec = "." if text.rfind(".") > text.rfind(",") else ","
        whole, _, frac = text.rpartition(dec)
        return _check_groups(whole, "," if dec == "." else ".", raw), frac
    for sep in (".", ","):
        if sep in text:
            return _check_groups(text, sep, raw), ""
    return text, ""


def _split_decimal(text: str, exponent: int, raw: str, decimal_comma: bool | None) -> tuple[str, str]:
    if decimal_comma is None:
        last = max(text.rfind("."), text.rfind(","))
        if last == -1:
            return text, ""
        tail = text[last + 1 :]
        mark = text[last]
        both = "." in text and "," in text
        if both or len(tail) != 3 or (text.count(mark) == 1 and len(tail) <= exponent):
            decimal_comma = mark == ","
        else:  # "1,234" with cents currency: a thousands group
            return _check_groups(text, mark, raw), ""
    dec = "," if decimal_comma else "."
    group = "." if decimal_comma else ","
    whole, _, frac = text.rpartition(dec) if dec in text else (text, "", "")
    return _check_groups(whole, group, raw), frac


def _check_groups(text: str, sep: str, raw: str) -> str:
    if sep not in text:
        if not text.isdigit() and text:
            raise InvalidInput(f"{raw!r} is not an amount.")
        return text
    parts = text.split(sep)
    if not parts[0] or any(len(p) != 3 or not p.isdigit() for p in parts[1:]) or not parts[0].isdigit():
        raise InvalidInput(f"{raw!r} is not an amount.")
    return "".join(parts)


def check_bill(minor: int, cur: Currency = VND) -> int:
    """Refuse bills a cashier cannot mean: negative, zero, or absurdly large."""
    if not isinstance(minor, int) or isinstance(minor, bool):
        raise InvalidInput("The bill amount must be a whole number of minor units.")
    if minor <= 0:
        raise InvalidInput("The bill amount must be more than zero.")
    if minor > MAX_BILL_MAJOR * cur.unit:
        raise InvalidInput(f"{format_money(minor, cur, 'en')} is too large for one bill.")
    return minor
