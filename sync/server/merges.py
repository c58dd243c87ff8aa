"""Member merges on the server: stored once as facts, folded into the chain's balances.

The server derives who is merged into whom from the facts alone
(``app.core.merges``), exactly as every till does, and folds a merged-away
member's entries — including ones a till made offline after the merge, for the
old card — into the survivor's balance. A member record pushed by a till that
had not heard of the merge cannot undo it: after every upsert the merged state
is derived again from the facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.ledger import Balance, LedgerEntry, fold
from app.core.merges import MergeFact, MergeKind, effective_parents, root_of
from sync.protocol import MergeRecord
from sync.server.db import ChangeCounter
from sync.server.errors import FlagSpec, Refused
from sync.server.models import BalanceRow, CustomerMergeRow, CustomerRow, EntryRow, not_counted_ids

_FACT_FIELDS = [f.name for f in fields(MergeFact)]
_BALANCE_FIELDS = [k for k in asdict(Balance()) if k != "extra"]


def check_ownership(terminal_id: str, store_id: str, records: Sequence[MergeRecord]) -> None:
    """A till records merges as itself only, like its entries."""
    for r in records:
        if r.terminal_id != terminal_id or r.store_id != store_id:
            raise Refused(
                403,
                "forbidden",
                f"Merge {r.id} claims terminal {r.terminal_id} of store {r.store_id}, but this token belongs to "
                f"terminal {terminal_id} of store {store_id}: a till may only send its own records.",
                FlagSpec(
                    kind="forbidden_write",
                    message=f"Terminal {terminal_id} tried to push a member merge as {r.terminal_id}; refused.",
                    dedupe_key=f"forbidden-merge:{terminal_id}:{r.terminal_id}:{r.store_id}"[:200],
                    store_id=store_id,
                    terminal_id=terminal_id,
                ),
            )
        if r.kind == "unmerge" and not r.undoes:
            raise Refused(422, "invalid_request", f"Undo {r.id} does not name the merge it undoes.")


def _fact(row: CustomerMergeRow) -> MergeFact:
    data = {name: getattr(row, name) for name in _FACT_FIELDS}
    data["kind"] = MergeKind(row.kind)
    return MergeFact(**data)


def facts(session: Session) -> list[MergeFact]:
    return [_fact(r) for r in session.scalars(select(CustomerMergeRow))]


def holders(session: Session, customer_ids: Iterable[str]) -> dict[str, str]:
    """Whose balance folds each member's entries (itself unless merged away)."""
    parents = effective_parents(facts(session)) if session.scalar(select(CustomerMergeRow.id).limit(1)) else {}
    return {cid: root_of(cid, parents) for cid in customer_ids}


def settle(
    session: Session,
    counter: ChangeCounter,
    records: Sequence[MergeRecord],
    customer_ids: Sequence[str],
    now: datetime,
) -> None:
    """Store the batch's new merge facts, derive the merged state again, refold the balances that moved."""
    if records:
        have = set(session.scalars(select(CustomerMergeRow.id).where(CustomerMergeRow.id.in_([r.id for r in records]))))
        for r in {r.id: r for r in records}.values():
            if r.id not in have:
                session.add(
                    CustomerMergeRow(
                        **{name: getattr(r, name) for name in MergeRecord.model_fields},
                        received_at=now,
                        change_no=counter.next(),
                    )
                )
        session.flush()
    elif not customer_ids or not session.scalar(
        select(CustomerMergeRow.id)
        .where(or_(CustomerMergeRow.duplicate_id.in_(customer_ids), CustomerMergeRow.survivor_id.in_(customer_ids)))
        .limit(1)
    ):
        return  # no member of this batch was ever merged: nothing to derive
    touched = {*customer_ids, *(x for r in records for x in (r.survivor_id, r.duplicate_id))}
    _rederive(session, counter, touched)


def _rederive(session: Session, counter: ChangeCounter, touched: set[str]) -> None:
    """A pushed record may carry the merged state already, so the columns alone do not say what the
    balances reflect: the groups of the batch's members and merges are refolded as well."""
    known = facts(session)
    parents = effective_parents(known)
    involved = {f.survivor_id for f in known} | {f.duplicate_id for f in known}
    rows = {c.id: c for c in session.scalars(select(CustomerRow).where(CustomerRow.id.in_(list(involved))))}
    old_parents = {cid: c.merged_into for cid, c in rows.items() if c.merged_into}
    moved: set[str] = set()
    for cid in involved:
        old_root, new_root = root_of(cid, old_parents), root_of(cid, parents)
        if old_root != new_root or cid in touched:
            moved |= {old_root, new_root}
        row = rows.get(cid)
        parent = parents.get(cid)
        if row is not None and (row.merged_into != parent or (row.status == "merged") != (parent is not None)):
            row.merged_into = parent
            row.status = "merged" if parent else ("active" if row.status == "merged" else row.status)
            row.change_no = counter.next()
    session.flush()
    for root in {root_of(cid, parents) for cid in moved}:
        group = [root, *(c for c in parents if root_of(c, parents) == root)]
        rows = session.execute(  # held entries (a quarantined till's, refused ones) count nowhere
            select(EntryRow.__table__).where(EntryRow.customer_id.in_(group), EntryRow.id.not_in(not_counted_ids()))
        )
        entries = [_entry(r) for r in rows]
        for cid in group:
            _write_balance(session, counter, cid, fold(entries) if cid == root else Balance())


def _entry(row: Any) -> LedgerEntry:
    from sync.server.ledger import entry_of  # ledger imports this module

    return entry_of(row)


def _write_balance(session: Session, counter: ChangeCounter, customer_id: str, balance: Balance) -> None:
    row = session.get(BalanceRow, customer_id)
    if row is None:
        row = BalanceRow(customer_id=customer_id)
        session.add(row)
    for name in _BALANCE_FIELDS:
        setattr(row, name, getattr(balance, name))
    row.change_no = counter.next()
    session.flush()
