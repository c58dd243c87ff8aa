"""The back office's part of sync: staff changes and program publications, out and back.

- Staff: each add, disable, role change or new PIN queues the staff member (outbox
  type ``staff``); ``push_pending`` sends them after the cycle's entries, and a
  pulled page's staff (of this till's store) are written here, unless this till
  has an edit of its own still waiting (it reaches the server first, then wins).
- Publications: the owner's publication goes to the server's admin endpoint at
  once when online (``publish_online``, with her PIN); queued ones (offline) are
  sent by ``push_pending`` on the next cycle.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import OutboxItem, Setting, Staff
from app.services import program_editor
from app.services.program_editor import PUBLISH_ITEM, Draft
from app.services.staff_admin import STAFF_ITEM, queue_in
from app.services.till import Till
from sync.protocol import (
    API,
    MAX_BATCH,
    Published,
    PublishProgram,
    PullResponse,
    RewardRecord,
    StaffAck,
    StaffPush,
    StaffRecord,
)
from sync.worker.client import SyncClient, SyncError


def queue_all_staff(till: Till) -> int:
    """Queue every staff member of this till's store (a till just paired: the server has none of them)."""
    with till.transaction() as s:
        ids = list(s.scalars(select(Staff.id).where(Staff.store_id == till.store_id)))
        for i in ids:
            queue_in(s, i)
    return len(ids)


def staff_record(row: Staff) -> StaffRecord:
    return StaffRecord(
        id=row.id,
        store_id=row.store_id,
        name=row.name,
        role=row.role,  # type: ignore[arg-type]
        pin_hash=row.pin_hash,
        active=row.active,
        created_at=row.created_at,
        phone=row.phone,
    )


def _ack(till: Till, outbox_ids: list[int]) -> None:
    if not outbox_ids:
        return
    with till.transaction() as s:
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_(outbox_ids), OutboxItem.acked_at.is_(None))
            .values(acked_at=datetime.now(UTC))
        )


def push_staff(till: Till, client: SyncClient) -> int:
    with till.transaction() as s:
        items = dict(
            s.execute(
                select(OutboxItem.id, OutboxItem.item_id)
                .where(OutboxItem.item_type == STAFF_ITEM, OutboxItem.acked_at.is_(None))
                .order_by(OutboxItem.id)
                .limit(MAX_BATCH)
            ).all()
        )
        rows = {r.id: r for r in s.scalars(select(Staff).where(Staff.id.in_(set(items.values()))))}
    if not items:
        return 0
    records = [staff_record(rows[i]) for i in dict.fromkeys(items.values()) if i in rows]
    answer = client._call("POST", f"{API}/staff", StaffAck, body=StaffPush(staff=records))
    acked = set(answer.acked)
    _ack(till, [o for o, sid in items.items() if sid in acked or sid not in rows])
    return len(acked)


def publication(d: Draft, *, staff_id: str, pin: str | None) -> PublishProgram:
    return PublishProgram(
        draft_id=f"draft-{d.number}",
        staff_id=staff_id,
        pin=pin,
        approved_at=d.approved_at or datetime.now(UTC),
        body=d.program.to_json(),
        rewards=[
            RewardRecord(
                id=r.id,
                name=r.name,
                kind=r.kind.value,
                cost_points=r.cost_points,
                cost_full_card=r.cost_full_card,
                value=r.value,
                cap=r.cap,
                item_sku=r.item_sku,
                min_tier=r.min_tier,
                limit_count=r.limit_count,
                limit_period=r.limit_period.value,
                active=r.active,
                sort=i,
                starts_on=r.starts_on,
                ends_on=r.ends_on,
            )
            for i, r in enumerate(d.rewards)
        ],
    )


def publish_online(till: Till, client: SyncClient, number: int, *, staff_id: str, pin: str) -> Published:
    """Send a draft to the server now, with the owner's PIN for the server to check. Raises SyncError."""
    d = program_editor.draft(till, number)
    return client._call("POST", f"{API}/admin/program", Published, body=publication(d, staff_id=staff_id, pin=pin))


def push_publications(till: Till, client: SyncClient) -> int:
    with till.transaction() as s:
        items = dict(
            s.execute(
                select(OutboxItem.id, OutboxItem.item_id)
                .where(OutboxItem.item_type == PUBLISH_ITEM, OutboxItem.acked_at.is_(None))
                .order_by(OutboxItem.id)
            ).all()
        )
        drafts = {
            k: Draft.from_json(v)
            for k, v in s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(set(items.values()))))
        }
    sent = 0
    for outbox_id, key in items.items():
        d = drafts.get(key)
        if d is None or d.approved_by is None:
            _ack(till, [outbox_id])
            continue
        try:
            answer = client._call(
                "POST", f"{API}/admin/program", Published, body=publication(d, staff_id=d.approved_by, pin=None)
            )
        except SyncError as exc:
            if exc.retryable:
                raise
            # Refused for good (she is no longer an owner, the program is invalid): say so, stop retrying.
            program_editor.mark_refused(till, d.number, exc.message)
            _ack(till, [outbox_id])
            continue
        program_editor.mark_published(till, d.number, answer.version, by_id=d.approved_by)
        _ack(till, [outbox_id])
        sent += 1
    return sent


def push_pending(till: Till, client: SyncClient) -> int:
    """Staff first (the server checks publications against the staff it holds), then publications."""
    return push_staff(till, client) + push_publications(till, client)


def apply_staff_in(s: Session, till: Till, page: PullResponse) -> None:
    if not page.staff:
        return
    waiting = set(
        s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == STAFF_ITEM, OutboxItem.acked_at.is_(None)))
    )
    for r in page.staff:
        if r.store_id != till.store_id or r.id in waiting:
            continue
        row = s.get(Staff, r.id)
        if row is None:
            s.add(
                Staff(
                    id=r.id,
                    store_id=r.store_id,
                    name=r.name,
                    role=r.role,
                    pin_hash=r.pin_hash,
                    active=r.active,
                    created_at=r.created_at,
                    phone=r.phone,
                )
            )
        else:
            row.name, row.role, row.pin_hash, row.active = r.name, r.role, r.pin_hash, r.active
            row.phone = r.phone
    s.flush()
