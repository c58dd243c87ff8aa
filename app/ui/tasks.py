"""Work the GUI must not wait for: rendering a card PDF, waking the sync worker.

The GUI thread may wait on the local SQLite only (a service call is a few ms).
Anything slower goes through ``BackgroundOps.run``: the function runs on a
``QThreadPool`` thread and its result (or exception) comes back on the GUI thread
through a queued signal — Anki's ``QueryOp`` in miniature. The function must not
touch widgets; gather what it needs on the GUI thread first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives on the GUI thread; its signals are emitted from the pool thread (so they are queued)."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class BackgroundOps(QObject):
    """Runs functions off the GUI thread and calls back on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: Exception) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                raise exc

        relay.done.connect(done)
        relay.failed.connect(failed)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until the pool's threads are done (shutdown; results still arrive as queued events)."""
        return self._pool.waitForDone(timeout_ms)
