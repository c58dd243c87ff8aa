"""The webcam's decoder on frames made from the app's own cards: what comes out is what the card carries.

Frames come from ``tests/camera_frames.py``: the card as ``app.cards.render`` draws it,
then turned, blurred, far away, or on a dark phone screen with glare, as a webcam at
the customer display would see it.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from camera_frames import card_image, on_desk, phone_in_hand, qr_on_phone
from PIL import Image

from app.core.cardcode import make_card_number, sign_card_payload, verify_card_payload
from app.core.vouchercode import VoucherCode, sign_voucher
from app.services.qr_decode import SeenRecently, decode, is_for_the_till

KEY = bytes(range(32))
NUMBER = make_card_number(1234)
PAYLOAD = sign_card_payload(NUMBER, KEY)
CARD = card_image(PAYLOAD, NUMBER)


def test_the_card_as_rendered_gives_its_payload_and_the_payload_verifies() -> None:
    assert decode(CARD) == (PAYLOAD,)
    assert verify_card_payload(decode(CARD)[0], KEY) == NUMBER


@pytest.mark.parametrize("angle", [12, 33, 90, 180, -140])
def test_a_card_held_at_an_angle(angle: float) -> None:
    assert decode(on_desk(CARD, width=600, angle=angle)) == (PAYLOAD,)


@pytest.mark.parametrize("blur", [1.5, 2.5])
def test_a_blurred_card_out_of_focus(blur: float) -> None:
    assert decode(on_desk(CARD, width=600, blur=blur)) == (PAYLOAD,)


def test_a_small_card_far_from_the_camera() -> None:
    # 200 px wide in a 1280 × 720 frame: the QR is about 60 px, 2 px a module.
    assert decode(on_desk(CARD, width=200, angle=8)) == (PAYLOAD,)


@pytest.mark.parametrize(("scale", "angle"), [(0.85, 15), (0.75, -10), (0.7, 20)])
def test_the_card_on_a_dark_phone_screen_held_up_to_the_camera(scale: float, angle: float) -> None:
    assert decode(phone_in_hand(CARD, scale=scale, angle=angle)) == (PAYLOAD,)


@pytest.mark.parametrize("inverted", [False, True])
def test_the_bare_qr_on_a_phone_in_light_or_dark_mode(inverted: bool) -> None:
    assert decode(phone_in_hand(qr_on_phone(PAYLOAD, inverted=inverted), scale=0.4, angle=25)) == (PAYLOAD,)


def test_encoded_frames_grayscale_and_colour_arrays_all_work() -> None:
    frame = on_desk(CARD, width=500, angle=5)
    for fmt in ("PNG", "JPEG"):
        buffer = io.BytesIO()
        Image.fromarray(frame).save(buffer, format=fmt)
        assert decode(buffer.getvalue()) == (PAYLOAD,), fmt
    gray = np.asarray(Image.fromarray(frame).convert("L"))
    assert decode(gray) == (PAYLOAD,)
    rgba = np.dstack([frame, np.full(frame.shape[:2], 255, np.uint8)])
    assert decode(rgba) == (PAYLOAD,)


def test_two_cards_in_one_frame_give_both_and_an_empty_frame_gives_none() -> None:
    other_number = make_card_number(98765)
    other = sign_card_payload(other_number, KEY)
    frame = Image.new("RGB", (1280, 720), (70, 62, 55))
    frame.paste(CARD.resize((500, 316)), (60, 200))
    frame.paste(card_image(other, other_number, "Trần Văn Bình").resize((500, 316)), (700, 200))
    assert set(decode(frame)) == {PAYLOAD, other}
    assert decode(on_desk(Image.new("RGB", (400, 300), "white"), width=400)) == ()
    assert decode(np.zeros((0, 0), np.uint8)) == ()


def test_what_is_not_an_8_bit_image_is_refused() -> None:
    with pytest.raises(ValueError):
        decode(np.zeros((10, 10), np.float32))
    with pytest.raises(ValueError):
        decode(np.zeros((2, 10, 10, 3), np.uint8))


def test_only_our_card_and_voucher_codes_are_for_the_till() -> None:
    from datetime import date

    voucher = sign_voucher(VoucherCode("K7QZMXAB", 50_000, date(2027, 3, 1)), KEY)
    assert is_for_the_till(PAYLOAD)
    assert is_for_the_till(PAYLOAD[:-1] + "A")  # forged or damaged: still ours, to be refused with its sentence
    assert is_for_the_till(PAYLOAD.lower())
    assert is_for_the_till(voucher)
    assert not is_for_the_till("https://menu.example/cafe")
    assert not is_for_the_till("8934567890123")  # a product's barcode number


def test_a_code_that_stays_in_view_is_reported_once() -> None:
    seen = SeenRecently(gone_after_s=2.0)
    assert seen.new([PAYLOAD], now=10.0) == [PAYLOAD]
    # 30 frames a second for 5 seconds, the card in every one (a few missed to motion blur).
    t = 10.0
    for i in range(150):
        t += 1 / 30
        assert seen.new([] if i % 7 == 0 else [PAYLOAD], now=t) == []
    # Put away for longer than 2 s, then shown again: a new scan.
    assert seen.new([], now=t + 1.0) == []
    assert seen.new([PAYLOAD], now=t + 2.5) == [PAYLOAD]


def test_a_second_card_is_reported_while_the_first_stays_in_view() -> None:
    other = sign_card_payload(make_card_number(98765), KEY)
    seen = SeenRecently(gone_after_s=2.0)
    assert seen.new([PAYLOAD], now=0.0) == [PAYLOAD]
    assert seen.new([PAYLOAD, other, other], now=0.5) == [other]
    seen.forget()
    assert seen.new([PAYLOAD], now=0.6) == [PAYLOAD]
