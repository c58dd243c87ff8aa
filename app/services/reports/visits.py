"""Visits as every report counts them: a member's earn entry not cancelled since.

A void (a reversal without an amount) or refunds adding up to the whole bill undo a
visit, whenever they happened; a partial refund keeps the visit and lowers its bill.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Subquery

from app.core.ledger import EntryKind
from app.db.models import LedgerEntryRow

E = LedgerEntryRow
Stores = frozenset[str] | None  # None: every store the node holds


def in_stores(column: ColumnElement[str], stores: Stores) -> ColumnElement[bool]:
    return column.in_(sorted(stores)) if stores is not None else literal(True)


def live_earns(
    start: datetime | None, end: datetime, stores: Stores = None, *, customer_ids: list[str] | None = None
) -> Subquery:
    """Columns ``id, customer_id, created_at, net`` (net bill after refunds) of the visits in [start, end)."""
    rv = aliased(E)
    refunded = (
        select(func.coalesce(func.sum(func.coalesce(rv.amount, E.amount)), 0))
        .where(rv.reverses == E.id, rv.kind == EntryKind.REVERSE.value)
        .scalar_subquery()
    )
    voided = (
        select(func.count())
        .where(rv.reverses == E.id, rv.kind == EntryKind.REVERSE.value, rv.amount.is_(None))
        .scalar_subquery()
    )
    net = func.coalesce(E.amount, 0) - refunded
    q = select(
        E.id.label("id"),
        E.customer_id.label("customer_id"),
        E.created_at.label("created_at"),
        net.label("net"),
    ).where(
        E.kind == EntryKind.EARN.value,
        E.created_at < end,
        in_stores(E.store_id, stores),
        voided == 0,
        or_(func.coalesce(E.amount, 0) <= 0, net > 0),
    )
    if start is not None:
        q = q.where(E.created_at >= start)
    if customer_ids is not None:
        q = q.where(E.customer_id.in_(customer_ids))
    return q.subquery()
