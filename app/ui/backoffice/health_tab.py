"""The flags & health tab: what the manager should look at, each with what to do about it.

Everything comes from ``app.services.health`` off the GUI thread and from the
till's own database, so the tab works offline: other tills are shown as the
server last reported them (the sync worker fetches that in the background), with
the time it was true.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import LoyaltyError, Notice
from app.services import health
from app.services.health import FlagView, Health, TillState
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.errors import FLAG_KINDS, error_text, flag_text, translate_message
from app.ui.format import Formatter

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of text with a colour per row; the titles come from the tab (translated)."""

    def __init__(self, columns: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles: list[str] = [""] * columns  # the header knows its sections from the start
        self.rows: list[list[str]] = []
        self.colours: list[str | None] = []

    def set_rows(self, rows: list[list[str]], colours: list[str | None]) -> None:
        self.beginResetModel()
        self.rows, self.colours = rows, colours
        self.endResetModel()

    def set_titles(self, titles: Sequence[str]) -> None:
        self.titles = list(titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.titles) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section] if section < len(self.titles) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self.colours[index.row()]:
            return QBrush(QColor(self.colours[index.row()]))
        return None


class _WrappingTable(QTableView):
    """A table whose rows grow to their wrapped sentences once the columns have their widths."""

    def resize_rows_soon(self, *_: object) -> None:
        # A bound method with the table as the timer's context: nothing fires after the table is gone
        # (a lambda holding the table would, and raise "already deleted" in whatever runs next).
        QTimer.singleShot(0, self, self.resizeRowsToContents)


def _table(model: RowsModel, stretch: tuple[int, ...]) -> QTableView:
    table = _WrappingTable()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:  # the long sentences share what is left, wrapped
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    # Rows grow to their wrapped sentences once the columns have their widths (after the layout).
    model.modelReset.connect(table.resize_rows_soon)
    header.sectionResized.connect(table.resize_rows_soon)
    return table


