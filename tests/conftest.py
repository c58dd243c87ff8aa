"""Fixtures shared by the whole suite: a real till in a temp dir, a clock the test sets, staff.

Nothing here is autouse and nothing is slow beyond what a fixture's name promises:
each staff member costs one or two scrypt PIN hashes (~60 ms each), so ask only
for the staff a test needs.

Times: services store aware UTC, but the shop's rules run on the wall clock of
Asia/Ho_Chi_Minh (UTC+7). ``clock.set_local(2026, 11, 24, 10)`` is "Tuesday
24 November 2026, 10:00 in the shop", which is 03:00 UTC.

Test modules do not import from here (``tests`` is not a package); they get
what they need through the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.bootstrap import open_till
from app.services.staff import StaffMember, add_staff
from app.services.till import Till

STORE_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

OWNER_PIN = "86420135"
MANAGER_PIN = "97531864"
CASHIER_PIN = "24681357"


def vn(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A wall-clock time in the shop (Asia/Ho_Chi_Minh), as the aware UTC moment the till stores."""
    return datetime(year, month, day, hour, minute, tzinfo=STORE_ZONE).astimezone(UTC)


# A Monday morning in the shop; Tuesday 24 November 2026 is a double-points day in the worked example.
MONDAY = vn(2026, 11, 23, 10)
TUESDAY = vn(2026, 11, 24, 10)


class Clock:
    """A settable clock: ``till.clock = clock``; then ``clock.set(...)`` or ``clock.advance(minutes=5)``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set_local(self, year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
        """Set the clock to a wall-clock time in the shop; returns the UTC moment."""
        self.now = vn(year, month, day, hour, minute)
        return self.now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the clock takes aware datetimes")
        self.now = moment.astimezone(UTC)

    def local(self) -> datetime:
        """The shop's wall-clock time now."""
        return self.now.astimezone(STORE_ZONE)

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(scope="session")
def staff_pins() -> dict[str, str]:
    """The PIN of each fixture staff member, by role (for login and manager-PIN tests)."""
    return {"owner": OWNER_PIN, "manager": MANAGER_PIN, "cashier": CASHIER_PIN}


@pytest.fixture
def clock() -> Clock:
    """The test's clock, starting on Monday 23 November 2026 at 10:00 in the shop."""
    return Clock(MONDAY)


@pytest.fixture
def till(tmp_path: Path, clock: Clock) -> Iterator[Till]:
    """A brand-new till (``open_till`` on an empty home: store, terminal, worked-example program,
    no staff, no customers, no rewards) whose clock is the ``clock`` fixture."""
    t = open_till(tmp_path / "home")
    t.clock = clock
    yield t
    t.engine.dispose()


@pytest.fixture
def owner(till: Till) -> StaffMember:
    """The first staff member of the till: the owner, who needs nobody's permission to be added."""
    return add_staff(till, name="Chị Hoa (owner)", role="owner", pin=OWNER_PIN)


@pytest.fixture
def manager(till: Till, owner: StaffMember) -> StaffMember:
    """A shift manager, added by the owner."""
    return add_staff(till, name="Anh Minh (manager)", role="manager", pin=MANAGER_PIN, by=owner)


@pytest.fixture
def cashier(till: Till, owner: StaffMember) -> StaffMember:
    """A cashier, added by the owner; can earn and redeem, not correct."""
    return add_staff(till, name="Em Lan (cashier)", role="cashier", pin=CASHIER_PIN, by=owner)
