"""Printed cards: right size, QR present and scannable-sized, Vietnamese names drawn, PDF sheets paginated."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from app.cards import CardFace, card_qr_image, render_card_pdf, render_card_png
from app.cards.render import (
    _qr_matrix,
    load_template,
    render_card_image,
    render_sheet_pages,
    sheet_page_count,
)
from app.core.cardcode import make_card_number, sign_card_payload
from app.core.errors import BadCardCode

KEY = bytes(range(32))
CR80_300DPI = (1011, 638)  # 85.6 × 54 mm at 300 dpi


def face(name: str = "Nguyễn Thị Ánh", serial: int = 12345678, tier: str | None = "Vàng") -> CardFace:
    number = make_card_number(serial)
    return CardFace(
        name=name,
        card_number=number,
        payload=sign_card_payload(number, KEY),
        store_name="Cà Phê Sữa Đá",
        tier=tier,
    )


def qr_panel_left() -> int:
    """Where the default template's QR panel starts: a version 3 code (29 modules) plus its quiet zone."""
    t = load_template()
    return CR80_300DPI[0] - t["margin"] - (29 + 2 * t["qr"]["quiet_modules"]) * t["qr"]["module_px"]


def qr_region(image: Image.Image) -> Image.Image:
    """The right-hand part of the card below the band, where the template puts the QR."""
    t = load_template()
    top = t["band"]["height"] + t["band"]["accent_height"]
    return image.crop((qr_panel_left(), top, image.width, image.height))


def text_column(image: Image.Image) -> Image.Image:
    t = load_template()
    top = t["band"]["height"] + t["band"]["accent_height"]
    return image.crop((0, top, image.width // 2, image.height))


def ink(image: Image.Image) -> int:
    """How many pixels differ from the card background (how much was drawn)."""
    background = Image.new("RGB", image.size, load_template()["colours"]["background"])
    diff = ImageChops.difference(image.convert("RGB"), background).convert("L")
    return sum(diff.point(lambda v: 255 if v > 40 else 0).histogram()[255:])


def test_png_has_card_size_and_print_dpi(tmp_path: Path) -> None:
    path = render_card_png(face(), tmp_path / "card.png")
    assert path == tmp_path / "card.png"
    with Image.open(path) as image:
        assert image.size == CR80_300DPI
        assert image.format == "PNG"
        assert round(image.info["dpi"][0]) == 300


def test_card_is_not_blank_and_has_a_qr_code(tmp_path: Path) -> None:
    with Image.open(render_card_png(face(), tmp_path / "card.png")) as image:
        image = image.convert("RGB")
        qr = qr_region(image).convert("L")
        # A QR is roughly half dark modules: lots of pure black and pure white.
        histogram = qr.histogram()
        black, white = sum(histogram[:30]), sum(histogram[225:])
        assert black > 0.15 * qr.width * qr.height
        assert white > 0.15 * qr.width * qr.height
        assert ImageStat.Stat(text_column(image).convert("L")).stddev[0] > 10  # text is there


def test_qr_on_the_card_matches_the_payload_module_for_module() -> None:
    """No decoder is installed, so compare the drawn modules with the encoder's matrix instead."""
    card = face()
    image = render_card_image(card).convert("L")
    matrix = _qr_matrix(card.payload)
    count = len(matrix)
    # Find the code's bounding box: the outermost dark pixels in the QR region.
    region = qr_region(image)
    dark = region.point(lambda v: 255 if v < 128 else 0)
    left, top, right, bottom = dark.getbbox()
    module = (right - left) / count
    assert module == int(module) and module >= 8  # whole pixels, ≥ 0.68 mm at 300 dpi
    assert bottom - top == right - left
    for y in range(count):
        for x in range(count):
            px = region.getpixel((left + int((x + 0.5) * module), top + int((y + 0.5) * module)))
            assert (px < 128) == matrix[y][x], (x, y)


def test_name_with_diacritics_is_drawn(tmp_path: Path) -> None:
    with_name = render_card_image(face("Nguyễn Thị Ánh"))
    without_name = render_card_image(face(""))
    assert ink(text_column(with_name)) > ink(text_column(without_name)) + 2000


def test_decomposed_accents_render_like_precomposed() -> None:
    """A name typed with combining marks (NFD, e.g. from macOS) prints the same as the NFC spelling."""
    import unicodedata

    nfc = render_card_image(face("Nguyễn Thị Ánh"))
    nfd = render_card_image(face(unicodedata.normalize("NFD", "Nguyễn Thị Ánh")))
    assert ImageChops.difference(nfc, nfd).getbbox() is None


@pytest.mark.parametrize(
    "name",
    [
        "Tôn Nữ Hoàng Phương Quỳnh",
        "Công Tằng Tôn Nữ Thị Hoàng Phương Quỳnh Anh Ngọc Bích Trâm",
        "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft",
        "Ễ" * 80,
    ],
)
def test_long_names_stay_inside_the_text_column(name: str) -> None:
    image = render_card_image(face(name))
    t = load_template()
    band_bottom = t["band"]["height"] + t["band"]["accent_height"]
    # Locate the QR panel's left edge and make sure the gap before it holds no ink.
    qr_left = CR80_300DPI[0] - t["margin"] - 35 * t["qr"]["module_px"]
    gutter = image.crop((qr_left - 30, band_bottom, qr_left, CR80_300DPI[1]))
    assert ink(gutter) == 0
    left_margin = image.crop((0, band_bottom, t["margin"] - 6, CR80_300DPI[1]))
    assert ink(left_margin) == 0


def test_long_store_name_and_tier_stay_on_the_card() -> None:
    card = CardFace(
        name="Lan",
        card_number=make_card_number(1),
        payload=sign_card_payload(make_card_number(1), KEY),
        store_name="Nhà hàng Phở Bò Gia Truyền Ông Hùng Đường Lê Lợi Quận Hoàn Kiếm Hà Nội",
        tier="Kim Cương",
    )
    image = render_card_image(card)
    assert image.size == CR80_300DPI


def test_card_without_tier_renders(tmp_path: Path) -> None:
    with_tier = render_card_image(face(tier="Vàng"))
    without = render_card_image(face(tier=None))
    band = (0, 0, CR80_300DPI[0], load_template()["band"]["height"])
    assert ImageChops.difference(with_tier.crop(band), without.crop(band)).getbbox() is not None


def test_card_number_mismatching_the_qr_is_refused(tmp_path: Path) -> None:
    wrong = CardFace(
        name="Lan",
        card_number=make_card_number(1),
        payload=sign_card_payload(make_card_number(2), KEY),
        store_name="Quán",
    )
    with pytest.raises(ValueError, match="re-sign"):
        render_card_png(wrong, tmp_path / "wrong.png")
    assert not (tmp_path / "wrong.png").exists()


def test_mistyped_card_number_is_refused(tmp_path: Path) -> None:
    bad = CardFace(name="Lan", card_number="8123456788", payload="LT1.8123456788.X", store_name="Quán")
    with pytest.raises(BadCardCode):
        render_card_png(bad, tmp_path / "bad.png")


def test_card_qr_image_has_quiet_zone_and_box_size() -> None:
    payload = face().payload
    count = len(_qr_matrix(payload))
    image = card_qr_image(payload, box_size=6)
    assert image.mode == "RGB"
    assert image.size == ((count + 8) * 6, (count + 8) * 6)
    inner = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert inner == (24, 24, 24 + count * 6, 24 + count * 6)
    with pytest.raises(ValueError):
        card_qr_image(payload, box_size=0)


def _pdf_page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (10, 1), (11, 2), (21, 3)])
def test_pdf_sheets_hold_ten_cards_a_page(tmp_path: Path, count: int, pages: int) -> None:
    cards = [face(serial=i) for i in range(count)]
    path = render_card_pdf(cards, tmp_path / "cards.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pdf_page_count(data) == pages == sheet_page_count(count)
    # A4 at 300 dpi is 595 × 842 points.
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595\.2\d*\s+841\.9\d*\s*\]", data)


