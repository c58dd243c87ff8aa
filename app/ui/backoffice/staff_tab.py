"""The staff tab: who works here, and adding, disabling, changing a role, resetting a PIN.

Every change is approved with a manager PIN typed again (``ctx.ask_manager``); the
service decides whether that manager may make it (only an owner touches owners) and
writes the audit line. PINs are typed into password fields and never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LoyaltyError
from app.core.phone import normalise_phone
from app.services import staff_admin
from app.services.staff import ROLES, StaffMember
from app.services.staff_admin import StaffInfo
from app.ui import theme
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.program_tab import TAB_STYLE
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.errors import error_text

Index = QModelIndex | QPersistentModelIndex


def role_text(role: str) -> str:
    return {
        "cashier": QCoreApplication.translate("StaffTab", "cashier"),
        "manager": QCoreApplication.translate("StaffTab", "manager"),
        "owner": QCoreApplication.translate("StaffTab", "owner"),
    }.get(role, role)


class StaffModel(QAbstractTableModel):
    def __init__(self, tab: StaffTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.rows: list[StaffInfo] = []

    def set_rows(self, rows: list[StaffInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("StaffTab", "Name"),
                QCoreApplication.translate("StaffTab", "Role"),
                QCoreApplication.translate("StaffTab", "State"),
                QCoreApplication.translate("StaffTab", "Since"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.name,
                role_text(r.role),
                QCoreApplication.translate("StaffTab", "active")
                if r.active
                else QCoreApplication.translate("StaffTab", "disabled"),
                self.tab.ctx.fmt.date(r.created_at),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return theme.MUTED
        return None


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
    return field


class StaffTab(BackOfficeTab):
    loaded = Signal()  # the list was (re)loaded; tests wait for it

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = StaffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.message = QLabel()
        self.message.setObjectName("Banner")
        self.message.setWordWrap(True)
        self.message.hide()

        # The selected person.
        self.selected_box = QGroupBox()
        self.role_combo = QComboBox()
        self.role_button = QPushButton()
        self.active_button = QPushButton()
        self.new_pin, self.new_pin_again = _pin_field(), _pin_field()
        self.pin_button = QPushButton()
        # Her own phone: earning on a member with this phone is flagged for the manager.
        self.phone_edit = QLineEdit()
        self.phone_button = QPushButton()
        sel = QFormLayout(self.selected_box)
        self.sel_labels = [QLabel() for _ in range(4)]
        row = QHBoxLayout()
        row.addWidget(self.role_combo, 1)
        row.addWidget(self.role_button)
        sel.addRow(self.sel_labels[0], row)
        sel.addRow(self.sel_labels[1], self.new_pin)
        sel.addRow(self.sel_labels[2], self.new_pin_again)
        sel.addRow(self.pin_button)
        # The phone gets the row's whole width and its button a row of its own: side by side, at 1024×768
        # in Vietnamese, the field was squeezed to "Số đi…".
        sel.addRow(self.sel_labels[3], self.phone_edit)
        sel.addRow(self.phone_button)
        sel.addRow(self.active_button)

        # Someone new.
        self.add_box = QGroupBox()
        self.add_name = QLineEdit()
        self.add_role = QComboBox()
        self.add_pin, self.add_pin_again = _pin_field(), _pin_field()
        self.add_button = QPushButton()
        self.add_button.setProperty("role", "primary")
        add = QFormLayout(self.add_box)
        self.add_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.add_labels, (self.add_name, self.add_role, self.add_pin, self.add_pin_again), strict=True
        ):
            add.addRow(label, field)
        add.addRow(self.add_button)
        for combo in (self.role_combo, self.add_role):
            for r in ROLES:
                combo.addItem("", r)
        self.add_role.setCurrentIndex(0)

        side = QVBoxLayout()
        side.addWidget(self.selected_box)
        side.addWidget(self.add_box)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addLayout(body)
        self.setStyleSheet(TAB_STYLE)

        self.add_button.clicked.connect(self.add_clicked)
        self.role_button.clicked.connect(self.role_clicked)
        self.active_button.clicked.connect(self.active_clicked)
        self.pin_button.clicked.connect(self.pin_clicked)
        self.phone_button.clicked.connect(self.phone_clicked)
        ctx.events.data_changed.connect(while_alive(self, lambda what: self.activated() if what == "staff" else None))
        self.retranslate()
        self._selection_changed()
        if not ctx.staff.is_manager:  # the window opens only for managers; a tab never trusts that alone
            self.add_box.setEnabled(False)
            self._say(self.tr("Only a manager or the owner can manage the staff."), "error")

    def _selection_changed_allowed(self) -> bool:
        return self.ctx.staff.is_manager

    def title(self) -> str:
        return self.tr("Staff")

    def export_table(self) -> QAbstractTableModel:
        return self.model

    # -- loading -----------------------------------------------------------------------------------
    def activated(self) -> None:
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: staff_admin.list_staff(till),
            on_done=while_alive(self, self._loaded),
            on_error=while_alive(self, self._failed),
        )

    def _loaded(self, rows: list[StaffInfo]) -> None:
        keep = self.selected().id if self.selected() else None
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.id == keep:
                self.table.selectRow(i)
        self._selection_changed()
        self.loaded.emit()

    def selected(self) -> StaffInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def select_name(self, name: str) -> None:
        for i, r in enumerate(self.model.rows):
            if r.name == name:
                self.table.selectRow(i)
                return

    def _selection_changed(self) -> None:
        who = self.selected()
        self.selected_box.setEnabled(who is not None and self._selection_changed_allowed())
        self.selected_box.setTitle(who.name if who else self.tr("Select someone in the list"))
        if who is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(who.role))
            self.phone_edit.setText(self.ctx.fmt.phone(who.phone or ""))
        self._retranslate_active()

    # -- actions -----------------------------------------------------------------------------------
    def _say(self, text: str, kind: str = "ok") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        theme.repolish(self.message)
        self.message.setVisible(bool(text))

    def _failed(self, exc: Exception) -> None:
        self._say(error_text(exc) if isinstance(exc, LoyaltyError) else str(exc), "error")
        self.loaded.emit()

    def _approved(self, what: str, change: Callable[[StaffMember], Any], done: str) -> None:
        """Ask for a manager PIN, then make the change off the GUI thread (a PIN hash takes a while)."""
        approver = self.ctx.ask_manager(self, what)
        if approver is None:
            return
        self._say("")

        def finished(_result: object) -> None:
            self._say(done)
            self.ctx.events.data_changed.emit("staff")

        self.ctx.ops.run(
            lambda: change(approver), on_done=while_alive(self, finished), on_error=while_alive(self, self._failed)
        )

    def add_clicked(self) -> None:
        name, role, pin = self.add_name.text().strip(), self.add_role.currentData(), self.add_pin.text()
        if not name:
            self._say(self.tr("Type the new person's name."), "error")
            return
        if pin != self.add_pin_again.text() or not pin:
            self._say(self.tr("Type the same PIN twice (4 to 8 digits)."), "error")
            return
        till = self.ctx.till
        for field in (self.add_name, self.add_pin, self.add_pin_again):
            field.clear()
        self._approved(
            self.tr("Add {0} as {1}").format(name, role_text(role)),
            lambda by: staff_admin.add(till, by=by, name=name, role=role, pin=pin),
            self.tr("{0} was added as {1}.").format(name, role_text(role)),
        )

    def role_clicked(self) -> None:
        who, role = self.selected(), self.role_combo.currentData()
        if who is None or role == who.role:
            return
        till = self.ctx.till
        self._approved(
            self.tr("Make {0} {1}").format(who.name, role_text(role)),
            lambda by: staff_admin.change_role(till, who.id, role, by=by),
            self.tr("{0} is now {1}.").format(who.name, role_text(role)),
        )

    def active_clicked(self) -> None:
        who = self.selected()
        if who is None:
            return
        till, active = self.ctx.till, not who.active
        self._approved(
            (self.tr("Enable {0}") if active else self.tr("Disable {0}: their PIN will open nothing")).format(who.name),
            lambda by: staff_admin.set_active(till, who.id, active, by=by),
            (self.tr("{0} can work again.") if active else self.tr("{0} is disabled.")).format(who.name),
        )

    def pin_clicked(self) -> None:
        who, pin = self.selected(), self.new_pin.text()
        if who is None:
            return
        if pin != self.new_pin_again.text() or not pin:
            self._say(self.tr("Type the same PIN twice (4 to 8 digits)."), "error")
            return
        self.new_pin.clear()
        self.new_pin_again.clear()
        till = self.ctx.till
        self._approved(
            self.tr("New PIN for {0}").format(who.name),
            lambda by: staff_admin.reset_pin(till, who.id, pin, by=by),
            self.tr("{0} has a new PIN.").format(who.name),
        )

    def phone_clicked(self) -> None:
        who, typed = self.selected(), self.phone_edit.text().strip()
        if who is None:
            return
        try:  # checked before anyone is asked for a PIN
            e164 = normalise_phone(typed, self.ctx.till.country()) if typed else None
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        if e164 == who.phone:
            return
        till = self.ctx.till
        self._approved(
            self.tr("Set the phone of {0} to {1}").format(who.name, self.ctx.fmt.phone(e164))
            if e164
            else self.tr("Remove the phone of {0}").format(who.name),
            lambda by: staff_admin.set_phone(till, who.id, typed, by=by),
            self.tr("{0}'s phone is saved: earning on a member with it is flagged for the manager.").format(
                who.name
            ),
        )

    # -- texts -------------------------------------------------------------------------------------
    def _retranslate_active(self) -> None:
        who = self.selected()
        self.active_button.setText(self.tr("Enable") if who is not None and not who.active else self.tr("Disable"))

    def retranslate(self) -> None:
        for combo in (self.role_combo, self.add_role):
            for i in range(combo.count()):
                combo.setItemText(i, role_text(combo.itemData(i)))
        self.role_button.setText(self.tr("Change role"))
        self.pin_button.setText(self.tr("Reset PIN"))
        self.phone_button.setText(self.tr("Save phone"))
        self.phone_edit.setPlaceholderText(self.tr("Their own phone (optional)"))
        for label, text in zip(
            self.sel_labels,
            (self.tr("Role"), self.tr("New PIN"), self.tr("New PIN again"), self.tr("Own phone")),
            strict=True,
        ):
            label.setText(text)
        self.add_box.setTitle(self.tr("Add someone"))
        for label, text in zip(
            self.add_labels, (self.tr("Name"), self.tr("Role"), self.tr("PIN"), self.tr("PIN again")), strict=True
        ):
            label.setText(text)
        self.add_button.setText(self.tr("Add"))
        self._selection_changed()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
