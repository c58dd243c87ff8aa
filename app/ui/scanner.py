"""A USB card scanner is a keyboard: it types the QR payload fast and presses Enter.

``ScanDetector`` is an application-wide event filter that tells such a burst
from a person typing — at least ``min_length`` printable characters, each within
``max_gap_ms`` of the one before, then Enter — wherever the keyboard focus is
(the amount field, a button, the PIN box), and emits ``scanned(payload)``.

The burst must not be left in the widget that had the focus (a payload in the
bill amount, then Enter confirming the award, would be a disaster). So:

* the first key of any possible burst goes through, but the focused editor's
  text is remembered first;
* a key that follows within ``max_gap_ms`` is held back rather than delivered;
* Enter at the end of a long enough burst is eaten, the editor is put back as it
  was, and ``scanned`` fires;
* anything else (a pause, another key, a short burst such as a fast-typed PIN)
  gives the held keys back to their widget, in order, so typing is never lost.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

DEFAULT_MAX_GAP_MS = 50
DEFAULT_MIN_LENGTH = 6
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class _Snapshot:
    """What an editor held before the first key of a burst reached it."""

    editor: QLineEdit | QPlainTextEdit
    text: str
    cursor: int
    selection: tuple[int, int]

    @classmethod
    def take(cls, widget: QObject) -> _Snapshot | None:
        editor: QLineEdit | QPlainTextEdit | None = None
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            editor = widget
        elif isinstance(widget, QAbstractSpinBox | QComboBox):
            editor = widget.lineEdit()
        if isinstance(editor, QLineEdit):
            return cls(
                editor,
                editor.text(),
                editor.cursorPosition(),
                (editor.selectionStart(), len(editor.selectedText())),
            )
        if isinstance(editor, QPlainTextEdit):
            cur = editor.textCursor()
            return cls(editor, editor.toPlainText(), cur.position(), (-1, 0))
        return None

    def restore(self) -> None:
        if not shiboken6.isValid(self.editor):
            return
        if isinstance(self.editor, QLineEdit):
            if self.editor.text() != self.text:
                self.editor.setText(self.text)
            self.editor.setCursorPosition(self.cursor)
            if self.selection[0] >= 0 and self.selection[1]:
                self.editor.setSelection(*self.selection)
        elif self.editor.toPlainText() != self.text:
            self.editor.setPlainText(self.text)
            cur = self.editor.textCursor()
            cur.setPosition(self.cursor)
            self.editor.setTextCursor(cur)


class ScanDetector(QObject):
    """Install with ``app.installEventFilter(detector)``; connect ``scanned``."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._clock = clock
        self._buffer = ""
        self._last_at = -math.inf
        self._snapshot: _Snapshot | None = None
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._seen: tuple[int, QObject] | None = None  # (event address, receiver): to skip propagation
        self._give_back_timer = QTimer(self)
        self._give_back_timer.setSingleShot(True)
        self._give_back_timer.setInterval(max_gap_ms * 2)
        self._give_back_timer.timeout.connect(self._end_burst)

    # -- the filter --------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not obj.isWidgetType():
            return False
        assert isinstance(event, QKeyEvent)
        if self._is_propagation(obj, event):
            return False
        now = self._clock()
        gap_ms = (now - self._last_at) * 1000
        key, text = event.key(), event.text()
        if key in _ENTER_KEYS:
            if len(self._buffer) >= self.min_length and gap_ms <= self.max_gap_ms:
                payload = self._buffer
                if self._snapshot is not None:
                    self._snapshot.restore()
                self._give_back_timer.stop()
                self._held.clear()
                self._reset()
                self.scanned.emit(payload)
                return True
            self._end_burst()
            return False
        printable = len(text) == 1 and text.isprintable() and not (event.modifiers() & _COMMAND_MODIFIERS)
        if not printable:
            self._end_burst()
            return False
        if self._buffer and gap_ms <= self.max_gap_ms:
            # Too fast for a person: hold it back until we know whether this is a scan.
            self._buffer += text
            self._last_at = now
            self._held.append((obj, QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), text)))
            self._give_back_timer.start()
            return True
        self._end_burst()
        self._buffer = text
        self._last_at = now
        self._snapshot = _Snapshot.take(obj)
        self._give_back_timer.start()
        return False

    # -- helpers -----------------------------------------------------------------------------
    def _is_propagation(self, obj: QObject, event: QKeyEvent) -> bool:
        """An ignored key travels up to the parents; each hop passes this filter again."""
        address = shiboken6.getCppPointer(event)[0]
        seen = self._seen
        self._seen = (address, obj)
        if seen is None or seen[0] != address or not shiboken6.isValid(seen[1]):
            return False
        first = seen[1]
        # (QWidget.isAncestorOf is true for the widget itself: a new key to the same widget is not a hop.)
        if (
            isinstance(obj, QWidget)
            and isinstance(first, QWidget)
            and obj is not first
            and obj.isAncestorOf(first)
        ):
            self._seen = seen
            return True
        return False

    def _end_burst(self) -> None:
        """Not a scan: deliver the held keys to their widgets, in order."""
        self._give_back_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for receiver, key_event in held:
                if shiboken6.isValid(receiver):
                    QCoreApplication.sendEvent(receiver, key_event)
        finally:
            self._replaying = False
        self._reset()

    def _reset(self) -> None:
        self._buffer = ""
        self._last_at = -math.inf
        self._snapshot = None
