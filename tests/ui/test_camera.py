"""The customer display's webcam as a scanner, on the real windows, with frames pushed into it.

There is no camera on a test machine. The tests replace only the hardware: the list of
plugged-in cameras and the opening of one (``FakeCamera``). Everything from the
``QVideoSink`` on is the real thing: a ``QVideoFrame`` made from the app's own rendered
card goes into the sink, is decoded on the worker thread, and the payload takes the USB
scanner's path to the customer card, the refusal banner, or the login page's sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from camera_frames import card_image, on_desk, phone_in_hand
from PIL import Image
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_helpers import MANAGER_PIN, counts, login, payload_of

from app.bootstrap import get_setting, set_setting
from app.core.cardcode import unverified_card_number
from app.services import staff
from app.services.qr_decode import decode
from app.services.till import Till
from app.ui import camera as camera_module
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.shop_settings import ShopSettingsBox
from app.ui.camera import SETTING_DEVICE, SETTING_NAME, CameraChoice, CameraStatusLabel, CustomerCamera
from app.ui.main import Windows, build_windows
from app.ui.tasks import BackgroundOps

QtMultimedia = camera_module.multimedia()
WEBCAM = CameraChoice("0c45", "Webcam C270")


class FakeCamera(QObject):
    """The only stand-in: a camera device that can be opened, stopped, and can fail."""

    errorOccurred = Signal(object, str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.running = True

    def stop(self) -> None:
        self.running = False


class Hardware:
    """What is plugged into the till, as ``app.ui.camera`` sees it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.plugged: list[CameraChoice] = [WEBCAM]
        self.opened: list[FakeCamera] = []
        monkeypatch.setattr(camera_module, "system_cameras", lambda: list(self.plugged))
        monkeypatch.setattr(camera_module, "open_system_camera", self._open)

    def _open(self, device: str, session: object, parent: QObject) -> FakeCamera | None:
        if all(c.id != device for c in self.plugged):
            return None
        cam = FakeCamera(parent)
        self.opened.append(cam)
        return cam


@pytest.fixture
def hardware(monkeypatch: pytest.MonkeyPatch) -> Hardware:
    assert QtMultimedia is not None, "Qt Multimedia does not load: install the camera extra (and libpulse0)"
    return Hardware(monkeypatch)


def open_windows(qtbot, qapp: QApplication, till: Till) -> Windows:
    w = build_windows(till, language="vi")
    w.cashier.show()
    w.display.show()
    qtbot.waitExposed(w.cashier)
    return w


@pytest.fixture
def windows(qtbot, qapp: QApplication, till: Till, hardware: Hardware) -> Iterator[Windows]:
    """The till with the webcam chosen in its settings, as a manager left it."""
    set_setting(till, SETTING_DEVICE, WEBCAM.id)
    set_setting(till, SETTING_NAME, WEBCAM.name)
    w = open_windows(qtbot, qapp, till)
    yield w
    w.close()
    qapp.processEvents()


def the_camera(w: Windows) -> CustomerCamera:
    cam = w.cashier.findChild(CustomerCamera)
    assert cam is not None, "no customer camera was started"
    cam.frames.interval_s = 0  # every pushed frame is decoded (the tests push them one at a time)
    return cam


def status_line(w: Windows) -> CameraStatusLabel:
    label = w.cashier.statusBar().findChild(CameraStatusLabel)
    assert label is not None
    return label


def show_to_camera(qtbot, cam: CustomerCamera, frame: np.ndarray | Image.Image) -> None:
    """One webcam frame into the real QVideoSink; returns when it has been decoded."""
    pixels = np.ascontiguousarray(np.asarray(Image.fromarray(frame) if isinstance(frame, np.ndarray) else frame))
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    qtbot.waitUntil(lambda: not cam.frames.busy)
    before = cam.frames.decoded
    cam.sink.setVideoFrame(QtMultimedia.QVideoFrame(image))
    qtbot.waitUntil(lambda: cam.frames.decoded > before, timeout=10_000)


def card_frame(till: Till, customer_id: str, *, phone: bool = False) -> np.ndarray:
    payload = payload_of(till, customer_id)
    card = card_image(payload, unverified_card_number(payload) or "")
    return phone_in_hand(card, scale=0.8, angle=12) if phone else on_desk(card, width=520, angle=-15)


