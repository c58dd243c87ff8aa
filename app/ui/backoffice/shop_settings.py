"""The shop's name, address, currency, time zone and country: a manager setting, with a clear warning.

Once the shop has sales, changing the currency or the zone does not rewrite them:
amounts already recorded stay in the old currency and past times stay where they
happened. The box says so and asks for a tick before a manager approves with a PIN.
The country needs no warning: members' phones are stored with their country code,
so it changes only how new numbers are read and how numbers are shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from app.core.errors import LoyaltyError
from app.core.money import CURRENCIES
from app.core.phone import country_name
from app.services import setup
from app.services.settings import amounts_in_thousands, set_amounts_in_thousands
from app.services.setup import StoreSettings
from app.ui import theme
from app.ui.backoffice.camera_setting import CameraPicker
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.country_combo import CountryCombo
from app.ui.errors import error_text


class ShopSettingsBox(QGroupBox):
    saved = Signal(object)  # StoreSettings
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, ctx: BackOfficeContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings: StoreSettings | None = None
        self.name, self.address = QLineEdit(), QLineEdit()
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = setup.timezones()
        self.timezone.addItems(zones)
        completer = QCompleter(zones, self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.country = CountryCombo(ctx.language)
        self.country.chosen = True  # a saved shop's country is the owner's, not a guess from the zone
        self.warning = QLabel()
        self.warning.setObjectName("Warning")
        self.warning.setWordWrap(True)
        self.understood = QCheckBox()
        self.save_button = QPushButton()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self)
        fields = (self.name, self.address, self.currency, self.timezone, self.country)
        for label, field in zip(self.labels, fields, strict=True):
            form.addRow(label, field)
        form.addRow(self.warning)
        form.addRow(self.understood)
        form.addRow(self.save_button)
        form.addRow(self.message)
        self.camera, self.camera_label = CameraPicker(ctx), QLabel()  # this till's, saved on its own (no PIN)
        form.addRow(self.camera_label, self.camera)
        # This till's too, saved on its own like the camera (the cashier's Settings menu has it as well).
        self.thousands = QCheckBox()
        form.addRow(self.thousands)
        self.thousands.toggled.connect(self._thousands_toggled)
        self.currency.currentIndexChanged.connect(lambda _i: self._update_warning())
        self.timezone.currentTextChanged.connect(lambda _t: self._update_warning())
        self.save_button.clicked.connect(self.save)
        self.setEnabled(ctx.staff.is_manager)
        self.retranslate()
        self._update_warning()

    def load(self) -> None:
        till = self.ctx.till
        self.ctx.ops.run(lambda: setup.store_settings(till), on_done=while_alive(self, self._loaded))
        self.ctx.ops.run(lambda: amounts_in_thousands(till), on_done=while_alive(self, self._thousands_loaded))

    def _thousands_loaded(self, on: bool) -> None:
        self.thousands.blockSignals(True)  # showing the stored value is not a change to store
        self.thousands.setChecked(on)
        self.thousands.blockSignals(False)

    def _thousands_toggled(self, on: bool) -> None:
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: set_amounts_in_thousands(till, on),
            on_done=lambda _: None,
            on_error=while_alive(self, self._failed),
        )

    def _loaded(self, settings: StoreSettings) -> None:
        self.settings = settings
        self.name.setText(settings.name)
        self.address.setText(settings.address)
        self.currency.setCurrentIndex(self.currency.findData(settings.currency))
        self.timezone.setEditText(settings.timezone)
        self.country.set_country(settings.country)
        self._update_warning()
        self.loaded.emit()

    def _risky(self) -> bool:
        s = self.settings
        if s is None or not s.has_sales:
            return False
        return self.currency.currentData() != s.currency or self.timezone.currentText().strip() != s.timezone

    def _update_warning(self) -> None:
        risky = self._risky()
        self.warning.setVisible(risky)
        self.understood.setVisible(risky)
        if not risky:
            self.understood.setChecked(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setObjectName("Warning" if error else "Hint")
        theme.repolish(self.message)

    def save(self) -> None:
        if self._risky() and not self.understood.isChecked():
            self._say(self.tr("Tick the box to confirm you understand what changes."), error=True)
            self.failed.emit(self.message.text())
            return
        manager = self.ctx.ask_manager(self, self.tr("Change the shop's settings"))
        if manager is None:
            return
        till, confirmed = self.ctx.till, self.understood.isChecked()
        name, address = self.name.text(), self.address.text()
        code, zone = self.currency.currentData(), self.timezone.currentText()
        country = self.country.country() or self.country.currentText()  # a typo gets the service's sentence

        def change() -> StoreSettings:
            return setup.change_store(
                till,
                manager=manager,
                name=name,
                address=address,
                currency_code=code,
                timezone=zone,
                country=country,
                confirmed=confirmed,
            )

        self.ctx.ops.run(change, on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _saved(self, settings: StoreSettings) -> None:
        before, self.settings = self.settings, settings
        self._update_warning()
        text = self.tr("Saved. Times are now shown in {0}, amounts in {1}.")
        text = text.format(settings.timezone, settings.currency)
        if before is None or before.country != settings.country:
            text += " " + self.tr("Phones without a country code are now read as {0} numbers.").format(
                country_name(settings.country, self.ctx.language)
            )
        self._say(text)
        self.ctx.events.data_changed.emit("program")
        self.saved.emit(settings)

    def _failed(self, exc: Exception) -> None:
        self._say(error_text(exc) if isinstance(exc, LoyaltyError) else str(exc), error=True)
        self.failed.emit(self.message.text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("The shop"))
        for label, text in zip(
            self.labels,
            (self.tr("Name"), self.tr("Address"), self.tr("Currency"), self.tr("Time zone"), self.tr("Country")),
            strict=True,
        ):
            label.setText(text)
        self.country.fill(self.ctx.language)
        self.country.setToolTip(self.tr("Phones typed without a country code are read as this country's."))
        self.warning.setText(
            self.tr(
                "This shop has sales already. Amounts recorded so far stay in the old currency, and the times of "
                "past sales do not move: reports mixing the two will look wrong. Change only to correct a mistake."
            )
        )
        self.camera_label.setText(self.tr("Customer camera"))
        self.thousands.setText(self.tr("At this till, amounts are typed in thousands (125 means 125,000)"))
        self.understood.setText(self.tr("I understand"))
        self.save_button.setText(self.tr("Save shop settings…"))
