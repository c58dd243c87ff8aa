"""The back-office window on real widgets (offscreen) over the hand-made chain."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from chain import CASHIER_PIN, MANAGER_PIN, OWNER_PIN, Chain
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.core.segments import Segment
from app.db.models import AuditLog
from app.services import segments, staff
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.dashboard import DashboardTab
from app.ui.backoffice.launch import LoginDialog
from app.ui.backoffice.segments_tab import SegmentsTab
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.main import Windows, build_windows
from app.ui.tasks import BackgroundOps
from app.ui.views.pin import ManagerPinDialog


@pytest.fixture
def window(qtbot, chain: Chain) -> Iterator[BackOfficeWindow]:
    ops = BackgroundOps()
    ctx = BackOfficeContext(chain.a, chain.owner, ops)
    w = BackOfficeWindow(ctx, [DashboardTab, SegmentsTab])
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    ops.wait_idle()


@pytest.fixture
def cashier_app(qtbot, chain: Chain) -> Iterator[Windows]:
    w = build_windows(chain.a, language="en")
    w.show()
    w.cashier.activateWindow()
    qtbot.waitExposed(w.cashier)
    yield w
    if w.backoffice is not None and w.backoffice.window is not None:
        w.backoffice.window.ctx.ops.wait_idle()
        w.backoffice.window.close()
    w.close()


def dash_loaded(qtbot, w: BackOfficeWindow) -> DashboardTab:
    tab = w.tab_of(DashboardTab)
    assert isinstance(tab, DashboardTab)
    qtbot.waitUntil(lambda: tab.data is not None and not w.ctx.ops.busy)
    return tab


def type_pin(qtbot, dialog: ManagerPinDialog, pin: str) -> None:
    """Typed at a person's pace: a burst of digits would be taken for the card scanner."""
    for digit in pin:
        qtbot.keyClick(dialog.pad.field, digit)
        qtbot.wait(60)
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)


def test_f9_with_a_manager_pin_opens_the_back_office_and_a_cashier_pin_is_refused(
    qtbot,
    cashier_app: Windows,
    chain: Chain,
) -> None:
    launcher = cashier_app.backoffice
    assert launcher is not None
    qtbot.keyClick(QApplication.focusWidget() or cashier_app.cashier, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
    with qtbot.waitSignal(launcher.refused) as refused:
        type_pin(qtbot, launcher.dialog, CASHIER_PIN)
    assert refused.args[0] == ("Em Lan is a cashier: the back office opens only with a manager's or the owner's PIN.")
    assert cashier_app.cashier.login_page.error_label.text() == refused.args[0]
    assert launcher.window is None

    launcher.action.trigger()
    qtbot.waitUntil(lambda: launcher.dialog.isVisible())
    with qtbot.waitSignal(launcher.opened):
        type_pin(qtbot, launcher.dialog, MANAGER_PIN)
    window = launcher.window
    assert window is not None and window.isVisible()
    assert window.ctx.staff.name == "Anh Minh"
    assert window.tab_widget.tabText(0) == "Dashboard"
    qtbot.waitUntil(lambda: "2 stores" in window.scope_label.text())
    with chain.a.transaction() as s:
        opened = s.scalars(select(AuditLog).where(AuditLog.action == "backoffice.open")).all()
        assert [o.subject for o in opened] == [window.ctx.staff.id]


def test_the_standalone_login_refuses_a_cashier_and_lets_the_owner_in(qtbot, chain: Chain) -> None:
    dialog = LoginDialog(chain.a, "Quận 1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.pad.field, CASHIER_PIN)
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert "is a cashier" in dialog.error_label.text() and dialog.who is None
    qtbot.keyClicks(dialog.pad.field, "99999999")
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert "Wrong PIN" in dialog.error_label.text()
    qtbot.keyClicks(dialog.pad.field, OWNER_PIN)
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert dialog.who is not None and dialog.who.role == "owner"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_ask_manager_asks_again_after_a_wrong_pin(qtbot, window: BackOfficeWindow) -> None:
    typed = iter(["11112222", MANAGER_PIN])
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ManagerPinDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.reason_label.text())
        pin = next(typed, None)
        if pin is not None:
            qtbot.keyClicks(dialog.pad.field, pin)
            qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    who = window.ctx.ask_manager(window, "Approve a test")
    assert who is not None and who.name == "Anh Minh"
    assert seen[0] == "Approve a test" and "not a manager PIN" in seen[1]


def test_the_dashboard_follows_the_range_and_the_store(qtbot, window: BackOfficeWindow, chain: Chain) -> None:
    tab = dash_loaded(qtbot, window)
    assert tab.cards["visits"].value.text() == "24"
    assert tab.cards["liability"].value.text() == "519,200 ₫"
    assert "computed" not in tab.cards["visits"].toolTip()  # a sentence about what counts
    assert "voided or refunded in full" in tab.cards["visits"].toolTip()
    # The first week of November: An 3/11, Chi 5/11, Dũng 2/11 twice, Hùng 1/11, Mai 2/11, Sương 7/11.
    tab.set_range("custom", date(2026, 11, 1), date(2026, 11, 7))
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.period.last_day == date(2026, 11, 7))
    assert tab.cards["visits"].value.text() == "7"
    # ... of which at store A: An, Chi, Dũng twice, Hùng.
    tab.store_combo.setCurrentIndex(tab.store_combo.findData(chain.store_a))
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.stores == frozenset({chain.store_a}))
    assert tab.cards["visits"].value.text() == "5"
    tab.store_combo.setCurrentIndex(0)
    tab.set_range("today")
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.period.first_day == date(2026, 11, 30))
    qtbot.waitUntil(lambda: tab.data.stores is None)
    assert tab.cards["visits"].value.text() == "1"  # Mai at 08:00


