"""The customers tab and the customer page on real widgets: search, open, adjust, merge and undo the merge."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import CASHIER_PIN, MANAGER_PIN, OWNER_PIN

from app.core.earning import Bill
from app.core.errors import BadCardCode
from app.db.models import Flag
from app.services import awards, balances, customer_list, customers, merges, staff
from app.services.customer_list import Sort
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.customer_page import CustomerPageDialog
from app.ui.backoffice.customers_tab import CustomersTab, CustomerTableModel
from app.ui.tasks import BackgroundOps


def answer_pin_dialog(qtbot: Any, pin: str | None) -> list[str]:
    """When the manager-PIN dialog opens, type ``pin`` and Enter (or cancel when None); returns what it asked."""
    asked: list[str] = []
    tries = [250]  # 5 s: a dialog that never opens must not leave a timer polling into later tests

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, answer)
            return
        asked.append(dialog.reason_label.text())  # type: ignore[attr-defined]
        if pin is None:
            dialog.reject()  # type: ignore[attr-defined]
            return
        qtbot.keyClicks(dialog.pad.field, pin)  # type: ignore[attr-defined]
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(20, answer)
    return asked


def synchronous(fn: Callable[[], Any], *, on_done: Any = None, on_error: Any = None) -> None:
    try:
        result = fn()
    except Exception as exc:
        on_error(exc)
    else:
        on_done(result)


@pytest.fixture
def ctx(qapp: QApplication, till: Till) -> Iterator[BackOfficeContext]:
    c = BackOfficeContext(till=till, staff=staff.login(till, OWNER_PIN), ops=BackgroundOps(), language="en")
    yield c
    c.ops.wait_idle()


@pytest.fixture
def tab(qtbot: Any, ctx: BackOfficeContext) -> CustomersTab:
    widget = CustomersTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    with qtbot.waitSignal(widget.model.page_loaded, timeout=10_000):
        widget.activated()
    return widget


def search(qtbot: Any, tab: CustomersTab, text: str) -> None:
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, text)  # the pause after typing starts the search
    qtbot.waitUntil(lambda: tab.model.query == text and not tab.model.loading, timeout=10_000)


def names(model: CustomerTableModel) -> list[str]:
    return [model.text(r, "name") for r in model.rows]


# -- the model, without widgets ------------------------------------------------------------------------


def test_the_model_fetches_pages_as_the_view_asks_and_sorts_in_sql(
    qapp: QApplication, till: Till, members: Any, ctx: BackOfficeContext
) -> None:
    model = CustomerTableModel(till, synchronous, ctx.fmt, page_size=2)
    model.reload()
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5 and not model.canFetchMore(QModelIndex())
    assert names(model) == ["Lê Thị Cúc (blocked)", "Nguyễn Thị Ánh", "Nguyễn Văn An", "Phạm Thị Dung",
                            "Trần Văn Bình"]  # fmt: skip
    model.sort(model.COLUMNS.index("points"), Qt.SortOrder.DescendingOrder)
    assert model.sort_key is Sort.POINTS and model.text(model.rows[0], "name") == "Trần Văn Bình"
    assert model.text(model.rows[0], "points") == "25" and model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == 25
    model.reload("5678")
    assert names(model) == ["Nguyễn Thị Ánh"] and model.text(model.rows[0], "phone") == "0912 345 678"
    failures: list[str] = []
    model.failed.connect(failures.append)
    model.reload("12")
    assert model.rowCount() == 0 and "4 digits" in failures[0]


# -- the tab and the page, on real widgets ------------------------------------------------------------


def test_search_by_phone_tail_and_name_without_accents_then_adjust(
    qtbot: Any, tab: CustomersTab, till: Till, members: Any
) -> None:
    assert tab.model.rowCount() == 5
    qtbot.waitUntil(lambda: tab.count_label.text() == "Members found: 5")
    search(qtbot, tab, "5678")
    assert names(tab.model) == ["Nguyễn Thị Ánh"]
    search(qtbot, tab, "thi anh")  # no accents, any order
    assert names(tab.model) == ["Nguyễn Thị Ánh"]

    with qtbot.waitSignal(tab.opened, timeout=5_000) as opened:
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)  # one member found: Enter opens it
    page: CustomerPageDialog = opened.args[0]
    qtbot.waitUntil(lambda: page.profile is not None)
    assert page.profile.name == "Nguyễn Thị Ánh"  # type: ignore[union-attr]
    assert page.history.rowCount() == 1 and "Welcome bonus" in page.history.item(0, 1).text()

    # Adjust: refused without a reason, then a cashier PIN is not enough, then the manager approves.
    page.choose_action("adjust")
    page.points_spin.setValue(5)
    page.approve_button.click()
    assert "Say why" in page.message.text()
    page.reason_edit.setText("máy pha hỏng, xin lỗi khách")
    answer_pin_dialog(qtbot, CASHIER_PIN)
    QTimer.singleShot(600, lambda: answer_pin_dialog(qtbot, None))  # the dialog asks again; then cancel
    page.approve_button.click()
    assert "no manager approved" in page.message.text()
    assert customers.view(till, members.anh).balance.points == 0
    asked = answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.approve_button.click()
    assert "Adjust Nguyễn Thị Ánh: +5 points" in asked[0]
    assert customers.view(till, members.anh).balance.points == 5
    assert "Adjusted by a manager: máy pha hỏng" in page.history.item(0, 1).text()
    assert page.balance_label.text().startswith("5 points")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.rows[0].points == 5)  # the table followed


def test_merge_two_members_from_the_page_and_undo_it(qtbot: Any, tab: CustomersTab, till: Till, members: Any) -> None:
    cashier = staff.login(till, CASHIER_PIN)
    awards.award(till, members.an, Bill(paid=100_000), staff=cashier)  # 10 points on the second card
    an_card = customers.view(till, members.an).card_number
    page = tab.open_customer(members.anh)
    qtbot.waitUntil(lambda: page.profile is not None)

    page.choose_action("merge")
    page.merge_search.setText("0911 111 111")
    qtbot.keyClick(page.merge_search, Qt.Key.Key_Return)
    assert page.merge_choice.count() == 1 and page.merge_choice.currentData() == members.an
    page.reason_edit.setText("cùng một người, hai thẻ")
    asked = answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.done, timeout=5_000):
        page.approve_button.click()
    assert "Merge Nguyễn Văn An" in asked[0] and "into Nguyễn Thị Ánh" in asked[0]
    qtbot.waitUntil(lambda: page.profile is not None and bool(page.profile.merged_in))
    view = customers.view(till, members.anh)
    assert view.balance.points == 10 and view.balance.visits == 1
    assert any(f"[on card {an_card}]" in page.history.item(r, 1).text() for r in range(page.history.rowCount()))
    assert "Nguyễn Văn An" in page.status_label.text()
    search(qtbot, tab, "nguyen")
    assert names(tab.model) == ["Nguyễn Thị Ánh"]  # the merged-away card left the list

    page.choose_action("unmerge")
    assert page.unmerge_choice.currentData() == members.an
    page.reason_edit.setText("hai chị em, không phải một người")
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.done, timeout=5_000):
        page.approve_button.click()
    assert customers.view(till, members.anh).balance.points == 0
    assert customers.view(till, members.an).balance.points == 10
    with till.transaction() as s:
        assert balances.mismatches(s) == []
        assert [f.kind.value for f in merges.facts_in(s)] == ["merge", "unmerge"]
    assert len(customer_list.customer_page(till, "nguyen")) == 2


def test_a_pair_flagged_by_sync_leads_to_the_merge_and_a_new_card_replaces_the_old(
    qtbot: Any, ctx: BackOfficeContext, till: Till, members: Any
) -> None:
    with till.transaction() as s:
        s.add(Flag(id="dup-1", kind="duplicate_member", customer_id=members.an,
                   message=f"Members {members.anh} and {members.an} share the phone +84912345678: they were "
                   "enrolled at two tills while offline. Merge them in the back office."))  # fmt: skip
    tab = CustomersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
        tab.activated()
    qtbot.waitUntil(lambda: tab.duplicates_button.isVisible())
    with qtbot.waitSignal(tab.opened, timeout=5_000) as opened:
        tab.duplicates_button.click()
    page: CustomerPageDialog = opened.args[0]
    qtbot.waitUntil(lambda: page.profile is not None)
    assert page.action == "merge" and page.merge_choice.currentData() == members.an
    assert "possibly the same person" in page.status_label.text()
    page.reason_edit.setText("đồng bộ báo trùng")
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.done, timeout=5_000):
        page.approve_button.click()
    qtbot.waitUntil(lambda: not tab.duplicates_button.isVisible())  # the flag is settled by the merge

    old_card = customers.view(till, members.anh).card_number
    page.choose_action("new_card")
    page.reason_edit.setText("khách làm mất thẻ")
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.done, timeout=5_000):
        page.approve_button.click()
    new_card = customers.view(till, members.anh).card_number
    assert new_card != old_card and new_card in page.card_number_label.text()
    assert not page.card_qr.pixmap().isNull()
    with pytest.raises(BadCardCode, match="replaced"):
        customers.find(till, old_card)

    page.choose_action("block")
    page.reason_edit.setText("nghi gian lận")
    asked = answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(page.done, timeout=5_000):
        page.approve_button.click()
    assert asked[0].startswith("Block Nguyễn Thị Ánh")
    assert customers.view(till, members.anh).blocked
    qtbot.waitUntil(lambda: "Blocked" in page.status_label.text())


def test_the_keyboard_alone_reaches_a_member_and_the_sort(qtbot: Any, tab: CustomersTab, members: Any) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # row 0 was chosen: now the second member
    with qtbot.waitSignal(tab.opened, timeout=5_000) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    page: CustomerPageDialog = opened.args[0]
    qtbot.waitUntil(lambda: page.profile is not None)
    assert page.profile.name == tab.model.rows[1].name  # type: ignore[union-attr]
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible()
    tab.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # Points, most first
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() == 5)
    assert tab.model.rows[0].id == members.binh


def test_the_whole_searched_table_is_exported_from_the_window(
    qtbot: Any, ctx: BackOfficeContext, till: Till, tmp_path: Any
) -> None:
    import csv

    from app.ui.backoffice.window import BackOfficeWindow

    window = BackOfficeWindow(ctx, tabs=[CustomersTab])
    qtbot.addWidget(window)
    window.show()
    tab = window.tab_of(CustomersTab)
    assert isinstance(tab, CustomersTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and not ctx.ops.busy)
    search(qtbot, tab, "nguyen")
    path = tmp_path / "customers.csv"
    with qtbot.waitSignal(window.exported, timeout=10_000):
        window.export_current(path)
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["Name", "Phone", "Tier", "Points"]
    assert [r[0] for r in rows[1:]] == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]
