"""A manager maps an unknown POS export in the mapping dialog; the bridge reads that POS from then on.

An .xlsx from a local POS no reader knows (its own Vietnamese column names): the manager opens
"Map a POS export…" from the cashier window (manager PIN), sees the columns and first rows,
maps them, saves the profile. The next export of that shape, dropped into the watched folder, is
applied by the running bridge; a later export whose columns changed goes to quarantine with the
reason. A real bridge thread, a real folder, real widgets offscreen.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select
from ui_helpers import MANAGER_PIN, login

from app.db.models import LedgerEntryRow
from app.services.till import Till
from app.ui.controllers.checkout import till_home
from app.ui.main import Windows
from app.ui.pos_mapping import PosMappingDialog

HEADER = ["Số HĐ", "Ngày giờ", "SĐT khách", "Món", "SL", "Giá", "Khách thanh toán"]


def workbook(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def earned(till: Till) -> list[tuple[str | None, int]]:
    with till.transaction() as s:
        rows = s.execute(select(LedgerEntryRow.receipt_id, LedgerEntryRow.points).where(LedgerEntryRow.kind == "earn"))
        return [(rid, p) for rid, p in rows if rid]


def test_a_manager_maps_an_unknown_xlsx_and_the_next_export_is_applied(
    qtbot, pos_windows: Windows, till: Till, exports: Path, tmp_path: Path
) -> None:
    w = pos_windows
    sample = workbook(tmp_path / "ban-hang-24-11.xlsx", HEADER, [
        ["QP-0001", "24/11/2026 11:05", "0911 111 111", "Phở bò tái", 2, 55000, 110000],
        ["QP-0002", "24/11/2026 11:20", "", "Trà đá", 1, 5000, 5000],
    ])  # fmt: skip
    login(qtbot, w)

    # Settings → "Map a POS export…": a manager's PIN first.
    w.cashier.map_pos_action.trigger()
    pin = w.checkout.pin_dialog
    assert pin is not None
    with qtbot.waitSignal(w.pos.mapping_opened, timeout=5000) as opened:
        qtbot.keyClicks(pin.pad.field, MANAGER_PIN)
        qtbot.keyClick(pin.pad.field, Qt.Key.Key_Return)
    dialog: PosMappingDialog = opened.args[0]
    assert dialog.windowTitle() == "Ánh xạ tệp xuất POS"
    dialog.load(sample)

    # The manager sees the sample's columns and first rows …
    assert [dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())] == HEADER
    assert dialog.table.item(0, 3).text() == "Phở bò tái"
    # … maps the fields the guess did not find, and names the profile.
    dialog.choose("receipt_id", "Số HĐ")
    dialog.choose("closed_at", "Ngày giờ")
    dialog.choose("total", "Khách thanh toán")
    dialog.choose("line_name", "Món")
    dialog.choose("line_unit_price", "Giá")
    assert dialog.combos["customer_phone"].currentData() == "SĐT khách"  # guessed from the header
    assert dialog.combos["line_qty"].currentData() == "SL"
    dialog.name_edit.setText("quan-pho")
    assert "2 hóa đơn" in dialog.result_label.text()  # the sample reads as two receipts
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    profile = saved.args[0]
    assert profile == till_home(till) / "pos-profiles" / "quan-pho.json"

    # The next export of that shape is read with the profile and earns.
    workbook(exports / "ban-hang-25-11.xlsx", HEADER, [
        ["QP-0101", "25/11/2026 12:10", "0911 111 111", "Bún chả", 1, 65000, 65000],
        ["QP-0102", "25/11/2026 12:15", "", "Trà đá", 2, 5000, 10000],
    ])  # fmt: skip
    qtbot.waitUntil(lambda: ("QP-0101", 6) in earned(till), timeout=10000)
    assert not (exports / "quarantine").exists()

    # The POS was updated and renamed a column: that export is quarantined, with the reason.
    changed = [*HEADER[:-1], "Tổng thanh toán"]
    workbook(exports / "ban-hang-26-11.xlsx", changed, [
        ["QP-0201", "26/11/2026 12:00", "0911 111 111", "Phở gà", 1, 50000, 50000],
    ])  # fmt: skip
    reason = exports / "quarantine" / "ban-hang-26-11.xlsx.reason.txt"
    qtbot.waitUntil(reason.exists, timeout=10000)
    text = reason.read_text(encoding="utf-8")
    assert "no longer matches the column profile “quan-pho”" in text and "“Khách thanh toán” missing" in text
    assert [rid for rid, _ in earned(till)] == ["QP-0101"]
