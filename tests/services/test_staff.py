"""Staff and PINs: only hashes are stored, a wrong PIN opens nothing, and every privileged action
leaves an audit row naming who did it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.core.earning import Bill
from app.core.errors import InvalidInput, PermissionDenied
from app.core.program import worked_example_program
from app.db.models import AuditLog, Staff
from app.services import awards, catalog, corrections, customers, staff
from app.services.staff import StaffMember
from app.services.till import Till


def database_bytes(till: Till) -> bytes:
    """Everything SQLite has on disk for this till: the database file, its WAL and shared memory."""
    db = Path(str(till.engine.url.database))
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


def test_pins_are_stored_only_as_salted_hashes(
    till: Till, owner: StaffMember, staff_pins: dict[str, str]
) -> None:
    rookie = staff.add_staff(till, name="Bé Na", role="cashier", pin="50718293", by=owner)
    with till.transaction() as s:
        hashes = {st.id: st.pin_hash for st in s.scalars(select(Staff))}
    assert all(h.startswith("scrypt2$") for h in hashes.values())  # peppered with pin.key (format v2)
    assert len(set(hashes.values())) == len(hashes)
    on_disk = database_bytes(till)
    assert rookie.id.encode() in on_disk  # we are looking at the right bytes
    for pin in [*staff_pins.values(), "50718293"]:
        assert pin.encode() not in on_disk
        assert pin.encode("utf-16-le") not in on_disk


def test_two_members_with_the_same_pin_get_different_hashes(fresh_till: Till) -> None:
    owner = staff.add_staff(fresh_till, name="Owner", role="owner", pin="61728394")
    assert staff.check_pin("61728394", staff.hash_pin("61728394"))
    assert staff.hash_pin("61728394") != staff.hash_pin("61728394")
    assert owner.is_manager


def test_login_with_the_right_pin_and_not_with_a_wrong_one(
    till: Till, cashier: StaffMember, manager: StaffMember, staff_pins: dict[str, str]
) -> None:
    assert staff.login(till, staff_pins["cashier"]) == cashier
    assert staff.login(till, staff_pins["manager"]) == manager
    for wrong in ("00000000", "", "2468135", staff_pins["cashier"] + "0"):
        with pytest.raises(PermissionDenied, match="Wrong PIN"):
            staff.login(till, wrong)


def test_a_manager_pin_is_a_manager_or_owner_pin(
    till: Till, owner: StaffMember, manager: StaffMember, staff_pins: dict[str, str]
) -> None:
    assert staff.require_manager(till, staff_pins["manager"]) == manager
    assert staff.require_manager(till, staff_pins["owner"]) == owner
    with pytest.raises(PermissionDenied, match="not a manager PIN"):
        staff.require_manager(till, staff_pins["cashier"])
    with pytest.raises(PermissionDenied, match="needed"):
        staff.require_manager(till, "")


def test_the_first_staff_member_needs_nobody_and_the_next_need_a_manager(fresh_till: Till) -> None:
    boss = staff.add_staff(fresh_till, name="Chủ quán", role="owner", pin="13572468")
    with pytest.raises(PermissionDenied, match="Only a manager"):
        staff.add_staff(fresh_till, name="Sneaky", role="manager", pin="97531234")
    cashier = staff.add_staff(fresh_till, name="Thu ngân", role="cashier", pin="86421357", by=boss)
    with pytest.raises(PermissionDenied, match="Only a manager"):
        staff.add_staff(fresh_till, name="Friend", role="cashier", pin="11223344", by=cashier)


@pytest.mark.parametrize(
    ("name", "role", "pin", "message"),
    [
        ("", "cashier", "55667788", "needs a name"),
        ("   ", "cashier", "55667788", "needs a name"),
        ("Lan", "boss", "55667788", "Role must be"),
        ("Lan", "cashier", "123", "4 to 8 digits"),
        ("Lan", "cashier", "123456789", "4 to 8 digits"),
        ("Lan", "cashier", "12a4", "4 to 8 digits"),
        ("Lan", "cashier", "", "4 to 8 digits"),
    ],
)
def test_staff_details_that_make_no_sense_are_refused(
    till: Till, owner: StaffMember, snapshot: Callable[[], Any], name: str, role: str, pin: str, message: str
) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match=message):
        staff.add_staff(till, name=name, role=role, pin=pin, by=owner)
    assert snapshot() == before


def test_a_pin_already_in_use_is_refused_so_a_pin_names_one_person(
    till: Till, owner: StaffMember, staff_pins: dict[str, str], snapshot: Callable[[], Any]
) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match="already used"):
        staff.add_staff(till, name="Copycat", role="cashier", pin=staff_pins["cashier"], by=owner)
    assert snapshot() == before


def test_every_privileged_action_leaves_an_audit_row_naming_who(
    till: Till,
    owner: StaffMember,
    manager: StaffMember,
    cashier: StaffMember,
    member: customers.Enrolled,
    staff_pins: dict[str, str],
    clock: Any,
) -> None:
    added = staff.add_staff(till, name="Bé Na", role="cashier", pin="50718293", by=manager)
    catalog.publish_program(till, worked_example_program(), by=owner)
    clock.advance(minutes=30)
    sale = awards.award(till, member.customer_id, Bill(125_000), staff=cashier).earn
    corrections.adjust(till, member.customer_id, points=5, reason="late order", manager=manager)
    corrections.reverse(till, sale.id, manager=manager, reason="wrong card")
    clock.advance(minutes=1)
    awards.award(till, member.customer_id, Bill(60_000), staff=cashier)
    clock.advance(minutes=10)
    corrections.undo_last(till, cashier, manager_pin=staff_pins["owner"])
    customers.set_blocked(till, member.customer_id, True, manager=manager, reason="card abuse")

    with till.transaction() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    # The template till's own staff (owner, manager, cashier) were audited too.
    assert [(r.action, r.staff_id) for r in rows][:3] == [
        ("staff.add", None),
        ("staff.add", owner.id),
        ("staff.add", owner.id),
    ]
    assert [(r.action, r.staff_id) for r in rows][3:] == [
        ("customer.enroll", cashier.id),
        ("staff.add", manager.id),
        ("program.publish", owner.id),
        ("ledger.adjust", manager.id),
        ("ledger.reverse", manager.id),
        ("ledger.undo", owner.id),
        ("customer.block", manager.id),
    ]
    by_action = {r.action: r for r in rows}
    assert json.loads(by_action["program.publish"].after) == {"version": 2}
    assert json.loads(rows[4].after) == {"name": "Bé Na", "role": "cashier"} and rows[4].subject == added.id
    for r in rows:
        assert "50718293" not in r.before + r.after  # PINs are never logged
