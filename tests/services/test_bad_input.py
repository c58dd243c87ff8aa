"""Whatever a cashier types or a script sends, bad input gets a sentence saying what is wrong and
changes nothing: no customer, no entry, no outbox row, no audit row, no balance moves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.core.earning import Bill
from app.core.errors import (
    Duplicate,
    InsufficientBalance,
    InvalidInput,
    LoyaltyError,
    NotAllowed,
    NotFound,
    PermissionDenied,
)
from app.core.rewards import Reward, RewardKind
from app.services import awards, catalog, corrections, customers, redemption
from app.services.staff import StaffMember
from app.services.till import Till


@pytest.fixture
def shop(
    till: Till,
    owner: StaffMember,
    cashier: StaffMember,
    manager: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    clock: Any,
) -> dict[str, Any]:
    """Lan with 25 points and a sale of 125.000 ₫ this morning; Minh, blocked; a cake for 20 points."""
    lan = enrol("Nguyễn Thị Lan", phone="0912 345 678")
    minh = enrol("Trần Văn Minh", phone="0987 654 321")
    cake = catalog.save_reward(till, Reward("", "Bánh flan", RewardKind.FREE_ITEM, cost_points=20), by=owner)
    big = catalog.save_reward(
        till, Reward("", "Cake for 500", RewardKind.FREE_ITEM, cost_points=500), by=owner
    )
    fixed = catalog.save_reward(
        till, Reward("", "10k off", RewardKind.FIXED_DISCOUNT, cost_points=5, value=10_000), by=owner
    )
    sale = awards.award(till, lan.customer_id, Bill(125_000), staff=cashier).earn
    corrections.adjust(till, lan.customer_id, points=13, reason="paper card", manager=manager)
    customers.set_blocked(till, minh.customer_id, True, manager=manager, reason="shared card")
    clock.advance(minutes=30)
    return {"lan": lan, "minh": minh, "cake": cake, "big": big, "fixed": fixed, "sale": sale}


def refused(
    snapshot: Callable[[], Any],
    error: type[LoyaltyError],
    action: Callable[[], object],
    match: str | None = None,
) -> LoyaltyError:
    before = snapshot()
    with pytest.raises(error, match=match) as err:
        action()
    assert snapshot() == before, "a refused action must change nothing"
    message = str(err.value)
    assert len(message.split()) >= 3 and message.endswith("."), (
        f"not a sentence a cashier can read: {message!r}"
    )
    return err.value


# -- amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "match"),
    [
        (-125_000, "more than zero"),
        (0, "more than zero"),
        (1_000_000_001, "too large"),
        (50_000_000_000, "too large"),
        (125_000.0, "whole number"),
        (12.5, "whole number"),
        (True, "whole number"),
        ("125000", "whole number"),
    ],
)
def test_a_bill_a_cashier_cannot_mean_is_refused(
    till: Till,
    cashier: StaffMember,
    shop: dict[str, Any],
    snapshot: Callable[[], Any],
    amount: object,
    match: str,
) -> None:
    lan = shop["lan"].customer_id
    refused(snapshot, InvalidInput, lambda: awards.award(till, lan, Bill(amount), staff=cashier), match)  # type: ignore[arg-type]
    refused(snapshot, InvalidInput, lambda: awards.preview(till, lan, Bill(amount)), match)  # type: ignore[arg-type]


@pytest.mark.parametrize("bill", [-1, 12.5, True, 1_000_000_001])
def test_a_discount_on_a_bill_that_makes_no_sense_is_refused(
    till: Till, cashier: StaffMember, shop: dict[str, Any], snapshot: Callable[[], Any], bill: object
) -> None:
    lan, fixed = shop["lan"].customer_id, shop["fixed"].id
    refused(
        snapshot,
        InvalidInput,
        lambda: redemption.redeem(till, lan, fixed, staff=cashier, identified=True, bill=bill),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(("points", "stamps"), [(1.5, 0), (True, 0), (0, 0.5), ("5", 0), (0, False)])
def test_an_adjustment_is_whole_points_and_stamps(
    till: Till,
    manager: StaffMember,
    shop: dict[str, Any],
    snapshot: Callable[[], Any],
    points: object,
    stamps: object,
) -> None:
    lan = shop["lan"].customer_id
    refused(
        snapshot,
        InvalidInput,
        lambda: corrections.adjust(till, lan, points=points, stamps=stamps, reason="x", manager=manager),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("refunded", [0, -25_000, 2.5, True])
def test_a_refund_amount_that_makes_no_sense_is_refused(
    till: Till, manager: StaffMember, shop: dict[str, Any], snapshot: Callable[[], Any], refunded: object
) -> None:
    sale = shop["sale"].id
    refused(
        snapshot,
        InvalidInput,
        lambda: corrections.reverse(till, sale, manager=manager, reason="refund", refunded_amount=refunded),  # type: ignore[arg-type]
    )


# -- enrolment --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("", "empty"),
        ("    ", "empty"),
        ("\t\n", "empty"),
        ("Lan\x00Anh", "control characters"),
        ("Lan\x07", "control characters"),
        ("\x1b[31mLan", "control characters"),
        ("Lan\u200bAnh", "control characters"),  # zero-width space: invisible on the receipt
        ("Lan\u202eAnh", "control characters"),  # right-to-left override: a name that reads backwards
        ("A" * 101, "too long"),
    ],
)
def test_a_name_that_cannot_be_printed_on_a_card_is_refused(
    till: Till,
    shop: dict[str, Any],
    enrol: Callable[..., customers.Enrolled],
    snapshot: Callable[[], Any],
    name: str,
    match: str,
) -> None:
    refused(snapshot, InvalidInput, lambda: enrol(name, phone="0903 111 222"), match)


@pytest.mark.parametrize("phone", ["", "12345", "0912 345", "09123456789012", "not a phone", "0912-abc-678"])
def test_a_malformed_phone_is_refused(
    till: Till,
    shop: dict[str, Any],
    enrol: Callable[..., customers.Enrolled],
    snapshot: Callable[[], Any],
    phone: str,
) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match="phone number"):
        customers.enroll(till, name="Lê Thị Mai", phone=phone, staff=None)
    assert snapshot() == before


def test_a_phone_already_on_a_card_is_refused_with_a_readable_message(
    till: Till, shop: dict[str, Any], enrol: Callable[..., customers.Enrolled], snapshot: Callable[[], Any]
) -> None:
    err = refused(snapshot, Duplicate, lambda: enrol("Lan again", phone="+84 912.345.678"))
    assert str(err) == "The phone number 0912 345 678 already belongs to a member."


def test_an_unknown_referral_code_is_refused(
    till: Till, shop: dict[str, Any], enrol: Callable[..., customers.Enrolled], snapshot: Callable[[], Any]
) -> None:
    refused(snapshot, NotFound, lambda: enrol("Mai", phone="0903 111 222", referral_code="NOPE99"), "NOPE99")


# -- spending ---------------------------------------------------------------------------------------


def test_spending_refusals(
    till: Till, cashier: StaffMember, shop: dict[str, Any], snapshot: Callable[[], Any]
) -> None:
    lan, minh = shop["lan"].customer_id, shop["minh"].customer_id
    cake, big = shop["cake"].id, shop["big"].id

    def spend(cid: str, reward: str, identified: bool = True) -> object:
        return redemption.redeem(till, cid, reward, staff=cashier, identified=identified)

    refused(snapshot, NotFound, lambda: spend(lan, "free-lunch"), "no such reward")
    refused(snapshot, NotFound, lambda: spend("nobody", cake))
    refused(snapshot, NotAllowed, lambda: spend(minh, cake), "blocked")
    refused(snapshot, NotAllowed, lambda: spend(lan, cake, identified=False), "scan the customer's card")
    refused(snapshot, InsufficientBalance, lambda: spend(lan, big), "costs 500 điểm; the customer has 25")


def test_earning_for_an_unknown_or_blocked_member_is_refused(
    till: Till, cashier: StaffMember, shop: dict[str, Any], snapshot: Callable[[], Any]
) -> None:
    refused(snapshot, NotFound, lambda: awards.award(till, "nobody", Bill(50_000), staff=cashier))
    refused(
        snapshot,
        NotAllowed,
        lambda: awards.award(till, shop["minh"].customer_id, Bill(50_000), staff=cashier),
    )


# -- corrections ------------------------------------------------------------------------------------


def test_adjusting_without_a_reason_or_a_manager_is_refused(
    till: Till, cashier: StaffMember, manager: StaffMember, shop: dict[str, Any], snapshot: Callable[[], Any]
) -> None:
    lan = shop["lan"].customer_id
    refused(
        snapshot, InvalidInput, lambda: corrections.adjust(till, lan, points=5, reason="", manager=manager)
    )
    refused(
        snapshot,
        PermissionDenied,
        lambda: corrections.adjust(till, lan, points=5, reason="x", manager=cashier),
    )


def test_undoing_after_the_window_needs_the_right_manager_pin(
    till: Till,
    cashier: StaffMember,
    shop: dict[str, Any],
    snapshot: Callable[[], Any],
    staff_pins: dict[str, str],
) -> None:
    refused(snapshot, PermissionDenied, lambda: corrections.undo_last(till, cashier), "manager PIN")
    refused(snapshot, PermissionDenied, lambda: corrections.undo_last(till, cashier, manager_pin="99999999"))
    refused(
        snapshot, PermissionDenied, lambda: corrections.undo_last(till, cashier, manager_pin="1' OR '1'='1")
    )
    refused(
        snapshot,
        PermissionDenied,
        lambda: corrections.undo_last(till, cashier, manager_pin=staff_pins["cashier"]),
    )
