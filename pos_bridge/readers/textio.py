"""Turning export files into rows of named cells, whatever the POS wrote.

Encodings seen on tills: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode
text", with BOM), and the Windows code pages of old PCs: Windows-1258 in
Vietnam, Windows-1252 elsewhere. The order we try is fixed and documented:

1. a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32);
2. NUL bytes in every other position mean BOM-less UTF-16;
3. strict UTF-8 (a file that is valid UTF-8 is almost never meant as a code page);
4. the store's legacy code page: cp1258 for Vietnamese stores, else cp1252,
   then the other one. cp1258 writes most tones as combining marks, so every
   text is NFC-normalised ("Ca\u0300 phê" → "Cà phê") and compares equal to
   what the cashier types.

A file that has valid UTF-8 sequences *and* broken ones is damaged UTF-8, not
a code page: we refuse it rather than turn every "à" into "Ã ".

Separators are sniffed from the header line (``,`` ``;`` or tab; an Excel
``sep=;`` first line wins). Blank rows, rows repeating the header, and totals
rows ("Tổng cộng", "Total", "Totals") are left out. A row with more or fewer
cells than the header is marked damaged rather than read with shifted columns.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from app.core.errors import Notice
from app.core.money import Currency
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.values import (
    Cell,
    DateOrder,
    FieldError,
    cell_text,
    parse_datetime,
    parse_money,
    parse_quantity,
)

_T = TypeVar("_T")

HEADER_SEARCH_ROWS = 20
MAX_FILE_BYTES = 512 * 1024 * 1024  # a POS export bigger than this is not an export
TOTAL_WORDS = frozenset({"tổng cộng", "tổng", "cộng", "total", "totals", "grand total", "sum", "tổng số", "tong cong"})
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def legacy_encodings(vietnamese: bool) -> tuple[str, ...]:
    return ("cp1258", "cp1252") if vietnamese else ("cp1252", "cp1258")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # what we decided, for the manager's health screen: "UTF-8 (BOM)", "cp1258"


def decode(data: bytes, *, file: str, legacy: Sequence[str] = ("cp1252", "cp1258")) -> Decoded:
    """Bytes of a text export to NFC text, or a ReaderError saying why not."""
    if not data.strip(b" \t\r\n\x00"):
        raise ReaderError("The file is empty.", file=file)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise ReaderError(
                    "The file says it is {0} but is damaged or cut short there.",
                    encoding=label,
                    file=file,
                    line=_line_of(data, err.start, codec),
                ) from None
            return _checked(text, file, f"{label} (BOM)")
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), file, "UTF-16 (no BOM)")
        except UnicodeDecodeError as err:
            raise ReaderError(
                "The file looks like UTF-16 but is damaged or cut short there.",
                file=file,
                line=_line_of(data, err.start, utf16),
            ) from None
    try:
        return _checked(data.decode("utf-8"), file, "UTF-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    high = sum(1 for b in data if b >= 0x80)
    multi = sum(len(m) for m in _UTF8_MULTI.findall(data))
    if multi >= 4 and multi * 2 > high:
        raise ReaderError(
            "The file is UTF-8 with damaged bytes (a broken copy or a cut-off download).",
            file=file,
            line=data.count(b"\n", 0, utf8_error.start) + 1,
        )
    for codec in legacy:
        try:
            return _checked(data.decode(codec), file, codec)
        except UnicodeDecodeError:
            continue
    raise ReaderError(
        "The file is not text in UTF-8, UTF-16 or {0}.",
        encodings="/".join(legacy),
        file=file,
        line=data.count(b"\n", 0, utf8_error.start) + 1,
    )


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _line_of(data: bytes, pos: int, codec: str) -> int:
    newline = "\n".encode(codec)
    return data.count(newline, 0, pos) + 1


def _checked(text: str, file: str, label: str) -> Decoded:
    nul = text.find("\x00")
    if nul != -1:
        raise ReaderError(
            "The file contains binary data, not text (is it the right file?).",
            file=file,
            line=text.count("\n", 0, nul) + 1,
        )
    return Decoded(nfc(text), label)


def head_text(head: bytes) -> str:
    """Best-effort text of a file's first bytes, for sniffing only (never raises)."""
    for bom, codec, _ in _BOMS:
        if head.startswith(bom):
            return nfc(head[len(bom) :].decode(codec, errors="ignore"))
    codec = _bomless_utf16(head) or "utf-8"
    text = head.decode(codec, errors="replace")
    if codec == "utf-8" and "\ufffd" in text:
        text = head.decode("cp1258", errors="replace")
    return nfc(text)


def header_key(text: object) -> str:
    """A header as we compare it: NFC, case-folded, single spaces, no quotes/BOM."""
    s = nfc(cell_text(text)).replace("\ufeff", "").strip().strip('"').strip()
    return re.sub(r"\s+", " ", s).casefold()


def head_has(head: bytes, *names: str) -> bool:
    """Whether every column name appears in the first bytes of a file."""
    text = header_key(head_text(head)[:8192])
    return all(header_key(n) in text for n in names)


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class Column:
    """A column a reader wants, under every header name a POS version used."""

    field: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass
