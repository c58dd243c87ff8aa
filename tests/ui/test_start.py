"""Starting the app: what the login window does not need starts after it has painted.

Real windows offscreen, and the real ``loyalty-terminal`` entry point in its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.ui.main import AfterFirstPaint, Windows

ROOT = Path(__file__).resolve().parents[2]


def test_late_starts_run_once_after_the_login_window_has_painted(qtbot: object, windows: Windows) -> None:
    calls: list[bool] = []
    windows.cashier.hide()
    starter = AfterFirstPaint(windows.cashier, [lambda: calls.append(windows.cashier.isVisible())])
    QApplication.processEvents()
    assert calls == []  # not shown, not painted: nothing started yet

    windows.cashier.show()
    qtbot.waitUntil(lambda: calls != [], timeout=5000)  # type: ignore[attr-defined]
    windows.cashier.update()
    windows.cashier.repaint()
    QApplication.processEvents()

    assert calls == [True] and starter.fired  # once, with the window on the screen


ENTRY = r"""
import gc, sys, threading
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def look():
    names = sorted(t.name for t in threading.enumerate())
    print("GC", gc.isenabled(), "THREADS", ",".join(names), flush=True)
    for w in QApplication.topLevelWidgets():
        w.close()  # the cashier closes the app
    QApplication.instance().quit()

class Probe(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if (not self.seen and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window().metaObject().className() == "CashierWindow"):
            self.seen = True
            print("PAINTED GC", gc.isenabled(), flush=True)
            QTimer.singleShot(1500, look)
        return False

app = QApplication(sys.argv)
probe = Probe()
app.installEventFilter(probe)
from app.start import run_terminal
sys.exit(run_terminal(["--home", sys.argv[1], "--no-sync"]))
"""


def test_the_entry_point_collects_garbage_and_keeps_house_once_the_login_is_up(
    till: object, tmp_path: Path
) -> None:
    home = Path(till.engine.url.database).parent  # type: ignore[attr-defined]
    till.engine.dispose()  # type: ignore[attr-defined]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", ENTRY, str(home)], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "PAINTED GC False" in lines  # paused for the start-up (app.start)…
    after = next(line for line in lines if line.startswith("GC "))
    assert after.startswith("GC True")  # …and collecting again once the login window is up
    assert "loyalty-housekeeping" in after  # the housekeeping thread runs (and was stopped at exit)
