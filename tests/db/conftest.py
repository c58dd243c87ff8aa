"""Shared helpers for the database tests: tills in temp homes, closed when the test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.bootstrap import open_till
from app.services.till import Till


@pytest.fixture
def ledger_triggers() -> set[str]:
    """The triggers that keep ``ledger_entry`` append-only (migration 0002); every head database has them."""
    return {"ledger_entry_no_update", "ledger_entry_no_delete", "ledger_entry_no_replace"}


@pytest.fixture
def till_at() -> Iterator[Callable[[Path], Till]]:
    """``till_at(home)`` opens a till like the app does; every engine is disposed afterwards."""
    opened: list[Till] = []

    def _open(home: Path) -> Till:
        till = open_till(home)
        opened.append(till)
        return till

    yield _open
    for till in opened:
        till.engine.dispose()


@pytest.fixture
def till(tmp_path: Path, till_at: Callable[[Path], Till]) -> Till:
    return till_at(tmp_path / "home")
