"""The webcam at the customer display, working as a card scanner.

The customer holds up her printed card, or her phone showing the card's QR, to a
webcam at the customer display. Qt Multimedia delivers the frames (``QCamera`` →
``QMediaCaptureSession`` → ``QVideoSink``, whose ``videoFrameChanged`` hands out each
``QVideoFrame``: https://doc.qt.io/qtforpython-6/PySide6/QtMultimedia/QVideoSink.html);
a frame is decoded on a worker thread by ``app.services.qr_decode``; a card (or
voucher) code that comes into view is emitted once as ``scanned(payload)``, which
``start_customer_camera`` connects to ``ScanDetector.scanned``. So a webcam scan
takes the very path of a USB scanner's burst: the same verification with the card
key, the same refusal of a forged code, the same "log in first".

The GUI thread only decides whether to keep a frame (at most one decode at a time,
and none within ``DECODE_INTERVAL_S`` of the last): a till has two cores and the
cashier's work comes first. The conversion to grayscale and the decoding happen on
the worker (``QVideoFrame.toImage`` converts on the CPU off the GUI thread).

The camera is a till setting (``SETTING_DEVICE``, none by default; the back office
picks it). A camera that is not there, is unplugged or fails is a sentence in the
cashier's status bar, never a crash: Qt's ``QMediaDevices.videoInputsChanged`` says
when cameras come and go (https://doc.qt.io/qt-6/qmediadevices.html), and the
camera starts again by itself when it is plugged back in.

Qt Multimedia comes with PySide6-Addons (the ``camera`` extra) and, on Linux, needs
``libpulse0``; without them the setting shows a sentence and the till runs on.
numpy, zxing-cpp and Qt Multimedia are imported only when a camera is set, so a
till without one starts as fast as before.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.services.settings import get_setting
from app.services.till import Till
from app.ui.tasks import BackgroundOps

if TYPE_CHECKING:
    import numpy as np

    from app.ui.scanner import ScanDetector

SETTING_DEVICE = "display.camera"  # the chosen camera's Qt device id, hex; "" = no camera (the default)
SETTING_NAME = "display.camera_name"  # its name when it was chosen, for the sentence when it is missing
DECODE_INTERVAL_S = 0.15  # at most ~6 decodes a second: fast enough for a hand, light on a 2-core till
PREFERRED_WIDTH = 1280  # a larger frame costs decoding time and finds the same codes at arm's length

log = logging.getLogger(__name__)

# What the camera is doing, for the status bar.
ON, MISSING, UNPLUGGED, FAILED, UNSUPPORTED = "on", "missing", "unplugged", "failed", "unsupported"


def multimedia() -> ModuleType | None:
    """Qt Multimedia, or None when this till cannot load it (no PySide6-Addons, or no libpulse on Linux)."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


@dataclass(frozen=True)
class CameraChoice:
    """A camera as the setting stores it: Qt's device id (hex, it is bytes) and its name."""

    id: str
    name: str


def device_id(device: Any) -> str:
    """``QCameraDevice.id()`` as text: hex, because an id is raw bytes on some systems."""
    return bytes(device.id().data()).hex()


def system_cameras() -> list[CameraChoice] | None:
    """The cameras plugged in now; None when this till has no camera support."""
    qtm = multimedia()
    if qtm is None:
        return None
    return [CameraChoice(device_id(d), d.description()) for d in qtm.QMediaDevices.videoInputs()]


def pick_format(formats: list[tuple[int, int, float]], preferred_width: int = PREFERRED_WIDTH) -> int | None:
    """Index of the format to use among (width, height, max fps), or None to keep the camera's default.

    The widest one no wider than ``preferred_width`` and at least 10 fps (a hand moves); a
    camera offering only larger ones keeps its default.
    """
    best: tuple[int, float, int] | None = None
    for i, (width, height, fps) in enumerate(formats):
        if width <= preferred_width and fps >= 10:
            key = (width * height, fps, -i)
            if best is None or key > best:
                best = key
    return None if best is None else -best[2]


def open_system_camera(device: str, session: Any, parent: QObject) -> Any | None:
    """A started ``QCamera`` on the device with id ``device``, feeding ``session``; None if it is not plugged in."""
    qtm = multimedia()
    if qtm is None:
        return None
    for d in qtm.QMediaDevices.videoInputs():
        if device_id(d) == device:
            camera = qtm.QCamera(d, parent)
            formats = d.videoFormats()
            chosen = pick_format(
                [(f.resolution().width(), f.resolution().height(), f.maxFrameRate()) for f in formats]
            )
            if chosen is not None:
                camera.setCameraFormat(formats[chosen])
            session.setCamera(camera)
            camera.start()
            return camera
    return None


