"""Foundation benchmark: a durable award commit, and finding a member among a million (DESIGN §9).

Run on demand (not part of pytest):

    .venv/bin/python tests/benchmarks/bench_foundation.py [--customers 1000000] [--home DIR]

It opens a real till in a temporary home (SQLite file, WAL, ``synchronous=FULL``),
loads the members with bulk SQL, then times the full service calls a cashier
triggers: ``awards.award`` (one sale, committed to disk) and ``customers.find``
by card number, phone, scanned QR, and a scan followed by the customer card
(``find`` + ``view``: "scan → customer shown"). Times are wall clock per call.

Each award is followed by a raw same-size transaction (``RawTransaction``: one ledger row,
one balance update, one outbox row in plain ``sqlite3``, same file and durability), and the
ratio of the two is printed (issue 12 item 5: award p50 within 3x of it, p99 under 5 ms).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.bootstrap import open_till
from app.core.cardcode import make_card_number, sign_card_payload
from app.core.earning import Bill
from app.core.ids import new_id
from app.core.phone import display_phone
from app.services import awards, balances, customers
from app.services.customers import fold_name
from app.services.till import Till

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thu", "Ngọc", "Đức", "Thanh", "Quốc", "Gia"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam"]
REFERRAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # as app.services.customers

CUSTOMER_COLUMNS = (
    "id, card_number, phone, name, name_key, marketing_consent, referral_code, "
    "enrolled_at, enrolled_store, status, updated_at"
)
BALANCE_COLUMNS = "customer_id, points, stamps, lifetime_points, lifetime_spend, visits, redeemed_points, entry_count"


def phone_of(serial: int) -> str:
    return f"+8490{serial:07d}"


def referral_code_of(serial: int) -> str:
    """Six characters, distinct for every serial below 32⁶ (≈ 10⁹)."""
    out = []
    for _ in range(6):
        serial, digit = divmod(serial, 32)
        out.append(REFERRAL_ALPHABET[digit])
    return "".join(out)


def member_rows(count: int, store_id: str, rng: random.Random) -> Iterator[tuple[object, ...]]:
    names = [(f"{f} {m} {g}", fold_name(f"{f} {m} {g}")) for f in FAMILY for m in MIDDLE for g in GIVEN]
    when = datetime(2025, 6, 1, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # how UTCDateTime stores it
    for serial in range(count):
        name, key = rng.choice(names)
        yield (
            new_id(),
            make_card_number(serial),
            phone_of(serial),
            name,
            key,
            serial % 3 == 0,
            referral_code_of(serial),
            when,
            store_id,
            "active",
            when,
        )


def load_members(db: Path, store_id: str, count: int, rng: random.Random) -> list[str]:
    """``count`` members (customer + zero balance) in one transaction; returns their ids."""
    ids: list[str] = []

    def rows() -> Iterator[tuple[object, ...]]:
        for row in member_rows(count, store_id, rng):
            ids.append(str(row[0]))
            yield row

    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size=-262144")  # 256 MiB for the load only
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO customer ({CUSTOMER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows())
        conn.executemany(f"INSERT INTO balance ({BALANCE_COLUMNS}) VALUES (?,0,0,0,0,0,0,0)", ((cid,) for cid in ids))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    finally:
        conn.close()
    return ids


def existing_members(db: Path, count: int) -> list[str] | None:
    """The ids of an earlier run's members in ``db`` (index = serial), if it loaded at least ``count``."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT phone, id FROM customer WHERE phone LIKE '+8490%'").fetchall()
    finally:
        conn.close()
    by_serial = {int(phone[5:]): cid for phone, cid in rows}
    if any(serial not in by_serial for serial in range(count)):
        return None
    return [by_serial[serial] for serial in range(count)]


def timed(calls: Iterable[Callable[[], object]]) -> tuple[list[float], list[float]]:
    """Milliseconds per call: wall clock, and this process's CPU time (which other load does not inflate)."""
    wall, cpu = [], []
    for call in calls:
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        call()
        wall.append((time.perf_counter_ns() - t0) / 1e6)
        cpu.append((time.process_time_ns() - c0) / 1e6)
    return wall, cpu


