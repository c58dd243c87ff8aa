"""Money as the shop writes it: 125.000 ₫ in Vietnamese, 125,000 ₫ in English, never a float."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import InvalidInput
from app.core.money import USD, VND, Money, check_bill, format_money, parse_amount


def test_a_coffee_bill_is_written_with_dots_in_vietnamese_and_commas_in_english() -> None:
    assert format_money(125_000, VND, "vi") == "125.000 ₫"
    assert format_money(125_000, VND, "en") == "125,000 ₫"
    assert Money(125_000).format() == "125.000 ₫"


def test_large_and_small_amounts_are_grouped_by_thousands() -> None:
    assert format_money(1_250_000, VND, "vi") == "1.250.000 ₫"
    assert format_money(5_000, VND, "vi") == "5.000 ₫"
    assert format_money(500, VND, "vi") == "500 ₫"
    assert format_money(0, VND, "vi") == "0 ₫"


def test_a_refund_is_shown_with_a_minus_sign() -> None:
    assert format_money(-25_000, VND, "vi") == "-25.000 ₫"


def test_dollars_keep_their_cents_and_put_the_symbol_first() -> None:
    assert format_money(1234, USD, "en") == "$12.34"
    assert format_money(123_405, USD, "vi") == "$1.234,05"


@pytest.mark.parametrize(
    "typed",
    [
        "125000",
        "125.000",
        "125,000",
        "125.000 ₫",
        "125,000₫",
        "125.000đ",
        "125.000 VND",
        " 125 000 ",
        "125.000,00",
    ],
)
def test_what_a_cashier_or_a_pos_file_types_for_125_thousand_dong(typed: str) -> None:
    assert parse_amount(typed, VND) == 125_000


def test_a_pos_writing_dong_with_two_zero_decimals_is_understood() -> None:
    assert parse_amount("125000.00", VND) == 125_000


def test_dollar_amounts_parse_to_cents() -> None:
    assert parse_amount("12.34", USD) == 1234
    assert parse_amount("$1,234.50", USD) == 123_450
    assert parse_amount("1.234,50", USD) == 123_450
    assert parse_amount("12,34", USD, decimal_comma=True) == 1234


def test_negative_amounts_in_a_refund_export() -> None:
    assert parse_amount("-25.000", VND) == -25_000
    assert parse_amount("(25.000)", VND) == -25_000


@pytest.mark.parametrize("bad", ["", "   ", "abc", "12a", "1.2.3", "12.34.5", "₫", "--5", "1,23,456"])
def test_things_that_are_not_amounts_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(bad, VND)


def test_half_a_dong_is_refused_rather_than_rounded() -> None:
    with pytest.raises(InvalidInput, match="decimals"):
        parse_amount("12.5", VND)


def test_money_is_whole_minor_units_never_a_float() -> None:
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)


def test_dong_and_dollars_do_not_add_up() -> None:
    assert Money(100) + Money(50) == Money(150)
    with pytest.raises(InvalidInput):
        Money(100, VND) + Money(100, USD)


@pytest.mark.parametrize("bill", [0, -1, -125_000, 1_000_000_001, 10**15])
def test_a_bill_a_cashier_cannot_mean_is_refused(bill: int) -> None:
    with pytest.raises(InvalidInput):
        check_bill(bill, VND)


@pytest.mark.parametrize("bill", [12.5, 125000.0, True, "125000", None])
def test_a_bill_that_is_not_a_whole_number_is_refused(bill: object) -> None:
    with pytest.raises(InvalidInput):
        check_bill(bill, VND)  # type: ignore[arg-type]


def test_the_biggest_bill_is_one_billion_dong() -> None:
    assert check_bill(1_000_000_000, VND) == 1_000_000_000
    assert check_bill(1, VND) == 1


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["vi", "en"]))
def test_whatever_is_shown_parses_back_to_the_same_amount(minor: int, locale: str) -> None:
    assert parse_amount(format_money(minor, VND, locale), VND) == minor
    shown = format_money(minor, USD, locale)
    assert parse_amount(shown, USD, decimal_comma=locale == "vi") == minor
