"""The manager maps an unknown POS export from the back office; the till's running bridge reads with it.

Issue 10: "the manager (back office, or ``loyalty-pos-bridge map FILE``) picks a sample export …
and saves it as a named profile; files matching the profile's header are read with it from then
on". The back office (``loyalty-backoffice`` on the manager's PC, or F9) is its own window: the
profile it saves must reach a bridge that was already watching the folder, without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select
from ui_helpers import MANAGER_PIN

from app.db.models import LedgerEntryRow
from app.services import staff
from app.services.pos_bridge import FolderConfig, PosBridge
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.pos_mapping import PosMappingDialog
from app.ui.tasks import BackgroundOps

HEADER = ["Mã phiếu", "Thời điểm", "Số điện thoại", "Tên món", "Số lượng", "Đơn giá", "Tổng cộng"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def earned(till: Till) -> list[tuple[str | None, int]]:
    with till.transaction() as s:
        rows = s.execute(select(LedgerEntryRow.receipt_id, LedgerEntryRow.points).where(LedgerEntryRow.kind == "earn"))
        return [(rid, p) for rid, p in rows if rid]


def type_pin_when_asked(qtbot, pin: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "pad"):
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClicks(dialog.pad.field, pin)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)


@pytest.fixture
def bridge(till: Till, exports: Path) -> Iterator[PosBridge]:
    """The till's bridge, already watching before the manager maps anything."""
    b = PosBridge(till, [FolderConfig(str(exports))], settle_seconds=0)
    b.start(interval=0.05)
    yield b
    b.stop()


def test_a_profile_saved_in_the_back_office_is_read_by_the_running_bridge(
    qtbot, qapp, till: Till, exports: Path, bridge: PosBridge, tmp_path: Path
) -> None:
    ctx = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
    window = BackOfficeWindow(ctx, tabs=[])
    qtbot.addWidget(window)
    window.show()
    assert window.map_pos_action in window.file_menu.actions()
    assert window.map_pos_action.text() == "Map a POS export…"

    # Before any profile, such an export is a stranger: quarantined, nothing earned.
    workbook(exports / "pos-la-01.xlsx", [["PL-1", "24/11/2026 09:00", "0911 111 111", "Phở", 1, 50000, 50000]])
    qtbot.waitUntil(lambda: (exports / "quarantine" / "pos-la-01.xlsx.reason.txt").exists(), timeout=10_000)

    sample = workbook(tmp_path / "mau.xlsx", [
        ["PL-0001", "24/11/2026 11:05", "0911 111 111", "Phở bò tái", 2, 55000, 110000],
        ["PL-0002", "24/11/2026 11:20", "", "Trà đá", 1, 5000, 5000],
    ])  # fmt: skip
    type_pin_when_asked(qtbot, MANAGER_PIN)  # the manager types the PIN again, as for every change here
    with qtbot.waitSignal(window.mapping_opened, timeout=10_000) as opened:
        window.map_pos_action.trigger()
    dialog: PosMappingDialog = opened.args[0]
    dialog.load(sample)
    for field, column in [("receipt_id", "Mã phiếu"), ("closed_at", "Thời điểm"), ("total", "Tổng cộng"),
                          ("customer_phone", "Số điện thoại"), ("line_name", "Tên món"), ("line_qty", "Số lượng"),
                          ("line_unit_price", "Đơn giá")]:  # fmt: skip
        dialog.choose(field, column)
    dialog.name_edit.setText("pos-la")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert window.message_label.text().startswith("POS profile saved: pos-la.json.")

    # The bridge that was already running reads the next export of that shape with the profile.
    workbook(exports / "pos-la-02.xlsx", [["PL-0101", "25/11/2026 12:10", "0911 111 111", "Bún chả", 1, 65000, 65000]])
    qtbot.waitUntil(lambda: ("PL-0101", 6) in earned(till), timeout=10_000)
    assert [rid for rid, _ in earned(till)] == ["PL-0101"]
    window.close()
    ctx.ops.wait_idle()
