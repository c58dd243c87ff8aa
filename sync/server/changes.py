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

A till that holds its working set, not the chain (``sync.server.working_set``),
gets only members of its set, their entries and merges; a member entering its
set comes whole in the page where she enters (her record, her group's merges,
her recent history and an opening balance for the rest: ``_entering``), and a
member leaving it is named in ``left``. Its traffic follows its set, not the chain.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Date, Select, exists, or_, select, union_all
from sqlalchemy.orm import Session

from app.core.ledger import Balance, fold, iso_utc
from app.core.merges import effective_parents, root_of
from app.core.working_set import opening_of
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
from sync.server import merges
from sync.server.db import current_change
from sync.server.ledger import Caller, chunks, entry_of
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
    WorkingSetRow,
)
from sync.server.working_set import DEFAULT_DAYS

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
    openings: list[dict[str, Any]] = field(default_factory=list)  # a working-set till's entering members
    left: list[str] = field(default_factory=list)  # … and those who left its set
    scope: str | None = None  # "store" or "region": the till holds its working set

    def encode(self) -> bytes:
        if self.scope is not None:
            body = {"cursor": self.cursor, "more": self.more, **self.records, "openings": self.openings}
            return json.dumps({**body, "left": self.left, "scope": self.scope}, ensure_ascii=False).encode()
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


# Which column names the member, per kind a working-set till gets only for its members.
_MEMBER_COLUMN = {"customers": "id", "entries": "customer_id", "balances": "customer_id"}
# Kinds a working-set till gets for its own store, and for the members it holds.
_MEMBER_OR_STORE = ("flags", "feedback", "tickets", "vouchers")


def in_set(holders: Sequence[str], column: Any, *, entered_by: int | None = None) -> Any:
    """``column`` (a member id) is in the set of one of ``holders`` (the index on (member, holder)).

    ``entered_by``: only if she entered at or before that change number. A pull's ordinary sections
    send the changes of members the till holds already (entered by its cursor); a member entering
    within the page comes whole in her own package (``_entering``), so nothing of hers travels twice.
    """
    ws = WorkingSetRow.__table__
    found = select(ws.c.customer_id).where(
        ws.c.customer_id == column, ws.c.holder.in_(holders), ws.c.has_left.is_(False)
    )
    if entered_by is not None:
        found = found.where(ws.c.change_no <= entered_by)
    return exists(found)


def pull(
    session: Session,
    caller: Caller,
    cursor: int,
    limit: int,
    kinds: Sequence[str] = PULL_KINDS,
    *,
    history_days: int = DEFAULT_DAYS,
) -> Page:
    snapshot = bound = current_change(session)
    holders = caller.holders
    if cursor >= bound:
        return Page(cursor=cursor, more=False, scope=None if holders is None else _scope_of(caller))
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
            if holders is not None and kind == "merges":
                q = q.where(
                    or_(
                        in_set(holders, table.c.survivor_id, entered_by=cursor),
                        in_set(holders, table.c.duplicate_id, entered_by=cursor),
                    )
                )
        if holders is not None and kind in _MEMBER_COLUMN:
            q = q.where(in_set(holders, q.selected_columns[_MEMBER_COLUMN[kind]], entered_by=cursor))
        if holders is not None and kind in _MEMBER_OR_STORE:
            # A scoped till gets its own store's ratings, tickets, vouchers and flags (a guest's
            # too) and those of the members it holds — not the chain's.
            theirs = in_set(holders, table.c.customer_id, entered_by=cursor)
            q = q.where(or_(table.c.store_id == caller.store_id, theirs))
        if kind == "staff":  # PIN hashes go only to the tills of the staff's own store
            q = q.where(table.c.store_id == caller.store_id)
        if kind == "audit":  # a store's audit lines go to its own tills; a till has its own lines already
            q = q.where(table.c.store_id == caller.store_id, table.c.terminal_id != caller.terminal_id)
        rows = list(session.execute(q))
        found[kind] = rows
        if len(rows) == limit:  # this table may hold more: the page ends where its read ended
            bound = min(bound, rows[-1].change_no)
    if holders is not None and "customers" in kinds:
        ws = WorkingSetRow.__table__
        rows = list(
            session.execute(
                select(ws.c.customer_id, ws.c.has_left, ws.c.change_no)
                .where(ws.c.holder.in_(holders), ws.c.change_no > cursor, ws.c.change_no <= bound)
                .order_by(ws.c.change_no)
                .limit(limit)
            )
        )
        found["working_set"] = rows
        if len(rows) == limit:
            bound = min(bound, rows[-1].change_no)
    everything = sorted(
        ((row.change_no, kind, row) for kind, rows in found.items() for row in rows if row.change_no <= bound),
        key=lambda t: t[0],
    )
    if len(everything) > limit:
        everything = everything[:limit]
        bound = everything[-1][0]
    page = Page(cursor=bound, more=bound < snapshot, behind=behind)
    if holders is not None:
        page.scope = _scope_of(caller)
    moved: dict[str, bool] = {}
    for _no, kind, row in everything:
        if kind == "working_set":
            moved[row.customer_id] = row.has_left  # the latest move of hers in this page counts
        else:
            page.records[kind].append(_as_dict(kind, row))
    if moved:
        _entering(session, caller, page, [c for c, gone in moved.items() if not gone], cursor, history_days)
        page.left = _left(session, holders or (), [c for c, gone in moved.items() if gone])
    if page.records["entries"] and "customers" in kinds:
        page.records["customers"] += _referenced_customers(session, page, bound)
    return page


