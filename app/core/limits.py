"""How large an entry and a balance may be: the bounds both the till and the server enforce.

Why bounds at all: the wire format allows any int64, and one entry of 2^63−1
points made every later fold of that member overflow the server's BIGINT — a
500 on every retry, which stopped the whole chain's sync. So every figure an
entry carries is bounded far below int64, and so is every balance figure: the
largest balance times a few thousand entries still cannot overflow, and a fold
that would leave the bounds is refused *naming the entry*, never crashes.

Two layers:
- hard bounds (``check_entry``, ``check_balance``): what no program can produce;
  the till refuses to write beyond them and the server refuses to store them.
- program bounds (``program_excess``): an earn can't exceed the largest bill at the
  largest multipliers of the program; a manual adjustment beyond the program's
  ``adjust_limit_points`` needs the owner at the till and is flagged at the server.
"""

from __future__ import annotations

from dataclasses import fields
from fractions import Fraction
from math import floor

from app.core.errors import InvalidInput
from app.core.ledger import Balance, EntryKind, LedgerEntry
from app.core.money import CURRENCIES, MAX_BILL_MAJOR
from app.core.program import Program

# The largest minor-unit factor of a currency we could ever ship (3-decimal dinars): 1000.
MAX_ENTRY_AMOUNT = MAX_BILL_MAJOR * 1000  # 10^12 minor units, one bill
MAX_ENTRY_POINTS = 10**12  # points (and qualifying points) one entry may move
MAX_ENTRY_STAMPS = 1_000_000
# Any balance figure (points, stamps, lifetime figures, spend, visits). 10^15 is 9,000 times below
# int64, so sums of many in-bound values and a few multiplications stay exact everywhere.
MAX_BALANCE = 10**15

_BALANCE_INTS = [f.name for f in fields(Balance) if f.type in ("int", int)]


class OutOfBounds(InvalidInput):
    """An entry (or the balance it leads to) outside what the program and the database can hold."""

    code = "out_of_bounds"


def check_entry(entry: LedgerEntry) -> None:
    """Raise ``OutOfBounds`` when a figure of ``entry`` is beyond the hard bounds."""
    for name, value, limit in (
        ("points", entry.points, MAX_ENTRY_POINTS),
        ("qualifying", entry.qualifying, MAX_ENTRY_POINTS),
        ("stamps", entry.stamps, MAX_ENTRY_STAMPS),
        ("amount", entry.amount or 0, MAX_ENTRY_AMOUNT),
    ):
        if abs(value) > limit:
            raise OutOfBounds(
                "Entry {0}: {1} {2} is beyond what any sale can produce (at most {3}).",
                entry_id=entry.id,
                field=name,
                value=value,
                limit=limit,
            )


def check_balance(balance: Balance, entry: LedgerEntry) -> None:
    """Raise ``OutOfBounds`` when folding ``entry`` left ``balance`` beyond ``MAX_BALANCE``."""
    for name in _BALANCE_INTS:
        value = getattr(balance, name)
        if abs(value) > MAX_BALANCE:
            raise OutOfBounds(
                "Entry {0} would take member {2}'s {1} to {3}, beyond {4}.",
                entry_id=entry.id,
                field=name,
                customer=entry.customer_id,
                value=value,
                limit=MAX_BALANCE,
            )


def max_earn_points(program: Program) -> int:
    """The most points one bill can earn: the largest bill at every multiplier above one at once."""
    unit = CURRENCIES[program.currency].unit if program.currency in CURRENCIES else 1000
    steps = MAX_BILL_MAJOR * unit // program.amount_step
    boost = Fraction(1)
    for m in [w.multiplier for w in program.windows] + [c.multiplier for c in program.category_bonuses]:
        boost *= max(m, Fraction(1))
    boost *= max([t.multiplier for t in program.tiers] + [Fraction(1)])
    return floor(steps * program.points_per_step * boost)


def program_excess(entry: LedgerEntry, program: Program) -> str:
    """Why ``entry`` is beyond what ``program`` lets a till produce on its own ("" when it is not).

    An earn beyond the largest bill is refused; an adjustment beyond ``adjust_limit_points``
    is allowed to the owner only (the server flags it, since it cannot see who typed the PIN).
    """
    if entry.kind is EntryKind.EARN and entry.points > max_earn_points(program):
        return (
            f"Entry {entry.id} earns {entry.points:,} points, more than the largest bill can earn under "
            f"program version {program.version} ({max_earn_points(program):,})."
        )
    if entry.kind is EntryKind.ADJUST and abs(entry.points) > program.adjust_limit_points:
        return (
            f"Entry {entry.id} adjusts {entry.points:+,} points, beyond the program's limit of "
            f"{program.adjust_limit_points:,} for one adjustment (owner only)."
        )
    return ""
