"""Pull: everything that changed after a cursor, in the server's change order, a page at a time.

A page is read from one snapshot. Its upper bound is the counter as that
snapshot sees it; because writers hold the counter until they commit (see
``sync.server.db``), every change number at or below the bound is already
visible, so advancing the cursor to the bound can never skip a late commit.

Each table contributes its oldest rows after the cursor; the page keeps the
oldest ``limit`` of them overall, and the new cursor is the highest change
number up to which every table was read completely. Rows that change again
(a member's profile, a balance) move to their new number and come again.

Entries of the pulling terminal itself are left out (it has them). Members an
entry of the page refers to are sent along even when their own change number
is later, so a till never holds an entry of a member it does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.core.ledger import EntryKind
from sync.protocol import (
    PULL_KINDS,
    BalanceRecord,
    CustomerRecord,
    EntryRecord,
    FlagRecord,
    ProgramRecord,
    PullResponse,
    RewardRecord,
    StoreRecord,
    TerminalRecord,
)
from sync.server.db import current_change
from sync.server.ledger import Caller, chunks
from sync.server.models import BalanceRow, CustomerRow, EntryRow, FlagRow, ProgramRow, RewardRow, StoreRow, TerminalRow

_RECORDS: dict[str, tuple[Any, type]] = {
    "stores": (StoreRow, StoreRecord),
    "terminals": (TerminalRow, TerminalRecord),
    "programs": (ProgramRow, ProgramRecord),
    "rewards": (RewardRow, RewardRecord),
    "customers": (CustomerRow, CustomerRecord),
    "entries": (EntryRow, EntryRecord),
    "balances": (BalanceRow, BalanceRecord),
    "flags": (FlagRow, FlagRecord),
}


def _converter(record_type: type) -> Callable[[Any], Any]:
    names = list(record_type.model_fields)  # type: ignore[attr-defined]
    # Stored rows were validated on the way in: build the records without validating again,
    # which is what keeps a million-member bootstrap in the minute.
    if record_type is EntryRecord:
        return lambda row: EntryRecord.model_construct(
            **{n: getattr(row, n) for n in names if n != "kind"}, kind=EntryKind(row.kind)
        )
    return lambda row: record_type.model_construct(**{n: getattr(row, n) for n in names})  # type: ignore[attr-defined]


_CONVERT = {kind: _converter(record) for kind, (_model, record) in _RECORDS.items()}


def pull(session: Session, caller: Caller, cursor: int, limit: int, kinds: Sequence[str] = PULL_KINDS) -> PullResponse:
    snapshot = bound = current_change(session)
    if cursor >= bound:
        return PullResponse(cursor=cursor, more=False)
    found: dict[str, list[Any]] = {}
    for kind in kinds:
        model, _record = _RECORDS[kind]
        table = model.__table__
        q: Select[Any] = (
            select(table)  # plain rows, not ORM objects: a bootstrap reads millions
            .where(table.c.change_no > cursor, table.c.change_no <= bound)
            .order_by(table.c.change_no)
            .limit(limit)
        )
        if kind == "entries":
            q = q.where(table.c.terminal_id != caller.terminal_id)
        rows = list(session.execute(q))
        found[kind] = rows
        if len(rows) == limit:  # this table may hold more: the page ends where its read ended
            bound = min(bound, rows[-1].change_no)
    everything = sorted(
        ((row.change_no, kind, row) for kind, rows in found.items() for row in rows if row.change_no <= bound),
        key=lambda t: t[0],
    )
    if len(everything) > limit:
        everything = everything[:limit]
        bound = everything[-1][0]
    page: dict[str, list[Any]] = {kind: [] for kind in PULL_KINDS}
    for _no, kind, row in everything:
        page[kind].append(_CONVERT[kind](row))
    if page["entries"] and "customers" in kinds:
        page["customers"] += _referenced_customers(session, page, bound)
    more = bound < snapshot
    return PullResponse(cursor=bound, more=more, **page)


def _referenced_customers(session: Session, page: dict[str, list[Any]], bound: int) -> list[CustomerRecord]:
    """Members named by this page's entries whose records would otherwise only come in a later page."""
    have = {c.id for c in page["customers"]}
    wanted = list(dict.fromkeys(e.customer_id for e in page["entries"] if e.customer_id not in have))
    extra: list[CustomerRecord] = []
    for part in chunks(wanted):
        table = CustomerRow.__table__
        rows = session.execute(select(table).where(table.c.id.in_(part), table.c.change_no > bound))
        extra += [_CONVERT["customers"](r) for r in rows]
    return extra
