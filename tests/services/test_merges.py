"""Merging members: who is merged into whom follows from the facts alone, and balances fold through it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.core.earning import Bill
from app.core.errors import InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.merges import MergeFact, MergeKind, effective_parents, root_of
from app.core.rewards import Period, Reward, RewardKind
from app.db.models import AuditLog, Flag, OutboxItem
from app.services import awards, catalog, customers, merges, redemption
from app.services.staff import StaffMember
from app.services.till import Till

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def fact(fid: str, survivor: str, duplicate: str, minutes: int, kind: str = "merge", undoes: str | None = None):  # type: ignore[no-untyped-def]
    return MergeFact(fid, MergeKind(kind), survivor, duplicate, T0 + timedelta(minutes=minutes), "t", "s",
                     undoes=undoes)  # fmt: skip


def test_the_merged_state_depends_on_the_facts_not_their_order() -> None:
    facts = [fact("m1", "a", "b", 1), fact("m2", "c", "b", 2), fact("m3", "a", "d", 3), fact("u3", "a", "d", 4,
             "unmerge", "m3")]  # fmt: skip
    for order in (facts, facts[::-1], facts[1:] + facts[:1]):
        assert effective_parents(order) == {"b": "c"}  # the later merge of b wins; d's merge is undone
    # Two offline tills merge a into b and b into a: the later merge of the cycle is dropped.
    assert effective_parents([fact("x", "a", "b", 1), fact("y", "b", "a", 2)]) == {"b": "a"}
    chain = effective_parents([fact("p", "b", "c", 1), fact("q", "a", "b", 2)])
    assert root_of("c", chain) == "a" and root_of("a", chain) == "a"


def test_a_merge_folds_both_into_one_and_its_tier_counts_both_cards(
    till: Till,
    enrol: Callable[..., customers.Enrolled],
    cashier: StaffMember,
    manager: StaffMember,
    ledger_is_sound: Callable[[], None],
    set_program: Callable[..., Any],
) -> None:
    set_program()  # the worked example: Gold at 300 qualifying points
    lan = enrol("Nguyễn Thị Lan").customer_id
    lan_again = enrol("Nguyen Thi Lan").customer_id
    awards.award(till, lan, Bill(paid=2_000_000), staff=cashier)  # 200 points
    awards.award(till, lan_again, Bill(paid=900_000), staff=cashier)  # 90 points on the other card
    with till.transaction() as s:
        s.add(Flag(id="f1", kind="duplicate_member", customer_id=lan_again,
                   message=f"Members {lan} and {lan_again} share the phone +84912000001: merge them."))  # fmt: skip

    with pytest.raises(PermissionDenied):
        merges.merge(till, lan, lan_again, manager=cashier, reason="x")
    with pytest.raises(InvalidInput, match="two different members"):
        merges.merge(till, lan, lan, manager=manager, reason="x")
    with pytest.raises(InvalidInput, match="Say why"):
        merges.merge(till, lan, lan_again, manager=manager, reason="  ")
    merged = merges.merge(till, lan, lan_again, manager=manager, reason="một người, hai thẻ")
    assert customers.view(till, lan).balance.points == 290 and customers.view(till, lan_again).balance.points == 0
    ledger_is_sound()

    result = awards.award(till, lan, Bill(paid=150_000), staff=cashier)  # 200 + 90 + 15 ≥ 300: Gold
    assert customers.view(till, lan).tier == "Gold" and any(e.kind.value == "tier" for e in result.extras)
    with till.transaction() as s:
        assert s.get(Flag, "f1").resolved_at is not None  # type: ignore[union-attr]
        queued = s.scalars(select(OutboxItem.item_id).where(OutboxItem.item_type == "merge")).all()
        assert queued == [merged.id]
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "customer.merge")).one()
        assert audit.staff_id == manager.id and "một người" in audit.after

    merges.unmerge(till, lan_again, manager=manager, reason="hai người khác nhau")
    assert customers.view(till, lan_again).balance.points == 90
    ledger_is_sound()
    with pytest.raises(NotFound):
        merges.unmerge(till, lan_again, manager=manager, reason="again")


def test_a_reward_limit_counts_the_merged_in_cards(
    till: Till, enrol: Callable[..., customers.Enrolled], cashier: StaffMember, manager: StaffMember, owner: StaffMember
) -> None:
    cake = catalog.save_reward(
        till,
        Reward(id="", name="Bánh sinh nhật", kind=RewardKind.FREE_ITEM, cost_points=10, limit_count=1,
               limit_period=Period.MONTH),
        by=owner,
    )  # fmt: skip
    hoa, hoa_again = enrol("Lê Thị Hoa").customer_id, enrol("Le Thi Hoa").customer_id
    for cid in (hoa, hoa_again):
        awards.award(till, cid, Bill(paid=300_000), staff=cashier)
    redemption.redeem(till, hoa_again, cake.id, staff=cashier, identified=True)
    merges.merge(till, hoa, hoa_again, manager=manager, reason="một người")
    with pytest.raises(NotAllowed, match="reached the limit"):
        redemption.redeem(till, hoa, cake.id, staff=cashier, identified=True)
