"""KiotViet: the invoice list ("Hóa đơn") and return list ("Trả hàng") exports.

KiotViet's "Xuất file" writes ``DanhSachChiTietHoaDon_KV<ddmmyyyy-hhmmss>.xlsx``
with one row per item; the invoice's fields (code, time, customer, totals,
status) are on every row, or on the first row of the invoice only (older
exports and the CSV that managers save from Excel: UTF-8 with BOM or
Windows-1258, ``;`` separated, ``125.000`` amounts, ``dd/mm/yyyy HH:mm``).

* ``Trạng thái``: "Hoàn thành" is a sale; "Đã hủy" is a VOID
  (``<Mã hóa đơn>#void``); other states (still being delivered…) are skipped
  until KiotViet exports them finished.
* Rows of the return list (``DanhSachChiTietTraHang``: "Mã trả hàng", "Cần trả
  khách", status "Đã trả") are REFUNDs of ``Mã hóa đơn``.
* An invoice of the *invoice* list with "Mã trả hàng" filled is an exchange
  ("đổi hàng"): the customer returned goods and bought others in one visit.
  It is a new SALE of its own; the return itself arrives in the return list
  and takes back what the original invoice earned. (Read as a refund, the sale
  would vanish and the real return would then be dropped as a duplicate.)
  Which list a file is comes from its amount column: the invoice list writes
  "Khách cần trả", the return list "Cần trả khách".

Sources (read again for issue 10): KiotViet's public API (open.kiotviet.vn:
``/invoices``, ``/returns`` with ``invoiceId``; a return belongs to an
invoice) as used by the public Singer tap ``tap-kiotviet`` and an MCP connector
listing ``GET /returns/{id}``; KiotViet's "Xuất file" column names as seen in
exported files shared by shops (no public specification exists; the reader
accepts the known aliases below).
* ``Thu khác`` (delivery and other fees) goes into ``tip``: it never earns.
* Prices include VAT in Vietnam, so ``tax`` is 0.
* A phone column that Excel turned into a number (912345678) gets its leading
  0 back.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from app.core.money import Currency, Money
from app.core.notes import Note
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import FileGroup, Reader, ReadResult, as_path_list
from pos_bridge.readers.common import collect, group_rows, head_of, make_line, signed, void_id
from pos_bridge.readers.textio import Column, Row, Table, head_has, header_key, legacy_encodings, read_table
from pos_bridge.readers.values import Cell, DateOrder, FieldError, ReadContext, cell_text, infer_date_order

COLUMNS = (
    Column("invoice", ("Mã hóa đơn",), required=True),
    Column("return", ("Mã trả hàng",)),
    Column("time", ("Thời gian", "Ngày bán", "Thời gian tạo"), required=True),
    Column("customer_code", ("Mã khách hàng", "Mã KH")),
    Column("customer", ("Tên khách hàng", "Khách hàng")),
    Column("phone", ("Điện thoại", "Số điện thoại", "SĐT")),
    Column("goods_total", ("Tổng tiền hàng",)),
    Column("invoice_discount", ("Giảm giá hóa đơn", "Giảm giá phiếu trả")),
    Column("other_fees", ("Thu khác",)),
    Column("return_fee", ("Phí trả hàng",)),
    Column("to_pay", ("Khách cần trả", "Cần trả khách", "Tổng cộng"), required=True),
    Column("status", ("Trạng thái",), required=True),
    Column("sku", ("Mã hàng",)),
    Column("item", ("Tên hàng",)),
    Column("group", ("Nhóm hàng",)),
    Column("qty", ("Số lượng", "SL")),
    Column("unit_price", ("Đơn giá",)),
    Column("discount", ("Giảm giá",)),
    Column("sale_price", ("Giá bán", "Giá trả")),
    Column("line_total", ("Thành tiền",)),
)
INVOICE_FIELDS = ("time", "to_pay", "status", "goods_total", "customer", "phone")
LINE_FIELDS = ("sku", "item", "qty", "unit_price", "line_total")
SALE_STATUSES = {"hoàn thành", "đã hoàn thành", "completed"}
VOID_STATUSES = {"đã hủy", "đã huỷ", "hủy", "cancelled"}
REFUND_STATUSES = {"đã trả", "hoàn thành", "đã hoàn thành", "completed"}
WALK_IN = {"khách lẻ", "khach le"}


def vn_phone(value: Cell) -> str:
    """A phone as KiotViet wrote it; Excel's number cells lose the leading 0."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        digits = str(int(value))
        return "0" + digits if len(digits) == 9 else digits
    return cell_text(value)


