"""Loyverse: the "Receipts" export and/or the "Receipts by item" export.

Loyverse's back office exports ``receipts-<from>-<to>.csv`` (one row per
receipt, with its money) and ``receipts-by-item-<from>-<to>.csv`` (one row per
item, repeating the receipt number). Either is enough; together, the first
gives the money and the second the lines.

* Dates and amounts follow the account's locale: ``12/03/2024 08:15`` or
  ``3/12/24 8:15 AM``; ``125,000`` or ``125.000,00``. The day/month order is
  decided once per file, the decimal mark per value (see ``pos_bridge.readers.values``).
* ``Status`` ``Cancelled`` makes a VOID (``<Receipt number>#void``).
* A ``Refund`` receipt has its own number; the export does not say which sale
  it refunds, so ``refund_of`` is empty and the ledger side must match it.
* ``Customer contacts`` holds phone and e-mail together: the phone is taken.
* From the by-item export alone, taxes are taken as added on top of the net
  (Loyverse's default tax type): ``total = net + taxes``.
* The back office's *reports* exported beside them (Sales by item: ``Item name,SKU,Category,Items
  sold,Gross sales,Items refunded,Refunds,…``; the other per-item/category sales reports have the
  same "Items sold"/"Items refunded" columns and no receipt number) hold no receipts: they are
  recognised and archived as *not receipts*, never quarantined. A file is taken for a report only
  when it has those columns and no ``Receipt number``, so a receipts export is never set aside.

Sources (read again for issue 10's audit): the verbatim Receipts and Receipts by item headers and
sample rows (``7/28/26 1:33 PM``, ``08/08/2026 18:00``, ``2026-01-01 08:00:00``; Receipt type
Sale/Refund; Status Closed/Cancelled/Voided) quoted by public projects importing real Loyverse
exports, one of them with ``Item name`` for ``Item`` and one pairing the Sales by item report with
the receipts export; Loyverse's help ("Sales Summary Report in the Back Office": refunds are their
own receipts, the summary itself cannot be exported).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.core.errors import Notice
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import FileGroup, Problem, Reader, ReadResult, as_path_list
from pos_bridge.readers.common import group_rows, group_siblings, head_of, make_line, problem_of, signed, void_id
from pos_bridge.readers.textio import Column, Row, Table, head_has, legacy_encodings, read_table
from pos_bridge.readers.values import DateOrder, FieldError, ReadContext, infer_date_order

SHARED = (
    Column("date", ("Date", "Ngày"), required=True),
    Column("number", ("Receipt number", "Số biên nhận"), required=True),
    Column("type", ("Receipt type", "Loại biên nhận")),
    Column("gross", ("Gross sales", "Tổng doanh thu"), required=True),
    Column("discounts", ("Discounts", "Giảm giá")),
    Column("net", ("Net sales", "Doanh thu ròng")),
    Column("taxes", ("Taxes", "Thuế")),
    Column("customer_name", ("Customer name", "Tên khách hàng")),
    Column("contacts", ("Customer contacts", "Liên hệ của khách hàng")),
    Column("status", ("Status", "Trạng thái")),
)
RECEIPT_COLUMNS = (
    *SHARED,
    Column("total", ("Total collected", "Tổng thu"), required=True),
    Column("tip", ("Tip", "Tips", "Tiền boa")),
)
ITEM_COLUMNS = (
    *SHARED,
    Column("category", ("Category", "Danh mục")),
    Column("sku", ("SKU",)),
    Column("item", ("Item", "Item name", "Mặt hàng"), required=True),
    Column("variant", ("Variant", "Biến thể")),
    Column("qty", ("Quantity", "Số lượng"), required=True),
)
ROLES = {
    "items": re.compile(r"(?i)receipts[-_ ]by[-_ ]item"),
    "receipts": re.compile(r"(?i)receipts"),
}
FILE_NAMES = {"items": "receipts-by-item-….csv", "receipts": "receipts-….csv"}
VOID_STATUSES = {"cancelled", "canceled", "voided", "đã hủy"}
_PHONE = re.compile(r"^\+?[\d\s().\-]{8,20}$")


def phone_from_contacts(text: str) -> str:
    """``0912 345 678, lan@example.com`` -> ``0912 345 678``."""
    for part in re.split(r"[,;/\n]+", text):
        part = part.strip()
        if _PHONE.match(part) and sum(c.isdigit() for c in part) >= 8:
            return part
    return ""


class LoyverseReader(Reader):
    name = "loyverse"
    sniff_priority = 30

    def can_read(self, path: Path, head: bytes) -> bool:
        return self._role(head) is not None

    @staticmethod
    def _role(head: bytes) -> str | None:
        if head_has(head, "Items sold", "Items refunded") and not head_has(head, "Receipt number"):
            return "not_receipts"  # a sales report (by item, by category…): no receipts in it
        if head_has(head, "Receipt number", "Receipt type", "Item", "Quantity"):
            return "items"
        if head_has(head, "Receipt number", "Receipt type", "Total collected"):
            return "receipts"
        if head_has(head, "Số biên nhận", "Mặt hàng"):
            return "items"
        if head_has(head, "Số biên nhận", "Tổng thu"):
            return "receipts"
        return None

    def group_files(self, paths: Iterable[Path]) -> list[FileGroup]:
        paths = list(paths)
        reports = [p for p in paths if self._role(head_of(p)) == "not_receipts"]
        receipts = [p for p in paths if p not in reports]
        quiet = [FileGroup(files=(p,), key=str(p), not_receipts=True) for p in reports]
        return quiet + group_siblings(receipts, ROLES, required=(), names=FILE_NAMES)

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        legacy = legacy_encodings(ctx.vietnamese)
        summaries: list[Table] = []
        details: list[Table] = []
        for path in as_path_list(paths):
            with path.open("rb") as fh:
                role = self._role(fh.read(64 * 1024))
            if role == "not_receipts":
                continue
            if role == "items":
                details.append(read_table(path, ITEM_COLUMNS, legacy=legacy))
            else:
                summaries.append(read_table(path, RECEIPT_COLUMNS, legacy=legacy))
        rows = [r for t in summaries + details for r in t.rows]
        order = infer_date_order([r.get("date") for r in rows], ctx.default_date_order)
        result = ReadResult()
        detailed: dict[str, tuple[Receipt, list[ReceiptLine]]] = {}
        first_row: dict[str, Row] = {}
        broken: set[str] = set()  # receipts whose item rows are bad: never applied half
        for key, group in group_rows([r for t in details for r in t.rows], _key, result):
            first_row[key] = group[0]
            try:
                detailed[key] = self._from_items(ctx, order, group)
            except FieldError as err:
                result.problems.append(problem_of(err, group[0], group[0].file))
                broken.add(key)
        if not summaries:
            for receipt, receipt_lines in detailed.values():
                result.receipts.append(signed(dataclasses.replace(receipt, lines=tuple(receipt_lines))))
            return result
        for row in (r for t in summaries for r in t.rows):
            key = _key(row)
            try:
                row.check()
                receipt = self._from_summary(ctx, order, row)
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
                continue
            if key in broken:
                continue
            if key in detailed:
                receipt = dataclasses.replace(receipt, lines=tuple(detailed.pop(key)[1]))
            result.receipts.append(signed(receipt))
        for key in detailed:
            row = first_row[key]
            result.problems.append(
                Problem(
                    row.file,
                    row.line,
                    row.header("number"),
                    Notice("Receipt {0} has items but is not in the receipts export.", number=row.text("number")),
                )
            )
        return result

    def _common(self, ctx: ReadContext, order: DateOrder, row: Row) -> dict[str, object]:
        number = row.required("number")
        kind = ReceiptKind.REFUND if row.text("type").casefold() in ("refund", "hoàn tiền") else ReceiptKind.SALE
        if row.text("status").casefold() in VOID_STATUSES:
            kind = ReceiptKind.VOID
        return {
            "source": self.name,
            "external_id": void_id(number) if kind is ReceiptKind.VOID else number,
            "refund_of": number if kind is ReceiptKind.VOID else "",
            "store_id": ctx.store_id,
            "closed_at": row.moment("date", ctx.tz, order=order),
            "currency": ctx.currency.code,
            "kind": kind,
            "customer_name": row.text("customer_name"),
            "customer_phone": phone_from_contacts(row.text("contacts")),
            "raw_ref": row.ref,
        }

    def _from_summary(self, ctx: ReadContext, order: DateOrder, row: Row) -> Receipt:
        cur = ctx.currency
        return Receipt(
            **self._common(ctx, order, row),  # type: ignore[arg-type]
            total=row.money("total", cur, default=None),
            subtotal=row.money("gross", cur),
            discount=abs(row.money("discounts", cur)),
            tax=row.money("taxes", cur),
            tip=row.money("tip", cur),
        )

    def _from_items(self, ctx: ReadContext, order: DateOrder, rows: list[Row]) -> tuple[Receipt, list[ReceiptLine]]:
        cur = ctx.currency
        lines: list[ReceiptLine] = []
        gross = discount = net = tax = 0
        for row in rows:
            row.check()
            line_gross = row.money("gross", cur, default=None)
            line_discount = abs(row.money("discounts", cur))
            line_net = row.money("net", cur, default=None) if row.text("net") else None
            if line_net is None:
                line_net = line_gross - line_discount if line_gross >= 0 else line_gross + line_discount
            name = row.required("item")
            if row.text("variant"):
                name = f"{name} ({row.text('variant')})"
            line = make_line(
                name,
                row.quantity("qty"),
                gross=line_gross,
                net=line_net,
                sku=row.text("sku"),
                category=row.text("category"),
            )
            gross, discount, net = gross + line_gross, discount + line_discount, net + line_net
            tax += row.money("taxes", cur)
            if line is not None:
                lines.append(line)
        receipt = Receipt(
            **self._common(ctx, order, rows[0]),  # type: ignore[arg-type]
            total=net + tax,
            subtotal=gross,
            discount=discount,
            tax=tax,
        )
        return receipt, lines


def _key(row: Row) -> str:
    """A cancelled copy may share its number with the sale; the key keeps them apart."""
    number = row.text("number")
    if not number:
        return ""
    return f"{number}|{row.text('status').casefold() in VOID_STATUSES}"
