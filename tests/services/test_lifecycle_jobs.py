"""The calendar jobs on a real till: points expire after a year without a visit (as an entry the
customer can see), and the yearly tier review moves members down gently."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from app.core.earning import Bill
from app.core.ledger import Balance, EntryKind, LedgerEntry
from app.core.program import Program, Tier
from app.services import awards, customers, lifecycle
from app.services.staff import StaffMember
from app.services.till import Till


def test_points_expire_after_twelve_months_without_a_visit_and_the_history_says_why(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    history: Callable[[str], list[LedgerEntry]],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    awards.award(till, member.customer_id, Bill(125_000), staff=cashier)  # Monday 23 November 2026
    clock.set_local(2027, 11, 22, 23)
    assert lifecycle.run_expiry(till) == 0
    assert balance_of(member.customer_id).points == 12

    clock.set_local(2027, 11, 23, 11)
    assert lifecycle.run_expiry(till) == 1
    b = balance_of(member.customer_id)
    assert (b.points, b.stamps, b.lifetime_points) == (0, 3, 12)  # stamps stay; lifetime is history
    last = history(member.customer_id)[-1]
    assert (last.kind, last.points, last.reason) == (EntryKind.EXPIRE, -12, "no visit for 12 months")
    assert lifecycle.run_expiry(till) == 0  # a second run the same day finds nothing left
    ledger_is_sound()


def test_a_visit_resets_the_expiry_clock(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    awards.award(till, member.customer_id, Bill(125_000), staff=cashier)
    clock.set_local(2027, 6, 2)  # a Wednesday
    awards.award(till, member.customer_id, Bill(50_000), staff=cashier)
    clock.set_local(2027, 12, 1)
    assert lifecycle.run_expiry(till) == 0
    assert balance_of(member.customer_id).points == 17


def test_welcome_points_of_a_member_who_never_came_back_expire_from_enrolment(
    till: Till,
    enrol: Callable[..., customers.Enrolled],
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(welcome_points=5)
    ghost = enrol("Ghost")
    regular = enrol("Regular")
    clock.set_local(2027, 11, 24)
    assert lifecycle.run_expiry(till) == 2
    assert balance_of(ghost.customer_id).points == 0 and balance_of(regular.customer_id).points == 0


def test_a_shop_without_expiry_never_expires(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(expiry_months=0)
    awards.award(till, member.customer_id, Bill(125_000), staff=cashier)
    clock.set_local(2035, 1, 1)
    assert lifecycle.run_expiry(till) == 0
    assert balance_of(member.customer_id).points == 12


def test_expiry_works_through_many_members_in_batches(
    till: Till,
    cashier: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    people = [enrol(f"Khách {i:02d}") for i in range(7)]
    for p in people:
        awards.award(till, p.customer_id, Bill(50_000), staff=cashier)
    clock.set_local(2028, 1, 1)
    assert lifecycle.run_expiry(till, batch=3) == 7
    assert {balance_of(p.customer_id).points for p in people} == {0}


THREE_TIERS = {
    "tiers": (Tier("Green", 0), Tier("Silver", 100, Fraction(6, 5)), Tier("Gold", 300, Fraction(3, 2))),
    "expiry_months": 0,
}


def test_the_yearly_review_moves_an_absent_gold_member_down_one_level_a_year(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    history: Callable[[str], list[LedgerEntry]],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    set_program(**THREE_TIERS)
    clock.set_local(2026, 2, 4)
    assert awards.award(till, member.customer_id, Bill(3_000_000), staff=cashier).new_tier == "Gold"

    clock.set_local(2027, 1, 1, 6)  # 300 points within the last 12 months: stays Gold
    assert lifecycle.run_tier_review(till) == 0
    assert balance_of(member.customer_id).tier == "Gold"

    clock.set_local(2028, 1, 1, 6)  # no visit for almost two years: one level down, not to the bottom
    assert lifecycle.run_tier_review(till) == 1
    assert balance_of(member.customer_id).tier == "Silver"
    last = history(member.customer_id)[-1]
    assert (last.kind, last.tier) == (EntryKind.TIER, "Silver")
    assert last.reason.startswith("yearly review")
    clock.set_local(2028, 3, 1)
    assert lifecycle.run_tier_review(till) == 0  # once a year

    clock.set_local(2029, 1, 1, 6)
    assert lifecycle.run_tier_review(till) == 1
    assert balance_of(member.customer_id).tier == "Green"
    clock.set_local(2030, 1, 1, 6)
    assert lifecycle.run_tier_review(till) == 0  # nothing below Green
    ledger_is_sound()


def test_a_gold_regular_who_visited_within_90_days_keeps_gold(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(**THREE_TIERS)
    clock.set_local(2026, 2, 4)
    awards.award(till, member.customer_id, Bill(3_000_000), staff=cashier)
    clock.set_local(2027, 11, 20)  # a small coffee: far from 300 points, but a visit
    awards.award(till, member.customer_id, Bill(35_000), staff=cashier)
    clock.set_local(2028, 1, 1, 6)
    assert lifecycle.run_tier_review(till) == 0
    assert balance_of(member.customer_id).tier == "Gold"
