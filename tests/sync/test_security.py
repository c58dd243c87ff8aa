"""Who may write what: tokens, pairing codes, a till's own entries only, and clear refusals."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import Databases, ServerProcess, Shop, http, server_entries, start_server, till_entries

from app.core.earning import Bill
from app.core.ledger import EntryKind
from app.db.models import Store, Terminal
from app.services import awards, customers
from sync.protocol import EntryRecord, PairRequest, PushRequest, card_key_fingerprint
from sync.server.auth import hash_secret
from sync.server.models import FlagRow, TerminalRow
from sync.worker.client import SyncClient, SyncError, Unauthorized
from sync.worker.outbox import next_batch
from sync.worker.pairing import pair_till


def recorded(shop: Shop, n_awards: int = 3) -> list[EntryRecord]:
    """A member and ``n_awards`` sales at this till, as the records its next push would send."""
    member = customers.enroll(shop.till, name="Vũ Quốc Huy", phone=f"09{abs(hash(shop.home)) % 10**8:08d}",
                              staff=shop.cashier)  # fmt: skip
    for i in range(n_awards):
        awards.award(shop.till, member.customer_id, Bill(paid=50_000 + i * 10_000), staff=shop.cashier)
    return next_batch(shop.till, 1000).entries


def push_raw(srv: ServerProcess, token: str | None, entries: list[EntryRecord]) -> httpx.Response:
    with http(srv, token) as client:
        body = PushRequest(entries=entries).model_dump_json()
        return client.post("/v1/push", content=body, headers={"Content-Type": "application/json"})


def flags_of(srv: ServerProcess, kind: str, terminal_id: str) -> list[FlagRow]:
    with Session(srv.engine) as s:
        return list(s.scalars(select(FlagRow).where(FlagRow.kind == kind, FlagRow.terminal_id == terminal_id)))


def test_every_sync_request_needs_a_valid_token(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    shop = shops(server)
    with http(server) as anonymous:
        for method, path in (("POST", "/v1/push"), ("GET", "/v1/pull"), ("GET", "/v1/me")):
            r = anonymous.request(method, path, content=b"{}" if method == "POST" else None)
            assert r.status_code == 401, path
            assert "token" in r.json()["detail"].lower() and r.headers["www-authenticate"] == "Bearer"
    with http(server, "not-a-token") as stranger:
        assert stranger.get("/v1/me").status_code == 401
    with http(server, shop.token) as mine:
        assert mine.get("/v1/me").json()["terminal_id"] == shop.till.terminal_id


def test_a_till_cannot_push_entries_of_another_till_or_store(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    entries = recorded(a)
    r = push_raw(server, b.token, entries)  # B's token, A's entries
    assert r.status_code == 403 and "its own entries" in r.json()["detail"]
    as_other_store = [e.model_copy(update={"store_id": "another-store"}) for e in entries]
    assert push_raw(server, a.token, as_other_store).status_code == 403
    assert server_entries(server).keys().isdisjoint(e.id for e in entries)
    assert flags_of(server, "forbidden_write", b.till.terminal_id)
    assert push_raw(server, a.token, entries).status_code == 200  # the real owner may


def test_a_pairing_code_works_once(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    code = server.pairing_code(store)
    first, second = shops(), shops()
    pair_till(first.till, first.home, server.url, code)
    with pytest.raises(SyncError, match="already used") as refused:
        pair_till(second.till, second.home, server.url, code)
    assert refused.value.status == 401 and not second.token
    pair_till(second.till, second.home, server.url, server.pairing_code(store))  # a new code does it
    assert second.token and second.token != first.token


def test_an_empty_till_adopts_the_servers_store_and_card_key(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store("Cà Phê Quận 5")
    shop = shops()
    local_store, old_key = shop.till.store_id, shop.till.card_key
    pair_till(shop.till, shop.home, server.url, server.pairing_code(store))
    assert shop.till.store_id == store and shop.till.card_key != old_key
    assert bytes.fromhex((shop.home / "card.key").read_text()) == shop.till.card_key
    with shop.till.transaction() as s:
        me = s.get(Terminal, shop.till.terminal_id)
        assert me is not None and me.store_id == store and me.server_url == server.url
        assert s.get(Store, local_store) is None and s.get(Store, store).name == "Cà Phê Quận 5"  # type: ignore[union-attr]
    # The token is only in the till's home (owner-only), and only its hash on the server.
    token_file = shop.home / "sync.token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    with Session(server.engine) as s:
        row = s.get(TerminalRow, shop.till.terminal_id)
        assert row is not None and row.token_hash == hash_secret(shop.token) and shop.token not in row.token_hash
    logs = "".join(p.read_text(errors="replace") for p in server.log_dir.glob("*.log"))
    assert shop.token not in logs
    # Sales made after pairing carry the chain's store.
    assert {e.store_id for e in recorded(shop, 1)} == {store}


def test_a_till_with_sales_keeps_its_store_and_is_refused_a_code_for_another(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    code = server.pairing_code(server.new_store())
    busy = shops()
    recorded(busy, 1)
    with pytest.raises(SyncError, match="already has sales") as refused:
        pair_till(busy.till, busy.home, server.url, code)
    assert refused.value.status == 409 and not busy.token
    fresh = shops()
    pair_till(fresh.till, fresh.home, server.url, code)  # the refused attempt did not use the code up


def test_a_tampered_entry_is_refused_flagged_and_nothing_of_its_batch_is_stored(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    entries = recorded(shop, 3)
    bumped = entries[2].model_copy(update={"points": entries[2].points + 1000})  # same hash, more points
    r = push_raw(server, shop.token, [*entries[:2], bumped, *entries[3:]])
    assert r.status_code == 422 and r.json()["code"] == "chain_broken"
    assert "#3" in r.json()["detail"]
    assert server_entries(server).keys().isdisjoint(e.id for e in entries)  # all or nothing
    assert flags_of(server, "chain_broken", shop.till.terminal_id)
    assert push_raw(server, shop.token, entries).status_code == 200


def test_a_gap_in_the_sequence_is_refused_and_flagged_once_however_often_it_is_retried(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    entries = recorded(shop, 4)
    assert push_raw(server, shop.token, entries[:2]).status_code == 200
    for _ in range(3):
        r = push_raw(server, shop.token, entries[3:])  # #3 is missing
        assert r.status_code == 409 and r.json()["code"] == "sequence_gap"
        assert "#3" in r.json()["detail"]
    (flag,) = flags_of(server, "sequence_gap", shop.till.terminal_id)
    assert flag.count == 3
    assert push_raw(server, shop.token, entries[2:]).status_code == 200
    assert {e.id for e in entries} <= server_entries(server).keys()


def test_another_entry_at_a_held_place_in_the_chain_is_refused(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    """A till restored from an old copy records a different #2: the server keeps the first and says so."""
    shop = shops(server)
    entries = recorded(shop, 2)
    assert push_raw(server, shop.token, entries).status_code == 200
    forged = replace(entries[1].to_entry(), kind=EntryKind.ADJUST, points=500, reason="?").sealed(entries[0].hash)
    r = push_raw(server, shop.token, [EntryRecord.of(forged)])
    assert r.status_code == 409 and r.json()["code"] == "conflicting_entry"
    assert flags_of(server, "conflicting_entry", shop.till.terminal_id)
    assert server_entries(server)[entries[1].id] == entries[1].to_entry()


