"""The audit-log tab: who did what, when, at which till, before and after; filtered and exported.

Queries run through ``ctx.ops`` (off the GUI thread); the table holds the newest
page, "Older…" loads the next, and File > Export writes every matching line.
Lines sync (issue 9 item 4): the tab shows every till of the store, names each line's till,
filters by till, and says which scope it shows.
Dates are the shop's calendar days, turned into UTC bounds here.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import audit_log, staff_admin
from app.services.audit_log import AuditFilter, AuditLine
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.staff_tab import role_text
from app.ui.backoffice.tab import BackOfficeTab, ExportRows

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 6


def action_text(action: str) -> str:
    """The known actions in the manager's language; others as they are stored."""
    known = {
        "shop.setup": QCoreApplication.translate("AuditTab", "shop set up"),
        "shop.settings": QCoreApplication.translate("AuditTab", "shop settings changed"),
        "staff.add": QCoreApplication.translate("AuditTab", "staff added"),
        "staff.role": QCoreApplication.translate("AuditTab", "role changed"),
        "staff.disable": QCoreApplication.translate("AuditTab", "staff disabled"),
        "staff.enable": QCoreApplication.translate("AuditTab", "staff enabled"),
        "staff.pin_reset": QCoreApplication.translate("AuditTab", "PIN reset"),
        "staff.rename": QCoreApplication.translate("AuditTab", "staff renamed"),
        "program.publish": QCoreApplication.translate("AuditTab", "program published"),
        "program.draft": QCoreApplication.translate("AuditTab", "program draft saved"),
        "reward.save": QCoreApplication.translate("AuditTab", "reward saved"),
        "customer.enroll": QCoreApplication.translate("AuditTab", "member enrolled"),
        "customer.edit": QCoreApplication.translate("AuditTab", "member's details changed"),
        "customer.block": QCoreApplication.translate("AuditTab", "member blocked"),
        "customer.unblock": QCoreApplication.translate("AuditTab", "member unblocked"),
        "customer.merge": QCoreApplication.translate("AuditTab", "members merged"),
        "customer.unmerge": QCoreApplication.translate("AuditTab", "merge undone"),
        "customer.new_card": QCoreApplication.translate("AuditTab", "card replaced"),
        "ledger.reverse": QCoreApplication.translate("AuditTab", "entry reversed"),
        "ledger.undo": QCoreApplication.translate("AuditTab", "sale undone"),
        "ticket.resolve": QCoreApplication.translate("AuditTab", "ticket resolved"),
        "ticket.update": QCoreApplication.translate("AuditTab", "ticket changed"),
        "vouchers.budget": QCoreApplication.translate("AuditTab", "voucher budget set"),
        "flag.resolve": QCoreApplication.translate("AuditTab", "flag closed"),
        "ledger.adjust": QCoreApplication.translate("AuditTab", "balance adjusted"),
        "backoffice.open": QCoreApplication.translate("AuditTab", "back office opened"),
        "campaign.export": QCoreApplication.translate("AuditTab", "campaign list exported"),
        "segment.export": QCoreApplication.translate("AuditTab", "segment exported"),
        "segments.lapsed_days": QCoreApplication.translate("AuditTab", "'lapsed' days changed"),
        "pin.failed": QCoreApplication.translate("AuditTab", "wrong PIN"),
        "pin.locked": QCoreApplication.translate("AuditTab", "PIN entry locked"),
        "receipt.claim": QCoreApplication.translate("AuditTab", "receipt claimed"),
        "staff.phone": QCoreApplication.translate("AuditTab", "staff phone set"),
        "tickets.rules": QCoreApplication.translate("AuditTab", "ticket owners changed"),
    }
    return known.get(action, action)


