"""One till can't hurt the chain: poisoned entries and cross-store edits are refused or flagged, and
in every case the other tills' next push and pull still succeed (issue 13)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ROOT, ServerProcess, Shop, server_balances, server_entries, till_entries

from app.core.earning import Bill
from app.core.errors import NotAllowed
from app.core.ledger import EntryKind, LedgerEntry
from app.core.limits import MAX_BALANCE, MAX_ENTRY_POINTS, OutOfBounds, max_earn_points
from app.core.program import worked_example_program
from app.db.models import AuditLog, Customer, Flag, LedgerEntryRow, OutboxItem
from app.services import awards, corrections, customers, ledger_writer, merges
from sync.protocol import INT64_MAX, EntryRecord, PullResponse
from sync.server import admin
from sync.server.db import write_session
from sync.server.models import CustomerRow, FlagRow, ProfileProposal
from sync.worker import ingest
from sync.worker.client import Unauthorized
from sync.worker.pairing import pair_till
from sync.worker.worker import CycleReport, SyncWorker


@dataclass
class Chain:
    a: Shop  # store A, where the member enrolled
    a2: Shop  # a second till of store A
    b: Shop  # store B
    member: str


def sync(shop: Shop, srv: ServerProcess) -> CycleReport:
    w = SyncWorker(shop.till, srv.url, shop.token)
    try:
        return w.run_once()
    finally:
        w.stop()


def chain(srv: ServerProcess, shops: Callable[..., Shop]) -> Chain:
    store_a, store_b = srv.new_store("Quận 1"), srv.new_store("Quận 7")
    a, a2, b = shops(srv, store_a), shops(srv, store_a), shops(srv, store_b)
    member = customers.enroll(a.till, name="Nguyễn Thị Ánh", phone=f"09{abs(hash(a.home)) % 10**8:08d}",
                              staff=a.cashier)  # fmt: skip
    awards.award(a.till, member.customer_id, Bill(paid=125_000), staff=a.cashier)
    for shop in (a, a2, b):
        assert not sync(shop, srv).refused
    return Chain(a, a2, b, member.customer_id)


def forge(shop: Shop, member: str, kind: EntryKind, **fields: Any) -> LedgerEntry:
    """What a tampered till would do: write an entry past the till's own checks, queued for the next push."""
    with shop.till.transaction() as s:
        seq, prev = ledger_writer.chain_head(s, shop.till.terminal_id)
        draft = ledger_writer.draft(shop.till, member, kind, shop.till.clock(), **fields)
        entry = LedgerEntry(**{**draft.__dict__, "terminal_seq": seq + 1}).sealed(prev)
        s.add(ledger_writer.to_row(entry))
        s.add(OutboxItem(item_type="entry", item_id=entry.id, created_at=entry.created_at))
    return entry


def flags(srv: ServerProcess, kind: str, entry_id: str) -> list[FlagRow]:
    with Session(srv.engine) as s:
        return list(s.scalars(select(FlagRow).where(FlagRow.kind == kind, FlagRow.entry_id == entry_id)))


OTHERS_EARN = 8  # the points of the two sales others_keep_syncing makes (50,000 and 30,000 ₫)


def others_keep_syncing(c: Chain, srv: ServerProcess) -> None:
    """Both of store A's tills sell, push and pull as before, and each sees the other's sale."""
    sale = awards.award(c.a.till, c.member, Bill(paid=50_000), staff=c.a.cashier)
    report = sync(c.a, srv)
    assert not report.refused and not report.refused_entries and report.pushed_entries >= 1
    other = awards.award(c.a2.till, c.member, Bill(paid=30_000), staff=c.a2.cashier)
    report = sync(c.a2, srv)
    assert not report.refused and not report.refused_entries and report.pushed_entries >= 1
    assert report.pulled_entries >= 1 and sale.earn.id in till_entries(c.a2.till)
    assert till_entries(c.a2.till)[sale.earn.id] == server_entries(srv)[sale.earn.id]
    report = sync(c.a, srv)
    assert not report.refused and report.pulled_entries >= 1 and other.earn.id in till_entries(c.a.till)
    assert sale.earn.points + other.earn.points == OTHERS_EARN


def named(report: CycleReport, entry: LedgerEntry) -> bool:
    """The push named this entry as refused (held, never counted), with a reason, and was not stuck on it."""
    return not report.refused and any(entry.id in m and "beyond" in m for m in report.refused_entries)


