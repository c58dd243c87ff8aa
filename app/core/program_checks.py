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

from app.core.errors import InvalidInput, Notice, Sentences
from app.core.program import Program
from app.core.rewards import Reward, RewardKind

MAX_MULTIPLIER = Fraction(10)
MAX_PAYBACK = Fraction(1, 2)  # more than half the bill back as points-money is a typo

# Whole sentences, one per setting, so each can be translated (not "<setting name> cannot be negative.").
NOT_NEGATIVE: dict[str, str] = {
    "welcome_points": "Welcome points cannot be negative.",
    "birthday_points": "Birthday points cannot be negative.",
    "referral_referrer_points": "Referral referrer points cannot be negative.",
    "referral_new_points": "Referral new points cannot be negative.",
    "min_minutes_between_earns": "Min minutes between earns cannot be negative.",
    "daily_earn_cap_points": "Daily earn cap points cannot be negative.",
    "earns_per_day_flag": "Earns per day flag cannot be negative.",
    "offline_daily_redeem_cap": "Offline daily redeem cap cannot be negative.",
    "point_value": "Point value cannot be negative.",
    "expiry_months": "Expiry months cannot be negative.",
    "downgrade_grace_days": "Downgrade grace days cannot be negative.",
}


def program_problems(p: Program) -> list[str]:
    """The problems as ``Notice``s: English sentences that keep their template for the UI."""
    problems: list[str] = []
    if p.points_per_step < 0:
        problems.append("The points per step cannot be negative.")
    for name, sentence in NOT_NEGATIVE.items():
        if getattr(p, name) < 0:
            problems.append(Notice(sentence))
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
            problems.append(
                Notice(
                    "“{0}” multiplies points by {1}: more than ×{2} is a typo.",
                    name=w.name,
                    multiplier=str(w.multiplier),
                    limit=str(MAX_MULTIPLIER),
                )
            )
        if not w.weekdays:
            problems.append(Notice("“{0}” applies on no day of the week.", name=w.name))
        if w.end == w.start:  # an end before the start runs over midnight ("22:00–02:00")
            problems.append(Notice("“{0}” starts and ends at the same time.", name=w.name))
    for t in p.tiers:
        if t.multiplier > MAX_MULTIPLIER:
            problems.append(
                Notice(
                    "Tier {0} multiplies points by {1}: more than ×{2} is a typo.",
                    name=t.name,
                    multiplier=str(t.multiplier),
                    limit=str(MAX_MULTIPLIER),
                )
            )
    for b in p.category_bonuses:
        if not 0 < b.multiplier <= MAX_MULTIPLIER:
            problems.append(
                Notice(
                    "The bonus on {0} must multiply by more than 0 and at most ×{1}.",
                    category=b.category,
                    limit=str(MAX_MULTIPLIER),
                )
            )
    if p.point_value and p.points_per_step:
        best = max([Fraction(1), *(t.multiplier for t in p.tiers)])
        payback = Fraction(p.points_per_step * p.point_value, p.amount_step) * best
        if payback > MAX_PAYBACK:
            problems.append(
                Notice(
                    "Points spent as money would give back {0} of every bill; "
                    "lower the points per step or the value of a point.",
                    share=f"{float(payback):.0%}",
                )
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
            problems.append(Notice("Two rewards are called “{0}”.", name=r.name))
        names.add(r.name.strip().lower())
        if r.min_tier is not None and r.min_tier not in tiers:
            problems.append(
                Notice("“{0}” is for tier {1}, which the program no longer has.", name=r.name, tier=r.min_tier)
            )
        if r.kind is RewardKind.POINTS_PAYMENT and not p.point_value:
            problems.append(
                Notice("“{0}” pays with points, but a point has no money value in the program.", name=r.name)
            )
        if r.kind in (RewardKind.FIXED_DISCOUNT, RewardKind.VOUCHER) and r.value <= 0:
            problems.append(Notice("“{0}” gives a discount of nothing.", name=r.name))
        if r.cap < 0 or r.limit_count < 0:
            problems.append(Notice("“{0}” has a negative cap or limit.", name=r.name))
    return problems


def check_draft(p: Program, rewards: Sequence[Reward] = ()) -> None:
    """Raise InvalidInput with every problem of the draft in one paragraph; pass when it is safe."""
    problems = program_problems(p) + reward_problems(p, rewards)
    if problems:
        raise InvalidInput("Check the draft: {0}", problems=Sentences(problems))
