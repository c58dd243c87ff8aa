"""The working-set simulation of issue 12 ("Done means"), shared by the CI test and the benchmark.

A chain on a real server process on PostgreSQL: 4 stores in 2 regions, 5 real tills per store (20
till homes, each synced by the real worker code). The members are generated server-side in bulk
(COPY), as years of history would have left them: each has a home store and a welcome entry there;
every ``VISITOR_EVERY``-th member also shopped once at the next store; every ``VIP_EVERY``-th is in
the chain's top tier. The server's working-set rows are seeded to match (what the push path would
have written). One till of the first store of each region holds its region; the others their store.

``run`` checks that each till's database holds exactly its working set with the server's balances,
that an offline till awards a member it did not hold by scanning her card and, after sync, the
server and her home store's till show the award on her, and measures each till's pull traffic
against the size of its set. ``tests/sync/test_working_set_sim.py`` runs it small in CI;
``tests/benchmarks/bench_working_set.py`` runs it with 200,000 members.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, open_shop, server_balances, till_balances, till_entries

from app.core import cardcode
from app.core.earning import Bill
from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH, Balance, EntryKind, LedgerEntry, fold
from app.core.unknown_cards import placeholder_id
from app.db.models import Customer
from app.services import awards, balances, customers
from sync.protocol import API
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import BalanceRow, CustomerRow, EntryRow, TerminalRow, WorkingSetRow
from sync.worker.client import SyncClient
from sync.worker.pairing import pair_till, read_token
from sync.worker.worker import SyncWorker

STORES = 4
TILLS_PER_STORE = 5
REGIONS = ("north", "south")  # stores 0, 1 in the north; 2, 3 in the south
VISITOR_EVERY = 10
VIP_EVERY = 200
VIP = "Gold"
SERIAL_BASE = 3_000_000


@dataclass
class SimTill:
    shop: Shop
    store: str
    scope: str
    client: SyncClient

    @property
    def name(self) -> str:
        return self.shop.home.name


@dataclass
class Figures:
    members: int
    seconds: dict[str, float] = field(default_factory=dict)
    rows: list[tuple[str, str, int, int, float]] = field(default_factory=list)  # till, scope, set, bytes, B/member
    chain_bytes: int = 0


def _copy(conn: psycopg.Connection, table: Any, rows: Iterable[dict[str, Any]]) -> int:
    names = [c.name for c in table.columns]
    buf, count = io.StringIO(), 0
    for row in rows:
        values = []
        for n in names:
            v = row.get(n)
            if v is None:
                values.append("\\N")
            elif isinstance(v, bool):
                values.append("t" if v else "f")
            elif isinstance(v, datetime):
                values.append(v.isoformat())
            else:
                values.append(str(v))
        buf.write("\t".join(values) + "\n")
        count += 1
    with conn.cursor().copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        copy.write(buf.getvalue())
    return count


def seed(srv: ServerProcess, members: int, stores: list[str]) -> dict[str, set[str]]:
    """Members, their entries, balances and working-set rows by COPY; returns each holder's members."""
    regions = {s: REGIONS[i // 2] for i, s in enumerate(stores)}
    legacy = {s: new_id() for s in stores}
    heads = {s: (0, GENESIS_HASH) for s in stores}
    now = datetime.now(UTC)
    start = now - timedelta(days=300)
    change = 0
    holders: dict[str, set[str]] = {}
    customers_rows, entry_rows, balance_rows = [], [], []

    def entry(store: str, cid: str, kind: EntryKind, at: datetime, **values: Any) -> LedgerEntry:
        nonlocal change
        seq, prev = heads[store]
        e = LedgerEntry(id=new_id(), terminal_id=legacy[store], store_id=store, terminal_seq=seq + 1, customer_id=cid,
                        kind=kind, created_at=at, program_version=1, **values).sealed(prev)  # fmt: skip
        heads[store] = (seq + 1, e.hash)
        change += 1
        entry_rows.append({**{k: getattr(e, k) for k in e.__dict__}, "kind": kind.value, "received_at": now,
                           "change_no": change})  # fmt: skip
        return e

    for i in range(members):
        cid = new_id()
        home = stores[i % STORES]
        at = start + timedelta(seconds=i)
        change += 1
        customers_rows.append({
            "id": cid, "card_number": cardcode.make_card_number(SERIAL_BASE + i), "phone": f"+8491{i:07d}",
            "name": f"Khách {i}", "marketing_consent": False, "referral_code": f"S{i:08d}", "enrolled_at": at,
            "enrolled_store": home, "status": "active", "updated_at": at, "received_at": now, "change_no": change,
        })  # fmt: skip
        mine = [entry(home, cid, EntryKind.BONUS, at, stamps=2, reason="welcome")]
        seen = {home}
        if i % VISITOR_EVERY == 0:
            away = stores[(i + 1) % STORES]
            mine.append(entry(away, cid, EntryKind.EARN, at + timedelta(days=30), points=10, qualifying=10,
                              amount=100_000))  # fmt: skip
            seen.add(away)
        if i % VIP_EVERY == 0:
            mine.append(entry(home, cid, EntryKind.TIER, at + timedelta(days=31), tier=VIP))
            holders.setdefault("vip", set()).add(cid)
        for s in seen:
            holders.setdefault(f"store:{s}", set()).add(cid)
            holders.setdefault(f"region:{regions[s]}", set()).add(cid)
        b = fold(mine)
        change += 1
        balance_rows.append({"customer_id": cid, **{k: getattr(b, k) for k in b.__dict__ if k != "extra"},
                             "change_no": change})  # fmt: skip
    ws_rows = []
    for holder, ids in holders.items():
        for cid in ids:
            change += 1
            ws_rows.append({"holder": holder, "customer_id": cid, "last_seen_at": now, "has_left": False,
                            "change_no": change})  # fmt: skip
    dsn = srv.db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        conn.execute("ALTER TABLE ledger_entry DISABLE TRIGGER USER")
        _copy(conn, CustomerRow.__table__, customers_rows)
        _copy(conn, EntryRow.__table__, entry_rows)
        _copy(conn, BalanceRow.__table__, balance_rows)
        _copy(conn, WorkingSetRow.__table__, ws_rows)
        conn.execute("ALTER TABLE ledger_entry ENABLE TRIGGER USER")
        for s in stores:
            change += 1
            seq, head = heads[s]
            conn.execute(
                "INSERT INTO terminal (id, store_id, name, paired_at, head_seq, head_hash, change_no, scope) "
                "VALUES (%s, %s, 'old till', now(), %s, %s, %s, 'chain')",
                (legacy[s], s, seq, head, change),
            )
        conn.execute("UPDATE server_state SET last_change = %s", (change,))
        conn.execute("ANALYZE")
    return holders


def expected_set(holders: dict[str, set[str]], till: SimTill, region: str) -> set[str]:
    place = f"region:{region}" if till.scope == "region" else f"store:{till.store}"
    return holders.get(place, set()) | holders.get("vip", set())


def held(till: SimTill) -> set[str]:
    with till.shop.till.transaction() as s:
        return set(s.scalars(select(Customer.id)))


def sync(*tills: SimTill, url: str) -> None:
    for t in tills:
        SyncWorker(t.shop.till, url, t.shop.token, client=t.client, pull_limit=1000, timeout=120).run_once()


def run(srv: ServerProcess, tmp: Path, members: int, *, chain_till: bool = True, log: Any = print) -> Figures:
    """The whole story; asserts as it goes and returns the figures (the caller prints them)."""
    fig = Figures(members=members)
    t0 = time.perf_counter()
    stores = [srv.new_store(f"Cửa hàng {i + 1}") for i in range(STORES)]
    with write_session(srv.engine) as s:
        for i, store in enumerate(stores):
            admin.set_region(s, store, REGIONS[i // 2])
    holders = seed(srv, members, stores)
    fig.seconds["seed"] = time.perf_counter() - t0
    log(f"  seeded {members:,} members in {fig.seconds['seed']:.1f} s")

    t0 = time.perf_counter()
    tills: list[SimTill] = []
    for i, store in enumerate(stores):
        for k in range(TILLS_PER_STORE):
            home = tmp / f"till-{i + 1}-{k + 1}"
            shop = open_shop(home)
            pair_till(shop.till, home, srv.url, srv.pairing_code(store))
            scope = "region" if (k == 0 and i % 2 == 0) else "store"
            with write_session(srv.engine) as s:
                admin.set_scope(s, shop.till.terminal_id, scope)
            tills.append(SimTill(shop, store, scope, SyncClient(srv.url, read_token(home), timeout=120)))
    fig.seconds["open and pair 20 tills"] = time.perf_counter() - t0
    region_of = {s: REGIONS[i // 2] for i, s in enumerate(stores)}

    t0 = time.perf_counter()
    for t in tills:
        t1 = time.perf_counter()
        sync(t, url=srv.url)
        fig.seconds[f"  first sync of {t.name} ({t.scope})"] = time.perf_counter() - t1
        log(f"  {t.name} ({t.scope}) synced in {time.perf_counter() - t1:.1f} s")
    fig.seconds["first sync of 20 tills"] = time.perf_counter() - t0
    truth = server_balances(srv)
    for t in tills:
        want = expected_set(holders, t, region_of[t.store])
        have = held(t)
        assert have == want, f"{t.name}: holds {len(have)}, its set is {len(want)}: {len(have ^ want)} differ"
        mine = till_balances(t.shop.till)
        wrong = [c for c in want if mine.get(c) != truth.get(c, Balance())]
        assert not wrong, f"{t.name}: {len(wrong)} balances differ from the server's"
        sent = t.client.received.get(f"{API}/pull", 0)
        fig.rows.append((t.name, t.scope, len(want), sent, sent / max(1, len(want))))

    # The offline award: a member of store 2 (not a visitor, not a VIP) comes to store 1.
    first, second = stores[0], stores[1]
    i = next(n for n in range(1, members) if n % STORES == 1 and n % VISITOR_EVERY and n % VIP_EVERY)
    with Session(srv.engine) as s:
        her = s.scalar(select(CustomerRow).where(CustomerRow.phone == f"+8491{i:07d}"))
        assert her is not None and her.enrolled_store == second
    at = next(t for t in tills if t.store == first and t.scope == "store")
    assert her.id not in held(at)
    payload = cardcode.sign_card_payload(her.card_number, at.shop.till.card_key)
    found = customers.find(at.shop.till, payload)
    assert [m.customer_id for m in found.matches] == [placeholder_id(her.card_number)]
    award = awards.award(at.shop.till, found.matches[0].customer_id, Bill(paid=150_000), staff=at.shop.cashier)
    assert award.points > 0
    before = truth[her.id]
    home_till = next(t for t in tills if t.store == second)
    t0 = time.perf_counter()
    sync(at, *tills, url=srv.url)
    fig.seconds["sync after the award"] = time.perf_counter() - t0
    after = server_balances(srv)[her.id]
    assert after.points == before.points + award.points and after.visits == before.visits + 1
    for t in (home_till, at):
        assert till_balances(t.shop.till)[her.id] == after, t.name
        assert award.earn.id in till_entries(t.shop.till)
        with t.shop.till.transaction() as s:
            assert balances.mismatches(s) == [], t.name
    siblings = [t for t in tills if t.store == first]
    assert all(her.id in held(t) for t in siblings)  # she entered store 1's set
    assert all(her.id not in held(t) for t in tills if region_of[t.store] == REGIONS[1])

    if chain_till:  # the same pull for a till holding the whole chain, for comparison
        with Session(srv.engine) as s:
            terminals = s.scalar(select(TerminalRow.id).limit(1))
        assert terminals is not None
        home = tmp / "till-chain"
        shop = open_shop(home)
        pair_till(shop.till, home, srv.url, srv.pairing_code(first))
        ref = SimTill(shop, first, "chain", SyncClient(srv.url, read_token(home), timeout=300))
        t0 = time.perf_counter()
        sync(ref, url=srv.url)
        fig.seconds["first sync of a whole-chain till"] = time.perf_counter() - t0
        fig.chain_bytes = ref.client.received.get(f"{API}/pull", 0)
        assert len(held(ref)) >= members
        ref.shop.till.engine.dispose()
    for t in tills:
        t.client.close()
        t.shop.till.engine.dispose()
    return fig


def report(fig: Figures, log: Any = print) -> None:
    log(f"working set simulation: {fig.members:,} members, 4 stores in 2 regions, 20 tills")
    for what, secs in fig.seconds.items():
        log(f"  {what}: {secs:.1f} s")
    log(f"  {'till':<12} {'scope':<7} {'set':>8} {'pull bytes':>12} {'bytes/member':>13}")
    for name, scope, size, sent, per in fig.rows:
        log(f"  {name:<12} {scope:<7} {size:>8,} {sent:>12,} {per:>13,.0f}")
    if fig.chain_bytes:
        log(f"  a whole-chain till pulled {fig.chain_bytes:,} bytes ({fig.chain_bytes / fig.members:,.0f} per member)")


def check_proportional(fig: Figures, margin: float = 1.5) -> None:
    """Pull bytes per member of the set are about the same at every till (within ``margin``), so a
    till's traffic follows its set, and a store till pulls far less than the chain."""
    per = [p for *_rest, p in fig.rows]
    assert max(per) <= margin * min(per), f"bytes per member of the set range {min(per):.0f}–{max(per):.0f}"
    store_rows = [r for r in fig.rows if r[1] == "store"]
    region_rows = [r for r in fig.rows if r[1] == "region"]
    store_mean = sum(r[3] for r in store_rows) / len(store_rows)
    region_mean = sum(r[3] for r in region_rows) / len(region_rows)
    assert 1.5 < region_mean / store_mean < 2.5  # a region is two stores
    if fig.chain_bytes:
        assert store_mean < 0.5 * fig.chain_bytes  # a store holds about 30 % of the chain
