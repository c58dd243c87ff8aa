"""The column-mapping dialog: teach the bridge an unknown POS export (POS365, Sapo, a local POS).

The manager picks a sample export and sees its columns and first rows; for each receipt field
(receipt number, time, total, customer phone or card, kind, refund-of, line fields) they choose
the column that holds it, set the date order and the decimal mark, and save a named profile
(``pos-profiles/<name>.json`` in the till's home). From then on the bridge reads every file of
that shape with it. Before saving, the sample is read with the mapping, so the manager sees what
it makes of the file (how many receipts, the first ones) instead of finding out at night.

Opened from the cashier window's Settings menu after a manager's PIN (the back office will offer
it too), or alone: ``python -m app.ui.pos_mapping FILE --home HOME`` (what
``loyalty-pos-bridge map FILE --gui`` runs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LoyaltyError
from app.core.money import currency as money_currency
from app.core.money import format_money
from app.ui.errors import error_text
from pos_bridge.profiles import save_profile
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.mapped import (
    FIELDS,
    REQUIRED,
    Profile,
    ProfileReader,
    Sample,
    name_pattern,
    sample,
)
from pos_bridge.readers.textio import header_key

CONTEXT = "PosMappingDialog"
FIELD_LABELS = {
    "receipt_id": QT_TRANSLATE_NOOP("PosMappingDialog", "Receipt number"),
    "closed_at": QT_TRANSLATE_NOOP("PosMappingDialog", "Date and time"),
    "total": QT_TRANSLATE_NOOP("PosMappingDialog", "Total paid"),
    "customer_phone": QT_TRANSLATE_NOOP("PosMappingDialog", "Customer phone"),
    "customer_card": QT_TRANSLATE_NOOP("PosMappingDialog", "Loyalty card number"),
    "kind": QT_TRANSLATE_NOOP("PosMappingDialog", "Sale / refund / void"),
    "refund_of": QT_TRANSLATE_NOOP("PosMappingDialog", "Refund of receipt"),
    "tip": QT_TRANSLATE_NOOP("PosMappingDialog", "Tip or service charge"),
    "line_name": QT_TRANSLATE_NOOP("PosMappingDialog", "Item name"),
    "line_sku": QT_TRANSLATE_NOOP("PosMappingDialog", "Item code"),
    "line_category": QT_TRANSLATE_NOOP("PosMappingDialog", "Item group"),
    "line_qty": QT_TRANSLATE_NOOP("PosMappingDialog", "Quantity"),
    "line_unit_price": QT_TRANSLATE_NOOP("PosMappingDialog", "Unit price"),
    "line_total": QT_TRANSLATE_NOOP("PosMappingDialog", "Line amount"),
}
# Header words that usually mean a field: a first guess the manager checks (never saved unseen).
GUESSES = {
    "receipt_id": ("mã hóa đơn", "mã đơn hàng", "số hóa đơn", "receipt", "invoice", "order"),
    "closed_at": ("thời gian", "ngày", "date", "time"),
    "total": ("khách cần trả", "tổng cộng", "tổng tiền", "thành tiền hóa đơn", "total"),
    "customer_phone": ("điện thoại", "sđt", "số điện thoại", "phone"),
    "customer_card": ("thẻ thành viên", "mã thẻ", "card"),
    "kind": ("loại", "trạng thái", "type", "status"),
    "line_name": ("tên hàng", "tên sản phẩm", "mặt hàng", "item", "product"),
    "line_sku": ("mã hàng", "sku", "mã sp"),
    "line_qty": ("số lượng", "sl", "qty", "quantity"),
    "line_unit_price": ("đơn giá", "giá", "price"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PosMappingDialog(QDialog):
    saved = Signal(object)  # the Path of the saved profile

    def __init__(
        self,
        home: Path,
        path: Path | None = None,
        parent: QWidget | None = None,
        *,
        tz: str = "Asia/Ho_Chi_Minh",
        currency: str = "VND",
        locale: str = "vi",
    ) -> None:
        super().__init__(parent)
        self.tz, self.currency, self.locale = tz, currency, locale
        self.setObjectName("PosMappingDialog")
        self.resize(980, 720)
        self.home = Path(home)
        self.path: Path | None = None
        self.sample: Sample | None = None
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        box.addLayout(top)
        self.columns_label = QLabel()
        box.addWidget(self.columns_label)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(170)
        box.addWidget(self.table, 1)
        grid = QGridLayout()
        self.field_labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        for i, field_name in enumerate(FIELDS):
            label, combo = QLabel(), QComboBox()
            combo.currentIndexChanged.connect(lambda _=0: self._check())
            self.field_labels[field_name], self.combos[field_name] = label, combo
            grid.addWidget(label, i % 7, (i // 7) * 2)
            grid.addWidget(combo, i % 7, (i // 7) * 2 + 1)
        box.addLayout(grid)
        form = QFormLayout()
        self.date_order = QComboBox()
        self.decimal = QComboBox()
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(lambda _: self._check())
        self.date_label, self.decimal_label, self.name_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.date_label, self.date_order)
        form.addRow(self.decimal_label, self.decimal)
        form.addRow(self.name_label, self.name_edit)
        box.addLayout(form)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("Hint")
        box.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.retranslate()
        if path is not None:
            self.load(Path(path))

    # -- text ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Map a POS export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save the profile"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.choose_button.setText(self.tr("Choose a sample export…"))
        self.columns_label.setText(self.tr("Its columns and first rows:"))
        for field_name, label in self.field_labels.items():
            star = " *" if field_name in REQUIRED else ""
            label.setText(tr(FIELD_LABELS[field_name]) + star)
        keep = self.date_order.currentIndex(), self.decimal.currentIndex()
        self.date_order.clear()
        self.date_order.addItem(self.tr("Day first (31/12/2025)"), "dmy")
        self.date_order.addItem(self.tr("Month first (12/31/2025)"), "mdy")
        self.decimal.clear()
        self.decimal.addItem(self.tr("Work it out per value"), None)
        self.decimal.addItem(self.tr("Comma (1.250,50)"), ",")
        self.decimal.addItem(self.tr("Point (1,250.50)"), ".")
        self.date_order.setCurrentIndex(max(keep[0], 0))
        self.decimal.setCurrentIndex(max(keep[1], 0))
        self.date_label.setText(self.tr("Dates"))
        self.decimal_label.setText(self.tr("Decimal mark"))
        self.name_label.setText(self.tr("Profile name"))
        for combo in self.combos.values():
            if combo.count():
                combo.setItemText(0, self.tr("— not in this export —"))
        self._show_file()
        self._check()

    def _show_file(self) -> None:
        if self.path is None:
            self.file_label.setText(self.tr("No sample chosen yet."))
        else:
            self.file_label.setText(self.tr("Sample: {0}").format(self.path.name))

    # -- the sample ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a sample export"), str(self.home), self.tr("POS exports (*.xlsx *.csv *.txt)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        try:
            found = sample(path, rows=8)
        except (ReaderError, OSError) as err:
            why = error_text(err) if isinstance(err, LoyaltyError) else str(err)
            self.result_label.setText(self.tr("This file cannot be read: {0}").format(why))
            return
        self.path, self.sample = path, found
        self.table.clear()
        self.table.setColumnCount(len(found.header))
        self.table.setRowCount(len(found.rows))
        self.table.setHorizontalHeaderLabels(found.header)
        for r, row in enumerate(found.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        for field_name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in this export —"), "")
            for header in found.header:
                if header:
                    combo.addItem(header, header)
            combo.setCurrentIndex(self._guess(field_name, found.header))
            combo.blockSignals(False)
        if not self.name_edit.text():
            self.name_edit.setText("".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in path.stem)[:40])
        self._show_file()
        self._check()

    def _guess(self, field_name: str, header: list[str]) -> int:
        keys = [header_key(h) for h in header if h]
        words = [header_key(w) for w in GUESSES.get(field_name, ())]
        for same in (lambda key, word: key == word, lambda key, word: key.startswith(word + " ")):
            for word in words:
                for i, key in enumerate(keys):
                    if same(key, word):
                        return i + 1
        return 0

    # -- the profile --------------------------------------------------------------------------------
    def choose(self, field_name: str, header: str) -> None:
        """Select the column ``header`` for ``field_name`` (what the manager does with the mouse)."""
        combo = self.combos[field_name]
        combo.setCurrentIndex(max(combo.findData(header), 0))

    def profile(self) -> Profile:
        assert self.path is not None
        columns = {f: c.currentData() for f, c in self.combos.items() if c.currentData()}
        return Profile(
            name=self.name_edit.text().strip(),
            columns=columns,
            date_order=self.date_order.currentData(),
            decimal=self.decimal.currentData(),
            file_pattern=name_pattern(self.path.name),
            about=f"Mapped by a manager from the sample {self.path.name}.",
        )

    def _check(self) -> bool:
        """Read the sample with the mapping as it stands; say what it makes of it."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if self.path is None or self.sample is None:
            save.setEnabled(False)
            return False
        missing = [tr(FIELD_LABELS[f]) for f in REQUIRED if not self.combos[f].currentData()]
        if missing:
            self.result_label.setText(self.tr("Choose the column of: {0}.").format(", ".join(missing)))
            save.setEnabled(False)
            return False
        try:
            profile = self.profile()
            reader = ProfileReader.for_profile(profile)()
            result = reader.read([self.path], store_id="preview", tz=self.tz, currency=self.currency)
        except (ValueError, LoyaltyError) as err:
            why = error_text(err) if isinstance(err, LoyaltyError) else str(err)
            self.result_label.setText(self.tr("Not yet: {0}").format(why))
            save.setEnabled(False)
            return False
        text = self.tr("The sample reads as {0} receipt(s); {1} row(s) cannot be read.").format(
            len(result.receipts), len(result.problems)
        )
        if result.receipts:
            first = result.receipts[0]
            who = first.customer_phone or first.customer_card or self.tr("no member")
            when = first.closed_at.astimezone(ZoneInfo(self.tz))
            amount = format_money(first.total, money_currency(self.currency), self.locale)
            text += " " + self.tr("First: {0}, {1}, {2} ({3}).").format(
                first.external_id, f"{when:%d/%m/%Y %H:%M}", amount, who
            )
        self.result_label.setText(text)
        save.setEnabled(bool(result.receipts))
        return bool(result.receipts)

    def save(self) -> None:
        if not self._check():
            return
        target = save_profile(self.home, self.profile())
        self.saved.emit(target)
        self.accept()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m app.ui.pos_mapping", description="Map a POS export's columns.")
    p.add_argument("file", nargs="?", default=None)
    p.add_argument("--home", required=True)
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    dialog = PosMappingDialog(Path(args.home), Path(args.file) if args.file else None)
    dialog.show()
    app.exec()
    return 0 if dialog.result() == QDialog.DialogCode.Accepted else 1


if __name__ == "__main__":
    sys.exit(main())
