"""Seasonal rewards: offered only between their first and last day, on the shop's calendar."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import InvalidInput, NotAllowed
from app.core.rewards import Reward, RewardKind
from app.services import catalog, corrections, customers, redemption


def test_a_reward_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInput, match="ends before it starts"):
        Reward(
            id="x",
            name="Tết",
            kind=RewardKind.FREE_ITEM,
            cost_points=10,
            starts_on=date(2027, 2, 1),
            ends_on=date(2027, 1, 1),
        )
    tet = Reward(id="x", name="Tết", kind=RewardKind.FREE_ITEM, cost_points=10, starts_on=date(2027, 1, 20))
    assert (
        not tet.offered_on(date(2027, 1, 19)) and tet.offered_on(date(2027, 1, 20)) and tet.offered_on(date(2030, 1, 1))
    )


def test_a_seasonal_reward_is_offered_and_redeemed_only_in_its_days(till, clock, owner, manager, cashier) -> None:
    tet = catalog.save_reward(
        till,
        Reward(
            id="",
            name="Bánh chưng Tết",
            kind=RewardKind.FREE_ITEM,
            cost_points=10,
            starts_on=date(2026, 11, 25),
            ends_on=date(2026, 11, 30),
        ),
        by=owner,
    )
    member = customers.enroll(till, name="Nguyễn Thị Ánh", phone="0912 345 678", staff=cashier)
    corrections.adjust(till, member.customer_id, points=50, stamps=0, reason="thẻ giấy cũ", manager=manager)

    clock.set_local(2026, 11, 24, 23, 30)  # the evening before, in the shop: not yet
    assert tet.id not in {o.reward.id for o in customers.view(till, member.customer_id).rewards}
    with pytest.raises(NotAllowed, match="no longer offered"):
        redemption.redeem(till, member.customer_id, tet.id, staff=cashier, identified=True)

    clock.set_local(2026, 11, 25, 0, 30)  # just after midnight in the shop (still the 24th in UTC)
    assert tet.id in {o.reward.id for o in customers.view(till, member.customer_id).rewards}
    redemption.redeem(till, member.customer_id, tet.id, staff=cashier, identified=True)

    clock.set_local(2026, 12, 1, 9)
    assert tet.id not in {o.reward.id for o in customers.view(till, member.customer_id).rewards}
    assert catalog.rewards(till)[0].ends_on == date(2026, 11, 30)  # stored and read back
