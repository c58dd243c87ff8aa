"""Spending at the till: the card must be there, the balance must cover it, the shop's limits hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.core.earning import Bill
from app.core.errors import InsufficientBalance, NotAllowed, NotFound
from app.core.ledger import Balance, EntryKind
from app.core.program import Program
from app.core.rewards import Period, Reward, RewardKind
from app.db.models import Voucher
from app.services import awards, catalog, corrections, customers, redemption, vouchers
from app.services.staff import StaffMember
from app.services.till import Till


@pytest.fixture
def catalog_of(till: Till, owner: StaffMember) -> dict[str, Reward]:
    """The shop's rewards: a free coffee for a full card, a cake for 50 points, discounts, a voucher."""
    items = [
        Reward("", "Free cà phê sữa đá", RewardKind.FREE_ITEM, cost_full_card=True, item_sku="CF01"),
        Reward("", "Bánh flan", RewardKind.FREE_ITEM, cost_points=50, item_sku="DS07"),
        Reward("", "20.000 ₫ off", RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000),
        Reward("", "10% off", RewardKind.PERCENT_DISCOUNT, cost_points=40, value=10, cap=50_000),
        Reward("", "Voucher 50k", RewardKind.VOUCHER, cost_points=60, value=50_000),
        Reward("", "Gold lounge drink", RewardKind.FREE_ITEM, cost_points=20, min_tier="Gold"),
        Reward(
            "", "Daily treat", RewardKind.FREE_ITEM, cost_points=10, limit_count=1, limit_period=Period.DAY
        ),
        Reward("", "Pay with points", RewardKind.POINTS_PAYMENT),
    ]
    saved = [catalog.save_reward(till, r, by=owner, sort=i) for i, r in enumerate(items)]
    return {r.name: r for r in saved}


@pytest.fixture
def regular(
    till: Till, cashier: StaffMember, member: customers.Enrolled, manager: StaffMember
) -> customers.Enrolled:
    """Lan with 200 points and a full card of 10 stamps (plus one)."""
    corrections.adjust(
        till, member.customer_id, points=200, stamps=9, reason="moved from paper cards", manager=manager
    )
    return member


def spend(
    till: Till, who: customers.Enrolled, reward: Reward, staff: StaffMember, **kw: Any
) -> redemption.RedeemResult:
    return redemption.redeem(till, who.customer_id, reward.id, staff=staff, identified=True, **kw)


def test_a_full_card_buys_the_free_coffee_and_the_eleventh_stamp_stays(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    balance_of: Callable[[str], Balance],
) -> None:
    result = spend(till, regular, catalog_of["Free cà phê sữa đá"], cashier)
    assert (result.entry.kind, result.entry.points, result.entry.stamps) == (EntryKind.REDEEM, 0, -10)
    assert result.entry.reward_id == catalog_of["Free cà phê sữa đá"].id
    b = balance_of(regular.customer_id)
    assert (b.points, b.stamps) == (200, 1)


def test_a_cake_for_50_points(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    balance_of: Callable[[str], Balance],
) -> None:
    spend(till, regular, catalog_of["Bánh flan"], cashier)
    b = balance_of(regular.customer_id)
    assert (b.points, b.redeemed_points, b.lifetime_points) == (150, 50, 200)


def test_discounts_on_a_bill(
    till: Till, cashier: StaffMember, regular: customers.Enrolled, catalog_of: dict[str, Reward]
) -> None:
    fixed = spend(till, regular, catalog_of["20.000 ₫ off"], cashier, bill=125_000)
    assert fixed.redemption.discount == 20_000
    assert fixed.entry.reason == "20.000 ₫ off (−20,000 ₫)"
    percent = spend(till, regular, catalog_of["10% off"], cashier, bill=2_000_000)
    assert percent.redemption.discount == 50_000  # 10 % capped at 50,000 ₫


