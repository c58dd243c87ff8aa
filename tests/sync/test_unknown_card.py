"""A genuine card a till does not hold earns offline, and lands on the real member after sync.

The story (issue 12): a member enrols at till A of store 1 while A is offline; five
minutes later she buys at till B of store 2, also offline. B has never heard of her,
but her card's QR is signed with the chain's key, so B verifies it alone and writes
the earn on a provisional customer for that card number. Whichever till pushes first
— so whether the server holds her enrolment yet or not — after sync the server and
both tills show one member holding both sales, the right balance, and nothing twice.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, server_balances, server_entries, till_balances, till_entries

from app.core import cardcode
from app.core.earning import Bill
from app.core.errors import BadCardCode, NotAllowed
from app.core.ledger import Balance, fold
from app.core.unknown_cards import placeholder_id
from app.db.models import Customer, Flag
from app.services import awards, customers, redemption, unknown_cards
from sync.server.models import CustomerMergeRow, CustomerRow
from sync.worker import member_fetch
from sync.worker.worker import SyncWorker


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def a_phone() -> str:
    """A phone no other test's member has (the server is shared by the module's tests)."""
    return "093" + "".join(secrets.choice("0123456789") for _ in range(7))


def forged(payload: str) -> str:
    """The same card number with another MAC: what someone printing a guessed number would make."""
    body, mac = payload.rsplit(".", 1)
    return f"{body}.{'A' if mac[0] != 'A' else 'B'}{mac[1:]}"


@pytest.mark.parametrize("first", ["enrolling till", "serving till"])
def test_an_unknown_genuine_card_earns_offline_and_lands_on_the_member_whoever_pushes_first(
    server: ServerProcess, shops: Callable[..., Shop], first: str
) -> None:
    a, b = shops(server, server.new_store()), shops(server, server.new_store())
    sync(a, b, server=server)  # both know the chain; from here on, both are offline

    her = customers.enroll(a.till, name="Trần Thị Mai", phone=a_phone(), staff=a.cashier)
    at_a = awards.award(a.till, her.customer_id, Bill(paid=80_000), staff=a.cashier)

    # Till B, offline, has never heard of her: the scan is verified and finds a provisional holder.
    found = customers.find(b.till, her.payload)
    pid = placeholder_id(her.card_number)
    assert found.identified and [m.customer_id for m in found.matches] == [pid]
    assert customers.find(b.till, her.payload).matches[0].customer_id == pid  # a second scan: the same one
    at_b = awards.award(b.till, pid, Bill(paid=50_000), staff=b.cashier)
    assert at_b.points > 0 and till_balances(b.till)[pid].points == at_b.points

    # Spending is refused with a sentence: B knows no balance of hers.
    with pytest.raises(NotAllowed) as refused:
        redemption.redeem(b.till, pid, "any-reward", staff=b.cashier, identified=True, points_to_spend=1)
    assert refused.value.message == unknown_cards.MSG_NO_SPEND
    # Her profile is not B's to edit: it arrives by sync.
    with b.till.transaction() as s:
        row = s.get(Customer, pid)
        assert row is not None and not customers.may_edit_profile(s, b.till, row)

    # A forged QR for her number is refused exactly as before, and makes nothing.
    with b.till.transaction() as s:
        held = s.scalar(select(func.count()).select_from(Customer))
    with pytest.raises(BadCardCode) as bad:
        customers.find(b.till, forged(her.payload))
    assert bad.value.message == cardcode.MSG_FORGED
    with b.till.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == held

    order = (a, b) if first == "enrolling till" else (b, a)
    sync(order[0], server=server)
    if first == "serving till":
        # The server has no member with that card yet: the entry waits on the placeholder, counted once.
        assert server_balances(server)[pid].points == at_b.points
        assert her.customer_id not in server_balances(server)
    sync(order[1], server=server)
    sync(*order, server=server)  # both pull what the other pushed, and the fold

    mine = {her.customer_id, pid}
    entries = [e for e in server_entries(server).values() if e.customer_id in mine]
    assert {at_a.earn.id, at_b.earn.id} <= {e.id for e in entries}
    expected = fold(entries)
    assert expected.points == her.welcome.points + at_a.points + at_b.points
    assert server_balances(server)[her.customer_id] == expected
    assert server_balances(server)[pid] == Balance()
    with Session(server.engine) as s:
        row = s.get(CustomerRow, pid)
        assert row is not None and (row.status, row.merged_into) == ("merged", her.customer_id)
        links = s.scalars(select(CustomerMergeRow).where(CustomerMergeRow.duplicate_id == pid)).all()
        assert len(links) == 1  # whatever order, one fold

    for shop in (a, b):
        assert till_balances(shop.till)[her.customer_id] == expected, shop.home.name
        assert till_balances(shop.till).get(pid, Balance()) == Balance()
        held = {e.id for e in till_entries(shop.till).values() if e.customer_id in mine}
        assert held == {e.id for e in entries}
        # The card now finds her, by scan and by number: one member, not two.
        assert [m.customer_id for m in customers.find(shop.till, her.payload).matches] == [her.customer_id]
        assert [m.customer_id for m in customers.find(shop.till, her.card_number).matches] == [her.customer_id]
        with shop.till.transaction() as s:
            assert not s.scalars(select(Flag).where(Flag.kind == "duplicate_member")).all()


def test_two_tills_serving_the_same_unknown_card_share_one_placeholder_and_raise_no_proposal(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    a, b, c = (shops(server, server.new_store()) for _ in range(3))
    sync(a, b, c, server=server)
    her = customers.enroll(a.till, name="Lê Văn Nam", phone=a_phone(), staff=a.cashier)
    pid = customers.find(b.till, her.payload).matches[0].customer_id
    assert customers.find(c.till, her.payload).matches[0].customer_id == pid
    on_b = awards.award(b.till, pid, Bill(paid=40_000), staff=b.cashier)
    on_c = awards.award(c.till, pid, Bill(paid=60_000), staff=c.cashier)
    sync(b, c, a, b, c, a, server=server)
    total = her.welcome.points + on_b.points + on_c.points
    assert server_balances(server)[her.customer_id].points == total
    for shop in (a, b, c):
        assert till_balances(shop.till)[her.customer_id].points == total
    with Session(server.engine) as s:
        from sync.server.models import ProfileProposal

        assert not s.scalars(select(ProfileProposal).where(ProfileProposal.customer_id == pid)).all()


def test_online_a_member_not_held_is_fetched_in_one_round_trip_kept_and_never_counted_twice(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    a, b = shops(server, server.new_store()), shops(server, server.new_store())
    sync(a, b, server=server)
    her = customers.enroll(a.till, name="Phạm Thu Hà", phone=a_phone(), staff=a.cashier)
    awards.award(a.till, her.customer_id, Bill(paid=90_000), staff=a.cashier)
    him = customers.enroll(a.till, name="Đỗ Minh", phone=a_phone(), staff=a.cashier)
    sync(a, server=server)  # B has not pulled since: neither is held there
    assert not customers.find(b.till, her.card_number).matches

    assert member_fetch.fetch(b.till, b.home, card=her.card_number)
    assert [m.customer_id for m in customers.find(b.till, her.payload).matches] == [her.customer_id]
    assert till_balances(b.till)[her.customer_id] == server_balances(server)[her.customer_id]
    typed = _vn(_phone_of(server, him.customer_id))  # his phone as the cashier types it
    assert not customers.find(b.till, typed).matches
    assert member_fetch.fetch(b.till, b.home, phone=typed)
    assert [m.customer_id for m in customers.find(b.till, typed).matches] == [him.customer_id]
    assert not member_fetch.fetch(b.till, b.home, card=cardcode.make_card_number(7_777_777))

    more = awards.award(b.till, her.customer_id, Bill(paid=30_000), staff=b.cashier)
    sync(b, a, b, server=server)  # B's pull brings her entries again: recognised by id
    entries = [e for e in server_entries(server).values() if e.customer_id == her.customer_id]
    expected = fold(entries)
    assert server_balances(server)[her.customer_id] == expected
    assert more.earn.id in {e.id for e in entries}
    for shop in (a, b):
        assert till_balances(shop.till)[her.customer_id] == expected


def _phone_of(server: ServerProcess, customer_id: str) -> str:
    with Session(server.engine) as s:
        row = s.get(CustomerRow, customer_id)
        assert row is not None and row.phone
        return row.phone


def _vn(e164: str) -> str:
    """+8493… as a cashier types it: 093…"""
    return "0" + e164.removeprefix("+84")
