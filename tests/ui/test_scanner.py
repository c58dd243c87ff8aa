"""The scan detector on its own: a burst is a scan wherever the focus is; a person's typing is never lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from ui_helpers import type_like_a_person

from app.ui.scanner import ScanDetector

PAYLOAD = "LT1.8123456782.ABCDEFGHIJKLMNOP"


@pytest.fixture
def detector(qapp: QApplication) -> Iterator[ScanDetector]:
    d = ScanDetector()
    qapp.installEventFilter(d)
    yield d
    qapp.removeEventFilter(d)


@pytest.fixture
def form(qtbot) -> tuple[QWidget, QLineEdit, QPushButton]:
    host = QWidget()
    box = QVBoxLayout(host)
    edit, button = QLineEdit(), QPushButton("OK")
    box.addWidget(edit)
    box.addWidget(button)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, edit, button


def test_a_burst_ending_in_enter_is_a_scan_and_leaves_the_field_as_it_was(qtbot, detector, form) -> None:
    _, edit, _ = form
    edit.setText("12")
    edit.setFocus()
    entered = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    with qtbot.waitSignal(detector.scanned) as scanned:
        qtbot.keyClicks(edit, PAYLOAD)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert scanned.args == [PAYLOAD]
    assert edit.text() == "12"
    assert entered == []  # the scanner's Enter confirmed nothing


def test_a_person_typing_is_not_a_scan(qtbot, detector, form) -> None:
    _, edit, _ = form
    edit.setFocus()
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    entered = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    type_like_a_person(qtbot, edit, "0912345678", enter=True)
    assert scans == []
    assert entered == ["0912345678"]


def test_a_short_fast_burst_is_given_back_in_order(qtbot, detector, form) -> None:
    """A PIN typed fast (4 keys) is too short for a card: every key reaches the field, in order."""
    _, edit, _ = form
    edit.setFocus()
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    entered = []
    edit.returnPressed.connect(lambda: entered.append(edit.text()))
    qtbot.keyClicks(edit, "2580")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert entered == ["2580"] and scans == []


def test_held_keys_come_back_after_a_pause(qtbot, detector, form) -> None:
    _, edit, _ = form
    edit.setFocus()
    qtbot.keyClicks(edit, "ab")
    qtbot.waitUntil(lambda: edit.text() == "ab", timeout=1000)
    type_like_a_person(qtbot, edit, "c")
    assert edit.text() == "abc"


def test_a_burst_while_a_button_has_the_focus_does_not_press_it(qtbot, detector, form) -> None:
    _, _, button = form
    button.setFocus()
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    with qtbot.waitSignal(detector.scanned) as scanned:
        qtbot.keyClicks(button, PAYLOAD)
        qtbot.keyClick(button, Qt.Key.Key_Return)
    assert scanned.args == [PAYLOAD] and clicks == []
