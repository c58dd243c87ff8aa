"""Tiers: up the moment it is earned, down only gently (yearly, one level, never soon after a visit)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from app.core.program import Tier, worked_example_program
from app.core.tiers import qualifying_window_start, review_due, review_tier, tier_for_figure, upgrade_to

THREE = replace(
    worked_example_program(),
    tiers=(Tier("Green", 0), Tier("Silver", 100, Fraction(6, 5)), Tier("Gold", 300, Fraction(3, 2))),
)
EXAMPLE = worked_example_program()


def vn(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")).astimezone(UTC)


REVIEW_DAY = vn(2027, 1, 1, 9)


def test_a_member_becomes_gold_the_moment_they_reach_300_qualifying_points() -> None:
    assert upgrade_to(EXAMPLE, None, 299) is None
    assert upgrade_to(EXAMPLE, None, 300) == EXAMPLE.tier("Gold")
    assert upgrade_to(EXAMPLE, "Member", 450).name == "Gold"


def test_a_big_spender_can_skip_a_level() -> None:
    assert upgrade_to(THREE, "Green", 320).name == "Gold"


def test_a_gold_member_is_never_upgraded_to_a_lower_tier() -> None:
    assert upgrade_to(THREE, "Gold", 150) is None
    assert upgrade_to(THREE, "Gold", 0) is None
    assert upgrade_to(THREE, "Gold", 10_000) is None


def test_the_figure_picks_the_highest_tier_reached() -> None:
    assert [tier_for_figure(THREE, f).name for f in (0, 99, 100, 299, 300, 10**6)] == [
        "Green",
        "Green",
        "Silver",
        "Silver",
        "Gold",
        "Gold",
    ]


def test_the_review_happens_once_a_year_on_the_first_of_january_in_the_shop() -> None:
    # 31 December 20:00 UTC is already 1 January 03:00 in Hồ Chí Minh City.
    new_year_in_vietnam = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    assert review_due(EXAMPLE, new_year_in_vietnam, last_review=vn(2026, 1, 1))
    assert not review_due(EXAMPLE, vn(2026, 12, 31, 23), last_review=vn(2026, 1, 1))
    assert not review_due(EXAMPLE, REVIEW_DAY, last_review=REVIEW_DAY)  # already done this year
    assert not review_due(EXAMPLE, vn(2027, 6, 1), last_review=REVIEW_DAY)
    assert review_due(EXAMPLE, vn(2027, 6, 1), last_review=None)  # a till that missed January catches up
    assert review_due(EXAMPLE, vn(2028, 1, 2), last_review=REVIEW_DAY)


def test_gold_who_stopped_coming_goes_down_one_level_not_to_the_bottom() -> None:
    last_visit = REVIEW_DAY - timedelta(days=200)
    assert review_tier(THREE, "Gold", 0, last_visit, REVIEW_DAY).name == "Silver"
    assert review_tier(THREE, "Silver", 0, last_visit, REVIEW_DAY).name == "Green"


def test_a_regular_who_was_ill_keeps_gold_within_90_days_of_their_last_visit() -> None:
    assert review_tier(THREE, "Gold", 0, REVIEW_DAY - timedelta(days=89), REVIEW_DAY) is None
    assert review_tier(THREE, "Gold", 0, REVIEW_DAY - timedelta(days=90), REVIEW_DAY).name == "Silver"


def test_gold_who_still_earns_enough_keeps_gold() -> None:
    long_ago = REVIEW_DAY - timedelta(days=365)
    assert review_tier(THREE, "Gold", 300, long_ago, REVIEW_DAY) is None
    assert review_tier(THREE, "Gold", 299, long_ago, REVIEW_DAY).name == "Silver"


def test_the_base_tier_cannot_go_lower() -> None:
    assert review_tier(THREE, "Green", 0, None, REVIEW_DAY) is None
    assert review_tier(THREE, None, 0, None, REVIEW_DAY) is None


def test_the_qualifying_figure_counts_the_last_twelve_months() -> None:
    assert qualifying_window_start(EXAMPLE, datetime(2027, 3, 15, tzinfo=UTC)) == datetime(
        2026, 3, 15, tzinfo=UTC
    )
    six = replace(EXAMPLE, qualifying_months=6)
    assert qualifying_window_start(six, datetime(2027, 3, 15, tzinfo=UTC)) == datetime(
        2026, 9, 15, tzinfo=UTC
    )
