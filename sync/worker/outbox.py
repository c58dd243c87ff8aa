"""Reading the till's outbox into push batches, and marking what the server acknowledged.

A batch is read in one transaction, so it is a consistent picture: members
first (the server stores them before the entries that name them), then this
till's entries in ``terminal_seq`` order. Outbox rows are marked only after the
server's answer, and only the rows that were read for that batch — an edit
made to a member while the batch was on the wire has its own, newer outbox
row and goes in the next batch.

Entry outbox rows are read in their own id order, which is the entries' seq
order: ``ledger_writer.append`` adds the outbox row in the entry's transaction,
and the till's transactions are serialised by SQLite's write lock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.audit import secrets_in, without_secrets
from app.core.ledger import EntryKind
from app.db.models import AuditLog, Customer, Feedback, LedgerEntryRow, OutboxItem, Ticket, Voucher
from app.services.till import Till
from sync.protocol import (
    TICKET_FIELDS,
    AuditRecord,
    CustomerRecord,
    EntryRecord,
    FeedbackRecord,
    PushRequest,
    TicketRecord,
    VoucherRecord,
)

_CHUNK = 900
CUSTOMER_FIELDS = list(CustomerRecord.model_fields)
ENTRY_FIELDS = [name for name in EntryRecord.model_fields if name != "kind"]


@dataclass
class Batch:
    customers: list[CustomerRecord] = field(default_factory=list)
    entries: list[EntryRecord] = field(default_factory=list)
    customer_items: dict[int, str] = field(default_factory=dict)  # outbox row id -> customer id
    entry_items: dict[int, str] = field(default_factory=dict)  # outbox row id -> entry id
    gone: set[str] = field(default_factory=set)  # queued members no longer in the database
    # Ratings, tickets and vouchers (the service-recovery loop): outbox row id -> record id.
    feedback: list[FeedbackRecord] = field(default_factory=list)
    tickets: list[TicketRecord] = field(default_factory=list)
    vouchers: list[VoucherRecord] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)  # this till's audit lines (issue 9)
    record_items: dict[int, tuple[str, str]] = field(default_factory=dict)  # outbox id -> (type, id)

    def __bool__(self) -> bool:
        return bool(self.customer_items or self.entry_items or self.record_items)

    def request(self) -> PushRequest:
        return PushRequest.model_construct(
            customers=self.customers,
            entries=self.entries,
            feedback=self.feedback,
            tickets=self.tickets,
            vouchers=self.vouchers,
            audit=self.audit,
        )


_ENTRY_NAMES = list(EntryRecord.model_fields)  # the model's own order: it is the serialised order
_ALL_FIELDS = frozenset(_ENTRY_NAMES)


def _entry_record_fast(data: dict[str, Any]) -> EntryRecord:
    """``EntryRecord.model_construct(**data)`` for a dict holding every field, without its per-field loop.

    Why: building records field by field was most of the worker's CPU in a push (a 100,000-entry
    backlog). The till's own rows are trusted, as ``model_construct`` assumes; this sets the same
    four attributes it sets (pydantic 2's documented "trusted data" path, ``BaseModel.model_construct``),
    and ``_FAST_RECORDS`` below checks once, at import, that the result serialises identically —
    otherwise (another pydantic) ``model_construct`` itself is used.
    """
    record = EntryRecord.__new__(EntryRecord)
    object.__setattr__(record, "__dict__", data)
    object.__setattr__(record, "__pydantic_fields_set__", set(_ALL_FIELDS))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


def _fast_records_work() -> bool:
    sample = {name: None for name in ENTRY_FIELDS} | {
        "id": "e", "terminal_id": "t", "store_id": "s", "terminal_seq": 1, "customer_id": "c",
        "created_at": datetime(2026, 1, 1, tzinfo=UTC), "points": 5, "stamps": 1, "qualifying": 5,
        "currency": "VND", "program_version": 1, "reason": "", "prev_hash": "0" * 64, "hash": "1" * 64,
        "kind": EntryKind.EARN,
    }  # fmt: skip
    try:
        fast = _entry_record_fast({name: sample[name] for name in _ENTRY_NAMES})
        return fast.model_dump_json() == EntryRecord.model_construct(**sample).model_dump_json() and fast.id == "e"
    except Exception:
        return False


_FAST_RECORDS = _fast_records_work()


def customer_record(c: Customer) -> CustomerRecord:
    return CustomerRecord.model_construct(**{name: getattr(c, name) for name in CUSTOMER_FIELDS})


def last_item(till: Till) -> int:
    """The newest outbox row now: a cycle pushes up to here, then pulls (a busy till must still hear the chain)."""
    with till.transaction() as s:
        return int(s.scalar(select(func.max(OutboxItem.id))) or 0)


def next_batch(till: Till, size: int = 500, *, up_to: int | None = None, after: Batch | None = None) -> Batch:
    """The next batch; ``after`` a batch still on the wire, the one that follows it."""
    batch = Batch()
    bound = [] if up_to is None else [OutboxItem.id <= up_to]
    customer_bound = [OutboxItem.id > max(after.customer_items)] if after and after.customer_items else []
    entry_bound = [OutboxItem.id > max(after.entry_items)] if after and after.entry_items else []
    with till.transaction() as s:
        pending_customers = s.execute(
            select(OutboxItem.id, OutboxItem.item_id)
            .where(OutboxItem.item_type == "customer", OutboxItem.acked_at.is_(None), *bound, *customer_bound)
            .order_by(OutboxItem.id)
            .limit(size)
        ).all()
        wanted: list[str] = []
        for item_id, customer_id in pending_customers:
            batch.customer_items[item_id] = customer_id
            if customer_id not in wanted:
                wanted.append(customer_id)
        rows = {}
        for i in range(0, len(wanted), _CHUNK):
            rows.update({c.id: c for c in s.scalars(select(Customer).where(Customer.id.in_(wanted[i : i + _CHUNK])))})
        batch.customers = [customer_record(rows[cid]) for cid in wanted if cid in rows]
        batch.gone = {cid for cid in wanted if cid not in rows}  # nothing left to send: settled
        room = size - len(batch.customers)
        if room > 0:
            # Plain rows, not ORM objects: a backlog of 100,000 entries is read 500 at a time.
            ledger = LedgerEntryRow.__table__
            pending_entries = s.execute(
                select(OutboxItem.id.label("outbox_id"), *(ledger.c[name] for name in _ENTRY_NAMES))
                .join(ledger, ledger.c.id == OutboxItem.item_id)
                .where(OutboxItem.item_type == "entry", OutboxItem.acked_at.is_(None), *bound, *entry_bound)
                .order_by(OutboxItem.id)
                .limit(room)
            ).all()
            make = _entry_record_fast if _FAST_RECORDS else lambda d: EntryRecord.model_construct(**d)
            for row in sorted(pending_entries, key=lambda r: (r.terminal_id, r.terminal_seq)):
                data = dict(zip(_ENTRY_NAMES, row[1:], strict=True))  # plain tuples: no per-field getattr
                data["kind"] = EntryKind(data["kind"])
                batch.entry_items[row.outbox_id] = data["id"]
                batch.entries.append(make(data))
        room = size - len(batch.customers) - len(batch.entries)
        if room > 0:
            record_bound = [OutboxItem.id > max(after.record_items)] if after and after.record_items else []
            _records(s, batch, room, [*bound, *record_bound], till)
    return batch


RECORD_TYPES = ("feedback", "ticket", "voucher", "audit")
_FEEDBACK_FIELDS = list(FeedbackRecord.model_fields)
_TICKET_FIELDS = [name for name in TicketRecord.model_fields if name != "changed"]
_VOUCHER_FIELDS = list(VoucherRecord.model_fields)


def _records(s: Session, batch: Batch, room: int, bound: list[Any], till: Till) -> None:
    """Ratings, tickets, vouchers and audit lines waiting: few, and independent of the ledger's order."""
    pending = s.execute(
        select(OutboxItem.id, OutboxItem.item_type, OutboxItem.item_id)
        .where(OutboxItem.item_type.in_(RECORD_TYPES), OutboxItem.acked_at.is_(None), *bound)
        .order_by(OutboxItem.id)
        .limit(room)
    ).all()
    seen: set[tuple[str, str]] = set()
    for outbox_id, kind, item_id in pending:
        batch.record_items[outbox_id] = (kind, item_id)
        if (kind, item_id) in seen:
            continue
        seen.add((kind, item_id))
        if kind == "feedback" and (f := s.get(Feedback, item_id)) is not None:
            batch.feedback.append(FeedbackRecord(**{n: getattr(f, n) for n in _FEEDBACK_FIELDS}))
        elif kind == "ticket" and (t := s.get(Ticket, item_id)) is not None:
            changed = [n for n in TICKET_FIELDS if n in t.dirty.split(",")]
            batch.tickets.append(TicketRecord(**{n: getattr(t, n) for n in _TICKET_FIELDS}, changed=changed))
        elif kind == "voucher" and (v := s.get(Voucher, item_id)) is not None and v.store_id:
            batch.vouchers.append(
                VoucherRecord(
                    **{n: getattr(v, n) for n in _VOUCHER_FIELDS if n not in ("store_id", "issued_by", "note")},
                    store_id=v.store_id,
                    issued_by=v.issued_by,
                    note=v.note or "",
                )
            )
        elif kind == "audit" and (line := _audit_line(s, item_id)) is not None and line.terminal_id is None:
            # Sent as this till, of its store now (a till that joined a chain moved to the chain's store).
            batch.audit.append(
                AuditRecord.model_construct(
                    id=line.uid,
                    terminal_id=till.terminal_id,
                    store_id=till.store_id,
                    at=line.at,
                    staff_id=line.staff_id,
                    action=line.action,
                    subject=line.subject or "",
                    before=_no_secret(line.before),
                    after=_no_secret(line.after),
                )
            )


def _no_secret(text: str) -> str:
    """The stored before/after, with any secret a line written by an older version held hidden
    (the server refuses a line carrying one, which would hold the whole outbox back)."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return json.dumps({"text": text}, ensure_ascii=False)
    if not isinstance(data, dict):
        return json.dumps({"value": data}, ensure_ascii=False, default=str)
    if secrets_in(data):
        return json.dumps(without_secrets(data), ensure_ascii=False, default=str, sort_keys=True)
    return text or "{}"


def _audit_line(s: Session, uid: str) -> AuditLog | None:
    return s.scalars(select(AuditLog).where(AuditLog.uid == uid)).first()


def mark_acked(
    till: Till,
    batch: Batch,
    acked_entries: set[str],
    acked_customers: set[str],
    at: datetime,
    acked: dict[str, set[str]] | None = None,
) -> int:
    """Mark the outbox rows of this batch that the server acknowledged. Returns how many.

    ``acked`` holds the acknowledged ratings, tickets and vouchers by outbox type.
    """
    acked = acked or {}
    ids = [i for i, e in batch.entry_items.items() if e in acked_entries]
    ids += [i for i, c in batch.customer_items.items() if c in acked_customers or c in batch.gone]
    with till.transaction() as s:
        ids += _settle_records(s, batch, acked)
        for i in range(0, len(ids), _CHUNK):
            s.execute(
                update(OutboxItem)
                .where(OutboxItem.id.in_(ids[i : i + _CHUNK]), OutboxItem.acked_at.is_(None))
                .values(acked_at=at)
            )
    return len(ids)


def _settle_records(s: Session, batch: Batch, acked: dict[str, set[str]]) -> list[int]:
    """Outbox rows of acknowledged records; a ticket's sent fields stop being local edits.

    Only if the ticket did not change while the batch was on the wire: an edit made
    meanwhile keeps its fields dirty and queued (its own outbox row follows).
    """
    sent = {t.id: t for t in batch.tickets}
    done: list[int] = []
    for outbox_id, (kind, item_id) in batch.record_items.items():
        if item_id not in acked.get(kind, set()):
            continue
        done.append(outbox_id)
        record = sent.pop(item_id, None) if kind == "ticket" else None
        if record is not None:
            ticket = s.get(Ticket, item_id)
            if ticket is not None and ticket.updated_at == record.updated_at:
                ticket.dirty = ""
    gone = [i for i, (kind, item_id) in batch.record_items.items() if i not in done and _missing(s, kind, item_id)]
    return done + gone


def _missing(s: Session, kind: str, item_id: str) -> bool:
    if kind == "audit":
        return _audit_line(s, item_id) is None
    model = {"feedback": Feedback, "ticket": Ticket, "voucher": Voucher}[kind]
    return s.get(model, item_id) is None


def requeue_everything(till: Till) -> int:
    """A new server has none of this till's history: send all of it again (the server dedupes)."""
    with till.transaction() as s:
        result = s.execute(update(OutboxItem).where(OutboxItem.acked_at.is_not(None)).values(acked_at=None))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
