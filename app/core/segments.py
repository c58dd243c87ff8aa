"""Customer segments: pure rules over a member's visit facts (no SQL, no Qt).

The facts come from the ledger (``app.services.segments`` gathers them); the same
rules decide the Segments tab's counts and lists, the campaign lists, the back
office's customer table and the cashier's customer card, so they always agree.

A member can be in several segments at once (a VIP can be at risk); ``primary``
picks the one a cashier should act on, with one suggested action.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class Segment(StrEnum):
    NEW = "new"  # first visit in the last 30 days
    REGULAR = "regular"  # not new, 2+ visits in the last 90 days
    VIP = "vip"  # top 20 % of members by spend over the last 12 months
    AT_RISK = "at_risk"  # overdue: no visit for more than twice their usual interval
    LAPSED = "lapsed"  # no visit (nor enrolment) in the last N days
    BIG_FIRST = "big_first"  # first bill in the top tenth of all first bills
    BIRTHDAY = "birthday"  # birthday this month


# What the cashier should do first, most urgent first.
PRIORITY = (
    Segment.BIRTHDAY,
    Segment.AT_RISK,
    Segment.LAPSED,
    Segment.NEW,
    Segment.BIG_FIRST,
    Segment.VIP,
    Segment.REGULAR,
)

AGE_BANDS = ("under_25", "25_34", "35_44", "45_54", "55_plus")


@dataclass(frozen=True)
class SegmentRules:
    new_days: int = 30
    regular_days: int = 90
    regular_visits: int = 2
    lapsed_days: int = 90  # a setting (``segments.lapsed_days``)
    at_risk_factor: int = 2
    min_interval_days: float = 1.0  # two visits the same day do not make a one-hour "usual interval"
    vip_percent: int = 20
    big_first_percent: int = 10


@dataclass(frozen=True)
class MemberFacts:
    """What the rules need to know about one member, as of ``now``."""

    customer_id: str
    enrolled_at: datetime
    visits: int = 0  # visits ever (earns not voided or refunded in full)
    first_visit: datetime | None = None
    last_visit: datetime | None = None
    recent_visits: int = 0  # visits in the last ``regular_days``
    spend_12m: int = 0  # net bills of the last 12 months, minor units
    first_bill: int = 0  # net amount of the first visit
    birthday_month: int | None = None


@dataclass(frozen=True)
class Thresholds:
    """Chain-wide cut-offs the per-member rules compare against (from all members' facts)."""

    vip_spend: int | None = None  # 12-month spend at or above which a member is a VIP
    big_first_bill: int | None = None  # first bill at or above which it was a big first purchase


def top_count(n: int, percent: int) -> int:
    """How many of ``n`` make the top ``percent`` (rounded up, exact: 20 % of 15 is 3, not 4)."""
    return (n * percent + 99) // 100


def top_share_cutoff(values: Iterable[int], percent: int) -> int | None:
    """The smallest value in the top ``percent`` of the positive values (ties at the edge are in).

    Top 20 % of 10 spenders = the 2 highest: the cut-off is the 2nd highest value.
    """
    ranked = sorted((v for v in values if v > 0), reverse=True)
    if not ranked:
        return None
    return ranked[max(1, top_count(len(ranked), percent)) - 1]


def thresholds(facts: Iterable[MemberFacts], rules: SegmentRules) -> Thresholds:
    facts = list(facts)
    return Thresholds(
        vip_spend=top_share_cutoff((f.spend_12m for f in facts), rules.vip_percent),
        big_first_bill=top_share_cutoff((f.first_bill for f in facts if f.visits), rules.big_first_percent),
    )


def usual_interval_days(f: MemberFacts, rules: SegmentRules) -> float | None:
    """The member's mean gap between visits, in days (None with fewer than two visits)."""
    if f.visits < 2 or f.first_visit is None or f.last_visit is None:
        return None
    gap = (f.last_visit - f.first_visit).total_seconds() / 86400 / (f.visits - 1)
    return max(gap, rules.min_interval_days)


def segments_of(
    f: MemberFacts, rules: SegmentRules, limits: Thresholds, now: datetime, this_month: int
) -> frozenset[Segment]:
    """Every segment the member is in as of ``now`` (``this_month``: the month in the store's zone)."""
    out: set[Segment] = set()
    last_seen = f.last_visit or f.enrolled_at
    lapsed = now - last_seen > timedelta(days=rules.lapsed_days)
    if lapsed:
        out.add(Segment.LAPSED)
    if f.first_visit is not None and now - f.first_visit <= timedelta(days=rules.new_days):
        out.add(Segment.NEW)
    elif f.recent_visits >= rules.regular_visits:
        out.add(Segment.REGULAR)
    interval = usual_interval_days(f, rules)
    if (
        not lapsed
        and interval is not None
        and f.last_visit is not None
        and (now - f.last_visit).total_seconds() / 86400 > rules.at_risk_factor * interval
    ):
        out.add(Segment.AT_RISK)
    if limits.vip_spend is not None and f.spend_12m > 0 and f.spend_12m >= limits.vip_spend:
        out.add(Segment.VIP)
    if limits.big_first_bill is not None and f.visits and f.first_bill >= limits.big_first_bill:
        out.add(Segment.BIG_FIRST)
    if f.birthday_month is not None and f.birthday_month == this_month:
        out.add(Segment.BIRTHDAY)
    return frozenset(out)


def primary(segments: Iterable[Segment]) -> Segment | None:
    """The segment the cashier should act on (see ``PRIORITY``), or None."""
    held = set(segments)
    return next((s for s in PRIORITY if s in held), None)


def age_band(birth_year: int | None, today: date) -> str | None:
    """``under_25``, ``25_34`` … ``55_plus`` from the birth year (age reached this year), or None."""
    if birth_year is None:
        return None
    age = today.year - birth_year
    if age < 25:
        return "under_25"
    if age < 35:
        return "25_34"
    if age < 45:
        return "35_44"
    if age < 55:
        return "45_54"
    return "55_plus"
