"""The app's sync starting after the login window: the status source the window holds from the start
hands over to the real embedded sync (server child process) once it is up, and stops it at the end."""

from __future__ import annotations

import os
from pathlib import Path

from synctools import wait_until

from app import demo
from app.bootstrap import open_till
from app.core.earning import Bill
from app.services import awards, customers
from app.services.late_sync import LateSync, embedded_sync
from app.services.syncstatus import SyncStatus, pending_count


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_the_window_hears_the_sync_started_after_it_and_sync_stops_with_the_app(tmp_path: Path) -> None:
    home = tmp_path / "till"
    till = open_till(home)
    info = demo.seed(till, customers_count=3)
    heard: list[SyncStatus] = []
    late = LateSync(embedded_sync(home, till))
    late.add_listener(heard.append)  # what the status bar does when the window is built
    late.sync_now()  # before sync exists: nothing to wake, and no error
    assert late.worker is None and heard == []

    late.begin()  # the login window has painted
    try:
        assert late.done.wait(60) and late.worker is not None
        wait_until(lambda: any(s.online and s.pending == 0 for s in heard), timeout=60)
        member = customers.find(till, info.sample_phone).matches[0]
        awards.award(till, member.customer_id, Bill(paid=60_000), staff=None)
        late.sync_now()  # the cashier's "sync now" reaches the worker
        wait_until(lambda: pending_count(till) == 0, timeout=30)
        server = late._started.process  # type: ignore[union-attr]
        assert server is not None and _alive(server.pid)
    finally:
        late.stop()
    assert not _alive(server.pid) and late.worker is None


def test_a_sync_that_cannot_start_is_said_on_the_status_line(tmp_path: Path) -> None:
    till = open_till(tmp_path / "till")

    def broken() -> object:
        raise OSError("no space left on device")

    heard: list[SyncStatus] = []
    late = LateSync(broken)  # type: ignore[arg-type]
    late.add_listener(heard.append)
    late.begin()
    assert late.done.wait(10)
    late.stop()
    assert [s.online for s in heard] == [False]
    assert "no space left on device" in heard[0].last_error and "works offline" in heard[0].last_error
    till.engine.dispose()
