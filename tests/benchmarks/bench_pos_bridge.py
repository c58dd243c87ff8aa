"""POS bridge benchmark: a 100,000-receipt export parsed and applied, and file-to-award delay.

Run on demand:  .venv/bin/python tests/benchmarks/bench_pos_bridge.py [--receipts 100000] [--no-watch]

The default export has 30 % member sales (30,000 awards among 1,000 members), awarded in bulk
(``awards.award_many``) through the one ledger writer. Target: parse + apply under 20 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import open_till
from app.db.models import LedgerEntryRow
from app.services import customers
from app.services.pos_bridge import FolderConfig, PosBridge
from app.services.receipts import apply_receipts
from pos_bridge.readers.registry import default_registry

HEADER = (
    "receipt_id,closed_at,total,tip,kind,refund_of,customer_phone,line_name,line_category,line_qty,line_unit_price\n"
)


def write_export(
    path: Path, n: int, phones: list[str], rng: random.Random, prefix: str = "HD", member_share: float = 0.3
) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for i in range(n):
            total = rng.choice([35_000, 45_000, 65_000, 125_000, 240_000])
            phone = rng.choice(phones) if rng.random() < member_share else ""
            minute = i % 600
            f.write(
                f"{prefix}{i},2026-03-12 {8 + minute // 60:02d}:{minute % 60:02d},{total},0,sale,,{phone},"
                f"Cà phê sữa đá,Cà phê,1,{total}\n"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--receipts", type=int, default=100_000)
    ap.add_argument("--members", type=int, default=1_000)
    ap.add_argument("--no-watch", action="store_true", help="only parse + apply, not the file-to-award delay")
    args = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        till = open_till(Path(tmp) / "home")
        till.clock = lambda: datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
        phones = []
        for i in range(args.members):
            phone = f"0903{i:06d}"
            customers.enroll(till, name=f"Khách {i}", phone=phone, staff=None)
            phones.append(phone)
        export = Path(tmp) / "big.csv"
        write_export(export, args.receipts, phones, rng)
        reader = default_registry().get("generic_csv")
        t0, c0 = time.perf_counter(), time.process_time()
        result = reader.read(export, store_id=till.store_id, tz="Asia/Ho_Chi_Minh", currency="VND")
        t1, c1 = time.perf_counter(), time.process_time()
        summary = apply_receipts(till, result.receipts)
        t2, c2 = time.perf_counter(), time.process_time()
        # Wall time and this process's CPU time: on a shared machine the wall time includes waiting
        # for a core; the CPU time is what the work itself costs.
        print(f"export: {args.receipts:,} receipts, {export.stat().st_size / 1e6:.1f} MB, {args.members:,} members")
        print(f"parse:  {t1 - t0:6.2f} s wall, {c1 - c0:6.2f} s CPU  ({args.receipts / (t1 - t0):,.0f} receipts/s)")
        print(f"apply:  {t2 - t1:6.2f} s wall, {c2 - c1:6.2f} s CPU  ({args.receipts / (t2 - t1):,.0f} receipts/s)")
        print(f"        [{summary}]")
        print(f"total:  {t2 - t0:6.2f} s wall, {c2 - c0:6.2f} s CPU")
        if args.no_watch:
            return

        for settle in (2.0, 0.5):
            delays = []
            folder = Path(tmp) / f"watch-{settle}"
            bridge = PosBridge(till, [FolderConfig(str(folder), "generic_csv")], settle_seconds=settle)
            bridge.start(interval=0.25)
            try:
                for k in range(5):
                    name = f"S{settle}-{k}-"
                    path = folder / f"{name}.csv"
                    write_export(
                        path.with_suffix(".part"), 1, [phones[0]], random.Random(k), prefix=name, member_share=1.0
                    )
                    path.with_suffix(".part").rename(path)
                    start = time.perf_counter()
                    while True:
                        with till.transaction() as s:
                            if s.scalar(select(LedgerEntryRow.id).where(LedgerEntryRow.receipt_id == f"{name}0")):
                                break
                        if time.perf_counter() - start > 30:
                            raise SystemExit("award never committed")
                        time.sleep(0.01)
                    delays.append(time.perf_counter() - start)
            finally:
                bridge.stop()
            print(
                f"file appears → award committed (settle {settle}s, poll 0.25s): "
                f"median {statistics.median(delays):.2f} s, max {max(delays):.2f} s"
            )


if __name__ == "__main__":
    main()
