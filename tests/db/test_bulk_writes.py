"""The bulk writer stores exactly what SQLAlchemy's Core statement stores, byte for byte.

``app.db.bulk`` skips SQLAlchemy's per-row work and converts the values itself; a moment stored as
different text would sort differently from the rows the award path writes (the ledger's order,
the reports' day boundaries), so the stored text of both paths is compared on a real till file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from app.bootstrap import open_till
from app.db import bulk
from app.db.models import OutboxItem, Receipt
from app.services.till import Till

RECEIPTS = Receipt.__table__


@pytest.fixture
def till(tmp_path: Path) -> Till:
    return open_till(tmp_path / "home")


def receipt(number: str, closed_at: datetime, store_id: str) -> dict[str, object]:
    return dict(
        id=f"id-{number}", source="kiotviet", external_id=number, store_id=store_id, kind="sale",
        opened_at=None, closed_at=closed_at, total=125_000, subtotal=125_000, discount=0, tax=0, tip=0,
        currency="VND", lines_json="[]", customer_ref="", refund_of="", state="unclaimed", file_hash=None,
        created_at=closed_at,
    )  # fmt: skip


def stored(till: Till, numbers: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The rows as SQLite holds them (moments as their stored text), in the order of ``numbers``."""
    with till.transaction() as s:
        raw = s.connection().connection.driver_connection
        rows = raw.execute(
            "SELECT external_id, closed_at, created_at, total, state, currency, opened_at FROM receipt"
        ).fetchall()
    by_number = {r[0]: tuple(r) for r in rows}
    return [by_number[n] for n in numbers if n in by_number]


def test_bulk_rows_equal_core_rows_in_the_file(till: Till) -> None:
    moments = [
        datetime(2026, 11, 23, 4, 0, tzinfo=UTC),
        datetime(2026, 11, 23, 11, 0, 0, 5, tzinfo=timezone(timedelta(hours=7))),  # a Hà Nội wall clock, 5 µs
        datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC),  # a year of three digits keeps its zero
    ]
    with till.transaction() as s:
        s.execute(insert(RECEIPTS), [receipt(f"C{i}", m, till.store_id) for i, m in enumerate(moments)])
        bulk.insert_rows(s, RECEIPTS, [receipt(f"B{i}", m, till.store_id) for i, m in enumerate(moments)])
    core = stored(till, tuple(f"C{i}" for i in range(3)))
    fast = stored(till, tuple(f"B{i}" for i in range(3)))
    assert [r[1:] for r in fast] == [r[1:] for r in core]
    assert fast[1][1] == "2026-11-23 04:00:00.000005"  # UTC, microseconds, as SQLAlchemy writes it


def test_bulk_update_and_defaults(till: Till) -> None:
    at = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)
    row = receipt("U1", at, till.store_id)
    for name in ("subtotal", "discount", "tax", "tip", "currency", "lines_json", "customer_ref", "refund_of", "state"):
        del row[name]  # scalar defaults filled as Core fills them
    with till.transaction() as s:
        bulk.insert_rows(s, RECEIPTS, [row])
        bulk.update_rows(s, RECEIPTS, "id", [{"id": "id-U1", "state": "claimed", "total": 99_000}])
    assert stored(till, ("U1",))[0][3:6] == (99_000, "claimed", "VND")


def test_a_naive_moment_is_refused_and_nothing_is_written(till: Till) -> None:
    with pytest.raises(ValueError, match="naive"), till.transaction() as s:
        bulk.insert_rows(s, RECEIPTS, [receipt("N1", datetime(2026, 11, 23, 4, 0), till.store_id)])
    assert stored(till, ("N1",)) == []


def test_a_callable_default_left_out_goes_through_core(till: Till) -> None:
    with till.transaction() as s:
        before = s.execute(text("SELECT COUNT(*) FROM outbox")).scalar()
        bulk.insert_rows(s, OutboxItem.__table__, [{"item_type": "entry", "item_id": "x1"}])  # created_at: a callable
        after = s.execute(text("SELECT created_at FROM outbox WHERE item_id = 'x1'")).scalar()
    assert after is not None and before is not None
