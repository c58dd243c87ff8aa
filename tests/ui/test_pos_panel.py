"""The POS bridge in the cashier window, end to end: a real bridge thread watches a real folder.

An export file lands in the watched folder; the bridge (its own thread, polling
fast) reads it into the till's database and reports; the cashier window lists
the sales that named no member, and the cashier attaches one to the customer
just scanned with F7. What the tests read back is what a cashier sees (the
strip, the card, the banner, the status line) and what the ledger holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import counts, focused, ledger, login, payload_of, scan

from app.db.models import BalanceRow, LedgerEntryRow
from app.db.models import Receipt as ReceiptRow
from app.services import balances
from app.services.receipts import claim
from app.services.till import Till
from app.ui.main import Windows, build_windows

HEADER = "receipt_id,closed_at,total,customer_phone\n"


def drop_export(folder: Path, name: str, rows: list[str]) -> Path:
    """The POS writes an export into the watched folder (all at once, as most do)."""
    path = folder / name
    path.write_text(HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def balance(till: Till, customer_id: str) -> tuple[int, int]:
    with till.transaction() as s:
        row = s.get(BalanceRow, customer_id)
        return row.points, row.stamps


def receipt_row(till: Till, number: str) -> ReceiptRow:
    with till.transaction() as s:
        return s.scalars(select(ReceiptRow).where(ReceiptRow.external_id == number)).one()


def listed(w: Windows) -> list[str]:
    model = w.pos.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def choose(qtbot: object, w: Windows, number: str) -> None:
    """The cashier clicks a receipt in the strip."""
    view, model = w.cashier.pos_panel.list, w.pos.model
    row = next(r for r in range(model.rowCount()) if model.receipt_at(r).external_id == number)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(row, 0)).center()
    )  # type: ignore[attr-defined]


def test_an_unclaimed_pos_sale_is_attached_to_the_customer_just_scanned(
    qtbot, pos_windows: Windows, till: Till, members, exports: Path
) -> None:
    w, c = pos_windows, pos_windows.cashier
    panel, bar = c.pos_panel, c.status_bar
    assert bar.pos_label.text() == "POS: đang theo dõi 1 thư mục"
    assert panel.title.text() == "Hóa đơn POS chưa có khách (0)" and not panel.list.isVisible()
    assert panel.hint.text() == "Hóa đơn POS chưa có khách hàng sẽ hiện ở đây."

    # Four sales come from the POS; one names Ánh's phone and earns at once, three wait.
    drop_export(
        exports,
        "receipts.csv",
        [
            "HD-1999,2025-11-23 18:30,30000,",
            "HD-2001,2025-11-24 09:45,125000,",
            "HD-2002,2025-11-24 09:50,45.000,",
            "HD-2003,2025-11-24 09:52,55000,0912 345 678",
        ],
    )
    qtbot.waitUntil(lambda: w.pos.last_report is not None, timeout=5000)
    assert bar.pos_label.text() == "POS: 10:00 receipts.csv: đọc 4, tự tích 1, chờ gắn khách 3"
    assert panel.title.text() == "Hóa đơn POS chưa có khách (3)"
    assert listed(w) == [  # newest first; a sale of another day carries its date
        "HD-2002 · 09:50 · 45.000 ₫",
        "HD-2001 · 09:45 · 125.000 ₫",
        "HD-1999 · 23/11 18:30 · 30.000 ₫",
    ]
    assert ledger(till, members.anh)[-1] == ("earn", 5, 1, 55_000)
    assert not (exports / "receipts.csv").exists()  # archived, never read twice

    # Logged in, nobody on screen: nothing to attach to; F7 says why and changes nothing.
    login(qtbot, w)
    assert not panel.attach_button.isEnabled()
    assert panel.hint.text() == "Quét thẻ hoặc tìm khách hàng, rồi gắn hóa đơn của họ."
    before = counts(till)
    with qtbot.waitSignal(w.pos.refused):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert c.banner.text() == "Hãy quét thẻ hoặc tìm khách hàng trước, rồi mới gắn hóa đơn."
    assert counts(till) == before

    # Bình's card is scanned: the newest receipt is chosen; the cashier picks his, HD-2001.
    scan(qtbot, payload_of(till, members.binh))
    qtbot.waitUntil(lambda: w.checkout.customer is not None and w.checkout.customer.id == members.binh)
    assert panel.attach_button.isEnabled()
    assert panel.hint.text() == "Nhấn F7 để tích hóa đơn HD-2002 cho Trần Văn Bình."
    choose(qtbot, w, "HD-2001")
    assert panel.hint.text() == "Nhấn F7 để tích hóa đơn HD-2001 cho Trần Văn Bình."
    with qtbot.waitSignal(w.pos.attached):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)

    # Exactly as after a typed award of 125.000 ₫: the card, the display, the ledger.
    assert balance(till, members.binh) == (37, 10)
    assert c.customer_card.points.value.text() == "37"
    assert c.customer_card.stamps.value.text() == "10/10"
    assert c.banner.text() == "Đã gắn hóa đơn HD-2001 cho Trần Văn Bình: tích +12 điểm, +1 tem (125.000 ₫)."
    assert w.display.points_label.text() == "37"
    assert ledger(till, members.binh)[-1] == ("earn", 12, 1, 125_000)
    row = receipt_row(till, "HD-2001")
    assert (row.state, row.customer_id) == ("claimed", members.binh)
    with till.transaction() as s:
        assert s.get(LedgerEntryRow, row.ledger_entry_id).receipt_id == "HD-2001"
        balances.verify_terminal_chain(s, till.terminal_id)
        assert balances.mismatches(s) == []
    # The receipt has left the strip; the keyboard is back in the search field for the next scan.
    assert listed(w) == ["HD-2002 · 09:50 · 45.000 ₫", "HD-1999 · 23/11 18:30 · 30.000 ₫"]
    assert panel.title.text() == "Hóa đơn POS chưa có khách (2)"
    assert focused() is c.search_field

    # A second F7 by mistake credits nothing more: after an attach, no receipt is chosen.
    assert panel.selected_row() is None and not panel.attach_button.isEnabled()
    assert panel.hint.text() == "Chọn hóa đơn của khách."
    after = counts(till)
    with qtbot.waitSignal(w.pos.refused):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert c.banner.text() == "Hãy chọn một hóa đơn trong danh sách POS trước."
    assert counts(till) == after and balance(till, members.binh) == (37, 10)
    # The next customer: the newest receipt is chosen again.
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert panel.selected_row() == 0


def test_a_receipt_is_attached_once_and_only_within_the_claim_window(
    qtbot, pos_windows: Windows, till: Till, members, exports: Path
) -> None:
    w, c = pos_windows, pos_windows.cashier
    drop_export(
        exports, "ca-sang.csv", ["HD-3001,2025-11-24 09:10,65000,", "HD-3002,2025-11-24 09:20,35000,"]
    )
    qtbot.waitUntil(lambda: w.pos.model.rowCount() == 2, timeout=5000)
    login(qtbot, w)
    scan(qtbot, payload_of(till, members.anh))
    qtbot.waitUntil(lambda: w.checkout.customer is not None)

    # Meanwhile Dung claims HD-3002 by its number (the list on this screen is not redrawn yet).
    claim(till, members.dung, receipt_number="HD-3002", staff=None)
    before = balance(till, members.anh)
    with qtbot.waitSignal(w.pos.refused):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert c.banner.text() == "Hóa đơn HD-3002 đã được tích điểm rồi."
    assert balance(till, members.anh) == before
    assert listed(w) == ["HD-3001 · 09:10 · 65.000 ₫"]  # redrawn at once

    # HD-3001 is attached; pressing F7 again attaches nothing more.
    with qtbot.waitSignal(w.pos.attached):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert balance(till, members.anh) == (before[0] + 6, before[1] + 1)
    assert listed(w) == [] and not c.pos_panel.attach_button.isEnabled()
    after = counts(till)
    with qtbot.waitSignal(w.pos.refused):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert c.banner.text() == "Hãy chọn một hóa đơn trong danh sách POS trước."
    assert counts(till) == after
    assert [e for e in ledger(till, members.anh) if e[0] == "earn"] == [("earn", 6, 1, 65_000)]

    # A receipt left waiting past the 7-day claim window cannot be attached any more.
    drop_export(exports, "ca-chieu.csv", ["HD-3003,2025-11-24 09:30,125000,"])
    qtbot.waitUntil(lambda: w.pos.model.rowCount() == 1, timeout=5000)
    assert c.pos_panel.selected_row() is None  # same customer after an attach: nothing chosen for her
    choose(qtbot, w, "HD-3003")
    till.clock.advance(days=8)  # type: ignore[attr-defined]
    with qtbot.waitSignal(w.pos.refused):
        qtbot.keyClick(focused(), Qt.Key.Key_F7)
    assert c.banner.text() == "Hóa đơn HD-3003 đã quá hạn, không gắn được nữa (chỉ trong vòng 7 ngày)."
    assert counts(till) == after
    assert receipt_row(till, "HD-3003").state == "unclaimed"
    assert listed(w) == [] and not c.pos_panel.list.isVisible()


def test_a_broken_export_is_quarantined_and_the_status_line_says_where(
    qtbot, pos_windows: Windows, till: Till, exports: Path
) -> None:
    w, bar = pos_windows, pos_windows.cashier.status_bar
    broken = exports / "xuat-loi.csv"
    broken.write_text("receipt_id,closed_at,total\nHD-9,không phải ngày,abc\n", encoding="utf-8")
    qtbot.waitUntil(lambda: w.pos.last_report is not None, timeout=5000)
    assert bar.pos_label.text() == "POS: 1 tệp bị cách ly — xem pos-exports/quarantine"
    assert "#c62828" in bar.pos_label.styleSheet()  # red: the manager must look
    assert "xuat-loi.csv" in bar.pos_label.toolTip()  # the reason, from the file beside it
    assert (exports / "quarantine" / "xuat-loi.csv").exists()  # kept, never deleted
    assert (exports / "quarantine" / "xuat-loi.csv.reason.txt").exists()
    assert listed(w) == []

    # A good export later: its summary shows, and the file in quarantine is still mentioned (amber).
    with qtbot.waitSignal(w.pos.report_shown, timeout=5000):
        drop_export(exports, "receipts.csv", ["HD-4001,2025-11-24 09:45,125000,"])
    assert bar.pos_label.text() == (
        "POS: 10:00 receipts.csv: đọc 1, tự tích 0, chờ gắn khách 1 · 1 tệp bị cách ly — xem pos-exports/quarantine"
    )
    assert "#8a5a00" in bar.pos_label.styleSheet()
    assert listed(w) == ["HD-4001 · 09:45 · 125.000 ₫"]

    # In English, the strip and the status line say the same.
    login(qtbot, w)
    w.cashier.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: w.cashier.pos_panel.title.text() == "POS receipts without a customer (1)")
    assert bar.pos_label.text() == (
        "POS: 10:00 receipts.csv: 1 read, 0 awarded, 1 unclaimed · 1 file quarantined — see pos-exports/quarantine"
    )
    assert w.cashier.pos_panel.hint.text() == "Scan the card or find the customer, then attach their receipt."
    assert listed(w) == ["HD-4001 · 09:45 · 125,000 ₫"]


def test_sales_past_the_claim_window_are_marked_expired_when_the_till_starts(qtbot, qapp, till: Till) -> None:
    """``expire_unclaimed`` runs at each start (off the GUI thread): old sales leave "unclaimed" for the reports."""
    from datetime import timedelta

    from app.core.receipt import Receipt
    from app.services.receipts import CLAIM_DAYS, apply_receipts

    now = till.clock()
    old = Receipt(source="kiotviet", external_id="HD-OLD", store_id=till.store_id,
                  closed_at=now - timedelta(days=CLAIM_DAYS + 1), total=90_000)  # fmt: skip
    fresh = Receipt(source="kiotviet", external_id="HD-NEW", store_id=till.store_id, closed_at=now, total=45_000)
    apply_receipts(till, [old, fresh])
    assert receipt_row(till, "HD-OLD").state == "unclaimed"
    w = build_windows(till, language="vi")
    try:
        qtbot.waitUntil(lambda: receipt_row(till, "HD-OLD").state == "expired")
        assert receipt_row(till, "HD-NEW").state == "unclaimed"
        assert [line.split(" · ")[0] for line in listed(w)] == ["HD-NEW"]
    finally:
        w.close()
        qapp.processEvents()
