"""A new owner, from an empty home to her first real sale, through the first-run wizard."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import select
from ui_helpers import focused, ledger, payload_of, scan, type_like_a_person

from app.bootstrap import get_setting, open_till
from app.core.templates import Template
from app.db.models import AuditLog, RewardRow, Staff, Store
from app.services import customers, setup, staff
from app.ui.i18n import Translations
from app.ui.main import build_windows
from app.ui.setup_wizard import JOIN, OWNER, PROGRAM, SERVER, SHOP, WELCOME, SetupWizard

HER_PIN = "739164"


def _next(qtbot, wizard: SetupWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _choose(qtbot, radio) -> None:
    """Click a radio button on its circle (its middle may lie beyond the text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _wizard(qtbot, qapp: QApplication, home: Path, language: str = "en", **kw) -> tuple[SetupWizard, Translations]:
    translations = Translations(qapp, cache_dir=home / "i18n")
    translations.use(language)
    wizard = SetupWizard(home, translations, **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard, translations


def test_wizard_from_an_empty_home_to_a_first_sale_in_dollars_in_new_york(qtbot, qapp, tmp_path: Path) -> None:
    home = tmp_path / "sarahs-bakery"
    assert not setup.is_set_up(home)
    wizard, translations = _wizard(qtbot, qapp, home)
    try:
        # The first page asks; the demo is the default answer.
        assert wizard.currentId() == WELCOME
        assert wizard.welcome.demo.isChecked()
        _choose(qtbot, wizard.welcome.shop)
        _next(qtbot, wizard)
        assert wizard.currentId() == SHOP

        # A shop without a name is refused with a sentence, and the wizard stays.
        _next(qtbot, wizard)
        assert wizard.currentId() == SHOP
        assert wizard.shop.problem.text() == "The shop needs a name."
        qtbot.keyClicks(wizard.shop.name, "Sarah's Bakery")
        qtbot.keyClicks(wizard.shop.address, "12 Main St, Brooklyn")
        wizard.shop.currency.setCurrentIndex(wizard.shop.currency.findData("USD"))
        wizard.shop.timezone.setEditText("America/New_Yrok")  # mistyped: not a zone
        _next(qtbot, wizard)
        assert wizard.currentId() == SHOP
        assert "not a time zone" in wizard.shop.problem.text()
        wizard.shop.timezone.setEditText("America/New_York")
        assert "$12.34" in wizard.shop.example.text()  # how a bill will be written
        _next(qtbot, wizard)
        assert wizard.currentId() == OWNER

        # Her name and PIN; two different PINs are refused.
        qtbot.keyClicks(wizard.owner.name, "Sarah Miller")
        qtbot.keyClicks(wizard.owner.pin, HER_PIN)
        qtbot.keyClicks(wizard.owner.pin_again, "739165")
        _next(qtbot, wizard)
        assert wizard.currentId() == OWNER
        assert wizard.owner.problem.text() == "The two PINs differ."
        wizard.owner.pin_again.clear()
        qtbot.keyClicks(wizard.owner.pin_again, HER_PIN)
        _next(qtbot, wizard)
        assert wizard.currentId() == PROGRAM

        _choose(qtbot, wizard.program.buttons[Template.POINTS_TIERS])
        _next(qtbot, wizard)
        assert wizard.currentId() == SERVER  # optional: left empty, this till runs alone
        with qtbot.waitSignal(wizard.finished_setup, timeout=20_000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        assert wizard.outcome == "shop"
    finally:
        translations.uninstall()

    assert setup.is_set_up(home)
    till = open_till(home)
    # 10:30 on a Tuesday morning in New York is 15:30 UTC (and 22:30 in Hồ Chí Minh City).
    moment = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)
    till.clock = lambda: moment
    with till.transaction() as s:
        store = s.get(Store, till.store_id)
        assert (store.name, store.currency, store.timezone) == ("Sarah's Bakery", "USD", "America/New_York")
        people = [(p.name, p.role) for p in s.scalars(select(Staff))]
        assert people == [("Sarah Miller", "owner")]
        assert "1234" not in s.scalars(select(Staff.pin_hash)).one()
        assert [r.name for r in s.scalars(select(RewardRow).order_by(RewardRow.sort))] == [
            "$3.00 off",
            "10% off for Gold members",
        ]
        assert s.scalars(select(AuditLog.action).where(AuditLog.action == "shop.setup")).all() == ["shop.setup"]
    assert get_setting(till, setup.LANGUAGE_SETTING) == "en"
    assert get_setting(till, setup.ADDRESS_SETTING) == "12 Main St, Brooklyn"
    assert till.program().currency == "USD" and till.program().amount_step == 100  # a point per dollar

    sarah = staff.login(till, HER_PIN)
    member = customers.enroll(till, name="Tom Baker", phone="+1 212 555 0142", staff=sarah)
    w = build_windows(till)  # the language she chose
    w.cashier.show()
    qtbot.waitExposed(w.cashier)
    try:
        # Typed at a person's pace (a six-digit burst and Enter would be a card scan).
        type_like_a_person(qtbot, w.cashier.login_page.pad.field, HER_PIN, enter=True)
        qtbot.waitUntil(lambda: w.checkout.staff is not None)
        assert w.cashier.status_bar.staff_label.text() == "Staff: Sarah Miller (owner)"
        with qtbot.waitSignal(w.checkout.customer_shown):
            scan(qtbot, payload_of(till, member.customer_id))
        amount = w.cashier.award_panel.amount_edit
        amount.setFocus()
        type_like_a_person(qtbot, amount, "12.34")
        qtbot.waitUntil(lambda: w.cashier.award_panel.preview_label.text().startswith("+12 points"))
        with qtbot.waitSignal(w.checkout.action_done):
            qtbot.keyClick(amount, Qt.Key.Key_Return)
        assert ledger(till, member.customer_id)[-1] == ("earn", 12, 0, 1234)  # cents, never a float
        assert "$12.34" in w.cashier.banner.text()
        # The time of the sale is New York's wall clock.
        qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert w.cashier.undo_panel.what_label.text().endswith("sale of $12.34: +12 points, 0 stamps, at 10:30.")
    finally:
        w.close()
        till.engine.dispose()


def test_the_demo_is_the_default_and_a_closed_wizard_sets_nothing_up(qtbot, qapp, tmp_path: Path) -> None:
    home = tmp_path / "till"
    wizard, translations = _wizard(qtbot, qapp, home, language="vi")
    try:
        assert wizard.welcome.demo.text() == "Dùng thử quán cà phê mẫu"
        with qtbot.waitSignal(wizard.finished_setup):
            qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter on the first page: the demo
        assert wizard.outcome == "demo"
    finally:
        translations.uninstall()

    other = tmp_path / "other"
    wizard, translations = _wizard(qtbot, qapp, other, real_shop=True)
    try:
        assert wizard.welcome.shop.isChecked()  # `--no-demo`: straight to the real shop
        wizard.reject()
        assert wizard.outcome is None
    finally:
        translations.uninstall()
    assert not setup.is_set_up(other)


def test_joining_needs_an_address_and_a_code_and_says_why_pairing_failed(qtbot, qapp, tmp_path: Path) -> None:
    home = tmp_path / "till2"
    wizard, translations = _wizard(qtbot, qapp, home)
    try:
        _choose(qtbot, wizard.welcome.join)
        _next(qtbot, wizard)
        assert wizard.currentId() == JOIN
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert wizard.join.problem.text() == "Type the server's address and the pairing code."
        # Nothing listens on this port: the wizard says so and stays open.
        from sync.embedded import free_port

        qtbot.keyClicks(wizard.join.url, f"http://127.0.0.1:{free_port()}")
        qtbot.keyClicks(wizard.join.code, "ABCDE-FGHJK")
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.join.problem.isVisible() and finish.isEnabled(), timeout=20_000)
        assert wizard.outcome is None
        assert wizard.join.problem.text()
    finally:
        translations.uninstall()
    assert not setup.is_set_up(home)
