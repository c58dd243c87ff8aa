"""Any POS, mapped by the manager: a column-mapping profile turns an unknown export into receipts.

POS365, Sapo and many local POS systems export ``.xlsx``/CSV with their own columns, and most
have no public description. A manager picks a sample export, sees its columns and first rows
(``sample``), maps them to receipt fields, sets the date and number conventions, and saves a
named :class:`Profile` (JSON, ``pos-profiles/<name>.json`` in the till's home; see
``pos_bridge.profiles``). From then on a file whose header holds the profile's columns is read
with it. A file whose *name* looks like the profile's sample but whose columns no longer match
is still claimed by the profile and refused with the reason (the watcher quarantines it): a POS
update that renamed a column must be seen, not read wrongly or ignored.

Rows are grouped by the receipt id (one row per receipt, or one per line with the receipt's
fields repeated or written on its first row only). A kind column maps the POS's words for refund
and void; without one, a negative total is a refund. Amounts follow the profile's decimal mark
(None: inferred per value, as ``app.core.money.parse_money`` does).
"""

from __future__ import annotations

import csv
import dataclasses
import fnmatch
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInput
from app.core.money import shown
from app.core.receipt import Receipt, ReceiptKind
from pos_bridge.readers.base import Reader, ReaderError, ReadResult, as_path_list
from pos_bridge.readers.common import collect, group_rows, make_line, signed, void_id
from pos_bridge.readers.textio import (
    Column,
    Row,
    decode,
    head_text,
    header_key,
    legacy_encodings,
    read_bytes,
    read_table,
)
from pos_bridge.readers.values import Cell, FieldError, ReadContext, cell_text


class ProfileError(InvalidInput, ValueError):
    """A profile that cannot be saved or loaded (a template the mapping dialog says in its language);
    still a ValueError to the code that loads profiles from disk."""

    code = "pos_profile_invalid"


# The receipt fields a column can be mapped to, in the order a manager goes through them.
RECEIPT_FIELDS = ("receipt_id", "closed_at", "total", "customer_phone", "customer_card", "kind", "refund_of", "tip")
LINE_FIELDS = ("line_name", "line_sku", "line_category", "line_qty", "line_unit_price", "line_total")
FIELDS = RECEIPT_FIELDS + LINE_FIELDS
REQUIRED = ("receipt_id", "closed_at", "total")
DATE_ORDERS = ("dmy", "mdy")
DECIMALS = (None, ",", ".")


@dataclass(frozen=True)
class Profile:
    """How to read one POS's export. ``columns`` maps a receipt field to the header as written."""

    name: str
    columns: dict[str, str]
    date_order: str = "dmy"
    decimal: str | None = None  # None: inferred per value
    refund_words: tuple[str, ...] = ("refund", "trả hàng", "hoàn tiền")
    void_words: tuple[str, ...] = ("void", "cancelled", "canceled", "đã hủy", "hủy")
    file_pattern: str = ""  # e.g. "DanhSachHoaDon_*.xlsx": a file so named must match the columns
    source: str = ""  # the receipts' source (dedupe key); default "profile:<name>"
    about: str = ""  # where the columns come from, and how sure we are of them

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[\w\-]{1,40}", self.name):
            raise ProfileError("A profile name is letters, digits, - and _ (not {0}).", name=shown(self.name))
        unknown = set(self.columns) - set(FIELDS)
        if unknown:
            raise ProfileError("Not receipt fields: {0}.", fields=", ".join(sorted(unknown)))
        missing = [f for f in REQUIRED if not self.columns.get(f)]
        if missing:
            raise ProfileError("Map a column to {0}.", fields=", ".join(missing))
        if self.date_order not in DATE_ORDERS or self.decimal not in DECIMALS:
            raise ProfileError("The date order is dmy or mdy; the decimal mark is ',', '.' or none.")

    @property
    def receipt_source(self) -> str:
        return self.source or f"profile:{self.name}"

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["refund_words"], data["void_words"] = list(self.refund_words), list(self.void_words)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Profile:
        data: dict[str, Any] = json.loads(text)
        for key in ("refund_words", "void_words"):
            if key in data:
                data[key] = tuple(data[key])
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def matches_header(self, header: Sequence[object]) -> bool:
        keys = {header_key(h) for h in header}
        return all(header_key(col) in keys for col in self.columns.values() if col)

    def missing_columns(self, header: Sequence[object]) -> list[str]:
        keys = {header_key(h) for h in header}
        return [col for col in self.columns.values() if col and header_key(col) not in keys]

    def claims_name(self, path: Path) -> bool:
        return bool(self.file_pattern) and fnmatch.fnmatch(path.name.casefold(), self.file_pattern.casefold())


def name_pattern(file_name: str) -> str:
    """A sample's name as a pattern for the POS's next exports: digit runs become ``*``."""
    return re.sub(r"\d+", "*", file_name)


# ---------------------------------------------------------------- a sample, for the mapping screens


@dataclass
class Sample:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


