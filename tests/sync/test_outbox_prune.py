"""Pruning the outbox loses nothing a server will ever need: a till whose acknowledged rows were pruned
still gives a new server (re-pairing after a disaster) its whole ledger, in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from synctools import Databases, Shop, members_with_a_sale, server_entries, start_server, till_entries

from app.services import housekeeping
from app.services.syncstatus import pending_count
from sync.server import admin
from sync.server.db import write_session
from sync.server.vault import load_secret
from sync.worker.pairing import pair_till
from sync.worker.worker import SyncWorker


def test_a_pruned_till_gives_a_new_server_its_whole_ledger(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    first = start_server(databases, "sqlite", tmp_path)
    second = start_server(databases, "sqlite", tmp_path)
    try:
        shop = shops(first)
        members_with_a_sale(shop, 6, "0915 00")
        SyncWorker(shop.till, first.url, shop.token).run_once()
        assert pending_count(shop.till) == 0
        a_month_later = datetime.now(UTC) + timedelta(days=30)
        assert housekeeping.prune_outbox(shop.till, days=14, now=a_month_later) >= 11  # 12 entries, newest kept

        with write_session(second.engine) as s:  # the new chain starts with this till's store and keys
            secret = load_secret(second.db_url, second.secrets_file)
            admin.set_card_key(s, shop.till.card_key, secret, shop.till.pin_keys[0])
            admin.create_store(s, name="Cà Phê Quận 1", store_id=shop.till.store_id)
        pair_till(shop.till, shop.home, second.url, second.pairing_code(shop.till.store_id))
        SyncWorker(shop.till, second.url, shop.token).run_once()

        mine = till_entries(shop.till, own_only=True)
        held = server_entries(second)
        assert len(mine) == 12 and {i: held.get(i) for i in mine} == mine
        assert pending_count(shop.till) == 0
    finally:
        first.stop()
        second.stop()
