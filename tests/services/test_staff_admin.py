"""Managing the staff: who may do what, nothing without an audit line, a disabled PIN opens nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.core.errors import InvalidInput, PermissionDenied
from app.db.models import AuditLog, Staff
from app.services import staff, staff_admin


def _audit(till) -> list[tuple[str, str, dict, dict]]:
    with till.transaction() as s:
        return [
            (a.action, a.staff_id, json.loads(a.before), json.loads(a.after))
            for a in s.scalars(select(AuditLog).where(AuditLog.action.like("staff.%")).order_by(AuditLog.id))
        ]


def test_owner_adds_disables_promotes_and_resets_a_pin(till, owner, manager, staff_pins) -> None:
    lan = staff_admin.add(till, by=manager, name="Lan", role="cashier", pin="13572468")
    assert staff.login(till, "13572468") == lan
    staff_admin.reset_pin(till, lan.id, "86421357", by=manager)
    with pytest.raises(PermissionDenied):
        staff.login(till, "13572468")  # the old PIN no longer opens the till
    assert staff.login(till, "86421357").id == lan.id
    staff_admin.change_role(till, lan.id, "manager", by=manager)
    assert staff.require_manager(till, "86421357").id == lan.id
    staff_admin.set_active(till, lan.id, False, by=owner)
    with pytest.raises(PermissionDenied):
        staff.login(till, "86421357")
    assert [(i.name, i.active) for i in staff_admin.list_staff(till) if i.id == lan.id] == [("Lan", False)]
    staff_admin.set_active(till, lan.id, True, by=owner)
    assert staff.login(till, "86421357").id == lan.id

    log = [
        (a, who, before, after) for a, who, before, after in _audit(till) if a != "staff.add" or after["name"] == "Lan"
    ]
    assert [(a, who) for a, who, _, _ in log] == [
        ("staff.add", manager.id),
        ("staff.pin_reset", manager.id),
        ("staff.role", manager.id),
        ("staff.disable", owner.id),
        ("staff.enable", owner.id),
    ]
    assert log[2][2:] == ({"name": "Lan", "role": "cashier"}, {"name": "Lan", "role": "manager"})
    text = json.dumps(log)
    assert "86421357" not in text and "13572468" not in text  # never a PIN, not even a hash
    with till.transaction() as s:
        assert "86421357" not in s.get(Staff, lan.id).pin_hash


def test_a_manager_cannot_make_or_touch_an_owner(till, owner, manager, cashier) -> None:
    with pytest.raises(PermissionDenied, match="Only an owner"):
        staff_admin.change_role(till, cashier.id, "owner", by=manager)
    with pytest.raises(PermissionDenied, match="Only an owner"):
        staff_admin.add(till, by=manager, name="Bà Chủ 2", role="owner", pin="11223344")
    with pytest.raises(PermissionDenied, match="Only an owner"):
        staff_admin.set_active(till, owner.id, False, by=manager)
    with pytest.raises(PermissionDenied, match="Only an owner"):
        staff_admin.reset_pin(till, owner.id, "44332211", by=manager)
    for action in (
        lambda: staff_admin.add(till, by=cashier, name="X", role="cashier", pin="55667788"),
        lambda: staff_admin.set_active(till, manager.id, False, by=cashier),
        lambda: staff_admin.reset_pin(till, cashier.id, "55667788", by=cashier),
        lambda: staff_admin.change_role(till, cashier.id, "manager", by=cashier),
    ):
        with pytest.raises(PermissionDenied, match="Only a manager"):
            action()
    staff_admin.change_role(till, cashier.id, "owner", by=owner)  # the owner may
    assert [a for a, *_ in _audit(till)][-1] == "staff.role"


def test_the_only_owner_stays_and_a_pin_stays_unique(till, owner, manager, staff_pins) -> None:
    with pytest.raises(InvalidInput, match="only owner cannot be demoted"):
        staff_admin.change_role(till, owner.id, "manager", by=owner)
    with pytest.raises(InvalidInput, match="cannot disable yourself"):
        staff_admin.set_active(till, owner.id, False, by=owner)
    with pytest.raises(InvalidInput, match="already used"):
        staff_admin.reset_pin(till, manager.id, staff_pins["owner"], by=owner)
    with pytest.raises(InvalidInput, match="4 to 8 digits"):
        staff_admin.reset_pin(till, manager.id, "12", by=owner)
    assert staff.require_manager(till, staff_pins["manager"]).id == manager.id