def _scope_of(caller: Caller) -> str:
    return "region" if caller.scope == "region" and caller.region else "store"


def _left(session: Session, holders: Sequence[str], ids: list[str]) -> list[str]:
    """Members who left one of the till's holders and are in none of the others (a VIP seen elsewhere)."""
    ws = WorkingSetRow.__table__
    still: set[str] = set()
    for part in chunks(ids):
        still |= set(
            session.scalars(
                select(ws.c.customer_id).where(
                    ws.c.customer_id.in_(part), ws.c.holder.in_(holders), ws.c.has_left.is_(False)
                )
            )
        )
    return [c for c in ids if c not in still]


def _entering(session: Session, caller: Caller, page: Page, ids: list[str], cursor: int, history_days: int) -> None:
    """Members entering the till's set arrive whole: their group's records and merges, the entries
    of the last ``history_days`` (and any it has not been sent: changed after its cursor), and an
    opening balance for everything older, so the till's balance of her equals the server's although
    its copy of her ledger is partial (``app.core.working_set``)."""
    if not ids:
        return
    bound = page.cursor
    parents = effective_parents(merges.facts(session)) if session.scalar(select(CustomerMergeRow.id).limit(1)) else {}
    roots = {root_of(c, parents) for c in ids}
    group_of = {r: [r] for r in roots}
    for c in parents:
        if (r := root_of(c, parents)) in group_of:
            group_of[r].append(c)
    members = sorted({c for g in group_of.values() for c in g})
    customers, facts, entries = CustomerRow.__table__, CustomerMergeRow.__table__, EntryRow.__table__
    have = {c["id"] for c in page.records["customers"]}
    for part in chunks(members):
        for r in session.execute(select(*_COLUMNS["customers"][0]).where(customers.c.id.in_(part))):
            if r.id not in have:
                page.records["customers"].append(_as_dict("customers", r))
                have.add(r.id)
    have_facts = {m["id"] for m in page.records["merges"]}
    for part in chunks(members):
        rows = session.execute(
            select(*_COLUMNS["merges"][0], facts.c.change_no).where(
                or_(facts.c.survivor_id.in_(part), facts.c.duplicate_id.in_(part)), facts.c.change_no <= bound
            )
        )
        for r in rows:
            if r.id not in have_facts:
                page.records["merges"].append(_as_dict("merges", r))
                have_facts.add(r.id)
    # Her vouchers come with her: one issued at another store is hers to use at this one.
    vouchers = VoucherRow.__table__
    have_codes = {v["code"] for v in page.records["vouchers"]}
    for part in chunks(members):
        rows = session.execute(
            select(*_COLUMNS["vouchers"][0]).where(vouchers.c.customer_id.in_(part), vouchers.c.change_no <= bound)
        )
        for r in rows:
            if r.code not in have_codes:
                page.records["vouchers"].append(_as_dict("vouchers", r))
                have_codes.add(r.code)
    held = HeldEntry.__table__
    not_counted = select(held.c.entry_id).where(or_(held.c.decision.is_(None), held.c.decision == "rejected"))
    since = datetime.now(UTC) - timedelta(days=history_days)
    names = [c.name for c in _COLUMNS["entries"][0]]
    by_member: dict[str, list[Any]] = {}
    for part in chunks(members):
        q = select(entries).where(entries.c.customer_id.in_(part), entries.c.change_no <= bound)
        if session.scalar(select(held.c.entry_id).limit(1)) is not None:
            q = q.where(entries.c.id.not_in(not_counted))
        for r in session.execute(q):
            by_member.setdefault(r.customer_id, []).append(r)
    sent = {e["id"] for e in page.records["entries"]}
    for root, group in group_of.items():
        rows = [r for c in group for r in by_member.get(c, ())]
        shipped = [
            r for r in rows if r.terminal_id != caller.terminal_id and (r.created_at >= since or r.change_no > cursor)
        ]
        own = [r for r in rows if r.terminal_id == caller.terminal_id]
        full = fold(entry_of(r) for r in rows)
        opening = opening_of(full, fold(entry_of(r) for r in [*shipped, *own]))
        page.openings.append(_opening_record(root, opening))  # even a zero one: it says "she entered"
        for r in sorted(shipped, key=lambda r: r.change_no):
            if r.id not in sent:
                data = {n: r._mapping[n] for n in names}
                for n in _COLUMNS["entries"][1]:
                    data[n] = iso_utc(data[n]) if data[n] is not None else None
                page.records["entries"].append(data)
                sent.add(r.id)


def _opening_record(customer_id: str, b: Balance) -> dict[str, Any]:
    """Only the fields that are not zero (the record's defaults): most members entering a set have
    all their history in it, and their opening says no more than "she entered"."""
    data: dict[str, Any] = {"customer_id": customer_id}
    for name in ("points", "stamps", "lifetime_points", "lifetime_spend", "visits", "redeemed_points", "entry_count"):
        if value := getattr(b, name):
            data[name] = value
    if b.last_visit_at:
        data["last_visit_at"] = iso_utc(b.last_visit_at)
    if b.tier is not None or b.tier_since is not None:
        data["tier"] = b.tier
        data["tier_since"] = iso_utc(b.tier_since) if b.tier_since else None
    return data


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
