"""The unclaimed POS receipts as a Qt list model (plain rows in, text out; tested without widgets).

A row reads the way the cashier compares it with the paper in the customer's
hand: the receipt number, when it was paid on the store's wall clock, and the
amount as the locale writes it — ``HD-1004 · 09:45 · 30.000 ₫``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.clock import local
from app.services.receipts import UnclaimedReceipt
from app.ui.format import Formatter

ReceiptRole = Qt.ItemDataRole.UserRole + 1
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def receipt_time(fmt: Formatter, closed_at: datetime, now: datetime) -> str:
    """ "09:45" for a sale of today; "23/11 09:45" (or "23 Nov 09:45") for an earlier day.

    Receipts may wait a week: the time alone would not say which Monday.
    """
    when, today = local(closed_at, fmt.timezone), local(now, fmt.timezone)
    if when.date() == today.date():
        return fmt.time(closed_at)
    if fmt.language == "vi":
        return when.strftime("%d/%m %H:%M")
    return f"{when.day} {_MONTHS_EN[when.month - 1]} {when:%H:%M}"


class UnclaimedReceiptModel(QAbstractListModel):
    """The latest sales from the POS that named no member, newest first."""

    def __init__(self, fmt: Formatter) -> None:
        super().__init__()
        self.fmt = fmt
        self._rows: list[UnclaimedReceipt] = []
        self._now = datetime.min

    def set_receipts(self, rows: list[UnclaimedReceipt], now: datetime) -> None:
        self.beginResetModel()
        self._rows, self._now = list(rows), now
        self.endResetModel()

    def retranslate(self) -> None:
        """The language (so the amounts' and dates' format) changed: redraw every row."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def receipt_at(self, row: int) -> UnclaimedReceipt:
        return self._rows[row]

    def row_of(self, receipt_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == receipt_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = receipt_time(self.fmt, r.closed_at, self._now)  # type: ignore[arg-type]
            return f"{r.external_id} · {when} · {self.fmt.money(r.total)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.source} · {r.external_id} · {self.fmt.datetime(r.closed_at)}"  # type: ignore[arg-type]
        if role == ReceiptRole:
            return r
        return None
