"""Hear the customer: a 1–5 rating after the visit, and a complaint ticket when it went badly.

Owners told us they lose complaints: a bad rating said at the counter is
forgotten by the evening. So a rating of 1 or 2 opens a ticket in the same
transaction as the rating — with a priority, an owner (``tickets.owner_for``) and a
due time, so the manager sees it and it cannot be lost — and both go to the
outbox, so the back office and every till of the chain get them exactly once.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import exists, select

from app.core.errors import Duplicate, InvalidInput, NotFound
from app.core.ids import new_id
from app.db.models import Customer, Feedback, LedgerEntryRow, OutboxItem, Ticket
from app.services import stats
from app.services.tickets import owner_for
from app.services.till import Till

MAX_COMMENT = 1000
COMPLAINT_BELOW = 3  # ratings under this open a ticket
# How soon someone must answer: a 1 is an angry customer, answer within the day.
DUE_AFTER = {"high": timedelta(hours=24), "normal": timedelta(hours=72)}


def rate_visit(
    till: Till, customer_id: str | None, rating: int, *, entry_id: str | None = None, comment: str = ""
) -> Feedback:
    """Store a rating (and, for 1 or 2, a complaint ticket). One transaction.

    ``customer_id`` may be None: a guest without a card can rate too. ``entry_id``
    ties the rating to the sale it is about; one sale is rated once.
    """
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise InvalidInput("A rating is a whole number from 1 to 5.")
    comment = " ".join((comment or "").split())
    if len(comment) > MAX_COMMENT:
        raise InvalidInput("The comment is too long (at most {0} characters).", limit=MAX_COMMENT)
    now = till.clock()
    with till.transaction() as s:
        customer = None
        if customer_id is not None:
            customer = s.get(Customer, customer_id)
            if customer is None:
                raise NotFound("No such customer.")
        if entry_id is not None:
            if s.get(LedgerEntryRow, entry_id) is None:
                raise NotFound("There is no such ledger entry.")
            if s.scalar(select(exists().where(Feedback.entry_id == entry_id))):
                raise Duplicate("This visit has already been rated.")
        feedback = Feedback(
            id=new_id(),
            customer_id=customer_id,
            entry_id=entry_id,
            store_id=till.store_id,
            rating=rating,
            comment=comment,
            created_at=now,
        )
        s.add(feedback)
        s.add(OutboxItem(item_type="feedback", item_id=feedback.id, created_at=now))
        stats.ratings_added(s, [feedback])  # the dashboard's rating, in the same transaction
        if rating < COMPLAINT_BELOW:
            priority = "high" if rating == 1 else "normal"
            who = customer.name if customer else "a guest"
            subject = f"Rating {rating}/5 from {who}" + (f": {comment}" if comment else "")
            ticket = Ticket(
                id=new_id(),
                customer_id=customer_id,
                feedback_id=feedback.id,
                store_id=till.store_id,
                subject=subject[:300],
                priority=priority,
                status="open",
                assignee=owner_for(s, till.store_id, priority),
                due_at=now + DUE_AFTER[priority],
                created_at=now,
                updated_at=now,
            )
            s.add(ticket)
            s.add(OutboxItem(item_type="ticket", item_id=ticket.id, created_at=now))
    return feedback


def is_complaint(rating: int) -> bool:
    """A rating the customer display answers with an apology (and the cashier is told of)."""
    return rating < COMPLAINT_BELOW


def ticket_for(till: Till, feedback_id: str) -> Ticket | None:
    """The complaint ticket a rating opened, if it opened one."""
    with till.transaction() as s:
        return s.scalars(select(Ticket).where(Ticket.feedback_id == feedback_id)).first()
