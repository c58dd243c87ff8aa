"""Opening the back office: from the cashier window (F9) or alone (``loyalty-backoffice``).

Either way a manager or owner types their PIN; a cashier's PIN is refused with a
sentence that says why. Opening is written to the audit log.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from app.core.errors import PermissionDenied
from app.services import segments, settings
from app.services import staff as staff_service
from app.services.staff import StaffMember
from app.services.till import Till
from app.ui import theme
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.errors import error_text
from app.ui.i18n import Translations
from app.ui.tasks import BackgroundOps
from app.ui.views.pin import ManagerPinDialog, PinPad

if TYPE_CHECKING:
    from app.services.syncstatus import SyncStatus
    from app.ui.controllers.status import SyncStatusBridge
    from app.ui.main import Windows


def back_office_staff(till: Till, pin: str) -> StaffMember:
    """The manager or owner whose PIN this is. Raises PermissionDenied with a sentence for the user.

    The PIN is checked once: a wrong one counts once toward the till's lockout (it counted twice when a
    manager check was followed by a login), and during a lockout the sentence says how long to wait
    instead of "Wrong PIN" (``PinLocked`` is not swallowed).
    """
    try:
        someone = staff_service.login(till, pin)
    except staff_service.PinLocked:
        raise
    except PermissionDenied:
        raise PermissionDenied(
            QCoreApplication.translate("BackOffice", "Wrong PIN. Type a manager or owner PIN.")
        ) from None
    if someone.is_manager:
        return someone
    raise PermissionDenied(
        QCoreApplication.translate(
            "BackOffice", "{0} is a cashier: the back office opens only with a manager's or the owner's PIN."
        ).format(someone.name)
    )


def open_window(
    till: Till, who: StaffMember, *, translations: Translations | None, language: str, parent: QWidget | None = None
) -> BackOfficeWindow:
    """The back-office window for ``who`` (PIN already checked), shown, the opening audited."""
    with till.transaction() as s:
        staff_service.audit(s, who, "backoffice.open", who.id)
    # The runner outlives the window: a query still running when the window closes must find its
    # runner alive to report to; the runner goes once it is idle.
    ops = BackgroundOps(QCoreApplication.instance())
    ctx = BackOfficeContext(till=till, staff=who, ops=ops, language=language)
    window = BackOfficeWindow(ctx, translations=translations, parent=parent)
    window.destroyed.connect(lambda: _retire(ops))
    if parent is not None:
        window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window


def follow_sync(window: BackOfficeWindow, status: SyncStatusBridge) -> None:
    """The open tabs reload when a sync cycle brought something (``data_changed("sync")``): another
    till's audit line, ticket or flag shows without F5. A quiet cycle (nothing pulled) changes nothing."""
    seen = [status.status.pulled_to]

    def reported(now: SyncStatus) -> None:
        if now.pulled_to and now.pulled_to != seen[0]:
            seen[0] = now.pulled_to
            window.ctx.events.data_changed.emit("sync")

    status.reported.connect(while_alive(window, reported))


def _retire(ops: BackgroundOps) -> None:
    if ops.busy:
        ops.busy_changed.connect(lambda busy: None if busy else ops.deleteLater())
    else:
        ops.deleteLater()


# -- from the cashier window ------------------------------------------------------------------------
class CashierLauncher(QWidget):
    """Adds "Back office… (F9)" to the cashier window and opens the window after a manager PIN."""

    opened = Signal(object)  # the BackOfficeWindow
    refused = Signal(str)

    def __init__(self, windows: Windows) -> None:
        super().__init__(windows.cashier)
        self.setVisible(False)
        self.windows = windows
        self.till = windows.checkout.till
        cashier = windows.cashier
        self.action = QAction(cashier)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        cashier.addAction(self.action)
        cashier.settings_menu.insertAction(cashier.logout_action, self.action)
        self.action.triggered.connect(self.ask)
        windows.checkout.customer_shown.connect(self._show_segment)
        self.window: BackOfficeWindow | None = None
        self.dialog: ManagerPinDialog | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.action.setText(self.tr("Back office (manager)…"))

    def _show_segment(self, customer: object) -> None:
        """The cashier's card shows the member's segment with one suggested action (same rules as the back office)."""
        customer_id = getattr(customer, "id", None)
        if customer_id is None:
            return
        found = segments.segment_of(self.till, customer_id)  # one member's entries: a few ms
        self.windows.cashier.customer_card.set_segment(found.primary, customer_id)

    def ask(self) -> None:
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
            return
        self.dialog = ManagerPinDialog(
            self.tr("Type a manager or owner PIN to open the back office."), self.windows.cashier
        )
        self.dialog.pin_entered.connect(self._pin)
        self.dialog.open()

    def _pin(self, pin: str) -> None:
        try:
            who = back_office_staff(self.till, pin)
        except PermissionDenied as exc:
            self._say(error_text(exc))
            self.refused.emit(error_text(exc))
            return
        self._say("")
        self.window = open_window(
            self.till, who, translations=self.windows.translations, language=self.windows.translations.language
        )
        self.window.destroyed.connect(self._closed)
        follow_sync(self.window, self.windows.checkout.status)
        self.opened.emit(self.window)

    def _say(self, text: str) -> None:
        """The refusal where the cashier looks: the login page's error line, or the checkout's banner."""
        cashier = self.windows.cashier
        if cashier.pages.currentWidget() is cashier.login_page:
            cashier.login_page.show_error(text)
        elif text:
            cashier.show_banner("error", text)
        else:
            cashier.clear_banner()

    def _closed(self) -> None:
        self.window = None


