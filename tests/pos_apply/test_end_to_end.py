"""End to end: a POS writes exports into the watched folder the way real ones do.

Slow partial writes, a write-then-rename, a re-export of an overlapping period
and a refund file a day later: the ledger ends with exactly the right entries,
once each, and every file is archived (never deleted).
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import realexports as rx
from sqlalchemy import select
from test_real_exports import toast_nights

from app.bootstrap import open_till
from app.db.models import ImportedFile, LedgerEntryRow
from app.db.models import Receipt as ReceiptRow
from app.services import balances, customers
from app.services.pos_bridge import FolderConfig, PosBridge, configure_folders
from app.services.till import Till

HEADER = (
    "receipt_id,closed_at,total,tip,kind,refund_of,customer_phone,line_name,line_category,line_qty,line_unit_price\n"
)


def row(rid: str, when: str, total: int, phone: str = "", kind: str = "sale", refund_of: str = "") -> str:
    return f"{rid},{when},{total},0,{kind},{refund_of},{phone},Cà phê sữa đá,Cà phê,1,{abs(total)}\n"


@pytest.fixture
def till(tmp_path: Path) -> Till:
    t = open_till(tmp_path / "home")
    t.clock = lambda: datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    return t


def poll_until(bridge: PosBridge, done: callable, seconds: float = 10.0) -> list:  # type: ignore[valid-type]
    """Poll like the bridge's thread does, until ``done()`` or a deadline (the test then fails)."""
    reports: list = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        reports += bridge.poll()
        if done():
            return reports
        time.sleep(0.05)
    raise AssertionError(f"bridge did not finish in {seconds}s; reports so far: {reports}")


def earns(till: Till) -> list[tuple[str, str | None, int]]:
    with till.transaction() as s:
        rows = s.execute(select(LedgerEntryRow.kind, LedgerEntryRow.receipt_id, LedgerEntryRow.points)
                         .where(LedgerEntryRow.kind.in_(["earn", "reverse"]))
                         .order_by(LedgerEntryRow.terminal_seq)).all()  # fmt: skip
        return [tuple(r) for r in rows]


def test_pos_exports_arrive_slowly_overlap_and_refund(till: Till, tmp_path: Path) -> None:
    member = customers.enroll(till, name="Nguyễn Thị Lan", phone="0912 345 678", staff=None)
    folder = tmp_path / "exports"
    bridge = PosBridge(till, [FolderConfig(str(folder), "generic_csv")], settle_seconds=0.3)

    # 1. The POS writes the morning export in pieces, slower than the settle time.
    morning = folder / "receipts-0312-morning.csv"
    body = HEADER + row("HD1", "2026-03-12 08:15", 125_000, "0912 345 678") + row("HD2", "2026-03-12 08:20", 45_000)
    with morning.open("w", encoding="utf-8") as f:
        f.write(body[:40])
        f.flush()
        for piece in (body[40:90], body[90:]):
            reports = bridge.poll()
            assert reports == [] and earns(till) == []  # a growing file is never read
            time.sleep(0.2)
            f.write(piece)
            f.flush()
            os.fsync(f.fileno())
    poll_until(bridge, lambda: not morning.exists())
    assert earns(till) == [("earn", "HD1", 12)]  # HD2 named no member: it waits unclaimed

    # 2. Another export is written under a temporary name and renamed when done.
    part = folder / "receipts-0312-noon.csv.part"
    part.write_text(HEADER + row("HD3", "2026-03-12 12:05", 89_000, "+84 912 345 678"), encoding="utf-8")
    bridge.poll()
    part.rename(folder / "receipts-0312-noon.csv")
    poll_until(bridge, lambda: len(earns(till)) == 2)

    # 3. The manager re-exports the whole day: overlapping receipts plus one new sale.
    day = (
        HEADER
        + row("HD1", "2026-03-12 08:15", 125_000, "0912 345 678")
        + row("HD2", "2026-03-12 08:20", 45_000)
        + row("HD3", "2026-03-12 12:05", 89_000, "0912345678")
        + row("HD4", "2026-03-12 18:40", 230_000, "0912345678")
    )
    (folder / "receipts-0312-full.csv").write_text(day, encoding="utf-8")
    poll_until(bridge, lambda: len(earns(till)) == 3)
    # ... and the very same bytes copied again are recognised by their hash and not even read.
    (folder / "receipts-0312-full (copy).csv").write_text(day, encoding="utf-8")
    poll_until(bridge, lambda: not (folder / "receipts-0312-full (copy).csv").exists())

    # 4. The next day a refund of part of HD4 arrives in its own file.
    (folder / "refunds-0313.csv").write_text(
        HEADER + row("TH1", "2026-03-13 10:00", -115_000, kind="refund", refund_of="HD4"), encoding="utf-8"
    )
    poll_until(bridge, lambda: len(earns(till)) == 4)

    assert earns(till) == [("earn", "HD1", 12), ("earn", "HD3", 8), ("earn", "HD4", 23), ("reverse", "HD4", -12)]
    v = customers.view(till, member.customer_id)
    assert v.balance.points == 12 + 8 + 23 - 12
    assert v.balance.stamps == 2 + 3  # starter + three visits; a partial refund keeps its stamp
    with till.transaction() as s:
        assert balances.mismatches(s) == []
        # Four distinct contents were read; the copy was known by its hash.
        assert [r.outcome for r in s.scalars(select(ImportedFile))] == ["applied"] * 4
    archived = sorted(p.name for p in (folder / "archive").rglob("*.csv"))
    assert archived == sorted(["receipts-0312-morning.csv", "receipts-0312-noon.csv", "receipts-0312-full.csv",
                               "receipts-0312-full (copy).csv", "refunds-0313.csv"])  # fmt: skip
    assert not list(folder.glob("*.csv"))


