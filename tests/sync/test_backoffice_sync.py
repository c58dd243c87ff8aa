"""The back office across the chain, against a real server process: staff everywhere, the owner publishes.

A new shop set up at till A joins the server; a cashier added at A logs in at till B;
the owner's draft program (previewed at A) is published over the admin endpoint and
B earns by the new rule after its pull. A cashier, a wrong PIN or another store's till
cannot publish or change this store's staff.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from synctools import ServerProcess

from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.errors import PermissionDenied
from app.core.rewards import Reward, RewardKind
from app.services import awards, catalog, customers, program_editor, setup, staff, staff_admin
from app.services.setup import ShopSetup
from app.services.syncstatus import pending_count
from app.services.till import Till
from sync.protocol import API, StaffPush
from sync.worker import backoffice as backoffice_sync
from sync.worker.client import SyncClient, SyncError
from sync.worker.join import connect
from sync.worker.pairing import read_token
from sync.worker.worker import SyncWorker

OWNER_PIN, CASHIER_PIN = "271828", "314159"


def sync(till: Till, home: Path, server: ServerProcess) -> None:
    worker = SyncWorker(till, server.url, read_token(home))
    try:
        worker.run_once()
    finally:
        worker.stop()


@pytest.fixture
def chain(own_server: ServerProcess, tmp_path: Path):
    server = own_server
    store = server.new_store("Cà Phê Sáng")
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    a, owner = setup.setup_shop(
        home_a, ShopSetup(store_name="Cà Phê Sáng", owner_name="Chị Mai", owner_pin=OWNER_PIN, template="points_tiers")
    )
    connect(a, home_a, server.url, server.pairing_code(store), terminal_name="Quầy A")
    b = open_till(home_b)
    connect(b, home_b, server.url, server.pairing_code(store), terminal_name="Quầy B")  # joins: takes it all
    yield a, home_a, b, home_b, owner
    a.engine.dispose()
    b.engine.dispose()


def test_staff_added_at_one_till_works_at_the_other_and_a_new_pin_follows(own_server: ServerProcess, chain) -> None:
    server = own_server
    a, home_a, b, home_b, owner = chain
    assert staff.login(b, OWNER_PIN).name == "Chị Mai"  # the joining till took the staff from the server
    assert b.program().tier_rank("Gold") == 1  # and the program
    lan = staff_admin.add(a, by=owner, name="Lan", role="cashier", pin=CASHIER_PIN)
    sync(a, home_a, server)
    assert pending_count(a) == 0
    sync(b, home_b, server)
    assert staff.login(b, CASHIER_PIN) == lan
    staff_admin.reset_pin(a, lan.id, "161803", by=owner)
    staff_admin.set_active(a, lan.id, False, by=owner)
    sync(a, home_a, server)
    sync(b, home_b, server)
    with pytest.raises(PermissionDenied):
        staff.login(b, CASHIER_PIN)
    with pytest.raises(PermissionDenied):
        staff.login(b, "161803")  # disabled everywhere
    staff_admin.set_active(a, lan.id, True, by=owner)
    sync(a, home_a, server)
    sync(b, home_b, server)
    assert staff.login(b, "161803").id == lan.id


def test_a_cashiers_own_phone_follows_her_so_the_other_till_flags_her_own_card(
    own_server: ServerProcess, chain
) -> None:
    """The self-earn flag (issue 11) at any till of the store: the phone travels with the staff record."""
    from sqlalchemy import select

    from app.db.models import Flag

    server = own_server
    a, home_a, b, home_b, owner = chain
    lan = staff_admin.add(a, by=owner, name="Lan", role="cashier", pin=CASHIER_PIN)
    staff_admin.set_phone(a, lan.id, "0912 345 678", by=owner)
    sync(a, home_a, server)
    assert pending_count(a) == 0
    sync(b, home_b, server)
    assert [s.phone for s in staff_admin.list_staff(b) if s.id == lan.id] == ["+84912345678"]
    at_b = staff.login(b, CASHIER_PIN)
    herself = customers.enroll(b, name="Lan (khách)", phone="0912 345 678", staff=at_b)
    awards.award(b, herself.customer_id, Bill(paid=50_000), staff=at_b)
    with b.transaction() as s:
        (flag,) = s.scalars(select(Flag).where(Flag.kind == "self_earn")).all()
    assert flag.staff_id == lan.id and flag.customer_id == herself.customer_id
    # Cleared at A: cleared at B after the next cycles.
    staff_admin.set_phone(a, lan.id, "", by=owner)
    sync(a, home_a, server)
    sync(b, home_b, server)
    assert [s.phone for s in staff_admin.list_staff(b) if s.id == lan.id] == [None]


def test_the_owner_previews_and_publishes_a_draft_that_the_other_till_applies(own_server: ServerProcess, chain) -> None:
    server = own_server
    a, home_a, b, home_b, owner = chain
    lan = staff_admin.add(a, by=owner, name="Lan", role="cashier", pin=CASHIER_PIN)
    members = [customers.enroll(a, name=f"Khách {i}", phone=f"0912 000 00{i}", staff=lan) for i in range(3)]
    for m, bill in zip(members, (2_500_000, 1_500_000, 200_000), strict=True):
        awards.award(a, m.customer_id, Bill(paid=bill), staff=lan)  # 250, 150 and 20 qualifying points
    program, rewards = program_editor.current(a)
    gold = program.tiers[1]
    draft_program = replace(program, points_per_step=2, tiers=(program.tiers[0], replace(gold, threshold=200)))

    # The live preview: a 125,000 ₫ bill earns 12 now, 24 under the draft (2 per 10,000).
    at = datetime(2026, 11, 23, 3, tzinfo=UTC)
    preview = program_editor.preview_bill(program, draft_program, Bill(paid=125_000), at=at, tier=None)
    assert (preview.now.points, preview.draft.points) == (12, 24)
    # The tier preview: Gold at 200 instead of 300 lifts the member with 250 points.
    moves = program_editor.tier_changes(a, draft_program)
    assert [(m.name, m.before, m.after) for m in moves.up] == [("Khách 0", "Member", "Gold")]
    assert moves.down == [] and moves.members == 3

    d = program_editor.save_draft(a, draft_program, rewards, by=owner)
    assert a.program().points_per_step == 1  # a draft changes nothing

    with SyncClient(server.url, read_token(home_a)) as client:
        with pytest.raises(SyncError, match="That is not the owner's PIN"):
            backoffice_sync.publish_online(a, client, d.number, staff_id=owner.id, pin="000000")
        sync(a, home_a, server)  # the server learns Lan
        with pytest.raises(SyncError, match="needs an active owner"):
            backoffice_sync.publish_online(a, client, d.number, staff_id=lan.id, pin=CASHIER_PIN)
        published = backoffice_sync.publish_online(a, client, d.number, staff_id=owner.id, pin=OWNER_PIN)
    program_editor.record_publication(a, d.number, published.version, by=owner)

    sync(b, home_b, server)
    assert b.program().points_per_step == 2 and b.program().version == published.version
    member_b = customers.enroll(b, name="Khách B", phone="0912 000 099", staff=staff.login(b, OWNER_PIN))
    earned = awards.award(b, member_b.customer_id, Bill(paid=125_000), staff=staff.login(b, OWNER_PIN))
    assert earned.points == 24  # the new rule, at the other till
    sync(a, home_a, server)
    assert a.program().points_per_step == 2
    assert program_editor.draft(a, d.number).state == "published"


def test_a_publication_queued_offline_reaches_the_chain_on_the_next_cycle(own_server: ServerProcess, chain) -> None:
    server = own_server
    a, home_a, b, home_b, owner = chain
    program, rewards = program_editor.current(a)
    seasonal = Reward(
        id="", name="Bánh chưng Tết", kind=RewardKind.FREE_ITEM, cost_points=40, ends_on=date(2027, 2, 20)
    )
    d = program_editor.save_draft(a, replace(program, welcome_points=5), [*rewards, seasonal], by=owner)
    with pytest.raises(PermissionDenied):
        program_editor.queue_publication(
            a, d.number, by=staff_admin.add(a, by=owner, name="Minh", role="manager", pin="5566")
        )
    program_editor.queue_publication(a, d.number, by=owner)
    assert pending_count(a) >= 1 and a.program().welcome_points == 0
    sync(a, home_a, server)
    assert program_editor.draft(a, d.number).state == "published"
    sync(b, home_b, server)
    assert b.program().welcome_points == 5
    (tet,) = [r for r in catalog.rewards(b) if r.name == "Bánh chưng Tết"]  # with its last day
    assert (tet.cost_points, tet.starts_on, tet.ends_on) == (40, None, date(2027, 2, 20))


def test_the_admin_endpoint_refuses_a_till_without_its_owner(own_server: ServerProcess, chain, tmp_path: Path) -> None:
    server = own_server
    a, _home_a, _b, _home_b, owner = chain
    program, rewards = program_editor.current(a)
    d = program_editor.save_draft(a, replace(program, birthday_points=10), rewards, by=owner)
    body = backoffice_sync.publication(program_editor.draft(a, d.number), staff_id=owner.id, pin=OWNER_PIN)
    url = f"{server.url}{API}/admin/program"
    # No token, or another store's till naming this store's owner: refused.
    assert httpx.post(url, content=body.model_dump_json()).status_code == 401
    other_store = server.new_store("Quán khác")
    c = open_till(tmp_path / "c")
    connect(c, tmp_path / "c", server.url, server.pairing_code(other_store))
    headers = {"Authorization": f"Bearer {read_token(tmp_path / 'c')}", "Content-Type": "application/json"}
    refused = httpx.post(url, content=body.model_dump_json(), headers=headers)
    assert refused.status_code == 403 and refused.json()["code"] == "not_owner"
    # Nor may it push staff of this store (a rogue owner for itself).
    rogue = backoffice_sync.staff_record(staff_row(a, owner.id))
    pushed = httpx.post(f"{server.url}{API}/staff", content=StaffPush(staff=[rogue]).model_dump_json(), headers=headers)
    assert pushed.status_code == 403
    c.engine.dispose()
    assert program_editor.draft(a, d.number).state == "draft"


def staff_row(till: Till, staff_id: str):
    from app.db.models import Staff

    with till.transaction() as s:
        return s.get(Staff, staff_id)
