"""Spending points and full cards on the rewards the shop offers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.errors import InsufficientBalance, InvalidInput, NotAllowed
from app.core.program import worked_example_program
from app.core.rewards import Period, Reward, RewardKind, describe, period_start, plan_redemption, tier_allows

PROGRAM = worked_example_program()
FREE_COFFEE = Reward("r1", "Free cà phê sữa đá", RewardKind.FREE_ITEM, cost_full_card=True, item_sku="CF01")
CAKE_FOR_POINTS = Reward("r2", "Free bánh flan", RewardKind.FREE_ITEM, cost_points=50, item_sku="DS07")
TWENTY_K_OFF = Reward("r3", "20.000 ₫ off", RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000)
TEN_PERCENT = Reward("r4", "10% off", RewardKind.PERCENT_DISCOUNT, cost_points=40, value=10, cap=50_000)
VOUCHER = Reward("r5", "Voucher 50k", RewardKind.VOUCHER, cost_points=60, value=50_000)
GOLD_ONLY = Reward("r6", "Gold lounge drink", RewardKind.FREE_ITEM, cost_points=20, min_tier="Gold")
ONCE_A_DAY = Reward(
    "r7", "Daily treat", RewardKind.FREE_ITEM, cost_points=10, limit_count=1, limit_period=Period.DAY
)
PAY_WITH_POINTS = Reward("r8", "Pay with points", RewardKind.POINTS_PAYMENT)


def plan(reward: Reward, **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {"points": 0, "stamps": 0, "tier": None, "used_in_period": 0} | kw
    return plan_redemption(PROGRAM, reward, **args)  # type: ignore[arg-type]


def test_a_full_card_of_ten_stamps_buys_the_free_coffee_and_extra_stamps_stay() -> None:
    r = plan(FREE_COFFEE, stamps=11, points=7)
    assert (r.points, r.stamps, r.discount) == (0, 10, 0)  # the 11th stamp rolls over to the next card


def test_nine_stamps_are_not_a_full_card() -> None:
    with pytest.raises(InsufficientBalance, match="9 of 10"):
        plan(FREE_COFFEE, stamps=9, points=1000)


def test_a_cake_for_50_points() -> None:
    r = plan(CAKE_FOR_POINTS, points=50)
    assert (r.points, r.stamps) == (50, 0)
    with pytest.raises(InsufficientBalance, match="costs 50 điểm; the customer has 49"):
        plan(CAKE_FOR_POINTS, points=49)


def test_a_fixed_discount_never_exceeds_the_bill() -> None:
    assert plan(TWENTY_K_OFF, points=30, bill=125_000).discount == 20_000
    assert plan(TWENTY_K_OFF, points=30, bill=15_000).discount == 15_000
    assert plan(TWENTY_K_OFF, points=30).discount == 20_000  # no bill known yet: the face value


def test_ten_percent_off_is_capped_at_50k() -> None:
    assert plan(TEN_PERCENT, points=40, bill=125_000).discount == 12_500
    assert plan(TEN_PERCENT, points=40, bill=2_000_000).discount == 50_000


def test_a_voucher_costs_points_and_gives_no_discount_today() -> None:
    r = plan(VOUCHER, points=100)
    assert (r.points, r.discount) == (60, 0)


def test_a_gold_only_reward_is_refused_to_a_member_and_offered_to_gold() -> None:
    with pytest.raises(NotAllowed, match="Gold members"):
        plan(GOLD_ONLY, points=100, tier="Member")
    with pytest.raises(NotAllowed):
        plan(GOLD_ONLY, points=100, tier=None)
    assert plan(GOLD_ONLY, points=100, tier="Gold").points == 20
    assert tier_allows(PROGRAM, GOLD_ONLY, "Gold") and not tier_allows(PROGRAM, GOLD_ONLY, "Member")


def test_a_once_a_day_treat_is_refused_the_second_time() -> None:
    assert plan(ONCE_A_DAY, points=100, used_in_period=0).points == 10
    with pytest.raises(NotAllowed, match="limit"):
        plan(ONCE_A_DAY, points=100, used_in_period=1)


def test_a_withdrawn_reward_cannot_be_redeemed() -> None:
    with pytest.raises(NotAllowed, match="no longer offered"):
        plan(replace(CAKE_FOR_POINTS, active=False), points=100)


POINT_PROGRAM = replace(PROGRAM, point_value=1_000)


def test_paying_with_points_one_point_is_a_thousand_dong_capped_at_the_bill() -> None:
    r = plan_redemption(
        POINT_PROGRAM,
        PAY_WITH_POINTS,
        points=100,
        stamps=0,
        tier=None,
        used_in_period=0,
        bill=45_500,
        points_to_spend=80,
    )
    assert (r.points, r.discount) == (45, 45_000)  # never change given in points
    r = plan_redemption(
        POINT_PROGRAM,
        PAY_WITH_POINTS,
        points=100,
        stamps=0,
        tier=None,
        used_in_period=0,
        bill=125_000,
        points_to_spend=30,
    )
    assert (r.points, r.discount) == (30, 30_000)


def test_paying_with_more_points_than_the_customer_has_is_refused() -> None:
    with pytest.raises(InsufficientBalance):
        plan_redemption(
            POINT_PROGRAM,
            PAY_WITH_POINTS,
            points=20,
            stamps=0,
            tier=None,
            used_in_period=0,
            bill=100_000,
            points_to_spend=30,
        )


def test_paying_with_points_needs_the_program_to_allow_it_and_a_bill() -> None:
    with pytest.raises(NotAllowed, match="not enabled"):
        plan(PAY_WITH_POINTS, points=100, bill=50_000, points_to_spend=10)
    with pytest.raises(InvalidInput):
        plan_redemption(
            POINT_PROGRAM,
            PAY_WITH_POINTS,
            points=100,
            stamps=0,
            tier=None,
            used_in_period=0,
            points_to_spend=10,
        )
    with pytest.raises(InvalidInput):
        plan_redemption(
            POINT_PROGRAM, PAY_WITH_POINTS, points=100, stamps=0, tier=None, used_in_period=0, bill=50_000
        )
    with pytest.raises(InvalidInput, match="smaller than"):
        plan_redemption(
            POINT_PROGRAM,
            PAY_WITH_POINTS,
            points=100,
            stamps=0,
            tier=None,
            used_in_period=0,
            bill=500,
            points_to_spend=1,
        )


@pytest.mark.parametrize(
    "make",
    [
        lambda: Reward("x", "  ", RewardKind.FREE_ITEM, cost_points=10),
        lambda: Reward("x", "Nothing", RewardKind.FREE_ITEM),  # costs nothing
        lambda: Reward("x", "Minus", RewardKind.FREE_ITEM, cost_points=-5),
        lambda: Reward("x", "Too much", RewardKind.PERCENT_DISCOUNT, cost_points=10, value=150),
        lambda: Reward("x", "Zero", RewardKind.PERCENT_DISCOUNT, cost_points=10, value=0),
    ],
)
def test_a_reward_that_makes_no_sense_is_refused_when_it_is_made(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        make()


def test_limits_follow_the_shops_calendar() -> None:
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    # Wednesday 25 November 2026, 06:00 in the shop = Tuesday 23:00 UTC.
    now = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    assert period_start(PROGRAM, Period.DAY, now) == datetime(2026, 11, 25, tzinfo=zone)
    assert period_start(PROGRAM, Period.WEEK, now) == datetime(2026, 11, 23, tzinfo=zone)
    assert period_start(PROGRAM, Period.MONTH, now) == datetime(2026, 11, 1, tzinfo=zone)
    assert period_start(PROGRAM, Period.YEAR, now) == datetime(2026, 1, 1, tzinfo=zone)


def test_the_cashiers_list_says_what_a_reward_gives_and_costs() -> None:
    assert describe(TWENTY_K_OFF, PROGRAM, "vi") == "20.000 ₫ off (−20.000 ₫) — 30 điểm"
    assert describe(FREE_COFFEE, PROGRAM) == "Free cà phê sữa đá — 10 stamps"
    assert describe(TEN_PERCENT, PROGRAM) == "10% off (−10%) — 40 điểm"
