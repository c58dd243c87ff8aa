"""The dashboard's figures for a period and a store filter (issue 8 item 2).

Every figure is a plain query over the local database, so it reports on whatever
the node holds (a till holds the whole chain after sync today) and the server can
run the same functions chain-wide. Visits, points and POS sales are read from the
summary tables ``app.services.stats`` keeps with each write (a day by store, a day
by member), not from the ledger: a million members' 30 days read in well under a
second. Definitions (the tooltips say the same):

- A **visit** is a member's earn entry not cancelled since: a void (a reversal without
  an amount) or refunds adding up to the whole bill undo it, whenever they happened.
- **Member revenue** is the bill on those earn entries less what was refunded of it.
- **Member vs non-member** comes from the POS receipts the bridge stored: a sale is
  a member's when a member was identified for it (claimed), otherwise it counts as
  non-member (unclaimed, expired, ignored). Voided sales are left out, refunds are
  taken off the sale they refund, tips never count.
- Store filter: visits, points and receipts by the store where they happened; members,
  tiers and the outstanding balance by the member's home store (where they enrolled).
  For a period that ends now these three come from ``home_tier_stats`` (a row per home
  store and tier, kept by triggers), the most redeemed rewards from ``day_reward_stats``.

Hook for the service-recovery figures (issue 9): if ``app.services.reports.recovery``
defines ``complainants_returned(till, period, stores) -> float | None`` (the share of
members who complained in the period and came back), the dashboard shows it.
"""

from __future__ import annotations

import importlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from app.core.ledger import EntryKind
from app.core.periods import Period
from app.core.program import Program
from app.core.rewards import RewardKind
from app.core.segments import top_count
from app.db.models import (
    BalanceRow,
    Customer,
    DayRewardStats,
    DayStoreStats,
    HomeTierStats,
    MemberDayStats,
    MemberStats,
    MemberStoreStats,
    MemberStoreWindowStats,
    MemberWindowStats,
    RewardRow,
    Ticket,
)
from app.services import stats
from app.services.reports.visits import E, Stores, in_stores, read_transaction
from app.services.till import Till

MD = MemberDayStats
# The daily series read from the day-by-store summary.
SERIES = ("visits", "points_issued", "points_redeemed", "member_spend", "non_member_spend", "rating_sum", "ratings")


@dataclass(frozen=True)
class SalesGroup:
    sales: int  # receipts (visits at the POS)
    spend: int  # minor units, net of refunds, without tips

    @property
    def average_bill(self) -> int | None:
        return self.spend // self.sales if self.sales else None


@dataclass(frozen=True)
class RewardCount:
    reward_id: str
    name: str
    count: int


@dataclass(frozen=True)
class TierCount:
    tier: str
    members: int


@dataclass(frozen=True)
class Day:
    day: date
    visits: int = 0
    new_members: int = 0
    points_issued: int = 0
    points_redeemed: int = 0
    member_spend: int = 0
    non_member_spend: int = 0
    rating_sum: int = 0
    ratings: int = 0

    @property
    def rating(self) -> float | None:
        return self.rating_sum / self.ratings if self.ratings else None


@dataclass(frozen=True)
class PointValue:
    per_point: Fraction | None  # minor units one point is worth, None when the program says nothing
    source: str  # "pay_with_points", "rewards" or "none"


@dataclass(frozen=True)
class Dashboard:
    period: Period
    stores: Stores
    members_total: int
    members_new: int
    active_30: int
    active_90: int
    visits: int
    visiting_members: int
    repeat_rate: float | None
    visits_per_active: float | None
    points_issued: int
    points_redeemed: int
    points_expired: int
    points_outstanding: int
    point_value: PointValue
    redemption_rate: float | None
    top_rewards: tuple[RewardCount, ...]
    tiers_now: tuple[TierCount, ...]
    tier_ups: int
    tier_downs: int
    members: SalesGroup
    non_members: SalesGroup
    top20_share: float | None
    top20_members: int
    spending_members: int
    rating_average: float | None
    ratings: int
    rating_previous: float | None
    open_tickets: int
    complainants_returned: float | None
    days: tuple[Day, ...]

    @property
    def liability(self) -> int | None:
        """The outstanding points' money value (minor units, rounded down)."""
        if self.point_value.per_point is None:
            return None
        return math.floor(self.points_outstanding * self.point_value.per_point)

    @property
    def member_share_of_spend(self) -> float | None:
        total = self.members.spend + self.non_members.spend
        return self.members.spend / total if total else None


