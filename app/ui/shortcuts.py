"""Window-wide keyboard actions, made one way for every window (cashier, back office)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(window: QWidget, shortcut: QKeySequence | str | None = None) -> QAction:
    """An action owned by ``window`` whose shortcut works wherever the focus is in it.

    Keyboard-first: F-keys and Ctrl shortcuts must fire from any field of the window (the scan
    field keeps focus at the till), but never from another window such as the customer display.
    """
    a = QAction(window)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(a)
    return a
