"""Money as integers in minor units, with the currency beside it.

Floats never touch money: a bill of 125.000 ₫ is ``Money(125000, VND)``; a bill
of $12.34 is ``Money(1234, USD)``. Parsing accepts what people and POS files
type (``125.000``, ``125,000 ₫``, ``12.34``) and refuses anything ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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
        raise InvalidInput("Unknown currency {0}.", code=code) from None


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: Currency = VND

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money is an integer number of minor units")

    def __str__(self) -> str:
        """English, for logs and the CLI; the UI writes amounts its own way."""
        return format_money(self.minor, self.currency, "en")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise InvalidInput("Cannot mix {0} and {1}.", ours=self.currency.code, theirs=other.currency.code)

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


class AmountError(InvalidInput):
    """A value that is not an amount; ``message`` is a readable sentence."""

    code = "not_an_amount"


_SYMBOLS: dict[str, str] = {"₫": "VND", "đ": "VND", "Đ": "VND", "$": "USD", "€": "EUR"}
_CODES = re.compile(r"(?i)VNĐ|VND|USD|EUR|US\$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_PLAIN = re.compile(r"[0-9.,()+\-]+")


def shown(value: object, limit: int = 40) -> str:
    """A value quoted for a message, cut short: a damaged 1 MB cell must not
    become a 1 MB error message. Typographic quotes, not Python's repr: a cashier
    reads it, in Vietnamese as in English."""
    text = f"“{value}”" if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_money(value: object, cur: Currency = VND, *, decimal: str | None = None, cap: bool = True) -> int:
    """Read an amount (typed by a person, or a POS export's cell) into minor units of ``cur``.

    The one amount parser of the project: the cashier's amount field, the command
    line and every POS reader use it. ``decimal`` is ``"."`` or ``","`` when the
    source fixes the decimal mark (Square and Toast write ``$1,234.56``; KiotViet
    ``1.250.000``), None to infer: with both marks the last one is the decimal
    mark; a single mark followed by exactly three digits groups thousands;
    otherwise it is the decimal mark (``125.00`` VND is 125, ``12.5`` VND is refused).
    Negative forms: ``-5.00``, ``(5.00)``, ``$-5.00``, ``-$5.00``, ``5.00-``.
    A currency symbol or code that is not ``cur``'s is refused: a $ amount in a
    VND store is a wrong configuration, not a number to guess at. Spreadsheet
    numbers (int, float, Decimal) are read exactly. ``cap``: refuse more than one
    bill can be (a POS cell); a typed amount is checked by ``check_bill`` instead,
    which says so in the cashier's words. Raises :class:`AmountError`.
    """
    if isinstance(value, bool) or value is None:
        raise AmountError("{0} is not an amount.", text=shown(value))
    if isinstance(value, (int, float, Decimal)):
        return _number_to_minor(value, cur)
    if not isinstance(value, str):
        raise AmountError("{0} is not an amount.", text=shown(value))
    raw = value
    text = value.strip()
    if not text:  # not "“” is not an amount": an empty field or cell says so in words
        raise AmountError("No amount was given.")
    if text.isdigit() and len(text) <= 15:  # the common case: "125000"
        minor = int(text) * cur.unit
        if cap and minor > MAX_BILL_MAJOR * cur.unit:
            raise AmountError("{0} is too large to be a bill.", text=shown(raw))
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
                raise AmountError(
                    "{0} is an amount in {1}, but the store counts {2}.", text=shown(raw), other=other, ours=cur.code
                )
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
        raise AmountError("{0} is not an amount.", text=shown(raw))
    whole, frac = _split_number(text, decimal, raw)
    if len(whole.lstrip("0")) > (15 if cap else 30):
        raise AmountError("{0} is too large to be a bill.", text=shown(raw))
    if len(frac) > cur.exponent:
        if set(frac[cur.exponent :]) != {"0"}:
            raise AmountError("{0} has more decimals than {1} allows.", text=shown(raw), currency=cur.code)
        frac = frac[: cur.exponent]
    minor = int(whole) * cur.unit + int(frac.ljust(cur.exponent, "0") or "0")
    if cap and minor > MAX_BILL_MAJOR * cur.unit:
        raise AmountError("{0} is too large to be a bill.", text=shown(raw))
    return -minor if negative else minor


def parse_amount(text: str, cur: Currency = VND, *, decimal_comma: bool | None = None) -> int:
    """An amount a person typed; ``decimal_comma`` says which mark is the decimal one."""
    decimal = None if decimal_comma is None else ("," if decimal_comma else ".")
    return parse_money(text, cur, decimal=decimal, cap=False)


def _code(text: str) -> str:
    upper = text.upper()
    return {"VNĐ": "VND", "US$": "USD"}.get(upper, upper)


def _number_to_minor(value: int | float | Decimal, cur: Currency) -> int:
    """A spreadsheet cell holding a number: exact when the POS typed cents."""
    try:
        dec = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise AmountError("{0} is not an amount.", text=shown(value)) from None
    if not dec.is_finite():
        raise AmountError("{0} is not an amount.", text=shown(value))
    scaled = dec * cur.unit
    rounded = scaled.to_integral_value()
    # Binary floats from formulas (0.1 + 0.2) miss by far less than a millionth of a cent.
    if abs(scaled - rounded) > Decimal("0.000001"):
        raise AmountError("{0} has more decimals than {1} allows.", text=shown(value), currency=cur.code)
    if abs(rounded) > MAX_BILL_MAJOR * cur.unit:
        raise AmountError("{0} is too large to be a bill.", text=shown(value))
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
        raise AmountError("{0} is not an amount.", text=shown(raw))
    whole, _, frac = text.partition(decimal)
    if not whole or (decimal in text and not frac):
        raise AmountError("{0} is not an amount.", text=shown(raw))
    return ungroup(whole, group, raw), frac


def ungroup(whole: str, group: str, raw: object) -> str:
    if group not in whole:
        if not whole.isdigit():
            raise AmountError("{0} is not an amount.", text=shown(raw))
        return whole
    parts = whole.split(group)
    head = parts[0]
    if (
        not head.isdigit()
        or len(head) > 3
        or head.startswith("0")
        or any(len(p) != 3 or not p.isdigit() for p in parts[1:])
    ):
        raise AmountError("{0} is not an amount (its digit groups are wrong).", text=shown(raw))
    return "".join(parts)


def check_bill(minor: int, cur: Currency = VND) -> int:
    """Refuse bills a cashier cannot mean: negative, zero, or absurdly large."""
    if not isinstance(minor, int) or isinstance(minor, bool):
        raise InvalidInput("The bill amount must be a whole number of minor units.")
    if minor <= 0:
        raise InvalidInput("The bill amount must be more than zero.")
    if minor > MAX_BILL_MAJOR * cur.unit:
        raise InvalidInput("{0} is too large for one bill.", amount=Money(minor, cur))
    return minor
