"""Time-driven rules: expiry after inactivity, birthday bonus, referral bonus.

Every one of them ends as a ledger entry, never as a silent change of a balance,
so a customer who asks "where did my points go?" gets an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.core.clock import local
from app.core.errors import InvalidInput
from app.core.program import Program


def add_months(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.month - 1 + months, 12)
    day = min(moment.day, 28 if month + 1 == 2 else 30 if month + 1 in (4, 6, 9, 11) else 31)
    return moment.replace(year=moment.year + year, month=month + 1, day=day)


def points_to_expire(program: Program, points: int, last_activity: datetime | None, now: datetime) -> int:
    """All remaining points expire once ``expiry_months`` pass without a visit (0 = never)."""
    if program.expiry_months <= 0 or points <= 0 or last_activity is None:
        return 0
    if now >= add_months(last_activity, program.expiry_months):
        return points
    return 0


@dataclass(frozen=True)
class Birthday:
    day: int
    month: int
    year: int | None = None

    def __post_init__(self) -> None:
        try:
            date(self.year or 2000, self.month, self.day)  # 2000: a leap year, so 29/2 is fine
        except ValueError:
            raise ValueError(f"{self.day}/{self.month} is not a date") from None

    def in_year(self, year: int) -> date:
        try:
            return date(year, self.month, self.day)
        except ValueError:  # 29 February in a common year: celebrate on the 28th
            return date(year, 2, 28)


def birthday_bonus_due(program: Program, birthday: Birthday | None, now: datetime, last_bonus_year: int | None) -> bool:
    """Once a year, within the birthday week (Mon–Sun) or month, in the store's calendar."""
    if not program.birthday_points or birthday is None:
        return False
    today = local(now, program.timezone).date()
    if last_bonus_year == today.year:
        return False
    return is_birthday_period(program.birthday_window, birthday, today)


def is_birthday_period(window: str, birthday: Birthday, today: date) -> bool:
    day = birthday.in_year(today.year)
    if window == "month":
        return today.month == day.month
    start = today - timedelta(days=today.weekday())
    return start <= day <= start + timedelta(days=6)


def parse_birthday(text: str, *, this_year: int | None = None) -> Birthday | None:
    """ "24/11", "24-11-1990", "24.11" → Birthday; empty → None; anything else → InvalidInput.

    Day first, as Vietnam writes dates. The one parser for the till, the back office and the
    CLI, so "24.11" means the same everywhere (it used to crash the CLI).
    """
    text = text.strip()
    if not text:
        return None
    bad = InvalidInput("Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).")
    parts = [p for p in re.split(r"[/\-.\s]+", text) if p]
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise bad
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else None
    if year is not None and year < 100:
        year += 1900 if year > 30 else 2000
    latest = this_year or date.today().year
    if year is not None and not 1900 <= year <= latest:
        raise bad
    try:
        return Birthday(day, month, year)
    except ValueError:
        raise bad from None
