"""What a visit is, what it releases, and what the manager is told (issue 11, the service side).

- A sale that earns nothing is not a visit, unless the program counts every sale.
- A visit that released bonuses (both sides of a referral, the birthday bonus) takes them back
  whichever way it is cancelled: the POS's void or full refund, a manager's reversal, the till's undo.
- A cashier earning on her own phone, and a member earning too often in a day, are flagged for the
  manager; the sale goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import pytest

from app.core.earning import Bill
from app.core.ledger import Balance
from app.core.lifecycle import Birthday
from app.core.program import Program
from app.core.receipt import Receipt, ReceiptKind
from app.services import awards, corrections, customers, health, receipts, staff_admin
from app.services.staff import StaffMember
from app.services.till import Till

Enrol = Callable[..., customers.Enrolled]
RELEASING = {"referral_referrer_points": 20, "referral_new_points": 10, "birthday_points": 50}


# -- a sale that earns nothing ---------------------------------------------------------------------------


def test_a_sale_that_earns_nothing_is_not_a_visit(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    tiny = awards.award(till, member.customer_id, Bill(8_000), staff=cashier)  # below 10.000 ₫: nothing earned
    assert (tiny.points, tiny.stamps) == (0, 0)
    b = balance_of(member.customer_id)
    assert (b.visits, b.last_visit_at, b.lifetime_spend) == (0, None, 8_000)  # the spend is still recorded
    clock.advance(minutes=20)
    awards.award(till, member.customer_id, Bill(40_000), staff=cashier)
    b = balance_of(member.customer_id)
    assert (b.visits, b.last_visit_at) == (1, clock())
    corrections.reverse(till, tiny.earn.id, manager=_manager(till), reason="typed by mistake")
    assert balance_of(member.customer_id).visits == 1  # voiding a sale that was no visit takes no visit away
    ledger_is_sound()  # the cache equals the ledger's fold: the marker is in the entry


def test_the_program_can_count_every_sale_as_a_visit(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
) -> None:
    set_program(zero_earn_is_visit=True)
    awards.award(till, member.customer_id, Bill(8_000), staff=cashier)
    assert balance_of(member.customer_id).visits == 1
    ledger_is_sound()


def test_a_sale_that_earns_nothing_does_not_release_the_birthday_bonus(
    till: Till, cashier: StaffMember, enrol: Enrol, set_program: Callable[..., Program]
) -> None:
    set_program(birthday_points=50)
    lan = enrol("Lan", birthday=Birthday(26, 11, 1990))  # this week
    assert awards.award(till, lan.customer_id, Bill(5_000), staff=cashier).extras == []
    assert [e.reason for e in awards.award(till, lan.customer_id, Bill(40_000), staff=cashier).extras] == [
        "birthday: 2026"
    ]


def test_imported_sales_that_earn_nothing_are_not_visits_either(
    till: Till, member: customers.Enrolled, balance_of: Callable[[str], Balance], clock: Any
) -> None:
    summary = receipts.apply_receipts(till, [_sale(till, "T-1", 6_000, phone="0912 345 678", at=clock())])
    assert summary.awarded == 1
    assert balance_of(member.customer_id).visits == 0


# -- every reversal of a releasing visit takes back what it released ------------------------------------


@dataclass
class Releasing:
    """Lan referred Minh; Minh's first purchase, in his birthday week, released both sides and the birthday."""

    lan: customers.Enrolled
    minh: customers.Enrolled
    earn_id: str


@pytest.fixture
def releasing(till: Till, enrol: Enrol, set_program: Callable[..., Program]) -> Callable[[str], Releasing]:
    set_program(**RELEASING)
    lan = enrol("Lan", phone="0912 111 111")
    minh = enrol("Minh", phone="0912 222 222", referral_code=lan.referral_code, birthday=Birthday(26, 11, 1990))

    def first_purchase(how: str) -> Releasing:
        till.clock.advance(minutes=5)  # type: ignore[attr-defined]  # not the enrolment's moment: undo takes one action
        if how == "pos":
            receipts.apply_receipts(till, [_sale(till, "S-1", 50_000, phone="0912 222 222", at=till.clock())])
            earn_id = _receipt_entry(till, "S-1")
        else:
            earn_id = awards.award(till, minh.customer_id, Bill(50_000), staff=_cashier(till)).earn.id
        return Releasing(lan, minh, earn_id)

    return first_purchase


def _released(balance_of: Callable[[str], Balance], r: Releasing) -> tuple[int, int]:
    return balance_of(r.lan.customer_id).points, balance_of(r.minh.customer_id).points


