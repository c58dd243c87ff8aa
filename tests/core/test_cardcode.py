"""Card numbers a cashier types and QR payloads a scanner reads: what is accepted and what is refused."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
import qrcode.constants
import qrcode.util
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.cardcode import (
    CARD_NUMBER_LENGTH,
    MSG_FORGED,
    format_card_number,
    is_valid_card_number,
    looks_like_card_payload,
    luhn_check_digit,
    make_card_number,
    new_card_key,
    normalise_card_number,
    random_card_number,
    sign_card_payload,
    unverified_card_number,
    verify_card_payload,
)
from app.core.errors import BadCardCode, LoyaltyError

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))

serials = st.integers(min_value=0, max_value=10**8 - 1)
card_numbers = serials.map(make_card_number)


# --------------------------------------------------------------------------- card numbers


def test_card_number_is_ten_digits_with_prefix_and_luhn_digit() -> None:
    number = make_card_number(12345678)
    assert number == "8123456785"
    assert len(number) == CARD_NUMBER_LENGTH
    assert number.startswith("8")
    assert luhn_check_digit(number[:-1]) == number[-1]
    assert make_card_number(12345678) == number  # deterministic
    assert make_card_number(0) == "8000000003"
    assert make_card_number(1, prefix="71")[:9] == "710000001"


def test_known_luhn_values() -> None:
    # The textbook example (Wikipedia's 7992739871 → check digit 3).
    assert luhn_check_digit("7992739871") == "3"
    assert is_valid_card_number("8123456785")


@pytest.mark.parametrize("serial", [-1, 10**8])
def test_serial_out_of_range_is_a_programming_error(serial: int) -> None:
    with pytest.raises(ValueError):
        make_card_number(serial)


@pytest.mark.parametrize("prefix", ["", "0", "09", "8a", "123456789"])
def test_bad_prefix_is_a_programming_error(prefix: str) -> None:
    with pytest.raises(ValueError):
        make_card_number(1, prefix=prefix)


@given(st.randoms(use_true_random=False))
def test_random_card_numbers_are_valid(rng: random.Random) -> None:
    number = random_card_number(rng)
    assert is_valid_card_number(number)
    assert number.startswith("8") and len(number) == CARD_NUMBER_LENGTH


def test_random_card_number_without_rng_uses_the_system_generator() -> None:
    numbers = {random_card_number() for _ in range(50)}
    assert all(is_valid_card_number(n) for n in numbers)
    assert len(numbers) > 45  # not a fixed sequence


def test_random_card_number_is_reproducible_with_a_seeded_rng() -> None:
    assert random_card_number(random.Random(7)) == random_card_number(random.Random(7))


@pytest.mark.parametrize(
    "typed",
    ["8123 4567 85", "8123-4567-85", "  8123456785\r\n", "812 345 6785", "８１２３４５６７８５", "8123 – 4567 – 85"],
)
def test_people_may_type_spaces_and_dashes(typed: str) -> None:
    assert normalise_card_number(typed) == "8123456785"
    assert is_valid_card_number(typed)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("8123456788", "The card number 8123456788 is mistyped (check digit does not match)."),
        ("81234567", "has 8 digits; a card number has 10"),
        ("81234567855", "has 11 digits"),
        ("8123A56785", "only digits"),
        ("+84912345678", "only digits"),
        ("0912345678", "looks like a phone number"),
        ("", "No card number was entered."),
        ("   ", "No card number was entered."),
        ("٨١٢٣٤٥٦٧٨٥", "only digits"),  # Arabic-Indic digits are digits to Python, not to us
    ],
)
def test_mistyped_numbers_are_refused_with_a_readable_sentence(typed: str, says: str) -> None:
    with pytest.raises(BadCardCode) as caught:
        normalise_card_number(typed)
    assert says in str(caught.value)
    assert not is_valid_card_number(typed)


def test_a_huge_input_is_not_echoed_back_whole() -> None:
    with pytest.raises(BadCardCode) as caught:
        normalise_card_number("x" * 10_000)
    assert len(str(caught.value)) < 120


def test_format_groups_digits_for_printing() -> None:
    assert format_card_number("8123456785") == "8123 4567 85"
    assert format_card_number(" 8123-4567-85 ") == "8123 4567 85"
    with pytest.raises(BadCardCode):
        format_card_number("8123456788")


@settings(max_examples=300)
@given(card_numbers)
def test_every_single_digit_substitution_is_refused(number: str) -> None:
    assert is_valid_card_number(number)
    for position in range(len(number)):
        for digit in string.digits:
            if digit != number[position]:
                typo = number[:position] + digit + number[position + 1 :]
                assert not is_valid_card_number(typo), typo


@settings(max_examples=300)
@given(card_numbers)
def test_every_adjacent_transposition_is_refused_except_09(number: str) -> None:
    for position in range(len(number) - 1):
        a, b = number[position], number[position + 1]
        if a == b or {a, b} == {"0", "9"}:
            continue  # no change, or the one swap Luhn cannot see
        swapped = number[:position] + b + a + number[position + 2 :]
        assert not is_valid_card_number(swapped), swapped


def test_the_09_transposition_is_indeed_invisible_to_luhn() -> None:
    """Documents the known blind spot the property test above skips."""
    number = make_card_number(12345091)
    at = number.index("09")
    swapped = number[:at] + "90" + number[at + 2 :]
    assert swapped != number
    assert is_valid_card_number(number) and is_valid_card_number(swapped)


# --------------------------------------------------------------------------- QR payloads


def test_payload_round_trip() -> None:
    number = make_card_number(12345678)
    payload = sign_card_payload(number, KEY)
    assert payload.startswith("LT1.8123456785.")
    assert verify_card_payload(payload, KEY) == number
    assert payload == sign_card_payload("8123 4567 85", KEY)  # canonical whatever the spelling


def test_payload_uses_only_qr_alphanumeric_characters() -> None:
    payload = sign_card_payload(make_card_number(1), KEY)
    assert set(payload) <= set(string.digits + string.ascii_uppercase + " $%*+-./:")


@pytest.mark.parametrize("level", ["M", "Q", "H"])
def test_payload_fits_a_small_qr(level: str) -> None:
    correction = getattr(qrcode.constants, f"ERROR_CORRECT_{level}")
    for number in ["8000000003", make_card_number(99_999_999), random_card_number(random.Random(1))]:
        code = qrcode.QRCode(error_correction=correction)
        code.add_data(sign_card_payload(number, new_card_key()))
        code.make(fit=True)
        assert code.version <= 3  # ≤ 4 is the target; H fits in 3 (29 × 29 modules)
        assert all(chunk.mode == qrcode.util.MODE_ALPHA_NUM for chunk in code.data_list)


def test_payload_signed_with_another_key_is_refused() -> None:
    forged = sign_card_payload(make_card_number(42), OTHER_KEY)
    with pytest.raises(BadCardCode) as caught:
        verify_card_payload(forged, KEY)
    assert str(caught.value) == MSG_FORGED


def test_scanner_whitespace_and_caps_lock_are_forgiven() -> None:
    number = make_card_number(777)
    payload = sign_card_payload(number, KEY)
    for scanned in [payload + "\r", payload + "\n", payload + "\r\n", f"  {payload}  ", payload.lower()]:
        assert verify_card_payload(scanned, KEY) == number
        assert looks_like_card_payload(scanned)


def _alterations(payload: str) -> list[str]:
    """Every single-character change, except the ASCII case flips that caps-lock forgiveness allows."""
    alphabet = (
        string.ascii_uppercase
        + string.ascii_lowercase
        + string.digits
        + ".-: /=+_\t\x00"
        + "ıſＡ０٣éĐ\u200b"  # non-ASCII look-alikes, some of which upper-case to ASCII
    )
    altered = []
    for position, original in enumerate(payload):
        for char in alphabet:
            if char == original or (char.isascii() and char.upper() == original):
                continue
            altered.append(payload[:position] + char + payload[position + 1 :])
    return altered


def test_every_single_character_alteration_is_refused() -> None:
    payload = sign_card_payload(make_card_number(31337), KEY)
    altered = _alterations(payload)
    assert len(altered) > 2000
    for text in altered:
        with pytest.raises(BadCardCode):
            verify_card_payload(text, KEY)
            pytest.fail(f"accepted an altered payload: {text!r}")


def test_every_insertion_and_deletion_is_refused() -> None:
    payload = sign_card_payload(make_card_number(31337), KEY)
    for position in range(len(payload) + 1):
        for char in "A7.0":
            with pytest.raises(BadCardCode):
                verify_card_payload(payload[:position] + char + payload[position:], KEY)
    for position in range(len(payload)):
        with pytest.raises(BadCardCode):
            verify_card_payload(payload[:position] + payload[position + 1 :], KEY)


def test_every_truncation_is_refused() -> None:
    payload = sign_card_payload(make_card_number(5), KEY)
    for end in range(len(payload)):
        with pytest.raises(BadCardCode):
            verify_card_payload(payload[:end], KEY)
    for start in range(1, len(payload)):
        with pytest.raises(BadCardCode):
            verify_card_payload(payload[start:], KEY)


@pytest.mark.parametrize("garbage", ["A", "AAAA", ".", "=", "\x00", " X", "\r\nLT1", "é", "=="])
def test_garbage_appended_is_refused(garbage: str) -> None:
    payload = sign_card_payload(make_card_number(5), KEY)
    with pytest.raises(BadCardCode):
        verify_card_payload(payload + garbage, KEY)


def test_whitespace_inside_is_not_forgiven() -> None:
    payload = sign_card_payload(make_card_number(5), KEY)
    with pytest.raises(BadCardCode):
        verify_card_payload(payload[:10] + " " + payload[10:], KEY)


@pytest.mark.parametrize("text", ["", "   ", "\r\n", "\t"])
def test_empty_scans_are_refused(text: str) -> None:
    with pytest.raises(BadCardCode) as caught:
        verify_card_payload(text, KEY)
    assert "scan" in str(caught.value)


def test_a_newer_payload_version_says_to_update_the_terminal() -> None:
    payload = sign_card_payload(make_card_number(5), KEY).replace("LT1.", "LT2.", 1)
    with pytest.raises(BadCardCode) as caught:
        verify_card_payload(payload, KEY)
    assert "newer version" in str(caught.value)


@pytest.mark.parametrize("version_text", ["LT0.", "LT01.", "LT001."])
def test_odd_version_spellings_are_refused(version_text: str) -> None:
    payload = sign_card_payload(make_card_number(5), KEY).replace("LT1.", version_text, 1)
    with pytest.raises(BadCardCode):
        verify_card_payload(payload, KEY)


def test_sign_refuses_bad_input() -> None:
    with pytest.raises(BadCardCode):
        sign_card_payload("8123456788", KEY)
    with pytest.raises(ValueError):
        sign_card_payload("8123456785", b"")
    with pytest.raises(ValueError):
        sign_card_payload("8123456785", KEY, version=2)
    with pytest.raises(ValueError):
        verify_card_payload("LT1.8123456785.AAAAAAAAAAAAAAAA", b"")


def test_new_card_keys_are_random_and_long() -> None:
    assert len(new_card_key()) == 32
    assert new_card_key() != new_card_key()


@settings(max_examples=500)
@given(st.text(max_size=80))
def test_random_text_never_verifies_and_only_raises_bad_card_code(text: str) -> None:
    with pytest.raises(BadCardCode):
        verify_card_payload(text, KEY)


@settings(max_examples=300)
@given(st.from_regex(r"LT[0-9]{1,2}\.[0-9]{10}\.[A-Z2-7]{16}", fullmatch=True))
def test_well_shaped_random_payloads_never_verify(text: str) -> None:
    with pytest.raises(BadCardCode):
        verify_card_payload(text, KEY)


def test_non_string_input_is_refused() -> None:
    with pytest.raises(BadCardCode):
        verify_card_payload(b"LT1.8123456785.AAAAAAAAAAAAAAAA", KEY)  # type: ignore[arg-type]
    with pytest.raises(BadCardCode):
        normalise_card_number(8123456785)  # type: ignore[arg-type]
    assert not looks_like_card_payload(None)  # type: ignore[arg-type]


def test_errors_are_loyalty_errors_the_ui_can_show() -> None:
    with pytest.raises(LoyaltyError) as caught:
        verify_card_payload("hello", KEY)
    assert caught.value.code == "bad_card_code"
    assert str(caught.value) == "This is not a loyalty card QR code."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LT1.8123456785.ABC", True),  # damaged, but clearly a card code: verify gives the message
        ("lt1.8123456785.abc", True),
        ("LT2.8123456785.ABCDEFGHIJKLMNOP\r", True),
        ("Lan", False),
        ("Lt Thuy", False),
        ("0912345678", False),
        ("8123 4567 85", False),
        ("+84912345678", False),
        ("", False),
        ("LT", False),
        ("LT.", False),
    ],
)
def test_looks_like_card_payload(text: str, expected: bool) -> None:
    assert looks_like_card_payload(text) is expected


def test_unverified_card_number_reads_without_checking() -> None:
    payload = sign_card_payload(make_card_number(9), OTHER_KEY)
    assert unverified_card_number(payload) == make_card_number(9)
    assert unverified_card_number("nonsense") is None
