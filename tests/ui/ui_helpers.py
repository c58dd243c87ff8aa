"""What a cashier does, as key presses, and what the tests read back from the till's database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from app.core.cardcode import sign_card_payload
from app.db.models import Customer, LedgerEntryRow, OutboxItem
from app.services.till import Till
from app.ui.main import Windows

OWNER_PIN, MANAGER_PIN, CASHIER_PIN = "1234", "2580", "1111"
HUMAN_KEY_GAP_MS = 70  # a fast person; a scanner is under 50 ms


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def scan(qtbot: object, payload: str, widget: QWidget | None = None) -> None:
    """A USB scanner: the payload typed in one burst, then Enter, into whatever has the focus."""
    target = widget or focused()
    qtbot.keyClicks(target, payload)  # type: ignore[attr-defined]
    qtbot.keyClick(target, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def type_like_a_person(qtbot: object, widget: QWidget, text: str, *, enter: bool = False) -> None:
    for ch in text:
        qtbot.keyClick(widget, ch)  # type: ignore[attr-defined]
        qtbot.wait(HUMAN_KEY_GAP_MS)  # type: ignore[attr-defined]
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def login(qtbot: object, w: Windows, pin: str = CASHIER_PIN) -> None:
    field = w.cashier.login_page.pad.field
    qtbot.keyClicks(field, pin)  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: w.checkout.staff is not None)  # type: ignore[attr-defined]


def payload_of(till: Till, customer_id: str) -> str:
    with till.transaction() as s:
        return sign_card_payload(s.get(Customer, customer_id).card_number, till.card_key)


def ledger(till: Till, customer_id: str) -> list[tuple[str, int, int, int | None]]:
    """(kind, points, stamps, amount) of a customer's entries, in the order they were written."""
    with till.transaction() as s:
        rows = s.scalars(
            select(LedgerEntryRow)
            .where(LedgerEntryRow.customer_id == customer_id)
            .order_by(LedgerEntryRow.terminal_seq)
        )
        return [(r.kind, r.points, r.stamps, r.amount) for r in rows]


def counts(till: Till) -> tuple[int, int, int]:
    """(ledger entries, outbox rows, customers): what "nothing changed" compares.

    Audit lines are left out of the outbox count: a refused PIN is written to the audit log,
    which syncs, on purpose; what must not change is the sale side.
    """
    with till.transaction() as s:
        return (
            s.scalar(select(func.count()).select_from(LedgerEntryRow)) or 0,
            s.scalar(select(func.count()).select_from(OutboxItem).where(OutboxItem.item_type != "audit")) or 0,
            s.scalar(select(func.count()).select_from(Customer)) or 0,
        )
