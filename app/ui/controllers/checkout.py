"""The checkout: logging in and handing each action key to its controller.

Shared state (who is on screen, who is logged in) lives in ``screen``; finding the customer
in ``lookup``; each cashier action in its own controller (award, redeem, enroll, corrections).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.errors import LoyaltyError, Notice
from app.core.money import currency
from app.services import staff
from app.services.settings import set_setting
from app.services.staff import StaffMember
from app.services.syncstatus import SyncStatus
from app.services.till import Till
from app.ui.controllers.award import AwardController
from app.ui.controllers.corrections import CorrectionsController
from app.ui.controllers.display import DisplayController
from app.ui.controllers.enroll import EnrollController
from app.ui.controllers.lookup import LookupController
from app.ui.controllers.redeem import RedeemController
from app.ui.controllers.screen import ScreenState, till_home
from app.ui.controllers.status import SyncStatusBridge
from app.ui.errors import error_text, translate_message
from app.ui.format import Formatter
from app.ui.i18n import SETTING_KEY, Translations
from app.ui.tasks import BackgroundOps
from app.ui.views.cashier_window import CashierWindow

__all__ = ["CheckoutController", "till_home"]


class CheckoutController(QObject):
    """Wires the cashier window to the action controllers. Its signals are the screen state's."""

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
        self._awaiting_sync = False  # "Sync now" was pressed: the next report is told on the banner
        self.state = ScreenState(till, window, status, fmt, tasks, self)
        self.awards = AwardController(self.state, self)
        self.redeems = RedeemController(self.state, self.awards, self)
        self.enrolls = EnrollController(self.state, self)
        self.corrections = CorrectionsController(self.state, self)
        self.lookup = LookupController(self.state, display, self.redeems, self.enrolls, self.open_panel, self)
        self.on_scanned, self.search, self.select = self.lookup.on_scanned, self.lookup.search, self.lookup.select
        s = self.state
        self.customer_shown, self.customer_changed = s.customer_shown, s.customer_changed
        self.action_done, self.action_refused = s.action_done, s.action_refused
        self.card_saved = self.enrolls.card_saved
        self.show_awarded, self.ask_manager, self.redeem = self.awards.show_awarded, s.ask_manager, self.redeems.redeem
        self._connect()
        self._refresh_panels()

    # The screen state's, read here by the POS strip and the tests.
    customer = property(lambda self: self.state.customer)
    staff = property(lambda self: self.state.staff)
    identified = property(lambda self: self.state.identified)
    pin_dialog = property(lambda self: self.state.pin_dialog)

    def _connect(self) -> None:
        w = self.window
        w.login_page.pad.entered.connect(self.login)
        w.logout_action.triggered.connect(self.logout)
        w.next_customer_action.triggered.connect(self.next_customer)
        w.focus_search_action.triggered.connect(self.state.focus_search)
        for name in ("award", "redeem", "enroll", "undo", "adjust"):
            getattr(w, f"{name}_action").triggered.connect(lambda _=False, n=name: self.open_panel(n))
        w.sync_now_action.triggered.connect(self.sync_now)
        w.thousands_action.setChecked(self.awards.in_thousands)
        w.thousands_action.setEnabled(currency(self.till.program().currency).exponent == 0)
        w.thousands_action.toggled.connect(self.awards.set_in_thousands)
        for code, action in w.language_actions.items():
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        self.status.changed.connect(lambda st: w.status_bar.show_sync(st, self.fmt))
        self.status.reported.connect(self._sync_reported)
        self.state.customer_changed.connect(lambda _: self._refresh_panels())
        self.state.changes.connect(self.display.apply)
        self.enrolls.qr_requested.connect(self.display.enrolled)
        self.display.rating_failed.connect(self.state.refused)
        self.display.complaint_opened.connect(self._complaint_notice)
        w.language_actions[self.translations.language].setChecked(True)

    # -- login ------------------------------------------------------------------------------------
    def login(self, pin: str) -> None:
        try:
            who = staff.login(self.till, pin)
        except LoyaltyError as err:
            self.window.login_page.show_error(error_text(err))
            return
        self.start_shift(who)

    def start_shift(self, who: StaffMember) -> None:
        self.state.staff = who
        self.window.login_page.show_error("")
        self.window.status_bar.show_staff((who.name, who.role))
        self.window.show_checkout()
        self.next_customer()
        self.status.refresh()

    def logout(self) -> None:
        self.state.staff = None
        self.next_customer()
        self.window.status_bar.show_staff(None)
        self.window.show_login()

    def next_customer(self) -> None:
        """Esc: forget this customer, rest the display, back to the search field."""
        self.state.clear()
        for clear in (self.window.clear_banner, self.window.search_field.clear, self.window.award_panel.clear):
            clear()
        self.window.adjust_panel.clear()
        self.enrolls.reset()
        self.display.idle()
        self.window.show_panel("award")
        self.state.focus_search()

    # -- panels -----------------------------------------------------------------------------------
    def open_panel(self, name: str) -> None:
        w, has_customer = self.window, self.state.customer is not None
        w.show_panel(name)
        if name == "award":
            w.award_panel.focus_amount() if has_customer else self.state.focus_search()
        elif name == "redeem":
            self.redeems.open()
        elif name == "enroll":
            self.enrolls.open()
        elif name == "undo":
            self.corrections.describe_undo()
            w.undo_panel.focus_confirm()
        elif name == "adjust":
            w.adjust_panel.focus_points() if has_customer else self.state.focus_search()

    def _refresh_panels(self) -> None:
        c = self.state.customer
        self.window.award_panel.set_ready(c is not None, blocked=bool(c and c.blocked))
        self.window.adjust_panel.set_ready(c is not None)
        self.window.award_panel.set_currency(self.awards.currency_text(), thousands=self.awards.thousands())
        self.redeems.refresh()

    # -- settings and sync ------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        typed = self.awards.typed_before_language_change()
        code = self.translations.use(code)
        self.fmt.language = code
        set_setting(self.till, SETTING_KEY, code)
        self.window.language_actions[code].setChecked(True)
        self.window.clear_banner()
        self._refresh_panels()
        self.awards.language_changed(typed)
        self.display.retranslate()
        self.status.refresh()

    def sync_now(self) -> None:
        """Wake the sync worker (it returns at once; the cycle runs on its thread) and say how it went."""
        wake = getattr(self.status.source, "sync_now", None)
        if wake is None:
            self.window.show_banner("info", self.tr("No sync server is set up: this till works offline."))
            return
        self._awaiting_sync = True
        self.window.show_banner("info", self.tr("Connecting to the sync server…"))
        self.tasks.run(wake, on_done=lambda _: None, on_error=lambda _: self._sync_reported(None))

    def _sync_reported(self, status: SyncStatus | None) -> None:
        """The worker's report after the cycle the cashier asked for: a sentence, not a tooltip."""
        if not self._awaiting_sync:
            return
        self._awaiting_sync = False
        if status is not None and status.online:
            self.window.show_banner("ok", self.tr("Synced with the server."))
        elif status is not None and isinstance(status.last_error, Notice):  # sync could not even start
            self.state.refused(translate_message(status.last_error))
        else:
            self.state.refused(
                self.tr("The sync server cannot be reached. The till keeps working offline and sends everything later.")
            )

    def _complaint_notice(self, rating: int, name: str) -> None:
        """Discreet (the customer is standing there): a line on the status bar, not a red banner."""
        self.window.status_bar.showMessage(
            self.tr("{0}★ from {1}: a ticket is open for the manager. A kind word now helps.").format(
                rating, name or self.tr("a guest")
            ),
            30_000,
        )