@pytest.mark.parametrize("kind", [ReceiptKind.VOID, ReceiptKind.REFUND])
def test_a_pos_void_or_full_refund_takes_back_the_referral_and_the_birthday_bonus(
    till: Till,
    releasing: Callable[[str], Releasing],
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
    kind: ReceiptKind,
) -> None:
    r = releasing("pos")
    assert _released(balance_of, r) == (20, 5 + 10 + 50)
    clock.advance(days=1)
    total = 0 if kind is ReceiptKind.VOID else -50_000
    cancel = _sale(till, "C-1", total, phone="0912 222 222", at=clock(), kind=kind, refund_of="S-1")
    assert receipts.apply_receipts(till, [cancel]).reversed == 1
    assert _released(balance_of, r) == (0, 0)
    b = balance_of(r.minh.customer_id)
    assert (b.stamps, b.visits) == (2, 0)  # back to the starter stamps, no visit
    ledger_is_sound()
    _next_real_purchase_pays_again(till, r, balance_of, clock)


def test_a_partial_refund_keeps_the_visit_and_what_it_released(
    till: Till, releasing: Callable[[str], Releasing], balance_of: Callable[[str], Balance], clock: Any
) -> None:
    r = releasing("pos")
    clock.advance(hours=3)
    part = _sale(till, "C-2", -20_000, phone="0912 222 222", at=clock(), kind=ReceiptKind.REFUND, refund_of="S-1")
    receipts.apply_receipts(till, [part])
    assert _released(balance_of, r) == (20, 3 + 10 + 50)  # 2 of the 5 points went back with the 20.000 ₫


