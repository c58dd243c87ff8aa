"""What a bill earns, told as the shop would tell it (DESIGN §4)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime, time
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.earning import (
    Bill,
    compute_earn,
    partial_reversal,
    qualifying_amount,
    stamps_for,
    window_applies,
)
from app.core.program import (
    CategoryBonus,
    StampMode,
    StampRule,
    Tier,
    TimeWindow,
    worked_example_program,
)
from app.core.receipt import Receipt, ReceiptLine


def vn(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """Wall-clock time in the shop (Hồ Chí Minh City, UTC+7) as the UTC moment the till records."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")).astimezone(UTC)


MONDAY = vn(2026, 11, 23, 10)
TUESDAY = vn(2026, 11, 24, 10)
EXAMPLE = worked_example_program()
PLAIN = replace(EXAMPLE, windows=())  # the worked example without double-points Tuesday


def coffee(qty: int = 1, *, price: int = 35_000, **kw: object) -> ReceiptLine:
    return ReceiptLine("Cà phê sữa đá", qty, price, sku="CF01", category="coffee", **kw)  # type: ignore[arg-type]


def cake(qty: int = 1, *, price: int = 45_000, **kw: object) -> ReceiptLine:
    return ReceiptLine("Bánh flan", qty, price, sku="DS07", category="dessert", **kw)  # type: ignore[arg-type]


# -- the worked example -----------------------------------------------------------------------------


def test_worked_example_new_member_pays_125k_and_earns_12_points_and_a_stamp() -> None:
    earn = compute_earn(EXAMPLE, Bill(125_000), at=MONDAY, tier=None)
    assert earn.points == 12
    assert earn.stamps == 1  # with the 2 starter stamps from enrolment: 3 on the card
    assert EXAMPLE.starter_stamps + earn.stamps == 3


def test_worked_example_gold_member_on_double_points_tuesday_earns_36() -> None:
    earn = compute_earn(EXAMPLE, Bill(125_000), at=TUESDAY, tier="Gold")
    assert earn.points == 36  # 12 × 1.5 × 2
    assert earn.base_points == 12
    assert dict(earn.multipliers) == {"Double points Tuesday": 2, "Gold": Fraction(3, 2)}


def test_multipliers_multiply_and_round_down_once_at_the_end() -> None:
    # 130,000 → 13 base points; Gold 1.5× alone → 19.5 → 19; with Tuesday 2× → 39 (not 19 × 2 = 38).
    assert compute_earn(EXAMPLE, Bill(130_000), at=MONDAY, tier="Gold").points == 19
    assert compute_earn(EXAMPLE, Bill(130_000), at=TUESDAY, tier="Gold").points == 39


# -- points -----------------------------------------------------------------------------------------


def test_points_are_rounded_down_a_129k_bill_earns_12_not_13() -> None:
    assert compute_earn(PLAIN, Bill(129_999), at=MONDAY).points == 12
    assert compute_earn(PLAIN, Bill(130_000), at=MONDAY).points == 13


def test_a_9k_iced_tea_earns_no_points() -> None:
    assert compute_earn(PLAIN, Bill(9_000), at=MONDAY).points == 0


def test_two_points_per_step_doubles_every_step() -> None:
    assert compute_earn(replace(PLAIN, points_per_step=2), Bill(125_000), at=MONDAY).points == 24


def test_a_discount_lowers_what_earns_the_customer_pays_after_discount() -> None:
    # Menu price 150,000 with a 30,000 voucher off: paid 120,000 → 12 points.
    assert compute_earn(PLAIN, Bill(paid=120_000), at=MONDAY).points == 12


def test_tax_counts_when_the_program_says_tax_in() -> None:
    bill = Bill(paid=110_000, tax=10_000)
    assert compute_earn(replace(PLAIN, tax_qualifies=True), bill, at=MONDAY).points == 11
    assert compute_earn(replace(PLAIN, tax_qualifies=False), bill, at=MONDAY).points == 10
    assert qualifying_amount(replace(PLAIN, tax_qualifies=False), bill) == 100_000


def test_tips_never_earn_a_145k_payment_with_a_20k_tip_earns_for_125k() -> None:
    # The core's Bill has no place for a tip at all: the bill is what was paid for goods.
    assert "tip" not in {f.name for f in fields(Bill)}
    receipt = Receipt("generic_csv", "HD001", "store", MONDAY, total=145_000, tip=20_000)
    earn = compute_earn(PLAIN, Bill(paid=receipt.total - receipt.tip), at=MONDAY)
    assert earn.points == 12


