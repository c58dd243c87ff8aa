"""Callbacks of background work that outlive their widget.

A tab starts a query and is closed (the window, a test) before the answer comes
back: the answer still arrives, queued, on the GUI thread. ``while_alive`` drops
it instead of touching a widget Qt has already deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget


def while_alive(widget: QWidget, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    def call(result: Any) -> None:
        if shiboken6.isValid(widget):
            fn(result)

    return call
