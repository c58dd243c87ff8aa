"""``pos_bridge`` only reads files and turns them into normalised receipts (issue 10, "Receipts become
a service"): it depends on ``app.core`` alone. The ledger, the database and the screens are
``app.services.receipts``'s and the UI's; a reader that imported them could write the ledger
beside the one writer."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("app.db", "app.services", "app.ui", "app.bootstrap", "sqlalchemy", "PySide6", "httpx", "sync")


def imports_of(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_pos_bridge_depends_on_app_core_alone() -> None:
    files = sorted((ROOT / "pos_bridge").rglob("*.py"))
    assert len(files) > 10  # the scan really walks the package
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in imports_of(path)
        if (name.split(".")[0] == "app" and not name.startswith("app.core"))
        or any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert bad == [], bad
    used = {name for path in files for name in imports_of(path) if name.startswith("app.")}
    assert "app.core.money" in used  # the one amount parser is the core's


def test_the_ledger_side_is_the_receipts_service() -> None:
    """The UI and the headless command reach the ledger through ``app.services.receipts``."""
    service = imports_of(ROOT / "app" / "services" / "pos_bridge.py")
    assert "app.services.receipts" in service
    assert not (ROOT / "pos_bridge" / "apply.py").exists() and not (ROOT / "pos_bridge" / "store.py").exists()
    assert (ROOT / "pos_bridge" / "readers" / "textio.py").exists() and (
        ROOT / "pos_bridge" / "readers" / "values.py"
    ).exists()
