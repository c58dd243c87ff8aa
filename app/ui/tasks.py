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
    """Lives on the GUI thread; its signals are emitted from pool threads, so they arrive queued.

    One relay per ``BackgroundOps``, with a job number in each signal: no QObject is made or
    deleted per job (deleting one from inside its own signal is how Qt apps crash).
    """

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number = number
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread, never lost
            self._relay.failed.emit(self._number, exc)
        else:
            self._relay.done.emit(self._number, result)


def _ignore(_: Exception) -> None:
    """A dropped job's error: its window is gone, nobody is there to tell."""


Callbacks = tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]


class BackgroundOps(QObject):
    """Runs functions off the GUI thread and calls back on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._waiting: dict[int, Callbacks] = {}
        self._next = 0

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._next += 1
        self._waiting[self._next] = (on_done, on_error)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self._next, fn, self._relay))

    def _finish(self, number: int) -> Callbacks:
        callbacks = self._waiting.pop(number)
        if not self._waiting:
            self.busy_changed.emit(False)
        return callbacks

    def _done(self, number: int, result: Any) -> None:
        on_done, _ = self._finish(number)
        if on_done is not None:
            on_done(result)

    def _failed(self, number: int, exc: Exception) -> None:
        _, on_error = self._finish(number)
        if on_error is None:
            raise exc
        on_error(exc)

    def drop_callbacks(self) -> None:
        """Results still to come are dropped: the window that asked for them is closing.

        The jobs finish on their threads (a running SQLite query is not interrupted) and the
        busy signal still goes off; only the callbacks, which would touch deleted widgets, go.
        """
        for number in self._waiting:
            self._waiting[number] = (None, _ignore)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until the pool's threads are done (shutdown; results still arrive as queued events)."""
        return self._pool.waitForDone(timeout_ms)
