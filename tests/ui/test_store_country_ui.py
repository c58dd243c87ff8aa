"""The store's country in the windows: the wizard guesses it from the zone and shows it; a New York
cashier then enrols, finds and sees a member by her American phone. Real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWizard
from ui_helpers import focused, type_like_a_person

from app.bootstrap import open_till
from app.core.phone import example_phone
from app.services import settings, setup
from app.ui.i18n import Translations
from app.ui.main import build_windows
from app.ui.setup_wizard import OWNER, PROGRAM, SERVER, SHOP, SetupWizard

HER_PIN = "739164"


def _next(qtbot, wizard: SetupWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _wizard(qtbot, qapp: QApplication, home: Path, language: str) -> tuple[SetupWizard, Translations]:
    translations = Translations(qapp, cache_dir=home / "i18n")
    translations.use(language)
    wizard = SetupWizard(home, translations)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    radio = wizard.welcome.shop
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    _next(qtbot, wizard)
    assert wizard.currentId() == SHOP
    return wizard, translations


def test_the_wizard_country_follows_the_zone_until_the_owner_picks_one(qtbot, qapp, tmp_path: Path) -> None:
    wizard, translations = _wizard(qtbot, qapp, tmp_path / "home", "vi")
    try:
        shop = wizard.shop
        assert shop.country.country() == "VN"  # Hồ Chí Minh City, the first zone offered
        assert shop.country.currentText() == "Việt Nam (VN, +84)"
        assert "0912 345 678" in shop.example.text()
        shop.timezone.setEditText("America/New_York")
        assert shop.country.country() == "US" and shop.country.currentText() == "Hoa Kỳ (US, +1)"
        assert "Hoa Kỳ" in shop.example.text() and example_phone("US") in shop.example.text()
        shop.timezone.setEditText("Europe/Paris")
        assert shop.country.country() == "FR"
        # She picks her country herself: a later zone no longer moves it.
        shop.country.setCurrentIndex(shop.country.findData("VN"))
        shop.country.activated.emit(shop.country.currentIndex())
        shop.timezone.setEditText("America/Chicago")
        assert shop.country.country() == "VN"
        # A typed name that is no country is refused with a sentence, and the wizard stays.
        qtbot.keyClicks(shop.name, "Tiem Banh")
        shop.country.setEditText("Atlantis")
        _next(qtbot, wizard)
        assert wizard.currentId() == SHOP
        assert shop.problem.text() == "Atlantis không phải là mã quốc gia; hãy dùng hai chữ cái như VN hoặc US."
        shop.country.setEditText("us")  # its ISO code typed is understood
        _next(qtbot, wizard)
        assert wizard.currentId() == OWNER
        assert wizard.shop_setup().country == "US"
    finally:
        translations.uninstall()


def test_a_new_york_shop_from_the_wizard_to_a_member_found_by_her_american_phone(qtbot, qapp, tmp_path: Path) -> None:
    home = tmp_path / "sarahs-bakery"
    wizard, translations = _wizard(qtbot, qapp, home, "en")
    try:
        qtbot.keyClicks(wizard.shop.name, "Sarah's Bakery")
        wizard.shop.currency.setCurrentIndex(wizard.shop.currency.findData("USD"))
        wizard.shop.timezone.setEditText("America/New_York")
        assert wizard.shop.country.currentText() == "United States (US, +1)"  # shown, left as guessed
        _next(qtbot, wizard)
        assert wizard.currentId() == OWNER
        qtbot.keyClicks(wizard.owner.name, "Sarah Miller")
        qtbot.keyClicks(wizard.owner.pin, HER_PIN)
        qtbot.keyClicks(wizard.owner.pin_again, HER_PIN)
        _next(qtbot, wizard)
        assert wizard.currentId() == PROGRAM
        _next(qtbot, wizard)
        assert wizard.currentId() == SERVER
        with qtbot.waitSignal(wizard.finished_setup, timeout=20_000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    finally:
        translations.uninstall()
    assert setup.is_set_up(home)
    till = open_till(home)
    assert settings.store_country(till) == "US"
    w = build_windows(till)
    c = w.cashier
    c.show()
    qtbot.waitExposed(c)
    try:
        type_like_a_person(qtbot, c.login_page.pad.field, HER_PIN, enter=True)
        qtbot.waitUntil(lambda: w.checkout.staff is not None)
        # Not a member yet: F4 enrols her with the phone as the cashier typed it.
        type_like_a_person(qtbot, c.search_field, "(617) 555-0142", enter=True)
        qtbot.waitUntil(lambda: c.banner.isVisible())
        assert "F4" in c.banner.text()
        qtbot.keyClick(focused(), Qt.Key.Key_F4)
        assert c.enroll_panel.phone_edit.text() == "(617) 555-0142"
        c.enroll_panel.name_edit.setText("Emily Chen")
        with qtbot.waitSignal(w.checkout.action_done):
            qtbot.keyClick(c.enroll_panel.name_edit, Qt.Key.Key_Return)
        emily = w.checkout.customer
        assert emily is not None and emily.name == "Emily Chen" and emily.phone == "(617) 555-0142"
        assert "(617) 555-0142" in c.customer_card.details_label.text()
        for typed in ("6175550142", "+1 617 555 0142"):
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: w.checkout.customer is None)
            with qtbot.waitSignal(w.checkout.customer_shown):
                type_like_a_person(qtbot, c.search_field, typed, enter=True)
            assert w.checkout.customer is not None and w.checkout.customer.id == emily.id, typed
            assert "(617) 555-0142" in c.customer_card.details_label.text()
    finally:
        w.close()
        till.engine.dispose()


def test_a_manager_changes_the_shops_country_in_the_back_office(qtbot, qapp, tmp_path: Path) -> None:
    from test_staff_audit_tabs import answer_pin_dialog

    from app.services import customers, staff
    from app.services.setup import ShopSetup
    from app.ui.backoffice.context import BackOfficeContext
    from app.ui.backoffice.shop_settings import ShopSettingsBox
    from app.ui.tasks import BackgroundOps

    till, owner = setup.setup_shop(
        tmp_path / "toronto",
        ShopSetup(store_name="Maple", owner_name="Ann", owner_pin=HER_PIN, currency="USD", timezone="America/Toronto"),
    )
    ctx = BackOfficeContext(till=till, staff=staff.login(till, HER_PIN), ops=BackgroundOps(), language="en")
    box = ShopSettingsBox(ctx)
    qtbot.addWidget(box)
    box.show()
    try:
        with qtbot.waitSignal(box.loaded, timeout=10_000):
            box.load()
        assert box.country.currentText() == "Canada (CA, +1)"
        box.country.setCurrentIndex(box.country.findData("US"))
        answer_pin_dialog(qtbot, HER_PIN)
        with qtbot.waitSignal(box.saved, timeout=10_000):
            box.save_button.click()
        assert box.message.text() == (
            "Saved. Times are now shown in America/Toronto, amounts in USD. "
            "Phones without a country code are now read as United States numbers."
        )
        assert settings.store_country(till) == "US"
        new = customers.enroll(till, name="Emily", phone="(617) 555-0142", staff=owner)
        assert customers.view(till, new.customer_id).phone == "(617) 555-0142"
        assert ctx.fmt.phone("+16175550142") == "(617) 555-0142"  # the back office's tables, too
        assert ctx.fmt.phone("+84912345678") == "+84 912 345 678"
    finally:
        ctx.ops.wait_idle()
        till.engine.dispose()


def test_the_back_office_customer_table_finds_and_shows_american_phones(qtbot, qapp, tmp_path: Path) -> None:
    from app.services import customers, staff
    from app.services.setup import ShopSetup
    from app.ui.backoffice.context import BackOfficeContext
    from app.ui.backoffice.customers_tab import CustomersTab
    from app.ui.tasks import BackgroundOps

    till, owner = setup.setup_shop(
        tmp_path / "bakery",
        ShopSetup(
            store_name="Bakery", owner_name="Sarah", owner_pin=HER_PIN, currency="USD", timezone="America/New_York"
        ),
    )
    emily = customers.enroll(till, name="Emily Chen", phone="(617) 555-0142", staff=owner)
    customers.enroll(till, name="Lan", phone="+84 912 345 678", staff=owner)
    ctx = BackOfficeContext(till=till, staff=staff.login(till, HER_PIN), ops=BackgroundOps(), language="en")
    tab = CustomersTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    try:
        with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
            tab.activated()
        shown = {tab.model.text(r, "name"): tab.model.text(r, "phone") for r in tab.model.rows}
        assert shown == {"Emily Chen": "(617) 555-0142", "Lan": "+84 912 345 678"}
        for typed in ("6175550142", "+1 617 555 0142", "(617) 555-0142"):
            tab.search_edit.clear()
            qtbot.keyClicks(tab.search_edit, typed)  # the pause after typing starts the search
            qtbot.waitUntil(lambda t=typed: tab.model.query == t and not tab.model.loading, timeout=10_000)
            assert [r.id for r in tab.model.rows] == [emily.customer_id], typed
            assert not tab.message_label.isVisible(), tab.message_label.text()  # no "mistyped card number"
    finally:
        ctx.ops.wait_idle()
        till.engine.dispose()
