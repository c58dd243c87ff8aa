"""Toast: the nightly data export (OrderDetails, CheckDetails, ItemSelectionDetails, PaymentDetails).

Toast drops one folder per business day (``<export id>/<YYYYMMDD>/``) holding a
fixed set of files. Four of them make receipts: ``OrderDetails.csv`` (one row
per order, with its money), ``CheckDetails.csv`` (the checks, with the guest's
name and phone), ``ItemSelectionDetails.csv`` (one row per item) and
``PaymentDetails.csv`` (one row per payment, with its refund and void). The
others (``AllItemsReport.csv``, ``CashEntries.csv``, ``KitchenTimings.csv``,
``ModifiersSelectionDetails.csv``, ``TimeEntries.csv``, ``AccountingReport.xls``,
``MenuExport.json`` …) are *not receipts*: this reader recognises them so the
watcher archives them quietly instead of quarantining them every night.

Sources (read again for issue 10): Toast's data export field reference,
doc.toasttab.com ("Data export field reference": AccountingReport.xls,
AllItemsReport.csv, CashEntries.csv, CheckDetails.csv, ItemSelectionDetails.csv,
KitchenTimings.csv, ModifiersSelectionDetails.csv, OrderDetails.csv,
PaymentDetails.csv, TimeEntries.csv; and the per-file pages ``payment_details``
and ``check_details``). PaymentDetails' fields: Location, Payment Id, Order Id,
Order #, Paid Date, Order Date, Check Id, Check #, …, Amount, Tip, Gratuity,
Total, …, Refunded ("status of refund"), Refund Date, Refund Amount, Refund Tip
Amount, Void User, Void Approver, Void Date, Status, Type …; dates are
``MM/DD/YYYY HH:MM:SS``.

* A receipt is an *order*: its ``external_id`` is Toast's ``Order Id``
  (unique; ``Order #`` restarts every day). Checks link to orders through
  ``Check Id`` in the item rows, or through ``Checks`` in the order row.
* ``Voided`` orders become VOIDs (``<Order Id>#void``); voided items (``Void?``)
  are not lines. Orders not yet paid are skipped: the next export has them.
* A payment with a ``Refund Amount`` is a REFUND of its order
  (``<Order Id>#refund-<Payment Id>``, at its ``Refund Date``; the refunded tip is
  the refund's tip, which never earned). A refund made days later appears in
  that later night's PaymentDetails and still finds its order by Order Id.
  ``Refund Amount`` is the payment's refunds *so far*: a second partial refund
  of the same payment shows the payment again with a larger figure, so the
  receipt is marked ``cumulative`` and the till applies only the difference
  (``app.services.receipts._refund_increment``).
* An order whose every payment was voided (``Void Date``) is a VOID, unless
  OrderDetails already says so; a voided payment that another payment replaced
  takes nothing back, and the reader says so in ``skipped``.
* ``tip`` is ``Tip`` plus ``Gratuity`` (an automatic service charge never earns).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.core.errors import Notice
from app.core.notes import Note
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import FileGroup, Problem, Reader, ReaderError, ReadResult, as_path_list
from pos_bridge.readers.common import group_siblings, make_line, problem_of, void_id
from pos_bridge.readers.textio import Column, Row, Table, head_has, legacy_encodings, read_table
from pos_bridge.readers.values import FieldError, ReadContext, infer_date_order, truthy

ORDER_COLUMNS = (
    Column("order_id", ("Order Id",), required=True),
    Column("order_no", ("Order #",)),
    Column("checks", ("Checks",)),
    Column("opened", ("Opened",), required=True),
    Column("discount", ("Discount Amount",)),
    Column("amount", ("Amount",), required=True),
    Column("tax", ("Tax",)),
    Column("tip", ("Tip",)),
    Column("gratuity", ("Gratuity",)),
    Column("total", ("Total",), required=True),
    Column("voided", ("Voided",)),
    Column("paid", ("Paid",)),
    Column("closed", ("Closed",)),
)
CHECK_COLUMNS = (
    Column("check_id", ("Check Id",), required=True),
    Column("check_no", ("Check #",)),
    Column("customer_id", ("Customer Id",)),
    Column("customer", ("Customer",)),
    Column("phone", ("Customer Phone",)),
)
ITEM_COLUMNS = (
    Column("order_id", ("Order Id",), required=True),
    Column("check_id", ("Check Id",)),
    Column("sku", ("SKU",)),
    Column("plu", ("PLU",)),
    Column("item", ("Menu Item",), required=True),
    Column("group", ("Menu Group",)),
    Column("sales_category", ("Sales Category",)),
    Column("gross", ("Gross Price",), required=True),
    Column("discount", ("Discount", "Discnt")),
    Column("net", ("Net Price",)),
    Column("qty", ("Qty",), required=True),
    Column("void", ("Void?",)),
)
PAYMENT_COLUMNS = (
    Column("payment_id", ("Payment Id",), required=True),
    Column("order_id", ("Order Id",), required=True),
    Column("paid", ("Paid Date",)),
    Column("amount", ("Amount",)),
    Column("tip", ("Tip",)),
    Column("refunded", ("Refunded",)),
    Column("refund_date", ("Refund Date",)),
    Column("refund_amount", ("Refund Amount",)),
    Column("refund_tip", ("Refund Tip Amount",)),
    Column("void_date", ("Void Date",)),
    Column("status", ("Status",)),
)
ROLES = {
    "orders": re.compile(r"(?i)OrderDetails"),
    "checks": re.compile(r"(?i)CheckDetails"),
    "items": re.compile(r"(?i)ItemSelectionDetails"),
    "payments": re.compile(r"(?i)PaymentDetails"),
}
FILE_NAMES = {
    "orders": "OrderDetails.csv",
    "checks": "CheckDetails.csv",
    "items": "ItemSelectionDetails.csv",
    "payments": "PaymentDetails.csv",
}
# The rest of the nightly drop: recognised, archived, never read as receipts.
NOT_RECEIPTS = re.compile(
    r"(?i)^(AccountingReport|AllItemsReport|CashEntries|KitchenTimings|ModifiersSelectionDetails|TimeEntries"
    r"|HouseAccountExport|MenuExport(V2)?|ItemSelectionDetailsModifiers|GuestFeedback|DepositsDetails)"
    r"([-_ ].*)?\.(csv|xls|xlsx|json)$"
)
VOIDED_PAYMENT = {"voided", "void"}


class ToastReader(Reader):
    name = "toast"
    sniff_priority = 20

    def can_read(self, path: Path, head: bytes) -> bool:
        return self._role(path, head) is not None

    @staticmethod
    def _role(path: Path, head: bytes) -> str | None:
        if NOT_RECEIPTS.match(path.name):
            return "not_receipts"
        for role, pattern in ROLES.items():
            if pattern.search(path.name):
                return role
        if head_has(head, "Order Id", "Opened", "Voided", "Duration (Opened to Paid)"):
            return "orders"
        if head_has(head, "Item Selection Id", "Menu Item", "Order Id"):
            return "items"
        if head_has(head, "Check Id", "Customer Phone", "Tender"):
            return "checks"
        if head_has(head, "Payment Id", "Order Id", "Refund Amount"):
            return "payments"
        return None

    def group_files(self, paths: Iterable[Path]) -> list[FileGroup]:
        paths = list(paths)
        quiet = [p for p in paths if NOT_RECEIPTS.match(p.name)]
        groups = group_siblings([p for p in paths if p not in quiet], ROLES, required=(), names=FILE_NAMES)
        out = [FileGroup(files=(p,), key=str(p), not_receipts=True) for p in quiet]
        for group in groups:
            roles = {self._role(p, b"") for p in group.files}
            # OrderDetails makes receipts; PaymentDetails alone still carries refunds and voids.
            readable = bool(roles & {"orders", "payments"})
            out.append(dataclasses.replace(group, readable_as_is=readable))
        return out

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        legacy = legacy_encodings(ctx.vietnamese)
        tables: dict[str, list[Table]] = {"orders": [], "checks": [], "items": [], "payments": []}
        columns = {"orders": ORDER_COLUMNS, "checks": CHECK_COLUMNS, "items": ITEM_COLUMNS, "payments": PAYMENT_COLUMNS}
        for path in as_path_list(paths):
            with path.open("rb") as fh:
                role = self._role(path, fh.read(64 * 1024)) or "orders"
            if role == "not_receipts":
                continue
            tables[role].append(read_table(path, columns[role], legacy=legacy))
        if not tables["orders"] and not tables["payments"]:
            names = ", ".join(t.file for ts in tables.values() for t in ts)
            raise ReaderError(
                "Toast item or check details cannot be read without OrderDetails.csv of the same day.",
                file=names,
            )
        result = ReadResult()
        orders = [r for t in tables["orders"] for r in t.rows]
        items = [r for t in tables["items"] for r in t.rows]
        checks = [r for t in tables["checks"] for r in t.rows]
        payments = [r for t in tables["payments"] for r in t.rows]
        receipts, left_out = self._orders(ctx, orders, result)
        lines = self._lines(ctx, items, receipts, left_out, result) if orders else {}
        customers = self._customers(checks, items, orders, result)
        for order_id, receipt in receipts.items():
            name, phone = customers.get(order_id, ("", ""))
            result.receipts.append(
                dataclasses.replace(
                    receipt,
                    lines=tuple(lines.get(order_id, ())) if receipt.kind is ReceiptKind.SALE else (),
                    customer_name=name,
                    customer_phone=phone,
                )
            )
        result.receipts.extend(self._payments(ctx, payments, receipts, result))
        return result

    def _payments(
        self, ctx: ReadContext, rows: list[Row], orders: dict[str, Receipt], result: ReadResult
    ) -> list[Receipt]:
        """Refunds, and voids of orders whose every payment was voided, from PaymentDetails."""
        samples = [r.get(n) for r in rows for n in ("paid", "refund_date", "void_date")]
        order = infer_date_order(samples, "mdy")
        cur = ctx.currency
        out: list[Receipt] = []
        by_order: dict[str, list[Row]] = {}
        for row in rows:
            if row.damage:
                result.problems.append(Problem(row.file, row.line, None,
                    Notice("The row is damaged: {0}.", damage=row.damage)))
                continue
            by_order.setdefault(row.text("order_id"), []).append(row)
        for order_id, payments in by_order.items():
            voided = [p for p in payments if p.text("void_date") or p.text("status").casefold() in VOIDED_PAYMENT]
            for row in payments:
                try:
                    refund = abs(row.money("refund_amount", cur, decimal="."))
                    if row in voided or not refund:
                        continue
                    refund_tip = abs(row.money("refund_tip", cur, decimal="."))
                    when = "refund_date" if row.text("refund_date") else "paid"
                    out.append(
                        Receipt(
                            source=self.name,
                            external_id=f"{order_id}#refund-{row.required('payment_id')}",
                            store_id=ctx.store_id,
                            closed_at=row.moment(when, ctx.tz, order=order),
                            total=-(refund + refund_tip),
                            subtotal=-refund,
                            tip=-refund_tip,
                            currency=cur.code,
                            kind=ReceiptKind.REFUND,
                            refund_of=order_id,
                            cumulative=True,  # the payment's refunds so far: a later refund raises it
                            raw_ref=row.ref,
                        )
                    )
                except FieldError as err:
                    result.problems.append(problem_of(err, row, row.file))
            if not voided:
                continue
            sale = orders.get(order_id)
            if sale is not None and sale.kind is ReceiptKind.VOID:
                continue  # OrderDetails already voids the whole order
            names = ", ".join(p.text("payment_id") for p in voided)
            if len(voided) < len(payments):
                result.skipped.append(
                    Note("{0}: payment {1} of order {2} was voided and paid again; nothing to take back.",
                         voided[0].ref, names, order_id)
                )
                continue
            row = voided[0]
            try:
                when = "void_date" if row.text("void_date") else "paid"
                out.append(
                    Receipt(
                        source=self.name,
                        external_id=void_id(order_id),
                        store_id=ctx.store_id,
                        closed_at=row.moment(when, ctx.tz, order=order),
                        total=sum(
                            p.money("amount", cur, decimal=".") + p.money("tip", cur, decimal=".") for p in voided
                        ),
                        tip=sum(p.money("tip", cur, decimal=".") for p in voided),
                        currency=cur.code,
                        kind=ReceiptKind.VOID,
                        refund_of=order_id,
                        raw_ref=row.ref,
                    )
                )
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
        return out

    def _orders(self, ctx: ReadContext, rows: list[Row], result: ReadResult) -> tuple[dict[str, Receipt], set[str]]:
        samples = [r.get(n) for r in rows for n in ("opened", "paid", "closed")]
        order = infer_date_order(samples, "mdy")  # Toast is a US POS: month first unless a date says otherwise
        receipts: dict[str, Receipt] = {}
        left_out: set[str] = set()
        cur = ctx.currency
        for row in rows:
            try:
                row.check()
                order_id = row.required("order_id")
                voided = truthy(row.get("voided"))
                when = next((n for n in ("closed", "paid") if row.text(n)), "")
                if not voided and not when:
                    result.skipped.append(Note("{0}: order {1} is not paid yet.", row.ref, order_id))
                    left_out.add(order_id)
                    continue
                amount = row.money("amount", cur, decimal=".", default=None)
                discount = abs(row.money("discount", cur, decimal="."))
                receipt = Receipt(
                    source=self.name,
                    external_id=void_id(order_id) if voided else order_id,
                    store_id=ctx.store_id,
                    closed_at=row.moment(when or "opened", ctx.tz, order=order),
                    opened_at=row.moment("opened", ctx.tz, order=order),
                    total=row.money("total", cur, decimal=".", default=None),
                    subtotal=amount + discount,
                    discount=discount,
                    tax=row.money("tax", cur, decimal="."),
                    tip=row.money("tip", cur, decimal=".") + row.money("gratuity", cur, decimal="."),
                    currency=cur.code,
                    kind=ReceiptKind.VOID if voided else ReceiptKind.SALE,
                    refund_of=order_id if voided else "",
                    raw_ref=row.ref,
                )
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
                left_out.add(row.text("order_id"))  # its item rows are not strays
                continue
            if order_id in receipts:
                result.problems.append(
                    Problem(row.file, row.line, row.header("order_id"),
                        Notice("Order {0} appears twice.", order=order_id))
                )
                continue
            receipts[order_id] = receipt
        return receipts, left_out

    def _lines(
        self,
        ctx: ReadContext,
        rows: list[Row],
        receipts: dict[str, Receipt],
        left_out: set[str],
        result: ReadResult,
    ) -> dict[str, list[ReceiptLine]]:
        lines: dict[str, list[ReceiptLine]] = {}
        broken: set[str] = set()
        for row in rows:
            order_id = row.text("order_id")
            if not order_id or row.damage:
                why = row.damage or Notice("its Order Id is empty")
                result.problems.append(
                    Problem(row.file, row.line, None,
                        Notice("This item row cannot be placed in an order: {0}.", why=why))
                )
                result.all_or_nothing = True
                continue
            if truthy(row.get("void")):
                continue
            if order_id not in receipts:
                if order_id not in left_out:
                    result.problems.append(
                        Problem(
                            row.file,
                            row.line,
                            row.header("order_id"),
                            Notice("Item row for order {0}, which is not in OrderDetails.csv.", order=order_id),
                        )
                    )
                continue
            try:
                gross = row.money("gross", ctx.currency, decimal=".", default=None)
                net = row.money("net", ctx.currency, decimal=".", default=None) if row.text("net") else None
                line = make_line(
                    row.required("item"),
                    row.quantity("qty", decimal="."),
                    gross=gross,
                    net=net,
                    discount=abs(row.money("discount", ctx.currency, decimal=".")),
                    sku=row.text("sku") or row.text("plu"),
                    category=row.text("sales_category") or row.text("group"),
                )
            except FieldError as err:
                result.problems.append(problem_of(err, row, row.file))
                broken.add(order_id)
                continue
            if line is not None:
                lines.setdefault(order_id, []).append(line)
        for order_id in broken:  # an order missing one of its lines would earn wrongly
            receipts.pop(order_id, None)
        return lines

    def _customers(
        self, checks: list[Row], items: list[Row], orders: list[Row], result: ReadResult
    ) -> dict[str, tuple[str, str]]:
        """Order Id -> (customer name, phone), from the first check that names a guest."""
        by_check_id = {r.text("check_id"): r.text("order_id") for r in items if r.text("check_id")}
        by_check_no: dict[str, str] = {}
        for row in orders:
            for number in re.split(r"[,;\s]+", row.text("checks")):
                if number:
                    by_check_no.setdefault(number, row.text("order_id"))
        customers: dict[str, tuple[str, str]] = {}
        for row in checks:
            if row.damage:
                result.problems.append(Problem(row.file, row.line, None,
                    Notice("The row is damaged: {0}.", damage=row.damage)))
                continue
            name, phone = row.text("customer"), row.text("phone")
            if not (name or phone):
                continue
            order_id = by_check_id.get(row.text("check_id")) or by_check_no.get(row.text("check_no"), "")
            if order_id and order_id not in customers:
                customers[order_id] = (name, phone)
        return customers
