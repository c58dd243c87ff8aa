"""QR codes in a camera frame: an image in, the payload texts out.

The customer display's webcam (``app.ui.camera``) hands every frame it keeps to
:func:`decode`; what comes out is only *text*. Whether a text is a genuine card
is decided later, on the same path as the USB scanner (``verify_card_payload``
with the program's card key), so a forged code is refused exactly as it is at
the scanner.

Decoding is zxing-cpp's (PyPI ``zxing-cpp``): maintained, with wheels for every
till OS, and it finds a small, tilted, slightly blurred code in a whole frame.
Its ``read_barcodes`` takes a grayscale or BGR numpy array or a PIL image, searches
rotated codes (``try_rotate``), downscaled copies of a large frame
(``try_downscale``) and light-on-dark codes (``try_invert``: a phone in dark mode)
— https://github.com/zxing-cpp/zxing-cpp/blob/master/wrappers/python/README.md
and the ``read_barcodes`` docstring of the installed module. It releases the GIL
while it decodes (``nb::gil_scoped_release`` around ``ReadBarcodes`` in
https://github.com/zxing-cpp/zxing-cpp/blob/master/wrappers/python/zxing.cpp), so
decoding on a worker thread does not stall the GUI thread.

Two helpers decide what reaches the till:

* :func:`is_for_the_till`: a webcam sees every QR in front of it (a menu's URL, a
  parcel label), not only the ones a customer means. Only texts shaped like our
  card (``LT<n>.``) or voucher (``LV<n>.``) payloads go on; a damaged or forged
  one of ours still goes on, to be refused with its sentence.
* :class:`SeenRecently`: a card held up stays in view for seconds, i.e. dozens of
  frames. It is reported once, and again only after it has been out of view for
  a while (the customer put it away and shows it again).

No Qt, no I/O: numpy, Pillow and zxing-cpp only.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

import numpy as np
import zxingcpp
from PIL import Image

from app.core.cardcode import looks_like_card_payload
from app.core.vouchercode import looks_like_voucher

DEFAULT_GONE_AFTER_S = 2.0  # a card unseen this long has been put away; showing it again counts again

ImageLike = np.ndarray | Image.Image | bytes | bytearray | memoryview


def _as_array(image: ImageLike) -> np.ndarray:
    """A 2-D uint8 (grayscale) or H×W×3 uint8 array, as zxing-cpp reads them.

    Encoded bytes (PNG, JPEG: a photo, a saved frame) are opened with Pillow. A colour
    array or image is made grayscale here, because zxing-cpp takes 3-channel arrays as
    BGR and a frame's channel order depends on who made it; luminance is what it uses.
    """
    if isinstance(image, bytes | bytearray | memoryview):
        image = Image.open(io.BytesIO(bytes(image)))
    if isinstance(image, Image.Image):
        return np.asarray(image.convert("L"))
    array = np.asarray(image)
    if array.dtype != np.uint8:
        raise ValueError(f"a frame must be 8-bit, got {array.dtype}")
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    elif array.ndim == 3 and array.shape[2] in (3, 4):
        rgb = array[:, :, :3].astype(np.uint32)
        # ITU-R BT.601 luma, the weights Pillow's convert("L") uses.
        array = ((rgb[:, :, 0] * 299 + rgb[:, :, 1] * 587 + rgb[:, :, 2] * 114) // 1000).astype(np.uint8)
    elif array.ndim != 2:
        raise ValueError(f"a frame must be H×W or H×W×3, got shape {array.shape}")
    return np.ascontiguousarray(array)


def decode(image: ImageLike) -> tuple[str, ...]:
    """Every QR code's text in ``image``, each once, in the order zxing-cpp found them.

    An image with no readable code gives ``()``; only an image that is not an image
    (wrong type, wrong depth) raises ``ValueError``.
    """
    array = _as_array(image)
    if array.size == 0:
        return ()
    found = zxingcpp.read_barcodes(
        array,
        formats=zxingcpp.BarcodeFormat.QRCode,
        try_rotate=True,
        try_downscale=True,
        try_invert=True,
    )
    return tuple(dict.fromkeys(b.text for b in found if b.valid and b.text))


def is_for_the_till(text: str) -> bool:
    """True for a card or voucher payload of ours (genuine or not); false for other QR codes."""
    return looks_like_card_payload(text) or looks_like_voucher(text)


class SeenRecently:
    """Which payloads are new in view: reported once while they stay in front of the camera.

    ``new(payloads, now)`` returns those not seen in the last ``gone_after_s`` seconds and
    remembers all of them as seen at ``now``. Frames in which a code is missed (motion blur,
    a finger over it) do not count as "gone" unless the gap is longer than ``gone_after_s``.
    ``now`` comes from the caller's monotonic clock, so tests need no sleeping.
    """

    def __init__(self, gone_after_s: float = DEFAULT_GONE_AFTER_S) -> None:
        self.gone_after_s = gone_after_s
        self._last_seen: dict[str, float] = {}

    def new(self, payloads: Iterable[str], now: float) -> list[str]:
        fresh = []
        for text in dict.fromkeys(payloads):
            if now - self._last_seen.get(text, -math.inf) > self.gone_after_s:
                fresh.append(text)
            self._last_seen[text] = now
        # Forget what left the view long ago: the memory stays as small as what is in front of the camera.
        self._last_seen = {t: at for t, at in self._last_seen.items() if now - at <= self.gone_after_s}
        return fresh

    def forget(self) -> None:
        """Start over (the camera was switched or restarted): whatever is in view counts as new."""
        self._last_seen.clear()