# --------------------------------------------------------------------------- frames → payloads


def _grayscale(frame: Any) -> np.ndarray:
    """A ``QVideoFrame`` or ``QImage`` as a 2-D uint8 array (on the worker thread)."""
    import numpy as np

    image: QImage = frame.toImage() if hasattr(frame, "toImage") else frame
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    if width == 0 or height == 0:
        return np.zeros((0, 0), np.uint8)
    rows = np.frombuffer(gray.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width].copy()  # the QImage goes when this returns


def _payloads_in(frame: Any) -> tuple[str, ...]:
    from app.services import qr_decode

    return qr_decode.decode(_grayscale(frame))


class FrameScanner(QObject):
    """Frames in (``offer``), card and voucher codes out (``found``), each once while it stays in view."""

    found = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval_s: float = DECODE_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        from app.services.qr_decode import SeenRecently

        self._clock = clock
        self.interval_s = interval_s
        self._ops = BackgroundOps(self, max_threads=1)
        self._busy = False
        self._last_start = -math.inf
        self.seen = SeenRecently()  # how long a card may go unseen and still be "in view"
        self.decoded = 0  # frames decoded so far (the status bar and the tests read it)

    def offer(self, frame: Any) -> bool:
        """A ``QVideoFrame`` or ``QImage`` from the camera; True if it was kept for decoding.

        Dropped while the previous frame is still being decoded or came less than
        ``interval_s`` ago: the next frame shows the same scene.
        """
        now = self._clock()
        if self._busy or now - self._last_start < self.interval_s:
            return False
        self._busy, self._last_start = True, now
        self._ops.run(lambda: _payloads_in(frame), on_done=self._decoded, on_error=self._failed)
        return True

    @property
    def busy(self) -> bool:
        return self._busy

    def forget(self) -> None:
        """The camera (re)started: a card already in front of it counts as new."""
        self.seen.forget()

    def _decoded(self, payloads: tuple[str, ...]) -> None:
        from app.services.qr_decode import is_for_the_till

        self._busy = False
        self.decoded += 1
        for text in self.seen.new([p for p in payloads if is_for_the_till(p)], self._clock()):
            self.found.emit(text)

    def _failed(self, exc: Exception) -> None:
        # One bad frame (a format Qt cannot convert) must not stop the camera; the next one is tried.
        self._busy = False
        log.warning("a camera frame could not be decoded: %s", exc)


# --------------------------------------------------------------------------- the device


class CustomerCamera(QObject):
    """The chosen webcam: started when it is there, watched as cameras come and go.

    ``scanned`` carries what ``FrameScanner`` found; ``state_changed(state, name)`` what the
    status bar says. ``sink`` is the ``QVideoSink`` the frames arrive in (None without Qt
    Multimedia); a test with no camera pushes frames into it with ``setVideoFrame``.
    """

    scanned = Signal(str)
    state_changed = Signal(str, str)

    def __init__(
        self,
        device: str,
        name: str = "",
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.device, self.name = device, name
        self.state = MISSING
        self.frames = FrameScanner(self, clock=clock)
        self.frames.found.connect(self.scanned)
        self._camera: Any | None = None
        self._qtm = multimedia()
        self.sink: Any | None = None
        if self._qtm is None:
            self.state = UNSUPPORTED
            return
        self.sink = self._qtm.QVideoSink(self)
        # Queued: a backend may emit from its own thread, and the frame must reach the GUI thread's
        # scanner, which keeps one and drops the rest at once (each holds a camera buffer).
        self.sink.videoFrameChanged.connect(self.frames.offer, Qt.ConnectionType.QueuedConnection)
        self._session = self._qtm.QMediaCaptureSession(self)
        self._session.setVideoSink(self.sink)
        self.devices = self._qtm.QMediaDevices(self)
        self.devices.videoInputsChanged.connect(self.check)

    def start(self) -> None:
        """Open the camera if it is plugged in; otherwise say so (and wait for it)."""
        self.check()

    def check(self) -> None:
        """Cameras came or went: start ours if it is back, say so if it is gone."""
        if self._qtm is None:
            self._set_state(UNSUPPORTED)
            return
        present = any(c.id == self.device for c in (system_cameras() or []))
        if present and self._camera is None:
            self._open()
        elif not present:
            was_on = self._camera is not None or self.state in (ON, UNPLUGGED, FAILED)
            self._close()
            self._set_state(UNPLUGGED if was_on else MISSING)

    def stop(self) -> None:
        self._close()

    def _open(self) -> None:
        camera = open_system_camera(self.device, self._session, self)
        if camera is None:  # listed a moment ago, gone already
            self._set_state(MISSING)
            return
        self._camera = camera
        camera.errorOccurred.connect(self._camera_error)
        self.frames.forget()
        self._set_state(ON)

    def _close(self) -> None:
        camera, self._camera = self._camera, None
        if camera is not None:
            camera.stop()
            camera.deleteLater()

    def _camera_error(self, _error: object = None, detail: str = "") -> None:
        # Qt's error text is the backend's English: the log keeps it, the status bar says it in the till's words.
        log.warning("the customer camera %s failed: %s", self.name or self.device, detail)
        self._close()
        self._set_state(FAILED)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state, self.name)


