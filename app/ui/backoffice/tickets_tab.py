"""The tickets tab: complaints by due time and priority, worked and resolved, with a voucher if deserved.

Layout and wiring only: the list comes from ``app.services.tickets`` off the GUI
thread; taking, handing over and resolving a ticket are one service call each. A
compensation voucher needs a manager's PIN (``ctx.ask_manager``) and fits the
month's budget the owner sets; once issued, its code and QR are shown to hand
over or print.
"""

from __future__ import annotations

import io
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.cards.render import card_qr_image
from app.core.errors import InvalidInput, LoyaltyError
from app.core.money import parse_amount
from app.services import tickets, vouchers
from app.services.tickets import Budget, TicketView
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.backoffice.ticket_rules import TicketRulesDialog
from app.ui.backoffice.ticket_texts import came_back_text, priority_text, short_time, status_text
from app.ui.errors import error_text
from app.ui.format import Formatter

Index = QModelIndex | QPersistentModelIndex


def qr_pixmap(payload: str, side: int = 180) -> QPixmap:
    image = card_qr_image(payload, box_size=1)
    image = card_qr_image(payload, box_size=max(side // image.width, 1))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class TicketsModel(QAbstractTableModel):
    """Plain rows (``TicketView``) in the order the service gives them."""

    COLUMNS = ("due", "priority", "status", "customer", "rating", "subject", "owner", "came_back")

    def __init__(self, fmt: Formatter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.rows: list[TicketView] = []
        self.now: datetime | None = None

    def set_rows(self, rows: list[TicketView], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = rows, now
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "due": self.tr("Due"),
            "priority": self.tr("Priority"),
            "status": self.tr("Status"),
            "customer": self.tr("Customer"),
            "rating": self.tr("Rating"),
            "subject": self.tr("Complaint"),
            "owner": self.tr("Owner"),
            "came_back": self.tr("Came back"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        t = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(t, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return came_back_text(self.fmt, t) if column == "came_back" else self.text(t, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.now is not None and t.overdue(self.now):
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ForegroundRole and t.status == "resolved":
            return QBrush(QColor("#7a6e64"))
        return None

    def text(self, t: TicketView, column: str) -> str:
        if column == "due":
            if t.status == "resolved":
                return self.tr("done {0}").format(short_time(self.fmt, t.resolved_at)) if t.resolved_at else ""
            late = self.now is not None and t.overdue(self.now)
            when = short_time(self.fmt, t.due_at) if t.due_at else "—"
            return self.tr("{0} (late)").format(when) if late else when
        if column == "priority":
            return priority_text(t.priority)
        if column == "status":
            return status_text(t.status)
        if column == "customer":
            return t.customer or self.tr("a guest")
        if column == "rating":
            return f"{t.rating}★" if t.rating else ""
        if column == "subject":
            return t.comment or (self.tr("(no comment)") if t.rating else t.subject)
        if column == "owner":
            return t.assignee or self.tr("nobody")
        if column == "came_back":
            return came_back_text(self.fmt, t, short=True)
        return ""


class TicketsTab(BackOfficeTab):
    loaded = Signal()  # the list was (re)loaded (tests wait for it)
    resolved = Signal(str)  # a ticket id

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = TicketsModel(ctx.fmt, self)
        self.budget: Budget | None = None
        self.current: TicketView | None = None
        self._telling = False

        self.show_resolved = QCheckBox()
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(lambda _on: self.activated())
        self.budget_label = QLabel()
        self.budget_label.setWordWrap(True)  # two lines rather than cut off at 1024 px
        self.budget_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.budget_button = QPushButton()
        self.budget_button.clicked.connect(self.ask_budget)
        self.budget_button.setVisible(ctx.staff.role == "owner")
        self.rules_button = QPushButton()
        self.rules_button.clicked.connect(self.ask_rules)
        self.rules_button.setVisible(ctx.staff.is_manager)
        top = QHBoxLayout()
        top.addWidget(self.show_resolved)
        top.addWidget(self.rules_button)
        top.addWidget(self.budget_label, 1)
        top.addWidget(self.budget_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TicketsModel.COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur.row()))
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #7a6e64; font-size: 15px;")

        self.detail = self._build_detail()
        split = QSplitter(Qt.Orientation.Vertical)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.table, 1)
        lbox.addWidget(self.empty_label)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)
        ctx.events.data_changed.connect(self._data_changed)
        self.retranslate()
        self._select(-1)

    def _build_detail(self) -> QGroupBox:
        group = QGroupBox()
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.subject_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.owner_combo = QComboBox()
        self.owner_combo.activated.connect(self._owner_chosen)
        self.take_button = QPushButton()
        self.take_button.clicked.connect(self.take)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(70)
        self.voucher_edit = QLineEdit()
        self.resolve_button = QPushButton()
        self.resolve_button.setDefault(True)
        self.resolve_button.clicked.connect(self.resolve)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.voucher_qr = QLabel()
        self.voucher_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.voucher_label = QLabel()
        self.voucher_label.setWordWrap(True)
        self.voucher_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.form_labels, (self.owner_combo, self.note_edit, self.voucher_edit), strict=True):
            self.form.addRow(label, field)
        # Two columns under the list: what happened (and the voucher) | what to do about it.
        facts = QVBoxLayout()
        facts.addWidget(self.subject_label)
        facts.addWidget(self.facts_label)
        voucher = QHBoxLayout()
        voucher.addWidget(self.voucher_qr)
        voucher.addWidget(self.voucher_label, 1)
        facts.addLayout(voucher)
        facts.addStretch(1)
        work = QVBoxLayout()
        work.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        work.addLayout(buttons)
        work.addWidget(self.message_label)
        work.addStretch(1)
        box = QHBoxLayout(group)
        box.addLayout(facts, 1)
        box.addLayout(work, 1)
        return group

    # -- BackOfficeTab ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Tickets")

    def export_table(self) -> TicketsModel:
        return self.model

    def retranslate(self) -> None:
        self.show_resolved.setText(self.tr("Show resolved tickets"))
        self.budget_button.setText(self.tr("Set monthly budget…"))
        self.rules_button.setText(self.tr("Who answers…"))
        self.detail.setTitle(self.tr("Ticket"))
        self.take_button.setText(self.tr("Take it (in progress)"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.note_edit.setPlaceholderText(self.tr("What was done: called the customer, apologised…"))
        self.voucher_edit.setPlaceholderText(self.tr("Compensation voucher (amount, optional)"))
        for label, text in zip(
            self.form_labels, (self.tr("Owner"), self.tr("Resolution"), self.tr("Voucher")), strict=True
        ):
            label.setText(text)
        self.empty_label.setText(self.tr("No complaints. A 1★ or 2★ rating at a till opens one here."))
        self._show_budget()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TicketsModel.COLUMNS) - 1)
        self._select(self.table.currentIndex().row())

    def activated(self) -> None:
        till, resolved = self.ctx.till, self.show_resolved.isChecked()

        def load() -> tuple[list[TicketView], Budget, list[tuple[str, str]], datetime]:
            return (
                tickets.list_tickets(till, include_resolved=resolved),
                tickets.voucher_budget(till),
                tickets.staff_choices(till),
                till.clock(),
            )

        self.ctx.ops.run(
            load,
            on_done=while_alive(self, self._loaded),
            on_error=while_alive(self, lambda e: self._say(str(e), "error")),
        )

    # -- loading ---------------------------------------------------------------------------------------
    def _loaded(self, result: tuple[list[TicketView], Budget, list[tuple[str, str]], datetime]) -> None:
        rows, self.budget, staff, now = result
        chosen = self.current.id if self.current else None
        self.model.fmt = self.ctx.fmt
        self.model.set_rows(rows, now)
        self.owner_combo.clear()
        for staff_id, name in staff:
            self.owner_combo.addItem(name, staff_id)
        self.empty_label.setVisible(not rows)
        self._show_budget()
        ids = [r.id for r in rows]
        self.table.selectRow(ids.index(chosen) if chosen in ids else (0 if rows else -1))
        self._select(self.table.currentIndex().row() if rows else -1)
        self.loaded.emit()

    def _data_changed(self, what: str) -> None:
        if what in ("tickets", "vouchers", "staff", "sync") and self.isVisible() and not self._telling:
            self.activated()

    def _tell(self, *what: str) -> None:
        """Tell the other tabs; this one reloads once, itself."""
        self._telling = True
        try:
            for name in what:
                self.ctx.events.data_changed.emit(name)
        finally:
            self._telling = False
        self.activated()

    def _show_budget(self) -> None:
        b = self.budget
        if b is None:
            self.budget_label.setText("")
        elif b.limit == 0:
            self.budget_label.setText(self.tr("No compensation budget set for this month."))
        else:
            self.budget_label.setText(
                self.tr("Compensation budget {0}: {1} left of {2}").format(
                    b.month, self.ctx.fmt.money(b.left), self.ctx.fmt.money(b.limit)
                )
            )

    # -- the chosen ticket ---------------------------------------------------------------------------------
    def _select(self, row: int) -> None:
        t = self.model.rows[row] if 0 <= row < len(self.model.rows) else None
        same = t is not None and self.current is not None and t.id == self.current.id
        self.current = t
        for w in (self.owner_combo, self.take_button, self.note_edit, self.voucher_edit, self.resolve_button):
            w.setEnabled(t is not None and t.status != "resolved")
        self.voucher_qr.clear()
        self.voucher_label.clear()
        self.message_label.clear()
        if t is None:
            self.subject_label.setText(self.tr("Choose a ticket in the list."))
            self.facts_label.clear()
            return
        fmt = self.ctx.fmt
        self.subject_label.setText(
            self.tr("{0}★ from {1}: {2}").format(t.rating, t.customer or self.tr("a guest"), t.comment)
            if t.rating and t.comment
            else self.tr("{0}★ from {1}").format(t.rating, t.customer or self.tr("a guest"))
            if t.rating
            else t.subject
        )
        facts = [
            self.tr("Opened {0}, due {1}; priority {2}; {3}.").format(
                fmt.datetime(t.created_at),
                fmt.datetime(t.due_at) if t.due_at else "—",
                priority_text(t.priority).lower(),
                status_text(t.status).lower(),
            ),
            self.tr("Customer: {0}. Came back: {1}.").format(t.customer or self.tr("a guest"), came_back_text(fmt, t)),
        ]
        if t.status == "resolved":
            facts.append(self.tr("Resolved: {0}").format(t.resolution))
        self.facts_label.setText("\n".join(facts))
        self.take_button.setEnabled(t.status == "open")
        position = self.owner_combo.findData(t.assignee_id)
        self.owner_combo.setCurrentIndex(position)
        if t.status == "resolved":
            self.note_edit.setPlainText(t.resolution)
            self.voucher_edit.clear()
        elif not same:  # a reload keeps what is being typed
            self.note_edit.clear()
            self.voucher_edit.clear()
        if t.voucher_code:
            self._show_voucher(t.voucher_code)

    # -- actions -----------------------------------------------------------------------------------------
    def take(self) -> None:
        if self.current is not None:
            self._update(status="in_progress", assignee=self.ctx.staff.id)

    def _owner_chosen(self, position: int) -> None:
        staff_id = self.owner_combo.itemData(position)
        if self.current is not None and staff_id and staff_id != self.current.assignee_id:
            self._update(assignee=staff_id)

    def _update(self, **change: str) -> None:
        assert self.current is not None
        try:
            tickets.update(self.ctx.till, self.current.id, by=self.ctx.staff, **change)
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        self._tell("tickets")

    def voucher_amount(self) -> int:
        text = self.voucher_edit.text().strip()
        if not text:
            return 0
        try:
            return parse_amount(text, self.ctx.fmt.currency)
        except (InvalidInput, ValueError):
            raise InvalidInput(self.tr("The voucher's amount is not an amount: {0}").format(text)) from None

    def resolve(self) -> None:
        t = self.current
        if t is None:
            return
        note = self.note_edit.toPlainText().strip()
        try:
            value = self.voucher_amount()
            if not note:
                raise InvalidInput(self.tr("Say how the complaint was resolved (a short note)."))
            if value and self.budget is not None and value > self.budget.left:
                raise InvalidInput(
                    self.tr("That is more than the {0} left in this month's compensation budget.").format(
                        self.ctx.fmt.money(self.budget.left)
                    )
                )
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        approver = None
        if value:
            approver = self.ctx.ask_manager(
                self,
                self.tr("Approve a compensation voucher of {0} for {1}?").format(
                    self.ctx.fmt.money(value), t.customer or self.tr("a guest")
                ),
            )
            if approver is None:
                self._say(self.tr("No voucher without a manager's approval; nothing was changed."), "error")
                return
        try:
            done = tickets.resolve(
                self.ctx.till, t.id, by=self.ctx.staff, resolution=note, voucher_value=value, approved_by=approver
            )
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        self._tell("tickets", *(["vouchers"] if done.voucher is not None else []))
        self.resolved.emit(t.id)
        if done.voucher is not None:
            self._show_voucher(done.voucher.code)
            self._say(self.tr("Resolved; the voucher is ready to hand over."), "ok")
        else:
            self._say(self.tr("Resolved."), "ok")

    def _show_voucher(self, code: str) -> None:
        """The voucher's QR and code, to hand over, print or show on a phone (any till takes it once)."""
        try:
            payload = vouchers.payload_of(self.ctx.till, code)
            v = vouchers.verify_voucher(payload, self.ctx.till.card_key)
        except LoyaltyError:  # known by its code only (its record has not been pulled yet)
            self.voucher_label.setText(self.tr("Voucher {0}").format(code))
            return
        self.voucher_qr.setPixmap(qr_pixmap(payload))
        self.voucher_label.setText(
            self.tr("Voucher {0}: {1}, valid until {2}. Any till takes it once.").format(
                code, self.ctx.fmt.money(v.value), v.expires_on.strftime("%d/%m/%Y")
            )
        )

    def ask_rules(self) -> None:
        """Rules by store and priority naming who owns a new ticket (a manager sets them)."""
        till = self.ctx.till
        dialog = TicketRulesDialog(
            tickets.assign_rules_of(till), tickets.store_choices(till), tickets.staff_choices(till), self
        )
        self.rules_dialog = dialog  # tests drive it
        if dialog.exec() != TicketRulesDialog.DialogCode.Accepted:
            return
        try:
            tickets.set_assign_rules(till, dialog.rules(), by=self.ctx.staff)
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        self._say(self.tr("Saved: new tickets follow these rules."), "ok")

    def ask_budget(self) -> None:
        current = self.budget.limit if self.budget else 0
        text, ok = QInputDialog.getText(
            self,
            self.tr("Compensation budget"),
            self.tr("How much may this store give in compensation vouchers a month?"),
            text=self.ctx.fmt.money(current) if current else "",
        )
        if not ok:
            return
        try:
            amount = parse_amount(text, self.ctx.fmt.currency) if text.strip() else 0
            tickets.set_voucher_budget(self.ctx.till, amount, by=self.ctx.staff)
        except (LoyaltyError, ValueError) as err:
            self._say(error_text(err) if isinstance(err, LoyaltyError) else str(err), "error")
            return
        self.activated()

    def _say(self, text: str, kind: str = "info") -> None:
        color = {"error": "#c62828", "ok": "#2e7d32"}.get(kind, "#333333")
        self.message_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.message_label.setText(text)

    def message(self) -> str:
        return self.message_label.text()
