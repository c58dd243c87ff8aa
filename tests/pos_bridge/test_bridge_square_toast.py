"""Golden tests: Square and Toast exports (US POS: $ amounts, month-first dates, cp1252/UTF-16).

The fixtures (``fixtures/make_fixtures.py``) follow the real formats, their column lists shared with
the end-to-end tests in ``tests/pos_export_headers.py``. Sources, as in each reader's docstring:

* Square — the Seller Dashboard's transactions and item details CSVs as quoted verbatim by public
  projects parsing real exports (a Square-to-ERP integration's ``CsvExamples``; export-to-spreadsheet
  scripts quoting a 2022 header and row: ``2022-11-10,21:50:48,Pacific Time (US & Canada),$22.50,…``);
  a public sample item-details export whose refund row has its own Transaction ID and ``-$45.00``;
  Square's Refunds API (a refund's ``payment_id`` is the sale's payment).
* Toast — Toast's "Data export field reference" (doc.toasttab.com): OrderDetails, CheckDetails,
  ItemSelectionDetails, PaymentDetails (Refunded, Refund Date, Refund Amount, Refund Tip Amount,
  Void Date, Status) and the nightly drop's other files.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.square import SquareReader
from pos_bridge.readers.toast import ToastReader

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SQUARE = FIXTURES / "square"
TOAST = FIXTURES / "toast" / "20240312"
T4 = "Rf4dE8wQ2aZ6xC0vB3nM7kL1jH5gY"  # the refund's own Transaction ID
# A Square sale is known by its Payment ID: the refund names it, even in another export.
P1, P2, P3 = "pZ8rW2tY5uI9oP1aS3dF6gH0jKqB", "rT5yU7iO9pA2sD4fG6hJ8kL1zXcV", "fG6hJ9kL2zX5cV8bN1mQ4wE7rTyU"


def square_expected(with_lines: bool) -> list[Receipt]:
    def lines(*items: ReceiptLine) -> tuple[ReceiptLine, ...]:
        return items if with_lines else ()

    maria = dict(customer_name="Maria Gonzalez", customer_card="LT-000123-4")
    return [
        Receipt(
            "square", P1, "mission", datetime(2024, 3, 12, 15, 5, 13, tzinfo=UTC), total=1186, subtotal=950,
            tax=86, tip=150, currency="USD", **maria,
            lines=lines(ReceiptLine("Latte", 2, 475, sku="LAT-12", category="Coffee")),
        ),
        Receipt(
            "square", P2, "mission", datetime(2024, 3, 12, 16, 41, 2, tzinfo=UTC), total=927, subtotal=950,
            discount=100, tax=77, currency="USD",
            lines=lines(
                ReceiptLine("Americano", 1, 350, sku="AME-12", category="Coffee", discount=37),
                ReceiptLine("Crème brûlée", 1, 600, sku="CRB-01", category="Dessert", discount=63),
            ),
        ),
        Receipt(
            "square", T4, "mission", datetime(2024, 3, 12, 17, 20, 45, tzinfo=UTC),
            total=-518, subtotal=-475, tax=-43, currency="USD", kind=ReceiptKind.REFUND, refund_of=P1, **maria,
            lines=lines(ReceiptLine("Latte", -1, 475, sku="LAT-12", category="Coffee")),
        ),
        Receipt(
            "square", P3, "mission", datetime(2024, 3, 13, 0, 58, 30, tzinfo=UTC), total=963, subtotal=700,
            tax=63, tip=200, currency="USD", customer_name="Tom Nguyen",
            lines=lines(
                ReceiptLine("Drip Coffee (Large)", 1, 325, sku="DRP-16", category="Coffee"),
                ReceiptLine("Chocolate Chip Cookie", 3, 125, sku="CK-01", category="Bakery"),
            ),
        ),
    ]  # fmt: skip


US = dict(store_id="mission", tz="America/Los_Angeles", currency="USD")


def test_square_transactions_joined_with_item_details() -> None:
    reader = SquareReader()
    (group,) = reader.group_files(sorted(SQUARE.iterdir()))
    assert group.complete
    result = reader.read(list(group.files), **US)
    assert result.problems == [] and result.skipped == []
    assert result.receipts == square_expected(with_lines=True)


def test_square_transactions_alone_give_receipts_without_lines() -> None:
    result = SquareReader().read(SQUARE / "transactions-2024-03-12-2024-03-13.csv", **US)
    assert result.receipts == square_expected(with_lines=False)


def test_square_items_without_transactions_wait_then_are_refused() -> None:
    reader = SquareReader()
    items = SQUARE / "items-2024-03-12-2024-03-13.csv"
    (group,) = reader.group_files([items])
    assert group.missing == ("transactions-….csv",) and not group.readable_as_is
    with pytest.raises(ReaderError, match="without the transactions file"):
        reader.read(items, **US)


def test_square_item_row_with_bad_amount_drops_its_whole_receipt(tmp_path: Path) -> None:
    for f in SQUARE.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    items = tmp_path / "items-2024-03-12-2024-03-13.csv"
    items.write_bytes(items.read_bytes().replace(b'"$3.75"', b'"$3.7.5"'))
    result = SquareReader().read(sorted(tmp_path.iterdir()), **US)
    assert [r.external_id for r in result.receipts] == [P1, P2, T4]
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.column) == (items.name, 7, "Gross Sales")


def toast_expected() -> list[Receipt]:
    return [
        Receipt(
            "toast", "400000012345678901", "boston", datetime(2024, 3, 12, 16, 16, tzinfo=UTC), total=4030,
            subtotal=3150, tax=280, tip=600, currency="USD", opened_at=datetime(2024, 3, 12, 15, 32, tzinfo=UTC),
            customer_name="Linh Tran", customer_phone="(617) 555-0142",
            lines=(
                ReceiptLine("Phở Bò", 1, 1550, sku="PHO-BO", category="Food"),
                ReceiptLine("Bánh Mì Thịt", 1, 1200, sku="BM-THIT", category="Food"),
                ReceiptLine("Cà Phê Sữa Đá", 1, 400, sku="CF-SUA-DA", category="Non-Alcoholic Beverage"),
            ),
        ),
        Receipt(
            "toast", "400000012345678902", "boston", datetime(2024, 3, 13, 0, 5, tzinfo=UTC), total=5800,
            subtotal=5000, discount=500, tax=400, tip=900, currency="USD",
            opened_at=datetime(2024, 3, 12, 22, 45, tzinfo=UTC), customer_name="David Chen",
            customer_phone="617-555-0199",
            lines=(
                ReceiptLine("Bún Chả", 2, 1600, sku="BUN-CHA", category="Food", discount=500),
                ReceiptLine("Gỏi Cuốn", 1, 900, sku="GOI-CUON", category="Food"),
                ReceiptLine("Trà Đá", 3, 300, sku="TRA-DA", category="Non-Alcoholic Beverage"),
            ),
        ),
        Receipt(
            "toast", "400000012345678903#void", "boston", datetime(2024, 3, 12, 23, 30, tzinfo=UTC), total=1296,
            subtotal=1200, tax=96, currency="USD", kind=ReceiptKind.VOID, refund_of="400000012345678903",
            opened_at=datetime(2024, 3, 12, 23, 10, tzinfo=UTC),
        ),
        # PaymentDetails: 9.00 of check 103's card payment refunded at 9:10 PM (EDT) — a partial refund.
        # The payment's refunds so far (cumulative): a later refund of it shows a larger figure.
        Receipt(
            "toast", "400000012345678902#refund-600000055555555503", "boston",
            datetime(2024, 3, 13, 1, 10, tzinfo=UTC), total=-900, subtotal=-900, currency="USD",
            kind=ReceiptKind.REFUND, refund_of="400000012345678902", cumulative=True,
        ),
    ]  # fmt: skip


BOSTON = dict(store_id="boston", tz="America/New_York", currency="USD")


def test_toast_day_export_orders_checks_and_utf16_item_selections() -> None:
    """The whole nightly folder as Toast drops it (doc.toasttab.com data export field reference):
    four receipt files read together, the other files recognised as not receipts."""
    reader = ToastReader()
    groups = reader.group_files(sorted(TOAST.iterdir()))
    quiet = sorted(g.files[0].name for g in groups if g.not_receipts)
    assert quiet == ["AllItemsReport.csv", "CashEntries.csv", "KitchenTimings.csv",
                     "ModifiersSelectionDetails.csv", "TimeEntries.csv"]  # fmt: skip
    (group,) = [g for g in groups if not g.not_receipts]
    assert group.complete
    result = reader.read(list(group.files), **BOSTON)
    assert result.problems == []
    assert result.skipped == ["OrderDetails.csv:5: order 400000012345678904 is not paid yet."]
    assert result.receipts == toast_expected()


def test_toast_export_missing_order_details_must_wait() -> None:
    (group,) = ToastReader().group_files([TOAST / "CheckDetails.csv", TOAST / "ItemSelectionDetails.csv"])
    assert group.missing == ("OrderDetails.csv", "PaymentDetails.csv")
    assert not group.readable_as_is


def test_toast_export_missing_checks_may_be_read_without_them() -> None:
    (group,) = ToastReader().group_files([TOAST / "OrderDetails.csv", TOAST / "ItemSelectionDetails.csv"])
    assert group.missing == ("CheckDetails.csv", "PaymentDetails.csv") and group.readable_as_is
    result = ToastReader().read(list(group.files), **BOSTON)
    assert [r.customer_phone for r in result.receipts] == ["", "", ""]
    assert [len(r.lines) for r in result.receipts] == [3, 3, 0]


def test_toast_days_are_separate_exports(tmp_path: Path) -> None:
    for day in ("20240312", "20240313"):
        (tmp_path / day).mkdir()
        for f in TOAST.iterdir():
            (tmp_path / day / f.name).write_bytes(f.read_bytes())
    groups = [g for g in ToastReader().group_files(sorted(tmp_path.rglob("*.csv"))) if not g.not_receipts]
    assert sorted(len(g.files) for g in groups) == [4, 4]
    assert {g.files[0].parent.name for g in groups} == {"20240312", "20240313"}
