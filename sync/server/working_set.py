"""Which members each till holds: its working set, not the chain (issue 12, item 1).

A till holds the members it needs: those seen at its store (or region) within N months, everyone
enrolled there, the chain's top tier ("vip") and anyone it fetched online. The server keeps one
row per (holder, member) in ``working_set``: holders are ``store:<id>``, ``region:<name>``,
``terminal:<id>`` and ``vip``; a till's scope (``terminal.scope``) says which it reads:

* ``chain``: every member, as before (the embedded server's till, a head office);
* ``store``: ``store:<its store>``, ``terminal:<itself>``, ``vip``;
* ``region``: ``region:<its store's region>`` instead of the store (a store without a region is
  a region of its own).

A row's ``change_no`` moves when the member enters (``left`` false) or leaves (``left`` true), so
a pull by cursor (``sync.server.changes``) sends each till the members entering its set — with
an opening balance and recent history, not her whole life — and tells it who left. Rows are
written in the writer's own transaction (push, merge, fetch), under the change counter, so they
become visible in change order like every pulled row. Leaving is ``expire`` (a background job of
the operators: ``loyalty-server expire-working-set``) and a tier change out of the top tier.

Why it matters beyond size (issue 13): member data a till pulls is limited to what it needs;
the working set is that limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, bindparam, cast, func, literal, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from app.core.clock import as_utc
from app.core.errors import LoyaltyError
from app.core.ledger import EntryKind, LedgerEntry
from app.core.program import Program
from sync.protocol import CustomerRecord, MergeRecord
from sync.server import bulk
from sync.server.db import ChangeCounter
from sync.server.models import CustomerRow, ProgramRow, StoreRow, WorkingSetRow

SCOPES = ("chain", "region", "store")
VIP = "vip"
DEFAULT_DAYS = 396  # "within N months": 13 months, so a member who comes once a year is not evicted
_CHUNK = 900


def store_holder(store_id: str) -> str:
    return f"store:{store_id}"


def region_holder(region: str) -> str:
    return f"region:{region}"


def terminal_holder(terminal_id: str) -> str:
    return f"terminal:{terminal_id}"


def holders_for(scope: str, terminal_id: str, store_id: str, region: str | None) -> tuple[str, ...] | None:
    """The holders a till of this scope reads; None: the whole chain."""
    if scope == "store" or (scope == "region" and not region):
        return (store_holder(store_id), terminal_holder(terminal_id), VIP)
    if scope == "region":
        return (region_holder(region or ""), terminal_holder(terminal_id), VIP)
    return None


def vip_tier(session: Session) -> str | None:
    """The active program's top tier, if it has more than one: the chain's VIPs every till holds."""
    body = session.scalar(select(ProgramRow.body).where(ProgramRow.active.is_(True)).limit(1))
    if body is None:
        return None
    try:
        tiers = Program.from_json(body).tiers
    except LoyaltyError:
        return None
    return tiers[-1].name if len(tiers) > 1 else None


def _regions(session: Session, store_ids: Iterable[str]) -> dict[str, str | None]:
    ids = sorted(set(store_ids))
    return dict(session.execute(select(StoreRow.id, StoreRow.region).where(StoreRow.id.in_(ids))).all()) if ids else {}


def _places(session: Session, seen: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """{store id: members} → {holder: members}: the store's holder and its region's."""
    regions = _regions(session, seen)
    out: dict[str, set[str]] = {}
    for store_id, ids in seen.items():
        out.setdefault(store_holder(store_id), set()).update(ids)
        if region := regions.get(store_id):
            out.setdefault(region_holder(region), set()).update(ids)
    return out


def note_push(
    session: Session,
    counter: ChangeCounter,
    entries: Sequence[LedgerEntry],
    customers: Sequence[CustomerRecord],
    now: datetime,
) -> None:
    """A push's members enter (or stay in) the sets of the store and region that saw them, and a
    move into or out of the top tier moves them in or out of every till's set."""
    seen: dict[str, set[str]] = {}
    for e in entries:
        seen.setdefault(e.store_id, set()).add(e.customer_id)
    for c in customers:
        seen.setdefault(c.enrolled_store, set()).add(c.id)
    wanted = _places(session, seen)
    tier_moves = [e for e in entries if e.kind is EntryKind.TIER]
    if tier_moves:
        top = vip_tier(session)
        latest: dict[str, LedgerEntry] = {}
        for e in sorted(tier_moves, key=lambda e: e.created_at):
            latest[e.customer_id] = e
        if top is not None:
            wanted.setdefault(VIP, set()).update(c for c, e in latest.items() if e.tier == top)
            _leave(session, counter, VIP, [c for c, e in latest.items() if e.tier != top])
    for holder, ids in wanted.items():
        enter(session, counter, holder, ids, now)


def note_fetched(session: Session, counter: ChangeCounter, terminal_id: str, ids: Iterable[str], now: datetime) -> None:
    """A member a till looked up online is kept: she enters that till's own set."""
    enter(session, counter, terminal_holder(terminal_id), set(ids), now)


