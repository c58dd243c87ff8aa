"""The sync worker as the cashier window sees it, before and after it exists.

Importing sync (httpx, pydantic, the server's models: a quarter of a second) and starting it
would delay the login window for nothing: the worker says "offline" until its server answers
anyway. So the app opens the window with a ``LateSync`` as its status source and calls
``begin`` once the window has painted: a thread then imports and starts sync and hands every
listener over to the real worker. A problem there is said on the status line (through the same
listeners); sales are recorded as always.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from app.core.errors import Notice
from app.services.syncstatus import SyncStatus
from app.services.till import Till

log = logging.getLogger("loyalty.sync")
Listener = Callable[[SyncStatus], None]


class Started(Protocol):
    """What starting sync gives back (``sync.embedded.EmbeddedSync``)."""

    worker: Any

    def stop(self) -> None: ...


class LateSync:
    """A status source that forwards to the sync worker once ``start`` (run on a thread) made it."""

    def __init__(self, start: Callable[[], Started]) -> None:
        self._start = start
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._started: Started | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._failure: SyncStatus | None = None  # why sync could not start, said again on "sync now"
        self.done = threading.Event()  # set once sync started, or failed to

    @property
    def worker(self) -> Any:
        return self._started.worker if self._started is not None else None

    def add_listener(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)
            worker = self.worker
        if worker is not None:
            worker.add_listener(listener)

    def remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)
            worker = self.worker
        if worker is not None:
            worker.remove_listener(listener)

    def sync_now(self) -> None:
        """The cashier asked for a sync: the worker's cycle runs now, or as soon as it exists."""
        worker = self.worker
        if worker is not None:
            worker.sync_now()
        elif self._failure is not None:  # sync could not start: the cashier hears why, not silence
            self._tell(self._failure)

    def begin(self) -> None:
        """Start sync on a thread (once); returns at once."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="loyalty-sync-late-start", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            started = self._start()
        except Exception as exc:  # the till works offline: said on the status line, never a crash
            log.exception("sync not started")
            # A Notice: English for the log, its template and details for the status line, which
            # says it in the cashier's language (app.ui.errors) instead of a raw exception.
            reason = Notice("Sync could not start ({0}); the till works offline.", reason=_reason(exc))
            self._failure = SyncStatus(online=False, last_error=reason)
            self._tell(self._failure)
            self.done.set()
            return
        with self._lock:
            if self._stopped:  # the app closed while sync was starting
                stop_now, listeners = True, []
            else:
                stop_now, listeners = False, list(self._listeners)
                self._started = started
        if stop_now:
            started.stop()
        for listener in listeners:
            started.worker.add_listener(listener)
        self.done.set()

    def _tell(self, status: SyncStatus) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(status)

    def stop(self, timeout: float = 60.0) -> None:
        """Stop sync (waiting for a start under way to finish first)."""
        with self._lock:
            self._stopped = True
        if self._thread is not None:
            self._thread.join(timeout)
        with self._lock:
            started, self._started = self._started, None
        if started is not None:
            started.stop()


def _reason(exc: BaseException) -> str:
    """The technical part, kept as a detail: the kind of failure and its own words."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def embedded_sync(home: Any, till: Till) -> Callable[[], Started]:
    """The usual start: ``sync.embedded.start_embedded`` (imported only when it runs)."""

    def start() -> Started:
        from sync.embedded import start_embedded

        return start_embedded(home, till)

    return start
