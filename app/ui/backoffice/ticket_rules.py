"""Who answers complaints: simple rules by store and priority (the store's manager when none matches).

A small dialog of the tickets tab; the rules themselves live in ``app.services.tickets``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.tickets import PRIORITIES, AssignRule
from app.ui.backoffice.ticket_texts import priority_text


class TicketRulesDialog(QDialog):
    """Edit the rules; ``rules()`` is the list to save when the dialog is accepted."""

    def __init__(
        self,
        rules: list[AssignRule],
        stores: list[tuple[str, str]],
        staff: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self._stores = dict(stores)
        self._staff = dict(staff)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.store_combo = QComboBox()
        self.store_combo.addItem("", "*")
        for store_id, name in stores:
            self.store_combo.addItem(name, store_id)
        self.priority_combo = QComboBox()
        self.priority_combo.addItem("", "*")
        for p in PRIORITIES:
            self.priority_combo.addItem(priority_text(p), p)
        self.staff_combo = QComboBox()
        for staff_id, name in staff:
            self.staff_combo.addItem(name, staff_id)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for w in (self.store_combo, self.priority_combo, self.staff_combo, self.add_button):
            row.addWidget(w)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.list, 1)
        box.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addLayout(row)
        box.addWidget(self.buttons)
        for rule in rules:
            self._append(rule)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Who answers complaints"))
        self.intro.setText(
            self.tr(
                "The first rule that matches a new ticket names its owner. "
                "When none matches, the store's manager owns it."
            )
        )
        self.store_combo.setItemText(0, self.tr("any store"))
        self.priority_combo.setItemText(0, self.tr("any priority"))
        self.add_button.setText(self.tr("Add rule"))
        self.remove_button.setText(self.tr("Remove the chosen rule"))

    def _describe(self, rule: AssignRule) -> str:
        store = self.tr("any store") if rule.store == "*" else self._stores.get(rule.store, rule.store)
        priority = self.tr("any priority") if rule.priority == "*" else priority_text(rule.priority)
        return self.tr("{0}, {1} → {2}").format(store, priority, self._staff.get(rule.staff_id, rule.staff_id))

    def _append(self, rule: AssignRule) -> None:
        item = QListWidgetItem(self._describe(rule))
        item.setData(Qt.ItemDataRole.UserRole, rule)
        self.list.addItem(item)

    def _add(self) -> None:
        if self.staff_combo.currentIndex() < 0:
            return
        self._append(
            AssignRule(
                store=self.store_combo.currentData(),
                priority=self.priority_combo.currentData(),
                staff_id=self.staff_combo.currentData(),
            )
        )

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def rules(self) -> list[AssignRule]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