def test_the_busy_light_shows_while_figures_are_computed(qtbot, window: BackOfficeWindow) -> None:
    dash_loaded(qtbot, window)
    assert not window.busy_bar.isVisible()
    tab = window.tab_of(DashboardTab)
    with qtbot.waitSignal(window.ctx.ops.busy_changed) as busy:
        tab.refresh()
    assert busy.args == [True] and window.busy_bar.isVisible()
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible())


def test_keyboard_moves_between_tabs(qtbot, window: BackOfficeWindow) -> None:
    dash_loaded(qtbot, window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert isinstance(window.current_tab(), SegmentsTab)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_tab(), DashboardTab)


def test_a_segment_is_exported_and_read_back(qtbot, window: BackOfficeWindow, chain: Chain, tmp_path: Path) -> None:
    dash_loaded(qtbot, window)
    window.tab_widget.setCurrentIndex(1)
    tab = window.current_tab()
    assert isinstance(tab, SegmentsTab)
    qtbot.waitUntil(lambda: tab.report is not None and not window.ctx.ops.busy)
    tab.select_segment(Segment.AT_RISK)
    assert tab.segment_list.currentItem().text() == "at risk   (2)"
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)  # the segment's first page, read when opened
    assert tab.report.paged  # the counts came without every member's row
    path = tmp_path / "at_risk.csv"
    with qtbot.waitSignal(tab.exported):
        tab.export_segment_to(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["name", "phone", "consent", "segment", "last_visit"],
        ["Đinh Văn Quân", "+84912000017", "yes", "at_risk", "2026-10-05"],
        ["Hoàng Thị Giang", "+84912000005", "yes", "at_risk", "2026-10-15"],
    ]
    # Filtered to women: Giang only.
    tab.gender_combo.setCurrentIndex(tab.gender_combo.findData("F"))
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.count(Segment.AT_RISK) == 1)
    # File > Export table (.xlsx) writes the list as shown.
    xlsx = tmp_path / "table.xlsx"
    with qtbot.waitSignal(window.exported):
        window.export_current(xlsx)
    sheet = openpyxl.load_workbook(xlsx).active
    values = list(sheet.values)
    assert values[0][:3] == ("Name", "Phone", "Marketing consent")
    assert values[1][:3] == ("Hoàng Thị Giang", "+84912000005", "yes")
    assert len(values) == 2
    with chain.a.transaction() as s:
        assert s.scalars(select(AuditLog.subject).where(AuditLog.action == "segment.export")).all() == ["at_risk"]


