"""DESIGN §4's worked example, end to end on a real till: enrol, award, become Gold, double Tuesday."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.core.earning import Bill
from app.core.ledger import Balance, EntryKind
from app.services import awards, customers
from app.services.staff import StaffMember
from app.services.till import Till


def test_a_new_member_pays_125k_and_has_12_points_and_3_stamps(
    till: Till, cashier: StaffMember, enrol: Callable[..., customers.Enrolled], clock: Any
) -> None:
    lan = enrol("Nguyễn Thị Lan")
    assert customers.view(till, lan.customer_id).stamps_on_card == 2  # endowed progress: never at zero

    clock.set_local(2026, 11, 23, 10, 5)  # Monday: no double points
    result = awards.award(till, lan.customer_id, Bill(125_000), staff=cashier)

    assert (result.points, result.stamps) == (12, 1)
    card = customers.view(till, lan.customer_id)
    assert (card.balance.points, card.balance.stamps, card.stamps_on_card, card.full_cards) == (12, 3, 3, 0)
    assert card.tier == "Member"
    assert awards.describe_award(result, till.program()) == "125.000 ₫: +12 điểm, +1 stamps"


def test_a_gold_member_pays_125k_on_double_points_tuesday_and_earns_36(
    till: Till,
    cashier: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    clock: Any,
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
) -> None:
    hoa = enrol("Trần Thị Hoa")
    # Ten visits of 300,000 ₫, one a day from Wednesday 25 November, never on a Tuesday: 10 × 30 = 300.
    clock.set_local(2026, 11, 25, 9)
    results = []
    for _ in range(10):
        results.append(awards.award(till, hoa.customer_id, Bill(300_000), staff=cashier))
        clock.advance(days=1)
        if clock.local().weekday() == 1:
            clock.advance(days=1)

    assert [r.points for r in results] == [30] * 10  # the bill that reaches Gold still earns at Member rate
    assert [r.new_tier for r in results] == [None] * 9 + ["Gold"]  # Gold the moment 300 is reached
    assert balance_of(hoa.customer_id).tier == "Gold"
    assert customers.view(till, hoa.customer_id).tier == "Gold"

    clock.set_local(2026, 12, 8, 10)  # Tuesday
    preview = awards.preview(till, hoa.customer_id, Bill(125_000))
    tuesday = awards.award(till, hoa.customer_id, Bill(125_000), staff=cashier)

    assert preview.points == 36
    assert tuesday.points == 36  # 12 × 1.5 × 2
    assert tuesday.earn.kind is EntryKind.EARN and tuesday.earn.points == 36
    assert balance_of(hoa.customer_id).points == 300 + 36
    ledger_is_sound()


def test_the_same_bill_on_the_same_tuesday_earns_24_for_a_member(
    till: Till, cashier: StaffMember, member: customers.Enrolled, clock: Any
) -> None:
    clock.set_local(2026, 11, 24, 10)
    assert awards.award(till, member.customer_id, Bill(125_000), staff=cashier).points == 24


def test_late_monday_night_in_utc_is_already_double_points_tuesday_in_the_shop(
    till: Till, cashier: StaffMember, member: customers.Enrolled, clock: Any
) -> None:
    from datetime import UTC, datetime

    clock.set(datetime(2026, 11, 23, 20, 30, tzinfo=UTC))  # Monday 20:30 UTC = Tuesday 03:30 in the shop
    assert awards.award(till, member.customer_id, Bill(125_000), staff=cashier).points == 24
