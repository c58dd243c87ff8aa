"""Tiers: up at once when earned, down gently.

Upgrade happens the moment the rolling qualifying figure crosses a threshold.
Downgrade waits for the yearly review, drops at most one level, and never
happens within the grace period after the last visit: a regular who was ill or
travelling should not come back to find they lost everything.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.clock import local
from app.core.program import Program, Tier


def tier_for_figure(program: Program, qualifying: int) -> Tier:
    reached = program.base_tier
    for tier in program.tiers:
        if qualifying >= tier.threshold:
            reached = tier
    return reached


def upgrade_to(program: Program, current: str | None, qualifying: int) -> Tier | None:
    """The tier to move up to now, or None when the member stays where they are."""
    target = tier_for_figure(program, qualifying)
    if program.tiers.index(target) > program.tier_rank(current):
        return target
    return None


def qualifying_window_start(program: Program, now: datetime) -> datetime:
    """Start of the rolling window (12 months by default) the qualifying figure counts."""
    months = program.qualifying_months
    year, month = divmod(now.month - 1 - months, 12)
    day = min(now.day, 28)
    return now.replace(year=now.year + year, month=month + 1, day=day)


def review_due(program: Program, now: datetime, last_review: datetime | None) -> bool:
    """True once per year, on or after the review date in the store's zone."""
    t = local(now, program.timezone)
    review_this_year = t.replace(
        month=program.review_month, day=program.review_day, hour=0, minute=0, second=0, microsecond=0
    )
    if t < review_this_year:
        return False
    return last_review is None or local(last_review, program.timezone) < review_this_year


def review_tier(
    program: Program, current: str | None, qualifying: int, last_visit: datetime | None, now: datetime
) -> Tier | None:
    """At the yearly review: the tier one level down, or None to keep the member's tier."""
    rank = program.tier_rank(current)
    if rank == 0:
        return None
    if tier_for_figure(program, qualifying).threshold >= program.tiers[rank].threshold:
        return None
    if last_visit is not None and now - last_visit < timedelta(days=program.downgrade_grace_days):
        return None
    return program.tiers[rank - 1]
