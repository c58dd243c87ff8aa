"""A till's side of its working set (issue 12): opening balances in, members who left marked.

The server (``sync.server.working_set``) decides which members a till holds; a pulled page brings
each member entering the set with her recent history and an **opening** row (what her older
entries add up to, ``app.core.working_set``), and names those who left. Here:

* ``fresh_in`` — before the page is stored: which entering members this till does not track yet
  (no balance row). Only those take the opening: a member it already holds (fetched online with her
  whole ledger, or held since before) keeps what it has, and the page's entries are merged in by id.
* ``apply_in`` — after the page's entries are stored: the opening row is written and her cached
  balance set to the opening combined with the fold of the entries held here, exactly what
  ``balances.rebuild`` computes. Members who left are marked for eviction; one who comes back
  loses the mark.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from app.core.ledger import Balance, LedgerEntry, fold
from app.core.merges import root_of
from app.core.unknown_cards import is_placeholder
from app.core.working_set import combine
from app.db.models import (
    BalanceOpening,
    BalanceRow,
    Customer,
    CustomerMerge,
    CustomerWord,
    LedgerEntryRow,
    MemberLeft,
    OutboxItem,
    Terminal,
)
from app.services import merges, stats
from app.services.ledger_writer import from_row

if TYPE_CHECKING:
    from app.services.till import Till
    from sync.protocol import BalanceRecord

_FIELDS = [name for name in Balance.__dataclass_fields__ if name != "extra"]
_CHUNK = 900


def fresh_in(s: Session, customer_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(customer_ids))
    have: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        have |= set(s.scalars(select(BalanceRow.customer_id).where(BalanceRow.customer_id.in_(ids[i : i + _CHUNK]))))
    return set(ids) - have


def opening_in(s: Session, customer_id: str) -> Balance | None:
    row = s.get(BalanceOpening, customer_id)
    return None if row is None else Balance(**{name: getattr(row, name) for name in _FIELDS})


def apply_in(s: Session, openings: Sequence[BalanceRecord], left: Sequence[str], fresh: set[str], change: int) -> None:
    """Write the fresh members' openings and set their balances (in bulk: a page brings a thousand)."""
    new = [r for r in openings if r.customer_id in fresh]
    if new:
        ids = [r.customer_id for r in new]
        _delete_in(s, BalanceOpening, BalanceOpening.customer_id, ids)
        s.execute(
            BalanceOpening.__table__.insert(),
            [{**{name: getattr(r, name) for name in _FIELDS}, "customer_id": r.customer_id, "as_of_change": change}
             for r in new],
        )  # fmt: skip
        parents = merges.parents_in(s)
        groups = {cid: merges.group_in(s, cid, parents) if parents else [cid] for cid in ids}
        owner = {member: root for root, group in groups.items() for member in group}
        held: dict[str, list[LedgerEntry]] = {cid: [] for cid in ids}
        members = sorted(owner)
        for i in range(0, len(members), _CHUNK):
            rows = s.scalars(select(LedgerEntryRow).where(LedgerEntryRow.customer_id.in_(members[i : i + _CHUNK])))
            for row in rows:
                held[owner[row.customer_id]].append(from_row(row))
        _delete_in(s, BalanceRow, BalanceRow.customer_id, ids)
        rows = []
        for r in new:
            after = combine(Balance(**{name: getattr(r, name) for name in _FIELDS}), fold(held[r.customer_id]))
            rows.append({"customer_id": r.customer_id, **{name: getattr(after, name) for name in _FIELDS}})
        s.execute(BalanceRow.__table__.insert(), rows)
    _delete_in(s, MemberLeft, MemberLeft.customer_id, [r.customer_id for r in openings])  # she came back
    if left:
        now = datetime.now(UTC)
        marked = set(s.scalars(select(MemberLeft.customer_id).where(MemberLeft.customer_id.in_(list(left)))))
        s.add_all(MemberLeft(customer_id=c, left_at=now) for c in dict.fromkeys(left) if c not in marked)
    s.flush()


def _delete_in(s: Session, model: Any, column: Any, ids: Sequence[str]) -> None:
    for i in range(0, len(ids), _CHUNK):
        s.execute(delete(model).where(column.in_(ids[i : i + _CHUNK])))


# ---------------------------------------------------------------- eviction (a housekeeping job)

EVICT_CHUNK = 100  # members per transaction: a few ms of the write lock each