def test_oversized_and_malformed_bodies_get_a_readable_4xx(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    shop = shops(server)
    with http(server, shop.token) as client:
        big = b'{"entries": [' + b" " * (6 * 1024 * 1024) + b"]}"
        r = client.post("/v1/push", content=big)
        assert r.status_code == 413 and "larger than" in r.json()["detail"]

        def chunks():  # no Content-Length: the limit holds while the body streams in
            for _ in range(7):
                yield b" " * (1024 * 1024)

        assert client.post("/v1/push", content=chunks()).status_code == 413
        r = client.post("/v1/push", content=b'{"entries": [', headers={"content-type": "application/json"})
        assert r.status_code == 422 and r.json()["detail"].startswith("The request is not valid")
        entry = recorded(shop, 1)[0].model_dump(mode="json")
        r = client.post("/v1/push", json={"entries": [{**entry, "points": "lots"}]})
        assert r.status_code == 422 and "entries.0.points: Input should be a valid integer" in r.json()["detail"]
        r = client.post("/v1/push", json={"customers": [], "entries": [], "surprise": 1})
        assert r.status_code == 422 and "surprise" in r.json()["detail"]
        r = client.get("/v1/pull", params={"cursor": -1})
        assert r.status_code == 422 and "cursor" in r.json()["detail"]


def test_wrong_tokens_and_codes_are_rate_limited_per_address_but_valid_tokens_never(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    srv = start_server(databases, "sqlite", tmp_path, ["--auth-burst", "3", "--auth-per-second", "0.2"])
    try:
        shop = shops(srv)
        with http(srv, "guess") as guesser, http(srv, shop.token) as honest:
            assert [guesser.get("/v1/me").status_code for _ in range(3)] == [401, 401, 401]
            r = guesser.get("/v1/me")
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            # Not behind a trusted proxy: a forged X-Forwarded-For does not pick a fresh bucket.
            assert guesser.get("/v1/me", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 429
            # Every till of a shop sits behind one router: a guesser there must not lock them out.
            assert honest.get("/v1/me").status_code == 200
            req = PairRequest(code="AAAAA-BBBBB", terminal_id="t", store_id="s", ledger_empty=True,
                              card_key_fingerprint=card_key_fingerprint(b"k"))  # fmt: skip
            assert guesser.post("/v1/pair", json=req.model_dump()).status_code == 429
    finally:
        srv.stop()


def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    srv = start_server(
        databases,
        "sqlite",
        tmp_path,
        ["--auth-burst", "3", "--auth-per-second", "0.2", "--trusted-proxies", "127.0.0.1"],
    )
    try:
        shop = shops(srv)
        with http(srv, "guess") as guesser, http(srv, shop.token) as honest:
            attacker = {"X-Forwarded-For": "203.0.113.5"}
            assert [guesser.get("/v1/me", headers=attacker).status_code for _ in range(3)] == [401, 401, 401]
            assert guesser.get("/v1/me", headers=attacker).status_code == 429
            # The client can write the left end of the header, not the address our proxy appended.
            spoofed = {"X-Forwarded-For": "192.0.2.99, 203.0.113.5"}
            assert guesser.get("/v1/me", headers=spoofed).status_code == 429
            # Another shop behind the same proxy is a different client.
            assert guesser.get("/v1/me", headers={"X-Forwarded-For": "203.0.113.6"}).status_code == 401
            assert honest.get("/v1/me", headers=attacker).status_code == 200
    finally:
        srv.stop()


def test_each_token_has_its_own_request_budget(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    srv = start_server(databases, "sqlite", tmp_path, ["--token-burst", "5", "--token-per-second", "0.1"])
    try:
        store = srv.new_store()
        busy, calm = shops(srv, store), shops(srv, store)
        with http(srv, busy.token) as runaway, http(srv, calm.token) as other:
            assert [runaway.get("/v1/me").status_code for _ in range(5)] == [200] * 5
            r = runaway.get("/v1/me")
            assert r.status_code == 429 and "too many requests" in r.json()["detail"]
            assert other.get("/v1/me").status_code == 200
    finally:
        srv.stop()


def test_schema_and_docs_are_off_unless_asked_for(databases: Databases, tmp_path: Path) -> None:
    srv = ServerProcess(db_url=databases.new("sqlite"), log_dir=tmp_path, docs=False).start()
    try:
        with http(srv) as client:
            assert client.get("/health").status_code == 200
            assert client.get("/openapi.json").status_code == 404
            assert client.get("/docs").status_code == 404
    finally:
        srv.stop()


def test_health_and_schema_say_nothing_secret(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    shops(server)
    with http(server) as client:
        health = client.get("/health")
        assert health.status_code == 200 and set(health.json()) == {"status", "protocol", "time"}
        schema = client.get("/openapi.json").json()
    assert {"/v1/push", "/v1/pull", "/v1/pair", "/v1/me", "/health"} <= set(schema["paths"])
    assert "HTTPBearer" in json.dumps(schema["components"]["securitySchemes"])


def test_a_revoked_or_replaced_token_stops_working(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    shop = shops(server, store)
    old = shop.token
    pair_till(shop.till, shop.home, server.url, server.pairing_code(store))  # re-paired: a new token
    with SyncClient(server.url, old) as client, pytest.raises(Unauthorized):
        client.me()
    with SyncClient(server.url, shop.token) as client:
        assert client.me().terminal_id == shop.till.terminal_id
    assert till_entries(shop.till) == {}
