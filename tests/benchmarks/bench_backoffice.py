"""Back-office benchmark: the dashboard, the customer table and segments over a million members.

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_backoffice.py [--customers 1000000] [--entries 5000000] [--home DIR]

It opens a real till in a temporary home, loads two stores' members, ledger entries
(earns, redemptions, bonuses, refunds, expiries, tier moves over two years), POS
receipts (members' and non-members'), ratings and tickets with bulk SQL, builds the
balance cache from the entries, then times the calls the back office makes:

- the dashboard for the last 30 days (target under 1 s),
- the first page of the customer table and a search by phone tail (8b's
  ``customer_list``; targets under 100 ms),
- a segment count and every segment's count (target under 2 s): once before the month's
  roll of every member's kept 12-month spend (the report then works the spends out), then
  after housekeeping has rolled them (``housekeeping.roll_spends``, timed apart),
- the first page of each segment's list (what the Segments tab reads when one is opened);
  every member's row (the filters, the exports) only with ``--all-rows``.

The bulk load bypasses the write paths, so the summary tables (``app.services.stats``)
are rebuilt after it, as the upgrade to migration 0009 does for an existing home.

Times are wall clock; each call runs a few times and the median is printed.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.bootstrap import open_till
from app.core.cardcode import make_card_number
from app.core.ids import new_id
from app.core.periods import period_for
from app.core.rewards import Reward, RewardKind
from app.services import catalog, housekeeping, stats
from app.services.reports.dashboard import dashboard
from app.services.till import Till

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
DAYS = 730
FMT = "%Y-%m-%d %H:%M:%S.%f"  # how UTCDateTime stores a moment in SQLite
AREAS = ["Quận 1", "Quận 3", "Quận 5", "Quận 7", "Thủ Đức", "Bình Thạnh", None]


def ts(moment: datetime) -> str:
    return moment.strftime(FMT)


def load(till: Till, db: Path, members: int, entries: int, rng: random.Random) -> list[str]:
    """Bulk-load the chain; returns the member ids (index = serial)."""
    store_a, store_b = till.store_id, "store-b"
    term_a, term_b = till.terminal_id, "till-b"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA cache_size=-524288")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO store (id, name, timezone, currency) VALUES (?, 'Quận 3', 'Asia/Ho_Chi_Minh', 'VND')", (store_b,)
    )
    conn.execute("INSERT INTO terminal (id, store_id, name, is_self) VALUES (?, ?, 'Till Q3', 0)", (term_b, store_b))
    ids = [new_id() for _ in range(members)]
    enrolled = [NOW - timedelta(days=rng.random() * DAYS) for _ in range(members)]

    def customer_rows() -> Iterator[tuple[object, ...]]:
        for serial, cid in enumerate(ids):
            month = rng.randrange(1, 13) if serial % 4 else None
            yield (
                cid,
                make_card_number(serial),
                f"+8490{serial:07d}",
                f"Khách {serial}",
                f"khach {serial}",
                rng.randrange(1, 28) if month else None,
                month,
                rng.randrange(1950, 2008) if month else None,
                rng.choice(["F", "M", None]),
                rng.choice(AREAS),
                serial % 3 != 0,
                f"R{serial:09d}",
                ts(enrolled[serial]),
                store_a if serial % 2 else store_b,
                "active",
                ts(enrolled[serial]),
            )

    conn.executemany(
        "INSERT INTO customer (id, card_number, phone, name, name_key, birthday_day, birthday_month, birthday_year, "
        "gender, area, marketing_consent, referral_code, enrolled_at, enrolled_store, status, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        customer_rows(),
    )
    # A few members visit a lot, most a little (a Zipf-ish pick).
    weights = [1.0 / (1 + (i % 5000)) ** 0.3 for i in range(members)]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    seq = {term_a: 0, term_b: 0}
    earns: list[tuple[str, str, str, int, int, datetime]] = []

    def pick() -> int:
        import bisect

        return min(bisect.bisect(cumulative, rng.random() * total), members - 1)

    def entry_rows() -> Iterator[tuple[object, ...]]:
        for _ in range(entries):
            serial = pick()
            cid = ids[serial]
            at = NOW - timedelta(days=rng.random() * DAYS)  # sales spread evenly over two years
            if at < enrolled[serial]:
                at = enrolled[serial] + (NOW - enrolled[serial]) * rng.random()
            store = store_a if rng.random() < 0.6 else store_b
            term = term_a if store == store_a else term_b
            seq[term] += 1
            r = rng.random()
            eid = new_id()
            if r < 0.80:
                amount = rng.randrange(20, 600) * 1000
                pts = amount // 10_000
                earns.append((eid, cid, store, pts, amount, at))
                yield (eid, term, store, seq[term], cid, "earn", ts(at), pts, 1, pts, amount, None, None, "")
            elif r < 0.90:
                yield (eid, term, store, seq[term], cid, "redeem", ts(at), -30, 0, 0, None, "reward-1", None, "")
            elif r < 0.95:
                yield (eid, term, store, seq[term], cid, "bonus", ts(at), 20, 2, 0, None, None, None, "")
            elif r < 0.98 and earns:
                e = earns[rng.randrange(len(earns))]
                at = max(at, e[5])
                yield (eid, term, store, seq[term], e[1], "reverse", ts(at), -e[3], -1, -e[3], None, None, e[0], "")
            elif r < 0.99:
                yield (eid, term, store, seq[term], cid, "expire", ts(at), -10, 0, 0, None, None, None, "")
            else:
                tier = "Gold" if rng.random() < 0.7 else "Member"
                yield (eid, term, store, seq[term], cid, "tier", ts(at), 0, 0, 0, None, None, None, tier)

    conn.executemany(
        "INSERT INTO ledger_entry (id, terminal_id, store_id, terminal_seq, customer_id, kind, created_at, points, "
        "stamps, qualifying, amount, reward_id, reverses, tier, currency, program_version, reason, prev_hash, hash) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULLIF(?, ''),'VND',1,'','','')",
        entry_rows(),
    )

    # POS receipts: most member earns came from the POS, plus as many non-member sales.
    def receipt_rows() -> Iterator[tuple[object, ...]]:
        n = 0
        for eid, cid, store, _, amount, at in earns[::2]:
            n += 1
            yield (new_id(), "kiotviet", f"M{n}", store, "sale", ts(at), amount, amount, "claimed", cid, eid, ts(at))
        for _ in range(len(earns) // 2):
            n += 1
            at = NOW - timedelta(days=rng.random() * DAYS)
            amount = rng.randrange(20, 300) * 1000
            store = store_a if rng.random() < 0.6 else store_b
            yield (
                new_id(),
                "kiotviet",
                f"N{n}",
                store,
                "sale",
                ts(at),
                amount,
                amount,
                "unclaimed",
                None,
                None,
                ts(at),
            )

    conn.executemany(
        "INSERT INTO receipt (id, source, external_id, store_id, kind, closed_at, total, subtotal, state, customer_id, "
        "ledger_entry_id, created_at, tax, tip, discount, currency, lines_json, customer_ref, refund_of) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,0,0,'VND','[]','','')",
        receipt_rows(),
    )
    conn.executemany(
        "INSERT INTO feedback (id, store_id, rating, comment, created_at) VALUES (?,?,?,'',?)",
        (
            (
                new_id(),
                store_a if i % 2 else store_b,
                rng.randrange(1, 6),
                ts(NOW - timedelta(days=rng.random() * DAYS)),
            )
            for i in range(100_000)
        ),
    )
    conn.executemany(
        "INSERT INTO ticket (id, store_id, subject, priority, status, resolution, created_at, updated_at) "
        "VALUES (?,?,'Chờ lâu','normal',?,'',?,?)",
        ((new_id(), store_a, "open" if i % 5 else "resolved", ts(NOW), ts(NOW)) for i in range(5_000)),
    )
    # The balance cache, as the ledger writer would have left it.
    conn.execute(
        "INSERT INTO balance (customer_id, points, stamps, lifetime_points, lifetime_spend, visits, last_visit_at, "
        "tier, redeemed_points, entry_count) "
        "SELECT c.id, COALESCE(SUM(e.points), 0), COALESCE(SUM(e.stamps), 0), "
        "COALESCE(SUM(CASE WHEN e.kind IN ('earn','bonus') THEN e.points END), 0), "
        "COALESCE(SUM(CASE WHEN e.kind = 'earn' THEN e.amount END), 0), "
        "COUNT(CASE WHEN e.kind = 'earn' THEN 1 END), MAX(CASE WHEN e.kind = 'earn' THEN e.created_at END), "
        "NULL, COALESCE(SUM(CASE WHEN e.kind = 'redeem' THEN -e.points END), 0), COUNT(e.id) "
        "FROM customer c LEFT JOIN ledger_entry e ON e.customer_id = c.id GROUP BY c.id"
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return ids


REPEAT = 3


def timed(fn: Callable[[], object], repeat: int | None = None) -> tuple[float, object]:
    """Median milliseconds of ``repeat`` calls (``--repeat``), and the last result."""
    times, result = [], None
    repeat = REPEAT if repeat is None else min(repeat, REPEAT)
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


class Results(list[tuple[str, float, float, str]]):
    def append(self, item: tuple[str, float, float, str]) -> None:
        what, ms, target, note = item
        print(f"  {what}: {ms:.0f} ms (target {target:.0f} ms) {note}", flush=True)
        super().append(item)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=5_000_000)
    ap.add_argument("--home", type=Path, default=None, help="keep the till here (reused if already loaded)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="calls per figure (the median is printed)")
    ap.add_argument("--all-rows", action="store_true", help="also time reading every member's row")
    args = ap.parse_args(argv)
    global REPEAT
    REPEAT = max(1, args.repeat)
    rng = random.Random(args.seed)
    home = args.home or Path(tempfile.mkdtemp(prefix="bench-backoffice-"))
    fresh = not (home / "terminal.db").exists()
    t0 = time.perf_counter()
    till = open_till(home)  # a home loaded by an older version is upgraded here (0009 builds the summary tables)
    if not fresh:
        print(f"opened (and upgraded if needed) in {time.perf_counter() - t0:.0f} s", flush=True)
    till.clock = lambda: NOW
    if fresh:
        catalog.save_reward(
            till,
            Reward(id="", name="Giảm 20.000 ₫", kind=RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000),
            by=None,
        )
        t0 = time.perf_counter()
        load(till, home / "terminal.db", args.customers, args.entries, rng)
        print(f"loaded {args.customers:,} members and {args.entries:,} entries in {time.perf_counter() - t0:.0f} s")
        # The bulk load bypasses the write paths: build the summary tables as the upgrade to 0009 does.
        t0 = time.perf_counter()
        with till.transaction() as s:
            stats.rebuild_in(s)
        print(f"summary tables rebuilt in {time.perf_counter() - t0:.0f} s", flush=True)
    till.engine.dispose()
    till = open_till(home)
    till.clock = lambda: NOW
    size = (home / "terminal.db").stat().st_size / 2**20
    print(f"database {home / 'terminal.db'}: {size:,.0f} MiB")

    results = Results()  # each figure is printed as soon as it is measured
    t0 = time.perf_counter()
    housekeeping.roll_window(till)  # what housekeeping does once a day (here: the first time, every member)
    ms = (time.perf_counter() - t0) * 1000
    results.append(("dashboard's 30 days summed per member (housekeeping)", ms, 60_000, "first time; then daily"))
    period = period_for("30d", NOW, till.program().timezone)
    ms, d = timed(lambda: dashboard(till, period))
    results.append(
        ("dashboard, last 30 days (all stores)", ms, 1000, f"{d.visits:,} visits, {d.members_total:,} members")
    )
    ms, d = timed(lambda: dashboard(till, period, frozenset({till.store_id})))
    results.append(("dashboard, last 30 days (one store)", ms, 1000, f"{d.visits:,} visits"))

    from app.core.segments import Segment
    from app.services import segments

    try:
        from app.services import customer_list
    except ImportError:
        customer_list = None
    if customer_list is not None:
        ms, rows = timed(lambda: customer_list.customer_page(till, "", "name", 0, 200), repeat=5)
        results.append(("customer table, first 200 rows by name", ms, 100, f"{len(rows)} rows"))
        ms, rows = timed(lambda: customer_list.customer_page(till, "", "last_visit", 0, 200, descending=True), 5)
        results.append(("customer table, first 200 rows by last visit", ms, 100, f"{len(rows)} rows"))
        ms, rows = timed(lambda: customer_list.customer_page(till, "4567"), repeat=5)
        results.append(("customer table, search by phone tail 4567", ms, 100, f"{len(rows)} rows"))
        first = customer_list.customer_page(till, "", "last_visit", 0, 200, descending=True)
        ms, found = timed(lambda: segments.segments_for(till, [r.id for r in first]), repeat=5)
        results.append(("segments of those 200 rows (the table's column)", ms, 100, f"{len(found)} members"))
    else:
        print("app.services.customer_list not there: customer table not timed")

    ms, rep = timed(lambda: segments.report(till), repeat=1)
    results.append(("every segment, before the month's roll (fallback)", ms, 2000, f"VIP {rep.count(Segment.VIP):,}"))
    t0 = time.perf_counter()
    housekeeping.roll_spends(till, pause=0)  # what the first housekeeping pass of a month does
    ms = (time.perf_counter() - t0) * 1000
    results.append(("12-month spends rolled to this month (housekeeping)", ms, 60_000, "once a month"))
    ms, n = timed(lambda: segments.count(till, Segment.LAPSED), repeat=3)
    results.append(("segment count: lapsed", ms, 2000, f"{n:,} members"))
    ms, n = timed(lambda: segments.count(till, Segment.BIRTHDAY), repeat=3)
    results.append(("segment count: birthday this month", ms, 2000, f"{n:,} members"))
    ms, rep = timed(lambda: segments.report(till), repeat=1)
    results.append(
        ("every segment (full report)", ms, 2000, ", ".join(f"{k.value} {v:,}" for k, v in rep.counts().items()))
    )
    # The Segments tab reads a segment's first page when it is opened.
    for seg in Segment:
        ms, page = timed(lambda seg=seg: segments.segment_page(till, rep, seg), repeat=3)
        results.append((f"first page of the segment list: {seg.value}", ms, 1000, f"{len(page[0])} rows"))
    if args.all_rows:  # the filters and the exports read every member's row once (on a background thread)
        ms, members = timed(lambda: segments.report(till).members, repeat=1)
        results.append(("every member's row (filters, exports)", ms, 60_000, f"{len(members):,} members"))

    print(f"\n{'what':48} {'median':>10} {'target':>8}")
    for what, ms, target, note in results:
        flag = "ok" if ms <= target else "SLOW"
        print(f"{what:48} {ms:8.0f} ms {target:6.0f} ms  {flag}  {note}")


if __name__ == "__main__":
    sys.exit(main())
