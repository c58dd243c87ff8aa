"""The complaint loop across the chain: a 1★ at till A, the ticket on the server, resolved with a
voucher at the back office, the voucher used once at till B offline — and never twice unnoticed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, http

from app.core.earning import Bill
from app.core.errors import BadCardCode, NotAllowed
from app.db.models import Feedback, Flag, ImportedFile, OutboxItem, Setting, Ticket, Voucher
from app.services import awards, customers, feedback, flag_texts, health, tickets, vouchers
from app.services.syncstatus import pending_count
from sync.server.models import FeedbackRow, FlagRow, TicketRow, VoucherRow
from sync.worker.outbox import next_batch
from sync.worker.worker import SyncWorker


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def test_a_one_star_rating_becomes_a_ticket_resolved_with_a_voucher_used_once_anywhere(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store("Quận 1")
    a, b, office = shops(server, store, "Quầy A"), shops(server, store, "Quầy B"), shops(server, store, "Văn phòng")
    member = customers.enroll(a.till, name="Nguyễn Thị Ánh", phone="0912 777 888", staff=a.cashier)
    sale = awards.award(a.till, member.customer_id, Bill(paid=125_000), staff=a.cashier)
    rating = feedback.rate_visit(a.till, member.customer_id, 1, entry_id=sale.earn.id, comment="Cà phê nguội")
    ticket = feedback.ticket_for(a.till, rating.id)
    assert ticket is not None and ticket.priority == "high" and ticket.assignee == a.owner.id
    assert pending_count(a.till) > 0

    sync(a, server=server)
    assert pending_count(a.till) == 0  # "2 waiting to sync" clears
    with Session(server.engine) as s:
        assert s.get(FeedbackRow, rating.id).rating == 1  # type: ignore[union-attr]
        held = s.get(TicketRow, ticket.id)
        assert held is not None and (held.status, held.priority) == ("open", "high")

    sync(b, office, server=server)  # B knows the member; the back office sees the ticket
    (seen,) = tickets.list_tickets(office.till)
    assert (seen.id, seen.customer, seen.rating, seen.comment) == (ticket.id, "Nguyễn Thị Ánh", 1, "Cà phê nguội")
    assert seen.came_back is not None and not seen.came_back.returned

    tickets.set_voucher_budget(office.till, 200_000, by=office.owner)
    done = tickets.resolve(
        office.till,
        ticket.id,
        by=office.owner,
        resolution="Xin lỗi, tặng phiếu 50.000 ₫",
        voucher_value=50_000,
        approved_by=office.owner,
    )
    assert done.voucher is not None and tickets.voucher_budget(office.till).left == 150_000
    sync(office, a, server=server)
    with Session(server.engine) as s:
        held = s.get(TicketRow, ticket.id)
        assert held is not None and (held.status, held.voucher_code) == ("resolved", done.voucher.code)
        assert s.get(VoucherRow, done.voucher.code).value == 50_000  # type: ignore[union-attr]
    with a.till.transaction() as s:  # every till of the chain holds the ticket as resolved
        assert s.get(Ticket, ticket.id).status == "resolved"  # type: ignore[union-attr]

    # Till B is offline and has never heard of the voucher: its signed QR is enough.
    forged = done.voucher.payload.replace(".50000.", ".90000.")
    with pytest.raises(BadCardCode):
        vouchers.redeem(b.till, forged, staff=b.cashier, customer_id=member.customer_id, bill=80_000)
    use = vouchers.redeem(b.till, done.voucher.payload, staff=b.cashier, customer_id=member.customer_id, bill=80_000)
    assert (use.discount, use.customer_id) == (50_000, member.customer_id)
    with pytest.raises(NotAllowed, match="already used"):
        vouchers.redeem(b.till, done.voucher.payload, staff=b.cashier, customer_id=member.customer_id)

    sync(b, a, server=server)
    # A now knows it was used at B: the typed code is refused there too.
    with pytest.raises(NotAllowed, match="already used"):
        vouchers.redeem(a.till, done.voucher.code, staff=a.cashier)
    for shop in (a, b, office):
        sync(shop, server=server)
        assert pending_count(shop.till) == 0
    with Session(server.engine) as s:
        assert s.scalars(select(FlagRow).where(FlagRow.kind == "voucher_reused")).all() == []
    # The customer came back (the voucher's visit counts once she buys; here a sale at B).
    awards.award(b.till, member.customer_id, Bill(paid=60_000), staff=b.cashier)
    sync(b, office, server=server)
    back = tickets.get(office.till, ticket.id).came_back
    assert back is not None and back.returned and back.spend == 60_000
    assert tickets.complainant_return_share(office.till).share == 1.0


def test_a_voucher_used_at_two_offline_tills_is_kept_twice_and_flagged(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    member = customers.enroll(a.till, name="Trần Văn Bình", phone="0913 444 555", staff=a.cashier)
    with a.till.transaction() as s:
        issued = vouchers.issue_in(s, a.till, value=30_000, issued_for="ticket", customer_id=member.customer_id)
    sync(a, b, server=server)  # both know the member and the voucher; then both go offline

    first = vouchers.redeem(a.till, issued.payload, staff=a.cashier, bill=100_000)
    second = vouchers.redeem(b.till, issued.code, staff=b.cashier, bill=45_000)  # typed: B pulled it
    sync(a, b, a, server=server)
    with Session(server.engine) as s:
        (flag,) = s.scalars(select(FlagRow).where(FlagRow.kind == "voucher_reused")).all()
    assert issued.code in flag.message and first.entry.id in flag.message and second.entry.id in flag.message
    for shop in (a, b):
        with shop.till.transaction() as s:  # the manager sees it in the flags of either till
            assert s.scalars(select(Flag).where(Flag.kind == "voucher_reused")).all()
        assert pending_count(shop.till) == 0
        # ... read back from the server's sentence: the code and how many times, in any language.
        (seen,) = [f.message for f in health.open_flags(shop.till) if f.kind == "voucher_reused"]
        assert getattr(seen, "template", "") == flag_texts.VOUCHER_TIMES
        assert seen.details == {"code": issued.code, "times": 2}  # type: ignore[attr-defined]


def test_ticket_edits_from_two_offline_back_offices_merge_per_field(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    rating = feedback.rate_visit(a.till, None, 2, comment="Chờ lâu")
    ticket = feedback.ticket_for(a.till, rating.id)
    assert ticket is not None and ticket.priority == "normal"
    sync(a, b, server=server)

    tickets.update(a.till, ticket.id, by=a.owner, status="in_progress")
    tickets.update(b.till, ticket.id, by=b.owner, priority="high", assignee=b.cashier.id)
    sync(a, b, a, server=server)  # A pushes first, B second, A pulls B's change
    for shop in (a, b):
        view = tickets.get(shop.till, ticket.id)
        assert (view.status, view.priority, view.assignee_id) == ("in_progress", "high", b.cashier.id)
        with shop.till.transaction() as s:
            assert s.get(Ticket, ticket.id).dirty == ""  # type: ignore[union-attr]
            assert s.scalars(select(OutboxItem).where(OutboxItem.acked_at.is_(None))).all() == []
            assert s.get(Feedback, rating.id) is not None

    # The same field edited at both: the edit that reaches the server last wins, everywhere.
    tickets.update(b.till, ticket.id, by=b.owner, priority="low")
    tickets.update(a.till, ticket.id, by=a.owner, priority="normal")
    sync(b, a, b, server=server)
    assert tickets.get(a.till, ticket.id).priority == tickets.get(b.till, ticket.id).priority == "normal"


def test_a_till_may_not_send_ratings_or_vouchers_of_another_store(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    a = shops(server)
    with a.till.transaction() as s:
        issued = vouchers.issue_in(s, a.till, value=10_000, issued_for="ticket")
        s.get(Voucher, issued.code).store_id = "another-store"  # type: ignore[union-attr]
    with http(server, a.token) as client:
        body = next_batch(a.till).request().model_dump_json()
        answer = client.post("/v1/push", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 403 and "its own store" in answer.json()["detail"]


def test_tills_report_their_health_and_the_back_office_reads_the_chain(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")
    with http(server, a.token) as client:
        sent = client.post("/v1/health-report", json={"pending": 3, "pos_quarantined": 1, "pos_last_file": "x.csv"})
        assert sent.status_code == 204
        bad = client.post("/v1/health-report", json={"pending": -1})
        assert bad.status_code == 422
    with http(server) as anonymous:
        assert anonymous.get("/v1/chain-health").status_code == 401
    with http(server, b.token) as client:
        health = client.get("/v1/chain-health").json()
    mine = {t["terminal_id"]: t for t in health["tills"]}
    assert mine[a.till.terminal_id]["pending"] == 3 and mine[a.till.terminal_id]["pos_quarantined"] == 1
    assert mine[b.till.terminal_id]["reported_at"] is None  # B never reported: shown as unknown


def test_the_back_office_sees_every_tills_sync_and_pos_state_and_the_last_known_offline(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store("Quận 3")
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")
    with b.till.transaction() as s:  # B's POS bridge quarantined a file it could not read
        s.add(ImportedFile(sha256="f" * 64, path="/srv/pos/quarantine/HD-0312.csv", outcome="quarantined"))
    feedback.rate_visit(b.till, None, 4)  # and B has something waiting
    SyncWorker(a.till, server.url, a.token).run_once()
    SyncWorker(b.till, server.url, b.token).run_once()
    SyncWorker(a.till, server.url, a.token).run_once()  # A's copy of the chain is under a minute old: kept
    with a.till.transaction() as s:  # so force a fresh one, as a minute later
        s.delete(s.get(Setting, "health.chain"))
    SyncWorker(a.till, server.url, a.token).run_once()

    seen = health.health(a.till)
    me, other = seen.tills[0], {t.name: t for t in seen.tills[1:]}["Quầy B"]
    assert me.is_self and me.pending == 0 and me.last_sync_at is not None
    assert other.store == "Quận 3" and other.pos_quarantined == 1 and other.pending == 0
    assert "pos_quarantine" in other.problems and other.pos_last_file.endswith("HD-0312.csv")
    assert seen.chain_as_of is not None

    # Offline (no more cycles), the back office still shows the last known state, with its time.
    again = health.health(a.till)
    assert {t.name for t in again.tills} == {t.name for t in seen.tills} and again.chain_as_of == seen.chain_as_of
