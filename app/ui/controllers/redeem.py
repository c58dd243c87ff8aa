"""Redeem (F3) and vouchers: a reward chosen with ↑ ↓ and Enter, or a voucher code scanned.

Spending needs the card scanned (``identified``); the service says so too, the
panel only spares the cashier the attempt.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

from app.core.errors import LoyaltyError
from app.services import redemption, vouchers
from app.services.customers import view
from app.ui.controllers.award import AwardController
from app.ui.controllers.screen import Changes, ScreenState
from app.ui.errors import error_text
from app.ui.format import point_unit


class RedeemController(QObject):
    def __init__(self, state: ScreenState, award: AwardController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.award = state, award
        self.panel = state.window.redeem_panel
        self.stale = True  # the reward buttons are rebuilt when the panel is on screen, not at each scan
        self.panel.confirmed.connect(self.redeem)
        state.customer_changed.connect(lambda _: self.refresh())

    def refresh(self) -> None:
        self.stale = True
        if self.state.window.current_panel() == "redeem":
            self.fill()

    def fill(self) -> None:
        c = self.state.customer
        self.panel.set_options(
            c.rewards if c else [],
            self.state.till.program(),
            self.state.fmt,
            identified=self.state.identified,
            blocked=bool(c and c.blocked),
            has_customer=c is not None,
        )
        self.stale = False

    def open(self) -> None:
        """F3: the rewards, the bill just awarded (for a discount), the focus on the chosen reward."""
        if self.stale:
            self.fill()
        if self.state.last_bill and not self.panel.bill_text():
            self.panel.prefill_bill(self.state.fmt.number(self.state.last_bill))
        if not self.panel.focus_selected():
            self.state.focus_search()

    def redeem(self, reward_id: str, bill_text: str, points_text: str) -> None:
        state, c = self.state, self.state.customer
        if c is None or state.staff is None:
            state.refused(self.tr("Scan a card or find a customer first."))
            return
        try:
            bill = self.award.amount(bill_text) if bill_text.strip() else 0
            points = int(points_text) if points_text.strip() else 0
            result = redemption.redeem(
                state.till,
                c.id,
                reward_id,
                staff=state.staff,
                identified=state.identified,
                bill=bill,
                points_to_spend=points,
            )
        except LoyaltyError as err:
            state.refused(error_text(err))
            return
        reward = next((o.reward for o in c.rewards if o.reward.id == reward_id), None)
        fmt = state.fmt
        spent = []
        if result.redemption.points:
            spent.append(
                f"−{fmt.number(result.redemption.points)} {point_unit(state.till.program().point_name)}"
            )
        if result.redemption.stamps:
            spent.append(self.tr("−{0} stamps").format(result.redemption.stamps))
        message = self.tr("Redeemed {0} for {1} ({2}).").format(
            escape(reward.name if reward else ""), escape(c.name), ", ".join(spent)
        )
        if result.redemption.discount:
            message += " " + self.tr("Take {0} off the bill.").format(fmt.money(result.redemption.discount))
        if result.voucher is not None:
            message += " " + self.tr("Voucher code: {0}").format(result.voucher.code)
        self.panel.clear_inputs()
        after = view(state.till, c.id)
        state.done(
            Changes(
                "redeem",
                c,
                after,
                points=-result.redemption.points,
                stamps=-result.redemption.stamps,
                voucher=result.voucher,
            ),
            message,
        )
        state.focus_search()

    def redeem_voucher(self, text: str, select: object) -> None:
        """A voucher scanned (or its code typed) in the search field: taken off this bill, once, chain-wide.

        The bill is the amount typed for the award, if any (the voucher covers at most the bill).
        ``select(customer_id)`` shows the voucher's owner when she is not on screen yet.
        """
        state, c = self.state, self.state.customer
        try:
            bill = self.award.typed_amount()
            use = vouchers.redeem(state.till, text, staff=state.staff, customer_id=c.id if c else None, bill=bill)
        except LoyaltyError as err:
            state.refused(error_text(err))
            state.window.search_field.selectAll()
            return
        state.window.search_field.clear()
        if c is None or c.id != use.customer_id:
            select(use.customer_id)  # type: ignore[operator]
        message = self.tr("Voucher {0} used: take {1} off the bill.").format(use.code, state.fmt.money(use.discount))
        state.done(Changes("voucher", None, None), message)
