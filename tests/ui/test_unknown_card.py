"""A genuine card this till does not hold, at the counter: the cashier is told, she earns, spending waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import counts, focused, ledger, login, scan, type_like_a_person

from app.core import cardcode
from app.core.unknown_cards import placeholder_id
from app.services.till import Till
from app.ui.main import Windows


def test_a_verified_card_not_on_this_till_says_so_earns_and_refuses_spending(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    number = cardcode.make_card_number(4_242_424)  # enrolled at another till: signed with the chain's key
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, cardcode.sign_card_payload(number, till.card_key), c.search_field)
    assert w.checkout.customer.id == placeholder_id(number)
    assert c.banner.text() == (
        "Thẻ hợp lệ — khách chưa có trên máy này. Vẫn tích điểm cho thẻ này được ngay; điểm sẽ vào tài "
        "khoản của khách ở lần đồng bộ tới. Dùng điểm thì phải chờ đến lúc đó."
    )
    assert c.customer_card.name_label.text() == f"Card {cardcode.format_card_number(number)}"
    assert focused() is c.award_panel.amount_edit

    type_like_a_person(qtbot, c.award_panel.amount_edit, "60000")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(c.award_panel.amount_edit, Qt.Key.Key_Return)
    earned = ledger(till, placeholder_id(number))
    assert [kind for kind, *_ in earned] == ["earn"] and earned[0][1] > 0 and earned[0][3] == 60_000

    before = counts(till)
    reward_id = w.checkout.customer.rewards[0].reward.id
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        w.checkout.redeem(reward_id, "", "")
    assert refused.args[0] == (
        "Khách này chưa có trên máy này nên ở đây chưa biết số dư của khách: chưa thể dùng điểm cho đến khi "
        "máy đồng bộ với máy chủ."
    )
    assert counts(till) == before


def test_a_forged_card_is_still_refused_at_the_counter(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    payload = cardcode.sign_card_payload(cardcode.make_card_number(4_242_425), till.card_key)
    body, mac = payload.rsplit(".", 1)
    before = counts(till)
    with qtbot.waitSignal(w.checkout.action_refused) as refused:
        scan(qtbot, f"{body}.{'B' if mac[0] == 'A' else 'A'}{mac[1:]}", c.search_field)
    assert "giả" in refused.args[0] or "hỏng" in refused.args[0]
    assert w.checkout.customer is None and counts(till) == before
