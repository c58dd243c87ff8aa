"""What the cashier and the manager see of sync: online or not, how much waits, the last error.

The sync worker publishes a ``SyncStatus`` to listeners (from its own thread: a Qt
listener must hop to the GUI thread through a signal). ``pending`` is read from
the outbox, so it is right even before the worker has ever run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select

from app.db.models import OutboxItem
from app.services.till import Till


@dataclass(frozen=True)
class SyncStatus:
    online: bool = False
    pending: int = 0
    last_success: datetime | None = None
    last_error: str = ""
    server_url: str = ""
    connecting: bool = False  # a sync server is set up but has not answered yet (the till just started)
    # The chain's change number this till has pulled up to: it moves only when something arrived,
    # so a screen showing pulled data reloads then, not after every quiet cycle.
    pulled_to: int = 0


class StatusSource(Protocol):
    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None: ...


def pending_count(till: Till) -> int:
    with till.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxItem).where(OutboxItem.acked_at.is_(None))) or 0)
