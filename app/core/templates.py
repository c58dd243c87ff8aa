"""Program templates a new shop starts from: a café stamp card, points with tiers, points only.

Each is DESIGN §4's defaults scaled to the shop's currency: "1 point per 10,000 VND"
is "1 point per $1" in a cents currency, and a stamp needs a visit worth about
three coffees' worth of the smallest note. The owner edits everything afterwards
in the back office; a template only saves her from starting at a blank form.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from app.core.errors import InvalidInput
from app.core.money import Currency, currency, format_money
from app.core.program import Program, StampMode, StampRule, Tier
from app.core.rewards import Reward, RewardKind


class Template(StrEnum):
    STAMP_CARD = "stamp_card"  # café: buy 9 (with 2 starter stamps on a 10-slot card), one free
    POINTS_TIERS = "points_tiers"  # points per amount, a Gold tier at 300 with 1.5×
    POINTS_ONLY = "points_only"  # points per amount, spent as a discount or as money


@dataclass(frozen=True)
class Scale:
    """What "a small amount" means in a currency, in minor units."""

    step: int  # spend that earns one point (10,000 VND; $1)
    stamp_min: int  # smallest visit that earns a stamp (30,000 VND; $3)
    point_value: int  # what a point is worth spent as money (1,000 VND; 10 cents)


def scale_for(cur: Currency) -> Scale:
    if cur.exponent == 0 and cur.code == "VND":
        return Scale(step=10_000, stamp_min=30_000, point_value=1_000)
    if cur.exponent == 0:  # other whole-unit currencies (yen, won): roughly a dollar
        return Scale(step=100, stamp_min=300, point_value=1)
    return Scale(step=cur.unit, stamp_min=3 * cur.unit, point_value=cur.unit // 10)


# Reward names are the shop's data (shown to customers in the shop's language), so the
# template writes them in the language the owner chose at setup; she can rename them later.
_NAMES = {
    "vi": {
        "free_drink": "Đồ uống miễn phí",
        "discount": "Giảm {amount}",
        "pay": "Dùng điểm trả tiền",
        "gold_percent": "Giảm 10% cho hạng Gold",
        "point": "điểm",
    },
    "en": {
        "free_drink": "Free drink",
        "discount": "{amount} off",
        "pay": "Pay with points",
        "gold_percent": "10% off for Gold members",
        "point": "points",
    },
}


def program_from_template(
    template: Template | str,
    *,
    shop_name: str,
    currency_code: str = "VND",
    timezone: str = "Asia/Ho_Chi_Minh",
    language: str = "vi",
) -> Program:
    """The first program of a new shop, from one of the templates."""
    try:
        template = Template(template)
    except ValueError:
        raise InvalidInput(
            "Unknown program template {0}; choose one of {1}.",
            name=template,
            choices=", ".join(t.value for t in Template),
        ) from None
    cur = currency(currency_code)
    s = scale_for(cur)
    names = _NAMES.get(language, _NAMES["en"])
    common = {
        "name": shop_name.strip() or "Loyalty",
        "currency": cur.code,
        "timezone": timezone,
        "point_name": names["point"],
        "amount_step": s.step,
    }
    no_stamps = StampRule(StampMode.OFF, min_spend=0)
    if template is Template.STAMP_CARD:
        return Program(
            **common,
            points_per_step=0,
            card_size=10,
            starter_stamps=2,  # endowed progress: a started card gets finished
            stamp_rule=StampRule(StampMode.VISIT, min_spend=s.stamp_min),
        )
    if template is Template.POINTS_TIERS:
        return Program(
            **common,
            points_per_step=1,
            starter_stamps=0,
            stamp_rule=no_stamps,
            tiers=(Tier("Member", 0), Tier("Gold", 300, Fraction(3, 2))),
        )
    return Program(**common, points_per_step=1, starter_stamps=0, stamp_rule=no_stamps, point_value=s.point_value)


def rewards_for_template(template: Template | str, *, currency_code: str = "VND", language: str = "vi") -> list[Reward]:
    """The starting catalog that goes with a template (ids are given when saved)."""

    template = Template(template)
    cur = currency(currency_code)
    s = scale_for(cur)
    names = _NAMES.get(language, _NAMES["en"])
    off = 2 * s.step if cur.code == "VND" else 3 * s.step  # 20,000 VND; $3
    discount = Reward(
        id="",
        name=names["discount"].format(amount=format_money(off, cur, language)),
        kind=RewardKind.FIXED_DISCOUNT,
        cost_points=30,
        value=off,
    )
    if template is Template.STAMP_CARD:
        return [Reward(id="", name=names["free_drink"], kind=RewardKind.FREE_ITEM, cost_full_card=True)]
    if template is Template.POINTS_TIERS:
        gold = Reward(
            id="",
            name=names["gold_percent"],
            kind=RewardKind.PERCENT_DISCOUNT,
            cost_points=80,
            value=10,
            cap=5 * s.step,
            min_tier="Gold",
        )
        return [discount, gold]
    return [discount, Reward(id="", name=names["pay"], kind=RewardKind.POINTS_PAYMENT)]
