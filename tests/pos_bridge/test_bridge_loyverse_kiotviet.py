"""Golden tests: Loyverse and KiotViet exports (Vietnamese stores: VND, day-first dates, cp1258, .xlsx).

Sources, as in each reader's docstring:

* Loyverse — the Receipts and Receipts by item CSV headers and rows quoted by public projects that
  import real Loyverse exports (``7/28/26 1:33 PM,4-10378,Sale,90.00,…,Closed``; ``Item name`` in
  some versions; Status Cancelled/Voided); Loyverse's help (a refund is a receipt of its own; the
  Sales summary cannot be exported; the Sales by item report holds no receipts).
* KiotViet — its public API (open.kiotviet.vn ``/invoices``, ``/returns`` with ``invoiceId``: a
  return belongs to an invoice), as used by the public ``tap-kiotviet``; the "Xuất file" column
  names of exported lists shops share (no public specification of the file exists).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.kiotviet import KiotVietReader, vn_phone
from pos_bridge.readers.loyverse import LoyverseReader, phone_from_contacts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VN = dict(store_id="q1", tz="Asia/Ho_Chi_Minh", currency="VND")
LAN = dict(customer_name="Nguyễn Thị Lan", customer_phone="0912 345 678")


def loyverse_expected() -> list[Receipt]:
    coffee = dict(sku="10001", category="Cà phê")
    return [
        Receipt(
            "loyverse", "1-1001", "q1", datetime(2024, 3, 12, 0, 45, tzinfo=UTC), total=75000, subtotal=83000,
            discount=8000, **LAN,
            lines=(
                ReceiptLine("Cà phê sữa đá", 2, 29000, discount=5600, **coffee),
                ReceiptLine("Bánh mì ốp la", 1, 25000, sku="20003", category="Đồ ăn sáng", discount=2400),
            ),
        ),
        Receipt(
            "loyverse", "1-1002", "q1", datetime(2024, 3, 12, 2, 10, tzinfo=UTC), total=50000, subtotal=50000,
            lines=(ReceiptLine("Trà sữa trân châu (Size L)", 1, 50000, sku="30002", category="Trà sữa"),),
        ),
        Receipt(
            "loyverse", "1-1003", "q1", datetime(2024, 3, 12, 3, 5, tzinfo=UTC), total=-29000, subtotal=-29000,
            kind=ReceiptKind.REFUND, **LAN, lines=(ReceiptLine("Cà phê sữa đá", -1, 29000, **coffee),),
        ),
        Receipt(
            "loyverse", "1-1004#void", "q1", datetime(2024, 3, 12, 4, 20, tzinfo=UTC), total=25000,
            subtotal=25000, kind=ReceiptKind.VOID, refund_of="1-1004",
            lines=(ReceiptLine("Bánh mì ốp la", 1, 25000, sku="20003", category="Đồ ăn sáng"),),
        ),
        Receipt(
            "loyverse", "2-0057", "q1", datetime(2024, 3, 13, 7, 32, tzinfo=UTC), total=1250000,
            subtotal=1250000, customer_name="Công ty TNHH Ánh Dương", customer_phone="+84 903 111 222",
            lines=(ReceiptLine("Cà phê sữa đá", 50, 25000, **coffee),),
        ),
    ]  # fmt: skip


def test_loyverse_receipts_joined_with_receipts_by_item() -> None:
    reader = LoyverseReader()
    (group,) = reader.group_files(sorted((FIXTURES / "loyverse").iterdir()))
    result = reader.read(list(group.files), **VN)
    assert result.problems == []
    assert result.receipts == loyverse_expected()


def test_loyverse_resaved_semicolon_export_with_totals_and_blank_rows_reads_the_same() -> None:
    path = FIXTURES / "loyverse_resaved" / "receipts-by-item-2024-03-12-2024-03-13.csv"
    assert b";" in path.read_bytes().splitlines()[0] and b"Total;" in path.read_bytes()
    result = LoyverseReader().read(path, **VN)
    assert result.problems == []
    assert result.receipts == loyverse_expected()


def test_loyverse_summary_alone_has_money_but_no_lines() -> None:
    result = LoyverseReader().read(FIXTURES / "loyverse" / "receipts-2024-03-12-2024-03-13.csv", **VN)
    assert [r.lines for r in result.receipts] == [()] * 5
    assert [r.total for r in result.receipts] == [75000, 50000, -29000, 25000, 1250000]


def test_loyverse_month_first_dates_of_a_us_account(tmp_path: Path) -> None:
    path = tmp_path / "receipts-2024-03-12.csv"
    path.write_text(
        "Date,Receipt number,Receipt type,Gross sales,Discounts,Net sales,Taxes,Total collected,Status\n"
        "3/12/24 1:33 PM,4-10378,Sale,90.00,0.00,90.00,0.00,90.00,Closed\n",
        encoding="utf-8",
    )
    (receipt,) = LoyverseReader().read(path, store_id="s", tz="America/Chicago", currency="USD").receipts
    assert receipt.closed_at == datetime(2024, 3, 12, 18, 33, tzinfo=UTC)
    assert receipt.total == 9000


def test_loyverse_by_item_export_with_item_name_and_the_sales_by_item_report(tmp_path: Path) -> None:
    """Some Loyverse versions write "Item name" for "Item" in the receipts-by-item export; the
    "Sales by item" report (Items sold / Items refunded, no receipt number) holds no receipts and
    is set aside as such, while a receipts export is never taken for it."""
    by_item = tmp_path / "receipts-by-item-2026-01-01.csv"
    by_item.write_text(
        "Date,Receipt number,Receipt type,Category,SKU,Item name,Variant,Quantity,Gross sales,Discounts,"
        "Net sales,Taxes,Status\n"
        "2026-01-01 08:00:00,T-1,Sale,Bánh,1,Bánh mì,,1,30000,0,30000,0,Closed\n"
        "2026-01-01 08:05:00,T-2,Refund,Bánh,1,Bánh mì,,-1,-30000,0,-30000,0,Closed\n",
        encoding="utf-8",
    )
    report = tmp_path / "item-sales-summary-2026-01-01.csv"
    report.write_text(
        "Item name,SKU,Category,Items sold,Gross sales,Items refunded,Refunds,Discounts,Net sales,"
        "Cost of goods,Gross profit,Margin,Taxes\nBánh mì,1,Bánh,1,30000,1,30000,0,0,0,0,0,0\n",
        encoding="utf-8",
    )
    reader = LoyverseReader()
    groups = reader.group_files([by_item, report])
    assert [(g.files, g.not_receipts) for g in groups] == [((report,), True), ((by_item,), False)]
    got = reader.read([by_item], **VN).receipts
    assert [(r.external_id, r.kind, r.lines[0].name) for r in got] == [
        ("T-1", ReceiptKind.SALE, "Bánh mì"), ("T-2", ReceiptKind.REFUND, "Bánh mì"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("contacts", "phone"),
    [
        ("0912 345 678, lan@example.com", "0912 345 678"),
        ("lan@example.com; +84 903 111 222", "+84 903 111 222"),
        ("lan@example.com", ""),
        ("", ""),
    ],
)
def test_loyverse_phone_is_taken_from_customer_contacts(contacts: str, phone: str) -> None:
    assert phone_from_contacts(contacts) == phone


def kiotviet_invoices_expected(*, seconds: bool) -> list[Receipt]:
    def at(h: int, m: int, s: int) -> datetime:
        return datetime(2024, 3, 12, h, m, s if seconds else 0, tzinfo=UTC)

    lan = dict(customer_name="Nguyễn Thị Lan", customer_phone="0912345678")
    hung = dict(customer_name="Phạm Văn Hùng", customer_phone="0987 654 321")
    drinks, food = dict(category="Đồ uống"), dict(category="Đồ ăn")
    return [
        Receipt(
            "kiotviet", "HD000123", "q1", at(0, 52, 10), total=125000, subtotal=140000, discount=15000, **lan,
            lines=(
                ReceiptLine("Cà phê sữa đá", 2, 35000, sku="SP000001", **drinks),
                ReceiptLine("Bánh mì trứng", 1, 25000, sku="SP000007", **food),
                ReceiptLine("Trà đào cam sả", 1, 45000, sku="SP000012", discount=5000, **drinks),
            ),
        ),
        Receipt(
            "kiotviet", "HD000124", "q1", at(1, 10, 0), total=32000, subtotal=32000,
            lines=(ReceiptLine("Bạc xỉu", 1, 32000, sku="SP000003", **drinks),),
        ),
        Receipt(
            "kiotviet", "HD000125", "q1", at(5, 30, 45), total=160000, subtotal=145000, tip=15000, **hung,
            lines=(
                ReceiptLine("Cơm gà xối mỡ", 2, 55000, sku="SP000021", **food),
                ReceiptLine("Nước ép cam", 1, 35000, sku="SP000015", **drinks),
            ),
        ),
        Receipt(
            "kiotviet", "HD000126#void", "q1", at(6, 0, 5), total=40000, subtotal=40000, kind=ReceiptKind.VOID,
            refund_of="HD000126", lines=(ReceiptLine("Sinh tố bơ", 1, 40000, sku="SP000018", **drinks),),
        ),
        Receipt(
            "kiotviet", "HD000128", "q1", at(13, 15, 30), total=120000, subtotal=120000, **lan,
            lines=(ReceiptLine("Hạt cà phê Robusta", 1, 120000, sku="HH000002", category="Hàng hóa"),),
        ),
    ]  # fmt: skip


RETURN = Receipt(
    "kiotviet", "TH000012", "q1", datetime(2024, 3, 13, 2, 0, tzinfo=UTC), total=-35000, subtotal=-35000,
    kind=ReceiptKind.REFUND, refund_of="HD000125", customer_name="Phạm Văn Hùng", customer_phone="0987 654 321",
    lines=(ReceiptLine("Nước ép cam", -1, 35000, sku="SP000015"),),
)  # fmt: skip
INVOICES = "DanhSachChiTietHoaDon_KV12032024-213045-118"
RETURNS = "DanhSachChiTietTraHang_KV13032024-093012-402"


def test_kiotviet_xlsx_invoice_list() -> None:
    path = FIXTURES / "kiotviet" / f"{INVOICES}.xlsx"
    result = KiotVietReader().read(path, **VN)
    assert result.problems == []
    assert result.skipped == [f"{INVOICES}.xlsx:9: invoice HD000127 is “Đang xử lý”, not finished yet."]
    assert result.receipts == kiotviet_invoices_expected(seconds=True)
    assert result.receipts[0].raw_ref == f"{INVOICES}.xlsx:2"


def test_kiotviet_cp1258_semicolon_csv_reads_like_the_xlsx() -> None:
    path = FIXTURES / "kiotviet_csv" / f"{INVOICES}.csv"
    data = path.read_bytes()
    assert b"\xcc" in data and not data.startswith(b"\xef\xbb\xbf")  # Windows-1258 with combining tones
    assert "Tổng cộng".encode() not in data
    result = KiotVietReader().read(path, **VN)
    assert result.problems == []
    assert result.receipts == kiotviet_invoices_expected(seconds=False)


@pytest.mark.parametrize("path", [f"kiotviet/{RETURNS}.xlsx", f"kiotviet_csv/{RETURNS}.csv"])
def test_kiotviet_returns_are_refunds_of_their_invoice(path: str) -> None:
    result = KiotVietReader().read(FIXTURES / path, **VN)
    assert result.problems == []
    assert result.receipts == [RETURN]
    assert result.skipped == [f"{Path(path).name}:3: return TH000013 is “Đã hủy”, not refunded."]


def test_kiotviet_sniffs_its_xlsx_but_not_another_workbook(tmp_path: Path) -> None:
    reader = KiotVietReader()
    ours = FIXTURES / "kiotviet" / f"{INVOICES}.xlsx"
    assert reader.can_read(ours, ours.read_bytes()[:65536])
    other = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Tháng", "Chi phí"])
    workbook.save(other)
    assert not reader.can_read(other, other.read_bytes()[:65536])
    with pytest.raises(ReaderError, match='no "Mã hóa đơn", "Thời gian", "Khách cần trả", "Trạng thái" columns'):
        reader.read(other, **VN)


def test_kiotviet_xlsx_with_a_title_block_above_the_header(tmp_path: Path) -> None:
    source = openpyxl.load_workbook(FIXTURES / "kiotviet" / f"{RETURNS}.xlsx")
    rows = list(source.active.iter_rows(values_only=True))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH TRẢ HÀNG"])
    sheet.append(["Từ ngày 13/03/2024 đến ngày 13/03/2024"])
    sheet.append([])
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / "returns.xlsx"
    workbook.save(path)
    result = KiotVietReader().read(path, **VN)
    assert result.receipts == [RETURN]
    assert result.receipts[0].raw_ref == "returns.xlsx:5"


@pytest.mark.parametrize(("cell", "phone"), [(912345678, "0912345678"), ("0912 345 678", "0912 345 678"),
                                              (None, ""), (84912345678, "84912345678")])  # fmt: skip
def test_kiotviet_phone_cells_get_their_leading_zero_back(cell: object, phone: str) -> None:
    assert vn_phone(cell) == phone


def test_kiotviet_reports_and_lists_beside_the_invoices_are_not_receipts(tmp_path: Path) -> None:
    """A KiotViet folder gets the day's invoices and returns, and sometimes the end-of-day report
    (an .xlsx with a title block: "Báo cáo cuối ngày về bán hàng", Doanh thu …), the goods list
    (Mã hàng, Tên hàng) or the customer list (Mã khách hàng): archived as not receipts, while every
    invoices or returns export — which always has Mã hóa đơn / Mã trả hàng — is read."""
    import shutil

    invoices = tmp_path / f"{INVOICES}.xlsx"
    returns = tmp_path / f"{RETURNS}.xlsx"
    shutil.copy(FIXTURES / "kiotviet" / f"{INVOICES}.xlsx", invoices)
    shutil.copy(FIXTURES / "kiotviet" / f"{RETURNS}.xlsx", returns)
    end_of_day = tmp_path / "BaoCaoCuoiNgayVeBanHang_KV12032024.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Báo cáo cuối ngày về bán hàng"])
    sheet.append(["Ngày bán: 12/03/2024", None, "Chi nhánh: Trung tâm"])
    sheet.append([])
    sheet.append(["Thời gian", "Số lượng đơn", "Doanh thu", "Thu khác", "Trả hàng", "Thực thu"])
    sheet.append(["12/03/2024", 57, 8_245_000, 0, 45_000, 8_200_000])
    workbook.save(end_of_day)
    goods = tmp_path / "DanhSachSanPham_KV12032024.csv"
    goods.write_text("Mã hàng,Tên hàng,Nhóm hàng,Giá bán,Tồn kho\nSP000001,Cà phê sữa đá,Cà phê,29000,0\n",
                     encoding="utf-8-sig")  # fmt: skip
    people = tmp_path / "DanhSachKhachHang_KV12032024.csv"
    people.write_text("Mã khách hàng,Tên khách hàng,Điện thoại,Tổng bán\nKH000001,Nguyễn Thị Lan,0912345678,1250000\n",
                      encoding="utf-8-sig")  # fmt: skip
    reader = KiotVietReader()
    groups = reader.group_files([invoices, returns, end_of_day, goods, people])
    assert sorted((g.files[0].name, g.not_receipts) for g in groups) == sorted([
        (invoices.name, False), (returns.name, False),
        (end_of_day.name, True), (goods.name, True), (people.name, True),
    ])  # fmt: skip
    assert reader.read([invoices], **VN).receipts  # the invoices are still read


def test_kiotviet_invoice_whose_figures_do_not_add_up_is_left_out(tmp_path: Path) -> None:
    source = FIXTURES / "kiotviet_csv" / f"{INVOICES}.csv"
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes().replace(b";125.000;", b";12.500;", 1))  # HD000123's "Khách cần trả"
    result = KiotVietReader().read(path, **VN)
    assert [r.external_id for r in result.receipts] == ["HD000124", "HD000125", "HD000126#void", "HD000128"]
    (problem,) = result.problems
    assert (problem.line, problem.column) == (2, "Khách cần trả")
    assert problem.message == (
        "The value (12,500 ₫) is not the goods total less discounts plus other charges (125,000 ₫)."
    )
