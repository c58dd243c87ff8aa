"""The start path: a till already at head opens without Alembic, and the login window's imports stay lean.

Start-up time itself is measured by ``tests/benchmarks/bench_start.py`` (not a timed test); here we
check what makes it fast: what is (not) imported, and that the cheap head check agrees with Alembic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from app.bootstrap import open_till
from app.db.migrate import alembic_config, database_revision, script_head
from app.services.pos_bridge import FolderConfig, configure_folders

ROOT = Path(__file__).resolve().parents[2]

# Not needed to show the login window: each costs tens to hundreds of milliseconds at every start.
HEAVY = ("alembic", "mako", "fastapi", "uvicorn", "starlette", "httpx", "openpyxl", "numpy", "pyqtgraph",
         "sync.embedded", "sync.server", "app.demo",
         "phonenumbers.geodata",  # country names in every language: only for a country picker
         # the POS readers: found (imported) by the bridge's thread at its first poll
         "pos_bridge.readers.square", "pos_bridge.readers.toast", "pos_bridge.readers.kiotviet",
         "pos_bridge.readers.loyverse", "pos_bridge.readers.generic")  # fmt: skip

LOGIN_PATH = r"""
import json, sys
from PySide6.QtWidgets import QApplication
qt = QApplication(sys.argv)
import app.cli  # the entry point's module, with everything it imports
from app.bootstrap import open_till
from app.services.pos_bridge import PosBridge, configured_folders
from app.ui.main import build_windows
till = open_till(sys.argv[1])
bridge = PosBridge(till) if configured_folders(till) else None  # made, not started: as app.cli does
assert bridge is not None
windows = build_windows(till, pos_bridge=bridge)
windows.show()
for _ in range(5):
    qt.processEvents()
assert windows.cashier.login_page.isVisible()
print(json.dumps(sorted(sys.modules)))
windows.close()
"""


def test_the_cheap_head_check_agrees_with_alembic() -> None:
    assert script_head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_till_at_head_opens_and_shows_the_login_without_the_heavy_modules(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)  # a new home: migrated here, with Alembic
    assert database_revision(till.engine) == script_head()
    configure_folders(till, [FolderConfig(path=str(tmp_path / "pos"))])
    till.engine.dispose()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", LOGIN_PATH, str(home)], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "app.ui.views.cashier_window" in loaded  # the window was really built
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY or any(m.startswith(h + ".") or m == h for h in HEAVY))
    assert heavy == []


def test_a_database_behind_head_is_still_migrated(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    command.downgrade(alembic_config(till.engine), "-1")  # as if the app had been updated since
    assert database_revision(till.engine) != script_head()
    till.engine.dispose()

    again = open_till(home)

    assert database_revision(again.engine) == script_head()
    again.engine.dispose()
