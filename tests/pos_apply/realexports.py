"""Export files written the way each real POS writes them, for the golden and end-to-end tests.

The Square, Toast and Loyverse column lists live in ``tests/pos_export_headers.py``, shared with
the committed fixtures (``tests/pos_bridge/fixtures/make_fixtures.py``): one list per real export.

Column lists and conventions, and where they were established (issue 10):

* **Square** — transactions and item details CSVs: the verbatim dashboard headers quoted by public
  projects that parse real exports (a Square-to-ERP integration's ``CsvExamples`` test data; public
  export-to-spreadsheet scripts quoting the 2022 header with ``Event Type`` and ``Transaction
  Status``). A refund is its own event: its own Transaction ID, ``Event Type`` "Refund", negative
  amounts, and the Payment ID of the sale it refunds (a public sample item-details export;
  Square's Refunds API: "PaymentId — the ID of the payment associated with this refund").
* **Toast** — the nightly data export folder: Toast's data export field reference
  (doc.toasttab.com: AllItemsReport.csv, CashEntries.csv, CheckDetails.csv,
  ItemSelectionDetails.csv, KitchenTimings.csv, ModifiersSelectionDetails.csv, OrderDetails.csv,
  PaymentDetails.csv, TimeEntries.csv; PaymentDetails carries Refunded / Refund Date / Refund
  Amount / Refund Tip Amount / Void Date / Status per payment, keyed to Order Id and Check Id).
* **Loyverse** — "Receipts" and "Receipts by item" CSVs: the verbatim headers found in public
  projects importing real Loyverse exports (``Date,Receipt number,Receipt type,Gross sales,…,
  Customer name,Customer contacts,Status`` and ``Date,Receipt number,Receipt type,Category,SKU,
  Item,Variant,Modifiers applied,Quantity,…``); a refund is a receipt of its own (Receipt type
  "Refund", negative amounts and quantities) that names no sale; a cancelled receipt has Status
  "Cancelled" (Loyverse help: refunds are made from the receipt in the POS; cancelling is done in
  the back office).
* **KiotViet** — "Xuất file" invoice list and return list (column names as KiotViet writes them;
  a return belongs to an invoice, as in KiotViet's public API ``/returns``); saved from Excel as
  ``;``-separated UTF-8 with BOM and ``1.250.000`` amounts.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from pos_export_headers import (
    LOYVERSE_ITEMS,
    LOYVERSE_RECEIPTS,
    LOYVERSE_SALES_BY_ITEM,
    SQUARE_ITEMS,
    SQUARE_TRANSACTIONS,
    TOAST_CHECKS,
    TOAST_ITEMS,
    TOAST_NOT_RECEIPTS,
    TOAST_ORDERS,
    TOAST_PAYMENTS,
)

from app.core.program import Program, StampMode, StampRule

KIOTVIET_INVOICES = [
    "Mã hóa đơn", "Mã trả hàng", "Thời gian", "Thời gian tạo", "Mã khách hàng", "Tên khách hàng",
    "Điện thoại", "Người bán", "Kênh bán", "Tổng tiền hàng", "Giảm giá hóa đơn", "Thu khác",
    "Khách cần trả", "Khách đã trả", "Trạng thái", "Mã hàng", "Tên hàng", "Nhóm hàng", "ĐVT",
    "Số lượng", "Đơn giá", "Giảm giá", "Giá bán", "Thành tiền",
]  # fmt: skip
KIOTVIET_RETURNS = [
    "Mã trả hàng", "Mã hóa đơn", "Thời gian", "Mã khách hàng", "Khách hàng", "Điện thoại",
    "Người nhận trả", "Tổng tiền hàng", "Giảm giá phiếu trả", "Phí trả hàng", "Cần trả khách",
    "Đã trả khách", "Trạng thái", "Mã hàng", "Tên hàng", "Số lượng", "Giá trả", "Thành tiền",
]  # fmt: skip


def us_program() -> Program:
    """A US store's program: 1 point a dollar, a stamp a visit from $5."""
    return Program(
        name="Saigon Kitchen",
        currency="USD",
        timezone="America/Los_Angeles",
        point_name="points",
        amount_step=100,
        stamp_rule=StampRule(StampMode.VISIT, min_spend=500),
    )


