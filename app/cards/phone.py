"""The card as a picture for the customer's phone: saved in her photos, shown at the till instead of plastic.

A portrait PNG the size of a phone screen (1080 × 1920, 9:16, which any phone
shows whole; taller phones add a margin): the printed card on top, so she
recognises it in her photos, and under it the card's QR large on white, so a
USB scanner or the display's webcam reads it from a phone held at arm's length
even with the screen dimmed. The QR is drawn at a whole number of pixels per
module with the standard 4-module quiet zone (``render.card_qr_image``), as a
scanner expects; the labels are in both of the till's languages, like the
printed card's.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from app.cards.render import (
    CardFace,
    _check_card,
    _fit,
    _spaced_length,
    _spaced_text,
    card_qr_image,
    load_template,
    render_card_image,
)
from app.core.cardcode import format_card_number

PHONE_SIZE = (1080, 1920)
MARGIN = 60
QR_SIDE = 900  # about 83 % of the width: big enough for a webcam a step away
SHOW_TEXT = "Đưa mã này khi thanh toán · Show this code at the till"


def render_phone_card_image(card: CardFace, template: str = "default") -> Image.Image:
    """The phone picture as an RGB image of ``PHONE_SIZE``."""
    _check_card(card)
    t = load_template(template)
    colours, fonts = t["colours"], t["fonts"]
    width, height = PHONE_SIZE
    image = Image.new("RGB", PHONE_SIZE, colours["background"])
    draw = ImageDraw.Draw(image)

    face = render_card_image(card, template)
    face_w = width - 2 * MARGIN
    face = face.resize((face_w, round(face.height * face_w / face.width)), Image.Resampling.LANCZOS)
    image.paste(face, (MARGIN, MARGIN))
    y = MARGIN + face.height + 90

    # The QR on a white panel with the quiet zone the standard asks for, modules whole pixels.
    modules = card_qr_image(card.payload, box_size=1).width
    qr = card_qr_image(card.payload, box_size=max(QR_SIDE // modules, 1))
    image.paste(qr, ((width - qr.width) // 2, y))
    y += qr.width + 40

    number = format_card_number(card.card_number)
    spacing, size = 6, 64
    number_font = _fit("", fonts["bold"], size, size, face_w)[0]
    left = (width - _spaced_length(number, number_font, spacing)) / 2
    _spaced_text(draw, (left, y + size), number, number_font, colours["number"], spacing)
    y += size + 50

    hint_font, hint = _fit(SHOW_TEXT, fonts["regular"], 36, 22, face_w)
    hint_top = min(y, height - MARGIN - hint_font.size)
    draw.text((width / 2, hint_top), hint, font=hint_font, fill=colours["label"], anchor="mt")
    return image


def render_phone_card_png(card: CardFace, path: Path, template: str = "default") -> Path:
    """Write the phone picture as a PNG at ``path`` (its folder must exist)."""
    path = Path(path)
    render_phone_card_image(card, template).save(path, "PNG")
    return path
