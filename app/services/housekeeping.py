"""Housekeeping of a till: what grows without end is trimmed in the background, never a sale's data.

Five jobs, each in short transactions so a sale never waits on one for more than a few
milliseconds (``Housekeeper`` runs them on its own thread, never the GUI's):

* **Outbox.** An outbox row the server acknowledged has done its work. An ``entry`` row
  acknowledged more than ``housekeeping.outbox_days`` ago (a setting, 14 by default) is
  deleted; so is any other row (member, rating, ticket…) acknowledged that long ago *and*
  followed by a newer row of the same item, so every item the till ever queued keeps one row.
  A row the server has not acknowledged is never deleted, and neither is the newest row (the
  outbox's ids keep growing). The delay leaves a fortnight of "what was sent when" to look at.
  The entry rows can be rebuilt from this till's own ledger, which is kept whole:
  ``requeue_pruned`` does it when the till pairs with a new server (who needs all of it).
* **POS folders.** Each export folder's ``archive/YYYY-MM-DD`` day folders older than
  ``housekeeping.archive_days`` (90) and quarantined files older than
  ``housekeeping.quarantine_days`` (365: those receipts were never awarded, a manager may
  still fix them) are deleted; see ``pos_bridge.rotation``. 0 keeps them for ever.
* **12-month spends.** ``member_stats.spend_12m`` (the VIP segment's figure, read off its index)
  holds each member's spend of the twelve months ending with ``spend_at``; a sale keeps its own
  member's, and at a new month every other member's window moves forward here, ``ROLL_CHUNK``
  members per transaction (``roll_spends``). The segments' report never waits on it: until every
  member has moved, it works the spends out from the monthly buckets (slower, the same figures).
* **The dashboard's 30 days.** ``member_window_stats`` sums each member's visits and spend of
  the last 30 days (the dashboard's repeat rate and 20/80 share); a new day moves it here
  (``roll_window``: the oldest day's rows out, the new day's in).
* **Working set.** Members the server says left this till's working set (issue 12) are evicted:
  record, balance and the copies of other tills' entries, never this till's own ledger rows and
  never a member with something still waiting in the outbox (``app.services.working_set.evict``).
* **Vacuum.** A database in incremental auto-vacuum mode gives its free pages back to the disk
  ``VACUUM_STEP_PAGES`` at a time (``PRAGMA incremental_vacuum``), one short transaction per step
  with a pause between. A new home starts in that mode (``app.db.migrate.prepare_new_database``);
  an older one is switched by the manager (``loyalty housekeeping --compact``: a full VACUUM, once,
  at closing time).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, delete, func, insert, literal, select

from app.core.clock import local
from app.core.periods import period_for
from app.db.engine import vacuum_into_incremental
from app.db.models import LedgerEntryRow, MemberStats, OutboxItem
from app.services import stats, working_set
from app.services.pos_bridge import configured_folders
from app.services.reports.visits import read_transaction
from app.services.settings import get_setting
from app.services.till import Till
from pos_bridge.rotation import Rotated, rotate_folder

log = logging.getLogger("loyalty.housekeeping")

OUTBOX_DAYS = "housekeeping.outbox_days"
ARCHIVE_DAYS = "housekeeping.archive_days"
QUARANTINE_DAYS = "housekeeping.quarantine_days"
DEFAULT_DAYS = {OUTBOX_DAYS: 14, ARCHIVE_DAYS: 90, QUARANTINE_DAYS: 365}

PRUNE_CHUNK = 500  # outbox rows deleted per transaction: a few ms of the write lock
PAUSE = 0.02  # seconds between two chunks or steps: a sale waiting on the lock gets it (SQLite's busy
# handler retries after sleeping, and a loop that took the lock back at once could keep it from a sale)
ROLL_CHUNK = 2_000  # members' 12-month spends moved per transaction: tens of ms of the write lock
VACUUM_STEP_PAGES = 256  # 1 MB of 4 KB pages per step
VACUUM_THRESHOLD_PAGES = 1_024  # fewer free pages than this (4 MB) are left for SQLite to reuse


def days_setting(till: Till, key: str) -> int:
    """A housekeeping delay in days; a missing or unreadable setting is the default, never 'delete now'."""
    try:
        return max(0, int(get_setting(till, key, str(DEFAULT_DAYS[key]))))
    except ValueError:
        return DEFAULT_DAYS[key]


# ---------------------------------------------------------------- outbox


def prune_outbox(
    till: Till,
    *,
    days: int | None = None,
    now: datetime | None = None,
    stop: threading.Event | None = None,
    pause: float = PAUSE,
) -> int:
    """Delete acknowledged outbox rows older than ``days`` (see the module's docstring); returns how many.

    Each chunk is its own short transaction, and each DELETE re-checks that its rows are still
    acknowledged: a row the sync worker re-queued meanwhile (a new server) is kept. ``stop`` (the
    app is closing) ends it between two chunks; the next pass goes on from there. ``pause`` between
    chunks lets a sale have the lock.
    """
    stop = stop or threading.Event()
    days = days_setting(till, OUTBOX_DAYS) if days is None else days
    if days <= 0:
        return 0
    cutoff = (now or till.clock()) - timedelta(days=days)
    o = OutboxItem.__table__
    acked_long_ago = and_(o.c.acked_at.is_not(None), o.c.acked_at < cutoff)
    with till.transaction() as s:
        newest = s.scalar(select(func.max(o.c.id)))
        if newest is None:
            return 0
        superseded = (
            select(o.c.id)
            .where(o.c.item_type != "entry", acked_long_ago, o.c.id < newest)
            .where(
                o.c.id.not_in(
                    select(func.max(o.c.id)).where(o.c.item_type != "entry").group_by(o.c.item_type, o.c.item_id)
                )
            )
        )
        others = list(s.scalars(superseded))
    removed = 0
    while True:  # entry rows: oldest first, a chunk at a time (the table is scanned in id order)
        with till.transaction() as s:
            ids = list(
                s.scalars(
                    select(o.c.id)
                    .where(o.c.item_type == "entry", acked_long_ago, o.c.id < newest)
                    .order_by(o.c.id)
                    .limit(PRUNE_CHUNK)
                )
            )
            if ids:
                removed += _delete_acked(s, ids, acked_long_ago)
        if len(ids) < PRUNE_CHUNK or stop.wait(pause):
            break
    for i in range(0, len(others), PRUNE_CHUNK):
        if i and stop.wait(pause):
            break
        with till.transaction() as s:
            removed += _delete_acked(s, others[i : i + PRUNE_CHUNK], acked_long_ago)
    return removed


def _delete_acked(s: object, ids: list[int], still_acked: object) -> int:
    o = OutboxItem.__table__
    result = s.execute(delete(o).where(o.c.id.in_(ids), still_acked))  # type: ignore[attr-defined]
    return int(result.rowcount or 0)


def requeue_pruned(till: Till) -> int:
    """After ``sync.worker.outbox.requeue_everything``: queue again this till's entries whose rows were pruned.

    A new server has none of the till's history and takes its entries only in ``terminal_seq``
    order from #1 (the worker reads entry rows in outbox id order). So when rows are missing, the
    entry queue is rebuilt in one transaction: every entry of this till, one pending row each, in
    seq order. Nothing is lost: the rows deleted here are re-made in the same transaction, and the
    server keeps an entry it already holds once. Returns how many rows were added (0: nothing pruned).
    """
    ledger = LedgerEntryRow.__table__
    o = OutboxItem.__table__
    with till.transaction() as s:
        own = s.scalar(select(func.count()).select_from(ledger).where(ledger.c.terminal_id == till.terminal_id)) or 0
        queued = s.scalar(
            select(func.count(func.distinct(o.c.item_id)))
            .select_from(o.join(ledger, ledger.c.id == o.c.item_id))
            .where(o.c.item_type == "entry", ledger.c.terminal_id == till.terminal_id)
        ) or 0
        if queued >= own:
            return 0
        s.execute(delete(o).where(o.c.item_type == "entry"))  # the outbox's rows: only this till's entries have any
        s.execute(
            insert(o).from_select(
                ["item_type", "item_id", "created_at"],
                select(literal("entry"), ledger.c.id, ledger.c.created_at)
                .where(ledger.c.terminal_id == till.terminal_id)
                .order_by(ledger.c.terminal_seq),
            )
        )
        return int(own - queued)


# ---------------------------------------------------------------- POS folders


def rotate_pos_folders(till: Till, *, now: datetime | None = None) -> Rotated:
    """Rotate the archive and quarantine of every configured POS export folder (see ``pos_bridge.rotation``)."""
    total = Rotated()
    archive_days, quarantine_days = days_setting(till, ARCHIVE_DAYS), days_setting(till, QUARANTINE_DAYS)
    for folder in configured_folders(till):
        total += rotate_folder(
            Path(folder.path), archive_days=archive_days, quarantine_days=quarantine_days, now=now or till.clock()
        )
    return total


# ---------------------------------------------------------------- 12-month spends


def roll_spends(
    till: Till,
    *,
    now: datetime | None = None,
    stop: threading.Event | None = None,
    pause: float = PAUSE,
    chunk: int = ROLL_CHUNK,
) -> int:
    """Move every member's kept 12-month spend to the window ending this month; returns how many moved.

    Once a month every member moves (about a minute of work at a million members, in chunks of
    ``chunk`` with a ``pause`` between, so a sale waits one chunk at most); on the other passes a
    read of the ``spend_at`` index finds nobody behind and nothing is written. The month is the
    shop's (the program's zone), as the segments' report counts it.
    """
    stop = stop or threading.Event()
    month = stats.month_number(local(now or till.clock(), till.program().timezone).date())
    with read_transaction(till) as s:  # a read: no write lock taken when nobody is behind
        behind = s.scalar(select(MemberStats.customer_id).where(MemberStats.spend_at < month).limit(1))
    moved = 0
    while behind is not None:
        with till.transaction() as s:
            n = stats.roll_spend_forward(s, month, batch=chunk)
        moved += n
        if n < chunk or stop.wait(pause):
            break
    return moved


def roll_window(till: Till, *, now: datetime | None = None) -> bool:
    """Move the dashboard's kept 30 days (``member_window_stats``) to end today; True if they moved.

    Once a day (the day's member-day rows in and the oldest day's out: tens of thousands of rows
    at a million members, in one short transaction); on the other passes one read finds them
    current and nothing is written. Until it runs on a new day, the dashboard of the last 30 days
    groups the member-day rows itself (the same figures, slower).
    """
    period = period_for("30d", now or till.clock(), till.program().timezone)
    with read_transaction(till) as s:
        if stats.window_of(s) == (period.first_day, period.last_day):
            return False
    with till.transaction() as s:
        return stats.roll_window(s, period.first_day, period.last_day)


# ---------------------------------------------------------------- vacuum


def _pragma(till: Till, name: str) -> int:
    conn = till.engine.raw_connection()
    try:
        cursor = conn.cursor()
        cursor.execute(f"PRAGMA {name}")
        value = cursor.fetchone()[0]
        cursor.close()
        return int(value)
    finally:
        conn.close()


def free_pages(till: Till) -> int:
    return _pragma(till, "freelist_count")


def incremental(till: Till) -> bool:
    """True when the database gives free pages back step by step (``auto_vacuum`` = 2, INCREMENTAL)."""
    return _pragma(till, "auto_vacuum") == 2


def vacuum_step(till: Till, pages: int = VACUUM_STEP_PAGES) -> int:
    """Give up to ``pages`` free pages back to the disk in one short write transaction; returns how many.

    ``executescript`` because the pragma frees one page per step of its statement and Python's
    ``execute`` steps a statement that returns no columns only once
    (https://docs.python.org/3/library/sqlite3.html#sqlite3.Cursor.executescript runs each statement
    to completion); https://www.sqlite.org/pragma.html#pragma_incremental_vacuum.
    """
    if not incremental(till):
        return 0
    before = free_pages(till)
    if not before:
        return 0
    conn = till.engine.raw_connection()
    try:
        conn.driver_connection.executescript(  # type: ignore[union-attr]
            f"BEGIN IMMEDIATE; PRAGMA incremental_vacuum({int(pages)}); COMMIT;"
        )
    finally:
        conn.close()
    return max(0, before - free_pages(till))


def enable_incremental_vacuum(till: Till) -> bool:
    """Switch an older database to incremental auto-vacuum: one full VACUUM (the manager's command,
    at closing time: it rewrites the whole file and holds the database meanwhile). False if it was already."""
    if incremental(till):
        return False
    vacuum_into_incremental(till.engine)
    return incremental(till)


# ---------------------------------------------------------------- one pass, and the background thread


@dataclass
class Report:
    outbox_pruned: int = 0
    rotated: Rotated = field(default_factory=Rotated)
    spends_rolled: int = 0
    window_moved: bool = False
    pages_freed: int = 0
    members_evicted: int = 0  # left this till's working set (issue 12, ``app.services.working_set``)


def run_once(
    till: Till, *, stop: threading.Event | None = None, max_vacuum_steps: int = 64, pause: float = PAUSE
) -> Report:
    """One housekeeping pass: prune, rotate, roll the 12-month spends, then vacuum in steps (a pause
    between steps lets sales in)."""
    stop = stop or threading.Event()
    report = Report(outbox_pruned=prune_outbox(till, stop=stop, pause=pause))
    if not stop.is_set():
        report.rotated = rotate_pos_folders(till)
    if not stop.is_set():
        report.spends_rolled = roll_spends(till, stop=stop, pause=pause)
    if not stop.is_set():
        report.window_moved = roll_window(till)
    if not stop.is_set():
        report.members_evicted = working_set.evict(till, stop=stop, pause=pause)
    for _ in range(max_vacuum_steps):
        if stop.is_set() or free_pages(till) < VACUUM_THRESHOLD_PAGES:
            break
        freed = vacuum_step(till)
        report.pages_freed += freed
        if not freed or stop.wait(pause):
            break
    return report


class Housekeeper:
    """Runs ``run_once`` now and then on its own daemon thread (the first pass a minute after start,
    when the login and the first sales are done); a failed pass is logged and tried again later."""

    def __init__(self, till: Till, *, interval: float = 900.0, first_delay: float = 60.0) -> None:
        self.till = till
        self.interval = interval
        self.first_delay = first_delay
        self.passes = 0
        self.last: Report | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="loyalty-housekeeping", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        delay = self.first_delay
        while not self._stop.wait(delay):
            try:
                self.last = run_once(self.till, stop=self._stop)
                log.info("housekeeping pass: %s", self.last)
            except Exception:  # a full disk, a locked file: the till goes on, the next pass tries again
                log.exception("housekeeping pass failed")
            self.passes += 1
            delay = self.interval

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
