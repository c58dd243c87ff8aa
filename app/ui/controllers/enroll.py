"""Enroll (F4): a new member from a phone and a name, her card shown, printed or saved as an image.

The card is rendered off the GUI thread (a PDF sheet takes a moment); the store
name on it comes from the till's identity, read once, not from a session here.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from app.cards.phone import render_phone_card_png
from app.cards.render import CardFace, render_card_pdf
from app.core.cardcode import format_card_number
from app.core.errors import LoyaltyError
from app.core.lifecycle import parse_birthday
from app.services import customers
from app.services.customers import Enrolled
from app.services.settings import store_name
from app.ui.controllers.screen import Changes, ScreenState, till_home
from app.ui.errors import error_text


class EnrollController(QObject):
    card_saved = Signal(object)  # Path
    qr_requested = Signal(object, str)  # CustomerView, card payload: her QR again on the display

    def __init__(self, state: ScreenState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.panel = state.window.enroll_panel
        self.enrolled: Enrolled | None = None
        self.saved_card: Path | None = None
        self.panel.confirmed.connect(self.enroll)
        self.panel.save_pdf.connect(lambda: self.save_card("pdf"))
        self.panel.save_png.connect(lambda: self.save_card("png"))
        self.panel.show_qr.connect(self.show_qr)
        self.panel.open_file.connect(self.open_saved_card)
        self.panel.start_over.connect(self.start_over)

    def open(self) -> None:
        if self.enrolled is None or self.panel.showing_form():
            self.panel.focus_first_empty()

    def reset(self, *, phone: str = "", name: str = "") -> None:
        self.enrolled = None
        self.panel.show_form(phone=phone, name=name)

    def start_over(self) -> None:
        self.reset()
        self.panel.focus_first_empty()

    def enroll(self, phone: str, name: str, birthday_text: str, referral: str) -> None:
        state = self.state
        if state.staff is None:
            return
        try:
            birthday = parse_birthday(birthday_text)
        except LoyaltyError as err:
            state.refused(error_text(err))
            self.panel.focus_birthday()
            return
        try:
            done = customers.enroll(
                state.till, name=name, phone=phone, staff=state.staff, birthday=birthday, referral_code=referral
            )
        except LoyaltyError as err:
            state.refused(error_text(err))
            return
        self.enrolled = done
        self.saved_card = None
        state.identified = False
        after = customers.view(state.till, done.customer_id)
        self.panel.show_done(
            self.tr("<b>{0}</b> is a member. Card number <b>{1}</b>, referral code <b>{2}</b>.").format(
                escape(after.name), format_card_number(done.card_number), done.referral_code
            )
        )
        state.done(
            Changes("enroll", None, after, stamps=after.balance.stamps, card_payload=done.payload),
            self.tr("Welcome {0}: enrolled with {1} starter stamps.").format(escape(after.name), after.balance.stamps),
        )
        self.panel.focus_card_buttons()

    def show_qr(self) -> None:
        if self.enrolled is not None and self.state.customer is not None:
            self.qr_requested.emit(self.state.customer, self.enrolled.payload)

    def save_card(self, kind: str) -> None:
        """Render the new member's card off the GUI thread (a PDF sheet takes a moment)."""
        c = self.state.customer
        if self.enrolled is None or c is None:
            return
        face = CardFace(
            name=c.name,
            card_number=self.enrolled.card_number,
            payload=self.enrolled.payload,
            store_name=store_name(self.state.till),
            tier=c.tier,
        )
        out = till_home(self.state.till) / "cards" / f"{self.enrolled.card_number}.{kind}"

        def render() -> Path:
            out.parent.mkdir(parents=True, exist_ok=True)
            return render_card_pdf([face], out) if kind == "pdf" else render_phone_card_png(face, out)

        self.state.window.show_banner("info", self.tr("Preparing the card…"))
        self.state.tasks.run(render, on_done=self._card_saved, on_error=self._card_failed)

    def _card_saved(self, path: Path) -> None:
        self.saved_card = path
        self.panel.show_file(str(path))
        self.state.window.show_banner("ok", self.tr("Card saved: {0}").format(escape(str(path))))
        self.card_saved.emit(path)

    def _card_failed(self, exc: Exception) -> None:
        self.state.refused(self.tr("The card could not be saved: {0}").format(escape(str(exc))))

    def open_saved_card(self) -> None:
        if self.saved_card is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_card)))
