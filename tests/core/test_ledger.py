"""The ledger: a balance is the fold of the entries, whatever order they arrive in, and a
terminal's hash chain shows any entry altered, dropped or moved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import ChainBroken
from app.core.ledger import (
    GENESIS_HASH,
    HASHED_FIELDS,
    Balance,
    EntryKind,
    LedgerEntry,
    apply_entry,
    canonical_bytes,
    fold,
    verify_chain,
)

T0 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
CUSTOMER = "cust-1"


def entry(seq: int, kind: EntryKind, minutes: int = 0, terminal: str = "till-1", **kw: object) -> LedgerEntry:
    return LedgerEntry(
        id=kw.pop("id", f"{terminal}-{seq}"),  # type: ignore[arg-type]
        terminal_id=terminal,
        store_id="store-1",
        terminal_seq=seq,
        customer_id=CUSTOMER,
        kind=kind,
        created_at=T0 + timedelta(minutes=minutes),
        **kw,  # type: ignore[arg-type]
    )


def chain(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """Seal entries in order, as the ledger writer does for one terminal."""
    out, prev = [], GENESIS_HASH
    for e in entries:
        sealed = e.sealed(prev)
        out.append(sealed)
        prev = sealed.hash
    return out


def a_morning() -> list[LedgerEntry]:
    """Welcome, a 125k coffee run, a 55k one, a cake for 10 points, the 55k voided, a goodwill gesture."""
    return [
        entry(1, EntryKind.BONUS, 0, stamps=2, reason="welcome"),
        entry(2, EntryKind.EARN, 5, points=12, stamps=1, qualifying=12, amount=125_000),
        entry(3, EntryKind.EARN, 60, points=5, stamps=1, qualifying=5, amount=55_000),
        entry(4, EntryKind.REDEEM, 61, points=-10, reward_id="free-cake"),
        entry(5, EntryKind.REVERSE, 62, points=-5, stamps=-1, qualifying=-5, reverses="till-1-3"),
        entry(6, EntryKind.ADJUST, 90, points=3, reason="machine broke"),
    ]


# -- fold -------------------------------------------------------------------------------------------


def test_a_mornings_entries_add_up_to_the_balance() -> None:
    b = fold(a_morning())
    assert (b.points, b.stamps) == (12 + 5 - 10 - 5 + 3, 2 + 1 + 1 - 1)
    assert b.redeemed_points == 10
    assert b.visits == 1  # the voided sale was not a visit
    assert b.lifetime_spend == 125_000
    assert b.lifetime_points == 12 + 3  # earned and granted; the voided 5 no longer count
    assert b.last_visit_at == T0 + timedelta(minutes=60)
    assert b.entry_count == 6


def test_spending_lowers_points_but_not_lifetime_points() -> None:
    b = fold(
        [entry(1, EntryKind.EARN, 0, points=100, amount=1_000_000), entry(2, EntryKind.REDEEM, 1, points=-60)]
    )
    assert (b.points, b.lifetime_points, b.redeemed_points) == (40, 100, 60)


def test_a_returned_reward_gives_the_points_back_and_is_no_longer_counted_as_redeemed() -> None:
    b = fold(
        [
            entry(1, EntryKind.EARN, 0, points=100, amount=1_000_000),
            entry(2, EntryKind.REDEEM, 1, points=-60),
            entry(3, EntryKind.REVERSE, 2, points=60, reverses="till-1-2"),
        ]
    )
    assert (b.points, b.redeemed_points) == (100, 0)


def test_expiry_is_an_entry_that_empties_the_points() -> None:
    b = fold(
        [entry(1, EntryKind.EARN, 0, points=40, amount=400_000), entry(2, EntryKind.EXPIRE, 10, points=-40)]
    )
    assert b.points == 0 and b.lifetime_points == 40


def test_a_partial_refund_keeps_the_visit_and_lowers_the_spend() -> None:
    b = fold(
        [
            entry(1, EntryKind.EARN, 0, points=12, stamps=1, amount=125_000),
            entry(2, EntryKind.REVERSE, 5, points=-3, amount=25_000, reverses="till-1-1"),
        ]
    )
    assert (b.points, b.stamps, b.visits, b.lifetime_spend) == (9, 1, 1, 100_000)


def test_the_latest_tier_change_wins_even_when_it_arrives_first() -> None:
    up = entry(1, EntryKind.TIER, 0, tier="Gold")
    down = entry(1, EntryKind.TIER, 60 * 24 * 400, terminal="till-2", tier="Member")
    assert fold([up, down]).tier == "Member"
    assert fold([down, up]).tier == "Member"


KINDS = [
    EntryKind.EARN,
    EntryKind.REDEEM,
    EntryKind.BONUS,
    EntryKind.ADJUST,
    EntryKind.EXPIRE,
    EntryKind.TIER,
]


@st.composite
def customer_histories(draw: st.DrawFn) -> list[LedgerEntry]:
    """A customer's entries from two tills, with reversals, tier changes and ties in time."""
    n = draw(st.integers(1, 14))
    seqs = {"till-1": 0, "till-2": 0}
    out: list[LedgerEntry] = []
    for i in range(n):
        terminal = draw(st.sampled_from(sorted(seqs)))
        seqs[terminal] += 1
        minutes = draw(st.integers(0, 5))  # few distinct moments: ties happen
        reversible = [e for e in out if e.kind is not EntryKind.REVERSE]
        kind = draw(st.sampled_from([*KINDS, EntryKind.REVERSE] if reversible else KINDS))
        kw: dict[str, object] = {"id": f"e{i:02d}"}
        if kind is EntryKind.REVERSE:
            original = draw(st.sampled_from(reversible))
            full = draw(st.booleans())
            kw |= {
                "reverses": original.id,
                "points": -original.points if full else -(original.points // 2),
                "stamps": -original.stamps if full else 0,
                "amount": None if full or not original.amount else (original.amount // 2),
            }
        elif kind is EntryKind.TIER:
            kw["tier"] = draw(st.sampled_from([None, "Member", "Gold"]))
        else:
            sign = -1 if kind in (EntryKind.REDEEM, EntryKind.EXPIRE) else 1
            kw["points"] = sign * draw(st.integers(0, 500))
            kw["stamps"] = sign * draw(st.integers(0, 12)) if kind is not EntryKind.EXPIRE else 0
            if kind is EntryKind.EARN:
                kw["amount"] = draw(st.integers(1, 10**7))
                kw["qualifying"] = kw["points"]
        out.append(entry(seqs[terminal], kind, minutes, terminal=terminal, **kw))
    return out


@settings(max_examples=100, deadline=None)
@given(history=customer_histories(), data=st.data())
def test_the_balance_does_not_depend_on_the_order_entries_arrive_in(
    history: list[LedgerEntry], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(history))
    assert fold(shuffled) == fold(history)


@settings(max_examples=100, deadline=None)
@given(history=customer_histories())
def test_points_and_stamps_are_the_plain_sum_of_the_entries(history: list[LedgerEntry]) -> None:
    b = fold(history)
    assert b.points == sum(e.points for e in history)
    assert b.stamps == sum(e.stamps for e in history)
    assert b.entry_count == len(history)


def test_folding_one_entry_at_a_time_is_the_same_as_folding_all() -> None:
    entries = a_morning()
    by_id = {e.id: e for e in entries}
    b = Balance()
    for e in entries:
        b = apply_entry(b, e, by_id.get(e.reverses) if e.reverses else None)
    assert b == fold(entries)


# -- the hash chain ---------------------------------------------------------------------------------


def test_an_honest_chain_verifies_and_says_where_it_ends() -> None:
    assert verify_chain(chain(a_morning())) == 6
    assert verify_chain([]) == 0


def test_a_chain_can_be_checked_from_where_the_server_left_off() -> None:
    full = chain(a_morning())
    assert verify_chain(full[3:], start_seq=4, start_hash=full[2].hash) == 6


def test_the_hash_covers_every_field_that_matters() -> None:
    e = a_morning()[1]
    assert set(HASHED_FIELDS) == {
        f for f in LedgerEntry.__dataclass_fields__ if f not in ("prev_hash", "hash")
    }, "a new field must be hashed (or the chain version bumped)"
    assert b'"points":12' in canonical_bytes(e)
    assert b'"created_at":"2026-11-23T03:05:00.000000Z"' in canonical_bytes(e)


def _altered(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, datetime):
        return value + timedelta(microseconds=1)
    if isinstance(value, EntryKind):
        return EntryKind.ADJUST if value is not EntryKind.ADJUST else EntryKind.EARN
    if value is None:
        return "x"
    return str(value) + "x"


@settings(max_examples=100, deadline=None)
@given(
    index=st.integers(0, 5),
    field=st.sampled_from([*HASHED_FIELDS, "prev_hash", "hash"]),
)
def test_changing_any_field_of_any_entry_breaks_the_chain(index: int, field: str) -> None:
    entries = chain(a_morning())
    entries[index] = replace(entries[index], **{field: _altered(getattr(entries[index], field))})
    with pytest.raises(ChainBroken):
        verify_chain(entries)


def test_an_altered_entry_resealed_by_a_forger_still_breaks_the_next_link() -> None:
    entries = chain(a_morning())
    forged = replace(entries[1], points=1200).sealed(entries[0].hash)
    entries[1] = forged
    with pytest.raises(ChainBroken, match="#3"):
        verify_chain(entries)


@settings(max_examples=50, deadline=None)
@given(index=st.integers(0, 4))
def test_dropping_an_entry_breaks_the_chain(index: int) -> None:
    entries = chain(a_morning())
    del entries[index]
    with pytest.raises(ChainBroken, match="expected entry"):
        verify_chain(entries)


def test_dropping_the_last_entry_shows_as_a_shorter_chain() -> None:
    # The chain alone cannot know an entry is missing at its end: the head the server has must match.
    assert verify_chain(chain(a_morning())[:-1]) == 5


@settings(max_examples=50, deadline=None)
@given(index=st.integers(0, 4))
def test_swapping_two_entries_breaks_the_chain(index: int) -> None:
    entries = chain(a_morning())
    entries[index], entries[index + 1] = entries[index + 1], entries[index]
    with pytest.raises(ChainBroken):
        verify_chain(entries)


def test_swapping_entries_and_renumbering_them_still_breaks_the_chain() -> None:
    entries = chain(a_morning())
    a, b = entries[1], entries[2]
    entries[1], entries[2] = replace(b, terminal_seq=2), replace(a, terminal_seq=3)
    with pytest.raises(ChainBroken, match="does not link"):
        verify_chain(entries)


def test_an_entry_from_another_chain_does_not_fit() -> None:
    mine = chain(a_morning())
    theirs = chain([replace(e, terminal_id="till-9") for e in a_morning()])
    with pytest.raises(ChainBroken):
        verify_chain([*mine[:3], theirs[3], *mine[4:]])
