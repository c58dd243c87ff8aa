"""Member merges between this till and the server: pushed after the cycle's entries, applied when pulled.

Merges are few (a manager's decision each), so they travel in their own small
push after the ledger batches: by then the server holds every entry this till
made, and the merge refolds the survivor from the whole ledger there.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import CustomerMerge, OutboxItem
from app.services import merges
from app.services.till import Till
from sync.protocol import MAX_BATCH, MergeRecord, PullResponse, PushRequest
from sync.worker.client import SyncClient


def pending(till: Till) -> tuple[dict[int, str], list[MergeRecord]]:
    with till.transaction() as s:
        items: dict[int, str] = {
            row[0]: row[1]
            for row in s.execute(
                select(OutboxItem.id, OutboxItem.item_id)
                .where(OutboxItem.item_type == "merge", OutboxItem.acked_at.is_(None))
                .order_by(OutboxItem.id)
                .limit(MAX_BATCH)
            )
        }
        rows = {r.id: r for r in s.scalars(select(CustomerMerge).where(CustomerMerge.id.in_(list(items.values()))))}
        return items, [MergeRecord.of(merges.fact_of(rows[i])) for i in dict.fromkeys(items.values()) if i in rows]


def push_pending(till: Till, client: SyncClient) -> int:
    """Push the merges and undos waiting in the outbox; returns how many the server acknowledged."""
    items, records = pending(till)
    if not items:
        return 0
    answer = client.push(PushRequest.model_construct(customers=[], entries=[], merges=records))
    acked = set(answer.acked_merges)
    done = [i for i, merge_id in items.items() if merge_id in acked or merge_id not in {r.id for r in records}]
    with till.transaction() as s:
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_(done), OutboxItem.acked_at.is_(None))
            .values(acked_at=datetime.now(UTC))
        )
    return len(acked)


def apply_in(s: Session, page: PullResponse) -> None:
    """A pulled page's merges (this till's own come back too: known by id), or fresh member records
    that may carry a stale merged state: derive it again from the facts."""
    if page.merges or page.customers:
        merges.store_facts_in(s, [r.to_fact() for r in page.merges], [c.id for c in page.customers])