def evict(till: Till, *, stop: threading.Event | None = None, pause: float = 0.02) -> int:
    """Evict the members the server says left this till's set; returns how many groups went.

    Evicted: her record, its name words, the cached balance and opening row, and the copies of
    *other tills'* entries of hers and of every card merged into her. Kept: this till's own entries
    (the append-only trigger refuses them whatever the code does), merge facts, ratings, tickets.
    Skipped, to be tried again at the next pass: a member with anything of hers still waiting in the
    outbox (an entry, her record, a merge), one enrolled at this till's store, and one who came back
    (her mark is gone). If she comes back later, she arrives whole again with an opening balance
    that counts this till's own entries as held. The back office's summary tables take each
    group's share recomputed from what is left of her ledger (``stats.replace_members``): their
    figures are of the ledger this till holds, and no pass rebuilds the whole till under the lock.
    """
    stop = stop or threading.Event()
    with till.transaction() as s:
        waiting = list(s.scalars(select(MemberLeft.customer_id).where(MemberLeft.evicting.is_(False))))
    done = 0
    for i in range(0, len(waiting), EVICT_CHUNK):
        if stop.is_set():
            break
        with till.transaction() as s:
            for cid in waiting[i : i + EVICT_CHUNK]:
                if _evict_in(s, till, cid):
                    done += 1
        if stop.wait(pause):
            break
    return done


def _evict_in(s: Session, till: Till, customer_id: str) -> bool:
    mark = s.get(MemberLeft, customer_id)
    if mark is None or s.get(Customer, customer_id) is None:
        return False  # she came back meanwhile, or is gone already
    parents = merges.parents_in(s)
    group = merges.group_in(s, root_of(customer_id, parents), parents)
    real = [c for c in group if not is_placeholder(c)]  # a placeholder "enrolled" where her card was served
    if s.scalar(select(Customer.id).where(Customer.id.in_(real), Customer.enrolled_store == till.store_id).limit(1)):
        s.delete(mark)  # enrolled here: kept for good (the server never sends this; a safe answer anyway)
        return False
    if _waiting(s, group):
        return False
    marks = {m.customer_id: m for m in s.scalars(select(MemberLeft).where(MemberLeft.customer_id.in_(group)))}
    now = datetime.now(UTC)
    for cid in group:
        row = marks.get(cid) or MemberLeft(customer_id=cid, left_at=now)
        row.evicting = True
        s.add(row)
    s.flush()
    before = stats.compute(s, group)
    own = select(Terminal.id).where(Terminal.is_self.is_(True))
    s.execute(
        delete(LedgerEntryRow).where(LedgerEntryRow.customer_id.in_(group), LedgerEntryRow.terminal_id.not_in(own))
    )  # the trigger of migration 0012 allows exactly these rows, and only while they are marked
    for model, column in (
        (BalanceRow, BalanceRow.customer_id),
        (BalanceOpening, BalanceOpening.customer_id),
        (CustomerWord, CustomerWord.customer_id),
        (Customer, Customer.id),
    ):
        s.execute(delete(model).where(column.in_(group)))
    # The summary tables: her share recomputed from the entries left (this till's own), not the till's.
    stats.replace_members(s, group, before, stats.compute(s, group))
    for row in s.scalars(select(MemberLeft).where(MemberLeft.customer_id.in_(group))):
        row.evicting = False  # the mark stays: "evicted here", so checks skip her own entries' member
    s.flush()
    return True


def _waiting(s: Session, group: list[str]) -> bool:
    """Anything of hers not yet acknowledged by the server: her record, a merge, an entry."""
    pending = OutboxItem.acked_at.is_(None)
    if s.scalar(select(OutboxItem.id).where(pending, OutboxItem.item_id.in_(group)).limit(1)):
        return True
    entries = select(LedgerEntryRow.id).where(LedgerEntryRow.customer_id.in_(group))
    merged = select(CustomerMerge.id).where(
        or_(CustomerMerge.survivor_id.in_(group), CustomerMerge.duplicate_id.in_(group))
    )
    return (
        s.scalar(
            select(OutboxItem.id)
            .where(pending, or_(OutboxItem.item_id.in_(entries), OutboxItem.item_id.in_(merged)))
            .limit(1)
        )
        is not None
    )


def evicted_in(s: Session) -> set[str]:
    """Members evicted here whose own entries of this till remain (no record, no balance: not held)."""
    return set(
        s.scalars(
            select(MemberLeft.customer_id).where(
                MemberLeft.evicting.is_(False),
                ~select(Customer.id).where(Customer.id == MemberLeft.customer_id).exists(),
            )
        )
    )