def test_a_free_coffee_paid_by_a_reward_earns_nothing() -> None:
    # Two coffees; the POS totals both (70,000) and marks one as paid with the customer's loyalty reward
    # (GENERIC_FORMAT: "line_is_reward: the line was paid with a loyalty reward"): only 35,000 earns.
    lines = (coffee(), coffee(is_reward=True))
    bill = Bill(paid=70_000, lines=lines)
    assert qualifying_amount(PLAIN, bill) == 35_000
    assert compute_earn(PLAIN, bill, at=MONDAY).points == 3


def test_a_refunded_line_earns_nothing() -> None:
    bill = Bill(paid=80_000, lines=(coffee(), cake(is_refunded=True)))
    assert qualifying_amount(PLAIN, bill) == 35_000


# -- stamps -----------------------------------------------------------------------------------------


def test_a_stamp_needs_the_minimum_spend_of_30k() -> None:
    assert compute_earn(PLAIN, Bill(29_999), at=MONDAY).stamps == 0
    assert compute_earn(PLAIN, Bill(30_000), at=MONDAY).stamps == 1


def test_one_stamp_per_visit_however_big_the_bill() -> None:
    assert compute_earn(PLAIN, Bill(900_000), at=MONDAY).stamps == 1


def test_the_minimum_spend_is_after_the_discount() -> None:
    assert compute_earn(PLAIN, Bill(paid=25_000), at=MONDAY).stamps == 0


COFFEE_CARD = replace(PLAIN, stamp_rule=StampRule(StampMode.ITEM, min_spend=30_000, skus=frozenset({"CF01"})))


def test_item_rule_a_stamp_for_every_coffee_on_the_receipt() -> None:
    bill = Bill(paid=150_000, lines=(coffee(3), cake()))
    assert compute_earn(COFFEE_CARD, bill, at=MONDAY).stamps == 3


def test_item_rule_by_category_counts_every_drink_in_it() -> None:
    program = replace(PLAIN, stamp_rule=StampRule(StampMode.ITEM, categories=frozenset({"coffee"})))
    other = ReceiptLine("Bạc xỉu", 2, 30_000, sku="CF09", category="coffee")
    assert compute_earn(program, Bill(paid=95_000, lines=(coffee(), other)), at=MONDAY).stamps == 3


def test_item_rule_a_bill_with_only_cake_earns_no_stamp() -> None:
    assert compute_earn(COFFEE_CARD, Bill(paid=90_000, lines=(cake(2),)), at=MONDAY).stamps == 0


def test_item_rule_the_free_reward_coffee_and_a_returned_coffee_earn_no_stamp() -> None:
    lines = (coffee(), coffee(is_reward=True), coffee(is_refunded=True))
    assert stamps_for(COFFEE_CARD, Bill(paid=35_000, lines=lines), 35_000) == 1


def test_item_rule_falls_back_to_the_visit_rule_when_the_amount_was_typed_without_lines() -> None:
    assert compute_earn(COFFEE_CARD, Bill(paid=40_000), at=MONDAY).stamps == 1
    assert compute_earn(COFFEE_CARD, Bill(paid=20_000), at=MONDAY).stamps == 0


# -- time windows, in the shop's zone ---------------------------------------------------------------

HAPPY = replace(
    PLAIN, windows=(TimeWindow("Happy hour", Fraction(2), frozenset(range(7)), time(14, 0), time(17, 0)),)
)


def test_happy_hour_doubles_points_from_two_until_five_in_the_afternoon() -> None:
    assert compute_earn(HAPPY, Bill(100_000), at=vn(2026, 11, 23, 13, 59)).points == 10
    assert compute_earn(HAPPY, Bill(100_000), at=vn(2026, 11, 23, 14, 0)).points == 20
    assert compute_earn(HAPPY, Bill(100_000), at=vn(2026, 11, 23, 16, 59)).points == 20
    assert compute_earn(HAPPY, Bill(100_000), at=vn(2026, 11, 23, 17, 0)).points == 10  # end is exclusive


