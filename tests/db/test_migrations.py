"""The terminal's migrations: they build exactly the models, and they carry old tills forward.

A till in the field may have been switched off for months; when a newer app
starts on its database, ``open_till`` upgrades it. These tests make sure that
upgrade leaves the models and the database in agreement, keeps the till's
identity, and loses nothing from a database saved at an older schema.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.earning import Bill
from app.core.ledger import GENESIS_HASH
from app.db.engine import make_engine
from app.db.migrate import alembic_config, upgrade
from app.db.models import (
    AuditLog,
    BalanceRow,
    Base,
    Customer,
    LedgerEntryRow,
    OutboxItem,
    ProgramVersion,
    Store,
    Terminal,
)
from app.services import awards, balances, customers, ledger_writer
from app.services.till import Till

FIXTURES = Path(__file__).parent / "fixtures"
SAVED = sorted(FIXTURES.glob("terminal_*.db"))


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"the terminal migrations have several heads {heads}: merge them"
    return heads[0]


def schema_of(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"))
        return [tuple(r) for r in rows]  # type: ignore[misc]


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(tmp_path / "terminal.db")
    yield eng
    eng.dispose()


def test_upgrade_head_on_an_empty_database_builds_exactly_the_models(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations disagree; make a revision: {diff}"
    assert revision_of(engine) == head_revision()


def test_the_database_is_wal_durable_and_enforces_foreign_keys(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a commit survives a power cut
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # Not just the pragma: a balance for a customer who does not exist is refused.
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), Session(engine) as s, s.begin():
        s.add(BalanceRow(customer_id="nobody", points=5))


def test_upgrading_twice_changes_nothing(tmp_path: Path, engine: Engine, till_at: Callable[[Path], Till]) -> None:
    upgrade(engine)
    schema, revision = schema_of(engine), revision_of(engine)
    upgrade(engine)
    assert schema_of(engine) == schema
    assert revision_of(engine) == revision

    # And on a till with data: reopening (which upgrades again) keeps every row.
    till = till_at(tmp_path / "home")
    member = customers.enroll(till, name="Ngô Thị Hoa", phone="0911 222 333", staff=None)
    awards.award(till, member.customer_id, Bill(paid=125_000), staff=None)
    till.engine.dispose()
    upgrade(till.engine)
    with till.transaction() as s:
        assert s.get(BalanceRow, member.customer_id).points == 12
        assert len(s.scalars(select(LedgerEntryRow)).all()) == 2


def test_reopening_a_home_keeps_the_same_till_store_key_and_data(
    tmp_path: Path, till_at: Callable[[Path], Till]
) -> None:
    home = tmp_path / "home"
    first = till_at(home)
    member = customers.enroll(first, name="Võ Minh Tuấn", phone="0933 444 555", staff=None)
    awards.award(first, member.customer_id, Bill(paid=250_000), staff=None)
    first.engine.dispose()

    again = till_at(home)
    assert (again.terminal_id, again.store_id) == (first.terminal_id, first.store_id)
    assert again.card_key == first.card_key  # cards printed yesterday still scan today
    assert customers.find(again, member.card_number).matches[0].customer_id == member.customer_id
    with again.transaction() as s:
        assert len(s.scalars(select(Terminal)).all()) == 1
        assert len(s.scalars(select(Store)).all()) == 1
        assert len(s.scalars(select(ProgramVersion)).all()) == 1
        assert s.get(BalanceRow, member.customer_id).points == 25
    # The chain goes on where it stopped.
    awards.award(again, member.customer_id, Bill(paid=10_000), staff=None)
    with again.transaction() as s:
        assert balances.verify_terminal_chain(s, again.terminal_id) == 3


def test_every_migration_downgrades_and_upgrades_again(engine: Engine) -> None:
    upgrade(engine)
    head = schema_of(engine)
    command.downgrade(alembic_config(engine), "base")
    assert [name for _, name, _ in schema_of(engine)] == ["alembic_version"]
    upgrade(engine)
    assert schema_of(engine) == head


# ---------------------------------------------------------------- saved databases of past schemas


def test_there_is_a_saved_database_for_the_first_schema() -> None:
    assert FIXTURES / "terminal_0001.db" in SAVED


@pytest.mark.parametrize("saved", SAVED, ids=[p.stem for p in SAVED])
def test_a_saved_till_upgrades_with_its_identity_balances_and_chain_intact(
    saved: Path, tmp_path: Path, till_at: Callable[[Path], Till], ledger_triggers: set[str]
) -> None:
    expected = json.loads(saved.with_suffix(".json").read_text())
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(saved, home / "terminal.db")
    with sqlite3.connect(home / "terminal.db") as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == expected["revision"]
        old_entries = raw.execute("SELECT * FROM ledger_entry ORDER BY terminal_seq").fetchall()
    raw.close()

    till = till_at(home)

    assert revision_of(till.engine) == head_revision()
    assert (till.terminal_id, till.store_id) == (expected["terminal_id"], expected["store_id"])
    with till.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT * FROM ledger_entry ORDER BY terminal_seq").fetchall() == old_entries
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert ledger_triggers <= triggers

    with till.transaction() as s:
        assert balances.verify_terminal_chain(s, till.terminal_id) == expected["head_seq"]
        assert balances.mismatches(s) == []
        queued = s.scalars(select(OutboxItem)).all()
        assert len([o for o in queued if o.item_type != "audit"]) == expected["outbox"]
        # 0013: every audit line already here got its chain-wide id and is queued once, to sync.
        lines = s.scalars(select(AuditLog)).all()
        assert len({line.uid for line in lines}) == len(lines) and all(line.terminal_id is None for line in lines)
        assert sorted(o.item_id for o in queued if o.item_type == "audit") == sorted(line.uid for line in lines)
        for member in expected["members"]:
            customer = s.get(Customer, member["id"])
            assert (customer.card_number, customer.phone, customer.name) == (
                member["card_number"],
                member["phone"],
                member["name"],
            )
            cached = balances.cached(s, member["id"])
            assert (cached.points, cached.stamps, cached.tier, cached.visits) == (
                member["points"],
                member["stamps"],
                member["tier"],
                member["visits"],
            )

    # The old till keeps working: members are found the way the cashier finds them, and a new
    # sale links onto the chain the old schema wrote.
    lan = next(m for m in expected["members"] if m["tier"] == "Gold")
    assert customers.find(till, lan["card_number"]).matches[0].customer_id == lan["id"]
    assert customers.find(till, lan["phone"]).matches[0].customer_id == lan["id"]
    result = awards.award(till, lan["id"], Bill(paid=100_000), staff=None)
    assert result.earn.terminal_seq == expected["head_seq"] + 1
    assert result.earn.prev_hash == expected["head_hash"] != GENESIS_HASH
    assert result.points == 15  # Gold earns 1.5×: the tier survived the upgrade
    with till.transaction() as s:
        assert balances.verify_terminal_chain(s, till.terminal_id) == expected["head_seq"] + 1
        assert balances.mismatches(s) == []
        assert ledger_writer.balance_of(s.get(BalanceRow, lan["id"])).points == lan["points"] + 15
