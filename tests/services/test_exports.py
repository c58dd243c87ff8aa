"""Tables to CSV and Excel: what a manager opens in Excel on a Vietnamese Windows PC."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from app.services.exports import write_csv, write_xlsx

ROWS = [
    ["Nguyễn Thị Ánh", "+84912345678", True, 125_000, datetime(2026, 11, 30, 3, 0, tzinfo=UTC)],
    ["Lê B", None, False, 0, None],
]


def test_csv_has_a_byte_order_mark_for_excel_and_plain_cells(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    assert write_csv(path, ["Tên", "Phone", "Consent", "Spend", "At"], ROWS) == 2
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel then reads UTF-8, diacritics intact
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines == [
        "Tên,Phone,Consent,Spend,At",
        "Nguyễn Thị Ánh,+84912345678,yes,125000,2026-11-30 03:00",
        "Lê B,,no,0,",
    ]


def test_xlsx_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    assert write_xlsx(path, ["Tên", "Phone", "Consent", "Spend", "At"], ROWS, sheet="Khách") == 2
    wb = openpyxl.load_workbook(path)
    ws = wb["Khách"]
    assert list(ws.values) == [
        ("Tên", "Phone", "Consent", "Spend", "At"),
        ("Nguyễn Thị Ánh", "+84912345678", "yes", 125000, "2026-11-30 03:00"),
        ("Lê B", None, "no", 0, None),
    ]


def test_a_failed_export_leaves_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("old\n", encoding="utf-8")

    def rows():
        yield ["a"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_csv(path, ["x"], rows())
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]  # no half-written file left
