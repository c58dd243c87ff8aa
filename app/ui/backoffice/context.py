"""What every back-office tab is given: the till, who is logged in, the background runner, events."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from app.core.errors import PermissionDenied
from app.services import staff as staff_service
from app.services.staff import StaffMember
from app.services.till import Till
from app.ui.format import Formatter
from app.ui.tasks import BackgroundOps
from app.ui.views.pin import ManagerPinDialog

MANAGER_PIN_TRIES = 3


class BackOfficeEvents(QObject):
    """Tabs tell each other what they changed: ``data_changed.emit("customers")``.

    Names in use: "customers", "program", "rewards", "staff", "tickets", "vouchers", "flags".
    """

    data_changed = Signal(str)


def _events() -> BackOfficeEvents:
    return BackOfficeEvents()


@dataclass
class BackOfficeContext:
    till: Till
    staff: StaffMember
    ops: BackgroundOps
    events: BackOfficeEvents = field(default_factory=_events)
    language: str = "en"  # follows the window's language switch

    @property
    def fmt(self) -> Formatter:
        """Money, numbers and dates in the current language and the store's zone."""
        return Formatter.for_program(self.till.program(), self.language, self.till.country())

    def ask_manager(self, parent: QWidget, what: str) -> StaffMember | None:
        """A manager approves ``what`` with their PIN; the approving manager, or None if cancelled.

        The logged-in manager types their PIN again (a PC left open must not be enough).
        A wrong PIN says so and asks again, up to three times.
        """
        message = what
        for _ in range(MANAGER_PIN_TRIES):
            dialog = ManagerPinDialog(message, parent)
            typed: list[str] = []
            dialog.pin_entered.connect(typed.append)
            dialog.exec()
            dialog.deleteLater()
            if not typed:
                return None
            try:
                return staff_service.require_manager(self.till, typed[0])
            except PermissionDenied:
                message = (
                    what + "\n\n" + QCoreApplication.translate("BackOffice", "That is not a manager PIN. Try again.")
                )
        return None
