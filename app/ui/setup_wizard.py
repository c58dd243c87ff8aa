"""First start of a till: try the demo, set up a real shop, or join an existing chain.

The wizard only collects answers; ``app.services.setup`` checks them (without side
effects, page by page) and makes the shop, and ``sync.worker.join`` pairs with a
server. Making the shop hashes a PIN and pairing talks to a server, so the Finish
step runs off the GUI thread and the wizard waits with its buttons disabled.

The demo is the default answer: pressing Enter on the first page starts it, and
``loyalty-terminal --demo`` skips the question altogether.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.core.clock import local
from app.core.errors import InvalidInput, LoyaltyError
from app.core.money import CURRENCIES, currency, format_money
from app.core.phone import country_name, example_phone
from app.core.templates import Template
from app.services import setup
from app.services.regions import country_for_zone
from app.services.settings import check_country
from app.services.setup import ShopSetup
from app.ui import theme
from app.ui.country_combo import CountryCombo
from app.ui.errors import error_text
from app.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations
from app.ui.tasks import BackgroundOps

WELCOME, SHOP, OWNER, PROGRAM, SERVER, JOIN = range(6)
COMMON_ZONES = (
    "Asia/Ho_Chi_Minh",
    "Asia/Bangkok",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/Paris",
    "Europe/London",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
)


def _label(object_name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    return label


class _Page(QWizardPage):
    """A page that re-reads its texts on a language switch and shows a problem in red."""

    def __init__(self) -> None:
        super().__init__()
        self.problem = _label("Warning")
        self.problem.hide()

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class WelcomePage(_Page):
    def __init__(self, translations: Translations) -> None:
        super().__init__()
        self.translations = translations
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(translations.language)))
        self.language.currentIndexChanged.connect(lambda _i: translations.use(self.language.currentData()))
        self.demo = QRadioButton()
        self.shop = QRadioButton()
        self.join = QRadioButton()
        self.choice = QButtonGroup(self)
        for i, b in enumerate((self.demo, self.shop, self.join)):
            self.choice.addButton(b, i)
        self.demo.setChecked(True)  # the default: a newcomer sees a working café at once
        # The demo ends here (Finish), the others go on (Next): the wizard re-reads which it is.
        self.choice.idToggled.connect(lambda _id, _on: self.setFinalPage(self.answer() == "demo"))
        self.demo_hint, self.shop_hint, self.join_hint = _label("Hint"), _label("Hint"), _label("Hint")
        self.language_label = QLabel()
        box = QVBoxLayout(self)
        row = QFormLayout()
        row.addRow(self.language_label, self.language)
        box.addLayout(row)
        for button, hint in ((self.demo, self.demo_hint), (self.shop, self.shop_hint), (self.join, self.join_hint)):
            box.addSpacing(8)
            box.addWidget(button)
            box.addWidget(hint)
        box.addStretch(1)
        self.retranslate()

    def answer(self) -> str:
        return ("demo", "shop", "join")[max(0, self.choice.checkedId())]

    def nextId(self) -> int:
        return {"demo": -1, "shop": SHOP, "join": JOIN}[self.answer()]

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to the loyalty till"))
        self.setSubTitle(self.tr("This till is new. What would you like to do?"))
        self.language_label.setText(self.tr("Language"))
        self.demo.setText(self.tr("Try the demo café"))
        self.demo_hint.setText(
            self.tr("A café with 40 members, rewards and sample sales. Demo PINs: cashier 1111, owner 1234.")
        )
        self.shop.setText(self.tr("Set up my shop"))
        self.shop_hint.setText(
            self.tr("Your shop's name, currency and time zone, your own owner PIN and a program to start from.")
        )
        self.join.setText(self.tr("Join my chain's server"))
        self.join_hint.setText(
            self.tr("Another till of your chain is already running: the store, program and staff come from the server.")
        )


class ShopPage(_Page):
    def __init__(self, translations: Translations) -> None:
        super().__init__()
        self.translations = translations
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = setup.timezones()
        self.timezone.addItems([*COMMON_ZONES, *[z for z in zones if z not in COMMON_ZONES]])
        self.timezone.setMaxVisibleItems(15)
        completer = QCompleter(zones, self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        # The country phones are typed in: the zone's (IANA zone.tab), shown so the owner can change it.
        self.country = CountryCombo(translations.language)
        self.example = _label("Hint")
        self.currency.currentIndexChanged.connect(self._update_example)
        self.timezone.currentTextChanged.connect(self._zone_changed)
        self.country.currentIndexChanged.connect(self._update_example)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        fields = (self.name, self.address, self.currency, self.timezone, self.country)
        for label, field in zip(self.labels, fields, strict=True):
            self.form.addRow(label, field)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.example)
        box.addWidget(self.problem)
        box.addStretch(1)
        self.retranslate()

    def zone(self) -> str:
        return self.timezone.currentText().strip()

    def _zone_changed(self) -> None:
        self.country.follow_zone(country_for_zone(self.zone()))
        self._update_example()

    def _update_example(self) -> None:
        cur = currency(self.currency.currentData() or "VND")
        amount = format_money(125_000 if cur.exponent == 0 else 1234, cur, self.translations.language)
        try:
            zone = setup.check_timezone(self.zone())
            now = local(datetime.now(UTC), zone).strftime("%H:%M")
            clock = self.tr("the time there now is {0}").format(now)
        except InvalidInput:
            clock = self.tr("not a time zone yet")
        phones = self.tr("Phones typed without a country code are read as {0} numbers, like {1}.").format(
            country_name(self.country.country() or "VN", self.translations.language),
            example_phone(self.country.country() or "VN"),
        )
        self.example.setText(self.tr("A bill is written {0}; {1}.").format(amount, clock) + "\n" + phones)

    def validatePage(self) -> bool:
        try:
            if not self.name.text().strip():
                raise InvalidInput("The shop needs a name.")
            setup.check_timezone(self.zone())
            check_country(self.country.country() or self.country.currentText())
        except LoyaltyError as err:
            self.say(error_text(err))
            return False
        self.say("")
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(
            self.tr(
                "Times are shown in the shop's time zone, amounts in its currency, phones as its country writes "
                "them. A manager can change them later."
            )
        )
        for label, text in zip(
            self.labels,
            (self.tr("Shop name"), self.tr("Address"), self.tr("Currency"), self.tr("Time zone"), self.tr("Country")),
            strict=True,
        ):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Cà Phê Sáng"))
        self.country.fill(self.translations.language)
        self._update_example()


class OwnerPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.pin = QLineEdit()
        self.pin_again = QLineEdit()
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name, self.pin, self.pin_again), strict=True):
            form.addRow(label, field)
        self.hint = _label("Hint")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.hint)
        box.addWidget(self.problem)
        box.addStretch(1)
        self.retranslate()

    def validatePage(self) -> bool:
        try:
            if not self.name.text().strip():
                raise InvalidInput("The owner needs a name.")
            pin = self.pin.text()
            if not (pin.isdigit() and 4 <= len(pin) <= 8):
                raise InvalidInput("A PIN is 4 to 8 digits.")
            if self.pin_again.text() != pin:
                raise InvalidInput("The two PINs differ.")
        except LoyaltyError as err:
            self.say(error_text(err))
            return False
        self.say("")
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("The owner"))
        self.setSubTitle(self.tr("You log in with this PIN, approve manager actions and add your staff."))
        for label, text in zip(
            self.labels,
            (self.tr("Your name"), self.tr("Your PIN (4-8 digits)"), self.tr("The same PIN again")),
            strict=True,
        ):
            label.setText(text)
        self.hint.setText(self.tr("Keep the PIN to yourself: nobody can see it, not even in the database."))


class ProgramPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.buttons = {t: QRadioButton() for t in Template}
        self.hints = {t: _label("Hint") for t in Template}
        self.group = QButtonGroup(self)
        box = QVBoxLayout(self)
        for i, t in enumerate(Template):
            self.group.addButton(self.buttons[t], i)
            box.addWidget(self.buttons[t])
            box.addWidget(self.hints[t])
            box.addSpacing(6)
        self.buttons[Template.STAMP_CARD].setChecked(True)
        box.addStretch(1)
        self.retranslate()

    def template(self) -> Template:
        return next(t for t, b in self.buttons.items() if b.isChecked())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your loyalty program"))
        self.setSubTitle(self.tr("Start from one of these; every rule can be changed later in the back office."))
        texts = {
            Template.STAMP_CARD: (
                self.tr("Café stamp card"),
                self.tr("A stamp per visit, 10 slots with 2 filled at the start; a full card is a free drink."),
            ),
            Template.POINTS_TIERS: (
                self.tr("Points and tiers"),
                self.tr("A point per step of the bill; Gold at 300 points earns 1.5×; discounts for points."),
            ),
            Template.POINTS_ONLY: (
                self.tr("Points only"),
                self.tr("A point per step of the bill, spent as a discount or as money off the bill."),
            ),
        }
        for t, (title, hint) in texts.items():
            self.buttons[t].setText(title)
            self.hints[t].setText(hint)


class ServerPage(_Page):
    """The central server, for a shop with one till today and more tomorrow (optional)."""

    def __init__(self, *, joining: bool) -> None:
        super().__init__()
        self.joining = joining
        self.url = QLineEdit()
        self.code = QLineEdit()
        self.till_name = QLineEdit()
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.url, self.code, self.till_name), strict=True):
            form.addRow(label, field)
        if not joining:
            self.labels[2].hide()
            self.till_name.hide()
        self.progress = _label("Hint")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.progress)
        box.addWidget(self.problem)
        box.addStretch(1)
        self.retranslate()

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        url, code = self.url.text().strip(), self.code.text().strip()
        if self.joining and not (url and code):
            self.say(self.tr("Type the server's address and the pairing code."))
            return False
        if bool(url) != bool(code):
            self.say(self.tr("Give both the server's address and the pairing code, or neither."))
            return False
        self.say("")
        return True

    def retranslate(self) -> None:
        if self.joining:
            self.setTitle(self.tr("Join your chain"))
            self.setSubTitle(self.tr("Ask the chain's manager for a pairing code for this store. It works once."))
        else:
            self.setTitle(self.tr("Central server (optional)"))
            self.setSubTitle(
                self.tr(
                    "With a central server, several tills share members and the program. "
                    "Leave this empty to run on this till alone; you can pair later."
                )
            )
        for label, text in zip(
            self.labels, (self.tr("Server address"), self.tr("Pairing code"), self.tr("Name of this till")), strict=True
        ):
            label.setText(text)
        self.url.setPlaceholderText("https://loyalty.example.vn")
        self.code.setPlaceholderText("ABCDE-FGHJK")
        self.till_name.setPlaceholderText(self.tr("e.g. Till 2"))


class SetupWizard(QWizard):
    """The first start; ``outcome`` is "demo", "shop" or "join" once accepted (None if cancelled)."""

    finished_setup = Signal(str)

    def __init__(self, home: Path, translations: Translations, *, real_shop: bool = False) -> None:
        super().__init__()
        self.home = Path(home)
        self.translations = translations
        self.ops = BackgroundOps(self)
        self.outcome: str | None = None
        self._shop_done = False  # the shop exists; a failed pairing only retries the pairing
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.welcome = WelcomePage(translations)
        self.shop = ShopPage(translations)
        self.owner = OwnerPage()
        self.program = ProgramPage()
        self.server = ServerPage(joining=False)
        self.join = ServerPage(joining=True)
        for page_id, page in (
            (WELCOME, self.welcome),
            (SHOP, self.shop),
            (OWNER, self.owner),
            (PROGRAM, self.program),
            (SERVER, self.server),
            (JOIN, self.join),
        ):
            self.setPage(page_id, page)
        if real_shop:
            self.welcome.shop.setChecked(True)
        self.setStartId(WELCOME)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New till"))
        # Qt's own button texts come from its translations, which lack Vietnamese: ours instead.
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(which, text)

    # -- the answers -------------------------------------------------------------------------------
    def shop_setup(self) -> ShopSetup:
        return ShopSetup(
            store_name=self.shop.name.text(),
            address=self.shop.address.text(),
            currency=self.shop.currency.currentData(),
            timezone=self.shop.zone(),
            country=self.shop.country.country(),
            language=self.translations.language,
            owner_name=self.owner.name.text(),
            owner_pin=self.owner.pin.text(),
            template=self.program.template(),
        )

    # -- finishing ---------------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.validateCurrentPage():  # Finish checks the page like Next does
            return
        choice = self.welcome.answer()
        if choice == "demo":
            self._finish("demo")
            return
        page = self.join if choice == "join" else self.server
        if choice == "shop" and not self._shop_done:
            try:
                answers = setup.check_setup(self.shop_setup())
            except LoyaltyError as err:
                page.say(error_text(err))
                return
        else:
            answers = None
        url, code, name = page.url.text().strip(), page.code.text().strip(), page.till_name.text().strip()
        home = self.home
        page.say("")
        page.progress.setText(self.tr("Connecting to the server…") if url else self.tr("Setting up the shop…"))
        self._set_busy(True)

        def work() -> str:
            from app.bootstrap import open_till

            till = None
            try:
                if answers is not None:
                    till, _owner = setup.setup_shop(home, answers)
                    self._shop_done = True
                if url:
                    from sync.worker.join import connect

                    till = till or open_till(home)
                    connect(till, home, url, code, terminal_name=name)
                return choice
            finally:
                if till is not None:
                    till.engine.dispose()

        self.ops.run(work, on_done=self._finish, on_error=lambda exc: self._failed(page, exc))

    def _set_busy(self, busy: bool) -> None:
        for which in (
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)

    def _failed(self, page: ServerPage, exc: Exception) -> None:
        self._set_busy(False)
        page.progress.setText("")
        message = error_text(exc) if isinstance(exc, LoyaltyError) else getattr(exc, "message", str(exc))
        if self._shop_done:
            page.say(
                self.tr(
                    "The shop is set up, but pairing failed: {0} Fix the address or code, or empty both to skip."
                ).format(message)
            )
        else:
            page.say(message)

    def _finish(self, outcome: Any) -> None:
        self.outcome = str(outcome)
        self._set_busy(False)
        self.finished_setup.emit(self.outcome)
        super().accept()

    def reject(self) -> None:
        if self.ops.busy:  # the shop is being made: closing now would leave it half-told
            return
        super().reject()


def run_wizard(home: Path, *, real_shop: bool = False, argv: list[str] | None = None) -> str | None:
    """Show the wizard until it is finished or closed; "demo", "shop", "join", or None."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("Loyalty terminal")
    theme.apply(app)
    translations = Translations(app, cache_dir=Path(home) / "i18n")
    translations.use(DEFAULT_LANGUAGE)
    wizard = SetupWizard(Path(home), translations, real_shop=real_shop)
    wizard.show()
    wizard.exec()
    wizard.ops.wait_idle()
    outcome = wizard.outcome
    translations.uninstall()
    wizard.deleteLater()
    return outcome
