"""The POS receipts strip at the foot of the checkout: sales the POS recorded without a member.

Layout only. A low strip across the window — a title and what to do, then the
receipts side by side (newest first, the newest chosen) and the Attach button —
so the customer card and the action panels keep most of their height on a
768-pixel till screen. The POS controller fills it and does the attaching.

The row never shows a scroll bar (it cost a third of the strip's height on a
1280×800 till): Alt+← / Alt+→ choose the receipt before or after, and the row
follows the chosen one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.pos_models import UnclaimedReceiptModel
from app.ui.views.elided import ElidedLabel

LIST_HEIGHT = 50  # one row of receipts at the normal type size (it follows the type: ``_fit_height``)


class PosReceiptsPanel(QFrame):
    attach_clicked = Signal()
    chosen = Signal()  # the chosen receipt changed (a click, a key, a refresh)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.setObjectName("PosPanel")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 6, 8, 6)
        box.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(16)
        self.title = QLabel()
        self.title.setObjectName("PosTitle")
        # A long name must not widen the window: the hint takes the room left and is cut there,
        # with "…" and the whole sentence in its tooltip.
        self.hint = ElidedLabel()
        self.hint.setObjectName("Hint")
        self.keys_hint = QLabel()  # how to choose another receipt without the mouse
        self.keys_hint.setObjectName("Hint")
        head.addWidget(self.title)
        head.addWidget(self.hint, 1)
        head.addWidget(self.keys_hint)
        box.addLayout(head)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.model: UnclaimedReceiptModel | None = None
        self.list = QListView()
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the search field keeps the keyboard
        self.list.setFixedHeight(LIST_HEIGHT)
        self.attach_button = QPushButton()
        self.attach_button.setProperty("role", "primary")
        self.attach_button.setAutoDefault(False)
        self.attach_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attach_button.setObjectName("PosAttach")
        self.attach_button.clicked.connect(self.attach_clicked)
        row.addWidget(self.list, 1)
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addLayout(row)
        self.retranslate()
        self.show_count(0)

    def set_model(self, model: UnclaimedReceiptModel) -> None:
        self.model = model
        self.list.setModel(model)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self.chosen.emit())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_height()
        super().changeEvent(event)

    def _fit_height(self) -> None:
        """One row of receipts at the type size the window's style gives the list (no scroll bar)."""
        metrics = self.list.fontMetrics()
        row = max(self.list.sizeHintForRow(0), metrics.height() + 20)
        self.list.setFixedHeight(max(row + 2 * self.list.frameWidth() + 4, LIST_HEIGHT))

    def retranslate(self) -> None:
        self.attach_button.setText(self.tr("Attach  (F7)"))
        self.keys_hint.setText(self.tr("Alt+← → another receipt"))
        self.show_count(self._count)

    # -- state the controller sets -------------------------------------------------------------
    def show_count(self, count: int) -> None:
        self._count = count
        self.title.setText(self.tr("POS receipts without a customer ({0})").format(count))
        # Nothing waiting: only the title line, so the customer card gets the height back.
        self.list.setVisible(count > 0)
        self.attach_button.setVisible(count > 0)
        self.keys_hint.setVisible(count > 1)

    def set_ready(self, ready: bool, hint: str) -> None:
        """``ready``: a customer is on screen and a receipt is chosen; ``hint`` says what to do."""
        self.attach_button.setEnabled(ready)
        self.hint.setText(hint)

    def selected_row(self) -> int | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        if self.model is not None and 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def step(self, delta: int) -> bool:
        """Choose the receipt ``delta`` places after the chosen one (Alt+→ is +1, Alt+← is −1).

        Stops at either end rather than wrapping: a cashier counting presses from the newest
        must not land on it again. Returns whether the choice moved.
        """
        if self.model is None or self.model.rowCount() == 0:
            return False
        current = self.selected_row()
        row = 0 if current is None else min(max(current + delta, 0), self.model.rowCount() - 1)
        if row == current:
            return False
        self.select_row(row)
        return True