def refused_but_the_till_goes_on(c: Chain, srv: ServerProcess, bad: LedgerEntry, later: awards.AwardResult) -> None:
    """The refused entry is held on the server (its chain stays whole) and counts nowhere; the poisoned
    till's later sale, made after it, reaches the server and store A's tills all the same."""
    with Session(srv.engine) as s:
        assert bad.id in [h.entry_id for h in admin.held_entries(s, c.b.till.terminal_id)]
    assert later.earn.id in server_entries(srv)
    sync(c.a2, srv)
    assert later.earn.id in till_entries(c.a2.till) and bad.id not in till_entries(c.a2.till)
    assert all(abs(v) <= MAX_BALANCE for b in server_balances(srv).values() for v in (b.points, b.stamps,
               b.lifetime_points, b.lifetime_spend, b.visits))  # fmt: skip
    with pytest.raises(OutOfBounds), write_session(srv.engine) as s:  # nobody can count it later either
        admin.decide_held(s, release=True, entry_ids=[bad.id])
    with write_session(srv.engine) as s:
        assert admin.decide_held(s, release=False, entry_ids=[bad.id]) == 1


def test_an_overflowing_adjust_is_refused_naming_it_and_nobody_else_stops(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    before = server_balances(server)[c.member].points
    bad = forge(c.b, c.member, EntryKind.ADJUST, points=INT64_MAX - before, staff_id=None, reason="x")
    later = awards.award(c.b.till, c.member, Bill(paid=60_000), staff=c.b.cashier)
    report = sync(c.b, server)
    assert named(report, bad) and report.pushed_entries >= 2
    assert report.pages >= 1  # and the poisoned till still pulls
    (flag,) = flags(server, "entry_out_of_bounds", bad.id)
    assert bad.id in flag.message and c.b.till.terminal_id in flag.message
    assert server_balances(server)[c.member].points == before + later.earn.points  # the sale, not the adjust
    refused_but_the_till_goes_on(c, server, bad, later)
    others_keep_syncing(c, server)
    # and the poisoned till still hears the chain's news, and is not refused again
    sale = awards.award(c.a.till, c.member, Bill(paid=40_000), staff=c.a.cashier)
    sync(c.a, server)
    report = sync(c.b, server)
    assert not report.refused and not report.refused_entries and sale.earn.id in till_entries(c.b.till)


def test_huge_earns_are_refused(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    c = chain(server, shops)
    before = server_balances(server)[c.member].points
    first = forge(c.b, c.member, EntryKind.EARN, points=2**62, amount=100_000)
    second = forge(c.b, c.member, EntryKind.EARN, points=2**62, amount=100_000)
    undo = forge(c.b, c.member, EntryKind.REVERSE, points=-(10**9), reverses=second.id)  # in bounds, but of a held one
    later = awards.award(c.b.till, c.member, Bill(paid=60_000), staff=c.b.cashier)
    report = sync(c.b, server)
    assert named(report, first) and named(report, second)
    assert any(undo.id in m for m in report.refused_entries)
    assert flags(server, "entry_out_of_bounds", first.id) and flags(server, "reverses_uncounted", undo.id)
    assert server_balances(server)[c.member].points == before + later.earn.points
    refused_but_the_till_goes_on(c, server, first, later)
    others_keep_syncing(c, server)


def test_entries_each_in_bounds_that_add_up_beyond_a_balance_are_refused(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    step = MAX_ENTRY_POINTS
    made = [forge(c.b, c.member, EntryKind.ADJUST, points=step, reason="x") for _ in range(MAX_BALANCE // step)]
    later = awards.award(c.b.till, c.member, Bill(paid=60_000), staff=c.b.cashier)
    report = sync(c.b, server)
    (named_one,) = [e for e in made if any(e.id in m for m in report.refused_entries)]
    assert named_one.id == made[-1].id  # the 1000th takes the 12 points over the bound; 999 of them fit
    assert named(report, named_one)
    assert flags(server, "balance_out_of_bounds", named_one.id)
    assert made[0].id in server_entries(server)  # the ones that fit are facts (and flagged as unusual)
    assert server_balances(server)[c.member].points <= MAX_BALANCE
    refused_but_the_till_goes_on(c, server, named_one, later)
    others_keep_syncing(c, server)


def test_an_earn_beyond_the_programs_largest_bill_is_refused(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    c = chain(server, shops)
    version = 7000 + abs(hash(c.b.home)) % 1000  # a version of the server's own, not the active one
    with write_session(server.engine) as s:
        admin.publish_program(s, replace(worked_example_program(), version=version), keep_version=True, active=False)
    assert max_earn_points(worked_example_program()) < 10**11
    bad = forge(c.b, c.member, EntryKind.EARN, points=10**11, amount=50_000, program_version=version)
    later = awards.award(c.b.till, c.member, Bill(paid=60_000), staff=c.b.cashier)
    report = sync(c.b, server)
    assert not report.refused and any(bad.id in m and "largest bill" in m for m in report.refused_entries)
    assert flags(server, "entry_out_of_bounds", bad.id)
    with Session(server.engine) as s:
        assert bad.id in [h.entry_id for h in admin.held_entries(s)]
    assert later.earn.id in server_entries(server)
    others_keep_syncing(c, server)


def test_a_large_adjust_from_another_stores_till_is_flagged(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    c = chain(server, shops)
    bad = forge(c.b, c.member, EntryKind.ADJUST, points=1_000_000, staff_id=None, reason="quà",
                program_version=c.b.till.program().version)  # fmt: skip
    report = sync(c.b, server)
    assert not report.refused  # a fact the server can hold; a manager must look at it
    (flag,) = flags(server, "unusual_adjustment", bad.id)
    assert "no staff member" in flag.message and "limit" in flag.message and "belongs to store" in flag.message
    others_keep_syncing(c, server)


def test_a_till_refuses_to_write_an_entry_beyond_the_bounds(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    c = chain(server, shops)
    with c.a.till.transaction() as s:
        before = s.scalar(select(LedgerEntryRow.terminal_seq).order_by(LedgerEntryRow.terminal_seq.desc()).limit(1))
    draft = ledger_writer.draft(c.a.till, c.member, EntryKind.ADJUST, c.a.till.clock(), points=MAX_BALANCE)
    with pytest.raises(OutOfBounds), c.a.till.transaction() as s:
        ledger_writer.append(s, draft)
    with c.a.till.transaction() as s:
        after = s.scalar(select(LedgerEntryRow.terminal_seq).order_by(LedgerEntryRow.terminal_seq.desc()).limit(1))
    assert before == after


def test_another_stores_till_cannot_rewrite_a_member_only_propose(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    before = customers.view(c.a.till, c.member)
    with pytest.raises(NotAllowed, match="belongs to another store"):  # an honest till says so at once
        customers.set_blocked(c.b.till, c.member, True, manager=c.b.owner, reason="nghi gian lận")
    with c.b.till.transaction() as s:  # a tampered till of store B renames, re-phones and blocks her anyway
        row = s.get(Customer, c.member)
        assert row is not None
        row.name, row.phone, row.status = "Kẻ Mạo Danh", "+84999999999", "blocked"
        row.updated_at = c.b.till.clock()
        s.add(OutboxItem(item_type="customer", item_id=c.member, created_at=row.updated_at))
    report = sync(c.b, server)
    assert not report.refused  # held as a proposal: the till's sync is not stuck on it
    with Session(server.engine) as s:
        held = s.get(CustomerRow, c.member)
        assert held is not None and (held.name, held.status) == (before.name, "active")
        (proposal,) = s.scalars(select(ProfileProposal).where(ProfileProposal.customer_id == c.member))
        assert proposal.terminal_id == c.b.till.terminal_id and "Kẻ Mạo Danh" in proposal.body
        (flag,) = s.scalars(select(FlagRow).where(FlagRow.kind == "profile_proposal", FlagRow.customer_id == c.member))
        assert "name" in flag.message and "status" in flag.message
    others_keep_syncing(c, server)
    for shop in (c.a, c.a2):  # store A still finds her by her phone, and she is not blocked
        found = customers.find(shop.till, before.phone)
        assert [m.customer_id for m in found.matches] == [c.member]
        assert not customers.view(shop.till, c.member).blocked
    sync(c.b, server)  # the proposing till gets the profile back as it stands
    assert customers.view(c.b.till, c.member).name == before.name

    with write_session(server.engine) as s:  # a manager accepts it after all
        admin.decide_proposal(s, proposal.id, accept=True)
    sync(c.a, server)
    assert customers.view(c.a.till, c.member).name == "Kẻ Mạo Danh"


def test_the_members_own_store_and_the_head_office_may_change_her(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    manager = c.a.owner
    customers.set_blocked(c.a.till, c.member, True, manager=manager, reason="gian lận thẻ")
    assert not sync(c.a, server).refused
    sync(c.a2, server)
    assert customers.view(c.a2.till, c.member).blocked
    with c.a.till.transaction() as s:
        (audit,) = s.scalars(select(AuditLog).where(AuditLog.action == "customer.block", AuditLog.subject == c.member))
        assert audit.staff_id == manager.id and "gian lận thẻ" in audit.after

    office = shops()
    with write_session(server.engine) as s:
        code = admin.issue_pairing_code(s, c.b.till.store_id, role="head_office")
    pair_till(office.till, office.home, server.url, code)
    sync(office, server)
    customers.set_blocked(office.till, c.member, False, manager=office.owner, reason="đã xác minh")
    assert not sync(office, server).refused
    sync(c.a, server)
    assert not customers.view(c.a.till, c.member).blocked


def test_a_quarantined_till_is_held_for_review_and_a_manager_releases_or_rejects(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    with write_session(server.engine) as s:
        admin.quarantine_terminal(s, c.b.till.terminal_id)
    before = server_balances(server)[c.member]
    first = awards.award(c.b.till, c.member, Bill(paid=300_000), staff=c.b.cashier)
    assert not sync(c.b, server).refused  # stored: its chain stays whole and it keeps syncing
    assert first.earn.id in server_entries(server)
    assert server_balances(server)[c.member].points == before.points  # but not counted
    others_keep_syncing(c, server)
    assert first.earn.id not in till_entries(c.a2.till)  # nor sent to the other tills
    counted = server_balances(server)[c.member].points
    assert counted == before.points + OTHERS_EARN  # store A's two sales
    with Session(server.engine) as s:
        assert [h.entry_id for h in admin.held_entries(s, c.b.till.terminal_id)] == [first.earn.id]
        assert s.scalars(select(FlagRow).where(FlagRow.kind == "held_entries")).first() is not None

    with write_session(server.engine) as s:
        assert admin.decide_held(s, release=True, entry_ids=[first.earn.id]) == 1
    assert server_balances(server)[c.member].points == counted + first.earn.points
    sync(c.a2, server)
    assert first.earn.id in till_entries(c.a2.till)  # released: now it reaches the chain, once

    second = awards.award(c.b.till, c.member, Bill(paid=900_000), staff=c.b.cashier)
    sync(c.b, server)
    with write_session(server.engine) as s:
        assert admin.decide_held(s, release=False, terminal_id=c.b.till.terminal_id) == 1
        admin.lift_quarantine(s, c.b.till.terminal_id)
    others_keep_syncing(c, server)
    assert second.earn.id not in till_entries(c.a2.till)
    assert server_balances(server)[c.member].points == counted + first.earn.points + OTHERS_EARN  # + A's next two


def test_a_merge_still_leaves_a_held_entry_uncounted(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    """A merge refolds the member from her entries: those held for review must stay out of it."""
    c = chain(server, shops)
    with write_session(server.engine) as s:
        admin.quarantine_terminal(s, c.b.till.terminal_id)
    held = awards.award(c.b.till, c.member, Bill(paid=300_000), staff=c.b.cashier)
    sync(c.b, server)
    before = server_balances(server)[c.member].points
    twin = customers.enroll(c.a.till, name="Nguyen Thi Anh", phone=f"08{abs(hash(c.a.home)) % 10**8:08d}",
                            staff=c.a.cashier)  # fmt: skip
    extra = awards.award(c.a.till, twin.customer_id, Bill(paid=50_000), staff=c.a.cashier)
    sync(c.a, server)
    merges.merge(c.a.till, c.member, twin.customer_id, manager=c.a.owner, reason="một người, hai thẻ")
    assert not sync(c.a, server).refused
    assert server_balances(server)[c.member].points == before + extra.earn.points  # not + the held sale
    with write_session(server.engine) as s:  # released, it counts once, into the survivor
        assert admin.decide_held(s, release=True, entry_ids=[held.earn.id]) == 1
    assert server_balances(server)[c.member].points == before + extra.earn.points + held.earn.points


def test_a_void_of_a_held_sale_is_held_too_and_follows_the_sales_release(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    before = server_balances(server)[c.member].points
    with write_session(server.engine) as s:
        admin.quarantine_terminal(s, c.b.till.terminal_id)
    sale = awards.award(c.b.till, c.member, Bill(paid=300_000), staff=c.b.cashier)
    sync(c.b, server)
    with write_session(server.engine) as s:  # checked and trusted again; its old sale still waits
        admin.lift_quarantine(s, c.b.till.terminal_id)
    void = corrections.reverse(c.b.till, sale.earn.id, manager=c.b.owner, reason="khách trả hàng")
    report = sync(c.b, server)
    assert not report.refused and any(void.id in m and "held" in m for m in report.refused_entries)
    assert flags(server, "reverses_uncounted", void.id)
    assert server_balances(server)[c.member].points == before  # neither counts while the sale is held
    with write_session(server.engine) as s:  # releasing the sale releases its void with it: they cancel
        assert admin.decide_held(s, release=True, entry_ids=[sale.earn.id]) == 2
    assert server_balances(server)[c.member].points == before
    sync(c.a2, server)
    assert {sale.earn.id, void.id} <= set(till_entries(c.a2.till))
    assert customers.view(c.a2.till, c.member).balance.points == before  # the till agrees with the server
    others_keep_syncing(c, server)


def server_admin(srv: ServerProcess, *args: str) -> str:
    """``loyalty-server …`` as the chain's admin types it, against the running server's database."""
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.main", "--database-url", srv.db_url, "--secrets-file",
         str(srv.secrets_file), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_the_admin_quarantines_a_till_from_the_command_line_reviews_its_sales_and_revokes_it(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    c = chain(server, shops)
    till_b = c.b.till.terminal_id
    assert "is quarantined" in server_admin(server, "quarantine", till_b)
    before = server_balances(server)[c.member].points
    sale = awards.award(c.b.till, c.member, Bill(paid=200_000), staff=c.b.cashier)
    assert not sync(c.b, server).refused  # its sync goes on; the sale waits for a person
    (held,) = [json.loads(line) for line in server_admin(server, "held", "--terminal", till_b).splitlines()]
    assert (held["entry"], held["member"], held["reason"]) == (sale.earn.id, c.member, "terminal quarantined")
    assert server_admin(server, "reject", "--entry", sale.earn.id) == "1 entry rejected\n"
    assert server_admin(server, "held", "--terminal", till_b).strip() == ""
    assert server_balances(server)[c.member].points == before  # never counted
    others_keep_syncing(c, server)
    assert sale.earn.id not in till_entries(c.a2.till)
    assert "and revoked" in server_admin(server, "quarantine", till_b, "--revoke")
    with pytest.raises(Unauthorized):
        sync(c.b, server)
    others_keep_syncing(c, server)


def test_a_till_skips_a_pulled_entry_beyond_the_bounds_and_flags_it(shops: Callable[..., Shop]) -> None:
    """An entry a server accepted before the bounds existed must not overflow the tills that pull it."""
    shop = shops()
    member = customers.enroll(shop.till, name="Ánh", phone="0912 000 111", staff=shop.cashier).customer_id
    poison = LedgerEntry(id="old-poison", terminal_id="elsewhere", store_id=shop.till.store_id, terminal_seq=1,
                         customer_id=member, kind=EntryKind.ADJUST, created_at=shop.till.clock(),
                         points=INT64_MAX - 100).sealed("0" * 64)  # fmt: skip
    fine = LedgerEntry(id="old-fine", terminal_id="elsewhere", store_id=shop.till.store_id, terminal_seq=2,
                       customer_id=member, kind=EntryKind.ADJUST, created_at=shop.till.clock(),
                       points=7).sealed(poison.hash)  # fmt: skip
    before = customers.view(shop.till, member).balance.points
    ingest.apply_page(shop.till, PullResponse(cursor=9, more=False, entries=[EntryRecord.of(poison),
                                                                             EntryRecord.of(fine)]))  # fmt: skip
    assert "old-poison" not in till_entries(shop.till) and "old-fine" in till_entries(shop.till)
    assert customers.view(shop.till, member).balance.points == before + 7
    with shop.till.transaction() as s:
        assert s.scalars(select(Flag).where(Flag.kind == "out_of_bounds", Flag.entry_id == "old-poison")).first()
        assert ingest.cursor(s) == 9