def sample(path: Path, *, rows: int = 5) -> Sample:
    """The first non-empty row of an export (its header) and the rows after it, as text."""
    data = read_bytes(path)
    records: list[list[Cell]] = []
    if data.startswith(b"PK\x03\x04"):
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as err:
            why = type(err).__name__
            raise ReaderError("The spreadsheet is damaged or not an .xlsx file ({0}).", why=why) from None
        try:
            for values in workbook.worksheets[0].iter_rows(values_only=True, max_row=rows + 20):
                records.append(list(values))
        finally:
            workbook.close()
    else:
        text = decode(data, file=path.name, legacy=legacy_encodings(True)).text
        lines = [ln for ln in text.splitlines() if ln.strip()][: rows + 20]
        delimiter = _delimiter(lines[0] if lines else "")
        records = [list(r) for r in csv.reader(lines, delimiter=delimiter)]
    records = [r for r in records if any(cell_text(c) for c in r)]
    if not records:
        raise ReaderError("The file is empty.", file=path.name)
    width = max(i + 1 for i, c in enumerate(records[0]) if cell_text(c)) if any(records[0]) else 0
    header = [cell_text(c) for c in records[0][:width]]
    body = [[cell_text(c) for c in r[:width]] + [""] * (width - len(r[:width])) for r in records[1 : rows + 1]]
    return Sample(header, body)


def _delimiter(line: str) -> str:
    from pos_bridge.readers.textio import sniff_delimiter

    return sniff_delimiter(line)


# ---------------------------------------------------------------- the reader


class ProfileReader(Reader):
    """A reader made from a saved profile (``for_profile`` builds one class per profile)."""

    profile: Profile
    sniff_priority = 15  # a manager's own mapping is asked before the built-in formats

    @classmethod
    def for_profile(cls, profile: Profile) -> type[ProfileReader]:
        return type(f"ProfileReader_{profile.name}", (cls,), {"profile": profile, "name": f"profile:{profile.name}"})

    def can_read(self, path: Path, head: bytes) -> bool:
        if self.profile.claims_name(path):
            return True  # ours by name: if the columns changed, read() says so and the file is quarantined
        try:
            if not head.startswith(b"PK\x03\x04"):  # a text export: its first line is enough
                lines = [ln for ln in head_text(head).splitlines() if ln.strip()]
                first = next(csv.reader(lines[:1], delimiter=_delimiter(lines[0]))) if lines else []
                return self.profile.matches_header(first)
            return self.profile.matches_header(sample(path, rows=0).header)
        except Exception:  # sniffing never raises
            return False

    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        ctx = ReadContext.build(self.profile.receipt_source, store_id, tz, currency)
        result = ReadResult()
        columns = [Column(f, (h,), required=True) for f, h in self.profile.columns.items() if h]
        for path in as_path_list(paths):
            found = sample(path, rows=0).header
            missing = self.profile.missing_columns(found)
            if missing:
                raise ReaderError(
                    "The file no longer matches the column profile {0}: {1} missing. Map the new export again.",
                    file=path.name,
                    profile=shown(self.profile.name),
                    missing=", ".join(shown(m) for m in missing),
                )
            table = read_table(path, columns, legacy=legacy_encodings(ctx.vietnamese))
            groups = group_rows(table.rows, lambda r: r.text("receipt_id"), result, continues=self._continues)
            collect(result, groups, lambda key, rows: self._receipt(ctx, rows))
        return result

    def _continues(self, row: Row) -> bool:
        return not row.text("total") and any(row.text(f) for f in LINE_FIELDS if f in self.profile.columns)

    def _receipt(self, ctx: ReadContext, rows: list[Row]) -> Receipt:
        p, head, cur = self.profile, rows[0], ctx.currency
        number = head.required("receipt_id")
        total = head.money("total", cur, decimal=p.decimal, default=None)
        word = head.text("kind").casefold() if "kind" in p.columns else ""
        if word and word in {w.casefold() for w in p.void_words}:
            kind = ReceiptKind.VOID
        elif (word and word in {w.casefold() for w in p.refund_words}) or total < 0:
            kind = ReceiptKind.REFUND
        else:
            kind = ReceiptKind.SALE
        refund_of = head.text("refund_of") if "refund_of" in p.columns else ""
        lines = tuple(line for r in rows if (line := self._line(ctx, r)) is not None)
        receipt = Receipt(
            source=p.receipt_source,
            external_id=void_id(refund_of or number) if kind is ReceiptKind.VOID else number,
            store_id=ctx.store_id,
            closed_at=head.moment("closed_at", ctx.tz, order=p.date_order),  # type: ignore[arg-type]
            total=abs(total) if kind is ReceiptKind.VOID else total,
            subtotal=abs(sum(line.total for line in lines)) if lines else abs(total),
            tip=head.money("tip", cur, decimal=p.decimal) if "tip" in p.columns else 0,
            currency=cur.code,
            kind=kind,
            lines=lines,
            customer_phone=head.text("customer_phone") if "customer_phone" in p.columns else "",
            customer_card=head.text("customer_card") if "customer_card" in p.columns else "",
            refund_of=(refund_of or number) if kind is ReceiptKind.VOID else refund_of,
            raw_ref=head.ref,
        )
        return signed(receipt)

    def _line(self, ctx: ReadContext, row: Row) -> Any:
        p = self.profile
        if "line_name" not in p.columns or not row.text("line_name"):
            return None
        qty = row.quantity("line_qty", decimal=p.decimal) if "line_qty" in p.columns else Decimal(1)
        unit = row.money("line_unit_price", ctx.currency, decimal=p.decimal) if "line_unit_price" in p.columns else None
        net = row.money("line_total", ctx.currency, decimal=p.decimal) if "line_total" in p.columns else None
        if unit is None and net is None:
            name = shown(row.text("line_name"))
            raise FieldError("The line {0} has neither a price nor an amount.", line=row.line, name=name)
        return make_line(
            row.text("line_name"),
            abs(qty),
            unit_price=abs(unit) if unit is not None else None,
            gross=abs(net) if unit is None and net is not None else None,
            net=abs(net) if net is not None else None,
            sku=row.text("line_sku") if "line_sku" in p.columns else "",
            category=row.text("line_category") if "line_category" in p.columns else "",
        )