def install_in_cashier(windows: Windows) -> CashierLauncher:
    return CashierLauncher(windows)


# -- alone: loyalty-backoffice ----------------------------------------------------------------------
class LoginDialog(QDialog):
    """The back office's own login: a manager or owner PIN."""

    def __init__(self, till: Till, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackOfficeLogin")
        self.till = till
        self.who: StaffMember | None = None
        self.store_label = QLabel(store_name)
        self.store_label.setStyleSheet("font-size: 26px; font-weight: bold; color: #6f4e37;")
        self.store_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.pad = PinPad()
        box = QVBoxLayout(self)
        for w in (self.store_label, self.prompt, self.pad, self.error_label):
            box.addWidget(w)
        self.pad.entered.connect(self._entered)
        self.setWindowTitle(self.tr("Loyalty — back office"))
        self.prompt.setText(self.tr("Type a manager or owner PIN to open the back office."))
        self.setMinimumWidth(420)

    def _entered(self, pin: str) -> None:
        try:
            self.who = back_office_staff(self.till, pin)
        except PermissionDenied as exc:
            self.error_label.setText(error_text(exc))
            return
        self.accept()


def main(argv: Sequence[str] | None = None) -> int:
    """``loyalty-backoffice``: the back office alone, on this computer's till database (works offline)."""
    started = start(argv)
    if isinstance(started, int):
        return started
    app, window, translations = started
    window.closing.connect(app.quit)
    ops = window.ctx.ops
    try:
        return app.exec()
    finally:
        ops.wait_idle()
        translations.uninstall()


def start(argv: Sequence[str] | None = None) -> tuple[QApplication, BackOfficeWindow, Translations] | int:
    """Everything ``main`` does before the event loop: the login, then the window (or an exit code).

    Apart so a test drives the real login and window inside its own QApplication: running
    ``app.exec()`` on a test's application ends it for every test after.
    """
    from sqlalchemy import func, select

    from app.bootstrap import DEFAULT_HOME, open_till
    from app.db.models import Staff
    from app.ui.i18n import DEFAULT_LANGUAGE, SETTING_KEY

    parser = argparse.ArgumentParser(prog="loyalty-backoffice", description=main.__doc__)
    parser.add_argument("--home", default=str(DEFAULT_HOME), help="the till's data folder (default %(default)s)")
    args, qt_args = parser.parse_known_args(argv)
    home = Path(args.home)
    till = open_till(home) if (home / "terminal.db").exists() else None
    if till is not None:
        with till.transaction() as s:
            if not s.scalar(select(func.count()).select_from(Staff)):
                till = None
    if till is None:
        print(f"No till is set up in {home}; start loyalty-terminal there first.", file=sys.stderr)
        return 2
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Loyalty back office")
    theme.apply(app)
    translations = Translations(app, cache_dir=home / "i18n")
    language = translations.use(settings.get_setting(till, SETTING_KEY, DEFAULT_LANGUAGE))
    login = LoginDialog(till, settings.store_name(till))
    if login.exec() != QDialog.DialogCode.Accepted or login.who is None:
        translations.uninstall()
        return 0
    window = open_window(till, login.who, translations=translations, language=language)
    keep_house(window)
    return app, window, translations


def keep_house(window: BackOfficeWindow) -> None:
    """The back office may run alone on its own PC (``loyalty-sync`` beside it): it keeps house as the
    cashier app does — outbox, POS folders, free pages, members who left — on its own thread, the
    first pass a minute after the login, until the window closes."""
    from app.services.housekeeping import Housekeeper

    keeper = Housekeeper(window.ctx.till)
    keeper.start()
    window.closing.connect(keeper.stop)
