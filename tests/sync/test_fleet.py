"""The server is a fleet of stateless processes on PostgreSQL (issue 12): two processes on one database,
tills pushing to both at random, end with exactly what one server would hold; operators scrape /metrics."""

from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Any

import httpx
from fleet import ScriptedTill, pair, push
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synctools import Databases, ServerProcess

from app.core.ledger import GENESIS_HASH, LedgerEntry
from sync.protocol import EntryRecord, PushRequest
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import BalanceRow, CustomerRow, EntryRow, FlagRow

TILLS, BATCHES, PER_BATCH = 6, 6, 60
STORES = ("st-q1", "st-q3")
MEMBERS = [f"m{i:05d}" for i in range(120)]


def _scripted() -> list[ScriptedTill]:
    tills = []
    for i in range(TILLS):
        store = STORES[i % 2]
        own = MEMBERS[i * 20 : (i + 1) * 20]
        tills.append(ScriptedTill(f"till-{i}", store, MEMBERS, seed=i).script(BATCHES, PER_BATCH, own))
    return tills


def _setup(servers: list[ServerProcess], tills: list[ScriptedTill]) -> dict[str, str]:
    with write_session(servers[0].engine) as s:
        for store in STORES:
            admin.create_store(s, name=store, store_id=store)
    return {t.terminal_id: pair(servers[0].url, servers[0].pairing_code(t.store_id), t.terminal_id, t.store_id)
            for t in tills}  # fmt: skip


def _run(servers: list[ServerProcess], tills: list[ScriptedTill], tokens: dict[str, str], seed: int) -> None:
    """Each till in its own thread sends its batches in order, each to a server picked at random; some
    batches go twice, to both servers at once (an answer lost, the retry sent elsewhere)."""
    failures: list[str] = []

    def one(till: ScriptedTill) -> None:
        rng = random.Random(seed * 100 + int(till.terminal_id.split("-")[1]))
        token = tokens[till.terminal_id]
        for body in till.batches:
            first = rng.choice(servers)
            if len(servers) > 1 and rng.random() < 0.3:
                other = servers[1] if first is servers[0] else servers[0]
                answers: list[httpx.Response] = []
                both = [
                    threading.Thread(target=lambda u=u, b=body, a=answers: a.append(push(u, token, b)))
                    for u in (first.url, other.url)
                ]
                for t in both:
                    t.start()
                for t in both:
                    t.join()
                failures.extend(a.text for a in answers if a.status_code != 200)
            else:
                answer = push(first.url, token, body)
                if answer.status_code != 200:
                    failures.append(answer.text)

    threads = [threading.Thread(target=one, args=(t,)) for t in tills]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert failures == []


def _holding(srv: ServerProcess) -> dict[str, Any]:
    with Session(srv.engine) as s:
        entries = {
            r.id: (r.terminal_id, r.terminal_seq, r.customer_id, r.kind, r.points, r.hash)
            for r in s.execute(select(EntryRow.id, EntryRow.terminal_id, EntryRow.terminal_seq, EntryRow.customer_id,
                                      EntryRow.kind, EntryRow.points, EntryRow.hash))
        }  # fmt: skip
        return {
            "entries": entries,
            "rows": s.scalar(select(func.count()).select_from(EntryRow)),
            "change_numbers": s.scalar(select(func.count(func.distinct(EntryRow.change_no)))),
            "balances": {
                r.customer_id: (
                    r.points,
                    r.stamps,
                    r.lifetime_points,
                    r.lifetime_spend,
                    r.visits,
                    r.redeemed_points,
                    r.entry_count,
                )
                for r in s.scalars(select(BalanceRow))
            },
            "members": set(s.scalars(select(CustomerRow.id))),
            # Which entry of a twice-earned receipt carries the flag depends on arrival order, even on one
            # server; which receipts are flagged does not.
            "receipts_flagged": {
                f.message.split()[1] for f in s.scalars(select(FlagRow).where(FlagRow.kind == "duplicate_receipt"))
            },
            "receipts_earned_twice": {
                f"{src}/{rid}"
                for src, rid in s.execute(
                    select(EntryRow.receipt_source, EntryRow.receipt_id)
                    .where(EntryRow.kind == "earn")
                    .group_by(EntryRow.receipt_source, EntryRow.store_id, EntryRow.receipt_id)
                    .having(func.count() > 1)
                )
            },
        }


