"""Issue 11's leftovers on the real widgets: amounts typed in thousands, a sync that cannot start,
flags and POS reader problems in the cashier's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import ledger, login, payload_of, scan, type_like_a_person

from app.core.errors import Notice
from app.services.late_sync import LateSync
from app.services.settings import amounts_in_thousands
from app.services.till import Till
from app.ui.main import Windows, build_windows
from app.ui.views.pos_notes import problem_text
from pos_bridge.readers.base import Problem, ReaderError
from pos_bridge.readers.textio import Column, read_csv_table


def show(qtbot, w: Windows, till: Till, customer_id: str) -> None:
    scan(qtbot, payload_of(till, customer_id))
    qtbot.waitUntil(lambda: w.checkout.customer is not None and w.checkout.customer.id == customer_id)


def test_with_amounts_in_thousands_125_is_125_000_and_the_preview_says_so_before_enter(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    assert c.award_panel.currency_label.text() == "₫"
    c.thousands_action.trigger()  # Settings ▸ Type amounts in thousands
    assert c.thousands_action.isChecked() and amounts_in_thousands(till)  # kept for the next shift
    assert c.award_panel.currency_label.text() == ".000 ₫"  # the field says what 125 means
    show(qtbot, w, till, members.anh)
    amount = c.award_panel.amount_edit
    type_like_a_person(qtbot, amount, "125")
    assert amount.text() == "125"
    qtbot.waitUntil(lambda: c.award_panel.preview_label.text() == "+12 điểm, +1 tem")
    assert c.award_panel.detail_label.text().startswith("Hóa đơn 125.000 ₫")  # the real amount, before Enter
    type_like_a_person(qtbot, amount, "*")  # the thousands key changes nothing more
    assert amount.text() == "125" and c.award_panel.detail_label.text().startswith("Hóa đơn 125.000 ₫")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert ledger(till, members.anh)[-1] == ("earn", 12, 1, 125_000)
    assert "125.000 ₫" in c.banner.text()

    c.thousands_action.trigger()  # off again: 125 is 125 ₫ (below the step: asked once more)
    assert not amounts_in_thousands(till) and c.award_panel.currency_label.text() == "₫"
    show(qtbot, w, till, members.anh)
    type_like_a_person(qtbot, amount, "125", enter=True)
    assert c.award_panel.preview_label.text().startswith("125 ₫ nhỏ hơn 10.000 ₫")


def test_a_sync_that_cannot_start_says_so_in_vietnamese_on_sync_now(qtbot, qapp, till: Till) -> None:
    def broken() -> object:
        raise OSError("no space left on device")

    late = LateSync(broken)  # type: ignore[arg-type]
    w = build_windows(till, late, language="vi")
    try:
        w.cashier.show()
        qtbot.waitExposed(w.cashier)
        login(qtbot, w)
        late.begin()
        assert late.done.wait(10)
        sentence = "Không khởi động được đồng bộ (OSError: no space left on device); máy vẫn làm việc ngoại tuyến."
        label = w.cashier.status_bar.sync_label
        qtbot.waitUntil(lambda: label.toolTip() == sentence)
        assert "Ngoại tuyến" in label.text()
        w.cashier.sync_now_action.trigger()  # used to leave "Connecting…" on the banner for ever
        qtbot.waitUntil(lambda: w.cashier.banner.text() == sentence)
        assert w.cashier.banner.property("kind") == "error"
    finally:
        late.stop()
        w.close()
        qapp.processEvents()


def test_the_health_tab_says_the_tills_own_flags_in_vietnamese(qtbot, qapp, till: Till, members) -> None:
    """The flag rows store English; the tab rebuilds each sentence from the flag and says it in Vietnamese."""
    from dataclasses import replace

    from ui_helpers import CASHIER_PIN, MANAGER_PIN, OWNER_PIN

    from app.core.earning import Bill
    from app.services import awards, catalog, health, staff, staff_admin
    from app.ui.backoffice.context import BackOfficeContext
    from app.ui.backoffice.health_tab import HealthTab
    from app.ui.i18n import Translations
    from app.ui.tasks import BackgroundOps

    owner, manager = staff.login(till, OWNER_PIN), staff.login(till, MANAGER_PIN)
    cashier = staff.login(till, CASHIER_PIN)
    catalog.publish_program(till, replace(till.program(), earns_per_day_flag=1), by=owner)
    staff_admin.set_phone(till, cashier.id, "0912 345 678", by=manager)  # Ánh's phone is Lan's own
    for _ in range(2):
        awards.award(till, members.anh, Bill(paid=50_000), staff=cashier)
        till.clock.advance(minutes=30)
    english = {f.kind: str(f.message) for f in health.open_flags(till)}
    assert english["earns_per_day"] == "Nguyễn Thị Ánh earned more than 1 times today."
    translations = Translations(qapp)
    translations.use("vi")
    try:
        ctx = BackOfficeContext(till=till, staff=manager, ops=BackgroundOps(), language="vi")
        tab = HealthTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.activated()
        sentences = sorted(row[4] for row in tab.flags_model.rows)
    finally:
        translations.uninstall()
    assert sentences == [
        "Lan đã tích điểm cho Nguyễn Thị Ánh, nhưng số điện thoại đó là của chính Lan.",
        "Lan đã tích điểm cho Nguyễn Thị Ánh, nhưng số điện thoại đó là của chính Lan.",
        "Nguyễn Thị Ánh đã tích điểm hơn 1 lần hôm nay.",
    ]


def test_a_pos_readers_problem_reads_in_vietnamese_and_the_reason_file_stays_english(
    qtbot, qapp, till: Till
) -> None:
    from app.services.pos_bridge import FolderConfig, PosBridge
    from app.ui.controllers.checkout import till_home

    exports = till_home(till) / "pos-exports"
    bridge = PosBridge(till, [FolderConfig(str(exports))], settle_seconds=0)
    w = build_windows(till, language="vi", pos_bridge=bridge)
    try:
        w.cashier.show()
        qtbot.waitExposed(w.cashier)
        bridge.start(interval=0.05)
        (exports / "xuat-loi.csv").write_text("receipt_id,total\nHD-9,120000\n", encoding="utf-8")
        qtbot.waitUntil(lambda: w.pos.last_report is not None, timeout=5000)
        tip = w.cashier.status_bar.pos_label.toolTip()
        assert "Lỗi gặp phải:" in tip, tip
        assert "  - xuat-loi.csv: Không có trình đọc POS nào nhận ra tệp này (đã cài: generic_csv," in tip, tip
        assert "recognises" not in tip
        reason = (exports / "quarantine" / "xuat-loi.csv.reason.txt").read_text(encoding="utf-8")
        assert "No POS reader recognises this file (installed: generic_csv," in reason  # English, for support
        # A reader's own problem (a known POS whose header lost a column), placed and translated the same way.
        with pytest.raises(ReaderError) as refused:
            wanted = [Column("receipt_id", ("receipt_id",), required=True)]
            read_csv_table(b"ma,tong\n1,2\n", wanted, file="b.csv", legacy=())
        assert problem_text(refused.value.problem) == (
            "b.csv, dòng 1: Tệp không có cột \"receipt_id\": đây không phải tệp xuất của máy POS này, "
            "hoặc dòng tiêu đề bị hỏng."
        )
        assert str(refused.value).startswith("b.csv, line 1: The file has no")
        twice = Problem("t.csv", 7, "order_id", Notice("Order {0} appears twice.", order="A-12"))
        assert problem_text(twice) == "t.csv, dòng 7, cột “order_id”: Đơn hàng A-12 xuất hiện hai lần."
        assert str(twice) == 't.csv, line 7, column "order_id": Order A-12 appears twice.'  # the reason file
    finally:
        bridge.stop()
        w.close()
        qapp.processEvents()


def test_the_back_office_sets_amounts_in_thousands_for_this_till(qtbot, qapp, till: Till) -> None:
    from ui_helpers import MANAGER_PIN

    from app.services import staff
    from app.services.settings import set_amounts_in_thousands
    from app.ui.backoffice.context import BackOfficeContext
    from app.ui.backoffice.shop_settings import ShopSettingsBox
    from app.ui.tasks import BackgroundOps

    set_amounts_in_thousands(till, True)  # set at the till's own menu
    ctx = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
    box = ShopSettingsBox(ctx)
    qtbot.addWidget(box)
    box.show()
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        box.load()
    qtbot.waitUntil(box.thousands.isChecked)  # the box shows what the till does
    assert amounts_in_thousands(till)
    box.thousands.click()  # the manager turns it off
    qtbot.waitUntil(lambda: not amounts_in_thousands(till))
    assert box.thousands.text() == "At this till, amounts are typed in thousands (125 means 125,000)"
    ctx.ops.wait_idle()
