"""Property test on a real till: after any sequence of cashier and manager actions, with the clock
moving (days, and a year at a time for expiry), the ledger's promises hold:

* every cached balance equals a rebuild from the ledger;
* redemption never takes a balance below zero (it is refused instead, and changes nothing);
* this terminal's sequence has no gaps and every hash links;
* every entry is in the outbox exactly once.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule
from sqlalchemy import func, select

from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.errors import InsufficientBalance, InvalidInput, LoyaltyError, NotAllowed, NotFound
from app.core.lifecycle import Birthday
from app.core.program import worked_example_program
from app.core.rewards import Period, Reward, RewardKind
from app.db.models import BalanceRow, Customer, LedgerEntryRow, OutboxItem
from app.services import awards, balances, catalog, corrections, customers, lifecycle, redemption
from app.services.staff import StaffMember, add_staff
from app.services.till import Till

MANAGER_PIN = "80604020"

PROGRAM = replace(
    worked_example_program(),
    welcome_points=3,
    birthday_points=20,
    referral_referrer_points=10,
    referral_new_points=5,
    daily_earn_cap_points=400,
    min_minutes_between_earns=10,
    offline_daily_redeem_cap=100,
)


@cache
def template() -> tuple[Path, StaffMember, StaffMember, tuple[str, ...]]:
    """A till home with a manager, a cashier and rewards, made once and copied for each example."""
    root = Path(tempfile.mkdtemp(prefix="ledger-props-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    home = root / "home"
    till = open_till(home, program=PROGRAM)
    manager = add_staff(till, name="Quản lý", role="owner", pin=MANAGER_PIN)
    cashier = add_staff(till, name="Thu ngân", role="cashier", pin="10305070", by=manager)
    rewards = [
        Reward("", "Free coffee", RewardKind.FREE_ITEM, cost_full_card=True),
        Reward("", "Bánh flan", RewardKind.FREE_ITEM, cost_points=30),
        Reward("", "10% off", RewardKind.PERCENT_DISCOUNT, cost_points=50, value=10, cap=30_000),
        Reward("", "Voucher", RewardKind.VOUCHER, cost_points=80, value=50_000),
        Reward(
            "", "Daily treat", RewardKind.FREE_ITEM, cost_points=5, limit_count=1, limit_period=Period.DAY
        ),
    ]
    ids = tuple(catalog.save_reward(till, r, by=manager).id for r in rewards)
    till.engine.dispose()
    return home, manager, cashier, ids


class TillMachine(RuleBasedStateMachine):
    customer = Bundle("customer")
    entry = Bundle("entry")

    def __init__(self) -> None:
        super().__init__()
        home, self.manager, self.cashier, self.rewards = template()
        self.dir = Path(tempfile.mkdtemp(prefix="ledger-prop-"))
        shutil.copytree(home, self.dir / "home")
        self.till: Till = open_till(self.dir / "home")
        self.now = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
        self.till.clock = lambda: self.now
        self.online = False
        self.till.is_online = lambda: self.online
        self.phones = 0

    def teardown(self) -> None:
        self.till.engine.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------------

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)

    def entry_count(self) -> int:
        with self.till.transaction() as s:
            return int(s.scalar(select(func.count()).select_from(LedgerEntryRow)) or 0)

    def balance(self, customer_id: str) -> tuple[int, int]:
        with self.till.transaction() as s:
            b = balances.cached(s, customer_id)
            return b.points, b.stamps

    # -- actions --------------------------------------------------------------------------------

    @rule(
        target=customer,
        birthday=st.none() | st.builds(Birthday, st.integers(1, 28), st.integers(1, 12)),
        refer=st.booleans(),
        data=st.data(),
    )
    def enroll(self, birthday: Birthday | None, refer: bool, data: st.DataObject) -> str:
        self.tick()
        code = ""
        if refer:
            with self.till.transaction() as s:
                codes = sorted(s.scalars(select(Customer.referral_code)))
            if codes:
                code = data.draw(st.sampled_from(codes), label="referral code")
        self.phones += 1
        enrolled = customers.enroll(
            self.till,
            name=f"Khách {self.phones}",
            phone=f"0912 {self.phones:06d}",
            staff=self.cashier,
            birthday=birthday,
            referral_code=code,
        )
        return enrolled.customer_id

    @rule(target=entry, customer_id=customer, amount=st.integers(1_000, 3_000_000))
    def award(self, customer_id: str, amount: int) -> str:
        self.tick()
        before = self.entry_count()
        try:
            return awards.award(self.till, customer_id, Bill(amount), staff=self.cashier).earn.id
        except NotAllowed:  # blocked, or earned less than 10 minutes ago
            assert self.entry_count() == before
            return "none"

    @rule(
        target=entry,
        customer_id=customer,
        which=st.integers(0, 4),
        bill=st.integers(0, 500_000),
        online=st.booleans(),
    )
    def redeem(self, customer_id: str, which: int, bill: int, online: bool) -> str:
        self.tick()
        self.online = online
        points, stamps = self.balance(customer_id)
        before = self.entry_count()
        try:
            result = redemption.redeem(
                self.till, customer_id, self.rewards[which], staff=self.cashier, identified=True, bill=bill
            )
        except InsufficientBalance:
            assert self.balance(customer_id) == (points, stamps) and self.entry_count() == before
            return "none"
        except NotAllowed:  # blocked, or the daily treat was already taken today
            assert self.balance(customer_id) == (points, stamps) and self.entry_count() == before
            return "none"
        after = self.balance(customer_id)
        assert after[0] >= 0 and after[1] >= 0, "a redemption took a balance below zero"
        assert after == (points + result.entry.points, stamps + result.entry.stamps)
        return result.entry.id

    @rule(entry_id=consumes(entry), partial=st.none() | st.integers(1, 1_000_000))
    def reverse(self, entry_id: str, partial: int | None) -> None:
        self.tick()
        before = self.entry_count()
        try:
            corrections.reverse(
                self.till, entry_id, manager=self.manager, reason="prop", refunded_amount=partial
            )
        except (NotFound, NotAllowed, InvalidInput):  # "none", already reversed, partial of a redemption
            assert self.entry_count() == before

    @rule(customer_id=customer, points=st.integers(-60, 60), stamps=st.integers(-3, 3))
    def adjust(self, customer_id: str, points: int, stamps: int) -> None:
        self.tick()
        before = self.balance(customer_id)
        try:
            corrections.adjust(
                self.till, customer_id, points=points, stamps=stamps, reason="prop", manager=self.manager
            )
        except InvalidInput:  # nothing to adjust, or the balance would go below zero
            assert self.balance(customer_id) == before
            return
        assert self.balance(customer_id) == (before[0] + points, before[1] + stamps)

    @rule(with_pin=st.booleans())
    def undo_last(self, with_pin: bool) -> None:
        self.tick()
        before = self.entry_count()
        try:
            corrections.undo_last(self.till, self.cashier, manager_pin=MANAGER_PIN if with_pin else "")
        except LoyaltyError:  # nothing to undo, the window passed without a PIN, or already reversed
            assert self.entry_count() == before

    @rule(customer_id=customer, blocked=st.booleans())
    def block(self, customer_id: str, blocked: bool) -> None:
        self.tick()
        customers.set_blocked(self.till, customer_id, blocked, manager=self.manager, reason="prop")

    @rule(minutes=st.integers(1, 60 * 24 * 20))
    def time_passes(self, minutes: int) -> None:
        self.tick(minutes)

    @rule()
    def a_year_without_visits_then_expiry(self) -> None:
        self.tick(60 * 24 * 370)
        lifecycle.run_expiry(self.till, batch=3)
        assert lifecycle.run_expiry(self.till) == 0  # running again finds nothing

    @rule()
    def tier_review(self) -> None:
        lifecycle.run_tier_review(self.till)

    # -- what must always hold ------------------------------------------------------------------

    @invariant()
    def cached_balances_equal_a_rebuild_from_the_ledger(self) -> None:
        with self.till.transaction() as s:
            assert balances.mismatches(s) == []
            n_customers = s.scalar(select(func.count()).select_from(Customer))
            assert s.scalar(select(func.count()).select_from(BalanceRow)) == n_customers

    @invariant()
    def the_chain_has_no_gaps_and_every_hash_links(self) -> None:
        with self.till.transaction() as s:
            n = int(s.scalar(select(func.count()).select_from(LedgerEntryRow)) or 0)
            assert balances.verify_terminal_chain(s, self.till.terminal_id) == n

    @invariant()
    def every_entry_is_in_the_outbox_exactly_once(self) -> None:
        with self.till.transaction() as s:
            entries = sorted(s.scalars(select(LedgerEntryRow.id)))
            queued = sorted(s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == "entry")))
            assert queued == entries


TillMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_ledger_promises_hold_after_any_sequence_of_actions = TillMachine.TestCase
