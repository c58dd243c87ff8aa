"""Stateful fuzzing of the push API with *valid* chains carrying extreme values (issue 13).

Schemathesis (``test_fuzz.py``) mostly bounces off validation and the hash chain. Here a state
machine plays a till that seals its entries correctly, so every batch reaches the server's bounds
checks and its balance fold: points, stamps, amounts and qualifying figures from 0 to int64's ends,
kinds of every sort, under no program the server knows or under the program's own version (its
largest bill and adjustment limit apply then), repeats of what was sent, and a second till pushing at
the same member. The server must never answer 5xx; an entry beyond the bounds is named in the answer
and held (the rest of the batch and the till's later entries are taken); every balance equals the fold
of the entries that count and stays within the bounds; and the other till's push and pull keep working
throughout, never receiving a refused entry.
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
from sqlalchemy.orm import Session
from synctools import Databases, ServerProcess, server_balances, server_entries, start_server

from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry, fold
from app.core.limits import MAX_BALANCE
from app.core.program import worked_example_program
from sync.protocol import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, EntryRecord, PairRequest, PushRequest
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import not_counted_ids

MEMBERS = ["fuzz-member-a", "fuzz-member-b"]
PROGRAM_VERSION = 9100  # the worked example under a version of its own: its largest bill earns 300,000 points

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
        self.refused: set[str] = set()  # acknowledged, but named as never counted
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


class PushMachine(RuleBasedStateMachine):
    srv: ServerProcess
    store: str
    seen: list[int] = []  # every push's status, across the examples
    refusals: list[str] = []  # every refused entry's reason, across the examples

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
        version=st.sampled_from([0, PROGRAM_VERSION]),
    )
    def seal(
        self, kind: EntryKind, customer: str, points: int, qualifying: int, amount: int | None, stamps: int,
        version: int,
    ) -> None:  # fmt: skip
        self.till.seal(kind, customer, points=points, qualifying=qualifying, amount=amount, stamps=stamps,
                       program_version=version)  # fmt: skip

    @rule(
        kind=st.sampled_from([EntryKind.EARN, EntryKind.ADJUST, EntryKind.REDEEM]),
        customer=st.sampled_from(MEMBERS),
        points=st.one_of(st.sampled_from([300_000, 300_001, 10**12, -(10**12)]), st.integers(-(10**12), 10**12)),
        amount=st.one_of(st.none(), st.integers(0, 10**12)),
    )
    def seal_within_the_hard_bounds(self, kind: EntryKind, customer: str, points: int, amount: int | None) -> None:
        """Figures no hard bound refuses, under the program's own version: its largest bill decides."""
        self.till.seal(kind, customer, points=points, qualifying=max(points, 0), amount=amount, stamps=1,
                       program_version=PROGRAM_VERSION)  # fmt: skip

    @precondition(lambda self: bool(self.till.pending))
    @rule()
    def push(self) -> None:
        r = self.till.push(self.client, self.till.pending)
        self.seen.append(r.status_code)
        assert r.status_code < 500, r.text[:500]
        assert r.status_code in (200, 429), r.text[:500]  # well-sealed, in order: only the bounds can object
        if r.status_code == 200:
            sent = {e.id for e in self.till.pending}
            for refused in r.json().get("refused_entries", []):
                assert refused["id"] in sent and refused["id"] in refused["message"], refused
                self.till.refused.add(refused["id"])
                self.refusals.append(refused["message"])
            self.till.held += self.till.pending
            self.till.pending = []

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
        pulled = self.client.get("/v1/pull", params={"cursor": 0, "limit": 5000}, headers=self.other.headers)
        assert pulled.status_code == 200, pulled.text[:500]
        got = {e["id"] for e in pulled.json()["entries"]}
        assert not got & self.till.refused  # a refused entry never reaches another till

    @invariant()
    def balances_stay_within_bounds_and_equal_the_counted_entries(self) -> None:
        with Session(self.srv.engine) as s:
            uncounted = set(s.scalars(not_counted_ids()))
        entries = [e for e in server_entries(self.srv).values() if e.id not in uncounted]
        assert {e.id for e in self.till.held} - self.till.refused <= {e.id for e in entries}
        for member in MEMBERS:
            balance = server_balances(self.srv).get(member)
            if balance is not None:
                assert all(abs(v) <= MAX_BALANCE for v in (balance.points, balance.stamps, balance.lifetime_points,
                                                          balance.lifetime_spend, balance.visits))  # fmt: skip
                rebuilt = fold(e for e in entries if e.customer_id == member)
                figures = ("points", "stamps", "lifetime_points", "lifetime_spend", "visits")
                # nothing counted twice, nothing refused counted
                assert [getattr(balance, f) for f in figures] == [getattr(rebuilt, f) for f in figures]


def test_valid_chains_with_extreme_values_never_make_the_server_fail(databases: Databases, tmp_path: Path) -> None:
    srv = start_server(databases, "postgres", tmp_path, ["--token-burst", "100000"])
    try:
        with write_session(srv.engine) as s:
            program = replace(worked_example_program(), version=PROGRAM_VERSION)
            admin.publish_program(s, program, keep_version=True, active=False)
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
        assert 200 in PushMachine.seen  # the folds were reached…
        # …and both kinds of refusal: the hard bounds and the program's largest bill. (A balance beyond the
        # bounds needs a thousand entries at the bound: test_trust_boundaries makes it.)
        refusals = " ".join(PushMachine.refusals)
        assert "beyond what any sale" in refusals and "largest bill" in refusals, refusals[:2000]
    finally:
        srv.stop()
