"""The customers tab: a million members in a table that fetches pages as it scrolls, searched and sorted in SQL.

Vorta's table model: ``CustomerTableModel`` takes plain rows from a loader that
runs off the GUI thread, asks for the next page when the view scrolls to the
end (``canFetchMore``/``fetchMore``), and sorts by asking the database again.
Typing in the search field reloads after a short pause; Enter opens the member.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.core.segments import Segment
from app.services import customer_list, customer_page, segments
from app.services.customer_list import CustomerListRow, Sort
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.customer_page import CustomerPageDialog
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tab import BackOfficeTab, ExportRows
from app.ui.errors import error_text
from app.ui.format import Formatter, tier_label
from app.ui.views.segment_texts import segment_name

Index = QModelIndex | QPersistentModelIndex
# run(fn, on_done=..., on_error=...): BackgroundOps.run, or a synchronous stand-in in model tests.
Runner = Callable[..., None]


@dataclass(frozen=True)
class Page:
    rows: list[CustomerListRow]
    segments: dict[str, Segment | None]


def fetch_page(till: Till, query: str, sort: Sort, descending: bool, offset: int, limit: int) -> Page:
    """One page with each member's main segment (runs off the GUI thread)."""
    rows = customer_list.customer_page(till, query, sort, offset, limit, descending=descending)
    found = segments.segments_for(till, [r.id for r in rows]) if rows else {}
    return Page(rows, {cid: m.primary for cid, m in found.items()})


