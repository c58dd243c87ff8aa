"""Staff, PINs and the audit log.

PINs are stored as salted scrypt hashes (stdlib, memory-hard) and never logged.
A manager action asks for a manager PIN every time; what was done, by whom,
before and after, goes to the audit log in the same transaction as the action.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput, PermissionDenied
from app.core.ids import new_id
from app.db.models import AuditLog, Staff
from app.services.till import Till

ROLES = ("cashier", "manager", "owner")
MANAGER_ROLES = ("manager", "owner")
_N, _R, _P = 2**14, 8, 1


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: str

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


def _valid_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidInput("A PIN is 4 to 8 digits.")
    return pin


def add_staff(till: Till, *, name: str, role: str, pin: str, by: StaffMember | None = None) -> StaffMember:
    """Create a staff member. Anyone but the very first owner needs a manager to do it."""
    name = name.strip()
    if not name:
        raise InvalidInput("A staff member needs a name.")
    if role not in ROLES:
        raise InvalidInput(f"Role must be one of {', '.join(ROLES)}.")
    _valid_pin(pin)
    with till.transaction() as s:
        existing = s.scalars(select(Staff).where(Staff.active)).all()
        if existing and (by is None or not by.is_manager):
            raise PermissionDenied("Only a manager can add staff.")
        if not existing and role not in MANAGER_ROLES:
            raise InvalidInput("The first staff member must be the owner or a manager (who can then add cashiers).")
        if any(check_pin(pin, st.pin_hash) for st in existing):
            raise InvalidInput("That PIN is already used by someone else; choose another.")
        row = Staff(id=new_id(), store_id=till.store_id, name=name, role=role, pin_hash=hash_pin(pin))
        s.add(row)
        audit(s, by, "staff.add", row.id, after={"name": name, "role": role})
    return StaffMember(row.id, name, role)


def login(till: Till, pin: str) -> StaffMember:
    """Who is at the till: the active staff member whose PIN this is."""
    with till.transaction() as s:
        for st in s.scalars(select(Staff).where(Staff.active, Staff.store_id == till.store_id)):
            if check_pin(pin, st.pin_hash):
                return StaffMember(st.id, st.name, st.role)
    raise PermissionDenied("Wrong PIN.")


def require_manager(till: Till, pin: str) -> StaffMember:
    """The manager whose PIN was typed, for one privileged action. Raises PermissionDenied."""
    if not pin:
        raise PermissionDenied("A manager PIN is needed for this.")
    with till.transaction() as s:
        rows = s.scalars(select(Staff).where(Staff.active, Staff.role.in_(MANAGER_ROLES))).all()
        for st in rows:
            if check_pin(pin, st.pin_hash):
                return StaffMember(st.id, st.name, st.role)
    raise PermissionDenied("That is not a manager PIN.")


def audit(
    session: Session,
    who: StaffMember | None,
    action: str,
    subject: str = "",
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            staff_id=who.id if who else None,
            action=action,
            subject=subject,
            before=json.dumps(before or {}, ensure_ascii=False, default=str, sort_keys=True),
            after=json.dumps(after or {}, ensure_ascii=False, default=str, sort_keys=True),
        )
    )
