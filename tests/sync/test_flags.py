"""Entries are facts: what two offline tills did is all kept, and a manager is told what needs a look."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, http, server_balances, till_balances, till_entries

from app.core.earning import Bill
from app.core.rewards import Reward, RewardKind
from app.db.models import Flag
from app.services import awards, catalog, customers, flag_texts, health, redemption
from app.services.awards import ReceiptRef
from sync.protocol import PushRequest
from sync.server.models import FlagRow
from sync.worker.outbox import next_batch
from sync.worker.worker import SyncWorker


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def server_flags(server: ServerProcess, kind: str, customer_id: str) -> list[FlagRow]:
    with Session(server.engine) as s:
        return list(s.scalars(select(FlagRow).where(FlagRow.kind == kind, FlagRow.customer_id == customer_id)))


def test_points_spent_twice_at_two_offline_tills_are_kept_and_flagged(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")
    member = customers.enroll(a.till, name="Lý Thị Quỳnh", phone="0921 000 111", staff=a.cashier)
    awards.award(a.till, member.customer_id, Bill(paid=300_000), staff=a.cashier)  # 30 points
    sync(a, b, server=server)
    for shop in (a, b):
        catalog.save_reward(
            shop.till, Reward(id="cake", name="Bánh ngọt", kind=RewardKind.FREE_ITEM, cost_points=30), by=shop.owner
        )
    # The line is down: each till knows 30 points and lets the member spend them.
    for shop in (a, b):
        redemption.redeem(shop.till, member.customer_id, "cake", staff=shop.cashier, identified=True)
    sync(a, b, server=server)
    sync(a, server=server)

    assert server_balances(server)[member.customer_id].points == -30  # both sales happened
    (flag,) = server_flags(server, "negative_balance", member.customer_id)
    assert "two tills" in flag.message
    assert till_balances(a.till)[member.customer_id] == server_balances(server)[member.customer_id]
    view = customers.view(a.till, member.customer_id)  # the manager at the till sees why
    assert view.balance.points == -30 and any("two tills" in f for f in view.flags)
    # The back office reads the server's sentence back: her name, the figure and the till's name, translatable.
    (seen,) = [f for f in health.open_flags(a.till) if f.kind == "negative_balance"]
    assert seen.message.template == flag_texts.NEGATIVE_POINTS  # type: ignore[attr-defined]
    assert seen.message.details["member"] == "Lý Thị Quỳnh" and seen.message.details["balance"] == -30  # type: ignore[attr-defined]
    assert seen.message.details["till"] in ("Quầy A", "Quầy B")  # type: ignore[attr-defined]


def test_a_receipt_earned_at_two_tills_is_flagged(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    member = customers.enroll(a.till, name="Phan Thanh Sơn", phone="0922 000 222", staff=a.cashier)
    sync(a, b, server=server)
    receipt = ReceiptRef("kiotviet", "HD000123")
    first = awards.award(a.till, member.customer_id, Bill(paid=80_000), staff=a.cashier, receipt=receipt)
    second = awards.award(b.till, member.customer_id, Bill(paid=80_000), staff=b.cashier, receipt=receipt)
    sync(a, b, server=server)
    sync(a, server=server)

    (flag,) = server_flags(server, "duplicate_receipt", member.customer_id)
    assert "HD000123" in flag.message and second.earn.id in flag.message
    # Till A stores B's earn too (both are facts the server keeps), so its balances equal the server's,
    # and the manager sees the flag at the till as well.
    assert first.earn.id in till_entries(a.till) and second.earn.id in till_entries(a.till)
    with a.till.transaction() as s:
        kinds = {f.kind for f in s.scalars(select(Flag).where(Flag.customer_id == member.customer_id))}
    assert {"duplicate_receipt"} <= kinds
    seen = [f.message for f in health.open_flags(a.till) if f.kind == "duplicate_receipt"]
    assert seen and all(getattr(m, "template", "") == flag_texts.RECEIPT_TWICE for m in seen)
    assert all("HD000123" in m.details["receipt"] for m in seen)  # type: ignore[attr-defined]


def test_entries_of_a_member_the_server_does_not_know_yet_are_kept(
    server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store = server.new_store()
    a, b = shops(server, store), shops(server, store)
    member = customers.enroll(a.till, name="Trịnh Thị Thảo", phone="0923 000 333", staff=a.cashier)
    awards.award(a.till, member.customer_id, Bill(paid=100_000), staff=a.cashier)
    entries_only = PushRequest(entries=next_batch(a.till, 100).entries)  # the member's record is not sent
    with http(server, a.token) as client:
        r = client.post(
            "/v1/push", content=entries_only.model_dump_json(), headers={"content-type": "application/json"}
        )
    assert r.status_code == 200 and len(r.json()["acked_entries"]) == 2
    assert server_balances(server)[member.customer_id].points == 10

    sync(b, server=server)  # B gets the entries first: a placeholder member carries them
    placeholder = customers.view(b.till, member.customer_id)
    assert placeholder.name == "(member not synced yet)" and placeholder.balance.points == 10
    sync(a, b, server=server)  # A's outbox still holds the member: now it arrives
    real = customers.view(b.till, member.customer_id)
    assert real.name == "Trịnh Thị Thảo" and real.balance == placeholder.balance
    assert customers.find(b.till, "0923000333").matches[0].customer_id == member.customer_id

    with http(server, b.token) as client:  # the server's balances are there for whoever asks for them
        found, cursor, more = [], 0, True
        while more:
            page = client.get("/v1/pull", params={"kinds": "balances", "cursor": cursor, "limit": 1000}).json()
            found += [x for x in page["balances"] if x["customer_id"] == member.customer_id]
            cursor, more = page["cursor"], page["more"]
            assert page["entries"] == [] and page["customers"] == []
    assert found[-1]["points"] == 10 and found[-1]["visits"] == 1
