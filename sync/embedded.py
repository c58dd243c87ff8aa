"""Sync for the cashier app: an embedded server beside the till when no real one is configured.

``start_embedded(home, till)`` gives the app a running sync worker whatever the
setup:

- ``home/sync.json`` names a server: the worker syncs with it (pairing first
  with the file's ``pairing_code`` when the till is not paired with it yet).
- Otherwise a central server is started on 127.0.0.1 as a *child process*
  (isolated from the till's process; it exits when the till's process ends,
  even when that one is killed: its stdin closes) on SQLite ``home/server.db``.
  It knows the till's own store and card key and its program and rewards, so
  an existing till pairs with it at once, and a second till of the shop can
  pair with it too.

Starting a server takes about a second, so by default that happens in a
background thread: the cashier screen opens at once, the worker says
"offline" until the server is up, and sales are recorded as always.
"""

from __future__ import annotations

import atexit
import logging
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.program import Program
from app.db.models import ProgramVersion, RewardRow, Store
from app.services.till import Till
from sync.protocol import RewardRecord
from sync.server import admin
from sync.server.db import write_session
from sync.server.main import prepare
from sync.server.models import ProgramRow, ServerState, StoreRow
from sync.server.models import RewardRow as ServerReward
from sync.worker.client import SyncError
from sync.worker.pairing import pair_till, paired_with, read_config, read_token, remember_server
from sync.worker.worker import SyncWorker

log = logging.getLogger("loyalty.sync")
SERVER_DB = "server.db"
SERVER_LOG = "server.log"


@dataclass
class EmbeddedSync:
    worker: SyncWorker
    url: str
    process: subprocess.Popen[bytes] | None = None
    ready: threading.Event = field(default_factory=threading.Event, repr=False)
    _starter: threading.Thread | None = field(default=None, repr=False)
    _stopped: bool = field(default=False, repr=False)

    def wait_ready(self, timeout: float = 60.0) -> bool:
        """True once the server is up and the till paired (or once that failed: see the worker's status)."""
        return self.ready.wait(timeout)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._starter is not None:
            self._starter.join(60)
        self.worker.stop()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process is not None and self.process.stdin:
            self.process.stdin.close()


def start_embedded(
    home: Path, till: Till, *, interval: float = 10.0, start_worker: bool = True, wait: bool = False
) -> EmbeddedSync:
    """Sync for this till. Returns at once: the server starts and the till pairs in the background
    (``wait=True`` waits for that), so the cashier screen opens without waiting for sync; meanwhile the
    worker's status says offline, and sales are recorded as always."""
    home = Path(home)
    config = read_config(home)
    url = config.server_url or f"http://127.0.0.1:{free_port()}"
    # A configured server must be https:// (or named insecure in sync.json): the worker refuses otherwise.
    verify: bool | str = config.ca_file or True
    worker = SyncWorker(till, url, read_token(home), interval=interval, insecure=config.insecure, verify=verify)
    till.is_online = worker.is_online
    embedded = EmbeddedSync(worker=worker, url=url)
    atexit.register(embedded.stop)

    def bring_up() -> None:
        try:
            if config.server_url:
                _pair_with_configured(home, till, config.server_url, config.pairing_code, config.insecure, verify)
            else:
                _bring_up_local(home, till, embedded)
            if embedded._stopped:
                return
            worker.retarget(embedded.url, read_token(home))
            if not read_token(home):
                worker.note_problem(f"This till is not paired with {embedded.url}: add a pairing code to sync.json.")
            if start_worker:
                worker.start()
        except Exception as exc:  # the till works offline; the status bar says why sync does not
            log.exception("sync could not start")
            worker.note_problem(f"Sync could not start: {exc}")
        finally:
            embedded.ready.set()

    if wait:
        bring_up()
    else:
        embedded._starter = threading.Thread(target=bring_up, name="loyalty-sync-start", daemon=True)
        embedded._starter.start()
    return embedded


