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


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("+1 415 555 0100", "+14155550100"),  # a tourist from the US
        ("+82 10-1234-5678", "+821012345678"),  # a Korean mobile
        ("0082 10 1234 5678", "+821012345678"),  # dialled with the international prefix
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_a_tourists_number_is_read_with_its_own_countrys_plan(typed: str, e164: str) -> None:
    assert normalise_phone(typed) == e164


def test_a_foreign_number_that_fits_no_plan_is_refused() -> None:
    with pytest.raises(InvalidInput, match="phone number"):
        normalise_phone("+1 099 555 0100")  # no US area code starts with 0
    with pytest.raises(InvalidInput, match="phone number"):
        normalise_phone("+82 10-1234")


def test_a_vietnamese_number_in_a_range_newer_than_the_library_still_enrols() -> None:
    """A till's copy of the numbering plan lags the carriers: today's length rule still holds for +84."""
    assert normalise_phone("0992 123 456") == "+84992123456"


def test_the_sentence_shows_the_number_as_typed_without_quotes() -> None:
    with pytest.raises(InvalidInput) as err:
        normalise_phone("12345")
    assert str(err.value) == "12345 is not a Vietnamese phone number (expected 10 digits like 0912 345 678)."
    assert err.value.details == {"phone": "12345"}
    with pytest.raises(InvalidInput) as err:
        normalise_phone("0912x345678")
    assert str(err.value) == "0912x345678 is not a phone number."
