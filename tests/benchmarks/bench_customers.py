"""The back office's customer table among a million members: first page, sorts, searches (issue 8).

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_customers.py [--customers 1000000] [--home DIR]

Loads the members with bulk SQL (as ``bench_foundation``), gives them varied
balances, builds the name-word index with ``name_words.rebuild`` (the command a
till would run after a bulk load), then times ``customer_list.customer_page``
and ``customer_count`` as the customers tab calls them (median of 5 calls, ms).
Targets: first page and a phone-tail search under 100 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_foundation import existing_members, load_members

from app.bootstrap import open_till
from app.core import cardcode
from app.services import customer_list, customers, name_words
from app.services.customer_list import Sort


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def vary_balances(db: Path, rng: random.Random) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        ids = [r[0] for r in conn.execute("SELECT customer_id FROM balance")]
        conn.executemany(
            "UPDATE balance SET points = ?, stamps = ?, visits = ?, lifetime_spend = ?, last_visit_at = ? "
            "WHERE customer_id = ?",
            (
                (
                    rng.randrange(0, 2000),
                    rng.randrange(0, 30),
                    rng.randrange(0, 60),
                    rng.randrange(0, 50_000_000),
                    f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d} 10:00:00.000000",
                    cid,
                )
                for cid in ids
            ),
        )
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--home", type=Path, default=None)
    args = parser.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="bench-customers-"))
    till = open_till(home)
    db = home / "terminal.db"
    rng = random.Random(8)
    if existing_members(db, args.customers) is None:
        t0 = time.perf_counter()
        load_members(db, till.store_id, args.customers, rng)
        vary_balances(db, rng)
        with till.transaction() as s:
            words = name_words.rebuild(s)
        with sqlite3.connect(db) as conn:
            conn.execute("ANALYZE")
        print(f"loaded {args.customers:,} members, {words:,} name words in {time.perf_counter() - t0:.0f} s")
    print(f"customers: {args.customers:,}  (home {home})")
    with sqlite3.connect(db) as conn:
        number = conn.execute("SELECT card_number FROM customer ORDER BY id LIMIT 1 OFFSET 777").fetchone()[0]
    scan = cardcode.sign_card_payload(number, till.card_key)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("first page, by name", lambda: customer_list.customer_page(till, "", Sort.NAME, 0, 200)),
        (
            "first page, by points (most first)",
            lambda: customer_list.customer_page(till, "", Sort.POINTS, 0, 200, descending=True),
        ),
        (
            "first page, by last visit",
            lambda: customer_list.customer_page(till, "", Sort.LAST_VISIT, 0, 200, descending=True),
        ),
        ("page 50 (offset 10,000), by name", lambda: customer_list.customer_page(till, "", Sort.NAME, 10_000, 200)),
        ("phone tail, 4 digits", lambda: customer_list.customer_page(till, "4567")),
        ("phone tail, 6 digits", lambda: customer_list.customer_page(till, "234567")),
        ("whole phone", lambda: customer_list.customer_page(till, "090 1234 567")),
        ('name word, rare ("giang")', lambda: customer_list.customer_page(till, "giang")),
        ('name words, common ("nguyen thi")', lambda: customer_list.customer_page(till, "nguyen thi")),
        # The cashier's search field (issue 11): a scan, a given name, a phone's tail, 20 rows for the pick list.
        ("cashier: scanned card", lambda: customers.find(till, scan).matches),
        ('cashier: given name ("long")', lambda: customers.find(till, "long").matches),
        ('cashier: name words ("nguyen thi")', lambda: customers.find(till, "nguyen thi").matches),
        ("cashier: phone tail, 6 digits", lambda: customers.find(till, "234567").matches),
        ("count, no search", lambda: customer_list.customer_count(till)),
        ("count, phone tail", lambda: customer_list.customer_count(till, "4567")),
    ]
    for label, fn in cases:
        ms, rows = timed(fn)
        size = len(rows) if isinstance(rows, list) else rows
        print(f"  {label:<40} {ms:8.1f} ms   ({size:,} rows)")
    till.engine.dispose()


if __name__ == "__main__":
    main()
