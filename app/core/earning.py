"""What a bill earns: points and stamps under a program version.

Order of the arithmetic (DESIGN §4): the qualifying amount is cut into whole
steps first (125,000 VND at 10,000 per point is 12 points, not 12.5); then every
multiplier that applies — time window, category, tier — multiplies, and the
result is rounded down once, at the end. So a Gold member (1.5×) on a
double-points Tuesday earns 12 × 1.5 × 2 = 36 for that bill.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time
from fractions import Fraction

from app.core.clock import local
from app.core.program import Program, StampMode, TimeWindow
from app.core.receipt import ReceiptLine


@dataclass(frozen=True)
class Bill:
    """A bill as the rules see it. ``paid`` is after discounts; tips never earn."""

    paid: int  # minor units the customer paid for goods (after discounts), incl. tax, excl. tip
    tax: int = 0
    lines: tuple[ReceiptLine, ...] = ()


@dataclass(frozen=True)
class Earn:
    points: int
    stamps: int
    qualifying_amount: int
    base_points: int
    multipliers: tuple[tuple[str, Fraction], ...]  # (why, factor) for the preview


def qualifying_amount(program: Program, bill: Bill) -> int:
    """Paid after discounts, before tips; tax in or out per program; reward, refunded and excluded-category
    lines out (the owner's "what qualifies": a gift card or a deposit is not a purchase)."""
    amount = bill.paid if program.tax_qualifies else bill.paid - bill.tax
    excluded = sum(max(ln.total, 0) for ln in bill.lines if not _earns(program, ln))
    return max(amount - excluded, 0)


def _earns(program: Program, line: ReceiptLine) -> bool:
    return not (line.is_reward or line.is_refunded or (line.category and line.category in program.excluded_categories))


def window_applies(window: TimeWindow, local_time: datetime) -> bool:
    day = local_time.weekday()
    t = local_time.time().replace(tzinfo=None)
    if window.start <= window.end:
        return day in window.weekdays and (window.start <= t < window.end or t == window.end == time.max)
    # A window over midnight ("Friday night 22:00–02:00") belongs to the day it starts on:
    # Saturday 01:00 is still Friday night, Friday 01:00 is Thursday night.
    if t >= window.start:
        return day in window.weekdays
    return t < window.end and (day - 1) % 7 in window.weekdays


def compute_earn(program: Program, bill: Bill, *, at: datetime, tier: str | None = None) -> Earn:
    """Points and stamps for one bill at moment ``at`` (aware UTC) for a member of ``tier``."""
    qual = qualifying_amount(program, bill)
    base = (qual // program.amount_step) * program.points_per_step
    raw = Fraction(base)
    for bonus in program.category_bonuses:
        cat_amount = sum(max(ln.total, 0) for ln in bill.lines if ln.category == bonus.category and _earns(program, ln))
        raw += (cat_amount // program.amount_step) * program.points_per_step * (bonus.multiplier - 1)
    multipliers: list[tuple[str, Fraction]] = []
    store_time = local(at, program.timezone)
    for window in program.windows:
        if window_applies(window, store_time):
            multipliers.append((window.name, window.multiplier))
    member_tier = program.tier(tier)
    if member_tier.multiplier != 1:
        multipliers.append((member_tier.name, member_tier.multiplier))
    for _, factor in multipliers:
        raw *= factor
    points = math.floor(raw)
    return Earn(
        points=max(points, 0),
        stamps=stamps_for(program, bill, qual),
        qualifying_amount=qual,
        base_points=base,
        multipliers=tuple(multipliers),
    )


def stamps_for(program: Program, bill: Bill, qual: int) -> int:
    """One stamp per qualifying visit, or per qualifying item when the bill has lines.

    A typed amount has no lines; an item rule then falls back to the visit rule, so a
    till without a POS bridge still stamps cards.
    """
    rule = program.stamp_rule
    if rule.mode is StampMode.OFF:
        return 0
    if rule.mode is StampMode.ITEM and bill.lines:
        return sum(
            max(ln.qty, 0)
            for ln in bill.lines
            if _earns(program, ln)
            and ((ln.sku and ln.sku in rule.skus) or (ln.category and ln.category in rule.categories))
        )
    return 1 if qual >= max(rule.min_spend, 1) else 0


def partial_reversal(
    original_points: int, original_stamps: int, original_amount: int, refunded: int
) -> tuple[int, int]:
    """What a partial refund takes back: points in proportion, rounded so the customer keeps
    no more than the rest of the bill would have earned; stamps only when all is refunded."""
    if original_amount <= 0 or refunded >= original_amount:
        return original_points, original_stamps
    points_back = math.ceil(Fraction(original_points * refunded, original_amount))
    return min(points_back, original_points), 0
