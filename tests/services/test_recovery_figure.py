"""The dashboard's share of complainants who came back (read inside the dashboard's own transaction)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from app.core.earning import Bill
from app.core.periods import Period
from app.services import awards, customers, feedback, tickets
from app.services.reports.dashboard import dashboard
from app.services.reports.recovery import complainant_counts
from app.services.staff import StaffMember
from app.services.till import Till


def test_the_dashboard_shows_the_share_of_complainants_who_came_back(
    till: Till, cashier: StaffMember, enrol: Callable[..., customers.Enrolled], clock: Any
) -> None:
    came_back, stayed_away, earlier = enrol("Nguyễn Thị Ánh"), enrol("Trần Văn Bình"), enrol("Lê Thị Cúc")
    awards.award(till, earlier.customer_id, Bill(paid=50_000), staff=cashier)
    clock.advance(days=10)
    today = clock.local().date()
    feedback.rate_visit(till, came_back.customer_id, 1, comment="nguội")
    feedback.rate_visit(till, stayed_away.customer_id, 2)
    feedback.rate_visit(till, None, 1)  # a guest: nobody to follow
    clock.advance(days=2)
    awards.award(till, came_back.customer_id, Bill(paid=70_000), staff=cashier)

    period = Period(today - timedelta(days=6), today, till.program().timezone)
    assert complainant_counts(till, period) == (2, 1)
    assert dashboard(till, period).complainants_returned == 0.5  # no deadlock inside its transaction
    assert complainant_counts(till, period, frozenset({"another store"})) == (0, 0)
    assert (
        dashboard(
            till, Period(today - timedelta(days=30), today - timedelta(days=8), period.timezone)
        ).complainants_returned
        is None
    )
    assert tickets.complainant_return_share(till).share == 0.5  # the tickets tab's own figure agrees
