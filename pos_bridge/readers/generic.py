"""The documented generic format (see GENERIC_FORMAT.md), as CSV and as JSON.

For POS we ship no reader for: most can export a report with custom columns,
and a small script can write this shape from anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.money import CURRENCIES, Money
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import Problem, Reader, ReaderError, ReadResult, as_path_list
from pos_bridge.readers.common import collect, group_rows, make_line, problem_of, signed, void_id
from pos_bridge.readers.textio import Column, Row, decode, head_has, head_text, legacy_encodings, read_table
from pos_bridge.readers.values import (
    Cell,
    DateOrder,
    FieldError,
    ReadContext,
    cell_text,
    infer_date_order,
    parse_datetime,
    parse_money,
    parse_quantity,
    shown,
    truthy,
)

RECEIPT_FIELDS = (
    "receipt_id",
    "closed_at",
    "opened_at",
    "total",
    "subtotal",
    "discount",
    "tax",
    "tip",
    "currency",
    "kind",
    "refund_of",
    "customer_phone",
    "customer_card",
    "customer_name",
)
LINE_FIELDS = (
    "line_sku",
    "line_name",
    "line_category",
    "line_qty",
    "line_unit_price",
    "line_discount",
    "line_is_reward",
)
REQUIRED = ("receipt_id", "closed_at", "total")
_COMPARED = tuple(name for name in RECEIPT_FIELDS if name != "kind")
COLUMNS = tuple(Column(name, (name,), required=name in REQUIRED) for name in RECEIPT_FIELDS + LINE_FIELDS)
KINDS = {
    "sale": ReceiptKind.SALE,
    "refund": ReceiptKind.REFUND,
    "return": ReceiptKind.REFUND,
    "void": ReceiptKind.VOID,
    "cancelled": ReceiptKind.VOID,
}


def _kind(value: str) -> ReceiptKind:
    kind = KINDS.get(value.casefold() or "sale")
    if kind is None:
        raise FieldError("{0} is not a kind; write sale, refund or void.", value=shown(value))
    return kind


def _ids(kind: ReceiptKind, receipt_id: str, refund_of: str) -> tuple[str, str]:
    """A void written with the sale's own id becomes ``<id>#void`` (see base docstring)."""
    if kind is ReceiptKind.VOID:
        sale = refund_of or receipt_id
        return (void_id(sale) if receipt_id == sale else receipt_id), sale
    return receipt_id, refund_of


_SEP = "\x1f"


def _receipt_key() -> Callable[[Row], str]:
    """Rows group by receipt id *and* kind: a void may reuse its sale's id.
    A row with a blank kind continues the last receipt with its id."""
    last_kind: dict[str, str] = {}

    def key_of(row: Row) -> str:
        receipt_id = row.text("receipt_id")
        if not receipt_id:
            return ""
        kind = row.text("kind").casefold() or last_kind.get(receipt_id, "sale")
        last_kind[receipt_id] = kind
        return f"{receipt_id}{_SEP}{kind}"

    return key_of


