"""Pieces every reader shares: lines from POS figures, refund signs, problems."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from app.core.errors import Notice
from app.core.money import shown
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import FileGroup, Problem, ReadResult
from pos_bridge.readers.textio import Row
from pos_bridge.readers.values import FieldError


def void_id(sale_id: str) -> str:
    """A void's own id: never the sale's, so dedupe keeps both (see base docstring)."""
    return f"{sale_id}#void"


def make_line(
    name: str,
    qty: Decimal,
    *,
    unit_price: int | None = None,
    gross: int | None = None,
    net: int | None = None,
    discount: int | None = None,
    sku: str = "",
    category: str = "",
    is_reward: bool = False,
) -> ReceiptLine | None:
    """A ReceiptLine from whatever figures the POS gives.

    POS give either a unit price or the line's gross; a net (after discount) or
    a discount. The line's total (``qty * unit_price - discount``) always equals
    the POS's net, so the receipt adds up even when a gross does not divide by
    the quantity (the cent of rounding lands in the discount). A fractional
    quantity (0.5 kg) becomes one unit at the line's amount: ReceiptLine counts
    whole units, and the money must stay right.
    """
    if gross is None and unit_price is None:
        raise FieldError("The line {0} has neither a price nor an amount.", name=shown(name))
    if qty == 0:
        if (gross or 0) == 0 and (net or 0) == 0:
            return None  # a comment or a removed item, not a sale
        raise FieldError("The line {0} has an amount but a quantity of 0.", name=shown(name))
    if gross is None:
        gross = _round(Decimal(unit_price or 0) * qty)
    if net is None:
        net = gross - (discount or 0)
    if qty == qty.to_integral_value():
        count = int(qty)
        if unit_price is None:
            unit_price = _round(Decimal(abs(gross)) / abs(count))
    else:
        count = -1 if qty < 0 else 1
        unit_price = abs(gross)
    unit_price = abs(unit_price)
    return ReceiptLine(
        name=name,
        qty=count,
        unit_price=unit_price,
        sku=sku,
        category=category,
        discount=count * unit_price - net,
        is_reward=is_reward,
    )


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def signed(receipt: Receipt) -> Receipt:
    """Refunds carry negative money and negative quantities, whatever the POS wrote."""
    if receipt.kind is not ReceiptKind.REFUND:
        return receipt
    lines = tuple(
        dataclasses.replace(line, qty=-line.qty, discount=-line.discount) if line.qty > 0 else line
        for line in receipt.lines
    )
    return dataclasses.replace(
        receipt,
        total=-abs(receipt.total),
        subtotal=-abs(receipt.subtotal),
        discount=-abs(receipt.discount),
        tax=-abs(receipt.tax),
        tip=-abs(receipt.tip),
        lines=lines,
    )


def problem_of(err: FieldError, row: Row | None, file: str) -> Problem:
    line = err.line if err.line is not None else (row.line if row else None)
    return Problem(file=row.file if row else file, line=line, column=err.column, message=err.message)


def collect(
    result: ReadResult,
    groups: Iterable[tuple[str, list[Row]]],
    build: Callable[[str, list[Row]], Receipt | None],
) -> None:
    """Build one receipt per group of rows; a bad value costs that receipt only."""
    for key, rows in groups:
        try:
            for row in rows:
                row.check()
            receipt = build(key, rows)
        except FieldError as err:
            result.problems.append(problem_of(err, rows[0] if rows else None, ""))
            continue
        if receipt is not None:
            result.receipts.append(receipt)


def group_rows(
    rows: Iterable[Row],
    key_of: Callable[[Row], str],
    result: ReadResult,
    *,
    continues: Callable[[Row], bool] | None = None,
) -> Iterator[tuple[str, list[Row]]]:
    """Rows of one receipt, in file order, keyed by the receipt id.

    ``continues(row)``: whether a row with an empty id is a further line of
    the receipt above it (some exports write the invoice fields on its first
    line only). Any other row without an id cannot be placed: that is the
    all-or-nothing case, as its line could belong to any receipt.
    """
    groups: dict[str, list[Row]] = {}
    current = ""
    for row in rows:
        key = key_of(row)
        if not key:
            if continues is not None and current and not row.damage and continues(row):
                groups[current].append(row)
                continue
            why = row.damage or Notice("the receipt number is empty")
            result.problems.append(Problem(row.file, row.line, None,
                Notice("This row cannot be placed in a receipt: {0}.", why=why)))
            result.all_or_nothing = True
            continue
        current = key
        groups.setdefault(key, []).append(row)
    yield from groups.items()


# ---------------------------------------------------------------- sibling files


def group_siblings(
    paths: Iterable[Path],
    roles: dict[str, re.Pattern[str]],
    *,
    required: tuple[str, ...],
    names: dict[str, str],
) -> list[FileGroup]:
    """Group files of a multi-file export by folder and by the rest of their name.

    ``roles`` maps a role to a pattern that finds the role's word in a file
    name (``OrderDetails``); what is left of the name (a date stamp such as
    ``_2024-03-12``) plus the folder identifies the export. Files matching no
    role are groups of their own, so reading them reports a clear error.
    """
    exports: dict[tuple[Path, str], dict[str, Path]] = {}
    strays: list[FileGroup] = []
    for path in sorted(paths):
        for role, pattern in roles.items():
            m = pattern.search(path.name)
            if m:
                rest = (path.name[: m.start()] + "*" + path.name[m.end() :]).casefold()
                exports.setdefault((path.parent, rest), {}).setdefault(role, path)
                break
        else:
            strays.append(FileGroup(files=(path,), key=str(path)))
    groups = []
    for (folder, rest), found in exports.items():
        missing = tuple(names[r] for r in roles if r not in found)
        groups.append(
            FileGroup(
                files=tuple(found[r] for r in roles if r in found),
                missing=missing,
                readable_as_is=all(r in found for r in required),
                key=f"{folder}/{rest}",
            )
        )
    return groups + strays


def head_of(path: Path) -> bytes:
    """A file's first 64 KiB, for telling its role; b"" when it cannot be opened (gone, or locked by
    the POS): grouped as receipts then, so reading it says what is wrong."""
    try:
        with path.open("rb") as fh:
            return fh.read(64 * 1024)
    except OSError:
        return b""
