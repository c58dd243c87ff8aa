"""Sync status for the status bar: from the sync worker's thread to the GUI thread.

The worker calls its listeners on its own thread; a Qt widget may only be
touched on the GUI thread, so the listener here just emits a signal (queued
across threads). The pending count is always read from the outbox — the truth,
right even before the worker ever ran and right after every local action.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.syncstatus import StatusSource, SyncStatus, pending_count
from app.services.till import Till

REFRESH_MS = 3000


class SyncStatusBridge(QObject):
    """Until the worker reports for the first time, a till with a sync server shows "connecting…",
    not a red "offline" at every launch: nothing is known yet, and nothing is wrong."""

    changed = Signal(object)  # SyncStatus
    reported = Signal(object)  # SyncStatus, each time the worker itself reports (after a cycle)
    _from_worker = Signal(object)

    def __init__(self, till: Till, source: StatusSource | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self.source = source
        self.status = SyncStatus(online=False, connecting=source is not None)
        self._from_worker.connect(self._received)
        if source is not None:
            source.add_listener(self._listener)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def _listener(self, status: SyncStatus) -> None:
        """Called on the worker's thread: hop to the GUI thread."""
        try:
            self._from_worker.emit(status)
        except RuntimeError:  # the window is gone (shutting down); nothing to show it on
            pass

    def _received(self, status: SyncStatus) -> None:
        self.status = replace(status, connecting=False)
        self.refresh()
        self.reported.emit(self.status)

    def refresh(self) -> None:
        """Re-read the outbox (a counted index, well under a millisecond) and publish."""
        self.status = replace(self.status, pending=pending_count(self._till))
        self.changed.emit(self.status)

    def stop(self) -> None:
        self._timer.stop()
        remove = getattr(self.source, "remove_listener", None)
        if remove is not None:
            remove(self._listener)