def test_a_managers_reversal_takes_back_the_referral_and_the_birthday_bonus(
    till: Till,
    releasing: Callable[[str], Releasing],
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    r = releasing("till")
    clock.advance(hours=2)
    corrections.reverse(till, r.earn_id, manager=_manager(till), reason="paid on the wrong card")
    assert _released(balance_of, r) == (0, 0)
    ledger_is_sound()
    _next_real_purchase_pays_again(till, r, balance_of, clock)


def test_the_tills_undo_takes_back_the_referral_and_the_birthday_bonus(
    till: Till,
    releasing: Callable[[str], Releasing],
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    r = releasing("till")
    clock.advance(seconds=30)
    undone = corrections.undo_last(till, _cashier(till))
    assert len(undone) == 4  # the sale, both sides of the referral, the birthday: each once
    assert _released(balance_of, r) == (0, 0)
    ledger_is_sound()
    _next_real_purchase_pays_again(till, r, balance_of, clock)


def test_reversing_one_sale_of_a_bulk_import_takes_back_only_what_that_sale_released(
    till: Till, releasing: Callable[[str], Releasing], balance_of: Callable[[str], Balance], clock: Any
) -> None:
    """A POS export awards many sales at one moment: the released bonuses are found by the chain, not the time."""
    r = releasing("till")  # Minh's first purchase released everything
    clock.advance(hours=1)
    later = [_sale(till, f"S-{i}", 40_000, phone="0912 222 222", at=clock()) for i in (2, 3)]
    receipts.apply_receipts(till, later)
    clock.advance(hours=1)
    void = _sale(till, "V-3", 0, phone="0912 222 222", at=clock(), kind=ReceiptKind.VOID, refund_of="S-3")
    receipts.apply_receipts(till, [void])
    assert _released(balance_of, r) == (20, 5 + 10 + 50 + 4)


def test_a_void_of_the_sale_that_made_a_member_gold_takes_gold_back(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    clock.advance(minutes=5)
    big = awards.award(till, member.customer_id, Bill(3_100_000), staff=cashier)  # 310 points: Gold at once
    assert big.new_tier == "Gold"
    clock.advance(days=1)
    corrections.reverse(till, big.earn.id, manager=manager, reason="wrong amount typed")
    assert balance_of(member.customer_id).tier is None  # back to the base tier
    ledger_is_sound()


def test_a_member_whose_later_sales_keep_her_gold_stays_gold_after_a_void(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    clock.advance(minutes=5)
    first = awards.award(till, member.customer_id, Bill(1_000_000), staff=cashier)  # 100 points
    clock.advance(hours=1)
    big = awards.award(till, member.customer_id, Bill(2_500_000), staff=cashier)  # 350: Gold
    assert big.new_tier == "Gold"
    clock.advance(days=2)  # Wednesday: no double points
    awards.award(till, member.customer_id, Bill(2_500_000), staff=cashier)  # 250 more at 1.5×: 375
    corrections.reverse(till, first.earn.id, manager=manager, reason="wrong card")
    corrections.reverse(till, big.earn.id, manager=manager, reason="wrong card")
    assert balance_of(member.customer_id).tier == "Gold"  # 375 qualifying points still reach 300


def _next_real_purchase_pays_again(
    till: Till, r: Releasing, balance_of: Callable[[str], Balance], clock: Any
) -> None:
    clock.advance(hours=1)
    again = awards.award(till, r.minh.customer_id, Bill(50_000), staff=_cashier(till))
    assert sorted(e.reason for e in again.extras) == [
        "birthday: 2026",
        f"referral: {r.minh.customer_id}",
        "referral: welcome",
    ]
    assert again.points == again.earn.points + 10 + 50
    assert _released(balance_of, r) == (20, again.points)


# -- flags for the manager --------------------------------------------------------------------------------


def test_a_cashier_earning_on_her_own_phone_is_flagged_and_the_sale_goes_through(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    enrol: Enrol,
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    own = enrol("Em Lan", phone="0987 654 321")
    other = enrol("Khách Hàng", phone="0987 000 111")
    staff_admin.set_phone(till, cashier.id, "+84 987 654 321", by=manager)
    assert awards.award(till, own.customer_id, Bill(40_000), staff=cashier).points == 4
    assert balance_of(own.customer_id).points == 4  # the sale went through
    awards.award(till, other.customer_id, Bill(40_000), staff=cashier)  # someone else's card: no flag
    clock.advance(minutes=5)
    awards.award(till, own.customer_id, Bill(40_000), staff=manager)  # the manager's sale on it: no flag
    flags = [(f.kind, f.customer) for f in health.open_flags(till)]
    assert flags == [("self_earn", "Em Lan")]
    (flag,) = health.open_flags(till)
    assert flag.message == "Em Lan (cashier) earned on Em Lan, whose phone is Em Lan (cashier)'s own."


def test_only_a_manager_sets_a_staff_phone_and_it_is_checked(
    till: Till, cashier: StaffMember, manager: StaffMember
) -> None:
    from app.core.errors import InvalidInput, PermissionDenied

    with pytest.raises(PermissionDenied):
        staff_admin.set_phone(till, cashier.id, "0987 654 321", by=cashier)
    with pytest.raises(InvalidInput):
        staff_admin.set_phone(till, cashier.id, "12345", by=manager)
    info = staff_admin.set_phone(till, cashier.id, "0987 654 321", by=manager)
    assert info.phone == "+84987654321"
    assert staff_admin.set_phone(till, cashier.id, "", by=manager).phone is None


def test_a_member_earning_more_than_n_times_a_day_is_flagged_once(
    till: Till,
    cashier: StaffMember,
    member: customers.Enrolled,
    set_program: Callable[..., Program],
    balance_of: Callable[[str], Balance],
    clock: Any,
) -> None:
    set_program(earns_per_day_flag=3)
    for _ in range(5):
        awards.award(till, member.customer_id, Bill(40_000), staff=cashier)
        clock.advance(minutes=10)
    assert balance_of(member.customer_id).points == 5 * 4  # every sale went through
    assert [(f.kind, f.message) for f in health.open_flags(till)] == [
        ("earns_per_day", "Nguyễn Thị Lan earned more than 3 times today.")
    ]
    clock.advance(days=1)  # a new day starts a new count
    for _ in range(3):
        awards.award(till, member.customer_id, Bill(40_000), staff=cashier)
        clock.advance(minutes=10)
    assert len(health.open_flags(till)) == 1


def test_pos_imports_flag_a_member_earning_too_often_too(
    till: Till, member: customers.Enrolled, set_program: Callable[..., Program], clock: Any
) -> None:
    set_program(earns_per_day_flag=2)
    sales = [_sale(till, f"P-{i}", 40_000, phone="0912 345 678", at=clock()) for i in range(4)]
    assert receipts.apply_receipts(till, sales).awarded == 4
    assert [f.kind for f in health.open_flags(till)] == ["earns_per_day"]


# -- helpers -----------------------------------------------------------------------------------------------


def _sale(till: Till, number: str, total: int, *, phone: str, at: Any, **kw: Any) -> Receipt:
    return Receipt(
        source="kiotviet",
        external_id=number,
        store_id=till.store_id,
        closed_at=at.astimezone(UTC),
        total=total,
        customer_phone=phone,
        **kw,
    )


def _receipt_entry(till: Till, number: str) -> str:
    from sqlalchemy import select

    from app.db.models import Receipt as ReceiptRow

    with till.transaction() as s:
        entry = s.scalar(select(ReceiptRow.ledger_entry_id).where(ReceiptRow.external_id == number))
    assert entry is not None
    return entry


def _staff(till: Till, role: str) -> StaffMember:
    info = next(i for i in staff_admin.list_staff(till) if i.role == role)
    return StaffMember(info.id, info.name, info.role)


def _cashier(till: Till) -> StaffMember:
    return _staff(till, "cashier")


def _manager(till: Till) -> StaffMember:
    return _staff(till, "manager")
