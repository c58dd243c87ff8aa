"""Calendar rules: points expire after a year without a visit; the birthday bonus comes once a year."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.core.lifecycle import Birthday, add_months, birthday_bonus_due, is_birthday_period, points_to_expire
from app.core.program import worked_example_program

PROGRAM = replace(worked_example_program(), birthday_points=50)


def vn(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")).astimezone(UTC)


LAST_VISIT = vn(2026, 3, 10)


def test_points_expire_twelve_months_after_the_last_visit_not_a_day_before() -> None:
    assert points_to_expire(PROGRAM, 120, LAST_VISIT, vn(2027, 3, 9, 23)) == 0
    assert points_to_expire(PROGRAM, 120, LAST_VISIT, vn(2027, 3, 10, 10)) == 120


def test_a_shop_that_set_expiry_to_zero_never_expires_points() -> None:
    never = replace(PROGRAM, expiry_months=0)
    assert points_to_expire(never, 120, LAST_VISIT, vn(2040, 1, 1)) == 0


def test_nothing_expires_from_an_empty_or_negative_balance() -> None:
    assert points_to_expire(PROGRAM, 0, LAST_VISIT, vn(2030, 1, 1)) == 0
    assert points_to_expire(PROGRAM, -5, LAST_VISIT, vn(2030, 1, 1)) == 0


def test_six_month_expiry() -> None:
    six = replace(PROGRAM, expiry_months=6)
    assert points_to_expire(six, 10, LAST_VISIT, vn(2026, 9, 9)) == 0
    assert points_to_expire(six, 10, LAST_VISIT, vn(2026, 9, 10, 11)) == 10


def test_months_are_added_like_a_calendar_31_january_plus_one_month_is_28_february() -> None:
    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert add_months(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 4, 30, tzinfo=UTC)
    assert add_months(datetime(2026, 11, 15, tzinfo=UTC), 3) == datetime(2027, 2, 15, tzinfo=UTC)
    assert add_months(datetime(2027, 2, 15, tzinfo=UTC), -3) == datetime(2026, 11, 15, tzinfo=UTC)


LAN = Birthday(day=26, month=11)  # Thursday 26 November 2026


def test_the_birthday_bonus_comes_in_the_birthday_week() -> None:
    assert birthday_bonus_due(PROGRAM, LAN, vn(2026, 11, 23), None)  # Monday of that week
    assert birthday_bonus_due(PROGRAM, LAN, vn(2026, 11, 29, 20), None)  # Sunday evening
    assert not birthday_bonus_due(PROGRAM, LAN, vn(2026, 11, 22), None)  # the Sunday before
    assert not birthday_bonus_due(PROGRAM, LAN, vn(2026, 11, 30), None)


def test_the_birthday_bonus_comes_once_a_year() -> None:
    assert not birthday_bonus_due(PROGRAM, LAN, vn(2026, 11, 26), last_bonus_year=2026)
    assert birthday_bonus_due(PROGRAM, LAN, vn(2027, 11, 26), last_bonus_year=2026)


def test_a_birthday_month_program_gives_it_all_month() -> None:
    month = replace(PROGRAM, birthday_window="month")
    assert birthday_bonus_due(month, LAN, vn(2026, 11, 1), None)
    assert birthday_bonus_due(month, LAN, vn(2026, 11, 30, 20), None)
    assert not birthday_bonus_due(month, LAN, vn(2026, 12, 1), None)


def test_no_birthday_bonus_when_the_shop_gives_none_or_the_birthday_is_unknown() -> None:
    assert not birthday_bonus_due(replace(PROGRAM, birthday_points=0), LAN, vn(2026, 11, 26), None)
    assert not birthday_bonus_due(PROGRAM, None, vn(2026, 11, 26), None)


def test_the_birthday_week_is_the_shops_week() -> None:
    # Sunday 22 November 20:00 UTC is already Monday 23 November 03:00 in the shop: Lan's birthday week.
    assert birthday_bonus_due(PROGRAM, LAN, datetime(2026, 11, 22, 20, 0, tzinfo=UTC), None)


def test_a_29_february_birthday_is_celebrated_on_the_28th_in_common_years() -> None:
    leap = Birthday(29, 2)
    assert leap.in_year(2027) == date(2027, 2, 28)
    assert leap.in_year(2028) == date(2028, 2, 29)
    assert is_birthday_period("week", leap, date(2027, 2, 26))


@pytest.mark.parametrize(
    ("day", "month", "year"), [(31, 2, None), (0, 5, None), (12, 13, None), (29, 2, 2023)]
)
def test_a_birthday_that_is_not_a_date_is_refused(day: int, month: int, year: int | None) -> None:
    with pytest.raises(ValueError):
        Birthday(day, month, year)
