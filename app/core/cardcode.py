"""Card numbers and the signed QR payload printed on membership cards.

Two codes identify a member, for two different hands:

* the **card number** is for people: ten digits, the last one a Luhn check
  digit, so a cashier who mistypes one digit or swaps two neighbours is told at
  once instead of landing on somebody else's account. It is not a secret.
* the **QR payload** is for scanners: ``LT1.<card number>.<MAC>``, where the MAC
  is HMAC-SHA256 over ``LT1.<card number>`` with the program's card key,
  truncated to 80 bits and written in RFC 4648 base32 without padding. A till
  checks it offline, so a code someone printed for a number they guessed, or a
  damaged sticker, is refused before any points are spent (DESIGN §5).

The payload uses only digits, ``A``–``Z`` and ``.``, all in the QR
*alphanumeric* set, so it fits a version 3 QR at error-correction level Q
(29 × 29 modules) — large modules survive worn plastic and cheap printers.

Case: a USB scanner that "types" the code while Caps Lock is on sends the
letters in lower case. Since the canonical payload is upper case and contains
no letters whose case carries meaning, :func:`verify_card_payload` upper-cases
ASCII input before checking. That accepts exactly the case variants of a
genuine payload and nothing else (non-ASCII characters are refused *before*
case folding, because e.g. ``"ı".upper() == "I"``), so forging is no easier.

Pure: stdlib only, no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import re
import secrets
import unicodedata

from app.core.errors import BadCardCode

CARD_NUMBER_LENGTH = 10
DEFAULT_PREFIX = "8"

PAYLOAD_TAG = "LT"
PAYLOAD_VERSION = 1
SUPPORTED_PAYLOAD_VERSIONS = frozenset({PAYLOAD_VERSION})
MAC_BYTES = 10  # 80 bits: exactly 16 base32 characters, so no padding and no spare bits
MAC_CHARS = 16
CARD_KEY_BYTES = 32

# Anything longer than this is not one of our QR codes; refuse before any work.
_MAX_PAYLOAD_CHARS = 64
_SCANNER_JUNK = " \t\r\n"  # what a scanner or a copy-paste adds around a code
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")  # spaces and dashes people type
_PAYLOAD_SHAPE = re.compile(r"LT([0-9]{1,3})\.([0-9]+)\.([A-Z2-7]+)")
_PAYLOAD_PREFIX = re.compile(r"LT[0-9]{1,3}\.")

MSG_NOT_A_CARD_QR = "This is not a loyalty card QR code."
MSG_FORGED = "This card's QR code is not valid for this store (it may be forged or damaged)."


# --------------------------------------------------------------------------- card numbers


def luhn_check_digit(digits: str) -> str:
    """The Luhn digit that makes ``digits + check`` valid.

    Luhn, because it is what payment cards use: it catches every single wrong
    digit and every swap of two neighbouring digits except 09 ↔ 90.
    """
    if not digits.isascii() or not digits.isdigit():
        raise ValueError(f"Luhn needs ASCII digits, got {digits!r}")
    total = 0
    # Walking from the right, the digit next to the (future) check digit is doubled.
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _luhn_ok(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def _check_prefix(prefix: str) -> None:
    if not prefix.isascii() or not prefix.isdigit() or len(prefix) >= CARD_NUMBER_LENGTH - 1:
        raise ValueError(f"card number prefix must be 1–{CARD_NUMBER_LENGTH - 2} digits, got {prefix!r}")
    if prefix.startswith("0"):
        # Vietnamese phone numbers are ten digits starting with 0; a card number
        # never does, so the cashier's search field can tell them apart.
        raise ValueError("card number prefix must not start with 0 (that is how phone numbers start)")


def make_card_number(serial: int, prefix: str = DEFAULT_PREFIX) -> str:
    """``prefix`` + zero-padded ``serial`` + Luhn digit, ten digits in all.

    Deterministic: the central server hands out serials, so the same serial
    always gives the same printed number.
    """
    _check_prefix(prefix)
    width = CARD_NUMBER_LENGTH - 1 - len(prefix)
    if not 0 <= serial < 10**width:
        raise ValueError(f"serial {serial} does not fit in {width} digits after prefix {prefix!r}")
    body = f"{prefix}{serial:0{width}d}"
    return body + luhn_check_digit(body)


def random_card_number(rng: random.Random | None = None, prefix: str = DEFAULT_PREFIX) -> str:
    """A valid card number with random digits, for enrolment at an offline till.

    With no central serial to ask for, a till draws one; a collision (about one
    in 10⁸ per pair with the default prefix) is caught by the database's unique
    index and the caller draws again. ``rng`` is for tests; by default the
    operating system's generator is used, so two tills never share a sequence.
    """
    _check_prefix(prefix)
    rng = rng if rng is not None else secrets.SystemRandom()
    width = CARD_NUMBER_LENGTH - 1 - len(prefix)
    return make_card_number(rng.randrange(10**width), prefix)


def _shown(text: str, limit: int = 20) -> str:
    """The user's input as it can be echoed back in a message (never a wall of text)."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalise_card_number(text: str) -> str:
    """The ten bare digits of a card number as a person typed it.

    Spaces and dashes are dropped ("8123 4567 89", "8123-4567-89"); full-width
    digits from an East Asian input method become ASCII. Anything else is
    refused with a sentence the cashier can act on.
    """
    if not isinstance(text, str):
        raise BadCardCode("No card number was entered.")
    digits = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if not digits:
        raise BadCardCode("No card number was entered.")
    if not (digits.isascii() and digits.isdigit()):
        raise BadCardCode(
            "The card number {0} is mistyped (a card number has only digits).",
            text=_shown(text),
        )
    if len(digits) != CARD_NUMBER_LENGTH:
        raise BadCardCode(
            "The card number {0} is mistyped (it has {1} digits; a card number has {2}).",
            text=_shown(digits),
            count=len(digits),
            length=CARD_NUMBER_LENGTH,
        )
    if digits.startswith("0"):
        raise BadCardCode(
            "{0} starts with 0, so it looks like a phone number, not a card number.",
            text=digits,
        )
    if not _luhn_ok(digits):
        raise BadCardCode(
            "The card number {0} is mistyped (check digit does not match).",
            text=digits,
        )
    return digits


