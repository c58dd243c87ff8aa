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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Row, case, func, select
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
    thresholds,
)
from app.db.models import Customer, Setting
from app.services import exports
from app.services.reports.visits import live_earns, read_transaction
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


@dataclass(frozen=True)
class SegmentReport:
    as_of: datetime
    rules: SegmentRules
    limits: Thresholds
    members: tuple[SegmentMember, ...]  # every active member, filtered

    def count(self, segment: Segment) -> int:
        return sum(segment in m.segments for m in self.members)

    def counts(self) -> dict[Segment, int]:
        c: Counter[Segment] = Counter()
        for m in self.members:
            c.update(m.segments)
        return {s: c.get(s, 0) for s in Segment}

    def members_in(self, segment: Segment) -> list[SegmentMember]:
        return [m for m in self.members if segment in m.segments]

    def filtered(self, filters: SegmentFilter) -> SegmentReport:
        """The same report narrowed to the members the filters match (no new query)."""
        return SegmentReport(self.as_of, self.rules, self.limits, tuple(m for m in self.members if filters.matches(m)))


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
def member_facts(
    s: Session, now: datetime, rules: SegmentRules, *, customer_ids: list[str] | None = None
) -> list[tuple[Row[Any], MemberFacts]]:
    """Every active member (or those named) with the facts the rules need, as of ``now``."""
    v = live_earns(None, now, customer_ids=customer_ids)
    recent = now - timedelta(days=rules.regular_days)
    year = now - timedelta(days=365)
    # One window, in the order of the (customer, time) index, over each member's whole history:
    # every aggregate rides on the first row, so no sort and no second grouping pass is needed.
    window = {"partition_by": v.c.customer_id, "order_by": v.c.created_at, "rows": (None, None)}
    per_visit = select(
        v.c.customer_id.label("customer_id"),
        func.row_number().over(partition_by=v.c.customer_id, order_by=v.c.created_at).label("rank"),
        func.count().over(**window).label("visits"),
        func.min(v.c.created_at).over(**window).label("first_visit"),
        func.max(v.c.created_at).over(**window).label("last_visit"),
        func.sum(case((v.c.created_at >= recent, 1), else_=0)).over(**window).label("recent"),
        func.sum(case((v.c.created_at >= year, v.c.net), else_=0)).over(**window).label("spend_12m"),
        v.c.net.label("first_bill"),
    ).subquery()
    firsts = select(
        per_visit.c.customer_id,
        per_visit.c.visits,
        per_visit.c.first_visit,
        per_visit.c.last_visit,
        per_visit.c.recent,
        per_visit.c.spend_12m,
        per_visit.c.first_bill,
    ).where(per_visit.c.rank == 1)
    visited = {row[0]: row[1:] for row in s.execute(firsts)}
    # Plain columns, not ORM objects: a million members are read here.
    q = select(
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
    ).where(Customer.status == "active", Customer.enrolled_at < now)
    if customer_ids is not None:
        q = q.where(Customer.id.in_(customer_ids))
    out = []
    none = (0, None, None, 0, 0, 0)
    for c in s.execute(q):
        visits, first, last, recent_n, spend, first_bill = visited.get(c.id, none)
        out.append(
            (
                c,
                MemberFacts(
                    customer_id=c.id,
                    enrolled_at=c.enrolled_at,
                    visits=int(visits or 0),
                    first_visit=_utc(first),
                    last_visit=_utc(last),
                    recent_visits=int(recent_n or 0),
                    spend_12m=int(spend or 0),
                    first_bill=int(first_bill or 0),
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
    """Every active member with their segments (and the cut-offs, remembered for ``segment_of``)."""
    now = now or till.clock()
    program = till.program()
    today = local(now, program.timezone).date()
    with read_transaction(till) as s:  # a long read must not hold the till's write lock
        rules = rules_for(s)
        rows = member_facts(s, now, rules)
    limits = thresholds((f for _, f in rows), rules)
    with till.transaction() as s:
        _remember(s, limits, now)
    members = []
    for c, f in rows:
        members.append(_member(c, f, rules, limits, now, today.month, today))
    flt = filters or SegmentFilter()
    return SegmentReport(now, rules, limits, tuple(m for m in members if flt.matches(m)))


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
    month = local(now, till.program().timezone).month
    with read_transaction(till) as s:
        rules = rules_for(s)
        limits = remembered_thresholds(s)
        rows = member_facts(s, now, rules, customer_ids=ids)
    out = {}
    for _, f in rows:
        segs = segments_of(f, rules, limits, now, month)
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

    Lapsed and birthday are counted in SQL (an index range over recent visits, the customer
    table); the others need every member's facts and go through ``report``.
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
            cutoff = now - timedelta(days=rules_for(s).lapsed_days)
            recent = live_earns(cutoff, now)
            seen = select(recent.c.customer_id).distinct()
            q = select(func.count()).where(
                Customer.status == "active", Customer.enrolled_at < cutoff, Customer.id.not_in(seen)
            )
            return int(s.scalar(q) or 0)
    return report(till, now=now).count(segment)
