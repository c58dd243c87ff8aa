"""Complaint tickets: who answers, by when, how it ended, and whether the customer came back.

A 1–2★ rating opens a ticket (``app.services.feedback``). This module gives it an
owner by simple rules (by store and priority; the store's manager by default),
lets the back office work it (status, owner, resolution) and resolve it with a
compensation voucher — approved by a manager, within a monthly budget the owner
sets — and answers the question the owner really asks: did they come back?

Every edit is queued for the chain with the fields it touched (``Ticket.dirty``):
the server applies per field, last writer wins (docs/DECISIONS.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import ledger
from app.core.clock import local
from app.core.errors import InvalidInput, NotFound, PermissionDenied
from app.core.ledger import EntryKind
from app.core.money import Money, currency
from app.db.models import Customer, Feedback, LedgerEntryRow, OutboxItem, Setting, Staff, Store, Ticket, Voucher
from app.services import vouchers
from app.services.staff import MANAGER_ROLES, StaffMember, audit
from app.services.till import Till

STATUSES = ("open", "in_progress", "resolved")
PRIORITIES = ("high", "normal", "low")
RULES_KEY = "tickets.assign_rules"
BUDGET_KEY = "vouchers.monthly_budget"
MAX_RESOLUTION = 2000


# -- who answers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignRule:
    """``store`` and ``priority`` may be ``*``. The first rule that matches names the owner."""

    store: str
    priority: str
    staff_id: str


def assign_rules(s: Session) -> list[AssignRule]:
    row = s.get(Setting, RULES_KEY)
    if row is None:
        return []
    try:
        return [AssignRule(**r) for r in json.loads(row.value)]
    except (ValueError, TypeError):
        return []


def assign_rules_of(till: Till) -> list[AssignRule]:
    with till.transaction() as s:
        return assign_rules(s)


def store_choices(till: Till) -> list[tuple[str, str]]:
    """(id, name) of the stores this till knows, its own first."""
    with till.transaction() as s:
        rows = s.scalars(select(Store)).all()
    return [(r.id, r.name) for r in sorted(rows, key=lambda r: (r.id != till.store_id, r.name))]


def set_assign_rules(till: Till, rules: list[AssignRule], *, by: StaffMember) -> None:
    if not by.is_manager:
        raise PermissionDenied("Only a manager can change who answers complaints.")
    with till.transaction() as s:
        for r in rules:
            if r.priority not in (*PRIORITIES, "*"):
                raise InvalidInput("Unknown priority {0}.", priority=r.priority)
            if s.get(Staff, r.staff_id) is None:
                raise NotFound("There is no such staff member.")
        before = [r.__dict__ for r in assign_rules(s)]
        value = json.dumps([r.__dict__ for r in rules])
        row = s.get(Setting, RULES_KEY)
        if row is None:
            s.add(Setting(key=RULES_KEY, value=value))
        else:
            row.value = value
        audit(s, by, "tickets.rules", before={"rules": before}, after={"rules": [r.__dict__ for r in rules]})


def owner_for(s: Session, store_id: str, priority: str) -> str | None:
    """The rule's staff member if one matches, else the store's manager (the owner if it has none)."""
    for rule in assign_rules(s):
        if rule.store in (store_id, "*") and rule.priority in (priority, "*"):
            staff = s.get(Staff, rule.staff_id)
            if staff is not None and staff.active:
                return staff.id
    for role in ("manager", "owner"):
        found = s.scalars(
            select(Staff.id)
            .where(Staff.store_id == store_id, Staff.role == role, Staff.active)
            .order_by(Staff.created_at)
            .limit(1)
        ).first()
        if found:
            return found
    return None


# -- what the tab shows ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CameBack:
    """What the customer did after complaining: the visit that followed, and the spend since."""

    next_visit_at: datetime | None
    visits: int
    spend: int

    @property
    def returned(self) -> bool:
        return self.next_visit_at is not None


@dataclass(frozen=True)
class TicketView:
    id: str
    subject: str
    priority: str
    status: str
    store_id: str
    assignee_id: str | None
    assignee: str
    customer_id: str | None
    customer: str
    rating: int | None
    comment: str
    created_at: datetime
    due_at: datetime | None
    resolved_at: datetime | None
    resolution: str
    voucher_code: str | None
    voucher_value: int
    came_back: CameBack | None  # None for a guest (no card: nothing to follow)

    def overdue(self, now: datetime) -> bool:
        return self.status != "resolved" and self.due_at is not None and self.due_at < now


_RANK = {p: i for i, p in enumerate(PRIORITIES)}


def list_tickets(till: Till, *, include_resolved: bool = True, store_id: str | None = None) -> list[TicketView]:
    """Open ones first by due time then priority; resolved ones after, the latest first."""
    with till.transaction() as s:
        q = select(Ticket)
        if not include_resolved:
            q = q.where(Ticket.status != "resolved")
        if store_id:
            q = q.where(Ticket.store_id == store_id)
        rows = list(s.scalars(q))
        views = [_view(s, t) for t in rows]
    far = datetime.max.replace(tzinfo=None)

    def key(v: TicketView) -> tuple[object, ...]:
        if v.status == "resolved":
            return (1, -(v.resolved_at or v.created_at).timestamp(), 0)
        due = v.due_at.replace(tzinfo=None) if v.due_at else far
        return (0, due, _RANK.get(v.priority, 9))

    return sorted(views, key=key)


def get(till: Till, ticket_id: str) -> TicketView:
    with till.transaction() as s:
        t = s.get(Ticket, ticket_id)
        if t is None:
            raise NotFound("There is no such ticket.")
        return _view(s, t)


def _view(s: Session, t: Ticket) -> TicketView:
    staff = s.get(Staff, t.assignee) if t.assignee else None
    customer = s.get(Customer, t.customer_id) if t.customer_id else None
    feedback = s.get(Feedback, t.feedback_id) if t.feedback_id else None
    voucher = s.get(Voucher, t.voucher_code) if t.voucher_code else None
    return TicketView(
        id=t.id,
        subject=t.subject,
        priority=t.priority,
        status=t.status,
        store_id=t.store_id,
        assignee_id=t.assignee,
        assignee=staff.name if staff else "",
        customer_id=t.customer_id,
        customer=customer.name if customer else "",
        rating=feedback.rating if feedback else None,
        comment=feedback.comment if feedback else "",
        created_at=t.created_at,
        due_at=t.due_at,
        resolved_at=t.resolved_at,
        resolution=t.resolution,
        voucher_code=t.voucher_code,
        voucher_value=voucher.value if voucher else 0,
        came_back=came_back(s, t.customer_id, t.created_at) if t.customer_id else None,
    )


def came_back(s: Session, customer_id: str, since: datetime) -> CameBack:
    """Visits (earns) after the complaint, at any till of the chain this till has heard from."""
    after = (
        LedgerEntryRow.customer_id == customer_id,
        LedgerEntryRow.kind == EntryKind.EARN.value,
        LedgerEntryRow.reason != ledger.NOT_A_VISIT,  # a sale that earned nothing is not a visit
        LedgerEntryRow.created_at > since,
    )
    first = s.scalars(select(LedgerEntryRow.created_at).where(*after).order_by(LedgerEntryRow.created_at).limit(1))
    totals = select(func.count(), func.coalesce(func.sum(LedgerEntryRow.amount), 0)).where(*after)
    visits, spend = s.execute(totals).one()
    return CameBack(first.first(), int(visits or 0), int(spend or 0))


@dataclass(frozen=True)
class ReturnShare:
    """Of the members who complained (a ticket) in the window, how many came back afterwards."""

    complainants: int
    returned: int

    @property
    def share(self) -> float | None:
        return self.returned / self.complainants if self.complainants else None


def complainant_return_share(till: Till, *, days: int = 90) -> ReturnShare:
    """For the dashboard: "share of complainants who returned" over the last ``days`` days."""
    since = till.clock() - timedelta(days=days)
    with till.transaction() as s:
        firsts: dict[str, datetime] = {}
        for customer_id, created in s.execute(
            select(Ticket.customer_id, Ticket.created_at).where(
                Ticket.customer_id.is_not(None), Ticket.created_at >= since
            )
        ):
            if customer_id not in firsts or created < firsts[customer_id]:
                firsts[customer_id] = created
        returned = sum(1 for cid, first in firsts.items() if came_back(s, cid, first).returned)
    return ReturnShare(len(firsts), returned)


# -- working a ticket ---------------------------------------------------------------------------------


def _touch(s: Session, t: Ticket, fields: list[str], now: datetime) -> None:
    dirty = set(t.dirty.split(",")) - {""} if t.dirty else set()
    t.dirty = ",".join(sorted(dirty | set(fields)))
    t.updated_at = now
    s.add(OutboxItem(item_type="ticket", item_id=t.id, created_at=now))


def update(
    till: Till,
    ticket_id: str,
    *,
    by: StaffMember,
    status: str | None = None,
    assignee: str | None = None,
    priority: str | None = None,
) -> TicketView:
    """Take a ticket (in progress), hand it to someone, or change its priority. Resolving is ``resolve``."""
    if status is not None and status not in ("open", "in_progress"):
        raise InvalidInput("A ticket is resolved with a resolution (use resolve).")
    if priority is not None and priority not in PRIORITIES:
        raise InvalidInput("Unknown priority {0}.", priority=priority)
    now = till.clock()
    with till.transaction() as s:
        t = s.get(Ticket, ticket_id)
        if t is None:
            raise NotFound("There is no such ticket.")
        before = {"status": t.status, "assignee": t.assignee, "priority": t.priority}
        changed = []
        if assignee is not None and assignee != t.assignee:
            person = s.get(Staff, assignee)
            if person is None or not person.active:
                raise NotFound("There is no such staff member.")
            t.assignee = assignee
            changed.append("assignee")
        if status is not None and status != t.status:
            t.status, t.resolved_at = status, None
            changed += ["status", "resolved_at"]
        if priority is not None and priority != t.priority:
            t.priority = priority
            changed.append("priority")
        if changed:
            _touch(s, t, changed, now)
            audit(s, by, "ticket.update", t.id, before=before, after={k: getattr(t, k) for k in before})
        return _view(s, t)


@dataclass(frozen=True)
class Budget:
    limit: int  # 0: no budget set (no compensation vouchers)
    used: int
    month: str  # YYYY-MM in the store's zone

    @property
    def left(self) -> int:
        return max(0, self.limit - self.used)


def voucher_budget(till: Till) -> Budget:
    with till.transaction() as s:
        return _budget(s, till)


def _budget(s: Session, till: Till) -> Budget:
    row = s.get(Setting, BUDGET_KEY)
    limit = int(row.value) if row and row.value.isdigit() else 0
    tz = till.program(s).timezone
    now_local = local(till.clock(), tz)
    month_start = now_local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    used = s.scalar(
        select(func.coalesce(func.sum(Voucher.value), 0)).where(
            Voucher.issued_for == "ticket",
            Voucher.store_id == till.store_id,
            Voucher.created_at >= month_start,
        )
    )
    return Budget(limit, int(used or 0), f"{now_local:%Y-%m}")


def set_voucher_budget(till: Till, amount: int, *, by: StaffMember) -> None:
    """The owner sets how much compensation this store may give a month."""
    if by.role != "owner":
        raise PermissionDenied("Only the owner sets the compensation budget.")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise InvalidInput("The budget must be a whole amount, not negative.")
    with till.transaction() as s:
        row = s.get(Setting, BUDGET_KEY)
        before = row.value if row else "0"
        if row is None:
            s.add(Setting(key=BUDGET_KEY, value=str(amount)))
        else:
            row.value = str(amount)
        audit(s, by, "vouchers.budget", before={"monthly": before}, after={"monthly": amount})


@dataclass(frozen=True)
class Resolved:
    ticket: TicketView
    voucher: vouchers.IssuedVoucher | None


def resolve(
    till: Till,
    ticket_id: str,
    *,
    by: StaffMember,
    resolution: str,
    voucher_value: int = 0,
    approved_by: StaffMember | None = None,
    voucher_days: int = vouchers.DEFAULT_DAYS,
) -> Resolved:
    """Close a ticket with what was done; optionally a compensation voucher (a manager approves)."""
    resolution = " ".join((resolution or "").split())
    if not resolution:
        raise InvalidInput("Say how the complaint was resolved (a short note).")
    if len(resolution) > MAX_RESOLUTION:
        raise InvalidInput("The note is too long (at most {0} characters).", limit=MAX_RESOLUTION)
    if isinstance(voucher_value, bool) or not isinstance(voucher_value, int) or voucher_value < 0:
        raise InvalidInput("The voucher's value must be a whole amount.")
    if voucher_value and (approved_by is None or approved_by.role not in MANAGER_ROLES):
        raise PermissionDenied("A compensation voucher needs a manager's approval.")
    now = till.clock()
    with till.transaction() as s:
        t = s.get(Ticket, ticket_id)
        if t is None:
            raise NotFound("There is no such ticket.")
        if t.status == "resolved":
            raise InvalidInput("This ticket is already resolved.")
        issued = None
        if voucher_value:
            budget = _budget(s, till)
            if voucher_value > budget.left:
                raise InvalidInput(
                    "The compensation budget has {0} left this month ({1} of {2} used); the owner can raise it.",
                    left=Money(budget.left, currency(till.program(s).currency)),
                    used=Money(budget.used, currency(till.program(s).currency)),
                    limit=Money(budget.limit, currency(till.program(s).currency)),
                )
            issued = vouchers.issue_in(
                s,
                till,
                value=voucher_value,
                issued_for="ticket",
                customer_id=t.customer_id,
                issued_ref=t.id,
                issued_by=approved_by,
                note=resolution,
                days=voucher_days,
            )
            t.voucher_code = issued.code
        before = {"status": t.status, "resolution": t.resolution}
        t.status, t.resolution, t.resolved_at = "resolved", resolution, now
        _touch(s, t, ["status", "resolution", "resolved_at", *(["voucher_code"] if issued else [])], now)
        audit(
            s,
            by,
            "ticket.resolve",
            t.id,
            before=before,
            after={
                "status": "resolved",
                "resolution": resolution,
                "voucher": issued.code if issued else None,
                "voucher_value": voucher_value,
                "approved_by": approved_by.id if approved_by else None,
            },
        )
        return Resolved(_view(s, t), issued)


def staff_choices(till: Till) -> list[tuple[str, str]]:
    """(id, name) of active staff, managers first: who a ticket can be handed to."""
    with till.transaction() as s:
        rows = s.scalars(select(Staff).where(Staff.active)).all()
    order = {"owner": 1, "manager": 0, "cashier": 2}
    return [(r.id, r.name) for r in sorted(rows, key=lambda r: (order.get(r.role, 3), r.name))]
