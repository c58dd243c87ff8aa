"""A till that joins a chain takes its store's country for phones (the server sends the store's zone, not a
country: the till derives it from the zone, through the IANA zone tables). Against a real server."""

from __future__ import annotations

from pathlib import Path

from synctools import ServerProcess

from app.bootstrap import open_till
from app.services import customers, settings, setup
from app.services.setup import ShopSetup
from sync.server import admin
from sync.server.db import write_session
from sync.worker.join import connect


def _store(server: ServerProcess, name: str, timezone: str, currency: str) -> str:
    with write_session(server.engine) as s:
        return admin.create_store(s, name=name, timezone=timezone, currency=currency).id


def test_a_till_joining_a_new_york_store_reads_american_phones(server: ServerProcess, tmp_path: Path) -> None:
    new_york = _store(server, "Sarah's Bakery Brooklyn", "America/New_York", "USD")
    hanoi = _store(server, "Phở Gánh Hàng Bạc", "Asia/Ho_Chi_Minh", "VND")

    fresh = open_till(tmp_path / "fresh")  # `loyalty join` on a new till: no country of its own
    try:
        connect(fresh, tmp_path / "fresh", server.url, server.pairing_code(new_york), terminal_name="Till 2")
        assert settings.store_country(fresh) == "US"
        emily = customers.enroll(fresh, name="Emily Chen", phone="(617) 555-0142", staff=None)
        assert customers.view(fresh, emily.customer_id).phone == "(617) 555-0142"
        assert customers.find(fresh, "6175550142").matches[0].customer_id == emily.customer_id
    finally:
        fresh.engine.dispose()

    # A till first set up on its own (`loyalty init --country VN --server …`) takes the store's country too.
    till, _ = setup.setup_shop(
        tmp_path / "init",
        ShopSetup(store_name="Bakery", owner_name="Sarah", owner_pin="480213", country="VN"),
    )
    try:
        assert settings.store_country(till) == "VN"
        connect(till, tmp_path / "init", server.url, server.pairing_code(new_york), terminal_name="Till 3")
        assert settings.store_country(till) == "US"
    finally:
        till.engine.dispose()

    vn = open_till(tmp_path / "vn")
    try:
        connect(vn, tmp_path / "vn", server.url, server.pairing_code(hanoi), terminal_name="Quầy 1")
        assert settings.store_country(vn) == "VN"
        an = customers.enroll(vn, name="An", phone="0912 345 678", staff=None)
        assert customers.view(vn, an.customer_id).phone == "0912 345 678"
    finally:
        vn.engine.dispose()
