"""Bootstrap benchmark (issue 12, item 2): a new till joins a chain by the server's snapshot.

Run on demand (PostgreSQL 15 on 127.0.0.1:5432, as for the tests); the big one under nice:

    nice -n 10 timeout 1200 .venv/bin/python tests/benchmarks/bench_bootstrap.py [--members 50000,1000000]

For each size: a real server process on a fresh PostgreSQL database seeded by COPY with that many
members, their welcome entries and balances (``bench_sync.seed_million``), then new paired tills
(``--tills``, 2 by default) download the snapshot, verify it, install it and pull what came after,
timed phase by phase. The first till's download includes the server's build; the next ones are served
the file the server prepared for the first (same change number), which is the case of a chain
opening several tills.
Each next till is paired (a new terminal: a change number for the catalog, none for the bulk) just
before it asks, as in a shop. ``--check`` runs ``balances.mismatches`` and ``stats.differences`` on the
first till (slow: minutes at 50,000; the tests check the same on small chains).
Wall AND CPU are printed: the till (this process), the server process, and the PostgreSQL backends
of the benchmark's database (``/proc``, Linux), with the load average, since the machine is shared.
Targets: under 5 s for 50,000 members, under 30 s for 1,000,000.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from bench_sync import new_server, paired_till, seed_million, server_cpu
from synctools import Databases, ServerProcess

from app.db.models import Customer, LedgerEntryRow
from app.services import balances, customers, stats
from sync.worker.client import SyncClient
from sync.worker.snapshot import download, install, verify
from sync.worker.worker import SyncWorker

TARGETS = {50_000: 5.0, 1_000_000: 30.0}


def _proc_cpu(pid: int) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    except (OSError, ValueError, IndexError):
        return 0.0


def postgres_cpu(srv: ServerProcess) -> float:
    """CPU seconds of the PostgreSQL backends serving the benchmark's database (the server's pool)."""
    dsn = srv.db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        pids = [
            r[0]
            for r in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ]
    return sum(_proc_cpu(p) for p in pids)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def one_till(srv: ServerProcess, home: Path, store: str, members: int, check: bool) -> None:
    till = paired_till(srv, home, store)
    token = (home / "sync.token").read_text()
    path = home / "snapshot.download"
    load = os.getloadavg()[0]
    pg0, srv0, till0 = postgres_cpu(srv), server_cpu(srv), _cpu()
    t0 = time.perf_counter()
    with SyncClient(srv.url, token, timeout=600) as client:
        headers, digests = download(client, path)  # the sha256 made on the way, as ``bootstrap`` does
    t1 = time.perf_counter()
    pg1, srv1, till1 = postgres_cpu(srv), server_cpu(srv), _cpu()
    change = verify(path, headers, digests)
    t2 = time.perf_counter()
    till2 = _cpu()
    done = install(till, path, change)
    t3 = time.perf_counter()
    till3 = _cpu()
    worker = SyncWorker(till, srv.url, token, timeout=120)
    _e, _c, pages = worker.pull_all()
    t4 = time.perf_counter()
    till4 = _cpu()
    size = path.stat().st_size
    path.unlink()
    with till.transaction() as s:
        have = s.scalar(select(func.count()).select_from(Customer))
        ledger = s.scalar(select(func.count()).select_from(LedgerEntryRow))
        assert have == members and ledger == members, (have, ledger)
    target = TARGETS.get(members)
    verdict = "" if target is None else (" — target met" if t4 - t0 < target else f" — target {target:.0f} s NOT met")
    print(
        f"bootstrap by snapshot: {members:,} members + {members:,} entries in {t4 - t0:.1f} s wall{verdict} "
        f"(load average {load:.1f} at start, {os.getloadavg()[0]:.1f} at end)\n"
        f"  server build + download {t1 - t0:.1f} s of {size / 2**20:.0f} MiB "
        f"[CPU: server {srv1 - srv0:.1f} s, PostgreSQL {pg1 - pg0:.1f} s, till {till1 - till0:.1f} s]\n"
        f"  verify {t2 - t1:.1f} s [till CPU {till2 - till1:.1f} s], install {t3 - t2:.1f} s "
        f"[till CPU {till3 - till2:.1f} s], pull after it {t4 - t3:.2f} s in {pages} page(s) "
        f"[till CPU {till4 - till3:.1f} s]"
    )
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in done.cpu.items())
    print(f"  install CPU by step: {steps}; the rest is the commit ({done.journal} journal)")
    print(f"  tables taken as the server built them: {', '.join(done.transferred) or 'none'}")
    t0 = time.perf_counter()
    found = customers.find(till, f"090{members // 2:07d}")
    print(f"  then a member is found by phone in {1000 * (time.perf_counter() - t0):.1f} ms: {found.matches[0].name}")
    if check:  # the correctness checks a test makes, outside the timed figure (minutes at 50,000)
        t0 = time.perf_counter()
        with till.transaction() as s:
            assert balances.mismatches(s) == []
            assert stats.differences(s) == []
        checked = time.perf_counter() - t0
        print(f"  balances equal the fold, summary tables equal a recomputation (checked in {checked:.1f} s)")
    worker.stop()
    till.engine.dispose()


def bench(databases: Databases, tmp: Path, members: int, tills: int, check: bool) -> None:
    srv = new_server(databases, tmp)
    try:
        store = srv.new_store()
        seed_million(srv, members, store)
        for n in range(tills):
            if n:
                print("  the next till (the server's prepared file):")
            one_till(srv, tmp / f"new-till-{n}", store, members, check and n == 0)
    finally:
        srv.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", default="50000,1000000", help="comma-separated chain sizes")
    parser.add_argument("--tills", type=int, default=2, help="new tills joining one after the other")
    parser.add_argument("--check", action="store_true", help="check the first till (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        databases = Databases(tmp)
        try:
            for n in (int(m) for m in args.members.split(",")):
                bench(databases, tmp / f"boot-{n}", n, args.tills, args.check)
        finally:
            databases.drop_all()


if __name__ == "__main__":
    main()
