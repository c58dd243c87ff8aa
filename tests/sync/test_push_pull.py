"""Tills of a chain share one ledger through the server: what one records, the others see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synctools import (
    ServerProcess,
    Shop,
    server_balances,
    server_entries,
    till_balances,
    till_entries,
)

from app.core.earning import Bill
from app.core.ledger import verify_chain
from app.core.program import worked_example_program
from app.db.models import OutboxItem
from app.services import awards, balances, catalog, corrections, customers, redemption
from app.services.syncstatus import pending_count
from sync.protocol import RewardRecord
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import EntryRow
from sync.worker.client import SyncClient
from sync.worker.outbox import next_batch
from sync.worker.worker import SyncWorker


def worker(shop: Shop, srv: ServerProcess, **kw: object) -> SyncWorker:
    return SyncWorker(shop.till, srv.url, shop.token, **kw)  # type: ignore[arg-type]


def test_a_member_enrolled_at_one_store_is_found_and_served_at_another(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    q1, q3 = server.new_store("Quận 1"), server.new_store("Quận 3")
    a, b = shops(server, q1), shops(server, q3)
    member = customers.enroll(a.till, name="Nguyễn Thị Ánh", phone="0912 345 678", staff=a.cashier)
    awards.award(a.till, member.customer_id, Bill(paid=125_000), staff=a.cashier)
    worker(a, server).run_once()
    report = worker(b, server).run_once()
    assert report.pulled_customers >= 1 and report.pulled_entries >= 2  # (and what other tests left)

    found = customers.find(b.till, "0912345678")
    assert [m.name for m in found.matches] == ["Nguyễn Thị Ánh"]
    assert customers.find(b.till, member.payload).identified  # the card scans here: one chain card key
    view = customers.view(b.till, member.customer_id)
    assert (view.balance.points, view.balance.stamps) == (12, 3)  # the worked example, earned at Quận 1

    awards.award(b.till, member.customer_id, Bill(paid=50_000), staff=b.cashier)
    worker(b, server).run_once()
    worker(a, server).run_once()
    assert customers.view(a.till, member.customer_id).balance.points == 17
    assert till_balances(a.till)[member.customer_id] == till_balances(b.till)[member.customer_id]
    assert server_balances(server)[member.customer_id] == till_balances(a.till)[member.customer_id]


def test_push_sends_members_first_then_entries_in_sequence_and_marks_only_acknowledged_items(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    staff_waiting = pending_count(shop.till)  # the staff (resealed at pairing) and their audit lines
    ids = [customers.enroll(shop.till, name=f"Khách {i}", phone=f"0913 00{i:04d}", staff=shop.cashier).customer_id
           for i in range(7)]  # fmt: skip
    for cid in ids:
        awards.award(shop.till, cid, Bill(paid=40_000), staff=shop.cashier)
    batch = next_batch(shop.till, 5)
    assert [c.id for c in batch.customers] == ids[:5] and batch.entries == []
    batch = next_batch(shop.till, 10)
    assert len(batch.customers) == 7 and [e.terminal_seq for e in batch.entries] == [1, 2, 3]

    w = worker(shop, server, batch_size=4)
    assert pending_count(shop.till) == 7 + 14 + 7 + staff_waiting  # members, entries, the enrolments' audit lines
    report = w.run_once()
    assert (report.pushed_customers, report.pushed_entries) == (7, 14)
    assert pending_count(shop.till) == 0
    held = server_entries(server)
    mine = till_entries(shop.till, own_only=True)
    assert {i: held[i] for i in mine} == mine
    verify_chain(sorted(mine.values(), key=lambda e: e.terminal_seq))


def test_a_repeated_batch_is_acknowledged_again_and_stored_once(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(server)
    member = customers.enroll(shop.till, name="Trần Văn Bình", phone="0914 111 222", staff=shop.cashier)
    awards.award(shop.till, member.customer_id, Bill(paid=90_000), staff=shop.cashier)
    request = next_batch(shop.till, 100).request()
    with SyncClient(server.url, shop.token) as client:
        first = client.push(request)
        again = client.push(request)  # the answer to the first was "lost": the till sends it again
    assert first.acked_entries == again.acked_entries and len(again.acked_entries) == 2
    assert again.head_seq == first.head_seq == 2
    with Session(server.engine) as s:
        count = s.scalar(
            select(func.count()).select_from(EntryRow).where(EntryRow.terminal_id == shop.till.terminal_id)
        )
    assert count == 2
    assert server_balances(server)[member.customer_id].points == 9


def test_a_new_till_bootstraps_a_long_chain_in_pages(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    old = shops(server, store)
    members = [customers.enroll(old.till, name=f"Khách {i}", phone=f"0915 00{i:04d}", staff=old.cashier).customer_id
               for i in range(25)]  # fmt: skip
    for i in range(60):
        awards.award(old.till, members[i % 25], Bill(paid=30_000 + 1_000 * i), staff=old.cashier)
    worker(old, server).run_once()

    new = shops(server, store)
    report = worker(new, server, pull_limit=7).run_once()
    assert report.pages >= (25 + 85) // 7
    assert till_entries(new.till) == till_entries(old.till)
    assert till_balances(new.till) == till_balances(old.till)
    with new.till.transaction() as s:
        assert balances.mismatches(s) == []
        assert balances.verify_terminal_chain(s, old.till.terminal_id) == 85
    # Nothing more to pull: a second cycle reads one empty page.
    assert worker(new, server, pull_limit=7).run_once().pages == 1


def test_pulled_rows_are_stored_exactly_as_the_till_stores_its_own(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    """Same text in SQLite for the same time: the till's queries compare stored times as text."""
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    a.till.clock = lambda: datetime(2026, 3, 12, 8, 30, 0, tzinfo=UTC)  # a whole second: no microseconds
    member = customers.enroll(a.till, name="Dương Văn Phúc", phone="0919 555 666", staff=a.cashier)
    worker(a, server).run_once()
    worker(b, server).run_once()

    def stored(shop: Shop) -> tuple[object, ...]:
        with shop.till.engine.connect() as conn:
            entry = conn.exec_driver_sql(
                "SELECT created_at, kind, points, stamps FROM ledger_entry WHERE id = ?", (member.welcome.id,)
            ).one()
            person = conn.exec_driver_sql(
                "SELECT enrolled_at, updated_at, marketing_consent, name_key FROM customer WHERE id = ?",
                (member.customer_id,),
            ).one()
            return (*entry, *person)

    assert stored(b) == stored(a)
    assert stored(b)[0] == "2026-03-12 08:30:00.000000"