def table(header: list[str], rows: list[dict[str, object]], *, delimiter: str = ",") -> str:
    unknown = {k for r in rows for k in r} - set(header)
    assert not unknown, f"not columns of this export: {unknown}"
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for r in rows:
        writer.writerow(["" if r.get(h) is None else r.get(h) for h in header])
    return buf.getvalue()


def usd(cents: int) -> str:
    """Square's money: ``$1,234.56``, ``-$5.00``."""
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def plain(cents: int) -> str:
    """Toast's money: ``12.50``."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def vnd(amount: int) -> str:
    """KiotViet saved from Excel in Vietnamese: ``1.250.000``."""
    return f"{amount:,}".replace(",", ".")


# ---------------------------------------------------------------- Square

EASTERN = "Eastern Time (US & Canada)"


def square_event(
    when: datetime, txn: str, payment: str, cents: int, *, refund: bool = False, card: str = "", item: str = "Pho"
) -> tuple[dict[str, object], dict[str, object]]:
    """One transactions row and its item row. ``cents`` is negative for a refund."""
    common = {"Date": f"{when:%Y-%m-%d}", "Time": f"{when:%H:%M:%S}", "Time Zone": EASTERN,
              "Transaction ID": txn, "Payment ID": payment, "Event Type": "Refund" if refund else "Payment",
              "Location": "Boston", "Customer Reference ID": card, "Device Name": "Counter"}  # fmt: skip
    txn_row = {**common, "Gross Sales": usd(cents), "Discounts": usd(0), "Service Charges": usd(0),
               "Net Sales": usd(cents), "Gift Card Sales": usd(0), "Tax": usd(0), "Tip": usd(0),
               "Partial Refunds": usd(0), "Total Collected": usd(cents), "Source": "Point of Sale",
               "Card": usd(cents), "Fees": usd(0), "Net Total": usd(cents), "Description": item,
               "Transaction Status": "Complete", "Refund Reason": "Guest asked" if refund else ""}  # fmt: skip
    qty = -1 if refund else 1
    item_row = {**common, "Category": "Food", "Item": item, "Qty": str(qty), "Price Point Name": "Regular",
                "SKU": item.upper(), "Gross Sales": usd(cents), "Discounts": usd(0), "Net Sales": usd(cents),
                "Tax": usd(0)}  # fmt: skip
    return txn_row, item_row


def write_square(folder: Path, stamp: str, events: list[tuple[dict[str, object], dict[str, object]]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    txns = folder / f"transactions-{stamp}.csv"
    items = folder / f"items-{stamp}.csv"
    txns.write_text(table(SQUARE_TRANSACTIONS, [e[0] for e in events]), encoding="utf-8")
    items.write_text(table(SQUARE_ITEMS, [e[1] for e in events]), encoding="utf-8")
    return [txns, items]


# ---------------------------------------------------------------- Toast


def toast_night(
    folder: Path,
    orders: list[dict[str, object]],
    payments: list[dict[str, object]],
) -> Path:
    """A nightly folder. ``orders``: order_id, number, when (local), cents, phone, voided.
    ``payments``: payment_id, order_id, cents, refund (cents), refund_at, void_at."""
    folder.mkdir(parents=True, exist_ok=True)
    order_rows, check_rows, item_rows, pay_rows = [], [], [], []
    for o in orders:
        when: datetime = o["when"]  # type: ignore[assignment]
        check_id = f"9{o['order_id']}"
        stamp = f"{when:%m/%d/%y %I:%M %p}".lstrip("0").replace("/0", "/")
        order_rows.append({"Location": "Boston", "Order Id": o["order_id"], "Order #": o["number"],
                           "Checks": o["number"], "Opened": stamp, "Discount Amount": "0.00",
                           "Amount": plain(o["cents"]), "Tax": "0.00", "Tip": "0.00", "Gratuity": "0.00",  # type: ignore[arg-type]
                           "Total": plain(o["cents"]), "Voided": "True" if o.get("voided") else "False",  # type: ignore[arg-type]
                           "Paid": "" if o.get("voided") else stamp, "Closed": stamp})  # fmt: skip
        check_rows.append({"Customer": o.get("name", ""), "Customer Phone": o.get("phone", ""),
                           "Check Id": check_id, "Check #": o["number"], "Total": plain(o["cents"]),  # type: ignore[arg-type]
                           "Opened Date": f"{when:%m/%d/%y}", "Tender": "Credit"})  # fmt: skip
        item_rows.append({"Location": "Boston", "Order Id": o["order_id"], "Order #": o["number"],
                          "Check Id": check_id, "Item Selection Id": f"5{o['order_id']}", "Menu Item": "Phở Bò",
                          "Sales Category": "Food", "Gross Price": plain(o["cents"]),  # type: ignore[arg-type]
                          "Discount": "0.00", "Net Price": plain(o["cents"]), "Qty": "1.0000",  # type: ignore[arg-type]
                          "Void?": "False"})  # fmt: skip
    for p in payments:
        refund = int(p.get("refund", 0))  # type: ignore[call-overload]
        pay_rows.append({"Location": "Boston", "Payment Id": p["payment_id"], "Order Id": p["order_id"],
                         "Paid Date": f"{p['paid_at']:%m/%d/%Y %H:%M:%S}", "Amount": plain(p["cents"]),  # type: ignore[arg-type]
                         "Tip": "0.00", "Gratuity": "0.00", "Total": plain(p["cents"]),  # type: ignore[arg-type]
                         "Refunded": ("FULL" if refund == p["cents"] else "PARTIAL") if refund else "",
                         "Refund Date": f"{p['refund_at']:%m/%d/%Y %H:%M:%S}" if refund else "",
                         "Refund Amount": plain(refund) if refund else "",
                         "Refund Tip Amount": "0.00" if refund else "",
                         "Void Date": f"{p['void_at']:%m/%d/%Y %H:%M:%S}" if p.get("void_at") else "",
                         "Status": "VOIDED" if p.get("void_at") else "CAPTURED", "Type": "Credit"})  # fmt: skip
    (folder / "OrderDetails.csv").write_text(table(TOAST_ORDERS, order_rows), encoding="utf-8-sig")
    (folder / "CheckDetails.csv").write_text(table(TOAST_CHECKS, check_rows), encoding="utf-8")
    (folder / "ItemSelectionDetails.csv").write_text(table(TOAST_ITEMS, item_rows), encoding="utf-8")
    (folder / "PaymentDetails.csv").write_text(table(TOAST_PAYMENTS, pay_rows), encoding="utf-8")
    for name, header in TOAST_NOT_RECEIPTS.items():
        (folder / name).write_text(header, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- Loyverse


def loyverse_receipt(
    when: datetime, number: str, amount: int, *, refund: bool = False, contacts: str = "", name: str = "",
    cancelled: bool = False, item: str = "Cà phê sữa đá", qty: int = 1,
) -> tuple[dict[str, object], dict[str, object]]:  # fmt: skip
    """A receipts row and its by-item row (Loyverse in a Vietnamese account: ``dd/mm/yyyy HH:MM``)."""
    sign = -1 if refund else 1
    common = {"Date": f"{when:%d/%m/%Y %H:%M}", "Receipt number": number,
              "Receipt type": "Refund" if refund else "Sale", "POS": "POS 1", "Store": "Quận 1",
              "Cashier name": "Owner", "Customer name": name, "Customer contacts": contacts,
              "Status": "Cancelled" if cancelled else "Closed"}  # fmt: skip
    money = str(sign * amount)
    receipt = {**common, "Gross sales": money, "Discounts": "0", "Net sales": money, "Taxes": "0",
               "Total collected": money, "Cost of goods": "0", "Gross profit": money, "Payment type": "Cash",
               "Description": f"{qty} x {item}", "Dining option": "Dine in"}  # fmt: skip
    by_item = {**common, "Category": "Cà phê", "SKU": item[:6].upper(), "Item": item, "Variant": "",
               "Modifiers applied": "", "Quantity": str(sign * qty), "Gross sales": money, "Discounts": "0",
               "Net sales": money, "Cost of goods": "0", "Gross profit": money, "Taxes": "0",
               "Comment": ""}  # fmt: skip
    return receipt, by_item


def write_loyverse(folder: Path, stamp: str, receipts: list[tuple[dict[str, object], dict[str, object]]]) -> None:
    """The day's receipts and receipts-by-item exports, and the "Sales by item" report a manager
    exports beside them (it holds no receipts: the bridge archives it as *not receipts*)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"receipts-{stamp}.csv").write_text(table(LOYVERSE_RECEIPTS, [r[0] for r in receipts]), "utf-8")
    (folder / f"receipts-by-item-{stamp}.csv").write_text(table(LOYVERSE_ITEMS, [r[1] for r in receipts]), "utf-8")
    sold: dict[str, int] = {}
    for _, item in receipts:
        sold[str(item["Item"])] = sold.get(str(item["Item"]), 0) + int(str(item["Net sales"]))
    report = [{"Item name": name, "Items sold": "1", "Gross sales": str(net), "Items refunded": "0", "Refunds": "0",
               "Discounts": "0", "Net sales": str(net)} for name, net in sold.items()]  # fmt: skip
    (folder / f"item-sales-summary-{stamp}.csv").write_text(table(LOYVERSE_SALES_BY_ITEM, report), "utf-8")


