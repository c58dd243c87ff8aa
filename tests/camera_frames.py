"""Webcam frames made from the app's own card images, as a customer shows them to the display's camera.

There is no camera on a test machine; these frames stand in for one. Each starts
from ``app.cards.render`` (the printed card) or ``card_qr_image`` (the QR on a
phone) and adds what a real webcam sees: a tilt, a hand-held angle in perspective,
blur, a small card far away, a dark phone screen with glare on it, sensor noise.
Deterministic (fixed noise seed), so a failure is the decoder's, not bad luck.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from app.cards.render import CardFace, card_qr_image, render_card_image

FRAME = (1280, 720)  # a common webcam frame
DESK = (70, 62, 55)  # a dim counter behind the card


def card_image(payload: str, number: str, name: str = "Nguyễn Thị Ánh") -> Image.Image:
    """The printed card, exactly as the app renders it (CR80 at 300 dpi)."""
    return render_card_image(CardFace(name=name, card_number=number, payload=payload, store_name="Cà Phê Demo"))


def on_desk(
    item: Image.Image, *, width: int, angle: float = 0, blur: float = 0, noise: float = 4, size: tuple[int, int] = FRAME
) -> np.ndarray:
    """``item`` scaled to ``width`` px, turned by ``angle`` degrees, in the middle of a webcam frame (RGB array)."""
    item = item.convert("RGBA")
    item = item.resize((width, max(1, width * item.height // item.width)), Image.Resampling.LANCZOS)
    if angle:
        item = item.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    frame = Image.new("RGB", size, DESK)
    frame.paste(item, ((size[0] - item.width) // 2, (size[1] - item.height) // 2), item)
    return _camera_noise(frame, blur=blur, noise=noise)


def phone_screen(content: Image.Image, *, screen: tuple[int, int] = (390, 844)) -> Image.Image:
    """A phone in dark mode showing ``content`` across its width: black bezel, near-black screen."""
    bezel = 14
    width, height = screen[0] + 2 * bezel, screen[1] + 2 * bezel
    phone = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(phone)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=48, fill=(12, 12, 12, 255))
    draw.rounded_rectangle((bezel, bezel, width - bezel - 1, height - bezel - 1), radius=36, fill=(28, 28, 30, 255))
    shown = screen[0] - 24
    content = content.convert("RGB").resize(
        (shown, shown * content.height // content.width), Image.Resampling.LANCZOS
    )
    phone.paste(content, (bezel + 12, bezel + (screen[1] - content.height) // 2))
    return phone


def phone_in_hand(content: Image.Image, *, scale: float, angle: float, tilt: float = 0.08) -> np.ndarray:
    """The phone held up to the camera: turned, leaning back (perspective), a lamp's glare, blur and noise."""
    phone = phone_screen(content)
    phone = _lean_back(phone, tilt)
    phone = phone.resize((int(phone.width * scale), int(phone.height * scale)), Image.Resampling.LANCZOS)
    phone = phone.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    frame = Image.new("RGB", FRAME, DESK)
    frame.paste(phone, ((FRAME[0] - phone.width) // 2, (FRAME[1] - phone.height) // 2), phone)
    glare = Image.new("L", FRAME, 0)
    ImageDraw.Draw(glare).ellipse(
        (FRAME[0] * 0.45, FRAME[1] * 0.1, FRAME[0] * 0.7, FRAME[1] * 0.5), fill=70
    )  # a ceiling lamp in the glass
    glare = glare.filter(ImageFilter.GaussianBlur(40))
    frame = Image.composite(Image.new("RGB", FRAME, (255, 255, 255)), frame, glare)
    return _camera_noise(frame, blur=1.0, noise=6)


def qr_on_phone(payload: str, *, inverted: bool = False) -> Image.Image:
    """The bare QR as the phone's saved card image shows it; ``inverted``: light modules on dark (dark mode)."""
    image = card_qr_image(payload, box_size=8).convert("L")
    if inverted:
        image = Image.eval(image, lambda v: 255 - v)
    return image


def _lean_back(image: Image.Image, amount: float) -> Image.Image:
    """The top edge farther from the camera than the bottom: a perspective squeeze."""
    w, h = image.size
    # PIL maps each output pixel back to the input: output corners (dst) → the image's corners (src).
    dst = [(w * amount, 0), (w * (1 - amount), 0), (w, h), (0, h)]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(rows, float), np.array(src, float).reshape(8))
    return image.transform((w, h), Image.Transform.PERSPECTIVE, coeffs.tolist(), Image.Resampling.BICUBIC)


def _camera_noise(frame: Image.Image, *, blur: float, noise: float) -> np.ndarray:
    if blur:
        frame = frame.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(frame).astype(np.int16)
    if noise:
        pixels = pixels + np.random.default_rng(7).normal(0, noise, pixels.shape).astype(np.int16)
    return np.clip(pixels, 0, 255).astype(np.uint8)
