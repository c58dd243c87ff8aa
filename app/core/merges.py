"""Which member a merged-away card now belongs to, derived from the merge records alone.

A merge of two members (one person with two cards, enrolled at two tills while
offline) is a fact recorded like a ledger entry: never changed, never deleted;
an undo is a second fact naming the first. Every node (each till, the server)
holds the same set of these facts after sync and derives the same answer from
them, whatever order they arrived in — so nothing is decided by who synced
first, and the ledger itself is never rewritten: entries keep the member they
were made for, and balances are folded through the derived ``merged_into``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class MergeKind(StrEnum):
    MERGE = "merge"
    UNMERGE = "unmerge"  # undoes the merge named in ``undoes``


@dataclass(frozen=True)
class MergeFact:
    id: str
    kind: MergeKind
    survivor_id: str
    duplicate_id: str
    created_at: datetime
    terminal_id: str
    store_id: str
    staff_id: str | None = None
    reason: str = ""
    undoes: str | None = None


def _order(f: MergeFact) -> tuple[datetime, str]:
    return (f.created_at, f.id)


def effective_parents(facts: Iterable[MergeFact]) -> dict[str, str]:
    """duplicate id -> survivor id, for every merge in force.

    A merge is in force unless an undo names it. If one member was merged into two
    others (two tills, offline), the later merge wins. A cycle (A into B at one
    till, B into A at another) is broken by dropping its latest merge, so every
    chain ends at a member that is not merged.
    """
    facts = list(facts)
    undone = {f.undoes for f in facts if f.kind is MergeKind.UNMERGE and f.undoes}
    live = sorted((f for f in facts if f.kind is MergeKind.MERGE and f.id not in undone), key=_order)
    parents: dict[str, str] = {}
    by_dup: dict[str, MergeFact] = {}
    for f in live:  # oldest first: a later merge of the same duplicate replaces an earlier one
        if f.survivor_id == f.duplicate_id:
            continue
        by_dup[f.duplicate_id] = f
        parents[f.duplicate_id] = f.survivor_id
    while True:
        cycle = _find_cycle(parents)
        if not cycle:
            return parents
        latest = max((by_dup[m] for m in cycle), key=_order)
        del parents[latest.duplicate_id]


def _find_cycle(parents: Mapping[str, str]) -> list[str]:
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node in parents and node not in done:
            if node in seen:
                return path[path.index(node) :]
            seen.add(node)
            path.append(node)
            node = parents[node]
        done.update(path)
    return []


def root_of(customer_id: str, parents: Mapping[str, str]) -> str:
    """The member whose balance holds ``customer_id``'s entries (itself if not merged)."""
    seen = {customer_id}
    while customer_id in parents:
        customer_id = parents[customer_id]
        if customer_id in seen:  # cannot happen after effective_parents; never loop forever
            break
        seen.add(customer_id)
    return customer_id
