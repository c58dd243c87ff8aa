"""Bootstrap benchmark (issue 12, item 2): a new till joins a chain by the server's snapshot.

Run on demand (PostgreSQL 15 on 127.0.0.1:5432, as for the tests); the big one under nice:

    nice -n 19 timeout 900 .venv/bin/python tests/benchmarks/bench_bootstrap.py [--members 50000,1000000]

For each size: a real server process on a fresh PostgreSQL database seeded by COPY with that many
members, their welcome entries and balances (``bench_sync.seed_million``), then a new paired till
downloads the snapshot, verifies it, installs it and pulls what came after — timed phase by phase.
Targets: under 5 s for 50,000 members, under 30 s for 1,000,000.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from bench_sync import new_server, paired_till, seed_million
from synctools import Databases

from app.db.models import Customer, LedgerEntryRow
from app.services import customers
from sync.protocol import API
from sync.worker.client import SyncClient
from sync.worker.snapshot import install, verify
from sync.worker.worker import SyncWorker


def bench(databases: Databases, tmp: Path, members: int) -> None:
    srv = new_server(databases, tmp)
    try:
        store = srv.new_store()
        seed_million(srv, members, store)
        home = tmp / "new-till"
        till = paired_till(srv, home, store)
        token = (home / "sync.token").read_text()
        path = home / "snapshot.download"
        t0 = time.perf_counter()
        with SyncClient(srv.url, token, timeout=600) as client:
            headers = client.download(f"{API}/snapshot", path)
        t1 = time.perf_counter()
        change = verify(path, headers)
        t2 = time.perf_counter()
        install(till, path, change)
        t3 = time.perf_counter()
        worker = SyncWorker(till, srv.url, token, timeout=120)
        _e, _c, pages = worker.pull_all()
        t4 = time.perf_counter()
        size = path.stat().st_size
        path.unlink()
        with till.transaction() as s:
            have = s.scalar(select(func.count()).select_from(Customer))
            ledger = s.scalar(select(func.count()).select_from(LedgerEntryRow))
        assert have == members and ledger == members, (have, ledger)
        print(
            f"bootstrap by snapshot: {members:,} members + {members:,} entries in {t4 - t0:.1f} s "
            f"(server build + download {t1 - t0:.1f} s of {size / 2**20:.0f} MiB, verify {t2 - t1:.1f} s, "
            f"install {t3 - t2:.1f} s, pull after it {t4 - t3:.2f} s in {pages} page(s))"
        )
        t0 = time.perf_counter()
        found = customers.find(till, f"090{members // 2:07d}")
        print(f"  then a member is found by phone in {1000 * (time.perf_counter() - t0):.1f} ms: "
              f"{found.matches[0].name}")  # fmt: skip
        worker.stop()
        till.engine.dispose()
    finally:
        srv.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", default="50000,1000000", help="comma-separated chain sizes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        databases = Databases(tmp)
        try:
            for n in (int(m) for m in args.members.split(",")):
                bench(databases, tmp / f"boot-{n}", n)
        finally:
            databases.drop_all()


if __name__ == "__main__":
    main()
