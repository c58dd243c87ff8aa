"""Real windows, offscreen, on a real till in a temp folder.

One till is built per session (staff, the worked-example program, rewards, a few
members) and copied for every test, so each test starts from the same known
state without paying for enrolments and PIN hashing again. The till's clock is a
Monday morning in Hồ Chí Minh City (no double-points Tuesday) and can be moved.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import CASHIER_PIN, MANAGER_PIN, OWNER_PIN

from app.bootstrap import open_till
from app.core.lifecycle import Birthday
from app.core.program import worked_example_program
from app.core.rewards import Reward, RewardKind
from app.services import catalog, corrections, customers, staff
from app.services.pos_bridge import FolderConfig, PosBridge
from app.services.till import Till
from app.ui.controllers.checkout import till_home
from app.ui.main import Windows, build_windows

MONDAY = datetime(2025, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 on a Monday in Asia/Ho_Chi_Minh


class Clock:
    """The till's clock: it ticks a millisecond per reading, like a real one, and can jump ahead."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass(frozen=True)
class Members:
    anh: str  # new member: 2 starter stamps, 0 points
    binh: str  # 25 points, 9 stamps (one stamp from a full card)
    an: str  # a second "Nguyễn", for the pick list
    cuc: str  # blocked
    dung: str  # birthday this week


def _build_template(home: Path) -> Members:
    till = open_till(home)
    till.clock = Clock(MONDAY - timedelta(days=30))
    owner = staff.add_staff(till, name="Chị Hoa", role="owner", pin=OWNER_PIN)
    manager = staff.add_staff(till, name="Anh Minh", role="manager", pin=MANAGER_PIN, by=owner)
    cashier = staff.add_staff(till, name="Lan", role="cashier", pin=CASHIER_PIN, by=owner)
    catalog.publish_program(till, replace(worked_example_program(), name="Cà Phê Demo"), by=owner)
    for i, reward in enumerate(
        [
            Reward(id="", name="Cà phê sữa đá miễn phí", kind=RewardKind.FREE_ITEM, cost_full_card=True),
            Reward(id="", name="Giảm 20.000 ₫", kind=RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000),
            Reward(id="", name="Bánh ngọt miễn phí", kind=RewardKind.FREE_ITEM, cost_points=50),
        ]
    ):
        catalog.save_reward(till, reward, by=owner, sort=i)
    enroll = customers.enroll
    anh = enroll(till, name="Nguyễn Thị Ánh", phone="0912 345 678", staff=cashier).customer_id
    binh = enroll(till, name="Trần Văn Bình", phone="0987 654 321", staff=cashier).customer_id
    corrections.adjust(till, binh, points=25, stamps=7, reason="thẻ giấy cũ", manager=manager)
    an = enroll(till, name="Nguyễn Văn An", phone="0911 111 111", staff=cashier).customer_id
    cuc = enroll(till, name="Lê Thị Cúc", phone="0922 222 222", staff=cashier).customer_id
    customers.set_blocked(till, cuc, True, manager=manager, reason="thẻ bị mất")
    dung = enroll(
        till, name="Phạm Thị Dung", phone="0933 333 333", staff=cashier, birthday=Birthday(26, 11)
    ).customer_id
    till.engine.dispose()
    return Members(anh, binh, an, cuc, dung)


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Members]:
    home = tmp_path_factory.mktemp("template-till")
    return home, _build_template(home)


@pytest.fixture
def members(template: tuple[Path, Members]) -> Members:
    return template[1]


@pytest.fixture
def till(template: tuple[Path, Members], tmp_path: Path) -> Iterator[Till]:
    home = tmp_path / "till"
    shutil.copytree(template[0], home)
    t = open_till(home)
    t.clock = Clock(MONDAY)
    yield t
    t.engine.dispose()


@pytest.fixture
def windows(qtbot: object, qapp: QApplication, till: Till) -> Iterator[Windows]:
    w = build_windows(till, language="vi")
    w.cashier.show()
    w.display.show()
    w.cashier.activateWindow()
    qtbot.waitExposed(w.cashier)  # type: ignore[attr-defined]
    yield w
    w.close()
    qapp.processEvents()


@pytest.fixture
def exports(till: Till) -> Path:
    return till_home(till) / "pos-exports"


@pytest.fixture
def pos_windows(qtbot, qapp: QApplication, till: Till, exports: Path) -> Iterator[Windows]:
    bridge = PosBridge(till, [FolderConfig(str(exports))], settle_seconds=0)
    w = build_windows(till, language="vi", pos_bridge=bridge)
    w.cashier.show()
    qtbot.waitExposed(w.cashier)
    bridge.start(interval=0.05)
    yield w
    bridge.stop()
    w.close()
    qapp.processEvents()