def test_two_server_processes_on_one_database_hold_what_a_single_server_holds(
    databases: Databases, tmp_path: Path
) -> None:
    tills = _scripted()
    fleet_db = databases.new("postgres")
    fleet = [ServerProcess(db_url=fleet_db, log_dir=tmp_path).start() for _ in range(2)]
    single = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp_path / "single")
    (tmp_path / "single").mkdir()
    single.start()
    try:
        _run(fleet, tills, _setup(fleet, tills), seed=1)
        _run([single], tills, _setup([single], tills), seed=2)
        both, one = _holding(fleet[0]), _holding(single)
        every_id = {i for t in tills for i in t.entry_ids}
        assert set(both["entries"]) == every_id and both["rows"] == len(every_id)  # nothing lost, nothing twice
        assert both["change_numbers"] == both["rows"]
        assert both["entries"] == one["entries"]
        assert both["balances"] == one["balances"] and len(both["balances"]) == len(MEMBERS)
        assert both["members"] == one["members"] == set(MEMBERS)
        assert both["receipts_flagged"] == one["receipts_flagged"] == both["receipts_earned_twice"]
        assert len(both["receipts_flagged"]) > 5
    finally:
        for srv in [*fleet, single]:
            srv.stop()


def _scrape(srv: ServerProcess) -> dict[str, float]:
    text = httpx.get(f"{srv.url}/metrics", timeout=30).text
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            found[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return found


def test_metrics_of_every_server_process_add_up_after_real_pushes(databases: Databases, tmp_path: Path) -> None:
    srv = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp_path, extra=["--workers", "2"]).start()
    try:
        tills = _scripted()[:2]
        tokens = _setup([srv], tills)
        for till in tills:
            for body in till.batches:
                assert push(srv.url, tokens[till.terminal_id], body).status_code == 200
        assert push(srv.url, tokens["till-0"], tills[0].batches[-1]).status_code == 200  # a retry: duplicates
        gap = push(srv.url, tokens["till-1"], tills[1].batches[0].replace(b'"terminal_seq":1,', b'"terminal_seq":9,'))
        assert gap.status_code == 409
        pulled = httpx.get(f"{srv.url}/v1/pull", params={"cursor": 0, "limit": 100},
                           headers={"Authorization": f"Bearer {tokens['till-0']}"}, timeout=30)  # fmt: skip
        assert pulled.status_code == 200
        entries = sum(len(t.entry_ids) for t in tills)
        for _ in range(6):  # whichever process answers, it reports every process's counts
            m = _scrape(srv)
            assert m["loyalty_entries_accepted_total"] == entries
            assert m["loyalty_entries_duplicate_total"] == PER_BATCH
            assert m["loyalty_pushes_total{outcome=ok}"] == 2 * BATCHES + 1
            assert m["loyalty_pushes_total{outcome=refused}"] == 1
            assert m["loyalty_errors_total{code=sequence_gap}"] == 1
            assert m["loyalty_customers_received_total"] == 40
            assert m["loyalty_pulls_total"] == 1 and m["loyalty_pull_records_total"] == 100
            assert m["loyalty_pull_lag_changes_count"] == 1 and m["loyalty_pull_lag_changes_sum"] > entries
            assert m["loyalty_flags_raised_total{kind=sequence_gap}"] == 1
            assert m["loyalty_open_flags{kind=sequence_gap}"] == 1
            assert m["loyalty_change_number"] >= entries
        assert httpx.get(f"{srv.url}/health", timeout=30).json()["status"] == "ok"
    finally:
        srv.stop()


def test_an_entry_id_already_in_the_ledger_is_refused_with_a_409_and_nothing_of_the_batch_stored(
    server: ServerProcess,
) -> None:
    """The primary key refuses the reused id (no pre-check any more); the till still gets the readable 409."""
    store = server.new_store()
    a, b = (ScriptedTill(f"reuse-{n}-{store[:8]}", store, MEMBERS[:5], seed=n) for n in (1, 2))
    a.script(1, 30, [])
    token_a, token_b = (pair(server.url, server.pairing_code(store), t.terminal_id, store) for t in (a, b))
    assert push(server.url, token_a, a.batches[0]).status_code == 200
    b.script(1, 30, [])
    stolen = b.batches[0].replace(f'"{b.terminal_id}-5"'.encode(), f'"{a.terminal_id}-5"'.encode())
    request = PushRequest.model_validate_json(stolen)
    prev, resealed = GENESIS_HASH, []
    for record in request.entries:
        e = LedgerEntry(**record.__dict__).sealed(prev)
        prev = e.hash
        resealed.append(EntryRecord.of(e))
    answer = push(server.url, token_b, PushRequest(entries=resealed).model_dump_json().encode())
    assert answer.status_code == 409 and answer.json()["code"] == "conflicting_entry"
    assert f"{a.terminal_id}-5" in answer.json()["detail"]
    with Session(server.engine) as s:
        assert s.scalar(select(func.count()).select_from(EntryRow).where(EntryRow.terminal_id == b.terminal_id)) == 0
        assert s.scalars(select(FlagRow).where(FlagRow.kind == "conflicting_entry",
                                               FlagRow.terminal_id == b.terminal_id)).first() is not None  # fmt: skip
