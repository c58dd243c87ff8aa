"""The manager's view of the POS bridge's notes: every refund or void that took nothing back,
every sale that did not earn and why, every row left for a later export.

Layout only: the POS controller loads the notes off the GUI thread (``receipts.bridge_notes``)
and hands them here. Opened by clicking the POS line of the status bar. A manager who only ever
sees "3 refunds/voids applied" cannot tell that a fourth one found no sale; here it is listed.
The notes themselves are the bridge's own sentences (as in the quarantine's reason files).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.services.receipts import BridgeNotes


class PosNotesDialog(QDialog):
    def __init__(self, show_time: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PosNotesDialog")
        self.resize(860, 480)
        self._show_time = show_time
        self._notes: list[BridgeNotes] = []
        box = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.intro)
        box.addWidget(self.tree, 1)
        box.addWidget(self.buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("POS bridge notes"))
        self.intro.setText(
            self.tr(
                "What the POS bridge did not apply, export by export: refunds and voids that took nothing "
                "back, sales that did not earn, rows left for a later export."
            )
        )
        self.show_notes(self._notes)

    def show_notes(self, notes: Sequence[BridgeNotes]) -> None:
        self._notes = list(notes)
        self.tree.clear()
        if not self._notes:
            empty = QTreeWidgetItem([self.tr("Nothing was left out: every refund and void found its sale.")])
            self.tree.addTopLevelItem(empty)
            return
        bold = QFont()
        bold.setBold(True)
        for export in self._notes:
            head = QTreeWidgetItem([f"{export.file} — {self._show_time(export.seen_at)}"])
            head.setFont(0, bold)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for note in export.notes:
                head.addChild(QTreeWidgetItem([note]))
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)

    def note_count(self) -> int:
        return sum(len(n.notes) for n in self._notes)
