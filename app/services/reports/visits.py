"""Visits as every report counts them: a member's earn entry not cancelled since.

A void (a reversal without an amount) or refunds adding up to the whole bill undo a
visit, whenever they happened; a partial refund keeps the visit and lowers its bill.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, Engine, case, create_engine, event, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Subquery

from app.core.ledger import NOT_A_VISIT, EntryKind
from app.db.models import LedgerEntryRow

if TYPE_CHECKING:
    from app.services.till import Till

E = LedgerEntryRow
Stores = frozenset[str] | None  # None: every store the node holds


REPORT_CACHE_KIB = 131_072  # SQLite page cache for a report's connection: 128 MiB
_readers: WeakKeyDictionary[Engine, Engine] = WeakKeyDictionary()


def _reader(engine: Engine) -> Engine:
    """A second engine on the till's SQLite file for reports: deferred, read-only transactions.

    Every till transaction begins ``BEGIN IMMEDIATE`` (it takes the write lock at once, so two
    writers queue). A report that reads for seconds must not hold that lock: the cashier's award
    would wait on the manager's dashboard. In WAL mode a deferred read takes no lock, sees one
    consistent snapshot and never blocks a writer.
    """
    reader = _readers.get(engine)
    if reader is None:
        reader = create_engine(engine.url, connect_args={"timeout": 30})

        @event.listens_for(reader, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # BEGIN is issued below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA query_only=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute(f"PRAGMA cache_size=-{REPORT_CACHE_KIB}")
            cur.close()

        @event.listens_for(reader, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")  # deferred: a read snapshot, no lock taken

        _readers[engine] = reader
    return reader


@contextmanager
def read_transaction(till: Till) -> Iterator[Session]:
    """A read-only transaction for a report (on PostgreSQL the till's own transaction)."""
    if till.engine.dialect.name != "sqlite":
        with till.transaction() as s:
            yield s
        return
    with Session(_reader(till.engine), expire_on_commit=False) as s, s.begin():
        yield s


def in_stores(column: ColumnElement[str], stores: Stores) -> ColumnElement[bool]:
    return column.in_(sorted(stores)) if stores is not None else literal(True)


def live_earns(
    start: datetime | None, end: datetime, stores: Stores = None, *, customer_ids: list[str] | None = None
) -> Subquery:
    """Columns ``id, customer_id, created_at, net`` (net bill after refunds) of the visits in [start, end).

    Reversals are gathered once (a reversal is made after its sale, so only those since ``start``)
    and joined, rather than looked up per sale: the 90 days of a big chain are half a million sales.
    """
    rv = aliased(E)
    reversals = select(
        rv.reverses.label("earn_id"),
        func.coalesce(func.sum(rv.amount), 0).label("refunded"),
        func.max(case((rv.amount.is_(None), 1), else_=0)).label("voided"),
    ).where(rv.kind == EntryKind.REVERSE.value, rv.reverses.is_not(None))
    if start is not None:
        reversals = reversals.where(rv.created_at >= start)
    if customer_ids is not None:
        reversals = reversals.where(rv.customer_id.in_(customer_ids))
    rev = reversals.group_by(rv.reverses).subquery()
    net = func.coalesce(E.amount, 0) - func.coalesce(rev.c.refunded, 0)
    q = (
        select(
            E.id.label("id"),
            E.customer_id.label("customer_id"),
            E.created_at.label("created_at"),
            net.label("net"),
        )
        .select_from(E)
        .outerjoin(rev, rev.c.earn_id == E.id)
        .where(
            E.kind == EntryKind.EARN.value,
            or_(E.reason.is_(None), E.reason != NOT_A_VISIT),  # a sale that earned nothing is not a visit
            E.created_at < end,
            in_stores(E.store_id, stores),
            func.coalesce(rev.c.voided, 0) == 0,
            or_(func.coalesce(E.amount, 0) <= 0, net > 0),
        )
    )
    if start is not None:
        q = q.where(E.created_at >= start)
    if customer_ids is not None:
        q = q.where(E.customer_id.in_(customer_ids))
    return q.subquery()
