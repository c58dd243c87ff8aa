"""The status bar: sync (online/offline, how many transactions wait), the POS bridge, who is logged in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from app.core.errors import Notice
from app.services.syncstatus import SyncStatus
from app.ui import theme
from app.ui.errors import translate_message
from app.ui.format import Formatter
from app.ui.views.elided import ElidedLabel

POS_LEVEL_STYLES = {
    "warning": "color: #8a5a00; background: #fff4d6; font-weight: bold; border-radius: 6px;",
    "error": "color: white; background: #c62828; font-weight: bold; border-radius: 6px;",
}


class ClickableLabel(ElidedLabel):
    """The POS line: one line, cut with "…" (its tooltip then says it whole), and clickable."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class StatusBarView(QStatusBar):
    pos_clicked = Signal()  # the manager opens the POS bridge's notes from the POS line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.sync_label = QLabel()
        self.pos_label = ClickableLabel()
        self.staff_label = QLabel()
        self.language_label = QLabel()
        self.addWidget(self.sync_label)
        # A long POS line (a file name, a quarantine path) shrinks to the room left and is cut
        # there with "…", never widening the window past the till's screen; its tooltip has it in full.
        # As wide as its text when there is room (a red warning the width of the bar shouts), narrower when not.
        self.pos_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.pos_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pos_label.clicked.connect(self.pos_clicked)
        self.addWidget(self.pos_label)
        self.addPermanentWidget(self.staff_label)
        self._status = SyncStatus()
        self._fmt: Formatter | None = None
        self._pos_text, self._pos_level, self._pos_tooltip = "", "", ""
        self._staff: tuple[str, str] | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.show_sync(self._status, self._fmt)
        self.set_pos_status(self._pos_text, self._pos_level, self._pos_tooltip)
        self.show_staff(self._staff)

    def show_sync(self, status: SyncStatus, fmt: Formatter | None = None) -> None:
        self._status, self._fmt = status, fmt or self._fmt
        if status.connecting:
            state = self.tr("● Connecting…")
        else:
            state = self.tr("● Online") if status.online else self.tr("● Offline")
        waiting = (
            self.tr("{0} waiting to sync").format(status.pending) if status.pending else self.tr("all synced")
        )
        text = f"{state} · {waiting}"
        if status.last_success is not None and self._fmt is not None:
            text += " · " + self.tr("last sync {0}").format(self._fmt.time(status.last_success))
        self.sync_label.setText(text)
        self.sync_label.setObjectName(
            "SyncOnline" if status.online or status.connecting else "SyncOffline"
        )
        # The worker's error is a technical English line: the cashier reads a sentence in her language.
        tip = status.server_url
        if isinstance(status.last_error, Notice) and not status.online:  # sync could not even start
            tip = translate_message(status.last_error) + (f"\n{status.server_url}" if status.server_url else "")
        elif status.last_error and not status.online:
            tip = self.tr("The sync server cannot be reached; the till keeps working offline.") + (
                f"\n{status.server_url}" if status.server_url else ""
            )
        self.sync_label.setToolTip(tip)
        theme.repolish(self.sync_label)

    def set_pos_status(self, text: str, level: str = "", tooltip: str = "") -> None:
        """Filled by the POS bridge; "POS: —" until it says something.

        ``level`` "warning" (amber) or "error" (red): a file the bridge could not read waits
        in quarantine, and the manager must see it from the till.
        """
        self._pos_text, self._pos_level, self._pos_tooltip = text, level, tooltip
        self.pos_label.setText(self.tr("POS: {0}").format(text or "—"))
        self.pos_label.setStyleSheet(POS_LEVEL_STYLES.get(level, ""))
        self.pos_label.setToolTip(tooltip)

    def show_staff(self, staff: tuple[str, str] | None) -> None:
        """(name, role) of the logged-in staff member, or None."""
        self._staff = staff
        if staff is None:
            self.staff_label.setText(self.tr("Not logged in"))
            return
        roles = {"cashier": self.tr("cashier"), "manager": self.tr("manager"), "owner": self.tr("owner")}
        self.staff_label.setText(self.tr("Staff: {0} ({1})").format(staff[0], roles.get(staff[1], staff[1])))
