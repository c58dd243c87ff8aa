"""Date ranges for reports: a preset or two dates, as UTC moments of the store's local days.

A report's days are the store's wall-clock days (a Hồ Chí Minh City day starts at
17:00 UTC the day before); ``Period.start``/``end`` are the UTC bounds, end excluded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.core.clock import local
from app.core.errors import InvalidInput

PRESETS = ("today", "7d", "30d", "month", "custom")
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    first_day: date  # local dates, both included
    last_day: date
    timezone: str

    @property
    def start(self) -> datetime:
        return day_start(self.first_day, self.timezone)

    @property
    def end(self) -> datetime:
        return day_start(self.last_day + timedelta(days=1), self.timezone)

    @property
    def days(self) -> list[date]:
        n = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=i) for i in range(n)]

    def previous(self) -> Period:
        """The period of the same length just before this one (for trends)."""
        n = (self.last_day - self.first_day).days + 1
        return Period(self.first_day - timedelta(days=n), self.first_day - timedelta(days=1), self.timezone)


def day_start(day: date, timezone: str) -> datetime:
    """The UTC moment a local day begins."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def period_for(
    preset: str, now: datetime, timezone: str, *, first: date | None = None, last: date | None = None
) -> Period:
    """``today``, ``7d`` / ``30d`` (ending today), ``month`` (this month so far) or ``custom`` (first..last)."""
    today = local(now, timezone).date()
    if preset == "today":
        return Period(today, today, timezone)
    if preset == "7d":
        return Period(today - timedelta(days=6), today, timezone)
    if preset == "30d":
        return Period(today - timedelta(days=29), today, timezone)
    if preset == "month":
        return Period(today.replace(day=1), today, timezone)
    if preset == "custom":
        if first is None or last is None:
            raise InvalidInput("A custom range needs a first and a last day.")
        if last < first:
            raise InvalidInput("The last day of the range is before the first.")
        if (last - first).days + 1 > MAX_DAYS:
            raise InvalidInput("A range can cover at most three years.")
        return Period(first, last, timezone)
    raise InvalidInput("Unknown range {0}.", preset=preset)
