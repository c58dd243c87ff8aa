"""The worker in its thread: status for the status bar, acknowledgements, retries, and a cashier never kept waiting."""

from __future__ import annotations

import random
import shutil
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from faultproxy import CLEAN, FaultProxy, Faults
from synctools import ServerProcess, Shop, server_entries, till_entries, wait_until

from app.bootstrap import open_till
from app.core.earning import Bill
from app.services import awards, customers
from app.services.syncstatus import SyncStatus, pending_count
from sync.worker.client import SyncError
from sync.worker.worker import SyncWorker


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    p = FaultProxy(upstream_port=server.port, seed=1).start()
    yield p
    p.stop()


def enroll(shop: Shop, n: int = 1, *, start: int = 0) -> list[str]:
    ids = []
    for i in range(start, start + n):
        member = customers.enroll(shop.till, name=f"Khách {i}", phone=f"0933{abs(hash((shop.home, i))) % 10**6:06d}",
                                  staff=shop.cashier)  # fmt: skip
        awards.award(shop.till, member.customer_id, Bill(paid=45_000), staff=shop.cashier)
        ids.append(member.customer_id)
    return ids


def test_the_status_bar_hears_offline_pending_and_back_online(
    server: ServerProcess, proxy: FaultProxy, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    staff_waiting = pending_count(shop.till)  # the staff, resealed under the chain's PIN key at pairing
    enroll(shop, 3)  # 3 members + 6 entries + 3 audit lines (the enrolments) wait
    proxy.set_faults(Faults(reset=1.0))  # the line is down
    heard: list[SyncStatus] = []
    threads: set[str] = set()

    def listener(status: SyncStatus) -> None:
        heard.append(status)
        threads.add(threading.current_thread().name)

    w = SyncWorker(shop.till, proxy.url, shop.token, interval=0.2, backoff_base=0.05, backoff_cap=0.2, timeout=2)
    w.add_listener(listener)
    assert heard[-1].pending == 12 + staff_waiting and not heard[-1].online
    w.start()
    try:
        wait_until(lambda: w.failures >= 2)
        assert not w.status.online and w.status.pending == 12 + staff_waiting
        assert "Cannot reach the server" in w.status.last_error and w.status.last_success is None
        assert shop.token not in w.status.last_error
        proxy.set_faults(CLEAN)
        wait_until(lambda: w.status.online and w.status.pending == 0 and w.status.last_success is not None)
        assert w.status.last_error == "" and w.status.last_success is not None
        assert w.status.server_url == proxy.url
        assert "loyalty-sync" in threads  # listeners are called from the worker's thread
        assert not w.is_online() or w.status.online
    finally:
        w.stop()
    assert not w.running


def test_items_are_marked_only_after_the_server_acknowledges_them(
    server: ServerProcess, proxy: FaultProxy, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    enroll(shop, 2)
    waiting = pending_count(shop.till)  # 2 members, their 4 entries, and the staff resealed at pairing
    assert waiting >= 6
    w = SyncWorker(shop.till, proxy.url, shop.token, timeout=5)
    for faults in (Faults(lost=1.0), Faults(truncated=1.0), Faults(error_after=1.0)):
        proxy.set_faults(faults)
        with pytest.raises(SyncError, match=r"Cannot reach|incomplete|problem"):
            w.run_once()
        # The server stored the batch, but the till never heard so: everything is still pending.
        assert pending_count(shop.till) == waiting
    mine = till_entries(shop.till, own_only=True)
    assert set(mine) <= set(server_entries(server))
    proxy.set_faults(CLEAN)
    w.run_once()
    assert pending_count(shop.till) == 0
    held = [e for e in server_entries(server).values() if e.terminal_id == shop.till.terminal_id]
    assert sorted(e.id for e in held) == sorted(mine)  # stored once, however often it was sent
    w.stop()


def test_sync_now_wakes_the_worker_and_the_cashier_never_waits_for_the_network(
    server: ServerProcess, proxy: FaultProxy, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    w = SyncWorker(shop.till, proxy.url, shop.token, interval=3600, timeout=10)
    w.start()
    try:
        wait_until(lambda: w.cycles >= 1 and w.status.online)
        proxy.set_faults(Faults(delay=1.0, max_delay=1.5))  # a slow line: every request hangs a while
        enroll(shop, 1)
        w.sync_now()
        time.sleep(0.3)  # the worker is now inside a slow request
        started = time.monotonic()
        enroll(shop, 1, start=1)  # the cashier's next sale
        assert time.monotonic() - started < 0.5
        wait_until(lambda: pending_count(shop.till) <= 3, timeout=30)  # the first sale; the second waits
        w.sync_now()
        wait_until(lambda: pending_count(shop.till) == 0, timeout=20)
    finally:
        w.stop()


def test_backoff_grows_exponentially_with_jitter_up_to_its_cap(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    w = SyncWorker(shop.till, server.url, shop.token, backoff_base=1.0, backoff_cap=60.0, rng=random.Random(3))
    for failures, step in ((1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (50, 60)):
        waits = [w.backoff(failures) for _ in range(200)]
        assert step / 2 <= min(waits) and max(waits) <= step
        assert max(waits) - min(waits) > step / 4  # jittered: tills coming back do not knock in step
    w.stop()


def test_a_till_restored_from_an_old_copy_is_refused_and_says_so(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    enroll(shop, 1)
    SyncWorker(shop.till, server.url, shop.token).run_once()
    shop.till.engine.dispose()
    copy = shop.home.with_name("restored")
    shutil.copytree(shop.home, copy)  # yesterday's backup
    enroll(shop, 1, start=1)
    SyncWorker(shop.till, server.url, shop.token).run_once()

    restored = open_till(copy)
    try:
        member = customers.enroll(restored, name="Đỗ Thị Mai", phone="0944 555 666", staff=None)
        w = SyncWorker(restored, server.url, (copy / "sync.token").read_text())
        report = w.run_once()
        assert "differs from what the server already holds" in report.refused
        assert w.status.online and w.status.last_error.startswith("Server refused a batch")
        assert pending_count(restored) > 0  # nothing refused is marked as sent
        assert member.customer_id not in {e.customer_id for e in server_entries(server).values()}
        w.stop()
    finally:
        restored.engine.dispose()
