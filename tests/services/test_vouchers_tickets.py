"""Vouchers and complaint tickets at one till: codes that cannot be forged, one use, expiry, budget, owners."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.core.errors import BadCardCode, InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.vouchercode import VoucherCode, sign_voucher, verify_voucher
from app.db.models import OutboxItem, Ticket
from app.services import corrections, customers, feedback, tickets, vouchers
from app.services.staff import StaffMember
from app.services.till import Till


def issue(till: Till, value: int = 40_000, customer_id: str | None = None, days: int = 30) -> vouchers.IssuedVoucher:
    with till.transaction() as s:
        return vouchers.issue_in(s, till, value=value, issued_for="ticket", customer_id=customer_id, days=days)


def test_a_voucher_code_carries_value_and_day_and_any_change_is_refused(till: Till) -> None:
    v = issue(till)
    assert verify_voucher(v.payload, till.card_key) == VoucherCode(v.code, 40_000, v.expires_on)
    assert verify_voucher(v.payload.lower(), till.card_key).code == v.code  # caps lock on the scanner
    for bad in (
        v.payload.replace(".40000.", ".400000."),
        v.payload[:-1] + ("A" if v.payload[-1] != "A" else "B"),
        v.payload.replace(f"{v.expires_on:%Y%m%d}", "20991231"),
        v.payload[:-5],
    ):
        with pytest.raises(BadCardCode):
            verify_voucher(bad, till.card_key)
    other_chain = sign_voucher(VoucherCode(v.code, 40_000, v.expires_on), b"another chain's key")
    with pytest.raises(BadCardCode):
        verify_voucher(other_chain, till.card_key)


def test_a_voucher_is_used_once_booked_to_its_member_and_refused_after_its_day(
    till: Till, cashier: StaffMember, manager: StaffMember, member: customers.Enrolled, clock: Any, snapshot: Callable
) -> None:
    v = issue(till, customer_id=member.customer_id, days=30)
    use = vouchers.redeem(till, v.payload, staff=cashier, bill=25_000)
    assert (use.discount, use.customer_id, use.entry.points, use.entry.receipt_id) == (
        25_000,
        member.customer_id,
        0,
        v.code,
    )
    before = snapshot()
    with pytest.raises(NotAllowed, match="already used"):
        vouchers.redeem(till, v.code, staff=cashier)
    assert snapshot() == before
    # A manager takes the use back (wrong bill): the voucher can be used again.
    corrections.reverse(till, use.entry.id, manager=manager, reason="nhầm hoá đơn")
    assert vouchers.redeem(till, v.code, staff=cashier).discount == 40_000

    late = issue(till, customer_id=member.customer_id, days=30)
    clock.advance(days=32)
    before = snapshot()
    with pytest.raises(NotAllowed, match="expired"):
        vouchers.redeem(till, late.payload, staff=cashier)
    assert snapshot() == before


def test_a_guest_voucher_needs_a_member_on_screen_and_an_unknown_typed_code_asks_for_the_qr(
    till: Till, cashier: StaffMember, member: customers.Enrolled
) -> None:
    v = issue(till)
    with pytest.raises(NotAllowed, match="Scan the customer's card"):
        vouchers.redeem(till, v.payload, staff=cashier)
    assert (
        vouchers.redeem(till, v.payload, staff=cashier, customer_id=member.customer_id).customer_id
        == member.customer_id
    )
    with pytest.raises(NotFound, match="Scan its QR code"):
        vouchers.redeem(till, "ABCD-EFGH", staff=cashier, customer_id=member.customer_id)
    with pytest.raises(BadCardCode):
        vouchers.redeem(till, "12 34", staff=cashier)
    assert vouchers.is_voucher_text(till, v.code.lower()) and not vouchers.is_voucher_text(till, "Nguyễn")


def test_a_ticket_goes_to_the_rule_s_owner_then_the_store_manager(
    till: Till, owner: StaffMember, manager: StaffMember, cashier: StaffMember
) -> None:
    first = feedback.ticket_for(till, feedback.rate_visit(till, None, 1).id)
    assert first is not None and first.assignee == manager.id  # the store's manager by default
    with pytest.raises(PermissionDenied):
        tickets.set_assign_rules(till, [tickets.AssignRule("*", "normal", cashier.id)], by=cashier)
    tickets.set_assign_rules(till, [tickets.AssignRule(till.store_id, "normal", owner.id)], by=manager)
    second = feedback.ticket_for(till, feedback.rate_visit(till, None, 2).id)
    high = feedback.ticket_for(till, feedback.rate_visit(till, None, 1).id)
    assert second is not None and second.assignee == owner.id
    assert high is not None and high.assignee == manager.id  # the rule names only normal priority


def test_resolving_with_a_voucher_needs_a_manager_and_stays_within_the_owner_s_budget(
    till: Till,
    owner: StaffMember,
    manager: StaffMember,
    cashier: StaffMember,
    member: customers.Enrolled,
    snapshot: Callable,
) -> None:
    ticket = feedback.ticket_for(till, feedback.rate_visit(till, member.customer_id, 1).id)
    assert ticket is not None
    with pytest.raises(PermissionDenied):
        tickets.set_voucher_budget(till, 100_000, by=manager)  # the owner's money
    tickets.set_voucher_budget(till, 100_000, by=owner)
    before = snapshot()
    with pytest.raises(PermissionDenied):
        tickets.resolve(till, ticket.id, by=cashier, resolution="xin lỗi", voucher_value=50_000, approved_by=cashier)
    with pytest.raises(InvalidInput, match="budget"):
        tickets.resolve(till, ticket.id, by=manager, resolution="xin lỗi", voucher_value=150_000, approved_by=manager)
    with pytest.raises(InvalidInput):
        tickets.resolve(till, ticket.id, by=manager, resolution="   ")
    assert snapshot() == before

    done = tickets.resolve(
        till, ticket.id, by=cashier, resolution="Gọi điện xin lỗi", voucher_value=60_000, approved_by=manager
    )
    assert done.voucher is not None and done.ticket.status == "resolved" and done.ticket.voucher_value == 60_000
    assert tickets.voucher_budget(till).left == 40_000
    with till.transaction() as s:
        row = s.get(Ticket, ticket.id)
        assert row is not None and set(row.dirty.split(",")) >= {"status", "resolution", "voucher_code"}
        queued = {(o.item_type, o.item_id) for o in s.scalars(select(OutboxItem).where(OutboxItem.acked_at.is_(None)))}
    assert ("voucher", done.voucher.code) in queued and ("ticket", ticket.id) in queued
    with pytest.raises(InvalidInput, match="already resolved"):
        tickets.resolve(till, ticket.id, by=manager, resolution="again")
