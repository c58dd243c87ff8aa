"""Is a draft program safe to publish? Sentences an owner can act on, before any till sees it.

``Program`` and ``Reward`` already refuse what cannot work (a zero amount step,
tier thresholds that do not rise, a reward that costs nothing). Here are the
checks for what would work but hurt the shop: a typo that gives away the store
(x50 multipliers, half the bill back in points), negative bonuses, dates that do
not exist, a reward for a tier the program no longer has.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from app.core.errors import InvalidInput
from app.core.program import Program
from app.core.rewards import Reward, RewardKind

MAX_MULTIPLIER = Fraction(10)
MAX_PAYBACK = Fraction(1, 2)  # more than half the bill back as points-money is a typo


def program_problems(p: Program) -> list[str]:
    problems: list[str] = []
    if p.points_per_step < 0:
        problems.append("The points per step cannot be negative.")
    for name in (
        "welcome_points",
        "birthday_points",
        "referral_referrer_points",
        "referral_new_points",
        "min_minutes_between_earns",
        "daily_earn_cap_points",
        "earns_per_day_flag",
        "offline_daily_redeem_cap",
        "point_value",
        "expiry_months",
        "downgrade_grace_days",
    ):
        if getattr(p, name) < 0:
            problems.append(f"{name.replace('_', ' ').capitalize()} cannot be negative.")
    if not 1 <= p.qualifying_months <= 36:
        problems.append("Tiers count the points of 1 to 36 months.")
    if not 1 <= p.review_month <= 12 or not 1 <= p.review_day <= 28:
        problems.append("The yearly tier review is on a day 1–28 of a month 1–12.")
    if p.card_size > 50:
        problems.append("A stamp card has at most 50 slots.")
    if p.birthday_window not in ("week", "month"):
        problems.append("The birthday bonus is for the birthday week or month.")
    for w in p.windows:
        if w.multiplier > MAX_MULTIPLIER:
            problems.append(f"“{w.name}” multiplies points by {w.multiplier}: more than ×{MAX_MULTIPLIER} is a typo.")
        if not w.weekdays:
            problems.append(f"“{w.name}” applies on no day of the week.")
        if w.end == w.start:  # an end before the start runs over midnight ("22:00–02:00")
            problems.append(f"“{w.name}” starts and ends at the same time.")
    for t in p.tiers:
        if t.multiplier > MAX_MULTIPLIER:
            problems.append(
                f"Tier {t.name} multiplies points by {t.multiplier}: more than ×{MAX_MULTIPLIER} is a typo."
            )
    for b in p.category_bonuses:
        if not 0 < b.multiplier <= MAX_MULTIPLIER:
            problems.append(f"The bonus on {b.category} must multiply by more than 0 and at most ×{MAX_MULTIPLIER}.")
    if p.point_value and p.points_per_step:
        best = max([Fraction(1), *(t.multiplier for t in p.tiers)])
        payback = Fraction(p.points_per_step * p.point_value, p.amount_step) * best
        if payback > MAX_PAYBACK:
            problems.append(
                f"Points spent as money would give back {float(payback):.0%} of every bill; "
                "lower the points per step or the value of a point."
            )
    return problems


def reward_problems(p: Program, rewards: Sequence[Reward]) -> list[str]:
    problems: list[str] = []
    tiers = {t.name for t in p.tiers}
    names: set[str] = set()
    for r in rewards:
        if not r.active:  # withdrawn: kept for history, offered to nobody
            continue
        if r.name.strip().lower() in names:
            problems.append(f"Two rewards are called “{r.name}”.")
        names.add(r.name.strip().lower())
        if r.min_tier is not None and r.min_tier not in tiers:
            problems.append(f"“{r.name}” is for tier {r.min_tier}, which the program no longer has.")
        if r.kind is RewardKind.POINTS_PAYMENT and not p.point_value:
            problems.append(f"“{r.name}” pays with points, but a point has no money value in the program.")
        if r.kind in (RewardKind.FIXED_DISCOUNT, RewardKind.VOUCHER) and r.value <= 0:
            problems.append(f"“{r.name}” gives a discount of nothing.")
        if r.cap < 0 or r.limit_count < 0:
            problems.append(f"“{r.name}” has a negative cap or limit.")
    return problems


def check_draft(p: Program, rewards: Sequence[Reward] = ()) -> None:
    """Raise InvalidInput with every problem of the draft in one paragraph; pass when it is safe."""
    problems = program_problems(p) + reward_problems(p, rewards)
    if problems:
        raise InvalidInput(" ".join(problems))
