"""Fixtures for the terminal's services, on a real SQLite till.

Here ``till`` is a copy of a template home made once per session with ``open_till`` and the
three staff members (``owner``, ``manager``, ``cashier``, added with ``add_staff`` and their
PINs from the ``staff_pins`` fixture): scrypt makes each PIN cost ~60 ms, and nearly every test needs
staff. Tests that need a till with nobody on it use ``fresh_till``.

``snapshot()`` captures what a refused action must leave untouched: row counts and every
balance. ``enrol(...)`` enrols a member with a fresh phone number. ``set_program(...)`` publishes
a variant of the worked-example program.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_till
from app.core.ledger import Balance, LedgerEntry
from app.core.program import Program, worked_example_program
from app.db.models import AuditLog, BalanceRow, Customer, Flag, LedgerEntryRow, OutboxItem, Staff, Voucher
from app.services import balances, catalog, customers
from app.services.staff import StaffMember, add_staff
from app.services.till import Till


@pytest.fixture(scope="session")
def _staffed_home(
    tmp_path_factory: pytest.TempPathFactory, staff_pins: dict[str, str]
) -> tuple[Path, dict[str, StaffMember]]:
    """A till home with the owner, a manager and a cashier, made once; each test gets a copy."""
    home = tmp_path_factory.mktemp("template") / "home"
    t = open_till(home)
    owner = add_staff(t, name="Chị Hoa (owner)", role="owner", pin=staff_pins["owner"])
    team = {
        "owner": owner,
        "manager": add_staff(t, name="Anh Minh (manager)", role="manager", pin=staff_pins["manager"], by=owner),
        "cashier": add_staff(t, name="Em Lan (cashier)", role="cashier", pin=staff_pins["cashier"], by=owner),
    }
    t.engine.dispose()  # checkpoints the WAL: the copy is one self-contained file
    return home, team


@pytest.fixture
def till(tmp_path: Path, clock: Any, _staffed_home: tuple[Path, dict[str, StaffMember]]) -> Iterator[Till]:
    """A till with its staff (``owner``, ``manager``, ``cashier``) and nothing else; clock = ``clock``."""
    home = tmp_path / "home"
    shutil.copytree(_staffed_home[0], home)
    t = open_till(home)
    t.clock = clock
    yield t
    t.engine.dispose()


@pytest.fixture
def fresh_till(tmp_path: Path, clock: Any) -> Iterator[Till]:
    """A brand-new till with no staff at all."""
    t = open_till(tmp_path / "fresh")
    t.clock = clock
    yield t
    t.engine.dispose()


@pytest.fixture
def owner(till: Till, _staffed_home: tuple[Path, dict[str, StaffMember]]) -> StaffMember:
    return _staffed_home[1]["owner"]


@pytest.fixture
def manager(till: Till, _staffed_home: tuple[Path, dict[str, StaffMember]]) -> StaffMember:
    return _staffed_home[1]["manager"]


@pytest.fixture
def cashier(till: Till, _staffed_home: tuple[Path, dict[str, StaffMember]]) -> StaffMember:
    return _staffed_home[1]["cashier"]


@dataclass(frozen=True)
class State:
    customers: int
    entries: int
    outbox: int
    audit: int
    flags: int
    vouchers: int
    staff: int
    balances: dict[str, tuple[int, int, str | None]]  # customer → (points, stamps, tier)
    statuses: dict[str, str]


@pytest.fixture
def snapshot(till: Till) -> Callable[[], State]:
    """``before = snapshot(); ...refused action...; assert snapshot() == before``."""

    def take() -> State:
        with till.transaction() as s:

            def count(model: Any) -> int:
                return int(s.scalar(select(func.count()).select_from(model)) or 0)

            return State(
                customers=count(Customer),
                entries=count(LedgerEntryRow),
                # A wrong PIN is itself recorded (issue 13: every failure audited), and its audit line is queued
                # for the server like every line (issue 9); nothing else may be.
                outbox=int(
                    s.scalar(
                        select(func.count())
                        .select_from(OutboxItem)
                        .where(OutboxItem.item_id.not_in(select(AuditLog.uid).where(AuditLog.action.like("pin.%"))))
                    )
                    or 0
                ),
                audit=int(
                    s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action.not_like("pin.%"))) or 0
                ),
                flags=count(Flag),
                vouchers=count(Voucher),
                staff=count(Staff),
                balances={r.customer_id: (r.points, r.stamps, r.tier) for r in s.scalars(select(BalanceRow))},
                statuses={c.id: c.status for c in s.scalars(select(Customer))},
            )

    return take


@pytest.fixture
def enrol(till: Till, cashier: StaffMember) -> Callable[..., customers.Enrolled]:
    """``enrol("Lan")`` enrols a member at the till with the next free phone number (0912 000 001, …)."""
    numbers = itertools.count(1)

    def _enrol(name: str = "Nguyễn Thị Lan", *, phone: str | None = None, **kw: Any) -> customers.Enrolled:
        return customers.enroll(
            till, name=name, phone=phone or f"0912 {next(numbers):06d}", staff=kw.pop("staff", cashier), **kw
        )

    return _enrol


@pytest.fixture
def member(enrol: Callable[..., customers.Enrolled]) -> customers.Enrolled:
    """Nguyễn Thị Lan, enrolled on Monday 23 November 2026 (2 starter stamps, no points)."""
    return enrol("Nguyễn Thị Lan", phone="0912 345 678")


@pytest.fixture
def balance_of(till: Till) -> Callable[[str], Balance]:
    """The customer's cached balance (what the cashier sees)."""

    def _balance(customer_id: str) -> Balance:
        with till.transaction() as s:
            return balances.cached(s, customer_id)

    return _balance


@pytest.fixture
def history(till: Till) -> Callable[[str], list[LedgerEntry]]:
    """The customer's ledger entries in the order they happened (the back office's history)."""

    def _history(customer_id: str) -> list[LedgerEntry]:
        with till.transaction() as s:
            return balances.entries_of(s, customer_id)

    return _history


@pytest.fixture
def set_program(till: Till, owner: StaffMember) -> Callable[..., Program]:
    """``set_program(birthday_points=50)`` publishes the worked example with those settings changed."""

    def _set(**changes: Any) -> Program:
        return catalog.publish_program(till, replace(worked_example_program(), **changes), by=owner)

    return _set


@pytest.fixture
def ledger_is_sound(till: Till) -> Callable[[], None]:
    """Assert the invariants every action must keep: cache == rebuild, and an unbroken chain."""

    def check() -> None:
        with till.transaction() as s:
            assert balances.mismatches(s) == []
            balances.verify_terminal_chain(s, till.terminal_id)

    return check
