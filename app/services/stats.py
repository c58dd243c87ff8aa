"""The back office's summary tables, kept in the writer's own transaction (issue 8's benchmark targets).

At a million members the dashboard and the segments cannot read the period's earns,
their reversals and the POS receipts at every call (65 s and 209 s in the first
benchmark). Three tables hold what they sum instead (``app.db.models``):

- ``day_store_stats``: per local day and store, visits, points issued / redeemed /
  expired, member / non-member bills and spend, ratings — the dashboard's sums and series;
- ``member_day_stats``: per local day, store and member, live visits and their net
  bills — the per-member figures of a period (repeat rate, the 20/80 share);
- ``member_stats``: per member, visits, first visit and bill, the last two visits and
  the spend of the last twelve calendar months — the segments;
- ``day_reward_stats``: per local day, store and reward, the redemptions not reversed —
  the dashboard's most redeemed rewards;
- ``home_tier_stats``: per home store and tier, the members and their outstanding points —
  kept by SQLite triggers on ``customer`` and ``balance`` (``HOME_TIER_TRIGGERS``), since
  enrolments, merges, the sync and every balance write change them.
- ``member_store_stats``: per member and store, the day of the last visit there — the dashboard's
  active members of one store; kept by SQLite triggers on ``member_day_stats``
  (``MEMBER_STORE_TRIGGERS``), so whatever adds a member-day row keeps it.

Every write path calls one function of this module in its transaction (the ledger
writer, the sync ingest of other tills' entries, the POS receipts, merges, the
ratings), so the tables are never behind the ledger. The definitions are the reports' (see
``app.services.reports.visits``): a visit is an earn not voided nor refunded in full,
unless it was written as a sale that is no visit (``app.core.ledger.NOT_A_VISIT``: no visit, no spend);
visits and receipts count on the day of the sale, points on the day of the entry;
a merged-away member's visits belong to the survivor.

Local days are in each store's zone (a zone corrected after sales needs ``rebuild``).
The common write — one earn at this till — costs three UPSERTs (one per table); the
rare ones (a reversal of a sale, a merge) recompute the member from the ledger.
``rebuild_in`` recomputes everything from the ledger and the receipts, and
``differences`` compares the kept tables with that recomputation:

    python -m app.services.stats rebuild --home DIR
    python -m app.services.stats check --home DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Engine, String, TextClause, bindparam, delete, inspect, select, text, tuple_, type_coerce
from sqlalchemy.orm import Session, aliased

from app.core.ledger import NOT_A_VISIT, EntryKind, LedgerEntry, is_visit
from app.db.models import (
    DayRewardStats,
    DayStoreStats,
    Feedback,
    HomeTierStats,
    LedgerEntryRow,
    MemberDayStats,
    MemberStats,
    MemberStoreStats,
    MemberStoreWindowStats,
    MemberWindowStats,
    Receipt,
    StatsWindow,
    Store,
)
from app.db.types import UTCDateTime

E = LedgerEntryRow
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"  # the store table's default
BUCKETS = 12  # months of spend kept per member (the VIP segment's window)
DAY_FIELDS = (
    "visits",
    "points_issued",
    "points_redeemed",
    "points_expired",
    "member_bills",
    "member_spend",
    "non_member_bills",
    "non_member_spend",
    "rating_sum",
    "ratings",
)
ISSUING = (EntryKind.EARN.value, EntryKind.BONUS.value, EntryKind.ADJUST.value)
SPEND_COLUMNS = tuple(f"spend_{i}" for i in range(BUCKETS))
MEMBER_COLUMNS = ("visits", "first_visit", "first_bill", "last_visit", "prev_visit", "spend_month", *SPEND_COLUMNS)


# -- local days ----------------------------------------------------------------------------------------
_zones: WeakKeyDictionary[Engine, dict[str, ZoneInfo]] = WeakKeyDictionary()


def _zone(s: Session, store_id: str) -> ZoneInfo:
    """The store's zone (cached per database: it is read at every write)."""
    bind = s.get_bind()
    cache = _zones.setdefault(bind.engine, {})
    zone = cache.get(store_id)
    if zone is None:
        name = s.scalar(select(Store.timezone).where(Store.id == store_id))
        zone = ZoneInfo(name or DEFAULT_ZONE)
        if name:  # an unknown store (a placeholder until its record comes) is not remembered
            cache[store_id] = zone
    return zone


class _Days:
    """Local days of many moments (a bulk write's): each store's zone read once, each minute's day
    worked out once (zones are whole minutes off UTC)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.zones: dict[str, ZoneInfo] = {}
        self.days: dict[tuple[str, datetime], date] = {}

    def __call__(self, moment: datetime, store_id: str) -> date:
        key = (store_id, moment.replace(second=0, microsecond=0))
        day = self.days.get(key)
        if day is None:
            zone = self.zones.get(store_id)
            if zone is None:
                zone = self.zones[store_id] = _zone(self.s, store_id)
            day = self.days[key] = moment.astimezone(zone).date()
        return day


def month_number(day: date) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic."""
    return day.year * 12 + day.month - 1


def window_start(month: int) -> int:
    """The first month of the twelve that end with ``month`` (the VIP segment's window)."""
    return month - (BUCKETS - 1)


# -- what one fact adds --------------------------------------------------------------------------------
def points_of(kind: str, points: int, original_kind: str | None) -> tuple[int, int, int]:
    """(issued, redeemed, expired) of one entry, as the dashboard defines them.

    Issued: earns, bonuses and positive corrections, less what reversals of those take back;
    redeemed: redemptions less the ones undone; expired: expiries.
    """
    issued = redeemed = expired = 0
    given = kind in ISSUING and points > 0
    taken_back = kind == EntryKind.REVERSE.value and original_kind in ISSUING and points < 0
    if given or taken_back:
        issued = points
    if kind == EntryKind.REDEEM.value or (kind == EntryKind.REVERSE.value and original_kind == EntryKind.REDEEM.value):
        redeemed = -points
    if kind == EntryKind.EXPIRE.value:
        expired = -points
    return issued, redeemed, expired


def earn_is_visit(reason: str | None) -> bool:
    """Whether an earn row is a visit at all: a sale that earned nothing is written with the reason
    ``NOT_A_VISIT`` when the program says it is no visit (``app.core.ledger.is_visit``); it then
    counts neither as a visit nor as spend, as ``app.services.reports.visits.live_earns`` filters it."""
    return reason != NOT_A_VISIT


def visit_of(amount: int | None, refunds: Iterable[int | None]) -> tuple[int, int]:
    """(1, net bill) if an earn is a visit given its reversals' amounts, else (0, 0).

    A reversal without an amount is a void; refunds adding up to the whole bill undo the
    visit too (``app.services.reports.visits.live_earns`` says the same in SQL).
    """
    refunds = list(refunds)
    if any(r is None for r in refunds):
        return 0, 0
    bill = amount or 0
    net = bill - sum(r or 0 for r in refunds)
    return (1, net) if bill <= 0 or net > 0 else (0, 0)


def sale_of(total: int, tip: int, refunds: Iterable[tuple[str, int]]) -> tuple[int, int]:
    """(1, net) for a POS sale that counts, else (0, 0): voided or refunded in full does not.

    ``refunds``: (kind, total - tip) of the refund and void receipts naming the sale; refunds
    carry negative totals; tips never count.
    """
    net = total - tip
    for kind, back in refunds:
        if kind == "void":
            return 0, 0
        if kind == "refund":
            net += back
    return (1, net) if net > 0 else (0, 0)


