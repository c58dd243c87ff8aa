"""Award (F2): the bill typed, what it earns shown before anything is written, Enter awards it.

Slips of the finger are caught here, visibly, before the service is called: a
minus sign, a decimal comma in a đồng amount, an amount below the smallest
step that earns anything (asked once more). "125" followed by ``*`` or ``k``
is read as 125.000, the way cashiers in Vietnam count; with the till's setting "amounts in
thousands" a plain "125" is too, and the field says ".000 ₫" after it so nobody is surprised.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtCore import QObject

from app.core.earning import Bill
from app.core.errors import InvalidInput, LoyaltyError
from app.core.money import Currency, currency, parse_amount
from app.services import awards
from app.services.customers import CustomerView, view
from app.services.settings import amounts_in_thousands, set_amounts_in_thousands
from app.ui.controllers.screen import Changes, ScreenState
from app.ui.errors import error_text, translate_flag
from app.ui.format import Formatter, point_unit, tier_label
from app.ui.views.texts import earned_text

THOUSANDS_KEYS = ("*", "k", "K")  # "125*" → 125.000: the amount in thousands, one key


def read_amount(text: str, cur: Currency, language: str, *, in_thousands: bool = False) -> int:
    """The bill a cashier typed, in minor units; anything that is not plainly an amount is refused.

    The field's validator lets a minus sign and a comma through on purpose: dropping them
    silently turned "-5000" into a 5.000 ₫ sale and "12,5" into 125 ₫. Here they are refused
    with a sentence. Whole-unit currencies (đồng) take digits grouped by the UI's separator only.
    ``in_thousands`` (the till's setting, whole-unit currencies only): every amount is thousands,
    and the ``*`` key then changes nothing.
    """
    typed = text.strip()
    thousands = typed.endswith(THOUSANDS_KEYS) or (in_thousands and cur.exponent == 0)
    if typed.endswith(THOUSANDS_KEYS):
        typed = typed[:-1].rstrip()
    if not typed:
        raise InvalidInput("Type the amount the customer paid.")
    if typed[0] in "-−":
        raise InvalidInput("A bill cannot be negative. To take back a sale, use Undo (Ctrl+Z).")
    if cur.exponent == 0:
        group = "." if language == "vi" else ","
        plain = re.sub(r"\s", "", typed)
        grouped = rf"[0-9]{{1,3}}(\{group}[0-9]{{3}})+"
        if not (re.fullmatch(r"[0-9]+", plain) or re.fullmatch(grouped, plain)):
            raise InvalidInput(
                "{0} is not an amount: type the bill in whole {1}, for example {2}.",
                text=text.strip(),
                currency=cur.symbol,
                example="125.000" if language == "vi" else "125,000",
            )
        minor = int(plain.replace(group, ""))
    else:
        minor = parse_amount(typed, cur, decimal_comma=language == "vi")
    return minor * 1000 if thousands else minor


class AwardController(QObject):
    """The award panel and the one path every earning sale takes to both screens."""

    def __init__(self, state: ScreenState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.panel = state.window.award_panel
        self._small_confirmed: int | None = None  # an amount below the step, asked once and confirmed
        self.in_thousands = amounts_in_thousands(state.till)  # read once; changed through set_in_thousands
        self.panel.amount_edited.connect(self.preview)
        self.panel.confirmed.connect(self.award)

    @property
    def fmt(self) -> Formatter:
        return self.state.fmt

    def _currency(self) -> Currency:
        return currency(self.state.till.program().currency)

    def thousands(self) -> bool:
        """The setting applies to whole-unit currencies only (a thousand cents is no shortcut)."""
        return self.in_thousands and self._currency().exponent == 0

    def set_in_thousands(self, on: bool) -> None:
        """The cashier's Settings menu: stored for the till, the field's suffix and preview redrawn."""
        set_amounts_in_thousands(self.state.till, on)
        self.in_thousands = on
        self.panel.set_currency(self.currency_text(), thousands=self.thousands())
        if self.panel.amount_text().strip():
            self.preview()

    def typed_before_language_change(self) -> int:
        """The amount in the field read in the old language's grouping (0 if none or not an amount)."""
        try:
            return self.typed_amount() if self._currency().exponent == 0 else 0
        except LoyaltyError:
            return 0

    def language_changed(self, typed: int) -> None:
        """Rewrite what was typed in the new language's grouping, with its suffix and preview."""
        self.panel.set_currency(self.currency_text(), thousands=self.thousands())
        if typed:
            self.panel.set_amount(self.fmt.number(typed // 1000 if self.thousands() else typed))
        if self.state.customer is not None and self.panel.amount_text():
            self.preview()

    def currency_text(self) -> str:
        """What follows the field: "₫", or ".000 ₫" when typed amounts are thousands."""
        symbol = self._currency().symbol
        if not self.thousands():
            return symbol
        return ("." if self.fmt.language == "vi" else ",") + "000 " + symbol

    def amount(self, text: str) -> int:
        return read_amount(text, self._currency(), self.fmt.language, in_thousands=self.thousands())

    def typed_amount(self) -> int:
        """The bill in the field, or 0 when none is typed (a voucher covers at most the bill)."""
        text = self.panel.amount_text()
        return self.amount(text) if text.strip() else 0

    def _regroup(self) -> str:
        """Write the amount with the UI's groups as it is typed (125.000): at arm's length 125000
        and 1250000 look alike; 125.000 and 1.250.000 do not. ``*``/``k`` multiply by a thousand.
        Whole-unit currencies only; anything else is left as typed, to be refused on Enter."""
        text = self.panel.amount_text()
        group = "." if self.fmt.language == "vi" else ","
        body, thousands = (text[:-1], True) if text.endswith(THOUSANDS_KEYS) else (text, False)
        if self._currency().exponent != 0 or not re.fullmatch(rf"[0-9\s{re.escape(group)}]+", body):
            return text
        digits = re.sub(r"\D", "", body).lstrip("0")
        if thousands and digits and not self.thousands():  # in thousands already: "*" changes nothing
            digits += "000"
        grouped = self.fmt.number(int(digits)) if digits else ""
        if grouped != text:
            self.panel.set_amount(grouped)
        return grouped

    def preview(self, _: str = "") -> None:
        text = self._regroup()
        self._small_confirmed = None
        customer = self.state.customer
        if not text.strip() or customer is None:
            self.panel.show_preview("", "")
            return
        try:
            amount = self.amount(text)
            earn = awards.preview(self.state.till, customer.id, Bill(paid=amount))
        except LoyaltyError as err:
            self.panel.show_problem(error_text(err))
            return
        program = self.state.till.program()
        detail = self.tr("Bill {0}").format(self.fmt.money(amount))
        if earn.multipliers:
            factors = " × ".join(f"{_factor(f)} ({tier_label(why)})" for why, f in earn.multipliers)
            detail += " · " + self.tr("{0} {1} × {2}").format(
                earn.base_points, point_unit(program.point_name), factors
            )
        self.panel.show_preview(earned_text(earn.points, earn.stamps, program, self.fmt), detail)

    def award(self, text: str) -> None:
        state, c = self.state, self.state.customer
        if c is None or state.staff is None:
            state.refused(self.tr("Scan a card or find a customer first."))
            return
        text = self._regroup() or text
        try:
            amount = self.amount(text)
        except LoyaltyError as err:
            self._refuse(error_text(err))
            return
        step = state.till.program().amount_step
        if 0 < amount < step and self._small_confirmed != amount:
            self._small_confirmed = amount
            self.panel.show_problem(
                self.tr(
                    "{0} is less than {1}, the smallest bill that earns points. "
                    "Check the amount, or press Enter again to record it."
                ).format(self.fmt.money(amount), self.fmt.money(step))
            )
            return
        self._small_confirmed = None
        try:
            result = awards.award(state.till, c.id, Bill(paid=amount), staff=state.staff)
        except LoyaltyError as err:
            self._refuse(error_text(err))
            return
        self.show_awarded(c, result)

    def _refuse(self, text: str) -> None:
        self.panel.show_problem(text)
        self.state.refused(text)
        self.panel.focus_amount()

    def show_awarded(self, before: CustomerView, result: awards.AwardResult, *, receipt: str = "") -> None:
        """Both screens after a sale earned: typed here (F2), or a POS ``receipt`` attached (F7).

        One path for both, so a receipt from the POS looks and feels exactly like a typed bill.
        """
        state = self.state
        # The award read the after-state in its own transaction; a second one here would only
        # cost the cashier a read (and could show a sale another till synced in between).
        after = result.after if result.after is not None else view(state.till, before.id)
        program = state.till.program()
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
            message += " ⚠ " + escape(translate_flag(flag))
        state.last_bill = amount
        self.panel.clear()
        state.done(
            Changes(
                "attach" if receipt else "award",
                before,
                after,
                points=result.points,
                stamps=result.stamps,
                entry_id=result.earn.id,
            ),
            message,
        )
        state.focus_search()


def _factor(f: Any) -> str:
    return str(f.numerator) if f.denominator == 1 else f"{float(f):g}"