def _pair_with_configured(home: Path, till: Till, url: str, code: str, insecure: bool, verify: bool | str) -> None:
    if paired_with(till, home)[0] != url and code:
        try:
            pair_till(till, home, url, code, insecure=insecure, verify=verify)
        except SyncError as exc:
            log.warning("pairing with %s failed: %s", url, exc.message)


def _bring_up_local(home: Path, till: Till, embedded: EmbeddedSync) -> None:
    port = int(embedded.url.rsplit(":", 1)[1])
    url, process, server_id = _start_local_server(home, till, port)
    embedded.url, embedded.process = url, process
    if embedded._stopped:  # the app closed while the server was starting
        process.terminate()
        return
    if paired_with(till, home)[1] != server_id:
        pair_till(till, home, url, _issue_code(home, till.store_id))
    else:
        remember_server(till, url)


def _db_url(home: Path) -> str:
    return f"sqlite:///{home / SERVER_DB}"


def _start_local_server(home: Path, till: Till, port: int) -> tuple[str, subprocess.Popen[bytes], str]:
    engine = prepare(_db_url(home), card_key=till.card_key, pin_key=till.pin_keys[0] if till.pin_keys else None)
    try:
        with write_session(engine) as s:
            server_id = _register_till(s, till)
    finally:
        engine.dispose()
    last_error = ""
    for attempt in range(3):  # a free port can be taken between finding it and binding it
        port = port if attempt == 0 else free_port()
        log_file = (home / SERVER_LOG).open("ab")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.main",
                "--database-url",
                _db_url(home),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
                "--parent-watch",
            ],
            stdin=subprocess.PIPE,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        log_file.close()
        url = f"http://127.0.0.1:{port}"
        if wait_healthy(url, process):
            return url, process, server_id
        last_error = f"exit code {process.poll()}"
        if process.poll() is None:
            process.kill()
            process.wait()
    raise RuntimeError(f"the embedded sync server did not start ({last_error}); see {home / SERVER_LOG}")


def _issue_code(home: Path, store_id: str) -> str:
    engine = prepare(_db_url(home))
    try:
        with write_session(engine) as s:
            # The embedded server is one shop's: its tills hold the whole (small) chain, as they always did.
            return admin.issue_pairing_code(s, store_id, scope="chain")
    finally:
        engine.dispose()


def _register_till(s: Session, till: Till) -> str:
    """The embedded server knows the till's store, and starts from the till's program and rewards."""
    with till.transaction() as t:
        store = t.get(Store, till.store_id)
        programs = list(t.scalars(select(ProgramVersion).order_by(ProgramVersion.version)))
        rewards = list(t.scalars(select(RewardRow)))
        t.expunge_all()
    if store is not None and s.get(StoreRow, store.id) is None:
        admin.create_store(s, name=store.name, timezone=store.timezone, currency=store.currency, store_id=store.id)
    if s.scalar(select(ProgramRow.version).limit(1)) is None:
        for p in programs:
            admin.publish_program(s, Program.from_json(p.body), keep_version=True, active=p.active)
    if s.scalar(select(ServerReward.id).limit(1)) is None:
        for r in rewards:
            admin.save_reward(
                s,
                RewardRecord(
                    id=r.id,
                    name=r.name,
                    kind=r.kind,
                    cost_points=r.cost_points,
                    cost_full_card=r.cost_full_card,
                    value=r.value,
                    cap=r.cap,
                    item_sku=r.item_sku,
                    min_tier=r.min_tier,
                    limit_count=r.limit_count,
                    limit_period=r.limit_period,
                    active=r.active,
                    sort=r.sort,
                    starts_on=r.starts_on,
                    ends_on=r.ends_on,
                ),
            )
    state = s.get(ServerState, 1)
    assert state is not None
    return state.server_id


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(
    url: str,
    process: subprocess.Popen[bytes] | None = None,
    timeout: float = 30.0,
    verify: bool | str | ssl.SSLContext = True,
) -> bool:
    deadline = time.monotonic() + timeout
    if isinstance(verify, str):
        verify = ssl.create_default_context(cafile=verify)
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            if httpx.get(f"{url}/health", timeout=1.0, verify=verify).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False
