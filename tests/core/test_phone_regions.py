"""The store's country as the default region of a typed phone: pure functions, the region an argument."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInput
from app.core.phone import (
    calling_code,
    country_name,
    display_phone,
    example_phone,
    is_region,
    normalise_phone,
    phone_region,
)


@pytest.mark.parametrize(
    "typed", ["(617) 555-0142", "6175550142", "617-555-0142", "617.555.0142", "+1 617 555 0142", "1 617 555 0142"]
)
def test_an_american_number_typed_the_american_way_in_a_us_shop(typed: str) -> None:
    assert normalise_phone(typed, "US") == "+16175550142"


def test_the_region_is_an_argument_and_vietnam_the_default() -> None:
    assert normalise_phone("0912 345 678") == normalise_phone("0912 345 678", "VN") == "+84912345678"
    assert normalise_phone("0912 345 678", "84") == "+84912345678"  # the calling code, as before
    assert normalise_phone("+84 912 345 678", "US") == "+84912345678"  # a tourist in New York
    assert normalise_phone("06 12 34 56 78", "FR") == "+33612345678"
    with pytest.raises(InvalidInput):
        normalise_phone("(617) 555-014", "US")  # nine digits


def test_an_unknown_region_reads_as_vietnam_rather_than_stopping_the_till() -> None:
    assert phone_region("xx") == "VN" and phone_region("") == "VN" and phone_region(" us ") == "US"
    assert is_region("US") and is_region("vn") and not is_region("XX") and not is_region("")


def test_own_numbers_national_foreign_ones_international() -> None:
    assert display_phone("+16175550142", "US") == "(617) 555-0142"
    assert display_phone("+84912345678", "US") == "+84 912 345 678"
    assert display_phone("+14165550100", "US") == "+1 416-555-0100"  # Toronto shares +1 but is Canada
    assert display_phone("+14165550100", "CA") == "(416) 555-0100"
    assert display_phone("+33612345678", "FR") == "06 12 34 56 78"
    assert display_phone("not a number", "US") == "not a number"


def test_a_vietnamese_till_shows_exactly_what_it_did() -> None:
    assert display_phone("+84912345678", "VN") == "0912 345 678"
    assert display_phone("+14155550100", "VN") == "+14155550100"


def test_names_codes_and_examples_for_the_owner() -> None:
    assert country_name("US", "en") == "United States" and country_name("US", "vi") == "Hoa Kỳ"
    assert country_name("VN", "vi") == "Việt Nam" and country_name("VN", "en") == "Vietnam"
    assert calling_code("US") == 1 and calling_code("VN") == 84
    # The plans' own example mobile, written nationally (it changes with the plans, so read back, not pinned).
    assert example_phone("US").startswith("(") and normalise_phone(example_phone("US"), "US").startswith("+1")
    assert example_phone("VN") == "0912 345 678"
