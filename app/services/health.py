"""Flags and health, for the back office: what a manager should look at, and what to do about it.

Read from the till's own database only, so the tab works offline: the flags the
server raised (pulled like everything else) and this till's own, this till's
sync and POS-bridge state, and the chain's last known health as the sync worker
fetched it (``sync.worker.health``) — with the time it was true.

Each item carries a ``problem`` key (``never_reported``, ``sync_stale``…) the UI
turns into a sentence saying what to do; the service keeps no sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.clock import as_utc, local
from app.core.errors import NotFound, PermissionDenied
from app.core.ledger import EntryKind
from app.core.program import Program
from app.db.models import Customer, Flag, ImportedFile, LedgerEntryRow, OutboxItem, Setting, Staff, Store, Terminal
from app.services import flag_texts
from app.services.awards import earns_per_day_message, self_earn_message
from app.services.staff import StaffMember, audit
from app.services.till import Till

CHAIN_KEY = "health.chain"  # written by sync.worker.health
LAST_SYNC_KEY = "health.last_sync"
POS_FOLDERS_KEY = "pos.folders"
STALE_AFTER = timedelta(hours=24)  # a till silent this long needs a look


@dataclass(frozen=True)
class FlagView:
    id: str
    kind: str
    message: str  # a ``Notice`` (template + details) when the flag's sentence could be re-derived
    created_at: datetime
    customer: str


def open_flags(till: Till, limit: int = 500) -> list[FlagView]:
    """Unresolved flags, newest first: the server's (negative balance, tamper, receipt or voucher used
    twice, duplicate member) and this till's own."""
    program = till.program()  # read before the transaction: it opens its own
    with till.transaction() as s:
        rows = s.execute(
            select(Flag, Customer.name)
            .outerjoin(Customer, Customer.id == Flag.customer_id)
            .where(Flag.resolved_at.is_(None))
            .order_by(Flag.created_at.desc())
            .limit(limit)
        ).all()
        held = s.get(Setting, CHAIN_KEY)
        chain = json.loads(held.value) if held else {}
        till_names = {t["terminal_id"]: t.get("name") or t["terminal_id"] for t in chain.get("tills", [])}
        names = flag_texts.names_for(s, [f.message for f, _ in rows], till_names)
        return [
            FlagView(f.id, f.kind, flag_notice(s, program, f, name, names), f.created_at, name or "")
            for f, name in rows
        ]


