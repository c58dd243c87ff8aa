"""The checkout: what happens when the cashier scans, types, and presses the action keys.

Each handler collects the input from a view, calls one service (one local
transaction), and redraws from what the service returned. Errors a user can
cause arrive as ``LoyaltyError`` and are shown as a plain sentence in the
cashier's language; nothing is half-done, because the service either committed
or did not. Only card rendering and waking the sync worker leave the GUI thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit

from app.bootstrap import set_setting
from app.cards.phone import render_phone_card_png
from app.cards.render import CardFace, render_card_pdf
from app.core.cardcode import format_card_number
from app.core.earning import Bill
from app.core.errors import InvalidInput, LoyaltyError, PermissionDenied
from app.core.ledger import EntryKind, LedgerEntry
from app.core.lifecycle import Birthday
from app.core.money import currency, parse_amount
from app.core.phone import looks_like_phone
from app.core.program import Program
from app.services import awards, corrections, customers, redemption, staff, vouchers
from app.services.customers import CustomerView, Enrolled, Lookup
from app.services.staff import StaffMember
from app.services.till import Till
from app.ui.controllers.display import DisplayController
from app.ui.controllers.status import SyncStatusBridge
from app.ui.errors import error_text, translate_message
from app.ui.format import Formatter, point_unit, tier_label
from app.ui.i18n import SETTING_KEY, Translations
from app.ui.tasks import BackgroundOps
from app.ui.views.cashier_window import CashierWindow
from app.ui.views.pin import ManagerPinDialog
from app.ui.views.texts import earned_text

PICK_LIMIT = 20


def till_home(till: Till) -> Path:
    """The folder holding the till's database (cards are saved beside it)."""
    database = till.engine.url.database
    return Path(database).resolve().parent if database else Path.cwd()