def test_a_campaign_list_from_the_tab_has_only_consenting_members(
    qtbot,
    window: BackOfficeWindow,
    tmp_path: Path,
) -> None:
    window.tab_widget.setCurrentIndex(1)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.report is not None and not window.ctx.ops.busy)
    path = tmp_path / "vip.csv"
    with qtbot.waitSignal(tab.exported):
        tab.export_campaign_to("vip", path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        names = [r[0] for r in csv.reader(f)][1:]
    assert names == ["Lâm Thị Sương", "Trần Văn Bình"]  # Lan is a VIP without consent


def test_the_dashboard_prints_to_one_pdf_page(qtbot, window: BackOfficeWindow, tmp_path: Path) -> None:
    dash_loaded(qtbot, window)
    path = tmp_path / "dashboard.pdf"
    window.print_dashboard_to(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type/Page\n") + data.count(b"/Type /Page ") <= 1
    assert "Saved the dashboard" in window.message_label.text()


def test_the_cashier_card_shows_the_members_segment_and_one_action(
    qtbot,
    cashier_app: Windows,
    chain: Chain,
) -> None:
    cashier_app.checkout.start_shift(staff.login(chain.a, CASHIER_PIN))
    cashier_app.checkout.select("m05", identified=False)
    card = cashier_app.cashier.customer_card
    qtbot.waitUntil(lambda: card.segment_label.isVisibleTo(card))
    assert card.segment_label.text() == "➜ at risk — offer the win-back reward"
    cashier_app.checkout.select("m06", identified=False)  # joined, never bought: no segment
    qtbot.waitUntil(lambda: not card.segment_label.isVisibleTo(card))


def test_loyalty_backoffice_alone_opens_on_the_till_folder_with_the_owner_pin(qtbot, chain: Chain) -> None:
    from app.ui.backoffice.launch import start

    seen: list[str] = []

    def login() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, login)
            return
        seen.append(dialog.prompt.text())
        dialog.pad.field.setText(OWNER_PIN)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)

    QTimer.singleShot(20, login)
    started = start(["--home", str(chain.home)])  # what `loyalty-backoffice` runs before its event loop
    assert not isinstance(started, int)
    _app, window, translations = started
    try:
        qtbot.waitUntil(window.isVisible)
        assert window.ctx.staff.role == "owner"
        assert "loyalty-housekeeping" in {t.name for t in threading.enumerate()}  # alone, it keeps house
    finally:
        window.ctx.ops.wait_idle()
        window.close()
        translations.uninstall()
    assert "loyalty-housekeeping" not in {t.name for t in threading.enumerate()}  # and stops with the window
    with chain.a.transaction() as s:
        assert s.scalars(select(AuditLog.staff_id).where(AuditLog.action == "backoffice.open")).all() == [
            chain.owner.id
        ]


def test_a_long_segment_list_comes_a_page_at_a_time(qtbot, window: BackOfficeWindow, monkeypatch) -> None:
    """The list of a segment reads its next page only when it is scrolled to its end."""
    monkeypatch.setattr(segments, "PAGE_SIZE", 2)
    monkeypatch.setattr(segments.segment_page, "__defaults__", (0, 2))
    window.tab_widget.setCurrentIndex(1)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.report is not None and not window.ctx.ops.busy)
    biggest = max(Segment, key=tab.report.count)
    total = tab.report.count(biggest)
    assert total > 2  # more than one page
    tab.select_segment(biggest)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 2)  # the first page (the view may ask for the next)
    assert tab.list_title.text().endswith(f"{total} members")
    while tab.model.rowCount() < total:
        if tab.model.canFetchMore():
            with qtbot.waitSignal(tab.page_loaded):
                tab.table.scrollToBottom()
                tab.model.fetchMore()
        else:
            qtbot.waitSignal(tab.page_loaded).wait()
    qtbot.waitUntil(lambda: not tab.model.canFetchMore() and not window.ctx.ops.busy)
    assert tab.model.rowCount() == total
    names = [tab.model.index(r, 0).data() for r in range(total)]
    assert len(set(names)) == total


@pytest.mark.parametrize(
    ("held", "says"),
    [("store", "Showing: this store"), ("region", "Showing: the members of this store's region"),
     ("chain", "Showing: all stores this till holds")],
)  # fmt: skip
def test_the_scope_line_says_what_the_server_lets_this_node_hold(
    qtbot, window: BackOfficeWindow, chain: Chain, held: str, says: str
) -> None:
    """Issue 12: a till holding its working set says so above every figure (the pulls set ``sync.scope``)."""
    from app.services.settings import set_setting

    set_setting(chain.a, "sync.scope", held)
    window.refresh_scope()
    qtbot.waitUntil(lambda: window.scope_label.text().startswith(says))
