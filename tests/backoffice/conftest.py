"""The hand-made chain of ``chain.py``, built once and copied for each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from chain import NOW, Chain, build

from app.bootstrap import open_till
from app.services.staff import StaffMember
from app.services.till import Till


@pytest.fixture(scope="session")
def _chain_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Chain]:
    home = tmp_path_factory.mktemp("chain") / "home"
    chain = build(home)
    chain.a.engine.dispose()
    return home, chain


@pytest.fixture
def chain(tmp_path: Path, _chain_template: tuple[Path, Chain]) -> Iterator[Chain]:
    """A fresh copy of the two-store chain; ``chain.a`` is store A's till, its clock at ``NOW``."""
    home = tmp_path / "home"
    shutil.copytree(_chain_template[0], home)
    template = _chain_template[1]
    a = open_till(home)
    a.clock = lambda: NOW
    yield Chain(home, a, template.b, template.owner, template.rewards, template.store_a, template.store_b)
    a.engine.dispose()


@pytest.fixture
def till(chain: Chain) -> Till:
    return chain.a


@pytest.fixture
def owner(chain: Chain) -> StaffMember:
    return chain.owner