class KiotVietReader(Reader):
    name = "kiotviet"
    sniff_priority = 20

    def can_read(self, path: Path, head: bytes) -> bool:
        if head.startswith(b"PK\x03\x04"):
            return path.suffix.casefold() == ".xlsx" and self._xlsx_header(path)
        return head_has(head, "Mã hóa đơn", "Trạng thái") and (
            head_has(head, "Khách cần trả") or head_has(head, "Cần trả khách")
        )

    @staticmethod
    def _xlsx_header(path: Path) -> bool:
        try:
            import openpyxl

            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:  # sniffing never raises: a damaged workbook is simply "not ours"
            return False
        try:
            for row in workbook.worksheets[0].iter_rows(max_row=20, values_only=True):
                keys = {header_key(c) for c in row}
                if header_key("Mã hóa đơn") in keys and header_key("Trạng thái") in keys:
                    return True
            return False
        except Exception:
            return False
        finally:
            workbook.close()

    def group_files(self, paths: Iterable[Path]) -> list[FileGroup]:
        """One file per export; in a KiotViet folder a report or a list exported beside the invoices
        is archived as *not receipts*, not quarantined every day (see ``_is_report``)."""
        return [FileGroup(files=(p,), key=str(p), not_receipts=_is_report(p)) for p in sorted(paths)]

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        result = ReadResult()
        for path in as_path_list(paths):
            table = read_table(path, COLUMNS, legacy=legacy_encodings(ctx.vietnamese))
            order = infer_date_order([r.get("time") for r in table.rows], "dmy")
            returns = _is_return_list(table)
            key_of = _return_key if returns else _invoice_key
            groups = group_rows(table.rows, key_of, result, continues=_continues)
            collect(
                result,
                groups,
                lambda key, rows, order=order, returns=returns: self._receipt(ctx, order, rows, result, returns),
            )
        return result

    def _receipt(
        self, ctx: ReadContext, order: DateOrder, rows: list[Row], result: ReadResult, returns: bool
    ) -> Receipt | None:
        head = rows[0]
        cur = ctx.currency
        invoice = head.required("invoice")
        returned = head.text("return") if returns else ""
        status = head.required("status")
        state = status.casefold()
        if returned:
            if state not in REFUND_STATUSES:
                result.skipped.append(Note("{0}: return {1} is “{2}”, not refunded.", head.ref, returned, status))
                return None
            kind, external_id, refund_of = ReceiptKind.REFUND, returned, invoice
        elif state in SALE_STATUSES:
            kind, external_id, refund_of = ReceiptKind.SALE, invoice, ""
        elif state in VOID_STATUSES:
            kind, external_id, refund_of = ReceiptKind.VOID, void_id(invoice), invoice
        else:
            result.skipped.append(Note("{0}: invoice {1} is “{2}”, not finished yet.", head.ref, invoice, status))
            return None
        for row in rows[1:]:
            for name in INVOICE_FIELDS:
                if row.text(name) and row.text(name) != head.text(name):
                    raise row.error(
                        name, "differs from line {0} of the same invoice {1}.", first=head.line, invoice=invoice
                    )
        lines = tuple(line for row in rows if (line := self._line(ctx, row)) is not None)
        total = head.money("to_pay", cur, default=None)
        fees = head.money("other_fees", cur)
        self._check_sums(cur, head, lines, total, fees)
        if lines:
            subtotal = sum(line.qty * line.unit_price for line in lines)
            if kind is ReceiptKind.REFUND:
                subtotal = abs(subtotal)
        else:
            subtotal = head.money("goods_total", cur)
        customer = head.text("customer")
        receipt = Receipt(
            source=self.name,
            external_id=external_id,
            store_id=ctx.store_id,
            closed_at=head.moment("time", ctx.tz, order=order),
            total=total,
            subtotal=subtotal,
            discount=subtotal + fees - total,
            tip=fees,
            currency=cur.code,
            kind=kind,
            lines=lines,
            customer_name="" if customer.casefold() in WALK_IN else customer,
            customer_phone=vn_phone(head.get("phone")),
            refund_of=refund_of,
            raw_ref=head.ref,
        )
        return signed(receipt)

    @staticmethod
    def _check_sums(cur: Currency, head: Row, lines: tuple[ReceiptLine, ...], total: int, fees: int) -> None:
        """KiotViet's figures always add up; when they do not, a column was cut or moved,
        and a wrong amount would earn wrong points. Such an invoice is left out."""
        if not head.text("goods_total"):
            return
        goods = abs(head.money("goods_total", cur))
        items = abs(sum(line.total for line in lines))
        if lines and goods != items:
            raise head.error(
                "goods_total",
                "({0}) is not the sum of the item lines ({1}).",
                goods=Money(goods, cur),
                items=Money(items, cur),
            )
        expected = goods - abs(head.money("invoice_discount", cur)) - abs(head.money("return_fee", cur)) + fees
        if abs(total) != expected:
            raise head.error(
                "to_pay",
                "({0}) is not the goods total less discounts plus other charges ({1}).",
                total=Money(abs(total), cur),
                expected=Money(expected, cur),
            )

    def _line(self, ctx: ReadContext, row: Row) -> ReceiptLine | None:
        if not any(row.text(name) for name in LINE_FIELDS):
            return None
        cur = ctx.currency
        qty = row.quantity("qty", default=Decimal(1))
        unit = row.money("unit_price" if row.has("unit_price") else "sale_price", cur, default=None)
        if row.text("line_total"):
            net = row.money("line_total", cur)
        elif row.text("sale_price"):
            net = int(row.money("sale_price", cur) * qty)
        else:
            net = int(unit * qty) - int(row.money("discount", cur) * qty)
        try:
            return make_line(
                row.required("item"),
                abs(qty),
                unit_price=unit,
                net=abs(net),
                sku=row.text("sku"),
                category=row.text("group"),
            )
        except FieldError as err:
            err.line = err.line or row.line
            raise


