"""The rewards catalog and the rules for spending on it.

A reward costs points or one full stamp card. What it gives: a free item, a
fixed discount, a percent discount (with a cap), a voucher, or points spent as
money on the bill. Some are for a tier and up; some are limited per period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.core.clock import local
from app.core.errors import InsufficientBalance, InvalidInput, NotAllowed
from app.core.money import currency, format_money
from app.core.program import Program


class RewardKind(StrEnum):
    FREE_ITEM = "free_item"
    FIXED_DISCOUNT = "fixed_discount"
    PERCENT_DISCOUNT = "percent_discount"
    VOUCHER = "voucher"
    POINTS_PAYMENT = "points_payment"  # points spent as money, capped at the bill


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Reward:
    id: str
    name: str
    kind: RewardKind
    cost_points: int = 0
    cost_full_card: bool = False  # costs one full stamp card instead of points
    value: int = 0  # fixed discount / voucher value in minor units; percent for PERCENT_DISCOUNT
    cap: int = 0  # max discount for a percent discount (0 = none)
    item_sku: str = ""  # the free item
    min_tier: str | None = None  # this tier and above only
    limit_count: int = 0  # per customer per period (0 = no limit)
    limit_period: Period = Period.MONTH
    active: bool = True
    # Offered from / until these days (inclusive, the shop's calendar); None = no bound.
    starts_on: date | None = None
    ends_on: date | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("A reward needs a name.")
        if self.cost_points < 0 or (
            self.cost_points == 0 and not self.cost_full_card and self.kind is not RewardKind.POINTS_PAYMENT
        ):
            raise InvalidInput("The reward {0} needs a cost in points or a full stamp card.", name=self.name)
        if self.kind is RewardKind.PERCENT_DISCOUNT and not 0 < self.value <= 100:
            raise InvalidInput("The reward {0}: a percent discount is between 1 and 100.", name=self.name)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise InvalidInput("The reward {0} ends before it starts.", name=self.name)

    def offered_on(self, day: date) -> bool:
        """Whether the reward is offered on this day of the shop's calendar."""
        return (self.starts_on is None or day >= self.starts_on) and (self.ends_on is None or day <= self.ends_on)

    def cost_text(self, program: Program) -> str:
        if self.kind is RewardKind.POINTS_PAYMENT:
            return f"1 {program.point_name} = {format_money(program.point_value, currency(program.currency))}"
        if self.cost_full_card:
            return f"{program.card_size} stamps"
        return f"{self.cost_points} {program.point_name}"


@dataclass(frozen=True)
class Redemption:
    points: int  # spent (positive number)
    stamps: int  # spent (positive number)
    discount: int  # minor units off the bill, when the reward is a discount


def tier_allows(program: Program, reward: Reward, tier: str | None) -> bool:
    return reward.min_tier is None or program.tier_rank(tier) >= program.tier_rank(reward.min_tier)


def period_start(program: Program, period: Period, now: datetime) -> datetime:
    """Start (UTC) of the current period in the store's zone: limits follow the shop's calendar."""
    t = local(now, program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.WEEK:
        t -= timedelta(days=t.weekday())
    elif period is Period.MONTH:
        t = t.replace(day=1)
    elif period is Period.YEAR:
        t = t.replace(month=1, day=1)
    return t.astimezone(now.tzinfo)


def plan_redemption(
    program: Program,
    reward: Reward,
    *,
    points: int,
    stamps: int,
    tier: str | None,
    used_in_period: int,
    bill: int = 0,
    points_to_spend: int = 0,
    today: date | None = None,
) -> Redemption:
    """Check a redemption against the rules and say what it costs. Raises a readable error."""
    if not reward.active or (today is not None and not reward.offered_on(today)):
        raise NotAllowed("The reward {0} is no longer offered.", reward=reward.name)
    if not tier_allows(program, reward, tier):
        raise NotAllowed("{0} is for {1} members and above.", reward=reward.name, tier=reward.min_tier)
    if reward.limit_count and used_in_period >= reward.limit_count:
        raise NotAllowed(
            "{0} can be redeemed {1}× per {2}; this customer has reached the limit.",
            reward=reward.name,
            count=reward.limit_count,
            period=reward.limit_period.value,
        )
    if reward.kind is RewardKind.POINTS_PAYMENT:
        if program.point_value <= 0:
            raise NotAllowed("Paying with points is not enabled in this program.")
        if points_to_spend <= 0:
            raise InvalidInput("Say how many points to spend.")
        if bill <= 0:
            raise InvalidInput("Paying with points needs the bill amount.")
        # Capped at the bill: never give change in points.
        usable = min(points_to_spend, bill // program.point_value)
        if usable <= 0:
            raise InvalidInput("The bill is smaller than the value of one point.")
        if usable > points:
            raise InsufficientBalance(
                "The customer has {0} {1}; {2} are needed.", points=points, unit=program.point_name, needed=usable
            )
        return Redemption(points=usable, stamps=0, discount=usable * program.point_value)
    if reward.cost_full_card:
        if stamps < program.card_size:
            raise InsufficientBalance(
                "The stamp card is not full yet: {0} of {1} stamps.", stamps=stamps, size=program.card_size
            )
        spend_points, spend_stamps = 0, program.card_size
    else:
        if points < reward.cost_points:
            raise InsufficientBalance(
                "{0} costs {1} {2}; the customer has {3}.",
                reward=reward.name,
                cost=reward.cost_points,
                unit=program.point_name,
                points=points,
            )
        spend_points, spend_stamps = reward.cost_points, 0
    discount = 0
    if reward.kind is RewardKind.FIXED_DISCOUNT:
        discount = min(reward.value, bill) if bill else reward.value
    elif reward.kind is RewardKind.PERCENT_DISCOUNT:
        discount = bill * reward.value // 100
        if reward.cap:
            discount = min(discount, reward.cap)
    return Redemption(points=spend_points, stamps=spend_stamps, discount=discount)


def describe(reward: Reward, program: Program, locale: str = "vi") -> str:
    """A short line for the cashier's list: what it gives and what it costs."""
    cur = currency(program.currency)
    gives = {
        RewardKind.FREE_ITEM: reward.name,
        RewardKind.FIXED_DISCOUNT: f"{reward.name} (−{format_money(reward.value, cur, locale)})",
        RewardKind.PERCENT_DISCOUNT: f"{reward.name} (−{reward.value}%)",
        RewardKind.VOUCHER: f"{reward.name} ({format_money(reward.value, cur, locale)})",
        RewardKind.POINTS_PAYMENT: reward.name,
    }[reward.kind]
    return f"{gives} — {reward.cost_text(program)}"