# -- the statements ------------------------------------------------------------------------------------
# INSERT … ON CONFLICT DO UPDATE, in the spelling SQLite (3.24+) and PostgreSQL share:
# https://www.sqlite.org/lang_upsert.html — "the UPDATE uses the values of the row before the
# update … the special 'excluded.' table qualifier refers to the row that would have been inserted".
_DAY_UPSERT = text(
    f"INSERT INTO day_store_stats (day, store_id, {', '.join(DAY_FIELDS)}) "
    f"VALUES (:day, :store_id, {', '.join(':' + f for f in DAY_FIELDS)}) "
    "ON CONFLICT (day, store_id) DO UPDATE SET "
    + ", ".join(f"{f} = day_store_stats.{f} + excluded.{f}" for f in DAY_FIELDS)
).bindparams(bindparam("day", type_=Date()))
_REWARD_UPSERT = text(
    "INSERT INTO day_reward_stats (day, store_id, reward_id, redemptions) "
    "VALUES (:day, :store_id, :reward_id, :redemptions) "
    "ON CONFLICT (day, store_id, reward_id) DO UPDATE SET "
    "redemptions = day_reward_stats.redemptions + excluded.redemptions"
).bindparams(bindparam("day", type_=Date()))
_MEMBER_DAY_UPSERT = text(
    "INSERT INTO member_day_stats (day, store_id, customer_id, visits, spend) "
    "VALUES (:day, :store_id, :customer_id, :visits, :spend) "
    "ON CONFLICT (day, store_id, customer_id) DO UPDATE SET "
    "visits = member_day_stats.visits + excluded.visits, spend = member_day_stats.spend + excluded.spend"
).bindparams(bindparam("day", type_=Date()))


def _member_upsert() -> TextClause:
    """One more live visit at ``:t`` with net bill ``:n`` in month ``:w`` (``:b_i``: ``:n`` in its bucket).

    The twelve buckets roll forward: moving from month L to a later month W empties the
    buckets of months L+1 … W (``:k_i`` = (W - i) mod 12 < W - L), which held months that
    left the window; a visit twelve or more months before L changes no bucket.
    """
    m = "member_stats"
    sets = [
        f"visits = {m}.visits + 1",
        f"first_bill = CASE WHEN {m}.first_visit IS NULL OR :t < {m}.first_visit THEN :n ELSE {m}.first_bill END",
        f"first_visit = CASE WHEN {m}.first_visit IS NULL OR :t < {m}.first_visit THEN :t ELSE {m}.first_visit END",
        f"prev_visit = CASE WHEN {m}.last_visit IS NULL THEN NULL WHEN :t >= {m}.last_visit THEN {m}.last_visit "
        f"WHEN {m}.prev_visit IS NULL OR :t > {m}.prev_visit THEN :t ELSE {m}.prev_visit END",
        f"last_visit = CASE WHEN {m}.last_visit IS NULL OR :t >= {m}.last_visit THEN :t ELSE {m}.last_visit END",
        f"spend_month = CASE WHEN :w > {m}.spend_month THEN :w ELSE {m}.spend_month END",
    ]
    for i in range(BUCKETS):
        sets.append(
            f"spend_{i} = CASE WHEN :k_{i} < :w - {m}.spend_month THEN 0 ELSE {m}.spend_{i} END "
            f"+ CASE WHEN :w > {m}.spend_month - {BUCKETS} THEN :b_{i} ELSE 0 END"
        )
    return text(
        f"INSERT INTO {m} (customer_id, {', '.join(MEMBER_COLUMNS)}, spend_at, spend_12m) "
        f"VALUES (:customer_id, 1, :t, :n, :t, NULL, :w, {', '.join(f':b_{i}' for i in range(BUCKETS))}, :w, :n) "
        f"ON CONFLICT (customer_id) DO UPDATE SET {', '.join(sets)}"
    ).bindparams(bindparam("t", type_=UTCDateTime()))


_MEMBER_UPSERT = _member_upsert()


def spend_window_sql(row: str, month: str) -> str:
    """SQL: the spend of ``row``'s buckets in the twelve months ending with ``month`` (SQL expressions).

    Bucket i holds month ``spend_month - (spend_month - i) % 12`` (see ``MemberStats``); the buckets
    of months outside the window count nothing. ``app.services.segments.spend_12m`` says the same.
    """
    parts = []
    for i in range(BUCKETS):
        bucket_month = f"({row}.spend_month - ({row}.spend_month - {i}) % {BUCKETS})"
        parts.append(
            f"CASE WHEN {bucket_month} BETWEEN ({month}) - {BUCKETS - 1} AND ({month}) THEN {row}.spend_{i} ELSE 0 END"
        )
    return " + ".join(parts)


# ``spend_12m`` follows the buckets: after any change of them the window ends with the later of
# ``spend_at`` and ``spend_month``. "UPDATE OF column-name … fires only if column-name appears on the
# left-hand side of … the SET clause" (https://sqlite.org/lang_createtrigger.html): the roll forward,
# which sets only spend_at and spend_12m, does not fire it. The UPSERT's DO UPDATE does (tested:
# test_stats, a sale after the roll). Inserted rows bring their own (``_Member.row``, the VALUES).
SPEND_TRIGGER_NAME = "member_stats_spend_12m"
_AT = "MAX(NEW.spend_at, NEW.spend_month)"
SPEND_TRIGGER = (
    f"CREATE TRIGGER {SPEND_TRIGGER_NAME} AFTER UPDATE OF spend_month, "
    + ", ".join(SPEND_COLUMNS)
    + f" ON member_stats BEGIN UPDATE member_stats SET spend_at = {_AT}, spend_12m = {spend_window_sql('NEW', _AT)} "
    "WHERE customer_id = NEW.customer_id; END"
)


def roll_spend_forward(s: Session, month: int, *, batch: int = 50_000) -> int:
    """Move up to ``batch`` members' ``spend_12m`` to the window ending with ``month``; returns how many.

    Called by the segments' report in short transactions of its own (the first report of a month
    moves every member; the till's writes wait at most one batch).
    """
    q = text(
        f"UPDATE member_stats SET spend_at = :m, spend_12m = {spend_window_sql('member_stats', ':m')} "
        "WHERE customer_id IN (SELECT customer_id FROM member_stats WHERE spend_at < :m LIMIT :n)"
    )
    return int(s.execute(q, {"m": month, "n": batch}).rowcount or 0)


def _member_params(customer_id: str, at: datetime, net: int, month: int) -> dict[str, Any]:
    params: dict[str, Any] = {"customer_id": customer_id, "t": at, "n": net, "w": month}
    for i in range(BUCKETS):
        params[f"k_{i}"] = (month - i) % BUCKETS
        params[f"b_{i}"] = net if i == month % BUCKETS else 0
    return params


