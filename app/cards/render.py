"""Printed membership cards: one PNG per card, or A4 PDF sheets of ten.

Shops print cards on a PVC card printer (a CR80 PNG at 300 dpi) or on paper
and cut them out (an A4 sheet of 2 × 5 cards with cutting outlines and crop
marks). Layout and colours come from a JSON template in ``assets/cards/``; a
shop's own template only needs the keys it changes, the rest comes from
``default.json``.

The QR is drawn module by module at a whole number of pixels per module, so a
printer never has to smear a module across pixel boundaries, and uses
error-correction level H: the card payload is short enough that H still fits a
version 3 code (29 × 29), and H survives a scratched or bent card.
"""

from __future__ import annotations

import copy
import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import qrcode
import qrcode.constants
from PIL import Image, ImageDraw, ImageFont

from app.core.cardcode import format_card_number, normalise_card_number, unverified_card_number

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
TEMPLATES_DIR = ASSETS_DIR / "cards"
FONTS_DIR = ASSETS_DIR / "fonts"

QR_ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_H
QR_QUIET_MODULES = 4  # the quiet zone the QR standard asks for around a code shown on screen
ELLIPSIS = "…"

Font = ImageFont.FreeTypeFont
Colour = str
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class CardFace:
    """What is printed on one card. ``payload`` is the signed QR text (see app.core.cardcode)."""

    name: str
    card_number: str
    payload: str
    store_name: str
    tier: str | None = None


# --------------------------------------------------------------------------- templates


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _template_path(template: str) -> Path:
    """A template name (``"default"``) from ``assets/cards``, or a path to a ``.json`` file."""
    if template.endswith(".json"):
        return Path(template)
    if not template or "/" in template or "\\" in template or template.startswith("."):
        raise ValueError(f"bad card template name {template!r}")
    return TEMPLATES_DIR / f"{template}.json"


def load_template(template: str = "default") -> dict[str, Any]:
    """The template's settings over the defaults; ``_dir`` is where its logo is looked up."""
    with (TEMPLATES_DIR / "default.json").open(encoding="utf-8") as f:
        settings: dict[str, Any] = json.load(f)
    path = _template_path(template)
    if path.resolve() != (TEMPLATES_DIR / "default.json").resolve():
        if not path.is_file():
            raise FileNotFoundError(f"card template {template!r} not found at {path}")
        with path.open(encoding="utf-8") as f:
            settings = _deep_merge(settings, json.load(f))
    settings["_dir"] = str(path.resolve().parent)
    return settings


@lru_cache(maxsize=64)
def _font(file_name: str, size: int) -> Font:
    path = Path(file_name) if Path(file_name).is_absolute() else FONTS_DIR / file_name
    return ImageFont.truetype(str(path), size)


# --------------------------------------------------------------------------- QR


def _qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules without a quiet zone (True = dark)."""
    code = qrcode.QRCode(error_correction=QR_ERROR_CORRECTION, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def _qr_bitmap(
    matrix: list[list[bool]], module_px: int, quiet: int, dark: Colour = "#000000", light: Colour = "#FFFFFF"
) -> Image.Image:
    """Modules drawn as exact ``module_px`` squares with ``quiet`` light modules around."""
    count = len(matrix)
    small = Image.new("1", (count + 2 * quiet, count + 2 * quiet), 1)
    pixels = small.load()
    for y, row in enumerate(matrix):
        for x, is_dark in enumerate(row):
            if is_dark:
                pixels[x + quiet, y + quiet] = 0
    side = small.width * module_px
    mask = small.resize((side, side), Image.Resampling.NEAREST)
    image = Image.new("RGB", (side, side), dark)
    image.paste(Image.new("RGB", (side, side), light), (0, 0), mask.convert("L"))
    return image


def card_qr_image(payload: str, box_size: int = 10) -> Image.Image:
    """The card's QR as an RGB image, with the standard 4-module quiet zone (customer display)."""
    if box_size < 1:
        raise ValueError("box_size must be at least 1 pixel")
    return _qr_bitmap(_qr_matrix(payload), box_size, QR_QUIET_MODULES)


# --------------------------------------------------------------------------- text