def test_a_voucher_reward_issues_a_voucher_code_valid_for_90_days(
    till: Till, cashier: StaffMember, regular: customers.Enrolled, catalog_of: dict[str, Reward], clock: Any
) -> None:
    result = spend(till, regular, catalog_of["Voucher 50k"], cashier)
    assert result.voucher_code and len(result.voucher_code) == 8
    assert result.voucher is not None and result.voucher.payload.startswith(f"LV1.{result.voucher_code}.50000.")
    with till.transaction() as s:
        v = s.get(Voucher, result.voucher_code)
        assert v is not None
        assert (v.customer_id, v.value, v.issued_for, v.issued_ref) == (
            regular.customer_id,
            50_000,
            "reward",
            result.entry.id,
        )
        assert 90 <= (v.expires_at - clock()).days <= 91  # to the end of the 90th day, in the store's zone
    # The voucher is real: the till takes it off a bill once (through the ledger), never twice.
    use = vouchers.redeem(till, result.voucher.payload, staff=cashier, bill=120_000)
    assert (use.discount, use.customer_id, use.entry.receipt_id) == (50_000, regular.customer_id, result.voucher_code)
    with pytest.raises(NotAllowed, match="already used"):
        vouchers.redeem(till, result.voucher_code, staff=cashier, bill=120_000)


