"""Start the cashier app: the cashier window (login first) and the customer display.

``run`` is what ``loyalty-terminal`` calls; ``build_windows`` makes the same
windows without entering the event loop, for the tests, the screenshot script
and the benchmark.

Start-up is a budget (under a second to the login window with a million members,
``tests/benchmarks/bench_start.py``): what the login window does not need is not
imported on the way there. Alembic only when the database is behind
(``app.db.migrate``), openpyxl only for an Excel export, sync and the housekeeping
thread only after the window has painted (``after_paint``); a test checks the
login path's ``sys.modules``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.services.pos_bridge import PosBridge
from app.services.settings import get_setting, store_name
from app.services.staff import StaffMember
from app.services.syncstatus import StatusSource
from app.services.till import Till
from app.ui import theme
from app.ui.backoffice.launch import CashierLauncher
from app.ui.camera import start_customer_camera
from app.ui.controllers.checkout import CheckoutController, till_home
from app.ui.controllers.display import DisplayController
from app.ui.controllers.pos import PosController
from app.ui.controllers.status import SyncStatusBridge
from app.ui.format import Formatter
from app.ui.i18n import DEFAULT_LANGUAGE, SETTING_KEY, Translations
from app.ui.scanner import ScanDetector
from app.ui.tasks import BackgroundOps
from app.ui.views.cashier_window import CashierWindow
from app.ui.views.display import CustomerDisplayWindow

if TYPE_CHECKING:
    from app.services.housekeeping import Housekeeper


@dataclass
class Windows:
    """Everything one running till UI is made of."""

    app: QApplication
    cashier: CashierWindow
    display: CustomerDisplayWindow
    checkout: CheckoutController
    display_controller: DisplayController
    status: SyncStatusBridge
    scanner: ScanDetector
    translations: Translations
    tasks: BackgroundOps
    pos: PosController
    backoffice: CashierLauncher | None = None  # F9: the back office (manager PIN)

    def show(self) -> None:
        """The cashier window filling the main screen, the display on the second screen if there is one."""
        self.cashier.show_filling_screen()
        place_display(self.app, self.display)
        self.cashier.raise_()
        self.cashier.activateWindow()

    def set_pos_status(self, text: str, level: str = "", tooltip: str = "") -> None:
        """The POS bridge's line in the status bar (call on the GUI thread)."""
        self.cashier.set_pos_status(text, level, tooltip)

    def close(self) -> None:
        self.app.removeEventFilter(self.scanner)
        self.status.stop()
        self.pos.stop()
        self.tasks.wait_idle()
        self.translations.uninstall()
        for window in (self.display, self.cashier):
            window.close()
            window.deleteLater()


def place_display(app: QApplication, display: CustomerDisplayWindow) -> None:
    primary = app.primaryScreen()
    others = [s for s in app.screens() if s is not primary]
    if others:
        display.setScreen(others[0])
        display.setGeometry(others[0].geometry())
        display.showFullScreen()
    else:  # one monitor (a laptop, a demo): a normal window beside the cashier's
        display.show()


def build_windows(
    till: Till,
    sync: StatusSource | None = None,
    staff: StaffMember | None = None,
    *,
    language: str | None = None,
    pos_bridge: PosBridge | None = None,
) -> Windows:
    """The till's windows, wired and not yet shown. A QApplication must exist.

    With ``staff`` the shift starts at once (the PIN was checked elsewhere). ``pos_bridge``
    (running or not) feeds the POS strip and the status line; without one, the strip still
    lists what waits unclaimed in the database.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication first")
    theme.apply(app)
    translations = Translations(app, cache_dir=till_home(till) / "i18n")
    translations.use(language or get_setting(till, SETTING_KEY, DEFAULT_LANGUAGE))
    fmt = Formatter.for_program(till.program(), translations.language, till.country())
    tasks = BackgroundOps(app)
    cashier = CashierWindow()
    cashier.login_page.store_label.setText(store_name(till))
    display = CustomerDisplayWindow()
    status = SyncStatusBridge(till, sync, cashier)
    display_controller = DisplayController(till, display, fmt, till.program, cashier)
    checkout = CheckoutController(till, cashier, display_controller, status, translations, fmt, tasks, cashier)
    pos = PosController(till, cashier, checkout, translations, fmt, tasks, pos_bridge, cashier)
    scanner = ScanDetector(cashier)
    app.installEventFilter(scanner)
    scanner.scanned.connect(checkout.on_scanned)
    start_customer_camera(till, scanner, cashier)  # the customer display's webcam scans too, if one is set
    display_controller.idle()
    status.refresh()
    if staff is not None:
        checkout.start_shift(staff)
    windows = Windows(app, cashier, display, checkout, display_controller, status, scanner, translations, tasks, pos)
    windows.backoffice = CashierLauncher(windows)
    return windows


class AfterFirstPaint(QObject):
    """Calls its callbacks once, on the GUI thread, right after ``window`` (or a widget in it) first painted.

    What a cashier does not need to log in (sync, housekeeping) starts here, so it never delays the
    login window. An application-wide event filter, removed at the first paint; if the window never
    paints (minimised at start), the callbacks run after ``fallback_ms`` all the same.
    """

    def __init__(self, window: QWidget, callbacks: Sequence[Callable[[], None]], *, fallback_ms: int = 3000) -> None:
        super().__init__(window)
        self._window = window
        self._callbacks = list(callbacks)
        self.fired = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self._window
            and not self.fired
        ):
            QTimer.singleShot(0, self, self._fire)  # after this paint is on the screen
        return False

    def _fire(self) -> None:
        if self.fired:
            return
        self.fired = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for callback in self._callbacks:
            callback()


def run(
    till: Till,
    *,
    sync: StatusSource | None = None,
    pos_bridge: PosBridge | None = None,
    argv: list[str] | None = None,
    after_paint: Sequence[Callable[[], None]] = (),
) -> int:
    """Show the login, then the checkout; returns the exit code when the cashier window is closed.

    The caller starts and stops ``pos_bridge`` and sync (``after_paint`` runs once the login window
    has painted: the caller's late starts, then the housekeeping thread); the UI only listens.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("Loyalty terminal")
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, True)
    windows = build_windows(till, sync, pos_bridge=pos_bridge)
    windows.cashier.closing.connect(app.quit)
    housekeeper: list[Housekeeper] = []

    def start_housekeeping() -> None:
        from app.services.housekeeping import Housekeeper

        keeper = Housekeeper(till)
        keeper.start()
        housekeeper.append(keeper)

    # The collector was paused for the start-up (app.start); what was built is frozen below.
    starter = AfterFirstPaint(windows.cashier, [gc.enable, *after_paint, start_housekeeping])
    windows.show()
    # Everything built so far lives as long as the app: keep it out of the collector's full
    # passes, which would otherwise walk it during a checkout.
    gc.freeze()
    try:
        return app.exec()
    finally:
        starter.deleteLater()
        for keeper in housekeeper:
            keeper.stop()
        windows.close()
