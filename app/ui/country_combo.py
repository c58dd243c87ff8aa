"""The store's country, picked by name: the region a phone typed without its country code is read in.

Shared by the first-run wizard and the back office's shop settings. Each item shows
the country's name in the UI's language (the names libphonenumber ships, ``Hoa Kỳ``
in Vietnamese), its ISO code and calling code, so an owner finds "United States"
or "+1" alike; the item's data is the ISO code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.core.phone import calling_code, country_name, regions

# Where our shops are: first in the list, before every other country by name.
COMMON_COUNTRIES = ("VN", "US")


class CountryCombo(QComboBox):
    """Countries by name; ``follow_zone`` keeps it on the zone's country until the owner picks one."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.chosen = False  # the owner picked a country: a new zone no longer moves it
        self._filling = False
        self.fill(language)
        self.activated.connect(self._picked)

    def fill(self, language: str) -> None:
        """(Re)write the names in ``language``, keeping the country shown."""
        keep = self.country()
        self._filling = True
        self.clear()
        others = sorted((c for c in regions() if c not in COMMON_COUNTRIES), key=lambda c: country_name(c, language))
        for code in (*COMMON_COUNTRIES, *others):
            self.addItem(f"{country_name(code, language)} ({code}, +{calling_code(code)})", code)
        completer = QCompleter([self.itemText(i) for i in range(self.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._filling = False
        self.set_country(keep or COMMON_COUNTRIES[0])

    def country(self) -> str:
        """The ISO code shown, or what was typed if it is one (``us``); empty when neither."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        return text.upper() if text.upper() in regions() else ""

    def set_country(self, code: str) -> None:
        index = self.findData(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)

    def follow_zone(self, code: str) -> None:
        """The zone's country, unless the owner already chose one herself."""
        if not self.chosen:
            self.set_country(code)

    def _picked(self, _index: int) -> None:
        if not self._filling:
            self.chosen = True
