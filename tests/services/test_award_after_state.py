"""An award returns the member's card as it stands after the sale (issue 11), read in the award's
own transaction, and its faster writer keeps every invariant of the ledger (issue 12 item 5)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from app.core.earning import Bill
from app.core.ledger import EntryKind
from app.core.lifecycle import Birthday
from app.core.program import Program
from app.db.models import BalanceRow
from app.services import awards, customers
from app.services.staff import StaffMember
from app.services.till import Till

Enrol = Callable[..., customers.Enrolled]


def test_a_sale_that_unlocks_everything_returns_the_card_a_fresh_read_shows_and_keeps_the_ledger_sound(
    till: Till,
    cashier: StaffMember,
    enrol: Enrol,
    set_program: Callable[..., Program],
    ledger_is_sound: Callable[[], None],
    clock: Any,
) -> None:
    set_program(birthday_points=50, referral_referrer_points=20, referral_new_points=10)
    clock.set_local(2026, 11, 25, 9)  # Wednesday: no double points; Minh's birthday is this week
    lan = enrol("Lan")
    minh = enrol("Minh", referral_code=lan.referral_code, birthday=Birthday(26, 11, 1990))
    before = customers.view(till, minh.customer_id)

    # 300 points: Gold at once, Minh's welcome, Lan's referral (another member, written in the
    # middle), then the birthday gift, which must link after Lan's entry in the chain.
    result = awards.award(till, minh.customer_id, Bill(3_000_000), staff=cashier)

    assert [e.kind for e in result.extras] == [EntryKind.TIER, EntryKind.BONUS, EntryKind.BONUS, EntryKind.BONUS]
    assert result.after is not None
    assert result.after == customers.view(till, minh.customer_id)
    assert result.after.tier == "Gold"
    assert result.after.balance.points == before.balance.points + 300 + 10 + 50
    assert customers.view(till, lan.customer_id).balance.points == 20
    ledger_is_sound()  # balance caches == rebuild from the ledger, and an unbroken hash chain


def test_a_flag_the_sale_raises_is_already_on_the_returned_card(
    till: Till, cashier: StaffMember, member: customers.Enrolled, set_program: Callable[..., Program]
) -> None:
    set_program(daily_earn_cap_points=20)
    awards.award(till, member.customer_id, Bill(150_000), staff=cashier)
    capped = awards.award(till, member.customer_id, Bill(150_000), staff=cashier)
    assert capped.after is not None
    assert capped.after.flag_kinds == ["daily_cap"]
    assert capped.after.balance.points == 20
    assert capped.after == customers.view(till, member.customer_id)


def test_an_award_in_the_callers_transaction_updates_the_balance_the_caller_holds(
    till: Till, cashier: StaffMember, member: customers.Enrolled
) -> None:
    """The POS bridge awards inside its own session: a balance row it loaded must not go stale."""
    with till.transaction() as s:
        row = s.get(BalanceRow, member.customer_id)
        assert row is not None
        points = row.points
        result = awards.award(till, member.customer_id, Bill(50_000), staff=cashier, session=s)
        assert row.points == points + result.points == result.after.balance.points  # type: ignore[union-attr]



def test_the_fast_writer_stores_times_as_every_other_write_does(
    till: Till, cashier: StaffMember, member: customers.Enrolled, clock: Any
) -> None:
    """Times are compared as text in SQLite: a whole-second sale must not be stored as
    '09:00:00' where the ORM writes '09:00:00.000000' (range queries would then miss it)."""
    clock.set_local(2026, 11, 25, 9)  # a whole second
    result = awards.award(till, member.customer_id, Bill(50_000), staff=cashier)
    db = sqlite3.connect(till.engine.url.database or "")
    try:
        stored = [
            *db.execute("SELECT created_at FROM ledger_entry WHERE id = ?", (result.earn.id,)).fetchone(),
            *db.execute("SELECT created_at FROM outbox WHERE item_id = ?", (result.earn.id,)).fetchone(),
            *db.execute("SELECT last_visit_at FROM balance WHERE customer_id = ?", (member.customer_id,)).fetchone(),
        ]
    finally:
        db.close()
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", text) for text in stored), stored
    assert len(set(stored)) == 1