# -- building blocks ---------------------------------------------------------------------------------
def _hour(column: ColumnElement[datetime], session: Session) -> ColumnElement[str]:
    """The UTC hour of a moment as text 'YYYY-MM-DD HH' (bucketed to local days in Python).

    On SQLite the stored text's first 13 characters (``UTCDateTime`` stores UTC as
    'YYYY-MM-DD HH:MM:SS.ffffff'): ``strftime`` would parse every moment again (a fifth of the
    dashboard's time at a million members, with the new members of 30 days).
    """
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD HH24").label("hour")
    return func.substr(column, 1, 13).label("hour")


def _local_day_of_hour(timezone: str) -> Callable[[str], date]:
    tz = ZoneInfo(timezone)
    cache: dict[str, date] = {}

    def day_of(hour: str) -> date:
        d = cache.get(hour)
        if d is None:
            moment = datetime.strptime(hour.replace("T", " "), "%Y-%m-%d %H").replace(tzinfo=UTC)
            d = cache[hour] = moment.astimezone(tz).date()
        return d

    return day_of


def point_value(session: Session, program: Program) -> PointValue:
    """What one outstanding point is worth as a liability (see docs/DECISIONS.md).

    The pay-with-points ratio when the program has one; otherwise the most money a point
    buys through an active fixed-discount reward (the prudent figure: what the points
    could cost the chain); otherwise unknown.
    """
    if program.point_value > 0:
        return PointValue(Fraction(program.point_value), "pay_with_points")
    best: Fraction | None = None
    rows = session.execute(
        select(RewardRow.value, RewardRow.cost_points).where(
            RewardRow.active, RewardRow.kind == RewardKind.FIXED_DISCOUNT.value, RewardRow.cost_points > 0
        )
    )
    for value, cost in rows:
        if value > 0:
            ratio = Fraction(value, cost)
            best = ratio if best is None or ratio > best else best
    return PointValue(best, "rewards" if best is not None else "none")


# -- the dashboard -----------------------------------------------------------------------------------
def dashboard(till: Till, period: Period, stores: Stores = None) -> Dashboard:
    """Every dashboard figure for ``period`` (local days of the store's zone) and ``stores``."""
    program = till.program()
    with read_transaction(till) as s:  # never holds the till's write lock
        return compute(s, program, period, stores, till=till)


