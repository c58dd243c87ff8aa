"""Golden tests per POS over exports written the way the real POS writes them (issue 10).

Sources for each format are in ``realexports.py`` and in each reader's docstring: Square's
transactions/item-details headers from public projects parsing real dashboard exports and
Square's Refunds API (a refund carries the sale's Payment ID); Toast's data export field
reference at doc.toasttab.com (the nightly folder, PaymentDetails' refund and void fields);
the Loyverse receipts / receipts-by-item headers from public importers of real exports
(a refund is a receipt of its own, naming no sale); KiotViet's invoice and return lists.

Each POS: a full refund, a partial refund, a void, a refund days later in another file, one
member's phone (or card number) written two ways in one file, and the non-receipt files dropped
beside the receipts (Toast's nightly folder; Loyverse's "Sales by item" report). Every test
applies the reader's receipts to a real till and checks the ledger a manager would see, and the
notes that say what was ignored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import realexports as rx
from sqlalchemy import select

from app.bootstrap import open_till
from app.core.receipt import ReceiptKind
from app.db.models import LedgerEntryRow
from app.db.models import Receipt as ReceiptRow
from app.services import balances, customers
from app.services.receipts import ApplySummary, apply_receipts
from app.services.till import Till
from pos_bridge.readers.base import ReadResult
from pos_bridge.readers.registry import default_registry

NY = ZoneInfo("America/New_York")


def read(reader: str, files: list[Path], *, tz: str, currency: str, store_id: str) -> ReadResult:
    """What the watcher does with one drop: group the files, read every group of receipts."""
    r = default_registry().get(reader)
    out = ReadResult()
    for group in r.group_files(files):
        if group.not_receipts:
            continue
        got = r.read(list(group.files), store_id=store_id, tz=tz, currency=currency)
        assert got.problems == [], got.problems
        out.receipts += got.receipts
        out.skipped += got.skipped
    return out


def ledger(till: Till) -> list[tuple[str, str | None, int]]:
    with till.transaction() as s:
        rows = s.execute(
            select(LedgerEntryRow.kind, LedgerEntryRow.receipt_id, LedgerEntryRow.points)
            .where(LedgerEntryRow.kind.in_(["earn", "reverse"]))
            .order_by(LedgerEntryRow.terminal_seq)
        ).all()
        return [(k, rid, p) for k, rid, p in rows]


def points(till: Till, customer_id: str) -> int:
    return customers.view(till, customer_id).balance.points


def consistent(till: Till) -> None:
    with till.transaction() as s:
        assert balances.mismatches(s) == []


@pytest.fixture
def us_till(tmp_path: Path) -> Till:
    t = open_till(tmp_path / "us-home", program=rx.us_program(), timezone="America/Los_Angeles")
    t.clock = lambda: datetime(2024, 3, 15, 12, 0, tzinfo=UTC)
    return t


@pytest.fixture
def vn_till(tmp_path: Path) -> Till:
    t = open_till(tmp_path / "vn-home")
    t.clock = lambda: datetime(2024, 3, 15, 5, 0, tzinfo=UTC)
    return t


# ---------------------------------------------------------------- Square


def square_days(folder: Path, card: str) -> tuple[list[Path], list[Path]]:
    """Day 1: three sales to one member, her card number typed two ways; one walk-in sale.
    Day 3, another export: the first sale refunded in full, half of the second refunded."""
    spaced = f"{card[:4]} {card[4:8]} {card[8:]}"
    d1 = datetime(2024, 3, 12, 9, 30)
    day1 = rx.write_square(folder / "d1", "2024-03-12-2024-03-13", [
        rx.square_event(d1, "TXN-A1", "PAY-S1", 1200, card=spaced),
        rx.square_event(d1.replace(hour=11), "TXN-A2", "PAY-S2", 2000, card=card),
        rx.square_event(d1.replace(hour=13), "TXN-A3", "PAY-S3", 800, card=f"{card[:5]}-{card[5:]}"),
        rx.square_event(d1.replace(hour=14), "TXN-A4", "PAY-S4", 950),
    ])  # fmt: skip
    d3 = datetime(2024, 3, 14, 10, 5)
    day3 = rx.write_square(folder / "d3", "2024-03-14-2024-03-15", [
        rx.square_event(d3, "TXN-R1", "PAY-S1", -1200, refund=True, card=card),
        rx.square_event(d3.replace(hour=10, minute=30), "TXN-R2", "PAY-S2", -1000, refund=True, card=card),
    ])  # fmt: skip
    return day1, day3


def test_square_refunds_find_their_sale_by_payment_id_days_later_in_another_file(us_till: Till, tmp_path: Path) -> None:
    maria = customers.enroll(us_till, name="Maria Gonzalez", phone="0912 000 111", staff=None)
    card = customers.view(us_till, maria.customer_id).card_number
    day1, day3 = square_days(tmp_path, card)

    first = read("square", day1, tz="America/Los_Angeles", currency="USD", store_id=us_till.store_id)
    assert [(r.external_id, r.kind) for r in first.receipts] == [
        ("PAY-S1", ReceiptKind.SALE), ("PAY-S2", ReceiptKind.SALE), ("PAY-S3", ReceiptKind.SALE),
        ("PAY-S4", ReceiptKind.SALE),
    ]  # fmt: skip
    # The row's Time Zone column (Eastern) wins over the folder's zone (Pacific): 9:30 EDT.
    assert first.receipts[0].closed_at == datetime(2024, 3, 12, 9, 30, tzinfo=NY).astimezone(UTC)
    summary = apply_receipts(us_till, first.receipts)
    assert (summary.awarded, summary.unclaimed) == (3, 1)  # every spelling of her card number found her

    later = read("square", day3, tz="America/Los_Angeles", currency="USD", store_id=us_till.store_id)
    assert [(r.external_id, r.refund_of, r.total) for r in later.receipts] == [
        ("TXN-R1", "PAY-S1", -1200), ("TXN-R2", "PAY-S2", -1000),
    ]  # fmt: skip
    summary = apply_receipts(us_till, later.receipts)
    assert summary.reversed == 2 and summary.notes == []

    assert ledger(us_till) == [
        ("earn", "PAY-S1", 12), ("earn", "PAY-S2", 20), ("earn", "PAY-S3", 8),
        ("reverse", "PAY-S1", -12), ("reverse", "PAY-S2", -10),
    ]  # fmt: skip
    assert points(us_till, maria.customer_id) == 18
    consistent(us_till)


def test_square_canceled_payment_is_not_a_sale_and_is_said_so(us_till: Till, tmp_path: Path) -> None:
    """Square has no void event: a payment canceled before completion has Transaction Status
    other than Complete. It earns nothing, and the bridge says why."""
    txn, item = rx.square_event(datetime(2024, 3, 12, 9, 0), "TXN-V1", "PAY-V1", 1500)
    txn["Transaction Status"] = "Canceled"
    files = rx.write_square(tmp_path, "2024-03-12-2024-03-13", [(txn, item)])
    result = read("square", files, tz="America/Los_Angeles", currency="USD", store_id=us_till.store_id)
    assert result.receipts == []
    assert len(result.skipped) == 1 and "TXN-V1" in result.skipped[0] and "Canceled" in result.skipped[0]


# ---------------------------------------------------------------- Toast


def toast_nights(root: Path) -> tuple[Path, Path]:
    """Night of 12 March: four orders of one member (her phone written two ways), one voided
    order, one order whose only payment was voided, a walk-in. Night of 14 March: PaymentDetails
    carries the full refund of order 1 and a partial refund of order 2, made that day."""
    d = datetime(2024, 3, 12, 12, 0)
    phone_a, phone_b = "+1 617-555-0142", "+1 (617) 555 0142"
    night1 = rx.toast_night(root / "20240312", [
        dict(order_id="101", number="1", when=d, cents=3000, phone=phone_a, name="Linh Tran"),
        dict(order_id="102", number="2", when=d.replace(hour=13), cents=2000, phone=phone_b, name="Linh Tran"),
        dict(order_id="103", number="3", when=d.replace(hour=14), cents=1500, phone=phone_a, voided=True),
        dict(order_id="104", number="4", when=d.replace(hour=15), cents=1000, phone=phone_a),
        dict(order_id="105", number="5", when=d.replace(hour=16), cents=900),
    ], [
        dict(payment_id="P101", order_id="101", cents=3000, paid_at=d),
        dict(payment_id="P102", order_id="102", cents=2000, paid_at=d.replace(hour=13)),
        dict(payment_id="P104", order_id="104", cents=1000, paid_at=d.replace(hour=15),
             void_at=d.replace(hour=15, minute=20)),
        dict(payment_id="P105", order_id="105", cents=900, paid_at=d.replace(hour=16)),
    ])  # fmt: skip
    d3 = datetime(2024, 3, 14, 18, 0)
    night3 = rx.toast_night(root / "20240314", [
        dict(order_id="301", number="1", when=d3, cents=1200),
    ], [
        dict(payment_id="P301", order_id="301", cents=1200, paid_at=d3),
        dict(payment_id="P101", order_id="101", cents=3000, paid_at=d, refund=3000, refund_at=d3),
        dict(payment_id="P102", order_id="102", cents=2000, paid_at=d.replace(hour=13), refund=500,
             refund_at=d3.replace(hour=19)),
    ])  # fmt: skip
    return night1, night3


def test_toast_refunds_and_voided_payments_from_payment_details(us_till: Till, tmp_path: Path) -> None:
    linh = customers.enroll(us_till, name="Linh Tran", phone="+1 617 555 0142", staff=None)
    night1, night3 = toast_nights(tmp_path)
    files1 = sorted(night1.iterdir())
    # The whole nightly drop: only the four receipt files are read; the rest are "not receipts".
    groups = default_registry().get("toast").group_files(files1)
    assert sorted(p.name for g in groups if g.not_receipts for p in g.files) == sorted(rx.TOAST_NOT_RECEIPTS)

    # The source's zone is New York (the till's program is in Los Angeles): 12:00 EDT is 16:00 UTC.
    first = read("toast", files1, tz="America/New_York", currency="USD", store_id=us_till.store_id)
    assert first.receipts[0].closed_at == datetime(2024, 3, 12, 16, 0, tzinfo=UTC)
    assert [(r.external_id, r.kind, r.refund_of) for r in first.receipts] == [
        ("101", ReceiptKind.SALE, ""), ("102", ReceiptKind.SALE, ""), ("103#void", ReceiptKind.VOID, "103"),
        ("104", ReceiptKind.SALE, ""), ("105", ReceiptKind.SALE, ""), ("104#void", ReceiptKind.VOID, "104"),
    ]  # fmt: skip
    summary = apply_receipts(us_till, first.receipts)
    assert summary.awarded == 3  # 101 and 102: the same phone written two ways
    assert any("103#void" in n and "never seen" in n for n in summary.notes)

    later = read("toast", sorted(night3.iterdir()), tz="America/New_York", currency="USD", store_id=us_till.store_id)
    refunds = [(r.external_id, r.refund_of, r.total) for r in later.receipts if r.kind is ReceiptKind.REFUND]
    assert refunds == [("101#refund-P101", "101", -3000), ("102#refund-P102", "102", -500)]
    apply_receipts(us_till, later.receipts)

    assert ledger(us_till) == [
        ("earn", "101", 30), ("earn", "102", 20), ("earn", "104", 10), ("reverse", "104", -10),
        ("reverse", "101", -30), ("reverse", "102", -5),
    ]  # fmt: skip
    assert points(us_till, linh.customer_id) == 15
    consistent(us_till)


def test_toast_second_partial_refund_of_a_payment_takes_back_only_the_difference(
    us_till: Till, tmp_path: Path
) -> None:
    """PaymentDetails has one Refund Amount per payment: the refunds of that payment *so far*. On
    the 14th P102 was refunded $5.00; on the 16th $3.00 more, and that night's export shows P102 at
    $8.00. The till takes back 3 more points (not 8, and not nothing), and reading either night's
    file again changes nothing."""
    linh = customers.enroll(us_till, name="Linh Tran", phone="+1 617 555 0142", staff=None)
    night1, night3 = toast_nights(tmp_path)
    d, d5 = datetime(2024, 3, 12, 13, 0), datetime(2024, 3, 16, 11, 0)
    night5 = rx.toast_night(tmp_path / "20240316", [
        dict(order_id="501", number="1", when=d5, cents=700),
    ], [
        dict(payment_id="P501", order_id="501", cents=700, paid_at=d5),
        dict(payment_id="P102", order_id="102", cents=2000, paid_at=d, refund=800, refund_at=d5),
    ])  # fmt: skip

    def night(folder: Path) -> list:
        files = sorted(folder.iterdir())
        return read("toast", files, tz="America/New_York", currency="USD", store_id=us_till.store_id).receipts

    apply_receipts(us_till, night(night1))
    apply_receipts(us_till, night(night3))
    assert points(us_till, linh.customer_id) == 15  # 30 + 20 + 10 - 10 (void) - 30 - 5
    fifth = apply_receipts(us_till, night(night5))
    assert fifth.reversed == 1
    assert points(us_till, linh.customer_id) == 12  # 3 more for the $3.00 refunded on the 16th
    assert ledger(us_till)[-1] == ("reverse", "102", -3)
    for folder in (night5, night3):  # a re-read, or an older night after a newer one
        again = apply_receipts(us_till, night(folder))
        assert again.reversed == 0 and again.awarded == 0
    assert points(us_till, linh.customer_id) == 12
    consistent(us_till)


# ---------------------------------------------------------------- Loyverse


def loyverse_days(folder: Path) -> tuple[Path, Path]:
    """Day 1: Lan's receipts, her contacts written two ways; day 3: refunds (receipts of their
    own, naming no sale) and a receipt cancelled in the back office."""
    d1 = datetime(2024, 3, 12, 8, 15)
    lan_a, lan_b = "0912 345 678, lan@example.com", "+84 912 345 678"
    rx.write_loyverse(folder / "d1", "2024-03-12-2024-03-12", [
        rx.loyverse_receipt(d1, "1-1001", 125_000, contacts=lan_a, name="Lan", item="Cà phê sữa đá"),
        rx.loyverse_receipt(d1.replace(hour=9), "1-1002", 50_000, contacts=lan_b, name="Lan", item="Bạc xỉu",
                            qty=2),
        rx.loyverse_receipt(d1.replace(hour=10), "1-1003", 35_000, contacts=lan_a, name="Lan", item="Trà đào"),
        rx.loyverse_receipt(d1.replace(hour=11), "1-1004", 40_000, contacts=lan_b, name="Lan", item="Bánh mì"),
        rx.loyverse_receipt(d1.replace(hour=12), "1-1005", 35_000, contacts=lan_a, name="Lan", item="Trà đào"),
    ])  # fmt: skip
    d3 = datetime(2024, 3, 14, 16, 0)
    rx.write_loyverse(folder / "d3", "2024-03-14-2024-03-14", [
        rx.loyverse_receipt(d3, "1-1010", 125_000, refund=True, contacts=lan_a, name="Lan", item="Cà phê sữa đá"),
        rx.loyverse_receipt(d3.replace(minute=5), "1-1011", 25_000, refund=True, contacts=lan_a, name="Lan",
                            item="Bạc xỉu"),
        rx.loyverse_receipt(d3.replace(minute=10), "1-1012", 35_000, refund=True, contacts=lan_b, name="Lan",
                            item="Trà đào"),
        rx.loyverse_receipt(d1.replace(hour=11), "1-1004", 40_000, contacts=lan_b, name="Lan", item="Bánh mì",
                            cancelled=True),
    ])  # fmt: skip
    return folder / "d1", folder / "d3"


def test_loyverse_refunds_are_matched_to_their_sale_and_ambiguity_is_said(vn_till: Till, tmp_path: Path) -> None:
    lan = customers.enroll(vn_till, name="Lan", phone="0912 345 678", staff=None)
    d1, d3 = loyverse_days(tmp_path)
    kw = dict(tz="Asia/Ho_Chi_Minh", currency="VND", store_id=vn_till.store_id)
    # The day's folder also holds the "Sales by item" report: recognised as not receipts, set aside.
    report = "item-sales-summary-2024-03-12-2024-03-12.csv"
    groups = default_registry().get("loyverse").group_files(sorted(d1.iterdir()))
    assert [p.name for g in groups if g.not_receipts for p in g.files] == [report]
    assert default_registry().sniff(d1 / report).name == "loyverse"  # a folder read by sniffing too
    first = read("loyverse", sorted(d1.iterdir()), **kw)
    summary = apply_receipts(vn_till, first.receipts)
    assert summary.awarded == 5  # both spellings of Lan's phone

    later = read("loyverse", sorted(d3.iterdir()), **kw)
    assert [(r.external_id, r.kind, r.refund_of) for r in later.receipts] == [
        ("1-1010", ReceiptKind.REFUND, ""), ("1-1011", ReceiptKind.REFUND, ""),
        ("1-1012", ReceiptKind.REFUND, ""), ("1-1004#void", ReceiptKind.VOID, "1-1004"),
    ]  # fmt: skip
    summary = apply_receipts(vn_till, later.receipts)
    assert summary.reversed == 4
    # Two sales of Trà đào for 35,000 fit the third refund: the most recent is taken, and said so.
    (note,) = summary.notes
    assert "1-1012" in note and "1-1005" in note and "1-1003" in note

    assert ledger(vn_till) == [
        ("earn", "1-1001", 12), ("earn", "1-1002", 5), ("earn", "1-1003", 3), ("earn", "1-1004", 4),
        ("earn", "1-1005", 3), ("reverse", "1-1004", -4), ("reverse", "1-1001", -12),
        ("reverse", "1-1002", -3), ("reverse", "1-1005", -3),
    ]  # fmt: skip
    with vn_till.transaction() as s:
        links = dict(s.execute(select(ReceiptRow.external_id, ReceiptRow.refund_of)
                               .where(ReceiptRow.kind == "refund")).all())  # fmt: skip
    assert links == {"1-1010": "1-1001", "1-1011": "1-1002", "1-1012": "1-1005"}
    assert points(vn_till, lan.customer_id) == 12 + 5 + 3 + 4 + 3 - 12 - 3 - 3 - 4
    consistent(vn_till)


def test_loyverse_refund_with_no_fitting_sale_takes_nothing_and_says_so(vn_till: Till, tmp_path: Path) -> None:
    customers.enroll(vn_till, name="Lan", phone="0912 345 678", staff=None)
    rx.write_loyverse(tmp_path / "x", "2024-03-14-2024-03-14", [
        rx.loyverse_receipt(datetime(2024, 3, 14, 9, 0), "1-2001", 99_000, refund=True, contacts="0912345678"),
    ])  # fmt: skip
    result = read("loyverse", sorted((tmp_path / "x").iterdir()), tz="Asia/Ho_Chi_Minh", currency="VND",
                  store_id=vn_till.store_id)  # fmt: skip
    summary: ApplySummary = apply_receipts(vn_till, result.receipts)
    assert summary.reversed == 0 and ledger(vn_till) == []
    (note,) = summary.notes
    assert note.startswith("Refund 1-2001: no sale") and "nothing was taken back" in note


# ---------------------------------------------------------------- KiotViet


def kiotviet_days(folder: Path) -> tuple[Path, Path]:
    """Day 1 invoice list: Lan's invoices (her phone written two ways), a cancelled invoice, and an
    exchange (an invoice with "Mã trả hàng" filled: a new sale). Day 3 return list: the exchange's
    return (part of HD000001) and the full return of HD000002."""
    d1 = datetime(2024, 3, 12, 8, 0)
    invoices = rx.write_kiotviet(folder / "DanhSachChiTietHoaDon_KV12032024-213045-118.csv", rx.KIOTVIET_INVOICES, [
        rx.kiotviet_invoice("HD000001", d1, 125_000, phone="0912 345 678", name="Nguyễn Thị Lan"),
        rx.kiotviet_invoice("HD000002", d1.replace(hour=9), 60_000, phone="84912345678", name="Nguyễn Thị Lan"),
        rx.kiotviet_invoice("HD000003", d1.replace(hour=10), 40_000, phone="0912345678", status="Đã hủy"),
        rx.kiotviet_invoice("HD000004", d1.replace(hour=11), 45_000, phone="0912.345.678", name="Nguyễn Thị Lan",
                            exchange_of="TH000001"),
    ])  # fmt: skip
    d3 = datetime(2024, 3, 14, 9, 0)
    returns = rx.write_kiotviet(folder / "DanhSachChiTietTraHang_KV14032024-093012-402.csv", rx.KIOTVIET_RETURNS, [
        rx.kiotviet_return("TH000001", "HD000001", d1.replace(hour=11), 35_000, phone="0912345678"),
        rx.kiotviet_return("TH000002", "HD000002", d3, 60_000, phone="0912345678"),
    ])  # fmt: skip
    return invoices, returns


def test_kiotviet_exchange_is_a_sale_and_its_return_comes_from_the_return_list(vn_till: Till, tmp_path: Path) -> None:
    lan = customers.enroll(vn_till, name="Nguyễn Thị Lan", phone="0912 345 678", staff=None)
    invoices, returns = kiotviet_days(tmp_path)
    kw = dict(tz="Asia/Ho_Chi_Minh", currency="VND", store_id=vn_till.store_id)
    first = read("kiotviet", [invoices], **kw)
    assert [(r.external_id, r.kind) for r in first.receipts] == [
        ("HD000001", ReceiptKind.SALE), ("HD000002", ReceiptKind.SALE), ("HD000003#void", ReceiptKind.VOID),
        ("HD000004", ReceiptKind.SALE),
    ]  # fmt: skip
    summary = apply_receipts(vn_till, first.receipts)
    assert summary.awarded == 3
    assert any("HD000003#void" in n for n in summary.notes)

    later = read("kiotviet", [returns], **kw)
    assert [(r.external_id, r.kind, r.refund_of) for r in later.receipts] == [
        ("TH000001", ReceiptKind.REFUND, "HD000001"), ("TH000002", ReceiptKind.REFUND, "HD000002"),
    ]  # fmt: skip
    summary = apply_receipts(vn_till, later.receipts)
    assert (summary.reversed, summary.duplicates) == (2, 0)  # the real return is not "already seen"

    assert ledger(vn_till) == [
        ("earn", "HD000001", 12), ("earn", "HD000002", 6), ("earn", "HD000004", 4),
        ("reverse", "HD000001", -4), ("reverse", "HD000002", -6),
    ]  # fmt: skip
    assert points(vn_till, lan.customer_id) == 12
    consistent(vn_till)
