"""A new till bootstraps from the server's snapshot (issue 12, item 2), against real server processes.

It ends holding exactly what a till that pulled page by page holds; a damaged or cut-off file is refused
with a sentence and changes nothing; a snapshot older than the chain's latest changes is completed by
the ordinary pull; a till with rows of its own never takes one.
"""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from synctools import ServerProcess, Shop, open_shop, till_balances, till_entries

from app.core.earning import Bill
from app.db.models import Customer, Flag
from app.services import awards, balances, customers, name_words, stats
from sync.protocol import API
from sync.server import snapshot_format as fmt
from sync.worker import ingest
from sync.worker.client import SyncClient
from sync.worker.join import connect
from sync.worker.snapshot import DOWNLOAD_NAME, SnapshotRefused, blocker, bootstrap, download, install, verify
from sync.worker.worker import SyncWorker


def _sync(shop: Shop, srv: ServerProcess) -> None:
    SyncWorker(shop.till, srv.url, shop.token).run_once()


def _members(shop: Shop) -> dict[str, tuple[object, ...]]:
    with shop.till.transaction() as s:
        return {
            c.id: (c.name, c.name_key, c.phone, c.card_number, c.referral_code, c.enrolled_at, c.status)
            for c in s.scalars(select(Customer))
        }


def _download(shop: Shop, srv: ServerProcess, dest: Path) -> dict[str, str]:
    with SyncClient(srv.url, shop.token) as client:
        return client.download(f"{API}/snapshot", dest)

def _new_till_with_file(
    server: ServerProcess,
    shops: Callable[..., Shop],
    store: str,
    path: Path,
    *,
    edit: str = "",
    args: tuple[object, ...] = (),
) -> tuple[Shop, list[tuple[str, str, str]], int]:
    """A new till of ``store`` with the chain's snapshot downloaded and verified at ``path`` (then
    changed by the SQL ``edit``, if any): the till, its schema before any install, the change number."""
    new = shops(server, store)
    before = _schema(new)
    change = verify(path, _download(new, server, path))
    if edit:
        with sqlite3.connect(path) as db:
            db.execute(edit, args)
        db.close()
    return new, before, change



def test_a_new_till_joins_by_snapshot_and_holds_what_a_page_by_page_till_holds(
    own_server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    srv = own_server
    store = srv.new_store()
    old = shops(srv, store)
    ids = [customers.enroll(old.till, name=f"Phạm Thị Khách {i}", phone=f"0916 00{i:04d}", staff=old.cashier)
           .customer_id for i in range(30)]  # fmt: skip
    for i in range(70):
        awards.award(old.till, ids[i % 30], Bill(paid=30_000 + 1_000 * i), staff=old.cashier)
    _sync(old, srv)

    new = shops(srv, store)
    path = tmp_path / "snap.sqlite"
    with SyncClient(srv.url, new.token) as client:
        headers, digests = download(client, path)  # the two parts' sha256 made as the bytes arrive
    assert digests == (headers[fmt.SHA256_HEADER.lower()], headers[fmt.CATALOG_SHA256_HEADER.lower()])
    change = verify(path, headers, digests)
    # The chain moves on after the snapshot was made: a new member, more points.
    late = customers.enroll(old.till, name="Lê Văn Muộn", phone="0916 999 999", staff=old.cashier).customer_id
    for cid in (ids[0], late):
        awards.award(old.till, cid, Bill(paid=200_000), staff=old.cashier)
    _sync(old, srv)

    done = install(new.till, path, change)
    assert (done.customers, done.entries) == (30, 100)  # 30 welcomes + 70 awards, as of the snapshot
    # Taken as the server built them, indexes and all (SQLite's transfer optimisation), none re-indexed.
    assert done.transferred == ("customer", "ledger_entry", "balance", "customer_word")
    assert late not in _members(new)
    _sync(new, srv)  # the pull brings only what came after the snapshot's change number

    paged = shops(srv, store)
    SyncWorker(paged.till, srv.url, paged.token, pull_limit=9).run_once()
    assert _members(new) == _members(paged) == _members(old)
    assert till_entries(new.till) == till_entries(paged.till) == till_entries(old.till)
    assert till_balances(new.till) == till_balances(paged.till) == till_balances(old.till)
    assert customers.view(new.till, ids[0]).balance.points == customers.view(old.till, ids[0]).balance.points > 0
    with new.till.transaction() as s:
        assert balances.mismatches(s) == []
        assert stats.differences(s) == []  # the back office's summary tables were rebuilt from the ledger
        words = name_words.indexed(s)
    with paged.till.transaction() as s:
        assert words == name_words.indexed(s)
    assert [m.name for m in customers.find(new.till, "Khách 7").matches] == ["Phạm Thị Khách 7"]
    assert customers.find(new.till, "0916 999 999").matches[0].name == "Lê Văn Muộn"


@pytest.mark.parametrize("damage", ["truncated", "flipped", "catalog"])
def test_a_damaged_snapshot_is_refused_with_a_sentence_and_nothing_changes(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path, damage: str
) -> None:
    store = server.new_store()
    old = shops(server, store)
    for i in range(5):
        customers.enroll(old.till, name=f"Khách {i}", phone=f"0917 00{i:04d}", staff=old.cashier)
    _sync(old, server)
    new = shops(server, store)
    path = tmp_path / "snap.sqlite"
    headers = _download(new, server, path)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":  # in the SQLite file
        path.write_bytes(data[:4096] + bytes([data[4096] ^ 0xFF]) + data[4097:])
    else:  # in the catalog after it (the till's staff, stores, program)
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0x01]) + data[-9:])
    with pytest.raises(SnapshotRefused) as refused:
        verify(path, headers)
    said = refused.value.message
    assert said.startswith("The chain's snapshot arrived") and "nothing was installed" in said
    assert "'" not in said.replace("chain's", "")  # a sentence, not a repr
    assert _members(new) == {}
    with new.till.transaction() as s:
        assert ingest.cursor(s) == 0
    with SyncClient(server.url, new.token) as client:  # a good download afterwards installs
        assert bootstrap(new.till, client, tmp_path) is not None
    assert set(_members(old)) <= set(_members(new))  # the chain's members (the server is shared by tests)


