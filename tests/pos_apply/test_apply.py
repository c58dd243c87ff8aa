"""POS receipts become loyalty transactions once each, on a real till database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_till
from app.core.errors import NotAllowed
from app.core.program import StampMode, StampRule
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from app.db.models import LedgerEntryRow
from app.db.models import Receipt as ReceiptRow
from app.services import balances, catalog, customers
from app.services.receipts import apply_receipts, claim, expire_unclaimed, unclaimed
from app.services.till import Till

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)  # 11:00 in Hà Nội, a Monday


@pytest.fixture
def till(tmp_path: Path) -> Till:
    t = open_till(tmp_path / "home")
    t.clock = lambda: NOW
    return t


@pytest.fixture
def member(till: Till) -> customers.Enrolled:
    return customers.enroll(till, name="Nguyễn Thị Ánh", phone="0912 345 678", staff=None)


def sale(till: Till, number: str, total: int, **kw: object) -> Receipt:
    return Receipt(source="kiotviet", external_id=number, store_id=till.store_id, closed_at=NOW, total=total, **kw)


def points(till: Till, customer_id: str) -> tuple[int, int]:
    v = customers.view(till, customer_id)
    return v.balance.points, v.balance.stamps


def ledger_count(till: Till) -> int:
    with till.transaction() as s:
        return s.scalar(select(func.count()).select_from(LedgerEntryRow))


def test_sale_naming_the_members_phone_earns_at_once(till: Till, member: customers.Enrolled) -> None:
    summary = apply_receipts(till, [sale(till, "HD000123", 125_000, customer_phone="0912.345.678")])
    assert (summary.awarded, summary.unclaimed) == (1, 0)
    assert points(till, member.customer_id) == (12, 3)  # 12 points; 2 starter stamps + 1


def test_sale_naming_the_card_number_earns(till: Till, member: customers.Enrolled) -> None:
    apply_receipts(till, [sale(till, "HD1", 50_000, customer_card=member.card_number)])
    assert points(till, member.customer_id) == (5, 3)


def test_the_same_export_read_twice_awards_once(till: Till, member: customers.Enrolled) -> None:
    batch = [sale(till, "HD1", 125_000, customer_phone="0912345678"), sale(till, "HD2", 40_000)]
    apply_receipts(till, batch)
    before = ledger_count(till)
    again = apply_receipts(till, batch)
    assert again.duplicates == 2 and again.awarded == 0
    assert ledger_count(till) == before
    assert points(till, member.customer_id) == (12, 3)


def test_tips_never_earn(till: Till, member: customers.Enrolled) -> None:
    apply_receipts(till, [sale(till, "HD1", 230_000, tip=30_000, customer_phone="0912345678")])
    assert points(till, member.customer_id)[0] == 20


def test_void_takes_back_everything_the_sale_earned_even_days_later(till: Till, member: customers.Enrolled) -> None:
    apply_receipts(till, [sale(till, "HD1", 125_000, customer_phone="0912345678")])
    till.clock = lambda: NOW + timedelta(days=3)
    void = sale(till, "HD1#void", 125_000, kind=ReceiptKind.VOID, refund_of="HD1")
    assert apply_receipts(till, [void]).reversed == 1
    v = customers.view(till, member.customer_id)
    assert (v.balance.points, v.balance.stamps, v.balance.visits) == (0, 2, 0)


def test_partial_refund_takes_back_points_in_proportion(till: Till, member: customers.Enrolled) -> None:
    apply_receipts(till, [sale(till, "HD1", 200_000, customer_phone="0912345678")])  # 20 points
    refund = sale(till, "TH1", -50_000, kind=ReceiptKind.REFUND, refund_of="HD1")
    apply_receipts(till, [refund])
    assert points(till, member.customer_id) == (15, 3)  # a quarter back; the visit keeps its stamp
    second = sale(till, "TH2", -150_000, kind=ReceiptKind.REFUND, refund_of="HD1")
    apply_receipts(till, [second])
    assert points(till, member.customer_id) == (0, 2)  # all refunded: the stamp goes too


def test_refund_in_the_same_file_as_its_sale(till: Till, member: customers.Enrolled) -> None:
    refund = sale(till, "TH1", -125_000, kind=ReceiptKind.REFUND, refund_of="HD1")
    apply_receipts(till, [refund, sale(till, "HD1", 125_000, customer_phone="0912345678")])
    assert points(till, member.customer_id) == (0, 2)


def test_unclaimed_sale_waits_and_the_cashier_attaches_it(till: Till, member: customers.Enrolled) -> None:
    summary = apply_receipts(till, [sale(till, "HD9", 90_000)])
    assert summary.unclaimed == 1
    waiting = unclaimed(till)
    assert [w.external_id for w in waiting] == ["HD9"]
    claim(till, member.customer_id, receipt_id=waiting[0].id, staff=None)
    assert points(till, member.customer_id) == (9, 3)
    assert unclaimed(till) == []
    with pytest.raises(NotAllowed, match="already earned"):
        claim(till, member.customer_id, receipt_number="HD9", staff=None)


def test_claim_by_receipt_number_only_within_the_window(till: Till, member: customers.Enrolled) -> None:
    apply_receipts(till, [sale(till, "HD9", 90_000)])
    till.clock = lambda: NOW + timedelta(days=8)
    with pytest.raises(NotAllowed, match="no longer be claimed"):
        claim(till, member.customer_id, receipt_number="HD9", staff=None)
    assert expire_unclaimed(till) == 1
    with till.transaction() as s:  # still counted for the member vs non-member report
        assert s.scalar(select(ReceiptRow.state).where(ReceiptRow.external_id == "HD9")) == "expired"


def test_blocked_member_receipt_stays_unclaimed_with_a_note(till: Till, member: customers.Enrolled) -> None:
    from app.services.staff import StaffMember

    boss = StaffMember("m1", "Boss", "owner")
    customers.set_blocked(till, member.customer_id, True, manager=boss, reason="shared card")
    summary = apply_receipts(till, [sale(till, "HD1", 100_000, customer_phone="0912345678")])
    assert summary.unclaimed == 1 and "blocked" in summary.notes[0]
    assert points(till, member.customer_id) == (0, 2)


def test_item_stamp_rule_uses_the_receipt_lines(till: Till, member: customers.Enrolled) -> None:
    program = replace(till.program(), stamp_rule=StampRule(StampMode.ITEM, categories=frozenset({"Coffee"})))
    catalog.publish_program(till, program, by=None)
    lines = (
        ReceiptLine("Cà phê sữa đá", 2, 29_000, category="Coffee"),
        ReceiptLine("Bánh mì", 1, 25_000, category="Food"),
        ReceiptLine("Cà phê đen (quà)", 1, 0, category="Coffee", is_reward=True),
    )
    apply_receipts(till, [sale(till, "HD1", 83_000, lines=lines, customer_phone="0912345678")])
    assert points(till, member.customer_id) == (8, 4)  # two coffees bought = two stamps; the free one none


def test_balances_rebuild_after_a_mixed_day(till: Till, member: customers.Enrolled) -> None:
    batch = [sale(till, f"HD{i}", 35_000 + i * 10_000, customer_phone="0912345678" if i % 2 else "") for i in range(30)]
    batch += [
        sale(till, "TH3", -20_000, kind=ReceiptKind.REFUND, refund_of="HD3"),
        sale(till, "HD5#void", 85_000, kind=ReceiptKind.VOID, refund_of="HD5"),
    ]
    apply_receipts(till, batch)
    with till.transaction() as s:
        assert balances.mismatches(s) == []
        balances.verify_terminal_chain(s, till.terminal_id)


def test_a_receipt_another_till_also_earned_offline_is_stored_and_not_earned_again(
    till: Till, member: customers.Enrolled
) -> None:
    """Two tills offline may both award one receipt: the server flags it, and this till must
    still store the other till's entry so both show the same balance; it never earns it itself."""
    from app.core.earning import Bill
    from app.core.errors import Duplicate
    from app.core.ids import new_id
    from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry
    from app.services import awards, ledger_writer
    from app.services.awards import ReceiptRef

    apply_receipts(till, [sale(till, "HD7", 100_000, customer_phone="0912345678")])
    other = LedgerEntry(
        id=new_id(),
        terminal_id="other-till",
        store_id=till.store_id,
        terminal_seq=1,
        customer_id=member.customer_id,
        kind=EntryKind.EARN,
        created_at=NOW,
        points=10,
        stamps=1,
        qualifying=10,
        amount=100_000,
        receipt_source="kiotviet",
        receipt_id="HD7",
    ).sealed(GENESIS_HASH)
    with till.transaction() as s:
        ledger_writer.store(s, other)
    assert points(till, member.customer_id) == (20, 4)  # the same as the server will show (and flag)
    with pytest.raises(Duplicate):
        awards.award(till, member.customer_id, Bill(paid=100_000), staff=None, receipt=ReceiptRef("kiotviet", "HD7"))
