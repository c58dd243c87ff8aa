"""The POS receipts strip at the foot of the checkout: sales the POS recorded without a member.

Layout only. A low strip across the window — a title and what to do, then the
receipts side by side (newest first, the newest chosen) and the Attach button —
so the customer card and the action panels keep most of their height on a
768-pixel till screen. The POS controller fills it and does the attaching.
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

LIST_HEIGHT = 62  # one row of receipts, and room for the scroll bar that appears when they overflow


class PosReceiptsPanel(QFrame):
    attach_clicked = Signal()
    chosen = Signal()  # the chosen receipt changed (a click, a key, a refresh)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.setObjectName("PosPanel")
        self.setStyleSheet(
            "#PosPanel { background: white; border: 2px solid #e4dcd2; border-radius: 12px; }"
            "#PosPanel QListView { font-size: 18px; }"
            "#PosPanel QListView::item { padding: 6px 12px; margin: 3px; border: 1px solid #c8b9a6;"
            " border-radius: 6px; }"
            "#PosPanel QListView::item:selected { background: #6f4e37; color: white; border-color: #6f4e37; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 6, 8, 6)
        box.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(16)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        # A long name must not widen the window: the hint takes the room left and is cut there.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head.addWidget(self.title)
        head.addWidget(self.hint, 1)
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
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the search field keeps the keyboard
        self.list.setFixedHeight(LIST_HEIGHT)
        self.attach_button = QPushButton()
        self.attach_button.setProperty("role", "primary")
        self.attach_button.setAutoDefault(False)
        self.attach_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attach_button.setStyleSheet("min-height: 44px; font-size: 18px; padding: 4px 18px;")
        self.attach_button.clicked.connect(self.attach_clicked)
        row.addWidget(self.list, 1)
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignTop)
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
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.attach_button.setText(self.tr("Attach  (F7)"))
        self.show_count(self._count)

    # -- state the controller sets -------------------------------------------------------------
    def show_count(self, count: int) -> None:
        self._count = count
        self.title.setText(self.tr("POS receipts without a customer ({0})").format(count))
        # Nothing waiting: only the title line, so the customer card gets the height back.
        self.list.setVisible(count > 0)
        self.attach_button.setVisible(count > 0)

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