def key_text(key: str) -> str:
    """What a before/after key is, in the manager's language (others as stored)."""
    known = {
        "name": QCoreApplication.translate("AuditTab", "name"),
        "role": QCoreApplication.translate("AuditTab", "role"),
        "active": QCoreApplication.translate("AuditTab", "working"),
        "phone": QCoreApplication.translate("AuditTab", "phone"),
        "card": QCoreApplication.translate("AuditTab", "card"),
        "reason": QCoreApplication.translate("AuditTab", "reason"),
        "status": QCoreApplication.translate("AuditTab", "status"),
        "priority": QCoreApplication.translate("AuditTab", "priority"),
        "assignee": QCoreApplication.translate("AuditTab", "owner"),
        "resolution": QCoreApplication.translate("AuditTab", "resolution"),
        "points": QCoreApplication.translate("AuditTab", "points"),
        "stamps": QCoreApplication.translate("AuditTab", "stamps"),
        "failures": QCoreApplication.translate("AuditTab", "wrong PINs in a row"),
        "wait_s": QCoreApplication.translate("AuditTab", "wait (seconds)"),
        "currency": QCoreApplication.translate("AuditTab", "currency"),
        "timezone": QCoreApplication.translate("AuditTab", "time zone"),
        "address": QCoreApplication.translate("AuditTab", "address"),
        "store_name": QCoreApplication.translate("AuditTab", "shop name"),
        "monthly": QCoreApplication.translate("AuditTab", "monthly budget"),
        "file": QCoreApplication.translate("AuditTab", "file"),
        "members": QCoreApplication.translate("AuditTab", "members"),
        "version": QCoreApplication.translate("AuditTab", "version"),
        "draft": QCoreApplication.translate("AuditTab", "draft"),
    }
    return known.get(key, key)


def value_text(key: str, value: Any) -> str:
    """A role or a yes/no in the manager's language; anything else as stored."""
    if key == "role" and isinstance(value, str):
        return role_text(value)
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditTab", "yes") if value else QCoreApplication.translate("AuditTab", "no")
    return audit_log.short_value(value)


