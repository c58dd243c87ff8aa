"""Push of the service-recovery records: ratings, complaint tickets, vouchers; audit lines; till health reports.

Like ledger entries, each record is stored exactly once by its id; a retry is
acknowledged again. Feedback and vouchers are facts and never change. Tickets
change (status, assignee, resolution…), from any till of the chain's back
office: each push names the fields that till edited, and the server applies
only those, so two managers editing different fields of one ticket offline both
keep their edit, and for one field the edit that reaches the server last wins
(its change number orders it) — the rule members' profiles follow.

A voucher is used through the ledger: a ``redeem`` entry with
``receipt_source == "voucher"`` and the code in ``receipt_id``. Two tills that
were offline together can both take the same voucher; both entries are facts,
so the server keeps them and raises a ``voucher_reused`` flag for the manager.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.ledger import EntryKind, LedgerEntry
from sync.protocol import (
    TICKET_FIELDS,
    AuditRecord,
    ChainHealth,
    FeedbackRecord,
    FlagRecord,
    PushRequest,
    TicketRecord,
    TillHealth,
    TillHealthRecord,
    VoucherRecord,
)
from sync.server.db import ChangeCounter
from sync.server.errors import FlagSpec, Refused
from sync.server.flags import raise_flag
from sync.server.models import (
    AuditRow,
    EntryRow,
    FeedbackRow,
    FlagRow,
    TerminalRow,
    TicketRow,
    TillHealthRow,
    VoucherRow,
)

if TYPE_CHECKING:  # ledger imports this module
    from sync.server.ledger import Caller

VOUCHER_SOURCE = "voucher"
_TICKET_BASE = ("customer_id", "feedback_id", "store_id", "subject", "created_at", "updated_at")


def chunks(items: list[str], size: int = 900) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def has_records(batch: PushRequest) -> bool:
    return bool(batch.feedback or batch.tickets or batch.vouchers or batch.audit)


def check_records(caller: Caller, batch: PushRequest) -> None:
    """A till writes only as itself: the ratings it took and the vouchers it issued are of its store."""
    for what, records in (("rating", batch.feedback), ("voucher", batch.vouchers)):
        for r in records:
            if r.store_id != caller.store_id:
                raise Refused(
                    403,
                    "forbidden",
                    f"A {what} of store {r.store_id} was sent by a till of store {caller.store_id}: "
                    "a till may only send its own store's records.",
                )
    for line in batch.audit:  # an audit line says "at which till": only that till may send it
        if line.terminal_id != caller.terminal_id or line.store_id != caller.store_id:
            raise Refused(
                403,
                "forbidden",
                f"Audit line {line.id} claims terminal {line.terminal_id} of store {line.store_id}, but this token "
                f"belongs to terminal {caller.terminal_id} of store {caller.store_id}: a till may only send its own "
                "audit lines.",
                FlagSpec(
                    kind="forbidden_write",
                    message=f"Terminal {caller.terminal_id} tried to push an audit line as terminal "
                    f"{line.terminal_id} of store {line.store_id}; refused.",
                    dedupe_key=f"forbidden-audit:{caller.terminal_id}:{line.terminal_id}:{line.store_id}"[:200],
                    store_id=caller.store_id,
                    terminal_id=caller.terminal_id,
                ),
            )
    for t in batch.tickets:
        if not t.changed and t.store_id != caller.store_id:
            raise Refused(
                403,
                "forbidden",
                f"A new ticket of store {t.store_id} was sent by a till of store {caller.store_id}: "
                "tickets are opened at their own store (any back office may then edit them).",
            )


def store_records(session: Session, counter: ChangeCounter, caller: Caller, batch: PushRequest, now: datetime) -> None:
    _feedback(session, counter, caller, batch.feedback, now)
    _vouchers(session, counter, batch.vouchers)
    _tickets(session, counter, batch.tickets)
    _audit(session, counter, batch.audit, now)


def _known(session: Session, column: object, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(ids):
        found.update(session.scalars(select(column).where(column.in_(part))))  # type: ignore[attr-defined]
    return found


def _feedback(
    session: Session, counter: ChangeCounter, caller: Caller, records: list[FeedbackRecord], now: datetime
) -> None:
    unique = {r.id: r for r in records}
    known = _known(session, FeedbackRow.id, list(unique))
    for r in unique.values():
        if r.id not in known:
            session.add(
                FeedbackRow(**r.model_dump(), terminal_id=caller.terminal_id, received_at=now, change_no=counter.next())
            )


def _vouchers(session: Session, counter: ChangeCounter, records: list[VoucherRecord]) -> None:
    unique = {r.code: r for r in records}
    known = _known(session, VoucherRow.code, list(unique))
    for r in unique.values():
        if r.code not in known:  # issued once; a voucher never changes afterwards
            session.add(VoucherRow(**r.model_dump(), change_no=counter.next()))


def _audit(session: Session, counter: ChangeCounter, records: list[AuditRecord], now: datetime) -> None:
    """Audit lines are facts: each stored once by its id (a retry is acknowledged again)."""
    unique = {r.id: r for r in records}
    known = _known(session, AuditRow.id, list(unique))
    for r in unique.values():
        if r.id not in known:
            session.add(AuditRow(**r.model_dump(), received_at=now, change_no=counter.next()))


def _tickets(session: Session, counter: ChangeCounter, records: list[TicketRecord]) -> None:
    for r in records:
        row = session.get(TicketRow, r.id)
        if row is None:
            data = r.model_dump(exclude={"changed"})
            session.add(TicketRow(**data, change_no=counter.next()))
            session.flush()
            continue
        edited = [name for name in TICKET_FIELDS if name in r.changed]
        if not edited:
            continue  # a retry of the ticket's creation: held already
        for name in edited:
            setattr(row, name, getattr(r, name))
        row.updated_at = max(row.updated_at, r.updated_at)
        row.change_no = counter.next()


def flag_reused_vouchers(session: Session, counter: ChangeCounter, new: list[LedgerEntry], now: datetime) -> None:
    """A voucher taken at two tills (both offline): both sales stand; the manager decides."""
    uses = [e for e in new if e.kind is EntryKind.REDEEM and e.receipt_source == VOUCHER_SOURCE and e.receipt_id]
    if not uses:
        return
    codes = list(dict.fromkeys(e.receipt_id for e in uses if e.receipt_id))
    taken: dict[str, list[str]] = {}
    for part in chunks(codes):
        for code, entry_id in session.execute(
            select(EntryRow.receipt_id, EntryRow.id).where(
                EntryRow.receipt_source == VOUCHER_SOURCE,
                EntryRow.receipt_id.in_(part),
                EntryRow.kind == EntryKind.REDEEM.value,
            )
        ):
            taken.setdefault(code, []).append(entry_id)
    ids = [i for found in taken.values() for i in found]
    undone: set[str] = set()
    for part in chunks(ids):
        undone.update(
            i
            for i in session.scalars(
                select(EntryRow.reverses).where(EntryRow.reverses.in_(part), EntryRow.kind == EntryKind.REVERSE.value)
            )
            if i
        )
    for e in uses:
        others = [i for i in taken.get(e.receipt_id or "", []) if i != e.id and i not in undone]
        if others and e.id not in undone:
            raise_flag(
                session,
                counter,
                FlagSpec(
                    kind="voucher_reused",
                    message=f"Voucher {e.receipt_id} was used more than once (entries {', '.join([*others, e.id])}), "
                    "probably at two tills while offline. Both sales stand: ask the customer, or write the "
                    "second discount off.",
                    dedupe_key=f"voucher:{e.id}"[:200],
                    store_id=e.store_id,
                    terminal_id=e.terminal_id,
                    customer_id=e.customer_id,
                    entry_id=e.id,
                ),
                now,
            )


# -- till health -------------------------------------------------------------------------------------


def report_health(session: Session, caller: Caller, report: TillHealth, now: datetime) -> None:
    row = session.get(TillHealthRow, caller.terminal_id)
    if row is None:
        row = TillHealthRow(terminal_id=caller.terminal_id)
        session.add(row)
    for name, value in report.model_dump().items():
        setattr(row, name, value)
    row.reported_at = now
    terminal = session.get(TerminalRow, caller.terminal_id)
    if terminal is not None:
        terminal.last_seen_at = now


def chain_health(session: Session, now: datetime, flag_limit: int = 500) -> ChainHealth:
    """Every paired till's last report and the open flags, newest first (for the back office)."""
    tills = []
    for terminal, health in session.execute(
        select(TerminalRow, TillHealthRow)
        .outerjoin(TillHealthRow, TillHealthRow.terminal_id == TerminalRow.id)
        .where(TerminalRow.revoked_at.is_(None))
        .order_by(TerminalRow.store_id, TerminalRow.name)
    ):
        reported = {name: getattr(health, name) for name in TillHealth.model_fields} if health else {}
        tills.append(
            TillHealthRecord(
                terminal_id=terminal.id,
                store_id=terminal.store_id,
                name=terminal.name or "",
                reported_at=health.reported_at if health else None,
                last_seen_at=terminal.last_seen_at,
                **reported,
            )
        )
    flags = [
        FlagRecord(
            id=f.id,
            kind=f.kind,
            message=f.message,
            created_at=f.created_at,
            store_id=f.store_id,
            terminal_id=f.terminal_id,
            customer_id=f.customer_id,
            entry_id=f.entry_id,
            resolved_at=f.resolved_at,
        )
        for f in session.scalars(
            select(FlagRow).where(FlagRow.resolved_at.is_(None)).order_by(FlagRow.last_seen_at.desc()).limit(flag_limit)
        )
    ]
    return ChainHealth(tills=tills, flags=flags, time=now)
