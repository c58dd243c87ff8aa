"""Corrections: reverse an entry, adjust a balance, undo the last action.

A correction is always a new entry: the original stays in the ledger, and the
audit log says who corrected it and why.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.earning import partial_reversal
from app.core.errors import InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.ledger import EntryKind, LedgerEntry
from app.db.models import BalanceRow, LedgerEntryRow
from app.services import ledger_writer, vouchers
from app.services.awards import qualifying_figure
from app.services.staff import StaffMember, audit, require_manager
from app.services.till import Till

UNDO_WINDOW = timedelta(minutes=2)  # a cashier may undo their own last action this long without a manager
MAX_ADJUST = 1_000_000


def reverse(
    till: Till, entry_id: str, *, manager: StaffMember, reason: str, refunded_amount: int | None = None
) -> LedgerEntry:
    """Cancel an entry (a void), or part of an earn (a partial refund of ``refunded_amount``)."""
    if not manager.is_manager:
        raise PermissionDenied("Reversing an entry needs a manager.")
    if not reason.strip():
        raise InvalidInput("Say why the entry is reversed.")
    with till.transaction() as s:
        entry, *released = reverse_visit_in(
            s, till, entry_id, staff_id=manager.id, reason=reason.strip(), refunded_amount=refunded_amount
        )
        after = {"reversal": entry.id, "reason": reason, "points": entry.points, "stamps": entry.stamps}
        if released:
            after["released"] = [e.id for e in released]
        audit(s, manager, "ledger.reverse", entry_id, after=after)
        return entry


def reverse_in(
    s: Session, till: Till, entry_id: str, *, staff_id: str | None, reason: str, refunded_amount: int | None = None
) -> LedgerEntry:
    """The reversal itself, inside the caller's transaction (the POS bridge uses this for refunds).

    A sale reversed in full also takes back what its visit released (``reverse_visit_in``).
    """
    return reverse_visit_in(
        s, till, entry_id, staff_id=staff_id, reason=reason, refunded_amount=refunded_amount
    )[0]


def reverse_visit_in(
    s: Session, till: Till, entry_id: str, *, staff_id: str | None, reason: str, refunded_amount: int | None = None
) -> list[LedgerEntry]:
    """The reversal, then the reversals of what the sale released when this undoes it in full.

    A visit can release bonuses: both sides of a referral (paid at the first qualifying purchase)
    and the birthday bonus. Whichever way the sale is cancelled — the POS's void or full refund,
    a manager's reversal, the till's undo — they go with it, in the same transaction: otherwise a
    voided purchase still pays the referrer, and the real next visit pays again. The tier the
    sale reached goes back too, unless the member's qualifying points still reach it (later
    sales) or a later tier change has happened since.
    """
    first = _reverse_one(s, till, entry_id, staff_id=staff_id, reason=reason, refunded_amount=refunded_amount)
    original = ledger_writer.load(s, entry_id)
    if original is None or original.kind is not EntryKind.EARN or not _fully_reversed(s, original):
        return [first]
    done = [first, *(_reverse_one(s, till, e.id, staff_id=staff_id, reason=reason) for e in released_by(s, original))]
    tier = _released_tier(s, original)
    if tier is not None and not _still_reached(s, till, tier):
        done.append(_undo_tier(s, till, tier, staff_id, reason))
    return done


def released_by(s: Session, earn: LedgerEntry) -> list[LedgerEntry]:
    """The bonuses this sale released that stand (not taken back yet)."""
    return [e for e in _run_after(s, earn) if e.kind is EntryKind.BONUS and _released_bonus(e, earn)]


def _released_tier(s: Session, earn: LedgerEntry) -> LedgerEntry | None:
    """The tier change this sale made, if it stands and is still the member's latest."""
    mine = (e for e in _run_after(s, earn) if e.kind is EntryKind.TIER and e.customer_id == earn.customer_id)
    tier = next(mine, None)
    if tier is None:
        return None
    later = s.scalar(
        select(LedgerEntryRow.id)
        .where(
            LedgerEntryRow.customer_id == tier.customer_id,
            LedgerEntryRow.kind == EntryKind.TIER.value,
            LedgerEntryRow.created_at > tier.created_at,
        )
        .limit(1)
    )
    return None if later is not None else tier


def _still_reached(s: Session, till: Till, tier: LedgerEntry) -> bool:
    program = till.program(s)
    figure = qualifying_figure(s, tier.customer_id, till.clock(), program)
    return figure >= program.tier(tier.tier).threshold


