"""A happy hour's days as a manager types and reads them, in English and Vietnamese."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInput
from app.core.weekdays import ENGLISH, VIETNAMESE, format_days, parse_days

WEEKDAYS = frozenset({0, 1, 2, 3, 4})


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("Mon-Fri", WEEKDAYS),
        ("mon – fri", WEEKDAYS),
        ("T2-T6", WEEKDAYS),
        ("Thứ 2 đến Thứ 6", WEEKDAYS),
        ("thứ hai - thứ sáu", WEEKDAYS),
        ("Sat, Sun", frozenset({5, 6})),
        ("T7, CN", frozenset({5, 6})),
        ("Chủ nhật", frozenset({6})),
        ("Fri-Mon", frozenset({4, 5, 6, 0})),  # a range may wrap over the weekend
        ("Tue", frozenset({1})),
        ("Thu", frozenset({3})),
        ("0,2", frozenset({0, 2})),  # the old way still reads: 0 = Monday
        ("", frozenset(range(7))),  # nothing typed: every day, as a new window's default
    ],
)
def test_typed_days_are_read(typed: str, days: frozenset[int]) -> None:
    assert parse_days(typed) == days


@pytest.mark.parametrize("typed", ["Funday", "7", "Mon-Fri-Sun", "T8"])
def test_a_day_that_is_not_one_is_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(InvalidInput, match="not a day"):
        parse_days(typed)


def test_days_are_shown_as_a_person_writes_them() -> None:
    assert format_days(WEEKDAYS) == "Mon–Fri"
    assert format_days(WEEKDAYS, VIETNAMESE) == "T2–T6"
    assert format_days({5, 6}, VIETNAMESE) == "T7, CN"
    assert format_days({0, 2, 3, 4, 6}) == "Mon, Wed–Fri, Sun"
    assert format_days(range(7), ENGLISH) == "Mon–Sun"


@pytest.mark.parametrize("days", [{0}, {1, 3}, {0, 1, 2}, {4, 5, 6}, {0, 2, 4, 6}, set(range(7))])
def test_what_is_shown_reads_back_as_the_same_days(days: set[int]) -> None:
    for names in (ENGLISH, VIETNAMESE):
        assert parse_days(format_days(days, names)) == frozenset(days)