def test_sheet_places_cards_in_a_grid_with_white_gaps() -> None:
    pages = render_sheet_pages([face(serial=i) for i in range(11)])
    assert [p.size for p in pages] == [(2480, 3508)] * 2
    t = load_template()
    card_w, card_h = t["size_px"]
    gap = t["sheet"]["gap_px"]
    first = pages[0]
    x0 = (2480 - 2 * card_w - gap) // 2
    y0 = (3508 - 5 * card_h - 4 * gap) // 2
    # The first card is exactly the single-card render, pasted at the top-left slot.
    pasted = first.crop((x0, y0, x0 + card_w, y0 + card_h))
    assert ImageChops.difference(pasted, render_card_image(face(serial=0))).getbbox() is None
    # The gap between the two columns is white apart from the thin cutting outlines.
    gutter = first.crop((x0 + card_w + 2, y0, x0 + card_w + gap - 2, y0 + card_h))
    assert gutter.convert("L").getextrema() == (255, 255)
    # The second page holds one card; the rest of it is blank paper.
    assert pages[1].crop((0, y0 + card_h + 60, 2480, 3508)).convert("L").getextrema() == (255, 255)


def test_pdf_of_no_cards_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_card_pdf([], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_a_shop_template_overrides_only_what_it_sets(tmp_path: Path) -> None:
    logo = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    logo.paste((20, 120, 60, 255), (40, 40, 160, 160))
    logo.save(tmp_path / "logo.png")
    (tmp_path / "shop.json").write_text(
        json.dumps({"colours": {"band": "#1F4E79"}, "logo": "logo.png"}), encoding="utf-8"
    )
    image = render_card_image(face(), template=str(tmp_path / "shop.json"))
    assert image.size == CR80_300DPI
    assert image.getpixel((CR80_300DPI[0] // 2, 5)) == (0x1F, 0x4E, 0x79)
    t = load_template()
    centre = t["margin"] + t["monogram"]["diameter"] // 2
    assert image.getpixel((centre, t["band"]["height"] // 2)) == (20, 120, 60)


def test_unknown_or_unsafe_template_names_are_refused() -> None:
    with pytest.raises(FileNotFoundError):
        load_template("no-such-template")
    with pytest.raises(ValueError):
        load_template("../../etc/passwd")
