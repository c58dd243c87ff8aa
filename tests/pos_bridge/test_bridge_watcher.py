"""The export-folder watcher with real files: when a file is read, where it goes, what is applied."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.receipt import Receipt
from pos_bridge.watcher import FileOutcome, MemorySeenFiles, WatchedFolder, Watcher

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = (Path(__file__).resolve().parents[2] / "assets" / "samples" / "generic" / "receipts.csv").read_bytes()
TZ = "Asia/Ho_Chi_Minh"


class Clock:
    """The watcher's notion of "now", moved by the test instead of by sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Ledger:
    """Stands in for the ledger side's apply(): records what it was given."""

    def __init__(self, fail: bool = False) -> None:
        self.batches: list[list[Receipt]] = []
        self.fail = fail

    def __call__(self, receipts: list[Receipt]) -> dict[str, int]:
        if self.fail:
            raise RuntimeError("database is locked")
        self.batches.append(list(receipts))
        return {"applied": len(receipts)}

    @property
    def ids(self) -> list[str]:
        return [r.external_id for batch in self.batches for r in batch]


def make_watcher(
    folder: Path,
    *,
    reader: str | None = "generic_csv",
    ledger: Ledger | None = None,
    us: bool = False,
    **kwargs: object,
) -> tuple[Watcher, Clock, Ledger, MemorySeenFiles]:
    clock, ledger, seen = Clock(), ledger or Ledger(), MemorySeenFiles()
    tz, currency = ("America/New_York", "USD") if us else (TZ, "VND")
    watched = WatchedFolder(folder, store_id="q1", tz=tz, currency=currency, reader=reader)
    watcher = Watcher([watched], seen=seen, apply=ledger, clock=clock, settle_seconds=2.0, **kwargs)  # type: ignore[arg-type]
    return watcher, clock, ledger, seen


def today(tz: str = TZ) -> str:
    return datetime.now(ZoneInfo(tz)).strftime("%Y-%m-%d")


def settle(watcher: Watcher, clock: Clock) -> list:
    """Two polls, settle_seconds apart: what a finished file needs."""
    reports = watcher.poll()
    clock.advance(2.5)
    return reports + watcher.poll()


def test_a_file_written_slowly_is_read_only_when_it_stops_changing(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    target = tmp_path / "receipts.csv"
    half = len(SAMPLE) // 2
    target.write_bytes(SAMPLE[:half])
    assert watcher.poll() == []
    clock.advance(1.5)
    with target.open("ab") as fh:  # the POS writes the rest, a little later
        fh.write(SAMPLE[half:])
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))  # filesystems with coarse mtime
    assert watcher.poll() == []
    clock.advance(1.5)
    assert watcher.poll() == []  # unchanged, but not for settle_seconds yet
    assert watcher.waiting == ["receipts.csv: still being written"]
    clock.advance(1.0)
    (report,) = watcher.poll()
    assert report.outcome is FileOutcome.APPLIED
    assert ledger.ids == ["HD-1001", "HD-1002", "HD-1003", "HD-1004", "HD-1002#void"]
    assert report.moved_to == (tmp_path / "archive" / today() / "receipts.csv",)
    assert report.moved_to[0].read_bytes() == SAMPLE
    assert not target.exists()


def test_a_file_renamed_from_a_temp_name_is_read_at_once(tmp_path: Path) -> None:
    watcher, _, ledger, _ = make_watcher(tmp_path)
    temp = tmp_path / "receipts.csv.part"
    temp.write_bytes(SAMPLE)
    assert watcher.poll() == []  # temp names are never read
    temp.rename(tmp_path / "receipts.csv")
    (report,) = watcher.poll()  # no settle wait: the rename says the POS is done
    assert report.outcome is FileOutcome.APPLIED
    assert len(ledger.ids) == 5


