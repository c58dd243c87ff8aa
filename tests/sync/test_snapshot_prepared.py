"""The server's prepared snapshot file (issue 12, item 2): built once per change number, shared by new tills.

In-process against the real server database (SQLite and PostgreSQL) for what only the server can see
(how many files it built), and through real server processes for what a till sees: a till that asks
after new entries arrived gets them in its file, never the older one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from synctools import ServerProcess, Shop, till_entries

from app.core.earning import Bill
from app.services import awards, customers
from sync.protocol import API
from sync.server.db import current_change, read_session
from sync.server.ledger import Caller
from sync.server.models import BalanceRow, CustomerRow, EntryRow
from sync.server.snapshot import Built, Prepared, file_digest
from sync.worker.client import SyncClient
from sync.worker.snapshot import install, verify
from sync.worker.worker import SyncWorker


def _chain(srv: ServerProcess, shops: Callable[..., Shop], store: str, members: int) -> tuple[Shop, list[str]]:
    old = shops(srv, store)
    ids = [
        customers.enroll(old.till, name=f"Trần Văn Khách {i}", phone=f"0921 00{i:04d}", staff=old.cashier).customer_id
        for i in range(members)
    ]
    for i, cid in enumerate(ids):
        awards.award(old.till, cid, Bill(paid=40_000 + 1_000 * i), staff=old.cashier)
    SyncWorker(old.till, srv.url, old.token).run_once()
    return old, ids


def _bulk(srv: ServerProcess, prepared: Prepared, caller: Caller, folder: Path) -> Built:
    folder.mkdir(parents=True)
    with read_session(srv.engine) as s:
        return prepared.bulk(s, caller, folder)


def _entry_ids(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT id FROM ledger_entry")}
    finally:
        db.close()


def test_new_tills_share_one_file_until_the_chain_changes(
    server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    store = server.new_store()
    old, ids = _chain(server, shops, store, 6)
    prepared = Prepared(tmp_path / "cache")
    first = _bulk(server, prepared, Caller(terminal_id="t-new-1", store_id=store), tmp_path / "a")
    shops(server, store)  # a till paired meanwhile: a change number for the catalog, none for the bulk
    with read_session(server.engine) as s:
        assert current_change(s) > first.change
    second = _bulk(server, prepared, Caller(terminal_id="t-new-2", store_id=store), tmp_path / "b")
    assert prepared.builds == 1  # the second new till was served the file built for the first
    assert (second.change, second.sha256) == (first.change, first.sha256)
    # The whole chain as the server holds it (the server may be shared with earlier tests).
    with read_session(server.engine) as s:
        held = {
            "customer": s.scalar(select(func.count()).select_from(CustomerRow)),
            "ledger_entry": s.scalar(select(func.count()).select_from(EntryRow)),
            "balance": s.scalar(select(func.count()).select_from(BalanceRow)),
        }
    assert first.rows == held and held["customer"] >= 6 and held["ledger_entry"] >= 12

    awards.award(old.till, ids[0], Bill(paid=500_000), staff=old.cashier)  # the chain moves on
    SyncWorker(old.till, server.url, old.token).run_once()
    third = _bulk(server, prepared, Caller(terminal_id="t-new-3", store_id=store), tmp_path / "c")
    assert prepared.builds == 2 and third.change > first.change
    assert third.rows["ledger_entry"] == first.rows["ledger_entry"] + 1
    assert _entry_ids(third.path) - _entry_ids(second.path) == set(till_entries(old.till)) - _entry_ids(second.path)
    # The answer still streaming the older file keeps its own link to it, whole.
    assert file_digest(second.path) == (second.size, second.sha256)

    # A till with entries of its own on the server gets a file of its own, without them; the shared one stays.
    own_entries = till_entries(old.till, own_only=True)
    own = next(iter(own_entries.values())).terminal_id
    mine = _bulk(server, prepared, Caller(terminal_id=own, store_id=store), tmp_path / "d")
    assert prepared.builds == 2 and mine.sha256 != third.sha256
    assert mine.rows["ledger_entry"] == third.rows["ledger_entry"] - len(own_entries)  # the chain's, not its own
    assert not _entry_ids(mine.path) & set(own_entries)
    # So does a till holding its working set (its store's members only).
    scoped = _bulk(server, prepared, Caller(terminal_id="t-new-4", store_id=store, scope="store"), tmp_path / "e")
    assert prepared.builds == 2 and scoped.path.exists()
    again = _bulk(server, prepared, Caller(terminal_id="t-new-5", store_id=store), tmp_path / "f")
    assert prepared.builds == 2 and again.sha256 == third.sha256


def test_a_till_joining_after_new_entries_gets_them_in_its_file(
    own_server: ServerProcess, shops: Callable[..., Shop], tmp_path: Path
) -> None:
    srv = own_server
    store = srv.new_store()
    old, ids = _chain(srv, shops, store, 4)
    early, late = shops(srv, store), shops(srv, store)
    with SyncClient(srv.url, early.token) as client:
        headers = client.download(f"{API}/snapshot", tmp_path / "early.sqlite")
    install(early.till, tmp_path / "early.sqlite", verify(tmp_path / "early.sqlite", headers))

    awards.award(old.till, ids[1], Bill(paid=300_000), staff=old.cashier)
    SyncWorker(old.till, srv.url, old.token).run_once()
    with SyncClient(srv.url, late.token) as client:
        again = client.download(f"{API}/snapshot", tmp_path / "late.sqlite")
    change = verify(tmp_path / "late.sqlite", again)
    assert change > int(headers["x-snapshot-change"])
    install(late.till, tmp_path / "late.sqlite", change)  # no pull: the file alone holds the new entry
    assert till_entries(late.till) == till_entries(old.till)
    assert len(till_entries(early.till)) == len(till_entries(old.till)) - 1
    assert customers.view(late.till, ids[1]).balance == customers.view(old.till, ids[1]).balance
