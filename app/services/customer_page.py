"""Everything the back office's customer page shows about one member, as plain data.

The history is every ledger entry of the member and of the members merged into
it (each still names the card it was made on), newest first, with the store,
till, staff member, receipt and reward resolved to names, so the page can say
each one in words. Ratings and tickets come from the service-recovery tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.core.ledger import Balance
from app.core.phone import display_phone
from app.db.models import (
    BalanceRow,
    Customer,
    Feedback,
    Flag,
    LedgerEntryRow,
    RewardRow,
    Staff,
    Store,
    Terminal,
    Ticket,
)
from app.services import ledger_writer, merges
from app.services.merges import DUPLICATE_FLAG as _DUPLICATE
from app.services.till import Till


@dataclass(frozen=True)
class HistoryLine:
    id: str
    at: datetime
    kind: str  # earn, redeem, bonus, adjust, expire, reverse, tier
    points: int
    stamps: int
    amount: int | None
    store: str
    till: str
    staff: str
    receipt: str  # "source/number", or ""
    reward: str
    reason: str
    tier: str | None
    reverses: str | None
    reversed: bool  # a later entry reverses it (fully or in part)
    card: str  # the card number it was made on (differs from the member's after a merge)
    own_till: bool  # made at this till


@dataclass(frozen=True)
class Rating:
    at: datetime
    rating: int
    comment: str
    store: str


@dataclass(frozen=True)
class TicketLine:
    at: datetime
    subject: str
    priority: str
    status: str
    resolution: str


@dataclass(frozen=True)
class Linked:
    """A member merged into this one (or the one this one was merged into)."""

    id: str
    name: str
    card_number: str
    phone: str


@dataclass(frozen=True)
class Duplicate:
    """A member the sync flagged as probably the same person (enrolled twice while offline)."""

    id: str
    name: str
    card_number: str
    message: str


@dataclass(frozen=True)
class CustomerProfile:
    id: str
    name: str
    phone: str
    card_number: str
    status: str  # active, blocked, merged
    tier: str
    balance: Balance
    enrolled_at: datetime
    enrolled_store: str
    birthday_day: int | None
    birthday_month: int | None
    birthday_year: int | None
    gender: str | None
    area: str | None
    marketing_consent: bool
    referral_code: str
    history: list[HistoryLine] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    tickets: list[TicketLine] = field(default_factory=list)
    merged_in: list[Linked] = field(default_factory=list)  # members merged into this one
    merged_into: Linked | None = None
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def birthday(self) -> str:
        if not (self.birthday_day and self.birthday_month):
            return ""
        text = f"{self.birthday_day:02d}/{self.birthday_month:02d}"
        return f"{text}/{self.birthday_year}" if self.birthday_year else text


def _linked(c: Customer, region: str) -> Linked:
    return Linked(c.id, c.name, c.card_number, display_phone(c.phone or "", region))


def profile(till: Till, customer_id: str) -> CustomerProfile:
    with till.transaction() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFound("No such customer.")
        program = till.program(s)
        region = till.country(s)
        parents = merges.parents_in(s)
        group = merges.group_in(s, customer_id, parents)
        people = {x.id: x for x in s.scalars(select(Customer).where(Customer.id.in_(group)))}
        balance = ledger_writer.balance_of(s.get(BalanceRow, customer_id))
        stores = {k: v for k, v in s.execute(select(Store.id, Store.name))}
        tills = {k: v for k, v in s.execute(select(Terminal.id, Terminal.name))}
        staff = {k: v for k, v in s.execute(select(Staff.id, Staff.name))}
        rewards = {k: v for k, v in s.execute(select(RewardRow.id, RewardRow.name))}
        rows = list(
            s.scalars(
                select(LedgerEntryRow)
                .where(LedgerEntryRow.customer_id.in_(group))
                .order_by(LedgerEntryRow.created_at.desc(), LedgerEntryRow.terminal_seq.desc())
            )
        )
        reversed_ids = {r.reverses for r in rows if r.reverses}
        history = [
            HistoryLine(
                id=r.id,
                at=r.created_at,
                kind=r.kind,
                points=r.points,
                stamps=r.stamps,
                amount=r.amount,
                store=stores.get(r.store_id, r.store_id),
                till=tills.get(r.terminal_id, "") or r.terminal_id[-6:],
                staff=staff.get(r.staff_id or "", ""),
                receipt=f"{r.receipt_source}/{r.receipt_id}" if r.receipt_id else "",
                reward=rewards.get(r.reward_id or "", r.reward_id or ""),
                reason=r.reason,
                tier=r.tier,
                reverses=r.reverses,
                reversed=r.id in reversed_ids,
                card=people[r.customer_id].card_number if r.customer_id in people else "",
                own_till=r.terminal_id == till.terminal_id,
            )
            for r in rows
        ]
        ratings = [
            Rating(f.created_at, f.rating, f.comment, stores.get(f.store_id, f.store_id))
            for f in s.scalars(
                select(Feedback).where(Feedback.customer_id.in_(group)).order_by(Feedback.created_at.desc())
            )
        ]
        tickets = [
            TicketLine(t.created_at, t.subject, t.priority, t.status, t.resolution)
            for t in s.scalars(select(Ticket).where(Ticket.customer_id.in_(group)).order_by(Ticket.created_at.desc()))
        ]
        into = s.get(Customer, c.merged_into) if c.merged_into else None
        return CustomerProfile(
            id=c.id,
            name=c.name,
            phone=display_phone(c.phone or "", region),
            card_number=c.card_number,
            status=c.status,
            tier=program.tier(balance.tier).name,
            balance=balance,
            enrolled_at=c.enrolled_at,
            enrolled_store=stores.get(c.enrolled_store, c.enrolled_store),
            birthday_day=c.birthday_day,
            birthday_month=c.birthday_month,
            birthday_year=c.birthday_year,
            gender=c.gender,
            area=c.area,
            marketing_consent=c.marketing_consent,
            referral_code=c.referral_code,
            history=history,
            ratings=ratings,
            tickets=tickets,
            merged_in=[_linked(people[x], region) for x in group if x != customer_id and x in people],
            merged_into=_linked(into, region) if into else None,
            duplicates=_duplicates(s, customer_id),
        )


def _duplicates(s: Session, customer_id: str) -> list[Duplicate]:
    """Open ``duplicate_member`` flags naming this member, with the other member of each.

    The sync's flag names both members in its sentence ("Members X and Y share the phone…"),
    which is where the pair is read from.
    """
    out: list[Duplicate] = []
    flags = s.scalars(select(Flag).where(Flag.kind == "duplicate_member", Flag.resolved_at.is_(None)))
    for f in flags:
        m = _DUPLICATE.search(f.message)
        if not m or customer_id not in m.groups():
            continue
        other_id = m.group(2) if m.group(1) == customer_id else m.group(1)
        other = s.get(Customer, other_id)
        if other is not None and other.status != "merged" and other_id not in {d.id for d in out}:
            out.append(Duplicate(other.id, other.name, other.card_number, f.message))
    return out


def duplicate_pairs(till: Till) -> list[tuple[str, str, str]]:
    """(member, other member, the flag's sentence) for every open duplicate flag: the merge worklist."""
    with till.transaction() as s:
        pairs = []
        for f in s.scalars(select(Flag).where(Flag.kind == "duplicate_member", Flag.resolved_at.is_(None))):
            m = _DUPLICATE.search(f.message)
            if m:
                pairs.append((m.group(1), m.group(2), f.message))
        return pairs