def test_undoing_a_voucher_reward_gives_the_points_back_and_cancels_its_voucher(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    """Otherwise the points come back and the voucher still takes 50.000 ₫ off: the reward counted twice."""
    clock.advance(minutes=5)
    result = spend(till, regular, catalog_of["Voucher 50k"], cashier)
    assert result.voucher is not None
    assert [v.code for v in vouchers.waiting_for(till, regular.customer_id)] == [result.voucher_code]
    clock.advance(seconds=30)
    corrections.undo_last(till, cashier)
    assert balance_of(regular.customer_id).points == 200
    assert vouchers.waiting_for(till, regular.customer_id) == []
    for typed in (result.voucher.payload, result.voucher_code):  # scanned or typed: refused
        with pytest.raises(NotAllowed, match="cancelled"):
            vouchers.redeem(till, typed, staff=cashier, bill=120_000)


def test_a_reward_whose_voucher_was_spent_cannot_be_given_back(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    result = spend(till, regular, catalog_of["Voucher 50k"], cashier)
    assert result.voucher is not None
    clock.advance(hours=1)
    vouchers.redeem(till, result.voucher.payload, staff=cashier, bill=120_000)
    before = snapshot()
    with pytest.raises(NotAllowed, match="already used"):
        corrections.reverse(till, result.entry.id, manager=manager, reason="customer changed her mind")
    assert snapshot() == before


def test_a_gold_only_reward_is_refused_to_a_member_and_allowed_once_gold(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    before = snapshot()
    with pytest.raises(NotAllowed, match="Gold members"):
        spend(till, regular, catalog_of["Gold lounge drink"], cashier)
    assert snapshot() == before
    assert "Gold lounge drink" not in [
        o.reward.name for o in customers.view(till, regular.customer_id).rewards
    ]
    clock.set_local(2026, 11, 25, 9)
    awards.award(till, regular.customer_id, Bill(3_000_000), staff=cashier)
    assert spend(till, regular, catalog_of["Gold lounge drink"], cashier).entry.points == -20


def test_a_once_a_day_treat_is_refused_the_second_time_that_day_and_offered_again_tomorrow(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    treat = catalog_of["Daily treat"]
    spend(till, regular, treat, cashier)
    clock.set_local(2026, 11, 23, 23, 30)
    before = snapshot()
    with pytest.raises(NotAllowed, match="limit"):
        spend(till, regular, treat, cashier)
    assert snapshot() == before
    clock.set_local(2026, 11, 24, 0, 30)  # after midnight in the shop (still Monday in UTC)
    assert spend(till, regular, treat, cashier).entry.points == -10


def test_a_returned_treat_does_not_count_toward_the_limit(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    clock: Any,
) -> None:
    treat = catalog_of["Daily treat"]
    first = spend(till, regular, treat, cashier)
    clock.advance(minutes=5)
    corrections.reverse(till, first.entry.id, manager=manager, reason="kitchen out of it")
    clock.advance(minutes=5)
    assert spend(till, regular, treat, cashier).entry.points == -10


def test_paying_part_of_the_bill_with_points(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
) -> None:
    set_program(point_value=1_000)
    offered = {o.reward.name: o.affordable for o in customers.view(till, regular.customer_id).rewards}
    assert offered["Pay with points"]
    result = spend(till, regular, catalog_of["Pay with points"], cashier, bill=45_500, points_to_spend=80)
    assert (result.redemption.points, result.redemption.discount) == (45, 45_000)
    assert balance_of(regular.customer_id).points == 155


def test_a_phone_number_or_a_name_can_earn_but_not_spend(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
) -> None:
    by_phone = customers.find(till, "0912 345 678")
    before = snapshot()
    with pytest.raises(NotAllowed, match="scan the customer's card"):
        redemption.redeem(
            till,
            regular.customer_id,
            catalog_of["Bánh flan"].id,
            staff=cashier,
            identified=by_phone.identified,
        )
    assert snapshot() == before
    scanned = customers.find(till, regular.payload)
    redemption.redeem(
        till, regular.customer_id, catalog_of["Bánh flan"].id, staff=cashier, identified=scanned.identified
    )


def test_spending_more_than_the_balance_is_refused_and_nothing_changes(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
) -> None:
    awards.award(till, member.customer_id, Bill(400_000), staff=cashier)  # 40 points, 3 stamps
    before = snapshot()
    with pytest.raises(InsufficientBalance, match="costs 50 điểm; the customer has 40"):
        spend(till, member, catalog_of["Bánh flan"], cashier)
    with pytest.raises(InsufficientBalance, match="3 of 10"):
        spend(till, member, catalog_of["Free cà phê sữa đá"], cashier)
    assert snapshot() == before


def test_a_blocked_member_cannot_spend(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
) -> None:
    customers.set_blocked(till, regular.customer_id, True, manager=manager, reason="lost card reported")
    before = snapshot()
    with pytest.raises(NotAllowed, match="blocked"):
        spend(till, regular, catalog_of["Bánh flan"], cashier)
    with pytest.raises(NotAllowed, match="blocked"):
        awards.award(till, regular.customer_id, Bill(50_000), staff=cashier)
    assert snapshot() == before


def test_an_unknown_or_withdrawn_reward_is_refused(
    till: Till,
    cashier: StaffMember,
    owner: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    snapshot: Callable[[], Any],
) -> None:
    from dataclasses import replace

    catalog.save_reward(till, replace(catalog_of["Bánh flan"], active=False), by=owner)
    before = snapshot()
    with pytest.raises(NotFound, match="no such reward"):
        redemption.redeem(till, regular.customer_id, "no-such-reward", staff=cashier, identified=True)
    with pytest.raises(NotAllowed, match="no longer offered"):
        spend(till, regular, catalog_of["Bánh flan"], cashier)
    with pytest.raises(NotFound):
        redemption.redeem(till, "no-such-customer", catalog_of["10% off"].id, staff=cashier, identified=True)
    assert snapshot() == before


def test_offline_a_member_may_spend_at_most_the_daily_cap_at_this_till(
    till: Till,
    cashier: StaffMember,
    regular: customers.Enrolled,
    catalog_of: dict[str, Reward],
    set_program: Callable[..., Program],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    set_program(offline_daily_redeem_cap=60)
    till.is_online = lambda: False
    spend(till, regular, catalog_of["Bánh flan"], cashier)  # 50 of 60 today
    clock.advance(minutes=10)
    before = snapshot()
    with pytest.raises(
        InsufficientBalance, match="at most 60 điểm a day at this till \\(50 already today\\)"
    ):
        spend(till, regular, catalog_of["20.000 ₫ off"], cashier)  # 30 more would be 80
    assert snapshot() == before
    spend(till, regular, catalog_of["Free cà phê sữa đá"], cashier)  # a stamp card costs no points: allowed

    till.is_online = lambda: True  # the server answers again: the balance is known, the cap is lifted
    assert spend(till, regular, catalog_of["20.000 ₫ off"], cashier).entry.points == -30

    till.is_online = lambda: False
    clock.set_local(2026, 11, 24, 9)  # a new day in the shop
    assert spend(till, regular, catalog_of["20.000 ₫ off"], cashier).entry.points == -30


def test_what_the_customer_display_offers(
    till: Till, cashier: StaffMember, member: customers.Enrolled, catalog_of: dict[str, Reward]
) -> None:
    awards.award(till, member.customer_id, Bill(350_000), staff=cashier)  # 35 points, 3 stamps
    card = customers.view(till, member.customer_id)
    offered = {o.reward.name: (o.affordable, o.missing) for o in card.rewards}
    assert offered["20.000 ₫ off"] == (True, 0)
    assert offered["Bánh flan"] == (False, 15)
    assert offered["Free cà phê sữa đá"] == (False, 7)
    assert card.next_reward is not None and card.next_reward.reward.name == "10% off"  # 5 points away
    assert [r.name for r in card.available_now] == ["20.000 ₫ off", "Daily treat"]
    assert "Pay with points" not in offered  # switched off in this program
