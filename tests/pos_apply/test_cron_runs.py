"""End to end per POS: the headless ``loyalty-pos-bridge --once`` run from cron, again and again.

Each test drops a POS's exports into the watched folder the way the real POS writes them (formats
and sources in ``realexports.py``): the day's sales, then days later the refunds (and, for Toast,
the whole nightly folder with its non-receipt files). Between drops cron runs the bridge as a
separate process. Runs with nothing new, and a copy of an export already read, change nothing.
The ledger ends with exactly the right entries and balances, and every note (each refund or void
that took nothing back) is printed.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import realexports as rx
from sqlalchemy import select

from app.bootstrap import open_till
from app.core.program import worked_example_program
from app.db.models import LedgerEntryRow
from app.db.models import Receipt as ReceiptRow
from app.services import balances, customers
from app.services.till import Till

ROOT = Path(__file__).resolve().parents[2]


def cron(home: Path, folder: Path, *, tz: str, currency: str, sibling_wait: float = 1.0) -> str:
    """One cron run, in its own process, as a back-room PC would start it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "app.pos_cli", "--home", str(home), "--folder", str(folder), "--once",
         "--settle", "0.2", "--sibling-wait", str(sibling_wait), "--tz", tz, "--currency", currency],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def ledger(till: Till) -> list[tuple[str, str | None, int]]:
    with till.transaction() as s:
        rows = s.execute(
            select(LedgerEntryRow.kind, LedgerEntryRow.receipt_id, LedgerEntryRow.points)
            .where(LedgerEntryRow.kind.in_(["earn", "reverse"]))
            .order_by(LedgerEntryRow.terminal_seq)
        ).all()
        return [(k, rid, p) for k, rid, p in rows]


def settled(till: Till, customer_id: str) -> int:
    with till.transaction() as s:
        assert balances.mismatches(s) == []
    return customers.view(till, customer_id).balance.points


def vn_program():  # type: ignore[no-untyped-def]
    """The worked example without its Tuesday double points: cron runs on any weekday."""
    return dataclasses.replace(worked_example_program(), windows=())