class Row:
    file: str
    line: int
    values: dict[str, Cell]
    headers: dict[str, str]  # field -> header as the file writes it (first alias when absent)
    present: frozenset[str] = frozenset()  # fields whose column the file has
    damage: str = ""  # why the row cannot be trusted (cell count differs from the header)

    @property
    def ref(self) -> str:
        return f"{self.file}:{self.line}"

    def has(self, name: str) -> bool:
        return name in self.present

    def get(self, name: str) -> Cell:
        return self.values.get(name)  # strings were stripped when the table was built

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return value if isinstance(value, str) else cell_text(value)

    def header(self, name: str) -> str:
        return self.headers.get(name, name)

    # Typed accessors: each failure says which line and which column.

    def check(self) -> None:
        if self.damage:
            raise FieldError("The row is damaged: {0}.", line=self.line, damage=self.damage)

    def required(self, name: str) -> str:
        value = self.text(name)
        if not value:
            raise self.error(name, "is empty, but every row needs it.")
        return value

    def money(self, name: str, cur: Currency, *, decimal: str | None = None, default: int | None = 0) -> int:
        """An amount; an empty or absent cell is ``default`` (None: the cell is required)."""
        value = self.get(name)
        if value is None or cell_text(value) == "":
            if default is None:
                raise self.error(name, "is empty, but an amount is needed.")
            return default
        return self._wrap(name, parse_money, value, cur, decimal=decimal)

    def quantity(self, name: str, *, decimal: str | None = None, default: Decimal | None = None) -> Decimal:
        value = self.get(name)
        if value is None or cell_text(value) == "":
            if default is None:
                raise self.error(name, "is empty, but a quantity is needed.")
            return default
        return self._wrap(name, parse_quantity, value, decimal=decimal)

    def moment(self, name: str, tz: ZoneInfo, *, order: DateOrder) -> datetime:
        value = self.get(name)
        if value is None or cell_text(value) == "":
            raise self.error(name, "is empty, but the time of the sale is needed.")
        return self._wrap(name, parse_datetime, value, tz, order=order)

    def error(self, name: str, sentence: str, **details: Any) -> FieldError:
        """``sentence`` is a template ("differs from line {0} …") and ``details`` its values."""
        return FieldError("The value " + sentence, line=self.line, column=self.header(name), **details)

    def _wrap(self, name: str, parse: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        try:
            return parse(*args, **kwargs)
        except FieldError as err:
            err.line, err.column = self.line, self.header(name)
            raise


@dataclass
class Table:
    file: str
    headers: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    def has(self, name: str) -> bool:
        return name in self.headers


def read_table(path: Path, columns: Sequence[Column], *, legacy: Sequence[str]) -> Table:
    """A CSV/TSV/TXT or .xlsx export as a Table of the wanted columns."""
    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx_table(path, columns)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReaderError("This is an old Excel .xls file; export again as .xlsx or CSV.", file=path.name)
    return read_csv_table(data, columns, file=path.name, legacy=legacy)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReaderError("The file is {0} MB; that is not a POS export.", file=path.name, size=size // 2**20)
        return path.read_bytes()
    except OSError as err:
        raise ReaderError("The file cannot be opened ({0}).", file=path.name, why=str(err.strerror or err)) from None


def sniff_delimiter(line: str) -> str:
    best, best_count = ",", 1
    for delim in (",", ";", "\t", "|"):
        try:
            count = len(next(csv.reader([line], delimiter=delim)))
        except (csv.Error, StopIteration):
            continue
        if count > best_count:
            best, best_count = delim, count
    return best


def read_csv_table(data: bytes, columns: Sequence[Column], *, file: str, legacy: Sequence[str]) -> Table:
    decoded = decode(data, file=file, legacy=legacy)
    text = decoded.text
    offset = 0
    first_line = text.split("\n", 1)[0].strip()
    m = re.fullmatch(r'"?sep=(.)"?,*', first_line)
    if m:
        delimiter = m.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        offset = 1
    else:
        header_line = next((ln for ln in text.splitlines() if ln.strip()), "")
        delimiter = sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[Cell]]] = []
    last = 0
    try:
        for cells in reader:
            records.append((last + 1 + offset, list(cells)))
            last = reader.line_num
    except csv.Error as err:
        raise ReaderError(
            "The file's quoting or layout is broken ({0}).", file=file, line=reader.line_num + offset, why=str(err)
        ) from None
    table = _build_table(records, columns, file=file)
    table.encoding, table.delimiter = decoded.encoding, delimiter
    if records and table.rows and not text.endswith(("\n", "\r")) and table.rows[-1].line == records[-1][0]:
        # A copy that stopped early (a full disk, a pulled USB stick) ends mid-row; the
        # last cell may be a prefix of an amount ("120.0" of "120.000"), so it is not trusted.
        table.rows[-1].damage = table.rows[-1].damage or (
            Notice("the file ends without a line break, so this row may be cut short")
        )
    return table


