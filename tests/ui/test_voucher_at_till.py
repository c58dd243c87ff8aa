"""A voucher at the cashier window: scanned (or typed) in the search field, taken off the bill once."""

from __future__ import annotations

from sqlalchemy import select
from ui_helpers import OWNER_PIN, login, payload_of, scan

from app.core.rewards import Reward, RewardKind
from app.db.models import LedgerEntryRow
from app.services import catalog, staff, vouchers
from app.services.till import Till
from app.ui.main import Windows


def voucher_uses(till: Till, code: str) -> list[tuple[str, str, int | None]]:
    with till.transaction() as s:
        rows = s.scalars(
            select(LedgerEntryRow).where(LedgerEntryRow.receipt_source == "voucher", LedgerEntryRow.receipt_id == code)
        )
        return [(r.kind, r.customer_id, r.amount) for r in rows]


def test_a_scanned_voucher_comes_off_the_bill_once_and_a_forged_one_is_refused(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w = windows
    with till.transaction() as s:
        issued = vouchers.issue_in(s, till, value=50_000, issued_for="ticket", customer_id=members.anh)
    login(qtbot, w)

    # A forged code (its value raised) is refused offline; nothing is written.
    scan(qtbot, issued.payload.replace(".50000.", ".90000."))
    assert w.cashier.banner.property("kind") == "error"
    assert voucher_uses(till, issued.code) == []

    # The genuine one: the voucher's member comes up and the cashier is told what to take off.
    scan(qtbot, payload_of(till, members.anh))
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    # Her voucher (issued while she was away) is pointed out to the cashier at once.
    assert w.cashier.banner.property("kind") == "info" and issued.code in w.cashier.banner.text()
    w.cashier.award_panel.amount_edit.setText("35.000")
    w.cashier.search_field.setFocus()
    with qtbot.waitSignal(w.checkout.action_done):
        scan(qtbot, issued.payload)
    assert w.cashier.banner.property("kind") == "ok"
    assert issued.code in w.cashier.banner.text() and "35.000" in w.cashier.banner.text()  # at most the bill
    assert voucher_uses(till, issued.code) == [("redeem", members.anh, 35_000)]

    # Typed by its code a second time: refused, still one use.
    scan(qtbot, issued.code.lower())
    assert w.cashier.banner.property("kind") == "error"
    assert len(voucher_uses(till, issued.code)) == 1


def test_a_voucher_reward_shows_its_code_on_the_display_and_works_at_the_till(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w = windows
    owner = staff.login(till, OWNER_PIN)
    reward = catalog.save_reward(
        till, Reward(id="", name="Phiếu 30.000 ₫", kind=RewardKind.VOUCHER, cost_points=20, value=30_000), by=owner
    )
    login(qtbot, w)
    scan(qtbot, payload_of(till, members.binh))  # 25 points, card scanned: may spend
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    with qtbot.waitSignal(w.checkout.action_done):
        w.checkout.redeem(reward.id, "", "")
    assert w.display.page() == "enrolled" and not w.display.card_qr.pixmap().isNull()  # the voucher's QR
    code = w.display.card_number_label.text()
    assert code in w.cashier.banner.text()
    payload = vouchers.payload_of(till, code)
    w.cashier.search_field.setFocus()
    with qtbot.waitSignal(w.checkout.action_done):
        scan(qtbot, payload)
    assert voucher_uses(till, code) == [("redeem", members.binh, None)]
