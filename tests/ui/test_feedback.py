"""The feedback service: a rating per visit, a complaint ticket for a 1 or a 2, both queued for the server."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.earning import Bill
from app.core.errors import Duplicate, InvalidInput, NotFound
from app.db.models import Feedback, OutboxItem, Ticket
from app.services import awards, feedback, staff
from app.services.till import Till


def outbox(till: Till) -> list[tuple[str, str]]:
    with till.transaction() as s:
        return [
            (o.item_type, o.item_id)
            for o in s.scalars(select(OutboxItem).where(OutboxItem.item_type.in_(("feedback", "ticket"))))
        ]


def test_a_good_rating_is_stored_and_queued(till: Till, members) -> None:
    fb = feedback.rate_visit(till, members.anh, 5)
    assert (fb.rating, fb.customer_id, fb.store_id) == (5, members.anh, till.store_id)
    assert feedback.ticket_for(till, fb.id) is None
    assert outbox(till) == [("feedback", fb.id)]


@pytest.mark.parametrize(
    ("rating", "priority", "due"), [(1, "high", timedelta(hours=24)), (2, "normal", timedelta(hours=72))]
)
def test_a_bad_rating_opens_a_ticket(till: Till, members, rating: int, priority: str, due: timedelta) -> None:
    fb = feedback.rate_visit(till, members.binh, rating, comment="  cà phê   nguội ")
    ticket = feedback.ticket_for(till, fb.id)
    assert ticket is not None
    assert (ticket.priority, ticket.status, ticket.customer_id) == (priority, "open", members.binh)
    assert ticket.subject == f"Rating {rating}/5 from Trần Văn Bình: cà phê nguội"
    assert ticket.due_at - ticket.created_at == due
    assert outbox(till) == [("feedback", fb.id), ("ticket", ticket.id)]


def test_a_guest_may_rate_and_one_sale_is_rated_once(till: Till, members) -> None:
    cashier = staff.login(till, "1111")
    sale = awards.award(till, members.anh, Bill(paid=50_000), staff=cashier)
    guest = feedback.rate_visit(till, None, 3)
    assert guest.customer_id is None
    feedback.rate_visit(till, members.anh, 4, entry_id=sale.earn.id)
    with pytest.raises(Duplicate):
        feedback.rate_visit(till, members.anh, 2, entry_id=sale.earn.id)
    with till.transaction() as s:
        assert len(s.scalars(select(Feedback)).all()) == 2
        assert s.scalars(select(Ticket)).all() == []


@pytest.mark.parametrize("rating", [0, 6, True, 4.5, "5"])
def test_a_rating_is_one_to_five(till: Till, members, rating: object) -> None:
    with pytest.raises(InvalidInput):
        feedback.rate_visit(till, members.anh, rating)  # type: ignore[arg-type]
    assert outbox(till) == []


def test_unknown_customer_entry_or_long_comment_is_refused(till: Till, members) -> None:
    with pytest.raises(NotFound):
        feedback.rate_visit(till, "no-such-customer", 4)
    with pytest.raises(NotFound):
        feedback.rate_visit(till, members.anh, 4, entry_id="no-such-entry")
    with pytest.raises(InvalidInput):
        feedback.rate_visit(till, members.anh, 1, comment="x" * 1001)
    assert outbox(till) == []
