"""Award a bill: points, stamps, and whatever the sale unlocks (tier, referral, birthday).

Everything one award writes shares one timestamp, so "undo last" can take back
the whole action and nothing else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from app.core.clock import local
from app.core.earning import Bill, Earn, compute_earn
from app.core.errors import Duplicate, NotAllowed, NotFound
from app.core.ids import new_id
from app.core.ledger import EntryKind, LedgerEntry
from app.core.lifecycle import Birthday, birthday_bonus_due
from app.core.money import check_bill, currency, format_money
from app.core.program import Program
from app.core.tiers import qualifying_window_start, upgrade_to
from app.db.models import BalanceRow, Customer, Flag, LedgerEntryRow
from app.services import ledger_writer, merges
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
    customer = s.get(Customer, customer_id)
    if customer is None:
        raise NotFound("No such customer.")
    if customer.status != "active":
        raise NotAllowed(f"{customer.name}'s membership is {customer.status}; a manager can tell why.")
    now = till.clock()
    if receipt is not None and _receipt_awarded(s, till, receipt):
        raise Duplicate(f"Receipt {receipt.external_id} has already earned points.")
    balance = ledger_writer.balance_of(s.get(BalanceRow, customer_id))
    _check_min_interval(program, balance.last_visit_at, now)
    earn = compute_earn(program, bill, at=now, tier=balance.tier)
    points, flags = _apply_daily_cap(s, program, customer_id, earn.points, now)
    sid = staff.id if staff else None
    entry = ledger_writer.append(
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
        ),
    )
    extras: list[LedgerEntry] = []
    figure = qualifying_figure(s, customer_id, now, program)
    if target := upgrade_to(program, balance.tier, figure):
        extras.append(
            _append(
                till,
                s,
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
                    customer.referred_by,
                    EntryKind.BONUS,
                    now,
                    program,
                    sid,
                    points=program.referral_referrer_points,
                    reason=f"referral: {customer.id}",
                )
            )
    if customer.birthday_day and customer.birthday_month:
        bday = Birthday(customer.birthday_day, customer.birthday_month, customer.birthday_year)
        year = local(now, program.timezone).year
        if birthday_bonus_due(program, bday, now, year if _had_birthday_bonus(s, customer_id, year) else None):
            extras.append(
                _append(
                    till,
                    s,
                    customer_id,
                    EntryKind.BONUS,
                    now,
                    program,
                    sid,
                    points=program.birthday_points,
                    reason=f"birthday: {year}",
                )
            )
    for message in flags:
        s.add(
            Flag(
                id=new_id(),
                kind="daily_cap",
                customer_id=customer_id,
                entry_id=entry.id,
                staff_id=sid,
                message=message,
                created_at=now,
            )
        )
    return AwardResult(entry, earn, extras, flags)


def _append(
    till: Till,
    s: Session,
    customer_id: str,
    kind: EntryKind,
    at: datetime,
    program: Program,
    staff_id: str | None,
    **fields_: object,
) -> LedgerEntry:
    return ledger_writer.append(
        s,
        ledger_writer.draft(till, customer_id, kind, at, program_version=program.version, staff_id=staff_id, **fields_),
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
        raise NotAllowed(f"This member earned less than {gap} minutes ago; try again in {wait} min.")


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
        return allowed, [f"Daily earn cap of {cap} reached: {points - allowed} points not given."]
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
    return (
        s.scalar(
            select(LedgerEntryRow.id).where(
                LedgerEntryRow.customer_id == customer_id,
                LedgerEntryRow.kind == EntryKind.BONUS.value,
                LedgerEntryRow.reason == f"birthday: {year}",
            )
        )
        is not None
    )


def describe_award(result: AwardResult, program: Program, locale: str = "vi") -> str:
    amount = format_money(result.earn.amount or 0, currency(program.currency), locale)
    return f"{amount}: +{result.points} {program.point_name}, +{result.stamps} stamps"
