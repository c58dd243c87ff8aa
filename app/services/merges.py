"""Merging two members (one person, two cards) and undoing it, at a till; folding balances through it.

The merge is a fact (``customer_merge``), queued in the outbox and pushed like a
ledger entry; an undo is another fact naming it. Nothing in the ledger is
rewritten: each entry keeps the member it was made for. What changes is where
it is *folded*: the survivor's balance is the fold of its own entries and those
of every member merged into it, and a merged-away member's balance is empty.
Each node derives ``Customer.merged_into`` from the facts it holds
(``app.core.merges``), so a till that learns of a merge late — with entries it
made offline for the merged-away card — ends with the same balances as the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.ids import new_id
from app.core.ledger import Balance, fold
from app.core.merges import MergeFact, MergeKind, effective_parents, root_of
from app.db.models import BalanceRow, Customer, CustomerMerge, Flag, LedgerEntryRow, OutboxItem
from app.services import ledger_writer, stats
from app.services.staff import StaffMember, audit
from app.services.till import Till

MAX_REASON = 500
# How sync ingest words a duplicate_member flag (sync/worker/ingest.py): the pair is read from it.
DUPLICATE_FLAG = re.compile(r"Members (\S+) and (\S+) share")
_BALANCE_FIELDS = [k for k in asdict(Balance()) if k != "extra"]


def fact_of(row: CustomerMerge) -> MergeFact:
    return MergeFact(
        id=row.id,
        kind=MergeKind(row.kind),
        survivor_id=row.survivor_id,
        duplicate_id=row.duplicate_id,
        created_at=row.created_at,
        terminal_id=row.terminal_id,
        store_id=row.store_id,
        staff_id=row.staff_id,
        reason=row.reason,
        undoes=row.undoes,
    )


def facts_in(s: Session) -> list[MergeFact]:
    """Every merge and undo this node holds (a handful per store: read whole)."""
    return [fact_of(r) for r in s.scalars(select(CustomerMerge))]


def parents_in(s: Session) -> dict[str, str]:
    return effective_parents(facts_in(s))


def roots_in(s: Session, customer_ids: Iterable[str]) -> dict[str, str]:
    """Whose balance holds each member's entries (itself unless merged away)."""
    parents = parents_in(s)
    return {cid: root_of(cid, parents) for cid in customer_ids}


def group_in(s: Session, root_id: str, parents: dict[str, str] | None = None) -> list[str]:
    """The member and everyone merged into it, directly or through another merge."""
    parents = parents_in(s) if parents is None else parents
    return [root_id, *sorted(c for c in parents if root_of(c, parents) == root_id and c != root_id)]


def active_merge_of(s: Session, duplicate_id: str) -> MergeFact | None:
    """The merge that holds ``duplicate_id`` merged now, if any (what an undo names)."""
    facts = facts_in(s)
    undone = {f.undoes for f in facts if f.kind is MergeKind.UNMERGE}
    live = [f for f in facts if f.kind is MergeKind.MERGE and f.duplicate_id == duplicate_id and f.id not in undone]
    parents = effective_parents(facts)
    live = [f for f in live if parents.get(duplicate_id) == f.survivor_id]
    return max(live, key=lambda f: (f.created_at, f.id)) if live else None


# -- use cases ----------------------------------------------------------------------------------------


def check_merge(till: Till, survivor_id: str, duplicate_id: str) -> None:
    """What ``merge`` would refuse, without a manager PIN asked first (side-effect free)."""
    if survivor_id == duplicate_id:
        raise InvalidInput("Choose two different members: a member cannot be merged into itself.")
    with till.transaction() as s:
        _checked_pair(s, survivor_id, duplicate_id)


def _checked_pair(s: Session, survivor_id: str, duplicate_id: str) -> tuple[Customer, Customer]:
    survivor, duplicate = s.get(Customer, survivor_id), s.get(Customer, duplicate_id)
    if survivor is None or duplicate is None:
        raise NotFound("No such customer.")
    if survivor.status == "merged":
        raise NotAllowed("{0} was merged into another member; keep that member instead.", name=survivor.name)
    if duplicate.status == "merged":
        raise NotAllowed("{0} is already merged into another member.", name=duplicate.name)
    return survivor, duplicate


def merge(till: Till, survivor_id: str, duplicate_id: str, *, manager: StaffMember, reason: str) -> MergeFact:
    """Fold ``duplicate`` into ``survivor``: both histories kept, one balance, the old card lands on the survivor."""
    if not manager.is_manager:
        raise PermissionDenied("Merging members needs a manager.")
    reason = _reason(reason)
    if survivor_id == duplicate_id:
        raise InvalidInput("Choose two different members: a member cannot be merged into itself.")
    with till.transaction() as s:
        _checked_pair(s, survivor_id, duplicate_id)
        before = {"survivor": _balance_dict(s, survivor_id), "duplicate": _balance_dict(s, duplicate_id)}
        fact = MergeFact(
            id=new_id(),
            kind=MergeKind.MERGE,
            survivor_id=survivor_id,
            duplicate_id=duplicate_id,
            created_at=till.clock(),
            terminal_id=till.terminal_id,
            store_id=till.store_id,
            staff_id=manager.id,
            reason=reason,
        )
        _record(s, fact)
        _settle_duplicate_flags(s, survivor_id, duplicate_id, fact.created_at)
        audit(
            s,
            manager,
            "customer.merge",
            survivor_id,
            before=before,
            after={"merge": fact.id, "duplicate": duplicate_id, "reason": reason,
                   "survivor": _balance_dict(s, survivor_id)},
        )  # fmt: skip
        return fact


