"""One place to ask the time, so tests can set it and every stored time is UTC."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Refuse naive datetimes: a naive time in a ledger is a bug waiting for a time zone."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times are stored in UTC and must carry a zone")
    return moment.astimezone(UTC)


def local(moment: datetime, zone: str | tzinfo) -> datetime:
    """The store's wall-clock time for a UTC moment (rules and screens use this)."""
    tz = ZoneInfo(zone) if isinstance(zone, str) else zone
    return as_utc(moment).astimezone(tz)
