"""Housekeeping on a real till: only what the server acknowledged long ago leaves the outbox, old POS
files go by age, free pages go back to the disk in small steps, and sales go on meanwhile."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.bootstrap import open_till, set_setting
from app.cli import main
from app.core.earning import Bill
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import LedgerEntryRow, OutboxItem
from app.services import awards, balances, customers, housekeeping, profiles
from app.services.pos_bridge import FolderConfig, configure_folders
from app.services.staff import StaffMember
from app.services.till import Till
from sync.worker import outbox

Enrol = Callable[..., customers.Enrolled]


def _sales(till: Till, clock: Any, cashier: StaffMember, customer_id: str, n: int) -> None:
    for _ in range(n):
        clock.advance(hours=25)  # a day apart: no daily limit in the way
        awards.award(till, customer_id, Bill(50_000), staff=cashier)


def _rows(till: Till) -> list[tuple[int, str, str, datetime | None]]:
    with till.transaction() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(OutboxItem.id, OutboxItem.item_type, OutboxItem.item_id, OutboxItem.acked_at).order_by(OutboxItem.id)
        )]  # fmt: skip


def _ack(till: Till, ids: list[int], at: datetime) -> None:
    """What the sync worker does when the server answered (``outbox.mark_acked``), at a chosen time."""
    with till.transaction() as s:
        s.execute(update(OutboxItem).where(OutboxItem.id.in_(ids)).values(acked_at=at))


def test_only_rows_acknowledged_longer_ago_than_the_delay_are_pruned(
    till: Till, clock: Any, cashier: StaffMember, manager: StaffMember, enrol: Enrol
) -> None:
    lan = enrol("Nguyễn Thị Lan")
    _sales(till, clock, cashier, lan.customer_id, 6)
    profiles.replace_card(till, lan.customer_id, manager=manager, reason="lost her card")  # a 2nd member row
    rows = _rows(till)
    entries = [r[0] for r in rows if r[1] == "entry"]
    member_rows = [r[0] for r in rows if r[1] == "customer"]
    now = clock()
    long_ago, lately = now - timedelta(days=20), now - timedelta(days=2)
    _ack(till, entries[:3] + member_rows, long_ago)  # acknowledged three weeks ago
    _ack(till, entries[3:5], lately)  # acknowledged two days ago
    # The rest (the newest sales) were never acknowledged: still on their way.
    set_setting(till, housekeeping.OUTBOX_DAYS, "14")

    removed = housekeeping.prune_outbox(till)

    left = {r[0]: r for r in _rows(till)}
    assert len(member_rows) == 2 and removed == 3 + 1
    assert all(i not in left for i in entries[:3])
    assert all(i in left for i in entries[3:])  # acknowledged lately, or not at all
    assert left[entries[-1]][3] is None
    # The member keeps one row (the newest): a new server is still sent her profile.
    assert [i for i in member_rows if i in left] == [member_rows[-1]]
    assert housekeeping.prune_outbox(till) == 0  # nothing more to do: idempotent
    with till.transaction() as s:  # the ledger itself is untouched
        assert balances.verify_terminal_chain(s, till.terminal_id) == len(entries) == 7  # enrolment + 6 sales


def test_nothing_unacknowledged_is_pruned_however_old(
    till: Till, clock: Any, cashier: StaffMember, member: customers.Enrolled
) -> None:
    _sales(till, clock, cashier, member.customer_id, 4)
    before = _rows(till)
    clock.advance(days=400)  # a till offline for more than a year: everything still waits
    assert housekeeping.prune_outbox(till, days=14) == 0
    assert _rows(till) == before
    assert outbox.next_batch(till).entries  # and is still sent


def test_a_zero_delay_setting_keeps_everything(
    till: Till, clock: Any, cashier: StaffMember, member: customers.Enrolled
) -> None:
    _sales(till, clock, cashier, member.customer_id, 3)
    rows = _rows(till)
    _ack(till, [r[0] for r in rows], clock() - timedelta(days=100))
    set_setting(till, housekeeping.OUTBOX_DAYS, "0")
    assert housekeeping.prune_outbox(till) == 0
    set_setting(till, housekeeping.OUTBOX_DAYS, "not a number")  # unreadable: the default (14), never 'now'
    entries = [r for r in rows if r[1] == "entry"]
    # The entries but the newest (the newest row always stays); the member's only row stays too.
    assert housekeeping.prune_outbox(till) == len(entries) - 1 == 3


def test_a_pruned_till_sends_its_whole_ledger_in_order_to_a_new_server(
    till: Till, clock: Any, cashier: StaffMember, member: customers.Enrolled
) -> None:
    _sales(till, clock, cashier, member.customer_id, 8)
    _ack(till, [r[0] for r in _rows(till)], clock() - timedelta(days=30))
    assert housekeeping.prune_outbox(till, days=14) > 0
    _sales(till, clock, cashier, member.customer_id, 2)  # two sales since, not yet sent

    outbox.requeue_everything(till)  # what pairing with a new server does
    added = housekeeping.requeue_pruned(till)

    assert added > 0
    with till.transaction() as s:
        own = list(s.scalars(
            select(LedgerEntryRow.id).where(LedgerEntryRow.terminal_id == till.terminal_id)
            .order_by(LedgerEntryRow.terminal_seq)
        ))  # fmt: skip
    queued = [r[2] for r in _rows(till) if r[1] == "entry"]
    assert queued == own  # every entry once, in seq order (the server takes them from #1 up)
    assert all(r[3] is None for r in _rows(till))
    batch = outbox.next_batch(till, size=500)
    assert [e.terminal_seq for e in batch.entries] == list(range(1, len(own) + 1))
    assert housekeeping.requeue_pruned(till) == 0  # nothing missing any more


def _free_some_pages(till: Till, rows: int) -> None:
    """A scratch table of ``rows`` × 4 KB, dropped: its pages go to the free list."""
    with till.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x TEXT)")
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT ?) "
            "INSERT INTO scratch SELECT hex(randomblob(2000)) FROM n",
            (rows,),
        )
        conn.exec_driver_sql("DROP TABLE scratch")


def _old(path: Path, days: float, now: datetime) -> None:
    stamp = (now - timedelta(days=days)).timestamp()
    os.utime(path, (stamp, stamp))


def test_pos_archive_and_quarantine_are_rotated_by_age(till: Till, clock: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pos"
    configure_folders(till, [FolderConfig(path=str(folder))])
    now = clock()  # the till's time decides what is old
    old_day = folder / "archive" / (now - timedelta(days=120)).strftime("%Y-%m-%d")
    recent_day = folder / "archive" / (now - timedelta(days=10)).strftime("%Y-%m-%d")
    for day in (old_day, recent_day):
        (day / "toast").mkdir(parents=True)
        (day / "sales.csv").write_text("receipt,total\n1,50000\n")
        (day / "toast" / "Orders.csv").write_text("x\n")
    kept_by_hand = folder / "archive" / "keep me"  # not a day folder the watcher made
    kept_by_hand.mkdir()
    (kept_by_hand / "note.txt").write_text("the owner's notes")
    _old(kept_by_hand / "note.txt", 1000, now)
    waiting = folder / "waiting.csv"  # not processed yet: never touched
    waiting.write_text("receipt,total\n")
    _old(waiting, 1000, now)
    quarantine = folder / "quarantine"
    quarantine.mkdir()
    for name, reason_age in (("old.csv", 400), ("recent.csv", 30), ("old-file-recent-reason.csv", 5)):
        (quarantine / name).write_text("bad")
        _old(quarantine / name, 500, now)  # a moved file keeps the POS's own (old) time
        reason = quarantine / f"{name}.reason.txt"
        reason.write_text("line 2: no total")
        _old(reason, reason_age, now)

    done = housekeeping.rotate_pos_folders(till)

    assert not old_day.exists() and done.archive_days == 1 and done.archive_files == 2
    assert (recent_day / "sales.csv").exists() and (recent_day / "toast" / "Orders.csv").exists()
    assert (kept_by_hand / "note.txt").exists() and waiting.exists()
    assert sorted(p.name for p in quarantine.iterdir()) == [
        "old-file-recent-reason.csv",
        "old-file-recent-reason.csv.reason.txt",
        "recent.csv",
        "recent.csv.reason.txt",
    ]
    assert done.quarantined == 1

    set_setting(till, housekeeping.ARCHIVE_DAYS, "5")  # a shorter setting takes the recent day too
    set_setting(till, housekeeping.QUARANTINE_DAYS, "0")  # 0: the quarantine is kept for ever
    again = housekeeping.rotate_pos_folders(till)
    assert not recent_day.exists() and again.archive_days == 1 and again.quarantined == 0


def test_a_new_home_vacuums_incrementally_and_gives_pages_back_in_small_steps(
    tmp_path: Path,
) -> None:
    till = open_till(tmp_path / "home")
    assert housekeeping.incremental(till)
    _free_some_pages(till, 3000)
    free = housekeeping.free_pages(till)
    assert free > housekeeping.VACUUM_STEP_PAGES * 3

    assert housekeeping.vacuum_step(till) == housekeeping.VACUUM_STEP_PAGES  # one step: one small bite
    assert housekeeping.free_pages(till) == free - housekeeping.VACUUM_STEP_PAGES

    report = housekeeping.run_once(till, pause=0)
    left = housekeeping.free_pages(till)
    assert report.pages_freed == free - housekeeping.VACUUM_STEP_PAGES - left > 0
    assert left < housekeeping.VACUUM_THRESHOLD_PAGES  # a few MB stay free, for SQLite to reuse
    till.engine.dispose()


def test_an_older_home_is_switched_by_the_manager_command_and_keeps_its_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "terminal.db"
    con = sqlite3.connect(db)  # a database made before incremental vacuum: auto_vacuum NONE
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE before_us (x)")
    con.close()
    till = open_till(home)
    assert not housekeeping.incremental(till)
    assert housekeeping.vacuum_step(till) == 0  # nothing to do step by step until switched
    enrolled = customers.enroll(till, name="Trần Văn Nam", phone="0912 000 111", staff=None)

    assert housekeeping.enable_incremental_vacuum(till)
    assert housekeeping.incremental(till)
    assert not housekeeping.enable_incremental_vacuum(till)  # once is enough
    assert customers.view(till, enrolled.customer_id).name == "Trần Văn Nam"
    till.engine.dispose()


def test_sales_go_on_while_housekeeping_runs_on_its_thread(
    till: Till, clock: Any, cashier: StaffMember, member: customers.Enrolled
) -> None:
    if not housekeeping.incremental(till):
        housekeeping.enable_incremental_vacuum(till)
    _free_some_pages(till, 6000)
    keeper = housekeeping.Housekeeper(till, first_delay=0, interval=0.01)
    keeper.start()
    try:
        _sales(till, clock, cashier, member.customer_id, 20)  # while it vacuums and prunes
    finally:
        keeper.stop()
    assert keeper.passes >= 1
    with till.transaction() as s:
        assert balances.verify_terminal_chain(s, till.terminal_id) == 21  # enrolment + 20 sales
        assert not balances.mismatches(s)
    assert len([r for r in _rows(till) if r[1] == "entry" and r[3] is None]) == 21  # all still queued


def test_upgrade_of_an_existing_database_does_not_vacuum_it(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "terminal.db")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE before_us (x)")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() == 0
    engine.dispose()



def test_the_manager_sets_the_delays_and_runs_a_pass_from_the_command_line(
    till: Till, clock: Any, cashier: StaffMember, member: customers.Enrolled, staff_pins: dict[str, str],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _sales(till, clock, cashier, member.customer_id, 3)
    rows = _rows(till)
    _ack(till, [r[0] for r in rows], datetime.now(UTC) - timedelta(days=10))  # the CLI runs on the real clock
    home = str(Path(till.engine.url.database or "").parent)

    monkeypatch.setenv("LOYALTY_PIN", staff_pins["cashier"])
    assert main(["--home", home, "housekeeping", "--outbox-days", "7"]) == 2  # a cashier cannot change it
    assert "manager" in capsys.readouterr().err
    assert housekeeping.days_setting(till, housekeeping.OUTBOX_DAYS) == 14

    monkeypatch.setenv("LOYALTY_PIN", staff_pins["manager"])
    assert main(["--home", home, "housekeeping", "--outbox-days", "7", "--compact"]) == 0
    out = capsys.readouterr().out
    assert "already gives free space back" in out  # a new home: incremental from the start
    # Every entry row: the newest outbox row (kept) is now a later, unacknowledged audit line.
    assert "Outbox: 4 acknowledged rows pruned (kept 7 days)" in out
    assert [r[1] for r in _rows(till) if r[1] == "entry"] == []
    assert housekeeping.days_setting(till, housekeeping.OUTBOX_DAYS) == 7