def test_damaged_file_goes_to_quarantine_with_a_reason_and_awards_nothing(till: Till, tmp_path: Path) -> None:
    customers.enroll(till, name="Lan", phone="0912 345 678", staff=None)
    folder = tmp_path / "exports"
    bridge = PosBridge(till, [FolderConfig(str(folder), "generic_csv")], settle_seconds=0.2)
    (folder / "broken.csv").write_bytes(HEADER.encode() + b"HD1,not-a-date,12x,0,sale,,0912345678\n\xff\xfe\x00garbage")
    poll_until(bridge, lambda: (folder / "quarantine").exists() and any((folder / "quarantine").iterdir()))
    reasons = list((folder / "quarantine").glob("*.reason.txt"))
    assert reasons and "broken.csv" in reasons[0].read_text(encoding="utf-8")
    assert earns(till) == []



def test_a_folder_set_up_with_its_own_zone_keeps_it(tmp_path: Path) -> None:
    """Issue 10, item 8: a US Toast export read on a till in another zone keeps its own time. The
    folder's ``tz`` (and ``currency``) come from the till's ``pos.folders`` setting (README)."""
    till = open_till(tmp_path / "home", program=rx.us_program(), timezone="America/Los_Angeles")
    linh = customers.enroll(till, name="Linh Tran", phone="+1 617 555 0142", staff=None)
    folder = tmp_path / "toast"
    configure_folders(till, [FolderConfig(str(folder), "toast", tz="America/New_York", currency="USD")])
    bridge = PosBridge(till, settle_seconds=0)  # the folders as the till's setting has them
    night1, _ = toast_nights(tmp_path / "made")
    shutil.copytree(night1, folder / night1.name)
    poll_until(bridge, lambda: len(earns(till)) == 4)
    with till.transaction() as s:
        closed = s.scalar(select(ReceiptRow.closed_at).where(ReceiptRow.external_id == "101"))
    assert closed == datetime(2024, 3, 12, 16, 0, tzinfo=UTC)  # 12:00 in New York, not in Los Angeles
    assert customers.view(till, linh.customer_id).balance.points == 30 + 20  # 104 earned, then its void
