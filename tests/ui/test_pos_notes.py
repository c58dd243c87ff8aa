"""The manager reads what the POS bridge left out, from the cashier window's POS status line.

A real bridge thread reads an export whose refund finds no sale here and whose void cancels a
sale that never earned; the status line says there are notes; a click on it opens the notes
dialog, which lists both, in the language of the till.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.ui.main import Windows
from app.ui.views.pos_notes import PosNotesDialog

HEADER = "receipt_id,closed_at,total,kind,refund_of,customer_phone\n"


def texts(dialog: PosNotesDialog) -> list[str]:
    shown = dialog.view.toPlainText()
    lines = dialog.lines()
    assert all(line in shown for line in lines)  # what lines() says is what the manager reads
    return lines


def test_every_ignored_refund_and_void_is_listed_for_the_manager(qtbot, pos_windows: Windows, exports: Path) -> None:
    w = pos_windows
    (exports / "ca-toi.csv").write_text(
        HEADER
        + "HD-9001,2025-11-24 19:10,65000,sale,,\n"
        + "HD-9001#void,2025-11-24 19:20,65000,void,HD-9001,\n"
        + "TH-9002,2025-11-24 19:30,-45000,refund,HD-0000,\n",
        encoding="utf-8",
    )
    label = w.cashier.status_bar.pos_label
    qtbot.waitUntil(lambda: "ca-toi.csv" in label.text(), timeout=8000)
    assert "2 ghi chú" in label.text()  # the status line says there is something to read

    with qtbot.waitSignal(w.pos.notes_shown, timeout=5000) as shown:
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    dialog: PosNotesDialog = shown.args[0]
    assert dialog.isVisible() and dialog.windowTitle() == "Ghi chú của cầu nối POS"
    lines = texts(dialog)
    assert lines[0].startswith("ca-toi.csv — ")
    # In the till's language, from the notes' templates.
    assert (
        "Hủy HD-9001#void: hóa đơn bán HD-9001 chưa được tích điểm; giờ không thể nhận điểm cho hóa đơn này nữa."
        in lines
    )
    assert "Hoàn tiền TH-9002: hóa đơn bán HD-0000 chưa từng được ghi nhận ở đây, nên không có gì để thu hồi." in lines
    assert dialog.note_count() == 2


def test_the_notes_dialog_says_so_when_nothing_was_left_out(qtbot, pos_windows: Windows) -> None:
    with qtbot.waitSignal(pos_windows.pos.notes_shown, timeout=5000) as shown:
        pos_windows.pos.show_notes()
    dialog: PosNotesDialog = shown.args[0]
    assert texts(dialog) == ["Không có gì bị bỏ sót: mọi lần hoàn tiền và hủy đều tìm thấy hóa đơn bán."]
