"""A genuine card this till does not hold, at the counter: the cashier is told, she earns, spending waits."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication
from ui_helpers import counts, focused, ledger, login, scan, type_like_a_person

from app.core import cardcode
from app.core.unknown_cards import placeholder_id
from app.db.models import Customer
from app.services import customers
from app.services.till import Till
from app.ui.main import Windows
from sync.worker import member_fetch


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


def test_online_the_scan_asks_the_server_off_the_gui_thread_and_shows_her_when_she_arrives(
    qtbot, windows: Windows, till: Till, members, monkeypatch
) -> None:
    """The server's side is tested with a real server process (tests/sync/test_unknown_card.py); here, the
    counter: the fetch runs on a pool thread, and when it brings her the card shows her, not the placeholder."""
    w, c = windows, windows.cashier
    login(qtbot, w)
    number = cardcode.make_card_number(4_242_426)
    threads: list[bool] = []

    def arrives(till_: Till, home, *, card=None, phone=None) -> bool:
        """What ``fetch`` leaves behind when the server knows her: she is held here."""
        threads.append(QThread.currentThread() is not QApplication.instance().thread())
        assert card == number and phone is None
        her = customers.enroll(till_, name="Vũ Thị Lan", phone="0934 567 890", staff=None)
        with till_.transaction() as s:  # the number her home store printed on her card
            s.get(Customer, her.customer_id).card_number = number
        return True

    monkeypatch.setattr(member_fetch, "can_fetch", lambda home: True)
    monkeypatch.setattr(member_fetch, "fetch", arrives)
    scan(qtbot, cardcode.sign_card_payload(number, till.card_key), c.search_field)
    qtbot.waitUntil(lambda: w.checkout.customer is not None and w.checkout.customer.name == "Vũ Thị Lan")
    assert threads == [True]  # once, and not on the GUI thread
    assert w.checkout.identified and w.checkout.customer.card_number == number