class _Deltas:
    """Additions to the day and member-day tables, summed per key, written with one statement each."""

    def __init__(self) -> None:
        self.days: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0] * len(DAY_FIELDS))
        self.member_days: dict[tuple[date, str, str], list[int]] = defaultdict(lambda: [0, 0])
        self.members: list[dict[str, Any]] = []
        self.rewards: dict[tuple[date, str, str], int] = defaultdict(int)

    def day(self, day: date, store_id: str, **values: int) -> None:
        row = self.days[(day, store_id)]
        for name, value in values.items():
            row[DAY_FIELDS.index(name)] += value

    def write(self, s: Session) -> None:
        days = [
            {"day": d, "store_id": st, **dict(zip(DAY_FIELDS, v, strict=True))}
            for (d, st), v in self.days.items()
            if any(v)
        ]
        member_days = [
            {"day": d, "store_id": st, "customer_id": c, "visits": v, "spend": n}
            for (d, st, c), (v, n) in self.member_days.items()
            if v or n
        ]
        rewards = [
            {"day": d, "store_id": st, "reward_id": r, "redemptions": n} for (d, st, r), n in self.rewards.items() if n
        ]
        writes = [
            (_DAY_UPSERT, days),
            (_MEMBER_DAY_UPSERT, member_days),
            (_MEMBER_UPSERT, self.members),
            (_REWARD_UPSERT, rewards),
        ]
        connection = s.connection()
        if connection.dialect.name != "sqlite":
            for statement, rows in writes:
                if rows:
                    s.execute(statement, rows)
            return
        # The award's path: the statements go straight to the driver on the session's connection
        # (inside its transaction). Through ``Session.execute`` each costs about 70 µs of
        # SQLAlchemy for 40 µs of SQLite; here the values are put in SQLite's stored forms by hand
        # (``_sqlite_value``: what the column types would bind). sqlite3's named parameters:
        # https://docs.python.org/3/library/sqlite3.html#sqlite3-placeholders
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            for statement, rows in writes:
                if rows:
                    cursor.executemany(statement.text, [{k: _sqlite_value(v) for k, v in r.items()} for r in rows])
        finally:
            cursor.close()


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy binds it on SQLite: a moment as UTC text with microseconds (``UTCDateTime``
    on SQLAlchemy's ``DATETIME``), a day as ``YYYY-MM-DD`` (``DATE``); both sort as text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


# -- hooks of the write paths --------------------------------------------------------------------------
def entry_stored(s: Session, entry: LedgerEntry, holder: str, original: LedgerEntry | None) -> None:
    """``ledger_writer.store``: one entry of this till, in the sale's transaction.

    The award's path: an entry just made here cannot have been reversed yet (a reversal names
    an entry its till already holds), so an earn is one more visit — three UPSERTs, no read.
    """
    if entry.kind is EntryKind.REVERSE:
        originals = {original.id: original} if original else {}
        entries_stored(s, [entry], holders={entry.customer_id: holder}, originals=originals)
        return
    d = _Deltas()
    day = entry.created_at.astimezone(_zone(s, entry.store_id)).date()
    issued, redeemed, expired = points_of(entry.kind.value, entry.points, None)
    if is_visit(entry):
        net = visit_of(entry.amount, ())[1]
        d.day(day, entry.store_id, visits=1, points_issued=issued)
        d.member_days[(day, entry.store_id, holder)] = [1, net]
        d.members.append(_member_params(holder, entry.created_at, net, month_number(day)))
    elif issued or redeemed or expired:  # a sale that is no visit still issues its points, if any
        d.day(day, entry.store_id, points_issued=issued, points_redeemed=redeemed, points_expired=expired)
    if entry.kind is EntryKind.REDEEM and entry.reward_id:
        d.rewards[(day, entry.store_id, entry.reward_id)] += 1
    d.write(s)


def entries_stored(
    s: Session,
    entries: Sequence[LedgerEntry],
    *,
    holders: Mapping[str, str] | None = None,
    originals: Mapping[str, LedgerEntry] | None = None,
) -> None:
    """Entries just written (this till's, in bulk, or other tills' from the sync), already in the table."""
    if not entries:
        return
    from app.services import merges

    if holders is None or any(e.customer_id not in holders for e in entries):
        holders = {**merges.roots_in(s, {e.customer_id for e in entries}), **(holders or {})}
    new_ids = {e.id for e in entries}
    wanted = {e.reverses for e in entries if e.reverses} - set(originals or {}) - new_ids
    found = (
        {
            r.id: r
            for r in s.execute(
                select(E.id, E.kind, E.store_id, E.created_at, E.amount, E.customer_id, E.reason, E.reward_id).where(
                    E.id.in_(wanted)
                )
            )
        }
        if wanted
        else {}
    )
    kinds = {**{i: r.kind for i, r in found.items()}, **{i: o.kind.value for i, o in (originals or {}).items()}}
    kinds.update({e.id: e.kind.value for e in entries})
    d = _Deltas()
    day_of = _Days(s)
    earns = {e.id: e for e in entries if is_visit(e)}
    # The sales whose visit a reversal of this batch touches, and those of the batch already reversed.
    touched = {e.reverses for e in entries if e.kind is EntryKind.REVERSE and kinds.get(e.reverses or "") == "earn"}
    reversals = _reversals_of(s, set(earns) | touched)
    refold: set[str] = set()
    for e in entries:
        issued, redeemed, expired = points_of(e.kind.value, e.points, kinds.get(e.reverses or ""))
        if issued or redeemed or expired:
            day = day_of(e.created_at, e.store_id)
            d.day(day, e.store_id, points_issued=issued, points_redeemed=redeemed, points_expired=expired)
    for earn_id in touched | set(earns):
        earn = earns.get(earn_id)
        row = earn or found.get(earn_id) or (originals or {}).get(earn_id)
        if row is None:
            continue  # a reversal of a sale not here yet: counted when the sale comes
        if not earn_is_visit(row.reason):
            continue  # the reversal of a sale that was no visit changes no visit
        revs = reversals.get(earn_id, [])
        after = visit_of(row.amount, (a for _, a in revs))
        before = (0, 0) if earn else visit_of(row.amount, (a for rid, a in revs if rid not in new_ids))
        store_id, at = row.store_id, row.created_at
        day = day_of(at, store_id)
        if after[0] != before[0]:
            d.day(day, store_id, visits=after[0] - before[0])
        customer = holders.get(row.customer_id) or merges.roots_in(s, [row.customer_id])[row.customer_id]
        if earn is not None and not revs and customer not in refold:
            d.member_days[(day, store_id, customer)][0] += 1
            d.member_days[(day, store_id, customer)][1] += after[1]
            d.members.append(_member_params(customer, at, after[1], month_number(day)))
        else:
            refold.add(customer)
    _rewards_counted(s, entries, found, originals or {}, new_ids, d)
    if refold:  # a member being recomputed takes none of the quick additions
        d.members = [m for m in d.members if m["customer_id"] not in refold]
        for key in [k for k in d.member_days if k[2] in refold]:
            del d.member_days[key]
    d.write(s)
    if refold:
        refold_members(s, refold)


def _rewards_counted(
    s: Session,
    entries: Sequence[LedgerEntry],
    found: Mapping[str, Any],
    originals: Mapping[str, LedgerEntry],
    new_ids: set[str],
    d: _Deltas,
) -> None:
    """Redemptions of a reward that this batch makes count or stop counting (a redemption, its reversal).

    A redemption counts while nothing reverses it: before and after the batch are compared, so a
    reversal arriving before its redemption (the sync's order) and a second reversal count nothing.
    """
    batch = {e.id: e for e in entries if e.kind is EntryKind.REDEEM and e.reward_id}
    touched = {e.reverses for e in entries if e.kind is EntryKind.REVERSE and e.reverses} - set(batch)
    rows: dict[str, Any] = dict(batch)
    for rid in touched:
        row = found.get(rid) or originals.get(rid)
        kind = getattr(row, "kind", None)
        if row is not None and getattr(kind, "value", kind) == EntryKind.REDEEM.value and row.reward_id:
            rows[rid] = row
    if not rows:
        return
    reversals = _reversals_of(s, set(rows))
    for rid, row in rows.items():
        revs = reversals.get(rid, [])
        after = 0 if revs else 1
        before = 0 if rid in batch or any(r not in new_ids for r, _ in revs) else 1
        if after != before:
            day = row.created_at.astimezone(_zone(s, row.store_id)).date()
            d.rewards[(day, row.store_id, row.reward_id)] += after - before


def _reversals_of(s: Session, earn_ids: set[str]) -> dict[str, list[tuple[str, int | None]]]:
    out: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    ids = sorted(earn_ids)
    for start in range(0, len(ids), 500):
        q = select(E.reverses, E.id, E.amount).where(
            E.kind == EntryKind.REVERSE.value, E.reverses.in_(ids[start : start + 500])
        )
        for earn_id, rid, amount in s.execute(q):
            out[earn_id].append((rid, amount))
    return out


def sales_added(s: Session, rows: Sequence[Any], members: Mapping[str, str] | None = None) -> None:
    """POS sales just stored (ORM rows or the bulk insert's dicts); ``members``: row id -> member claimed."""
    if not rows:
        return
    get = (lambda r, k: r.get(k)) if isinstance(rows[0], Mapping) else getattr
    members = members or {}
    refunds = _refunds_of(s, {(get(r, "source"), get(r, "store_id"), get(r, "external_id")) for r in rows})
    d = _Deltas()
    day_of = _Days(s)
    for r in rows:
        counted, net = sale_of(
            get(r, "total"),
            get(r, "tip") or 0,
            refunds.get((get(r, "source"), get(r, "store_id"), get(r, "external_id")), []),
        )
        if counted:
            member = get(r, "customer_id") or members.get(get(r, "id"))
            day = day_of(get(r, "closed_at"), get(r, "store_id"))
            if member:
                d.day(day, get(r, "store_id"), member_bills=1, member_spend=net)
            else:
                d.day(day, get(r, "store_id"), non_member_bills=1, non_member_spend=net)
    d.write(s)


def sale_claimed(s: Session, sale: Receipt) -> None:
    """A stored sale was attached to a member: its bill moves from non-member to member."""
    counted, net = sale_of(sale.total, sale.tip, _refunds_of(s, {_key(sale)}).get(_key(sale), []))
    if counted:
        d = _Deltas()
        day = sale.closed_at.astimezone(_zone(s, sale.store_id)).date()
        d.day(day, sale.store_id, member_bills=1, member_spend=net, non_member_bills=-1, non_member_spend=-net)
        d.write(s)


def refund_added(s: Session, row: Receipt) -> None:
    """A refund or void receipt just stored (and linked to its sale, if found): the sale counts less."""
    if row.kind not in ("refund", "void") or not row.refund_of:
        return
    key = (row.source, row.store_id, row.refund_of)
    sale = s.execute(
        select(Receipt.total, Receipt.tip, Receipt.closed_at, Receipt.customer_id).where(
            Receipt.source == key[0], Receipt.store_id == key[1], Receipt.external_id == key[2], Receipt.kind == "sale"
        )
    ).first()
    if sale is None:
        return  # counted with the sale when it comes
    refunds = _refunds_of(s, {key}, with_ids=True).get(key, [])
    after = sale_of(sale.total, sale.tip, ((k, b) for _, k, b in refunds))
    before = sale_of(sale.total, sale.tip, ((k, b) for rid, k, b in refunds if rid != row.id))
    if after != before:
        d = _Deltas()
        day = sale.closed_at.astimezone(_zone(s, key[1])).date()
        prefix = "member" if sale.customer_id else "non_member"
        d.day(day, key[1], **{f"{prefix}_bills": after[0] - before[0], f"{prefix}_spend": after[1] - before[1]})
        d.write(s)


def _key(r: Receipt) -> tuple[str, str, str]:
    return (r.source, r.store_id, r.external_id)


def _refunds_of(
    s: Session, keys: set[tuple[str, str, str]], *, with_ids: bool = False
) -> dict[tuple[str, str, str], list[Any]]:
    """(kind, total - tip) — with ``with_ids`` (id, kind, total - tip) — of the refunds and voids naming each sale.

    One query per source and store with a plain ``refund_of IN (…)``: the index
    ``ix_receipt_refund_of (source, store_id, refund_of)`` answers it with one seek per sale.
    A row-value ``(source, store_id, refund_of) IN (…)`` was read by scanning the table instead
    (``EXPLAIN QUERY PLAN``; tests/pos_apply/test_receipt_queries.py checks every apply query's
    plan), which made a big export quadratic.
    """
    out: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    by_place: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, store_id, sale in keys:
        by_place[(source, store_id)].append(sale)
    for (source, store_id), sales in by_place.items():
        sales.sort()
        for start in range(0, len(sales), 500):
            q = select(Receipt.refund_of, Receipt.id, Receipt.kind, Receipt.total - Receipt.tip).where(
                Receipt.source == source,
                Receipt.store_id == store_id,
                Receipt.refund_of.in_(sales[start : start + 500]),
                Receipt.kind.in_(("refund", "void")),
            )
            for sale, rid, kind, back in s.execute(q):
                out[(source, store_id, sale)].append((rid, kind, int(back)) if with_ids else (kind, int(back)))
    return out


def ratings_added(s: Session, rows: Sequence[Feedback]) -> None:
    """Ratings just stored (the feedback screen's, or other tills' from the sync)."""
    d = _Deltas()
    for r in rows:
        day = r.created_at.astimezone(_zone(s, r.store_id)).date()
        d.day(day, r.store_id, rating_sum=r.rating, ratings=1)
    d.write(s)


# -- members recomputed from the ledger (a reversed sale, a merge) ------------------------------------
@dataclass
class _Member:
    """One member's visit facts while they are gathered (a rebuild, a refold)."""

    visits: int = 0
    first: tuple[datetime, str] | None = None
    first_bill: int = 0
    last: datetime | None = None
    prev: datetime | None = None
    month: int = 0
    spend: dict[int, int] = field(default_factory=dict)  # month -> net bills

    def add(self, at: datetime, entry_id: str, net: int, month: int) -> None:
        self.visits += 1
        if self.first is None or (at, entry_id) < self.first:
            self.first, self.first_bill = (at, entry_id), net
        if self.last is None or at >= self.last:
            self.prev, self.last = self.last, at
        elif self.prev is None or at > self.prev:
            self.prev = at
        self.month = max(self.month, month)
        self.spend[month] = self.spend.get(month, 0) + net

    def row(self, customer_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "customer_id": customer_id,
            "visits": self.visits,
            "first_visit": _moment(self.first[0]) if self.first else None,
            "first_bill": self.first_bill,
            "last_visit": _moment(self.last),
            "prev_visit": _moment(self.prev),
            "spend_month": self.month,
        }
        for i in range(BUCKETS):
            bucket_month = self.month - (self.month - i) % BUCKETS
            out[f"spend_{i}"] = self.spend.get(bucket_month, 0)
        out["spend_at"] = self.month
        out["spend_12m"] = sum(out[c] for c in SPEND_COLUMNS)  # every bucket is in the window ending now
        return out


def _moment(value: datetime | str | None) -> datetime | None:
    """A moment as the rebuild reads it: SQLite's stored text (fixed width, so it sorts), or a datetime."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value


def refold_members(s: Session, customer_ids: Iterable[str]) -> None:
    """Recompute the member rows of these members' groups (after a merge, its undo, a reversed sale).

    ``app.services.merges.refold_in`` calls this with every member whose holder may have
    changed: their member-day rows, under whichever member of the group they were kept,
    are removed, and the holders' rows written again from the ledger.
    """
    from app.core.merges import root_of
    from app.services import merges

    parents = merges.parents_in(s)
    ids = set(customer_ids)
    roots = {root_of(c, parents) for c in ids}
    everyone = ids | {c for root in roots for c in merges.group_in(s, root, parents)}
    earns = s.execute(
        select(E.id, E.customer_id, E.store_id, E.created_at, E.amount, E.reason).where(
            E.customer_id.in_(sorted(everyone)), E.kind == EntryKind.EARN.value
        )
    ).all()
    reversals = _reversals_of(s, {e.id for e in earns})
    old_keys = set()
    facts: dict[str, _Member] = {}
    member_days: dict[tuple[date, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for e in earns:
        day = e.created_at.astimezone(_zone(s, e.store_id)).date()
        old_keys |= {(day, e.store_id, c) for c in everyone}
        live, net = visit_of(e.amount, (a for _, a in reversals.get(e.id, [])))
        root = root_of(e.customer_id, parents)
        if live and earn_is_visit(e.reason) and root in roots:
            facts.setdefault(root, _Member()).add(e.created_at, e.id, net, month_number(day))
            member_days[(day, e.store_id, root)][0] += 1
            member_days[(day, e.store_id, root)][1] += net
    s.execute(delete(MemberStats).where(MemberStats.customer_id.in_(sorted(everyone))))
    keys = sorted(old_keys)
    for start in range(0, len(keys), 300):
        s.execute(
            delete(MemberDayStats).where(
                tuple_(MemberDayStats.day, MemberDayStats.store_id, MemberDayStats.customer_id).in_(
                    keys[start : start + 300]
                )
            )
        )
    if facts:
        s.execute(MemberStats.__table__.insert(), [m.row(c) for c, m in facts.items()])
    rows = [
        {"day": d, "store_id": st, "customer_id": c, "visits": v, "spend": n}
        for (d, st, c), (v, n) in member_days.items()
    ]
    # Their last day at each store: cleared here, made again by the triggers as the rows go in.
    s.execute(delete(MemberStoreStats).where(MemberStoreStats.customer_id.in_(sorted(everyone))))
    if rows:
        s.execute(MemberDayStats.__table__.insert(), rows)


# -- rebuild and check ---------------------------------------------------------------------------------
@dataclass
class Computed:
    """The three tables as the ledger and the receipts say they should be (rows of zeros left out)."""

    days: dict[tuple[date, str], tuple[int, ...]]
    member_days: dict[tuple[date, str, str], tuple[int, int]]
    members: dict[str, dict[str, Any]]
    rewards: dict[tuple[date, str, str], int] = field(default_factory=dict)
    homes: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    stores: dict[tuple[str, str], date] = field(default_factory=dict)  # (member, store): last day of a visit
    window: dict[str, tuple[int, int]] = field(default_factory=dict)  # member: visits, spend of the window's days
    store_window: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (store, member): the same


def compute(s: Session, members: Collection[str] | None = None) -> Computed:
    """Everything from the ledger and the receipts, in one pass over each (minutes at a million members).

    With ``members`` (a merge group, whole): only what those members' ledger entries make — their
    share of the day and reward rows, their member rows — and nothing of the receipts, ratings or
    home tiers. ``replace_members`` uses it to recompute one member instead of the till.
    """
    from app.core.merges import root_of
    from app.services import merges

    parents = merges.parents_in(s)
    zones = {sid: ZoneInfo(tz or DEFAULT_ZONE) for sid, tz in s.execute(select(Store.id, Store.timezone))}
    # On SQLite the moments are read as the stored text ("YYYY-MM-DD HH:MM:SS.ffffff", UTC): millions
    # of rows are not parsed one by one; a minute's local day is worked out once (zones are whole
    # minutes off UTC), and only each member's first and last visits become datetimes.
    raw = s.get_bind().dialect.name == "sqlite"
    cache: dict[tuple[str, str], date] = {}

    def moment(column: Any) -> Any:
        return type_coerce(column, String) if raw else column

    def day_of(store_id: str, at: datetime | str) -> date:
        zone = zones.get(store_id) or ZoneInfo(DEFAULT_ZONE)
        if not isinstance(at, str):
            return at.astimezone(zone).date()
        key = (store_id, at[:16])
        day = cache.get(key)
        if day is None:
            minute = datetime.fromisoformat(at[:16]).replace(tzinfo=UTC)
            day = cache[key] = minute.astimezone(zone).date()
        return day

    days: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0] * len(DAY_FIELDS))
    reversals: dict[str, list[int | None]] = defaultdict(list)
    only = list(members) if members is not None else None

    def mine(q: Any) -> Any:
        return q if only is None else q.where(E.customer_id.in_(only))

    q = mine(select(E.reverses, E.amount).where(E.kind == EntryKind.REVERSE.value, E.reverses.is_not(None)))
    for earn_id, amount in s.execute(q):
        reversals[earn_id].append(amount)
    orig = aliased(E)
    points = mine(
        select(moment(E.created_at), E.store_id, E.kind, E.points, orig.kind)
        .outerjoin(orig, orig.id == E.reverses)
        .where(E.kind != EntryKind.EARN.value, E.points != 0)
    )
    for at, store_id, kind, pts, original_kind in _stream(s, points):
        issued, redeemed, expired = points_of(kind, pts, original_kind)
        if issued or redeemed or expired:
            row = days[(day_of(store_id, at), store_id)]
            row[1] += issued
            row[2] += redeemed
            row[3] += expired
    held: dict[str, _Member] = {}
    member_days: dict[tuple[date, str, str], list[int]] = defaultdict(lambda: [0, 0])
    earns = mine(
        select(E.id, E.customer_id, E.store_id, moment(E.created_at), E.amount, E.points, E.reason).where(
            E.kind == EntryKind.EARN.value
        )
    )
    for entry_id, customer_id, store_id, at, amount, pts, reason in _stream(s, earns):
        day = day_of(store_id, at)
        row = days[(day, store_id)]
        row[1] += pts if pts > 0 else 0
        live, net = visit_of(amount, reversals.get(entry_id, ()))
        if not live or not earn_is_visit(reason):
            continue
        row[0] += 1
        holder = root_of(customer_id, parents) if parents else customer_id
        m = held.get(holder)
        if m is None:
            m = held[holder] = _Member()
        m.add(at, entry_id, net, month_number(day))
        md = member_days[(day, store_id, holder)]
        md[0] += 1
        md[1] += net
    if only is None:  # the receipts' and ratings' shares: not the ledger's, left out for a few members
        refunds: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
        q = select(
            Receipt.source, Receipt.store_id, Receipt.refund_of, Receipt.kind, Receipt.total - Receipt.tip
        ).where(Receipt.kind.in_(("refund", "void")), Receipt.refund_of != "")
        for source, store_id, sale, kind, back in s.execute(q):
            refunds[(source, store_id, sale)].append((kind, int(back)))
        sales = select(
            Receipt.source,
            Receipt.store_id,
            Receipt.external_id,
            moment(Receipt.closed_at),
            Receipt.total,
            Receipt.tip,
            Receipt.customer_id.is_not(None),
        ).where(Receipt.kind == "sale")
        for source, store_id, external_id, at, total, tip, member in _stream(s, sales):
            counted, net = sale_of(total, tip, refunds.get((source, store_id, external_id), ()))
            if counted:
                row = days[(day_of(store_id, at), store_id)]
                row[4 if member else 6] += 1
                row[5 if member else 7] += net
        for store_id, at, rating in _stream(s, select(Feedback.store_id, moment(Feedback.created_at), Feedback.rating)):
            row = days[(day_of(store_id, at), store_id)]
            row[8] += rating
            row[9] += 1
    rewards: dict[tuple[date, str, str], int] = defaultdict(int)
    redeemed = mine(
        select(E.id, E.store_id, moment(E.created_at), E.reward_id).where(
            E.kind == EntryKind.REDEEM.value, E.reward_id.is_not(None)
        )
    )
    for entry_id, store_id, at, reward_id in _stream(s, redeemed):
        if entry_id not in reversals:
            rewards[(day_of(store_id, at), store_id, reward_id)] += 1
    last_days: dict[tuple[str, str], date] = {}
    for (day, store_id, holder), (n, _) in member_days.items():
        if n > 0 and day > last_days.get((holder, store_id), date.min):
            last_days[(holder, store_id)] = day
    days_kept = window_of(s) if _has_table(s, StatsWindow) else None
    window: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    store_window: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    if days_kept is not None:
        for (day, store_id, holder), (n, net) in member_days.items():
            if days_kept[0] <= day <= days_kept[1]:
                for sums in (window[holder], store_window[(store_id, holder)]):
                    sums[0] += n
                    sums[1] += net
    return Computed(
        days={k: tuple(v) for k, v in days.items() if any(v)},
        member_days={k: (v[0], v[1]) for k, v in member_days.items() if v[0] or v[1]},
        members={c: _comparable(m.row(c)) for c, m in held.items()},
        rewards=dict(rewards),
        homes=_homes(s) if only is None else {},
        stores=last_days,
        window={k: (v[0], v[1]) for k, v in window.items() if any(v)},
        store_window={k: (v[0], v[1]) for k, v in store_window.items() if any(v)},
    )


def _comparable(row: dict[str, Any]) -> dict[str, Any]:
    """A member row without its rolling 12-month spend (checked apart: ``_spend_differences``)."""
    return {k: v for k, v in row.items() if k not in ("spend_at", "spend_12m")}


def _spend_differences(s: Session, limit: int) -> list[str]:
    """Members whose ``spend_12m`` is not the spend of the window ending with their ``spend_at``."""
    q = text(
        "SELECT customer_id, spend_at, spend_month, spend_12m, "
        f"{spend_window_sql('member_stats', 'spend_at')} FROM member_stats WHERE spend_at < spend_month OR "
        f"spend_12m != {spend_window_sql('member_stats', 'spend_at')} LIMIT :n"
    )
    return [
        f"members {c}: spend_12m {have} at month {at} (last spend month {month}), the buckets say {want}"
        for c, at, month, have, want in s.execute(q, {"n": limit})
    ]


def _homes(s: Session) -> dict[tuple[str, str], tuple[int, int]]:
    """Members not merged away and their points, per home store and tier, from the member and balance rows."""
    q = text(
        "SELECT c.enrolled_store, COALESCE(b.tier, ''), COUNT(*), COALESCE(SUM(b.points), 0) FROM customer c "
        "LEFT JOIN balance b ON b.customer_id = c.id WHERE c.status != 'merged' GROUP BY 1, 2"
    )
    return {(st, tier): (int(n), int(p)) for st, tier, n, p in s.execute(q) if n}


# SQLite triggers that keep ``home_tier_stats`` (created by migration 0009): every change of a
# member row (enrolment, merge, its undo, a new home store) or of a balance row moves the member
# between (home store, tier) rows. A member counts once, merged-away members not at all; one
# without a balance row counts in tier '' with no points. UPSERT in a trigger and INSERT … SELECT
# … WHERE … ON CONFLICT: https://www.sqlite.org/lang_upsert.html ("the SELECT statement must have a
# WHERE clause" to parse), https://www.sqlite.org/lang_createtrigger.html (OLD and NEW).
def _bump(store: str, tier: str, members: str, points: str, source: str) -> str:
    return (
        f"INSERT INTO home_tier_stats (store_id, tier, members, points) SELECT {store}, {tier}, {members}, {points} "
        f"{source} ON CONFLICT (store_id, tier) DO UPDATE SET members = home_tier_stats.members + excluded.members, "
        "points = home_tier_stats.points + excluded.points;"
    )


def _member_moves(row: str, sign: str) -> str:
    """Count the member ``row`` (OLD or NEW of ``customer``) in or out with its balance as it is."""
    return _bump(
        f"{row}.enrolled_store",
        f"COALESCE((SELECT tier FROM balance WHERE customer_id = {row}.id), '')",
        sign + "1",
        f"{sign}COALESCE((SELECT points FROM balance WHERE customer_id = {row}.id), 0)",
        f"WHERE {row}.status != 'merged'",
    )


def _balance_moves(tier: str, points: str, sign: str, row: str) -> str:
    """Count the member of balance ``row`` in or out at ``tier`` with ``points``."""
    return _bump(
        "c.enrolled_store",
        tier,
        sign + "1",
        f"{sign}({points})",
        f"FROM customer c WHERE c.id = {row}.customer_id AND c.status != 'merged'",
    )


HOME_TIER_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER home_tier_customer_insert AFTER INSERT ON customer BEGIN " + _member_moves("NEW", "") + " END",
    "CREATE TRIGGER home_tier_customer_delete AFTER DELETE ON customer BEGIN " + _member_moves("OLD", "-") + " END",
    "CREATE TRIGGER home_tier_customer_update AFTER UPDATE OF id, status, enrolled_store ON customer BEGIN "
    + _member_moves("OLD", "-")
    + " "
    + _member_moves("NEW", "")
    + " END",
    "CREATE TRIGGER home_tier_balance_insert AFTER INSERT ON balance BEGIN "
    + _balance_moves("''", "0", "-", "NEW")
    + " "
    + _balance_moves("COALESCE(NEW.tier, '')", "NEW.points", "", "NEW")
    + " END",
    "CREATE TRIGGER home_tier_balance_delete AFTER DELETE ON balance BEGIN "
    + _balance_moves("COALESCE(OLD.tier, '')", "OLD.points", "-", "OLD")
    + " "
    + _balance_moves("''", "0", "", "OLD")
    + " END",
    "CREATE TRIGGER home_tier_balance_update AFTER UPDATE OF customer_id, tier, points ON balance BEGIN "
    + _balance_moves("COALESCE(OLD.tier, '')", "OLD.points", "-", "OLD")
    + " "
    + _balance_moves("COALESCE(NEW.tier, '')", "NEW.points", "", "NEW")
    + " END",
)
HOME_TIER_TRIGGER_NAMES = tuple(sql.split()[2] for sql in HOME_TIER_TRIGGERS)


# SQLite triggers that keep ``member_store_stats`` (created by migration 0011): a member-day row
# with a visit, inserted or added to (the UPSERT of ``_Deltas.write`` fires one or the other),
# moves the member's last day at that store forward. Visits are only ever taken away by
# ``refold_members`` and ``rebuild_in``, which clear the members' rows first and insert the
# member-day rows again. The UPSERT's WHERE leaves a later day alone:
# https://www.sqlite.org/lang_upsert.html ("the optional WHERE clause on the DO UPDATE").
def _store_visit(row: str) -> str:
    return (
        f"INSERT INTO member_store_stats (customer_id, store_id, last_day) VALUES ({row}.customer_id, "
        f"{row}.store_id, {row}.day) ON CONFLICT (customer_id, store_id) DO UPDATE SET last_day = excluded.last_day "
        "WHERE excluded.last_day > member_store_stats.last_day;"
    )


MEMBER_STORE_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER member_store_day_insert AFTER INSERT ON member_day_stats WHEN NEW.visits > 0 BEGIN "
    + _store_visit("NEW")
    + " END",
    "CREATE TRIGGER member_store_day_update AFTER UPDATE OF visits ON member_day_stats WHEN NEW.visits > 0 BEGIN "
    + _store_visit("NEW")
    + " END",
)
MEMBER_STORE_TRIGGER_NAMES = tuple(sql.split()[2] for sql in MEMBER_STORE_TRIGGERS)


# SQLite triggers that keep ``member_window_stats`` and ``member_store_window_stats`` (migration 0011):
# the member-day rows of the days of ``stats_window`` summed per member and per store and member. A
# row of those days added, changed or removed adds its difference; ``roll_window`` moves the days.
# INSERT … SELECT … WHERE … ON CONFLICT: https://www.sqlite.org/lang_upsert.html (the WHERE is needed to parse).
def _in_window(row: str) -> str:
    return (
        f"{row}.day BETWEEN (SELECT first_day FROM stats_window WHERE id = 1) "
        "AND (SELECT last_day FROM stats_window WHERE id = 1)"
    )


def _window_add(row: str, visits: str, spend: str) -> str:
    return (
        f"INSERT INTO member_window_stats (customer_id, visits, spend) SELECT {row}.customer_id, {visits}, {spend} "
        f"WHERE {_in_window(row)} ON CONFLICT (customer_id) DO UPDATE SET "
        "visits = member_window_stats.visits + excluded.visits, spend = member_window_stats.spend + excluded.spend; "
        "INSERT INTO member_store_window_stats (store_id, customer_id, visits, spend) SELECT "
        f"{row}.store_id, {row}.customer_id, {visits}, {spend} WHERE {_in_window(row)} "
        "ON CONFLICT (store_id, customer_id) DO UPDATE SET "
        "visits = member_store_window_stats.visits + excluded.visits, "
        "spend = member_store_window_stats.spend + excluded.spend;"
    )


WINDOW_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER window_day_insert AFTER INSERT ON member_day_stats BEGIN "
    + _window_add("NEW", "NEW.visits", "NEW.spend")
    + " END",
    "CREATE TRIGGER window_day_delete AFTER DELETE ON member_day_stats BEGIN "
    + _window_add("OLD", "-OLD.visits", "-OLD.spend")
    + " END",
    # The UPSERT of ``_Deltas.write`` changes the sums of a row, never its key: one difference.
    "CREATE TRIGGER window_day_update AFTER UPDATE OF visits, spend ON member_day_stats BEGIN "
    + _window_add("NEW", "NEW.visits - OLD.visits", "NEW.spend - OLD.spend")
    + " END",
    "CREATE TRIGGER window_day_move AFTER UPDATE OF day, store_id, customer_id ON member_day_stats BEGIN "
    + _window_add("OLD", "-OLD.visits", "-OLD.spend")
    + " "
    + _window_add("NEW", "NEW.visits", "NEW.spend")
    + " END",
)
WINDOW_TRIGGER_NAMES = tuple(sql.split()[2] for sql in WINDOW_TRIGGERS)
WINDOW_DAYS = 30  # the dashboard's "30 days" (``app.core.periods.period_for``)


def _window_sums(sign: str, first: str, last: str) -> tuple[str, str]:
    """SQL adding (``sign`` '') or taking away ('-') the member-day rows of days ``first``..``last``."""
    where = f"day >= {first} AND day <= {last}"
    return (
        f"INSERT INTO member_window_stats (customer_id, visits, spend) SELECT customer_id, {sign}SUM(visits), "
        f"{sign}SUM(spend) FROM member_day_stats WHERE {where} GROUP BY customer_id ON CONFLICT (customer_id) DO "
        "UPDATE SET visits = member_window_stats.visits + excluded.visits, "
        "spend = member_window_stats.spend + excluded.spend",
        "INSERT INTO member_store_window_stats (store_id, customer_id, visits, spend) SELECT store_id, customer_id, "
        f"{sign}SUM(visits), {sign}SUM(spend) FROM member_day_stats WHERE {where} GROUP BY store_id, customer_id "
        "ON CONFLICT (store_id, customer_id) DO UPDATE SET visits = member_store_window_stats.visits + "
        "excluded.visits, spend = member_store_window_stats.spend + excluded.spend",
    )


def roll_window(s: Session, first_day: date, last_day: date) -> bool:
    """Make the window sums cover ``first_day``..``last_day``; False if they already did.

    A day later (housekeeping's daily move) the day that left is taken away and the day that came
    added, from their member-day rows (tens of thousands at a million members); the first time, or
    after a jump, everything is summed again. Members left at zero are removed. Run in a write
    transaction: the triggers read the new days from the moment they are set.
    """
    row = s.get(StatsWindow, 1)
    if row is not None and (row.first_day, row.last_day) == (first_day, last_day):
        return False
    conn = s.connection()
    if row is None or not (row.first_day <= first_day <= row.last_day + _ONE_DAY and row.last_day <= last_day):
        s.execute(delete(MemberWindowStats))
        s.execute(delete(MemberStoreWindowStats))
        for sql in _window_sums("", "?", "?"):
            conn.exec_driver_sql(sql, (first_day.isoformat(), last_day.isoformat()))
    else:
        leaving = (row.first_day, first_day - _ONE_DAY)  # days before the new first day
        coming = (row.last_day + _ONE_DAY, last_day)  # days after the old last day
        for sign, (a, b) in (("-", leaving), ("", coming)):
            if a <= b:
                for sql in _window_sums(sign, "?", "?"):
                    conn.exec_driver_sql(sql, (a.isoformat(), b.isoformat()))
        s.execute(delete(MemberWindowStats).where(MemberWindowStats.visits == 0, MemberWindowStats.spend == 0))
        s.execute(
            delete(MemberStoreWindowStats).where(MemberStoreWindowStats.visits == 0, MemberStoreWindowStats.spend == 0)
        )
    if row is None:
        s.add(StatsWindow(id=1, first_day=first_day, last_day=last_day))
    else:
        row.first_day, row.last_day = first_day, last_day
    s.flush()
    return True


def window_of(s: Session) -> tuple[date, date] | None:
    """The days the window sums cover (None before housekeeping first set them)."""
    row = s.execute(select(StatsWindow.first_day, StatsWindow.last_day).where(StatsWindow.id == 1)).first()
    return (row[0], row[1]) if row else None


_ONE_DAY = timedelta(days=1)

# What the upgrade to 0011 fills the table with (and ``rebuild_in`` after its bulk insert).
MEMBER_STORE_FILL = (
    "INSERT INTO member_store_stats (customer_id, store_id, last_day) SELECT customer_id, store_id, MAX(day) "
    "FROM member_day_stats WHERE visits > 0 GROUP BY customer_id, store_id"
)


def _stream(s: Session, q: Any) -> Iterator[Any]:
    """Rows of a big query without holding them all (server-side cursor on PostgreSQL)."""
    result = s.execute(q.execution_options(yield_per=50_000))
    yield from result


def rebuild_in(s: Session) -> Computed:
    """Replace the tables with the recomputation (the migrations, ``python -m app.services.stats rebuild``).

    ``member_store_stats`` (from migration 0011 on; the upgrade to 0009 runs this before it exists)
    is made again by its triggers as the member-day rows go in.
    """
    c = compute(s)
    if _has_table(s, MemberStoreStats):
        s.execute(delete(MemberStoreStats))
    s.execute(delete(DayStoreStats))
    s.execute(delete(MemberDayStats))
    if _has_table(s, StatsWindow):  # the window sums too: made again by their triggers below
        s.execute(delete(MemberWindowStats))
        s.execute(delete(MemberStoreWindowStats))
    s.execute(delete(MemberStats))
    s.execute(delete(DayRewardStats))
    s.execute(delete(HomeTierStats))
    _insert(
        s,
        DayRewardStats,
        [{"day": d, "store_id": st, "reward_id": r, "redemptions": n} for (d, st, r), n in c.rewards.items()],
    )
    _insert(
        s,
        HomeTierStats,
        [{"store_id": st, "tier": tier, "members": n, "points": p} for (st, tier), (n, p) in c.homes.items()],
    )
    _insert(
        s,
        DayStoreStats,
        [{"day": d, "store_id": st, **dict(zip(DAY_FIELDS, v, strict=True))} for (d, st), v in c.days.items()],
    )
    _insert(
        s,
        MemberDayStats,
        [
            {"day": d, "store_id": st, "customer_id": cid, "visits": v, "spend": n}
            for (d, st, cid), (v, n) in c.member_days.items()
        ],
    )
    _insert(s, MemberStats, [_with_spend(row) for row in c.members.values()])
    return c


def replace_members(s: Session, group: Collection[str], before: Computed, after: Computed) -> None:
    """One merge group's share of the tables moved from ``before`` to ``after`` (``compute(s, group)``
    read before and after its ledger rows changed): what eviction does instead of ``rebuild_in``.

    The day and reward rows take the difference (other members' shares in them are untouched);
    the group's member rows are replaced. ``member_store_stats`` and the window sums follow the
    member-day rows through their triggers (deleted, then made again as the new rows go in), and
    the home-tier counts follow the customer and balance rows through theirs. A few members'
    entries are read, so the write lock is held for milliseconds, not for a rebuild of the till.
    """
    d = _Deltas()
    for key in before.days.keys() | after.days.keys():
        old, new = before.days.get(key, (0,) * len(DAY_FIELDS)), after.days.get(key, (0,) * len(DAY_FIELDS))
        d.day(*key, **{f: n - o for f, o, n in zip(DAY_FIELDS, old, new, strict=True) if n != o})
    for key in before.rewards.keys() | after.rewards.keys():
        d.rewards[key] += after.rewards.get(key, 0) - before.rewards.get(key, 0)
    d.write(s)
    ids = list(group)
    if _has_table(s, MemberStoreStats):
        s.execute(delete(MemberStoreStats).where(MemberStoreStats.customer_id.in_(ids)))
    s.execute(delete(MemberDayStats).where(MemberDayStats.customer_id.in_(ids)))
    s.execute(delete(MemberStats).where(MemberStats.customer_id.in_(ids)))
    _insert(
        s,
        MemberDayStats,
        [
            {"day": d, "store_id": st, "customer_id": cid, "visits": v, "spend": n}
            for (d, st, cid), (v, n) in after.member_days.items()
        ],
    )
    _insert(s, MemberStats, [_with_spend(row) for row in after.members.values()])


def _has_table(s: Session, model: Any) -> bool:
    """Whether a table of migration 0011 is there yet (the upgrade to 0009 runs ``rebuild_in`` before it)."""
    return inspect(s.connection()).has_table(model.__tablename__)


def _with_spend(row: dict[str, Any]) -> dict[str, Any]:
    """A recomputed member row with its 12-month spend as of its last spend month (``_Member.row``)."""
    return {**row, "spend_at": row["spend_month"], "spend_12m": sum(row[c] for c in SPEND_COLUMNS)}


def _insert(s: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 50_000):
        s.execute(model.__table__.insert(), rows[start : start + 50_000])


def kept(s: Session) -> Computed:
    """The tables as they are (rows of zeros left out)."""
    days = {
        (r.day, r.store_id): tuple(getattr(r, f) for f in DAY_FIELDS)
        for r in s.execute(
            select(DayStoreStats.day, DayStoreStats.store_id, *(getattr(DayStoreStats, f) for f in DAY_FIELDS))
        )
    }
    member_days = {
        (r.day, r.store_id, r.customer_id): (r.visits, r.spend)
        for r in s.execute(select(MemberDayStats)).scalars().all()
    }
    members = {}
    for r in s.execute(select(MemberStats)).scalars():
        members[r.customer_id] = {"customer_id": r.customer_id, **{c: getattr(r, c) for c in MEMBER_COLUMNS}}
    rewards = {
        (r.day, r.store_id, r.reward_id): r.redemptions
        for r in s.execute(select(DayRewardStats)).scalars()
        if r.redemptions
    }
    homes = {
        (r.store_id, r.tier): (r.members, r.points) for r in s.execute(select(HomeTierStats)).scalars() if r.members
    }
    last_days = {
        (c, st): d
        for c, st, d in s.execute(
            select(MemberStoreStats.customer_id, MemberStoreStats.store_id, MemberStoreStats.last_day)
        )
    }
    window = {c: (v, n) for c, v, n in s.execute(select(MemberWindowStats.customer_id, MemberWindowStats.visits,
                                                           MemberWindowStats.spend)) if v or n}  # fmt: skip
    W = MemberStoreWindowStats
    store_window = {(st, c): (v, n) for st, c, v, n in s.execute(select(W.store_id, W.customer_id, W.visits, W.spend))
                    if v or n}  # fmt: skip
    return Computed(
        days={k: v for k, v in days.items() if any(v)},
        member_days={k: v for k, v in member_days.items() if any(v)},
        members=members,
        rewards=rewards,
        homes=homes,
        stores=last_days,
        window=window,
        store_window=store_window,
    )


def differences(s: Session, *, limit: int = 20) -> list[str]:
    """Where the kept tables differ from the recomputation, in sentences (empty when they agree)."""
    want, have = compute(s), kept(s)
    out: list[str] = _spend_differences(s, limit)
    for name in ("days", "member_days", "members", "rewards", "homes", "stores", "window", "store_window"):
        w, h = getattr(want, name), getattr(have, name)
        for key in sorted(set(w) | set(h), key=str):
            if w.get(key) != h.get(key):
                out.append(f"{name} {key}: kept {h.get(key)}, recomputed {w.get(key)}")
                if len(out) >= limit:
                    return out
    return out


# -- command line --------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m app.services.stats", description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("rebuild", "check"))
    ap.add_argument("--home", type=Path, required=True, help="the till's home folder")
    args = ap.parse_args(argv)
    from app.bootstrap import open_till  # the upgrade to 0009 fills the tables the first time

    till = open_till(args.home)
    t0 = time.perf_counter()
    with till.transaction() as s:
        if args.command == "rebuild":
            c = rebuild_in(s)
            print(
                f"rebuilt {len(c.days):,} day rows, {len(c.member_days):,} member-day rows, "
                f"{len(c.members):,} members and {len(c.rewards):,} reward-day rows "
                f"in {time.perf_counter() - t0:.1f} s"
            )
            return 0
        diff = differences(s)
    for line in diff:
        print(line)
    print("the summary tables agree with the ledger" if not diff else "the summary tables differ: run rebuild")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