class CheckoutController(QObject):
    """Wires the cashier window to the services. Signals are for tests and the benchmark."""

    customer_shown = Signal(object)  # CustomerView
    customer_changed = Signal(object)  # CustomerView, or None when the screen is cleared
    action_done = Signal(str)  # "award", "redeem", "enroll", "undo", "adjust", "attach"
    action_refused = Signal(str)  # the sentence shown
    card_saved = Signal(object)  # Path

    def __init__(
        self,
        till: Till,
        window: CashierWindow,
        display: DisplayController,
        status: SyncStatusBridge,
        translations: Translations,
        fmt: Formatter,
        tasks: BackgroundOps,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.window, self.display, self.status = till, window, display, status
        self.translations, self.fmt, self.tasks = translations, fmt, tasks
        self.staff: StaffMember | None = None
        self.customer: CustomerView | None = None
        self.identified = False
        self.enrolled: Enrolled | None = None
        self.last_bill: int | None = None
        self.saved_card: Path | None = None
        self.pin_dialog: ManagerPinDialog | None = None
        self._redeem_stale = True
        self._connect()
        self._refresh_panels()

    # -- wiring -----------------------------------------------------------------------------------
    def _connect(self) -> None:
        w = self.window
        w.login_page.pad.entered.connect(self.login)
        w.logout_action.triggered.connect(self.logout)
        w.search_field.returnPressed.connect(lambda: self.search(w.search_field.text()))
        w.search_button.clicked.connect(lambda: self.search(w.search_field.text()))
        w.pick_list.activated.connect(self._picked)
        w.pick_list.clicked.connect(self._picked)
        w.next_customer_action.triggered.connect(self.next_customer)
        w.focus_search_action.triggered.connect(self.focus_search)
        w.award_action.triggered.connect(lambda: self.open_panel("award"))
        w.redeem_action.triggered.connect(lambda: self.open_panel("redeem"))
        w.enroll_action.triggered.connect(lambda: self.open_panel("enroll"))
        w.undo_action.triggered.connect(lambda: self.open_panel("undo"))
        w.adjust_action.triggered.connect(lambda: self.open_panel("adjust"))
        w.award_panel.amount_edited.connect(self.preview_award)
        w.award_panel.confirmed.connect(self.award)
        w.redeem_panel.confirmed.connect(self.redeem)
        w.enroll_panel.confirmed.connect(self.enroll)
        w.enroll_panel.save_pdf.connect(lambda: self.save_card("pdf"))
        w.enroll_panel.save_png.connect(lambda: self.save_card("png"))
        w.enroll_panel.show_qr.connect(self.show_qr)
        w.enroll_panel.open_file.connect(self.open_saved_card)
        w.enroll_panel.start_over.connect(lambda: self._start_enroll())
        w.undo_panel.confirmed.connect(self.undo)
        w.adjust_panel.confirmed.connect(self.adjust)
        w.sync_now_action.triggered.connect(self.sync_now)
        for code, action in w.language_actions.items():
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        self.status.changed.connect(lambda st: w.status_bar.show_sync(st, self.fmt))
        self.display.rating_failed.connect(lambda text: self._refused(text))
        self.display.complaint_opened.connect(self._complaint_notice)
        self.window.language_actions[self.translations.language].setChecked(True)

    # -- login ------------------------------------------------------------------------------------
    def login(self, pin: str) -> None:
        try:
            who = staff.login(self.till, pin)
        except LoyaltyError as err:
            self.window.login_page.show_error(error_text(err))
            return
        self.start_shift(who)

    def start_shift(self, who: StaffMember) -> None:
        self.staff = who
        self.window.login_page.show_error("")
        self.window.status_bar.show_staff((who.name, who.role))
        self.window.show_checkout()
        self.next_customer()
        self.status.refresh()

    def logout(self) -> None:
        self.staff = None
        self.next_customer()
        self.window.status_bar.show_staff(None)
        self.window.show_login()

    # -- finding the customer ---------------------------------------------------------------------
    def on_scanned(self, payload: str) -> None:
        """A scanner burst, wherever the focus was: it goes to the search, as if typed there."""
        if self.staff is None:
            self.window.login_page.show_error(self.tr("Log in with your PIN before scanning."))
            return
        self.search(payload)
        # A payload means nothing to a person: the card shows the card number instead.
        self.window.search_field.clear()

    def search(self, text: str) -> None:
        if self.staff is None:
            return
        text = text.strip()
        if vouchers.is_voucher_text(self.till, text):
            self.redeem_voucher(text)
            return
        try:
            found = customers.find(self.till, text, limit=PICK_LIMIT)
        except LoyaltyError as err:
            self._clear_customer()
            self._refused(error_text(err))
            return
        if not found.matches:
            self._clear_customer()
            self._not_found(text, found)
        elif len(found.matches) == 1:
            self.window.clear_banner()
            self.select(found.matches[0].customer_id, identified=found.identified)
        else:
            self._clear_customer()
            self.window.clear_banner()
            self.window.pick_model.set_matches(found.matches)
            more = self.tr("Only the first {0} are shown: type more of the name.").format(PICK_LIMIT)
            self.window.show_pick_list(more if len(found.matches) >= PICK_LIMIT else "")

    def redeem_voucher(self, text: str) -> None:
        """A voucher scanned (or its code typed) in the search field: taken off this bill, once, chain-wide.

        The bill is the amount typed for the award, if any (the voucher covers at most the bill).
        """
        c = self.customer
        try:
            typed = self.window.award_panel.amount_edit.text().strip()
            bill = self._amount(typed) if typed else 0
            use = vouchers.redeem(self.till, text, staff=self.staff, customer_id=c.id if c else None, bill=bill)
        except LoyaltyError as err:
            self._refused(error_text(err))
            self.window.search_field.selectAll()
            return
        self.window.search_field.clear()
        if c is None or c.id != use.customer_id:
            self.select(use.customer_id, identified=False)
        self._done(
            "voucher",
            self.tr("Voucher {0} used: take {1} off the bill.").format(use.code, self.fmt.money(use.discount)),
        )

    def _not_found(self, text: str, found: Lookup) -> None:
        self.window.show_banner(
            "info", self.tr("No customer found for “{0}”. Press F4 to enroll them.").format(escape(text))
        )
        phone = text if found.via == "phone" or looks_like_phone(text) else ""
        name = text if found.via == "name" else ""
        self.window.enroll_panel.show_form(phone=phone, name=name)
        self.window.show_empty()
        self.window.search_field.selectAll()
        self.window.search_field.setFocus()

    def _picked(self, index: QModelIndex) -> None:
        match = self.window.pick_model.match_at(index.row())
        self.select(match.customer_id, identified=False)

    def select(self, customer_id: str, *, identified: bool) -> None:
        """Show a customer on both screens; the amount field is next (the usual checkout)."""
        self.identified = identified
        self.last_bill = None
        self._show(customers.view(self.till, customer_id))
        self.display.customer(self.customer)  # type: ignore[arg-type]
        self.open_panel("award")
        self._tell_waiting_vouchers(customer_id)

    def _tell_waiting_vouchers(self, customer_id: str) -> None:
        """A voucher issued while she was away (a complaint answered): the cashier must know it is there."""
        waiting = vouchers.waiting_for(self.till, customer_id)
        if waiting:
            v = waiting[0]
            until = self.fmt.date(v.expires_at) if v.expires_at else ""
            self.window.show_banner(
                "info",
                self.tr("A voucher is waiting for this member: {0}, {1} (until {2}). Type the code to use it.").format(
                    v.code, self.fmt.money(v.value), until
                ),
            )

    def next_customer(self) -> None:
        """Esc: forget this customer, rest the display, back to the search field."""
        self._clear_customer()
        self.window.clear_banner()
        self.window.search_field.clear()
        self.window.award_panel.clear()
        self.window.adjust_panel.clear()
        self.window.enroll_panel.show_form()
        self.enrolled = None
        self.display.idle()
        self.window.show_panel("award")
        self.focus_search()

    def focus_search(self) -> None:
        self.window.search_field.setFocus()
        self.window.search_field.selectAll()

    # -- panels -----------------------------------------------------------------------------------
    def open_panel(self, name: str) -> None:
        w = self.window
        w.show_panel(name)
        if name == "award":
            w.award_panel.amount_edit.setFocus() if self.customer else self.focus_search()
        elif name == "redeem":
            if self._redeem_stale:
                self._fill_redeem()
            if self.last_bill and not w.redeem_panel.bill_edit.text():
                w.redeem_panel.bill_edit.setText(self.fmt.number(self.last_bill))
            button = w.redeem_panel.reward_buttons.get(w.redeem_panel.selected_reward() or "")
            (button or w.search_field).setFocus()
        elif name == "enroll":
            if self.enrolled is None or w.enroll_panel.form_host.isVisible():
                w.enroll_panel.focus_first_empty()
        elif name == "undo":
            self._describe_undo()
            w.undo_panel.confirm_button.setFocus()
        elif name == "adjust":
            w.adjust_panel.points_spin.setFocus() if self.customer else self.focus_search()

    def _refresh_panels(self) -> None:
        c, w, program = self.customer, self.window, self.till.program()
        blocked = bool(c and c.blocked)
        w.award_panel.set_ready(c is not None, blocked=blocked)
        w.adjust_panel.set_ready(c is not None)
        w.award_panel.currency_label.setText(currency(program.currency).symbol)
        # The reward buttons are rebuilt when the panel is on screen: a scan must not wait for them.
        self._redeem_stale = True
        if w.current_panel() == "redeem":
            self._fill_redeem()

    def _fill_redeem(self) -> None:
        c = self.customer
        self.window.redeem_panel.set_options(
            c.rewards if c else [],
            self.till.program(),
            self.fmt,
            identified=self.identified,
            blocked=bool(c and c.blocked),
            has_customer=c is not None,
        )
        self._redeem_stale = False

    # -- award ------------------------------------------------------------------------------------
    def _amount(self, text: str) -> int:
        return parse_amount(text, currency(self.till.program().currency))

    def _group_digits(self, edit: QLineEdit) -> str:
        """Write the amount as it is typed with the locale's groups (125.000): at arm's length,
        125000 and 1250000 look alike; 125.000 and 1.250.000 do not. Whole-unit currencies only."""
        text = edit.text()
        if currency(self.till.program().currency).exponent != 0 or not re.fullmatch(r"[0-9.,\s]+", text):
            return text
        digits = re.sub(r"\D", "", text).lstrip("0")
        grouped = self.fmt.number(int(digits)) if digits else ""
        if grouped != text:
            after = sum(ch.isdigit() for ch in text[edit.cursorPosition() :])
            edit.setText(grouped)
            position, seen = len(grouped), 0
            while seen < after and position > 0:  # keep the same digits to the right of the cursor
                position -= 1
                seen += grouped[position].isdigit()
            edit.setCursorPosition(position)
        return grouped

    def preview_award(self, text: str) -> None:
        panel = self.window.award_panel
        text = self._group_digits(panel.amount_edit)
        if not text.strip() or self.customer is None:
            panel.show_preview("", "")
            return
        try:
            amount = self._amount(text)
            earn = awards.preview(self.till, self.customer.id, Bill(paid=amount))
        except LoyaltyError as err:
            panel.show_problem(error_text(err))
            return
        program = self.till.program()
        detail = self.tr("Bill {0}").format(self.fmt.money(amount))
        if earn.multipliers:
            factors = " × ".join(f"{_factor(f)} ({tier_label(why)})" for why, f in earn.multipliers)
            detail += " · " + self.tr("{0} {1} × {2}").format(
                earn.base_points, point_unit(program.point_name), factors
            )
        panel.show_preview(earned_text(earn.points, earn.stamps, program, self.fmt), detail)

    def award(self, text: str) -> None:
        c = self.customer
        if c is None or self.staff is None:
            self._refused(self.tr("Scan a card or find a customer first."))
            return
        try:
            amount = self._amount(text)
            result = awards.award(self.till, c.id, Bill(paid=amount), staff=self.staff)
        except LoyaltyError as err:
            self.window.award_panel.show_problem(error_text(err))
            self._refused(error_text(err))
            return
        self.show_awarded(c, result)

    def show_awarded(self, before: CustomerView, result: awards.AwardResult, *, receipt: str = "") -> None:
        """Both screens after a sale earned: typed here (F2), or a POS ``receipt`` attached (F7).

        One path for both, so a receipt from the POS looks and feels exactly like a typed bill.
        """
        after = customers.view(self.till, before.id)
        program = self.till.program()
        amount = result.earn.amount or 0
        earned = earned_text(result.points, result.stamps, program, self.fmt)
        if receipt:
            message = self.tr("Receipt {0} attached: {1} to {2} for a bill of {3}.").format(
                escape(receipt), earned, escape(before.name), self.fmt.money(amount)
            )
        else:
            message = self.tr("Awarded {0} to {1} for a bill of {2}.").format(
                earned, escape(before.name), self.fmt.money(amount)
            )
        if result.new_tier:
            message += " " + self.tr("Now {0}!").format(tier_label(result.new_tier))
        for flag in result.flags:
            message += " ⚠ " + escape(translate_message(flag))
        self.last_bill = amount
        self._show(after, animate_from_stamps=before.balance.stamps)
        self.display.sale(before, after, points=result.points, stamps=result.stamps, entry_id=result.earn.id)
        self.window.award_panel.clear()
        self._done("attach" if receipt else "award", message)
        self.focus_search()

    # -- redeem -----------------------------------------------------------------------------------
    def redeem(self, reward_id: str, bill_text: str, points_text: str) -> None:
        c = self.customer
        if c is None or self.staff is None:
            self._refused(self.tr("Scan a card or find a customer first."))
            return
        try:
            bill = self._amount(bill_text) if bill_text.strip() else 0
            points = int(points_text) if points_text.strip() else 0
            result = redemption.redeem(
                self.till,
                c.id,
                reward_id,
                staff=self.staff,
                identified=self.identified,
                bill=bill,
                points_to_spend=points,
            )
        except LoyaltyError as err:
            self._refused(error_text(err))
            return
        reward = next((o.reward for o in c.rewards if o.reward.id == reward_id), None)
        name = reward.name if reward else ""
        spent = []
        if result.redemption.points:
            spent.append(
                f"−{self.fmt.number(result.redemption.points)} {point_unit(self.till.program().point_name)}"
            )
        if result.redemption.stamps:
            spent.append(self.tr("−{0} stamps").format(result.redemption.stamps))
        message = self.tr("Redeemed {0} for {1} ({2}).").format(
            escape(name), escape(c.name), ", ".join(spent)
        )
        if result.redemption.discount:
            message += " " + self.tr("Take {0} off the bill.").format(
                self.fmt.money(result.redemption.discount)
            )
        if result.voucher is not None:
            message += " " + self.tr("Voucher code: {0}").format(result.voucher.code)
        after = customers.view(self.till, c.id)
        self._show(after)
        self.display.customer(after)
        if result.voucher is not None:  # its QR on the display, for the customer's phone
            self.display.voucher(result.voucher)
        self.window.redeem_panel.bill_edit.clear()
        self.window.redeem_panel.points_edit.clear()
        self._done("redeem", message)
        self.focus_search()

    # -- enroll -----------------------------------------------------------------------------------
    def _start_enroll(self) -> None:
        self.enrolled = None
        self.window.enroll_panel.show_form()
        self.window.enroll_panel.focus_first_empty()

    def enroll(self, phone: str, name: str, birthday_text: str, referral: str) -> None:
        if self.staff is None:
            return
        try:
            birthday = parse_birthday(birthday_text)
        except InvalidInput:
            self._refused(
                self.tr("Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).")
            )
            self.window.enroll_panel.birthday_edit.setFocus()
            return
        try:
            done = customers.enroll(
                self.till, name=name, phone=phone, staff=self.staff, birthday=birthday, referral_code=referral
            )
        except LoyaltyError as err:
            self._refused(error_text(err))
            return
        self.enrolled = done
        self.saved_card = None
        self.identified = False
        view = customers.view(self.till, done.customer_id)
        self._show(view)
        self.window.enroll_panel.show_done(
            self.tr("<b>{0}</b> is a member. Card number <b>{1}</b>, referral code <b>{2}</b>.").format(
                escape(view.name), format_card_number(done.card_number), done.referral_code
            )
        )
        self.display.enrolled(view, done.payload)
        self._done(
            "enroll",
            self.tr("Welcome {0}: enrolled with {1} starter stamps.").format(
                escape(view.name), view.balance.stamps
            ),
        )
        self.window.enroll_panel.pdf_button.setFocus()

    def show_qr(self) -> None:
        if self.enrolled is not None and self.customer is not None:
            self.display.enrolled(self.customer, self.enrolled.payload)

    def save_card(self, kind: str) -> None:
        """Render the new member's card off the GUI thread (a PDF sheet takes a moment)."""
        if self.enrolled is None or self.customer is None:
            return
        with self.till.transaction() as s:
            store_name = self.till.store_name(s)
        face = CardFace(
            name=self.customer.name,
            card_number=self.enrolled.card_number,
            payload=self.enrolled.payload,
            store_name=store_name,
            tier=self.customer.tier,
        )
        out = till_home(self.till) / "cards" / f"{self.enrolled.card_number}.{kind}"

        def render() -> Path:
            out.parent.mkdir(parents=True, exist_ok=True)
            return render_card_pdf([face], out) if kind == "pdf" else render_phone_card_png(face, out)

        self.window.show_banner("info", self.tr("Preparing the card…"))
        self.tasks.run(render, on_done=self._card_saved, on_error=self._card_failed)

    def _card_saved(self, path: Path) -> None:
        self.saved_card = path
        self.window.enroll_panel.show_file(str(path))
        self.window.show_banner("ok", self.tr("Card saved: {0}").format(escape(str(path))))
        self.card_saved.emit(path)

    def _card_failed(self, exc: Exception) -> None:
        self._refused(self.tr("The card could not be saved: {0}").format(escape(str(exc))))

    def open_saved_card(self) -> None:
        if self.saved_card is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_card)))

    # -- undo -------------------------------------------------------------------------------------
    def _describe_undo(self) -> None:
        if self.staff is None:
            return
        entries = corrections.last_action(self.till, self.staff)
        panel = self.window.undo_panel
        if not entries:
            panel.show_action(self.tr("There is nothing to undo."), possible=False)
            return
        first = entries[0]
        who = customers.view(self.till, first.customer_id).name
        text = self.tr("{0}, {1} for {2}.").format(
            self.fmt.time(first.created_at), self._entry_text(entries), who
        )
        if self.till.clock() - first.created_at > corrections.UNDO_WINDOW:
            text += (
                "<br><b style='color:#c62828'>"
                + self.tr("More than 2 minutes ago: a manager PIN is needed.")
                + "</b>"
            )
        panel.show_action(text, possible=True)

    def undo(self) -> None:
        if self.staff is None:
            return
        try:
            done = corrections.undo_last(self.till, self.staff)
        except PermissionDenied:
            self.ask_manager(
                self.tr("Undoing an action older than 2 minutes needs a manager PIN."), self._undo_approved
            )
            return
        except LoyaltyError as err:
            self._refused(error_text(err))
            return
        self._undone(done)

    def _undo_approved(self, pin: str) -> None:
        assert self.staff is not None
        try:
            done = corrections.undo_last(self.till, self.staff, manager_pin=pin)
        except LoyaltyError as err:
            self._refused(error_text(err))
            return
        self._undone(done)

    def _undone(self, reversals: list[LedgerEntry]) -> None:
        self.display.undone({e.reverses for e in reversals if e.reverses})
        customer_id = reversals[0].customer_id
        after = customers.view(self.till, customer_id)
        points = sum(e.points for e in reversals if e.customer_id == customer_id)
        stamps = sum(e.stamps for e in reversals if e.customer_id == customer_id)
        if self.customer is not None and self.customer.id == customer_id:
            self._show(after)
            self.display.customer(after)
        program = self.till.program()
        self._done(
            "undo",
            self.tr("Undone for {0}: {1}.").format(
                escape(after.name), earned_text(points, stamps, program, self.fmt)
            ),
        )
        self.window.show_panel("award")
        self.focus_search()

    # -- manager correction -----------------------------------------------------------------------
    def adjust(self, points: int, stamps: int, reason: str) -> None:
        c = self.customer
        if c is None:
            self._refused(self.tr("Scan a card or find a customer first."))
            return
        if not reason.strip():
            self._refused(error_text(InvalidInput("An adjustment needs a reason.")))
            return
        if points == 0 and stamps == 0:
            self._refused(error_text(InvalidInput("The adjustment changes nothing.")))
            return
        self.ask_manager(
            self.tr("A manager approves this correction for {0}.").format(c.name),
            lambda pin: self._adjust_approved(pin, c.id, points, stamps, reason),
        )

    def _adjust_approved(self, pin: str, customer_id: str, points: int, stamps: int, reason: str) -> None:
        try:
            manager = staff.require_manager(self.till, pin)
            corrections.adjust(
                self.till, customer_id, points=points, stamps=stamps, reason=reason, manager=manager
            )
        except LoyaltyError as err:
            self._refused(error_text(err))
            return
        after = customers.view(self.till, customer_id)
        self._show(after)
        self.display.customer(after)
        self.window.adjust_panel.clear()
        self._done(
            "adjust",
            self.tr("Corrected by {0}: {1}.").format(
                escape(manager.name), earned_text(points, stamps, self.till.program(), self.fmt)
            ),
        )
        self.focus_search()

    def ask_manager(self, reason: str, then: Callable[[str], None]) -> None:
        """A manager types their PIN in a dialog; ``then(pin)`` runs if they do (the service checks it)."""
        dialog = ManagerPinDialog(reason, self.window)
        dialog.pin_entered.connect(then)
        dialog.finished.connect(lambda _: setattr(self, "pin_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.pin_dialog = dialog
        dialog.open()
        dialog.pad.field.setFocus()

    # -- settings ---------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.fmt.language = code
        code = self.translations.use(code)
        self.fmt.language = code
        set_setting(self.till, SETTING_KEY, code)
        self.window.language_actions[code].setChecked(True)
        self.window.clear_banner()
        self._refresh_panels()
        if self.customer is not None and self.window.award_panel.amount_edit.text():
            self.preview_award(self.window.award_panel.amount_edit.text())
        self.display.retranslate()
        self.status.refresh()

    def sync_now(self) -> None:
        """Wake the sync worker, if it can be woken (off the GUI thread: it may touch the network)."""
        wake = getattr(self.status.source, "sync_now", None)
        if wake is None:
            self.window.show_banner("info", self.tr("No sync server is set up: this till works offline."))
            return
        self.tasks.run(
            wake, on_done=lambda _: self.status.refresh(), on_error=lambda e: self._refused(str(e))
        )

    def _entry_text(self, entries: list[LedgerEntry]) -> str:
        """ "sale of 125.000 ₫: +12 points, +1 stamp" — what the undo would take back."""
        program: Program = self.till.program()
        main = entries[-1] if entries[-1].kind is EntryKind.EARN else entries[0]
        for e in entries:
            if e.kind in (EntryKind.EARN, EntryKind.REDEEM, EntryKind.ADJUST):
                main = e
                break
        customer_id = main.customer_id
        points = sum(e.points for e in entries if e.customer_id == customer_id)
        stamps = sum(e.stamps for e in entries if e.customer_id == customer_id)
        earned = earned_text(points, stamps, program, self.fmt)
        if main.kind is EntryKind.EARN:
            return self.tr("sale of {0}: {1}").format(self.fmt.money(main.amount or 0), earned)
        if main.kind is EntryKind.REDEEM:
            return self.tr("reward {0}: {1}").format(main.reason, earned)
        if main.kind is EntryKind.BONUS:
            return self.tr("welcome bonus: {0}").format(earned)
        return self.tr("correction: {0}").format(earned)

    # -- helpers ----------------------------------------------------------------------------------
    def _show(self, c: CustomerView, *, animate_from_stamps: int | None = None) -> None:
        self.customer = c
        self.window.customer_card.show_customer(
            c,
            program=self.till.program(),
            fmt=self.fmt,
            identified=self.identified,
            animate_from_stamps=animate_from_stamps,
        )
        self.window.show_card()
        self._refresh_panels()
        self.customer_shown.emit(c)
        self.customer_changed.emit(c)

    def _clear_customer(self) -> None:
        self.customer = None
        self.identified = False
        self.window.show_empty()
        self._refresh_panels()
        self.customer_changed.emit(None)

    def _done(self, action: str, message: str) -> None:
        self.window.show_banner("ok", message)
        self.status.refresh()
        self._wake_sync()
        self.action_done.emit(action)

    def _wake_sync(self) -> None:
        """A new entry waits in the outbox: ask the worker for a cycle now rather than at its next tick."""
        wake = getattr(self.status.source, "sync_now", None)
        if wake is not None:
            self.tasks.run(wake, on_done=lambda _: None, on_error=lambda _: None)

    def _complaint_notice(self, rating: int, name: str) -> None:
        """Discreet (the customer is standing there): a line on the status bar, not a red banner."""
        self.window.status_bar.showMessage(
            self.tr("{0}★ from {1}: a ticket is open for the manager. A kind word now helps.").format(
                rating, name or self.tr("a guest")
            ),
            30_000,
        )

    def _refused(self, text: str) -> None:
        self.window.show_banner("error", text)
        self.action_refused.emit(text)


def parse_birthday(text: str) -> Birthday | None:
    """ "24/11", "24-11-1990", "24.11" → Birthday; empty → None; anything else → InvalidInput."""
    text = text.strip()
    if not text:
        return None
    parts = [p for p in re.split(r"[/\-.\s]+", text) if p]
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise InvalidInput("not a birthday")
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else None
    if year is not None and year < 100:
        year += 1900 if year > 30 else 2000
    if year is not None and not 1900 <= year <= datetime.now().year:
        raise InvalidInput("not a birthday")
    try:
        return Birthday(day, month, year)
    except ValueError:
        raise InvalidInput("not a birthday") from None


def _factor(f: Any) -> str:
    return str(f.numerator) if f.denominator == 1 else f"{float(f):g}"
