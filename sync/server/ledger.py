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
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from psycopg.errors import UniqueViolation
from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ChainBroken, LoyaltyError
from app.core.ids import new_id
from app.core.ledger import Balance, EntryKind, LedgerEntry, apply_entry
from app.core.limits import OutOfBounds, check_balance, check_entry, program_excess
from app.core.program import Program
from sync.protocol import CustomerRecord, EntryRecord, PushRequest, PushResponse, RefusedEntry
from sync.server import bulk, merges, unknown_cards, working_set
from sync.server.db import ChangeCounter, current_change
from sync.server.errors import FlagSpec, Refused
from sync.server.flags import raise_flag
from sync.server.hashing import chain_hash, verify_chain
from sync.server.models import (
    BalanceRow,
    CustomerRow,
    EntryRow,
    HeldEntry,
    ProfileProposal,
    ProgramRow,
    TerminalRow,
    not_counted_ids,
)
from sync.server.records import check_records, flag_reused_vouchers, has_records, store_records

ENTRY_FIELDS = [f.name for f in fields(LedgerEntry)]
BALANCE_FIELDS = [f.name for f in fields(Balance) if f.name != "extra"]
CUSTOMER_FIELDS = list(CustomerRecord.model_fields)
# Balance's own field order, so a row's columns construct it positionally (asserted below).
_BALANCE_COLUMNS = ["customer_id", *BALANCE_FIELDS]
assert [f.name for f in fields(Balance)][: len(BALANCE_FIELDS)] == BALANCE_FIELDS
_CHUNK = 900  # bound parameters per IN (…) list, under SQLite's limit
_Receipt = tuple[str | None, str, str | None]  # (receipt_source, store_id, receipt_id)


@dataclass(frozen=True)
class Caller:
    """The authenticated terminal, derived from its token (never from what it claims)."""

    terminal_id: str
    store_id: str
    role: str = "till"  # or "head_office": may edit any member's profile
    quarantined: bool = False
    scope: str = "chain"  # which members it holds: see sync.server.working_set
    region: str | None = None  # its store's region (a server-side setting)

    @property
    def holders(self) -> tuple[str, ...] | None:
        """The working-set holders this till reads; None: it holds the whole chain."""
        return working_set.holders_for(self.scope, self.terminal_id, self.store_id, self.region)

    @property
    def is_head_office(self) -> bool:
        return self.role == HEAD_OFFICE


HEAD_OFFICE = "head_office"
ROLES = ("till", HEAD_OFFICE)