def compute(s: Session, program: Program, period: Period, stores: Stores, *, till: Till | None = None) -> Dashboard:
    day_of = _local_day_of_hour(period.timezone)
    days: dict[date, dict[str, int]] = {d: defaultdict(int) for d in period.days}

    def bump(hour: str, key: str, value: int) -> None:
        d = day_of(hour)
        if d in days:
            days[d][key] += int(value or 0)

    # Members (by home store).
    live_member = and_(Customer.status != "merged", in_stores(Customer.enrolled_store, stores))
    now = till.clock() if till is not None else None
    homes = _homes(s, period, stores, now)
    if homes is not None:  # the kept rows, less the members enrolled after the period (none, mostly)
        later = s.scalar(select(func.count()).where(live_member, Customer.enrolled_at >= period.end)) or 0
        members_total = sum(n for _, n, _ in homes) - later
    elif stores is None:  # two index counts rather than a scan of every member
        enrolled = s.scalar(select(func.count()).where(Customer.enrolled_at < period.end)) or 0
        merged = _merged_before(s, period.end)
        members_total = enrolled - merged
    else:
        members_total = s.scalar(select(func.count()).where(live_member, Customer.enrolled_at < period.end)) or 0
    new_rows = s.execute(
        select(_hour(Customer.enrolled_at, s), func.count())
        .where(live_member, Customer.enrolled_at >= period.start, Customer.enrolled_at < period.end)
        .group_by(literal_column("hour"))
    ).all()
    for hour, n in new_rows:
        bump(hour, "new_members", n)
    members_new = sum(n for _, n in new_rows)

    # Visits, points and POS sales: the day-by-store summary (app.services.stats), one range read.
    totals = _day_totals(s, period, stores)
    for d, row in totals.items():
        if d in days:
            for key in SERIES:
                days[d][key] += row[key]
    visits = sum(r["visits"] for r in totals.values())
    issued = sum(r["points_issued"] for r in totals.values())
    redeemed = sum(r["points_redeemed"] for r in totals.values())
    expired = sum(r["points_expired"] for r in totals.values())
    member_sales = SalesGroup(
        sum(r["member_bills"] for r in totals.values()), sum(r["member_spend"] for r in totals.values())
    )
    non_member_sales = SalesGroup(
        sum(r["non_member_bills"] for r in totals.values()), sum(r["non_member_spend"] for r in totals.values())
    )

    # Per member in the period: the member-day summary, grouped by member, summed in SQL.
    visiting, repeat_visits, spending, top_n, top20 = _per_member(s, period, stores)
    active_30, active_90 = _actives(s, period, stores, now)

    kept_points = sum(p for _, _, p in homes) if homes is not None else None
    outstanding = kept_points if kept_points is not None else _outstanding(s, period, stores, now=now)

    top = _top_rewards(s, period, stores)

    # Tiers now, and moves in the period.
    base = program.base_tier.name
    if homes is not None:
        tier_rows = _tiers_kept(s, base, homes, period, stores)
    else:
        tier_rows = _tiers_now(s, base, period, stores, int(members_total))
    counted = dict((t, int(n)) for t, n in tier_rows)
    tiers_now = [TierCount(t.name, counted.pop(t.name, 0)) for t in program.tiers]
    tiers_now += [TierCount(name, n) for name, n in sorted(counted.items())]
    ups, downs = _tier_moves(s, program, period, stores)

    # Ratings and tickets.
    rating_avg, rating_n = _rating(totals)
    rating_prev, _ = _rating(_day_totals(s, period.previous(), stores))
    open_tickets = (
        s.scalar(select(func.count()).where(Ticket.status != "resolved", in_stores(Ticket.store_id, stores))) or 0
    )

    return Dashboard(
        period=period,
        stores=stores,
        members_total=int(members_total),
        members_new=int(members_new),
        active_30=active_30,
        active_90=active_90,
        visits=int(visits),
        visiting_members=visiting,
        repeat_rate=repeat_visits / visits if visits else None,
        visits_per_active=visits / visiting if visiting else None,
        points_issued=issued,
        points_redeemed=redeemed,
        points_expired=expired,
        points_outstanding=outstanding,
        point_value=point_value(s, program),
        redemption_rate=redeemed / issued if issued > 0 else None,
        top_rewards=tuple(RewardCount(rid, name, int(n)) for rid, name, n in top),
        tiers_now=tuple(tiers_now),
        tier_ups=ups,
        tier_downs=downs,
        members=member_sales,
        non_members=non_member_sales,
        top20_share=top20,
        top20_members=top_n,
        spending_members=spending,
        rating_average=rating_avg,
        ratings=rating_n,
        rating_previous=rating_prev,
        open_tickets=int(open_tickets),
        complainants_returned=_complainants_returned(till, period, stores) if till is not None else None,
        days=tuple(Day(d, **dict(v)) for d, v in days.items()),
    )


def _day_totals(s: Session, period: Period, stores: Stores) -> dict[date, dict[str, int]]:
    """The period's rows of ``day_store_stats``, summed over the stores asked for, per day."""
    fields = [getattr(DayStoreStats, f) for f in stats.DAY_FIELDS]
    q = (
        select(DayStoreStats.day, *(func.sum(f) for f in fields))
        .where(
            DayStoreStats.day >= period.first_day,
            DayStoreStats.day <= period.last_day,
            in_stores(DayStoreStats.store_id, stores),
        )
        .group_by(DayStoreStats.day)
    )
    return {row[0]: dict(zip(stats.DAY_FIELDS, (int(v or 0) for v in row[1:]), strict=True)) for row in s.execute(q)}


TOP_PERCENT = 20  # the 20/80 view