def test_a_card_held_up_to_the_webcam_shows_the_customer_once(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    cam = the_camera(w)
    assert cam.state == "on" and not status_line(w).isVisible()
    cam.frames.seen.gone_after_s = 600  # a slow test machine must not look like the card was put away
    login(qtbot, w)
    shown: list[str] = []
    w.checkout.customer_shown.connect(lambda view: shown.append(view.id))

    show_to_camera(qtbot, cam, card_frame(till, members.binh, phone=True))
    qtbot.waitUntil(lambda: shown == [members.binh])
    # Found by the card, as a USB scan does it: identified (she may spend), the search field left empty.
    assert w.checkout.identified
    assert c.card_stack.currentWidget() is c.customer_card
    assert c.customer_card.name_label.text() == "Trần Văn Bình"
    assert c.customer_card.points.value.text() == "25"
    assert c.search_field.text() == ""
    assert w.display.page() == "customer"

    # She keeps holding it up while the cashier types the bill: not found again and again.
    for _ in range(5):
        show_to_camera(qtbot, cam, card_frame(till, members.binh, phone=True))
    assert shown == [members.binh]

    # The next customer's card, on paper: found at once.
    show_to_camera(qtbot, cam, card_frame(till, members.anh))
    qtbot.waitUntil(lambda: shown == [members.binh, members.anh])
    assert c.customer_card.name_label.text() == "Nguyễn Thị Ánh"


def test_a_forged_card_at_the_webcam_is_refused_like_at_the_scanner(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w = windows
    cam = the_camera(w)
    login(qtbot, w)
    genuine = payload_of(till, members.binh)
    forged = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")  # a valid QR, a wrong signature
    before = counts(till)
    with qtbot.waitSignal(w.checkout.action_refused, timeout=10_000) as refused:
        show_to_camera(qtbot, cam, on_desk(card_image(forged, unverified_card_number(forged) or ""), width=520))
    assert refused.args[0] == "Mã QR của thẻ này không hợp lệ với cửa hàng (có thể là thẻ giả hoặc bị hỏng)."
    assert w.cashier.banner.isVisible() and w.cashier.banner.property("kind") == "error"
    assert w.checkout.customer is None
    assert counts(till) == before


def test_other_qr_codes_in_view_are_ignored(qtbot, windows: Windows, till: Till) -> None:
    import qrcode

    w = windows
    cam = the_camera(w)
    login(qtbot, w)
    refused: list[str] = []
    w.checkout.action_refused.connect(refused.append)
    menu = on_desk(qrcode.make("https://menu.example/cafe-demo").get_image().convert("RGB"), width=300)
    assert decode(menu) == ("https://menu.example/cafe-demo",)  # the camera does see it
    show_to_camera(qtbot, cam, menu)  # decoded, and a scan would be handled, on return
    assert refused == []
    assert not w.cashier.banner.isVisible()
    assert w.checkout.customer is None


def test_a_card_at_the_webcam_before_anyone_logged_in_asks_for_the_pin(
    qtbot, windows: Windows, till: Till, members
) -> None:
    w = windows
    cam = the_camera(w)
    show_to_camera(qtbot, cam, card_frame(till, members.anh))
    qtbot.waitUntil(lambda: w.cashier.login_page.error_label.text() != "")
    assert w.cashier.login_page.error_label.text() == "Hãy đăng nhập bằng mã PIN trước khi quét thẻ."
    assert w.checkout.customer is None


def test_an_unplugged_camera_is_a_sentence_and_starts_again_when_plugged_back(
    qtbot, windows: Windows, hardware: Hardware, till: Till, members
) -> None:
    w = windows
    cam = the_camera(w)
    first = hardware.opened[-1]
    line = status_line(w)

    hardware.plugged = []
    cam.devices.videoInputsChanged.emit()  # what Qt emits when a camera is unplugged
    assert cam.state == "unplugged"
    assert not first.running
    assert line.isVisible()
    assert line.full_text() == "Camera đã bị rút ra: hãy cắm lại, hoặc quét thẻ bằng máy quét ở quầy (Webcam C270)."

    # The till goes on: the cashier logs in and serves with the USB scanner meanwhile.
    login(qtbot, w)
    assert w.checkout.staff is not None

    hardware.plugged = [WEBCAM]
    cam.devices.videoInputsChanged.emit()
    assert cam.state == "on" and hardware.opened[-1].running and hardware.opened[-1] is not first
    assert not line.isVisible()
    shown: list[str] = []
    w.checkout.customer_shown.connect(lambda view: shown.append(view.id))
    show_to_camera(qtbot, cam, card_frame(till, members.binh))
    qtbot.waitUntil(lambda: shown == [members.binh])


def test_a_camera_that_fails_is_a_sentence_not_a_crash(qtbot, windows: Windows, hardware: Hardware) -> None:
    w = windows
    cam = the_camera(w)
    hardware.opened[-1].errorOccurred.emit(1, "Could not open device /dev/video0")
    assert cam.state == "failed"
    assert status_line(w).full_text() == "Camera ngừng hoạt động: hãy rút ra rồi cắm lại (Webcam C270)."
    assert "/dev/video0" not in status_line(w).full_text()


def test_a_camera_set_but_not_plugged_in_at_start_says_so(
    qtbot, qapp: QApplication, till: Till, hardware: Hardware
) -> None:
    hardware.plugged = []
    set_setting(till, SETTING_DEVICE, WEBCAM.id)
    set_setting(till, SETTING_NAME, WEBCAM.name)
    w = open_windows(qtbot, qapp, till)
    try:
        assert the_camera(w).state == "missing"
        line = status_line(w)
        assert line.isVisible()
        assert line.full_text() == "Camera chưa được cắm: hãy quét thẻ bằng máy quét ở quầy (Webcam C270)."
        assert line.toolTip() == line.full_text()
        # On the narrowest till the line fits in the window, cut at the end, what happened still readable.
        w.cashier.resize(1024, 768)
        qtbot.waitUntil(lambda: w.cashier.width() == 1024)
        qapp.processEvents()
        shown = line.text()
        assert shown.startswith("Camera chưa được cắm")
        assert shown == line.full_text() or (shown.endswith("…") and line.full_text().startswith(shown[:-1]))
        assert line.mapTo(w.cashier, line.rect().topRight()).x() <= w.cashier.width()
        assert line.fontMetrics().horizontalAdvance(shown) <= line.contentsRect().width()
        w.translations.use("en")
        qtbot.waitUntil(lambda: line.full_text() == "Camera not connected: scan cards at the till (Webcam C270).")
    finally:
        w.close()
        qapp.processEvents()


def test_without_camera_support_the_till_runs_and_says_why(
    qtbot, qapp: QApplication, till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(camera_module, "multimedia", lambda: None)
    set_setting(till, SETTING_DEVICE, WEBCAM.id)
    w = open_windows(qtbot, qapp, till)
    try:
        cam = the_camera(w)
        assert cam.state == "unsupported" and cam.sink is None
        assert status_line(w).full_text() == "Máy này không dùng được camera: chưa cài phần hỗ trợ camera."
        login(qtbot, w)
        assert w.checkout.staff is not None
    finally:
        w.close()
        qapp.processEvents()


def test_no_camera_by_default(qtbot, qapp: QApplication, till: Till) -> None:
    assert get_setting(till, SETTING_DEVICE, "") == ""
    w = open_windows(qtbot, qapp, till)
    try:
        assert w.cashier.findChild(CustomerCamera) is None
        assert w.cashier.statusBar().findChild(CameraStatusLabel) is None
    finally:
        w.close()
        qapp.processEvents()


# --------------------------------------------------------------------------- the back office's picker


@pytest.fixture
def shop_box(qtbot, qapp: QApplication, till: Till) -> Iterator[ShopSettingsBox]:
    ctx = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
    box = ShopSettingsBox(ctx)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: not ctx.ops.busy)
    yield box
    ctx.ops.wait_idle()


def test_the_manager_picks_the_camera_and_it_is_stored_for_this_till(
    qtbot, hardware: Hardware, shop_box: ShopSettingsBox, till: Till
) -> None:
    hardware.plugged = [WEBCAM, CameraChoice("2d11", "Integrated Camera")]
    picker = shop_box.camera
    picker.refresh()
    items = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert items == ["No camera", "Webcam C270", "Integrated Camera"]
    assert picker.combo.currentText() == "No camera"  # none by default

    with qtbot.waitSignal(picker.saved):
        picker.combo.setCurrentIndex(1)
        picker.combo.activated.emit(1)
    assert get_setting(till, SETTING_DEVICE) == WEBCAM.id
    assert get_setting(till, SETTING_NAME) == "Webcam C270"
    assert "next time the till program starts" in picker.note.text()

    # Unplugged, it stays chosen and the list says so rather than falling back to "none".
    hardware.plugged = []
    picker.refresh()
    assert picker.combo.currentText() == "Webcam C270 (not plugged in)"

    with qtbot.waitSignal(picker.saved):
        picker.combo.setCurrentIndex(0)
        picker.combo.activated.emit(0)
    assert get_setting(till, SETTING_DEVICE) == ""


# --------------------------------------------------------------------------- the frame scanner alone


class TickingClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_frames_are_decoded_off_the_gui_thread_one_at_a_time(
    qtbot, qapp: QApplication, till: Till, members, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from app.ui.camera import FrameScanner

    threads: list[threading.Thread] = []
    original = camera_module._payloads_in

    def spy(frame: object) -> tuple[str, ...]:
        threads.append(threading.current_thread())
        return original(frame)

    monkeypatch.setattr(camera_module, "_payloads_in", spy)
    clock = TickingClock()
    scanner = FrameScanner(clock=clock, interval_s=0.15)
    found: list[str] = []
    scanner.found.connect(found.append)
    frame = Image.fromarray(card_frame(till, members.binh))
    pixels = np.asarray(frame)
    image = QImage(pixels.data, frame.width, frame.height, 3 * frame.width, QImage.Format.Format_RGB888).copy()

    assert scanner.offer(image)
    assert not scanner.offer(image)  # the first one is still being decoded: dropped, not queued
    qtbot.waitUntil(lambda: scanner.decoded == 1)
    assert found == [payload_of(till, members.binh)]
    assert threads and all(t is not threading.main_thread() for t in threads)

    clock.now += 0.05
    assert not scanner.offer(image)  # too soon after the last one: the till's two cores have other work
    clock.now += 0.2
    assert scanner.offer(image)
    qtbot.waitUntil(lambda: scanner.decoded == 2)
    assert found == [payload_of(till, members.binh)]  # still in view: not found again
    scanner.deleteLater()


def test_a_modest_camera_format_is_chosen() -> None:
    from app.ui.camera import pick_format

    formats = [(1920, 1080, 30.0), (1280, 720, 30.0), (1280, 720, 5.0), (640, 480, 30.0), (2592, 1944, 15.0)]
    assert pick_format(formats) == 1  # 720p at a frame rate a moving hand needs
    assert pick_format([(1920, 1080, 30.0), (3840, 2160, 30.0)]) is None  # only large ones: the camera's default
    assert pick_format([(1280, 720, 5.0), (640, 360, 30.0)]) == 1


def test_the_camera_glue_costs_nothing_at_start_without_a_camera() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.ui.camera\n"
        "print([m for m in ('numpy', 'zxingcpp', 'PySide6.QtMultimedia', 'app.services.qr_decode')"
        " if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_camera_picked_in_the_back_office_starts_at_once_in_the_cashier_window(
    qtbot, qapp: QApplication, till: Till, hardware: Hardware, members
) -> None:
    w = open_windows(qtbot, qapp, till)  # no camera set: none runs
    try:
        assert w.cashier.findChild(CustomerCamera) is None
        login(qtbot, w)
        ctx = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
        box = ShopSettingsBox(ctx)  # what F9 opens, on the same till
        qtbot.addWidget(box)
        picker = box.camera
        qtbot.waitUntil(lambda: not ctx.ops.busy)
        with qtbot.waitSignal(picker.saved):
            picker.combo.setCurrentIndex(1)
            picker.combo.activated.emit(1)
        assert picker.note.text() == "Đã lưu. Màn hình thu ngân đang dùng camera này."  # the till runs in Vietnamese
        cam = the_camera(w)
        assert cam.state == "on" and hardware.opened[-1].running
        shown: list[str] = []
        w.checkout.customer_shown.connect(lambda view: shown.append(view.id))
        show_to_camera(qtbot, cam, card_frame(till, members.anh))
        qtbot.waitUntil(lambda: shown == [members.anh])

        with qtbot.waitSignal(picker.saved):
            picker.combo.setCurrentIndex(0)
            picker.combo.activated.emit(0)
        assert not hardware.opened[-1].running
        qtbot.waitUntil(lambda: w.cashier.findChild(CustomerCamera) is None)
        assert picker.note.text() == "Đã lưu: không dùng camera. Màn hình thu ngân đã tắt camera."
        ctx.ops.wait_idle()
    finally:
        w.close()
        qapp.processEvents()


def test_the_real_device_list_and_opener_run_on_this_machine(qapp: QApplication) -> None:
    """Not replaced: Qt's own camera list, and opening a camera that is not there gives None, not a crash."""
    assert QtMultimedia is not None
    plugged = camera_module.system_cameras()
    assert isinstance(plugged, list) and all(isinstance(c, CameraChoice) and c.id for c in plugged)
    session, parent = QtMultimedia.QMediaCaptureSession(), QObject()
    assert camera_module.open_system_camera("no-such-camera", session, parent) is None
