"""The server's migrations build exactly its models, on SQLite and on PostgreSQL, and keep the ledger append-only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, delete, insert, update
from sqlalchemy.exc import DBAPIError
from synctools import Databases

from sync.server.db import make_server_engine, write_session
from sync.server.migrate import alembic_config, upgrade
from sync.server.models import Base, EntryRow


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    eng = make_server_engine(databases.new(request.param))
    yield eng
    eng.dispose()


def test_upgrade_head_builds_exactly_the_models(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        current = MigrationContext.configure(conn).get_current_revision()
    assert diff == [], f"server models and migrations disagree; make a revision: {diff}"
    (head,) = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert current == head
    upgrade(engine)  # a second start finds nothing to do


def test_the_database_refuses_to_change_or_delete_a_ledger_entry(engine: Engine) -> None:
    upgrade(engine)
    now = datetime.now(UTC)
    with write_session(engine) as s:
        s.execute(
            insert(EntryRow).values(
                id="e1", terminal_id="t", store_id="s", terminal_seq=1, customer_id="c", kind="earn",
                created_at=now, points=5, stamps=1, qualifying=5, currency="VND", program_version=1, reason="",
                prev_hash="0" * 64, hash="1" * 64, received_at=now, change_no=1,
            )
        )  # fmt: skip
    for statement in (update(EntryRow).values(points=500), delete(EntryRow)):
        with pytest.raises(DBAPIError, match="append-only"), write_session(engine) as s:
            s.execute(statement)
