"""Award a bill: points, stamps, and whatever the sale unlocks (tier, referral, birthday).

Everything one award writes shares one timestamp, so "undo last" can take back
the whole action and nothing else.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from app.core.clock import local
from app.core.earning import Bill, Earn, compute_earn
from app.core.errors import Duplicate, LoyaltyError, NotAllowed, NotFound, Notice
from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH, NOT_A_VISIT, Balance, EntryKind, LedgerEntry, apply_entry
from app.core.lifecycle import Birthday, birthday_bonus_due
from app.core.money import check_bill, currency, format_money
from app.core.program import Program
from app.core.tiers import qualifying_window_start, upgrade_to
from app.db.models import BalanceRow, Customer, CustomerMerge, Flag, LedgerEntryRow, Staff
from app.db.prepared import Prepared
from app.services import customers, ledger_writer, merges
from app.services.customers import CustomerView
from app.services.staff import StaffMember
from app.services.till import Till


@dataclass(frozen=True)
class ReceiptRef:
    source: str
    external_id: str


@dataclass(frozen=True)
class AwardResult:
    earn: LedgerEntry
    preview: Earn
    extras: list[LedgerEntry] = field(default_factory=list)  # tier change, referral, birthday
    flags: list[str] = field(default_factory=list)
    # The member as the cashier's screen shows her after this award, read in the award's own
    # transaction (``award`` fills it; ``award_many`` leaves it None: a bulk import shows no card).
    after: CustomerView | None = None

    @property
    def points(self) -> int:
        return sum(e.points for e in [self.earn, *self.extras] if e.customer_id == self.earn.customer_id)

    @property
    def stamps(self) -> int:
        return sum(e.stamps for e in [self.earn, *self.extras] if e.customer_id == self.earn.customer_id)

    @property
    def new_tier(self) -> str | None:
        return next((e.tier for e in self.extras if e.kind is EntryKind.TIER), None)


def preview(till: Till, customer_id: str | None, bill: Bill) -> Earn:
    """What this bill would earn, for the cashier to see before confirming. Writes nothing."""
    check_bill(bill.paid, currency(till.program().currency))
    with till.transaction() as s:
        tier = None
        if customer_id:
            row = s.get(BalanceRow, customer_id)
            tier = row.tier if row else None
        return compute_earn(till.program(s), bill, at=till.clock(), tier=tier)


def award(
    till: Till,
    customer_id: str,
    bill: Bill,
    *,
    staff: StaffMember | None,
    receipt: ReceiptRef | None = None,
    session: Session | None = None,
) -> AwardResult:
    """Record a sale for a member. One transaction (or the caller's, for the POS bridge)."""
    if session is not None:
        return _award(till, session, customer_id, bill, staff, receipt)
    with till.transaction() as s:
        return _award(till, s, customer_id, bill, staff, receipt)


def _award(
    till: Till, s: Session, customer_id: str, bill: Bill, staff: StaffMember | None, receipt: ReceiptRef | None
) -> AwardResult:
    program = till.program(s)
    check_bill(bill.paid, currency(program.currency))
    now = till.clock()
    sid = staff.id if staff else None
    facts = _read_for_award(s, till, customer_id, sid, qualifying_window_start(program, now))
    if facts is None:
        raise NotFound("No such customer.")
    customer = facts  # the columns the rules read, named as Customer's
    if customer.status != "active":
        raise NotAllowed("{0}'s membership is {1}; a manager can tell why.", name=customer.name, status=customer.status)
    if receipt is not None and _receipt_awarded(s, till, receipt):
        raise Duplicate("Receipt {0} has already earned points.", receipt=receipt.external_id)
    balance = _balance_in(facts)
    merged_away = bool(customer.merged_into) and ledger_writer.holder_of(s, customer_id) != customer_id
    known = ledger_writer.Known(
        # A merged-away card's entries fold into the survivor's balance: no holder is "known"
        # then, so every entry takes ``append``, which finds the survivor itself.
        holder="" if merged_away else customer_id,
        balance=balance,
        has_row=facts.balance_id is not None,
        head=(facts.head_seq, facts.head_hash) if facts.head_seq is not None else (0, GENESIS_HASH),
    )
    _check_min_interval(program, balance.last_visit_at, now)
    earn = compute_earn(program, bill, at=now, tier=balance.tier)
    points, flags = _apply_daily_cap(s, program, customer_id, earn.points, now)
    visit = counts_as_visit(program, earn)
    entry = ledger_writer.append_via(
        s,
        ledger_writer.draft(
            till,
            customer_id,
            EntryKind.EARN,
            now,
            points=points,
            stamps=earn.stamps,
            qualifying=points,
            amount=bill.paid,
            currency=program.currency,
            program_version=program.version,
            staff_id=sid,
            receipt_source=receipt.source if receipt else None,
            receipt_id=receipt.external_id if receipt else None,
            reason="" if visit else NOT_A_VISIT,
        ),
        known,
    )
    extras: list[LedgerEntry] = []
    if facts.any_merge:  # merged-in cards count too: the group is worked out in Python (merges)
        figure = qualifying_figure(s, customer_id, now, program)
    else:  # the window's sum read before the write, plus this earn (made now, inside the window)
        figure = int(facts.window_qualifying) + entry.qualifying
    if target := upgrade_to(program, balance.tier, figure):
        extras.append(
            _append(
                till,
                s,
                known,
                customer_id,
                EntryKind.TIER,
                now,
                program,
                sid,
                tier=target.name,
                reason=f"reached {figure} qualifying {program.point_name}",
            )
        )
    if customer.referred_by and (points or earn.stamps) and not _referral_paid(s, customer.id):
        # Referral pays at the first qualifying purchase, so fake sign-ups earn nothing. "First"
        # is judged by the referral entries, not by visits: a purchase too small to earn does not
        # use it up, and voiding the first purchase and buying again does not pay it twice.
        if program.referral_new_points:
            extras.append(
                _append(
                    till,
                    s,
                    known,
                    customer_id,
                    EntryKind.BONUS,
                    now,
                    program,
                    sid,
                    points=program.referral_new_points,
                    reason="referral: welcome",
                )
            )
        if program.referral_referrer_points:
            extras.append(
                _append(
                    till,
                    s,
                    known,
                    customer.referred_by,
                    EntryKind.BONUS,
                    now,
                    program,
                    sid,
                    points=program.referral_referrer_points,
                    reason=f"referral: {customer.id}",
                )
            )
    if visit and customer.birthday_day and customer.birthday_month:  # the birthday gift comes with a visit
        bday = Birthday(customer.birthday_day, customer.birthday_month, customer.birthday_year)
        year = local(now, program.timezone).year
        if birthday_bonus_due(program, bday, now, year if _had_birthday_bonus(s, customer_id, year) else None):
            extras.append(
                _append(
                    till,
                    s,
                    known,
                    customer_id,
                    EntryKind.BONUS,
                    now,
                    program,
                    sid,
                    points=program.birthday_points,
                    reason=f"birthday: {year}",
                )
            )
    raised = [("daily_cap", message) for message in flags]
    if sid is not None and customer.phone and facts.staff_phone == customer.phone:
        raised.append(("self_earn", self_earn_message(staff.name if staff else "", customer.name)))
    if program.earns_per_day_flag and _earns_today(s, program, customer_id, now) == program.earns_per_day_flag + 1:
        raised.append(("earns_per_day", earns_per_day_message(customer.name, program.earns_per_day_flag)))
    for kind, message in raised:
        s.add(
            Flag(
                id=new_id(),
                kind=kind,
                customer_id=customer_id,
                entry_id=entry.id,
                staff_id=sid,
                message=message,
                created_at=now,
            )
        )
    if raised:
        s.flush()  # so the card below, read with Core statements, shows them
    # The cashier's screen after the sale, from what this transaction read and wrote: her columns
    # read above, the balance the writer folded (no second read of either).
    after = customers.view_of(s, till, customer, known.balance if known.holder else _balance_in(facts))
    return AwardResult(entry, earn, extras, flags, after=after)


def _read_for_award(s: Session, till: Till, customer_id: str, staff_id: str | None, since: datetime) -> Any:
    """Everything a plain award reads before it writes, in one statement (issue 12 item 5).

    The member's columns the rules read, her balance cache, this till's chain head, whether any
    merge exists (then the qualifying figure is worked out the long way), the qualifying sum of
    the rolling window, and the cashier's phone (the self-earn flag). Five queries and as many ORM
    objects cost more CPU than the durable commit itself; one row of Core columns does not.
    """
    s.flush()  # a caller's pending rows (the POS bridge's session) must be in what this reads
    params = {"cid": customer_id, "terminal": till.terminal_id, "since": since, "staff": staff_id or ""}
    rows = _READ_FOR_AWARD(s.connection(), params)
    return rows[0] if rows else None


def _read_statement() -> Any:
    """Built once (bound parameters), so an award neither rebuilds nor recompiles it.

    Each subquery is an index lookup: the chain head by (terminal_id, terminal_seq), the window
    by ix_ledger_entry_customer_created, the rest by primary key.
    """
    head = (
        select(LedgerEntryRow.terminal_seq)
        .where(LedgerEntryRow.terminal_id == bindparam("terminal"))
        .order_by(LedgerEntryRow.terminal_seq.desc())
        .limit(1)
    )
    window = select(func.coalesce(func.sum(LedgerEntryRow.qualifying), 0)).where(
        LedgerEntryRow.customer_id == bindparam("cid"),
        LedgerEntryRow.created_at > bindparam("since", type_=LedgerEntryRow.created_at.type),
    )
    return (
        select(
            *(getattr(Customer, c) for c in _CUSTOMER_COLUMNS),
            Customer.merged_into,
            *(getattr(Customer, c) for c in customers.VIEW_COLUMNS),
            BalanceRow.customer_id.label("balance_id"),
            *(getattr(BalanceRow, f) for f in ledger_writer.balance_fields()),
            head.scalar_subquery().label("head_seq"),
            head.with_only_columns(LedgerEntryRow.hash).scalar_subquery().label("head_hash"),
            exists().where(CustomerMerge.id.is_not(None)).label("any_merge"),
            window.scalar_subquery().label("window_qualifying"),
            select(Staff.phone).where(Staff.id == bindparam("staff")).scalar_subquery().label("staff_phone"),
        )
        .outerjoin(BalanceRow, BalanceRow.customer_id == Customer.id)
        .where(Customer.id == bindparam("cid"))
    )


def _balance_in(facts: Any) -> Balance:
    if facts.balance_id is None:
        return Balance()
    return Balance(**{f: getattr(facts, f) for f in ledger_writer.balance_fields()})


def counts_as_visit(program: Program, earn: Earn) -> bool:
    """A sale is a visit when it earns something, or when the program counts every sale (see Program)."""
    return bool(earn.points or earn.stamps) or program.zero_earn_is_visit


def self_earn_message(staff_name: str, customer_name: str) -> str:
    """The manager's flag text (English; the back office translates it from this template)."""
    return Notice("{0} earned on {1}, whose phone is {0}'s own.", staff=staff_name, customer=customer_name)


def earns_per_day_message(customer_name: str, limit: int) -> str:
    """Raised once, at the earn that passes the limit: one flag a day per member, not one per sale."""
    return Notice("{0} earned more than {1} times today.", customer=customer_name, limit=limit)


def _staff_phone(s: Session, staff_id: str) -> str | None:
    row = s.get(Staff, staff_id)
    return row.phone if row is not None else None


def _day_start(program: Program, now: datetime) -> datetime:
    """The start of the store's day (its time zone), as the daily cap and the daily flags count it."""
    return local(now, program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)


def _earns_today(s: Session, program: Program, customer_id: str, now: datetime) -> int:
    """How many sales this member has earned on today (this one included), at this till or any it heard of."""
    return int(
        s.scalar(
            select(func.count()).where(
                LedgerEntryRow.customer_id == customer_id,
                LedgerEntryRow.kind == EntryKind.EARN.value,
                LedgerEntryRow.created_at >= _day_start(program, now),
            )
        )
        or 0
    )


def _append(
    till: Till,
    s: Session,
    known: ledger_writer.Known,
    customer_id: str,
    kind: EntryKind,
    at: datetime,
    program: Program,
    staff_id: str | None,
    **fields_: object,
) -> LedgerEntry:
    return ledger_writer.append_via(
        s,
        ledger_writer.draft(till, customer_id, kind, at, program_version=program.version, staff_id=staff_id, **fields_),
        known,
    )


def _receipt_awarded(s: Session, till: Till, receipt: ReceiptRef) -> bool:
    # The kind is written as a literal so SQLite sees the query matches the partial unique
    # index on receipts (a bound parameter would make it scan the whole ledger).
    return (
        s.scalar(
            select(LedgerEntryRow.id).where(
                LedgerEntryRow.kind == literal_column("'earn'"),
                LedgerEntryRow.receipt_id.is_not(None),
                LedgerEntryRow.receipt_source == receipt.source,
                LedgerEntryRow.store_id == till.store_id,
                LedgerEntryRow.receipt_id == receipt.external_id,
            )
        )
        is not None
    )


def _check_min_interval(program: Program, last_visit: datetime | None, now: datetime) -> None:
    gap = program.min_minutes_between_earns
    if gap and last_visit is not None and now - last_visit < timedelta(minutes=gap):
        wait = math.ceil((last_visit + timedelta(minutes=gap) - now).total_seconds() / 60)
        raise NotAllowed("This member earned less than {0} minutes ago; try again in {1} min.", gap=gap, wait=wait)


def _apply_daily_cap(
    s: Session, program: Program, customer_id: str, points: int, now: datetime
) -> tuple[int, list[str]]:
    cap = program.daily_earn_cap_points
    if not cap:
        return points, []
    start = local(now, program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
    today = s.scalar(
        select(func.coalesce(func.sum(LedgerEntryRow.points), 0)).where(
            LedgerEntryRow.customer_id == customer_id,
            LedgerEntryRow.kind == EntryKind.EARN.value,
            LedgerEntryRow.created_at >= start,
        )
    )
    allowed = max(min(points, cap - today), 0)
    if allowed < points:
        return allowed, [Notice("Daily earn cap of {0} reached: {1} points not given.", cap=cap, lost=points - allowed)]
    return points, []


def qualifying_figure(s: Session, customer_id: str, now: datetime, program: Program) -> int:
    """Qualifying points in the rolling window (12 months): the tier thresholds compare to this.

    A member's merged-in cards count too (their entries fold into this balance; see ``merges``).
    """
    since = qualifying_window_start(program, now)
    return int(
        s.scalar(
            select(func.coalesce(func.sum(LedgerEntryRow.qualifying), 0)).where(
                LedgerEntryRow.customer_id.in_(merges.group_in(s, customer_id)), LedgerEntryRow.created_at > since
            )
        )
    )


def _referral_paid(s: Session, customer_id: str) -> bool:
    """Whether this member's referral bonus (either side) was paid and not taken back since."""
    undo = aliased(LedgerEntryRow)
    return (
        s.scalar(
            select(LedgerEntryRow.id)
            .where(
                LedgerEntryRow.kind == EntryKind.BONUS.value,
                or_(
                    and_(LedgerEntryRow.customer_id == customer_id, LedgerEntryRow.reason == "referral: welcome"),
                    LedgerEntryRow.reason == f"referral: {customer_id}",
                ),
                ~exists().where(undo.reverses == LedgerEntryRow.id),
            )
            .limit(1)
        )
        is not None
    )


def _had_birthday_bonus(s: Session, customer_id: str, year: int) -> bool:
    """Whether this year's birthday bonus was paid and not taken back since (a voided visit gives it back)."""
    undo = aliased(LedgerEntryRow)
    return (
        s.scalar(
            select(LedgerEntryRow.id).where(
                LedgerEntryRow.customer_id == customer_id,
                LedgerEntryRow.kind == EntryKind.BONUS.value,
                LedgerEntryRow.reason == f"birthday: {year}",
                ~exists().where(undo.reverses == LedgerEntryRow.id),
            )
        )
        is not None
    )


def describe_award(result: AwardResult, program: Program, locale: str = "vi") -> str:
    amount = format_money(result.earn.amount or 0, currency(program.currency), locale)
    return f"{amount}: +{result.points} {program.point_name}, +{result.stamps} stamps"


# ---------------------------------------------------------------- many awards at once


@dataclass(frozen=True)
class AwardRequest:
    customer_id: str
    bill: Bill
    receipt: ReceiptRef | None = None


def award_many(
    till: Till, s: Session, requests: Sequence[AwardRequest], *, staff: StaffMember | None = None
) -> list[AwardResult | LoyaltyError]:
    """``award`` for many sales in the caller's transaction (the POS bridge's chunks), in order.

    The same rules as ``award`` one by one — membership state, receipt dedupe, minimum interval,
    daily cap, tier upgrade on the rolling qualifying figure, referral and birthday bonuses — with
    what they need read in a few queries for the whole chunk and kept up to date in memory as the
    chunk goes; then every entry is written through the one ledger writer
    (``ledger_writer.append_many``: chain, balances, outbox). Each request gets its AwardResult,
    or the LoyaltyError ``award`` would have raised for it, having written nothing.
    """
    if not requests:
        return []
    state = _BulkState.load(till, s, requests)
    drafts: list[LedgerEntry] = []
    outcome: list[tuple[int, int] | LoyaltyError] = []  # (first draft index, draft count) per request
    # (draft index, kind, customer, message, staff, at)
    flags: list[tuple[int, str, str, str, str | None, datetime]] = []
    sid = staff.id if staff else None
    state.staff_name = staff.name if staff else ""
    state.staff_phone = _staff_phone(s, sid) if sid else None
    for req in requests:
        try:
            made, raised = state.award(req, sid)
        except LoyaltyError as err:
            outcome.append(err)
            continue
        outcome.append((len(drafts), len(made)))
        for kind, message in raised:
            flags.append((len(drafts), kind, req.customer_id, message, sid, made[0].created_at))
        drafts.extend(made)
    sealed = ledger_writer.append_many(s, drafts)
    for index, kind, customer_id, message, staff_id, at in flags:
        s.add(
            Flag(
                id=new_id(),
                kind=kind,
                customer_id=customer_id,
                entry_id=sealed[index].id,
                staff_id=staff_id,
                message=message,
                created_at=at,
            )
        )
    results: list[AwardResult | LoyaltyError] = []
    for out in outcome:
        if isinstance(out, LoyaltyError):
            results.append(out)
            continue
        first, count = out
        earn, extras = sealed[first], sealed[first + 1 : first + count]
        results.append(AwardResult(earn, state.previews[first], list(extras), state.flag_text.get(first, [])))
    return results


@dataclass
class _BulkState:
    """What ``_award`` reads from the database, read once per chunk and kept current in memory."""

    till: Till
    program: Program
    customers: dict[str, Any]  # rows of _CUSTOMER_COLUMNS
    balances: dict[str, Balance]
    awarded: set[tuple[str, str]]  # (source, receipt id) that already earned
    referral_paid: set[str]
    birthday_paid: set[tuple[str, int]]
    session: Session
    ids: set[str] = field(default_factory=set)
    # The rolling qualifying figure at the chunk's start, per customer, and the entries close to
    # the window's start that leave it while the chunk runs.
    window_start: datetime | None = None
    window_sums: dict[str, int] = field(default_factory=dict)
    boundary: dict[str, list[tuple[datetime, int]]] = field(default_factory=dict)
    day_start: datetime | None = None
    earned_today: dict[str, int] = field(default_factory=dict)
    added: list[LedgerEntry] = field(default_factory=list)  # this chunk's entries, in order
    added_by: dict[str, list[LedgerEntry]] = field(default_factory=dict)
    previews: dict[int, Earn] = field(default_factory=dict)  # by the earn's index in ``added``
    flag_text: dict[int, list[str]] = field(default_factory=dict)
    earns_today: dict[str, int] = field(default_factory=dict)  # earns since ``earns_day`` (the flag's count)
    earns_day: datetime | None = None
    staff_name: str = ""
    staff_phone: str | None = None

    @classmethod
    def load(cls, till: Till, s: Session, requests: Sequence[AwardRequest]) -> _BulkState:
        program = till.program(s)
        ids = {r.customer_id for r in requests}
        # Only the columns the rules read: loading whole ORM objects for every member of a big
        # export costs more than the awards themselves.
        who = select(*(getattr(Customer, c) for c in _CUSTOMER_COLUMNS)).where(Customer.id.in_(ids))
        customers = {c.id: c for c in s.execute(who)}
        referrers = {c.referred_by for c in customers.values() if c.referred_by}
        every = ids | referrers
        fields_ = ledger_writer.balance_fields()
        rows = s.execute(
            select(BalanceRow.customer_id, *(getattr(BalanceRow, f) for f in fields_)).where(
                BalanceRow.customer_id.in_(every)
            )
        )
        balances = {r[0]: Balance(**dict(zip(fields_, r[1:], strict=True))) for r in rows}
        receipts = [r.receipt for r in requests if r.receipt is not None]
        awarded: set[tuple[str, str]] = set()
        by_source: dict[str, set[str]] = {}
        for r in receipts:
            by_source.setdefault(r.source, set()).add(r.external_id)
        for source, numbers in by_source.items():
            # Source and store named: the partial unique index (receipt_source, store_id,
            # receipt_id, …) is sought, not scanned as it was with the numbers alone.
            found = s.scalars(
                select(LedgerEntryRow.receipt_id).where(
                    LedgerEntryRow.kind == literal_column("'earn'"),
                    LedgerEntryRow.receipt_id.is_not(None),
                    LedgerEntryRow.receipt_source == source,
                    LedgerEntryRow.store_id == till.store_id,
                    LedgerEntryRow.receipt_id.in_(numbers),
                )
            )
            awarded |= {(source, rid) for rid in found}
        referred = {c.id for c in customers.values() if c.referred_by}
        paid = {c for c in referred if _referral_paid(s, c)}
        born = [c.id for c in customers.values() if c.birthday_day and c.birthday_month]
        birthday_paid: set[tuple[str, int]] = set()
        if born:
            undo = aliased(LedgerEntryRow)
            found = s.execute(
                select(LedgerEntryRow.customer_id, LedgerEntryRow.reason).where(
                    LedgerEntryRow.customer_id.in_(born),
                    LedgerEntryRow.kind == EntryKind.BONUS.value,
                    LedgerEntryRow.reason.like("birthday: %"),
                    ~exists().where(undo.reverses == LedgerEntryRow.id),
                )
            )
            for cid, reason in found:
                year = reason.removeprefix("birthday: ")
                if year.isdigit():
                    birthday_paid.add((cid, int(year)))
        state = cls(till, program, customers, balances, awarded, paid, birthday_paid, s, ids=ids)
        since = qualifying_window_start(program, till.clock())
        state.window_start = since
        sums = s.execute(
            select(LedgerEntryRow.customer_id, func.sum(LedgerEntryRow.qualifying))
            .where(LedgerEntryRow.customer_id.in_(ids), LedgerEntryRow.created_at > since)
            .group_by(LedgerEntryRow.customer_id)
        )
        state.window_sums = {cid: int(total or 0) for cid, total in sums}
        edge = s.execute(
            select(LedgerEntryRow.customer_id, LedgerEntryRow.created_at, LedgerEntryRow.qualifying).where(
                LedgerEntryRow.customer_id.in_(ids),
                LedgerEntryRow.created_at > since,
                LedgerEntryRow.created_at <= since + BOUNDARY,
            )
        )
        for cid, at, qualifying in edge:
            state.boundary.setdefault(cid, []).append((at, qualifying))
        return state

    # -- the rules, as in _award --------------------------------------------------------------------
    def award(self, req: AwardRequest, staff_id: str | None) -> tuple[list[LedgerEntry], list[tuple[str, str]]]:
        """The entries of one award, and the flags it raises for the manager: (kind, message)."""
        program = self.program
        check_bill(req.bill.paid, currency(program.currency))
        customer = self.customers.get(req.customer_id)
        if customer is None:
            raise NotFound("No such customer.")
        if customer.status != "active":
            raise NotAllowed(
                "{0}'s membership is {1}; a manager can tell why.", name=customer.name, status=customer.status
            )
        now = self.till.clock()
        receipt = req.receipt
        if receipt is not None and (receipt.source, receipt.external_id) in self.awarded:
            raise Duplicate("Receipt {0} has already earned points.", receipt=receipt.external_id)
        balance = self.balances.get(customer.id, Balance())
        _check_min_interval(program, balance.last_visit_at, now)
        earn = compute_earn(program, req.bill, at=now, tier=balance.tier)
        points, messages = self._daily_cap(customer.id, earn.points, now)
        visit = counts_as_visit(program, earn)
        made = [
            ledger_writer.draft(
                self.till,
                customer.id,
                EntryKind.EARN,
                now,
                points=points,
                stamps=earn.stamps,
                qualifying=points,
                amount=req.bill.paid,
                currency=program.currency,
                program_version=program.version,
                staff_id=staff_id,
                receipt_source=receipt.source if receipt else None,
                receipt_id=receipt.external_id if receipt else None,
                reason="" if visit else NOT_A_VISIT,
            )
        ]
        self._fold(made[0])
        figure = self._qualifying(customer.id, now)
        if target := upgrade_to(program, balance.tier, figure):
            reason = f"reached {figure} qualifying {program.point_name}"
            made.append(self._extra(customer.id, EntryKind.TIER, now, staff_id, tier=target.name, reason=reason))
        if customer.referred_by and (points or earn.stamps) and customer.id not in self.referral_paid:
            if program.referral_new_points:
                made.append(
                    self._extra(customer.id, EntryKind.BONUS, now, staff_id,
                                points=program.referral_new_points, reason="referral: welcome")
                )  # fmt: skip
            if program.referral_referrer_points:
                made.append(
                    self._extra(customer.referred_by, EntryKind.BONUS, now, staff_id,
                                points=program.referral_referrer_points, reason=f"referral: {customer.id}")
                )  # fmt: skip
            if program.referral_new_points or program.referral_referrer_points:
                self.referral_paid.add(customer.id)
        if visit and customer.birthday_day and customer.birthday_month:
            bday = Birthday(customer.birthday_day, customer.birthday_month, customer.birthday_year)
            year = local(now, program.timezone).year
            last = year if (customer.id, year) in self.birthday_paid else None
            if birthday_bonus_due(program, bday, now, last):
                made.append(
                    self._extra(customer.id, EntryKind.BONUS, now, staff_id,
                                points=program.birthday_points, reason=f"birthday: {year}")
                )  # fmt: skip
                self.birthday_paid.add((customer.id, year))
        if receipt is not None:
            self.awarded.add((receipt.source, receipt.external_id))
        index = len(self.added) - len(made)
        self.previews[index] = earn
        if messages:
            self.flag_text[index] = messages
        raised = [("daily_cap", message) for message in messages]
        if staff_id is not None and customer.phone and customer.phone == self.staff_phone:
            raised.append(("self_earn", self_earn_message(self.staff_name, customer.name)))
        limit = program.earns_per_day_flag
        if limit and self._count_earn_today(customer.id, now) == limit + 1:
            raised.append(("earns_per_day", earns_per_day_message(customer.name, limit)))
        return made, raised

    def _count_earn_today(self, customer_id: str, now: datetime) -> int:
        """This member's earns today, this one included: read once per chunk, then counted here."""
        start = _day_start(self.program, now)
        if start != self.earns_day:
            self.earns_day = start
            rows = self.session.execute(
                select(LedgerEntryRow.customer_id, func.count())
                .where(
                    LedgerEntryRow.customer_id.in_(self.ids),
                    LedgerEntryRow.kind == EntryKind.EARN.value,
                    LedgerEntryRow.created_at >= start,
                )
                .group_by(LedgerEntryRow.customer_id)
            )
            self.earns_today = {cid: int(n) for cid, n in rows}
            # This chunk's earns are not in the database yet.
            for e in self.added:
                if e.kind is EntryKind.EARN and e.created_at >= start and e.customer_id in self.ids:
                    self.earns_today[e.customer_id] = self.earns_today.get(e.customer_id, 0) + 1
        else:
            self.earns_today[customer_id] = self.earns_today.get(customer_id, 0) + 1
        return self.earns_today.get(customer_id, 0)

    def _extra(
        self, customer_id: str, kind: EntryKind, at: datetime, staff_id: str | None, **fields_: object
    ) -> LedgerEntry:
        entry = ledger_writer.draft(
            self.till, customer_id, kind, at, program_version=self.program.version, staff_id=staff_id, **fields_
        )
        self._fold(entry)
        return entry

    def _fold(self, entry: LedgerEntry) -> None:
        self.balances[entry.customer_id] = apply_entry(self.balances.get(entry.customer_id, Balance()), entry)
        self.added.append(entry)
        self.added_by.setdefault(entry.customer_id, []).append(entry)

    def _qualifying(self, customer_id: str, now: datetime) -> int:
        """The rolling figure as ``qualifying_figure`` reads it: entries after the window start."""
        since = qualifying_window_start(self.program, now)
        if self.window_start is None or since < self.window_start or since - self.window_start > BOUNDARY:
            base = qualifying_figure_before(self.session, customer_id, since)
        else:
            # Entries that left the window since the chunk began (a few seconds' worth, 12 months ago).
            gone = sum(q for at, q in self.boundary.get(customer_id, ()) if at <= since)
            base = self.window_sums.get(customer_id, 0) - gone
        mine = sum(e.qualifying for e in self.added_by.get(customer_id, ()) if e.created_at > since)
        return base + mine

    def _daily_cap(self, customer_id: str, points: int, now: datetime) -> tuple[int, list[str]]:
        cap = self.program.daily_earn_cap_points
        if not cap:
            return points, []
        start = local(now, self.program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
        if start != self.day_start:
            self.day_start, self.earned_today = start, _earned_since(self.session, self.ids, start)
        mine = sum(
            e.points for e in self.added_by.get(customer_id, ()) if e.kind is EntryKind.EARN and e.created_at >= start
        )
        today = self.earned_today.get(customer_id, 0) + mine
        allowed = max(min(points, cap - today), 0)
        if allowed < points:
            lost = points - allowed
            return allowed, [Notice("Daily earn cap of {0} reached: {1} points not given.", cap=cap, lost=lost)]
        return points, []


_CUSTOMER_COLUMNS = (
    "id", "name", "phone", "status", "referred_by", "birthday_day", "birthday_month", "birthday_year"
)  # fmt: skip
_READ_FOR_AWARD = Prepared(_read_statement())
BOUNDARY = timedelta(hours=1)  # a chunk of awards takes seconds; beyond this, ask the database again


def qualifying_figure_before(s: Session, customer_id: str, since: datetime) -> int:
    return int(
        s.scalar(
            select(func.coalesce(func.sum(LedgerEntryRow.qualifying), 0)).where(
                LedgerEntryRow.customer_id == customer_id, LedgerEntryRow.created_at > since
            )
        )
    )


def _earned_since(s: Session, customer_ids: set[str], start: datetime) -> dict[str, int]:
    rows = s.execute(
        select(LedgerEntryRow.customer_id, func.sum(LedgerEntryRow.points))
        .where(
            LedgerEntryRow.customer_id.in_(customer_ids),
            LedgerEntryRow.kind == EntryKind.EARN.value,
            LedgerEntryRow.created_at >= start,
        )
        .group_by(LedgerEntryRow.customer_id)
    )
    return {cid: int(total or 0) for cid, total in rows}
