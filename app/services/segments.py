"""Segments from the ledger: facts per member, counts, lists, campaign lists (issue 8 item 4).

The rules are ``app.core.segments``; this module gathers each member's visit facts
with one query and applies them. The chain-wide cut-offs (what spend makes a VIP,
what first bill is "big") need every member's facts, so they are computed with
the full lists and remembered in the ``setting`` table; ``segment_of`` (the
customer card, the customer table) reads the remembered cut-offs instead of
scanning the chain at every scan of a card.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.core.clock import local
from app.core.errors import InvalidInput
from app.core.segments import (
    MemberFacts,
    Segment,
    SegmentRules,
    Thresholds,
    age_band,
    primary,
    segments_of,
    top_count,
    top_share_cutoff,
)
from app.db.models import Customer, MemberStats, Setting
from app.services import exports, stats
from app.services.reports.visits import read_transaction
from app.services.staff import StaffMember, audit
from app.services.till import Till

LAPSED_DAYS_SETTING = "segments.lapsed_days"
THRESHOLDS_SETTING = "segments.thresholds"


@dataclass(frozen=True)
class SegmentFilter:
    age_band: str | None = None  # one of app.core.segments.AGE_BANDS
    gender: str | None = None
    area: str | None = None

    def matches(self, m: SegmentMember) -> bool:
        if self.age_band and m.age_band != self.age_band:
            return False
        if self.gender and (m.gender or "") != self.gender:
            return False
        return not (self.area and (m.area or "").casefold() != self.area.casefold())


@dataclass(frozen=True)
class SegmentMember:
    customer_id: str
    name: str
    phone: str | None
    card_number: str
    marketing_consent: bool
    gender: str | None
    area: str | None
    age_band: str | None
    visits: int
    last_visit: datetime | None
    spend_12m: int
    segments: frozenset[Segment]

    @property
    def primary(self) -> Segment | None:
        return primary(self.segments)


PAGE_SIZE = 200  # members per page of the Segments tab's list


class SegmentReport:
    """Every active member with their segments, as of ``as_of``.

    The counts of the full report come from one SQL pass over the summary table
    (``member_stats``); the member rows (the lists, the filters, the exports) are read on
    first use — on the caller's background thread, like the report itself.
    """

    def __init__(
        self,
        as_of: datetime,
        rules: SegmentRules,
        limits: Thresholds,
        members: Iterable[SegmentMember] | None = None,
        *,
        loader: Callable[[], Iterable[SegmentMember]] | None = None,
        counts: Mapping[Segment, int] | None = None,
    ) -> None:
        self.as_of, self.rules, self.limits = as_of, rules, limits
        self._members = tuple(members) if members is not None else None
        self._loader = loader
        self._counts = dict(counts) if counts is not None else None
        self.active_members: int | None = None  # every active member (set by ``report``), without loading them

    @property
    def paged(self) -> bool:
        """Whether the member rows are still to be read (the tab then reads a segment's in pages)."""
        return self._members is None and self._counts is not None

    def total(self) -> int:
        """How many active members the report covers (the filters applied)."""
        if self._members is None and self.active_members is not None:
            return self.active_members
        return len(self.members)

    @property
    def members(self) -> tuple[SegmentMember, ...]:  # every active member, filtered
        if self._members is None:
            self._members = tuple(self._loader()) if self._loader else ()
        return self._members

    def count(self, segment: Segment) -> int:
        if self._counts is not None:
            return self._counts.get(segment, 0)
        return sum(segment in m.segments for m in self.members)

    def counts(self) -> dict[Segment, int]:
        if self._counts is not None:
            return {s: self._counts.get(s, 0) for s in Segment}
        c: Counter[Segment] = Counter()
        for m in self.members:
            c.update(m.segments)
        return {s: c.get(s, 0) for s in Segment}

    def members_in(self, segment: Segment) -> list[SegmentMember]:
        return [m for m in self.members if segment in m.segments]

    def filtered(self, filters: SegmentFilter) -> SegmentReport:
        """The same report narrowed to the members the filters match (no new query)."""
        return SegmentReport(self.as_of, self.rules, self.limits, (m for m in self.members if filters.matches(m)))


# -- rules and cut-offs ----------------------------------------------------------------------------
def rules_for(s: Session) -> SegmentRules:
    row = s.get(Setting, LAPSED_DAYS_SETTING)
    try:
        days = int(row.value) if row else SegmentRules.lapsed_days
    except ValueError:
        days = SegmentRules.lapsed_days
    return SegmentRules(lapsed_days=max(days, 1))


def set_lapsed_days(till: Till, days: int, *, by: StaffMember) -> None:
    if not 7 <= days <= 1000:
        raise InvalidInput("Lapsed means no visit for 7 to 1000 days.")
    with till.transaction() as s:
        row = s.get(Setting, LAPSED_DAYS_SETTING)
        before = row.value if row else str(SegmentRules.lapsed_days)
        if row is None:
            s.add(Setting(key=LAPSED_DAYS_SETTING, value=str(days)))
        else:
            row.value = str(days)
        audit(s, by, "segments.lapsed_days", before={"days": before}, after={"days": days})


def _remember(s: Session, limits: Thresholds, now: datetime) -> None:
    value = json.dumps({"vip_spend": limits.vip_spend, "big_first_bill": limits.big_first_bill, "at": now.isoformat()})
    row = s.get(Setting, THRESHOLDS_SETTING)
    if row is None:
        s.add(Setting(key=THRESHOLDS_SETTING, value=value))
    else:
        row.value = value


def remembered_thresholds(s: Session) -> Thresholds:
    row = s.get(Setting, THRESHOLDS_SETTING)
    if row is None:
        return Thresholds()
    try:
        data = json.loads(row.value)
        return Thresholds(vip_spend=data.get("vip_spend"), big_first_bill=data.get("big_first_bill"))
    except (ValueError, AttributeError):
        return Thresholds()


# -- facts -----------------------------------------------------------------------------------------
MS = MemberStats


def spend_12m(month: int) -> ColumnElement[int]:
    """A member's net bills of the twelve calendar months ending with ``month`` (``stats.month_number``).

    Bucket i of ``member_stats`` holds month ``spend_month - (spend_month - i) % 12``; the buckets of
    months before the window (a member not seen for a while) are left out.
    """
    first = stats.window_start(month)
    parts = []
    for i in range(stats.BUCKETS):
        bucket_month = MS.spend_month - (MS.spend_month - i) % stats.BUCKETS
        parts.append(case((and_(bucket_month >= first, bucket_month <= month), getattr(MS, f"spend_{i}")), else_=0))
    return sum(parts[1:], parts[0])


def _recent(rules: SegmentRules, recent: datetime) -> ColumnElement[int]:
    """Visits in the last ``regular_days``, counted up to two: the summary keeps the last two visits,
    which is what the regular rule (two visits) needs."""
    assert rules.regular_visits <= 2, "member_stats keeps the last two visits only"
    return case((MS.prev_visit >= recent, 2), (MS.last_visit >= recent, 1), else_=0)


def member_facts(
    s: Session,
    now: datetime,
    rules: SegmentRules,
    *,
    customer_ids: list[str] | None = None,
    month: int | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    order: Sequence[Any] = (),
    offset: int = 0,
    limit: int | None = None,
) -> list[tuple[Row[Any], MemberFacts]]:
    """Every active member (or those named) with the facts the rules need, as of ``now``.

    From the summary table ``member_stats`` (kept with each write; a merged-away member's
    visits are the survivor's). ``month``: this month in the shop's zone (``stats.month_number``).
    """
    month = stats.month_number(now.date()) if month is None else month
    recent = now - timedelta(days=rules.regular_days)
    # Plain columns, not ORM objects: a million members are read here.
    q = (
        select(
            Customer.id,
            Customer.name,
            Customer.phone,
            Customer.card_number,
            Customer.marketing_consent,
            Customer.gender,
            Customer.area,
            Customer.birthday_month,
            Customer.birthday_year,
            Customer.enrolled_at,
            func.coalesce(MS.visits, 0).label("visits"),
            MS.first_visit,
            MS.last_visit,
            func.coalesce(_recent(rules, recent), 0).label("recent"),
            func.coalesce(spend_12m(month), 0).label("spend_12m"),
            func.coalesce(MS.first_bill, 0).label("first_bill"),
        )
        .outerjoin(MS, MS.customer_id == Customer.id)
        .where(Customer.status == "active", Customer.enrolled_at < now)
    )
    if customer_ids is not None:
        q = q.where(Customer.id.in_(customer_ids))
    if where:
        q = q.where(*where)
    if order:
        q = q.order_by(*order)
    if limit is not None:
        q = q.offset(offset).limit(limit)
    out = []
    for c in s.execute(q):
        out.append(
            (
                c,
                MemberFacts(
                    customer_id=c.id,
                    enrolled_at=c.enrolled_at,
                    visits=int(c.visits),
                    first_visit=_utc(c.first_visit),
                    last_visit=_utc(c.last_visit),
                    recent_visits=int(c.recent),
                    spend_12m=int(c.spend_12m),
                    first_bill=int(c.first_bill),
                    birthday_month=c.birthday_month,
                ),
            )
        )
    return out


def _utc(value: datetime | str | None) -> datetime | None:
    """Aggregates over a subquery lose the column type on SQLite: parse what comes back."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# -- reports ---------------------------------------------------------------------------------------
def report(till: Till, *, now: datetime | None = None, filters: SegmentFilter | None = None) -> SegmentReport:
    """Every active member with their segments (and the cut-offs, remembered for ``segment_of``).

    The cut-offs and the counts are computed in SQL over ``member_stats`` (seconds at a million
    members); the member rows are read when first asked for (``SegmentReport.members``). Nothing
    here waits on the monthly roll of the 12-month spends (housekeeping's).
    """
    now = now or till.clock()
    program = till.program()
    today = local(now, program.timezone).date()
    month = stats.month_number(today)
    # The kept 12-month spends are moved to a new month by housekeeping (``housekeeping.roll_spends``),
    # never here: until they all are, the VIP cut-off is worked out from the buckets (``_vip_sorted``).
    with read_transaction(till) as s:  # a long read must not hold the till's write lock
        rules = rules_for(s)
        limits, vips = _thresholds(s, now, rules, month)
        counts = _counts(s, now, rules, limits, today.month, month)
        counts[Segment.VIP] = vips
        # Every member less the few not counted: a count of the smallest index, no status walk.
        active = int(s.scalar(select(func.count()).select_from(Customer)) or 0) - len(_inactive(s, now))
    with till.transaction() as s:
        _remember(s, limits, now)

    def load() -> list[SegmentMember]:
        with read_transaction(till) as s:
            rows = member_facts(s, now, rules, month=month)
        return [_member(c, f, rules, limits, now, today.month, today) for c, f in rows]

    if filters is not None and filters != SegmentFilter():
        return SegmentReport(now, rules, limits, (m for m in load() if filters.matches(m)))
    out = SegmentReport(now, rules, limits, loader=load, counts=counts)
    out.active_members = active
    return out


def _candidates(
    s: Session, rep: SegmentReport, segment: Segment, month: int, this_month: int
) -> tuple[list[ColumnElement[bool]], list[Any]] | None:
    """SQL for the members who may be in ``segment`` (a superset), and the order of its list.

    Each is an index range where there is one (first visit, last visit, first bill, the kept
    12-month spend); the rules (``segments_of``) then decide member by member. None: nobody.
    """
    rules, limits, now = rep.rules, rep.limits, rep.as_of
    by_name = [Customer.name_key, Customer.id]
    if segment is Segment.NEW:
        return [MS.first_visit >= now - timedelta(days=rules.new_days)], [MS.first_visit.desc(), Customer.id]
    if segment is Segment.REGULAR:
        return [MS.prev_visit >= now - timedelta(days=rules.regular_days)], [MS.prev_visit.desc(), Customer.id]
    if segment is Segment.AT_RISK:
        since = now - timedelta(days=rules.lapsed_days)
        return [MS.last_visit >= since, MS.visits >= 2], [MS.last_visit, Customer.id]
    if segment is Segment.BIG_FIRST:
        if limits.big_first_bill is None:
            return None
        return [MS.first_bill >= limits.big_first_bill], [MS.first_bill.desc(), Customer.id]
    if segment is Segment.VIP:
        if limits.vip_spend is None:
            return None
        if s.scalar(select(MS.customer_id).where(_kept_spend_is(month)).limit(1)) is None:  # the kept spend is now's
            return [MS.spend_12m >= limits.vip_spend], [MS.spend_12m.desc(), Customer.id]
        return [spend_12m(month) >= limits.vip_spend], by_name
    if segment is Segment.BIRTHDAY:
        # "+ 0": the list walks the name index and tests the month, rather than sorting every birthday of
        # the month by name off ix_customer_birthday (the count's): a term whose column is inside an
        # expression uses no index (https://www.sqlite.org/optoverview.html, "Disqualifying WHERE
        # Clause Terms using Unary-'+'", the same trick with "+ 0" for an integer).
        return [Customer.birthday_month + 0 == this_month], by_name
    cutoff = now - timedelta(days=rules.lapsed_days)  # lapsed
    return [or_(MS.last_visit < cutoff, and_(MS.last_visit.is_(None), Customer.enrolled_at < cutoff))], by_name


def segment_page(
    till: Till, rep: SegmentReport, segment: Segment, offset: int = 0, limit: int = PAGE_SIZE
) -> tuple[list[SegmentMember], int | None]:
    """A page of ``segment``'s members (the Segments tab reads a segment's list only when it is opened).

    ``offset`` counts candidates read (``_candidates``), not members: pass back the returned one
    for the next page (None: the list is complete). Members in the order of the segment's index:
    newest first visit, highest spend or first bill, oldest last visit, or by name.
    """
    today = local(rep.as_of, till.program().timezone).date()
    month = stats.month_number(today)
    out: list[SegmentMember] = []
    chunk = max(limit, 500)
    with read_transaction(till) as s:
        found = _candidates(s, rep, segment, month, today.month)
        if found is None:
            return [], None
        where, order = found
        while True:
            rows = member_facts(
                s, rep.as_of, rep.rules, month=month, where=where, order=order, offset=offset, limit=chunk
            )
            for i, (c, f) in enumerate(rows):
                m = _member(c, f, rep.rules, rep.limits, rep.as_of, today.month, today)
                if segment in m.segments:
                    out.append(m)
                    if len(out) == limit:
                        return out, offset + i + 1
            if len(rows) < chunk:
                return out, None
            offset += chunk


def _active(now: datetime) -> ColumnElement[bool]:
    return and_(Customer.status == "active", Customer.enrolled_at < now)


def _inactive(s: Session, now: datetime) -> list[str]:
    """The few members not counted (blocked, merged away, enrolled after ``now``): excluded by id.

    Read once per transaction and moment (``Session.info``): a report asks for them at every count.
    """
    key = ("segments.inactive", now)
    found = s.info.get(key)
    if found is None:
        ids = {c for (c,) in _not_active(s, Customer.id)}
        found = s.info[key] = sorted(ids | set(s.scalars(select(Customer.id).where(Customer.enrolled_at >= now))))
    return list(found)


def _not_active(s: Session, *columns: Any) -> list[Row[Any]]:
    """``columns`` of the few members whose status is not 'active' (blocked, merged away).

    Two queries, one range of the status index each: as one ``status < 'active' OR status >
    'active'`` the planner prefers scanning a covering index of every member (ix_customer_enrolled_id).
    """
    rows: list[Row[Any]] = []
    for other in (Customer.status < "active", Customer.status > "active"):
        rows += s.execute(select(*columns).where(other)).all()
    return rows


def _n(s: Session, now: datetime, *conditions: ColumnElement[bool]) -> int:
    """Active members with a visit matching ``conditions``: an index range of ``member_stats``,
    less the few members not counted (looked up one by one, not tested on every row)."""
    every = s.scalar(select(func.count()).select_from(MS).where(*conditions)) or 0
    gone = s.scalar(
        select(func.count()).select_from(MS).where(MS.customer_id.in_(_inactive(s, now)), *conditions)
    )
    return int(every) - int(gone or 0)


def _n_but(s: Session, now: datetime, *complement: ColumnElement[bool]) -> int:
    """Active members with a visit matching none of ``complement``: every row less those matching.

    For a condition most members meet (a first bill, a spend, a last visit before some day) the
    rows that do not are the smaller index range, and ``SELECT count(*)`` of the whole table is
    SQLite's quick count of the smallest index (no row read). The ``complement`` conditions must
    not overlap (each is counted apart: one index range each, where an OR would be read twice) and
    be true or false on every row (spell out ``IS NULL`` where a column may be null).
    """
    inactive = _inactive(s, now)
    count = 0
    for where in ((), *((c,) for c in complement)):
        sign = 1 if not where else -1
        count += sign * int(s.scalar(select(func.count()).select_from(MS).where(*where)) or 0)
        if inactive:
            gone = select(func.count()).select_from(MS).where(MS.customer_id.in_(inactive), *where)
            count -= sign * int(s.scalar(gone) or 0)
    return count


def _not_inactive(s: Session, now: datetime) -> tuple[ColumnElement[bool], ...]:
    """``customer_id NOT IN`` the few members not counted, or nothing when there are none: an empty
    ``NOT IN`` is rendered as a subquery SQLite evaluates on every row (50 times slower an index walk)."""
    inactive = _inactive(s, now)
    return (MS.customer_id.not_in(inactive),) if inactive else ()


def _kept_spend_is(month: int) -> ColumnElement[bool]:
    """Some member's kept 12-month spend is not the window ending with ``month``: two ranges of the
    ``spend_at`` index (``!=`` would read all of it)."""
    return or_(MS.spend_at < month, MS.spend_at > month)


def _vip_kept(s: Session, now: datetime, rules: SegmentRules, month: int) -> tuple[int | None, int] | None:
    """The VIP cut-off and count off the ``spend_12m`` index, when it holds this month's windows.

    The k-th largest positive spend is one index walk (``ORDER BY … OFFSET k - 1``), the count one
    index range; the few members not counted are left out as ``_n`` does. None when some member's
    window ends after ``month`` (a report for a past moment): then the spends are worked out.
    """
    if s.scalar(select(MS.customer_id).where(_kept_spend_is(month)).limit(1)) is not None:
        return None
    n = _n_but(s, now, MS.spend_12m <= 0)  # spend_12m > 0
    if not n:
        return None, 0
    k = max(1, top_count(n, rules.vip_percent))
    vip = s.scalar(
        select(MS.spend_12m)
        .where(MS.spend_12m > 0, *_not_inactive(s, now))
        .order_by(MS.spend_12m.desc())
        .offset(k - 1)
        .limit(1)
    )
    return (int(vip), _n(s, now, MS.spend_12m >= vip)) if vip is not None else (None, 0)


def _thresholds(s: Session, now: datetime, rules: SegmentRules, month: int) -> tuple[Thresholds, int]:
    """The chain-wide cut-offs (``app.core.segments.thresholds``) from the summary table.

    VIP: the k-th largest kept 12-month spend (``_vip_kept``), or else the 12-month spends of the
    members seen in the last twelve months, sorted here; big first bill: the k-th first bill read
    off the ``first_bill`` index. Also returns how many members are VIPs (at or above the cut-off).
    """
    big = _big_first(s, now, rules)
    vip, vips = _vip_kept(s, now, rules, month) or _vip_sorted(s, now, rules, month)
    return Thresholds(vip_spend=vip, big_first_bill=big), vips


def _vip_sorted(s: Session, now: datetime, rules: SegmentRules, month: int) -> tuple[int | None, int]:
    """The VIP cut-off and count from every 12-month spend worked out from the buckets and sorted here."""
    recent = select(spend_12m(month)).where(MS.spend_month >= stats.window_start(month))
    # A plain list of integers straight from the driver: a million rows through the ORM's result
    # machinery would cost as much again. The statement has only integers in it (literal binds).
    sql = str(recent.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    spends = [v for (v,) in s.connection().exec_driver_sql(sql)]
    if spends:  # the few members not counted leave the list
        for gone in s.scalars(
            select(spend_12m(month)).where(
                MS.spend_month >= stats.window_start(month), MS.customer_id.in_(_inactive(s, now))
            )
        ):
            spends.remove(gone)
    vip = top_share_cutoff(spends, rules.vip_percent)
    vips = sum(1 for v in spends if v > 0 and v >= vip) if vip is not None else 0
    return vip, vips


def _big_first(s: Session, now: datetime, rules: SegmentRules) -> int | None:
    """The big-first-bill cut-off: the k-th first bill read off the ``first_bill`` index."""
    n = _n_but(s, now, MS.first_bill <= 0)  # first_bill > 0
    if not n:
        return None
    k = max(1, top_count(n, rules.big_first_percent))
    return s.scalar(
        select(MS.first_bill)
        .where(MS.first_bill > 0, *_not_inactive(s, now))
        .order_by(MS.first_bill.desc())
        .offset(k - 1)
        .limit(1)
    )


def _lapsed(s: Session, now: datetime, rules: SegmentRules) -> int:
    """Active members with no visit (nor enrolment) in the last N days, from index counts only.

    Those with a visit: their last visit is before the cut-off. Those without: every active
    member enrolled before the cut-off, less the ones with a visit.
    """
    cutoff = now - timedelta(days=rules.lapsed_days)
    seen_before = _n_but(s, now, MS.last_visit >= cutoff, MS.last_visit.is_(None))  # last_visit < cutoff
    # Enrolled before the cut-off: every member less the newer ones (the smaller range; enrolled_at is never null).
    everyone = s.scalar(select(func.count()).select_from(Customer)) or 0
    enrolled = everyone - (s.scalar(select(func.count()).where(Customer.enrolled_at >= min(cutoff, now))) or 0)
    not_counted = sum(1 for (at,) in _not_active(s, Customer.enrolled_at) if at < min(cutoff, now))  # blocked, merged
    with_visit = _n(s, now)
    inactive = _inactive(s, now)
    with_visit_enrolled_later = s.scalar(
        select(func.count())
        .select_from(Customer)
        .join(MS, MS.customer_id == Customer.id)
        .where(Customer.enrolled_at >= cutoff, Customer.enrolled_at < now)
        .where(*((Customer.id.not_in(inactive),) if inactive else ()))
    )  # (no status test here: SQLite would walk the status index over every active member; the members
    # are read off ix_customer_enrolled_id alone, each looked up in member_stats' key)
    never_seen = (enrolled - (not_counted or 0)) - (with_visit - (with_visit_enrolled_later or 0))
    return seen_before + never_seen


def _day_number(s: Session, column: ColumnElement[datetime]) -> ColumnElement[float]:
    """A moment as a (fractional) day number, so that gaps between visits are arithmetic in SQL."""
    if s.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", column) / 86400.0 + JULIAN_UNIX_EPOCH
    return func.julianday(column)  # https://www.sqlite.org/lang_datefunc.html: days since -4713-11-24 12:00 UTC


JULIAN_UNIX_EPOCH = 2440587.5  # the julian day number of 1970-01-01 00:00 UTC


def _overdue(s: Session, now: datetime, rules: SegmentRules) -> ColumnElement[bool]:
    """Two visits or more, and no visit for more than ``at_risk_factor`` times the usual interval
    (``app.core.segments.usual_interval_days``), in SQL."""
    now_day = now.timestamp() / 86400 + JULIAN_UNIX_EPOCH
    first_d, last_d = _day_number(s, MS.first_visit), _day_number(s, MS.last_visit)
    gap = (last_d - first_d) / (MS.visits - 1)
    # The larger of the two, with the gap worked out once: SQLite's two-argument max() is a scalar
    # function (https://www.sqlite.org/lang_corefunc.html#max_scalar), PostgreSQL's is GREATEST; a
    # CASE would parse both moments twice more on every recent visitor (a third of the count's time).
    larger = func.greatest if s.get_bind().dialect.name == "postgresql" else func.max
    interval = larger(gap, rules.min_interval_days)
    return and_(MS.visits >= 2, (now_day - last_d) > rules.at_risk_factor * interval)


def _counts(
    s: Session, now: datetime, rules: SegmentRules, limits: Thresholds, this_month: int, month: int
) -> dict[Segment, int]:
    """Every segment's count (the Segments tab's list of counts): index counts, and one range read
    of the recent visitors for "at risk". ``segments_of`` says the same member by member."""
    new_since = now - timedelta(days=rules.new_days)
    new = _n(s, now, MS.first_visit >= new_since)
    # Regular: two visits in the last 90 days and not new (a new member's visits are all recent).
    regular = _n(s, now, MS.prev_visit >= now - timedelta(days=rules.regular_days))
    regular -= _n(s, now, MS.first_visit >= new_since, MS.prev_visit.is_not(None))
    at_risk = _n(s, now, MS.last_visit >= now - timedelta(days=rules.lapsed_days), _overdue(s, now, rules))
    big = _n(s, now, MS.first_bill >= limits.big_first_bill) if limits.big_first_bill is not None else 0
    born = and_(Customer.birthday_month == this_month, Customer.status == "active")  # ix_customer_birthday
    birthday = s.scalar(select(func.count()).where(born)) or 0
    later = list(s.scalars(select(Customer.id).where(Customer.enrolled_at >= now)))  # not members yet (few)
    if later:
        birthday -= s.scalar(select(func.count()).where(born, Customer.id.in_(later))) or 0
    return {
        Segment.NEW: new,
        Segment.REGULAR: regular,
        Segment.VIP: 0,  # counted with the cut-off (``_thresholds``)
        Segment.AT_RISK: at_risk,
        Segment.LAPSED: _lapsed(s, now, rules),
        Segment.BIG_FIRST: big,
        Segment.BIRTHDAY: int(birthday),
    }


def _member(
    c: Row[Any], f: MemberFacts, rules: SegmentRules, limits: Thresholds, now: datetime, month: int, today: date
) -> SegmentMember:
    return SegmentMember(
        customer_id=c.id,
        name=c.name,
        phone=c.phone,
        card_number=c.card_number,
        marketing_consent=bool(c.marketing_consent),
        gender=c.gender,
        area=c.area,
        age_band=age_band(c.birthday_year, today),
        visits=f.visits,
        last_visit=f.last_visit,
        spend_12m=f.spend_12m,
        segments=segments_of(f, rules, limits, now, month),
    )


@dataclass(frozen=True)
class MemberSegments:
    segments: frozenset[Segment]
    primary: Segment | None


def segment_of(till: Till, customer_id: str, *, now: datetime | None = None) -> MemberSegments:
    """One member's segments (the cashier's card, the customer table), with the remembered cut-offs."""
    return segments_for(till, [customer_id], now=now).get(customer_id, MemberSegments(frozenset(), None))


def segments_for(till: Till, customer_ids: Iterable[str], *, now: datetime | None = None) -> dict[str, MemberSegments]:
    """Segments of a page of members (the customer table asks for the rows it shows)."""
    ids = list(customer_ids)
    if not ids:
        return {}
    now = now or till.clock()
    today = local(now, till.program().timezone).date()
    with read_transaction(till) as s:
        rules = rules_for(s)
        limits = remembered_thresholds(s)
        rows = member_facts(s, now, rules, customer_ids=ids, month=stats.month_number(today))
    out = {}
    for _, f in rows:
        segs = segments_of(f, rules, limits, now, today.month)
        out[f.customer_id] = MemberSegments(segs, primary(segs))
    return out


def _by_name(m: SegmentMember) -> tuple[str, str]:
    """Vietnamese names in dictionary order: without diacritics first ("Đinh" with the D's)."""
    plain = unicodedata.normalize("NFD", m.name.replace("Đ", "D").replace("đ", "d"))
    return ("".join(ch for ch in plain if not unicodedata.combining(ch)).casefold(), m.customer_id)


# -- campaign lists --------------------------------------------------------------------------------
CAMPAIGNS: dict[str, tuple[Segment, ...]] = {
    "birthday": (Segment.BIRTHDAY,),
    "winback": (Segment.AT_RISK, Segment.LAPSED),
    "vip": (Segment.VIP,),
}
CAMPAIGN_HEADERS = ("name", "phone", "consent", "segment", "last_visit")


def _campaign(campaign: str) -> tuple[Segment, ...]:
    wanted = CAMPAIGNS.get(campaign)
    if wanted is None:
        raise InvalidInput("Unknown campaign {0}; choose one of {1}.", campaign=campaign, choices=", ".join(CAMPAIGNS))
    return wanted


def campaign_members(rep: SegmentReport, campaign: str) -> list[SegmentMember]:
    """The members of a campaign who gave marketing consent, by name."""
    wanted = _campaign(campaign)
    picked = [m for m in rep.members if m.marketing_consent and m.segments.intersection(wanted)]
    return sorted(picked, key=_by_name)


def campaign_rows(rep: SegmentReport, campaign: str, timezone: str) -> list[list[object]]:
    wanted = _campaign(campaign)
    rows = []
    for m in campaign_members(rep, campaign):
        seg = next(s for s in wanted if s in m.segments)
        last = local(m.last_visit, timezone).date().isoformat() if m.last_visit else ""
        rows.append([m.name, m.phone or "", "yes", seg.value, last])
    return rows


def export_campaign(till: Till, campaign: str, path: Path, *, by: StaffMember, rep: SegmentReport | None = None) -> int:
    """Write the campaign list to a CSV (or .xlsx) file and the audit log; returns the number of members."""
    _campaign(campaign)
    rep = rep or report(till)
    rows = campaign_rows(rep, campaign, till.program().timezone)
    writer = exports.write_xlsx if Path(path).suffix.lower() == ".xlsx" else exports.write_csv
    n = writer(Path(path), CAMPAIGN_HEADERS, rows)
    with till.transaction() as s:
        audit(s, by, "campaign.export", campaign, after={"members": n, "file": Path(path).name})
    return n


def export_segment(till: Till, rep: SegmentReport, segment: Segment, path: Path, *, by: StaffMember) -> int:
    """A segment's list (every member in it, consent shown) to CSV/xlsx, audited like a campaign list."""
    timezone = till.program().timezone
    rows = [
        [
            m.name,
            m.phone or "",
            "yes" if m.marketing_consent else "no",
            segment.value,
            local(m.last_visit, timezone).date().isoformat() if m.last_visit else "",
        ]
        for m in sorted(rep.members_in(segment), key=_by_name)
    ]
    writer = exports.write_xlsx if Path(path).suffix.lower() == ".xlsx" else exports.write_csv
    n = writer(Path(path), CAMPAIGN_HEADERS, rows)
    with till.transaction() as s:
        audit(s, by, "segment.export", segment.value, after={"members": n, "file": Path(path).name})
    return n


# -- counts without the full report ----------------------------------------------------------------
def count(till: Till, segment: Segment, *, now: datetime | None = None) -> int:
    """How many active members are in ``segment`` (no filters).

    Lapsed and birthday are counted in SQL alone; the others need the chain-wide cut-offs
    and go through ``report`` (whose counts are SQL too).
    """
    now = now or till.clock()
    if segment is Segment.BIRTHDAY:
        month = local(now, till.program().timezone).month
        with read_transaction(till) as s:
            return int(
                s.scalar(select(func.count()).where(Customer.status == "active", Customer.birthday_month == month)) or 0
            )
    if segment is Segment.LAPSED:
        with read_transaction(till) as s:
            return _lapsed(s, now, rules_for(s))
    return report(till, now=now).count(segment)
