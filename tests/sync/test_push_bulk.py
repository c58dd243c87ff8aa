"""The push's set-at-a-time statements (``sync.server.bulk``) mean what the row-at-a-time ones meant,
on PostgreSQL and on SQLite: a look-up by ``= ANY(array)`` finds exactly the rows an ``IN`` list finds,
whatever the ids hold (quotes, backslashes, commas, braces), and an upsert inserts new rows, overwrites
held ones, and keeps a held row's change number when told to.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from synctools import Databases

from sync.server import bulk, working_set
from sync.server.db import ChangeCounter, write_session
from sync.server.main import prepare
from sync.server.models import BalanceRow, WorkingSetRow

AT = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
AWKWARD = ["plain", 'quo"te', "back\\slash", "com,ma", "{brace}", "NULL", " spaced ", "Khách ư", ""]


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, databases: Databases, tmp_path: Path) -> Iterator[Engine]:
    eng = prepare(databases.new(request.param), secrets_file=str(tmp_path / "server.secret"))
    yield eng
    eng.dispose()


def _balance(cid: str, points: int, change_no: int) -> dict[str, object]:
    return {"customer_id": cid, "points": points, "stamps": 0, "lifetime_points": points, "lifetime_spend": 0,
            "visits": 1, "last_visit_at": AT, "tier": None, "tier_since": None, "redeemed_points": 0,
            "entry_count": 1, "change_no": change_no}  # fmt: skip


def test_a_look_up_by_array_finds_exactly_the_rows_of_awkward_ids(engine: Engine) -> None:
    table = BalanceRow.__table__
    with write_session(engine) as s:
        bulk.upsert(s, table, ["customer_id"], [_balance(c, i, i + 1) for i, c in enumerate(AWKWARD)])
    with write_session(engine) as s:
        wanted = [*AWKWARD[1:6], "not there", 'also "not" there']
        found = [
            cid
            for cond in bulk.among(s, table.c.customer_id, wanted)
            for cid in s.scalars(select(table.c.customer_id).where(cond))
        ]
        assert sorted(found) == sorted(AWKWARD[1:6])
        assert list(bulk.among(s, table.c.customer_id, [])) == []


def test_an_upsert_inserts_new_rows_and_overwrites_held_ones_in_one_go(engine: Engine) -> None:
    table = BalanceRow.__table__
    with write_session(engine) as s:
        bulk.upsert(s, table, ["customer_id"], [_balance("a", 10, 1), _balance("b", 20, 2)])
    with write_session(engine) as s:
        bulk.upsert(s, table, ["customer_id"], [_balance("b", 25, 3), _balance("c", 30, 4)], existing={"b"})
    with write_session(engine) as s:
        rows = {r.customer_id: (r.points, r.change_no, r.last_visit_at) for r in s.scalars(select(BalanceRow))}
    assert rows == {"a": (10, 1, AT), "b": (25, 3, AT), "c": (30, 4, AT)}


def test_a_member_already_in_a_set_keeps_her_change_number_and_a_returning_one_gets_a_new_one(engine: Engine) -> None:
    later = AT + timedelta(days=3)
    with write_session(engine) as s:
        counter = ChangeCounter(s)
        working_set.enter(s, counter, "store:s1", {"stay", "back"}, AT)
        counter.finish()
    with write_session(engine) as s:
        gone = s.get(WorkingSetRow, ("store:s1", "back"))
        assert gone is not None
        gone.has_left = True
    with write_session(engine) as s:
        before = {r.customer_id: r.change_no for r in s.scalars(select(WorkingSetRow))}
        counter = ChangeCounter(s)
        working_set.enter(s, counter, "store:s1", {"stay", "back", "new"}, later)
        counter.finish()
    with write_session(engine) as s:
        rows = {r.customer_id: r for r in s.scalars(select(WorkingSetRow))}
    assert rows["stay"].change_no == before["stay"]  # no change number: a pull does not send her again
    assert rows["back"].change_no > before["back"] and not rows["back"].has_left
    assert rows["new"].change_no > max(before.values())
    assert {r.last_seen_at for r in rows.values()} == {later}
