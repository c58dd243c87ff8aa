"""The program & rewards tab: every rule of the program as a form, a live preview, drafts, publishing.

The form edits a draft; "Save draft" stores it as a new numbered draft (nothing a
cashier uses changes); "Publish" (an owner, with her PIN) makes it the program of
the chain: through the central server's admin endpoint when the till is paired
(queued when the server cannot be reached), directly on a till that runs alone.
The preview compares what a sample bill earns now and under the draft, and counts
the members who would change tier. A draft the core finds unsafe is refused with
the sentence it gives.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.earning import Bill
from app.core.errors import InvalidInput, LoyaltyError, PermissionDenied
from app.core.money import currency, parse_amount
from app.core.program import CategoryBonus, Program, StampMode, StampRule, Tier, TimeWindow
from app.core.receipt import ReceiptLine
from app.core.rewards import Period, Reward, RewardKind
from app.core.weekdays import ENGLISH, VIETNAMESE, format_days, parse_days
from app.services import program_editor, staff
from app.services.program_editor import Draft, TierChanges
from app.services.staff import StaffMember
from app.ui import theme
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.shop_settings import ShopSettingsBox
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.controllers.checkout import till_home
from app.ui.errors import error_text
from app.ui.views.pin import ManagerPinDialog
from app.ui.views.texts import earned_text
from sync.worker import backoffice as backoffice_sync
from sync.worker.client import SyncClient, SyncError
from sync.worker.pairing import SERVER_URL, read_token, setting
from sync.worker.worker import SyncWorker

_INT_FIELDS = (
    # (attribute, minimum, maximum)
    ("points_per_step", -1000, 1000),
    ("card_size", 1, 100),
    ("starter_stamps", 0, 99),
    ("qualifying_months", 0, 120),
    ("review_month", 1, 12),
    ("review_day", 1, 31),
    ("downgrade_grace_days", -1, 3650),
    ("expiry_months", -1, 600),
    ("welcome_points", -1, 100_000),
    ("birthday_points", -1, 100_000),
    ("referral_referrer_points", -1, 100_000),
    ("referral_new_points", -1, 100_000),
    ("min_minutes_between_earns", -1, 10_000),
    ("daily_earn_cap_points", -1, 1_000_000),
    ("offline_daily_redeem_cap", -1, 1_000_000),
    ("earns_per_day_flag", -1, 1000),
)
# Nearer than the window's style sheet, so the one primary button of the tab stays green.
TAB_STYLE = """
QSpinBox, QComboBox, QDateTimeEdit { min-height: 34px; }
QPushButton[role="primary"] { background: #2e7d32; color: white; border-color: #2e7d32; font-weight: bold; }
QPushButton[role="primary"]:disabled { background: #a5c8a7; border-color: #a5c8a7; color: #eef5ee; }
"""
_MONEY_FIELDS = ("amount_step", "min_spend", "point_value")
_REWARD_COLUMNS = (
    "name",
    "kind",
    "cost_points",
    "full_card",
    "value",
    "cap",
    "sku",
    "min_tier",
    "limit",
    "period",
    "active",
    "starts_on",  # dd/mm/yyyy or empty: offered from / until (seasonal rewards)
    "ends_on",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split(",") if w.strip())


def _fraction(text: str, what: str) -> Fraction:
    try:
        return Fraction(text.strip().replace(",", ".").removeprefix("x").removeprefix("×"))
    except (ValueError, ZeroDivisionError):
        raise InvalidInput("“{0}” is not a multiplier ({1}); write 1.5 or 2.", text=text.strip(), what=what) from None


def _day(text: str, what: str) -> date | None:
    """A day typed as 24/12/2026 (or 2026-12-24); empty for no bound."""
    text = text.strip()
    if not text:
        return None
    try:
        if "/" in text:
            d, m, y = (int(p) for p in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("“{0}”: “{1}” is not a day; write it as 24/12/2026.", what=what, text=text) from None


def _whole(text: str, what: str) -> int:
    try:
        return int(text.strip() or "0")
    except ValueError:
        raise InvalidInput("“{0}” is not a whole number ({1}).", text=text.strip(), what=what) from None


class ProgramTab(BackOfficeTab):
    loaded = Signal()  # the form was filled from the program or a draft
    previewed = Signal()  # the preview was recomputed
    tiers_counted = Signal()
    published = Signal(str)  # "published", "queued" or "here"
    failed = Signal(str)  # the sentence shown

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_program: Program | None = None
        self.draft_number: int | None = None
        self.ints: dict[str, QSpinBox] = {}
        for name, low, high in _INT_FIELDS:
            box = QSpinBox()
            box.setRange(low, high)
            self.ints[name] = box
        self.money: dict[str, QLineEdit] = {name: QLineEdit() for name in _MONEY_FIELDS}
        self.point_name = QLineEdit()
        self.tax_qualifies = QCheckBox()
        self.excluded_categories = QLineEdit()  # POS categories that never earn (gift cards, deposits)
        self.zero_earn_is_visit = QCheckBox()
        self.stamp_mode = QComboBox()
        for mode in StampMode:
            self.stamp_mode.addItem("", mode.value)
        self.stamp_skus, self.stamp_categories = QLineEdit(), QLineEdit()
        self.birthday_window = QComboBox()
        for w in ("week", "month"):
            self.birthday_window.addItem("", w)
        self.tiers = self._table(3)
        self.windows = self._table(5)
        self.bonuses = self._table(2)
        self.rewards = self._table(len(_REWARD_COLUMNS))
        self.labels: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        form = QVBoxLayout()
        self.shop_box = ShopSettingsBox(ctx)  # the shop first: its currency and zone frame every rule below
        self.shop_box.saved.connect(lambda _settings: self.activated())
        form.addWidget(self.shop_box)
        form.addWidget(
            self._group(
                "points",
                [
                    ("point_name", self.point_name),
                    ("points_per_step", self.ints["points_per_step"]),
                    ("amount_step", self.money["amount_step"]),
                    ("tax_qualifies", self.tax_qualifies),
                    ("excluded_categories", self.excluded_categories),
                    ("point_value", self.money["point_value"]),
                ],
            )
        )
        form.addWidget(
            self._group(
                "stamps",
                [
                    ("card_size", self.ints["card_size"]),
                    ("starter_stamps", self.ints["starter_stamps"]),
                    ("stamp_mode", self.stamp_mode),
                    ("min_spend", self.money["min_spend"]),
                    ("skus", self.stamp_skus),
                    ("categories", self.stamp_categories),
                ],
            )
        )
        form.addWidget(self._group("windows", [("", self.windows), ("bonuses", self.bonuses)]))
        form.addWidget(
            self._group(
                "tiers",
                [
                    ("", self.tiers),
                    ("qualifying_months", self.ints["qualifying_months"]),
                    ("review_month", self.ints["review_month"]),
                    ("review_day", self.ints["review_day"]),
                    ("downgrade_grace_days", self.ints["downgrade_grace_days"]),
                ],
            )
        )
        form.addWidget(
            self._group(
                "bonuses_expiry",
                [
                    ("expiry_months", self.ints["expiry_months"]),
                    ("welcome_points", self.ints["welcome_points"]),
                    ("birthday_points", self.ints["birthday_points"]),
                    ("birthday_window", self.birthday_window),
                    ("referral_referrer_points", self.ints["referral_referrer_points"]),
                    ("referral_new_points", self.ints["referral_new_points"]),
                ],
            )
        )
        form.addWidget(
            self._group(
                "limits",
                [
                    ("min_minutes_between_earns", self.ints["min_minutes_between_earns"]),
                    ("daily_earn_cap_points", self.ints["daily_earn_cap_points"]),
                    ("offline_daily_redeem_cap", self.ints["offline_daily_redeem_cap"]),
                    ("earns_per_day_flag", self.ints["earns_per_day_flag"]),
                    ("zero_earn_is_visit", self.zero_earn_is_visit),
                ],
            )
        )
        self.add_reward_button = QPushButton()
        self.remove_reward_button = QPushButton()
        reward_buttons = QHBoxLayout()
        reward_buttons.addWidget(self.add_reward_button)
        reward_buttons.addWidget(self.remove_reward_button)
        reward_buttons.addStretch(1)
        rewards_box = self._group("rewards", [("", self.rewards)])
        rewards_box.layout().addRow(reward_buttons)  # type: ignore[union-attr]
        form.addWidget(rewards_box)
        self.rewards.setMinimumHeight(200)
        row_buttons = QHBoxLayout()
        self.add_row_buttons: dict[str, QPushButton] = {}
        for key in ("tiers", "windows", "bonuses"):
            b = QPushButton()
            b.clicked.connect(lambda _c=False, key=key: self._add_row(key))
            self.add_row_buttons[key] = b
            row_buttons.addWidget(b)
        row_buttons.addStretch(1)
        form.addLayout(row_buttons)
        form.addStretch(1)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        # The preview, the draft's state and the buttons.
        self.bill_amount = QLineEdit()
        self.bill_time = QDateTimeEdit()
        self.bill_time.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.bill_time.setCalendarPopup(True)
        self.bill_tier = QComboBox()
        self.bill_lines = QLineEdit()
        self.preview_now, self.preview_draft = QLabel(), QLabel()
        for label in (self.preview_now, self.preview_draft):
            label.setObjectName("Preview")
            label.setWordWrap(True)
        self.preview_button = QPushButton()
        self.tier_button = QPushButton()
        self.tier_label = QLabel()
        self.tier_label.setWordWrap(True)
        self.tier_label.setMinimumHeight(48)  # two lines, never squeezed by the list below
        self.tier_list = QListWidget()
        self.tier_list.setMinimumHeight(90)
        self.state_label = QLabel()
        self.state_label.setObjectName("Hint")
        self.state_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("Banner")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton()
        self.publish_button = QPushButton()
        self.publish_button.setProperty("role", "primary")
        self.revert_button = QPushButton()
        self.preview_box = QGroupBox()
        pf = QFormLayout(self.preview_box)
        # Every label above its field: at 1024×768 the preview kept its width and cut the program form on the
        # left, and with labels beside them (Vietnamese) the bill's fields were squeezed to a few characters.
        pf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.preview_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.preview_labels, (self.bill_amount, self.bill_time, self.bill_tier, self.bill_lines), strict=True
        ):
            pf.addRow(label, field)
        pf.addRow(self.preview_button)
        pf.addRow(self.preview_now)  # one above the other: both stay whole on a 1024-pixel screen
        pf.addRow(self.preview_draft)
        pf.addRow(self.tier_button)
        pf.addRow(self.tier_label)
        pf.addRow(self.tier_list)
        side = QVBoxLayout()
        side.addWidget(self.preview_box)
        side.addWidget(self.state_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.publish_button)
        side.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addLayout(body)
        self.setStyleSheet(TAB_STYLE)

        self.preview_button.clicked.connect(self.update_preview)
        self.bill_amount.returnPressed.connect(self.update_preview)
        self.tier_button.clicked.connect(self.count_tier_changes)
        self.save_button.clicked.connect(self.save_draft)
        self.publish_button.clicked.connect(self.publish)
        self.revert_button.clicked.connect(self.activated)
        self.add_reward_button.clicked.connect(lambda: self._add_row("rewards"))
        self.remove_reward_button.clicked.connect(self._remove_reward)
        self.retranslate()
        if not ctx.staff.is_manager:  # the window opens only for managers; a tab never trusts that alone
            for button in (self.save_button, self.publish_button):
                button.setEnabled(False)
            self._say(self.tr("Only a manager can change the program, and only the owner can publish it."), "error")

    # -- building ----------------------------------------------------------------------------------
    def _table(self, columns: int) -> QTableWidget:
        t = QTableWidget(0, columns)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setMinimumHeight(110)
        return t

    def _group(self, key: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox()
        layout = QFormLayout(group)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label sits above its field
        for name, widget in rows:
            if name:
                label = QLabel()
                self.labels[name] = label
                layout.addRow(label, widget)
            else:
                layout.addRow(widget)
        self.groups[key] = group
        return group

    def _add_row(self, key: str) -> None:
        table = {"tiers": self.tiers, "windows": self.windows, "bonuses": self.bonuses, "rewards": self.rewards}[key]
        defaults = {
            "tiers": ["", "0", "1"],
            "windows": ["", "2", "0,1,2,3,4,5,6", "00:00", "23:59"],
            "bonuses": ["", "2"],
            "rewards": ["", RewardKind.FREE_ITEM.value, "0", "", "0", "0", "", "", "0", "month", "yes", "", ""],
        }[key]
        self._set_row(table, table.rowCount(), defaults)
        table.setCurrentCell(table.rowCount() - 1, 0)

    def _remove_reward(self) -> None:
        row = self.rewards.currentRow()
        if row >= 0:
            # Rewards are never deleted (history names them): removing one withdraws it.
            self.rewards.item(row, 10).setText("no")

    @staticmethod
    def _set_row(table: QTableWidget, row: int, values: list[str]) -> None:
        if row >= table.rowCount():
            table.setRowCount(row + 1)
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            table.setItem(row, col, item)

    @staticmethod
    def _cell(table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item else ""

    # -- loading -----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Program & rewards").replace("&", "&&")  # a tab label's "&" would mark a shortcut

    def activated(self) -> None:
        till = self.ctx.till

        def load() -> tuple[Program, tuple[Reward, ...], Draft | None]:
            program, rewards = program_editor.current(till)
            return program, rewards, program_editor.latest_draft(till)

        self.ctx.ops.run(load, on_done=while_alive(self, self._loaded), on_error=while_alive(self, self._failed))
        self.shop_box.load()

    def _loaded(self, loaded: tuple[Program, tuple[Reward, ...], Draft | None]) -> None:
        program, rewards, latest = loaded
        self.current_program = program
        if latest is not None and latest.state != "published":
            self.fill(latest.program, latest.rewards)
            self.draft_number = latest.number
        else:
            self.fill(program, rewards)
            self.draft_number = None
        self._show_state(latest)
        if not self.bill_amount.text():
            self.bill_amount.setText(self._amount_text(10 * program.amount_step, currency(program.currency).unit))
            zone = ZoneInfo(program.timezone)
            now = datetime.now(UTC).astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
            self.bill_time.setDateTime(QDateTime(now))
        self.loaded.emit()
        self.update_preview()

    def _show_state(self, latest: Draft | None) -> None:
        p = self.current_program
        text = self.tr("In use: version {0}.").format(p.version) if p else ""
        if latest is not None:
            states = {
                "draft": self.tr("Draft {0}, saved {1}, not published."),
                "queued": self.tr("Draft {0}, approved {1}, waiting for the server: it is published at the next sync."),
                "published": self.tr("Draft {0}, published {1}."),
            }
            when = self.ctx.fmt.datetime(latest.approved_at or latest.saved_at)
            text += " " + states.get(latest.state, "{0}").format(latest.number, when)
            if latest.refusal:
                text += " " + self.tr("The server refused it: {0}").format(latest.refusal)
        self.state_label.setText(text)

    def fill(self, p: Program, rewards: tuple[Reward, ...]) -> None:
        cur = currency(p.currency)
        self.point_name.setText(p.point_name)
        for name, box in self.ints.items():
            box.setValue(getattr(p, name))
        self.money["amount_step"].setText(self._amount_text(p.amount_step, cur.unit))
        self.money["point_value"].setText(self._amount_text(p.point_value, cur.unit))
        self.money["min_spend"].setText(self._amount_text(p.stamp_rule.min_spend, cur.unit))
        self.tax_qualifies.setChecked(p.tax_qualifies)
        self.excluded_categories.setText(", ".join(sorted(p.excluded_categories)))
        self.zero_earn_is_visit.setChecked(p.zero_earn_is_visit)
        self.stamp_mode.setCurrentIndex(self.stamp_mode.findData(p.stamp_rule.mode.value))
        self.stamp_skus.setText(", ".join(sorted(p.stamp_rule.skus)))
        self.stamp_categories.setText(", ".join(sorted(p.stamp_rule.categories)))
        self.birthday_window.setCurrentIndex(self.birthday_window.findData(p.birthday_window))
        self.tiers.setRowCount(0)
        for i, t in enumerate(p.tiers):
            self._set_row(self.tiers, i, [t.name, str(t.threshold), str(t.multiplier)])
        self.windows.setRowCount(0)
        for i, w in enumerate(p.windows):
            end = "24:00" if w.end == time.max else w.end.strftime("%H:%M")
            days = format_days(w.weekdays, VIETNAMESE if self.ctx.language == "vi" else ENGLISH)
            self._set_row(self.windows, i, [w.name, str(w.multiplier), days, w.start.strftime("%H:%M"), end])
        self.bonuses.setRowCount(0)
        for i, b in enumerate(p.category_bonuses):
            self._set_row(self.bonuses, i, [b.category, str(b.multiplier)])
        self.rewards.setRowCount(0)
        for i, r in enumerate(rewards):
            self._set_row(
                self.rewards,
                i,
                [
                    r.name,
                    r.kind.value,
                    str(r.cost_points),
                    "yes" if r.cost_full_card else "",
                    str(r.value) if r.kind is RewardKind.PERCENT_DISCOUNT else self._amount_text(r.value, cur.unit),
                    self._amount_text(r.cap, cur.unit),
                    r.item_sku,
                    r.min_tier or "",
                    str(r.limit_count),
                    r.limit_period.value,
                    "yes" if r.active else "no",
                    r.starts_on.strftime("%d/%m/%Y") if r.starts_on else "",
                    r.ends_on.strftime("%d/%m/%Y") if r.ends_on else "",
                ],
            )
            self.rewards.item(i, 0).setData(256, r.id)  # Qt.UserRole: the reward's id
        self.bill_tier.clear()
        for t in p.tiers:
            self.bill_tier.addItem(t.name, t.name)

    @staticmethod
    def _amount_text(minor: int, unit: int) -> str:
        if unit == 1:
            return str(minor)
        return f"{minor // unit}.{minor % unit:0{len(str(unit)) - 1}d}"

    # -- reading the form --------------------------------------------------------------------------
    def draft_program(self) -> Program:
        """The program the form describes; InvalidInput (a sentence) when it cannot be one."""
        base = self.current_program or Program()
        cur = currency(base.currency)

        def money(name: str) -> int:
            text = self.money[name].text().strip() or "0"
            return parse_amount(text, cur)

        tiers = tuple(
            Tier(
                self._cell(self.tiers, r, 0),
                _whole(self._cell(self.tiers, r, 1), "tier threshold"),
                _fraction(self._cell(self.tiers, r, 2) or "1", "tier"),
            )
            for r in range(self.tiers.rowCount())
            if self._cell(self.tiers, r, 0)
        )
        windows = []
        for r in range(self.windows.rowCount()):
            name = self._cell(self.windows, r, 0)
            if not name:
                continue
            days = parse_days(self._cell(self.windows, r, 2))  # "Mon–Fri", "T2-T6, CN"; a sentence if not
            try:
                start = time.fromisoformat(self._cell(self.windows, r, 3) or "00:00")
                end_text = self._cell(self.windows, r, 4) or "24:00"
                end = time.max if end_text == "24:00" else time.fromisoformat(end_text)
            except ValueError:
                raise InvalidInput("“{0}”: times are HH:MM.", name=name) from None
            windows.append(TimeWindow(name, _fraction(self._cell(self.windows, r, 1), name), days, start, end))
        bonuses = tuple(
            CategoryBonus(self._cell(self.bonuses, r, 0), _fraction(self._cell(self.bonuses, r, 1), "category"))
            for r in range(self.bonuses.rowCount())
            if self._cell(self.bonuses, r, 0)
        )
        values: dict[str, Any] = {name: box.value() for name, box in self.ints.items()}
        return replace(
            base,
            **values,
            point_name=self.point_name.text().strip() or base.point_name,
            amount_step=money("amount_step"),
            point_value=money("point_value"),
            tax_qualifies=self.tax_qualifies.isChecked(),
            excluded_categories=_words(self.excluded_categories.text()),
            zero_earn_is_visit=self.zero_earn_is_visit.isChecked(),
            stamp_rule=StampRule(
                StampMode(self.stamp_mode.currentData()),
                money("min_spend"),
                _words(self.stamp_skus.text()),
                _words(self.stamp_categories.text()),
            ),
            birthday_window=self.birthday_window.currentData(),
            tiers=tiers,
            windows=tuple(windows),
            category_bonuses=bonuses,
        )

    def draft_rewards(self) -> list[Reward]:
        cur = currency((self.current_program or Program()).currency)
        out = []
        for r in range(self.rewards.rowCount()):
            name = self._cell(self.rewards, r, 0)
            if not name:
                continue
            item = self.rewards.item(r, 0)
            try:
                kind = RewardKind(self._cell(self.rewards, r, 1))
                period = Period(self._cell(self.rewards, r, 9) or "month")
            except ValueError:
                raise InvalidInput(
                    "“{0}”: the kind is one of {1}; the period one of {2}.",
                    name=name,
                    kinds=", ".join(k.value for k in RewardKind),
                    periods=", ".join(p.value for p in Period),
                ) from None
            value_text = self._cell(self.rewards, r, 4) or "0"
            out.append(
                Reward(
                    id=str(item.data(256) or "") if item else "",
                    name=name,
                    kind=kind,
                    cost_points=_whole(self._cell(self.rewards, r, 2), name),
                    cost_full_card=self._cell(self.rewards, r, 3).lower() in ("yes", "có", "x", "1"),
                    value=_whole(value_text, name)
                    if kind is RewardKind.PERCENT_DISCOUNT
                    else parse_amount(value_text, cur),
                    cap=parse_amount(self._cell(self.rewards, r, 5) or "0", cur),
                    item_sku=self._cell(self.rewards, r, 6),
                    min_tier=self._cell(self.rewards, r, 7) or None,
                    limit_count=_whole(self._cell(self.rewards, r, 8), name),
                    limit_period=period,
                    active=self._cell(self.rewards, r, 10).lower() not in ("no", "không", "0", ""),
                    starts_on=_day(self._cell(self.rewards, r, 11), name),
                    ends_on=_day(self._cell(self.rewards, r, 12), name),
                )
            )
        return out

    def _sample_bill(self) -> tuple[Bill, datetime]:
        program = self.current_program or Program()
        cur = currency(program.currency)
        lines = []
        for part in self.bill_lines.text().split(";"):
            if not part.strip():
                continue
            bits = [b.strip() for b in part.split(",")]
            if len(bits) != 4:
                raise InvalidInput("A sample line is “sku, category, quantity, price”; lines are separated by “;”.")
            lines.append(ReceiptLine(bits[0], _whole(bits[2], bits[0]), parse_amount(bits[3], cur), bits[0], bits[1]))
        paid = parse_amount(self.bill_amount.text() or "0", cur)
        local = self.bill_time.dateTime().toPython().replace(tzinfo=ZoneInfo(program.timezone))
        return Bill(paid=paid, lines=tuple(lines)), local.astimezone(UTC)

    # -- preview -----------------------------------------------------------------------------------
    def update_preview(self) -> None:
        if self.current_program is None:
            return
        try:
            draft = self.draft_program()
            bill, at = self._sample_bill()
            result = program_editor.preview_bill(
                self.current_program, draft, bill, at=at, tier=self.bill_tier.currentData()
            )
        except LoyaltyError as err:
            self.preview_draft.setText(error_text(err))
            self.previewed.emit()
            return
        fmt = self.ctx.fmt
        self.preview_now.setText(
            self.tr("Now: {0}").format(earned_text(result.now.points, result.now.stamps, self.current_program, fmt))
        )
        self.preview_draft.setText(
            self.tr("Draft: {0}").format(earned_text(result.draft.points, result.draft.stamps, draft, fmt))
        )
        self.previewed.emit()

    def count_tier_changes(self) -> None:
        try:
            draft = self.draft_program()
        except LoyaltyError as err:
            self._say(error_text(err), "error")
            return
        till = self.ctx.till
        self.tier_label.setText(self.tr("Counting…"))
        self.ctx.ops.run(
            lambda: program_editor.tier_changes(till, draft),
            on_done=while_alive(self, self._tiers_counted),
            on_error=while_alive(self, self._failed),
        )

    def _tiers_counted(self, changes: TierChanges) -> None:
        self.tier_label.setText(
            self.tr("{0} of {1} members would move up, {2} down (at the yearly review).").format(
                len(changes.up), changes.members, len(changes.down)
            )
        )
        self.tier_list.clear()
        for move in changes.up:
            self.tier_list.addItem(f"↑ {move.name}: {move.before} → {move.after}")
        for move in changes.down:
            self.tier_list.addItem(f"↓ {move.name}: {move.before} → {move.after}")
        self.tiers_counted.emit()

    # -- saving and publishing ---------------------------------------------------------------------
    def _say(self, text: str, kind: str = "ok") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        theme.repolish(self.message)
        self.message.setVisible(bool(text))

    def _failed(self, exc: Exception) -> None:
        text = error_text(exc) if isinstance(exc, LoyaltyError) else getattr(exc, "message", str(exc))
        self._say(text, "error")
        self.failed.emit(text)

    def _read_draft(self) -> tuple[Program, list[Reward]] | None:
        try:
            program, rewards = self.draft_program(), self.draft_rewards()
            program_editor.check(program, rewards)
        except LoyaltyError as err:
            self._failed(err)
            return None
        return program, rewards

    def save_draft(self) -> None:
        read = self._read_draft()
        if read is None:
            return
        if not self.ctx.staff.is_manager:
            self._failed(PermissionDenied("Only a manager can change the program."))
            return
        till, who = self.ctx.till, self.ctx.staff

        def saved(d: Draft) -> None:
            self.draft_number = d.number
            self._show_state(d)
            self._say(self.tr("Draft {0} saved. Nothing changes at the tills until it is published.").format(d.number))
            self.ctx.events.data_changed.emit("program")

        self.ctx.ops.run(
            lambda: program_editor.save_draft(till, read[0], read[1], by=who),
            on_done=while_alive(self, saved),
            on_error=while_alive(self, self._failed),
        )

    def ask_owner_pin(self) -> tuple[StaffMember, str] | None:
        """The owner approves with her PIN (kept only for this request: the server checks it too)."""
        dialog = ManagerPinDialog(self.tr("Publish the program to every till: the owner's PIN"), self)
        typed: list[str] = []
        dialog.pin_entered.connect(typed.append)
        dialog.exec()
        dialog.deleteLater()
        if not typed:
            return None
        try:
            who = staff.require_manager(self.ctx.till, typed[0])
        except PermissionDenied as err:
            self._failed(err)
            return None
        if who.role != "owner":
            self._failed(PermissionDenied("Only an owner can publish the program."))
            return None
        return who, typed[0]

    def publish(self) -> None:
        read = self._read_draft()
        if read is None:
            return
        approval = self.ask_owner_pin()
        if approval is None:
            return
        owner, pin = approval
        till = self.ctx.till
        keep = self.draft_number
        program, rewards = read

        def work() -> str:
            latest = program_editor.draft(till, keep) if keep else None
            if latest is None or latest.program != program or latest.rewards != tuple(rewards):
                latest = program_editor.save_draft(till, program, rewards, by=owner)
            home = till_home(till)
            token, url = read_token(home), setting(till, SERVER_URL)
            if not (token and url):
                program_editor.publish_here(till, latest.number, by=owner)
                return "here"
            try:
                with SyncClient(url, token, timeout=15) as client:
                    backoffice_sync.push_staff(till, client)  # the server checks the owner it knows: send news first
                    answer = backoffice_sync.publish_online(till, client, latest.number, staff_id=owner.id, pin=pin)
            except SyncError as exc:
                if not exc.retryable:
                    raise
                program_editor.queue_publication(till, latest.number, by=owner)
                return "queued"
            program_editor.record_publication(till, latest.number, answer.version, by=owner)
            worker = SyncWorker(till, url, token, timeout=15)
            try:
                worker.pull_all()  # this till takes the new version at once; the others at their next pull
            except SyncError:
                pass
            finally:
                worker.stop()
            till.reload_program()
            return "published"

        def done(outcome: str) -> None:
            self._say(
                {
                    "published": self.tr("Published: every till takes the new program at its next sync."),
                    "queued": self.tr("The server cannot be reached: the publication waits and goes at the next sync."),
                    "here": self.tr("Published on this till (it is not paired with a server)."),
                }[outcome]
            )
            self.ctx.events.data_changed.emit("program")
            self.published.emit(outcome)
            self.activated()

        self.ctx.ops.run(work, on_done=while_alive(self, done), on_error=while_alive(self, self._failed))

    # -- texts -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = {
            "points": self.tr("Points"),
            "stamps": self.tr("Stamp card"),
            "windows": self.tr("Happy hours and multipliers (days: Mon–Fri, Sat, Sun)"),
            "tiers": self.tr("Tiers (lowest first; the first starts at 0)"),
            "bonuses_expiry": self.tr("Expiry and bonuses"),
            "limits": self.tr("Abuse limits (0 = off)"),
            "rewards": self.tr("Rewards"),
        }
        for key, text in titles.items():
            self.groups[key].setTitle(text)
        labels = {
            "point_name": self.tr("Name of the points"),
            "points_per_step": self.tr("Points per step"),
            "amount_step": self.tr("Step of the bill"),
            "tax_qualifies": self.tr("Tax counts toward points"),
            "excluded_categories": self.tr("Categories that never earn (comma-separated)"),
            "point_value": self.tr("Value of a point spent as money (0 = off)"),
            "card_size": self.tr("Slots on the card"),
            "starter_stamps": self.tr("Stamps given at enrolment"),
            "stamp_mode": self.tr("A stamp for"),
            "min_spend": self.tr("Smallest bill for a stamp"),
            "skus": self.tr("Items that stamp (SKUs, comma-separated)"),
            "categories": self.tr("Categories that stamp"),
            "bonuses": self.tr("Category bonuses"),
            "qualifying_months": self.tr("Months counted for tiers"),
            "review_month": self.tr("Yearly review: month"),
            "review_day": self.tr("Yearly review: day"),
            "downgrade_grace_days": self.tr("No downgrade within this many days of a visit"),
            "expiry_months": self.tr("Points expire after months without a visit (0 = never)"),
            "welcome_points": self.tr("Welcome points"),
            "birthday_points": self.tr("Birthday points"),
            "birthday_window": self.tr("Birthday bonus during the birthday"),
            "referral_referrer_points": self.tr("Referral: points for the member who refers"),
            "referral_new_points": self.tr("Referral: points for the new member"),
            "min_minutes_between_earns": self.tr("Minutes between two earns of a member"),
            "daily_earn_cap_points": self.tr("Most points a member earns per day"),
            "offline_daily_redeem_cap": self.tr("Offline: most points a member spends per day"),
            "earns_per_day_flag": self.tr("Flag for the manager a member earning more times a day than"),
            "zero_earn_is_visit": self.tr("A sale that earns nothing counts as a visit"),
        }
        for key, text in labels.items():
            self.labels[key].setText(text)
        self.tax_qualifies.setText(self.tr("yes"))
        self.zero_earn_is_visit.setText(self.tr("yes"))
        for i, text in enumerate(
            (
                self.tr("each visit over the smallest bill"),
                self.tr("each qualifying item"),
                self.tr("nothing (no stamp card)"),
            )
        ):
            self.stamp_mode.setItemText(i, text)
        self.birthday_window.setItemText(0, self.tr("week"))
        self.birthday_window.setItemText(1, self.tr("month"))
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Threshold"), self.tr("Multiplier")])
        self.windows.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Multiplier"), self.tr("Days"), self.tr("From"), self.tr("To")]
        )
        self.bonuses.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Multiplier")])
        self.rewards.setHorizontalHeaderLabels(
            [
                self.tr("Reward"),
                self.tr("Kind"),
                self.tr("Cost (points)"),
                self.tr("Full card"),
                self.tr("Value / %"),
                self.tr("Cap"),
                self.tr("Item"),
                self.tr("Tier"),
                self.tr("Limit"),
                self.tr("Per"),
                self.tr("Active"),
                self.tr("From (day)"),
                self.tr("Until (day)"),
            ]
        )
        kinds = self.tr(
            "Kinds: free_item, fixed_discount, percent_discount, voucher, points_payment. Per: day, week, month, year."
        )
        self.rewards.setToolTip(kinds)
        self.add_row_buttons["tiers"].setText(self.tr("Add a tier"))
        self.add_row_buttons["windows"].setText(self.tr("Add a happy hour"))
        self.add_row_buttons["bonuses"].setText(self.tr("Add a category bonus"))
        self.add_reward_button.setText(self.tr("Add a reward"))
        self.remove_reward_button.setText(self.tr("Withdraw the reward"))
        self.preview_box.setTitle(self.tr("Preview: a sample bill"))
        for label, text in zip(
            self.preview_labels,
            (
                self.tr("Amount"),
                self.tr("Time"),
                self.tr("Member's tier"),
                self.tr("Lines (sku, category, qty, price; …)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.preview_button.setText(self.tr("Preview"))
        self.tier_button.setText(self.tr("Who would change tier?"))
        self.save_button.setText(self.tr("Save draft"))
        self.publish_button.setText(self.tr("Publish…"))
        self.revert_button.setText(self.tr("Reload"))
