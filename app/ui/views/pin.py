"""PIN entry: the login page of the cashier window and the manager PIN dialog.

Both have a numeric keypad with big keys (touch screens at the counter) and
accept the keyboard's digits and Enter too. The PIN is never shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PinPad(QWidget):
    """A PIN field over a 3×4 keypad; ``entered(pin)`` on OK or Enter."""

    entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("PinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMaxLength(8)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), self.field))
        self.field.setStyleSheet("font-size: 34px; min-height: 60px; letter-spacing: 8px;")
        self.field.returnPressed.connect(self._submit)
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), i // 3, i % 3)
        self.clear_button = self._key("⌫")
        self.clear_button.clicked.disconnect()
        self.clear_button.clicked.connect(self.field.backspace)
        self.ok_button = QPushButton()
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.field)
        box.addLayout(grid)
        self.retranslate()

    def _key(self, text: str) -> QPushButton:
        b = QPushButton(text)
        b.setProperty("role", "key")
        b.setAutoDefault(False)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        b.clicked.connect(lambda: self.field.insert(text))
        return b

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ok_button.setText(self.tr("OK"))

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if pin:
            self.entered.emit(pin)


class LoginPage(QWidget):
    """The cashier window before anyone has logged in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_label = QLabel()
        self.store_label.setStyleSheet("font-size: 34px; font-weight: bold; color: #6f4e37;")
        self.store_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label = QLabel()
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setStyleSheet("font-size: 22px;")
        self.error_label = QLabel()
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setStyleSheet("color: #c62828; font-size: 20px; font-weight: bold;")
        self.pad = PinPad()
        self.pad.setFixedWidth(380)
        column = QVBoxLayout()
        column.addStretch(1)
        for w in (self.store_label, self.prompt_label):
            column.addWidget(w)
        column.addSpacing(12)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pad)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.error_label)
        column.addStretch(2)
        self.setLayout(column)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.prompt_label.setText(self.tr("Type your staff PIN to start"))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)


class ManagerPinDialog(QDialog):
    """Asks a manager to approve one action with their PIN. Opened with ``open()``, never blocking.

    It says what is approved (``statement``: "+5 points, 0 stamps for Nguyễn Thị Ánh"), since the
    manager signs for that and not for a screen they did not read. ``pin_entered`` does not close
    it: whoever checks the PIN calls ``accept()``, or ``refuse(text)`` to keep it open with the
    sentence inline (a mistyped PIN must not send the manager back to the start). Without
    ``checked`` (the back office's blocking use) it closes as soon as a PIN is typed, as before.
    """

    pin_entered = Signal(str)

    def __init__(
        self, reason: str, parent: QWidget | None = None, *, statement: str = "", checked: bool = False
    ) -> None:
        super().__init__(parent)
        self._checked = checked
        self.setObjectName("ManagerPinDialog")
        self.setModal(True)
        # Keys a little lower than the login page's: the whole pad fits a 768-pixel-high screen.
        self.setStyleSheet('QPushButton[role="key"] { min-height: 48px; }')
        self.reason_label = QLabel(reason)
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet("font-size: 17px;")
        self.statement_label = QLabel(statement)
        self.statement_label.setObjectName("PinStatement")
        self.statement_label.setWordWrap(True)
        self.statement_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.statement_label.setVisible(bool(statement))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828; font-size: 18px; font-weight: bold;")
        self.error_label.setVisible(False)
        self.pad = PinPad()
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        # Never smaller than what it needs: a clipped bottom row hides OK and 0.
        box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        box.addWidget(self.statement_label)
        box.addWidget(self.reason_label)
        box.addWidget(self.error_label)
        box.addWidget(self.pad)
        box.addWidget(self.cancel_button)
        self.pad.entered.connect(self._entered)
        self.setWindowTitle(self.tr("Manager PIN"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.setMinimumWidth(420)

    def showEvent(self, event: QShowEvent) -> None:
        """Grow to the whole pad once the theme has sized the keys (the first size was taken before)."""
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Never shorter than what the pad needs: a squeezed grid clips its bottom row (⌫ 0 OK)."""
        self.layout().activate()
        hint = self.sizeHint()
        if self.height() < hint.height() or self.width() < hint.width():
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _entered(self, pin: str) -> None:
        if not self._checked:
            self.accept()
        self.pin_entered.emit(pin)

    def refuse(self, text: str) -> None:
        """The PIN did not approve it: say why here, and let the manager type again."""
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self._fit()  # the sentence takes room: the pad keeps its own
        self.pad.field.clear()
        self.pad.field.setFocus()
