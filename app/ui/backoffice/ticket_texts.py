"""How a ticket's priority, status and follow-up read, in the current language (the tab and its dialog)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.services.tickets import TicketView
from app.ui.format import Formatter


def short_time(fmt: Formatter, moment: datetime) -> str:
    """Day, month and time (a ticket is due within days): 30/11 20:20."""
    day = fmt.date(moment).rsplit("/" if fmt.language == "vi" else " ", 1)[0]  # without the year
    return f"{day} {fmt.time(moment)}"


def priority_text(priority: str) -> str:
    return {
        "high": QCoreApplication.translate("Tickets", "High"),
        "normal": QCoreApplication.translate("Tickets", "Normal"),
        "low": QCoreApplication.translate("Tickets", "Low"),
    }.get(priority, priority)


def status_text(status: str) -> str:
    return {
        "open": QCoreApplication.translate("Tickets", "Open"),
        "in_progress": QCoreApplication.translate("Tickets", "In progress"),
        "resolved": QCoreApplication.translate("Tickets", "Resolved"),
    }.get(status, status)


def came_back_text(fmt: Formatter, t: TicketView, *, short: bool = False) -> str:
    """Whether the complainant came back: the next visit's date and the spend since."""
    if t.came_back is None:
        return "—" if short else QCoreApplication.translate("Tickets", "guest: no card to follow")
    if not t.came_back.returned or t.came_back.next_visit_at is None:
        return QCoreApplication.translate("Tickets", "not yet")
    if short:
        return QCoreApplication.translate("Tickets", "yes, {0}").format(fmt.date(t.came_back.next_visit_at))
    return QCoreApplication.translate("Tickets", "yes, {0}; {1} since").format(
        fmt.date(t.came_back.next_visit_at), fmt.money(t.came_back.spend)
    )
