"""Whole checkouts, driven through the real widgets as a cashier would: keys, scans, clicks."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import (
    CASHIER_PIN,
    MANAGER_PIN,
    counts,
    focused,
    ledger,
    login,
    payload_of,
    scan,
    type_like_a_person,
)

from app.db.models import AuditLog, BalanceRow, Feedback, LedgerEntryRow, Ticket
from app.services import balances
from app.services.till import Till
from app.ui.main import Windows


def balance(till: Till, customer_id: str) -> tuple[int, int]:
    with till.transaction() as s:
        row = s.get(BalanceRow, customer_id)
        return row.points, row.stamps


def adjust_log(till: Till) -> list[AuditLog]:
    with till.transaction() as s:
        return list(
            s.scalars(select(AuditLog).where(AuditLog.action == "ledger.adjust").order_by(AuditLog.id))
        )


def test_scan_award_redeem_undo_as_a_cashier(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    assert c.status_bar.staff_label.text() == "Nhân viên: Lan (thu ngân)"
    assert focused() is c.search_field

    # Found by phone first: she may earn, not spend; the amount field is next.
    type_like_a_person(qtbot, c.search_field, "0987 654 321", enter=True)
    qtbot.waitUntil(lambda: w.checkout.customer is not None and w.checkout.customer.id == members.binh)
    assert not w.checkout.identified
    assert focused() is c.award_panel.amount_edit

    # Then the card is scanned while the amount field has the focus: the burst goes to the search,
    # nothing of it stays in the amount field, and the customer is now identified by the card.
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.binh))
    assert w.checkout.identified
    assert c.award_panel.amount_edit.text() == ""
    assert c.customer_card.name_label.text() == "Trần Văn Bình"
    assert c.customer_card.points.value.text() == "25"
    assert c.customer_card.stamps.value.text() == "9/10"

    # The bill, typed at a person's speed, previews what it earns before anything is written.
    amount = c.award_panel.amount_edit
    amount.setFocus()
    type_like_a_person(qtbot, amount, "125000")
    qtbot.waitUntil(lambda: c.award_panel.preview_label.text() == "+12 điểm, +1 tem")
    assert amount.text() == "125.000"  # grouped as typed: 125.000 and 1.250.000 cannot be confused
    assert "125.000 ₫" in c.award_panel.detail_label.text()
    assert ledger(till, members.binh)[-1][0] == "adjust"  # preview wrote nothing
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(amount, Qt.Key.Key_Return)

    assert balance(till, members.binh) == (37, 10)
    assert c.customer_card.points.value.text() == "37"
    assert c.customer_card.stamps.value.text() == "10/10"
    assert "+12 điểm, +1 tem" in c.banner.text()
    # The customer display: points, the stamp card filling up to a full card, the rating buttons.
    d = w.display
    assert d.page() == "customer"
    assert d.points_label.text() == "37"
    assert d.gained_label.text() == "+12 điểm, +1 tem"
    assert d.stamp_card.stamps() == 10
    qtbot.waitUntil(lambda: not d.stamp_card.animating(), timeout=5000)
    assert d.stamp_card.get_fill() == 10
    assert d.rating_box.isVisible()
    assert focused() is c.search_field

    # Redeem "Giảm 20.000 ₫" (30 points) with F3: the card was scanned, so it is allowed.
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    assert c.current_panel() == "redeem"
    names = {o.reward.id: o.reward.name for o in w.checkout.customer.rewards}
    # The full card's free coffee is offered first; ↓ moves to the discount, Enter redeems it.
    assert names[c.redeem_panel.selected_reward()] == "Cà phê sữa đá miễn phí"
    assert focused() is c.redeem_panel.reward_buttons[c.redeem_panel.selected_reward()]
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert names[c.redeem_panel.selected_reward()] == "Giảm 20.000 ₫"
    assert c.redeem_panel.bill_edit.text() == "125.000"  # the bill just awarded, for the discount
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert balance(till, members.binh) == (7, 10)
    assert "20.000 ₫" in c.banner.text()
    assert c.customer_card.points.value.text() == "7"
    assert d.points_label.text() == "7"

    # Undo last (Ctrl+Z, then Enter): the redemption is taken back, the sale stays.
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.current_panel() == "undo"
    assert "Giảm 20.000 ₫" in c.undo_panel.what_label.text()
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert balance(till, members.binh) == (37, 10)
    assert c.customer_card.points.value.text() == "37"
    assert d.points_label.text() == "37"
    assert ledger(till, members.binh) == [
        ("bonus", 0, 2, None),  # welcome: the starter stamps
        ("adjust", 25, 7, None),
        ("earn", 12, 1, 125_000),
        ("redeem", -30, 0, 125_000),
        ("reverse", 30, 0, None),
    ]
    with till.transaction() as s:
        balances.verify_terminal_chain(s, till.terminal_id)
        assert balances.mismatches(s) == []

    # The customer rates the visit on the display: a 4 is stored against the sale, no ticket.
    qtbot.mouseClick(d.rating_buttons[3], Qt.MouseButton.LeftButton)
    assert d.thanks_label.isVisible() and not d.apology_label.isVisible()
    with till.transaction() as s:
        earn_id = s.scalars(
            select(LedgerEntryRow.id).where(
                LedgerEntryRow.customer_id == members.binh, LedgerEntryRow.kind == "earn"
            )
        ).one()
        fb = s.scalars(select(Feedback)).one()
        assert (fb.rating, fb.customer_id, fb.entry_id) == (4, members.binh, earn_id)
        assert s.scalars(select(Ticket)).all() == []


def test_a_low_rating_opens_a_complaint_ticket(qtbot, windows: Windows, till: Till, members) -> None:
    w = windows
    login(qtbot, w)
    scan(qtbot, payload_of(till, members.anh))
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    w.cashier.award_panel.amount_edit.setText("45.000")
    with qtbot.waitSignal(w.checkout.action_done):
        w.cashier.award_panel.confirm_button.click()
    assert w.display.rating_box.isVisible()
    with qtbot.waitSignal(w.display_controller.complaint_opened):
        qtbot.mouseClick(w.display.rating_buttons[0], Qt.MouseButton.LeftButton)
    # A 1★ is answered with an apology, never the 5★ thank-you.
    assert w.display.apology_label.isVisible() and not w.display.thanks_label.isVisible()
    assert w.display.apology_label.text().startswith("Chúng tôi rất tiếc")
    assert not w.display.rating_box.isVisible()  # one sale, one rating
    # The cashier is told at once, discreetly: a line on the status bar, not a banner.
    assert "1★" in w.cashier.status_bar.currentMessage() and "Nguyễn Thị Ánh" in w.cashier.status_bar.currentMessage()
    with till.transaction() as s:
        ticket = s.scalars(select(Ticket)).one()
        assert ticket.priority == "high" and ticket.status == "open"
        assert "Nguyễn Thị Ánh" in ticket.subject
        assert ticket.assignee is not None  # the store's manager owns it


def test_a_forged_card_is_refused_and_changes_nothing(qtbot, windows: Windows, till: Till, members) -> None:
    w = windows
    login(qtbot, w)
    genuine = payload_of(till, members.binh)
    forged = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")
    before = counts(till)
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        scan(qtbot, forged)
    assert refused.args[0] == "Mã QR của thẻ này không hợp lệ với cửa hàng (có thể là thẻ giả hoặc bị hỏng)."
    assert w.cashier.banner.isVisible() and w.cashier.banner.property("kind") == "error"
    assert w.checkout.customer is None
    assert w.cashier.card_stack.currentWidget() is w.cashier.empty_page
    assert counts(till) == before
    # A number someone made up is refused at once by its check digit.
    type_like_a_person(qtbot, w.cashier.search_field, "8123456789", enter=True)
    qtbot.waitUntil(lambda: "số kiểm tra" in w.cashier.banner.text())
    assert counts(till) == before


def test_enrolling_a_phone_that_is_already_a_member_is_refused(qtbot, windows: Windows, till: Till) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    qtbot.keyClick(focused(), Qt.Key.Key_F4)
    assert c.current_panel() == "enroll"
    assert focused() is c.enroll_panel.phone_edit
    before = counts(till)
    type_like_a_person(qtbot, c.enroll_panel.phone_edit, "+84 912 345 678")
    c.enroll_panel.name_edit.setText("Người Khác")
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        qtbot.keyClick(c.enroll_panel.name_edit, Qt.Key.Key_Return)
    assert refused.args[0] == "Số điện thoại 0912 345 678 đã thuộc về một thành viên."
    assert counts(till) == before
    assert c.enroll_panel.form_host.isVisible()  # the form stays, to correct it


def test_enrolling_shows_the_new_card_and_saves_it(qtbot, windows: Windows, till: Till) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    type_like_a_person(qtbot, c.search_field, "0933 111 222", enter=True)
    qtbot.waitUntil(lambda: c.banner.isVisible())
    assert "F4" in c.banner.text()  # not found: the cashier is told how to enrol
    qtbot.keyClick(focused(), Qt.Key.Key_F4)
    assert c.enroll_panel.phone_edit.text() == "0933 111 222"  # carried over from the search
    assert focused() is c.enroll_panel.name_edit
    c.enroll_panel.name_edit.setText("Trần Thị Bé")
    c.enroll_panel.birthday_edit.setText("24/11")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(c.enroll_panel.birthday_edit, Qt.Key.Key_Return)
    new = w.checkout.customer
    assert new is not None and new.name == "Trần Thị Bé" and new.balance.stamps == 2
    assert c.customer_card.birthday_label.isVisible()  # 24/11 is this week
    assert w.display.page() == "enrolled"
    assert not w.display.card_qr.pixmap().isNull()
    assert w.display.welcome_label.text() == "Chào mừng Bé!"

    with qtbot.waitSignal(w.checkout.card_saved, timeout=10_000) as saved:
        qtbot.mouseClick(c.enroll_panel.pdf_button, Qt.MouseButton.LeftButton)
    path = saved.args[0]
    assert path.parent.name == "cards" and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert str(path) in c.enroll_panel.file_label.text()


def test_undo_after_two_minutes_needs_a_manager_pin(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    scan(qtbot, payload_of(till, members.anh))
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    c.award_panel.amount_edit.setText("125000")
    with qtbot.waitSignal(w.checkout.action_done):
        c.award_panel.confirm_button.click()
    assert balance(till, members.anh) == (12, 3)
    till.clock.advance(minutes=3)

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "mã PIN của quản lý" in c.undo_panel.what_label.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.checkout.pin_dialog is not None and w.checkout.pin_dialog.isVisible())
    dialog = w.checkout.pin_dialog
    # The manager signs for what is undone, for whom.
    assert dialog.statement_label.text() == "Hoàn tác hóa đơn 125.000 ₫: +12 điểm, +1 tem cho Nguyễn Thị Ánh"
    # The cashier's own PIN does not approve it: the dialog stays, saying so, for the manager to type.
    qtbot.keyClicks(dialog.pad.field, CASHIER_PIN)
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and w.checkout.pin_dialog is dialog
    assert dialog.error_label.isVisible() and dialog.error_label.text() == "Đó không phải mã PIN của quản lý."
    assert dialog.pad.field.text() == "" and dialog.focusWidget() is dialog.pad.field
    assert balance(till, members.anh) == (12, 3)

    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClicks(dialog.pad.field, MANAGER_PIN)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.checkout.pin_dialog is None)
    assert balance(till, members.anh) == (0, 2)
    with till.transaction() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.action == "ledger.undo")).one()
        manager_id = s.scalars(
            select(LedgerEntryRow.staff_id).where(LedgerEntryRow.kind == "reverse")
        ).first()
    assert log.staff_id == manager_id  # written down as the manager's approval


def test_a_manager_correction_without_the_manager_pin_is_refused(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    type_like_a_person(qtbot, c.search_field, "0912345678", enter=True)
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    assert c.current_panel() == "adjust"
    c.adjust_panel.stamps_spin.setValue(1)
    c.adjust_panel.reason_edit.setText("máy pha hỏng, xin lỗi khách")
    before, adjusts_before = counts(till), len(adjust_log(till))
    qtbot.keyClick(c.adjust_panel.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.checkout.pin_dialog is not None)
    with qtbot.waitSignal(w.checkout.state.pin_refused) as refused:
        w.checkout.pin_dialog.pad.field.setText(CASHIER_PIN)
        w.checkout.pin_dialog.pad.ok_button.click()
    assert refused.args[0] == "Đó không phải mã PIN của quản lý."
    assert w.checkout.pin_dialog.error_label.text() == refused.args[0]
    assert counts(till) == before
    assert len(adjust_log(till)) == adjusts_before

    with qtbot.waitSignal(w.checkout.action_done):
        w.checkout.pin_dialog.pad.field.setText(MANAGER_PIN)
        w.checkout.pin_dialog.pad.ok_button.click()
    assert balance(till, members.anh) == (0, 3)
    logs = adjust_log(till)
    assert len(logs) == adjusts_before + 1
    assert json.loads(logs[-1].after)["reason"] == "máy pha hỏng, xin lỗi khách"


def test_several_matches_show_a_pick_list(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    type_like_a_person(qtbot, c.search_field, "nguyen", enter=True)
    qtbot.waitUntil(lambda: c.card_stack.currentWidget() is c.pick_page)
    assert c.pick_model.rowCount() == 2
    assert "Nguyễn Thị Ánh" in c.pick_model.index(0, 0).data()
    assert focused() is c.pick_list
    qtbot.keyClick(c.pick_list, Qt.Key.Key_Down)
    with qtbot.waitSignal(w.checkout.customer_shown):
        qtbot.keyClick(c.pick_list, Qt.Key.Key_Return)
    assert w.checkout.customer.id == members.an
    assert not w.checkout.identified


def test_phone_numbers_are_found_however_they_are_typed(qtbot, windows: Windows, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    for typed in ("0912 345 678", "+84 912 345 678", "0912.345.678"):
        w.checkout.next_customer()
        type_like_a_person(qtbot, c.search_field, typed, enter=True)
        qtbot.waitUntil(lambda: w.checkout.customer is not None)
        assert w.checkout.customer.id == members.anh, typed


def test_redeeming_needs_the_card_not_a_phone_number(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    c.search_field.setText("0987654321")
    c.search_button.click()
    qtbot.waitUntil(lambda: w.checkout.customer is not None)
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    assert "quét thẻ" in c.redeem_panel.notice_label.text()
    assert not any(b.isEnabled() for b in c.redeem_panel.reward_buttons.values())
    before = counts(till)
    reward_id = w.checkout.customer.rewards[0].reward.id
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        w.checkout.redeem(reward_id, "", "")  # even if the button were pressed, the service refuses
    assert refused.args[0] == "Muốn dùng điểm, hãy quét thẻ của khách (số điện thoại hay tên là chưa đủ)."
    assert counts(till) == before


def test_blocked_and_birthday_customers_are_marked(qtbot, windows: Windows, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    w.checkout.select(members.cuc, identified=False)
    card = c.customer_card
    assert card.warning_label.isVisible() and "KHÓA" in card.warning_label.text()
    assert not c.award_panel.confirm_button.isEnabled()
    w.checkout.select(members.dung, identified=False)
    assert not card.warning_label.isVisible()
    assert card.birthday_label.isVisible() and card.birthday_label.text() == "Sinh nhật tuần này!"


def test_switching_language_changes_the_visible_texts(qtbot, windows: Windows, till: Till, members) -> None:
    from app.bootstrap import get_setting

    w, c = windows, windows.cashier
    login(qtbot, w)
    w.checkout.select(members.binh, identified=True)
    c.award_panel.amount_edit.setText("125000")
    c.award_panel.amount_edited.emit("125000")
    vi = {
        "award": "Tích điểm\nF2",
        "redeem": "Đổi quà\nF3",
        "enroll": "Đăng ký\nF4",
        "undo": "Hoàn tác\nCtrl+Z",
    }
    assert {k: c.action_buttons[k].text() for k in vi} == vi
    assert "125.000 ₫" in c.award_panel.detail_label.text()
    assert c.customer_card.points.caption.text() == "điểm"
    assert w.display.rating_question.text() == "Hôm nay bạn thấy thế nào?"

    c.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: c.action_buttons["award"].text() == "Award\nF2")
    assert c.action_buttons["redeem"].text() == "Redeem\nF3"
    assert c.action_buttons["undo"].text() == "Undo\nCtrl+Z"
    assert c.search_field.placeholderText() == "Scan the card, or type a phone, card number or name"
    assert "125,000 ₫" in c.award_panel.detail_label.text()
    assert c.award_panel.preview_label.text() == "+12 points, +1 stamp"
    assert c.customer_card.points.caption.text() == "points"
    assert w.display.rating_question.text() == "How was your visit today?"
    assert w.display.greeting_label.text() == "Hello, Bình!"
    assert c.status_bar.staff_label.text() == "Staff: Lan (cashier)"
    assert get_setting(till, "ui.language") == "en"

    c.language_actions["vi"].trigger()
    qtbot.waitUntil(lambda: c.action_buttons["award"].text() == "Tích điểm\nF2")
    assert w.display.greeting_label.text() == "Xin chào, Bình!"
    assert "125.000 ₫" in c.award_panel.detail_label.text()
    assert get_setting(till, "ui.language") == "vi"