def is_valid_card_number(text: str) -> bool:
    """True if ``text`` (spaces and dashes allowed) is a well-formed card number."""
    try:
        normalise_card_number(text)
    except BadCardCode:
        return False
    return True


def format_card_number(number: str) -> str:
    """The number in groups for printing and reading aloud: ``8123 4567 89``."""
    digits = normalise_card_number(number)
    return f"{digits[0:4]} {digits[4:8]} {digits[8:]}"


# --------------------------------------------------------------------------- QR payloads


def new_card_key() -> bytes:
    """A fresh random card key for a program (stored with it, synced to every till)."""
    return secrets.token_bytes(CARD_KEY_BYTES)


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes | bytearray) or not key:
        raise ValueError("the card key must be non-empty bytes")


def _mac(body: str, key: bytes) -> str:
    digest = hmac.new(bytes(key), body.encode("ascii"), hashlib.sha256).digest()[:MAC_BYTES]
    return base64.b32encode(digest).decode("ascii")  # 10 bytes → 16 chars, never padded


def sign_card_payload(card_number: str, key: bytes, version: int = PAYLOAD_VERSION) -> str:
    """The QR text for a card: ``LT1.8123456789.ABCDEFGHIJKLMNOP``."""
    _check_key(key)
    if version not in SUPPORTED_PAYLOAD_VERSIONS:
        raise ValueError(f"unsupported card payload version {version}")
    body = f"{PAYLOAD_TAG}{version}.{normalise_card_number(card_number)}"
    return f"{body}.{_mac(body, key)}"


def _canonical(payload: str) -> str:
    """Scanner text → canonical upper-case form, or :class:`BadCardCode`."""
    if not isinstance(payload, str):
        raise BadCardCode(MSG_NOT_A_CARD_QR)
    text = payload.strip(_SCANNER_JUNK)
    if not text:
        raise BadCardCode("Nothing was scanned. Please scan the card's QR code again.")
    # ASCII first, then case: "ı".upper() == "I" must not turn junk into a letter.
    if len(text) > _MAX_PAYLOAD_CHARS or not text.isascii():
        raise BadCardCode(MSG_NOT_A_CARD_QR)
    return text.upper()


def verify_card_payload(payload: str, key: bytes) -> str:
    """The card number carried by a genuine payload; :class:`BadCardCode` otherwise.

    Only the whitespace a scanner adds at the ends (spaces, ``\\r``, ``\\n``) is
    forgiven; every other difference from what :func:`sign_card_payload` made
    (a changed, missing or extra character) is refused.
    """
    _check_key(key)
    text = _canonical(payload)
    match = _PAYLOAD_SHAPE.fullmatch(text)
    if match is None:
        if _PAYLOAD_PREFIX.match(text):
            raise BadCardCode(MSG_FORGED)  # ours, but cut short or damaged
        raise BadCardCode(MSG_NOT_A_CARD_QR)
    version_text, number, mac = match.groups()
    version = int(version_text)
    if version_text != str(version) or version <= 0:
        raise BadCardCode(MSG_FORGED)
    if version not in SUPPORTED_PAYLOAD_VERSIONS:
        raise BadCardCode(
            "This card's QR code was made by a newer version of the loyalty program. "
            "Please update this terminal, or type the card number instead."
        )
    body = f"{PAYLOAD_TAG}{version_text}.{number}"
    # The MAC is compared as text, and 16 base32 characters carry exactly 80
    # bits, so no two spellings of one MAC exist.
    if len(mac) != MAC_CHARS or not hmac.compare_digest(mac, _mac(body, key)):
        raise BadCardCode(MSG_FORGED)
    # A genuine MAC over a bad number would mean a signing bug; refuse it anyway.
    if len(number) != CARD_NUMBER_LENGTH or not is_valid_card_number(number):
        raise BadCardCode(MSG_FORGED)
    return number


def looks_like_card_payload(text: str) -> bool:
    """Cheap guess, for the cashier's search field, that ``text`` is a scanned card QR.

    Only the prefix is checked (``LT`` + version + ``.``, any case), so a damaged
    or future-version code still goes to :func:`verify_card_payload` and gets its
    own message, rather than being searched as a customer's name.
    """
    if not isinstance(text, str):
        return False
    head = text.strip(_SCANNER_JUNK)[:8]
    return head.isascii() and _PAYLOAD_PREFIX.match(head.upper()) is not None


def unverified_card_number(payload: str) -> str | None:
    """The card number *written in* a payload, without checking the MAC.

    For printing only (making sure a card's QR and its printed number agree).
    Never use it to identify a customer: that is what :func:`verify_card_payload`
    is for.
    """
    try:
        match = _PAYLOAD_SHAPE.fullmatch(_canonical(payload))
    except BadCardCode:
        return None
    return match.group(2) if match else None