def test_a_temp_file_renamed_while_still_growing_waits_to_settle(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    temp = tmp_path / "receipts.tmp"
    temp.write_bytes(SAMPLE[:100])
    assert watcher.poll() == []
    with temp.open("ab") as fh:
        fh.write(SAMPLE[100:])
    temp.rename(tmp_path / "receipts.csv")
    assert watcher.poll() == []  # not the file we saw as a temp: the settle rule applies
    clock.advance(2.5)
    (report,) = watcher.poll()
    assert report.outcome is FileOutcome.APPLIED and len(ledger.ids) == 5


@pytest.mark.parametrize("name", ["export.tmp", "export.csv.part", "~$export.xlsx", ".export.csv", "x.crdownload"])
def test_temp_lock_and_hidden_files_are_left_alone(tmp_path: Path, name: str) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    (tmp_path / name).write_bytes(SAMPLE)
    assert settle(watcher, clock) == []
    clock.advance(10)
    assert watcher.poll() == []
    assert ledger.batches == [] and (tmp_path / name).exists()


def test_the_same_content_copied_again_is_read_once(tmp_path: Path) -> None:
    watcher, clock, ledger, seen = make_watcher(tmp_path)
    (tmp_path / "receipts.csv").write_bytes(SAMPLE)
    settle(watcher, clock)
    (tmp_path / "receipts (1).csv").write_bytes(SAMPLE)  # the manager exported again, same content
    (tmp_path / "receipts.csv").write_bytes(SAMPLE)  # and copied the old one back
    reports = settle(watcher, clock)
    assert sorted(r.outcome for r in reports) == [FileOutcome.DUPLICATE, FileOutcome.DUPLICATE]
    assert len(ledger.batches) == 1
    archive = tmp_path / "archive" / today()
    assert sorted(p.name for p in archive.iterdir()) == ["receipts (1).csv", "receipts-1.csv", "receipts.csv"]
    assert [outcome for _, _, outcome in seen.records] == [FileOutcome.APPLIED]


def test_an_unreadable_file_goes_to_quarantine_with_a_reason_and_nothing_is_applied(tmp_path: Path) -> None:
    watcher, clock, ledger, seen = make_watcher(tmp_path)
    (tmp_path / "receipts.csv").write_bytes(b"receipt_id,when,total\nA,2024-03-12,1000\n")
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.QUARANTINED
    assert ledger.batches == []
    moved = tmp_path / "quarantine" / "receipts.csv"
    assert report.moved_to == (moved,) and moved.exists()
    reason = (tmp_path / "quarantine" / "receipts.csv.reason.txt").read_text(encoding="utf-8")
    assert "File: receipts.csv" in reason
    assert "Nothing from this export was applied." in reason
    assert 'receipts.csv, line 1: The file has no "closed_at" column' in reason
    assert seen.records[0][2] is FileOutcome.QUARANTINED


def test_good_receipts_are_applied_and_a_copy_listing_the_bad_rows_is_quarantined(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    damaged = SAMPLE.replace(b"30000,30000", b"3O000,30000", 1)
    (tmp_path / "receipts.csv").write_bytes(damaged)
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.PARTIAL
    assert ledger.ids == ["HD-1001", "HD-1002", "HD-1003", "HD-1002#void"]
    assert (tmp_path / "archive" / today() / "receipts.csv").read_bytes() == damaged
    assert (tmp_path / "quarantine" / "receipts.csv").read_bytes() == damaged
    reason = (tmp_path / "quarantine" / "receipts.csv.reason.txt").read_text(encoding="utf-8")
    assert "4 receipt(s) from this export were applied; the rows below were not." in reason
    assert "receipts.csv, line 7, column \"total\": “3O000” is not an amount." in reason


def test_a_file_whose_bad_row_cannot_be_placed_is_quarantined_whole(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    lines = SAMPLE.split(b"\n")
    lines[2] = lines[2].replace(b"HD-1001", b"", 1)
    (tmp_path / "receipts.csv").write_bytes(b"\n".join(lines))
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.QUARANTINED
    assert ledger.batches == []
    assert not (tmp_path / "archive").exists()


def test_an_export_in_the_wrong_currency_is_quarantined_whole(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path, reader="square")  # a VND store
    shutil.copyfile(FIXTURES / "square" / "transactions-2024-03-12-2024-03-13.csv", tmp_path / "transactions.csv")
    watcher.sibling_wait_seconds = 0
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.QUARANTINED and ledger.batches == []
    assert "“$6.68” is an amount in USD, but the store counts VND." in report.reason


def test_a_quarantined_file_dropped_again_after_a_fix_is_read(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path)
    (tmp_path / "receipts.csv").write_bytes(SAMPLE.replace(b"closed_at", b"closed", 1))
    settle(watcher, clock)
    (tmp_path / "receipts.csv").write_bytes(SAMPLE)
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.APPLIED and len(ledger.ids) == 5


def test_names_never_clash_in_quarantine(tmp_path: Path) -> None:
    watcher, clock, _, _ = make_watcher(tmp_path)
    for n in range(3):
        (tmp_path / "receipts.csv").write_bytes(b"garbage %d" % n)
        settle(watcher, clock)
    names = sorted(p.name for p in (tmp_path / "quarantine").iterdir())
    assert names == [
        "receipts-1.csv", "receipts-1.csv.reason.txt", "receipts-2.csv", "receipts-2.csv.reason.txt",
        "receipts.csv", "receipts.csv.reason.txt",
    ]  # fmt: skip


def test_when_apply_fails_the_file_stays_and_is_tried_again(tmp_path: Path) -> None:
    ledger = Ledger(fail=True)
    watcher, clock, _, seen = make_watcher(tmp_path, ledger=ledger, retry_seconds=30.0)
    (tmp_path / "receipts.csv").write_bytes(SAMPLE)
    assert settle(watcher, clock) == []
    assert (tmp_path / "receipts.csv").exists() and seen.records == []
    ledger.fail = False
    clock.advance(10)
    assert watcher.poll() == []  # backing off
    clock.advance(25)
    (report,) = watcher.poll()
    assert report.outcome is FileOutcome.APPLIED and len(ledger.ids) == 5


def copy_toast(day: Path, *names: str) -> None:
    day.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(FIXTURES / "toast" / "20240312" / name, day / name)


def test_a_multi_file_export_waits_for_its_missing_sibling(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path, reader="toast", us=True)
    day = tmp_path / "20240312"
    copy_toast(day, "CheckDetails.csv", "ItemSelectionDetails.csv")
    assert settle(watcher, clock) == []
    clock.advance(600)
    assert watcher.poll() == []
    assert watcher.waiting == [
        "CheckDetails.csv, ItemSelectionDetails.csv: waiting for OrderDetails.csv, PaymentDetails.csv"
    ]
    copy_toast(day, "OrderDetails.csv", "PaymentDetails.csv")
    (report,) = settle(watcher, clock)
    assert report.outcome is FileOutcome.APPLIED
    assert len(report.files) == 4
    assert ledger.ids == [
        "400000012345678901", "400000012345678902", "400000012345678903#void",
        "400000012345678902#refund-600000055555555503",
    ]  # fmt: skip
    archived = tmp_path / "archive" / today("America/New_York") / "20240312"
    assert sorted(p.name for p in archived.iterdir()) == [
        "CheckDetails.csv", "ItemSelectionDetails.csv", "OrderDetails.csv", "PaymentDetails.csv",
    ]  # fmt: skip
    assert not day.exists()  # the POS's empty day folder is tidied away


def test_an_export_that_can_be_read_without_a_sibling_is_read_after_a_short_wait(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path, reader="square", us=True, sibling_wait_seconds=60.0)
    shutil.copyfile(FIXTURES / "square" / "transactions-2024-03-12-2024-03-13.csv",
                    tmp_path / "transactions-2024-03-12-2024-03-13.csv")  # fmt: skip
    assert settle(watcher, clock) == []
    clock.advance(30)
    assert watcher.poll() == []
    clock.advance(31)
    (report,) = watcher.poll()
    assert report.outcome is FileOutcome.APPLIED
    assert [len(r.lines) for r in ledger.batches[0]] == [0, 0, 0, 0]


def test_an_export_whose_required_sibling_never_arrives_is_quarantined_after_the_grace(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path, reader="toast", us=True, incomplete_grace_seconds=3600.0)
    copy_toast(tmp_path / "20240312", "ItemSelectionDetails.csv")
    settle(watcher, clock)
    clock.advance(3601)
    (report,) = watcher.poll()
    assert report.outcome is FileOutcome.QUARANTINED and ledger.batches == []
    reason = (tmp_path / "quarantine" / "20240312" / "ItemSelectionDetails.csv.reason.txt").read_text("utf-8")
    assert "The export is incomplete: OrderDetails.csv, CheckDetails.csv, PaymentDetails.csv never arrived." in reason


def test_sniffing_picks_each_file_s_reader_and_quarantines_strangers(tmp_path: Path) -> None:
    watcher, clock, ledger, _ = make_watcher(tmp_path, reader=None)
    shutil.copytree(FIXTURES / "kiotviet", tmp_path, dirs_exist_ok=True)
    (tmp_path / "receipts.csv").write_bytes(SAMPLE)
    (tmp_path / "menu.csv").write_text("Món,Giá\nPhở,50000\n", encoding="utf-8")
    reports = settle(watcher, clock)
    outcomes = {r.files[0].name: (r.outcome, r.reader) for r in reports}
    assert outcomes == {
        "DanhSachChiTietHoaDon_KV12032024-213045-118.xlsx": (FileOutcome.APPLIED, "kiotviet"),
        "DanhSachChiTietTraHang_KV13032024-093012-402.xlsx": (FileOutcome.APPLIED, "kiotviet"),
        "receipts.csv": (FileOutcome.APPLIED, "generic_csv"),
        "menu.csv": (FileOutcome.QUARANTINED, ""),
    }
    assert "No POS reader recognises this file" in (tmp_path / "quarantine" / "menu.csv.reason.txt").read_text("utf-8")
    assert len(ledger.ids) == 5 + 1 + 5


def test_the_background_loop_notices_a_new_file_within_a_few_seconds(tmp_path: Path) -> None:
    ledger, seen = Ledger(), MemorySeenFiles()
    watched = WatchedFolder(tmp_path, store_id="q1", tz=TZ, currency="VND", reader="generic_csv")
    watcher = Watcher([watched], seen=seen, apply=ledger, settle_seconds=0.3)
    reports: list = []
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), kwargs={"interval": 0.1, "on_report": reports.append})
    thread.start()
    try:
        (tmp_path / "receipts.csv").write_bytes(SAMPLE)
        deadline = time.monotonic() + 10
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert [r.outcome for r in reports] == [FileOutcome.APPLIED]
    assert len(ledger.ids) == 5


def test_the_wait_for_a_sibling_survives_the_end_of_a_run(tmp_path: Path) -> None:
    """A cron ``--once`` run ends long before the 60-second wait for Square's item details. The
    wait is kept on disk, so a later run (a new Watcher, a new monotonic clock) applies the
    transactions once the wait is over instead of starting it again."""
    folder, state = tmp_path / "exports", tmp_path / "home" / "pos-bridge-state.json"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "square" / "transactions-2024-03-12-2024-03-13.csv",
                    folder / "transactions-2024-03-12-2024-03-13.csv")  # fmt: skip
    wall = [1_700_000_000.0]
    ledger = Ledger()

    def run() -> list:
        watcher, clock, _, _ = make_watcher(
            folder,
            reader="square",
            us=True,
            ledger=ledger,
            sibling_wait_seconds=60.0,
            state_file=state,
            wall_clock=lambda: wall[0],
        )
        reports = watcher.poll()
        clock.advance(2.5)
        wall[0] += 2.5
        return reports + watcher.poll()

    assert run() == [] and state.exists()  # first run: starts waiting, remembers since when
    wall[0] += 40
    assert run() == []  # 42.5 s later: still waiting, not from zero again
    wall[0] += 20
    (report,) = run()  # 65 s after the first sight: the wait is over
    assert report.outcome is FileOutcome.APPLIED
    assert [r.external_id for r in ledger.batches[0]][:1] == ["pZ8rW2tY5uI9oP1aS3dF6gH0jKqB"]
    assert json.loads(state.read_text("utf-8")) == {"missing_since": {}}  # done: forgotten
