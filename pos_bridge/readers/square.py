"""Square: the Transactions CSV, joined with the Item Details CSV when present.

Square's dashboard exports ``transactions-<from>-<to>.csv`` (one row per
payment or refund event) and ``items-<from>-<to>.csv`` (one row per item of
those events). Both carry ``Transaction ID`` *and* ``Payment ID``. A refund is
an event of its own: it has its own Transaction ID, ``Event Type`` "Refund",
negative amounts, and the **Payment ID of the sale it refunds**. So a sale's
``external_id`` is its Payment ID and a refund's ``refund_of`` is that Payment
ID, which finds the sale even when the refund is exported days later in
another file. A refund's own ``external_id`` is its Transaction ID. Amounts are
US-style (``$1,234.56``, negative as ``-$5.00`` or ``($5.00)``); times are local
to the row's ``Time Zone`` column, which wins over the folder's zone.

Sources (read again for issue 10):

* The transactions export's verbatim header (``Date,Time,Time Zone,Gross
  Sales,…,Partial Refunds,Total Collected,…,Transaction ID,Payment ID,…,Event
  Type,…,Customer Reference ID,…,Transaction Status``) and the item details
  header (``…,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,…``)
  as found in public projects parsing real dashboard exports, e.g. the
  ``CsvExamples`` test data of a Square-to-ERP integration (``vfcorp.smartwool``)
  and several public export-to-spreadsheet scripts quoting a 2022 header with
  ``Event Type`` and ``Transaction Status``.
* A public sample item-details export whose refund row carries its own
  Transaction ID (``ABC126``/``PAY4``, ``Event Type`` Refund, ``-$45.00``).
* Square's Refunds API (``PaymentId``: "the ID of the payment associated with
  this refund"), developer.squareup.com, and the CData Square Refunds table docs.

Choices worth knowing:

* ``total`` of a sale is ``Total Collected`` minus ``Partial Refunds`` (what the
  customer paid at the till); the refunds themselves come from the Refund rows,
  so they are counted once.
* ``Service Charges`` go into ``tip``: like tips, they never earn points.
* ``Customer Reference ID`` (merchant-assigned) is taken as the loyalty card
  number; Square's own ``Customer ID`` is internal and not used for matching.
* Without the items file the receipts have no lines (a short wait for it is
  the watcher's job).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.errors import Notice
from app.core.notes import Note
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import FileGroup, Problem, Reader, ReaderError, ReadResult, as_path_list
from pos_bridge.readers.common import group_siblings, head_of, make_line, problem_of, signed
from pos_bridge.readers.textio import Column, Row, Table, head_has, legacy_encodings, read_table
from pos_bridge.readers.values import (
    DateOrder,
    FieldError,
    ReadContext,
    combine_date_time,
    infer_date_order,
)

TRANSACTION_COLUMNS = (
    Column("date", ("Date",), required=True),
    Column("time", ("Time",), required=True),
    Column("zone", ("Time Zone",)),
    Column("gross", ("Gross Sales",)),
    Column("discounts", ("Discounts",)),
    Column("service", ("Service Charges",)),
    Column("tax", ("Tax",)),
    Column("tip", ("Tip",)),
    Column("partial_refunds", ("Partial Refunds",)),
    Column("total", ("Total Collected",), required=True),
    Column("txn", ("Transaction ID",), required=True),
    Column("payment", ("Payment ID",)),
    Column("event", ("Event Type",)),
    Column("status", ("Transaction Status",)),
    Column("customer_name", ("Customer Name",)),
    Column("customer_ref", ("Customer Reference ID",)),
)
ITEM_COLUMNS = (
    Column("date", ("Date",), required=True),
    Column("time", ("Time",), required=True),
    Column("zone", ("Time Zone",)),
    Column("category", ("Category",)),
    Column("item", ("Item",), required=True),
    Column("qty", ("Qty",), required=True),
    Column("price_point", ("Price Point Name",)),
    Column("sku", ("SKU",)),
    Column("gross", ("Gross Sales",), required=True),
    Column("discounts", ("Discounts",)),
    Column("net", ("Net Sales",)),
    Column("txn", ("Transaction ID",), required=True),
    Column("event", ("Event Type",)),
)
ROLES = {
    "transactions": re.compile(r"(?i)transactions"),
    "items": re.compile(r"(?i)item[-_ ]?details|items"),
}
FILE_NAMES = {"transactions": "transactions-….csv", "items": "items-….csv"}

# Square writes Rails time-zone names; the ones its sellers use.
RAILS_ZONES = {
    "Pacific Time (US & Canada)": "America/Los_Angeles",
    "Mountain Time (US & Canada)": "America/Denver",
    "Arizona": "America/Phoenix",
    "Central Time (US & Canada)": "America/Chicago",
    "Eastern Time (US & Canada)": "America/New_York",
    "Alaska": "America/Juneau",
    "Hawaii": "Pacific/Honolulu",
    "Atlantic Time (Canada)": "America/Halifax",
    "Newfoundland": "America/St_Johns",
    "London": "Europe/London",
    "Dublin": "Europe/Dublin",
    "Paris": "Europe/Paris",
    "Madrid": "Europe/Madrid",
    "Tokyo": "Asia/Tokyo",
    "Sydney": "Australia/Sydney",
    "Melbourne": "Australia/Melbourne",
    "Brisbane": "Australia/Brisbane",
    "Perth": "Australia/Perth",
    "Hanoi": "Asia/Bangkok",  # Rails maps Hanoi to Bangkok's zone (UTC+7, as Vietnam)
    "Bangkok": "Asia/Bangkok",
    "UTC": "UTC",
}
SALE_EVENTS = {"payment": ReceiptKind.SALE, "refund": ReceiptKind.REFUND}
FINAL_STATUSES = {"", "complete", "completed"}


class SquareReader(Reader):
    name = "square"
    sniff_priority = 20

    def can_read(self, path: Path, head: bytes) -> bool:
        # Only the receipts files: a report's words (Gross Sales, Net Sales) are every POS's, so a
        # report is set aside only in a folder set up for Square (``group_files``), never by sniffing.
        return self._role(head) in ("transactions", "items")

    @staticmethod
    def _role(head: bytes) -> str | None:
        if head_has(head, "Transaction ID", "Total Collected"):
            return "transactions"
        if head_has(head, "Transaction ID", "Price Point Name", "Qty"):
            return "items"
        if head_has(head, "Gross Sales", "Net Sales") and not (
            head_has(head, "Transaction ID") or head_has(head, "Payment ID")
        ):
            # A dashboard report exported beside the receipts (Sales Summary, Item Sales, Category
            # Sales: sums of Gross Sales / Net Sales per day, item or category, squareup.com help
            # "Square Glossary" and "sales summary reports"): no transaction in it. A receipts
            # export always has Transaction ID, so it is never taken for one. (A Loyverse receipts
            # file has these words too: hence never when sniffing, see ``can_read``.)
            return "not_receipts"
        return None

    def group_files(self, paths: Iterable[Path]) -> list[FileGroup]:
        paths = list(paths)
        reports = [p for p in paths if self._role(head_of(p)) == "not_receipts"]
        quiet = [FileGroup(files=(p,), key=str(p), not_receipts=True) for p in reports]
        rest = [p for p in paths if p not in reports]
        return quiet + group_siblings(rest, ROLES, required=("transactions",), names=FILE_NAMES)

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        legacy = legacy_encodings(ctx.vietnamese)
        transactions: list[Table] = []
        items: list[Table] = []
        for path in as_path_list(paths):
            with path.open("rb") as fh:
                role = self._role(fh.read(64 * 1024))
            if role == "not_receipts":
                continue
            if role == "items":
                items.append(read_table(path, ITEM_COLUMNS, legacy=legacy))
            else:  # unknown files read as transactions, so the error names the missing columns
                transactions.append(read_table(path, TRANSACTION_COLUMNS, legacy=legacy))
        if not transactions:
            raise ReaderError(
                "Square item details cannot be read without the transactions file of the same export.",
                file=", ".join(t.file for t in items),
            )
        rows = [r for t in transactions + items for r in t.rows]
        order = infer_date_order([r.get("date") for r in rows], ctx.default_date_order)
        result = ReadResult()
        left_out: set[str] = set()  # transactions deliberately skipped: their item rows are not strays
        receipts = self._transactions(ctx, order, [r for t in transactions for r in t.rows], result, left_out)
        self._attach_items(ctx, order, receipts, [r for t in items for r in t.rows], result, left_out)
        for receipt, lines in receipts.values():
            result.receipts.append(signed(_with_lines(receipt, lines)))
        return result

    def _transactions(
        self, ctx: ReadContext, order: DateOrder, rows: list[Row], result: ReadResult, left_out: set[str]
    ) -> dict[tuple[str, str], tuple[Receipt, list[ReceiptLine]]]:
        """Receipts keyed by (transaction id, event key) for the item rows to find."""
        receipts: dict[tuple[str, str], tuple[Receipt, list[ReceiptLine]]] = {}
        for row in rows:
            try:
                row.check()
                txn = row.required("txn")
                event = row.text("event").casefold() or "payment"
                kind = SALE_EVENTS.get(event)
                status = row.text("status").casefold()
                if kind is None or status not in FINAL_STATUSES:
                    left_out.add(txn)
                    result.skipped.append(
                        Note("{0}: {1} {2} ({3}) is not a completed payment or refund.", row.ref,
                             row.text("event") or "—", txn, row.text("status") or "—")
                    )
                    continue
                closed = self._moment(ctx, order, row)
                cur = ctx.currency
                payment = row.text("payment")
                if kind is ReceiptKind.SALE:
                    external_id, refund_of = payment or txn, ""
                else:
                    # Its own Transaction ID; an old export without Payment ID repeated the sale's.
                    external_id = txn if payment else f"{txn}#refund-{closed:%Y%m%d%H%M%S}"
                    refund_of = payment or txn
                total = row.money("total", cur, decimal=".", default=None)
                if kind is ReceiptKind.SALE:
                    total -= row.money("partial_refunds", cur, decimal=".")
                receipt = Receipt(
                    source=self.name,
                    external_id=external_id,
                    store_id=ctx.store_id,
                    closed_at=closed,
                    total=total,
                    subtotal=row.money("gross", cur, decimal="."),
                    discount=abs(row.money("discounts", cur, decimal=".")),
                    tax=row.money("tax", cur, decimal="."),
                    tip=row.money("tip", cur, decimal=".") + row.money("service", cur, decimal="."),
                    currency=cur.code,
                    kind=kind,
                    customer_name=row.text("customer_name"),
                    customer_card=row.text("customer_ref"),
                    refund_of=refund_of,
                    raw_ref=row.ref,
                )
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
                continue
            key = (txn, _event_key(kind, row))
            if key in receipts:
                result.problems.append(
                    Problem(row.file, row.line, "Transaction ID",
                        Notice("{0} appears twice for the same event.", txn=txn))
                )
                continue
            receipts[key] = (receipt, [])
        return receipts

    def _attach_items(
        self,
        ctx: ReadContext,
        order: DateOrder,
        receipts: dict[tuple[str, str], tuple[Receipt, list[ReceiptLine]]],
        rows: list[Row],
        result: ReadResult,
        left_out: set[str],
    ) -> None:
        broken: set[tuple[str, str]] = set()
        for row in rows:
            txn = row.text("txn")
            if not txn or row.damage:
                why = row.damage or Notice("its Transaction ID is empty")
                result.problems.append(
                    Problem(row.file, row.line, None,
                        Notice("This item row cannot be placed in a receipt: {0}.", why=why))
                )
                result.all_or_nothing = True
                continue
            event = row.text("event").casefold() or "payment"
            kind = SALE_EVENTS.get(event)
            if kind is None:
                continue
            key = (txn, _event_key(kind, row))
            if key not in receipts and txn in left_out:
                continue
            if key not in receipts:
                result.problems.append(
                    Problem(
                        row.file,
                        row.line,
                        "Transaction ID",
                        Notice("Item row for transaction {0} has no matching row in the transactions file.", txn=txn),
                    )
                )
                continue
            try:
                name = row.required("item")
                point = row.text("price_point")
                if point and point.casefold() != "regular":
                    name = f"{name} ({point})"
                gross = row.money("gross", ctx.currency, decimal=".", default=None)
                net = row.money("net", ctx.currency, decimal=".", default=None) if row.text("net") else None
                if net is None:
                    net = gross + row.money("discounts", ctx.currency, decimal=".")
                line = make_line(
                    name,
                    row.quantity("qty", decimal="."),
                    gross=gross,
                    net=net,
                    sku=row.text("sku"),
                    category=row.text("category"),
                )
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
                broken.add(key)
                continue
            if line is not None:
                receipts[key][1].append(line)
        for key in broken:  # a receipt missing one of its lines would earn wrongly: leave it out
            receipts.pop(key)

    def _moment(self, ctx: ReadContext, order: DateOrder, row: Row) -> datetime:
        zone = ctx.tz
        name = row.text("zone")
        if name in RAILS_ZONES:
            zone = ZoneInfo(RAILS_ZONES[name])
        try:
            return combine_date_time(row.get("date"), row.get("time"), zone, order=order)
        except FieldError as err:
            err.line, err.column = row.line, f"{row.header('date')} / {row.header('time')}"
            raise


def _event_key(kind: ReceiptKind, row: Row) -> str:
    """Payments are one per transaction; refunds are told apart by their time."""
    if kind is ReceiptKind.SALE:
        return "payment"
    return f"refund {row.text('date')} {row.text('time')}"


def _with_lines(receipt: Receipt, lines: list[ReceiptLine]) -> Receipt:
    return dataclasses.replace(receipt, lines=tuple(lines)) if lines else receipt