def _per_member(s: Session, period: Period, stores: Stores) -> tuple[int, int, int, int, float | None]:
    """Visiting members, visits of the repeat visitors, members who spent, the top fifth's size and share.

    When the period's days are the ones housekeeping keeps summed per member (``member_window_stats``:
    the last 30 days) and the filter is every store or one, those sums are read (``_per_member_kept``).
    Otherwise:

    One statement over the period's member-day rows: each member's visits and net spend, grouped once
    (a materialized common table expression: https://www.sqlite.org/lang_with.html#materialization_hints,
    PostgreSQL 12+ spells it the same), then summed in SQL rather than hundreds of thousands of rows
    through Python. The top fifth is ``top_count`` of the members who spent (integer arithmetic, the
    same rounding up), summed off a sort bounded by that count (``ORDER BY … LIMIT``) rather than a
    window numbering every member; ties at its edge leave the sum unchanged.
    """
    kept = _per_member_kept(s, period, stores)
    if kept is not None:
        return kept
    per_member = (
        select(func.sum(MD.visits).label("n"), func.sum(MD.spend).label("net"))
        .where(MD.day >= period.first_day, MD.day <= period.last_day, in_stores(MD.store_id, stores))
        .group_by(MD.customer_id)
    )
    # Literal dates and store ids only (the statement is run as is, straight from the driver).
    inner = str(per_member.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    sql = (
        f"WITH per_member AS MATERIALIZED ({inner}), totals AS (SELECT COUNT(*) AS visiting, "
        "SUM(CASE WHEN n >= 2 THEN n ELSE 0 END) AS repeat, SUM(CASE WHEN net > 0 THEN 1 ELSE 0 END) AS spenders, "
        "SUM(CASE WHEN net > 0 THEN net ELSE 0 END) AS spend FROM per_member WHERE n != 0) "
        "SELECT visiting, repeat, spenders, spend, (SELECT SUM(net) FROM (SELECT net FROM per_member "
        f"WHERE n != 0 AND net > 0 ORDER BY net DESC LIMIT (SELECT (spenders * {TOP_PERCENT} + 99) / 100 "
        "FROM totals)) AS top) FROM totals"
    )
    visiting, repeat, spending, total, top = s.connection().exec_driver_sql(sql).one()
    spending, total = int(spending or 0), int(total or 0)
    return int(visiting or 0), int(repeat or 0), spending, top_count(spending, TOP_PERCENT), (
        int(top or 0) / total if total else None
    )


def _per_member_kept(s: Session, period: Period, stores: Stores) -> tuple[int, int, int, int, float | None] | None:
    """``_per_member`` off the kept window sums, or None when they are not the period's.

    Every member's sums are read once (a walk of the covering spend index), the top fifth off the
    end of that index (``ORDER BY spend DESC LIMIT k`` walks k entries, no sort).
    """
    if stats.window_of(s) != (period.first_day, period.last_day):
        return None
    if stores is None:
        table = MemberWindowStats.__tablename__
        where, params = "visits != 0", {}
    elif len(stores) == 1:
        table = MemberStoreWindowStats.__tablename__
        where, params = "store_id = :store AND visits != 0", {"store": next(iter(stores))}
    else:
        return None
    visiting, repeat, spending, total = s.execute(
        text(
            "SELECT COUNT(*), SUM(CASE WHEN visits >= 2 THEN visits ELSE 0 END), "
            "SUM(CASE WHEN spend > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN spend > 0 THEN spend ELSE 0 END) "
            f"FROM {table} WHERE {where}"
        ),
        params,
    ).one()
    spending, total = int(spending or 0), int(total or 0)
    k = top_count(spending, TOP_PERCENT)
    top = s.scalar(
        text(
            f"SELECT SUM(spend) FROM (SELECT spend FROM {table} WHERE {where} AND spend > 0 "
            "ORDER BY spend DESC LIMIT :k) AS top"
        ),
        {**params, "k": k},
    )
    return int(visiting or 0), int(repeat or 0), spending, k, (int(top or 0) / total if total else None)


def _homes(s: Session, period: Period, stores: Stores, now: datetime | None) -> list[tuple[str, int, int]] | None:
    """(tier, members, points) rows of ``home_tier_stats`` for the stores, when the period ends now.

    The kept rows are the members as they are; a period that ended before now needs the
    members enrolled by then and the balances then, so it reads the members and the ledger.
    """
    if now is None or period.end < now:
        return None
    q = (
        select(HomeTierStats.tier, func.sum(HomeTierStats.members), func.sum(HomeTierStats.points))
        .where(in_stores(HomeTierStats.store_id, stores))
        .group_by(HomeTierStats.tier)
    )
    return [(tier, int(n or 0), int(p or 0)) for tier, n, p in s.execute(q)]


def _merged_before(s: Session, end: datetime) -> int:
    """Merged-away members enrolled before ``end``, read off the status index.

    Every member is 'active' in the statistics SQLite keeps, so without the hint it reads the
    whole member table rather than the (empty, mostly) 'merged' range of the status index:
    https://www.sqlite.org/lang_indexedby.html ("INDEXED BY … the named index must be used").
    """
    q = select(Customer.enrolled_at).where(Customer.status == "merged")
    if s.get_bind().dialect.name == "sqlite":
        q = q.with_hint(Customer, "INDEXED BY ix_customer_status", "sqlite")
    return sum(1 for at in s.scalars(q) if at < end)


def _top_rewards(s: Session, period: Period, stores: Stores) -> list[tuple[str, str, int]]:
    """The five most redeemed rewards of the period (redemptions not reversed), from ``day_reward_stats``."""
    n = func.sum(DayRewardStats.redemptions)
    name = func.coalesce(RewardRow.name, DayRewardStats.reward_id)
    q = (
        select(DayRewardStats.reward_id, name, n)
        .outerjoin(RewardRow, RewardRow.id == DayRewardStats.reward_id)
        .where(
            DayRewardStats.day >= period.first_day,
            DayRewardStats.day <= period.last_day,
            in_stores(DayRewardStats.store_id, stores),
        )
        .group_by(DayRewardStats.reward_id, RewardRow.name)
        .having(n > 0)
        .order_by(n.desc(), name)
        .limit(5)
    )
    return [(rid, label, int(count)) for rid, label, count in s.execute(q)]


def _tiers_kept(
    s: Session, base: str, homes: list[tuple[str, int, int]], period: Period, stores: Stores
) -> list[tuple[str, int]]:
    """Members per tier from the kept rows ('' is the base tier), less those enrolled after the period."""
    counts: dict[str, int] = defaultdict(int)
    for tier, n, _ in homes:
        counts[tier or base] += n
    tier = func.coalesce(BalanceRow.tier, base)
    later = (
        select(tier, func.count())
        .select_from(Customer)
        .outerjoin(BalanceRow, BalanceRow.customer_id == Customer.id)
        .where(Customer.status != "merged", in_stores(Customer.enrolled_store, stores))
        .where(Customer.enrolled_at >= period.end)
        .group_by(tier)
    )
    for t, n in s.execute(later):
        counts[t or base] -= int(n)
    return [(t, n) for t, n in counts.items() if n]


def _actives(s: Session, period: Period, stores: Stores, now: datetime | None) -> tuple[int, int]:
    """Members with a visit in the 30 and in the 90 days before the period's end.

    For a period that ends now, on the whole node: index counts of the members' last visits
    (``member_stats``); for some stores: index counts of the members' last day at those stores
    (``member_store_stats``: a member seen at one of them in the last 30 local days, as the
    member-day rows say); otherwise the distinct members of the member-day summary, both counts
    in one read of the 90 days.
    """
    ends_now = now is not None and period.end >= now
    if stores is None and ends_now:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).where(MemberStats.last_visit >= period.end - timedelta(days=n))) or 0)
            for n in (30, 90)
        )
    first_30 = period.last_day - timedelta(days=29)
    if stores is not None and ends_now:
        MSS = MemberStoreStats
        members = func.count() if len(stores) == 1 else func.count(func.distinct(MSS.customer_id))
        return tuple(  # type: ignore[return-value]
            int(
                s.scalar(
                    select(members).where(
                        MSS.store_id.in_(sorted(stores)), MSS.last_day >= period.last_day - timedelta(days=n - 1)
                    )
                )
                or 0
            )
            for n in (30, 90)
        )
    q = select(
        func.count(func.distinct(case((MD.day >= first_30, MD.customer_id)))),
        func.count(func.distinct(MD.customer_id)),
    ).where(
        MD.day >= period.last_day - timedelta(days=89),
        MD.day <= period.last_day,
        MD.visits > 0,
        in_stores(MD.store_id, stores),
    )
    n_30, n_90 = s.execute(q).one()
    return int(n_30 or 0), int(n_90 or 0)


