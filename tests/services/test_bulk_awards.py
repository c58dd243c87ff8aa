"""Bulk awards (the POS bridge's chunks) give exactly what awarding one by one gives.

Two copies of one till database: one awards a random batch one sale at a time through
``awards.award`` (each in its own transaction), the other through ``awards.award_many`` in one
transaction. The ledgers (every field but the random ids and the hashes that cover them), the
balances, the flags and each sale's outcome must be the same. The program switches on every
rule a batch can trip over: tiers on the rolling figure, the daily cap, referral and birthday
bonuses, the minimum time between earns; the members include a referred one, birthdays this
week, and a blocked card; receipts repeat.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.errors import LoyaltyError
from app.core.lifecycle import Birthday
from app.core.program import Tier, worked_example_program
from app.db.models import BalanceRow, Flag, LedgerEntryRow, OutboxItem
from app.services import awards, customers
from app.services.staff import add_staff
from app.services.till import Till

NOW = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)  # a Wednesday, 11:00 in the shop


def program(min_minutes: int):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        worked_example_program(),
        tiers=(Tier("Member", 0), Tier("Silver", 20, Fraction(5, 4)), Tier("Gold", 60, Fraction(3, 2))),
        daily_earn_cap_points=45,
        referral_new_points=5,
        referral_referrer_points=7,
        birthday_points=9,
        min_minutes_between_earns=min_minutes,
    )


@pytest.fixture(scope="module")
def base_homes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, list[str]]]:
    """A till with members, once per program variant; each example copies it twice."""
    out = {}
    for minutes in (0, 10):
        home = tmp_path_factory.mktemp(f"base{minutes}")
        till = open_till(home, program=program(minutes))
        till.clock = lambda: datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
        ids = []
        lan = customers.enroll(till, name="Lan", phone="0912 000 001", staff=None, birthday=Birthday(25, 11))
        ids.append(lan.customer_id)
        code = customers.view(till, lan.customer_id).referral_code
        ids.append(
            customers.enroll(till, name="Hùng", phone="0912 000 002", staff=None, referral_code=code).customer_id
        )
        ids.append(customers.enroll(till, name="Mai", phone="0912 000 003", staff=None).customer_id)
        ids.append(
            customers.enroll(till, name="Tú", phone="0912 000 004", staff=None, birthday=Birthday(1, 1)).customer_id
        )
        blocked = customers.enroll(till, name="Bảo", phone="0912 000 005", staff=None).customer_id
        manager = add_staff(till, name="Quản lý", role="manager", pin="97531864")
        customers.set_blocked(till, blocked, True, manager=manager, reason="thẻ bị mất")
        ids.append(blocked)
        ids.append("no-such-customer")
        till.engine.dispose()
        out[minutes] = (home, ids)
    return out


def copy_till(base: Path, to: Path) -> Till:
    shutil.copytree(base, to)
    till = open_till(to)
    till.clock = lambda: NOW
    return till


def snapshot(till: Till) -> tuple[list, list, list, int]:
    skip = {"id", "hash", "prev_hash", "reverses"}
    cols = [c for c in LedgerEntryRow.__table__.columns.keys() if c not in skip]  # noqa: SIM118
    with till.transaction() as s:
        entries = [
            tuple(getattr(r, c) for c in cols)
            for r in s.scalars(select(LedgerEntryRow).order_by(LedgerEntryRow.terminal_seq))
        ]
        bal_cols = list(BalanceRow.__table__.columns.keys())
        balances = [
            tuple(getattr(r, c) for c in bal_cols)
            for r in s.scalars(select(BalanceRow).order_by(BalanceRow.customer_id))
        ]
        flags = sorted((f.kind, f.customer_id, f.message) for f in s.scalars(select(Flag)))
        outbox = len(s.scalars(select(OutboxItem)).all())
    return entries, balances, flags, outbox


def outcome(result: awards.AwardResult | LoyaltyError) -> tuple:
    if isinstance(result, LoyaltyError):
        return (type(result).__name__, result.message)
    return (result.points, result.stamps, [e.kind.value for e in result.extras], result.flags, result.new_tier)


sales = st.lists(
    st.tuples(
        st.integers(0, 5),  # which member (4: blocked, 5: not a member)
        st.integers(1, 60).map(lambda k: k * 5_000),  # the bill
        st.one_of(st.none(), st.integers(1, 8).map(lambda n: f"HD{n}")),  # receipt numbers repeat
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=sales, minutes=st.sampled_from([0, 10]))
def test_bulk_awards_equal_one_by_one(base_homes, tmp_path_factory: pytest.TempPathFactory, batch, minutes) -> None:
    base, ids = base_homes[minutes]
    work = tmp_path_factory.mktemp("pair")
    one, many = copy_till(base, work / "one"), copy_till(base, work / "many")
    requests = [
        awards.AwardRequest(ids[who], Bill(paid=amount), awards.ReceiptRef("pos", number) if number else None)
        for who, amount, number in batch
    ]

    singles = []
    for req in requests:
        try:
            singles.append(awards.award(one, req.customer_id, req.bill, staff=None, receipt=req.receipt))
        except LoyaltyError as err:
            singles.append(err)
    with many.transaction() as s:
        bulk = awards.award_many(many, s, requests)

    assert [outcome(r) for r in bulk] == [outcome(r) for r in singles]
    assert snapshot(many) == snapshot(one)
    one.engine.dispose()
    many.engine.dispose()
