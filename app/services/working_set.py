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

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.ledger import Balance
from app.db.models import BalanceOpening, BalanceRow, MemberLeft
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
    from app.services import balances  # balances reads the openings written here

    for r in openings:
        if r.customer_id not in fresh:
            continue
        row = s.get(BalanceOpening, r.customer_id) or BalanceOpening(customer_id=r.customer_id)
        for name in _FIELDS:
            setattr(row, name, getattr(r, name))
        row.as_of_change = change
        s.add(row)
    s.flush()
    for r in openings:
        if r.customer_id in fresh:
            after = balances.rebuild(s, r.customer_id)
            cached = s.get(BalanceRow, r.customer_id) or BalanceRow(customer_id=r.customer_id)
            for name in _FIELDS:
                setattr(cached, name, getattr(after, name))
            s.add(cached)
    back = [r.customer_id for r in openings]
    for i in range(0, len(back), _CHUNK):
        s.execute(delete(MemberLeft).where(MemberLeft.customer_id.in_(back[i : i + _CHUNK])))
    if left:
        now = datetime.now(UTC)
        marked = set(s.scalars(select(MemberLeft.customer_id).where(MemberLeft.customer_id.in_(list(left)))))
        s.add_all(MemberLeft(customer_id=c, left_at=now) for c in dict.fromkeys(left) if c not in marked)
    s.flush()