def disk_flush_ms(folder: Path, n: int = 200) -> list[float]:
    """What one flush of this disk costs (a 16 KiB append + fdatasync, about one award's WAL frames).

    A durable commit cannot be faster than this; it tells the disk's share of the award time
    from ours.
    """
    probe = folder / "flush-probe.tmp"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    out = []
    try:
        for _ in range(n):
            os.write(fd, b"\0" * 16384)
            t0 = time.perf_counter_ns()
            (os.fdatasync if hasattr(os, "fdatasync") else os.fsync)(fd)
            out.append((time.perf_counter_ns() - t0) / 1e6)
    finally:
        os.close(fd)
        probe.unlink()
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def file_size(db: Path) -> int:
    return sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal", "-shm") if Path(f"{db}{s}").exists())


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        )
    except (OSError, StopIteration):
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.release()}"
    )


RAW_TABLES = ("ledger_entry", "balance", "outbox")


class RawTransaction:
    """The floor an award is compared with: the same write in plain ``sqlite3``, no Python logic.

    One transaction of one ledger row, one balance update and one outbox row, in the same
    database file (WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``, as the till opens it) into
    scratch copies of those three tables with the same columns and indexes, and the balance
    copy holding every member (so its B-trees are as deep). Copies, so the till's chain and
    balances stay true; dropped at the end. Interleaved with the awards, so both see the same load.
    """

    def __init__(self, db: Path, store_id: str) -> None:
        self.store_id = store_id
        self.conn = sqlite3.connect(db, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.drop()
        schema = self.conn.execute(
            "SELECT type, sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?) AND type IN ('table', 'index') "
            "AND sql IS NOT NULL ORDER BY type DESC",
            RAW_TABLES,
        ).fetchall()
        self.conn.execute("BEGIN IMMEDIATE")
        for _kind, sql in schema:  # tables first ('table' > 'index'), then their indexes, renamed
            sql = re.sub(r"INDEX (\w+) ON", r"INDEX bench_raw_\1 ON", sql)
            for name in RAW_TABLES:
                sql = re.sub(rf"\b{name}\b", f"bench_raw_{name}", sql)
            self.conn.execute(sql)
        self.conn.execute("INSERT INTO bench_raw_balance SELECT * FROM balance")
        self.conn.execute("COMMIT")
        self.seq = 0

    def write(self, customer_id: str, paid: int) -> None:
        self.seq += 1
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        entry_id = new_id()
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        c.execute(
            "INSERT INTO bench_raw_ledger_entry (id, terminal_id, store_id, terminal_seq, customer_id, kind, "
            "created_at, points, stamps, qualifying, amount, currency, program_version, reason, prev_hash, hash) "
            "VALUES (?, 'bench-raw', ?, ?, ?, 'earn', ?, ?, 0, ?, ?, 'VND', 1, '', ?, ?)",
            (entry_id, self.store_id, self.seq, customer_id, now, paid // 1000, paid // 1000, paid, "0" * 64, "1" * 64),
        )
        c.execute(
            "UPDATE bench_raw_balance SET points = points + ?, lifetime_points = lifetime_points + ?, "
            "lifetime_spend = lifetime_spend + ?, visits = visits + 1, last_visit_at = ?, "
            "entry_count = entry_count + 1 WHERE customer_id = ?",
            (paid // 1000, paid // 1000, paid, now, customer_id),
        )
        c.execute(
            "INSERT INTO bench_raw_outbox (item_type, item_id, created_at) VALUES ('entry', ?, ?)", (entry_id, now)
        )
        c.execute("COMMIT")

    def drop(self) -> None:
        for name in RAW_TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS bench_raw_{name}")

    def close(self) -> None:
        self.drop()
        self.conn.close()


def run(
    till: Till, members: list[str], n_awards: int, n_lookups: int, rng: random.Random, raw: RawTransaction
) -> list[tuple[str, tuple[list[float], list[float]], float]]:
    sample = [rng.randrange(len(members)) for _ in range(max(n_awards, n_lookups))]
    for serial in sample[:50]:  # warm the program cache and the page cache a little, as a running till has
        customers.find(till, make_card_number(serial))

    results = []
    bills = [Bill(paid=rng.randrange(20, 500) * 1_000) for _ in range(n_awards)]
    award_ms: tuple[list[float], list[float]] = ([], [])
    raw_ms: tuple[list[float], list[float]] = ([], [])
    for s, b in zip(sample[:n_awards], bills, strict=True):  # alternated: both under the same load
        for into, call in (
            (award_ms, lambda cid=members[s], bill=b: awards.award(till, cid, bill, staff=None)),
            (raw_ms, lambda cid=members[s], bill=b: raw.write(cid, bill.paid)),
        ):
            wall, cpu = timed([call])
            into[0].extend(wall)
            into[1].extend(cpu)
    results.append(("award (durable commit)", award_ms, 10.0))
    results.append(("raw same-size transaction", raw_ms, 10.0))

    def check(lookup: customers.Lookup, serial: int) -> customers.Lookup:
        assert len(lookup.matches) == 1 and lookup.matches[0].customer_id == members[serial], lookup
        return lookup

    lookups = sample[:n_lookups]
    results.append(
        (
            "find by card number",
            timed((lambda s=s: check(customers.find(till, make_card_number(s)), s)) for s in lookups),
            50.0,
        )
    )
    results.append(
        (
            "find by phone",
            timed((lambda s=s: check(customers.find(till, display_phone(phone_of(s))), s)) for s in lookups),
            50.0,
        )
    )
    payloads = {s: sign_card_payload(make_card_number(s), till.card_key) for s in lookups}
    results.append(
        ("find by scanned QR", timed((lambda s=s: check(customers.find(till, payloads[s]), s)) for s in lookups), 50.0)
    )

    def shown(serial: int) -> None:
        found = check(customers.find(till, payloads[serial]), serial)
        customers.view(till, found.matches[0].customer_id)

    results.append(("scan → customer shown", timed((lambda s=s: shown(s)) for s in lookups), 50.0))
    return results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Durable award commit and member lookup with many members.")
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--awards", type=int, default=1_000)
    ap.add_argument("--lookups", type=int, default=2_000)
    ap.add_argument(
        "--home",
        type=Path,
        help="till home to use and keep (default: a temporary folder, removed after); "
        "members an earlier run loaded there are reused",
    )
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="bench-foundation-") as tmp:
        home = args.home or Path(tmp) / "home"
        till = open_till(home)
        db = home / "terminal.db"
        print(f"machine: {machine()}")
        print(f"database: {db}")
        members = existing_members(db, args.customers)
        if members is None:
            t0 = time.perf_counter()
            members = load_members(db, till.store_id, args.customers, rng)
            load_s = time.perf_counter() - t0
            print(f"loaded {len(members):,} members in {load_s:.1f} s")
        else:
            print(f"reusing the {len(members):,} members already in {db}")
        size_loaded = file_size(db)

        flush_before = disk_flush_ms(home)
        raw = RawTransaction(db, till.store_id)
        try:
            results = run(till, members, args.awards, args.lookups, rng, raw)
        finally:
            raw.close()
        flush_after = disk_flush_ms(home)

        with till.transaction() as s:
            chain = balances.verify_terminal_chain(s, till.terminal_id)
        till.engine.dispose()
        size_after = file_size(db)
        print()
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"load average during the run: {load} (other work on the machine inflates the tails)")
        print(
            f"{'operation':<26} {'N':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu p50':>8} {'cpu p99':>8}"
            f"  target p99"
        )
        for name, (ms, cpu), target in results:
            p99 = percentile(ms, 99)
            verdict = "ok" if p99 < target else "MISSED"
            print(
                f"{name:<26} {len(ms):>6} {statistics.median(ms):>8.2f} {p99:>8.2f} {max(ms):>8.2f} "
                f"{statistics.median(cpu):>8.2f} {percentile(cpu, 99):>8.2f}  < {target:g} ms {verdict}"
            )
        timings = {name: ms for name, ms, _ in results}
        (award_wall, _), (raw_wall, _) = timings["award (durable commit)"], timings["raw same-size transaction"]
        ratio50 = statistics.median(award_wall) / statistics.median(raw_wall)
        ratio99 = percentile(award_wall, 99) / percentile(raw_wall, 99)
        print(
            f"award / raw same-size transaction (entry + balance + outbox, same file, same run): "
            f"p50 {ratio50:.1f}x (target <= 3x: {'ok' if ratio50 <= 3 else 'MISSED'}), p99 {ratio99:.1f}x; "
            f"award p99 {percentile(award_wall, 99):.2f} ms (target < 5 ms: "
            f"{'ok' if percentile(award_wall, 99) < 5 else 'MISSED'})"
        )
        flush = flush_before + flush_after
        print(
            f"disk flush alone (16 KiB append + fdatasync, {len(flush)}×, before and after): "
            f"p50 {statistics.median(flush):.2f} ms, p99 {percentile(flush, 99):.2f} ms"
        )
        print()
        print(
            f"database file with {len(members):,} members: {size_loaded / 2**20:.1f} MiB after the load, "
            f"{size_after / 2**20:.1f} MiB after the awards (chain verified to #{chain})"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
