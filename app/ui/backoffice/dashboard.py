"""The dashboard tab: the program's figures for a date range and a store filter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.tab import BackOfficeTab


class DashboardTab(BackOfficeTab):
    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QVBoxLayout(self)
        self.placeholder = QLabel()
        box.addWidget(self.placeholder)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Dashboard")

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Dashboard"))
