"""What the cashier window is about right now, shared by the action controllers.

One customer on screen, one staff member logged in, one banner. The award,
redeem, enroll and corrections controllers read this state and report what
they did through it; they never call each other. ``changes`` is the one signal
an action emits (Anki's ``OpChanges``): the card, the customer display and the
status bar each redraw themselves from it, so an action cannot forget one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.errors import LoyaltyError, PermissionDenied
from app.services.customers import CustomerView
from app.services.staff import StaffMember
from app.services.till import Till
from app.services.vouchers import IssuedVoucher
from app.ui.controllers.status import SyncStatusBridge
from app.ui.errors import error_text
from app.ui.format import Formatter
from app.ui.tasks import BackgroundOps
from app.ui.views.cashier_window import CashierWindow
from app.ui.views.pin import ManagerPinDialog


def till_home(till: Till) -> Path:
    """The folder holding the till's database (cards are saved beside it)."""
    database = till.engine.url.database
    return Path(database).resolve().parent if database else Path.cwd()


@dataclass(frozen=True)
class Changes:
    """What one cashier action changed: the after-state and the difference, for every screen."""

    action: str  # "award", "attach", "redeem", "enroll", "undo", "adjust", "voucher"
    before: CustomerView | None
    after: CustomerView | None
    points: int = 0
    stamps: int = 0
    entry_id: str | None = None  # the sale the customer may rate
    reversed_ids: frozenset[str] = field(default_factory=frozenset)
    voucher: IssuedVoucher | None = None
    card_payload: str = ""  # a new member's QR, for the display


class ScreenState(QObject):
    """The customer on screen, the staff member, and the signals every part of the window listens to."""

    customer_changed = Signal(object)  # CustomerView, or None when the screen is cleared
    customer_shown = Signal(object)  # CustomerView, each time the card is drawn
    changes = Signal(object)  # Changes, once per action that wrote something
    action_done = Signal(str)  # the action's name, after every screen redrew
    action_refused = Signal(str)  # the sentence shown
    pin_refused = Signal(str)  # a wrong manager PIN: the sentence shown in the dialog

    def __init__(
        self,
        till: Till,
        window: CashierWindow,
        status: SyncStatusBridge,
        fmt: Formatter,
        tasks: BackgroundOps,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.window, self.status, self.fmt, self.tasks = till, window, status, fmt, tasks
        self.staff: StaffMember | None = None
        self.customer: CustomerView | None = None
        self.identified = False
        self.last_bill: int | None = None
        self.pin_dialog: ManagerPinDialog | None = None
        self.changes.connect(self._status_changed)

    # -- the customer -----------------------------------------------------------------------------
    def show(self, c: CustomerView, *, animate_from_stamps: int | None = None) -> None:
        """Draw ``c`` on the cashier's card; everyone listening to ``customer_changed`` follows."""
        self.customer = c
        self.window.customer_card.show_customer(
            c,
            program=self.till.program(),
            fmt=self.fmt,
            identified=self.identified,
            animate_from_stamps=animate_from_stamps,
        )
        self.window.show_card()
        self.customer_shown.emit(c)
        self.customer_changed.emit(c)

    def clear(self) -> None:
        self.customer = None
        self.identified = False
        self.window.show_empty()
        self.customer_changed.emit(None)

    def on_screen(self, customer_id: str) -> bool:
        return self.customer is not None and self.customer.id == customer_id

    # -- reporting --------------------------------------------------------------------------------
    def done(self, changes: Changes, message: str) -> None:
        """An action committed: every screen redraws from ``changes``, then the banner says it."""
        if changes.after is not None and (changes.action == "enroll" or self.on_screen(changes.after.id)):
            before = changes.before.balance.stamps if changes.before and changes.action in ("award", "attach") else None
            self.show(changes.after, animate_from_stamps=before)
        self.changes.emit(changes)
        self.window.show_banner("ok", message)
        self.action_done.emit(changes.action)

    def refused(self, text: str) -> None:
        self.window.show_banner("error", text)
        self.action_refused.emit(text)

    def _status_changed(self, _: Changes) -> None:
        """A new entry waits in the outbox: count it once, and ask the worker for a cycle now."""
        self.status.refresh()
        wake = getattr(self.status.source, "sync_now", None)
        if wake is not None:
            self.tasks.run(wake, on_done=lambda _: None, on_error=lambda _: None)

    def focus_search(self) -> None:
        self.window.search_field.setFocus()
        self.window.search_field.selectAll()

    # -- the manager's PIN ------------------------------------------------------------------------
    def ask_manager(self, reason: str, approve: Callable[[str], None], *, statement: str = "") -> None:
        """A manager approves with their PIN in a dialog that says what is approved (``statement``).

        ``approve(pin)`` runs the action; a ``PermissionDenied`` it raises (a wrong PIN, not a
        manager's) keeps the dialog open with the sentence inline, so the manager types again
        instead of starting over. Any other refusal closes it and shows on the banner.
        """
        dialog = ManagerPinDialog(reason, self.window, statement=statement, checked=True)

        def entered(pin: str) -> None:
            try:
                approve(pin)
            except PermissionDenied as err:
                text = error_text(err)
                dialog.refuse(text)
                self.pin_refused.emit(text)
                return
            except LoyaltyError as err:
                dialog.accept()
                self.refused(error_text(err))
                return
            dialog.accept()

        dialog.pin_entered.connect(entered)
        dialog.finished.connect(lambda _: setattr(self, "pin_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.pin_dialog = dialog
        dialog.open()
        dialog.pad.field.setFocus()
