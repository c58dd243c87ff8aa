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

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, Select, or_, select, union_all
from sqlalchemy.orm import Session

from app.core.ledger import iso_utc
from sync.protocol import (
    PULL_KINDS,
    AuditRecord,
    BalanceRecord,
    CustomerRecord,
    EntryRecord,
    FeedbackRecord,
    FlagRecord,
    MergeRecord,
    ProgramRecord,
    PullResponse,
    RewardRecord,
    StaffRecord,
    StoreRecord,
    TerminalRecord,
    TicketRecord,
    VoucherRecord,
)
from sync.server.db import current_change
from sync.server.ledger import Caller, chunks
from sync.server.models import (
    AuditRow,
    BalanceRow,
    CustomerMergeRow,
    CustomerRow,
    EntryRow,
    FeedbackRow,
    FlagRow,
    HeldEntry,
    ProgramRow,
    RewardRow,
    StaffRow,
    StoreRow,
    TerminalRow,
    TicketRow,
    UTCDateTime,
    VoucherRow,
)

_RECORDS: dict[str, tuple[Any, type]] = {
    "stores": (StoreRow, StoreRecord),
    "terminals": (TerminalRow, TerminalRecord),
    "programs": (ProgramRow, ProgramRecord),
    "rewards": (RewardRow, RewardRecord),
    "customers": (CustomerRow, CustomerRecord),
    "entries": (EntryRow, EntryRecord),
    "balances": (BalanceRow, BalanceRecord),
    "flags": (FlagRow, FlagRecord),
    "merges": (CustomerMergeRow, MergeRecord),
    "feedback": (FeedbackRow, FeedbackRecord),
    "tickets": (TicketRow, TicketRecord),
    "vouchers": (VoucherRow, VoucherRecord),
    "staff": (StaffRow, StaffRecord),
    "audit": (AuditRow, AuditRecord),
}


@dataclass
class Page:
    """A page of changes as plain dicts, shaped exactly as ``PullResponse`` (which the tills validate)."""

    cursor: int
    more: bool
    behind: int = 0  # change numbers the caller was behind when it asked (the operators' pull lag)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in PULL_KINDS})

    def encode(self) -> bytes:
        # Built by hand rather than through pydantic models: a bootstrap sends millions of records.
        return json.dumps({"cursor": self.cursor, "more": self.more, **self.records}, ensure_ascii=False).encode()

    def response(self) -> PullResponse:
        return PullResponse.model_validate_json(self.encode())


def _columns(kind: str) -> tuple[list[Any], list[str]]:
    model, record = _RECORDS[kind]
    table = model.__table__
    names = [n for n in record.model_fields if n in table.c]  # a ticket's ``changed`` is push-only
    times = [n for n in names if isinstance(table.c[n].type, UTCDateTime)]
    return [table.c[n] for n in names], times


_COLUMNS = {kind: _columns(kind) for kind in _RECORDS}
# Calendar days (a reward's first and last day) travel as ISO dates.
_DAYS = {
    kind: [c.name for c in cols if isinstance(c.type, Date) and not isinstance(c.type, UTCDateTime)]
    for kind, (cols, _times) in _COLUMNS.items()
}


def _as_dict(kind: str, row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    for name in _COLUMNS[kind][1]:
        if data[name] is not None:
            data[name] = iso_utc(data[name])
    for name in _DAYS[kind]:
        if data[name] is not None:
            data[name] = data[name].isoformat()
    data.pop("change_no", None)
    return data


def pull(session: Session, caller: Caller, cursor: int, limit: int, kinds: Sequence[str] = PULL_KINDS) -> Page:
    snapshot = bound = current_change(session)
    if cursor >= bound:
        return Page(cursor=cursor, more=False)
    behind = snapshot - cursor
    found: dict[str, list[Any]] = {}
    for kind in kinds:
        model, _record = _RECORDS[kind]
        table = model.__table__
        if kind == "entries" and session.scalar(select(HeldEntry.entry_id).limit(1)) is not None:
            q = _entries_query(caller, cursor, bound, limit)
        else:
            q = (
                select(*_COLUMNS[kind][0], table.c.change_no)  # plain rows, not ORM objects
                .where(table.c.change_no > cursor, table.c.change_no <= bound)
                .order_by(table.c.change_no)
                .limit(limit)
            )
            if kind == "entries":  # no till was ever quarantined: the plain, index-ordered read
                q = q.where(table.c.terminal_id != caller.terminal_id)
        if kind == "staff":  # PIN hashes go only to the tills of the staff's own store
            q = q.where(table.c.store_id == caller.store_id)
        if kind == "audit":  # a store's audit lines go to its own tills; a till has its own lines already
            q = q.where(table.c.store_id == caller.store_id, table.c.terminal_id != caller.terminal_id)
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
    page = Page(cursor=bound, more=bound < snapshot, behind=behind)
    for _no, kind, row in everything:
        page.records[kind].append(_as_dict(kind, row))
    if page.records["entries"] and "customers" in kinds:
        page.records["customers"] += _referenced_customers(session, page, bound)
    return page


def _entries_query(caller: Caller, cursor: int, bound: int, limit: int) -> Select[Any]:
    """Other tills' entries after the cursor, without those held for review (a quarantined till's); an
    entry a manager released comes at its release's change number."""
    table, held = EntryRow.__table__, HeldEntry.__table__
    not_counted = select(held.c.entry_id).where(or_(held.c.decision.is_(None), held.c.decision == "rejected"))
    ordinary = select(*_COLUMNS["entries"][0], table.c.change_no.label("change_no")).where(
        table.c.change_no > cursor,
        table.c.change_no <= bound,
        table.c.terminal_id != caller.terminal_id,
        table.c.id.not_in(not_counted),
    )
    released = (
        select(*_COLUMNS["entries"][0], held.c.change_no.label("change_no"))
        .join(held, held.c.entry_id == table.c.id)
        .where(
            held.c.decision == "released",
            held.c.change_no > cursor,
            held.c.change_no <= bound,
            table.c.terminal_id != caller.terminal_id,
        )
    )
    both = union_all(ordinary, released).subquery()
    return select(*both.c).order_by(both.c.change_no).limit(limit)


def _referenced_customers(session: Session, page: Page, bound: int) -> list[dict[str, Any]]:
    """Members named by this page's entries whose records would otherwise only come in a later page."""
    have = {c["id"] for c in page.records["customers"]}
    wanted = list(dict.fromkeys(e["customer_id"] for e in page.records["entries"] if e["customer_id"] not in have))
    extra: list[dict[str, Any]] = []
    table = CustomerRow.__table__
    for part in chunks(wanted):
        rows = session.execute(select(*_COLUMNS["customers"][0]).where(table.c.id.in_(part), table.c.change_no > bound))
        extra += [_as_dict("customers", r) for r in rows]
    return extra
