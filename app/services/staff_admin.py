"""Managing the staff: add, disable, change a role, reset a PIN — each audited.

Who may do what: a manager manages cashiers and managers; only an owner manages
owners, and nobody but an owner makes someone an owner. The last active owner
can be neither disabled nor demoted (the shop would have nobody to run it).
PIN hashes come from ``staff.hash_pin`` and are never read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput, NotFound, PermissionDenied
from app.core.phone import normalise_phone
from app.db.models import OutboxItem, Staff
from app.services import staff
from app.services.staff import ROLES, StaffMember, audit
from app.services.till import Till


@dataclass(frozen=True)
class StaffInfo:
    id: str
    name: str
    role: str
    active: bool
    created_at: datetime
    phone: str | None = None  # E.164; for the self-earn flag only


STAFF_ITEM = "staff"  # outbox type: the store's other tills learn the change through the server


def queue_in(s: Session, staff_id: str) -> None:
    s.add(OutboxItem(item_type=STAFF_ITEM, item_id=staff_id))


def check_may_manage(actor: StaffMember, target_role: str, new_role: str | None = None) -> None:
    """Raise PermissionDenied unless ``actor`` may change someone of ``target_role`` (to ``new_role``)."""
    if not actor.is_manager:
        raise PermissionDenied("Only a manager can manage the staff.")
    if actor.role != "owner" and "owner" in (target_role, new_role):
        raise PermissionDenied("Only an owner can make someone an owner or change an owner.")


def list_staff(till: Till, *, include_disabled: bool = True) -> list[StaffInfo]:
    with till.transaction() as s:
        q = select(Staff).where(Staff.store_id == till.store_id).order_by(Staff.active.desc(), Staff.name)
        if not include_disabled:
            q = q.where(Staff.active)
        return [StaffInfo(r.id, r.name, r.role, r.active, r.created_at, r.phone) for r in s.scalars(q)]


def add(till: Till, *, by: StaffMember, name: str, role: str, pin: str) -> StaffMember:
    if role not in ROLES:
        raise InvalidInput("Role must be one of {0}.", roles=", ".join(ROLES))
    check_may_manage(by, role, role)
    added = staff.add_staff(till, name=name, role=role, pin=pin, by=by)
    with till.transaction() as s:
        queue_in(s, added.id)
    return added


def _row(s: Session, till: Till, staff_id: str) -> Staff:
    row = s.get(Staff, staff_id)
    if row is None or row.store_id != till.store_id:
        raise NotFound("No such staff member.")
    return row


def _other_active_owners(s: Session, row: Staff) -> int:
    return (
        s.scalar(select(func.count()).select_from(Staff).where(Staff.active, Staff.role == "owner", Staff.id != row.id))
        or 0
    )


def set_active(till: Till, staff_id: str, active: bool, *, by: StaffMember) -> StaffInfo:
    """Disable (or enable again) a staff member: a disabled PIN opens nothing, the history stays."""
    with till.transaction() as s:
        row = _row(s, till, staff_id)
        check_may_manage(by, row.role)
        if not active and row.id == by.id:
            raise InvalidInput("You cannot disable yourself; ask another manager.")
        if not active and row.role == "owner" and not _other_active_owners(s, row):
            raise InvalidInput("The shop's only owner cannot be disabled; make someone else owner first.")
        if row.active != active:
            audit(
                s,
                by,
                "staff.enable" if active else "staff.disable",
                row.id,
                before={"active": row.active},
                after={"active": active},
            )
            row.active = active
            queue_in(s, row.id)
        return StaffInfo(row.id, row.name, row.role, row.active, row.created_at)


def change_role(till: Till, staff_id: str, role: str, *, by: StaffMember) -> StaffInfo:
    if role not in ROLES:
        raise InvalidInput("Role must be one of {0}.", roles=", ".join(ROLES))
    with till.transaction() as s:
        row = _row(s, till, staff_id)
        check_may_manage(by, row.role, role)
        if row.role == "owner" and role != "owner" and not _other_active_owners(s, row):
            raise InvalidInput("The shop's only owner cannot be demoted; make someone else owner first.")
        if row.role != role:
            audit(
                s,
                by,
                "staff.role",
                row.id,
                before={"name": row.name, "role": row.role},
                after={"name": row.name, "role": role},
            )
            row.role = role
            queue_in(s, row.id)
        return StaffInfo(row.id, row.name, row.role, row.active, row.created_at)


def rename(till: Till, staff_id: str, name: str, *, by: StaffMember) -> StaffInfo:
    name = name.strip()
    if not name:
        raise InvalidInput("A staff member needs a name.")
    with till.transaction() as s:
        row = _row(s, till, staff_id)
        check_may_manage(by, row.role)
        if row.name != name:
            audit(s, by, "staff.rename", row.id, before={"name": row.name}, after={"name": name})
            row.name = name
            queue_in(s, row.id)
        return StaffInfo(row.id, row.name, row.role, row.active, row.created_at)


def reset_pin(till: Till, staff_id: str, pin: str, *, by: StaffMember) -> None:
    """Give someone a new PIN (they forgot it, or it was seen). The audit says who and when, never the PIN."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidInput("A PIN is 4 to 8 digits.")
    with till.transaction() as s:
        row = _row(s, till, staff_id)
        check_may_manage(by, row.role)
        others = s.scalars(select(Staff).where(Staff.active, Staff.id != row.id)).all()
        if any(staff.check_pin(pin, o.pin_hash, till.pin_keys) for o in others):
            raise InvalidInput("That PIN is already used by someone else; choose another.")
        row.pin_hash = staff.hash_pin(pin, till.pin_keys)
        queue_in(s, row.id)
        audit(s, by, "staff.pin_reset", row.id, before={"name": row.name}, after={"name": row.name})


def set_phone(till: Till, staff_id: str, phone: str, *, by: StaffMember) -> StaffInfo:
    """Record a staff member's own phone ("" clears it), so earning on her own member card is flagged.

    Why a phone and not a link to a member: staff enrol themselves like any customer, often
    before they are staff, and the phone is what both records share. It syncs with the staff
    record, so the flag is raised at whichever till of the store she works.
    """
    e164 = normalise_phone(phone, till.country()) if phone.strip() else None
    with till.transaction() as s:
        row = _row(s, till, staff_id)
        check_may_manage(by, row.role)
        if row.phone != e164:
            audit(s, by, "staff.phone", row.id, before={"phone": row.phone}, after={"phone": e164})
            row.phone = e164
            queue_in(s, row.id)
        return StaffInfo(row.id, row.name, row.role, row.active, row.created_at, row.phone)