def _tiers_now(s: Session, base: str, period: Period, stores: Stores, members: int) -> list[tuple[str, int]]:
    """Members per tier (the balance cache's tier; a member with no entry yet is in the base tier)."""
    tier = func.coalesce(BalanceRow.tier, base)
    if stores is not None:
        q = (
            select(tier, func.count())
            .select_from(Customer)
            .outerjoin(BalanceRow, BalanceRow.customer_id == Customer.id)
            .where(Customer.status != "merged", in_stores(Customer.enrolled_store, stores))
            .where(Customer.enrolled_at < period.end)
            .group_by(tier)
        )
        return [(t, int(n)) for t, n in s.execute(q)]
    # Without a store filter: the tier index of the balance table, less the merged-away members.
    counts: dict[str, int] = defaultdict(int)
    for t, n in s.execute(select(tier, func.count()).group_by(tier)):
        counts[t] += int(n)
    gone = (
        select(tier, func.count())
        .select_from(Customer)
        .join(BalanceRow, BalanceRow.customer_id == Customer.id)
        .where(or_(Customer.status == "merged", Customer.enrolled_at >= period.end))
        .group_by(tier)
    )
    for t, n in s.execute(gone):
        counts[t] -= int(n)
    counts[base] += members - sum(counts.values())  # members without any entry yet
    return [(t, n) for t, n in counts.items() if n]


