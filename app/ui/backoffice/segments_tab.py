"""The Segments tab: counts per segment, the members of the chosen one, CSV exports and campaign lists.

The report (``app.services.segments.report``) is computed on a background thread and
shows the counts first; a segment's members are read when it is opened, a page at a time
(``segments.segment_page``; the next page when the list is scrolled to its end). Filters
by age band, gender and area narrow a report of every member's row. Campaign lists hold only members who
gave marketing consent and every export is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import local
from app.core.errors import LoyaltyError
from app.core.segments import AGE_BANDS, Segment
from app.services import segments
from app.services.segments import SegmentFilter, SegmentMember, SegmentReport
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.format import Formatter
from app.ui.views.segment_texts import segment_name, segment_rule

COLUMNS = ("name", "phone", "consent", "segments", "visits", "last_visit", "spend_12m")


class SegmentMembersModel(QAbstractTableModel):
    """The members of one segment (display strings; EditRole gives raw values for exports).

    Paged: ``more`` is asked for the next page when the view reaches the end (Qt's
    ``canFetchMore``/``fetchMore``); the page comes back later through ``add_rows``.
    """

    def __init__(self, fmt: Formatter) -> None:
        super().__init__()
        self.fmt = fmt
        self.rows: list[SegmentMember] = []
        self.more: Callable[[], None] | None = None  # asks for the next page (in the background)
        self.fetching = False

    def set_rows(self, rows: list[SegmentMember], fmt: Formatter, more: Callable[[], None] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.fmt, self.more, self.fetching = list(rows), fmt, more, False
        self.endResetModel()

    def add_rows(self, rows: list[SegmentMember], more: Callable[[], None] | None) -> None:
        """A page arrived: its rows at the end; ``more`` asks for the next one (None: that was the last)."""
        self.fetching, self.more = False, more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self.more is not None and not self.fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent) and self.more is not None:
            self.fetching = True
            self.more()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "consent": self.tr("Marketing consent"),
            "segments": self.tr("Segments"),
            "visits": self.tr("Visits"),
            "last_visit": self.tr("Last visit"),
            "spend_12m": self.tr("Spend, 12 months"),
        }[COLUMNS[section]]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        m = self.rows[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("visits", "spend_12m"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        raw = role == Qt.ItemDataRole.EditRole
        if col == "name":
            return m.name
        if col == "phone":
            return m.phone if raw else self.fmt.phone(m.phone or "")
        if col == "consent":
            return self.tr("yes") if m.marketing_consent else self.tr("no")
        if col == "segments":
            return ", ".join(segment_name(s) for s in Segment if s in m.segments)
        if col == "visits":
            return m.visits if raw else self.fmt.number(m.visits)
        if col == "last_visit":
            if m.last_visit is None:
                return ""
            return local(m.last_visit, self.fmt.timezone).date().isoformat() if raw else self.fmt.date(m.last_visit)
        if col == "spend_12m":
            return m.spend_12m if raw else self.fmt.money(m.spend_12m)
        return None


class SegmentsTab(BackOfficeTab):
    loaded = Signal()  # the report arrived (tests wait for it)
    exported = Signal(str)  # a file was written
    page_loaded = Signal()  # a page of the opened segment's members arrived (tests wait for it)

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: SegmentReport | None = None  # what is shown: the full report, filtered
        self.full: SegmentReport | None = None  # every member; filters narrow it without a new query
        self._asked = 0
        self._listed = 0  # which list the pages coming back belong to
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.age_label = QLabel()
        self.age_combo = QComboBox()
        self.age_combo.addItem("", None)
        for band in AGE_BANDS:
            self.age_combo.addItem("", band)
        self.gender_label = QLabel()
        self.gender_combo = QComboBox()
        for code in (None, "F", "M", "other"):
            self.gender_combo.addItem("", code)
        self.area_label = QLabel()
        self.area_field = QLineEdit()
        self.area_field.setMaximumWidth(180)
        self.area_field.setClearButtonEnabled(True)
        self.lapsed_label = QLabel()
        self.lapsed_spin = QSpinBox()
        self.lapsed_spin.setRange(7, 1000)
        self.lapsed_spin.setValue(90)
        self.lapsed_spin.setKeyboardTracking(False)
        self.age_label.setBuddy(self.age_combo)
        self.gender_label.setBuddy(self.gender_combo)
        self.area_label.setBuddy(self.area_field)
        self.lapsed_label.setBuddy(self.lapsed_spin)
        for w in (
            self.age_label,
            self.age_combo,
            self.gender_label,
            self.gender_combo,
            self.area_label,
            self.area_field,
            self.lapsed_label,
            self.lapsed_spin,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        outer.addLayout(bar)

        split = QSplitter()
        left = QWidget()
        left.setMaximumWidth(340)
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        self.segment_list = QListWidget()
        for s in Segment:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, s.value)
            self.segment_list.addItem(item)
        self.segment_list.setCurrentRow(0)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setObjectName("DashNote")
        lbox.addWidget(self.segment_list, 1)
        lbox.addWidget(self.rule_label)
        self.campaign_title = QLabel()
        self.campaign_title.setObjectName("DashSection")
        self.campaign_title.setWordWrap(True)
        lbox.addWidget(self.campaign_title)
        self.campaign_buttons: dict[str, QPushButton] = {}
        for key in segments.CAMPAIGNS:
            b = QPushButton()
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, key=key: self.ask_campaign(key))
            self.campaign_buttons[key] = b
            lbox.addWidget(b)
        split.addWidget(left)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.list_title = QLabel()
        self.list_title.setObjectName("DashSection")
        self.export_button = QPushButton()
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.ask_export_segment)
        top.addWidget(self.list_title, 1)
        top.addWidget(self.export_button)
        rbox.addLayout(top)
        self.model = SegmentMembersModel(ctx.fmt)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        rbox.addWidget(self.table, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        rbox.addWidget(self.status_label)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 900])
        outer.addWidget(split, 1)

        self.segment_list.currentRowChanged.connect(lambda _: self._show_list())
        self.age_combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.gender_combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.area_field.editingFinished.connect(self.apply_filters)
        self.lapsed_spin.valueChanged.connect(self._lapsed_changed)
        self._lapsed_loaded = False
        self.retranslate()

    # -- the tab interface ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Segments")

    def activated(self) -> None:
        if not self._lapsed_loaded:
            with self.ctx.till.transaction() as s:
                days = segments.rules_for(s).lapsed_days
            self.lapsed_spin.blockSignals(True)
            self.lapsed_spin.setValue(days)
            self.lapsed_spin.blockSignals(False)
            self._lapsed_loaded = True
        self.refresh()

    def export_table(self) -> SegmentMembersModel:
        return self.model

    # -- data ----------------------------------------------------------------------------------------
    def filters(self) -> SegmentFilter:
        return SegmentFilter(
            age_band=self.age_combo.currentData(),
            gender=self.gender_combo.currentData(),
            area=self.area_field.text().strip() or None,
        )

    def current_segment(self) -> Segment:
        item = self.segment_list.currentItem()
        return Segment(item.data(Qt.ItemDataRole.UserRole)) if item else Segment.NEW

    def select_segment(self, segment: Segment) -> None:
        self.segment_list.setCurrentRow(list(Segment).index(segment))

    def refresh(self) -> None:
        """Compute every member's segments again (the tab was shown, or the lapsed setting changed)."""
        till, flt = self.ctx.till, self.filters()
        self._asked += 1
        asked = self._asked
        self.status_label.setText(self.tr("Computing the segments…"))

        def job() -> tuple[SegmentReport, SegmentReport]:
            full = segments.report(till)  # the counts only: member rows are read when needed
            return full, (full if flt == SegmentFilter() else full.filtered(flt))

        self.ctx.ops.run(
            job,
            on_done=while_alive(self, lambda both: self._loaded(asked, *both)),
            on_error=while_alive(self, lambda exc: self._failed(asked, exc)),
        )

    def apply_filters(self) -> None:
        """Narrow the last report to the filters (a new query only if there is no report yet)."""
        if self.full is None:
            self.refresh()
            return
        full, flt = self.full, self.filters()
        self._asked += 1
        asked = self._asked
        self.ctx.ops.run(
            lambda: (full, full if flt == SegmentFilter() else full.filtered(flt)),
            on_done=while_alive(self, lambda both: self._loaded(asked, *both)),
            on_error=while_alive(self, lambda exc: self._failed(asked, exc)),
        )

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked == self._asked:
            self.status_label.setText(self.tr("The segments could not be computed: {0}").format(exc))

    def _loaded(self, asked: int, full: SegmentReport, rep: SegmentReport) -> None:
        if asked != self._asked:
            return
        self.full, self.report = full, rep
        self._fill_counts()
        self._show_list()
        self.status_label.setText(
            self.tr("{0} active members match the filters.").format(self.ctx.fmt.number(rep.total()))
        )
        self.loaded.emit()

    def _lapsed_changed(self, days: int) -> None:
        try:
            segments.set_lapsed_days(self.ctx.till, days, by=self.ctx.staff)
        except LoyaltyError as exc:
            self.status_label.setText(exc.message)
            return
        self.refresh()

    def _fill_counts(self) -> None:
        counts = self.report.counts() if self.report else {}
        days = self.report.rules.lapsed_days if self.report else self.lapsed_spin.value()
        for i, s in enumerate(Segment):
            item = self.segment_list.item(i)
            n = counts.get(s)
            item.setText(f"{segment_name(s)}   ({self.ctx.fmt.number(n)})" if n is not None else segment_name(s))
            item.setToolTip(segment_rule(s, days))

    def _show_list(self) -> None:
        seg = self.current_segment()
        days = self.report.rules.lapsed_days if self.report else self.lapsed_spin.value()
        self.rule_label.setText(segment_rule(seg, days))
        self._listed += 1
        rep = self.report
        if rep is not None and rep.paged:  # the first page, read in the background
            self.model.set_rows([], self.ctx.fmt)
            self.model.fetching = True
            self._ask_page(rep, seg, 0)
            count = rep.count(seg)
        else:
            rows = rep.members_in(seg) if rep else []
            self.model.set_rows(rows, self.ctx.fmt)
            count = len(rows)
        self.list_title.setText(self.tr("{0}: {1} members").format(segment_name(seg), self.ctx.fmt.number(count)))
        self.table.resizeColumnsToContents()

    def _ask_page(self, rep: SegmentReport, seg: Segment, offset: int) -> None:
        till, listed = self.ctx.till, self._listed
        self.ctx.ops.run(
            lambda: segments.segment_page(till, rep, seg, offset),
            on_done=while_alive(self, lambda page: self._page(listed, rep, seg, *page)),
            on_error=while_alive(self, lambda exc: self._failed(self._asked, exc)),
        )

    def _page(
        self, listed: int, rep: SegmentReport, seg: Segment, rows: list[SegmentMember], after: int | None
    ) -> None:
        if listed != self._listed:
            return  # another segment (or report) was opened since
        more = (lambda: self._ask_page(rep, seg, after)) if after is not None else None
        first = not self.model.rows
        self.model.add_rows(rows, more)
        if first:
            self.table.resizeColumnsToContents()
        self.page_loaded.emit()

    # -- exports -------------------------------------------------------------------------------------
    def _ask_path(self, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export list"), str(Path.home() / f"{name}.csv"), self.tr("CSV files (*.csv)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith((".csv", ".xlsx")) else path + ".csv")

    def ask_export_segment(self) -> None:
        path = self._ask_path(self.current_segment().value)
        if path is not None:
            self.export_segment_to(path)

    def ask_campaign(self, campaign: str) -> None:
        path = self._ask_path(f"campaign-{campaign}")
        if path is not None:
            self.export_campaign_to(campaign, path)

    def export_segment_to(self, path: Path) -> None:
        """The chosen segment's members to a CSV, audited (in the background)."""
        if self.report is None:
            return
        till, rep, seg, who = self.ctx.till, self.report, self.current_segment(), self.ctx.staff
        self.ctx.ops.run(
            lambda: segments.export_segment(till, rep, seg, path, by=who),
            on_done=while_alive(self, lambda n: self._exported(path, n)),
            on_error=while_alive(self, self._export_failed),
        )

    def export_campaign_to(self, campaign: str, path: Path) -> None:
        """A campaign list (consenting members only) to a CSV, audited (in the background)."""
        till, rep, who = self.ctx.till, self.report, self.ctx.staff
        self.ctx.ops.run(
            lambda: segments.export_campaign(till, campaign, path, by=who, rep=rep),
            on_done=while_alive(self, lambda n: self._exported(path, n)),
            on_error=while_alive(self, self._export_failed),
        )

    def _exported(self, path: Path, count: int) -> None:
        self.status_label.setText(self.tr("Saved {0} members to {1}").format(count, path))
        self.exported.emit(str(path))

    def _export_failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, LoyaltyError) else str(exc)
        self.status_label.setText(self.tr("Could not export: {0}").format(message))

    # -- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.age_label.setText(self.tr("&Age:"))
        ages = [
            self.tr("any"),
            self.tr("under 25"),
            self.tr("25–34"),
            self.tr("35–44"),
            self.tr("45–54"),
            self.tr("55 and over"),
        ]
        for i, text in enumerate(ages):
            self.age_combo.setItemText(i, text)
        self.gender_label.setText(self.tr("&Gender:"))
        for i, text in enumerate((self.tr("any"), self.tr("female"), self.tr("male"), self.tr("other"))):
            self.gender_combo.setItemText(i, text)
        self.area_label.setText(self.tr("A&rea:"))
        self.area_field.setPlaceholderText(self.tr("any area"))
        self.lapsed_label.setText(self.tr("&Lapsed after (days):"))
        self.campaign_title.setText(self.tr("Campaign lists (members who agreed to marketing)"))
        self.campaign_buttons["birthday"].setText(self.tr("Birthday this month…"))
        self.campaign_buttons["winback"].setText(self.tr("Win-back…"))
        self.campaign_buttons["winback"].setToolTip(self.tr("Members at risk or lapsed"))
        self.campaign_buttons["birthday"].setToolTip(self.tr("Members whose birthday is this month"))
        self.campaign_buttons["vip"].setToolTip(self.tr("The top 20 % by spend over 12 months"))
        self.campaign_buttons["vip"].setText(self.tr("VIP…"))
        self.export_button.setText(self.tr("Export this segment (CSV)…"))
        self._fill_counts()
        if self.report is not None:
            self._show_list()
