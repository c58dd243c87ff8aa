"""Corrections: a void, a partial refund, a manager's adjustment, the cashier's "undo last".
Each is a new entry; the original stays; the audit log says who and why."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.core.earning import Bill
from app.core.errors import InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.ledger import Balance, EntryKind, LedgerEntry
from app.core.program import Program
from app.db.models import AuditLog
from app.services import awards, corrections, customers
from app.services.staff import StaffMember
from app.services.till import Till


def audit_rows(till: Till, action: str) -> list[AuditLog]:
    with till.transaction() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


# -- reverse ----------------------------------------------------------------------------------------


def test_a_manager_voids_a_sale_and_everything_it_earned_goes_back(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    history: Callable[[str], list[LedgerEntry]],
    clock: Any,
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    clock.advance(days=3)
    void = corrections.reverse(till, sale.id, manager=manager, reason="customer paid with another card")
    assert (void.kind, void.points, void.stamps, void.reverses) == (EntryKind.REVERSE, -12, -1, sale.id)
    b = balance_of(member.customer_id)
    assert (b.points, b.stamps, b.visits, b.lifetime_spend, b.lifetime_points) == (0, 2, 0, 0, 0)
    assert [e.kind for e in history(member.customer_id)] == [
        EntryKind.BONUS,
        EntryKind.EARN,
        EntryKind.REVERSE,
    ]
    (row,) = audit_rows(till, "ledger.reverse")
    assert (row.staff_id, row.subject) == (manager.id, sale.id)
    assert json.loads(row.after)["reason"] == "customer paid with another card"


def test_a_sale_cannot_be_voided_twice_and_a_void_cannot_be_voided(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    snapshot: Callable[[], Any],
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    void = corrections.reverse(till, sale.id, manager=manager, reason="wrong card")
    before = snapshot()
    with pytest.raises(NotAllowed, match="already been reversed"):
        corrections.reverse(till, sale.id, manager=manager, reason="again")
    with pytest.raises(NotAllowed, match="cannot itself be reversed"):
        corrections.reverse(till, void.id, manager=manager, reason="oops")
    with pytest.raises(NotFound):
        corrections.reverse(till, "no-such-entry", manager=manager, reason="?")
    assert snapshot() == before


def test_a_cashier_cannot_void_and_a_void_needs_a_reason(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    snapshot: Callable[[], Any],
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    before = snapshot()
    with pytest.raises(PermissionDenied):
        corrections.reverse(till, sale.id, manager=cashier, reason="my mistake")
    with pytest.raises(InvalidInput):
        corrections.reverse(till, sale.id, manager=manager, reason="  ")
    assert snapshot() == before


def test_a_returned_cake_takes_back_points_in_proportion_and_keeps_the_stamp(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    back = corrections.reverse(till, sale.id, manager=manager, reason="cake returned", refunded_amount=25_000)
    assert (back.points, back.stamps, back.amount) == (-3, 0, 25_000)
    b = balance_of(member.customer_id)
    assert (b.points, b.stamps, b.visits, b.lifetime_spend) == (9, 3, 1, 100_000)


def test_a_partial_refund_then_a_void_takes_back_the_rest_exactly(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    corrections.reverse(till, sale.id, manager=manager, reason="cake returned", refunded_amount=25_000)
    rest = corrections.reverse(till, sale.id, manager=manager, reason="whole order cancelled")
    assert (rest.points, rest.stamps) == (-9, -1)
    b = balance_of(member.customer_id)
    assert (b.points, b.stamps, b.lifetime_spend, b.lifetime_points) == (0, 2, 0, 0)
    with till.transaction() as s:  # nothing left toward Gold, and nothing below zero either
        assert awards.qualifying_figure(s, member.customer_id, till.clock(), till.program(s)) == 0
    ledger_is_sound()


def test_two_partial_refunds_never_take_back_more_than_the_sale_earned(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
) -> None:
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    first = corrections.reverse(till, sale.id, manager=manager, reason="one drink", refunded_amount=25_000)
    second = corrections.reverse(till, sale.id, manager=manager, reason="everything else", refunded_amount=500_000)
    assert (first.points, second.points, second.stamps, second.amount) == (-3, -9, -1, 100_000)
    assert balance_of(member.customer_id).points == 0


def test_only_a_sale_can_be_partly_refunded(
    till: Till, manager: StaffMember, member: customers.Enrolled, snapshot: Callable[[], Any]
) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match="Only a sale"):
        corrections.reverse(till, member.welcome.id, manager=manager, reason="x", refunded_amount=1_000)
    assert snapshot() == before


# -- adjust -----------------------------------------------------------------------------------------


def test_the_coffee_machine_broke_a_manager_gives_two_stamps_and_it_is_audited(
    till: Till,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    history: Callable[[str], list[LedgerEntry]],
) -> None:
    entry = corrections.adjust(till, member.customer_id, stamps=2, reason="coffee machine broke", manager=manager)
    assert (entry.kind, entry.stamps, entry.staff_id, entry.reason) == (
        EntryKind.ADJUST,
        2,
        manager.id,
        "coffee machine broke",
    )
    assert balance_of(member.customer_id).stamps == 4
    assert history(member.customer_id)[-1] == entry
    (row,) = audit_rows(till, "ledger.adjust")
    assert row.staff_id == manager.id and row.subject == member.customer_id
    assert json.loads(row.before) == {"points": 0, "stamps": 2}
    assert json.loads(row.after)["stamps"] == 4


def test_an_adjustment_needs_a_manager_a_reason_and_a_sensible_number(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    snapshot: Callable[[], Any],
) -> None:
    cid = member.customer_id
    before = snapshot()
    with pytest.raises(PermissionDenied):
        corrections.adjust(till, cid, points=10, reason="friend", manager=cashier)
    with pytest.raises(InvalidInput, match="reason"):
        corrections.adjust(till, cid, points=10, reason="", manager=manager)
    with pytest.raises(InvalidInput, match="reason"):
        corrections.adjust(till, cid, points=10, reason=" \t ", manager=manager)
    with pytest.raises(InvalidInput, match="changes nothing"):
        corrections.adjust(till, cid, reason="nothing", manager=manager)
    with pytest.raises(InvalidInput, match="too large"):
        corrections.adjust(till, cid, points=10_000_000, reason="typo", manager=manager)
    with pytest.raises(InvalidInput, match="below zero"):
        corrections.adjust(till, cid, points=-1, reason="take back", manager=manager)
    with pytest.raises(NotFound):
        corrections.adjust(till, "no-such-customer", points=1, reason="x", manager=manager)
    assert snapshot() == before


def test_an_adjustment_beyond_the_programs_limit_needs_the_owner_and_is_audited(
    till: Till,
    manager: StaffMember,
    owner: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    snapshot: Callable[[], Any],
    balance_of: Callable[[str], Balance],
) -> None:
    """Issue 13: a manager adjusts up to the program's limit; more needs the owner's PIN (the server flags it)."""
    set_program(adjust_limit_points=500)
    cid = member.customer_id
    before = snapshot()
    with pytest.raises(PermissionDenied, match="more than 500 points at once needs the owner's PIN"):
        corrections.adjust(till, cid, points=501, reason="khiếu nại", manager=manager)
    assert snapshot() == before  # refused: nothing written, nothing audited
    assert corrections.adjust(till, cid, points=500, reason="khiếu nại", manager=manager).points == 500
    entry = corrections.adjust(till, cid, points=5_000, reason="bồi thường lớn", manager=owner)
    assert (entry.points, entry.staff_id) == (5_000, owner.id)
    assert balance_of(cid).points == 5_500
    rows = audit_rows(till, "ledger.adjust")
    assert [(r.staff_id, json.loads(r.after)["points"]) for r in rows] == [(manager.id, 500), (owner.id, 5_500)]


# -- undo last --------------------------------------------------------------------------------------


def test_a_cashier_undoes_a_wrong_award_within_two_minutes_without_a_manager(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    clock.advance(minutes=30)
    sale = awards.award(till, member.customer_id, Bill(1_250_000), staff=cashier).earn  # meant 125.000
    clock.advance(seconds=90)
    (undo,) = corrections.undo_last(till, cashier)
    assert (undo.reverses, undo.points, undo.staff_id) == (sale.id, -125, cashier.id)
    assert balance_of(member.customer_id).points == 0
    (row,) = audit_rows(till, "ledger.undo")
    assert row.staff_id == cashier.id


def test_undo_takes_back_the_whole_action_tier_and_referral_included(
    till: Till,
    cashier: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    set_program(referral_referrer_points=20, referral_new_points=10)
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code)
    clock.advance(minutes=30)
    result = awards.award(till, minh.customer_id, Bill(3_000_000), staff=cashier)
    assert result.new_tier == "Gold" and len(result.extras) == 3
    clock.advance(minutes=1)
    undone = corrections.undo_last(till, cashier)
    assert len(undone) == 4
    b = balance_of(minh.customer_id)
    assert (b.points, b.stamps, b.tier, b.visits, b.lifetime_spend, b.lifetime_points) == (
        0,
        2,
        None,
        0,
        0,
        0,
    )
    assert balance_of(lan.customer_id).points == 0
    ledger_is_sound()
    # The real first purchase still pays the referral: the undone one does not count.
    clock.advance(minutes=5)
    assert awards.award(till, minh.customer_id, Bill(50_000), staff=cashier).points == 5 + 10
    assert balance_of(lan.customer_id).points == 20


def test_after_two_minutes_undo_needs_a_manager_pin(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    staff_pins: dict[str, str],
    snapshot: Callable[[], Any],
    clock: Any,
) -> None:
    clock.advance(minutes=30)
    awards.award(till, member.customer_id, Bill(125_000), staff=cashier)
    clock.advance(minutes=2, seconds=1)
    before = snapshot()
    with pytest.raises(PermissionDenied, match="manager PIN is needed"):
        corrections.undo_last(till, cashier)
    with pytest.raises(PermissionDenied, match="not a manager PIN"):
        corrections.undo_last(till, cashier, manager_pin="00000000")
    with pytest.raises(PermissionDenied, match="not a manager PIN"):
        corrections.undo_last(till, cashier, manager_pin=staff_pins["cashier"])  # the cashier's own PIN
    assert snapshot() == before

    (undo,) = corrections.undo_last(till, cashier, manager_pin=staff_pins["manager"])
    assert undo.staff_id == manager.id
    (row,) = audit_rows(till, "ledger.undo")
    assert row.staff_id == manager.id


def test_nothing_to_undo_twice(till: Till, cashier: StaffMember, member: customers.Enrolled, clock: Any) -> None:
    clock.advance(minutes=30)
    awards.award(till, member.customer_id, Bill(125_000), staff=cashier)
    clock.advance(seconds=10)
    corrections.undo_last(till, cashier)
    with pytest.raises(NotFound, match="nothing to undo"):
        corrections.undo_last(till, cashier)


def test_a_cashier_cannot_undo_someone_elses_sale(
    till: Till,
    cashier: StaffMember,
    owner: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    clock: Any,
) -> None:
    lan = enrol("Lan", staff=owner)
    clock.advance(minutes=30)
    awards.award(till, lan.customer_id, Bill(125_000), staff=owner)
    with pytest.raises(NotFound):
        corrections.undo_last(till, cashier)
