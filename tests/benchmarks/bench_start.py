"""Start-up benchmark: process start → the login window painted, on a till with a million members.

Run on demand (not part of the test run):

    .venv/bin/python tests/benchmarks/bench_start.py [--customers 1000000] [--home DIR] [--runs 7]

The till is made once with the bulk insert of ``bench_ui.py`` (``--home`` keeps and reuses it).
Each start is a new process running the real entry point (``loyalty-terminal --home … --no-sync``,
through ``app.start.run_terminal``) with one event filter added: the first paint of a widget of the
cashier window ends the measure. The same is measured for a bare Qt window (QApplication and one
QWidget) in the same run, so a loaded machine shows as a slower bare window too. Wall time is from
the parent's ``Popen`` to the child's "painted" line; CPU is the child's own user+system time then
(the figure least disturbed by other work on the machine); RSS is the child's peak.

It also times the housekeeping the app runs in the background on that database: one incremental
vacuum step (the longest a sale can wait on it) after deleting some rows to free pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PROBE = r"""
import resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

def report():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    # Peak RSS of this process's own memory: VmHWM, not ru_maxrss, which Linux carries over exec from
    # the forking parent (here the benchmark holding a million members) -- https://man7.org/linux/man-pages/man2/getrusage.2.html
    hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print("READY", ru.ru_utime + ru.ru_stime, hwm / 1024, flush=True)
    QApplication.instance().quit()

class Probe(QObject):
    done = False
    def eventFilter(self, obj, event):
        if (not self.done and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window().metaObject().className() == {window!r}):
            self.done = True
            QTimer.singleShot(0, report)
        return False

app = QApplication(sys.argv)
probe = Probe()
app.installEventFilter(probe)
{start}
"""

BARE = """
w = QWidget()
w.setObjectName("bare")
w.resize(1024, 700)
w.show()
app.exec()
"""

APP = """
sys.path.insert(0, {root!r})
from app.start import run_terminal
run_terminal(["--home", {home!r}, "--no-sync"])
"""


def one_start(code: str) -> tuple[float, float, float]:
    """(wall ms, child CPU ms, peak RSS MB) of one start."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    wall = cpu = rss = 0.0
    for line in proc.stdout:
        if line.startswith("READY"):
            wall = (time.perf_counter() - started) * 1000
            _, cpu_s, rss_s = line.split()
            cpu, rss = float(cpu_s) * 1000, float(rss_s)
    proc.wait(60)
    if not wall:
        raise SystemExit(f"the start never painted (exit code {proc.returncode})")
    return wall, cpu, rss


def bench_startup(home: Path, runs: int) -> None:
    bare = PROBE.format(window="QWidget", start=BARE)
    app = PROBE.format(window="CashierWindow", start=APP.format(root=str(ROOT), home=str(home)))
    one_start(app)  # the first start after making the till warms the page cache; not counted
    results: dict[str, list[tuple[float, float, float]]] = {"bare Qt window": [], "cashier app (login)": []}
    for _ in range(runs):  # interleaved: both see the same load on the machine
        results["bare Qt window"].append(one_start(bare))
        results["cashier app (login)"].append(one_start(app))
    for label, values in results.items():
        walls, cpus, rss = [v[0] for v in values], [v[1] for v in values], max(v[2] for v in values)
        print(
            f"{label:22} process start → painted: median {statistics.median(walls):6.0f} ms  "
            f"min {min(walls):6.0f} ms   CPU median {statistics.median(cpus):5.0f} ms   "
            f"peak RSS {rss:5.0f} MB   ({runs} starts)"
        )


def bench_vacuum_step(home: Path) -> None:
    """One housekeeping vacuum step on a copy of the till (the longest a sale could wait on it)."""
    from app.bootstrap import open_till
    from app.services import housekeeping

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "till"
        shutil.copytree(home, copy)
        till = open_till(copy)
        started = time.perf_counter()
        switched = housekeeping.enable_incremental_vacuum(till)
        print(f"switching to incremental vacuum (one full VACUUM): {time.perf_counter() - started:.1f} s"
              f"{'' if switched else ' (it already was)'}")  # fmt: skip
        with till.engine.begin() as conn:  # free pages: a scratch table of 200,000 members' rows, dropped
            conn.exec_driver_sql("CREATE TABLE bench_scratch AS SELECT * FROM customer LIMIT 200000")
            conn.exec_driver_sql("DROP TABLE bench_scratch")
        steps: list[float] = []
        while True:
            t0 = time.perf_counter()
            freed = housekeeping.vacuum_step(till)
            steps.append((time.perf_counter() - t0) * 1000)
            if not freed:
                break
        steps.sort()
        print(
            f"incremental vacuum step ({housekeeping.VACUUM_STEP_PAGES} pages): "
            f"median {statistics.median(steps):.1f} ms   max {steps[-1]:.1f} ms   ({len(steps)} steps)"
        )
        bench_prune(till)
        till.engine.dispose()


def bench_prune(till: object, rows: int = 300_000) -> None:
    """Pruning a month of acknowledged outbox rows: how long one chunk holds the write lock."""
    from datetime import UTC, datetime, timedelta

    from app.services import housekeeping

    acked = (datetime.now(UTC) - timedelta(days=30)).replace(tzinfo=None).isoformat(sep=" ")
    with till.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT ?) "
            "INSERT INTO outbox (item_type, item_id, created_at, acked_at) SELECT 'entry', 'e' || i, ?, ? FROM n",
            (rows, acked, acked),
        )
    chunks: list[float] = []
    original = housekeeping._delete_acked

    def timed(s: object, ids: list[int], still: object) -> int:
        t0 = time.perf_counter()
        done = original(s, ids, still)
        chunks.append((time.perf_counter() - t0) * 1000)
        return done

    housekeeping._delete_acked = timed  # type: ignore[assignment]
    started = time.perf_counter()
    try:
        pruned = housekeeping.prune_outbox(till, days=14)  # type: ignore[arg-type]
    finally:
        housekeeping._delete_acked = original  # type: ignore[assignment]
    took = time.perf_counter() - started
    chunks.sort()
    print(
        f"outbox prune of {pruned:,} acknowledged rows: {took:.1f} s, {housekeeping.PRUNE_CHUNK:,}-row DELETE "
        f"median {statistics.median(chunks):.1f} ms   max {chunks[-1]:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", help="a till made by an earlier run (kept; made there when missing)")
    parser.add_argument("--no-vacuum", action="store_true", help="skip the vacuum step figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(args.home) if args.home else Path(tmp) / "till"
        if not (home / "terminal.db").exists():
            from bench_ui import bulk_members

            from app import demo
            from app.bootstrap import open_till

            till = open_till(home)
            demo.seed(till)
            store_id = till.store_id
            till.engine.dispose()
            took = bulk_members(home / "terminal.db", store_id, args.customers)
            print(f"bulk insert of {args.customers:,} members: {took:.0f} s")
        size = (home / "terminal.db").stat().st_size / 2**20
        print(f"till database: {size:.0f} MB")
        # An installed till has its modules' bytecode (pip compiles what it installs); an editable
        # checkout run with PYTHONDONTWRITEBYTECODE=1 (as on the CI machine) would compile ~130
        # modules from source at every start (~0.3 s here). Compiled once, as an install would.
        import compileall

        for package in ("app", "sync", "pos_bridge"):
            compileall.compile_dir(str(ROOT / package), quiet=1)
        bench_startup(home, args.runs)
        if not args.no_vacuum:
            bench_vacuum_step(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