class CustomerTableModel(QAbstractTableModel):
    """Pages of ``CustomerListRow``; sorting and searching reload from the database."""

    COLUMNS = ("name", "phone", "tier", "points", "stamps", "visits", "last_visit", "lifetime_spend", "segment")
    SORTS: dict[str, Sort] = {
        "name": Sort.NAME,
        "phone": Sort.PHONE,
        "tier": Sort.TIER,
        "points": Sort.POINTS,
        "stamps": Sort.STAMPS,
        "visits": Sort.VISITS,
        "last_visit": Sort.LAST_VISIT,
        "lifetime_spend": Sort.LIFETIME_SPEND,
    }
    page_loaded = Signal(int)  # rows now loaded
    failed = Signal(str)

    def __init__(
        self,
        till: Till,
        run: Runner,
        fmt: Formatter,
        parent: QObject | None = None,
        *,
        page_size: int = customer_list.PAGE,
    ) -> None:
        super().__init__(parent)
        self.till, self.run, self.fmt, self.page_size = till, run, fmt, page_size
        self.rows: list[CustomerListRow] = []
        self.segments: dict[str, Segment | None] = {}
        self.query = ""
        self.sort_key = Sort.NAME
        self.descending = False
        self._more = False
        self._loading = False
        self._generation = 0

    # -- loading ------------------------------------------------------------------------------------

    def reload(self, query: str | None = None) -> None:
        """Start again from the first page (a new search, a new sort, or data changed)."""
        if query is not None:
            self.query = query
        self._generation += 1
        self.beginResetModel()
        self.rows, self.segments, self._more = [], {}, False
        self.endResetModel()
        self._request(0)

    def _request(self, offset: int) -> None:
        self._loading = True
        generation = self._generation
        till, query, sort, desc, size = self.till, self.query, self.sort_key, self.descending, self.page_size

        def arrived(page: Page) -> None:
            if shiboken6.isValid(self):  # an answer for a model already deleted (a closed window) is dropped
                self._arrived(generation, page)

        def failed(exc: Exception) -> None:
            if shiboken6.isValid(self):
                self._failed(generation, exc)

        self.run(lambda: fetch_page(till, query, sort, desc, offset, size), on_done=arrived, on_error=failed)

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # an older search answered late: ignore it
        self._loading = False
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.segments.update(page.segments)
            self.endInsertRows()
        self._more = len(page.rows) == self.page_size
        self.page_loaded.emit(len(self.rows))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading, self._more = False, False
        self.failed.emit(error_text(exc) if isinstance(exc, LoyaltyError) else str(exc))
        self.page_loaded.emit(len(self.rows))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request(len(self.rows))

    @property
    def loading(self) -> bool:
        return self._loading

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTS.get(self.COLUMNS[column])
        if key is None:
            return  # the segment is computed per page, not a database column
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- the table ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "tier": self.tr("Tier"),
            "points": self.tr("Points"),
            "stamps": self.tr("Stamps"),
            "visits": self.tr("Visits"),
            "last_visit": self.tr("Last visit"),
            "lifetime_spend": self.tr("Lifetime spend"),
            "segment": self.tr("Segment"),
        }[self.COLUMNS[section]]

    def row_id(self, row: int) -> str:
        return self.rows[row].id

    def text(self, row: CustomerListRow, column: str) -> str:
        if column == "name":
            return row.name + (" " + self.tr("(blocked)") if row.status == "blocked" else "")
        if column == "phone":
            return row.phone
        if column == "tier":
            return tier_label(self.till.program().tier(row.tier).name)
        if column in ("points", "stamps", "visits"):
            return self.fmt.number(getattr(row, column))
        if column == "last_visit":
            return self.fmt.date(row.last_visit_at) if row.last_visit_at else "—"
        if column == "lifetime_spend":
            return self.fmt.money(row.lifetime_spend)
        segment = self.segments.get(row.id)
        return segment_name(segment) if segment else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:  # exports: numbers as numbers
            if column in ("points", "stamps", "visits", "lifetime_spend"):
                return getattr(row, column)
            return self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("points", "stamps", "visits", "lifetime_spend"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return self.tr("Card {0}").format(row.card_number)
        return None


class CustomersTab(BackOfficeTab):
    opened = Signal(object)  # the CustomerPageDialog just shown (tests wait for it)
    counted = Signal(int)
    SEARCH_PAUSE_MS = 250

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = CustomerTableModel(ctx.till, ctx.ops.run, ctx.fmt, self)
        self.search_label = QLabel()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.count_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("DashError")
        self.message_label.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 220)
        self.open_button = QPushButton()
        self.duplicates_button = QPushButton()
        self.duplicates_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.duplicates_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.message_label)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(self.SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.search_edit.textEdited.connect(lambda _: self._pause.start())
        self.search_edit.returnPressed.connect(self._enter_in_search)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.duplicates_button.clicked.connect(self.open_duplicates)
        self.model.failed.connect(self._say)
        self.model.page_loaded.connect(self._loaded)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search_edit.setFocus)
        ctx.events.data_changed.connect(while_alive(self, self._data_changed))
        self.pages: list[CustomerPageDialog] = []  # open customer pages (kept alive while shown)
        self._started = False
        self._duplicates: list[tuple[str, str, str]] = []
        self._enter_pending = False
        self._sized = False
        self.retranslate()

    # -- the tab interface ------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Customers")

    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.search_now()
        self.search_edit.setFocus()
        self._load_duplicates()

    def export_table(self) -> CustomerTableModel:
        return self.model

    def export_rows(self) -> ExportRows:
        till, query, sort, desc = self.ctx.till, self.model.query, self.model.sort_key, self.model.descending
        model = self.model
        headers = [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(len(model.COLUMNS) - 1)]

        def every_row() -> tuple[Sequence[str], Iterable[Sequence[Any]]]:
            def rows() -> Iterable[Sequence[Any]]:
                for r in customer_list.every_customer(till, query, sort, descending=desc):
                    yield [
                        r.name,
                        r.phone,
                        model.text(r, "tier"),
                        r.points,
                        r.stamps,
                        r.visits,
                        model.text(r, "last_visit"),
                        r.lifetime_spend,
                    ]

            return headers, rows()

        return every_row

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(
            self.tr("Phone, its last 4–6 digits, card number, or words of the name (no accents needed)")
        )
        self.open_button.setText(self.tr("&Open customer"))
        self._show_duplicates()
        self._show_count(None)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)

    # -- searching ----------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def search_now(self) -> None:
        self._pause.stop()
        self._say("")
        query = self.search_edit.text()
        try:
            customer_list.parse_query(query, self.ctx.till.card_key, self.ctx.till.country())
        except LoyaltyError as exc:
            self._say(error_text(exc))
            return
        self.model.reload(query)
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: customer_list.customer_count(till, query),
            on_done=while_alive(self, self._counted),
            on_error=lambda exc: None,
        )

    def _counted(self, n: int) -> None:
        self._show_count(n)
        self.counted.emit(n)

    def _show_count(self, n: int | None) -> None:
        if n is not None:
            self._count = n
        n = getattr(self, "_count", None)
        self.count_label.setText("" if n is None else self.tr("Members found: {0}").format(self.ctx.fmt.number(n)))

    def _enter_in_search(self) -> None:
        """Enter: search now; a search that finds one member opens it (a scan, a full phone number)."""
        self._enter_pending = True
        self.search_now()

    def _loaded(self, count: int) -> None:
        if count and not self._sized:  # once, on the first rows: the columns fit what they show
            self._sized = True
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(0, max(self.table.columnWidth(0), 200))
        if self._enter_pending:
            self._enter_pending = False
            if count == 1:
                self.open_row(0)
                return
        if count and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _data_changed(self, what: str) -> None:
        if what == "customers" and self._started:
            self.search_now()
            self._load_duplicates()

    # -- duplicates flagged by sync ------------------------------------------------------------------

    def _load_duplicates(self) -> None:
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: customer_page.duplicate_pairs(till),
            on_done=while_alive(self, self._got_duplicates),
            on_error=lambda exc: None,
        )

    def _got_duplicates(self, pairs: list[tuple[str, str, str]]) -> None:
        self._duplicates = pairs
        self._show_duplicates()

    def _show_duplicates(self) -> None:
        n = len(self._duplicates)
        self.duplicates_button.setVisible(n > 0)
        self.duplicates_button.setText(self.tr("Enrolled twice? Pairs flagged by sync: {0}. Review…").format(n))

    def open_duplicates(self) -> None:
        if self._duplicates:
            page = self.open_customer(self._duplicates[0][0])
            page.offer_merge_with(self._duplicates[0][1])

    # -- opening a member ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_customer(self.model.row_id(row))

    def open_customer(self, customer_id: str) -> CustomerPageDialog:
        page = CustomerPageDialog(self.ctx, customer_id, self)
        self.pages = [p for p in self.pages if p.isVisible()] + [page]
        page.show()
        self.opened.emit(page)
        return page
