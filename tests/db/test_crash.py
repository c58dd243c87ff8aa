"""Kill a working till at random moments: what the cashier saw confirmed is never lost.

``crash_child.py`` awards sales in a loop (single sales, and now and then a
batch of 40 in one transaction, like a POS export applied at once) and prints
each one after its commit. We SIGKILL it at random moments, restart it on the
same home, and after every round check what a restarted till relies on:

- every confirmed sale is in the ledger, once; a batch is all there or not at all;
- ``PRAGMA integrity_check`` is ok;
- the terminal's hash chain verifies, seq 1, 2, 3 … without a gap;
- the cached balances equal a rebuild from the ledger;
- the outbox holds every entry and every member exactly once (nothing the server
  has not seen is forgotten, nothing is sent twice).

SIGKILL keeps the operating system's page cache, so this proves atomicity and
recovery of the WAL, not the fsync on a power cut (``synchronous=FULL`` is what
covers that, checked in test_migrations.py). A second test kills tills during
their very first start (migrations, store, terminal, card key) and checks that
they start again.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.cardcode import CARD_KEY_BYTES
from app.core.ledger import EntryKind
from app.db.engine import make_engine
from app.db.models import Customer, LedgerEntryRow, OutboxItem, Terminal
from app.services import balances
from app.services.till import Till

CHILD = Path(__file__).with_name("crash_child.py")
BATCH_SOURCE = "crash-batch"  # crash_child.BATCH_SOURCE
SEED = 20261123
ROUNDS = 7
CUSTOMERS = 4
MIN_ROUNDS = 3
TIME_BUDGET = 35.0  # seconds: on a loaded machine the test stops early (after MIN_ROUNDS) rather than drag on


@dataclass
class Confirmed:
    """What the killed tills reported as done, over all rounds."""

    awards: set[str] = field(default_factory=set)
    batches: dict[str, int] = field(default_factory=dict)
    lines: int = 0

    def take(self, line: str) -> None:
        word, *rest = line.split()
        if word == "AWARD":
            self.awards.add(rest[0])
        elif word == "BATCH":
            self.batches[rest[0]] = int(rest[1])
        self.lines += 1


class Child:
    """One run of the till, with its stdout read line by line in the background."""

    def __init__(self, home: Path, seed: int, stderr: Path) -> None:
        self._stderr = stderr.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(home), str(seed), "--customers", str(CUSTOMERS)],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        self.lines: list[str] = []
        self.opening = threading.Event()
        self.opening_at = 0.0
        self.ready = threading.Event()
        self.ready_at = 0.0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: not a confirmation
            if line.startswith("OPENING"):
                self.opening_at = time.monotonic()
                self.opening.set()
            elif line.startswith("READY"):
                self.ready_at = time.monotonic()
                self.ready.set()
            else:
                self.lines.append(line)

    def kill(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        self._stderr.close()
        return code


@pytest.fixture
def spawn() -> Iterator[Callable[[Path, int, Path], Child]]:
    """Start tills; any still running when the test ends (a failed assertion) is killed, never left behind."""
    children: list[Child] = []

    def _spawn(home: Path, seed: int, stderr: Path) -> Child:
        children.append(Child(home, seed, stderr))
        return children[-1]

    yield _spawn
    for child in children:
        child.kill()


def check_till(db: Path, confirmed: Confirmed, seen_earns: set[str], log: list[str]) -> set[str]:
    """Every property a restarted till relies on; returns the earn entries now in the ledger."""
    if not db.exists():  # killed before the first start got to the database
        assert confirmed.lines == 0
        log.append("killed before the database existed")
        return set()
    raw = sqlite3.connect(db)  # recovers the WAL the killed process left behind
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        has_schema = raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'terminal'").fetchone() is not None
    finally:
        raw.close()
    engine = make_engine(db)
    try:
        with Till(engine=engine, terminal_id="", store_id="", card_key=b"").transaction() as s:
            terminal = s.scalars(select(Terminal).where(Terminal.is_self)).first() if has_schema else None
            if terminal is None:  # killed before the first start finished: nothing was confirmed either
                assert confirmed.lines == 0
                log.append("killed during the first start")
                return set()
            entries = s.scalars(select(LedgerEntryRow)).all()
            ids = Counter(e.id for e in entries)
            assert max(ids.values(), default=1) == 1
            earns = {e.id for e in entries if e.kind == EntryKind.EARN.value}

            lost = confirmed.awards - earns
            assert not lost, f"{len(lost)} confirmed sales are missing from the ledger"
            per_batch = Counter(e.receipt_id.split("/")[0] for e in entries if e.receipt_source == BATCH_SOURCE)
            for batch, count in per_batch.items():
                assert count == 40, f"batch {batch} is half there ({count} of 40): a transaction was torn"
            for batch, count in confirmed.batches.items():
                assert per_batch[batch] == count, f"confirmed batch {batch} is missing"

            # What was committed but not yet reported when the kill came: at most the one action in flight.
            def action(e: LedgerEntryRow) -> str:
                return e.receipt_id.split("/")[0] if e.receipt_source == BATCH_SOURCE else e.id

            unreported = [
                e
                for e in entries
                if e.id in earns - seen_earns - confirmed.awards and action(e) not in confirmed.batches
            ]
            in_flight = {action(e) for e in unreported}
            assert len(in_flight) <= 1, f"{len(in_flight)} unreported actions after one kill"
            log.append(
                f"{len(entries)} entries; {len(confirmed.awards)} sales and {len(confirmed.batches)} batches "
                f"confirmed; {len(unreported)} committed in the instant before the kill"
            )

            last_seq = balances.verify_terminal_chain(s, terminal.id)
            assert last_seq == len(entries)  # every entry here is this till's
            assert balances.mismatches(s) == []

            queued = Counter((o.item_type, o.item_id) for o in s.scalars(select(OutboxItem)))
            assert max(queued.values(), default=1) == 1, "an outbox item is queued twice"
            assert {i for t, i in queued if t == "entry"} == set(ids)
            assert {i for t, i in queued if t == "customer"} == set(s.scalars(select(Customer.id)))
            return earns
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_till_killed_at_random_moments_keeps_every_confirmed_sale(
    tmp_path: Path, spawn: Callable[[Path, int, Path], Child]
) -> None:
    rng = random.Random(SEED)
    home = tmp_path / "home"
    db = home / "terminal.db"
    confirmed = Confirmed()
    earns: set[str] = set()
    log: list[str] = []
    started = time.monotonic()
    for round_no in range(ROUNDS):
        if round_no >= MIN_ROUNDS and time.monotonic() - started > TIME_BUDGET:
            break
        child = spawn(home, SEED + round_no, tmp_path / f"child{round_no}.err")
        if round_no > 0:
            assert child.ready.wait(timeout=30), (
                "the till did not start after a kill: " + (tmp_path / f"child{round_no}.err").read_text()
            )
        time.sleep(rng.uniform(0.05, 1.0))
        code = child.kill()
        assert code == -signal.SIGKILL, (
            f"round {round_no}: the till stopped by itself ({code}): " + (tmp_path / f"child{round_no}.err").read_text()
        )
        for line in child.lines:
            confirmed.take(line)
        earns = check_till(db, confirmed, earns, log)

    print("\n".join(f"round {i}: {line}" for i, line in enumerate(log)))  # shown with pytest -s
    assert len(confirmed.awards) + sum(confirmed.batches.values()) >= 100, "too little work was done to mean much"
    assert len(earns) >= len(confirmed.awards) + sum(confirmed.batches.values())


@pytest.mark.slow
def test_a_till_killed_during_its_first_start_starts_again(
    tmp_path: Path, spawn: Callable[[Path, int, Path], Child]
) -> None:
    """The first start creates the schema, the store, the terminal and the card key: kill it in there."""
    rng = random.Random(SEED + 1)
    probe = spawn(tmp_path / "probe", SEED, tmp_path / "probe.err")
    assert probe.ready.wait(timeout=30), (tmp_path / "probe.err").read_text()
    probe.kill()
    first_start = probe.ready_at - probe.opening_at
    outcomes: Counter[str] = Counter()
    for attempt in range(5):
        home = tmp_path / f"home{attempt}"
        child = spawn(home, SEED, tmp_path / f"first{attempt}.err")
        assert child.opening.wait(timeout=30), (tmp_path / f"first{attempt}.err").read_text()
        time.sleep(rng.uniform(0.0, first_start))
        child.kill()
        outcomes["interrupted" if not child.ready.is_set() else "finished"] += 1
        confirmed = Confirmed()
        for line in child.lines:
            confirmed.take(line)
        earns = check_till(home / "terminal.db", confirmed, set(), [])
        again = spawn(home, SEED + 100 + attempt, tmp_path / f"again{attempt}.err")
        assert again.ready.wait(timeout=30), (
            "the till did not start again: " + (tmp_path / f"again{attempt}.err").read_text()
        )
        time.sleep(0.2)
        again.kill()
        for line in again.lines:
            confirmed.take(line)
        check_till(home / "terminal.db", confirmed, earns, [])
        key = (home / "card.key").read_text().strip()
        assert len(bytes.fromhex(key)) == CARD_KEY_BYTES
    print(f"first start killed at random: {dict(outcomes)} (first start takes {first_start * 1000:.0f} ms)")
