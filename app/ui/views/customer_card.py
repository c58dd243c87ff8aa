"""The customer's card on the cashier screen: who, tier, points, the stamp card, what they can have.

Layout only: ``show_customer`` takes the service's ``CustomerView`` and formats
it; nothing here computes points or decides what is affordable.

On a narrow till (1024×768) the card is about 400 px wide: the name, the
details and the segment keep one line each (cut with "…", tooltip whole), the
rewards at hand read as one wrapped line, so the stamp card keeps the height it
needs and its caption never runs into the rewards below it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.cardcode import format_card_number
from app.core.program import Program
from app.core.rewards import RewardKind
from app.core.segments import Segment
from app.services.customers import CustomerView
from app.ui import theme
from app.ui.errors import flag_text
from app.ui.format import Formatter, point_unit, stamp_unit, tier_label
from app.ui.views.elided import ElidedLabel
from app.ui.views.segment_texts import suggestion
from app.ui.views.stamp_card import StampCardWidget, shown_on_card
from app.ui.views.texts import missing_text, next_goal, reward_cost


def _label(object_name: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _line(object_name: str = "", **kwargs: object) -> ElidedLabel:
    label = ElidedLabel(**kwargs)  # type: ignore[arg-type]
    if object_name:
        label.setObjectName(object_name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class _Figure(QWidget):
    """A big number with a caption under it (points, stamps, visits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        self.value = _label("Figure")
        self.caption = _label("FigureCaption")
        box.addWidget(self.value)
        box.addWidget(self.caption)


class CustomerCardView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.customer: CustomerView | None = None
        self.identified = False
        self._program: Program | None = None
        self._fmt: Formatter | None = None
        self._scale = 1.0
        self._inline_rewards = False

        box = QVBoxLayout(self)
        box.setContentsMargins(20, 16, 20, 16)
        box.setSpacing(8)
        head = QHBoxLayout()
        # Vietnamese names end with the given name the cashier greets: cut in the middle, after
        # stepping the type down, so "Nguyễn…Ánh" keeps both ends.
        self.name_label = _line("CustomerName", mode=Qt.TextElideMode.ElideMiddle, min_px=22)
        self.tier_label = _label("TierBadge")
        self.birthday_label = _label("Birthday")
        head.addWidget(self.name_label, 1)
        head.addWidget(self.tier_label, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(head)
        # Its own line under the name: beside it, on a 400-pixel card, it left the name "T…é".
        box.addWidget(self.birthday_label, 0, Qt.AlignmentFlag.AlignLeft)
        self.details_label = _line("Muted")
        box.addWidget(self.details_label)
        self.segment_label = _line("Segment")  # the member's segment, one suggested action
        self.segment_label.setStyleSheet("color: #4e3526; font-weight: bold;")
        self.segment_label.setVisible(False)
        self.segment: Segment | None = None
        self._segment_of: str | None = None  # whose segment it is
        box.addWidget(self.segment_label)
        self.identity_label = _label(wrap=True)
        box.addWidget(self.identity_label)
        self.warning_label = _label("Warning", wrap=True)
        box.addWidget(self.warning_label)

        figures = QHBoxLayout()
        figures.setSpacing(44)
        self._figures = figures
        self.points = _Figure()
        self.stamps = _Figure()
        self.visits = _Figure()
        for f in (self.points, self.stamps, self.visits):
            figures.addWidget(f)
        figures.addStretch(1)
        box.addLayout(figures)
        self.stamp_card = StampCardWidget()
        box.addWidget(self.stamp_card, 100)  # the spare height, up to its maximum; then the stretch below
        self.available_label = _label(wrap=True)
        self.next_label = _label(wrap=True)
        self.stamp_card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stamp_card.setMinimumHeight(110)
        self.stamp_card.setMaximumHeight(280)
        box.addWidget(self.available_label)
        box.addWidget(self.next_label)
        box.addStretch(1)  # a tall screen's leftover goes under the card, not between its lines
        self._render()

    def set_scale(self, scale: float) -> None:
        """The window's size step (``CashierWindow.size_scale``): below 1, the compact card."""
        self._scale = scale
        self._figures.setSpacing(24 if scale < 1 else 44)
        self.stamp_card.setMaximumHeight(int(280 * max(scale, 1.0)))
        self._render()

    def set_inline_rewards(self, inline: bool) -> None:
        """A short window (768–800 px high): the rewards at hand as one wrapped line, the height to the stamps."""
        if inline != self._inline_rewards:
            self._inline_rewards = inline
            self._render()

    # -- data ----------------------------------------------------------------------------------
    def show_customer(
        self,
        customer: CustomerView,
        *,
        program: Program,
        fmt: Formatter,
        identified: bool,
        animate_from_stamps: int | None = None,
    ) -> None:
        self.customer, self._program, self._fmt, self.identified = customer, program, fmt, identified
        if customer.id != self._segment_of:
            self.set_segment(None)  # another member: their segment comes with ``set_segment``
        self._render()
        self.stamp_card.set_stamps(customer.balance.stamps, customer.card_size, animate_from=animate_from_stamps)

    def set_segment(self, segment: Segment | None, customer_id: str | None = None) -> None:
        """The member's main segment (``app.services.segments.segment_of``), or None to hide the line."""
        self.segment, self._segment_of = segment, customer_id
        self._render_segment()

    def _render_segment(self) -> None:
        self.segment_label.setVisible(self.segment is not None)
        if self.segment is not None:
            self.segment_label.setText("➜ " + suggestion(self.segment))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
            self._render_segment()
        super().changeEvent(event)

    def _render(self) -> None:
        c, program, fmt = self.customer, self._program, self._fmt
        if c is None or program is None or fmt is None:
            return
        self.name_label.setText(c.name)
        self.tier_label.setText(tier_label(c.tier))
        self.tier_label.setProperty("tier", c.tier.lower())
        theme.repolish(self.tier_label)
        self.birthday_label.setText(self.tr("Birthday this week!"))
        self.birthday_label.setVisible(c.birthday_this_week)
        details = [c.phone, self.tr("Card {0}").format(format_card_number(c.card_number))]
        if c.enrolled_at is not None:
            details.append(self.tr("member since {0}").format(fmt.date(c.enrolled_at)))
        self.details_label.setText(" · ".join(d for d in details if d))
        warnings = []
        if c.blocked:
            warnings.append(self.tr("BLOCKED: this card may not earn or redeem. Ask a manager."))
        kinds = c.flag_kinds or [""] * len(c.flags)
        warnings += [self.tr("Flagged: {0}").format(flag_text(k, f)) for k, f in zip(kinds, c.flags, strict=True)]
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.points.value.setText(fmt.number(c.balance.points))
        self.points.caption.setText(point_unit(program.point_name, c.balance.points))
        # As the drawn card shows them: a full card stays full (10/10) until it is redeemed.
        on_card, earlier = shown_on_card(c.balance.stamps, c.card_size)
        self.stamps.value.setText(f"{int(on_card)}/{c.card_size}")
        self.stamps.caption.setText(
            self.tr("stamps (+{0} full)").format(earlier) if earlier else stamp_unit(int(on_card))
        )
        self.visits.value.setText(fmt.number(c.balance.visits))
        self.visits.caption.setText(self.tr("visits"))
        available = [o for o in c.rewards if o.affordable and o.reward.kind is not RewardKind.POINTS_PAYMENT]
        if available:
            names = [f"{escape(o.reward.name)} {_muted_cost(reward_cost(o.reward, program, fmt))}" for o in available]
            heading = self.tr("Can redeem now:")
            heading = f"<b style='color:#2e7d32'>{heading}</b>"
            if self._scale < 1 or self._inline_rewards:  # one wrapped line, not a line per reward
                self.available_label.setText(f"{heading} {' · '.join(names)}")
            else:
                items = "".join(f"<li>{name}</li>" for name in names)
                self.available_label.setText(f"{heading}<ul style='margin:0'>{items}</ul>")
        else:
            nothing = self.tr("No reward to redeem yet.")
            self.available_label.setText(f"<span style='color:#7a6e64'>{nothing}</span>")
        nxt = next_goal(c)
        self.next_label.setText(
            self.tr("Next reward: {0} — {1}").format(nxt.reward.name, missing_text(nxt, program, fmt)) if nxt else ""
        )
        self.next_label.setVisible(nxt is not None)
        if self.identified:
            self.identity_label.setText("✔ " + self.tr("Card scanned: points may be spent."))
            self.identity_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        else:
            self.identity_label.setText(self.tr("Found without the card: earning only. Scan the card to redeem."))
            self.identity_label.setStyleSheet("color: #9a5b00; font-weight: bold;")


def _muted_cost(cost: str) -> str:
    """A reward's cost after its name, in grey: "(30 points)", or "— a full card (10 stamps)" when the
    cost has brackets of its own (nested brackets read as a typo on the till)."""
    shown = f"— {escape(cost)}" if "(" in cost else f"({escape(cost)})"
    return f"<span style='color:#7a6e64'>{shown}</span>"