def test_square_cron_runs(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "exports"
    till = open_till(home, program=rx.us_program(), timezone="America/Los_Angeles")
    maria = customers.enroll(till, name="Maria Gonzalez", phone="0912 000 111", staff=None)
    card = customers.view(till, maria.customer_id).card_number
    from test_real_exports import square_days

    day1, day3 = square_days(tmp_path / "made", card)
    folder.mkdir()
    # The transactions export arrives; its item details never do. The wait for them is kept on
    # disk, so a later cron run applies the sales without lines instead of waiting for ever.
    shutil.copy(day1[0], folder / day1[0].name)
    out = cron(home, folder, tz="America/Los_Angeles", currency="USD", sibling_wait=3)
    assert "waiting for items-" in out and ledger(till) == []  # a run lasts well under the 3-second wait
    for _ in range(10):  # cron again and again: each run alone is shorter than the wait
        if ledger(till):
            break
        out = cron(home, folder, tz="America/Los_Angeles", currency="USD", sibling_wait=3)
    assert "applied" in out
    assert [e[1] for e in ledger(till)] == ["PAY-S1", "PAY-S2", "PAY-S3"]

    for f in day3:  # days later: the refunds, in another export
        shutil.copy(f, folder / f.name)
    cron(home, folder, tz="America/Los_Angeles", currency="USD")
    shutil.copy(day1[0], folder / "transactions-copy.csv")  # the same bytes again
    out = cron(home, folder, tz="America/Los_Angeles", currency="USD")
    assert "duplicate" in out

    assert ledger(till) == [
        ("earn", "PAY-S1", 12), ("earn", "PAY-S2", 20), ("earn", "PAY-S3", 8),
        ("reverse", "PAY-S1", -12), ("reverse", "PAY-S2", -10),
    ]  # fmt: skip
    assert settled(till, maria.customer_id) == 18


def test_toast_cron_runs(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "exports"
    till = open_till(home, program=rx.us_program(), timezone="America/Los_Angeles")
    linh = customers.enroll(till, name="Linh Tran", phone="+1 617 555 0142", staff=None)
    from test_real_exports import toast_nights

    night1, night3 = toast_nights(tmp_path / "made")
    shutil.copytree(night1, folder / "export-1" / night1.name)
    out = cron(home, folder, tz="America/New_York", currency="USD")
    # Every note is printed: a voided order whose sale was never seen here took nothing back.
    assert "note: Void 103#void: its sale 103 was never seen here" in out
    assert "KitchenTimings.csv: not receipts" in out and "quarantined" not in out
    shutil.copytree(night3, folder / "export-1" / night3.name)
    cron(home, folder, tz="America/New_York", currency="USD")
    out = cron(home, folder, tz="America/New_York", currency="USD")  # nothing new
    assert out.strip() == "0 export(s) handled."
    assert not (folder / "quarantine").exists()

    assert ledger(till) == [
        ("earn", "101", 30), ("earn", "102", 20), ("earn", "104", 10), ("reverse", "104", -10),
        ("reverse", "101", -30), ("reverse", "102", -5),
    ]  # fmt: skip
    assert settled(till, linh.customer_id) == 15
    # The folder's zone (--tz America/New_York) wins over the till's (Los Angeles): 12:00 EDT is 16:00 UTC.
    with till.transaction() as s:
        closed = s.scalar(select(ReceiptRow.closed_at).where(ReceiptRow.external_id == "101"))
    assert closed == datetime(2024, 3, 12, 16, 0, tzinfo=UTC)


def test_loyverse_cron_runs(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "exports"
    till = open_till(home, program=vn_program())
    lan = customers.enroll(till, name="Lan", phone="0912 345 678", staff=None)
    from test_real_exports import loyverse_days

    d1, d3 = loyverse_days(tmp_path / "made")
    shutil.copytree(d1, folder)
    out = cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")
    # The "Sales by item" report beside the receipts is archived quietly, not quarantined.
    assert "item-sales-summary-2024-03-12-2024-03-12.csv: not receipts" in out and "quarantined" not in out
    for f in d3.iterdir():
        shutil.copy(f, folder / f.name)
    out = cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")
    assert "note: Refund 1-1012: matched to the most recent fitting sale 1-1005" in out
    cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")

    assert ledger(till) == [
        ("earn", "1-1001", 12), ("earn", "1-1002", 5), ("earn", "1-1003", 3), ("earn", "1-1004", 4),
        ("earn", "1-1005", 3), ("reverse", "1-1004", -4), ("reverse", "1-1001", -12),
        ("reverse", "1-1002", -3), ("reverse", "1-1005", -3),
    ]  # fmt: skip
    assert settled(till, lan.customer_id) == 5


def test_kiotviet_cron_runs(tmp_path: Path) -> None:
    home, folder = tmp_path / "home", tmp_path / "exports"
    till = open_till(home, program=vn_program())
    lan = customers.enroll(till, name="Nguyễn Thị Lan", phone="0912 345 678", staff=None)
    from test_real_exports import kiotviet_days

    invoices, returns = kiotviet_days(tmp_path / "made")
    folder.mkdir()
    shutil.copy(invoices, folder / invoices.name)
    out = cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")
    assert "note: Void HD000003#void" in out
    shutil.copy(returns, folder / returns.name)
    cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")
    shutil.copy(invoices, folder / "hoa-don-lan-2.csv")
    out = cron(home, folder, tz="Asia/Ho_Chi_Minh", currency="VND")
    assert "duplicate" in out

    assert ledger(till) == [
        ("earn", "HD000001", 12), ("earn", "HD000002", 6), ("earn", "HD000004", 4),
        ("reverse", "HD000001", -4), ("reverse", "HD000002", -6),
    ]  # fmt: skip
    assert settled(till, lan.customer_id) == 12
