"""Ledger entries, their hash chain, and the balance they add up to.

The ledger is the only truth: a balance is a fold over a customer's entries,
and the cached balance in the database must always equal that fold. Entries are
never changed; a correction is a new ``reverse`` or ``adjust`` entry.

Each terminal chains its own entries: ``hash = SHA-256(prev_hash || canonical
bytes)``, with ``terminal_seq`` counting 1, 2, 3 … without gaps. The server can
then prove that nothing was lost, inserted or altered between a till and it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.core.clock import as_utc
from app.core.errors import ChainBroken

GENESIS_HASH = "0" * 64


class EntryKind(StrEnum):
    EARN = "earn"
    REDEEM = "redeem"
    BONUS = "bonus"  # welcome, birthday, referral
    ADJUST = "adjust"  # manager correction with a reason
    EXPIRE = "expire"
    REVERSE = "reverse"  # cancels the entry named in ``reverses`` (fully or in part)
    TIER = "tier"  # a tier change (upgrade at earn time, downgrade at the yearly review)


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    terminal_id: str
    store_id: str
    terminal_seq: int
    customer_id: str
    kind: EntryKind
    created_at: datetime
    points: int = 0
    stamps: int = 0
    # Points that count toward the tier's rolling qualifying figure (earned points, and
    # their reversals); bonuses and adjustments do not qualify.
    qualifying: int = 0
    amount: int | None = None  # the bill, minor units
    currency: str = "VND"
    reward_id: str | None = None
    receipt_source: str | None = None
    receipt_id: str | None = None
    program_version: int = 0
    staff_id: str | None = None
    reason: str = ""
    reverses: str | None = None
    tier: str | None = None  # the new tier, on TIER entries
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def canonical_bytes(self) -> bytes:
        """The exact bytes the hash covers. Changing this breaks every chain: version it."""
        return canonical_bytes(self)

    def sealed(self, prev_hash: str) -> LedgerEntry:
        """This entry linked after ``prev_hash``, with its own hash filled in."""
        # The hashed fields leave out prev_hash and hash: one copy is enough (bulk paths seal thousands).
        return replace(self, prev_hash=prev_hash, hash=chain_hash(prev_hash, self))


HASHED_FIELDS = (
    "id",
    "terminal_id",
    "store_id",
    "terminal_seq",
    "customer_id",
    "kind",
    "created_at",
    "points",
    "stamps",
    "qualifying",
    "amount",
    "currency",
    "reward_id",
    "receipt_source",
    "receipt_id",
    "program_version",
    "staff_id",
    "reason",
    "reverses",
    "tier",
)


def iso_utc(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_bytes(entry: LedgerEntry) -> bytes:
    data: dict[str, object] = {}
    for name in HASHED_FIELDS:
        value = getattr(entry, name)
        if isinstance(value, datetime):
            value = iso_utc(value)
        elif isinstance(value, EntryKind):
            value = value.value
        data[name] = value
    return _CANONICAL(data).encode()


# ``json.dumps`` with any non-default option builds a new encoder per call; this one is made once.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def chain_hash(prev_hash: str, entry: LedgerEntry) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_bytes(entry)).hexdigest()


def verify_chain(entries: Iterable[LedgerEntry], *, start_seq: int = 1, start_hash: str = GENESIS_HASH) -> int:
    """Check one terminal's entries in seq order; return the last seq. Raises ChainBroken."""
    expected_seq, prev = start_seq, start_hash
    last = start_seq - 1
    for e in entries:
        if e.terminal_seq != expected_seq:
            raise ChainBroken(
                "Terminal {0}: expected entry #{2}, found #{1}.",
                terminal_id=e.terminal_id,
                seq=e.terminal_seq,
                expected=expected_seq,
            )
        if e.prev_hash != prev or chain_hash(prev, e) != e.hash:
            raise ChainBroken(
                "Terminal {0}: entry #{1} does not link to the one before (it was altered or one is missing).",
                terminal_id=e.terminal_id,
                seq=e.terminal_seq,
            )
        prev, last = e.hash, e.terminal_seq
        expected_seq += 1
    return last


