"""The dashboard tab: the program's figures for a date range and a store filter, with charts.

The figures come from ``app.services.reports.dashboard`` (computed on a background
thread); each card says in its tooltip how its figure is computed. Charts use
pyqtgraph (README, "Why these packages"). ``print_pdf`` lays the same figures and
charts out on one A4 page for the owner.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QDate, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import InvalidInput
from app.core.periods import Period, period_for
from app.services.reports.dashboard import Dashboard, dashboard
from app.services.reports.scope import node_scope
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.format import tier_label

pg.setConfigOptions(antialias=True, background="w", foreground="#2b2118")

PRESETS = ("today", "7d", "30d", "month", "custom")
COFFEE, GOLD, GREEN, GREY, RED = "#6f4e37", "#c9962b", "#2e7d32", "#b3a89e", "#c62828"
CARD_KEYS = (
    # (section, key)
    ("members", "members_total"),
    ("members", "members_new"),
    ("members", "active"),
    ("members", "visits"),
    ("members", "repeat_rate"),
    ("members", "visits_per_active"),
    ("points", "points_issued"),
    ("points", "points_redeemed"),
    ("points", "points_expired"),
    ("points", "redemption_rate"),
    ("points", "outstanding"),
    ("points", "liability"),
    ("return", "member_spend"),
    ("return", "non_member_spend"),
    ("return", "member_bill"),
    ("return", "non_member_bill"),
    ("return", "member_share"),
    ("return", "top20"),
    ("tiers", "tier_moves"),
    ("tiers", "top_rewards"),
    ("tiers", "rating"),
    ("tiers", "open_tickets"),
    ("tiers", "complainants_returned"),
)


def percent(x: float | None, language: str) -> str:
    if x is None:
        return "—"
    text = f"{x * 100:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if language == "vi" else text) + " %"


def decimal(x: float | None, language: str, digits: int = 1) -> str:
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if language == "vi" else text


class FigureCard(QFrame):
    """One figure: a caption, the value in large type, a small line under it; the tooltip explains it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashCard")
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        box.setSpacing(0)
        self.caption = QLabel()
        self.caption.setObjectName("DashCaption")
        self.caption.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName("DashValue")
        self.note = QLabel()
        self.note.setObjectName("DashNote")
        self.note.setWordWrap(True)
        for w in (self.caption, self.value, self.note):
            box.addWidget(w)
        box.addStretch(1)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))