def test_a_till_with_its_own_members_never_takes_a_snapshot_and_keeps_them(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    store = server.new_store()
    old = shops(server, store)
    customers.enroll(old.till, name="Khách Cũ", phone="0918 000 001", staff=old.cashier)
    _sync(old, server)
    mine = shops(server, store)
    own = customers.enroll(mine.till, name="Khách Mới", phone="0918 000 002", staff=mine.cashier).customer_id
    assert blocker(mine.till).startswith("This till already holds")
    with SyncClient(server.url, mine.token) as client:
        assert bootstrap(mine.till, client, tmp_path) is None
    path = tmp_path / "snap.sqlite"
    headers = _download(mine, server, path)
    with pytest.raises(SnapshotRefused, match="already holds"):
        install(mine.till, path, verify(path, headers))
    assert own in _members(mine)
    with mine.till.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
    _sync(mine, server)  # page by page, as before: its own member pushed, the chain's pulled
    _sync(old, server)
    assert own in _members(old) and len(_members(mine)) >= 2


def test_joining_a_chain_takes_the_snapshot_then_pulls(
    own_server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = own_server
    store = server.new_store()
    old = shops(server, store)
    member = customers.enroll(old.till, name="Võ Thị Hạnh", phone="0919 100 200", staff=old.cashier).customer_id
    awards.award(old.till, member, Bill(paid=150_000), staff=old.cashier)
    _sync(old, server)
    home = tmp_path / "joiner"
    joiner = open_shop(home)
    try:
        with caplog.at_level(logging.INFO, logger="loyalty.sync"):
            connect(joiner.till, home, server.url, server.pairing_code(store), terminal_name="Quầy 2")
        assert any("snapshot installed" in r.getMessage() for r in caplog.records)
        assert not (home / DOWNLOAD_NAME).exists()  # the file is gone once installed
        assert set(_members(old)) <= set(_members(joiner))
        assert customers.view(joiner.till, member).balance == customers.view(old.till, member).balance
    finally:
        joiner.till.engine.dispose()


def test_members_enrolled_twice_offline_both_arrive_by_snapshot_and_a_manager_is_told(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    first = customers.enroll(a.till, name="Đỗ Minh Tâm", phone="0920 300 400", staff=a.cashier).customer_id
    second = customers.enroll(b.till, name="Đỗ Minh Tâm", phone="0920 300 400", staff=b.cashier).customer_id
    _sync(a, server)
    _sync(b, server)
    new = shops(server, store)
    with SyncClient(server.url, new.token) as client:
        assert bootstrap(new.till, client, tmp_path) is not None
    held = _members(new)
    assert {first, second} <= set(held)
    assert sorted(str(held[i][2]) for i in (first, second)) == ["+84920300400", "None"]  # one keeps the phone
    with new.till.transaction() as s:
        flags = s.scalars(select(Flag).where(Flag.kind == "duplicate_member")).all()
    assert any(f.customer_id in (first, second) and "+84920300400" in f.message for f in flags)


def _schema(shop: Shop) -> list[tuple[str, str, str]]:
    with shop.till.transaction() as s:
        return sorted(
            tuple(r)
            for r in s.connection().exec_driver_sql(
                "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE tbl_name IN "
                "('customer', 'ledger_entry', 'balance', 'customer_word')"
            )
        )


def test_a_file_with_other_indexes_than_the_tills_is_copied_column_by_column_and_indexed_by_the_till(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    """A till at another migration head than the server's (here: the file lacks one of its indexes)
    cannot take the tables as built; it copies the columns it knows and builds its own indexes."""
    store = server.new_store()
    old = shops(server, store)
    ids = [customers.enroll(old.till, name=f"Hồ Văn Khách {i}", phone=f"0922 00{i:04d}", staff=old.cashier)
           .customer_id for i in range(8)]  # fmt: skip
    awards.award(old.till, ids[3], Bill(paid=90_000), staff=old.cashier)
    _sync(old, server)
    path = tmp_path / "snap.sqlite"
    new, before, change = _new_till_with_file(server, shops, store, path, edit="DROP INDEX ix_balance_points")
    done = install(new.till, path, change)
    assert done.transferred == ()
    assert _schema(new) == before  # the till's own tables, indexes and triggers, all there
    assert {i: _members(old)[i] for i in ids} == {i: _members(new)[i] for i in ids}
    assert customers.view(new.till, ids[3]).balance == customers.view(old.till, ids[3]).balance
    # The name words, indexed by the till (the chain's server is shared with other tests).
    assert [m.customer_id for m in customers.find(new.till, "Hồ Văn Khách 5").matches] == [ids[5]]
    with new.till.transaction() as s:
        assert balances.mismatches(s) == []
        assert stats.differences(s) == []


def test_a_file_whose_balances_name_a_member_it_lacks_is_refused_and_nothing_changes(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    """Foreign keys are off while the tables are copied (SQLite's transfer needs it); the whole database
    is checked before the commit, so a file that breaks one is refused and the till stays empty."""
    store = server.new_store()
    old = shops(server, store)
    gone = customers.enroll(old.till, name="Khách Thiếu", phone="0923 000 001", staff=old.cashier).customer_id
    customers.enroll(old.till, name="Khách Đủ", phone="0923 000 002", staff=old.cashier)
    _sync(old, server)
    path = tmp_path / "snap.sqlite"
    edit = "DELETE FROM customer WHERE id = ?"
    new, before, change = _new_till_with_file(server, shops, store, path, edit=edit, args=(gone,))
    with pytest.raises(SnapshotRefused, match="nothing was installed"):
        install(new.till, path, change)
    assert _members(new) == {}
    assert _schema(new) == before  # the triggers dropped for the copy are back (the rollback)
    with new.till.transaction() as s:
        assert ingest.cursor(s) == 0
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    _sync(new, server)  # and the page pull then brings the chain as before
    assert gone in _members(new)


_CRASH = """
import os, sys
from pathlib import Path
from app.bootstrap import open_till
from sync.worker import snapshot

def crash(s):  # every row copied, before the commit: the process dies as in a power cut
    c = s.connection()
    print(c.exec_driver_sql("PRAGMA main.journal_mode").scalar_one(), flush=True)
    os._exit(9)

snapshot._INSTALL_CACHE_KIB = 64  # a small cache: the copied pages are written to the file before the crash
snapshot.stats.rebuild_in = crash
till = open_till(Path(sys.argv[1]))
snapshot.install(till, Path(sys.argv[2]), int(sys.argv[3]))
"""


def test_a_till_that_dies_during_the_install_opens_empty_and_installs_again(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    """The install runs in one transaction (in a rollback journal when it is the database's only
    connection): a crash before its commit leaves the till as it was, empty, in WAL mode again."""
    store = server.new_store()
    old = shops(server, store)
    for i in range(40):
        customers.enroll(old.till, name=f"Khách Mất Điện {i}", phone=f"0924 00{i:04d}", staff=old.cashier)
    _sync(old, server)
    path = tmp_path / "snap.sqlite"
    new, before, change = _new_till_with_file(server, shops, store, path)
    new.till.engine.dispose()  # the crashing process is the database's only connection
    died = subprocess.run(
        [sys.executable, "-c", _CRASH, str(new.home), str(path), str(change)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert died.returncode == 9, died.stderr
    assert died.stdout.split() == ["delete"]  # it was installing in a rollback journal
    assert _members(new) == {}  # the next connection rolled the hot journal back
    assert _schema(new) == before
    with new.till.transaction() as s:
        c = s.connection()
        assert ingest.cursor(s) == 0
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    done = install(new.till, path, change)
    with sqlite3.connect(path) as file:  # members other tests' entries named and the chain lacks (a shared server)
        placeholders = int(file.execute("SELECT value FROM meta WHERE key = 'placeholders'").fetchone()[0])
    assert done.customers + placeholders == len(_members(new)) and done.customers >= 40
    assert done.journal == "rollback"
    assert set(_members(old)) <= set(_members(new))
