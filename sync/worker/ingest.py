"""Applying a pulled page to the till's database, in one transaction with the cursor.

Because the page and the new cursor commit together, a page is applied
exactly once even if the worker dies half-way: the next pull starts again
from the old cursor, and what is already here is recognised by id.

Rules, and why:

- Entries of other tills are stored once (by id) with ``ledger_writer``'s
  fold, so the balance cache stays a cache of the local ledger.
- A member with a local edit not yet pushed keeps the local version: the
  push comes next, and the server's copy then comes back as ours.
- The till's own unique keys (phone, card number, referral code, one earn per
  receipt) can meet a legitimate clash from two tills that were offline
  together. The pulled record is still stored — its clashing field replaced
  (a receipt earned at two tills is simply stored) — and a flag tells the manager.
- An entry of a member the server has not sent (yet) gets a placeholder
  member row, replaced when the real record arrives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.core.ids import new_id
from app.core.ledger import Balance, EntryKind, LedgerEntry, apply_entry
from app.core.limits import OutOfBounds, check_balance, check_entry
from app.db.models import (
    AuditLog,
    BalanceRow,
    Customer,
    Feedback,
    Flag,
    LedgerEntryRow,
    OutboxItem,
    ProgramVersion,
    RewardRow,
    Setting,
    Store,
    Terminal,
    Ticket,
    Voucher,
)
from app.services import merges, name_words, profiles, stats, working_set
from app.services.customers import fold_name
from app.services.ledger_writer import balance_of, from_row
from app.services.settings import adopt_store_country_in
from app.services.till import Till
from sync.protocol import (
    TICKET_FIELDS,
    AuditRecord,
    CustomerRecord,
    EntryRecord,
    FeedbackRecord,
    FlagRecord,
    ProgramRecord,
    PullResponse,
    RewardRecord,
    StoreRecord,
    TerminalRecord,
    TicketRecord,
    VoucherRecord,
)
from sync.server.snapshot_format import PLACEHOLDER_NAME as _PLACEHOLDER_NAME
from sync.server.snapshot_format import placeholder as _placeholder
from sync.worker import backoffice as backoffice_sync
from sync.worker import merges as merge_sync

CURSOR = "sync.cursor"
SCOPE = "sync.scope"  # what the server says this till holds: "chain", "region" or "store" (issue 12)
_CHUNK = 900
_RAW_CHUNK = 30_000  # SQLite allows 32,766 parameters since 3.32
_BALANCE_FIELDS = [f for f in asdict(Balance()) if f != "extra"]
_CUSTOMER_FIELDS = list(CustomerRecord.model_fields)
_NO_BALANCE = Balance()
BOOTSTRAP_CACHE_KIB = 32 * 1024


@dataclass
class Applied:
    cursor: int
    entries: int = 0
    customers: int = 0
    held_back: list[str] = field(default_factory=list)  # entry ids the till cannot store (see flags)
    program_changed: bool = False


def cursor(session: Session) -> int:
    row = session.get(Setting, CURSOR)
    return int(row.value) if row else 0


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def _in(
    session: Session, column: Any, values: Sequence[object], *select_cols: Any, where: Sequence[Any] = ()
) -> list[Any]:
    """Rows whose ``column`` is among ``values``, asked in chunks SQLite can take."""
    out: list[Any] = []
    for i in range(0, len(values), _CHUNK):
        out += session.execute(select(*select_cols).where(column.in_(values[i : i + _CHUNK]), *where)).all()
    return out


def _text_in(s: Session, table: str, column: str, values: Sequence[str], *wanted: str) -> list[tuple[Any, ...]]:
    """Like ``_in`` for plain text columns, straight to the driver (no statement to compile per chunk)."""
    out: list[tuple[Any, ...]] = []
    conn = s.connection()
    for i in range(0, len(values), _RAW_CHUNK):
        part = list(values[i : i + _RAW_CHUNK])
        marks = ", ".join("?" for _ in part)
        out += conn.exec_driver_sql(
            f"SELECT {', '.join(wanted)} FROM {table} WHERE {column} IN ({marks})", tuple(part)
        ).all()
    return out


def apply_page(till: Till, page: PullResponse) -> Applied:
    result = Applied(cursor=page.cursor)
    with till.transaction() as s:
        if page.size > 1000:  # a bootstrap: a million members' indexes do not fit SQLite's default 2 MB cache
            s.connection().exec_driver_sql(f"PRAGMA cache_size = -{BOOTSTRAP_CACHE_KIB}")
        fresh = working_set.fresh_in(s, [o.customer_id for o in page.openings])  # before this page's rows
        store_changed = _stores(s, till, page.stores)
        _terminals(s, till, page.terminals)
        result.program_changed = _programs(s, page.programs) or store_changed
        _rewards(s, page.rewards)
        result.customers = _customers(s, till, page.customers)
        merge_sync.apply_in(s, page)
        backoffice_sync.apply_staff_in(s, till, page)
        result.entries, result.held_back = _entries(s, till, page.entries)
        if page.openings or page.left:
            working_set.apply_in(s, page.openings, page.left, fresh, page.cursor)
        _flags(s, page.flags)
        _feedback(s, page.feedback)
        _vouchers(s, page.vouchers)
        _tickets(s, page.tickets)
        _audit(s, till, page.audit)
        _set(s, CURSOR, str(page.cursor))
        _set(s, SCOPE, page.scope or "chain")
    if result.program_changed:
        till.reload_program()
    return result


def apply_member(till: Till, page: PullResponse) -> int:
    """A member fetched on demand (``sync.worker.member_fetch``): stored by the pull's own steps, so her
    next pull dedupes by id; the cursor stays where it is. Returns how many of her entries were new."""
    with till.transaction() as s:
        _customers(s, till, page.customers)
        merge_sync.apply_in(s, page)
        return _entries(s, till, page.entries)[0]


# -- catalogue -----------------------------------------------------------------------------------


def _stores(s: Session, till: Till, records: Iterable[StoreRecord]) -> bool:
    mine = False
    for r in records:
        row = s.get(Store, r.id)
        if row is None:
            s.add(Store(id=r.id, name=r.name, timezone=r.timezone, currency=r.currency))
        else:
            row.name, row.timezone, row.currency = r.name, r.timezone, r.currency
        if r.id == till.store_id and getattr(r, "country", None):  # a server that names its stores' countries
            adopt_store_country_in(s, till, getattr(r, "country", None), r.timezone)
        mine = mine or r.id == till.store_id
    s.flush()
    return mine


def _ensure_store(s: Session, store_id: str) -> None:
    if s.get(Store, store_id) is None:  # its record comes later (it changed after this one)
        s.add(Store(id=store_id, name=store_id))
        s.flush()


def _terminals(s: Session, till: Till, records: Iterable[TerminalRecord]) -> None:
    for r in records:
        if r.id == till.terminal_id:
            continue
        _ensure_store(s, r.store_id)
        row = s.get(Terminal, r.id)
        if row is None:
            s.add(Terminal(id=r.id, store_id=r.store_id, name=r.name, is_self=False))
        else:
            row.store_id, row.name = r.store_id, r.name
    s.flush()


def _programs(s: Session, records: Sequence[ProgramRecord]) -> bool:
    for r in records:
        row = s.get(ProgramVersion, r.version)
        if r.active:
            s.execute(update(ProgramVersion).where(ProgramVersion.version != r.version).values(active=False))
        if row is None:
            s.add(ProgramVersion(version=r.version, body=r.body, active=r.active, created_at=r.created_at))
        else:
            row.body, row.active = r.body, r.active
        s.flush()
    return bool(records)


def _rewards(s: Session, records: Iterable[RewardRecord]) -> None:
    for r in records:
        row = s.get(RewardRow, r.id)
        if row is None:
            row = RewardRow(id=r.id)
            s.add(row)
        for name, value in r.model_dump().items():
            setattr(row, name, value)
    s.flush()


# -- members ---------------------------------------------------------------------------------------


def _customers(s: Session, till: Till, records: Sequence[CustomerRecord]) -> int:
    latest = {r.id: r for r in records}  # a member may come twice (its own change and an entry's reference)
    if not latest:
        return 0
    ids = list(latest)
    old_cards = dict(_text_in(s, "customer", "id", ids, "id", "card_number"))
    existing = set(old_cards)
    waiting = set(
        s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == "customer", OutboxItem.acked_at.is_(None)))
    )
    holders: dict[str, dict[str, str]] = {}
    for name in ("phone", "card_number", "referral_code"):
        values = list({getattr(r, name) for r in latest.values() if getattr(r, name)})
        holders[name] = {v: cid for cid, v in _text_in(s, "customer", name, values, "id", name)}
    inserts, updates = [], []
    for r in latest.values():
        if r.id in waiting:
            continue  # our own edit is queued: it is pushed next and comes back as the server's
        data = {name: getattr(r, name) for name in _CUSTOMER_FIELDS}
        data["name_key"] = fold_name(r.name)
        for name, holder in holders.items():
            value = data[name]
            if value and holder.get(value, r.id) != r.id:
                data[name] = None if name == "phone" else _placeholder("D", r.id)
                _local_flag(
                    s,
                    "duplicate_member",
                    f"Members {holder[value]} and {r.id} share the {name.replace('_', ' ')} {value}: "
                    "they were enrolled at two tills while offline. Merge them in the back office.",
                    customer_id=r.id,
                )
            elif value:
                holder[value] = r.id
        (updates if r.id in existing else inserts).append(data)
    _write(s, Customer.__table__, "id", updates, inserts)
    name_words.index_names(s, {d["id"]: d["name"] for d in updates})
    name_words.index_names(s, {d["id"]: d["name"] for d in inserts}, fresh=True)
    profiles.note_replaced_cards_in(
        s, {d["id"]: (old_cards[d["id"]], d["card_number"]) for d in updates}, datetime.now(UTC)
    )
    return len(inserts) + len(updates)


def _ensure_customers(s: Session, entries: Sequence[LedgerEntry]) -> None:
    wanted = list({e.customer_id: e for e in entries}.values())
    known = {row[0] for row in _text_in(s, "customer", "id", [e.customer_id for e in wanted], "id")}
    stubs = [
        {
            "id": e.customer_id,
            "card_number": _placeholder("P", e.customer_id),
            "phone": None,
            "name": _PLACEHOLDER_NAME,
            "name_key": fold_name(_PLACEHOLDER_NAME),
            "referral_code": _placeholder("P", e.customer_id),
            "enrolled_at": e.created_at,
            "enrolled_store": e.store_id,
            "updated_at": datetime(1970, 1, 1, tzinfo=UTC),
        }
        for e in wanted
        if e.customer_id not in known
    ]
    if stubs:
        defaults = {"gender": None, "area": None, "birthday_day": None, "birthday_month": None,
                    "birthday_year": None, "marketing_consent": False, "referred_by": None, "status": "active",
                    "merged_into": None}  # fmt: skip
        _write(s, Customer.__table__, "id", [], [{**defaults, **stub} for stub in stubs])


# -- entries ----------------------------------------------------------------------------------------


def _entries(s: Session, till: Till, records: Sequence[EntryRecord]) -> tuple[int, list[str]]:
    incoming: dict[str, LedgerEntry] = {}
    for r in records:
        if r.terminal_id != till.terminal_id:  # our own are here already
            incoming.setdefault(r.id, r.to_entry())
    if not incoming:
        return 0, []
    have = {row[0] for row in _text_in(s, "ledger_entry", "id", list(incoming), "id")}
    new = [e for e in incoming.values() if e.id not in have]
    new, held_back = _hold_back_second_earns(s, new)
    if not new:
        return 0, held_back
    _ensure_customers(s, new)
    holder = merges.roots_in(s, dict.fromkeys(e.customer_id for e in new))  # a merged card folds to its survivor
    customer_ids = list(dict.fromkeys(holder.values()))
    columns = list(BalanceRow.__table__.columns)
    rows = {row.customer_id: row for row in _in(s, BalanceRow.customer_id, customer_ids, *columns)}
    balances = {cid: balance_of(rows[cid]) if cid in rows else _NO_BALANCE for cid in customer_ids}
    originals = _originals(s, new)
    folded = []
    for e in new:
        into = holder[e.customer_id]
        try:  # the server refuses these now; one it took before must not poison this till either
            check_entry(e)
            after = apply_entry(balances[into], e, originals.get(e.reverses or ""))
            check_balance(after, e)
        except OutOfBounds as exc:
            _local_flag(s, "out_of_bounds", f"{exc.message} It was not applied here.", customer_id=e.customer_id,
                        entry_id=e.id)  # fmt: skip
            continue
        balances[into] = after
        folded.append(e)
    new = folded
    _write(s, LedgerEntryRow.__table__, "id", [], [_row_dict(e) for e in new])
    updates, inserts = [], []
    for cid in customer_ids:
        data = {name: getattr(balances[cid], name) for name in _BALANCE_FIELDS}
        data["customer_id"] = cid
        (updates if cid in rows else inserts).append(data)
    _write(s, BalanceRow.__table__, "customer_id", updates, inserts)
    stats.entries_stored(s, new, holders=holder, originals=originals)  # the back office's summary tables
    return len(new), held_back


_ENTRY_COLUMNS = [c.key for c in LedgerEntryRow.__table__.columns]


def _row_dict(e: LedgerEntry) -> dict[str, object]:
    data = {name: getattr(e, name) for name in _ENTRY_COLUMNS}
    data["kind"] = e.kind.value
    return data


def _write(s: Session, table: Table, key: str, updates: list[dict[str, Any]], inserts: list[dict[str, Any]]) -> None:
    """Plain executemany statements: a bootstrap writes millions of rows, ORM objects would triple the time."""
    if updates:
        values = {name: bindparam(f"v_{name}") for name in updates[0] if name != key}
        statement = update(table).where(table.c[key] == bindparam(f"v_{key}")).values(values)
        s.execute(statement, [{f"v_{k}": v for k, v in row.items()} for row in updates])
    if inserts:
        # Straight to the driver, with the columns' own converters (the same text SQLAlchemy would store).
        conn = s.connection()
        names = list(inserts[0])
        converters = [
            (i, f)
            for i, n in enumerate(names)
            if (f := table.c[n].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)) is not None
        ]
        pick = itemgetter(*names)
        rows = []
        for row in inserts:
            values = list(pick(row))
            for i, f in converters:
                values[i] = f(values[i])
            rows.append(tuple(values))
        marks = ", ".join("?" for _ in names)
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", rows)


def _originals(s: Session, new: Sequence[LedgerEntry]) -> dict[str, LedgerEntry]:
    in_page = {e.id: e for e in new}
    wanted = [e.reverses for e in new if e.kind is EntryKind.REVERSE and e.reverses]
    found = {i: in_page[i] for i in wanted if i in in_page}
    missing = [i for i in dict.fromkeys(wanted) if i not in found]
    for (row,) in _in(s, LedgerEntryRow.id, missing, LedgerEntryRow):
        found[row.id] = from_row(row)
    return found


def _hold_back_second_earns(s: Session, new: list[LedgerEntry]) -> tuple[list[LedgerEntry], list[str]]:
    """Flag a receipt another till also earned while both were offline.

    The till's unique key is one earn per receipt *per till* (migration 0004), so
    the other till's entry is stored like every fact (balances stay equal to the
    server's) and the manager is told to reverse the extra one. Nothing is held back
    unless one till earned a receipt twice, which its own key never allows.
    """

    def keyed(e: LedgerEntry) -> bool:  # as the till's unique index sees it (NULLs never clash)
        return e.kind is EntryKind.EARN and e.receipt_id is not None and e.receipt_source is not None

    earns = [e for e in new if keyed(e)]
    if not earns:
        return new, []
    taken: dict[tuple[object, object, object], set[object]] = {}
    for source, store, receipt, terminal in _in(
        s,
        LedgerEntryRow.receipt_id,
        list({e.receipt_id for e in earns}),
        LedgerEntryRow.receipt_source,
        LedgerEntryRow.store_id,
        LedgerEntryRow.receipt_id,
        LedgerEntryRow.terminal_id,
        where=[LedgerEntryRow.kind == EntryKind.EARN.value],
    ):
        taken.setdefault((source, store, receipt), set()).add(terminal)
    kept, held = [], []
    for e in new:
        key = (e.receipt_source, e.store_id, e.receipt_id)
        if keyed(e):
            tills = taken.setdefault(key, set())
            if e.terminal_id in tills:
                held.append(e.id)
                continue
            if tills:
                _local_flag(
                    s,
                    "duplicate_receipt",
                    f"Receipt {e.receipt_source}/{e.receipt_id} earned points at two tills (entry {e.id} from "
                    f"terminal {e.terminal_id}). Reverse the extra one.",
                    customer_id=e.customer_id,
                    entry_id=e.id,
                )
            tills.add(e.terminal_id)
        kept.append(e)
    return kept, held


# -- flags ------------------------------------------------------------------------------------------


def _local_flag(s: Session, kind: str, message: str, **ids: str | None) -> None:
    s.add(Flag(id=new_id(), kind=kind, message=message, created_at=datetime.now(UTC), **ids))


def _flags(s: Session, records: Iterable[FlagRecord]) -> None:
    for r in records:
        row = s.get(Flag, r.id)
        if row is None:
            s.add(
                Flag(
                    id=r.id,
                    kind=r.kind[:30],
                    customer_id=r.customer_id,
                    entry_id=r.entry_id,
                    message=r.message,
                    created_at=r.created_at,
                    resolved_at=r.resolved_at,
                )
            )
        else:
            row.message, row.resolved_at = r.message, r.resolved_at
    s.flush()


# -- the service-recovery loop: ratings, tickets, vouchers ------------------------------------------


def _audit(s: Session, till: Till, records: Sequence[AuditRecord]) -> None:
    """The store's other tills' audit lines: facts, each kept once (by its chain-wide id), with the till
    that wrote it. Our own lines are here already (the server does not send them; a restored copy would
    be skipped by its id too)."""
    if not records:
        return
    ids = [r.id for r in records]
    known = {row[0] for row in _in(s, AuditLog.uid, ids, AuditLog.uid)}
    for r in records:
        if r.id in known:
            continue
        known.add(r.id)
        s.add(
            AuditLog(
                uid=r.id,
                terminal_id=None if r.terminal_id == till.terminal_id else r.terminal_id,
                at=r.at,
                staff_id=r.staff_id,
                action=r.action,
                subject=r.subject,
                before=r.before,
                after=r.after,
            )
        )
    s.flush()


def _feedback(s: Session, records: Sequence[FeedbackRecord]) -> None:
    new = []
    for r in records:
        if s.get(Feedback, r.id) is None:  # a fact: ours is already here, another till's is new
            new.append(Feedback(**r.model_dump()))
            s.add(new[-1])
    s.flush()
    stats.ratings_added(s, new)  # the dashboard's rating


def _vouchers(s: Session, records: Sequence[VoucherRecord]) -> None:
    for r in records:
        row = s.get(Voucher, r.code)
        data = r.model_dump()
        if row is None:
            s.add(Voucher(**data))
        else:  # known from a scanned code (value and expiry only): the issuer's record completes it
            for name, value in data.items():
                setattr(row, name, value)
    s.flush()


def _tickets(s: Session, records: Sequence[TicketRecord]) -> None:
    """The server's copy wins, except for fields edited here and not yet acknowledged (pushed next)."""
    for r in records:
        row = s.get(Ticket, r.id)
        data = r.model_dump(exclude={"changed"})
        if row is None:
            s.add(Ticket(**data, dirty=""))
            continue
        mine = set(row.dirty.split(",")) if row.dirty else set()
        for name, value in data.items():
            if name not in mine or name not in TICKET_FIELDS:
                setattr(row, name, value)
        if mine:
            row.updated_at = max(row.updated_at, r.updated_at)
    s.flush()
