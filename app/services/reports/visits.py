"""Visits as every report counts them: a member's earn entry not cancelled since.

A void (a reversal without an amount) or refunds adding up to the whole bill undo a
visit, whenever they happened; a partial refund keeps the visit and lowers its bill.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, case, func, literal, or_, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Subquery

from app.core.ledger import EntryKind
from app.db.models import LedgerEntryRow

E = LedgerEntryRow
Stores = frozenset[str] | None  # None: every store the node holds


REPORT_CACHE_KIB = 131_072  # SQLite page cache for a report's connection: 128 MiB


def roomy(session: Session) -> None:
    """Give this connection a large page cache for a report that reads a big part of the ledger.

    The till's connections keep SQLite's small default (a checkout touches a few pages); a
    report run on the back office's background thread reads hundreds of thousands of rows.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size=-{REPORT_CACHE_KIB}"))


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
