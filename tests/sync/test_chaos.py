"""Chaos: five tills trade for real while the network, the server and one till's sync process misbehave.

Five tills (two stores, separate SQLite homes) each record 2,000 ledger
entries through the real services — enrolments, sales, redemptions, voids of
their own and of other tills' entries, adjustments — for members of the whole
chain. All their sync traffic goes through a seeded fault-injecting proxy
(resets, injected 500s, delays past the client's timeout, answers lost or cut
off after the server committed). Meanwhile the server is killed with SIGKILL
and restarted twice, and the fifth till's sync worker — a separate process —
is killed with SIGKILL mid-push and restarted.

Then the network heals, and at the end:

- the server's ledger is exactly the union of the tills' own ledgers (same
  ids, same content: nothing lost, nothing doubled),
- every till holds that same whole ledger (its own entries and everyone
  else's), and every terminal's hash chain verifies, on the server and on
  every till,
- every till's balance for every member equals the server's, and each till's
  balance cache equals a rebuild from its ledger,
- every member's profile is the same everywhere.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest
from faultproxy import CLEAN, FaultProxy, Faults
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synctools import (
    ROOT,
    Databases,
    ServerProcess,
    Shop,
    open_shop,
    server_balances,
    server_entries,
    start_server,
    till_balances,
    till_entries,
    wait_until,
)

from app.core.earning import Bill
from app.core.errors import LoyaltyError
from app.core.ledger import EntryKind, verify_chain
from app.db.models import BalanceRow, Customer, LedgerEntryRow, RewardRow
from app.services import awards, balances, corrections, customers, ledger_writer, redemption
from app.services.syncstatus import pending_count
from sync.protocol import CustomerRecord, RewardRecord
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import CustomerRow, EntryRow
from sync.worker.outbox import customer_record
from sync.worker.pairing import pair_till
from sync.worker.worker import SyncWorker

SEED = 20261123
TILLS = 5
ENTRIES_PER_TILL = 2000
CHAOS = Faults(reset=0.03, error=0.03, delay=0.08, lost=0.04, truncated=0.03, error_after=0.03, max_delay=0.3,
               slow=0.05, slow_delay=3.5)  # fmt: skip
WORKER_ARGS = dict(interval=0.3, backoff_base=0.05, backoff_cap=1.0, timeout=3.0, batch_size=200, pull_limit=500)


class Trader(threading.Thread):
    """One till's cashiers and manager: what a busy day at the counter writes to the ledger."""

    def __init__(self, index: int, shop: Shop, target: int) -> None:
        super().__init__(name=f"trader-{index}", daemon=True)
        self.index, self.shop, self.target = index, shop, target
        self.rng = random.Random(SEED + index)
        self.enrolled = 0
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.ops: defaultdict[str, int] = defaultdict(int)

    @property
    def recorded(self) -> int:
        with self.shop.till.transaction() as s:
            return ledger_writer.chain_head(s, self.shop.till.terminal_id)[0]

    def run(self) -> None:
        try:
            while self.recorded < self.target:
                self.step()
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            self.done.set()

    def step(self) -> None:
        till, rng = self.shop.till, self.rng
        with till.transaction() as s:
            members = list(s.scalars(select(Customer.id).where(Customer.status == "active")))
        r = rng.random()
        try:
            if len(members) < 20 or r < 0.08:
                self.enrolled += 1
                customers.enroll(till, name=f"Khách {self.index}-{self.enrolled}",
                                 phone=f"09{self.index}{self.enrolled:07d}", staff=self.shop.cashier)  # fmt: skip
                self.ops["enroll"] += 1
            elif r < 0.72:
                bill = Bill(paid=rng.choice([25_000, 35_000, 45_000, 65_000, 89_000, 125_000, 240_000]))
                awards.award(till, rng.choice(members), bill, staff=self.shop.cashier)
                self.ops["award"] += 1
            elif r < 0.84:
                self.redeem(members)
            elif r < 0.94:
                self.void()
            else:
                corrections.adjust(till, rng.choice(members), points=rng.randint(1, 20), reason="bù điểm",
                                   manager=self.shop.owner)  # fmt: skip
                self.ops["adjust"] += 1
        except LoyaltyError:
            self.ops["refused"] += 1  # a rule said no (already reversed, too few points): a normal day

    def redeem(self, members: list[str]) -> None:
        till = self.shop.till
        with till.transaction() as s:
            rich = list(s.scalars(select(BalanceRow.customer_id).where(BalanceRow.points >= 20)))
            rewards = list(s.scalars(select(RewardRow.id).where(RewardRow.cost_points > 0)))
        if rich and rewards:
            redemption.redeem(till, self.rng.choice(rich), self.rng.choice(rewards), staff=self.shop.cashier,
                              identified=True)  # fmt: skip
            self.ops["redeem"] += 1

    def void(self) -> None:
        """A manager voids a recent sale — possibly one made at another till of the chain."""
        till = self.shop.till
        with till.transaction() as s:
            recent = list(
                s.scalars(
                    select(LedgerEntryRow.id)
                    .where(LedgerEntryRow.kind.in_([EntryKind.EARN.value, EntryKind.REDEEM.value]))
                    .order_by(LedgerEntryRow.created_at.desc())
                    .limit(40)
                )
            )
        if recent:
            corrections.reverse(till, self.rng.choice(recent), manager=self.shop.owner, reason="khách trả lại")
            self.ops["void"] += 1