class HealthTab(BackOfficeTab):
    loaded = Signal()

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.health: Health | None = None
        self.flags_title = QLabel()
        self.flags_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.flags_model = RowsModel(5, self)
        self.flags_table = _table(self.flags_model, (3, 4))
        self.flags_empty = QLabel()
        self.flags_empty.setStyleSheet("color: #2e7d32;")
        self.resolve_button = QPushButton()
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.resolve_button.setVisible(ctx.staff.is_manager)
        self.tills_title = QLabel()
        self.tills_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.as_of_label = QLabel()
        self.as_of_label.setWordWrap(True)
        self.as_of_label.setStyleSheet("color: #7a6e64;")
        self.tills_model = RowsModel(6, self)
        self.tills_table = _table(self.tills_model, (3, 4))
        self.message_label = QLabel()

        box = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.flags_title)
        head.addStretch(1)
        head.addWidget(self.resolve_button)
        box.addLayout(head)
        box.addWidget(self.flags_empty)
        box.addWidget(self.flags_table, 1)
        box.addWidget(self.tills_title)
        box.addWidget(self.as_of_label)
        box.addWidget(self.tills_table, 1)
        box.addWidget(self.message_label)
        ctx.events.data_changed.connect(self._data_changed)  # a bound slot: disconnected when the tab goes
        self.retranslate()

    def title(self) -> str:
        return self.tr("Flags and health")

    def export_table(self) -> RowsModel:
        return self.flags_model

    def retranslate(self) -> None:
        self.flags_title.setText(self.tr("Flags for the manager"))
        self.tills_title.setText(self.tr("Tills: sync and POS bridge"))
        self.resolve_button.setText(self.tr("Mark as dealt with"))
        self.flags_empty.setText(self.tr("No open flags: nothing needs a manager."))
        self.flags_model.set_titles(
            [self.tr("When"), self.tr("What"), self.tr("Customer"), self.tr("What to do"), self.tr("Details")]
        )
        self.tills_model.set_titles(
            [
                self.tr("Till"),
                self.tr("Last sync"),
                self.tr("Waiting"),
                self.tr("What to do"),
                self.tr("POS: last file"),
                self.tr("Quarantined"),
            ]
        )
        if self.health is not None:
            self._show(self.health)

    def _data_changed(self, what: str) -> None:
        if what in ("flags", "sync") and self.isVisible():
            self.activated()

    def activated(self) -> None:
        till = self.ctx.till
        self.ctx.ops.run(
            lambda: health.health(till),
            on_done=while_alive(self, self._loaded),
            on_error=while_alive(self, lambda e: self._say(str(e))),
        )

    def _loaded(self, result: Health) -> None:
        self.health = result
        self._show(result)
        self.loaded.emit()

    # -- what each line says -----------------------------------------------------------------------------
    def flag_kind(self, kind: str) -> str:
        return {
            "negative_balance": self.tr("Points spent twice"),
            "duplicate_member": self.tr("Duplicate member"),
            "duplicate_receipt": self.tr("Receipt earned at two tills"),
            "voucher_reused": self.tr("Voucher used twice"),
            "sequence_gap": self.tr("Tamper: entries missing"),
            "chain_broken": self.tr("Tamper: ledger altered"),
            "conflicting_entry": self.tr("Tamper: ledger restored or altered"),
            "forbidden_write": self.tr("Tamper: a till wrote as another"),
            "daily_cap": self.tr("Daily earn cap reached"),
            "self_earn": self.tr("Staff earned on own card"),
            "earns_per_day": self.tr("Many earns in one day"),
            "pin_failures": self.tr("Wrong PINs"),
            "unusual_adjustment": self.tr("Unusual adjustment"),
            "held_entries": self.tr("Till quarantined"),
            "profile_proposal": self.tr("Profile change not applied"),
            "entry_out_of_bounds": self.tr("Entry beyond the limits"),
            "balance_out_of_bounds": self.tr("Entry beyond the limits"),
            "out_of_bounds": self.tr("Entry beyond the limits"),
            "reverses_uncounted": self.tr("Reversal of a held entry"),
            "cannot_store": self.tr("Batch not stored"),
        }.get(kind, kind)

    def flag_advice(self, kind: str) -> str:
        tamper = self.tr(
            "Do not wipe or restore that till. Note its name and call support: its ledger must be checked."
        )
        bounds = self.tr(
            "An amount no real sale reaches (a typo or a tampered till). Call support before that till syncs again."
        )
        return {
            "negative_balance": self.tr(
                "Two offline tills spent the same points. Talk to the member; a manager adjustment can settle it."
            ),
            "duplicate_member": self.tr("One person has two cards. Merge them in the Customers tab."),
            "duplicate_receipt": self.tr("One receipt earned twice. Reverse the extra earn from the customer page."),
            "voucher_reused": self.tr(
                "A voucher was taken at two tills while offline. Both sales stand: write the second discount off "
                "or ask the customer."
            ),
            "sequence_gap": tamper,
            "chain_broken": tamper,
            "conflicting_entry": tamper,
            "forbidden_write": tamper,
            "daily_cap": self.tr("Check this member's visits today; the extra was not credited."),
            "self_earn": self.tr("Ask the cashier about these earns; reverse them if they were not real sales."),
            "earns_per_day": self.tr(
                "Check this member's sales today with the cashiers; reverse the ones that were not real sales."
            ),
            "pin_failures": self.tr(
                "Ask who was at this till. If nobody forgot a PIN, reset the PINs of its staff in the Staff tab."
            ),
            "unusual_adjustment": self.tr(
                "Ask the manager who made it why; reverse it from the customer page if it was not meant."
            ),
            "held_entries": self.tr(
                "That till's sales wait on the server. Call support to release or reject them once it is checked."
            ),
            "profile_proposal": self.tr(
                "The member belongs to another store: ask that store to make the change if it is right."
            ),
            "entry_out_of_bounds": bounds,
            "balance_out_of_bounds": bounds,
            "out_of_bounds": bounds,
            "reverses_uncounted": self.tr(
                "It is released or rejected with the entry it reverses: deal with that one."
            ),
            "cannot_store": self.tr(
                "That till's sales wait on it, safely. Call support: the server's database refused them."
            ),
        }.get(kind, self.tr("Look at it, act, then mark it as dealt with."))

    def till_advice(self, problem: str, t: TillState) -> str:
        return {
            "never_reported": self.tr("Never reported: check that the till is paired and can reach the server."),
            "never_synced": self.tr("Never synced: pair it with the server (setup) and check its network."),
            "sync_stale": self.tr("No sync for over a day: check its network; its sales wait safely on the till."),
            "sync_error": self.tr("Sync error: {0}").format(t.last_error),
            "pos_quarantine": self.tr(
                "{0} POS file(s) quarantined: read the .reason.txt beside each in the quarantine folder, "
                "fix it, copy it back."
            ).format(t.pos_quarantined),
            "pos_silent": self.tr("No POS file for over a day: is the POS still exporting to the folder?"),
        }.get(problem, problem)

    def _show(self, h: Health) -> None:
        fmt: Formatter = self.ctx.fmt
        flag_rows = [
            [fmt.datetime(f.created_at), self.flag_kind(f.kind), f.customer, self.flag_advice(f.kind), flag_sentence(f)]
            for f in h.flags
        ]
        self.flags_model.set_rows(flag_rows, ["#c62828" if _urgent(f) else None for f in h.flags])
        self.flags_empty.setVisible(not h.flags)
        self.flags_table.setVisible(bool(h.flags))
        self.resolve_button.setEnabled(bool(h.flags))
        till_rows = []
        for t in h.tills:
            name = self.tr("{0} (this till)").format(t.name) if t.is_self else t.name
            pos = self.tr("not watching") if not t.pos_watching and not t.pos_last_file else _file_name(t.pos_last_file)
            if t.pos_last_file_at is not None:
                pos = f"{pos}\n{fmt.datetime(t.pos_last_file_at)}"
            advice = "; ".join(self.till_advice(p, t) for p in t.problems) or self.tr("All well.")
            till_rows.append(
                [
                    f"{name}\n{t.store}",
                    fmt.datetime(t.last_sync_at) if t.last_sync_at else self.tr("never"),
                    fmt.number(t.pending) if t.pending is not None else "?",
                    advice,
                    pos,
                    fmt.number(t.pos_quarantined),
                ]
            )
        self.tills_model.set_rows(till_rows, ["#c62828" if t.problems else None for t in h.tills])
        if h.chain_as_of is None:
            self.as_of_label.setText(
                self.tr("Other tills: not heard from the server yet (offline, or not paired). This till is shown now.")
            )
        else:
            self.as_of_label.setText(
                self.tr("This till now; the other tills as the server reported them at {0}.").format(
                    fmt.datetime(h.chain_as_of)
                )
            )

    def selected_flag(self) -> FlagView | None:
        row = self.flags_table.currentIndex().row()
        if self.health is None or not 0 <= row < len(self.health.flags):
            return None
        return self.health.flags[row]

    def resolve_selected(self) -> None:
        flag = self.selected_flag()
        if flag is None:
            self._say(self.tr("Choose a flag in the list first."))
            return
        try:
            health.resolve_flag(self.ctx.till, flag.id, by=self.ctx.staff)
        except LoyaltyError as err:
            self._say(error_text(err))
            return
        self._say("")
        self.activated()

    def _say(self, text: str) -> None:
        self.message_label.setText(text)


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _urgent(f: FlagView) -> bool:
    return f.kind in ("sequence_gap", "chain_broken", "conflicting_entry", "forbidden_write", "negative_balance")


def flag_sentence(flag: FlagView) -> str:
    """The flag's sentence in the manager's language: from its template when the service re-derived one
    (this till's own flags), else what the kind says, else the stored sentence (readable English)."""
    if isinstance(flag.message, Notice):
        return translate_message(flag.message)
    translated = translate_message(flag.message)
    if translated == flag.message and flag.kind in FLAG_KINDS:
        return flag_text(flag.kind, flag.message)
    return translated
