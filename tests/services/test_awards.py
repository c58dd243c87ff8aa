"""Awarding a sale on the till: points, stamps, and what the sale unlocks (tier, referral, birthday),
with the abuse limits that hold offline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.core.earning import Bill
from app.core.errors import Duplicate, NotAllowed
from app.core.ledger import Balance, EntryKind, LedgerEntry
from app.core.lifecycle import Birthday
from app.core.program import Program
from app.core.receipt import ReceiptLine
from app.db.models import Flag
from app.services import awards, corrections, customers
from app.services.staff import StaffMember
from app.services.till import Till

Enrol = Callable[..., customers.Enrolled]


def test_ninth_coffee_fills_card_and_extra_stamp_rolls_over(
    till: Till, cashier: StaffMember, member: customers.Enrolled, clock: Any
) -> None:
    for _ in range(8):  # 2 starter stamps + 8 visits = a full card of 10
        clock.advance(hours=25)
        awards.award(till, member.customer_id, Bill(35_000), staff=cashier)
    card = customers.view(till, member.customer_id)
    assert (card.full_cards, card.stamps_on_card) == (1, 0)

    clock.advance(hours=25)
    awards.award(till, member.customer_id, Bill(35_000), staff=cashier)
    card = customers.view(till, member.customer_id)
    assert (card.balance.stamps, card.full_cards, card.stamps_on_card) == (11, 1, 1)


def test_a_20k_bill_earns_two_points_and_no_stamp(
    till: Till, cashier: StaffMember, member: customers.Enrolled
) -> None:
    result = awards.award(till, member.customer_id, Bill(29_000), staff=cashier)
    assert (result.points, result.stamps) == (2, 0)


def test_the_item_rule_stamps_each_coffee_on_the_receipt(
    till: Till, cashier: StaffMember, member: customers.Enrolled, set_program: Callable[..., Program]
) -> None:
    from app.core.program import StampMode, StampRule

    set_program(stamp_rule=StampRule(StampMode.ITEM, min_spend=30_000, skus=frozenset({"CF01"})))
    lines = (
        ReceiptLine("Cà phê sữa đá", 3, 35_000, sku="CF01"),
        ReceiptLine("Bánh mì", 1, 25_000, sku="BM01"),
    )
    assert awards.award(till, member.customer_id, Bill(130_000, lines=lines), staff=cashier).stamps == 3


def test_the_preview_shows_what_the_bill_earns_and_writes_nothing(
    till: Till, member: customers.Enrolled, snapshot: Callable[[], Any], clock: Any
) -> None:
    clock.set_local(2026, 11, 24, 10)  # Tuesday
    before = snapshot()
    preview = awards.preview(till, member.customer_id, Bill(125_000))
    assert (preview.points, preview.stamps, preview.base_points) == (24, 1, 12)
    assert dict(preview.multipliers) == {"Double points Tuesday": 2}
    assert snapshot() == before
    assert awards.preview(till, None, Bill(125_000)).points == 24  # a non-member sees what they would earn


def test_every_entry_records_the_program_version_and_the_cashier(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    clock: Any,
) -> None:
    first = awards.award(till, member.customer_id, Bill(100_000), staff=cashier).earn
    set_program(points_per_step=2)
    clock.advance(hours=1)
    second = awards.award(till, member.customer_id, Bill(100_000), staff=cashier).earn
    assert (first.program_version, first.points) == (1, 10)
    assert (second.program_version, second.points) == (2, 20)  # a rule change never rewrites history
    assert first.staff_id == second.staff_id == cashier.id


# -- tiers ------------------------------------------------------------------------------------------


def test_crossing_300_points_makes_a_member_gold_at_once_and_the_next_bill_earns_half_again(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    clock.set_local(2026, 11, 25, 9)  # Wednesday, Thursday, Friday: no double points
    first = awards.award(till, member.customer_id, Bill(2_990_000), staff=cashier)
    assert (first.points, first.new_tier) == (299, None)
    clock.advance(days=1)
    second = awards.award(till, member.customer_id, Bill(10_000), staff=cashier)
    assert second.new_tier == "Gold"
    assert [e.kind for e in second.extras] == [EntryKind.TIER]
    assert "300 qualifying" in second.extras[0].reason
    assert balance_of(member.customer_id).tier == "Gold"
    clock.advance(days=1)
    assert awards.award(till, member.customer_id, Bill(100_000), staff=cashier).points == 15


def test_bonus_points_do_not_count_toward_gold(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
) -> None:
    corrections.adjust(till, member.customer_id, points=500, reason="goodwill", manager=manager)
    awards.award(till, member.customer_id, Bill(100_000), staff=cashier)
    assert balance_of(member.customer_id).tier is None  # tiers are earned by spending, not granted


# -- bonuses ----------------------------------------------------------------------------------------


def test_a_welcome_bonus_and_two_starter_stamps_at_enrolment(
    till: Till, enrol: Enrol, set_program: Callable[..., Program], history: Callable[[str], list[LedgerEntry]]
) -> None:
    set_program(welcome_points=5)
    new = enrol("Lê Văn Nam")
    (welcome,) = history(new.customer_id)
    assert (welcome.kind, welcome.points, welcome.stamps, welcome.reason) == (
        EntryKind.BONUS,
        5,
        2,
        "welcome",
    )


REFERRAL = {"referral_referrer_points": 20, "referral_new_points": 10}


def test_a_referral_pays_both_sides_at_the_friends_first_purchase_not_at_sign_up(
    till: Till,
    cashier: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
) -> None:
    set_program(**REFERRAL)
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code)
    assert (
        balance_of(lan.customer_id).points == 0 and balance_of(minh.customer_id).points == 0
    )  # fake sign-ups: 0

    result = awards.award(till, minh.customer_id, Bill(50_000), staff=cashier)
    assert result.points == 5 + 10  # the sale, and Minh's referral welcome
    assert balance_of(lan.customer_id).points == 20
    assert sorted(e.reason for e in result.extras) == [f"referral: {minh.customer_id}", "referral: welcome"]


def test_a_referral_pays_only_once(
    till: Till,
    cashier: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(**REFERRAL)
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code)
    awards.award(till, minh.customer_id, Bill(50_000), staff=cashier)
    clock.advance(days=2)  # Wednesday
    assert awards.award(till, minh.customer_id, Bill(50_000), staff=cashier).points == 5
    assert balance_of(lan.customer_id).points == 20


def test_a_first_purchase_too_small_to_earn_does_not_use_up_the_referral(
    till: Till,
    cashier: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(**REFERRAL)
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code)
    tiny = awards.award(till, minh.customer_id, Bill(8_000), staff=cashier)  # an iced tea: no point, no stamp
    assert tiny.extras == [] and balance_of(lan.customer_id).points == 0
    clock.advance(days=2)  # Wednesday
    assert awards.award(till, minh.customer_id, Bill(50_000), staff=cashier).points == 5 + 10
    assert balance_of(lan.customer_id).points == 20


def test_a_voided_first_purchase_does_not_pay_the_referral_twice(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(**REFERRAL)
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code)
    first = awards.award(till, minh.customer_id, Bill(50_000), staff=cashier)
    clock.advance(hours=2)
    corrections.reverse(till, first.earn.id, manager=manager, reason="paid by mistake on the wrong card")
    # The reversal took the referral back on both sides, so the real first purchase pays it, once.
    assert (balance_of(lan.customer_id).points, balance_of(minh.customer_id).points) == (0, 0)
    clock.advance(hours=1)
    again = awards.award(till, minh.customer_id, Bill(50_000), staff=cashier)
    assert sorted(e.reason for e in again.extras) == [f"referral: {minh.customer_id}", "referral: welcome"]
    assert (balance_of(lan.customer_id).points, balance_of(minh.customer_id).points) == (20, 5 + 10)


def test_a_birthday_bonus_in_the_birthday_week_once_a_year(
    till: Till,
    cashier: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(birthday_points=50)
    lan = enrol("Lan", birthday=Birthday(26, 11, 1990))  # Thursday of this week
    assert customers.view(till, lan.customer_id).birthday_this_week

    first = awards.award(till, lan.customer_id, Bill(40_000), staff=cashier)
    assert [(e.points, e.reason) for e in first.extras] == [(50, "birthday: 2026")]
    clock.advance(days=2)
    assert awards.award(till, lan.customer_id, Bill(40_000), staff=cashier).extras == []
    clock.set_local(2027, 11, 26, 10)
    assert [e.reason for e in awards.award(till, lan.customer_id, Bill(40_000), staff=cashier).extras] == [
        "birthday: 2027"
    ]
    assert balance_of(lan.customer_id).points == 3 * 4 + 2 * 50


def test_no_birthday_bonus_outside_the_birthday_week(
    till: Till, cashier: StaffMember, enrol: Enrol, set_program: Callable[..., Program]
) -> None:
    set_program(birthday_points=50)
    lan = enrol("Lan", birthday=Birthday(10, 12))
    assert awards.award(till, lan.customer_id, Bill(40_000), staff=cashier).extras == []


# -- abuse limits -----------------------------------------------------------------------------------


def test_the_daily_earn_cap_gives_what_is_left_and_flags_it_for_the_manager_without_blocking_the_sale(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    clock: Any,
) -> None:
    set_program(daily_earn_cap_points=20)
    assert awards.award(till, member.customer_id, Bill(150_000), staff=cashier).points == 15
    clock.advance(hours=1)
    capped = awards.award(till, member.customer_id, Bill(100_000), staff=cashier)
    assert capped.points == 5
    assert capped.earn.amount == 100_000 and capped.stamps == 1  # the sale itself is recorded
    assert capped.flags == ["Daily earn cap of 20 reached: 5 points not given."]
    with till.transaction() as s:
        (flag,) = s.scalars(select(Flag)).all()
        assert (flag.kind, flag.customer_id, flag.entry_id) == (
            "daily_cap",
            member.customer_id,
            capped.earn.id,
        )
    assert customers.view(till, member.customer_id).flags == capped.flags
    clock.set_local(2026, 11, 24, 8)  # the next morning in the shop
    assert (
        awards.award(till, member.customer_id, Bill(100_000), staff=cashier).points == 20
    )  # Tuesday, capped


def test_a_member_cannot_earn_twice_within_ten_minutes(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    set_program(min_minutes_between_earns=10)
    awards.award(till, member.customer_id, Bill(50_000), staff=cashier)
    clock.advance(minutes=4)
    before = snapshot()
    with pytest.raises(NotAllowed, match="less than 10 minutes ago; try again in 6 min"):
        awards.award(till, member.customer_id, Bill(50_000), staff=cashier)
    assert snapshot() == before
    clock.advance(minutes=6)
    assert awards.award(till, member.customer_id, Bill(50_000), staff=cashier).points == 5


def test_a_receipt_earns_once(
    till: Till, cashier: StaffMember, member: customers.Enrolled, snapshot: Callable[[], Any], clock: Any
) -> None:
    ref = awards.ReceiptRef("kiotviet", "HD000123")
    awards.award(till, member.customer_id, Bill(50_000), staff=cashier, receipt=ref)
    clock.advance(hours=1)
    before = snapshot()
    with pytest.raises(Duplicate, match="HD000123"):
        awards.award(till, member.customer_id, Bill(50_000), staff=cashier, receipt=ref)
    assert snapshot() == before