def read_xlsx_table(path: Path, columns: Sequence[Column]) -> Table:
    """First worksheet that has the wanted header; cells keep their types."""
    import openpyxl  # imported here: only Vietnamese POS export spreadsheets

    file = path.name
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # zipfile, openpyxl and the XML parser raise many types for one damage
        raise ReaderError(
            "The spreadsheet is damaged or not an .xlsx file ({0}).", file=file, why=type(err).__name__
        ) from None
    try:
        first_error: ReaderError | None = None
        for sheet in workbook.worksheets:
            try:
                records = [
                    (number, [nfc(c) if isinstance(c, str) else c for c in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
            except Exception as err:  # damaged XML inside the zip
                raise ReaderError("The spreadsheet is damaged ({0}).", file=file, why=type(err).__name__) from None
            try:
                table = _build_table(records, columns, file=file, strict_width=False)
            except ReaderError as err:
                first_error = first_error or err
                continue
            table.encoding = "xlsx"
            return table
        raise first_error or ReaderError("The spreadsheet has no worksheet.", file=file)
    finally:
        workbook.close()  # read-only workbooks hold the file open (Windows cannot move it)


def _build_table(
    records: list[tuple[int, list[Cell]]],
    columns: Sequence[Column],
    *,
    file: str,
    strict_width: bool = True,
) -> Table:
    header_at, positions = _find_header(records, columns, file)
    header_cells = records[header_at][1]
    header_keys = [header_key(c) for c in header_cells]
    width = len(header_cells)
    while width and not header_keys[width - 1]:
        width -= 1
    first_header = cell_text(header_cells[0]) if header_cells else ""
    headers = {name: cell_text(header_cells[i]) for name, i in positions.items()}
    labels = {c.field: headers.get(c.field, c.aliases[0]) for c in columns}
    present = frozenset(positions)
    table = Table(file=file, headers=headers)
    for line, cells in records[header_at + 1 :]:
        if not any(cell_text(c) for c in cells if c is not None and c != ""):
            continue
        if (
            cells
            and cell_text(cells[0]) == first_header
            and [header_key(c) for c in cells[:width]] == header_keys[:width]
        ):
            continue  # a second export appended under the first one
        if _is_totals(cells):
            continue
        damage = ""
        extra = [c for c in cells[width:] if cell_text(c) != ""]
        if extra:
            damage = Notice(
                "the row has {0} or more values but the header has {1} columns", values=width + len(extra), width=width
            )
        elif strict_width and len(cells) < width:
            damage = Notice("the row has {0} values but the header has {1} columns (cut short?)", values=len(cells),
                            width=width)
        count = len(cells)
        values = {
            name: ((c.strip() if isinstance(c := cells[i], str) else c) if i < count else None)
            for name, i in positions.items()
        }
        table.rows.append(Row(file=file, line=line, values=values, headers=labels, present=present, damage=damage))
    return table


def _find_header(
    records: list[tuple[int, list[Cell]]], columns: Sequence[Column], file: str
) -> tuple[int, dict[str, int]]:
    required = [c for c in columns if c.required]
    best: tuple[int, int, dict[str, int]] | None = None
    seen_rows = 0
    for index, (_, cells) in enumerate(records):
        if seen_rows >= HEADER_SEARCH_ROWS:
            break
        if not any(cell_text(c) for c in cells if c is not None and c != ""):
            continue
        seen_rows += 1
        keys = [header_key(c) for c in cells]
        positions: dict[str, int] = {}
        for col in columns:
            for alias in col.aliases:
                key = header_key(alias)
                if key in keys:
                    positions[col.field] = keys.index(key)
                    break
        found = sum(1 for c in required if c.field in positions)
        if found == len(required) and positions:
            return index, positions
        if best is None or found > best[1]:
            best = (index, found, positions)
    if best is None:
        raise ReaderError("The file has no rows.", file=file)
    missing = [c.aliases[0] for c in required if c.field not in best[2]]
    names = ", ".join(f'"{m}"' for m in missing)
    raise ReaderError(
        (
            "The file has no {0} columns: it is not this POS's export, or its header row is damaged."
            if len(missing) > 1
            else "The file has no {0} column: it is not this POS's export, or its header row is damaged."
        ),
        names=names,
        file=file,
        line=records[best[0]][0],
    )


def _is_totals(cells: list[Cell]) -> bool:
    """A totals row: its first value is "Total"/"Tổng cộng", or it is a sparse row
    carrying that word anywhere (a spreadsheet whose columns were rearranged)."""
    first = next((c for c in cells if c is not None and c != "" and cell_text(c)), None)
    if first is None:
        return False
    if _total_word(cell_text(first)):
        return True
    filled = [c for c in cells if c is not None and c != ""]
    return len(filled) * 2 <= len(cells) and any(_total_word(cell_text(c)) for c in filled)


def _total_word(text: str) -> bool:
    # Cells are NFC already (decode() and the xlsx reader normalise), so no header_key() here:
    # this runs for every row of a 100,000-receipt export.
    return len(text) <= 16 and " ".join(text.casefold().rstrip(": ").split()) in TOTAL_WORDS
