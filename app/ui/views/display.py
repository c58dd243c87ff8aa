"""The customer display: a second window, facing the customer, read from a step away.

Pages: *idle* (the shop and how the program works, a sign-up QR when the shop
has one), *customer* (greeting, points, the stamp card filling up after a sale,
the next reward and how far it is, then 1–5 rating buttons), *enrolled* (the new
card's QR, to photograph and use instead of the plastic card).

Type, the rating buttons and the stamp card's caption scale with the window, so
the same layout works on a 10" 1024×768 and a 24" 1920×1080 monitor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme
from app.ui.views.stamp_card import StampCardWidget

RATING_BUTTON_PX = 96  # at the 768-pixel design height
IDLE_CARD_SIZE = (640, 230)  # the idle page's stamp card at the 768-pixel design height


class _Scaled:
    """Labels whose font size follows the window height (base sizes are for a 768 px screen)."""

    def __init__(self) -> None:
        self._items: list[tuple[QWidget, int, str]] = []

    def add(self, widget: QWidget, px: int, extra: str = "") -> QWidget:
        self._items.append((widget, px, extra))
        return widget

    def apply(self, scale: float) -> None:
        for widget, px, extra in self._items:
            widget.setStyleSheet(f"font-size: {max(int(px * scale), 10)}px; {extra}")


def _label(align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel()
    label.setAlignment(align)
    label.setWordWrap(True)
    return label


class CustomerDisplayWindow(QWidget):
    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("DisplayRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(1024, 768)
        self._scaled = _Scaled()
        s = self._scaled
        self.pages = QStackedWidget()
        root = QVBoxLayout(self)
        root.setContentsMargins(30, 24, 30, 24)
        root.addWidget(self.pages)

        # idle
        self.idle_page = QWidget()
        idle = QVBoxLayout(self.idle_page)
        self.store_label = s.add(_label(), 54, "font-weight: bold; color: #6f4e37;")
        self.tagline_label = s.add(_label(), 30)
        self.rules_label = s.add(_label(), 24, "color: #4e3526;")
        self.idle_card = StampCardWidget(large=True, caption=False)
        self.idle_card.setMaximumWidth(IDLE_CARD_SIZE[0])
        self.signup_qr = QLabel()
        self.signup_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signup_caption = s.add(_label(), 22, "color: #7a6e64;")
        idle.addStretch(1)
        for w in (self.store_label, self.tagline_label):
            idle.addWidget(w)
        idle.addWidget(self.idle_card, 0, Qt.AlignmentFlag.AlignHCenter)
        for w in (self.rules_label, self.signup_qr, self.signup_caption):
            idle.addWidget(w)
        idle.addStretch(1)

        # customer
        self.customer_page = QWidget()
        cust = QVBoxLayout(self.customer_page)
        cust.setSpacing(10)
        self.greeting_label = s.add(_label(), 44, "font-weight: bold; color: #6f4e37;")
        self.gained_label = s.add(_label(), 40, "font-weight: bold; color: #2e7d32;")
        figures = QHBoxLayout()
        self.points_label = s.add(_label(), 72, "font-weight: bold; color: #6f4e37;")
        self.points_caption = s.add(_label(), 24, "color: #7a6e64;")
        # The darker gold: the card's #c9962b on cream is 2.5:1, too faint to read from a step away.
        self.tier_label = s.add(_label(), 24, f"color: {theme.GOLD_TEXT.name()}; font-weight: bold;")
        points_box = QVBoxLayout()
        points_box.setSpacing(0)
        points_box.addStretch(1)
        for w in (self.points_label, self.points_caption, self.tier_label):
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            points_box.addWidget(w)
        points_box.addStretch(1)
        self.stamp_card = StampCardWidget(large=True)
        figures.addLayout(points_box, 2)
        figures.addWidget(self.stamp_card, 5)
        self.next_label = s.add(_label(), 30)
        self.available_label = s.add(_label(), 28, "color: #2e7d32; font-weight: bold;")
        self.rating_box = QWidget()
        rating = QVBoxLayout(self.rating_box)
        rating.setContentsMargins(0, 0, 0, 0)
        self.rating_question = s.add(_label(), 30, "font-weight: bold;")
        rating.addWidget(self.rating_question)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.rating_buttons: list[QPushButton] = []
        self.rating_captions: list[QLabel] = []
        for i in range(5):
            b = QPushButton(f"{i + 1}")
            b.setProperty("role", "rating")
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cashier's keyboard never lands here
            b.clicked.connect(lambda _=False, n=i + 1: self.rated.emit(n))
            caption = s.add(_label(), 18, "color: #7a6e64;")
            grid.addWidget(b, 0, i, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 1, i)
            self.rating_buttons.append(b)
            self.rating_captions.append(caption)
        rating.addLayout(grid)
        self.thanks_label = s.add(_label(), 36, "font-weight: bold; color: #2e7d32;")
        # A 1–2★ is answered with an apology, in a warm tone: a 5★ thank-you would sound like mockery.
        self.apology_label = s.add(_label(), 32, "font-weight: bold; color: #8d4e1a;")
        self.apology_label.setWordWrap(True)
        for w in (self.greeting_label, self.gained_label):
            cust.addWidget(w)
        cust.addLayout(figures, 1)
        for w in (self.next_label, self.available_label, self.rating_box, self.thanks_label, self.apology_label):
            cust.addWidget(w)

        # enrolled
        self.enrolled_page = QWidget()
        enr = QVBoxLayout(self.enrolled_page)
        self.welcome_label = s.add(_label(), 46, "font-weight: bold; color: #6f4e37;")
        self.card_qr = QLabel()
        self.card_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = s.add(_label(), 26)
        self.card_number_label = s.add(_label(), 30, "font-weight: bold; letter-spacing: 3px;")
        self.starter_label = s.add(_label(), 26, "color: #2e7d32; font-weight: bold;")
        enr.addStretch(1)
        for w in (
            self.welcome_label,
            self.card_qr,
            self.card_number_label,
            self.qr_caption,
            self.starter_label,
        ):
            enr.addWidget(w)
        enr.addStretch(1)

        for page in (self.idle_page, self.customer_page, self.enrolled_page):
            self.pages.addWidget(page)
        self.retranslate()
        self.show_idle("", "")

    # -- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty — customer display"))
        self.tagline_label.setText(self.tr("Collect points and stamps on every visit"))
        self.rating_question.setText(self.tr("How was your visit today?"))
        captions = [self.tr("Bad"), self.tr("Poor"), self.tr("Okay"), self.tr("Good"), self.tr("Great")]
        for label, text in zip(self.rating_captions, captions, strict=True):
            label.setText(text)
        self.thanks_label.setText(self.tr("Thank you for telling us!"))
        self.apology_label.setText(
            self.tr("We are sorry we let you down. The manager will get in touch to make it right.")
        )
        self.qr_caption.setText(self.tr("Take a photo of this code: show it next time instead of the card."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        scale = max(0.7, min(self.height() / 768, self.width() / 1024))
        self._scaled.apply(scale)
        self._scale_rating_buttons(scale)
        # The idle card grows with the screen too: at 640 × 260 it was a stamp on a 24" monitor.
        self.idle_card.setMaximumWidth(int(IDLE_CARD_SIZE[0] * scale))
        self.idle_card.setMinimumHeight(int(IDLE_CARD_SIZE[1] * scale))
        super().resizeEvent(event)

    def _scale_rating_buttons(self, scale: float) -> None:
        """Round buttons a thumb can't miss: 96 px at 768 px high, 135 px at 1080."""
        side = max(int(RATING_BUTTON_PX * scale), 64)
        for b in self.rating_buttons:
            b.setFixedSize(side, side)
            b.setStyleSheet(
                f"min-width: {side}px; min-height: {side}px; max-width: {side}px; max-height: {side}px;"
                f" padding: 0; border-radius: {side // 2}px; font-size: {int(side * 0.42)}px;"
            )

    # -- pages (the display controller fills them) ------------------------------------------------
    def show_idle(
        self,
        store_name: str,
        rules: str,
        signup_qr: QPixmap | None = None,
        signup_text: str = "",
        *,
        starter_stamps: int = 0,
        card_size: int = 10,
    ) -> None:
        self.store_label.setText(store_name)
        self.idle_card.set_stamps(starter_stamps, card_size)
        self.rules_label.setText(rules)
        self.signup_qr.setVisible(signup_qr is not None)
        if signup_qr is not None:
            self.signup_qr.setPixmap(signup_qr)
        self.signup_caption.setText(signup_text)
        self.signup_caption.setVisible(bool(signup_text))
        self.pages.setCurrentWidget(self.idle_page)

    def show_customer(
        self,
        *,
        greeting: str,
        points: str,
        points_caption: str,
        tier: str,
        stamps: int,
        card_size: int,
        next_reward: str,
        available: str,
        gained: str = "",
        stamps_before: int | None = None,
        ask_rating: bool = False,
    ) -> None:
        self.greeting_label.setText(greeting)
        self.gained_label.setText(gained)
        self.gained_label.setVisible(bool(gained))
        self.points_label.setText(points)
        self.points_caption.setText(points_caption)
        self.tier_label.setText(tier)
        self.stamp_card.set_stamps(stamps, card_size, animate_from=stamps_before)
        self.next_label.setText(next_reward)
        self.next_label.setVisible(bool(next_reward))
        self.available_label.setText(available)
        self.available_label.setVisible(bool(available))
        self.rating_box.setVisible(ask_rating)
        for b in self.rating_buttons:
            b.setEnabled(ask_rating)
        self.thanks_label.setVisible(False)
        self.apology_label.setVisible(False)
        self.pages.setCurrentWidget(self.customer_page)

    def show_thanks(self, *, apology: bool = False) -> None:
        """After a rating: a thank-you, or for a low one an apology (never the 5★ thank-you)."""
        self.rating_box.setVisible(False)
        self.thanks_label.setVisible(not apology)
        self.apology_label.setVisible(apology)
        if apology:  # no selling to someone who just told us we let them down
            for w in (self.gained_label, self.next_label, self.available_label):
                w.setVisible(False)

    def show_enrolled(self, welcome: str, qr: QPixmap, card_number: str, starter: str, caption: str = "") -> None:
        """The new member's card (or, with ``caption``, another code to photograph: a voucher)."""
        self.qr_caption.setText(
            caption or self.tr("Take a photo of this code: show it next time instead of the card.")
        )
        self.welcome_label.setText(welcome)
        self.card_qr.setPixmap(qr)
        self.card_number_label.setText(card_number)
        self.starter_label.setText(starter)
        self.starter_label.setVisible(bool(starter))
        self.pages.setCurrentWidget(self.enrolled_page)

    def page(self) -> str:
        current = self.pages.currentWidget()
        return {self.idle_page: "idle", self.customer_page: "customer", self.enrolled_page: "enrolled"}[
            current
        ]
