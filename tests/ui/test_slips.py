"""Slips of the finger at the till (issue 11): each used to award, undo or approve the wrong thing.

Driven through the real widgets, keys as a cashier presses them; what is checked is what the
cashier sees (a sentence, a dialog that says what it approves) and what the ledger holds.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from ui_helpers import MANAGER_PIN, OWNER_PIN, counts, focused, ledger, login, payload_of, scan, type_like_a_person

from app.core.rewards import Reward, RewardKind
from app.services import catalog, staff
from app.services.till import Till
from app.ui.main import Windows


def show(qtbot, w: Windows, till: Till, customer_id: str) -> None:
    scan(qtbot, payload_of(till, customer_id))
    qtbot.waitUntil(lambda: w.checkout.customer is not None and w.checkout.customer.id == customer_id)


# -- 1. amounts that are not amounts ---------------------------------------------------------------------


def test_a_negative_or_decimal_amount_is_refused_with_a_sentence(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    before, anh_before = counts(till), ledger(till, members.anh)
    amount = c.award_panel.amount_edit
    assert focused() is amount

    type_like_a_person(qtbot, amount, "-5000")
    assert amount.text() == "-5000"  # the minus sign is kept, so it can be refused (it used to vanish)
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert refused.args[0] == "Hóa đơn không thể là số âm. Muốn lấy lại một giao dịch, hãy dùng Hoàn tác (Ctrl+Z)."
    assert c.banner.property("kind") == "error" and c.award_panel.preview_label.text() == refused.args[0]

    amount.clear()
    type_like_a_person(qtbot, amount, "12,5")
    assert amount.text() == "12,5"  # not regrouped into 125
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert refused.args[0] == "12,5 không phải là số tiền hợp lệ: hãy nhập số ₫ chẵn, ví dụ 125.000."
    assert "'" not in refused.args[0]

    assert counts(till) == before and ledger(till, members.anh) == anh_before  # nothing awarded, no visit
    assert c.customer_card.stamps.value.text() == "2/10"


def test_a_bill_below_the_earning_step_asks_for_a_second_enter(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    before = counts(till)
    amount = c.award_panel.amount_edit
    type_like_a_person(qtbot, amount, "5000", enter=True)
    assert c.award_panel.preview_label.text() == (
        "5.000 ₫ nhỏ hơn 10.000 ₫, mức hóa đơn nhỏ nhất được tích điểm. "
        "Hãy kiểm tra lại số tiền, hoặc nhấn Enter lần nữa để vẫn ghi nhận."
    )
    assert counts(till) == before  # asked, not written
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert ledger(till, members.anh)[-1] == ("earn", 0, 0, 5_000)


def test_the_thousands_key_turns_125_into_125_000(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    amount = c.award_panel.amount_edit
    type_like_a_person(qtbot, amount, "125*")
    assert amount.text() == "125.000"
    qtbot.waitUntil(lambda: c.award_panel.preview_label.text() == "+12 điểm, +1 tem")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert ledger(till, members.anh)[-1] == ("earn", 12, 1, 125_000)


# -- 2. the manager's correction ------------------------------------------------------------------------


def test_a_correction_typed_as_5_is_5_and_the_manager_sees_what_she_approves(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    spin = c.adjust_panel.points_spin
    assert focused() is spin
    qtbot.keyClick(spin, Qt.Key.Key_5)
    assert spin.value() == 5  # not 50: the 0 it held was selected and replaced
    c.adjust_panel.reason_edit.setText("khách quên thẻ hôm qua")
    qtbot.keyClick(c.adjust_panel.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.checkout.pin_dialog is not None and w.checkout.pin_dialog.isVisible())
    dialog = w.checkout.pin_dialog
    assert dialog.statement_label.isVisible()
    assert dialog.statement_label.text() == "+5 điểm, 0 tem cho Nguyễn Thị Ánh"

    # Every key of the pad is inside the dialog: the bottom row (⌫ 0 OK) is not clipped, before
    # and after a wrong PIN's sentence takes its room.
    def pad_fits() -> bool:
        ok, cancel = dialog.pad.ok_button, dialog.cancel_button
        ok_bottom = ok.mapTo(dialog, QPoint(0, ok.height())).y()
        return (
            dialog.height() >= dialog.sizeHint().height()
            and ok.height() >= ok.sizeHint().height()
            and ok_bottom <= cancel.mapTo(dialog, QPoint(0, 0)).y()
        )

    qtbot.waitUntil(pad_fits)
    qtbot.keyClicks(dialog.pad.field, "1111")  # the cashier's own PIN
    qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible()
    qtbot.waitUntil(pad_fits)

    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClicks(dialog.pad.field, MANAGER_PIN)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)
    assert ledger(till, members.anh)[-1] == ("adjust", 5, 0, None)


def test_an_empty_correction_is_refused_before_any_pin_is_asked(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    qtbot.keyClick(focused(), Qt.Key.Key_F6)
    c.adjust_panel.reason_edit.setText("thử")
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        qtbot.keyClick(c.adjust_panel.reason_edit, Qt.Key.Key_Return)
    assert refused.args[0] == "Điều chỉnh này không thay đổi gì."
    assert w.checkout.pin_dialog is None


# -- 3. undo targets the customer on screen ----------------------------------------------------------------


def test_undo_does_not_hit_another_customer_than_the_one_on_screen(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.binh)
    c.award_panel.amount_edit.setText("125.000")
    with qtbot.waitSignal(w.checkout.action_done):
        c.award_panel.confirm_button.click()
    binh_after_sale = ledger(till, members.binh)

    # The next customer, Ánh, is on screen; Ctrl+Z then Enter must not take Bình's sale back.
    show(qtbot, w, till, members.anh)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    text = c.undo_panel.what_label.text()
    assert "Trần Văn Bình" in text and "không phải cho Nguyễn Thị Ánh" in text
    assert not c.undo_panel.confirm_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert ledger(till, members.binh) == binh_after_sale

    # With the screen cleared, the same undo names Bình first, large, and takes the sale back.
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    big_name = "<span style='font-size:26px; font-weight:bold'>Trần Văn Bình</span>"
    assert c.undo_panel.what_label.text().startswith(big_name)
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert ledger(till, members.binh)[-1][0] == "reverse"
    assert "Trần Văn Bình" in c.banner.text()


# -- redeem ----------------------------------------------------------------------------------------------


def test_pay_with_points_shows_its_field_and_takes_the_focus(qtbot, windows: Windows, till: Till, members) -> None:
    owner = staff.login(till, OWNER_PIN)
    catalog.publish_program(till, replace(till.program(), point_value=1_000), by=owner)
    catalog.save_reward(till, Reward(id="", name="Trả bằng điểm", kind=RewardKind.POINTS_PAYMENT), by=owner, sort=9)
    till.reload_program()
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.binh)  # 25 points, scanned
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    panel = c.redeem_panel
    names = {o.reward.id: o.reward.name for o in w.checkout.customer.rewards}
    while names[panel.selected_reward()] != "Trả bằng điểm":
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert panel.points_edit.isVisible() and panel.bill_edit.isVisible()
    assert focused() is panel.bill_edit  # no bill yet: the bill first, then the points
    type_like_a_person(qtbot, panel.bill_edit, "45000")
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert focused() is panel.points_edit


def test_enter_with_nothing_to_redeem_keeps_the_customer(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)  # 0 points, 2 stamps: nothing affordable
    qtbot.keyClick(focused(), Qt.Key.Key_F3)
    assert c.redeem_panel.notice_label.text() == "Chưa có quà nào đổi được."
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert w.checkout.customer is not None and w.checkout.customer.id == members.anh
    assert c.card_stack.currentWidget() is not c.empty_page


def test_one_award_redraws_every_screen_from_one_signal_and_counts_the_outbox_once(
    qtbot, windows: Windows, till: Till, members, monkeypatch
) -> None:
    from app.ui.controllers import status as status_module

    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    w.status._timer.stop()  # only what the award itself causes is counted
    counted = []
    real = status_module.pending_count
    monkeypatch.setattr(status_module, "pending_count", lambda t: counted.append(1) or real(t))
    changes = []
    w.checkout.state.changes.connect(changes.append)
    c.award_panel.amount_edit.setText("125.000")
    with qtbot.waitSignal(w.checkout.action_done):
        c.award_panel.confirm_button.click()
    assert len(changes) == 1 and changes[0].action == "award"
    assert (changes[0].points, changes[0].stamps) == (12, 1) and changes[0].after.balance.points == 12
    assert len(counted) == 1
    assert c.customer_card.points.value.text() == "12" and w.display.points_label.text() == "12"
    assert c.status_bar.sync_label.text().endswith(f"{real(till)} giao dịch chờ đồng bộ")


def test_a_flag_on_a_member_reads_in_the_cashiers_language(qtbot, windows: Windows, till: Till, members) -> None:
    """The stored sentence is English; the card names the flag's kind in Vietnamese instead."""
    from app.core.ids import new_id
    from app.db.models import Flag

    with till.transaction() as s:
        s.add(Flag(id=new_id(), kind="daily_cap", customer_id=members.anh, message="Daily earn cap of 10 reached: "
                   "3 points not given.", created_at=till.clock()))  # fmt: skip
    w, c = windows, windows.cashier
    login(qtbot, w)
    show(qtbot, w, till, members.anh)
    assert c.customer_card.warning_label.isVisible()
    assert "đã chạm mức tích điểm tối đa trong ngày" in c.customer_card.warning_label.text()
    assert "Daily earn cap" not in c.customer_card.warning_label.text()
