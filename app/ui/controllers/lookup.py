"""Finding the customer: a scan, a phone, a card number or a name typed in the search field.

One match is shown at once (the amount field is next); several go to a pick
list; none offers to enroll with what was typed. A voucher code in the search
field goes to the redeem controller.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QModelIndex, QObject

from app.core.errors import LoyaltyError
from app.core.phone import looks_like_phone
from app.services import customers, unknown_cards, vouchers
from app.services.customers import Lookup
from app.ui.controllers.display import DisplayController
from app.ui.controllers.enroll import EnrollController
from app.ui.controllers.redeem import RedeemController
from app.ui.controllers.screen import ScreenState, till_home
from app.ui.errors import error_text

PICK_LIMIT = 20


class LookupController(QObject):
    def __init__(
        self,
        state: ScreenState,
        display: DisplayController,
        redeems: RedeemController,
        enrolls: EnrollController,
        open_panel: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self.display, self.redeems, self.enrolls = state, display, redeems, enrolls
        self.till, self.window, self.fmt = state.till, state.window, state.fmt
        self.open_panel = open_panel
        w = self.window
        w.search_field.returnPressed.connect(lambda: self.search(w.search_field.text()))
        w.search_button.clicked.connect(lambda: self.search(w.search_field.text()))
        w.pick_list.activated.connect(self._picked)
        w.pick_list.clicked.connect(self._picked)


    def on_scanned(self, payload: str) -> None:
        """A scanner burst, wherever the focus was: it goes to the search, as if typed there."""
        if self.state.staff is None:
            self.window.login_page.show_error(self.tr("Log in with your PIN before scanning."))
            return
        self.search(payload)
        self.window.search_field.clear()  # a payload means nothing to a person: the card shows its number

    def search(self, text: str, *, fetched: bool = False) -> None:
        if self.state.staff is None:
            return
        text = text.strip()
        if not text and self.state.customer is not None:
            return  # Enter on an empty search keeps the customer: Esc is the key that clears her
        if vouchers.is_voucher_text(self.till, text):
            self.redeems.redeem_voucher(text, lambda cid: self.select(cid, identified=False))
            return
        try:
            found = customers.find(self.till, text, limit=PICK_LIMIT)
        except LoyaltyError as err:
            self.state.clear()
            self.state.refused(error_text(err))
            return
        if not found.matches:
            self.state.clear()
            self._not_found(text, found)
        elif len(found.matches) == 1:
            self.window.clear_banner()
            self.select(found.matches[0].customer_id, identified=found.identified)
        else:
            self.state.clear()
            self.window.clear_banner()
            self.window.pick_model.set_matches(found.matches, self.till.country())
            more = self.tr("Only the first {0} are shown: type more of the name.").format(PICK_LIMIT)
            self.window.show_pick_list(more if len(found.matches) >= PICK_LIMIT else "")
        if not fetched:
            self._fetch_if_not_held(text, found)

    def _fetch_if_not_held(self, text: str, found: Lookup) -> None:
        """Online, a card or phone this till does not hold is asked of the server, off the GUI thread;
        when she arrives (and the cashier is still on that search), the search runs again and finds her."""
        if found.via == "card" and found.matches and unknown_cards.is_placeholder(found.matches[0].customer_id):
            card, phone = unknown_cards.card_of(found.matches[0].customer_id), None
        elif not found.matches and found.via in ("number", "phone"):
            card, phone = (customers.card_number_in(text), None) if found.via == "number" else (None, text)
        else:
            return
        from sync.worker import member_fetch  # here, not at import: httpx stays off the login path

        home = till_home(self.till)
        if not member_fetch.can_fetch(home):
            return
        shown = self.state.customer.id if self.state.customer else None

        def still_there(held: bool) -> None:
            now = self.state.customer.id if self.state.customer else None
            if held and now == shown and self.state.staff is not None:
                self.search(text, fetched=True)

        self.state.tasks.run(
            lambda: member_fetch.fetch(self.till, home, card=card, phone=phone),
            on_done=still_there,
            on_error=lambda _exc: None,  # offline or refused: the cashier goes on as offline
        )

    def _not_found(self, text: str, found: Lookup) -> None:
        self.window.show_banner(
            "info", self.tr("No customer found for “{0}”. Press F4 to enroll them.").format(escape(text))
        )
        phone = text if found.via == "phone" or looks_like_phone(text) else ""
        self.enrolls.reset(phone=phone, name=text if found.via == "name" else "")
        self.window.show_empty()
        self.state.focus_search()

    def _picked(self, index: QModelIndex) -> None:
        self.select(self.window.pick_model.match_at(index.row()).customer_id, identified=False)

    def select(self, customer_id: str, *, identified: bool) -> None:
        """Show a customer on both screens; the amount field is next (the usual checkout)."""
        self.state.identified = identified
        self.state.last_bill = None
        c = customers.view(self.till, customer_id)
        self.state.show(c)
        self.display.customer(c)
        self.open_panel("award")
        if unknown_cards.is_placeholder(customer_id):  # a genuine card whose member has not reached this till
            self.window.show_banner(
                "info",
                self.tr(
                    "Card verified — member not on this till yet. Points can be earned on this card now; "
                    "they join her account at the next sync. Spending waits until then."
                ),
            )
            return
        waiting = vouchers.waiting_for(self.till, customer_id)
        if waiting:  # issued while she was away (a complaint answered): the cashier must know
            v = waiting[0]
            self.window.show_banner(
                "info",
                self.tr("A voucher is waiting for this member: {0}, {1} (until {2}). Type the code to use it.").format(
                    v.code, self.fmt.money(v.value), self.fmt.date(v.expires_at) if v.expires_at else ""
                ),
            )

