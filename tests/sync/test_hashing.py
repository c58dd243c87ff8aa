"""The server's fast chain hash is byte-for-byte the ledger's own: a push never refuses a valid entry,
and never accepts one the tills would not (issue 12, push near the database's limit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import ledger
from app.core.errors import ChainBroken
from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry
from sync.server import hashing

text = st.text(max_size=40)  # any Unicode: quotes, backslashes, control characters, Vietnamese, emoji
maybe = st.none() | text
moments = st.datetimes(
    min_value=datetime(1000, 1, 1), max_value=datetime(9000, 12, 31), timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=-9, minutes=-30))]
    )
)  # fmt: skip
entries = st.builds(
    LedgerEntry,
    id=text,
    terminal_id=text,
    store_id=text,
    terminal_seq=st.integers(1, 2**63 - 1),
    customer_id=text,
    kind=st.sampled_from(list(EntryKind)),
    created_at=moments,
    points=st.integers(-(2**63), 2**63 - 1),
    stamps=st.integers(-(2**31), 2**31 - 1),
    qualifying=st.integers(0, 2**40),
    amount=st.none() | st.integers(-(2**63), 2**63 - 1),
    currency=st.sampled_from(["VND", "USD"]),
    reward_id=maybe,
    receipt_source=maybe,
    receipt_id=maybe,
    program_version=st.integers(0, 2**31 - 1),
    staff_id=maybe,
    reason=text,
    reverses=maybe,
    tier=maybe,
)


@settings(max_examples=400, deadline=None)
@given(entries, st.sampled_from([GENESIS_HASH, "ab" * 32]))
def test_fast_canonical_bytes_and_hash_equal_the_ledgers_own(entry: LedgerEntry, prev: str) -> None:
    assert hashing.canonical_bytes(entry) == ledger.canonical_bytes(entry)
    assert hashing.chain_hash(prev, entry) == ledger.chain_hash(prev, entry)


@pytest.mark.parametrize(
    "odd", [{"points": True}, {"amount": 10**30}, {"points": 1.5}, {"reason": 'Bà "Tư"\\\n\u2028'}]
)
def test_values_outside_the_template_s_fast_types_encode_as_the_ledger_encodes_them(odd: dict) -> None:
    """The template writes str, int and None itself; anything else goes through the JSON encoder, as
    in the ledger (never met from a validated record, but the bytes must still agree)."""
    entry = LedgerEntry(id="e", terminal_id="t", store_id="s", terminal_seq=1, customer_id="Khách Ngọc",
                        kind=EntryKind.EARN, created_at=datetime(2026, 11, 30, tzinfo=UTC), **odd)  # fmt: skip
    assert hashing.canonical_bytes(entry) == ledger.canonical_bytes(entry)


def test_a_naive_time_is_refused_as_by_the_ledger() -> None:
    entry = LedgerEntry(id="e", terminal_id="t", store_id="s", terminal_seq=1, customer_id="c",
                        kind=EntryKind.EARN, created_at=datetime(2026, 1, 1))  # fmt: skip
    with pytest.raises(ValueError):
        ledger.canonical_bytes(entry)
    with pytest.raises(ValueError):
        hashing.canonical_bytes(entry)


def test_verify_chain_accepts_a_sealed_chain_and_names_the_altered_entry() -> None:
    at = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
    chain, prev = [], GENESIS_HASH
    for seq in range(1, 6):
        e = LedgerEntry(id=f"e{seq}", terminal_id="t", store_id="s", terminal_seq=seq, customer_id="c",
                        kind=EntryKind.EARN, created_at=at, points=seq, reason="Bà Tư").sealed(prev)  # fmt: skip
        chain.append(e)
        prev = e.hash
    assert hashing.verify_chain(chain, start_seq=1, start_hash=GENESIS_HASH) == 5
    altered = [*chain[:2], LedgerEntry(**{**chain[2].__dict__, "points": 300}), *chain[3:]]
    with pytest.raises(ChainBroken) as caught:
        hashing.verify_chain(altered, start_seq=1, start_hash=GENESIS_HASH)
    assert caught.value.details["seq"] == 3
