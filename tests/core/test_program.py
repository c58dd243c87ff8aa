"""A program version is data: it survives storage and sync unchanged, and nonsense is refused."""

from __future__ import annotations

import json
from datetime import time
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import InvalidInput
from app.core.program import (
    CategoryBonus,
    Program,
    StampMode,
    StampRule,
    Tier,
    TimeWindow,
    worked_example_program,
)


def test_the_worked_example_is_the_design_documents_program() -> None:
    p = worked_example_program()
    assert (p.points_per_step, p.amount_step) == (1, 10_000)
    assert (p.card_size, p.starter_stamps) == (10, 2)
    assert p.stamp_rule == StampRule(StampMode.VISIT, min_spend=30_000)
    assert [(t.name, t.threshold, t.multiplier) for t in p.tiers] == [
        ("Member", 0, Fraction(1)),
        ("Gold", 300, Fraction(3, 2)),
    ]
    (tuesday,) = p.windows
    assert tuesday.weekdays == frozenset({1}) and tuesday.multiplier == 2
    assert p.timezone == "Asia/Ho_Chi_Minh"


def test_a_program_survives_storage_unchanged() -> None:
    p = worked_example_program()
    assert Program.from_json(p.to_json()) == p


def test_a_rich_program_survives_storage_unchanged() -> None:
    p = Program(
        version=7,
        name="Phở Bò 24",
        point_name="Xu",
        tax_qualifies=False,
        stamp_rule=StampRule(
            StampMode.ITEM, min_spend=0, skus=frozenset({"CF01", "CF02"}), categories=frozenset({"trà"})
        ),
        windows=(
            TimeWindow("Happy hour", Fraction(3, 2), frozenset({0, 1, 2, 3, 4}), time(14, 0), time(17, 0)),
            TimeWindow("Late night", Fraction(5, 4), frozenset({4, 5}), time(22, 0), time(2, 0)),
            TimeWindow("Thirds", Fraction(4, 3)),
        ),
        category_bonuses=(CategoryBonus("dessert", Fraction(2)),),
        tiers=(Tier("Đồng", 0), Tier("Bạc", 100, Fraction(6, 5)), Tier("Vàng", 300, Fraction(3, 2))),
        expiry_months=0,
        welcome_points=5,
        birthday_points=20,
        birthday_window="month",
        referral_referrer_points=10,
        referral_new_points=5,
        min_minutes_between_earns=10,
        daily_earn_cap_points=200,
        offline_daily_redeem_cap=50,
        point_value=1_000,
    )
    text = p.to_json()
    assert Program.from_json(text) == p
    assert "Phở Bò 24" in text  # stored readable, not \u-escaped
    data = json.loads(text)
    assert data["tiers"][2]["multiplier"] == "1.5"  # exact decimals, never floats
    assert data["windows"][2]["multiplier"] == "4/3"


def test_old_settings_left_out_take_their_defaults() -> None:
    assert Program.from_json('{"version": 3, "points_per_step": 2}') == Program(version=3, points_per_step=2)


@pytest.mark.parametrize(
    "changes",
    [
        {"amount_step": 0},
        {"amount_step": -10_000},
        {"points_per_step": -1},
        {"card_size": 0},
        {"starter_stamps": 10},  # a full card at enrolment
        {"starter_stamps": -1},
        {"tiers": ()},
        {"tiers": (Tier("Gold", 300),)},  # nobody can start there
        {"tiers": (Tier("Member", 0), Tier("Gold", 300), Tier("Silver", 100))},  # not rising
        {"tiers": (Tier("Member", 0), Tier("Member", 100))},
        {"tiers": (Tier("Member", 0), Tier("Gold", 300, Fraction(0)))},
        {"windows": (TimeWindow("Broken", Fraction(-1)),)},
    ],
)
def test_a_program_that_makes_no_sense_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidInput, match="Program is not valid"):
        Program(**changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"points_per_stamp": 1}',  # unknown setting (a typo must not be silently ignored)
        '{"amount_step": "10000"}',
        '{"amount_step": 10000.5}',
        '{"card_size": true}',
        '{"tiers": [{"name": "Gold"}]}',
        '{"windows": [{"name": "x", "multiplier": "abc"}]}',
        '{"windows": [{"name": "x", "multiplier": "2", "start": "25:00"}]}',
        '{"stamp_rule": {"mode": "weekly"}}',
        '{"tiers": [{"name": "M", "threshold": 0}, {"name": "G", "threshold": 10, "multiplier": "1/0"}]}',
    ],
)
def test_a_damaged_or_mistyped_program_from_the_server_is_refused_readably(text: str) -> None:
    with pytest.raises(InvalidInput, match="Program"):
        Program.from_json(text)


def test_tiers_are_looked_up_by_name_and_an_unknown_tier_means_the_base_tier() -> None:
    p = worked_example_program()
    assert p.tier("Gold").multiplier == Fraction(3, 2)
    assert p.tier(None) == p.base_tier
    assert p.tier("Platinum") == p.base_tier  # e.g. a tier removed by a later version
    assert p.tier_rank("Gold") == 1


@settings(max_examples=60, deadline=None)
@given(
    points_per_step=st.integers(0, 100),
    amount_step=st.integers(1, 10**7),
    card_size=st.integers(2, 30),
    data=st.data(),
    multiplier=st.fractions(min_value=Fraction(1, 10), max_value=10, max_denominator=1000),
    start=st.times(),
    end=st.times(),
    weekdays=st.frozensets(st.integers(0, 6), min_size=1),
)
def test_any_valid_program_round_trips_exactly(
    points_per_step: int,
    amount_step: int,
    card_size: int,
    data: st.DataObject,
    multiplier: Fraction,
    start: time,
    end: time,
    weekdays: frozenset[int],
) -> None:
    starter = data.draw(st.integers(0, card_size - 1))
    p = Program(
        points_per_step=points_per_step,
        amount_step=amount_step,
        card_size=card_size,
        starter_stamps=starter,
        windows=(TimeWindow("w", multiplier, weekdays, start, end),),
        tiers=(Tier("A", 0), Tier("B", 10, multiplier)),
    )
    assert Program.from_json(p.to_json()) == p
