"""Qt item models over the services' plain rows (tested without widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.core.cardcode import format_card_number
from app.core.phone import DEFAULT_REGION, display_phone
from app.services.customers import Match

MatchRole = Qt.ItemDataRole.UserRole + 1


NBSP = "\u00a0"


class MatchListModel(QAbstractListModel):
    """The short pick list when a phone or a name fits several members."""

    def __init__(self, matches: list[Match] | None = None) -> None:
        super().__init__()
        self._matches: list[Match] = list(matches or [])
        self._region = DEFAULT_REGION

    def set_matches(self, matches: list[Match], region: str = DEFAULT_REGION) -> None:
        """``region``: the store's country, whose numbers are shown the national way."""
        self.beginResetModel()
        self._matches = list(matches)
        self._region = region
        self.endResetModel()

    def match_at(self, row: int) -> Match:
        return self._matches[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        m = self._matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # No-break spaces inside a phone or a card number: a narrow list wraps between the parts,
            # never in the middle of a number (which then reads as two).
            phone = display_phone(m.phone, self._region).replace(" ", NBSP) if m.phone else ""
            parts = [m.name, phone, format_card_number(m.card_number).replace(" ", NBSP)]
            text = "   ·   ".join(p for p in parts if p)
            return text + ("   ⛔" if m.status == "blocked" else "")
        if role == MatchRole:
            return m
        return None
