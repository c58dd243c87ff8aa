"""Applying an export never scans the receipt table or the ledger: every query seeks an index.

A query naming only receipt numbers (or a row-value ``IN`` of (source, store, number)) was read
by SQLite as a scan of a whole index, once per chunk of a big export: 100,000 receipts took
minutes instead of seconds. Here every statement ``apply_receipts`` runs on a real till file is
captured with its parameters and put through ``EXPLAIN QUERY PLAN``
(https://sqlite.org/eqp.html: "SCAN" reads every row, "SEARCH" seeks an index).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from app.core.receipt import Receipt, ReceiptKind
from app.services import customers
from app.services.receipts import apply_receipts
from app.services.till import Till

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # the suite's clock: Monday 23 November, 10:00 in the shop
BIG_TABLES = ("receipt", "ledger_entry")


@pytest.fixture
def statements(till: Till) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not many:
            seen.append((statement, params))

    engine = till.engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _plans(till: Till, captured: list[tuple[str, Any]]) -> list[tuple[str, list[str]]]:
    out = []
    with till.engine.connect() as conn:
        for statement, params in captured:
            raw = conn.connection.driver_connection  # the plain sqlite3 connection: the same SQL, same parameters
            rows = raw.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            out.append((statement, [r[3] for r in rows]))
    return out


def test_a_big_export_with_members_and_refunds_seeks_every_index(
    till: Till, clock: Any, statements: list[tuple[str, Any]]
) -> None:
    assert clock.now == NOW  # ``till`` and ``clock``: the suite's fixtures (tests/conftest.py)
    member = customers.enroll(till, name="Nguyễn Thị Ánh", phone="0912 345 678", staff=None)
    sales = [
        Receipt(
            source="kiotviet",
            external_id=f"HD{i:05d}",
            store_id=till.store_id,
            closed_at=NOW - timedelta(minutes=i),
            total=50_000,
            customer_phone="0912345678" if i % 3 == 0 else "",
        )
        for i in range(66)
    ]
    refunds = [
        Receipt(
            source="kiotviet",
            external_id=f"TH{i:05d}",
            store_id=till.store_id,
            closed_at=NOW,
            total=-50_000,
            kind=ReceiptKind.REFUND,
            refund_of=f"HD{i:05d}",
        )
        for i in (0, 1)
    ]
    apply_receipts(till, sales[:60])
    statements.clear()  # the second file's queries run against stored receipts and entries
    summary = apply_receipts(till, [*sales[:5], *sales[60:], *refunds])
    assert summary.duplicates == 5 and summary.reversed == 1  # HD00000 was the member's; HD00001 a stranger's
    assert summary.awarded == 2  # HD00060 and HD00063 name her
    assert customers.view(till, member.customer_id).balance.points == 21 * 5

    plans = _plans(till, statements)
    assert plans, "no query captured"
    scans = [
        (statement.split("FROM")[1][:80], steps)
        for statement, steps in plans
        for step in steps
        if any(step.startswith(f"SCAN {table}") for table in BIG_TABLES)
    ]
    assert scans == []
