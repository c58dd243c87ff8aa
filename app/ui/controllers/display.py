"""What the customer display shows, and the rating the customer gives there.

The checkout controller tells this one what happened (a customer was found, a
sale was awarded, a member was enrolled, the checkout is over); this one turns
it into the customer's words and stores the rating through the feedback service.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPixmap

from app.cards.render import card_qr_image
from app.core.cardcode import format_card_number
from app.core.errors import LoyaltyError
from app.core.program import Program
from app.services import feedback
from app.services.customers import CustomerView
from app.services.settings import get_setting, store_name
from app.services.till import Till
from app.services.vouchers import IssuedVoucher
from app.ui.controllers.screen import Changes
from app.ui.errors import error_text
from app.ui.format import Formatter, given_name, point_unit, tier_label
from app.ui.views.display import CustomerDisplayWindow
from app.ui.views.texts import earned_text, missing_text, next_goal, spendable_now

BACK_TO_IDLE_MS = 6000  # after the rating's "thank you", the display rests
RATING_WAIT_MS = 20_000  # the cashier moved on: the customer still has this long to rate
SIGNUP_URL_SETTING = "display.signup_url"


def qr_pixmap(payload: str, side: int = 360) -> QPixmap:
    """The QR as a pixmap of about ``side`` pixels, whole pixels per module (sharp on any screen)."""
    image = card_qr_image(payload, box_size=1)
    box = max(side // image.width, 1)
    image = card_qr_image(payload, box_size=box)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


@dataclass
class _Sale:
    entry_id: str
    customer_id: str


class DisplayController(QObject):
    rating_stored = Signal(int)
    rating_failed = Signal(str)
    complaint_opened = Signal(int, str)  # a 1–2★ rating: (rating, the member's name) for the cashier

    def __init__(
        self,
        till: Till,
        view: CustomerDisplayWindow,
        fmt: Formatter,
        program: Callable[[], Program],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.view, self.fmt, self._program = till, view, fmt, program
        self._sale: _Sale | None = None
        self._names: dict[str, str] = {}  # customer id -> name, for the cashier's notice of a complaint
        self._render_last: Callable[[], None] = self.idle
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(lambda: self.idle(force=True))
        view.rated.connect(self.rate)
        self._store_name = store_name(till)
        self._signup_url = get_setting(till, SIGNUP_URL_SETTING, "")
        self._signup_qr = qr_pixmap(self._signup_url, 260) if self._signup_url else None

    # -- what the checkout tells us ---------------------------------------------------------------
    def idle(self, *, force: bool = False) -> None:
        """Rest the display. A sale still waiting for its rating stays up a little longer."""
        if self._sale is not None and not force:
            self._idle_timer.start(RATING_WAIT_MS)
            return
        self._idle_timer.stop()
        self._sale = None
        self._render_last = self.idle
        program = self._program()
        rules = [
            self.tr("{0} {1} for every {2}").format(
                program.points_per_step,
                point_unit(program.point_name, program.points_per_step),
                self.fmt.money(program.amount_step),
            ),
            self.tr("A card of {0} stamps: the first {1} are on us").format(
                program.card_size, program.starter_stamps
            )
            if program.starter_stamps
            else self.tr("A card of {0} stamps").format(program.card_size),
        ]
        self.view.show_idle(
            self._store_name,
            "\n".join(rules),
            self._signup_qr,
            self.tr("Scan to join")
            if self._signup_qr is not None
            else self.tr("Ask the cashier for a free card"),
            starter_stamps=program.starter_stamps,
            card_size=program.card_size,
        )

    def apply(self, changes: Changes) -> None:
        """Redraw from what one action changed (the checkout's ``changes`` signal): the one entry point."""
        after, before = changes.after, changes.before
        if changes.action in ("award", "attach") and before is not None and after is not None:
            self.sale(before, after, points=changes.points, stamps=changes.stamps, entry_id=changes.entry_id or "")
        elif changes.action == "enroll" and after is not None:
            self.enrolled(after, changes.card_payload)
        elif changes.action == "undo":
            self.undone(set(changes.reversed_ids))
            if after is not None and before is not None and before.id == after.id:
                self.customer(after)
        elif changes.action in ("redeem", "adjust") and after is not None:
            self.customer(after)
        if changes.voucher is not None:  # its QR on the display, for the customer's phone
            self.voucher(changes.voucher)

    def customer(self, c: CustomerView) -> None:
        """Show a customer; a sale of theirs still waiting for its rating keeps the rating buttons."""
        self._idle_timer.stop()
        if self._sale is not None and self._sale.customer_id != c.id:
            self._sale = None
        self._render_last = lambda: self.customer(c)
        self._show(c, ask_rating=self._sale is not None)

    def undone(self, entry_ids: set[str]) -> None:
        """A sale that was taken back is not rated."""
        if self._sale is not None and self._sale.entry_id in entry_ids:
            self._sale = None
            self.view.rating_box.setVisible(False)

    def sale(
        self, before: CustomerView, after: CustomerView, *, points: int, stamps: int, entry_id: str
    ) -> None:
        """After an award: the new stamps press in, and the customer may rate the visit."""
        self._idle_timer.stop()
        self._sale = _Sale(entry_id, after.id)
        self._names[after.id] = after.name
        self._render_last = lambda: self._show(
            after, points=points, stamps=stamps, ask_rating=self._sale is not None
        )
        self._show(after, points=points, stamps=stamps, stamps_before=before.balance.stamps, ask_rating=True)

    def enrolled(self, c: CustomerView, payload: str) -> None:
        self._idle_timer.stop()
        self._sale = None
        self._render_last = lambda: self.enrolled(c, payload)
        self.view.show_enrolled(
            self.tr("Welcome, {0}!").format(given_name(c.name)),
            qr_pixmap(payload, 360),
            format_card_number(c.card_number),
            self.tr("Your first {0} stamps are already on your card.").format(c.balance.stamps)
            if c.balance.stamps
            else "",
        )

    def voucher(self, v: IssuedVoucher) -> None:
        """A voucher just issued: its QR for the customer's phone camera (it works at any till, once)."""
        self._idle_timer.stop()
        self._sale = None
        self._render_last = lambda: self.voucher(v)
        self.view.show_enrolled(
            self.tr("Your voucher: {0}").format(self.fmt.money(v.value)),
            qr_pixmap(v.payload, 320),
            v.code,
            self.tr("Valid until {0}, once, at any of our shops.").format(v.expires_on.strftime("%d/%m/%Y")),
            self.tr("Take a photo of this code and show it when you pay."),
        )

    def retranslate(self) -> None:
        self._render_last()

    # -- the customer's answer --------------------------------------------------------------------
    def rate(self, rating: int) -> None:
        sale = self._sale
        if sale is None:
            return
        try:
            feedback.rate_visit(self.till, sale.customer_id, rating, entry_id=sale.entry_id)
        except LoyaltyError as err:
            self.rating_failed.emit(error_text(err))
            return
        self._sale = None
        complaint = feedback.is_complaint(rating)
        self.view.show_thanks(apology=complaint)
        self._idle_timer.start(BACK_TO_IDLE_MS)
        self.rating_stored.emit(rating)
        if complaint:
            self.complaint_opened.emit(rating, self._names.get(sale.customer_id, ""))

    # -- helpers ----------------------------------------------------------------------------------
    def _show(
        self,
        c: CustomerView,
        *,
        points: int = 0,
        stamps: int = 0,
        stamps_before: int | None = None,
        ask_rating: bool = False,
    ) -> None:
        program = self._program()
        nxt = next_goal(c)
        available = spendable_now(c)
        self.view.show_customer(
            greeting=self.tr("Hello, {0}!").format(given_name(c.name)),
            points=self.fmt.number(c.balance.points),
            points_caption=point_unit(program.point_name, c.balance.points),
            tier=tier_label(c.tier) if program.tier_rank(c.tier) > 0 else "",
            stamps=c.balance.stamps,
            card_size=c.card_size,
            next_reward=self.tr("{0} to go: {1}").format(
                missing_text(nxt, program, self.fmt), nxt.reward.name
            )
            if nxt
            else "",
            available=self.tr("Yours now: {0}").format(", ".join(r.name for r in available[:3]))
            if available
            else "",
            gained=earned_text(points, stamps, program, self.fmt) if (points or stamps) else "",
            stamps_before=stamps_before,
            ask_rating=ask_rating,
        )