def flag_notice(
    s: Session, program: Program, flag: Flag, customer_name: str | None, names: flag_texts.Names | None = None
) -> str:
    """The flag's sentence with its template and details, re-derived from what the flag row points at.

    A flag stores its sentence in English only (the table has no details column, and the server's
    copy and merges read that text), so the back office could not say it in Vietnamese. The
    sentences of this till's own flags are rebuilt here from the flag's kind and the rows it names,
    the same ``Notice`` the award raised, so the UI translates them like any error. A flag that
    cannot be rebuilt (another kind, a member or staff member gone) keeps its stored sentence.
    """
    if flag.kind == "self_earn" and flag.staff_id and customer_name:
        staff = s.get(Staff, flag.staff_id)
        if staff is not None:
            return self_earn_message(staff.name, customer_name)
    if flag.kind == "earns_per_day" and flag.customer_id and customer_name:
        # Raised at the sale that passed the limit: that day's earns up to the flag, less one, is the
        # limit it passed (the program's setting may have changed since).
        at = as_utc(flag.created_at)
        start = local(at, program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
        earns = s.scalar(
            select(func.count()).where(
                LedgerEntryRow.customer_id == flag.customer_id,
                LedgerEntryRow.kind == EntryKind.EARN.value,
                LedgerEntryRow.created_at >= start,
                LedgerEntryRow.created_at <= at,
            )
        )
        if earns and earns > 1:
            return earns_per_day_message(customer_name, int(earns) - 1)
    # Any other flag (the daily cap, wrong PINs, the server's): its figures and names read back from
    # its stored sentence, so they are not lost in translation.
    return flag_texts.read_back(flag.kind, flag.message, names or flag_texts.names_for(s, [flag.message], {}))


def resolve_flag(till: Till, flag_id: str, *, by: StaffMember) -> None:
    """The manager looked at it and acted: it leaves the list (here; the server's copy stays for the record)."""
    if not by.is_manager:
        raise PermissionDenied("Only a manager can close a flag.")
    with till.transaction() as s:
        flag = s.get(Flag, flag_id)
        if flag is None:
            raise NotFound("There is no such flag.")
        flag.resolved_at = till.clock()
        audit(s, by, "flag.resolve", flag_id, before={"kind": flag.kind, "message": flag.message})


@dataclass(frozen=True)
class TillState:
    terminal_id: str
    name: str
    store: str
    is_self: bool
    reported_at: datetime | None  # when this state was true (None: never heard of)
    last_sync_at: datetime | None
    pending: int | None
    last_error: str
    pos_watching: bool
    pos_last_file: str
    pos_last_file_at: datetime | None
    pos_quarantined: int
    problems: list[str] = field(default_factory=list)  # keys the UI explains, most urgent first


@dataclass(frozen=True)
class Health:
    tills: list[TillState]
    chain_as_of: datetime | None  # when the server last told us about the chain (None: never)
    flags: list[FlagView]


def _problems(state: TillState, now: datetime) -> list[str]:
    found = []
    if state.reported_at is None and not state.is_self:
        found.append("never_reported")
    if state.last_sync_at is None:
        found.append("never_synced")
    elif now - state.last_sync_at > STALE_AFTER:
        found.append("sync_stale")
    if state.last_error:
        found.append("sync_error")
    if state.pos_quarantined:
        found.append("pos_quarantine")
    if state.pos_watching and state.pos_last_file_at is not None and now - state.pos_last_file_at > STALE_AFTER:
        found.append("pos_silent")
    return found


def _time(text: object) -> datetime | None:
    return as_utc(datetime.fromisoformat(str(text))) if text else None


def this_till(till: Till) -> TillState:
    with till.transaction() as s:
        me = s.get(Terminal, till.terminal_id)
        store = s.get(Store, till.store_id)
        pending = s.scalar(select(func.count()).select_from(OutboxItem).where(OutboxItem.acked_at.is_(None)))
        last = s.execute(
            select(ImportedFile.path, ImportedFile.seen_at).order_by(ImportedFile.seen_at.desc()).limit(1)
        ).first()
        quarantined = s.scalar(
            select(func.count()).select_from(ImportedFile).where(ImportedFile.outcome == "quarantined")
        )
        folders = s.get(Setting, POS_FOLDERS_KEY)
        synced = s.get(Setting, LAST_SYNC_KEY)
    state = TillState(
        terminal_id=till.terminal_id,
        name=me.name if me else till.terminal_id,
        store=store.name if store else till.store_id,
        is_self=True,
        reported_at=till.clock(),
        last_sync_at=_time(synced.value) if synced else None,
        pending=int(pending or 0),
        last_error="",
        pos_watching=bool(folders and folders.value.strip() not in ("", "[]")),
        pos_last_file=last[0] if last else "",
        pos_last_file_at=last[1] if last else None,
        pos_quarantined=int(quarantined or 0),
    )
    return _with_problems(state, till.clock())


def _with_problems(state: TillState, now: datetime) -> TillState:
    return replace(state, problems=_problems(state, now))


def health(till: Till) -> Health:
    """This till now, the others as the server last reported them, and the open flags."""
    now = till.clock()
    mine = this_till(till)
    with till.transaction() as s:
        held = s.get(Setting, CHAIN_KEY)
        stores = {st.id: st.name for st in s.scalars(select(Store))}
    chain = json.loads(held.value) if held else {}
    others = []
    for t in chain.get("tills", []):
        if t["terminal_id"] == till.terminal_id:
            continue
        state = TillState(
            terminal_id=t["terminal_id"],
            name=t.get("name") or t["terminal_id"],
            store=stores.get(t["store_id"], t["store_id"]),
            is_self=False,
            reported_at=_time(t.get("reported_at")),
            last_sync_at=_time(t.get("last_sync_at")) or _time(t.get("last_seen_at")),
            pending=t.get("pending") if t.get("reported_at") else None,
            last_error=t.get("last_error", ""),
            pos_watching=bool(t.get("pos_watching")),
            pos_last_file=t.get("pos_last_file", ""),
            pos_last_file_at=_time(t.get("pos_last_file_at")),
            pos_quarantined=int(t.get("pos_quarantined") or 0),
        )
        others.append(_with_problems(state, now))
    others.sort(key=lambda t: (t.store, t.name))
    return Health([mine, *others], _time(chain.get("time")), open_flags(till))
