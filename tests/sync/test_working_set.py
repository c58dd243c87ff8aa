"""A till holds its working set, not the chain (issue 12, item 1), and its balances stay right.

Two stores' tills hold only the members seen at their own store; a member who visits a sibling
store enters its set with an opening balance and her recent history (the server here keeps no
history at all: ``--history-days 0``, so everything older than the till's cursor is summed into
the opening), and every till's balance of her equals the server's, with the cache-equals-rebuild
check (``balances.mismatches``) clean although its copy of her ledger is partial.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from synctools import Databases, ServerProcess, Shop, server_balances, server_entries, till_balances, till_entries

from app.core.earning import Bill
from app.core.errors import InvalidInput
from app.core.ledger import Balance
from app.core.unknown_cards import placeholder_id
from app.db.models import BalanceOpening, Customer, Feedback, MemberLeft, Ticket, Voucher
from app.services import awards, balances, customers, feedback, housekeeping, stats, vouchers, working_set
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import TerminalRow, WorkingSetRow
from sync.worker import snapshot
from sync.worker.pairing import pair_till
from sync.worker.worker import SyncWorker


@pytest.fixture(params=["sqlite", "postgres"])
def server(request: pytest.FixtureRequest, databases: Databases, tmp_path: Path) -> Iterator[ServerProcess]:
    srv = ServerProcess(db_url=databases.new(request.param), log_dir=tmp_path, extra=["--history-days", "0"])
    srv.start()
    yield srv
    srv.stop()


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def scoped(server: ServerProcess, shop: Shop, scope: str = "store") -> Shop:
    with write_session(server.engine) as s:
        admin.set_scope(s, shop.till.terminal_id, scope)
    return shop


def two_store_tills(server: ServerProcess, shops: Callable[..., Shop]) -> tuple[Shop, Shop]:
    """A store-scoped till in each of two new stores (Quận 5, Quận 7), synced once."""
    one, two = server.new_store("Quận 5"), server.new_store("Quận 7")
    a, b = scoped(server, shops(server, one)), scoped(server, shops(server, two))
    sync(a, b, server=server)
    return a, b


def a_phone() -> str:
    return "093" + "".join(secrets.choice("0123456789") for _ in range(7))


def held_members(shop: Shop) -> set[str]:
    with shop.till.transaction() as s:
        return set(s.scalars(select(Customer.id)))


def test_a_store_till_holds_its_set_and_a_member_entering_it_arrives_with_an_opening_balance(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    one, two = server.new_store("Quận 1"), server.new_store("Quận 3")
    a1, a2 = scoped(server, shops(server, one)), scoped(server, shops(server, one))
    b = scoped(server, shops(server, two))
    chain = shops(server, server.new_store("Head office"))  # scope "chain": as every till did before
    sync(a1, a2, b, chain, server=server)

    # She enrols at store two and shops there; store one's tills never hear of her.
    her = customers.enroll(b.till, name="Ngô Thị Lan", phone=a_phone(), staff=b.cashier)
    for paid in (120_000, 60_000):
        awards.award(b.till, her.customer_id, Bill(paid=paid), staff=b.cashier)
    him = customers.enroll(a1.till, name="Vũ Văn Hải", phone=a_phone(), staff=a1.cashier)
    sync(b, a1, a2, chain, server=server)
    assert her.customer_id not in held_members(a1) | held_members(a2)
    assert him.customer_id in held_members(a2) and him.customer_id not in held_members(b)
    assert {her.customer_id, him.customer_id} <= held_members(chain)

    # She comes to store one; till a2, offline, does not hold her: her signed card still earns.
    pid = customers.find(a2.till, her.payload).matches[0].customer_id
    assert pid == placeholder_id(her.card_number)
    there = awards.award(a2.till, pid, Bill(paid=90_000), staff=a2.cashier)
    sync(a2, a1, b, a2, chain, server=server)  # a2 pushes; the server folds; everyone pulls

    truth = server_balances(server)[her.customer_id]
    assert truth.points == her.welcome.points + sum(e.points for e in _earns(server, her.customer_id, pid))
    assert there.earn.id in server_entries(server)
    for shop in (a1, a2, b, chain):
        assert till_balances(shop.till)[her.customer_id] == truth, shop.home.name
        with shop.till.transaction() as s:
            assert balances.mismatches(s) == [], shop.home.name
    # a1 holds only part of her ledger (history 0 days): the rest is its opening row.
    mine = {her.customer_id, pid}
    on_server = {i for i, e in server_entries(server).items() if e.customer_id in mine}
    on_a1 = {i for i, e in till_entries(a1.till).items() if e.customer_id in mine}
    assert on_a1 < on_server
    with a1.till.transaction() as s:
        opening = s.get(BalanceOpening, her.customer_id)
        assert opening is not None and opening.points > 0
    # b, where she enrolled, holds her whole ledger and needs no opening.
    assert {i for i, e in till_entries(b.till).items() if e.customer_id in mine} == on_server

    # Online from here: a1 awards her, everyone's balance follows.
    awards.award(a1.till, her.customer_id, Bill(paid=40_000), staff=a1.cashier)
    sync(a1, a2, b, chain, server=server)
    truth = server_balances(server)[her.customer_id]
    for shop in (a1, a2, b, chain):
        assert till_balances(shop.till)[her.customer_id] == truth, shop.home.name

    # Store two's till still does not hold him (never seen there); the chain till holds everyone.
    assert him.customer_id not in held_members(b)
    with Session(server.engine) as s:
        holders = set(s.scalars(select(WorkingSetRow.holder).where(WorkingSetRow.customer_id == her.customer_id)))
    assert holders == {f"store:{one}", f"store:{two}"}


def test_a_new_store_till_bootstraps_by_snapshot_with_its_working_set_only(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    a, b = two_store_tills(server, shops)
    ours = [customers.enroll(a.till, name=f"Khách {i}", phone=a_phone(), staff=a.cashier) for i in range(3)]
    theirs = [customers.enroll(b.till, name=f"Người {i}", phone=a_phone(), staff=b.cashier) for i in range(4)]
    awards.award(a.till, ours[0].customer_id, Bill(paid=70_000), staff=a.cashier)
    # One of store two's members is served at store one, offline, by her card: merged at the server.
    pid = customers.find(a.till, theirs[0].payload).matches[0].customer_id
    awards.award(a.till, pid, Bill(paid=80_000), staff=a.cashier)
    sync(a, b, a, server=server)

    new = scoped(server, shops(server, a.till.store_id))
    assert snapshot.try_bootstrap(new.till, server.url, new.token, new.home)
    sync(new, server=server)
    held = held_members(new)
    assert {m.customer_id for m in ours} | {theirs[0].customer_id, pid} <= held
    assert not held & {m.customer_id for m in theirs[1:]}
    truth = server_balances(server)
    for m in [*ours, theirs[0]]:
        assert till_balances(new.till)[m.customer_id] == truth[m.customer_id]
    assert till_balances(new.till).get(pid, Balance()) == Balance()  # folded into her
    with new.till.transaction() as s:
        assert balances.mismatches(s) == []


def test_a_member_who_left_the_set_is_evicted_in_the_background_but_never_the_tills_own_entries(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    one, two = server.new_store("Quận 10"), server.new_store("Quận 11")
    a, a2 = scoped(server, shops(server, one)), scoped(server, shops(server, one))
    b = scoped(server, shops(server, two))
    sync(a, a2, b, server=server)
    her = customers.enroll(b.till, name="Đặng Thị Yến", phone=a_phone(), staff=b.cashier)
    awards.award(b.till, her.customer_id, Bill(paid=100_000), staff=b.cashier)
    sync(b, server=server)
    # Till a, offline, serves her card (its own entry, on the placeholder); a2 serves her online later.
    pid = customers.find(a.till, her.payload).matches[0].customer_id
    own = awards.award(a.till, pid, Bill(paid=50_000), staff=a.cashier).earn.id
    sync(a, a2, b, server=server)
    other = awards.award(a2.till, her.customer_id, Bill(paid=30_000), staff=a2.cashier).earn.id
    sync(a2, a, server=server)
    assert other in till_entries(a.till) and own in till_entries(a.till)

    # A year without her at store one: the server says she left; a marks her, then evicts her.
    with write_session(server.engine) as s:
        assert admin.expire_working_set(s, days=-1) >= 1
    sync(a, server=server)
    with a.till.transaction() as s:
        assert s.get(MemberLeft, her.customer_id) is not None
    # Not while something of hers waits in the outbox: a sale just now, offline.
    waiting = awards.award(a.till, her.customer_id, Bill(paid=20_000), staff=a.cashier).earn.id
    assert working_set.evict(a.till) == 0
    assert her.customer_id in held_members(a)
    sync(a, server=server)  # pushed; and that sale is a visit here: she is back in the set
    with a.till.transaction() as s:
        assert s.get(MemberLeft, her.customer_id) is None
    with write_session(server.engine) as s:
        assert admin.expire_working_set(s, days=-1) >= 1
    sync(a, server=server)
    report = housekeeping.run_once(a.till, pause=0)
    assert report.members_evicted == 1
    assert her.customer_id not in held_members(a)
    entries = till_entries(a.till)
    assert own in entries and waiting in entries  # this till's own rows stay, always
    assert other not in entries  # the copy of a2's entry went
    with a.till.transaction() as s:
        assert balances.mismatches(s) == []
        assert stats.differences(s) == []
        assert balances.verify_terminal_chain(s, a.till.terminal_id) >= 2
    # The trigger holds even for a marked member: this till's own rows never go.
    with pytest.raises(IntegrityError, match="append-only"), a.till.transaction() as s:
        s.execute(update(MemberLeft).where(MemberLeft.customer_id == pid).values(evicting=True))
        s.execute(text("DELETE FROM ledger_entry WHERE id = :i"), {"i": own})

    # She comes back to store one: she arrives whole again, counting a's own entries as held.
    sync(a2, server=server)
    awards.award(a2.till, her.customer_id, Bill(paid=60_000), staff=a2.cashier)
    sync(a2, a, server=server)
    assert her.customer_id in held_members(a)
    assert till_balances(a.till)[her.customer_id] == server_balances(server)[her.customer_id]
    with a.till.transaction() as s:
        assert balances.mismatches(s) == []


def test_ratings_tickets_and_vouchers_follow_the_set_and_her_vouchers_come_with_her(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    a, b = two_store_tills(server, shops)
    her = customers.enroll(b.till, name="Lý Thị Mai", phone=a_phone(), staff=b.cashier)
    sale = awards.award(b.till, her.customer_id, Bill(paid=80_000), staff=b.cashier).earn.id
    feedback.rate_visit(b.till, her.customer_id, 1, entry_id=sale, comment="Cà phê nguội")  # a complaint ticket
    feedback.rate_visit(b.till, None, 4)  # a guest at store two
    with b.till.transaction() as s:
        code = vouchers.issue_in(s, b.till, value=20_000, issued_for="complaint", customer_id=her.customer_id).code
    guest_here = feedback.rate_visit(a.till, None, 5).id  # a guest at store one
    sync(a, b, server=server)
    sync(a, server=server)

    def held(shop: Shop) -> tuple[set[str], set[str], set[str]]:
        with shop.till.transaction() as s:
            return (
                set(s.scalars(select(Feedback.id))),
                set(s.scalars(select(Ticket.customer_id))),
                set(s.scalars(select(Voucher.code))),
            )

    ratings, tickets, codes = held(a)
    assert ratings == {guest_here}  # store two's ratings, hers and the guest's, stay there
    assert her.customer_id not in tickets and code not in codes

    # She comes to store one: she enters its set and her voucher comes with her, usable here.
    awards.award(a.till, customers.find(a.till, her.payload).matches[0].customer_id, Bill(paid=30_000),
                 staff=a.cashier)  # fmt: skip
    sync(a, server=server)
    sync(a, server=server)
    assert her.customer_id in held_members(a)
    assert code in held(a)[2]
    # Her later rating at store two now reaches store one too (she is in its set).
    later = feedback.rate_visit(b.till, her.customer_id, 5).id
    sync(b, a, server=server)
    assert later in held(a)[0]


def test_a_tills_scope_comes_with_its_pairing_code_and_a_nonsense_scope_is_refused(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    """A manager's plain code pairs a till that holds its store; the back office's holds the chain; a
    till paired again (a lost token) keeps the scope it has been pulling by."""
    store = server.new_store("Quận 3")
    with write_session(server.engine) as s:
        codes = {
            "till": admin.issue_pairing_code(s, store),
            "office": admin.issue_pairing_code(s, store, role="head_office"),
            "region": admin.issue_pairing_code(s, store, scope="region"),
        }
        with pytest.raises(InvalidInput, match="not a scope"):
            admin.issue_pairing_code(s, store, scope="planet")
    paired = {}
    for name, code in codes.items():
        shop = shops()
        pair_till(shop.till, shop.home, server.url, code, terminal_name=name)
        paired[name] = shop
    with Session(server.engine) as s:
        scopes = {name: s.get(TerminalRow, shop.till.terminal_id).scope for name, shop in paired.items()}
    assert scopes == {"till": "store", "office": "chain", "region": "region"}

    with write_session(server.engine) as s:
        again = admin.issue_pairing_code(s, store, scope="chain")
    pair_till(paired["till"].till, paired["till"].home, server.url, again, terminal_name="till")
    with Session(server.engine) as s:
        assert s.get(TerminalRow, paired["till"].till.terminal_id).scope == "store"
    with write_session(server.engine) as s, pytest.raises(InvalidInput, match="not a scope"):
        admin.set_scope(s, paired["till"].till.terminal_id, "planet")

    # The store till holds its store's members only: a member of another store is not sent to it.
    other = shops(server, server.new_store("Quận 10"))
    elsewhere = customers.enroll(other.till, name="Khách Quận 10", phone=a_phone(), staff=other.cashier)
    here = customers.enroll(paired["office"].till, name="Khách Quận 3", phone=a_phone(), staff=None)
    sync(other, paired["office"], paired["till"], server=server)
    assert here.customer_id in held_members(paired["till"])
    assert elsewhere.customer_id not in held_members(paired["till"])
    assert elsewhere.customer_id in held_members(paired["office"])


def _earns(server: ServerProcess, *ids: str) -> list:
    return [e for e in server_entries(server).values() if e.customer_id in ids and e.kind.value == "earn"]
