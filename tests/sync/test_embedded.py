"""The cashier app's sync: an embedded server in a child process beside the till, or the chain's real one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synctools import ROOT, ServerProcess, Shop, server_entries, till_entries, wait_until

from app import demo
from app.bootstrap import open_till
from app.core.earning import Bill
from app.services import awards, catalog, customers
from app.services.syncstatus import pending_count
from sync.embedded import start_embedded
from sync.server.db import make_server_engine
from sync.server.models import EntryRow, ProgramRow, RewardRow, StoreRow, TerminalRow
from sync.worker.pairing import read_token


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child not yet reaped is a zombie: gone for our purposes.
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(")")[-1].split()[0] == "Z")


def test_a_demo_till_syncs_with_its_embedded_server_and_stops_it(tmp_path: Path) -> None:
    home = tmp_path / "till"
    till = open_till(home)
    info = demo.seed(till, customers_count=6)
    embedded = start_embedded(home, till, interval=0.2, wait=True)
    try:
        assert embedded.process is not None and alive(embedded.process.pid)
        assert embedded.url.startswith("http://127.0.0.1:")
        wait_until(lambda: embedded.worker.status.pending == 0 and embedded.worker.status.online, timeout=30)
        assert till.is_online()  # the offline redemption cap follows the worker
        engine = make_server_engine(f"sqlite:///{home / 'server.db'}")
        with Session(engine) as s:
            store = s.get(StoreRow, till.store_id)
            assert store is not None and store.name == "Cà Phê Demo"
            assert s.scalar(select(func.count()).select_from(ProgramRow)) == 2  # the default and the demo's
            assert s.scalar(select(func.count()).select_from(RewardRow)) == len(catalog.rewards(till))
        with Session(engine) as s:
            assert set(s.scalars(select(EntryRow.id))) == set(till_entries(till))
        token, pid = read_token(home), embedded.process.pid
    finally:
        embedded.stop()
    assert not alive(pid)

    # The next start returns at once (the cashier screen must not wait for sync) and finds the till
    # already paired with its server: same token, no new pairing.
    started = time.monotonic()
    again = start_embedded(home, till, interval=0.2)
    try:
        assert time.monotonic() - started < 0.5
        assert again.wait_ready(30) and again.worker.running
        assert read_token(home) == token
        member = customers.find(till, info.sample_phone).matches[0]
        awards.award(till, member.customer_id, Bill(paid=60_000), staff=None)
        again.worker.sync_now()
        wait_until(lambda: pending_count(till) == 0, timeout=30)
        with Session(engine) as s:
            (row,) = s.scalars(select(TerminalRow))
            assert row.id == till.terminal_id and row.head_seq == len(till_entries(till))
    finally:
        again.stop()
        engine.dispose()
        till.engine.dispose()


def test_the_embedded_server_ends_with_the_tills_process_even_when_it_is_killed(tmp_path: Path) -> None:
    home = tmp_path / "till"
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from app.bootstrap import open_till
        from sync.embedded import start_embedded
        home = Path({str(home)!r})
        embedded = start_embedded(home, open_till(home), interval=0.5, wait=True)
        print(embedded.process.pid, flush=True)
        time.sleep(600)
        """
    )
    app = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        child = int(app.stdout.readline())  # type: ignore[union-attr]
        assert alive(child)
        app.send_signal(signal.SIGKILL)  # the till crashes: no atexit, no goodbye
        app.wait(10)
        deadline = time.monotonic() + 15
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(child), "the embedded server outlived the till"
    finally:
        if app.poll() is None:
            app.kill()


def test_a_configured_server_is_used_instead_of_an_embedded_one(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    store = server.new_store("Cà Phê Quận 7")
    home = tmp_path / "configured"
    home.mkdir()
    (home / "sync.json").write_text(json.dumps({"server_url": server.url, "pairing_code": server.pairing_code(store)}))
    till = open_till(home)
    embedded = start_embedded(home, till, interval=0.2, wait=True)
    try:
        assert embedded.process is None and embedded.url == server.url
        assert not (home / "server.db").exists()
        assert till.store_id == store  # an empty till joined the chain's store
        member = customers.enroll(till, name="Bùi Văn Long", phone="0977 123 456", staff=None)
        embedded.worker.sync_now()
        wait_until(lambda: pending_count(till) == 0 and embedded.worker.status.online, timeout=30)
        assert member.welcome.id in server_entries(server)
    finally:
        embedded.stop()
        till.engine.dispose()


def test_when_the_embedded_server_cannot_start_the_till_still_sells_and_says_why(tmp_path: Path) -> None:
    home = tmp_path / "till"
    till = open_till(home)
    (home / "server.db").mkdir()  # a folder where the server's database should be: it cannot open it
    embedded = start_embedded(home, till, interval=0.2)
    try:
        assert embedded.wait_ready(30)
        status = embedded.worker.status
        assert not status.online and status.last_error.startswith("Sync could not start")
        member = customers.enroll(till, name="Hồ Quang Nam", phone="0966 777 888", staff=None)
        assert pending_count(till) == 3 and member.welcome.terminal_seq == 1  # member, welcome, audit line
    finally:
        embedded.stop()
        till.engine.dispose()