def test_happy_hour_is_the_shops_afternoon_not_utcs() -> None:
    # 15:00 in Hồ Chí Minh City is 08:00 UTC: happy hour. 15:00 UTC is 22:00 in the shop: not.
    assert compute_earn(HAPPY, Bill(100_000), at=datetime(2026, 11, 23, 8, 0, tzinfo=UTC)).points == 20
    assert compute_earn(HAPPY, Bill(100_000), at=datetime(2026, 11, 23, 15, 0, tzinfo=UTC)).points == 10


def test_double_points_tuesday_follows_the_shops_calendar_not_utc() -> None:
    # Monday 23 November 20:00 UTC is Tuesday 03:00 in the shop: double points.
    monday_in_utc = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    assert monday_in_utc.weekday() == 0
    assert compute_earn(EXAMPLE, Bill(125_000), at=monday_in_utc).points == 24
    # Tuesday 20:00 UTC is already Wednesday 03:00 in the shop: no double points.
    tuesday_in_utc = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
    assert tuesday_in_utc.weekday() == 1
    assert compute_earn(EXAMPLE, Bill(125_000), at=tuesday_in_utc).points == 12


LATE_NIGHT = replace(
    PLAIN, windows=(TimeWindow("Late night", Fraction(2), frozenset(range(7)), time(22, 0), time(2, 0)),)
)


@pytest.mark.parametrize(
    ("hour", "minute", "points"),
    [(21, 59, 10), (22, 0, 20), (23, 59, 20), (0, 0, 20), (1, 59, 20), (2, 0, 10), (12, 0, 10)],
)
def test_a_late_night_window_runs_over_midnight(hour: int, minute: int, points: int) -> None:
    assert compute_earn(LATE_NIGHT, Bill(100_000), at=vn(2026, 11, 24, hour, minute)).points == points


FRIDAY_NIGHT = replace(
    PLAIN, windows=(TimeWindow("Friday night", Fraction(2), frozenset({4}), time(22, 0), time(2, 0)),)
)


@pytest.mark.parametrize(
    ("day", "hour", "points"),
    [
        (27, 23, 20),  # Friday 23:00
        (28, 1, 20),  # Saturday 01:00 is still Friday night
        (28, 3, 10),  # Saturday 03:00: over
        (27, 1, 10),  # Friday 01:00 belongs to Thursday night
        (28, 23, 10),  # Saturday 23:00: not Friday
    ],
)
def test_friday_night_from_ten_until_two_belongs_to_friday(day: int, hour: int, points: int) -> None:
    assert compute_earn(FRIDAY_NIGHT, Bill(100_000), at=vn(2026, 11, day, hour)).points == points


def test_a_window_to_midnight_includes_the_last_moment_of_the_day() -> None:
    all_day = TimeWindow("All day", Fraction(2))
    assert window_applies(all_day, datetime(2026, 11, 24, 23, 59, 59, 999_999))
    assert window_applies(all_day, datetime(2026, 11, 24, 0, 0))


# -- category bonus and tiers -----------------------------------------------------------------------

DESSERT_X2 = replace(PLAIN, category_bonuses=(CategoryBonus("dessert", Fraction(2)),))


def test_double_points_on_desserts_only_for_the_dessert_part_of_the_bill() -> None:
    # 35k coffee + 2 × 45k flan = 125k → 12 base points, plus 9 more for the 90k of desserts.
    bill = Bill(paid=125_000, lines=(coffee(), cake(2)))
    assert compute_earn(DESSERT_X2, bill, at=MONDAY).points == 21


def test_a_dessert_bonus_needs_dessert_on_the_bill() -> None:
    assert compute_earn(DESSERT_X2, Bill(paid=70_000, lines=(coffee(2),)), at=MONDAY).points == 7
    assert compute_earn(DESSERT_X2, Bill(paid=70_000), at=MONDAY).points == 7


def test_a_free_reward_cake_earns_no_dessert_bonus() -> None:
    bill = Bill(paid=80_000, lines=(coffee(), cake(is_reward=True)))
    assert compute_earn(DESSERT_X2, bill, at=MONDAY).points == 3


def test_a_returned_cake_earns_no_dessert_bonus() -> None:
    bill = Bill(paid=80_000, lines=(coffee(), cake(is_refunded=True)))
    assert compute_earn(DESSERT_X2, bill, at=MONDAY).points == 3