def _run_after(s: Session, earn: LedgerEntry) -> list[LedgerEntry]:
    """What ``award`` wrote with this sale that stands (not taken back yet).

    ``award`` writes it right after the sale, in one transaction, with the sale's time:
    so it is the entries that follow the sale in its till's chain at the same moment, up to the
    next sale. Read from the chain rather than matched by time alone, because a bulk import
    awards many sales at one moment.
    """
    rows = s.scalars(
        select(LedgerEntryRow)
        .where(
            LedgerEntryRow.terminal_id == earn.terminal_id,
            LedgerEntryRow.terminal_seq > earn.terminal_seq,
            LedgerEntryRow.terminal_seq <= earn.terminal_seq + _MOST_RELEASED,
        )
        .order_by(LedgerEntryRow.terminal_seq)
    )
    found: list[LedgerEntry] = []
    for row in rows:
        e = ledger_writer.from_row(row)
        if e.created_at != earn.created_at or e.kind not in (EntryKind.TIER, EntryKind.BONUS):
            break
        if not _reversed(s, e.id):
            found.append(e)
    return found


_MOST_RELEASED = 4  # a tier change, both sides of a referral, a birthday bonus


def _released_bonus(e: LedgerEntry, earn: LedgerEntry) -> bool:
    """A bonus a visit pays (the reasons ``awards`` writes): referral, either side, or birthday."""
    mine = e.customer_id == earn.customer_id
    return (
        (mine and e.reason == "referral: welcome")
        or e.reason == f"referral: {earn.customer_id}"
        or (mine and e.reason.startswith("birthday: "))
    )


def _reversed(s: Session, entry_id: str) -> bool:
    return s.scalar(select(LedgerEntryRow.id).where(LedgerEntryRow.reverses == entry_id).limit(1)) is not None


def _fully_reversed(s: Session, earn: LedgerEntry) -> bool:
    """Every point and stamp taken back and the whole bill returned (a void, or refunds adding up)."""
    points, stamps, amount, voided = s.execute(
        select(
            func.coalesce(func.sum(LedgerEntryRow.points), 0),
            func.coalesce(func.sum(LedgerEntryRow.stamps), 0),
            func.coalesce(func.sum(LedgerEntryRow.amount), 0),
            func.count().filter(LedgerEntryRow.amount.is_(None)),
        ).where(LedgerEntryRow.reverses == earn.id)
    ).one()
    taken = earn.points + points == 0 and earn.stamps + stamps == 0
    return taken and (bool(voided) or not earn.amount or amount >= earn.amount)


def _reverse_one(
    s: Session, till: Till, entry_id: str, *, staff_id: str | None, reason: str, refunded_amount: int | None = None
) -> LedgerEntry:
    original = ledger_writer.load(s, entry_id)
    if original is None:
        raise NotFound("There is no such ledger entry.")
    if original.kind is EntryKind.REVERSE:
        raise NotAllowed("A reversal cannot itself be reversed; record a new entry instead.")
    if original.kind is EntryKind.REDEEM:
        vouchers.check_reward_reversible_in(s, original.id)
    already = s.execute(
        select(
            func.coalesce(func.sum(LedgerEntryRow.points), 0),
            func.coalesce(func.sum(LedgerEntryRow.stamps), 0),
            func.coalesce(func.sum(LedgerEntryRow.amount), 0),
            func.count(),
        ).where(LedgerEntryRow.reverses == entry_id)
    ).one()
    left_points, left_stamps = original.points + already[0], original.stamps + already[1]
    if already[3] and left_points == 0 and left_stamps == 0:
        raise NotAllowed("This entry has already been reversed.")
    amount = None
    if refunded_amount is not None:
        if original.kind is not EntryKind.EARN or not original.amount:
            raise InvalidInput("Only a sale can be partly refunded.")
        if not isinstance(refunded_amount, int) or isinstance(refunded_amount, bool):
            raise InvalidInput("The refunded amount must be a whole number of minor units.")
        if refunded_amount <= 0:
            raise InvalidInput("The refunded amount must be more than zero.")
        left_amount = original.amount - already[2]
        refunded_amount = min(refunded_amount, left_amount)
        pts, stp = partial_reversal(original.points, original.stamps, original.amount, already[2] + refunded_amount)
        # Cumulative: what all refunds so far take back, minus what earlier ones took.
        points, stamps = -min(pts + already[0], left_points), -min(stp + already[1], left_stamps)
        amount = refunded_amount
    else:
        points, stamps = -left_points, -left_stamps
        if already[3] and original.kind is EntryKind.EARN and original.amount:
            amount = original.amount - already[2]  # after partial refunds, a void returns the rest of the bill
    if original.kind is EntryKind.TIER:
        return _undo_tier(s, till, original, staff_id, reason)
    return ledger_writer.append(
        s,
        ledger_writer.draft(
            till,
            original.customer_id,
            EntryKind.REVERSE,
            till.clock(),
            points=points,
            stamps=stamps,
            qualifying=-original.qualifying if amount is None else min(points, 0) if original.qualifying else 0,
            amount=amount,
            currency=original.currency,
            reward_id=original.reward_id,
            reverses=original.id,
            program_version=original.program_version,
            staff_id=staff_id,
            reason=reason,
            receipt_source=original.receipt_source,
            receipt_id=original.receipt_id,
        ),
    )


