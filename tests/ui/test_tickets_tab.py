"""The tickets tab on a real till: complaints in due order, taken, resolved with a manager-approved voucher."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import CASHIER_PIN, MANAGER_PIN, OWNER_PIN

from app.core.earning import Bill
from app.db.models import Ticket, Voucher
from app.services import awards, feedback, staff, tickets, vouchers
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.tickets_tab import TicketsTab
from app.ui.tasks import BackgroundOps


def answer_pin_dialog(qtbot: object, pin: str | None) -> None:
    """When the manager-PIN dialog opens, type ``pin`` and Enter (or cancel it when None)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if pin is None:
            dialog.reject()  # type: ignore[attr-defined]
            return
        field = dialog.pad.field  # type: ignore[attr-defined]
        qtbot.keyClicks(field, pin)  # type: ignore[attr-defined]
        qtbot.keyClick(field, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(20, answer)


@pytest.fixture
def tab(qtbot: object, qapp: QApplication, till: Till) -> Iterator[TicketsTab]:
    owner = staff.login(till, OWNER_PIN)
    ctx = BackOfficeContext(till=till, staff=owner, ops=BackgroundOps(), language="en")
    widget = TicketsTab(ctx)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(1200, 700)
    widget.show()
    yield widget
    ctx.ops.wait_idle()


def load(qtbot: object, tab: TicketsTab) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=10_000):  # type: ignore[attr-defined]
        tab.activated()


def test_complaints_are_listed_by_due_time_and_resolved_with_an_approved_voucher(
    qtbot: object, tab: TicketsTab, till: Till, members: object
) -> None:
    cashier = staff.login(till, CASHIER_PIN)
    sale = awards.award(till, members.anh, Bill(paid=45_000), staff=cashier)  # type: ignore[attr-defined]
    angry = feedback.rate_visit(till, members.anh, 1, entry_id=sale.earn.id, comment="Cà phê nguội")  # type: ignore[attr-defined]
    feedback.rate_visit(till, None, 2, comment="Chờ lâu")  # a guest, due later (normal priority)
    tickets.set_voucher_budget(till, 100_000, by=staff.login(till, OWNER_PIN))
    load(qtbot, tab)

    m = tab.model
    assert m.rowCount() == 2
    first = [m.text(m.rows[0], c) for c in m.COLUMNS]
    assert first[1:6] == ["High", "Open", "Nguyễn Thị Ánh", "1★", "Cà phê nguội"]
    assert first[6] == "Anh Minh"  # the store's manager owns it by default
    assert first[7] == "not yet"
    assert m.text(m.rows[1], "customer") == "a guest" and m.text(m.rows[1], "came_back") == "—"
    came_back_column = m.COLUMNS.index("came_back")
    assert m.data(m.index(1, came_back_column), Qt.ItemDataRole.ToolTipRole) == "guest: no card to follow"
    assert "100,000 ₫ left of 100,000 ₫" in tab.budget_label.text()

    # Take it: in progress, owned by the person at the back office.
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):  # type: ignore[attr-defined]
        tab.take_button.click()
    assert m.text(m.rows[0], "status") == "In progress" and m.text(m.rows[0], "owner") == "Chị Hoa"

    # Resolve with a voucher over the budget: refused with a sentence, nothing changes.
    tab.note_edit.setPlainText("Đã gọi xin lỗi khách")
    tab.voucher_edit.setText("150.000")
    tab.resolve_button.click()
    assert "budget" in tab.message()
    # A cancelled manager PIN: nothing changes either.
    tab.voucher_edit.setText("50.000")
    answer_pin_dialog(qtbot, None)
    tab.resolve_button.click()
    assert "approval" in tab.message()
    with till.transaction() as s:
        assert s.scalars(select(Voucher).where(Voucher.issued_for == "ticket")).all() == []
        assert s.get(Ticket, m.rows[0].id).status == "in_progress"  # type: ignore[union-attr]

    # The manager approves: resolved, a voucher of 50.000 with its QR, the budget spent.
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(tab.resolved, timeout=10_000):  # type: ignore[attr-defined]
        tab.resolve_button.click()
    ticket = feedback.ticket_for(till, angry.id)
    assert ticket is not None and ticket.status == "resolved" and ticket.voucher_code
    assert not tab.voucher_qr.pixmap().isNull()
    assert ticket.voucher_code in tab.voucher_label.text() and "50,000" in tab.voucher_label.text()
    assert tickets.voucher_budget(till).left == 50_000
    with till.transaction() as s:
        v = s.get(Voucher, ticket.voucher_code)
        assert v is not None and (v.value, v.customer_id, v.issued_for) == (50_000, members.anh, "ticket")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: m.rowCount() == 2 and m.rows[1].status == "resolved")  # type: ignore[attr-defined]
    assert m.rows[0].status == "open"  # open ones first
    assert tab.current is not None and tab.current.id == ticket.id  # still chosen after the reload
    assert not tab.voucher_qr.pixmap().isNull()  # and its voucher still shown, to print or hand over

    # The customer comes back with the voucher: the ticket says so.
    payload = vouchers.payload_of(till, ticket.voucher_code)
    vouchers.redeem(till, payload, staff=cashier, bill=80_000)
    awards.award(till, members.anh, Bill(paid=80_000), staff=cashier)  # type: ignore[attr-defined]
    load(qtbot, tab)
    assert m.text(m.rows[1], "came_back").startswith("yes, ")
    assert "80,000" in str(m.data(m.index(1, came_back_column), Qt.ItemDataRole.ToolTipRole))
    assert tickets.complainant_return_share(till).share == 1.0

    # The dashboard's card says it too: the one member who complained came back (the guest has no card).
    from app.ui.backoffice.dashboard import DashboardTab

    dash = DashboardTab(tab.ctx)
    qtbot.addWidget(dash)  # type: ignore[attr-defined]
    dash.resize(1366, 700)
    dash.show()
    dash.activated()
    qtbot.waitUntil(lambda: dash.data is not None and not tab.ctx.ops.busy, timeout=20_000)  # type: ignore[attr-defined]
    card = dash.cards["complainants_returned"]
    assert card.caption.text() == "Complainants who came back"
    assert card.isVisible() and card.value.text() == "100 %"


def test_a_manager_says_who_answers_normal_complaints_and_new_tickets_follow(
    qtbot: object, tab: TicketsTab, till: Till
) -> None:
    cashier = staff.login(till, CASHIER_PIN)

    def fill_rules() -> None:
        dialog = tab.rules_dialog
        dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData("normal"))
        dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(cashier.id))
        dialog.add_button.click()
        assert dialog.list.count() == 1 and "Lan" in dialog.list.item(0).text()
        dialog.accept()

    QTimer.singleShot(50, fill_rules)
    tab.rules_button.click()
    assert "Saved" in tab.message()
    normal = feedback.ticket_for(till, feedback.rate_visit(till, None, 2).id)
    high = feedback.ticket_for(till, feedback.rate_visit(till, None, 1).id)
    assert normal is not None and normal.assignee == cashier.id
    assert high is not None and high.assignee != cashier.id  # still the store's manager