def test_a_gold_member_earns_half_as_much_again() -> None:
    assert compute_earn(PLAIN, Bill(200_000), at=MONDAY, tier="Gold").points == 30
    assert compute_earn(PLAIN, Bill(200_000), at=MONDAY, tier="Member").points == 20
    assert compute_earn(PLAIN, Bill(200_000), at=MONDAY, tier=None).points == 20


def test_three_tiers_each_with_its_own_multiplier() -> None:
    program = replace(
        PLAIN, tiers=(Tier("Đồng", 0), Tier("Bạc", 100, Fraction(6, 5)), Tier("Vàng", 300, Fraction(2)))
    )
    assert [
        compute_earn(program, Bill(100_000), at=MONDAY, tier=t).points for t in ("Đồng", "Bạc", "Vàng")
    ] == [
        10,
        12,
        20,
    ]


# -- partial refunds --------------------------------------------------------------------------------


def test_refunding_a_25k_cake_from_a_125k_bill_takes_back_3_of_the_12_points() -> None:
    # The 100k left would earn 10; the customer keeps 9 (never more than the rest would earn).
    assert partial_reversal(12, 1, 125_000, 25_000) == (3, 0)


def test_refunding_the_whole_bill_takes_back_everything_including_the_stamp() -> None:
    assert partial_reversal(12, 1, 125_000, 125_000) == (12, 1)
    assert partial_reversal(12, 1, 125_000, 200_000) == (12, 1)


@settings(max_examples=100, deadline=None)
@given(
    amount=st.integers(1, 10**9),
    data=st.data(),
)
def test_after_a_partial_refund_the_customer_keeps_no_more_than_the_rest_would_earn(
    amount: int, data: st.DataObject
) -> None:
    refunded = data.draw(st.integers(1, amount))
    earned = compute_earn(PLAIN, Bill(amount), at=MONDAY)
    back, stamps_back = partial_reversal(earned.points, earned.stamps, amount, refunded)
    rest = amount - refunded
    would_earn = compute_earn(PLAIN, Bill(rest), at=MONDAY).points if rest else 0
    assert 0 <= back <= earned.points
    assert earned.points - back <= would_earn
    assert stamps_back == (earned.stamps if refunded == amount else 0)


@settings(max_examples=100, deadline=None)
@given(
    paid=st.integers(1, 10**9),
    tier=st.sampled_from([None, "Member", "Gold"]),
    at=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)),
)
def test_points_never_decrease_when_the_bill_grows_and_never_go_negative(
    paid: int, tier: str | None, at: datetime
) -> None:
    a = compute_earn(EXAMPLE, Bill(paid), at=at, tier=tier)
    b = compute_earn(EXAMPLE, Bill(paid + 10_000), at=at, tier=tier)
    assert 0 <= a.points <= b.points
    assert a.points <= paid // 10_000 * 3  # at most Gold 1.5 × Tuesday 2


def test_categories_the_owner_excludes_never_earn_points_stamps_or_bonuses() -> None:
    """Issue 9, "what qualifies": a gift card sold with a coffee earns for the coffee only."""
    gift = ReceiptLine("Thẻ quà tặng", 1, 100_000, sku="GIFT", category="Thẻ quà tặng")
    bill = Bill(paid=135_000, lines=(coffee(), gift))
    program = replace(PLAIN, excluded_categories=frozenset({"Thẻ quà tặng"}))
    assert qualifying_amount(PLAIN, bill) == 135_000
    assert qualifying_amount(program, bill) == 35_000
    assert compute_earn(program, bill, at=MONDAY).points == 3
    only_gift = Bill(paid=100_000, lines=(gift,))
    assert compute_earn(program, only_gift, at=MONDAY).stamps == 0  # not a visit's spend: no stamp
    # A bonus or an item stamp on an excluded category gives nothing either.
    bonus = replace(program, category_bonuses=(CategoryBonus("Thẻ quà tặng", Fraction(3)),))
    assert compute_earn(bonus, only_gift, at=MONDAY).points == 0
    items = replace(program, stamp_rule=StampRule(StampMode.ITEM, categories=frozenset({"Thẻ quà tặng", "coffee"})))
    assert stamps_for(items, bill, qualifying_amount(items, bill)) == 1
    # It is data: stored and read back with the program.
    from app.core.program import Program

    assert Program.from_json(program.to_json()).excluded_categories == frozenset({"Thẻ quà tặng"})
    assert Program.from_json(PLAIN.to_json()).excluded_categories == frozenset()
