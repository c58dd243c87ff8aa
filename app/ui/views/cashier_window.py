"""The cashier window: login page, then the checkout page — search, customer card, actions, status.

Layout only. Every action is a ``QAction`` with its shortcut (F2 Award, F3
Redeem, F4 Enroll, Ctrl+Z Undo last, F6 manager correction, F7 attach a POS
receipt, Alt+←/→ another POS receipt, Esc next customer)
so the keyboard and the big buttons do the same thing; the checkout controller
connects them to the services.

One layout for every till from 1024×768 to 1920×1080: the type and the targets
step with the window's size (``size_scale``), names and long lines are cut
with "…" and a tooltip instead of wrapping, and the window opens filling the
screen it is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme
from app.ui.i18n import LANGUAGES
from app.ui.models import MatchListModel
from app.ui.shortcuts import window_action
from app.ui.views.customer_card import CustomerCardView
from app.ui.views.panels import AdjustPanel, AwardPanel, EnrollPanel, RedeemPanel, TillLineEdit, UndoPanel
from app.ui.views.pin import LoginPage
from app.ui.views.pos_panel import PosReceiptsPanel
from app.ui.views.status import StatusBarView

PANELS = ("award", "redeem", "enroll", "undo", "adjust")
CHECKOUT_ACTIONS = (
    "award",
    "redeem",
    "enroll",
    "undo",
    "adjust",
    "attach",
    "next_customer",
    "focus_search",
    "previous_receipt",
    "next_receipt",
)
RESTORED_SIZE = (1366, 768)  # un-maximised, and at most the screen's room
SHORT_BELOW = 860  # a window this short lists the rewards compactly (four in view)


def size_scale(width: int, height: int) -> float:
    """The type and target size for a window of this size (1.0 is the 1366×768 design).

    Steps, not a slope: the whole style is re-applied when it changes, which a till does
    once (maximised at start), never on every pixel of a drag.
    """
    if width < 1200 or height < 720:
        return 0.88  # 1024×768: five action buttons and four rewards must fit
    if width >= 1600 and height >= 1000:
        return 1.25  # 1920×1080, read from a step back
    return 1.0


class CashierWindow(QMainWindow):
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CashierWindow")
        self._scale = 1.0
        room = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(RESTORED_SIZE[0], room.width()), min(RESTORED_SIZE[1], room.height()))
        self.setMinimumSize(1024, 700)
        self.pages = QStackedWidget()
        self.login_page = LoginPage()
        self.checkout_page = QWidget()
        self.pages.addWidget(self.login_page)
        self.pages.addWidget(self.checkout_page)
        self.setCentralWidget(self.pages)
        self.status_bar = StatusBarView()
        self.setStatusBar(self.status_bar)
        self._build_actions()
        self._build_menus()
        self._build_checkout()
        self.retranslate()
        self.show_login()

    # -- construction ----------------------------------------------------------------------------
    def _action(self, shortcut: QKeySequence | str | None = None) -> QAction:
        return window_action(self, shortcut)

    def _build_actions(self) -> None:
        self.award_action = self._action("F2")
        self.redeem_action = self._action("F3")
        self.enroll_action = self._action("F4")
        self.undo_action = self._action("Ctrl+Z")
        self.adjust_action = self._action("F6")
        self.attach_action = self._action("F7")
        self.next_customer_action = self._action("Esc")
        self.focus_search_action = self._action("F1")
        # Alt+arrows, not bare arrows: the search field and the pick list keep their own.
        self.previous_receipt_action = self._action("Alt+Left")
        self.next_receipt_action = self._action("Alt+Right")
        self.logout_action = self._action()
        self.sync_now_action = self._action()
        self.thousands_action = self._action()  # typed amounts are thousands: 125 means 125.000
        self.thousands_action.setCheckable(True)
        self.map_pos_action = self._action()  # a manager maps an unknown POS export's columns
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            a = QAction(name, self)
            a.setCheckable(True)
            a.setData(code)
            group.addAction(a)
            self.language_actions[code] = a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.actions_menu = bar.addMenu("")
        for a in (
            self.award_action,
            self.redeem_action,
            self.enroll_action,
            self.undo_action,
            self.adjust_action,
            self.attach_action,
            self.next_customer_action,
        ):
            self.actions_menu.addAction(a)
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for a in self.language_actions.values():
            self.language_menu.addAction(a)
        self.settings_menu.addAction(self.thousands_action)
        self.settings_menu.addAction(self.sync_now_action)
        self.settings_menu.addAction(self.map_pos_action)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.logout_action)

    def _build_checkout(self) -> None:
        page = QVBoxLayout(self.checkout_page)
        page.setContentsMargins(14, 10, 14, 6)
        page.setSpacing(8)
        top = QHBoxLayout()
        self.search_field = TillLineEdit()
        self.search_field.setObjectName("SearchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_button = QPushButton()
        self.search_button.setAutoDefault(False)
        self.search_button.setMinimumHeight(52)
        self.next_button = QPushButton()
        self.next_button.setAutoDefault(False)
        self.next_button.setMinimumHeight(52)
        self.next_button.clicked.connect(self.next_customer_action.trigger)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.next_button)
        page.addLayout(top)
        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        page.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(14)
        self.card_stack = QStackedWidget()
        self.empty_page = QLabel()
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.empty_page.setObjectName("Card")
        self.customer_card = CustomerCardView()
        self.pick_page = QWidget()
        pick = QVBoxLayout(self.pick_page)
        pick.setContentsMargins(0, 0, 0, 0)
        self.pick_title = QLabel()
        self.pick_title.setObjectName("PanelTitle")
        self.pick_title.setWordWrap(True)
        self.pick_model = MatchListModel()
        self.pick_list = QListView()
        self.pick_list.setModel(self.pick_model)
        self.pick_list.setUniformItemSizes(True)
        # At 1024×768 a row (name · phone · card) is wider than the list: wrap it at the "·"s instead of
        # hiding the card number behind a sideways scroll bar.
        self.pick_list.setWordWrap(True)
        self.pick_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pick_more = QLabel()
        self.pick_more.setObjectName("Hint")
        pick.addWidget(self.pick_title)
        pick.addWidget(self.pick_list, 1)
        pick.addWidget(self.pick_more)
        for w in (self.empty_page, self.customer_card, self.pick_page):
            self.card_stack.addWidget(w)
        body.addWidget(self.card_stack, 11)

        right = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.action_group = QButtonGroup(self)
        self.action_group.setExclusive(True)
        self.action_buttons: dict[str, QPushButton] = {}
        actions = {
            "award": self.award_action,
            "redeem": self.redeem_action,
            "enroll": self.enroll_action,
            "undo": self.undo_action,
            "adjust": self.adjust_action,
        }
        for name in PANELS:
            b = QPushButton()
            b.setProperty("role", "action")
            b.setCheckable(True)
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(actions[name].trigger)
            self.action_group.addButton(b)
            self.action_buttons[name] = b
            buttons.addWidget(b)
        right.addLayout(buttons)
        self.panel_stack = QStackedWidget()
        self.award_panel = AwardPanel()
        self.redeem_panel = RedeemPanel()
        self.enroll_panel = EnrollPanel()
        self.undo_panel = UndoPanel()
        self.adjust_panel = AdjustPanel()
        self.panels: dict[str, QWidget] = {
            "award": self.award_panel,
            "redeem": self.redeem_panel,
            "enroll": self.enroll_panel,
            "undo": self.undo_panel,
            "adjust": self.adjust_panel,
        }
        for name in PANELS:
            self.panel_stack.addWidget(self.panels[name])
        right.addWidget(self.panel_stack, 1)
        body.addLayout(right, 10)
        page.addLayout(body, 1)
        self.pos_panel = PosReceiptsPanel()
        self.pos_panel.attach_clicked.connect(self.attach_action.trigger)
        self.previous_receipt_action.triggered.connect(lambda: self.pos_panel.step(-1))
        self.next_receipt_action.triggered.connect(lambda: self.pos_panel.step(1))
        page.addWidget(self.pos_panel)

    # -- size ------------------------------------------------------------------------------------
    def show_filling_screen(self) -> None:
        """Open maximised on the screen the window is on (its available room, taskbar excluded)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(RESTORED_SIZE[0], room.width()), min(RESTORED_SIZE[1], room.height()))
        self.showMaximized()

    def scale(self) -> float:
        return self._scale

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_scale(size_scale(event.size().width(), event.size().height()))
        # Height, not width, decides how many rewards are in view: 1366×768 is as short as 1024×768.
        short = event.size().height() < SHORT_BELOW
        self.redeem_panel.set_compact(short)
        self.customer_card.set_inline_rewards(short)
        super().resizeEvent(event)

    def _apply_scale(self, scale: float) -> None:
        if scale == self._scale:
            return
        self._scale = scale
        # The window's own sheet (the app's, scaled) wins over the application's for everything in it.
        self.setStyleSheet(theme.style(scale) if scale != 1.0 else "")
        compact = scale < 1.0
        self.customer_card.set_scale(scale)
        self.card_stack.setMinimumWidth(360 if compact else 420)

    # -- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty — cashier"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("Language"))
        self.actions_menu.setTitle(self.tr("&Actions"))
        self.logout_action.setText(self.tr("Log out"))
        self.sync_now_action.setText(self.tr("Sync now"))
        self.thousands_action.setText(self.tr("Type amounts in thousands (125 means 125,000)"))
        self.map_pos_action.setText(self.tr("Map a POS export…"))
        self.award_action.setText(self.tr("Award"))
        self.redeem_action.setText(self.tr("Redeem"))
        self.enroll_action.setText(self.tr("Enroll"))
        self.undo_action.setText(self.tr("Undo last"))
        self.adjust_action.setText(self.tr("Correct a balance (manager)"))
        self.attach_action.setText(self.tr("Attach the chosen POS receipt"))
        self.next_customer_action.setText(self.tr("Next customer"))
        labels = {
            "award": self.tr("Award"),
            "redeem": self.tr("Redeem"),
            "enroll": self.tr("Enroll"),
            "undo": self.tr("Undo"),
            "adjust": self.tr("Correct"),
        }
        keys = {"award": "F2", "redeem": "F3", "enroll": "F4", "undo": "Ctrl+Z", "adjust": "F6"}
        for name, b in self.action_buttons.items():
            b.setText(f"{labels[name]}\n{keys[name]}")
        self.search_field.setPlaceholderText(self.tr("Scan the card, or type a phone, card number or name"))
        self.search_button.setText(self.tr("Find"))
        self.next_button.setText(self.tr("Next customer (Esc)"))
        self.empty_page.setText(
            "<div style='font-size:30px; font-weight:bold; color:#6f4e37'>"
            + self.tr("Scan the customer's card")
            + "</div><div style='font-size:20px; color:#7a6e64; margin-top:12px'>"
            + self.tr("or type a phone number, card number or name and press Enter")
            + "</div><div style='font-size:18px; color:#7a6e64; margin-top:24px'>"
            + self.tr("New customer? Press F4 to enroll.")
            + "</div>"
        )
        self.pick_title.setText(self.tr("Several customers match — choose one (↑ ↓ Enter):"))

    # -- state the controller sets -------------------------------------------------------------
    def show_login(self) -> None:
        self.pages.setCurrentWidget(self.login_page)
        self.menuBar().setEnabled(True)
        for name in CHECKOUT_ACTIONS:
            getattr(self, f"{name}_action").setEnabled(False)
        self.login_page.pad.field.setFocus()

    def show_checkout(self) -> None:
        self.pages.setCurrentWidget(self.checkout_page)
        for name in CHECKOUT_ACTIONS:
            getattr(self, f"{name}_action").setEnabled(True)
        self.search_field.setFocus()

    def show_panel(self, name: str) -> None:
        self.panel_stack.setCurrentWidget(self.panels[name])
        self.action_buttons[name].setChecked(True)

    def current_panel(self) -> str:
        current = self.panel_stack.currentWidget()
        return next(name for name, w in self.panels.items() if w is current)

    def show_banner(self, kind: str, text: str) -> None:
        """kind: "ok" (done), "error" (refused, nothing changed) or "info"."""
        self.banner.setProperty("kind", kind)
        theme.repolish(self.banner)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def clear_banner(self) -> None:
        self.banner.clear()
        self.banner.setVisible(False)

    def show_empty(self) -> None:
        self.card_stack.setCurrentWidget(self.empty_page)

    def show_card(self) -> None:
        self.card_stack.setCurrentWidget(self.customer_card)

    def show_pick_list(self, more_text: str = "") -> None:
        self.card_stack.setCurrentWidget(self.pick_page)
        self.pick_more.setText(more_text)
        self.pick_list.setCurrentIndex(self.pick_model.index(0, 0))
        self.pick_list.setFocus()

    def set_pos_status(self, text: str, level: str = "", tooltip: str = "") -> None:
        """For the POS bridge: e.g. "2 receipts waiting" (shown as "POS: …"); level "warning"/"error"."""
        self.status_bar.set_pos_status(text, level, tooltip)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
