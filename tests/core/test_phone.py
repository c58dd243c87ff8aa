"""Phone numbers however the cashier types them end up as one E.164 number, so a member is found again."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInput
from app.core.phone import display_phone, looks_like_phone, normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "0912 345 678",
        "+84 912 345 678",
        "0912.345.678",
        "84912345678",
        "0912-345-678",
        "(+84) 912 345 678",
        "0084 912 345 678",
        "+84 0912 345 678",
        "912345678",
        "  0912345678  ",
    ],
)
def test_one_mobile_number_typed_many_ways(typed: str) -> None:
    assert normalise_phone(typed) == "+84912345678"


def test_a_hanoi_landline_with_ten_digits_after_the_zero() -> None:
    assert normalise_phone("024 3825 7777") == "+842438257777"


def test_a_foreign_tourist_number_keeps_its_country() -> None:
    assert normalise_phone("+1 415 555 0100") == "+14155550100"


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "12345", "0912 345", "0912 345 678 999 1", "09123456789012", "abc", "0912x345678", "+84"],
)
def test_numbers_that_cannot_be_a_phone_are_refused_with_a_readable_message(bad: str) -> None:
    with pytest.raises(InvalidInput) as err:
        normalise_phone(bad)
    assert "phone number" in str(err.value)


def test_staff_read_numbers_back_the_vietnamese_way() -> None:
    assert display_phone("+84912345678") == "0912 345 678"
    assert display_phone("+14155550100") == "+14155550100"


def test_the_search_field_tells_a_phone_from_a_name() -> None:
    assert looks_like_phone("0912 345 678")
    assert looks_like_phone("+84912345678")
    assert not looks_like_phone("Nguyễn Văn An")
    assert not looks_like_phone("1234")
