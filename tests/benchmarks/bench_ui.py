"""Cashier UI benchmark: scan → customer card painted, with a million members; start → usable window.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_ui.py [--customers 1000000] [--scans 300]

The members are written with bulk SQL into ``customer`` and ``balance`` of a real
till in a temp folder (the services would take hours for a million); the scans go
through the real windows: key events for the payload and Enter, delivered to the
focused widget as a USB scanner's would be, then the event loop runs until the
customer card has painted the new member.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app import demo  # noqa: E402
from app.bootstrap import open_till  # noqa: E402
from app.core.cardcode import make_card_number, sign_card_payload  # noqa: E402
from app.services import staff  # noqa: E402
from app.services.customers import fold_name  # noqa: E402
from app.ui.main import build_windows  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Thị", "Văn", "Minh", "Thu", "Quốc", "Hoàng", "Thanh", "Ngọc", "Đình"]
GIVEN = [
    "Ánh",
    "Bình",
    "Cúc",
    "Đức",
    "Hà",
    "Huy",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Ngọc",
    "Phúc",
    "Quỳnh",
    "Sơn",
]
SERIAL_BASE = 50_000_000  # bulk members' card serials, away from the demo's random ones


def bulk_members(db: Path, store_id: str, n: int, chunk: int = 50_000) -> float:
    """Insert ``n`` members with balances; returns seconds taken."""
    started = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    rng = random.Random(1)
    stamp = "2025-06-01 03:00:00.000000"
    # The demo members' card numbers are random (app.services.customers): a bulk serial may meet one of
    # them (UNIQUE constraint failed: customer.card_number). Such a bulk member takes the next free
    # serial above the bulk range instead; the scans read the bulk members' real numbers back.
    taken = {row[0] for row in con.execute("SELECT card_number FROM customer")}
    spare = SERIAL_BASE + n
    for start in range(0, n, chunk):
        customers_rows, balances = [], []
        for i in range(start, min(start + chunk, n)):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            cid = f"bulk-{i:08d}"
            number = make_card_number(SERIAL_BASE + i)
            while number in taken:
                number, spare = make_card_number(spare), spare + 1
            taken.add(number)
            customers_rows.append(
                (
                    cid,
                    number,
                    f"+8496{i:07d}",
                    name,
                    fold_name(name),
                    f"B{i:08d}",
                    stamp,
                    store_id,
                    "active",
                    stamp,
                )
            )
            pts, stp = rng.randint(0, 400), rng.randint(0, 25)
            balances.append((cid, pts, stp, pts, pts * 10_000, stp, stamp, None, 0, stp))
        con.executemany(
            "INSERT INTO customer (id, card_number, phone, name, name_key, referral_code, enrolled_at,"
            " enrolled_store, status, updated_at, marketing_consent) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
            customers_rows,
        )
        con.executemany(
            "INSERT INTO balance (customer_id, points, stamps, lifetime_points, lifetime_spend, visits,"
            " last_visit_at, tier, redeemed_points, entry_count) VALUES (?,?,?,?,?,?,?,?,?,?)",
            balances,
        )
        con.commit()
    con.execute("ANALYZE")
    con.commit()
    con.close()
    return time.perf_counter() - started


class PaintWatch(QObject):
    """Notes when the customer card has painted (an event filter: no hook in the app itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0
        self.armed = False  # set when the new customer has been handed to the card

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.armed and not self.painted_at:
            self.painted_at = time.perf_counter()
        return False


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(q / 100 * (len(ordered) - 1)), len(ordered) - 1)]


def bench_scans(home: Path, scans: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    till = open_till(home)
    w = build_windows(till, staff=staff.login(till, demo.CASHIER_PIN), language="vi")
    w.cashier.resize(1366, 768)
    w.show()
    gc.freeze()  # as run() does once the windows are built
    for _ in range(20):
        app.processEvents()
    with till.transaction() as s:
        total = s.execute(text("SELECT count(*) FROM customer")).scalar_one()
    print(f"members in the till: {total:,}")
    rng = random.Random(2)
    with till.transaction() as s:
        n_bulk = s.execute(text("SELECT count(*) FROM customer WHERE id LIKE 'bulk-%'")).scalar_one()
        picks = [
            s.execute(text("SELECT card_number FROM customer WHERE id = :id"), {"id": f"bulk-{i:08d}"}).scalar_one()
            for i in (rng.randrange(n_bulk) for _ in range(scans))
        ]
    payloads = [sign_card_payload(number, till.card_key) for number in picks]
    watch = PaintWatch()
    card = w.cashier.customer_card
    card.installEventFilter(watch)
    w.checkout.customer_shown.connect(lambda _: setattr(watch, "armed", True))
    burst_to_paint, enter_to_paint = [], []
    for payload in payloads:
        target = QApplication.focusWidget() or w.cashier
        watch.painted_at, watch.armed = 0.0, False
        t0 = time.perf_counter()
        for ch in payload:
            QCoreApplication.sendEvent(
                target, QKeyEvent(QEvent.Type.KeyPress, ord(ch.upper()), Qt.KeyboardModifier.NoModifier, ch)
            )
        t_enter = time.perf_counter()
        QCoreApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )
        deadline = t0 + 2.0
        while watch.painted_at == 0.0 and time.perf_counter() < deadline:
            app.processEvents()
        assert watch.painted_at, "the card never painted"
        assert (
            w.checkout.customer is not None and w.checkout.customer.card_number == picks[len(enter_to_paint)]
        )
        burst_to_paint.append((watch.painted_at - t0) * 1000)
        enter_to_paint.append((watch.painted_at - t_enter) * 1000)
    for label, values in (
        ("scan burst start → card painted", burst_to_paint),
        ("Enter → card painted", enter_to_paint),
    ):
        print(
            f"{label:34} p50 {statistics.median(values):6.1f} ms   p99 {percentile(values, 99):6.1f} ms   "
            f"max {max(values):6.1f} ms   ({len(values)} scans)"
        )
    w.close()
    till.engine.dispose()


STARTUP = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from app.bootstrap import open_till
from app.services.staff import StaffMember
from app.ui.main import build_windows
app = QApplication(sys.argv)
till = open_till({home!r})
w = build_windows(till)
w.show()
for _ in range(10):
    app.processEvents()
w.cashier.grab()  # painted at least once
print("READY", flush=True)
import resource
print("RSS_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
"""


def bench_startup(home: Path, runs: int = 5) -> None:
    times, rss = [], 0.0
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", STARTUP.format(root=str(ROOT), home=str(home))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("READY"):
                times.append((time.perf_counter() - started) * 1000)
            elif line.startswith("RSS_MB"):
                rss = float(line.split()[1])
        proc.wait()
    print(
        f"{'process start → login window painted':34} median {statistics.median(times):6.0f} ms   "
        f"min {min(times):6.0f} ms   ({runs} starts; peak RSS {rss:.0f} MB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--home", help="reuse a till made by an earlier run (skips the bulk insert)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(args.home) if args.home else Path(tmp) / "till"
        if not (home / "terminal.db").exists():
            till = open_till(home)
            demo.seed(till)
            store_id = till.store_id
            till.engine.dispose()
            took = bulk_members(home / "terminal.db", store_id, args.customers)
            print(f"bulk insert of {args.customers:,} members: {took:.0f} s")
        bench_scans(home, args.scans)
        bench_startup(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
