"""The one place ledger entries are written.

Appending an entry takes the next gap-free sequence number of this terminal,
links it into the terminal's hash chain, updates the customer's balance cache
and queues the entry in the outbox — all in the caller's transaction, so either
all four happen or none does. There is deliberately no update or delete here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH, Balance, EntryKind, LedgerEntry, apply_entry
from app.core.limits import check_balance, check_entry
from app.db import bulk
from app.db.models import BalanceRow, Customer, LedgerEntryRow, OutboxItem
from app.services import stats

if TYPE_CHECKING:
    from app.services.till import Till

_ENTRY_FIELDS = [f.name for f in fields(LedgerEntry)]
_BALANCE_FIELDS = [f.name for f in fields(Balance) if f.name != "extra"]


def draft(till: Till, customer_id: str, kind: EntryKind, at: datetime, **fields_: Any) -> LedgerEntry:
    """An unsealed entry of this till; ``append`` gives it its seq and hash."""
    return LedgerEntry(
        id=new_id(),
        terminal_id=till.terminal_id,
        store_id=till.store_id,
        terminal_seq=0,
        customer_id=customer_id,
        kind=kind,
        created_at=at,
        **fields_,
    )


def chain_head(session: Session, terminal_id: str) -> tuple[int, str]:
    row = session.execute(
        select(LedgerEntryRow.terminal_seq, LedgerEntryRow.hash)
        .where(LedgerEntryRow.terminal_id == terminal_id)
        .order_by(LedgerEntryRow.terminal_seq.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def append(session: Session, draft: LedgerEntry) -> LedgerEntry:
    """Seal ``draft`` (its seq and hashes are filled in here) and write it. Returns the sealed entry."""
    seq, prev = chain_head(session, draft.terminal_id)
    entry = replace(draft, id=draft.id or new_id(), terminal_seq=seq + 1).sealed(prev)
    store(session, entry)
    session.add(OutboxItem(item_type="entry", item_id=entry.id, created_at=entry.created_at))
    return entry


@dataclass
class Known:
    """What a caller already read in this transaction, so ``append_known`` needs no read of its own.

    ``head`` is this till's chain head (seq, hash), ``balance`` the holder's balance cache and
    ``has_row`` whether its row exists. ``append_known`` (and ``append_via``) keep them current.
    """

    holder: str
    balance: Balance
    has_row: bool
    head: tuple[int, str]


def append_known(session: Session, draft: LedgerEntry, known: Known) -> LedgerEntry:
    """``append`` on the award's hot path: the same seal, limits, row, balance, outbox and stats
    hook, written with Core statements and no read (``known`` holds the chain head and balance).

    Only for an entry of ``known.holder`` that reverses nothing (an earn, a tier move, a bonus):
    a reversal needs its original, so it goes through ``append``. Why: on a till the ORM's unit
    of work and the reads before it cost several times the disk's own commit (issue 12 item 5).
    """
    if draft.reverses or draft.customer_id != known.holder:
        raise ValueError("append_known takes an entry of the known holder that reverses nothing")
    seq, prev = known.head
    entry = replace(draft, id=draft.id or new_id(), terminal_seq=seq + 1).sealed(prev)
    check_entry(entry)
    after = apply_entry(known.balance, entry)
    check_balance(after, entry)
    row = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
    row["kind"] = entry.kind.value
    values = {name: getattr(after, name) for name in _BALANCE_FIELDS}
    outbox = {"item_type": "entry", "item_id": entry.id, "created_at": entry.created_at}
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        _PREPARED.write(conn, row, known.holder, values, outbox, update=known.has_row)
    else:
        conn.execute(insert(LedgerEntryRow.__table__), row)
        if known.has_row:
            conn.execute(update(BalanceRow.__table__).where(BalanceRow.customer_id == known.holder), values)
        else:
            conn.execute(insert(BalanceRow.__table__), {"customer_id": known.holder, **values})
        conn.execute(insert(OutboxItem.__table__), outbox)
    stale = session.identity_map.get(session.identity_key(BalanceRow, (known.holder,)))
    if stale is not None:  # a caller's ORM copy of the row would hide the new balance
        session.expire(stale)
    known.head, known.balance, known.has_row = (entry.terminal_seq, entry.hash), after, True
    stats.entry_stored(session, entry, known.holder, None)  # the back office's summary tables
    return entry


class _Prepared:
    """The award's three writes as SQL text made once, run on the DBAPI cursor of the session's
    connection (so in its transaction), with each column's own bind processor applied.

    What SQLAlchemy does per Core statement — cache key, compiled-cache lookup, execution context,
    result object — costs about as much CPU as SQLite's own work for these rows; this keeps the
    types' conversions (``TypeEngine.bind_processor``: UTCDateTime's aware-UTC check and SQLite's
    DATETIME string, https://docs.sqlalchemy.org/en/20/core/type_api.html#sqlalchemy.types.TypeEngine.bind_processor)
    and drops the rest. SQLite only (the till's database); elsewhere ``append_known`` uses Core.
    """

    def __init__(self) -> None:
        self._made: Any = None

    def _make(self, dialect: Any) -> Any:
        entry, balance, outbox = LedgerEntryRow.__table__, BalanceRow.__table__, OutboxItem.__table__

        def statement(sql: str, columns: list[Any]) -> tuple[str, list[tuple[str, Any]]]:
            return sql, [(c.name, c.type.dialect_impl(dialect).bind_processor(dialect)) for c in columns]

        def marks(n: int) -> str:
            return ", ".join("?" * n)

        e_cols = [entry.c[name] for name in _ENTRY_FIELDS]
        b_cols = [balance.c[name] for name in _BALANCE_FIELDS]
        o_cols = [outbox.c.item_type, outbox.c.item_id, outbox.c.created_at]
        return (
            dialect,
            statement(
                f"INSERT INTO {entry.name} ({', '.join(c.name for c in e_cols)}) VALUES ({marks(len(e_cols))})", e_cols
            ),
            statement(
                f"UPDATE {balance.name} SET {', '.join(f'{c.name} = ?' for c in b_cols)} WHERE customer_id = ?",
                [*b_cols, balance.c.customer_id],
            ),
            statement(
                f"INSERT INTO {balance.name} ({', '.join(c.name for c in b_cols)}, customer_id) "
                f"VALUES ({marks(len(b_cols) + 1)})",
                [*b_cols, balance.c.customer_id],
            ),
            statement(
                f"INSERT INTO {outbox.name} ({', '.join(c.name for c in o_cols)}) VALUES ({marks(len(o_cols))})", o_cols
            ),
        )

    def write(
        self,
        conn: Any,
        row: dict[str, Any],
        holder: str,
        balance: dict[str, Any],
        outbox: dict[str, Any],
        *,
        update: bool,
    ) -> None:
        if self._made is None or self._made[0] is not conn.dialect:
            self._made = self._make(conn.dialect)
        _, insert_entry, update_balance, insert_balance, insert_outbox = self._made

        def run(statement: tuple[str, list[tuple[str, Any]]], values: dict[str, Any]) -> int:
            sql, params = statement
            cursor.execute(sql, [p(values[n]) if p else values[n] for n, p in params])
            return int(cursor.rowcount)

        cursor = conn.connection.driver_connection.cursor()
        try:
            run(insert_entry, row)
            changed = run(update_balance if update else insert_balance, {**balance, "customer_id": holder})
            if changed != 1:  # the row was read at this transaction's start: it cannot have gone
                raise RuntimeError(f"the balance row of {holder} was not written")
            run(insert_outbox, outbox)
        finally:
            cursor.close()


_PREPARED = _Prepared()


def append_via(session: Session, draft: LedgerEntry, known: Known) -> LedgerEntry:
    """``append_known`` when it applies, else ``append`` (another member, a merged card), keeping
    ``known.head`` current either way so the next entry links after this one."""
    if draft.customer_id == known.holder and not draft.reverses:
        return append_known(session, draft, known)
    entry = append(session, draft)
    known.head = (entry.terminal_seq, entry.hash)
    row = session.identity_map.get(session.identity_key(BalanceRow, (known.holder,)))
    if row is not None:  # ``append`` may have folded into the known holder too (a merged referrer)
        known.balance, known.has_row = balance_of(row), True
    return entry


def append_many(session: Session, drafts: Sequence[LedgerEntry]) -> list[LedgerEntry]:
    """``append`` for many entries of this till at once (the POS bridge's bulk awards).

    The same writer, in bulk: each draft gets the next gap-free seq and is linked after the one
    before it, exactly as ``append`` one by one would; then the rows, their outbox items and the
    customers' balance caches are written with a few statements instead of a few per entry, in
    the caller's transaction. The balances are folded with the same ``apply_entry``.
    """
    if not drafts:
        return []
    sealed: list[LedgerEntry] = []
    heads: dict[str, tuple[int, str]] = {}
    for d in drafts:
        seq, prev = heads.get(d.terminal_id) or chain_head(session, d.terminal_id)
        entry = replace(d, id=d.id or new_id(), terminal_seq=seq + 1).sealed(prev)
        heads[d.terminal_id] = (entry.terminal_seq, entry.hash)
        sealed.append(entry)
    rows = []
    for entry in sealed:
        data = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
        data["kind"] = entry.kind.value
        rows.append(data)
    bulk.insert_rows(session, LedgerEntryRow.__table__, rows)
    outbox = [{"item_type": "entry", "item_id": e.id, "created_at": e.created_at} for e in sealed]
    bulk.insert_rows(session, OutboxItem.__table__, outbox)
    _fold_balances(session, sealed)
    stats.entries_stored(session, sealed)  # the back office's summary tables, in the same transaction
    return sealed


def _fold_balances(session: Session, entries: Sequence[LedgerEntry]) -> None:
    """The members' balance caches after the batch, written with two statements (new rows, changed rows)."""
    customer_ids = {e.customer_id for e in entries}
    table = BalanceRow.__table__
    current = {
        r[0]: Balance(**dict(zip(_BALANCE_FIELDS, r[1:], strict=True)))
        for r in session.execute(
            select(table.c.customer_id, *(table.c[n] for n in _BALANCE_FIELDS)).where(
                table.c.customer_id.in_(customer_ids)
            )
        )
    }
    written = {e.id: e for e in entries}
    wanted = {e.reverses for e in entries if e.reverses and e.reverses not in written}
    stored = session.scalars(select(LedgerEntryRow).where(LedgerEntryRow.id.in_(wanted))) if wanted else []
    originals = {**{r.id: from_row(r) for r in stored}, **written}
    folded: dict[str, Balance] = {cid: current.get(cid) or Balance() for cid in customer_ids}
    for e in entries:
        original = originals.get(e.reverses) if e.reverses else None
        folded[e.customer_id] = apply_entry(folded[e.customer_id], e, original)
    rows = {cid: {"customer_id": cid, **{n: getattr(b, n) for n in _BALANCE_FIELDS}} for cid, b in folded.items()}
    bulk.insert_rows(session, table, [row for cid, row in rows.items() if cid not in current])
    bulk.update_rows(session, table, "customer_id", [row for cid, row in rows.items() if cid in current])
    for cid in customer_ids:  # a caller's ORM copy of a row would hide the new balance
        stale = session.identity_map.get(session.identity_key(BalanceRow, (cid,)))
        if stale is not None:
            session.expire(stale)


def store(session: Session, entry: LedgerEntry) -> None:
    """Insert an already sealed entry (ours, or pulled from another till) and fold it into the balance.

    Raises ``OutOfBounds`` (nothing written) for an entry or a balance beyond ``app.core.limits``:
    an entry the server would refuse must never be made here.
    """
    check_entry(entry)
    session.add(to_row(entry))
    original = load(session, entry.reverses) if entry.reverses else None
    holder = holder_of(session, entry.customer_id)
    row = session.get(BalanceRow, holder)
    if row is None:
        row = BalanceRow(customer_id=holder, **{k: v for k, v in asdict(Balance()).items() if k != "extra"})
        session.add(row)
    after = apply_entry(balance_of(row), entry, original)
    check_balance(after, entry)
    for name in _BALANCE_FIELDS:
        setattr(row, name, getattr(after, name))
    session.flush()
    stats.entry_stored(session, entry, holder, original)  # the back office's summary tables


def holder_of(session: Session, customer_id: str) -> str:
    """The member whose balance folds this member's entries: itself, or whom it was merged into.

    An entry made for a merged-away card (at a till that had not heard of the merge, or
    scanned from the old card) lands on the survivor; see ``app.services.merges``.
    """
    seen = {customer_id}
    customer = session.get(Customer, customer_id)
    while customer is not None and customer.merged_into and customer.merged_into not in seen:
        customer_id = customer.merged_into
        seen.add(customer_id)
        customer = session.get(Customer, customer_id)
    return customer_id


def balance_fields() -> list[str]:
    """The balance cache's columns (besides the customer), in Balance's order."""
    return list(_BALANCE_FIELDS)


def balance_of(row: BalanceRow | None) -> Balance:
    if row is None:
        return Balance()
    return Balance(**{name: getattr(row, name) for name in _BALANCE_FIELDS})


def to_row(entry: LedgerEntry) -> LedgerEntryRow:
    data = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
    data["kind"] = entry.kind.value
    return LedgerEntryRow(**data)


def from_row(row: LedgerEntryRow) -> LedgerEntry:
    data = {name: getattr(row, name) for name in _ENTRY_FIELDS}
    data["kind"] = EntryKind(row.kind)
    return LedgerEntry(**data)


def load(session: Session, entry_id: str) -> LedgerEntry | None:
    row = session.get(LedgerEntryRow, entry_id)
    return from_row(row) if row else None