class GenericCsvReader(Reader):
    name = "generic_csv"
    sniff_priority = 90

    def can_read(self, path: Path, head: bytes) -> bool:
        return path.suffix.casefold() in {".csv", ".txt", ".tsv"} and head_has(head, "receipt_id", "closed_at", "total")

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        result = ReadResult()
        for path in as_path_list(paths):
            table = read_table(path, COLUMNS, legacy=legacy_encodings(ctx.vietnamese))
            order = infer_date_order([r.get("closed_at") for r in table.rows], ctx.default_date_order)
            groups = group_rows(table.rows, _receipt_key(), result)
            collect(
                result,
                groups,
                lambda key, rows, order=order: self._receipt(ctx, order, key.split(_SEP)[0], rows),
            )
        return result

    def _receipt(self, ctx: ReadContext, order: DateOrder, key: str, rows: list[Row]) -> Receipt:
        head = rows[0]
        for row in rows[1:]:
            for name in _COMPARED:
                value = row.values.get(name)
                if value is None or value == "":
                    continue  # continuation rows leave the receipt's fields blank
                if cell_text(value) and cell_text(value) != head.text(name):
                    raise row.error(
                        name, "differs from line {0} of the same receipt {1}.", first=head.line, receipt=shown(key)
                    )
        code = head.text("currency")
        if code and code.upper() != ctx.currency.code:
            raise head.error(
                "currency", "{0} is not the store's currency {1}.", code=shown(code), store=ctx.currency.code
            )
        kind = _kind(head.text("kind"))
        external_id, refund_of = _ids(kind, key, head.text("refund_of"))
        lines = tuple(line for row in rows if (line := self._line(ctx, row)) is not None)
        opened = head.moment("opened_at", ctx.tz, order=order) if head.text("opened_at") else None
        return checked(
            Receipt(
                source=self.name,
                external_id=external_id,
                store_id=ctx.store_id,
                closed_at=head.moment("closed_at", ctx.tz, order=order),
                opened_at=opened,
                total=head.money("total", ctx.currency, default=None),
                subtotal=head.money("subtotal", ctx.currency),
                discount=head.money("discount", ctx.currency),
                tax=head.money("tax", ctx.currency),
                tip=head.money("tip", ctx.currency),
                currency=ctx.currency.code,
                kind=kind,
                lines=lines,
                customer_phone=head.text("customer_phone"),
                customer_card=head.text("customer_card"),
                customer_name=head.text("customer_name"),
                refund_of=refund_of,
                raw_ref=head.ref,
            ),
            head.line,
        )

    def _line(self, ctx: ReadContext, row: Row) -> ReceiptLine | None:
        if not any(cell_text(row.values.get(name)) for name in LINE_FIELDS):
            return None  # a receipt without lines: one row, totals only
        name = row.required("line_name")
        try:
            return make_line(
                name,
                row.quantity("line_qty", default=Decimal(1)),
                unit_price=row.money("line_unit_price", ctx.currency, default=None),
                discount=row.money("line_discount", ctx.currency),
                sku=row.text("line_sku"),
                category=row.text("line_category"),
                is_reward=truthy(row.get("line_is_reward")),
            )
        except FieldError as err:
            err.line = err.line or row.line
            raise