class AuditModel(QAbstractTableModel):
    def __init__(self, tab: AuditTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.rows: list[AuditLine] = []

    def set_rows(self, rows: list[AuditLine], *, append: bool = False) -> None:
        self.beginResetModel()
        self.rows = [*self.rows, *rows] if append else rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("AuditTab", "When"),
                QCoreApplication.translate("AuditTab", "Who"),
                QCoreApplication.translate("AuditTab", "Till"),
                QCoreApplication.translate("AuditTab", "What"),
                QCoreApplication.translate("AuditTab", "Subject"),
                QCoreApplication.translate("AuditTab", "Before → after"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tab.ctx.fmt.datetime(line.at),
                line.staff_name or QCoreApplication.translate("AuditTab", "(the system)"),
                line.till_name,
                action_text(line.action),
                line.subject_name or line.subject,
                line.change_text(key_text, value_text),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return line.change_text(key_text, value_text)
        return None


class AuditTab(BackOfficeTab):
    loaded = Signal()  # the list was (re)loaded; tests wait for it

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AuditModel(self)
        self.staff_filter = QComboBox()
        self.till_filter = QComboBox()
        self.action_filter = QComboBox()
        self.use_dates = QCheckBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, value in ((self.date_from, today.addDays(-30)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(value)
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.apply_button = QPushButton()
        self.more_button = QPushButton()
        self.count_label = QLabel()
        self.count_label.setObjectName("Hint")
        self.labels = [QLabel() for _ in range(3)]
        # The log is the store's (audit lines sync): the tab says whose lines it shows, and from when.
        self.scope_label = QLabel()
        self.scope_label.setObjectName("Hint")
        self.scope_label.setWordWrap(True)
        self.scope = audit_log.Scope("", "", paired=False)
        filters = QHBoxLayout()
        filters.addWidget(self.labels[0])
        filters.addWidget(self.staff_filter, 1)
        filters.addWidget(self.labels[2])
        filters.addWidget(self.till_filter, 1)
        filters.addWidget(self.labels[1])
        filters.addWidget(self.action_filter, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.apply_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        box = QVBoxLayout(self)
        box.addWidget(self.scope_label)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(bottom)
        self.apply_button.clicked.connect(self.reload)
        self.more_button.clicked.connect(self.load_older)
        ctx.events.data_changed.connect(while_alive(self, lambda _what: self.reload() if self.isVisible() else None))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Audit log")

    def export_table(self) -> QAbstractTableModel:
        return self.model

    def export_rows(self) -> ExportRows:
        till, flt = self.ctx.till, self.current_filter()

        def rows() -> tuple[tuple[str, ...], Any]:
            return audit_log.export_rows(till, flt)

        return rows

    # -- filters -----------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.use_dates.isChecked():
            zone = ZoneInfo(self.ctx.till.program().timezone)
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
            since = datetime.combine(first, time(), zone).astimezone(UTC)
            until = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
        return AuditFilter(
            staff_id=self.staff_filter.currentData() or None,
            terminal_id=self.till_filter.currentData() or None,
            action=self.action_filter.currentData() or None,
            since=since,
            until=until,
        )

    def _all_text(self, combo: QComboBox) -> str:
        if combo is self.staff_filter:
            return self.tr("Everyone")
        if combo is self.till_filter:
            return self.tr("All tills")
        return self.tr("All actions")

    def _fill_filters(self, loaded: tuple[list[Any], list[str], list[tuple[str, str]]]) -> None:
        people, actions, tills = loaded
        for combo, items in (
            (self.staff_filter, [(p.name, p.id) for p in people]),
            (self.till_filter, [(name, tid) for tid, name in tills]),
            (self.action_filter, [(action_text(a), a) for a in actions]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self._all_text(combo), "")
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    # -- loading -----------------------------------------------------------------------------------
    def activated(self) -> None:
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: (
                staff_admin.list_staff(till),
                audit_log.actions(till),
                audit_log.tills(till),
                audit_log.scope(till),
            ),
            on_done=while_alive(self, self._filters_loaded),
        )

    def _filters_loaded(self, loaded: tuple[list[Any], list[str], list[tuple[str, str]], audit_log.Scope]) -> None:
        people, actions, tills, self.scope = loaded
        self._say_scope()
        self._fill_filters((people, actions, tills))
        self.reload()

    def _say_scope(self) -> None:
        if self.scope.paired:
            text = self.tr(
                "What was done at every till of {0}: this till, {1}, and the store's other tills as of their "
                "last sync (other stores' tills are not shown). Choose a till to see only its lines."
            ).format(self.scope.store_name, self.scope.till_name)
        else:
            text = self.tr(
                "What was done at this till, {0}. It is not paired with a server yet: once it is, its lines are "
                "sent there and the store's other tills' lines show here too."
            ).format(self.scope.till_name)
        self.scope_label.setText(text)

    def reload(self) -> None:
        till, flt = self.ctx.till, self.current_filter()
        self.ctx.ops.run(
            lambda: audit_log.lines(till, flt), on_done=while_alive(self, lambda rows: self._loaded(rows, append=False))
        )

    def load_older(self) -> None:
        if not self.model.rows:
            return
        till, flt, last = self.ctx.till, self.current_filter(), self.model.rows[-1]
        self.ctx.ops.run(
            lambda: audit_log.lines(till, flt, before=(last.at, last.id)),
            on_done=while_alive(self, lambda rows: self._loaded(rows, append=True)),
        )

    def _loaded(self, rows: list[AuditLine], *, append: bool) -> None:
        self.model.set_rows(rows, append=append)
        self.more_button.setEnabled(len(rows) == audit_log.PAGE)
        self.count_label.setText(self.tr("{0} lines shown, newest first").format(len(self.model.rows)))
        self.loaded.emit()

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("Who"))
        self.labels[1].setText(self.tr("What"))
        self.labels[2].setText(self.tr("Till"))
        self.use_dates.setText(self.tr("Dates"))
        self.apply_button.setText(self.tr("Show"))
        self.more_button.setText(self.tr("Older…"))
        self._say_scope()
        for combo in (self.staff_filter, self.till_filter, self.action_filter):
            if combo.count():
                combo.setItemText(0, self._all_text(combo))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
