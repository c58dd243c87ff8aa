"""The base class of a back-office tab."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent
from PySide6.QtWidgets import QWidget

from app.ui.backoffice.context import BackOfficeContext

# A function run off the GUI thread that returns (column titles, rows) for a full export.
ExportRows = Callable[[], tuple[Sequence[str], Iterable[Sequence[Any]]]]


class BackOfficeTab(QWidget):
    """One tab. Subclasses set up widgets in ``__init__`` and load data in ``activated``.

    ``activated`` is called each time the tab is shown: refresh through ``ctx.ops.run`` (never
    query a large table on the GUI thread). ``retranslate`` is called on a language switch.
    """

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        """The tab's label, translated."""
        raise NotImplementedError

    def activated(self) -> None:
        """The tab was shown: refresh in the background."""

    def export_table(self) -> QAbstractItemModel | None:
        """The table File > Export acts on (its visible columns and loaded rows), if any."""
        return None

    def export_rows(self) -> ExportRows | None:
        """Optional: a function giving every row (not only the loaded page) for File > Export.

        Tabs over huge tables (customers) return one; it runs on a background thread.
        """
        return None

    def retranslate(self) -> None:
        """Re-read every visible string (the language changed)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