# ---------------------------------------------------------------- KiotViet


def kiotviet_invoice(
    code: str, when: datetime, amount: int, *, phone: str = "", name: str = "Khách lẻ", status: str = "Hoàn thành",
    exchange_of: str = "",
) -> dict[str, object]:  # fmt: skip
    return {"Mã hóa đơn": code, "Mã trả hàng": exchange_of, "Thời gian": f"{when:%d/%m/%Y %H:%M:%S}",
            "Thời gian tạo": f"{when:%d/%m/%Y %H:%M:%S}", "Tên khách hàng": name, "Điện thoại": phone,
            "Người bán": "Trần Minh", "Kênh bán": "Bán trực tiếp", "Tổng tiền hàng": vnd(amount),
            "Giảm giá hóa đơn": "0", "Thu khác": "0", "Khách cần trả": vnd(amount),
            "Khách đã trả": vnd(amount), "Trạng thái": status, "Mã hàng": "SP000001", "Tên hàng": "Cà phê sữa đá",
            "Nhóm hàng": "Đồ uống", "ĐVT": "Ly", "Số lượng": "1", "Đơn giá": vnd(amount), "Giảm giá": "0",
            "Giá bán": vnd(amount), "Thành tiền": vnd(amount)}  # fmt: skip


def kiotviet_return(code: str, invoice: str, when: datetime, amount: int, *, phone: str = "") -> dict[str, object]:
    return {"Mã trả hàng": code, "Mã hóa đơn": invoice, "Thời gian": f"{when:%d/%m/%Y %H:%M:%S}",
            "Khách hàng": "Khách", "Điện thoại": phone, "Người nhận trả": "Trần Minh",
            "Tổng tiền hàng": vnd(amount), "Giảm giá phiếu trả": "0", "Phí trả hàng": "0",
            "Cần trả khách": vnd(amount), "Đã trả khách": vnd(amount), "Trạng thái": "Đã trả",
            "Mã hàng": "SP000001", "Tên hàng": "Cà phê sữa đá", "Số lượng": "1", "Giá trả": vnd(amount),
            "Thành tiền": vnd(amount)}  # fmt: skip


def write_kiotviet(path: Path, header: list[str], rows: list[dict[str, object]]) -> Path:
    """Saved from Excel by a manager: UTF-8 with BOM, ``;``-separated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table(header, rows, delimiter=";"), encoding="utf-8-sig")
    return path
