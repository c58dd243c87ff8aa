"""Someone guessing PINs at the till's login pad: after 5 wrong PINs in a row the pad makes every try wait
(30 s, then longer), the right PIN too, the back office's F9 as well; each miss is in the audit log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import CASHIER_PIN, MANAGER_PIN

from app.db.models import AuditLog
from app.services.till import Till
from app.ui.main import Windows


def _try(qtbot, w: Windows, pin: str) -> str:
    field = w.cashier.login_page.pad.field
    field.clear()
    for digit in pin:  # at a person's pace: a burst of digits and Enter is a card scan
        qtbot.keyClick(field, digit)
        qtbot.wait(60)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return w.cashier.login_page.error_label.text()


def test_five_wrong_pins_make_the_pad_wait_longer_each_time_and_are_audited(
    qtbot, windows: Windows, till: Till
) -> None:
    w = windows
    for _ in range(5):
        assert _try(qtbot, w, "9090") == "Sai mã PIN."
        assert w.checkout.staff is None
    # The sixth try waits, even with the right PIN: guessing cannot go on at full speed.
    said = _try(qtbot, w, CASHIER_PIN)
    assert said == "Nhập sai mã PIN quá nhiều lần liên tiếp: vui lòng thử lại sau 30 giây."
    assert w.checkout.staff is None and w.cashier.login_page.isVisible()

    # F9 (the back office) is behind the same wait: a manager's PIN opens nothing meanwhile.
    launcher = w.backoffice
    assert launcher is not None
    qtbot.keyClick(QApplication.focusWidget() or w.cashier, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
    for digit in MANAGER_PIN:
        qtbot.keyClick(launcher.dialog.pad.field, digit)
        qtbot.wait(60)
    with qtbot.waitSignal(launcher.refused) as refused:
        qtbot.keyClick(launcher.dialog.pad.field, Qt.Key.Key_Return)
    assert refused.args[0].startswith("Nhập sai mã PIN quá nhiều lần liên tiếp: vui lòng thử lại sau")
    assert launcher.window is None and w.cashier.login_page.error_label.text() == refused.args[0]

    # Half a minute later one more wrong PIN: the wait doubles.
    till.clock.advance(seconds=31)  # type: ignore[attr-defined]
    assert _try(qtbot, w, "9090") == "Sai mã PIN."
    till.clock.advance(seconds=31)  # type: ignore[attr-defined]
    assert _try(qtbot, w, CASHIER_PIN).endswith("thử lại sau 29 giây.")
    till.clock.advance(seconds=30)  # type: ignore[attr-defined]
    _try(qtbot, w, CASHIER_PIN)
    qtbot.waitUntil(lambda: w.checkout.staff is not None)  # the wait is over: she works again

    with till.transaction() as s:
        actions = [a for a in s.scalars(select(AuditLog.action).order_by(AuditLog.id)) if a.startswith("pin.")]
        texts = " ".join(s.scalars(select(AuditLog.after).where(AuditLog.action.startswith("pin."))))
    assert actions.count("pin.failed") == 6 and actions.count("pin.locked") >= 3
    assert "9090" not in texts and CASHIER_PIN not in texts and MANAGER_PIN not in texts  # never the PIN


def test_a_wrong_pin_at_f9_counts_once_toward_the_lockout(qtbot, windows: Windows, till: Till) -> None:
    """Three misses at the pad and one at F9 are four, not five: the cashier still gets in."""
    w = windows
    for _ in range(3):
        assert _try(qtbot, w, "9090") == "Sai mã PIN."
    launcher = w.backoffice
    assert launcher is not None
    qtbot.keyClick(QApplication.focusWidget() or w.cashier, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
    for digit in "9090":
        qtbot.keyClick(launcher.dialog.pad.field, digit)
        qtbot.wait(60)
    with qtbot.waitSignal(launcher.refused) as refused:
        qtbot.keyClick(launcher.dialog.pad.field, Qt.Key.Key_Return)
    assert refused.args[0] == "Sai mã PIN. Hãy nhập mã PIN của quản lý hoặc chủ cửa hàng."
    _try(qtbot, w, CASHIER_PIN)
    qtbot.waitUntil(lambda: w.checkout.staff is not None)
    with till.transaction() as s:
        assert s.scalars(select(AuditLog.action).where(AuditLog.action == "pin.failed")).all() == ["pin.failed"] * 4
