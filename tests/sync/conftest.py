"""Fixtures of the sync tests: real servers (uvicorn processes on 127.0.0.1, on SQLite files and on
PostgreSQL 15, a fresh database per session, dropped at the end) and tills paired with them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from synctools import Databases, ServerProcess, Shop, open_shop, start_server

from sync.worker.pairing import pair_till


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("server-dbs"))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """A running server per database kind, shared by the tests (each uses its own store and tills)."""
    srv = start_server(databases, request.param, tmp_path_factory.mktemp(f"server-{request.param}"))
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def own_server(request: pytest.FixtureRequest, databases: Databases, tmp_path: Path) -> Iterator[ServerProcess]:
    """A server of the test's own, for tests that change what the whole chain sees (the program)."""
    srv = start_server(databases, request.param, tmp_path)
    yield srv
    srv.stop()


@pytest.fixture
def shops(tmp_path: Path) -> Iterator[Callable[..., Shop]]:
    """``shops(server, store_id)`` → a new till paired with that store (or unpaired without a server)."""
    opened: list[Shop] = []

    def _make(srv: ServerProcess | None = None, store_id: str | None = None, name: str = "") -> Shop:
        home = tmp_path / f"till-{len(opened) + 1}"
        shop = open_shop(home)
        if srv is not None:
            store_id = store_id or srv.new_store()
            pair_till(shop.till, home, srv.url, srv.pairing_code(store_id), terminal_name=name)
        opened.append(shop)
        return shop

    yield _make
    for shop in opened:
        shop.till.engine.dispose()