class DashboardTab(BackOfficeTab):
    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self._asked = 0  # the request whose answer we wait for (older answers are dropped)
        self.on_loaded: list[Callable[[Dashboard], None]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.range_label = QLabel()
        self.range_combo = QComboBox()
        for key in PRESETS:
            self.range_combo.addItem("", key)
        self.range_combo.setCurrentIndex(PRESETS.index("30d"))
        self.first_edit = QDateEdit()
        self.last_edit = QDateEdit()
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.dash_label = QLabel("–")
        self.store_label = QLabel()
        self.store_combo = QComboBox()
        self.store_combo.setMinimumWidth(200)
        self.refresh_button = QPushButton()
        self.refresh_button.setAutoDefault(False)
        self.range_label.setBuddy(self.range_combo)
        self.store_label.setBuddy(self.store_combo)
        for w in (self.range_label, self.range_combo, self.first_edit, self.dash_label, self.last_edit):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.store_label)
        bar.addWidget(self.store_combo)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        outer.addLayout(bar)
        self.error_label = QLabel()
        self.error_label.setObjectName("DashError")
        self.error_label.setVisible(False)
        outer.addWidget(self.error_label)

        body = QWidget()
        self.body = body
        grid = QVBoxLayout(body)
        grid.setContentsMargins(0, 0, 6, 0)
        self.section_titles: dict[str, QLabel] = {}
        self.cards: dict[str, FigureCard] = {}
        sections: dict[str, QGridLayout] = {}
        for section, key in CARD_KEYS:
            if section not in sections:
                title = QLabel()
                title.setObjectName("DashSection")
                self.section_titles[section] = title
                grid.addWidget(title)
                sections[section] = QGridLayout()
                sections[section].setSpacing(8)
                grid.addLayout(sections[section])
            layout = sections[section]
            n = layout.count()
            card = FigureCard()
            self.cards[key] = card
            layout.addWidget(card, n // 6, n % 6)
        for layout in sections.values():
            for c in range(6):
                layout.setColumnStretch(c, 1)
        self.tier_card = self.cards["tier_moves"]
        charts = QGridLayout()
        charts.setSpacing(8)
        self.charts: dict[str, pg.PlotWidget] = {}
        for i, key in enumerate(("visits", "points", "spend", "tiers", "rating")):
            plot = pg.PlotWidget()
            plot.setMinimumHeight(220)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.getPlotItem().addLegend(offset=(6, 6))
            plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.charts[key] = plot
            charts.addWidget(plot, i // 2, i % 2)
        self.charts_title = QLabel()
        self.charts_title.setObjectName("DashSection")
        grid.addWidget(self.charts_title)
        grid.addLayout(charts)
        grid.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.range_combo.currentIndexChanged.connect(self._range_changed)
        self.first_edit.dateChanged.connect(self._custom_changed)
        self.last_edit.dateChanged.connect(self._custom_changed)
        self.store_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self._stores_loaded = False
        self._set_custom_dates(period_for("30d", ctx.till.clock(), ctx.till.program().timezone))
        self._range_changed()
        self.retranslate()

    # -- the tab interface ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Dashboard")

    def activated(self) -> None:
        if not self._stores_loaded:
            self._load_stores()
        self.refresh()

    # -- choosing what to show -----------------------------------------------------------------------
    def _load_stores(self) -> None:
        scope = node_scope(self.ctx.till)  # a handful of rows: fine on the GUI thread
        self.store_combo.blockSignals(True)
        self.store_combo.clear()
        self.store_combo.addItem("", None)
        for store_id, name in scope.stores:
            self.store_combo.addItem(name, store_id)
        self.store_combo.blockSignals(False)
        self._stores_loaded = True
        self.retranslate()

    def _set_custom_dates(self, p: Period) -> None:
        for edit, d in ((self.first_edit, p.first_day), (self.last_edit, p.last_day)):
            edit.blockSignals(True)
            edit.setDate(QDate(d.year, d.month, d.day))
            edit.blockSignals(False)

    def _range_changed(self) -> None:
        custom = self.range_combo.currentData() == "custom"
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            try:
                self._set_custom_dates(self.period())
            except InvalidInput:
                pass
        self.refresh()

    def _custom_changed(self) -> None:
        if self.range_combo.currentData() == "custom":
            self.refresh()

    def set_range(self, preset: str, first: date | None = None, last: date | None = None) -> None:
        """Choose a preset (and for "custom" the days), as the user would."""
        if first is not None and last is not None:
            self.first_edit.blockSignals(True)
            self.last_edit.blockSignals(True)
            self.first_edit.setDate(QDate(first.year, first.month, first.day))
            self.last_edit.setDate(QDate(last.year, last.month, last.day))
            self.first_edit.blockSignals(False)
            self.last_edit.blockSignals(False)
        index = PRESETS.index(preset)
        if self.range_combo.currentIndex() == index:
            self._range_changed()
        else:
            self.range_combo.setCurrentIndex(index)

    def period(self) -> Period:
        tz = self.ctx.till.program().timezone
        preset = self.range_combo.currentData() or "30d"
        first = self.first_edit.date().toPython()
        last = self.last_edit.date().toPython()
        return period_for(preset, self.ctx.till.clock(), tz, first=first, last=last)

    def stores(self) -> frozenset[str] | None:
        store = self.store_combo.currentData()
        return frozenset({store}) if store else None

    def refresh(self) -> None:
        try:
            period = self.period()
        except InvalidInput as exc:
            self._show_error(exc.message)
            return
        self._show_error("")
        stores = self.stores()
        till = self.ctx.till
        self._asked += 1
        asked = self._asked
        self.ctx.ops.run(
            lambda: dashboard(till, period, stores),
            on_done=while_alive(self, lambda d: self._loaded(asked, d)),
            on_error=while_alive(self, lambda exc: self._failed(asked, exc)),
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked == self._asked:
            self._show_error(self.tr("The figures could not be computed: {0}").format(exc))

    def _loaded(self, asked: int, d: Dashboard) -> None:
        if asked != self._asked:
            return  # the user changed the range meanwhile: a newer answer is coming
        self.data = d
        self.fill()
        for callback in self.on_loaded:
            callback(d)

    # -- showing -------------------------------------------------------------------------------------
    def fill(self) -> None:
        d = self.data
        if d is None:
            return
        fmt = self.ctx.fmt
        lang = self.ctx.language
        n = fmt.number
        c = self.cards
        c["members_total"].set(n(d.members_total))
        c["members_new"].set(n(d.members_new))
        c["active"].set(n(d.active_30), self.tr("{0} in 90 days").format(n(d.active_90)))
        c["visits"].set(n(d.visits), self.tr("by {0} members").format(n(d.visiting_members)))
        c["repeat_rate"].set(percent(d.repeat_rate, lang))
        c["visits_per_active"].set(decimal(d.visits_per_active, lang))
        c["points_issued"].set(n(d.points_issued))
        c["points_redeemed"].set(n(d.points_redeemed))
        c["points_expired"].set(n(d.points_expired))
        c["redemption_rate"].set(percent(d.redemption_rate, lang))
        c["outstanding"].set(n(d.points_outstanding))
        if d.liability is None:
            c["liability"].set("—", self.tr("the program gives points no money value"))
        else:
            per = fmt.money(int(d.point_value.per_point or 0))
            src = (
                self.tr("{0} a point (pay with points)")
                if d.point_value.source == "pay_with_points"
                else self.tr("{0} a point (best fixed-discount reward)")
            )
            c["liability"].set(fmt.money(d.liability), src.format(per))
        c["member_spend"].set(fmt.money(d.members.spend), self.tr("{0} bills").format(n(d.members.sales)))
        c["non_member_spend"].set(fmt.money(d.non_members.spend), self.tr("{0} bills").format(n(d.non_members.sales)))
        c["member_bill"].set(fmt.money(d.members.average_bill) if d.members.average_bill is not None else "—")
        c["non_member_bill"].set(
            fmt.money(d.non_members.average_bill) if d.non_members.average_bill is not None else "—"
        )
        c["member_share"].set(percent(d.member_share_of_spend, lang))
        c["top20"].set(
            percent(d.top20_share, lang),
            self.tr("{0} of {1} members who spent").format(n(d.top20_members), n(d.spending_members)),
        )
        c["tier_moves"].set(
            self.tr("▲ {0}  ▼ {1}").format(n(d.tier_ups), n(d.tier_downs)),
            ", ".join(f"{tier_label(t.tier)} {n(t.members)}" for t in d.tiers_now),
        )
        if d.top_rewards:
            best = d.top_rewards[0]
            rest = "; ".join(f"{r.name} ×{n(r.count)}" for r in d.top_rewards[1:])
            c["top_rewards"].set(f"{best.name} ×{n(best.count)}", rest)
        else:
            c["top_rewards"].set("—", self.tr("no redemption in this period"))
        if d.rating_average is None:
            c["rating"].set("—", self.tr("no rating in this period"))
        else:
            trend = ""
            if d.rating_previous is not None:
                arrow = (
                    "▲"
                    if d.rating_average > d.rating_previous
                    else "▼"
                    if d.rating_average < d.rating_previous
                    else "="
                )
                trend = self.tr("{0} before: {1}").format(arrow, decimal(d.rating_previous, lang))
            c["rating"].set(
                f"{decimal(d.rating_average, lang)} ★",
                self.tr("{0} ratings").format(n(d.ratings)) + (f" · {trend}" if trend else ""),
            )
        c["open_tickets"].set(n(d.open_tickets))
        c["complainants_returned"].set(percent(d.complainants_returned, lang))
        c["complainants_returned"].setVisible(d.complainants_returned is not None)
        self._draw_charts(d)

    def _draw_charts(self, d: Dashboard) -> None:
        xs = list(range(len(d.days)))
        ticks = self._day_ticks(d)
        w = 0.38

        def reset(key: str, title: str) -> pg.PlotItem:
            plot = self.charts[key].getPlotItem()
            plot.clear()
            if plot.legend is not None:
                plot.legend.clear()
            plot.setTitle(title, size="10pt")
            plot.showGrid(y=True, alpha=0.2)
            return plot

        p = reset("visits", self.tr("Visits and new members per day"))
        p.addItem(
            pg.BarGraphItem(x=xs, height=[x.visits for x in d.days], width=0.7, brush=COFFEE, name=self.tr("visits"))
        )
        p.plot(
            xs,
            [x.new_members for x in d.days],
            pen=pg.mkPen(GOLD, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=GOLD,
            name=self.tr("new members"),
        )
        p.getAxis("bottom").setTicks([ticks])
        p = reset("points", self.tr("Points issued and redeemed per day"))
        p.addItem(
            pg.BarGraphItem(
                x=[x - w / 2 for x in xs],
                height=[x.points_issued for x in d.days],
                width=w,
                brush=GREEN,
                name=self.tr("issued"),
            )
        )
        p.addItem(
            pg.BarGraphItem(
                x=[x + w / 2 for x in xs],
                height=[x.points_redeemed for x in d.days],
                width=w,
                brush=GOLD,
                name=self.tr("redeemed"),
            )
        )
        p.getAxis("bottom").setTicks([ticks])
        p = reset("spend", self.tr("Spend per day: members and non-members (thousands)"))
        p.addItem(
            pg.BarGraphItem(
                x=[x - w / 2 for x in xs],
                height=[self._major(x.member_spend) for x in d.days],
                width=w,
                brush=COFFEE,
                name=self.tr("members"),
            )
        )
        p.addItem(
            pg.BarGraphItem(
                x=[x + w / 2 for x in xs],
                height=[self._major(x.non_member_spend) for x in d.days],
                width=w,
                brush=GREY,
                name=self.tr("non-members"),
            )
        )
        p.getAxis("bottom").setTicks([ticks])
        p = reset("tiers", self.tr("Members per tier now"))
        tx = list(range(len(d.tiers_now)))
        p.addItem(
            pg.BarGraphItem(
                x=tx, height=[t.members for t in d.tiers_now], width=0.6, brushes=[GOLD if i else COFFEE for i in tx]
            )
        )
        p.getAxis("bottom").setTicks([[(i, tier_label(t.tier)) for i, t in zip(tx, d.tiers_now, strict=True)]])
        p = reset("rating", self.tr("Average rating per day"))
        rated = [(i, x.rating) for i, x in enumerate(d.days) if x.rating is not None]
        if rated:
            p.plot(
                [i for i, _ in rated],
                [r for _, r in rated],
                pen=pg.mkPen(GREEN, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=GREEN,
            )
        p.setYRange(0.5, 5.5)
        p.getAxis("bottom").setTicks([ticks])
        for plot in self.charts.values():
            plot.getPlotItem().setXRange(-0.6, max(len(d.days), len(d.tiers_now)) - 0.4, padding=0)
        self.charts["tiers"].getPlotItem().setXRange(-0.6, len(d.tiers_now) - 0.4, padding=0)

    def _major(self, minor: int) -> float:
        """Money on the charts in thousands of the major unit (125.000 ₫ → 125)."""
        digits = self.ctx.fmt.currency.digits if hasattr(self.ctx.fmt.currency, "digits") else 0
        return minor / (10**digits) / 1000

    def _day_ticks(self, d: Dashboard) -> list[tuple[int, str]]:
        step = max(1, len(d.days) // 8)
        return [(i, f"{x.day.day}/{x.day.month}") for i, x in enumerate(d.days) if i % step == 0]

    # -- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.range_label.setText(self.tr("&Range:"))
        names = {
            "today": self.tr("Today"),
            "7d": self.tr("Last 7 days"),
            "30d": self.tr("Last 30 days"),
            "month": self.tr("This month"),
            "custom": self.tr("Custom…"),
        }
        for i, key in enumerate(PRESETS):
            self.range_combo.setItemText(i, names[key])
        self.store_label.setText(self.tr("&Store:"))
        if self.store_combo.count():
            self.store_combo.setItemText(0, self.tr("All stores this till holds"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        titles = {
            "members": self.tr("Members and visits"),
            "points": self.tr("Points"),
            "return": self.tr("The program's return: members and non-members (POS receipts)"),
            "tiers": self.tr("Tiers, rewards, ratings and tickets"),
        }
        for key, label in self.section_titles.items():
            label.setText(titles[key])
        self.charts_title.setText(self.tr("Charts"))
        for key, (caption, tip) in self._captions().items():
            self.cards[key].caption.setText(caption)
            self.cards[key].setToolTip(tip)
        self.fill()

    def _captions(self) -> dict[str, tuple[str, str]]:
        visit = self.tr("A visit is a member's sale that earned, unless it was voided or refunded in full later.")
        return {
            "members_total": (
                self.tr("Members"),
                self.tr(
                    "Members enrolled by the end of the range (merged duplicates not counted). "
                    "With a store chosen: members who enrolled there."
                ),
            ),
            "members_new": (self.tr("New members"), self.tr("Members who enrolled during the range.")),
            "active": (
                self.tr("Active members (30 days)"),
                self.tr("Members with at least one visit in the 30 (and 90) days up to the end of the range. ") + visit,
            ),
            "visits": (self.tr("Visits"), self.tr("Member visits during the range. ") + visit),
            "repeat_rate": (
                self.tr("Repeat rate"),
                self.tr("Share of the range's visits made by members who visited at least twice in the range."),
            ),
            "visits_per_active": (
                self.tr("Visits per active member"),
                self.tr("Visits in the range divided by the members who visited in the range."),
            ),
            "points_issued": (
                self.tr("Points issued"),
                self.tr(
                    "Points earned, bonuses and positive manager corrections in the range, "
                    "less the points taken back by refunds and voids in the range."
                ),
            ),
            "points_redeemed": (
                self.tr("Points redeemed"),
                self.tr("Points spent on rewards in the range, less redemptions that were undone."),
            ),
            "points_expired": (self.tr("Points expired"), self.tr("Points that expired during the range.")),
            "redemption_rate": (self.tr("Redemption rate"), self.tr("Points redeemed ÷ points issued, in the range.")),
            "outstanding": (
                self.tr("Outstanding points"),
                self.tr(
                    "Every member's balance at the end of the range: the points the program still owes. "
                    "With a store chosen: the balances of members who enrolled there."
                ),
            ),
            "liability": (
                self.tr("Liability"),
                self.tr(
                    "Outstanding points × what a point is worth: the pay-with-points value if the program "
                    "has one, otherwise the most money a point buys through a fixed-discount reward."
                ),
            ),
            "member_spend": (
                self.tr("Member spend"),
                self.tr(
                    "POS sales in the range where a member was identified, less their refunds; "
                    "voided sales and tips left out."
                ),
            ),
            "non_member_spend": (
                self.tr("Non-member spend"),
                self.tr(
                    "POS sales in the range with no member (unclaimed, expired or ignored), "
                    "less their refunds; voided sales and tips left out."
                ),
            ),
            "member_bill": (self.tr("Member bill (average)"), self.tr("Member spend ÷ member bills.")),
            "non_member_bill": (
                self.tr("Non-member bill (average)"),
                self.tr("Non-member spend ÷ non-member bills."),
            ),
            "member_share": (
                self.tr("Members' share of spend"),
                self.tr("Member spend ÷ all POS spend in the range."),
            ),
            "top20": (
                self.tr("Top 20 % of members"),
                self.tr(
                    "Share of member revenue (bills on their visits, less refunds) from the fifth of the "
                    "members who spent the most in the range."
                ),
            ),
            "tier_moves": (
                self.tr("Tier moves (up / down)"),
                self.tr(
                    "Tier changes in the range, compared with the member's tier before; "
                    "under it, how many members are in each tier now."
                ),
            ),
            "top_rewards": (
                self.tr("Most redeemed rewards"),
                self.tr("Rewards redeemed most often in the range (undone redemptions left out)."),
            ),
            "rating": (
                self.tr("Average rating"),
                self.tr(
                    "Average of the 1–5 ratings given in the range, and the same for the period "
                    "of the same length before it."
                ),
            ),
            "open_tickets": (self.tr("Open tickets"), self.tr("Tickets not resolved yet, whatever their date.")),
            "complainants_returned": (
                self.tr("Complainants who came back"),
                self.tr("Share of the members who complained in the range who visited again afterwards."),
            ),
        }

    # -- printing ------------------------------------------------------------------------------------
    def print_pdf(self, path: Path) -> None:
        """The dashboard on one A4 landscape page: title, range, every figure, the charts."""
        d = self.data
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        writer.setTitle(self.tr("Loyalty dashboard"))
        painter = QPainter(writer)
        if not painter.isActive():
            raise OSError(self.tr("cannot write {0}").format(path))
        try:
            self._paint_report(painter, writer.width(), writer.height(), d)
        finally:
            painter.end()

    def _paint_report(self, painter: QPainter, width: int, height: int, d: Dashboard | None) -> None:
        family = self.font().family()
        title_font = QFont(family)
        title_font.setPixelSize(34)
        title_font.setBold(True)
        small = QFont(family)
        small.setPixelSize(17)
        value_font = QFont(family)
        value_font.setPixelSize(24)
        value_font.setBold(True)
        painter.setFont(title_font)
        program = self.ctx.till.program()
        painter.drawText(
            QRectF(0, 0, width, 44), Qt.AlignmentFlag.AlignLeft, f"{program.name} — {self.tr('Dashboard')}"
        )
        painter.setFont(small)
        period = d.period if d is not None else self.period()
        fmt = self.ctx.fmt
        store = self.store_combo.currentText() or self.tr("All stores this till holds")
        sub = self.tr("{0} to {1} · {2} · printed {3} by {4}").format(
            period.first_day.strftime("%d/%m/%Y"),
            period.last_day.strftime("%d/%m/%Y"),
            store,
            fmt.datetime(self.ctx.till.clock()),
            self.ctx.staff.name,
        )
        painter.drawText(QRectF(0, 46, width, 26), Qt.AlignmentFlag.AlignLeft, sub)
        if d is None:
            painter.drawText(QRectF(0, 90, width, 30), Qt.AlignmentFlag.AlignLeft, self.tr("No figures yet."))
            return
        cols = 6
        top = 84.0
        cell_w = width / cols
        cell_h = 74.0
        keys = [k for _, k in CARD_KEYS if k != "complainants_returned" or d.complainants_returned is not None]
        for i, key in enumerate(keys):
            card = self.cards[key]
            x = (i % cols) * cell_w
            y = top + (i // cols) * cell_h
            painter.setFont(small)
            painter.setPen(pg.mkColor("#7a6e64"))
            painter.drawText(QRectF(x + 4, y, cell_w - 8, 22), Qt.AlignmentFlag.AlignLeft, card.caption.text())
            painter.setPen(pg.mkColor(COFFEE))
            painter.setFont(value_font)
            painter.drawText(QRectF(x + 4, y + 20, cell_w - 8, 30), Qt.AlignmentFlag.AlignLeft, card.value.text())
            painter.setFont(small)
            painter.setPen(pg.mkColor("#2b2118"))
            painter.drawText(QRectF(x + 4, y + 50, cell_w - 8, 22), Qt.AlignmentFlag.AlignLeft, card.note.text())
        rows = (len(keys) + cols - 1) // cols
        charts_top = top + rows * cell_h + 10
        chart_keys = ("visits", "points", "spend", "tiers", "rating")
        ch = (height - charts_top) / 2 - 6
        cw = width / 3 - 8
        for i, key in enumerate(chart_keys):
            picture = self.charts[key].grab()
            x = (i % 3) * (cw + 12)
            y = charts_top + (i // 3) * (ch + 8)
            scale = min(cw / max(picture.width(), 1), ch / max(picture.height(), 1))
            target = QRectF(x, y, picture.width() * scale, picture.height() * scale)
            painter.drawPixmap(target, picture, QRectF(picture.rect()))