def chunks(items: list[str], size: int = _CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class EntryIdTaken(Exception):
    """The database refused a new entry's id (the primary key): see ``refuse_taken_ids``."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(f"{len(ids)} entry ids")
        self.ids = ids


@dataclass
class PushCounts:
    """What a push did, for the operators' metrics (filled in by ``push``)."""

    accepted: int = 0  # entries stored for the first time
    duplicate: int = 0  # entries already held, acknowledged again


def push(
    session: Session, caller: Caller, batch: PushRequest, now: datetime, counts: PushCounts | None = None
) -> PushResponse:
    entries = [_entry_of_record(e) for e in batch.entries]
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
    if counts is not None:
        counts.accepted, counts.duplicate = len(new), len(old)
    _check_continues_chain(session, caller, new, head_seq, head_hash)
    programs = _programs(session, new)
    refused = _beyond_bounds(new, programs)

    customers = {c.id: c for c in batch.customers}  # the last copy in a batch wins
    if not (customers or new or has_records(batch) or batch.merges):
        terminal.last_seen_at = now
        return _answer(batch, entries, customers, terminal, current_change(session), refused)
    # One change counter for the whole push (the lock is held to the commit either way): one read and
    # one write of it, and the terminal's row written once, at the end.
    counter = ChangeCounter(session)
    if customers or new or has_records(batch):
        _upsert_customers(session, counter, caller, list(customers.values()), now)
        if new:
            if caller.quarantined:  # stored, so the chain stays whole; counted only once a manager says so
                _insert_entries(session, counter, new, now)
                _hold(session, counter, caller, new, now, {i: r.message for i, r in refused.items()})
            else:
                earlier = _receipts_earned(session, new)  # read before the batch is in
                fold = _Fold.read(session, new)
                # The fold's arithmetic runs while PostgreSQL stores the COPY's rows (the next statement
                # has to wait for the COPY's end anyway).
                _insert_entries(session, counter, new, now, meanwhile=lambda: fold.compute(new, refused))
                fold.write(session, counter, now)
                _hold_refused(session, counter, caller, new, refused, now)
                counted = [e for e in new if e.id not in refused]
                _flag_adjustments(session, counter, caller, counted, programs, now)
                _flag_duplicate_receipts(session, counter, new, counted, earlier, now)
                flag_reused_vouchers(session, counter, counted, now)
            terminal.head_seq, terminal.head_hash = new[-1].terminal_seq, new[-1].hash
        store_records(session, counter, caller, batch, now)
        working_set.note_push(session, counter, new, list(customers.values()), now)
        session.flush()
    # A placeholder for a card its till did not hold meets its member: folded like a merge.
    linked = unknown_cards.links(session, caller.terminal_id, caller.store_id, list(customers.values()), now)
    if batch.merges or customers:  # after the entries: a merge refolds from the whole ledger
        merges.settle(session, counter, [*batch.merges, *linked], list(customers), now)
        working_set.note_merges(session, counter, [*batch.merges, *linked], now)
    terminal.last_seen_at = now
    session.flush()
    return _answer(batch, entries, customers, terminal, counter.finish(), refused)


def _entry_of_record(record: EntryRecord) -> LedgerEntry:
    """The ledger entry a validated record holds.

    A validated record holds exactly LedgerEntry's fields (kind already an ``EntryKind``), so its
    attribute dict becomes the entry's own, without ``__init__`` (a frozen dataclass sets each field
    through ``object.__setattr__``: 3 µs an entry, against 0.4 µs for this). ``_SAME_FIELDS`` checks the
    premise once, at import; otherwise the ordinary constructor is used.
    https://docs.python.org/3/library/dataclasses.html#frozen-instances
    """
    if not _SAME_FIELDS:
        return LedgerEntry(**record.__dict__)
    entry = _new(LedgerEntry)
    _set(entry, "__dict__", dict(record.__dict__))
    return entry


_new, _set = object.__new__, object.__setattr__
_SAME_FIELDS = (
    list(EntryRecord.model_fields) == ENTRY_FIELDS
    and not hasattr(LedgerEntry, "__slots__")
    and not hasattr(LedgerEntry, "__post_init__")  # a check in the constructor must not be skipped
)


def _answer(
    batch: PushRequest,
    entries: list[LedgerEntry],
    customers: dict[str, CustomerRecord],
    terminal: TerminalRow,
    change: int,
    refused: dict[str, RefusedEntry],
) -> PushResponse:
    return PushResponse(
        acked_entries=[e.id for e in entries],
        acked_customers=list(customers),
        acked_merges=[m.id for m in batch.merges],
        acked_feedback=list(dict.fromkeys(r.id for r in batch.feedback)),
        acked_tickets=list(dict.fromkeys(r.id for r in batch.tickets)),
        acked_vouchers=list(dict.fromkeys(r.code for r in batch.vouchers)),
        acked_audit=list(dict.fromkeys(r.id for r in batch.audit)),
        head_seq=terminal.head_seq,
        head_hash=terminal.head_hash,
        change=change,
        refused_entries=list(refused.values()),
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


def refuse_taken_ids(session: Session, caller: Caller, ids: list[str]) -> None:
    """After the primary key refused a batch: a 409 naming the reused id, if that was the cause.

    Why not check before inserting: the primary key already refuses a reused id, for free, while a
    ``SELECT … IN (…)`` of every id of every batch cost a round trip and about a tenth of a push's
    CPU. Only a batch that failed pays for this look-up (in a new transaction).
    """
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


def _programs(session: Session, new: list[LedgerEntry]) -> dict[int, Program]:
    """The program versions these entries name, as the server holds them (a version it lacks is not checked)."""
    versions = list({e.program_version for e in new if e.kind in (EntryKind.EARN, EntryKind.ADJUST)})
    found: dict[int, Program] = {}
    if versions:
        for version, body in session.execute(
            select(ProgramRow.version, ProgramRow.body).where(ProgramRow.version.in_(versions))
        ):
            try:
                found[version] = Program.from_json(body)
            except LoyaltyError:  # an unreadable stored program checks nothing rather than block a till
                continue
    return found


def _beyond_bounds(new: list[LedgerEntry], programs: dict[int, Program]) -> dict[str, RefusedEntry]:
    """The entries no program could produce (hard bounds; an earn beyond its known program's largest bill).

    They are not refused with the batch: the hash chain would then keep every later sale of the till
    from the chain. They are stored, held and never counted, named in the answer and flagged.
    """
    refused: dict[str, RefusedEntry] = {}
    for e in new:
        try:
            check_entry(e)
        except OutOfBounds as exc:
            refused[e.id] = RefusedEntry(id=e.id, code="entry_out_of_bounds", message=exc.message)
            continue
        program = programs.get(e.program_version)
        if e.kind is EntryKind.EARN and program is not None:
            excess = program_excess(e, program)
            if excess:
                refused[e.id] = RefusedEntry(id=e.id, code="entry_out_of_bounds", message=excess)
    return refused


# -- writes (under the change counter's lock) ----------------------------------------------------


def _upsert_customers(
    session: Session, counter: ChangeCounter, caller: Caller, customers: list[CustomerRecord], now: datetime
) -> None:
    """New members are stored; a known member's profile changes only by her store or the back office.

    Why: a till of another store may serve her (entries are facts, from anywhere), but renaming,
    re-numbering or blocking her there would change her at her own store without its say. Such a
    change is kept as a proposal for a manager, flagged, and not applied; the proposing till then
    pulls the profile as it stands.
    """
    if not customers:
        return
    held: dict[str, CustomerRow] = {}
    for part in chunks([c.id for c in customers]):
        held.update((r.id, r) for r in session.scalars(select(CustomerRow).where(CustomerRow.id.in_(part))))
    updates, inserts = [], []
    for c in customers:
        row = held.get(c.id)
        data = {name: getattr(c, name) for name in CUSTOMER_FIELDS}
        if row is None:
            inserts.append({**data, "received_at": now, "change_no": counter.next()})
        elif unknown_cards.is_placeholder(c.id):
            continue  # another till's copy of the same card's placeholder: nothing to change or propose
        elif caller.is_head_office or row.enrolled_store == caller.store_id:
            if not caller.is_head_office:
                data["enrolled_store"] = row.enrolled_store  # a store can't hand its member to another
            updates.append({**data, "received_at": now, "change_no": counter.next()})
        elif _changed_fields(row, c):
            _propose(session, counter, caller, row, c, now)
    write_rows(session, CustomerRow.__table__, "id", updates, inserts)


def _changed_fields(row: CustomerRow, c: CustomerRecord) -> list[str]:
    return [n for n in CUSTOMER_FIELDS if n != "updated_at" and getattr(row, n) != getattr(c, n)]


def _propose(
    session: Session, counter: ChangeCounter, caller: Caller, row: CustomerRow, c: CustomerRecord, now: datetime
) -> None:
    changed = _changed_fields(row, c)
    session.add(
        ProfileProposal(
            id=new_id(),
            customer_id=c.id,
            terminal_id=caller.terminal_id,
            store_id=caller.store_id,
            body=c.model_dump_json(),
            created_at=now,
        )
    )
    row.change_no = counter.next()  # the proposing till pulls the profile back as it stands
    raise_flag(
        session,
        counter,
        FlagSpec(
            kind="profile_proposal",
            message=f"Terminal {caller.terminal_id} of store {caller.store_id} changed the profile of member "
            f"{c.id}, enrolled at store {row.enrolled_store} ({', '.join(changed)}); it was not applied. "
            "Accept or reject it: loyalty-server proposals.",
            dedupe_key=f"proposal:{c.id}:{caller.terminal_id}"[:200],
            store_id=caller.store_id,
            terminal_id=caller.terminal_id,
            customer_id=c.id,
        ),
        now,
    )


def _insert_entries(
    session: Session,
    counter: ChangeCounter,
    new: list[LedgerEntry],
    now: datetime,
    *,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Store the new entries; ``meanwhile`` (Python work that sends no statement) runs while the database
    takes them: between the COPY's last row and its end, when PostgreSQL has most rows in hand."""
    try:
        if bulk.on_postgres(session) and len(new) > 20:
            _copy_entries(session, counter, new, now, meanwhile)
        else:
            rows = []
            for e in new:
                row = dict(e.__dict__)  # a LedgerEntry holds exactly ENTRY_FIELDS
                row["kind"] = e.kind.value
                row["received_at"] = now
                row["change_no"] = counter.next()
                rows.append(row)
            write_rows(session, EntryRow.__table__, "id", [], rows)
            if meanwhile is not None:
                meanwhile()
    except (IntegrityError, UniqueViolation) as exc:
        text = str(exc)  # PostgreSQL names the constraint, SQLite the column
        if str(EntryRow.__table__.primary_key.name) in text or "ledger_entry.id" in text:
            raise EntryIdTaken([e.id for e in new]) from None
        raise


_entry_values = operator.attrgetter(*ENTRY_FIELDS)
_KIND_AT = ENTRY_FIELDS.index("kind")
_COPY_ENTRIES = f"COPY ledger_entry ({', '.join([*ENTRY_FIELDS, 'received_at', 'change_no'])}) FROM STDIN"


def _copy_entries(
    session: Session,
    counter: ChangeCounter,
    new: list[LedgerEntry],
    now: datetime,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """The batch's entries by one COPY, each row a list straight from the entry's fields (no dict per
    row): https://www.psycopg.org/psycopg3/docs/basic/copy.html#writing-data-row-by-row

    psycopg sends the rows as its buffer fills (every 32 kB), and PostgreSQL inserts them as they
    arrive (COPY FROM STDIN streams: https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-COPY),
    so ``meanwhile`` — called before the COPY ends — overlaps the server's Python with the database's
    inserts instead of waiting for them. An error of the COPY (a reused id) still surfaces at its end.
    """
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(_COPY_ENTRIES) as copy:
        for e in new:
            row = list(_entry_values(e))
            row[_KIND_AT] = e.kind.value  # psycopg would write an Enum's name, not its value
            row.append(now)
            row.append(counter.next())
            copy.write_row(row)
        if meanwhile is not None:
            meanwhile()


@dataclass
class _Fold:
    """Folding the new entries into their members' balances, in three steps so the arithmetic can run
    while the entries are being stored (``_insert_entries``' ``meanwhile``):

    ``read`` (statements, before the COPY), ``compute`` (Python only), ``write`` (flags, one upsert).

    An entry that would take a balance beyond the bounds, or that reverses an entry no balance counts,
    is added to ``refused`` and left out.
    """

    holder: dict[str, str]  # a merged card folds to its survivor
    customer_ids: list[str]
    balances: dict[str, Balance]
    existing: set[str]
    originals: dict[str, LedgerEntry]
    uncounted: set[str]
    flags: list[FlagSpec]

    @classmethod
    def read(cls, session: Session, new: list[LedgerEntry]) -> _Fold:
        holder = merges.holders(session, dict.fromkeys(e.customer_id for e in new))
        customer_ids = list(dict.fromkeys(holder.values()))
        balances: dict[str, Balance] = {}
        table = BalanceRow.__table__
        columns = [table.c[n] for n in _BALANCE_COLUMNS]
        for condition in bulk.among(session, table.c.customer_id, customer_ids):
            for row in session.execute(select(*columns).where(condition)):
                balances[row[0]] = Balance(*row[1:])
        # The originals of reversals: from the batch, or from entries stored before it (so reading them
        # before the batch's COPY finds the same ones).
        originals = _originals(session, new)
        uncounted = _not_counted(session, [e.reverses for e in new if e.reverses and e.reverses in originals])
        return cls(holder, customer_ids, balances, set(balances), originals, uncounted, [])

    def compute(self, new: list[LedgerEntry], refused: dict[str, RefusedEntry]) -> None:
        balances, holder, originals, uncounted = self.balances, self.holder, self.originals, self.uncounted
        for e in new:
            if e.id in refused:
                continue
            if e.reverses and (e.reverses in refused or e.reverses in uncounted):
                refused[e.id] = RefusedEntry(
                    id=e.id,
                    code="reverses_uncounted",
                    message=f"Entry {e.id} reverses entry {e.reverses}, which is held and not counted.",
                )
                continue
            before = balances.get(holder[e.customer_id], Balance())
            after = apply_entry(before, e, originals.get(e.reverses) if e.reverses else None)
            try:
                check_balance(after, e)
            except OutOfBounds as exc:
                refused[e.id] = RefusedEntry(id=e.id, code="balance_out_of_bounds", message=exc.message)
                continue
            balances[holder[e.customer_id]] = after
            if before.points >= 0 > after.points or before.stamps >= 0 > after.stamps:
                what = f"{after.points} points" if after.points < 0 else f"{after.stamps} stamps"
                self.flags.append(
                    FlagSpec(
                        kind="negative_balance",
                        message=f"Member {e.customer_id} is at {what} after a {e.kind.value} at terminal "
                        f"{e.terminal_id}: the same points were probably spent at two tills while offline.",
                        store_id=e.store_id,
                        terminal_id=e.terminal_id,
                        customer_id=e.customer_id,
                        entry_id=e.id,
                        seq=e.terminal_seq,
                    )
                )

    def write(self, session: Session, counter: ChangeCounter, now: datetime) -> None:
        for spec in self.flags:
            raise_flag(session, counter, spec, now)
        rows = []
        for cid in self.customer_ids:
            # Not dataclasses.asdict: it deep-copies every field recursively (a third of the fold's CPU).
            data = dict(self.balances[cid].__dict__)
            del data["extra"]
            data["customer_id"] = cid
            data["change_no"] = counter.next()
            rows.append(data)
        # one statement on PostgreSQL
        bulk.upsert(session, BalanceRow.__table__, ["customer_id"], rows, existing=self.existing)


def _flag_adjustments(
    session: Session,
    counter: ChangeCounter,
    caller: Caller,
    new: list[LedgerEntry],
    programs: dict[int, Program],
    now: datetime,
) -> None:
    """Adjustments are facts too, but a manager should see the unusual ones.

    Unusual: no staff member named (a till always records the manager), more points than the
    program lets a manager adjust (the owner's PIN at the till), or a member of another store.
    """
    adjusts = [e for e in new if e.kind is EntryKind.ADJUST]
    if not adjusts:
        return
    owners = _enrolled_stores(session, [e.customer_id for e in adjusts])
    for e in adjusts:
        program = programs.get(e.program_version) or Program()
        why = []
        if not e.staff_id:
            why.append("no staff member is recorded")
        if abs(e.points) > program.adjust_limit_points:
            why.append(f"it is beyond the program's limit of {program.adjust_limit_points:,} points")
        home = owners.get(e.customer_id)
        if home is not None and home != e.store_id and abs(e.points) > program.adjust_limit_points // 10:
            why.append(f"the member belongs to store {home}")
        if why:
            raise_flag(
                session,
                counter,
                FlagSpec(
                    kind="unusual_adjustment",
                    message=f"Terminal {e.terminal_id} of store {e.store_id} adjusted member {e.customer_id} by "
                    f"{e.points:+,} points and {e.stamps:+,} stamps: {'; '.join(why)}. Check it, and reverse it "
                    "if it was not meant.",
                    dedupe_key=f"adjust:{e.id}",
                    store_id=e.store_id,
                    terminal_id=e.terminal_id,
                    customer_id=e.customer_id,
                    entry_id=e.id,
                    seq=e.terminal_seq,
                ),
                now,
            )


def _enrolled_stores(session: Session, customer_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for condition in bulk.among(session, CustomerRow.id, list(dict.fromkeys(customer_ids))):
        found.update(session.execute(select(CustomerRow.id, CustomerRow.enrolled_store).where(condition)).all())
    return found


def _not_counted(session: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for condition in bulk.among(session, HeldEntry.entry_id, list(dict.fromkeys(ids))):
        found.update(session.scalars(not_counted_ids().where(condition)))
    return found


def _hold_refused(
    session: Session,
    counter: ChangeCounter,
    caller: Caller,
    new: list[LedgerEntry],
    refused: dict[str, RefusedEntry],
    now: datetime,
) -> None:
    """Refused entries stay in the chain, held (never counted, never sent), each flagged by name."""
    for e in new:
        r = refused.get(e.id)
        if r is None:
            continue
        session.add(HeldEntry(entry_id=e.id, terminal_id=e.terminal_id, customer_id=e.customer_id, held_at=now,
                              reason=r.message))  # fmt: skip
        raise_flag(
            session,
            counter,
            FlagSpec(
                kind=r.code,
                message=f"Terminal {caller.terminal_id}: {r.message} The entry is held, not counted and not sent "
                "to other tills; the till's later entries were taken. "
                + (
                    "It follows the entry it reverses: released or rejected with it."
                    if r.code == "reverses_uncounted"
                    else f"Reject it (loyalty-server reject --entry {e.id}), and quarantine the till if it was "
                    "tampered with."
                ),
                dedupe_key=f"{r.code}:{e.id}"[:200],
                store_id=caller.store_id,
                terminal_id=caller.terminal_id,
                customer_id=e.customer_id,
                entry_id=e.id,
                seq=e.terminal_seq,
            ),
            now,
        )


def _hold(
    session: Session,
    counter: ChangeCounter,
    caller: Caller,
    new: list[LedgerEntry],
    now: datetime,
    beyond: dict[str, str],
) -> None:
    session.add_all(
        HeldEntry(
            entry_id=e.id,
            terminal_id=e.terminal_id,
            customer_id=e.customer_id,
            held_at=now,
            reason=beyond.get(e.id, "terminal quarantined"),
        )
        for e in new
    )
    raise_flag(
        session,
        counter,
        FlagSpec(
            kind="held_entries",
            message=f"Terminal {caller.terminal_id} is quarantined: its entries are held for review, not counted "
            "(loyalty-server held / release / reject).",
            dedupe_key=f"held:{caller.terminal_id}",
            store_id=caller.store_id,
            terminal_id=caller.terminal_id,
        ),
        now,
    )


def _originals(session: Session, new: list[LedgerEntry]) -> dict[str, LedgerEntry]:
    """The entries that REVERSE entries cancel: from this batch, or from anywhere in the ledger."""
    in_batch = {e.id: e for e in new}
    wanted = [e.reverses for e in new if e.kind is EntryKind.REVERSE and e.reverses]
    found = {i: in_batch[i] for i in wanted if i in in_batch}
    missing = [i for i in dict.fromkeys(wanted) if i not in found]
    for condition in bulk.among(session, EntryRow.id, missing):
        for row in session.execute(select(EntryRow.__table__).where(condition)):
            found[row.id] = entry_of(row)
    return found


def _receipts_earned(session: Session, new: list[LedgerEntry]) -> dict[_Receipt, list[str]]:
    """The ledger's earns of the receipts this batch earns on, read before the batch is stored.

    Why before: read afterwards, the look-up found the batch's own thousand rows again and again
    (every receipt matches itself); before, it usually finds none. It runs under the change
    counter's lock, so another till's push of the same receipt is either committed (and seen here) or
    waits for this one (and sees it). The index it uses: ``ix_ledger_entry_receipt_kind``.
    """
    receipts = list(dict.fromkeys(e.receipt_id for e in new if e.kind is EntryKind.EARN and e.receipt_id))
    earned: dict[_Receipt, list[str]] = {}
    for condition in bulk.among(session, EntryRow.receipt_id, receipts):
        rows = session.execute(
            select(EntryRow.receipt_source, EntryRow.store_id, EntryRow.receipt_id, EntryRow.id).where(
                condition, EntryRow.kind == EntryKind.EARN.value
            )
        )
        for source, store, receipt, entry_id in rows:
            earned.setdefault((source, store, receipt), []).append(entry_id)
    return earned


def _flag_duplicate_receipts(
    session: Session,
    counter: ChangeCounter,
    new: list[LedgerEntry],
    counted: list[LedgerEntry],
    earlier: dict[_Receipt, list[str]],
    now: datetime,
) -> None:
    """A receipt that earned more than once, in the ledger before or in this batch (every stored entry,
    held or not), flags each counted earn on it after the first."""
    earned = {key: list(ids) for key, ids in earlier.items()}
    for e in new:
        if e.kind is EntryKind.EARN and e.receipt_id is not None:
            earned.setdefault((e.receipt_source, e.store_id, e.receipt_id), []).append(e.id)
    for e in counted:
        if e.kind is not EntryKind.EARN or e.receipt_id is None:
            continue
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