def unmerge(till: Till, duplicate_id: str, *, manager: StaffMember, reason: str) -> MergeFact:
    """Undo the merge that holds ``duplicate_id``: each member gets back its own entries' balance."""
    if not manager.is_manager:
        raise PermissionDenied("Undoing a merge needs a manager.")
    reason = _reason(reason)
    with till.transaction() as s:
        merged = active_merge_of(s, duplicate_id)
        if merged is None:
            raise NotFound("This member is not merged into another one.")
        fact = MergeFact(
            id=new_id(),
            kind=MergeKind.UNMERGE,
            survivor_id=merged.survivor_id,
            duplicate_id=duplicate_id,
            created_at=till.clock(),
            terminal_id=till.terminal_id,
            store_id=till.store_id,
            staff_id=manager.id,
            reason=reason,
            undoes=merged.id,
        )
        _record(s, fact)
        audit(
            s,
            manager,
            "customer.unmerge",
            merged.survivor_id,
            before={"merge": merged.id},
            after={
                "unmerge": fact.id,
                "duplicate": duplicate_id,
                "reason": reason,
                "survivor": _balance_dict(s, merged.survivor_id),
                "duplicate_balance": _balance_dict(s, duplicate_id),
            },
        )
        return fact


def _settle_duplicate_flags(s: Session, a: str, b: str, at: datetime) -> None:
    """The sync's "enrolled twice" flags naming both members are settled by their merge."""
    for f in s.scalars(select(Flag).where(Flag.kind == "duplicate_member", Flag.resolved_at.is_(None))):
        m = DUPLICATE_FLAG.search(f.message)
        if m and {a, b} == set(m.groups()):
            f.resolved_at = at


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("Say why.")
    if len(reason) > MAX_REASON:
        raise InvalidInput("The reason is too long (at most {0} characters).", limit=MAX_REASON)
    return reason


def _record(s: Session, fact: MergeFact) -> None:
    s.add(_row(fact))
    s.add(OutboxItem(item_type="merge", item_id=fact.id, created_at=fact.created_at))
    s.flush()
    rederive_in(s)


def _row(fact: MergeFact) -> CustomerMerge:
    data = asdict(fact)
    data["kind"] = fact.kind.value
    return CustomerMerge(**data)


def _balance_dict(s: Session, customer_id: str) -> dict[str, int]:
    b = ledger_writer.balance_of(s.get(BalanceRow, customer_id))
    return {"points": b.points, "stamps": b.stamps}


# -- facts from elsewhere (sync), and the derived state -----------------------------------------------


def store_facts_in(s: Session, facts: Sequence[MergeFact], touched: Sequence[str] = ()) -> int:
    """Facts pulled from the server: stored once each (by id), then the merged state derived again."""
    touched = [*touched, *(x for f in facts for x in (f.survivor_id, f.duplicate_id))]
    if not facts:
        rederive_in(s, touched)
        return 0
    have = set(s.scalars(select(CustomerMerge.id).where(CustomerMerge.id.in_([f.id for f in facts]))))
    new = [f for f in {f.id: f for f in facts}.values() if f.id not in have]
    for f in new:
        s.add(_row(f))
    s.flush()
    rederive_in(s, touched)
    return len(new)


def rederive_in(s: Session, touched: Iterable[str] = ()) -> set[str]:
    """Set every member's ``merged_into`` from the facts, and refold the balances that moved.

    Also run after pulled member records, so a stale copy of a profile (pushed by a till that
    had not heard of the merge) never undoes a merge. A pulled record may already carry the
    merged state the server derived, so the columns do not tell what the balances reflect:
    the groups of ``touched`` members (those of new facts and pulled records) are refolded too.
    """
    facts = facts_in(s)
    if not facts:
        return set()
    parents = effective_parents(facts)
    involved = {f.survivor_id for f in facts} | {f.duplicate_id for f in facts}
    rows = {c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(list(involved))))}
    old_parents = {cid: c.merged_into for cid, c in rows.items() if c.merged_into}
    moved: set[str] = {cid for cid in touched if cid in involved}
    for cid in involved:
        old_root, new_root = root_of(cid, old_parents), root_of(cid, parents)
        if old_root != new_root or cid in moved:
            moved |= {cid, old_root, new_root}
        row = rows.get(cid)
        if row is None:
            continue
        parent = parents.get(cid)
        if row.merged_into != parent or (row.status == "merged") != (parent is not None):
            row.merged_into = parent
            row.status = "merged" if parent else ("active" if row.status == "merged" else row.status)
    s.flush()
    refold_in(s, moved, parents)
    return moved


def refold_in(s: Session, customer_ids: Iterable[str], parents: dict[str, str] | None = None) -> None:
    """Rebuild these members' balance rows (and their groups') from the ledger."""
    customer_ids = set(customer_ids)
    parents = parents_in(s) if parents is None else parents
    roots = {root_of(cid, parents) for cid in customer_ids}
    for root in roots:
        group = group_in(s, root, parents)
        entries = [
            ledger_writer.from_row(r)
            for r in s.scalars(select(LedgerEntryRow).where(LedgerEntryRow.customer_id.in_(group)))
        ]
        for cid in group:
            _write_balance(s, cid, fold(entries) if cid == root else Balance())
    stats.refold_members(s, customer_ids)  # the segments' and the dashboard's rows follow the balances


def _write_balance(s: Session, customer_id: str, balance: Balance) -> None:
    if s.get(Customer, customer_id) is None:
        return  # a member not known here yet: its row comes with its record
    row = s.get(BalanceRow, customer_id)
    if row is None:
        row = BalanceRow(customer_id=customer_id)
        s.add(row)
    for name in _BALANCE_FIELDS:
        setattr(row, name, getattr(balance, name))
    s.flush()