def test_corrections_of_another_tills_entries_sync_back(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    member = customers.enroll(a.till, name="Lê Thị Cúc", phone="0916 222 333", staff=a.cashier)
    sale = awards.award(a.till, member.customer_id, Bill(paid=200_000), staff=a.cashier)
    worker(a, server).run_once()
    worker(b, server).run_once()
    corrections.reverse(b.till, sale.earn.id, manager=b.owner, reason="khách trả hàng")  # a void at the other till
    worker(b, server).run_once()
    worker(a, server).run_once()
    view = customers.view(a.till, member.customer_id)
    assert (view.balance.points, view.balance.visits) == (0, 0)
    assert server_balances(server)[member.customer_id] == till_balances(a.till)[member.customer_id]
    with a.till.transaction() as s:
        assert balances.mismatches(s) == []


def test_program_and_rewards_published_on_the_server_reach_the_tills(
    own_server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    shop = shops(own_server)
    program = replace(worked_example_program(), name="Chuỗi", points_per_step=2)
    with write_session(own_server.engine) as s:
        version = admin.publish_program(s, program)
        admin.save_reward(
            s, RewardRecord(id="free-coffee", name="Cà phê miễn phí", kind="free_item", cost_points=20, item_sku="CF")
        )
    worker(shop, own_server).run_once()
    assert shop.till.program().version == version and shop.till.program().points_per_step == 2
    assert [r.name for r in catalog.rewards(shop.till)] == ["Cà phê miễn phí"]
    member = customers.enroll(shop.till, name="Phạm Minh Đức", phone="0917 333 444", staff=shop.cashier)
    awards.award(shop.till, member.customer_id, Bill(paid=100_000), staff=shop.cashier)  # 2 pt / 10.000 ₫
    scan = customers.find(shop.till, member.payload)
    spent = redemption.redeem(
        shop.till, member.customer_id, "free-coffee", staff=shop.cashier, identified=scan.identified
    )
    assert (spent.entry.points, spent.entry.reward_id) == (-20, "free-coffee")
    worker(shop, own_server).run_once()
    assert server_balances(own_server)[member.customer_id].points == 0


def test_acknowledged_outbox_rows_keep_their_ack_time(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    shop = shops(server)
    customers.enroll(shop.till, name="Hoàng Thu Hà", phone="0918 444 555", staff=shop.cashier)
    worker(shop, server).run_once()
    with shop.till.transaction() as s:
        rows = list(s.scalars(select(OutboxItem)))
    assert rows and all(r.acked_at is not None for r in rows)