def _is_return_list(table: Table) -> bool:
    """The return list writes "Cần trả khách" (to give back); the invoice list "Khách cần trả"."""
    to_pay = header_key(table.headers.get("to_pay", ""))
    if to_pay == header_key("Khách cần trả"):
        return False
    return to_pay == header_key("Cần trả khách") or table.has("return")


def _invoice_key(row: Row) -> str:
    return row.text("invoice")


def _return_key(row: Row) -> str:
    return row.text("return") or row.text("invoice")


def _continues(row: Row) -> bool:
    """A further item line of the invoice above: no invoice fields of its own."""
    return not any(row.text(name) for name in ("time", "to_pay", "status")) and any(
        row.text(name) for name in LINE_FIELDS
    )


__all__ = ["KiotVietReader", "vn_phone"]


# KiotViet's back office exports more than invoices: the end-of-day report ("Báo cáo cuối ngày"),
# sales reports ("Báo cáo bán hàng", "Doanh thu"), the goods list ("Danh sách hàng hóa": Mã hàng,
# Tên hàng) and the customer list ("Mã khách hàng"). None holds a receipt. Only in a folder set up
# for KiotViet (never when sniffing a mixed folder: those words are any Vietnamese POS's).
REPORT_MARKERS = ("Báo cáo", "Doanh thu", "Mã hàng", "Mã khách hàng")
RECEIPT_MARKERS = ("Mã hóa đơn", "Mã trả hàng")


def _is_report(path: Path) -> bool:
    """A file with a report's or a list's words in its first rows and no invoice or return code column.
    An invoices or returns export always has "Mã hóa đơn" / "Mã trả hàng", so it is never set aside."""
    try:
        info = path.stat()
    except OSError:
        return False  # gone or locked: grouped as invoices, so reading it says what is wrong
    return _is_report_file(path, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=256)
def _is_report_file(path: Path, size: int, mtime_ns: int) -> bool:
    """Remembered per file version: the watcher groups a folder's files at every poll, and opening a
    workbook costs tens of milliseconds."""
    text = header_key(_first_rows_text(path))
    if not text or any(header_key(m) in text for m in RECEIPT_MARKERS):
        return False
    return any(header_key(m) in text for m in REPORT_MARKERS)


def _first_rows_text(path: Path) -> str:
    head = head_of(path)
    if not head.startswith(b"PK\x03\x04"):
        return _strict_text(head[:8192])
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # a damaged workbook: read as invoices, so the error says what is wrong
        return ""
    try:
        rows = workbook.worksheets[0].iter_rows(max_row=20, values_only=True)
        return "\n".join(" | ".join(cell_text(c) for c in row) for row in rows)
    except Exception:
        return ""
    finally:
        workbook.close()


def _strict_text(head: bytes) -> str:
    """The head as KiotViet writes a CSV (UTF-8 with a BOM; an old one in Windows-1258), or "" when it
    is neither: a damaged or re-encoded file is never set aside as a report, it goes to quarantine."""
    if b"\x00" in head:
        return ""
    for codec in ("utf-8-sig", "cp1258"):
        try:  # the incremental decoder leaves a character cut at the 8 KiB edge alone
            return codecs.getincrementaldecoder(codec)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
    return ""
