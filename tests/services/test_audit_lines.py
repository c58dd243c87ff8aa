"""An audit line is queued for the server in its action's own transaction, and never holds a secret
(the lines travel to every till of the store: issue 9 item 4)."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core.audit import HIDDEN, secrets_in
from app.db.models import AuditLog, OutboxItem
from app.services import audit_log, staff, staff_admin
from app.services.staff import StaffMember
from app.services.till import Till
from sync.worker.outbox import next_batch


def test_a_line_is_queued_with_its_action_and_a_secret_never_stored(till: Till, owner: StaffMember) -> None:
    with till.transaction() as s:
        staff.audit(
            s,
            owner,
            "test.secret",
            "x",
            before={"PIN": "4321", "name": "Lan"},
            after={"nested": [{"token": "t0k3n", "card_key": "00ff"}], "pin_hash": "h", "role": "manager"},
        )
    with till.transaction() as s:
        line = s.scalars(select(AuditLog).where(AuditLog.action == "test.secret")).one()
        queued = s.scalars(select(OutboxItem).where(OutboxItem.item_type == "audit", OutboxItem.item_id == line.uid))
        assert len(queued.all()) == 1 and line.terminal_id is None
    for text in (line.before, line.after):
        assert not any(secret in text for secret in ("4321", "t0k3n", "00ff", '"h"')), text
        assert secrets_in(json.loads(text)) == []
    assert json.loads(line.before) == {"PIN": HIDDEN, "name": "Lan"}
    assert json.loads(line.after)["role"] == "manager"  # what is not secret is kept as it was

    # The push carries it as this till, of its store; the tab reads it as this till's.
    (sent,) = [r for r in next_batch(till, 5000).audit if r.id == line.uid]
    assert (sent.terminal_id, sent.store_id, sent.action) == (till.terminal_id, till.store_id, "test.secret")
    (shown,) = audit_log.lines(till, audit_log.AuditFilter(action="test.secret"))
    assert shown.terminal_id == till.terminal_id and shown.till_name == audit_log.till_name(till)


def test_a_pin_reset_records_who_and_whose_never_the_pin(till: Till, owner: StaffMember) -> None:
    lan = staff_admin.add(till, by=owner, name="Lan Anh", role="cashier", pin="246813")
    staff_admin.reset_pin(till, lan.id, "975310", by=owner)
    lines = audit_log.lines(till, audit_log.AuditFilter(action="staff."))
    assert {line.action for line in lines} >= {"staff.add", "staff.pin_reset"}
    for line in lines:
        text = json.dumps([line.before, line.after])
        assert "246813" not in text and "975310" not in text
