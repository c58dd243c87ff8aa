"""The award shows the member's new card from the award's own transaction: no second read (issue 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import login, payload_of, scan, type_like_a_person

from app.services.till import Till
from app.ui.controllers import award as award_controller
from app.ui.main import Windows


def test_an_award_redraws_both_screens_from_the_state_the_award_returned(
    qtbot, windows: Windows, till: Till, members, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.binh))
    assert c.customer_card.points.value.text() == "25"

    def second_read(*_: object) -> None:
        raise AssertionError("the award controller read the customer again")

    monkeypatch.setattr(award_controller, "view", second_read)
    amount = c.award_panel.amount_edit
    amount.setFocus()
    type_like_a_person(qtbot, amount, "125000")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.keyClick(amount, Qt.Key.Key_Return)

    assert c.customer_card.points.value.text() == "37"
    assert c.customer_card.stamps.value.text() == "10/10"
    assert "+12 điểm, +1 tem" in c.banner.text()
    assert w.display.points_label.text() == "37"