def _clean(text: str | None) -> str:
    """NFC and single spaces: a name typed with combining accents still renders as one glyph each."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _ellipsize(text: str, font: Font, max_width: float) -> str:
    if font.getlength(text) <= max_width:
        return text
    while text and font.getlength(text.rstrip() + ELLIPSIS) > max_width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS if text else ""


def _fit(text: str, font_file: str, size: int, min_size: int, max_width: float) -> tuple[Font, str]:
    """The largest size from ``size`` down to ``min_size`` that fits; below that, cut with '…'."""
    for candidate in range(size, min_size - 1, -2):
        font = _font(font_file, candidate)
        if font.getlength(text) <= max_width:
            return font, text
    font = _font(font_file, min_size)
    return font, _ellipsize(text, font, max_width)


def _wrap_two(words: list[str], font: Font, max_width: float) -> list[str] | None:
    """The most even split into two lines that both fit ("Nguyễn Ngọc / Bảo Anh"), or None."""
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widest = max(font.getlength(first), font.getlength(second))
        if widest <= max_width and (best is None or widest < best[0]):
            best = (widest, [first, second])
    return best[1] if best else None


def _fit_name(text: str, font_file: str, sizes: dict[str, int], max_width: float) -> tuple[Font, list[str]]:
    """One line as large as possible; if that would get small, two lines; last resort, cut with '…'.

    Vietnamese full names are often four or five words ("Tôn Nữ Hoàng Phương
    Quỳnh"); the whole name on two lines reads better than half of it on one.
    """
    size, min_size = sizes["size"], sizes["min_size"]
    for candidate in range(size, sizes["two_lines_below"] - 1, -2):
        font = _font(font_file, candidate)
        if font.getlength(text) <= max_width:
            return font, [text]
    words = text.split(" ")
    for candidate in range(sizes["two_lines_size"], min_size - 1, -2):
        font = _font(font_file, candidate)
        if font.getlength(text) <= max_width:
            return font, [text]
        lines = _wrap_two(words, font, max_width) if len(words) > 1 else None
        if lines:
            return font, lines
    font = _font(font_file, min_size)
    first = _ellipsize(words[0], font, max_width)
    for cut in range(len(words) - 1, 0, -1):
        if font.getlength(" ".join(words[:cut])) <= max_width:
            first = " ".join(words[:cut])
            return font, [first, _ellipsize(" ".join(words[cut:]), font, max_width)]
    return font, [first]


def _spaced_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, font: Font, fill: Colour, spacing: int
) -> None:
    """Text with extra letter spacing (left-baseline anchor), for a number read aloud digit by digit."""
    x, y = xy
    for char in text:
        draw.text((x, y), char, font=font, fill=fill, anchor="ls")
        x += font.getlength(char) + (spacing if char != " " else spacing * 2)


def _spaced_length(text: str, font: Font, spacing: int) -> float:
    return sum(font.getlength(c) + (spacing if c != " " else spacing * 2) for c in text) - spacing


# --------------------------------------------------------------------------- shapes


def _smooth_ellipse(image: Image.Image, box: Box, fill: Colour) -> None:
    """An antialiased disc (Pillow's own ellipse has jagged edges at card sizes)."""
    scale = 4
    w, h = box[2] - box[0], box[3] - box[1]
    mask = Image.new("L", (w * scale, h * scale), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, w * scale - 1, h * scale - 1), fill=255)
    mask = mask.resize((w, h), Image.Resampling.LANCZOS)
    image.paste(Image.new("RGB", (w, h), fill), box[:2], mask)


def _monogram_letter(store_name: str) -> str:
    return next((c.upper() for c in store_name if c.isalnum()), "★")


# --------------------------------------------------------------------------- one card


def _draw_band(image: Image.Image, draw: ImageDraw.ImageDraw, card: CardFace, t: dict[str, Any]) -> int:
    """The coloured header: logo or monogram, store name, tier pill. Returns the band's bottom."""
    width = image.width
    colours, fonts, margin = t["colours"], t["fonts"], t["margin"]
    band_h, accent_h = t["band"]["height"], t["band"]["accent_height"]
    # Pillow's rectangles include both corners, hence the -1s.
    draw.rectangle((0, 0, width - 1, band_h - 1), fill=colours["band"])
    draw.rectangle((0, band_h, width - 1, band_h + accent_h - 1), fill=colours["accent"])

    diameter = t["monogram"]["diameter"]
    top = (band_h - diameter) // 2
    logo_box = (margin, top, margin + diameter, top + diameter)
    store = _clean(card.store_name)
    if t.get("logo"):
        logo = Image.open(Path(t["_dir"]) / t["logo"]).convert("RGBA")
        logo.thumbnail((diameter, diameter), Image.Resampling.LANCZOS)
        image.paste(logo, (margin + (diameter - logo.width) // 2, top + (diameter - logo.height) // 2), logo)
    else:
        _smooth_ellipse(image, logo_box, colours["accent"])
        letter_font = _font(fonts["bold"], int(diameter * 0.55))
        centre = (margin + diameter / 2, top + diameter / 2)
        draw.text(centre, _monogram_letter(store), font=letter_font, fill=colours["band"], anchor="mm")

    right = width - margin
    tier = _clean(card.tier)
    if tier:
        tier_font, tier = _fit(tier.upper(), fonts["bold"], t["tier"]["size"], 18, width * 0.3)
        pad_x, pad_y = t["tier"]["padding"]
        ascent, descent = tier_font.getmetrics()
        pill_h = ascent + descent + 2 * pad_y
        pill_w = int(tier_font.getlength(tier)) + 2 * pad_x
        pill = (right - pill_w, (band_h - pill_h) // 2, right, (band_h + pill_h) // 2)
        draw.rounded_rectangle(pill, radius=pill_h // 2, fill=colours["tier_background"])
        draw.text(((pill[0] + pill[2]) / 2, band_h / 2), tier, font=tier_font, fill=colours["tier_text"], anchor="mm")
        right = pill[0] - 28

    text_left = logo_box[2] + 30
    store_font, lines = _fit_name(store, fonts["bold"], t["store_name"], right - text_left)
    # Lines centred as a block; "lm" centres each on its own middle, so step from the block's centre.
    step = store_font.size * 1.2
    y = band_h / 2 - step * (len(lines) - 1) / 2
    for line in lines:
        draw.text((text_left, y), line, font=store_font, fill=colours["band_text"], anchor="lm")
        y += step
    return band_h + accent_h


def _draw_qr(image: Image.Image, card: CardFace, t: dict[str, Any], band_bottom: int) -> int:
    """The QR on a white rounded panel at the right. Returns the panel's left edge."""
    width, height = image.size
    colours, margin, q = t["colours"], t["margin"], t["qr"]
    matrix = _qr_matrix(card.payload)
    room = height - band_bottom - 2 * (margin - 12)
    module_px = min(q["module_px"], room // (len(matrix) + 2 * q["quiet_modules"]))
    if module_px < 4:  # below ~0.34 mm per module at 300 dpi cheap printers blur the code
        raise ValueError("the card's QR code does not fit on this template; shorten the payload")
    bitmap = _qr_bitmap(matrix, module_px, q["quiet_modules"], colours["qr_dark"], colours["qr_panel"])
    left = width - margin - bitmap.width
    top = band_bottom + (height - band_bottom - bitmap.height) // 2
    panel = (left, top, left + bitmap.width - 1, top + bitmap.height - 1)
    ImageDraw.Draw(image).rounded_rectangle(panel, radius=q["corner_radius"], fill=colours["qr_panel"])
    # The code itself keeps square corners; only the panel's light margin is rounded.
    inset = q["quiet_modules"] * module_px
    code = bitmap.crop((inset, inset, bitmap.width - inset, bitmap.height - inset))
    image.paste(code, (left + inset, top + inset))
    return left


def _draw_member(draw: ImageDraw.ImageDraw, card: CardFace, t: dict[str, Any], band_bottom: int, right: int) -> None:
    """Label, the member's name and the card number, in the column left of the QR."""
    colours, fonts, margin = t["colours"], t["fonts"], t["margin"]
    height = draw.im.size[1]
    left, max_width = margin, right - margin

    label = t["label"]
    label_font, label_text = _fit(label["text"], fonts["regular"], label["size"], 14, max_width)
    label_baseline = band_bottom + margin + label["size"] * 0.3
    draw.text((left, label_baseline), label_text, font=label_font, fill=colours["label"], anchor="ls")

    name = t["name"]
    name_font, lines = _fit_name(_clean(card.name), fonts["bold"], name, max_width)
    # Room above each baseline for Vietnamese stacked marks on capitals (Ễ, Ấ, Ộ),
    # clear of the line above's descenders (g, y).
    name_baseline = label_baseline + name_font.size * 1.35
    for line in lines:
        draw.text((left, name_baseline), line, font=name_font, fill=colours["name"], anchor="ls")
        name_baseline += name_font.size * 1.3
    name_baseline -= name_font.size * 1.3

    number = t["number"]
    grouped = format_card_number(card.card_number)
    spacing = number["letter_spacing"]
    size = number["size"]
    while size > 24 and _spaced_length(grouped, _font(fonts["bold"], size), spacing) > max_width:
        size -= 2
    number_font = _font(fonts["bold"], size)
    number_baseline = height - margin - 4
    _spaced_text(draw, (left, number_baseline), grouped, number_font, colours["number"], spacing)

    caption = t["number_label"]
    caption_font, caption_text = _fit(caption["text"], fonts["regular"], caption["size"], 14, max_width)
    caption_baseline = number_baseline - size - 14
    draw.text((left, caption_baseline), caption_text, font=caption_font, fill=colours["label"], anchor="ls")
    # A short accent rule between the name and the number ties the column together.
    rule_y = int((name_baseline + caption_baseline - caption["size"]) / 2) + 6
    draw.rectangle((left, rule_y, left + 72, rule_y + 5), fill=colours["accent"])


def _check_card(card: CardFace) -> None:
    """Refuse to print a card whose QR would open another member's account."""
    number = normalise_card_number(card.card_number)
    in_payload = unverified_card_number(card.payload)
    if in_payload != number:
        raise ValueError(
            f"the QR payload carries card number {in_payload!r}, but the card says {number}; "
            "re-sign the payload for this card"
        )


def render_card_image(card: CardFace, template: str = "default") -> Image.Image:
    """One card as an RGB image at the template's size (CR80 at 300 dpi by default)."""
    _check_card(card)
    t = load_template(template)
    image = Image.new("RGB", tuple(t["size_px"]), t["colours"]["background"])
    draw = ImageDraw.Draw(image)
    band_bottom = _draw_band(image, draw, card, t)
    qr_left = _draw_qr(image, card, t, band_bottom)
    _draw_member(draw, card, t, band_bottom, qr_left - 36)
    return image


def render_card_png(card: CardFace, path: Path, template: str = "default") -> Path:
    """Write one card as a PNG (with its dpi recorded, so it prints at true size)."""
    dpi = load_template(template)["dpi"]
    path = Path(path)
    render_card_image(card, template).save(path, "PNG", dpi=(dpi, dpi))
    return path


# --------------------------------------------------------------------------- sheets


def _sheet_layout(t: dict[str, Any]) -> list[tuple[int, int]]:
    """Top-left corners of the card slots on one page, row by row, centred on the page."""
    sheet = t["sheet"]
    page_w, page_h = sheet["page_px"]
    card_w, card_h = t["size_px"]
    cols, rows, gap = sheet["columns"], sheet["rows"], sheet["gap_px"]
    x0 = (page_w - cols * card_w - (cols - 1) * gap) // 2
    y0 = (page_h - rows * card_h - (rows - 1) * gap) // 2
    if x0 < 0 or y0 < 0:
        raise ValueError("the card sheet layout does not fit on the page")
    return [(x0 + c * (card_w + gap), y0 + r * (card_h + gap)) for r in range(rows) for c in range(cols)]


def _crop_marks(draw: ImageDraw.ImageDraw, slots: list[tuple[int, int]], t: dict[str, Any]) -> None:
    """Short lines in the page margins extending every card edge, for a guillotine or a ruler."""
    card_w, card_h = t["size_px"]
    length, offset = t["sheet"]["crop_mark_px"], t["sheet"]["crop_mark_offset_px"]
    top = min(y for _, y in slots)
    bottom = max(y for _, y in slots) + card_h
    left = min(x for x, _ in slots)
    right = max(x for x, _ in slots) + card_w
    for x in sorted({x for x, _ in slots} | {x + card_w for x, _ in slots}):
        draw.line((x, top - offset - length, x, top - offset), fill="#000000", width=2)
        draw.line((x, bottom + offset, x, bottom + offset + length), fill="#000000", width=2)
    for y in sorted({y for _, y in slots} | {y + card_h for _, y in slots}):
        draw.line((left - offset - length, y, left - offset, y), fill="#000000", width=2)
        draw.line((right + offset, y, right + offset + length, y), fill="#000000", width=2)


def render_sheet_pages(cards: list[CardFace], template: str = "default") -> list[Image.Image]:
    """A4 pages of up to ten cards (2 × 5), each outlined, with crop marks at the margins."""
    if not cards:
        raise ValueError("no cards to print")
    t = load_template(template)
    faces = [render_card_image(card, template) for card in cards]
    slots = _sheet_layout(t)
    card_w, card_h = t["size_px"]
    pages: list[Image.Image] = []
    for start in range(0, len(faces), len(slots)):
        page = Image.new("RGB", tuple(t["sheet"]["page_px"]), "#FFFFFF")
        draw = ImageDraw.Draw(page)
        used = slots[: len(faces[start : start + len(slots)])]
        for face, (x, y) in zip(faces[start : start + len(slots)], used, strict=True):
            page.paste(face, (x, y))
            draw.rectangle((x - 1, y - 1, x + card_w, y + card_h), outline=t["sheet"]["outline"], width=1)
        _crop_marks(draw, used, t)
        pages.append(page)
    return pages


def render_card_pdf(cards: list[CardFace], path: Path, template: str = "default") -> Path:
    """Sheets of cards as a PDF at the template's dpi, one A4 page per ten cards.

    Every card is drawn before anything is written, so a bad card never leaves
    a half-made file behind.
    """
    pages = render_sheet_pages(cards, template)
    dpi = float(load_template(template)["dpi"])
    path = Path(path)
    # JPEG inside the PDF at high quality without chroma subsampling keeps QR edges and small text crisp.
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=95, subsampling=0)
    return path


def sheet_page_count(card_count: int, template: str = "default") -> int:
    """How many pages :func:`render_card_pdf` makes for ``card_count`` cards."""
    per_page = len(_sheet_layout(load_template(template)))
    return max(1, math.ceil(card_count / per_page))