def worker_process(home: Path, url: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "sync", "--home", str(home), "--log-level", "warning", "run", "--server", url,
             "--interval", "0.3", "--backoff-cap", "1", "--timeout", "3", "--batch", "200", "--pull-limit", "500"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip


def server_count(srv: ServerProcess, terminal_id: str | None = None) -> int:
    with Session(srv.engine) as s:
        q = select(func.count()).select_from(EntryRow)
        if terminal_id:
            q = q.where(EntryRow.terminal_id == terminal_id)
        return int(s.scalar(q) or 0)


@pytest.mark.slow
@pytest.mark.postgres
def test_every_entry_reaches_the_server_exactly_once_through_any_failure(
    databases: Databases, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    started = time.monotonic()
    srv = start_server(databases, "postgres", tmp_path)
    request.addfinalizer(srv.stop)  # whatever fails, no server is left behind
    proxy = FaultProxy(upstream_port=srv.port, seed=SEED, faults=CLEAN).start()
    shops: list[Shop] = []
    workers: list[SyncWorker] = []
    process: subprocess.Popen[bytes] | None = None
    try:
        with write_session(srv.engine) as s:
            stores = [admin.create_store(s, name="Quận 1").id, admin.create_store(s, name="Quận 3").id]
            admin.save_reward(s, RewardRecord(id="giam-10k", name="Giảm 10.000 ₫", kind="fixed_discount",
                                              cost_points=20, value=10_000))  # fmt: skip
            admin.save_reward(s, RewardRecord(id="banh", name="Bánh ngọt", kind="free_item", cost_points=35))
        for i in range(TILLS):
            shop = open_shop(tmp_path / f"till-{i}")
            pair_till(shop.till, shop.home, srv.url, srv.pairing_code(stores[i % 2]), terminal_name=f"Quầy {i}")
            SyncWorker(shop.till, srv.url, shop.token).run_once()  # the catalogue, before the doors open
            shops.append(shop)
            request.addfinalizer(shop.till.engine.dispose)

        proxy.set_faults(CHAOS)
        for shop in shops[:-1]:
            w = SyncWorker(shop.till, proxy.url, shop.token, rng=random.Random(SEED), **WORKER_ARGS)  # type: ignore[arg-type]
            w.start()
            workers.append(w)
        last = shops[-1]
        log = tmp_path / "worker-process.log"
        process = worker_process(last.home, proxy.url, log)
        traders = [Trader(i, shop, ENTRIES_PER_TILL) for i, shop in enumerate(shops)]
        for t in traders:
            t.start()

        def progress() -> float:
            return sum(t.recorded for t in traders) / (TILLS * ENTRIES_PER_TILL)

        # The server dies mid-push, twice; the fifth till's sync process dies mid-push once.
        wait_until(lambda: progress() > 0.2, timeout=120)
        wait_until(lambda: proxy.pushes_in_flight > 0, timeout=60, step=0.001)
        srv.kill()  # a batch is being written right now: its transaction dies with the server
        time.sleep(1.0)
        srv.restart()
        wait_until(lambda: progress() > 0.45, timeout=120)
        proxy.hold_next_push(last.token)
        assert proxy.held.wait(60), "the fifth till's worker never pushed"
        before = pending_count(last.till)
        process.send_signal(signal.SIGKILL)  # the server has stored the batch; the till never hears so
        process.wait(10)
        assert pending_count(last.till) >= before > 0
        time.sleep(0.5)
        process = worker_process(last.home, proxy.url, log)
        wait_until(lambda: progress() > 0.7, timeout=120)
        wait_until(lambda: proxy.pushes_in_flight > 0, timeout=60, step=0.001)
        srv.kill()
        time.sleep(1.5)
        srv.restart()

        for t in traders:
            assert t.done.wait(180), f"{t.name} did not finish"
            assert t.error is None, f"{t.name} failed: {t.error!r}"
        proxy.set_faults(CLEAN)  # the network heals
        total = sum(t.recorded for t in traders)
        assert total >= TILLS * ENTRIES_PER_TILL

        def settled() -> bool:
            return (
                server_count(srv) == total
                and all(pending_count(shop.till) == 0 for shop in shops)
                and all(len(till_entries(shop.till)) == total for shop in shops)
            )

        wait_until(settled, timeout=150, step=0.5)
    finally:
        for w in workers:
            w.stop()
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(10)
        proxy.stop()

    # -- the ledger: the union of the tills' own, exactly once ---------------------------------------
    held = server_entries(srv)
    union: dict = {}
    for shop in shops:
        own = till_entries(shop.till, own_only=True)
        assert union.keys().isdisjoint(own)
        union.update(own)
    assert held.keys() == union.keys(), "entries lost or invented"
    assert held == union, "an entry's content differs between its till and the server"
    for shop in shops:
        assert till_entries(shop.till) == held  # every till holds the whole chain's ledger

    # -- every chain verifies, on the server and on every till ---------------------------------------
    by_terminal: defaultdict[str, list] = defaultdict(list)
    for e in held.values():
        by_terminal[e.terminal_id].append(e)
    assert set(by_terminal) == {shop.till.terminal_id for shop in shops}
    for entries in by_terminal.values():
        assert verify_chain(sorted(entries, key=lambda e: e.terminal_seq)) == len(entries)
    for shop in shops:
        with shop.till.transaction() as s:
            for terminal_id, entries in by_terminal.items():
                assert balances.verify_terminal_chain(s, terminal_id) == len(entries)
            assert balances.mismatches(s) == []

    # -- balances and members are the same everywhere ------------------------------------------------
    on_server = server_balances(srv)
    for shop in shops:
        assert till_balances(shop.till) == on_server
    with Session(srv.engine) as s:
        members = {
            r.id: CustomerRecord.model_construct(**{n: getattr(r, n) for n in CustomerRecord.model_fields})
            for r in s.scalars(select(CustomerRow))
        }
    for shop in shops:
        with shop.till.transaction() as s:
            assert {c.id: customer_record(c) for c in s.scalars(select(Customer))} == members

    ops: defaultdict[str, int] = defaultdict(int)
    for t in traders:
        for name, n in t.ops.items():
            ops[name] += n
    # The tills served each other's members and voided each other's sales while all this went on.
    home_of = {e.customer_id: e.terminal_id for e in held.values() if e.reason == "welcome"}
    elsewhere = sum(1 for e in held.values() if e.kind is EntryKind.EARN and home_of[e.customer_id] != e.terminal_id)
    cross_voids = sum(1 for e in held.values() if e.reverses and held[e.reverses].terminal_id != e.terminal_id)
    assert elsewhere > 100 and cross_voids > 10
    summary = {
        "entries": total,
        "sales_to_members_of_other_tills": elsewhere,
        "voids_of_other_tills_sales": cross_voids,
        "members": len(members),
        "ops": dict(ops),
        "faults": dict(proxy.seen),
        "seconds": round(time.monotonic() - started, 1),
    }
    print("chaos:", summary)
    assert sum(proxy.seen[f] for f in ("reset", "lost", "truncated", "error", "error_after")) > 20
