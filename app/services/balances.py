"""Rebuilding balances from the ledger, and checking the cache against it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.ledger import Balance, LedgerEntry, fold, verify_chain
from app.core.working_set import combine
from app.db.models import BalanceRow, LedgerEntryRow
from app.services import merges, working_set
from app.services.ledger_writer import balance_of, from_row


def entries_of(session: Session, customer_id: str) -> list[LedgerEntry]:
    rows = session.scalars(
        select(LedgerEntryRow)
        .where(LedgerEntryRow.customer_id == customer_id)
        .order_by(LedgerEntryRow.created_at, LedgerEntryRow.terminal_id, LedgerEntryRow.terminal_seq)
    )
    return [from_row(r) for r in rows]


def rebuild(session: Session, customer_id: str) -> Balance:
    """The fold of the member's entries and of every member merged into it; empty if merged away.

    A till holding its working set may hold only her recent entries: the rest are summed in her
    opening row (issue 12, ``app.core.working_set``), combined here with the fold of what is held."""
    parents = merges.parents_in(session)
    if customer_id in parents:
        return Balance()
    held = fold(e for cid in merges.group_in(session, customer_id, parents) for e in entries_of(session, cid))
    return combine(working_set.opening_in(session, customer_id), held)


def cached(session: Session, customer_id: str) -> Balance:
    return balance_of(session.get(BalanceRow, customer_id))


def mismatches(session: Session) -> list[tuple[str, Balance, Balance]]:
    """Customers whose cached balance differs from a rebuild: (id, cached, rebuilt)."""
    ids = set(session.scalars(select(BalanceRow.customer_id))) | set(
        session.scalars(select(LedgerEntryRow.customer_id).distinct())
    )
    ids -= working_set.evicted_in(session)  # left the working set: only this till's own entries of hers stay
    out = []
    for cid in sorted(ids):
        c, r = cached(session, cid), rebuild(session, cid)
        if c != r:
            out.append((cid, c, r))
    return out


def verify_terminal_chain(session: Session, terminal_id: str) -> int:
    """Check this terminal's whole chain; returns the last seq, raises ChainBroken."""
    rows = session.scalars(
        select(LedgerEntryRow).where(LedgerEntryRow.terminal_id == terminal_id).order_by(LedgerEntryRow.terminal_seq)
    )
    return verify_chain(from_row(r) for r in rows)
