"""Voucher codes: a short code for people and a signed payload for scanners.

A voucher is a promise of money off a bill (a compensation after a complaint, a
reward of the program). Any till of the chain must honour it once, offline
included — also a till that has not pulled the voucher yet. So the QR payload
carries everything a till needs, signed with the chain's card key like the card
QR (``app.core.cardcode``):

    LV1.<code>.<value>.<expiry YYYYMMDD>.<MAC>

* ``code``: 8 characters of RFC 4648 base32 (no 0/1/8/9, nothing to confuse),
  the voucher's identity and what a person types at a till that knows it;
* ``value``: minor units of the store's currency;
* ``expiry``: the last day it can be used (UTC date);
* ``MAC``: HMAC-SHA256 over everything before it, truncated to 80 bits, base32.

A changed value or date, or a code someone made up, fails the MAC and is refused
offline. Letters, digits and ``.`` only: QR alphanumeric mode, version 3–4.

Pure: stdlib only, no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date

from app.core.errors import BadCardCode

TAG = "LV"
VERSION = 1
CODE_CHARS = 8
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_MAC_BYTES = 10
_MAC_CHARS = 16
_MAX_CHARS = 80
_SHAPE = re.compile(r"LV([0-9]{1,3})\.([A-Z2-7]{8})\.([0-9]{1,15})\.([0-9]{8})\.([A-Z2-7]+)")
_CODE = re.compile(r"[A-Z2-7]{8}")

MSG_FORGED = "This voucher code is not valid for this shop (it may be forged or damaged)."
MSG_NOT_A_VOUCHER = "This is not a voucher code."


@dataclass(frozen=True)
class VoucherCode:
    code: str
    value: int
    expires_on: date


def new_code() -> str:
    """A fresh random 8-character code (40 bits: two tills never draw the same one in practice)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(CODE_CHARS))


def _mac(body: str, key: bytes) -> str:
    digest = hmac.new(bytes(key), body.encode("ascii"), hashlib.sha256).digest()[:_MAC_BYTES]
    return base64.b32encode(digest).decode("ascii")


def sign_voucher(voucher: VoucherCode, key: bytes) -> str:
    """The QR text of a voucher: ``LV1.K7QZMXAB.50000.20270301.ABCDEFGHIJKLMNOP``."""
    if not key:
        raise ValueError("the card key must be non-empty bytes")
    if not _CODE.fullmatch(voucher.code) or voucher.value <= 0:
        raise ValueError(f"not a voucher that can be signed: {voucher!r}")
    body = f"{TAG}{VERSION}.{voucher.code}.{voucher.value}.{voucher.expires_on:%Y%m%d}"
    return f"{body}.{_mac(body, key)}"


def looks_like_voucher(text: str) -> bool:
    """The scan/search field's guess: a signed voucher payload (any case)."""
    return isinstance(text, str) and text.strip()[:4].upper().startswith(f"{TAG}{VERSION}.")


def normalise_code(text: str) -> str:
    """A typed short code: spaces and dashes dropped, upper case; refused if it cannot be one."""
    code = re.sub(r"[\s\-]+", "", text or "").upper()
    if not code.isascii() or not _CODE.fullmatch(code):
        raise BadCardCode(MSG_NOT_A_VOUCHER, text=text)
    return code


def verify_voucher(payload: str, key: bytes) -> VoucherCode:
    """What a genuine payload says; ``BadCardCode`` for anything altered, made up or cut short."""
    text = (payload or "").strip(" \t\r\n")
    if not text or len(text) > _MAX_CHARS or not text.isascii():
        raise BadCardCode(MSG_NOT_A_VOUCHER)
    text = text.upper()
    match = _SHAPE.fullmatch(text)
    if match is None:
        raise BadCardCode(MSG_FORGED if text.startswith(TAG) else MSG_NOT_A_VOUCHER)
    version, code, value, day, mac = match.groups()
    if version != str(VERSION):
        raise BadCardCode(MSG_FORGED)
    body = text[: -len(mac) - 1]
    if len(mac) != _MAC_CHARS or not hmac.compare_digest(mac, _mac(body, key)):
        raise BadCardCode(MSG_FORGED)
    try:
        expires_on = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        raise BadCardCode(MSG_FORGED) from None
    return VoucherCode(code=code, value=int(value), expires_on=expires_on)
