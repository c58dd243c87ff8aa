"""Merging two members is a synced fact: every till and the server agree, even about what a till did offline.

The story: one woman enrolled twice, at two tills of a store that were offline
together. A manager at till A merges the second card into the first. Till B has
not heard of it yet and serves her second card once more. After sync, A, B and
the server hold one member with the folded balance and both histories; the
sale B made on the old card lands on the survivor. The manager then undoes the
merge at B, and everyone agrees again on two members.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, server_balances, server_entries, till_balances, till_entries

from app.core.earning import Bill
from app.core.errors import BadCardCode
from app.core.ledger import Balance, fold
from app.db.models import Customer
from app.services import awards, balances, customer_list, customers, merges, profiles
from sync.server.models import CustomerRow
from sync.worker.worker import SyncWorker


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def server_customer(server: ServerProcess, customer_id: str) -> tuple[str, str | None]:
    with Session(server.engine) as s:
        row = s.get(CustomerRow, customer_id)
        assert row is not None
        return row.status, row.merged_into


def till_customer(shop: Shop, customer_id: str) -> tuple[str, str | None]:
    with shop.till.transaction() as s:
        row = s.get(Customer, customer_id)
        assert row is not None
        return row.status, row.merged_into


def test_a_merge_at_one_till_is_agreed_by_every_till_and_the_server_and_can_be_undone(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    first = customers.enroll(a.till, name="Nguyễn Thị Ánh", phone="0931 000 111", staff=a.cashier)
    second = customers.enroll(b.till, name="Nguyen Thi Anh", phone="0931 000 222", staff=b.cashier)
    # What a sale earns depends on the program (time windows too): the test counts what each one earned.
    p1 = awards.award(a.till, first.customer_id, Bill(paid=120_000), staff=a.cashier).earn.points
    p2 = awards.award(b.till, second.customer_id, Bill(paid=50_000), staff=b.cashier).earn.points
    assert p1 > 0 and p2 > 0
    sync(a, b, a, server=server)
    alone = {cid: till_balances(a.till)[cid] for cid in (first.customer_id, second.customer_id)}
    assert alone[first.customer_id].points == p1 and alone[second.customer_id].points == p2

    fact = merges.merge(a.till, first.customer_id, second.customer_id, manager=a.owner, reason="same person")
    # Till A at once: one member, the folded balance, the old card finds the survivor.
    merged_a = till_balances(a.till)
    assert merged_a[first.customer_id].points == p1 + p2 and merged_a[first.customer_id].visits == 2
    assert merged_a[second.customer_id] == Balance()
    assert customers.find(a.till, second.card_number).matches[0].customer_id == first.customer_id
    # The shared server's chain may hold other Anhs: of these two cards, only the survivor is listed.
    found = [r.id for r in customer_list.customer_page(a.till, "anh")]
    assert first.customer_id in found and second.customer_id not in found

    # Till B has not heard: it serves the old card offline, and that sale is a fact like any other.
    late = awards.award(b.till, second.customer_id, Bill(paid=30_000), staff=b.cashier)
    p3 = late.earn.points
    assert p3 > 0 and till_balances(b.till)[second.customer_id].points == p2 + p3

    sync(a, server=server)
    sync(b, server=server)
    sync(a, server=server)

    group = {first.customer_id, second.customer_id}
    everything = [e for e in server_entries(server).values() if e.customer_id in group]
    folded = fold(everything)
    assert folded.points == p1 + p2 + p3 and folded.visits == 3 and late.earn.id in {e.id for e in everything}
    for shop in (a, b):
        held = till_balances(shop.till)
        assert held[first.customer_id] == folded
        assert held[second.customer_id] == Balance()
        assert {e.id for e in till_entries(shop.till).values() if e.customer_id in group} == {
            e.id for e in everything
        }  # both histories, nothing rewritten
        assert till_customer(shop, second.customer_id) == ("merged", first.customer_id)
        with shop.till.transaction() as s:
            assert balances.mismatches(s) == []
    assert server_balances(server)[first.customer_id] == folded
    assert server_balances(server)[second.customer_id] == Balance()
    assert server_customer(server, second.customer_id) == ("merged", first.customer_id)

    # Undo at B: each member has its own entries' balance again, everywhere.
    merges.unmerge(b.till, second.customer_id, manager=b.owner, reason="two sisters, not one person")
    sync(b, server=server)
    sync(a, server=server)
    own = {
        cid: fold(e for e in server_entries(server).values() if e.customer_id == cid)
        for cid in (first.customer_id, second.customer_id)
    }
    assert own[first.customer_id].points == p1 and own[second.customer_id].points == p2 + p3
    for shop in (a, b):
        held = till_balances(shop.till)
        assert {cid: held[cid] for cid in own} == own
        assert till_customer(shop, second.customer_id) == ("active", None)
    assert {cid: server_balances(server)[cid] for cid in own} == own
    assert server_customer(server, second.customer_id) == ("active", None)
    with a.till.transaction() as s:  # both facts are kept: the merge and its undo
        ours = [m for m in merges.facts_in(s) if m.duplicate_id == second.customer_id]  # the shared chain holds others
        assert sorted(m.kind for m in ours) == ["merge", "unmerge"] and fact.id in {m.id for m in ours}
        assert s.scalars(select(Customer.status).where(Customer.id == second.customer_id)).one() == "active"


def test_a_card_replaced_at_one_till_is_refused_at_the_other_with_a_sentence(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    member = customers.enroll(a.till, name="Hồ Thị Mai", phone="0931 000 333", staff=a.cashier)
    sync(a, b, server=server)
    new = profiles.replace_card(a.till, member.customer_id, manager=a.owner, reason="mất thẻ")
    sync(a, b, server=server)
    with pytest.raises(BadCardCode, match="was replaced by a new card"):
        customers.find(b.till, member.payload)  # the old card's QR, scanned at the other till
    assert customers.find(b.till, new.payload).matches[0].customer_id == member.customer_id
