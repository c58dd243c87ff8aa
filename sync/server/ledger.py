"""Push: a terminal's batch of customers and ledger entries, stored exactly once, all or nothing.

The checks, in the order a batch meets them:

1. Every entry must be the caller's own (its terminal and its store): 403.
2. Entries the server already holds (seq at or below this till's head) must be
   the very same entries — same id, same hash, and the hash must recompute —
   and are then simply acknowledged again (a retry after a lost answer).
   Anything else there is a conflicting copy: 409 and a flag.
3. New entries must continue the till's chain: the next seq (else a gap: 409
   and a flag) and hashes that link (else a broken chain: 422 and a flag).
4. Entries are facts: business rules never refuse them. A member's balance
   driven below zero (two offline tills spending the same points) and a
   receipt that earned twice are flagged for a manager instead.

Customers in the batch are upserted before the entries: the last version to
reach the server wins (by the server's change number). An entry whose member
is not known yet is still accepted — it is a fact, and the member's record
follows from the same till (customers are always pushed first).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.core.errors import ChainBroken
from app.core.ledger import Balance, EntryKind, LedgerEntry, apply_entry, chain_hash, verify_chain
from sync.protocol import CustomerRecord, EntryRecord, PushRequest, PushResponse
from sync.server import merges
from sync.server.db import ChangeCounter, current_change
from sync.server.errors import FlagSpec, Refused
from sync.server.flags import raise_flag
from sync.server.models import BalanceRow, CustomerRow, EntryRow, TerminalRow
from sync.server.records import check_records, flag_reused_vouchers, has_records, store_records

ENTRY_FIELDS = [f.name for f in fields(LedgerEntry)]
BALANCE_FIELDS = [f.name for f in fields(Balance) if f.name != "extra"]
CUSTOMER_FIELDS = list(CustomerRecord.model_fields)
_CHUNK = 900  # bound parameters per IN (…) list, under SQLite's limit


@dataclass(frozen=True)
class Caller:
    """The authenticated terminal, derived from its token (never from what it claims)."""

    terminal_id: str
    store_id: str


def chunks(items: list[str], size: int = _CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def push(session: Session, caller: Caller, batch: PushRequest, now: datetime) -> PushResponse:
    entries = [e.to_entry() for e in batch.entries]
    _check_ownership(caller, entries)
    merges.check_ownership(caller.terminal_id, caller.store_id, batch.merges)
    check_records(caller, batch)
    _check_order(caller, entries)
    terminal = session.get(TerminalRow, caller.terminal_id, with_for_update=True)
    if terminal is None:  # the token was valid a moment ago: revoked or removed meanwhile
        raise Refused(401, "unauthorized", "This terminal is not registered on the server any more.")
    head_seq, head_hash = terminal.head_seq, terminal.head_hash
    old = [e for e in entries if e.terminal_seq <= head_seq]
    new = [e for e in entries if e.terminal_seq > head_seq]
    _check_already_held(session, caller, old)
    _check_continues_chain(session, caller, new, head_seq, head_hash)

    customers = {c.id: c for c in batch.customers}  # the last copy in a batch wins
    terminal.last_seen_at = now
    if customers or new or has_records(batch):
        counter = ChangeCounter(session)
        _upsert_customers(session, counter, list(customers.values()), now)
        if new:
            _insert_entries(session, counter, new, now)
            _fold_balances(session, counter, caller, new, now)
            _flag_duplicate_receipts(session, counter, caller, new, now)
            flag_reused_vouchers(session, counter, new, now)
            terminal.head_seq, terminal.head_hash = new[-1].terminal_seq, new[-1].hash
        store_records(session, counter, caller, batch, now)
        session.flush()
        change = counter.finish()
    else:
        change = current_change(session)
    if batch.merges or customers:  # after the entries: a merge refolds from the whole ledger
        counter = ChangeCounter(session)
        merges.settle(session, counter, batch.merges, list(customers), now)
        change = counter.finish()
    return PushResponse(
        acked_entries=[e.id for e in entries],
        acked_customers=list(customers),
        acked_merges=[m.id for m in batch.merges],
        acked_feedback=list(dict.fromkeys(r.id for r in batch.feedback)),
        acked_tickets=list(dict.fromkeys(r.id for r in batch.tickets)),
        acked_vouchers=list(dict.fromkeys(r.code for r in batch.vouchers)),
        head_seq=terminal.head_seq,
        head_hash=terminal.head_hash,
        change=change,
    )


# -- checks (no writes) --------------------------------------------------------------------------


def _check_ownership(caller: Caller, entries: list[LedgerEntry]) -> None:
    for e in entries:
        if e.terminal_id != caller.terminal_id or e.store_id != caller.store_id:
            raise Refused(
                403,
                "forbidden",
                f"Entry {e.id} claims terminal {e.terminal_id} of store {e.store_id}, but this token belongs to "
                f"terminal {caller.terminal_id} of store {caller.store_id}: a till may only send its own entries.",
                FlagSpec(
                    kind="forbidden_write",
                    message=f"Terminal {caller.terminal_id} tried to push an entry as terminal {e.terminal_id} "
                    f"of store {e.store_id}; refused.",
                    dedupe_key=f"forbidden:{caller.terminal_id}:{e.terminal_id}:{e.store_id}"[:200],
                    store_id=caller.store_id,
                    terminal_id=caller.terminal_id,
                    entry_id=e.id,
                ),
            )


def _check_order(caller: Caller, entries: list[LedgerEntry]) -> None:
    if len({e.id for e in entries}) != len(entries):
        raise Refused(422, "invalid_request", "The batch holds the same entry id twice.")
    for a, b in itertools.pairwise(entries):
        if b.terminal_seq != a.terminal_seq + 1:
            raise Refused(
                409,
                "sequence_gap",
                f"Entries must follow each other in terminal_seq order: #{b.terminal_seq} came after "
                f"#{a.terminal_seq}.",
                FlagSpec(
                    kind="sequence_gap",
                    message=f"Terminal {caller.terminal_id} sent entry #{b.terminal_seq} right after "
                    f"#{a.terminal_seq}: entries are missing or out of order; the batch was refused.",
                    dedupe_key=f"gap:{caller.terminal_id}:{a.terminal_seq}:{b.terminal_seq}",
                    store_id=caller.store_id,
                    terminal_id=caller.terminal_id,
                    seq=b.terminal_seq,
                ),
            )


def _check_already_held(session: Session, caller: Caller, old: list[LedgerEntry]) -> None:
    if not old:
        return
    held = {
        seq: (entry_id, hash_)
        for seq, entry_id, hash_ in session.execute(
            select(EntryRow.terminal_seq, EntryRow.id, EntryRow.hash).where(
                EntryRow.terminal_id == caller.terminal_id,
                EntryRow.terminal_seq >= old[0].terminal_seq,
                EntryRow.terminal_seq <= old[-1].terminal_seq,
            )
        )
    }
    for e in old:
        stored = held.get(e.terminal_seq)
        same = stored is not None and stored == (e.id, e.hash) and chain_hash(e.prev_hash, e) == e.hash
        if not same:
            what = f"entry {stored[0]}" if stored else "no entry"
            raise Refused(
                409,
                "conflicting_entry",
                f"Entry #{e.terminal_seq} ({e.id}) differs from what the server already holds for this till "
                f"({what}): the till's ledger was altered or restored from an old copy.",
                FlagSpec(
                    kind="conflicting_entry",
                    message=f"Terminal {caller.terminal_id} sent a different entry #{e.terminal_seq} ({e.id}) "
                    f"than the one recorded ({what}); refused.",
                    dedupe_key=f"conflict:{caller.terminal_id}:{e.terminal_seq}",
                    store_id=caller.store_id,
                    terminal_id=caller.terminal_id,
                    entry_id=e.id,
                    seq=e.terminal_seq,
                ),
            )


def _check_continues_chain(
    session: Session, caller: Caller, new: list[LedgerEntry], head_seq: int, head_hash: str
) -> None:
    if not new:
        return
    first = new[0]
    if first.terminal_seq != head_seq + 1:
        raise Refused(
            409,
            "sequence_gap",
            f"The server holds this till's entries up to #{head_seq}; the batch starts at #{first.terminal_seq}. "
            f"Entries #{head_seq + 1}–#{first.terminal_seq - 1} are missing.",
            FlagSpec(
                kind="sequence_gap",
                message=f"Terminal {caller.terminal_id} skipped entries #{head_seq + 1}–#{first.terminal_seq - 1}; "
                "the batch was refused.",
                dedupe_key=f"gap:{caller.terminal_id}:{head_seq}:{first.terminal_seq}",
                store_id=caller.store_id,
                terminal_id=caller.terminal_id,
                seq=first.terminal_seq,
            ),
        )
    try:
        verify_chain(new, start_seq=head_seq + 1, start_hash=head_hash)
    except ChainBroken as exc:
        seq = int(exc.details.get("seq", 0) or 0)  # type: ignore[call-overload]
        raise Refused(
            422,
            "chain_broken",
            f"{exc.message} The batch was refused; nothing of it was stored.",
            FlagSpec(
                kind="chain_broken",
                message=f"{exc.message} (batch refused)",
                dedupe_key=f"chain:{caller.terminal_id}:{seq}",
                store_id=caller.store_id,
                terminal_id=caller.terminal_id,
                seq=seq,
            ),
        ) from None
    ids = [e.id for e in new]
    taken: list[str] = []
    for part in chunks(ids):
        taken += session.scalars(select(EntryRow.id).where(EntryRow.id.in_(part))).all()
    if taken:
        raise Refused(
            409,
            "conflicting_entry",
            f"Entry id {taken[0]} is already recorded at another place in the ledger.",
            FlagSpec(
                kind="conflicting_entry",
                message=f"Terminal {caller.terminal_id} reused entry id {taken[0]}; refused.",
                dedupe_key=f"reused:{taken[0]}",
                store_id=caller.store_id,
                terminal_id=caller.terminal_id,
                entry_id=taken[0],
            ),
        )


# -- writes (under the change counter's lock) ----------------------------------------------------


def _upsert_customers(session: Session, counter: ChangeCounter, customers: list[CustomerRecord], now: datetime) -> None:
    if not customers:
        return
    known: set[str] = set()
    for part in chunks([c.id for c in customers]):
        known.update(session.scalars(select(CustomerRow.id).where(CustomerRow.id.in_(part))))
    rows = [
        {**{name: getattr(c, name) for name in CUSTOMER_FIELDS}, "received_at": now, "change_no": counter.next()}
        for c in customers
    ]
    write_rows(session, CustomerRow.__table__, "id", [r for r in rows if r["id"] in known],
               [r for r in rows if r["id"] not in known])  # fmt: skip


def _insert_entries(session: Session, counter: ChangeCounter, new: list[LedgerEntry], now: datetime) -> None:
    rows = []
    for e in new:
        row = {name: getattr(e, name) for name in ENTRY_FIELDS}
        row["kind"] = e.kind.value
        row["received_at"] = now
        row["change_no"] = counter.next()
        rows.append(row)
    write_rows(session, EntryRow.__table__, "id", [], rows)


def _fold_balances(
    session: Session, counter: ChangeCounter, caller: Caller, new: list[LedgerEntry], now: datetime
) -> None:
    holder = merges.holders(session, dict.fromkeys(e.customer_id for e in new))  # a merged card folds to its survivor
    customer_ids = list(dict.fromkeys(holder.values()))
    balances: dict[str, Balance] = {}
    for part in chunks(customer_ids):
        table = BalanceRow.__table__
        for row in session.execute(select(table).where(table.c.customer_id.in_(part))):
            balances[row.customer_id] = Balance(**{name: getattr(row, name) for name in BALANCE_FIELDS})
    existing = set(balances)
    originals = _originals(session, new)
    for e in new:
        before = balances.get(holder[e.customer_id], Balance())
        after = apply_entry(before, e, originals.get(e.reverses) if e.reverses else None)
        balances[holder[e.customer_id]] = after
        if before.points >= 0 > after.points or before.stamps >= 0 > after.stamps:
            what = f"{after.points} points" if after.points < 0 else f"{after.stamps} stamps"
            raise_flag(
                session,
                counter,
                FlagSpec(
                    kind="negative_balance",
                    message=f"Member {e.customer_id} is at {what} after a {e.kind.value} at terminal "
                    f"{e.terminal_id}: the same points were probably spent at two tills while offline.",
                    store_id=e.store_id,
                    terminal_id=e.terminal_id,
                    customer_id=e.customer_id,
                    entry_id=e.id,
                    seq=e.terminal_seq,
                ),
                now,
            )
    updates, inserts = [], []
    for cid in customer_ids:
        data = {k: v for k, v in asdict(balances[cid]).items() if k != "extra"}
        data["customer_id"] = cid
        data["change_no"] = counter.next()
        (updates if cid in existing else inserts).append(data)
    write_rows(session, BalanceRow.__table__, "customer_id", updates, inserts)


def _originals(session: Session, new: list[LedgerEntry]) -> dict[str, LedgerEntry]:
    """The entries that REVERSE entries cancel: from this batch, or from anywhere in the ledger."""
    in_batch = {e.id: e for e in new}
    wanted = [e.reverses for e in new if e.kind is EntryKind.REVERSE and e.reverses]
    found = {i: in_batch[i] for i in wanted if i in in_batch}
    missing = [i for i in dict.fromkeys(wanted) if i not in found]
    for part in chunks(missing):
        for row in session.execute(select(EntryRow.__table__).where(EntryRow.id.in_(part))):
            found[row.id] = entry_of(row)
    return found


def _flag_duplicate_receipts(
    session: Session, counter: ChangeCounter, caller: Caller, new: list[LedgerEntry], now: datetime
) -> None:
    earns = [e for e in new if e.kind is EntryKind.EARN and e.receipt_id is not None]
    if not earns:
        return
    earned: dict[tuple[str | None, str, str | None], list[str]] = {}
    for part in chunks(list(dict.fromkeys(e.receipt_id for e in earns if e.receipt_id))):
        rows = session.execute(
            select(EntryRow.receipt_source, EntryRow.store_id, EntryRow.receipt_id, EntryRow.id).where(
                EntryRow.receipt_id.in_(part), EntryRow.kind == EntryKind.EARN.value
            )
        )
        for source, store, receipt, entry_id in rows:
            earned.setdefault((source, store, receipt), []).append(entry_id)
    for e in earns:
        others = [i for i in earned.get((e.receipt_source, e.store_id, e.receipt_id), []) if i != e.id]
        if others:
            raise_flag(
                session,
                counter,
                FlagSpec(
                    kind="duplicate_receipt",
                    message=f"Receipt {e.receipt_source}/{e.receipt_id} earned points more than once "
                    f"(entries {', '.join([*others, e.id])}); reverse the extra one.",
                    dedupe_key=f"receipt:{e.id}"[:200],
                    store_id=e.store_id,
                    terminal_id=e.terminal_id,
                    customer_id=e.customer_id,
                    entry_id=e.id,
                ),
                now,
            )


def write_rows(
    session: Session, table: Table, key: str, updates: list[dict[str, Any]], inserts: list[dict[str, Any]]
) -> None:
    """Many rows in one round trip each way (Core executemany: psycopg pipelines it)."""
    if updates:
        values = {name: bindparam(f"v_{name}") for name in updates[0] if name != key}
        statement = update(table).where(table.c[key] == bindparam(f"v_{key}")).values(values)
        session.execute(statement, [{f"v_{k}": v for k, v in row.items()} for row in updates])
    if inserts and session.get_bind().dialect.name == "postgresql" and len(inserts) > 20:
        # COPY: several times faster than INSERT for a batch, and still inside the push's transaction.
        columns = list(inserts[0])
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in inserts:
                copy.write_row([row[c] for c in columns])
    elif inserts:
        session.execute(insert(table), inserts)


def entry_of(row: Any) -> LedgerEntry:
    data = {name: getattr(row, name) for name in ENTRY_FIELDS}
    data["kind"] = EntryKind(row.kind)
    return LedgerEntry(**data)


def record_of(row: EntryRow) -> EntryRecord:
    return EntryRecord.of(entry_of(row))
