"""Stateful fuzzing of the push API with *valid* chains carrying extreme values (issue 13).

Schemathesis (``test_fuzz.py``) mostly bounces off validation and the hash chain. Here a state
machine plays a till that seals its entries correctly, so every batch reaches the server's bounds
checks and its balance fold: points, stamps, amounts and qualifying figures from 0 to int64's ends,
kinds of every sort, repeats of what was sent, and a second till pushing at the same member. The
server must never answer 5xx; what it refuses it refuses with a 4xx naming the entry; what it takes
it folds without leaving the bounds; and the other till's push and pull keep working throughout.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from synctools import Databases, ServerProcess, server_balances, start_server

from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry
from app.core.limits import MAX_BALANCE
from sync.protocol import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, EntryRecord, PairRequest, PushRequest

MEMBERS = ["fuzz-member-a", "fuzz-member-b"]

extreme64 = st.one_of(
    st.integers(-5, 5),
    st.integers(-(10**6), 10**6),
    st.sampled_from([INT64_MIN, INT64_MAX, -(2**62), 2**62, 10**12, 10**12 + 1, -(10**12), MAX_BALANCE]),
    st.integers(INT64_MIN, INT64_MAX),
)
extreme32 = st.one_of(st.integers(-3, 3), st.sampled_from([INT32_MIN, INT32_MAX, 10**6, 10**6 + 1]))


class Till:
    """A till of the fuzz: a token, and its chain as the server should hold it."""

    def __init__(self, srv: ServerProcess, store: str, client: httpx.Client) -> None:
        self.id = f"fuzz-{secrets.token_hex(6)}"
        self.store = store
        request = PairRequest(code=srv.pairing_code(store), terminal_id=self.id, store_id=store, ledger_empty=True,
                              card_key_fingerprint="0" * 32)  # fmt: skip
        answer = client.post(
            "/v1/pair", content=request.model_dump_json(), headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 200, answer.text
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}", "Content-Type": "application/json"}
        self.held: list[LedgerEntry] = []  # what the server acknowledged
        self.pending: list[LedgerEntry] = []  # sealed after the held ones, not sent yet

    def head(self) -> tuple[int, str]:
        last = (self.pending or self.held)[-1:] or None
        return (last[0].terminal_seq, last[0].hash) if last else (0, GENESIS_HASH)

    def seal(self, kind: EntryKind, customer: str, **figures: int | None) -> None:
        seq, prev = self.head()
        entry = LedgerEntry(id=f"{self.id}-{seq + 1}", terminal_id=self.id, store_id=self.store, terminal_seq=seq + 1,
                            customer_id=customer, kind=kind, created_at=datetime.now(UTC), **figures)  # type: ignore[arg-type]  # fmt: skip
        self.pending.append(entry.sealed(prev))

    def push(self, client: httpx.Client, entries: list[LedgerEntry]) -> httpx.Response:
        body = PushRequest(entries=[EntryRecord.of(e) for e in entries]).model_dump_json()
        return client.post("/v1/push", content=body, headers=self.headers)

    def reseal_without(self, entry_id: str) -> None:
        """What a manager does with a till whose entry the server refused: take it out, chain the rest again."""
        kept = [e for e in self.pending if e.id != entry_id]
        self.pending = []
        for e in kept:
            seq, prev = self.head()
            self.pending.append(replace(e, id=f"{self.id}-{seq + 1}", terminal_seq=seq + 1).sealed(prev))


class PushMachine(RuleBasedStateMachine):
    srv: ServerProcess
    store: str
    seen: list[int] = []  # every push's status, across the examples

    def __init__(self) -> None:
        super().__init__()
        self.client = httpx.Client(base_url=self.srv.url, timeout=60)
        self.till = Till(self.srv, self.store, self.client)
        self.other = Till(self.srv, self.store, self.client)

    def teardown(self) -> None:
        self.client.close()

    @rule(
        kind=st.sampled_from(list(EntryKind)),
        customer=st.sampled_from(MEMBERS),
        points=extreme64,
        qualifying=extreme64,
        amount=st.one_of(st.none(), extreme64),
        stamps=extreme32,
    )
    def seal(
        self, kind: EntryKind, customer: str, points: int, qualifying: int, amount: int | None, stamps: int
    ) -> None:
        self.till.seal(kind, customer, points=points, qualifying=qualifying, amount=amount, stamps=stamps)

    @precondition(lambda self: bool(self.till.pending))
    @rule()
    def push(self) -> None:
        r = self.till.push(self.client, self.till.pending)
        self.seen.append(r.status_code)
        assert r.status_code < 500, r.text[:500]
        if r.status_code == 200:
            self.till.held += self.till.pending
            self.till.pending = []
            return
        assert r.status_code in (422, 429), r.text[:500]
        if r.status_code == 422:
            named = [e.id for e in self.till.pending if e.id in r.json()["detail"]]
            assert named, f"a refusal must name the entry: {r.text[:300]}"
            self.till.reseal_without(named[0])

    @precondition(lambda self: bool(self.till.held))
    @rule(data=st.data())
    def push_again(self, data: st.DataObject) -> None:
        """A retry after a lost answer: what the server holds is acknowledged again, not doubled."""
        start = data.draw(st.integers(0, len(self.till.held) - 1))
        r = self.till.push(self.client, self.till.held[start:])
        assert r.status_code in (200, 429), r.text[:500]

    @rule(customer=st.sampled_from(MEMBERS))
    def other_till_sells_and_pulls(self, customer: str) -> None:
        """Whatever the first till sent, the second one's ordinary sale and pull go through."""
        self.other.seal(EntryKind.EARN, customer, points=12, qualifying=12, amount=125_000, stamps=1)
        r = self.other.push(self.client, self.other.pending)
        assert r.status_code == 200, r.text[:500]
        self.other.held += self.other.pending
        self.other.pending = []
        pulled = self.client.get("/v1/pull", params={"cursor": 0, "limit": 50}, headers=self.other.headers)
        assert pulled.status_code == 200, pulled.text[:500]

    @invariant()
    def balances_stay_within_bounds(self) -> None:
        for member in MEMBERS:
            balance = server_balances(self.srv).get(member)
            if balance is not None:
                assert all(abs(v) <= MAX_BALANCE for v in (balance.points, balance.stamps, balance.lifetime_points,
                                                          balance.lifetime_spend, balance.visits))  # fmt: skip


def test_valid_chains_with_extreme_values_never_make_the_server_fail(databases: Databases, tmp_path: Path) -> None:
    srv = start_server(databases, "postgres", tmp_path, ["--token-burst", "100000"])
    try:
        PushMachine.srv = srv
        PushMachine.store = srv.new_store("Fuzz")
        run_state_machine_as_test(
            PushMachine,
            settings=settings(
                max_examples=12,
                stateful_step_count=20,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
        assert 200 in PushMachine.seen and 422 in PushMachine.seen  # both the folds and the refusals were reached
    finally:
        srv.stop()