def note_merges(session: Session, counter: ChangeCounter, records: Sequence[MergeRecord], now: datetime) -> None:
    """Two members merged are one member: each enters every set the other is in, so the till that
    holds her gets the placeholder's entries (and the till that served the placeholder gets her)."""
    for r in records:
        if r.kind != "merge":
            continue
        pair = [r.survivor_id, r.duplicate_id]
        rows = session.execute(
            select(WorkingSetRow.holder).where(WorkingSetRow.customer_id.in_(pair), WorkingSetRow.has_left.is_(False))
        )
        for holder in {h for (h,) in rows}:
            enter(session, counter, holder, set(pair), now)


def enter(session: Session, counter: ChangeCounter, holder: str, ids: set[str], now: datetime) -> None:
    """``ids`` are in ``holder``'s set from now: new or returning members get a change number (a pull
    sends them whole), members already in it only a later ``last_seen_at``.

    One read of their rows, then one upsert (``sync.server.bulk``) of the rows that change: a member
    already in the set brings change number 0, which keeps the stored one, and one already seen
    within ``_FRESH`` is not written at all — ``last_seen_at`` only decides who leaves, after
    ``DEFAULT_DAYS``, so rewriting it on every push of a busy store's regulars (a new row version
    and its WAL each time) bought nothing. Every writer holds the change counter's lock, so nobody
    changes these rows between the read and the write.
    """
    if not ids:
        return
    table = WorkingSetRow.__table__
    ordered = sorted(ids)
    state: dict[str, tuple[bool, datetime]] = {}
    for statement in _rows_of(session, holder, ordered):
        state.update((c, (left, seen)) for c, left, seen in session.execute(statement))
    fresh = now - _FRESH
    rows = []
    for c in ordered:
        held = state.get(c)
        if held is not None and held[0] is False and held[1] is not None and as_utc(held[1]) >= fresh:
            continue  # in the set, seen lately: nothing to write
        rows.append(
            {
                "holder": holder,
                "customer_id": c,
                "last_seen_at": now,
                "has_left": False,
                "change_no": 0 if held is not None and held[0] is False else counter.next(),
            }
        )
    existing = {(holder, c) for c in state}
    bulk.upsert(session, table, ["holder", "customer_id"], rows, existing=existing, keep="change_no")


_FRESH = timedelta(hours=1)


def _rows_of(session: Session, holder: str, ids: list[str]) -> Iterable[Select[tuple[str, bool, datetime]]]:
    """The stored (member, has_left, last_seen_at) of ``ids`` in ``holder``'s set.

    On PostgreSQL, a join of the ids (``unnest`` of one array) to the primary key (holder, member):
    one index probe per member, O(batch). Why not ``holder = … AND customer_id = ANY(…)``: the planner
    then read the holder's whole set through ``ix_working_set_holder_change`` and filtered it —
    O(the store's members, and every row version a push left), the push's slowest statement.
    https://www.postgresql.org/docs/15/functions-array.html (unnest)
    """
    table = WorkingSetRow.__table__
    columns = (table.c.customer_id, table.c.has_left, table.c.last_seen_at)
    if bulk.on_postgres(session):
        members = (
            func.unnest(cast(bindparam(None, bulk.array_text(ids)), postgresql.ARRAY(table.c.customer_id.type)))
            .table_valued("id")
            .render_derived(name="member")
        )
        yield (
            select(*columns)
            .select_from(members)
            .join(table, and_(table.c.holder == holder, table.c.customer_id == members.c.id))
        )
        return
    for condition in bulk.among(session, table.c.customer_id, ids):
        yield select(*columns).where(table.c.holder == holder, condition)


def _leave(session: Session, counter: ChangeCounter, holder: str, ids: Sequence[str]) -> None:
    table = WorkingSetRow.__table__
    for cid in ids:
        session.execute(
            update(table)
            .where(table.c.holder == holder, table.c.customer_id == cid, table.c.has_left.is_(False))
            .values(has_left=True, change_no=counter.next())
        )


def expire(session: Session, counter: ChangeCounter, now: datetime, days: int = DEFAULT_DAYS) -> int:
    """Members not seen by a holder for ``days`` leave its set; the VIPs leave by tier, not by time, and
    a member never leaves the set of the store that enrolled her. Returns how many rows left. Their
    tills evict them in the background (``app.services.working_set``)."""
    table, members = WorkingSetRow.__table__, CustomerRow.__table__
    enrolled_here = (
        select(members.c.id)
        .where(members.c.id == table.c.customer_id, literal("store:") + members.c.enrolled_store == table.c.holder)
        .exists()
    )
    gone = session.execute(
        select(table.c.holder, table.c.customer_id)
        .where(
            table.c.has_left.is_(False),
            table.c.holder != VIP,
            table.c.last_seen_at < now - timedelta(days=days),
            ~enrolled_here,
        )
        .order_by(table.c.holder, table.c.customer_id)
    ).all()
    for holder, cid in gone:
        session.execute(
            update(table)
            .where(table.c.holder == holder, table.c.customer_id == cid)
            .values(has_left=True, change_no=counter.next())
        )
    return len(gone)
