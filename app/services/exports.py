"""Tables to CSV and Excel files (no Qt: the back office and the CLI share it).

CSV is UTF-8 with a byte-order mark so Excel on a Vietnamese Windows opens the
diacritics right; numbers stay numbers (money in the currency's major unit is
the caller's choice of column).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _replace(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)  # the old file stays whole until the new one is complete


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a CSV file; returns the number of data rows."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with tmp.open("w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(headers)
            for row in rows:
                w.writerow([_cell(v) for v in row])
                count += 1
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _replace(tmp, path)
    return count


def write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, sheet: str = "Sheet1") -> int:
    """Write an Excel workbook (one sheet, a frozen header row); returns the number of data rows."""
    # Imported here: openpyxl (and the numpy it loads) costs ~150 ms, and this module is on the till's
    # start path (the member's segment on the cashier's card); only an Excel export needs it.
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet[:31] or "Sheet1")
    for i, h in enumerate(headers, start=1):  # write-only: widths before the rows
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(str(h)) + 2)
    ws.freeze_panes = "A2"
    ws.append(list(headers))
    count = 0
    for row in rows:
        ws.append([_cell(v) for v in row])
        count += 1
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _replace(tmp, path)
    return count