class GenericJsonReader(Reader):
    """A JSON list of receipt objects (or ``{"receipts": [...]}``), lines inside."""

    name = "generic_json"
    sniff_priority = 90

    def can_read(self, path: Path, head: bytes) -> bool:
        text = head_text(head).lstrip()
        return text[:1] in ("[", "{") and '"receipt_id"' in text

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.name, store_id, tz, currency)
        result = ReadResult()
        for path in as_path_list(paths):
            items = self._load(path, ctx)
            stamps = [i.get("closed_at") if isinstance(i, dict) else None for i in items]
            order = infer_date_order(stamps, ctx.default_date_order)
            for index, item in enumerate(items):
                where = f"receipts[{index}]"
                try:
                    result.receipts.append(self._receipt(ctx, order, item, path.name, where))
                except FieldError as err:
                    result.problems.append(problem_of(err, None, path.name))
        return result

    def _load(self, path: Path, ctx: ReadContext) -> list[Any]:
        from pos_bridge.readers.textio import read_bytes

        text = decode(read_bytes(path), file=path.name, legacy=legacy_encodings(ctx.vietnamese)).text
        try:
            data = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as err:
            raise ReaderError("The JSON is broken: {0}.", file=path.name, line=err.lineno, why=err.msg) from None
        except (ValueError, RecursionError) as err:
            raise ReaderError("The JSON cannot be read ({0}).", file=path.name, why=type(err).__name__) from None
        if isinstance(data, dict) and isinstance(data.get("receipts"), list):
            data = data["receipts"]
        if not isinstance(data, list):
            raise ReaderError('The JSON must be a list of receipts or {"receipts": [...]}.', file=path.name)
        return data

    def _receipt(self, ctx: ReadContext, order: DateOrder, item: Any, file: str, where: str) -> Receipt:
        if not isinstance(item, dict):
            raise FieldError("This entry is not a receipt object.", column=where)

        def text(name: str, obj: dict[str, Any] = item) -> str:
            return cell_text(_scalar(obj.get(name), name, where))

        def money(name: str, obj: dict[str, Any] = item, required: bool = False, at: str = where) -> int:
            value = _scalar(obj.get(name), name, at)
            if value is None or cell_text(value) == "":
                if required:
                    raise FieldError("{0} is missing.", column=at, name=name)
                return 0
            try:
                return parse_money(value, ctx.currency)
            except FieldError as err:
                raise FieldError(err.message, column=f"{at}.{name}") from None

        def moment(name: str) -> datetime:
            try:
                return parse_datetime(_scalar(item.get(name), name, where), ctx.tz, order=order)
            except FieldError as err:
                raise FieldError(err.message, column=f"{where}.{name}") from None

        receipt_id = text("receipt_id")
        if not receipt_id:
            raise FieldError("receipt_id is missing.", column=where)
        where = f"{where} ({receipt_id})"
        code = text("currency")
        if code and code.upper() != ctx.currency.code:
            raise FieldError(
                "{0} is not the store's currency {1}.", column=where, code=shown(code), store=ctx.currency.code
            )
        try:
            kind = _kind(text("kind"))
        except FieldError as err:
            raise FieldError(err.message, column=f"{where}.kind") from None
        external_id, refund_of = _ids(kind, receipt_id, text("refund_of"))
        raw_lines = item.get("lines") or []
        if not isinstance(raw_lines, list):
            raise FieldError("lines must be a list.", column=where)
        lines = []
        for n, raw in enumerate(raw_lines):
            at = f"{where}.lines[{n}]"
            if not isinstance(raw, dict):
                raise FieldError("This line is not an object.", column=at)
            name = text("name", raw)
            if not name:
                raise FieldError("The line has no name.", column=at)
            try:
                qty_value = _scalar(raw.get("qty", 1), "qty", at)
                qty = parse_quantity(qty_value if qty_value not in (None, "") else 1)
            except FieldError as err:
                raise FieldError(err.message, column=f"{at}.qty") from None
            line = make_line(
                name,
                qty,
                unit_price=money("unit_price", raw, required=True, at=at),
                discount=money("discount", raw, at=at),
                sku=text("sku", raw),
                category=text("category", raw),
                is_reward=truthy(_scalar(raw.get("is_reward"), "is_reward", at)),
            )
            if line is not None:
                lines.append(line)
        return checked(
            Receipt(
                source=self.name,
                external_id=external_id,
                store_id=ctx.store_id,
                closed_at=moment("closed_at"),
                opened_at=moment("opened_at") if text("opened_at") else None,
                total=money("total", required=True),
                subtotal=money("subtotal"),
                discount=money("discount"),
                tax=money("tax"),
                tip=money("tip"),
                currency=ctx.currency.code,
                kind=kind,
                lines=tuple(lines),
                customer_phone=text("customer_phone"),
                customer_card=text("customer_card"),
                customer_name=text("customer_name"),
                refund_of=refund_of,
                raw_ref=f"{file}:{where}",
            ),
            None,
            where,
        )


def checked(receipt: Receipt, line: int | None, where: str | None = None) -> Receipt:
    """The documented figures must add up (GENERIC_FORMAT.md): lines to the subtotal,
    subtotal less discount plus tax and tip to the total. A file whose columns were
    cut or mixed up fails here instead of earning wrong points."""
    receipt = signed(receipt)
    if receipt.kind is ReceiptKind.VOID or not receipt.subtotal:
        return receipt
    gross = sum(li.qty * li.unit_price for li in receipt.lines)
    if receipt.lines and gross != receipt.subtotal:
        cur = CURRENCIES[receipt.currency]
        raise FieldError(
            "The lines add up to {0}, but the subtotal is {1}.",
            line=line,
            column=where,
            lines=Money(abs(gross), cur),
            subtotal=Money(abs(receipt.subtotal), cur),
        )
    expected = receipt.subtotal - receipt.discount + receipt.tax + receipt.tip
    if expected != receipt.total:
        cur = CURRENCIES[receipt.currency]
        raise FieldError(
            "The total {0} is not subtotal - discount + tax + tip ({1}).",
            line=line,
            column=where,
            total=Money(abs(receipt.total), cur),
            expected=Money(abs(expected), cur),
        )
    return receipt


def _scalar(value: Any, name: str, where: str) -> Cell:
    if isinstance(value, (dict, list)):
        raise FieldError("{0} must be a single value, not a list or an object.", column=where, name=name)
    return value


__all__ = ["GenericCsvReader", "GenericJsonReader", "Problem"]