class CameraStatusLabel(QLabel):
    """The camera's line in the cashier's status bar: hidden while all is well, a sentence otherwise.

    On a narrow till (1024 px) the sentence is cut with "…" to the room the status bar
    leaves it, never widening the window; the tooltip has it in full.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CameraStatus")
        self.setStyleSheet("color: #8a5a00; background: #fff4d6; font-weight: bold; border-radius: 6px;")
        self.setWordWrap(False)
        self._state, self._name, self._full = ON, "", ""
        self.setVisible(False)

    def show_state(self, state: str, name: str) -> None:
        self._state, self._name = state, name
        self.retranslate()

    def full_text(self) -> str:
        return self._full

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        name = self._name or self.tr("the customer camera")
        texts = {
            # What happened and what to do first, the camera's name last: a narrow till cuts the end.
            MISSING: self.tr("Camera not connected: scan cards at the till ({0}).").format(name),
            UNPLUGGED: self.tr("Camera unplugged: plug it back in, or scan cards at the till ({0}).").format(name),
            FAILED: self.tr("Camera stopped working: unplug it and plug it back in ({0}).").format(name),
            UNSUPPORTED: self.tr("This till cannot use a camera: camera support is not installed."),
        }
        self._full = texts.get(self._state, "")
        self.setToolTip(self._full)
        self.setVisible(bool(self._full))
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 16, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), 160), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(self.contentsRect().width() - 8, 0)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))


class CameraSlot(QObject):
    """The cashier window's place for a customer camera: none, or the one the till's setting names.

    The back office (F9, in the same program) switches it at once through ``apply_choice``,
    so a manager who picks a camera sees it work without restarting the till.
    """

    def __init__(self, till: Till, scanner: ScanDetector, window: QMainWindow) -> None:
        super().__init__(window)
        self.till, self._scanner, self._window = till, scanner, window
        self.camera: CustomerCamera | None = None
        self.label: CameraStatusLabel | None = None
        _running.append(self)

    def switch(self, choice: CameraChoice) -> None:
        """Stop the camera in use, if any, and start ``choice`` (none when its id is empty)."""
        old, self.camera = self.camera, None
        if old is not None:
            old.stop()
            old.setParent(None)
            old.deleteLater()
        if not choice.id:
            if self.label is not None:
                self.label.show_state(ON, "")
            return
        camera = CustomerCamera(choice.id, choice.name, self._window)
        camera.scanned.connect(self._scanner.scanned)  # signal to signal: exactly the USB scanner's path from here
        if self.label is None:
            self.label = CameraStatusLabel()
            self._window.statusBar().addPermanentWidget(self.label)
        camera.state_changed.connect(self.label.show_state)
        self.camera = camera
        camera.start()


_running: list[CameraSlot] = []  # the cashier windows of this program (one, except in tests)


def apply_choice(till: Till, choice: CameraChoice) -> bool:
    """Switch the running cashier window of ``till`` to ``choice``; False if none runs in this program."""
    _running[:] = [slot for slot in _running if shiboken6.isValid(slot)]
    slots = [slot for slot in _running if slot.till is till]
    for slot in slots:
        slot.switch(choice)
    return bool(slots)


def start_customer_camera(till: Till, scanner: ScanDetector, window: QMainWindow) -> CameraSlot:
    """The till's customer camera, if one is set: its codes go where the USB scanner's go.

    The camera lives as long as ``window`` (the cashier's); its sentences go to that window's
    status bar. Without a camera setting nothing is imported or started.
    """
    slot = CameraSlot(till, scanner, window)
    device = get_setting(till, SETTING_DEVICE, "")
    if device:
        slot.switch(CameraChoice(device, get_setting(till, SETTING_NAME, "")))
    return slot
