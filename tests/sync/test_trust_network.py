"""The server on the internet and the wire to it: TLS, no tokens in clear to a remote host, pairing
that survives a lost answer, the chain's keys sealed at rest (issue 13)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from faultproxy import CLEAN, FaultProxy, Faults
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ROOT, Databases, ServerProcess, Shop, server_entries

from app.core.earning import Bill
from app.db.models import Staff
from app.services import awards, customers, staff
from sync.server import admin
from sync.server.auth import hash_secret
from sync.server.db import make_server_engine, write_session
from sync.server.models import ServerState, TerminalRow
from sync.server.vault import FILE_ENV, KEY_ENV, VaultError, load_secret
from sync.worker.client import InsecureServer, SyncClient, SyncError
from sync.worker.pairing import PAIRING_FILE, pair_till
from sync.worker.worker import SyncWorker


def test_pairing_retried_after_a_lost_answer_gets_the_same_token(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    code = server.pairing_code(store)
    shop = shops()
    proxy = FaultProxy(upstream_port=server.port, seed=3, faults=Faults(lost=1.0)).start()
    try:
        with pytest.raises(SyncError):  # the server paired the till; its answer never arrived
            pair_till(shop.till, shop.home, proxy.url, code)
        assert not shop.token and (shop.home / PAIRING_FILE).exists()
        with Session(server.engine) as s:
            row = s.get(TerminalRow, shop.till.terminal_id)
            assert row is not None and row.token_hash  # registered, code used up
        proxy.set_faults(CLEAN)
        answer = pair_till(shop.till, shop.home, proxy.url, code)  # the retry: same code, same nonce
    finally:
        proxy.stop()
    assert shop.token == answer.token and not (shop.home / PAIRING_FILE).exists()
    with Session(server.engine) as s:
        row = s.get(TerminalRow, shop.till.terminal_id)
        assert row is not None and row.token_hash == hash_secret(answer.token)
    with SyncClient(server.url, shop.token) as client:
        assert client.me().terminal_id == shop.till.terminal_id
    other = shops()  # the used code is still used for anyone else
    with pytest.raises(SyncError, match="already used"):
        pair_till(other.till, other.home, server.url, code)


def test_pairing_hands_over_the_chains_pin_key_and_old_pins_still_work(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops()
    own_key = shop.till.pin_keys[0]
    pair_till(shop.till, shop.home, server.url, server.pairing_code(server.new_store()))
    with Session(server.engine) as s:
        chain_key = admin.pin_key(s, load_secret(server.db_url, server.secrets_file))
    assert shop.till.pin_keys == (chain_key, own_key)
    assert (shop.home / "pin.key").read_text().split() == [chain_key.hex(), own_key.hex()]
    assert staff.login(shop.till, "1111").role == "cashier"  # hashed under the till's first key: still works
    with shop.till.transaction() as s:
        hashes = {st.role: st.pin_hash for st in s.scalars(select(Staff))}
    assert hashes["cashier"].startswith(f"scrypt2${staff.pin_key_id(chain_key)}$")  # re-hashed at login


def test_the_chains_keys_are_sealed_in_the_servers_database(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    shop = shops(server)
    with Session(server.engine) as s:
        state = s.get(ServerState, 1)
        assert state is not None
        stored = state.card_key + (state.pin_key or "")
        assert shop.till.card_key.hex() not in stored and shop.till.pin_keys[0].hex() not in stored
        assert state.card_key.startswith("sealed1$")
        with pytest.raises(VaultError, match="does not open"):
            admin.card_key(s, b"\x01" * 32)
        assert admin.card_key(s, load_secret(server.db_url, server.secrets_file)) == shop.till.card_key


def test_a_postgres_server_without_a_secret_key_refuses_to_start(databases: Databases) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.main", "--database-url", databases.new("postgres"), "migrate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "--secrets-file" in done.stderr and "Traceback" not in done.stderr


def server_cli(db_url: str, *args: str, key: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (KEY_ENV, FILE_ENV)}
    return subprocess.run(
        [sys.executable, "-m", "sync.server.main", "--database-url", db_url, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, KEY_ENV: key} if key else env,
    )


def test_the_server_takes_its_secret_key_from_the_environment_and_refuses_a_wrong_one(
    databases: Databases,
) -> None:
    """Issue 13: the card key encrypted at rest with a key from the environment, never in clear."""
    url, key = databases.new("postgres"), secrets.token_hex(32)
    started = server_cli(url, "migrate", key=key)
    assert started.returncode == 0, started.stderr
    engine = make_server_engine(url)
    try:
        with Session(engine) as s:
            state = s.get(ServerState, 1)
            assert state is not None and state.card_key.startswith("sealed1$")
            card = admin.card_key(s, bytes.fromhex(key))
            assert card.hex() not in state.card_key
        with write_session(engine) as s:  # a database written by a version that kept the key in clear
            state = s.get(ServerState, 1)
            assert state is not None
            state.card_key = card.hex()
        wrong = server_cli(url, "migrate", key=secrets.token_hex(32))
        assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
        assert "does not open" in wrong.stderr and KEY_ENV in wrong.stderr
        with Session(engine) as s:  # the refused start changed nothing
            state = s.get(ServerState, 1)
            assert state is not None and state.card_key == card.hex()
        again = server_cli(url, "migrate", key=key)
        assert again.returncode == 0, again.stderr
        with Session(engine) as s:  # sealed at this start, and still the chain's key
            state = s.get(ServerState, 1)
            assert state is not None and state.card_key.startswith("sealed1$")
            assert admin.card_key(s, bytes.fromhex(key)) == card
    finally:
        engine.dispose()


def test_the_worker_refuses_plain_http_to_a_remote_host(tmp_path: Path, shops: Callable[..., Shop]) -> None:
    shop = shops()
    for url in ("http://203.0.113.10:8000", "http://loyalty.example.vn"):
        with pytest.raises(InsecureServer, match="in clear"):
            SyncWorker(shop.till, url, "token")
        with pytest.raises(InsecureServer):
            pair_till(shop.till, shop.home, url, "ABCDE-FGHJK")
    SyncWorker(shop.till, "http://203.0.113.10:8000", "token", insecure=True).stop()  # told so
    SyncWorker(shop.till, "https://loyalty.example.vn", "token").stop()
    SyncWorker(shop.till, "http://127.0.0.1:8000", "token").stop()  # this machine (the embedded server)
    SyncWorker(shop.till, "http://[::1]:8000", "token").stop()
    done = subprocess.run(
        [sys.executable, "-m", "sync", "--home", str(shop.home), "run", "--once", "--server", "http://203.0.113.10"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "use https://" in done.stderr and "--insecure" in done.stderr


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_tls_straight_from_uvicorn_with_a_self_signed_certificate(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    cert, key = self_signed(tmp_path)
    srv = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp_path, tls=(cert, key)).start()
    try:
        assert srv.url.startswith("https://")
        with pytest.raises(httpx.HTTPError):  # plain HTTP gets nothing from a TLS port
            httpx.get(srv.url.replace("https://", "http://") + "/health", timeout=5)
        with pytest.raises(SyncError, match="Cannot reach"):  # nor does a client that does not trust the cert
            SyncClient(srv.url).me()
        shop = shops()
        pair_till(shop.till, shop.home, srv.url, srv.pairing_code(srv.new_store()), verify=str(cert))
        member = customers.enroll(shop.till, name="Lê Văn Tâm", phone="0977 000 111", staff=shop.cashier)
        sale = awards.award(shop.till, member.customer_id, Bill(paid=80_000), staff=shop.cashier)
        w = SyncWorker(shop.till, srv.url, shop.token, verify=str(cert))
        try:
            report = w.run_once()
        finally:
            w.stop()
        assert not report.refused and sale.earn.id in server_entries(srv)
    finally:
        srv.stop()