def _outstanding(s: Session, period: Period, stores: Stores, *, now: datetime | None) -> int:
    """Every balance at the end of the period: the balance cache when the period ends now, else the ledger."""
    if now is not None and period.end >= now:
        q = select(func.coalesce(func.sum(BalanceRow.points), 0))
        if stores is not None:
            q = q.join(Customer, Customer.id == BalanceRow.customer_id)
            q = q.where(in_stores(Customer.enrolled_store, stores))
        return int(s.scalar(q) or 0)
    q = select(func.coalesce(func.sum(E.points), 0)).where(E.created_at < period.end)
    if stores is not None:
        q = q.where(E.customer_id.in_(select(Customer.id).where(in_stores(Customer.enrolled_store, stores))))
    return int(s.scalar(q) or 0)


def _tier_moves(s: Session, program: Program, period: Period, stores: Stores) -> tuple[int, int]:
    """Tier entries in the period, each compared with the member's tier just before it.

    The tier before is the previous tier entry of the same member (``LAG``, a window function:
    https://www.sqlite.org/windowfunctions.html), read off the partial index of tier entries;
    only the (before, after) pairs and their counts come back.
    """
    moved = select(E.customer_id).where(
        E.kind == EntryKind.TIER.value,
        E.created_at >= period.start,
        E.created_at < period.end,
        in_stores(E.store_id, stores),
    )
    before = func.lag(E.tier).over(partition_by=E.customer_id, order_by=(E.created_at, E.terminal_id, E.terminal_seq))
    seq = (
        select(E.created_at.label("at"), E.store_id.label("store"), E.tier.label("tier"), before.label("before"))
        .where(E.kind == EntryKind.TIER.value, E.created_at < period.end, E.customer_id.in_(moved))
        .subquery()
    )
    pairs = s.execute(
        select(seq.c.before, seq.c.tier, func.count())
        .where(seq.c.at >= period.start, in_stores(seq.c.store, stores))
        .group_by(seq.c.before, seq.c.tier)
    )
    ups = downs = 0
    for was, now, n in pairs:
        was_rank, now_rank = program.tier_rank(was), program.tier_rank(now)
        ups += int(n) if now_rank > was_rank else 0
        downs += int(n) if now_rank < was_rank else 0
    return ups, downs


def _rating(totals: dict[date, dict[str, int]]) -> tuple[float | None, int]:
    """The average rating and the number of ratings of some days of the summary."""
    total = sum(r["rating_sum"] for r in totals.values())
    n = sum(r["ratings"] for r in totals.values())
    return (total / n if n else None), n


def _complainants_returned(till: Till, period: Period, stores: Stores) -> float | None:
    """9b's figure, when its module is there (see the module docstring)."""
    try:
        recovery = importlib.import_module("app.services.reports.recovery")
    except ModuleNotFoundError:
        return None
    fn = getattr(recovery, "complainants_returned", None)
    return fn(till, period, stores) if fn is not None else None


def sum_days(days: Iterable[Day], key: str) -> int:
    return sum(getattr(d, key) for d in days)
