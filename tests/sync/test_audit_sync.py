"""The audit log syncs (issue 9 item 4: "who did what, when, at which till"): a manager's adjustment at
till A shows in till B's Audit tab after sync, once, naming till A; a till of another store never sees
it; a till cannot push an audit line as another till; no line carries a secret; the outbox empties.

Two real tills (SQLite files), a real server process (SQLite and PostgreSQL), the real Audit tab offscreen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from synctools import ServerProcess, Shop, http

from app.core.audit import secrets_in
from app.core.earning import Bill
from app.core.ids import new_id
from app.db.models import AuditLog
from app.services import audit_log, awards, corrections, customers, staff_admin
from app.services.audit_log import AuditFilter
from app.services.syncstatus import pending_count
from app.ui.backoffice.audit_tab import AuditTab
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.launch import follow_sync
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.controllers.status import SyncStatusBridge
from app.ui.tasks import BackgroundOps
from sync.protocol import AuditRecord, PushRequest
from sync.server.models import AuditRow, FlagRow
from sync.worker.worker import SyncWorker

NEW_PIN = "902817"


def sync(*shops: Shop, server: ServerProcess) -> None:
    for shop in shops:
        SyncWorker(shop.till, server.url, shop.token).run_once()


def server_lines(server: ServerProcess, action: str, store_id: str) -> list[AuditRow]:
    with Session(server.engine) as s:
        return list(s.scalars(select(AuditRow).where(AuditRow.action == action, AuditRow.store_id == store_id)))


def test_an_adjustment_at_till_a_shows_in_till_bs_audit_tab_once_with_its_till(
    qtbot, qapp, server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    store, elsewhere = server.new_store("Cà Phê Phố Cổ"), server.new_store("Cà Phê Hồ Tây")
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")
    other = shops(server, elsewhere, "Quầy Hồ Tây")
    member = customers.enroll(a.till, name="Trần Văn Bình", phone="0913 222 444", staff=a.cashier)
    awards.award(a.till, member.customer_id, Bill(paid=90_000), staff=a.cashier)
    corrections.adjust(a.till, member.customer_id, points=7, reason="Máy pha cà phê hỏng", manager=a.owner)
    staff_admin.reset_pin(a.till, a.cashier.id, NEW_PIN, by=a.owner)  # a PIN-related line: never the PIN itself
    assert pending_count(a.till) > 0

    sync(a, b, other, server=server)
    sync(a, b, other, server=server)  # a second cycle sends and brings nothing twice
    for shop in (a, b, other):
        assert pending_count(shop.till) == 0, shop  # "N waiting to sync" clears: audit lines included

    (held,) = server_lines(server, "ledger.adjust", a.till.store_id)
    assert (held.terminal_id, held.subject) == (a.till.terminal_id, member.customer_id)

    # Till B holds A's line exactly once, named by A's till; the other store's till holds none of it.
    (seen,) = audit_log.lines(b.till, AuditFilter(action="ledger.adjust"))
    assert (seen.till_name, seen.terminal_id, seen.staff_name) == ("Quầy A", a.till.terminal_id, "Chị Hoa")
    assert seen.after["points"] - seen.before["points"] == 7 and seen.subject_name == "Trần Văn Bình"
    assert audit_log.lines(other.till, AuditFilter(action="ledger.adjust")) == []
    with b.till.transaction() as s:
        assert len(s.scalars(select(AuditLog).where(AuditLog.uid == held.id)).all()) == 1
    # A's own copy stays its own: not pulled back as another till's line.
    (own,) = audit_log.lines(a.till, AuditFilter(action="ledger.adjust"))
    assert own.till_name == "Quầy A" and own.terminal_id == a.till.terminal_id

    # No line anywhere carries a secret: not the new PIN, not a token, not the card key.
    secrets = {NEW_PIN, a.token, b.token, a.till.card_key.hex()}
    with Session(server.engine) as s:
        stored = [(r.before, r.after) for r in s.scalars(select(AuditRow).where(AuditRow.store_id == store))]
    with b.till.transaction() as s:
        stored += [(r.before, r.after) for r in s.scalars(select(AuditLog))]
    assert server_lines(server, "staff.pin_reset", store)  # the reset is there, its PIN is not
    for before, after in stored:
        for text in (before, after):
            assert secrets_in(json.loads(text)) == [] and not any(secret in text for secret in secrets), text

    # B's Audit tab: A's adjustment, with "at which till"; filtered by till; the scope it shows.
    ops = BackgroundOps()
    tab = AuditTab(BackOfficeContext(till=b.till, staff=b.owner, ops=ops, language="en"))
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    try:
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.activated()
        m = tab.model
        shown = [(m.data(m.index(i, 2)), m.data(m.index(i, 3))) for i in range(m.rowCount())]
        assert shown.count(("Quầy A", "balance adjusted")) == 1, shown
        assert {till for till, _what in shown} == {"Quầy A", "Quầy B"}  # B's own lines too
        tills = [tab.till_filter.itemText(i) for i in range(tab.till_filter.count())]
        assert tills == ["All tills", "Quầy B", "Quầy A"]  # this till first
        assert "every till of Cà Phê Phố Cổ" in tab.scope_label.text() and "Quầy B" in tab.scope_label.text()

        tab.till_filter.setCurrentIndex(tab.till_filter.findText("Quầy A"))
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.apply_button.click()
        assert {line.till_name for line in m.rows} == {"Quầy A"} and "ledger.adjust" in {x.action for x in m.rows}
        tab.till_filter.setCurrentIndex(tab.till_filter.findText("Quầy B"))
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.apply_button.click()
        assert m.rows and {line.till_name for line in m.rows} == {"Quầy B"}
        columns, rows = tab.export_rows()()
        assert all(row[columns.index("till")] == "Quầy B" for row in rows)
    finally:
        ops.wait_idle()


def test_the_open_audit_tab_shows_another_tills_line_after_a_sync_cycle_without_f5(
    qtbot, qapp, server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    """The back office opened from the cashier window follows the sync worker: when a cycle brings
    something, the visible tab reloads; a quiet cycle reloads nothing."""
    store = server.new_store("Cà Phê Nhà Thờ")
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")
    member = customers.enroll(a.till, name="Phan Thị Hồng", phone="0913 555 666", staff=a.cashier)
    sync(a, b, server=server)
    worker = SyncWorker(b.till, server.url, b.token)
    bridge = SyncStatusBridge(b.till, worker)
    ops = BackgroundOps()
    window = BackOfficeWindow(BackOfficeContext(till=b.till, staff=b.owner, ops=ops, language="en"), tabs=[AuditTab])
    qtbot.addWidget(window)
    tab = window.tabs[0]
    assert isinstance(tab, AuditTab)
    try:
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            window.show()
        worker.run_once()  # the first report: B's cursor as it is
        follow_sync(window, bridge)
        assert "balance adjusted" not in {tab.model.data(tab.model.index(i, 3)) for i in range(tab.model.rowCount())}

        corrections.adjust(a.till, member.customer_id, points=5, reason="Khách quen", manager=a.owner)
        sync(a, server=server)
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            worker.run_once()  # B's own cycle pulls A's line: the open tab shows it, no F5
        shown = [(tab.model.data(tab.model.index(i, 2)), tab.model.data(tab.model.index(i, 3)))
                 for i in range(tab.model.rowCount())]  # fmt: skip
        assert ("Quầy A", "balance adjusted") in shown
        with qtbot.assertNotEmitted(tab.loaded, wait=500):
            worker.run_once()  # nothing new: the manager's scroll and selection stay
    finally:
        bridge.stop()
        ops.wait_idle()


def _line(terminal_id: str, store_id: str, **changes: str) -> AuditRecord:
    data = {
        "id": new_id(),
        "terminal_id": terminal_id,
        "store_id": store_id,
        "at": datetime.now(UTC),
        "staff_id": None,
        "action": "ledger.adjust",
        "subject": "someone",
        "before": "{}",
        "after": '{"points": 500}',
    }
    return AuditRecord.model_construct(**(data | changes))


def test_a_till_cannot_push_an_audit_line_as_another_till(server: ServerProcess, shops: Callable[..., Shop]) -> None:
    store = server.new_store("Cà Phê Ngã Tư")
    a, b = shops(server, store, "Quầy A"), shops(server, store, "Quầy B")

    def push(line: AuditRecord) -> int:
        with http(server, a.token) as client:
            body = PushRequest.model_construct(audit=[line]).model_dump_json()
            return client.post("/v1/push", content=body, headers={"Content-Type": "application/json"}).status_code

    forged = [
        _line(b.till.terminal_id, store),  # as the other till of the store
        _line(a.till.terminal_id, server.new_store("Cửa hàng khác")),  # as itself, of another store
    ]
    for line in forged:
        assert push(line) == 403
    secret = _line(a.till.terminal_id, store, after=json.dumps({"pin": NEW_PIN}))
    assert push(secret) == 422  # a line carrying a secret is refused, whatever the till's version
    with Session(server.engine) as s:
        assert s.scalars(select(AuditRow).where(AuditRow.id.in_([x.id for x in [*forged, secret]]))).all() == []
        flags = s.scalars(
            select(FlagRow).where(FlagRow.kind == "forbidden_write", FlagRow.terminal_id == a.till.terminal_id)
        )
        assert flags.all(), "the forged push is flagged for the managers"

    # Its own line, pushed twice (a lost answer): stored once, acknowledged both times.
    mine = _line(a.till.terminal_id, store)
    assert push(mine) == 200 and push(mine) == 200
    with Session(server.engine) as s:
        assert len(s.scalars(select(AuditRow).where(AuditRow.id == mine.id)).all()) == 1