def _undo_tier(s: Session, till: Till, original: LedgerEntry, staff_id: str | None, reason: str) -> LedgerEntry:
    """A tier change is undone by a new tier change back to the tier before it."""
    before = s.scalar(
        select(LedgerEntryRow.tier)
        .where(
            LedgerEntryRow.customer_id == original.customer_id,
            LedgerEntryRow.kind == EntryKind.TIER.value,
            LedgerEntryRow.created_at < original.created_at,
        )
        .order_by(LedgerEntryRow.created_at.desc())
        .limit(1)
    )
    return ledger_writer.append(
        s,
        ledger_writer.draft(
            till,
            original.customer_id,
            EntryKind.TIER,
            till.clock(),
            tier=before,
            reverses=original.id,
            staff_id=staff_id,
            reason=reason,
        ),
    )


def check_adjust(*, points: int, stamps: int, reason: str) -> None:
    """What makes an adjustment refusable before anyone is asked for a PIN (no database, no side effect).

    The one validation of a correction: the till and the back office call it before the PIN
    dialog (Vorta's ``prepare()``), and ``adjust`` calls it again, so they cannot drift apart.
    """
    if not reason.strip():
        raise InvalidInput("An adjustment needs a reason.")
    if any(not isinstance(v, int) or isinstance(v, bool) for v in (points, stamps)):
        raise InvalidInput("Points and stamps are adjusted in whole numbers.")
    if points == 0 and stamps == 0:
        raise InvalidInput("The adjustment changes nothing.")
    if abs(points) > MAX_ADJUST or abs(stamps) > 1000:
        raise InvalidInput("That adjustment is too large; check the number.")


def adjust(
    till: Till, customer_id: str, *, points: int = 0, stamps: int = 0, reason: str, manager: StaffMember
) -> LedgerEntry:
    """A manual correction with a reason ("coffee machine broke, 2 stamps goodwill")."""
    if not manager.is_manager:
        raise PermissionDenied("Adjusting a balance needs a manager.")
    check_adjust(points=points, stamps=stamps, reason=reason)
    with till.transaction() as s:
        limit = till.program(s).adjust_limit_points
        if abs(points) > limit and manager.role != "owner":
            raise PermissionDenied("Adjusting more than {0} points at once needs the owner's PIN.", limit=limit)
        row = s.get(BalanceRow, customer_id)
        if row is None:
            raise NotFound("No such customer.")
        if row.points + points < 0 or row.stamps + stamps < 0:
            raise InvalidInput(
                "The balance would go below zero ({0} points, {1} stamps now).", points=row.points, stamps=row.stamps
            )
        before = {"points": row.points, "stamps": row.stamps}
        entry = ledger_writer.append(
            s,
            ledger_writer.draft(
                till,
                customer_id,
                EntryKind.ADJUST,
                till.clock(),
                points=points,
                stamps=stamps,
                program_version=till.program(s).version,
                staff_id=manager.id,
                reason=reason.strip(),
            ),
        )
        audit(
            s,
            manager,
            "ledger.adjust",
            customer_id,
            before=before,
            after={"points": row.points, "stamps": row.stamps, "reason": reason, "entry": entry.id},
        )
        return entry


def last_action(till: Till, staff: StaffMember) -> list[LedgerEntry]:
    """The entries of this cashier's last action at this till (they share one timestamp)."""
    with till.transaction() as s:
        last = s.scalars(
            select(LedgerEntryRow)
            .where(LedgerEntryRow.terminal_id == till.terminal_id, LedgerEntryRow.staff_id == staff.id)
            .order_by(LedgerEntryRow.terminal_seq.desc())
            .limit(1)
        ).first()
        if last is None or last.kind == EntryKind.REVERSE.value or last.reverses:
            return []
        rows = s.scalars(
            select(LedgerEntryRow)
            .where(
                LedgerEntryRow.terminal_id == till.terminal_id,
                LedgerEntryRow.staff_id == staff.id,
                LedgerEntryRow.created_at == last.created_at,
            )
            .order_by(LedgerEntryRow.terminal_seq)
        )
        return [ledger_writer.from_row(r) for r in rows]


def undo_last(till: Till, staff: StaffMember, *, manager_pin: str = "") -> list[LedgerEntry]:
    """Undo the cashier's last action: alone within the undo window, with a manager PIN after it."""
    entries = last_action(till, staff)
    if not entries:
        raise NotFound("There is nothing to undo.")
    approver = staff
    if till.clock() - entries[0].created_at > UNDO_WINDOW or (not staff.is_manager and manager_pin):
        approver = require_manager(till, manager_pin)
    with till.transaction() as s:
        done = []
        for e in reversed(entries):  # tier change first, then bonuses, then the sale itself
            done.append(reverse_in(s, till, e.id, staff_id=approver.id, reason=f"undo by {staff.name}"))
        audit(
            s,
            approver,
            "ledger.undo",
            entries[0].customer_id,
            before={"entries": [e.id for e in entries]},
            after={"reversals": [e.id for e in done]},
        )
    return done
