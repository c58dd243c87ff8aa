"""How long the customer camera's decoder takes for one webcam frame, and so how many frames a till can afford.

    .venv/bin/python tests/benchmarks/bench_camera.py [--frames 40]

Frames are made like the tests' (``tests/camera_frames.py``): the app's own card on
a counter and on a phone held up to the camera, plus an empty scene (the common
case: nobody is showing anything). Each is timed through what the worker thread
does for a real frame: a ``QImage`` → grayscale array → ``qr_decode.decode``.
Prints wall-clock and CPU p50/p95 per kind and size; the glue decodes at most one
frame every ``DECODE_INTERVAL_S`` (0.15 s), so the CPU share of one core is about
p50 CPU / 0.15 s when a code is in view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from camera_frames import card_image, on_desk, phone_in_hand
from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage

from app.core.cardcode import make_card_number, sign_card_payload
from app.ui.camera import DECODE_INTERVAL_S, _payloads_in


def _qimage(pixels: np.ndarray) -> QImage:
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    return QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _scale(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return np.asarray(Image.fromarray(frame).resize(size, Image.Resampling.BILINEAR))


def _clutter() -> np.ndarray:
    """A busy scene without a code (cups, a face, shelves): edges everywhere for the detector to try."""
    from PIL import ImageDraw

    rng = np.random.default_rng(3)
    scene = Image.new("RGB", (1280, 720), (120, 110, 100))
    draw = ImageDraw.Draw(scene)
    for _ in range(400):
        x, y = int(rng.integers(0, 1280)), int(rng.integers(0, 720))
        w, h = int(rng.integers(5, 120)), int(rng.integers(5, 120))
        draw.rectangle((x, y, x + w, y + h), fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    return np.asarray(scene)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=40, help="frames timed per kind and size")
    args = parser.parse_args()
    QGuiApplication.instance() or QGuiApplication([])
    number = make_card_number(4242)
    payload = sign_card_payload(number, bytes(range(32)))
    card = card_image(payload, number)
    scenes = {
        "card on the counter": on_desk(card, width=420, angle=-12),
        "phone held up": phone_in_hand(card, scale=0.8, angle=12),
        "nothing shown": on_desk(Image.new("RGB", (10, 10), (70, 62, 55)), width=10),
        "cluttered, no code": _clutter(),
    }
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.frames} frames each")
    print(f"{'scene':22} {'frame':>9} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>8} {'found':>6}")
    for size in ((1280, 720), (1920, 1080)):
        for name, frame in scenes.items():
            image = _qimage(_scale(frame, size))
            walls, cpus, found = [], [], 0
            for _ in range(args.frames):
                t0, c0 = time.perf_counter(), time.thread_time()
                result = _payloads_in(image)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.thread_time() - c0)
                found += result == (payload,)
            walls.sort()
            print(
                f"{name:22} {size[0]:>4}×{size[1]:<4} {statistics.median(walls) * 1000:7.1f}ms "
                f"{walls[int(len(walls) * 0.95) - 1] * 1000:7.1f}ms {statistics.median(cpus) * 1000:6.1f}ms "
                f"{found:>3}/{args.frames}"
            )
    print(f"one decode at most every {DECODE_INTERVAL_S:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
