"""Spend points or a full stamp card on a reward.

Spending needs the card: a scanned QR (or the customer's confirmation). A phone
number or a name alone may earn but never spend — letting anyone who knows a
name spend the points is the complaint customers have about other programs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.clock import local
from app.core.errors import InsufficientBalance, InvalidInput, NotAllowed, NotFound
from app.core.ledger import EntryKind, LedgerEntry
from app.core.money import check_bill, currency, format_money
from app.core.rewards import Redemption, RewardKind, period_start, plan_redemption
from app.db.models import BalanceRow, Customer, LedgerEntryRow, RewardRow
from app.services import ledger_writer, merges, unknown_cards, vouchers
from app.services.staff import StaffMember
from app.services.till import Till, reward_from_row

VOUCHER_DAYS = 90


@dataclass(frozen=True)
class RedeemResult:
    entry: LedgerEntry
    redemption: Redemption
    voucher_code: str | None = None
    voucher: vouchers.IssuedVoucher | None = None  # its QR payload, value and last day


def redeem(
    till: Till,
    customer_id: str,
    reward_id: str,
    *,
    staff: StaffMember | None,
    identified: bool,
    bill: int = 0,
    points_to_spend: int = 0,
) -> RedeemResult:
    if not identified:
        raise NotAllowed("To spend points, scan the customer's card (a phone number or name is not enough).")
    for value in (bill, points_to_spend):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidInput("The bill and the points to spend must be whole numbers.")
    if bill < 0 or points_to_spend < 0:
        raise InvalidInput("Amounts cannot be negative.")
    if bill:
        check_bill(bill, currency(till.program().currency))
    now = till.clock()
    with till.transaction() as s:
        program = till.program(s)
        unknown_cards.refuse_spending(s, customer_id)
        customer = s.get(Customer, customer_id)
        if customer is None:
            raise NotFound("No such customer.")
        if customer.status != "active":
            raise NotAllowed(
                "{0}'s membership is {1}: rewards cannot be redeemed.", name=customer.name, status=customer.status
            )
        row = s.get(RewardRow, reward_id)
        if row is None:
            raise NotFound("There is no such reward.")
        reward = reward_from_row(row)
        balance = ledger_writer.balance_of(s.get(BalanceRow, customer_id))
        used = 0
        if reward.limit_count:
            used = _count_redeemed(s, customer_id, reward_id, period_start(program, reward.limit_period, now))
        plan = plan_redemption(
            program,
            reward,
            points=balance.points,
            stamps=balance.stamps,
            tier=balance.tier,
            used_in_period=used,
            bill=bill,
            points_to_spend=points_to_spend,
            today=local(now, program.timezone).date(),
        )
        cap = program.offline_daily_redeem_cap
        if cap and not till.is_online() and plan.points:
            day = local(now, program.timezone).replace(hour=0, minute=0, second=0, microsecond=0)
            spent_today = -int(
                s.scalar(
                    select(func.coalesce(func.sum(LedgerEntryRow.points), 0)).where(
                        LedgerEntryRow.customer_id == customer_id,
                        LedgerEntryRow.kind == EntryKind.REDEEM.value,
                        LedgerEntryRow.terminal_id == till.terminal_id,
                        LedgerEntryRow.created_at >= day,
                    )
                )
            )
            if spent_today + plan.points > cap:
                raise InsufficientBalance(
                    "Offline, a member may spend at most {0} {1} a day at this till ({2} already today). "
                    "Try again when the till is back online.",
                    cap=cap,
                    unit=program.point_name,
                    spent=spent_today,
                )
        reason = reward.name
        if plan.discount:
            reason += f" (−{format_money(plan.discount, currency(program.currency), 'en')})"
        entry = ledger_writer.append(
            s,
            ledger_writer.draft(
                till,
                customer_id,
                EntryKind.REDEEM,
                now,
                points=-plan.points,
                stamps=-plan.stamps,
                amount=bill or None,
                currency=program.currency,
                reward_id=reward.id,
                program_version=program.version,
                staff_id=staff.id if staff else None,
                reason=reason,
            ),
        )
        voucher = None
        if reward.kind is RewardKind.VOUCHER:
            # The same signed, synced voucher a compensation gets: any till of the chain takes it once.
            voucher = vouchers.issue_in(
                s,
                till,
                value=reward.value,
                issued_for="reward",
                customer_id=customer_id,
                issued_ref=entry.id,
                issued_by=staff,
                note=reward.name,
                days=VOUCHER_DAYS,
            )
    return RedeemResult(entry, plan, voucher.code if voucher else None, voucher)


def _count_redeemed(s: Session, customer_id: str, reward_id: str, since: object) -> int:
    """Redemptions of the reward in the period, by this member and the cards merged into it."""
    cards = merges.group_in(s, customer_id)
    redeemed = s.scalar(
        select(func.count()).where(
            LedgerEntryRow.customer_id.in_(cards),
            LedgerEntryRow.kind == EntryKind.REDEEM.value,
            LedgerEntryRow.reward_id == reward_id,
            LedgerEntryRow.created_at >= since,
        )
    )
    undone = s.scalar(
        select(func.count())
        .select_from(LedgerEntryRow)
        .where(
            LedgerEntryRow.kind == EntryKind.REVERSE.value,
            LedgerEntryRow.customer_id.in_(cards),
            LedgerEntryRow.reward_id == reward_id,
            LedgerEntryRow.created_at >= since,
        )
    )
    return int(redeemed or 0) - int(undone or 0)
