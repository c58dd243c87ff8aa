"""The sync worker: a background thread that pushes the outbox and pulls the chain's changes.

One cycle = push every pending batch (members first, then entries in seq
order), then pull pages until the server has nothing newer. A failed cycle is
retried after an exponential backoff with jitter (so a hundred tills coming
back after an outage do not all knock at once), capped at ``backoff_cap``. The
cashier never waits for any of it: the thread only touches the till's
database in short transactions, and ``sync_now`` just wakes it.

Listeners receive a ``SyncStatus`` from this thread (a Qt listener must hop to
the GUI thread itself).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from app.services.syncstatus import SyncStatus, pending_count
from app.services.till import Till
from sync.protocol import TERMINAL_PULL_KINDS
from sync.worker import backoffice as backoffice_sync
from sync.worker import health, ingest, outbox
from sync.worker import merges as merge_sync
from sync.worker.client import SyncClient, SyncError, Unauthorized, encode_push

log = logging.getLogger("loyalty.sync")

Listener = Callable[[SyncStatus], None]


@dataclass(frozen=True)
class CycleReport:
    pushed_entries: int = 0
    pushed_customers: int = 0
    pulled_entries: int = 0
    pulled_customers: int = 0
    pages: int = 0
    refused: str = ""  # a batch the server refused (a person must look): the pull still ran
    # Entries the server took into this till's chain but will never count (beyond the bounds): held
    # there for a manager and flagged; the till's later entries went on (issue 13). Their sentences.
    refused_entries: tuple[str, ...] = ()


class SyncWorker:
    def __init__(
        self,
        till: Till,
        server_url: str,
        token: str,
        *,
        batch_size: int = 1000,
        pull_limit: int = 1000,
        interval: float = 10.0,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        timeout: float = 30.0,
        rng: random.Random | None = None,
        client: SyncClient | None = None,
        insecure: bool = False,
        verify: bool | str = True,
    ) -> None:
        self.till = till
        self.server_url = server_url
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.interval = interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.timeout = timeout
        self.insecure, self.verify = insecure, verify
        self._client = client or SyncClient(server_url, token, timeout=timeout, insecure=insecure, verify=verify)
        self._rng = rng or random.Random()
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loyalty-sync-push")
        self.failures = 0
        self.cycles = 0
        self._refused_entries: list[str] = []  # this cycle's (run_once starts it again)
        self._status = SyncStatus(online=False, pending=pending_count(till), server_url=server_url)
        self._pulled_to = 0

    # -- StatusSource --------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Hear every status change: once now with the current status (in the caller's thread), then from
        the worker's thread — a Qt listener re-emits through a signal to reach the GUI thread."""
        with self._lock:
            self._listeners.append(listener)
        listener(self._status)

    def remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def status(self) -> SyncStatus:
        return self._status

    def is_online(self) -> bool:
        """For the till's offline rules (the per-day redemption cap): did the server answer lately?"""
        return self._status.online

    # -- control ---------------------------------------------------------------------------------------

    def retarget(self, server_url: str, token: str) -> None:
        """Talk to this server with this token from now on (the embedded server came up, the till paired)."""
        old, self._client = (
            self._client,
            SyncClient(server_url, token, timeout=self.timeout, insecure=self.insecure, verify=self.verify),
        )
        self.server_url = server_url
        self._status = replace(self._status, server_url=server_url)
        old.close()

    def note_problem(self, message: str) -> None:
        """Say on the status bar why sync cannot run (no server, not paired)."""
        self._publish(online=False, last_error=message)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="loyalty-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Ask for a cycle now (the cashier pressed "sync"); returns at once."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():  # stuck in a request: cut the connection
                self._client.close()
                self._thread.join(timeout)
            self._thread = None
        self._client.close()
        self._sender.shutdown(wait=False, cancel_futures=True)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop --------------------------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                report = self.run_once()
            except Exception as exc:
                self.failures += 1
                wait = self.backoff(self.failures)
                online = isinstance(exc, SyncError) and exc.status not in (0, 401) and exc.status < 500
                self._publish(online=online, last_error=describe(exc))
                log.warning("sync failed (%s); retrying in %.1f s", describe(exc), wait)
            else:
                self.failures = 0
                wait = self.interval
                if report.refused:
                    self.failures = 1
                    wait = max(self.interval, self.backoff_cap)  # a person must act: do not hammer
            self._wake.wait(wait)

    def backoff(self, failures: int) -> float:
        """Exponential, capped, with "equal jitter": between half and all of the step."""
        step = min(self.backoff_cap, self.backoff_base * 2 ** min(failures - 1, 30))
        return self._rng.uniform(step / 2, step)

    def run_once(self) -> CycleReport:
        """One push-then-pull cycle. Raises ``SyncError`` (or a database error) when it cannot finish."""
        self.cycles += 1
        refused = ""
        self._refused_entries = []
        failed: SyncError | None = None
        try:
            entries, customers = self.push_all()
            merge_sync.push_pending(self.till, self._client)  # after the entries it refolds
            backoffice_sync.push_pending(self.till, self._client)  # staff, then program publications
        except SyncError as exc:
            if isinstance(exc, Unauthorized):
                raise
            # Whatever went wrong with our push (a refused entry, a server error about our batch), the
            # chain's changes still come in: a till that cannot send must not go deaf as well.
            entries = customers = 0
            if exc.retryable:
                failed = exc
            else:
                refused = exc.message
        pulled_entries, pulled_customers, pages = self.pull_all()
        if failed is not None:
            raise failed
        now = datetime.now(UTC)
        error = refused and f"Server refused a batch: {refused}"
        if self._refused_entries and not error:
            error = f"Server holds entries it will not count: {' '.join(self._refused_entries)}"
        self._publish(online=True, last_success=now, last_error=error, pulled_to=self._pulled_to)
        health.exchange(self.till, self._client, self._status, now)  # best effort, never fails the cycle
        return CycleReport(
            entries, customers, pulled_entries, pulled_customers, pages, refused, tuple(self._refused_entries)
        )

    def push_all(self) -> tuple[int, int]:
        """Push what was waiting when the cycle began; what the cashiers add meanwhile waits for the next.

        Pipelined: while the server stores one batch, the next is read from the till's database and
        encoded, and while the server stores that one, the first is marked as acknowledged. The next
        request leaves only once the answer to the one before has come (the server must never see
        entry n+1 before entry n), so its encoding is done beforehand, off that critical path.
        """
        entries = customers = 0
        up_to = outbox.last_item(self.till)
        batch = outbox.next_batch(self.till, self.batch_size, up_to=up_to)
        if not batch:
            return 0, 0
        in_flight = self._sender.submit(self._client.push, batch.request())
        while True:
            following = outbox.next_batch(self.till, self.batch_size, up_to=up_to, after=batch)
            encoded = encode_push(following.request()) if following else b""
            answer = in_flight.result()
            for r in answer.refused_entries:  # the server's flag reaches the managers with the next pull
                log.warning("the server holds entry %s and will not count it: %s", r.id, r.message)
                self._refused_entries.append(r.message)
            if following and not self._stop.is_set():
                in_flight = self._sender.submit(self._client.push, encoded)
            marked = outbox.mark_acked(
                self.till,
                batch,
                set(answer.acked_entries),
                set(answer.acked_customers),
                datetime.now(UTC),
                {
                    "feedback": set(answer.acked_feedback),
                    "ticket": set(answer.acked_tickets),
                    "voucher": set(answer.acked_vouchers),
                    "audit": set(answer.acked_audit),
                },
            )
            if marked == 0:
                raise SyncError("The server acknowledged none of the batch.", retryable=True)
            entries += len(batch.entries)
            customers += len(batch.customers)
            # Counting the outbox costs a scan of a big backlog: between batches, count down instead.
            self._publish(online=True, last_error="", pending=max(0, self._status.pending - marked))
            if not following or self._stop.is_set():
                return entries, customers
            batch = following

    def pull_all(self) -> tuple[int, int, int]:
        """Pull pages until the server has nothing newer; the next page travels while this one is stored."""
        entries = customers = pages = 0
        with self.till.transaction() as s:
            cursor = ingest.cursor(s)
        page = self._client.pull(cursor, self.pull_limit, TERMINAL_PULL_KINDS)
        while True:
            following = (
                self._sender.submit(self._client.pull, page.cursor, self.pull_limit, TERMINAL_PULL_KINDS)
                if page.more and not self._stop.is_set()
                else None
            )
            applied = ingest.apply_page(self.till, page)  # the page and its cursor commit together
            self._pulled_to = page.cursor
            entries += applied.entries
            customers += applied.customers
            pages += 1
            if following is None:
                return entries, customers, pages
            page = following.result()

    def _publish(self, **changes: object) -> None:
        if "pending" not in changes:
            changes["pending"] = pending_count(self.till)
        self._status = replace(self._status, **changes)  # type: ignore[arg-type]
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(self._status)
            except Exception:
                log.exception("a sync status listener failed")


def describe(exc: BaseException) -> str:
    """A sentence for the status bar. Never includes the token (our messages never carry it)."""
    if isinstance(exc, SyncError):
        return exc.message
    return f"{type(exc).__name__}: {exc}"[:300]
