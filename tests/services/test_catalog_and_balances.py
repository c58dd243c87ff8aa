"""The program and rewards stored on the till, and the balance cache proven against the ledger."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.errors import ChainBroken
from app.core.program import Program, worked_example_program
from app.core.rewards import Reward, RewardKind
from app.db.models import BalanceRow, LedgerEntryRow, OutboxItem, ProgramVersion
from app.services import awards, balances, catalog, corrections, customers, redemption
from app.services.staff import StaffMember
from app.services.till import Till


def test_a_new_till_runs_the_worked_example_program(till: Till) -> None:
    assert till.program() == worked_example_program()


def test_publishing_a_program_makes_it_the_one_in_use_and_keeps_the_old_one(
    till: Till, owner: StaffMember, cashier: StaffMember, member: customers.Enrolled
) -> None:
    new = catalog.publish_program(till, replace(worked_example_program(), points_per_step=2), by=owner)
    assert new.version == 2
    assert till.program().points_per_step == 2
    assert awards.award(till, member.customer_id, Bill(125_000), staff=cashier).points == 24
    with till.transaction() as s:
        versions = {v.version: v.active for v in s.scalars(select(ProgramVersion))}
    assert versions == {1: False, 2: True}


def test_the_program_survives_closing_and_reopening_the_till(
    till: Till, owner: StaffMember, tmp_path: Path
) -> None:
    catalog.publish_program(till, replace(worked_example_program(), welcome_points=7), by=owner)
    till.engine.dispose()
    again = open_till(tmp_path / "home")
    try:
        assert again.program().welcome_points == 7
        assert (again.terminal_id, again.store_id, again.card_key) == (
            till.terminal_id,
            till.store_id,
            till.card_key,
        )
    finally:
        again.engine.dispose()


def test_rules_are_evaluated_in_the_stores_own_time_zone(till: Till, tmp_path: Path) -> None:
    """Monday 23 November 16:00 UTC is Monday 23:00 in Hồ Chí Minh City but Tuesday 01:00 in Tokyo."""
    moment = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    tokyo = open_till(tmp_path / "tokyo", store_name="Kissa Tokyo", timezone="Asia/Tokyo")
    try:
        earned = []
        for t in (till, tokyo):
            t.clock = lambda: moment
            new = customers.enroll(t, name="Lan", phone="0912 345 678", staff=None)
            earned.append(awards.award(t, new.customer_id, Bill(125_000), staff=None).points)
        assert earned == [12, 24]  # double points Tuesday only where it is Tuesday
    finally:
        tokyo.engine.dispose()


def test_rewards_are_saved_edited_and_listed_in_order(till: Till, owner: StaffMember) -> None:
    cake = catalog.save_reward(
        till, Reward("", "Bánh flan", RewardKind.FREE_ITEM, cost_points=50), by=owner, sort=2
    )
    coffee = catalog.save_reward(
        till, Reward("", "Free coffee", RewardKind.FREE_ITEM, cost_full_card=True), by=owner, sort=1
    )
    assert cake.id and coffee.id and cake.id != coffee.id
    assert [r.name for r in catalog.rewards(till)] == ["Free coffee", "Bánh flan"]
    catalog.save_reward(till, replace(cake, cost_points=40, active=False), by=owner, sort=2)
    assert [r.name for r in catalog.rewards(till)] == ["Free coffee"]
    (withdrawn,) = [r for r in catalog.rewards(till, active_only=False) if r.id == cake.id]
    assert (withdrawn.cost_points, withdrawn.active) == (40, False)


# -- the balance cache against the ledger ------------------------------------------------------------


@pytest.fixture
def busy_day(
    till: Till,
    owner: StaffMember,
    cashier: StaffMember,
    manager: StaffMember,
    enrol: Callable[..., customers.Enrolled],
    clock: Any,
) -> list[customers.Enrolled]:
    """Three members, sales, a cake, a refund, a void, an adjustment, a tier upgrade."""
    cake = catalog.save_reward(till, Reward("", "Bánh flan", RewardKind.FREE_ITEM, cost_points=30), by=owner)
    people = [enrol(n) for n in ("Lan", "Minh", "Hoa")]
    lan, minh, hoa = (p.customer_id for p in people)
    clock.advance(minutes=5)
    s1 = awards.award(till, lan, Bill(125_000), staff=cashier).earn
    clock.advance(minutes=5)
    awards.award(till, minh, Bill(3_100_000), staff=cashier)
    clock.advance(minutes=5)
    redemption.redeem(till, minh, cake.id, staff=cashier, identified=True)
    clock.advance(minutes=5)
    corrections.reverse(till, s1.id, manager=manager, reason="cake returned", refunded_amount=25_000)
    s3 = awards.award(till, hoa, Bill(64_000), staff=cashier).earn
    corrections.reverse(till, s3.id, manager=manager, reason="wrong card")
    corrections.adjust(till, hoa, points=4, stamps=1, reason="apology", manager=manager)
    return people


def test_after_a_busy_day_every_cached_balance_equals_a_rebuild_from_the_ledger(
    till: Till, busy_day: list[customers.Enrolled]
) -> None:
    with till.transaction() as s:
        assert balances.mismatches(s) == []
        assert balances.verify_terminal_chain(s, till.terminal_id) == 3 + 1 + 2 + 1 + 1 + 1 + 1 + 1
        minh = balances.rebuild(s, busy_day[1].customer_id)
        assert (minh.points, minh.tier, minh.redeemed_points) == (310 - 30, "Gold", 30)


def test_every_entry_is_queued_for_the_server_exactly_once(
    till: Till, busy_day: list[customers.Enrolled]
) -> None:
    with till.transaction() as s:
        entries = sorted(s.scalars(select(LedgerEntryRow.id)))
        queued = sorted(s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == "entry")))
        assert queued == entries
        customers_queued = set(
            s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == "customer"))
        )
        assert customers_queued == {p.customer_id for p in busy_day}


def test_a_cache_changed_behind_the_ledgers_back_is_found(
    till: Till, busy_day: list[customers.Enrolled]
) -> None:
    lan = busy_day[0].customer_id
    with till.transaction() as s:
        s.execute(update(BalanceRow).where(BalanceRow.customer_id == lan).values(points=1_000))
    with till.transaction() as s:
        ((cid, cached, rebuilt),) = balances.mismatches(s)
        assert (cid, cached.points, rebuilt.points) == (lan, 1_000, 9)


def test_an_entry_edited_in_the_database_file_breaks_the_chain(
    till: Till, busy_day: list[customers.Enrolled]
) -> None:
    db = Path(str(till.engine.url.database))
    till.engine.dispose()
    with sqlite3.connect(db) as raw:  # someone with the file and a SQLite browser, not the till's code
        triggers = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in triggers:
            raw.execute(f'DROP TRIGGER "{name}"')
        raw.execute("UPDATE ledger_entry SET points = points + 100 WHERE terminal_seq = 5")
    with till.transaction() as s, pytest.raises(ChainBroken, match="#5"):
        balances.verify_terminal_chain(s, till.terminal_id)


def test_a_deleted_entry_breaks_the_chain(till: Till, busy_day: list[customers.Enrolled]) -> None:
    db = Path(str(till.engine.url.database))
    till.engine.dispose()
    with sqlite3.connect(db) as raw:
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            raw.execute(f'DROP TRIGGER "{name}"')
        raw.execute("DELETE FROM ledger_entry WHERE terminal_seq = 4")
    with till.transaction() as s, pytest.raises(ChainBroken, match="expected entry #4"):
        balances.verify_terminal_chain(s, till.terminal_id)


def test_program_edits_are_data_not_code(till: Till, owner: StaffMember) -> None:
    body = replace(worked_example_program(), point_name="Xu").to_json()
    catalog.publish_program(till, Program.from_json(body), by=owner)
    assert till.program().point_name == "Xu"
