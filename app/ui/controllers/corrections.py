"""Undo last (Ctrl+Z) and the manager's correction (F6).

Both can take something away from a customer, so both say plainly whom and what
before anything happens: the undo panel names the customer and the action, and
refuses to undo another customer's action while this one is on screen; the
manager signs a dialog that states the change ("+5 points, 0 stamps for
Nguyễn Thị Ánh"). The correction is checked (``check_adjust``, no side effect)
before any PIN is asked.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

from app.core.errors import LoyaltyError, PermissionDenied
from app.core.ledger import EntryKind, LedgerEntry
from app.services import corrections, customers, staff
from app.ui.controllers.screen import Changes, ScreenState
from app.ui.errors import error_text
from app.ui.views.texts import earned_text


class CorrectionsController(QObject):
    def __init__(self, state: ScreenState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.undo_panel = state.window.undo_panel
        self.adjust_panel = state.window.adjust_panel
        self.undo_panel.confirmed.connect(self.undo)
        self.adjust_panel.confirmed.connect(self.adjust)
        state.customer_changed.connect(lambda c: self.adjust_panel.set_ready(c is not None))

    # -- undo -------------------------------------------------------------------------------------
    def _last(self) -> list[LedgerEntry]:
        return corrections.last_action(self.state.till, self.state.staff) if self.state.staff else []

    def _someone_else(self, entries: list[LedgerEntry]) -> bool:
        """The last action was for another customer than the one on screen (an empty screen is anyone's)."""
        on_screen = self.state.customer
        return bool(entries) and on_screen is not None and on_screen.id != entries[0].customer_id

    def describe_undo(self) -> None:
        """The customer's name first and large, then the action: the cashier must see whom it hits."""
        state = self.state
        entries = self._last()
        if not entries:
            self.undo_panel.show_action(self.tr("There is nothing to undo."), possible=False)
            return
        first = entries[0]
        who = customers.view(state.till, first.customer_id).name
        text = (
            f"<span style='font-size:26px; font-weight:bold'>{escape(who)}</span><br>"
            + self.tr("{0}, at {1}.").format(self.entry_text(entries), state.fmt.time(first.created_at))
        )
        if self._someone_else(entries):
            assert state.customer is not None
            text += "<br><b style='color:#c62828'>" + self.tr(
                "Your last action was for {0}, not for {1} who is on screen. "
                "Press Esc to clear the screen, then undo."
            ).format(escape(who), escape(state.customer.name)) + "</b>"
            self.undo_panel.show_action(text, possible=False)
            return
        if state.till.clock() - first.created_at > corrections.UNDO_WINDOW:
            text += (
                "<br><b style='color:#c62828'>"
                + self.tr("More than 2 minutes ago: a manager PIN is needed.")
                + "</b>"
            )
        self.undo_panel.show_action(text, possible=True)

    def undo(self) -> None:
        state = self.state
        if state.staff is None:
            return
        entries = self._last()
        if self._someone_else(entries):  # the panel said so; Enter must not do it anyway
            self.describe_undo()
            return
        try:
            done = corrections.undo_last(state.till, state.staff)
        except PermissionDenied:
            who = customers.view(state.till, entries[0].customer_id).name if entries else ""
            state.ask_manager(
                self.tr("Undoing an action older than 2 minutes needs a manager PIN."),
                self._undo_approved,
                statement=self.tr("Undo {0} for {1}").format(self.entry_text(entries), who) if entries else "",
            )
            return
        except LoyaltyError as err:
            state.refused(error_text(err))
            return
        self._undone(done)

    def _undo_approved(self, pin: str) -> None:
        assert self.state.staff is not None
        self._undone(corrections.undo_last(self.state.till, self.state.staff, manager_pin=pin))

    def _undone(self, reversals: list[LedgerEntry]) -> None:
        state = self.state
        customer_id = reversals[0].customer_id
        after = customers.view(state.till, customer_id)
        points = sum(e.points for e in reversals if e.customer_id == customer_id)
        stamps = sum(e.stamps for e in reversals if e.customer_id == customer_id)
        message = self.tr("Undone for {0}: {1}.").format(
            escape(after.name), earned_text(points, stamps, state.till.program(), state.fmt)
        )
        reversed_ids = frozenset(e.reverses for e in reversals if e.reverses)
        state.done(
            Changes("undo", state.customer, after, points=points, stamps=stamps, reversed_ids=reversed_ids),
            message,
        )
        state.window.show_panel("award")
        state.focus_search()

    def entry_text(self, entries: list[LedgerEntry]) -> str:
        """ "sale of 125.000 ₫: +12 points, +1 stamp" — what the undo would take back."""
        program, fmt = self.state.till.program(), self.state.fmt
        main = next(
            (e for e in entries if e.kind in (EntryKind.EARN, EntryKind.REDEEM, EntryKind.ADJUST)),
            entries[-1] if entries[-1].kind is EntryKind.EARN else entries[0],
        )
        points = sum(e.points for e in entries if e.customer_id == main.customer_id)
        stamps = sum(e.stamps for e in entries if e.customer_id == main.customer_id)
        earned = earned_text(points, stamps, program, fmt)
        if main.kind is EntryKind.EARN:
            return self.tr("sale of {0}: {1}").format(fmt.money(main.amount or 0), earned)
        if main.kind is EntryKind.REDEEM:
            return self.tr("reward {0}: {1}").format(main.reason, earned)
        if main.kind is EntryKind.BONUS:
            return self.tr("welcome bonus: {0}").format(earned)
        return self.tr("correction: {0}").format(earned)

    # -- the manager's correction -----------------------------------------------------------------
    def adjust(self, points: int, stamps: int, reason: str) -> None:
        state, c = self.state, self.state.customer
        if c is None:
            state.refused(self.tr("Scan a card or find a customer first."))
            return
        try:
            corrections.check_adjust(points=points, stamps=stamps, reason=reason)
        except LoyaltyError as err:
            state.refused(error_text(err))
            return
        change = earned_text(points, stamps, state.till.program(), state.fmt)
        state.ask_manager(
            self.tr("A manager approves this correction. Reason: {0}").format(reason.strip()),
            lambda pin: self._adjust_approved(pin, c.id, points, stamps, reason),
            statement=self.tr("{0} for {1}").format(change, c.name),
        )

    def _adjust_approved(self, pin: str, customer_id: str, points: int, stamps: int, reason: str) -> None:
        state = self.state
        before = state.customer
        manager = staff.require_manager(state.till, pin)
        corrections.adjust(state.till, customer_id, points=points, stamps=stamps, reason=reason, manager=manager)
        after = customers.view(state.till, customer_id)
        self.adjust_panel.clear()
        state.done(
            Changes("adjust", before, after, points=points, stamps=stamps),
            self.tr("Corrected by {0}: {1}.").format(
                escape(manager.name), earned_text(points, stamps, state.till.program(), state.fmt)
            ),
        )
        state.focus_search()