# The reason an earn carries when it is a sale but not a visit: it earned nothing (a bill below the
# smallest earning step, or a slip of the finger) and the program does not count such sales as visits
# (``Program.zero_earn_is_visit``). The marker is in the entry itself, so every fold (till, server,
# rebuild) agrees without knowing the program, and a later change of the setting never rewrites history.
NOT_A_VISIT = "not a visit: earned nothing"


def is_visit(entry: LedgerEntry) -> bool:
    """Whether this entry is a visit: an earn, unless it was written as a sale that is not one."""
    return entry.kind is EntryKind.EARN and entry.reason != NOT_A_VISIT


@dataclass(frozen=True)
class Balance:
    """A customer's standing: the cache row, and what a rebuild from the ledger yields."""

    points: int = 0
    stamps: int = 0  # all stamps held; full cards = stamps // card_size (extras roll over)
    lifetime_points: int = 0  # points ever earned or granted (never lowered by spending)
    lifetime_spend: int = 0  # sum of earning bills, minor units
    visits: int = 0
    last_visit_at: datetime | None = None
    tier: str | None = None  # None = the program's base tier
    tier_since: datetime | None = None
    redeemed_points: int = 0
    entry_count: int = 0
    extra: dict[str, int] = field(default_factory=dict, compare=False)


def apply_entry(balance: Balance, entry: LedgerEntry, reversed_entry: LedgerEntry | None = None) -> Balance:
    """Fold one entry into a balance. ``reversed_entry`` is the original of a REVERSE.

    Why visits move with reversals: a voided sale was not a visit, so reports of
    repeat rate must not count it.
    """
    points = balance.points + entry.points
    stamps = balance.stamps + entry.stamps
    lifetime = balance.lifetime_points + max(entry.points, 0) * (
        entry.kind in (EntryKind.EARN, EntryKind.BONUS, EntryKind.ADJUST)
    )
    spend, visits, last_visit = balance.lifetime_spend, balance.visits, balance.last_visit_at
    redeemed = balance.redeemed_points
    tier, tier_since = balance.tier, balance.tier_since
    if entry.kind is EntryKind.EARN:
        spend += entry.amount or 0
        if is_visit(entry):
            visits += 1
            if last_visit is None or entry.created_at > last_visit:
                last_visit = entry.created_at
    elif entry.kind is EntryKind.REDEEM:
        redeemed += -entry.points
    elif entry.kind is EntryKind.TIER and (tier_since is None or entry.created_at >= tier_since):
        # The latest change wins whatever order synced entries arrive in.
        tier, tier_since = entry.tier, entry.created_at
    elif entry.kind is EntryKind.REVERSE and reversed_entry is not None:
        if reversed_entry.kind is EntryKind.EARN:
            # A partial reversal returns part of the bill; only a full one undoes the visit.
            spend -= entry.amount if entry.amount is not None else (reversed_entry.amount or 0)
            if (
                is_visit(reversed_entry)
                and entry.points == -reversed_entry.points
                and entry.stamps == -reversed_entry.stamps
                and (entry.amount is None or entry.amount == reversed_entry.amount)
            ):
                visits -= 1
        elif reversed_entry.kind is EntryKind.REDEEM:
            redeemed -= entry.points
        if reversed_entry.kind in (EntryKind.EARN, EntryKind.BONUS, EntryKind.ADJUST):
            lifetime += min(entry.points, 0)
    return Balance(
        points=points,
        stamps=stamps,
        lifetime_points=lifetime,
        lifetime_spend=spend,
        visits=visits,
        last_visit_at=last_visit,
        tier=tier,
        tier_since=tier_since,
        redeemed_points=redeemed,
        entry_count=balance.entry_count + 1,
    )


def fold(entries: Iterable[LedgerEntry]) -> Balance:
    """Rebuild a balance from a customer's entries, in whatever order they arrived.

    Synced entries from other tills can arrive in any order, so the fold must not
    depend on it: sums commute, the latest tier change wins, and a reversal finds
    its original among all the entries rather than only the earlier ones. Two tier changes
    at the same moment are settled by a fixed order (time, terminal, seq), not by arrival.
    """
    items = sorted(entries, key=lambda e: (e.created_at, e.terminal_id, e.terminal_seq, e.id))
    by_id = {e.id: e for e in items}
    balance = Balance()
    for e in items:
        balance = apply_entry(balance, e, by_id.get(e.reverses) if e.reverses else None)
    return balance
