"""Helpers of the sync tests: real server processes, tills in temp homes, what each side holds.

Every PostgreSQL database is created fresh for the test session
(``loyalty_test_<random>``) and dropped at its end. When PostgreSQL is not
running, the fixture starts the local cluster (as ``.ci/run`` does).
"""

from __future__ import annotations

import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.ledger import Balance, LedgerEntry
from app.db.models import BalanceRow as TillBalance
from app.db.models import LedgerEntryRow
from app.services import awards, customers, ledger_writer, staff
from app.services.staff import StaffMember
from app.services.till import Till
from sync.embedded import free_port, wait_healthy
from sync.server import admin
from sync.server.db import make_server_engine, write_session
from sync.server.ledger import BALANCE_FIELDS, entry_of
from sync.server.models import BalanceRow, EntryRow
from sync.worker.pairing import read_token

ROOT = Path(__file__).resolve().parents[2]
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
PG_ADMIN_DSN = f"host={PG_HOST} port={PG_PORT} user={PG_USER} dbname=test connect_timeout=3"


def ensure_postgres() -> None:
    """Connect to the local PostgreSQL 15; start its cluster when it is down."""
    try:
        psycopg.connect(PG_ADMIN_DSN).close()
        return
    except psycopg.OperationalError:
        pass
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"], check=False, capture_output=True
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(PG_ADMIN_DSN).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class Databases:
    """Fresh databases for the session; PostgreSQL ones are dropped at the end."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.created: list[str] = []

    def new(self, kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{self.tmp / f'server-{secrets.token_hex(4)}.db'}"
        ensure_postgres()
        name = f"loyalty_test_{secrets.token_hex(6)}"
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"

    def drop_all(self) -> None:
        if not self.created:
            return
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class ServerProcess:
    """``loyalty-server`` in its own process, on a free port of 127.0.0.1."""

    db_url: str
    log_dir: Path
    extra: list[str] = field(default_factory=list)
    docs: bool = True  # /openapi.json for the fuzz tests; production serves none
    tls: tuple[Path, Path] | None = None  # (certificate, key): serve HTTPS
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    _engine: Engine | None = None

    @property
    def secrets_file(self) -> Path:
        """The key that seals the chain's card and PIN keys in this server's database."""
        return self.log_dir / f"server-{abs(hash(self.db_url)) % 10**8}.secret"

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        self.port = self.port or free_port()
        log = (self.log_dir / f"server-{self.port}.log").open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.main",
                "--database-url",
                self.db_url,
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--parent-watch",  # ends with this process, even if pytest itself is killed
                "--secrets-file",
                str(self.secrets_file),
                *(["--docs"] if self.docs else []),
                *(["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])] if self.tls else []),
                *self.extra,
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        if not wait_healthy(self.url, self.proc, timeout=60, verify=str(self.tls[0]) if self.tls else True):
            raise RuntimeError(f"server did not start; see {self.log_dir}")
        return self

    def kill(self) -> None:
        """SIGKILL: no goodbye, transactions in flight are cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self._close_stdin()

    def _close_stdin(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._close_stdin()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def restart(self) -> None:
        self.kill()
        deadline = time.monotonic() + 20
        while True:  # the port comes free once the kernel has closed the old socket
            try:
                self.start()
                return
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise

    @property
    def engine(self) -> Engine:
        """The same database, opened by the test itself: admin commands and final checks."""
        if self._engine is None:
            self._engine = make_server_engine(self.db_url, pool_size=2, max_overflow=2)
        return self._engine

    def new_store(self, name: str = "Cà Phê Quận 1") -> str:
        with write_session(self.engine) as s:
            return admin.create_store(s, name=name).id

    def pairing_code(self, store_id: str, scope: str = "chain") -> str:
        """The tests' chains are small and most are about sync itself: their tills hold the whole chain
        unless the test is about working sets (``test_cli`` checks a real code's default, ``store``)."""
        with write_session(self.engine) as s:
            return admin.issue_pairing_code(s, store_id, scope=scope)


def start_server(databases: Databases, kind: str, log_dir: Path, extra: list[str] | None = None) -> ServerProcess:
    return ServerProcess(db_url=databases.new(kind), log_dir=log_dir, extra=extra or []).start()


# -- tills ------------------------------------------------------------------------------------------


@dataclass
class Shop:
    """A till in its own home, with an owner (manager rights) and a cashier."""

    till: Till
    home: Path
    owner: StaffMember
    cashier: StaffMember

    @property
    def token(self) -> str:
        return read_token(self.home)


def open_shop(home: Path) -> Shop:
    till = open_till(home)
    owner = staff.add_staff(till, name="Chị Hoa", role="owner", pin="1234")
    cashier = staff.add_staff(till, name="Lan", role="cashier", pin="1111", by=owner)
    return Shop(till, home, owner, cashier)


# -- what the server and the tills hold -------------------------------------------------------------


def server_entries(srv: ServerProcess) -> dict[str, LedgerEntry]:
    with Session(srv.engine) as s:
        return {r.id: entry_of(r) for r in s.scalars(select(EntryRow))}


def server_balances(srv: ServerProcess) -> dict[str, Balance]:
    with Session(srv.engine) as s:
        return {
            r.customer_id: Balance(**{n: getattr(r, n) for n in BALANCE_FIELDS}) for r in s.scalars(select(BalanceRow))
        }


def till_entries(till: Till, *, own_only: bool = False) -> dict[str, LedgerEntry]:
    with till.transaction() as s:
        q = select(LedgerEntryRow)
        if own_only:
            q = q.where(LedgerEntryRow.terminal_id == till.terminal_id)
        return {r.id: ledger_writer.from_row(r) for r in s.scalars(q)}


def till_balances(till: Till) -> dict[str, Balance]:
    with till.transaction() as s:
        return {r.customer_id: ledger_writer.balance_of(r) for r in s.scalars(select(TillBalance))}


def members_with_a_sale(shop: Shop, count: int, phone_prefix: str) -> list[str]:
    """``count`` new members of ``shop``, each with one 60,000 sale: two ledger entries apiece (the
    welcome and the earn), both waiting in the outbox. Phones ``<phone_prefix>0000``, ``…0001``, …"""
    ids = []
    for i in range(count):
        member = customers.enroll(shop.till, name=f"Khách {i}", phone=f"{phone_prefix}{i:04d}", staff=shop.cashier)
        awards.award(shop.till, member.customer_id, Bill(paid=60_000), staff=shop.cashier)
        ids.append(member.customer_id)
    return ids


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for a condition")
        time.sleep(step)


def http(srv: ServerProcess, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=srv.url, headers=headers, timeout=30)
