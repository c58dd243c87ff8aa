"""The service-recovery figure of the dashboard: the share of complainants who came back.

Of the members who opened a complaint ticket in the period (at the stores
asked for), how many had a visit (an earn) after their first ticket — at any
till this one has heard from, up to now. Guests (no card) cannot be followed and
are left out.

The dashboard calls this from inside its own read transaction (see
``app.services.reports.dashboard``), and every transaction of the till begins
with ``BEGIN IMMEDIATE``: a second transaction here would wait on the first. So
this is one plain statement on a connection of its own, in autocommit — in WAL
mode a read takes no lock and sees one consistent snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core.periods import Period
from app.db.models import Ticket
from app.services.reports.visits import Stores
from app.services.till import Till

_SQL = """
SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (
           SELECT 1 FROM ledger_entry e
           WHERE e.customer_id = t.customer_id AND e.kind = 'earn' AND e.created_at > t.first
       ) THEN 1 ELSE 0 END), 0)
FROM (SELECT customer_id, MIN(created_at) AS first FROM ticket
      WHERE customer_id IS NOT NULL AND created_at >= ? AND created_at < ? {stores}
      GROUP BY customer_id) AS t
"""


def _stored(till: Till, moment: datetime) -> Any:
    """The time as the till's columns store it (the same text, so comparisons hold)."""
    column = Ticket.__table__.c.created_at
    dialect = till.engine.dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(moment) if process else moment


def complainant_counts(till: Till, period: Period, stores: Stores = None) -> tuple[int, int]:
    """(members who complained in the period, of whom came back afterwards)."""
    marks = ""
    params: list[Any] = [_stored(till, period.start), _stored(till, period.end)]
    if stores is not None:
        chosen = sorted(stores)
        if not chosen:
            return 0, 0
        marks = f"AND store_id IN ({', '.join('?' for _ in chosen)})"
        params += chosen
    raw = till.engine.raw_connection()  # autocommit (no BEGIN): see the module docstring
    try:
        cursor = raw.cursor()
        cursor.execute(_SQL.format(stores=marks), params)
        complained, returned = cursor.fetchone()
        cursor.close()
    finally:
        raw.close()
    return int(complained or 0), int(returned or 0)


def complainants_returned(till: Till, period: Period, stores: Stores = None) -> float | None:
    """The dashboard's hook: the share, or None when nobody with a card complained in the period."""
    complained, returned = complainant_counts(till, period, stores)
    return returned / complained if complained else None
