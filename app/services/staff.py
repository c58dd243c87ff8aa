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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import without_secrets
from app.core.errors import InvalidInput, Notice, PermissionDenied
from app.core.ids import new_id
from app.db.models import AuditLog, Flag, OutboxItem, Setting, Staff
from app.services.flag_texts import PIN_FAILURES
from app.services.till import Till

ROLES = ("cashier", "manager", "owner")
MANAGER_ROLES = ("manager", "owner")
_N, _R, _P = 2**14, 8, 1
PIN_KEY_BYTES = 32


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: str

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES


def pin_key_id(key: bytes) -> str:
    """Names a PIN key inside a hash without giving it away, so a till holding several finds the right one."""
    return hashlib.sha256(b"loyalty pin key id\x00" + key).hexdigest()[:12]


def hash_pin(pin: str, keys: Sequence[bytes] = ()) -> str:
    """An opaque string: sync it, store it, hand it to ``check_pin``; never parse it elsewhere.

    Format v2 (``scrypt2$<key id>$N$r$p$salt$sealed``): the scrypt digest of the PIN, XORed with a pad
    that only the chain's PIN key makes (HMAC-SHA256(key, salt)). The key lives in ``pin.key`` beside
    the database, never in it, so a copied database alone can't be brute-forced (four digits are only
    10,000 guesses): without the key every PIN "fits" the sealed digest equally. The key seals *after*
    scrypt so that a till can move its hashes to the chain's key at pairing without knowing any PIN
    (``reseal_pin_hash``): staff set up on a standalone till work at every till of the chain at once.
    Without a key (``keys`` empty) the v1 format (``scrypt$N$r$p$salt$digest``, plain scrypt) is written;
    ``check_pin`` reads both and a login re-hashes v1 with the current key.
    """
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    if not keys:
        return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"
    key = keys[0]
    return f"scrypt2${pin_key_id(key)}${_N}${_R}${_P}${_b64(salt)}${_b64(_seal(digest, key, salt))}"


def check_pin(pin: str, stored: str, keys: Sequence[bytes] = ()) -> bool:
    try:
        parts = stored.split("$")
        if parts[0] == "scrypt2":
            _, kid, n, r, p, salt, sealed = parts
            key = next((k for k in keys if pin_key_id(k) == kid), None)
            if key is None:  # hashed under a PIN key this till does not hold
                return False
            digest = _seal(base64.b64decode(sealed), key, base64.b64decode(salt))  # XOR: sealing twice opens
        else:
            _, n, r, p, salt, encoded = parts
            digest = base64.b64decode(encoded)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, digest)


def needs_rehash(stored: str, keys: Sequence[bytes]) -> bool:
    """True for a v1 hash, or a v2 hash under a PIN key that is no longer the current one."""
    return bool(keys) and not stored.startswith(f"scrypt2${pin_key_id(keys[0])}$")


def reseal_pin_hash(stored: str, keys: Sequence[bytes]) -> str | None:
    """The same PIN's hash sealed with the current key (``keys[0]``), or None when it can't or needn't be.

    A v2 hash under an older key this till holds is opened and sealed again: no PIN needed. A v1 hash
    can't be sealed without the PIN (it is re-hashed at the person's next login instead).
    """
    if not keys or not needs_rehash(stored, keys):
        return None
    parts = stored.split("$")
    if parts[0] != "scrypt2" or len(parts) != 7:
        return None
    _, kid, n, r, p, salt, sealed = parts
    old = next((k for k in keys if pin_key_id(k) == kid), None)
    if old is None:
        return None
    raw_salt = base64.b64decode(salt)
    digest = _seal(base64.b64decode(sealed), old, raw_salt)
    return f"scrypt2${pin_key_id(keys[0])}${n}${r}${p}${salt}${_b64(_seal(digest, keys[0], raw_salt))}"


def reseal_staff_pins(s: Session, keys: Sequence[bytes]) -> int:
    """Move every staff PIN hash this till can to the current PIN key (at pairing), queued for sync."""
    moved = 0
    for st in s.scalars(select(Staff)):
        new = reseal_pin_hash(st.pin_hash, keys)
        if new is not None:
            st.pin_hash = new
            s.add(OutboxItem(item_type="staff", item_id=st.id))
            moved += 1
    return moved


def _seal(digest: bytes, key: bytes, salt: bytes) -> bytes:
    pad = hmac.new(key, b"loyalty pin seal\x00" + salt, hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(digest, pad, strict=True))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


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
        raise InvalidInput("Role must be one of {0}.", roles=", ".join(ROLES))
    _valid_pin(pin)
    with till.transaction() as s:
        existing = s.scalars(select(Staff).where(Staff.active)).all()
        if existing and (by is None or not by.is_manager):
            raise PermissionDenied("Only a manager can add staff.")
        if not existing and role not in MANAGER_ROLES:
            raise InvalidInput("The first staff member must be the owner or a manager (who can then add cashiers).")
        if any(check_pin(pin, st.pin_hash, till.pin_keys) for st in existing):
            raise InvalidInput("That PIN is already used by someone else; choose another.")
        row = Staff(id=new_id(), store_id=till.store_id, name=name, role=role, pin_hash=hash_pin(pin, till.pin_keys))
        s.add(row)
        audit(s, by, "staff.add", row.id, after={"name": name, "role": role})
    return StaffMember(row.id, name, role)


# PIN lockout, per till: after MAX_TRIES wrong PINs in a row each further try waits, longer and longer;
# at ALERT_AFTER the manager gets a flag. Every failure is in the audit log (never the PIN typed).
MAX_TRIES = 5
ALERT_AFTER = 10
FIRST_DELAY_S = 30
LONGEST_DELAY_S = 3600
_FAILURES, _LAST_FAILURE = "pin.failures", "pin.last_failure_at"


class PinLocked(PermissionDenied):
    code = "pin_locked"


def lockout_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong PINs in a row: none before MAX_TRIES, then doubling."""
    if failures < MAX_TRIES:
        return 0
    return min(LONGEST_DELAY_S, FIRST_DELAY_S * 2 ** min(failures - MAX_TRIES, 20))


def login(till: Till, pin: str) -> StaffMember:
    """Who is at the till: the active staff member whose PIN this is."""
    return _identify(till, pin, "login", "Wrong PIN.", managers_only=False)


def require_manager(till: Till, pin: str) -> StaffMember:
    """The manager whose PIN was typed, for one privileged action. Raises PermissionDenied."""
    if not pin:
        raise PermissionDenied("A manager PIN is needed for this.")
    return _identify(till, pin, "manager", "That is not a manager PIN.", managers_only=True)


def _identify(till: Till, pin: str, purpose: str, wrong: str, *, managers_only: bool) -> StaffMember:
    refusal: PermissionDenied
    with till.transaction() as s:
        failures, last = _failures(s)
        now = till.clock()
        wait = lockout_delay(failures) - (now - last).total_seconds() if last else 0
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            audit(s, None, "pin.locked", purpose, after={"failures": failures, "wait_s": seconds})
            refusal = PinLocked("Too many wrong PINs in a row: try again in {0} seconds.", seconds=seconds)
        else:
            q = select(Staff).where(Staff.active)
            q = q.where(Staff.role.in_(MANAGER_ROLES)) if managers_only else q.where(Staff.store_id == till.store_id)
            for st in s.scalars(q):
                if check_pin(pin, st.pin_hash, till.pin_keys):
                    if needs_rehash(st.pin_hash, till.pin_keys):  # v1, or an older PIN key: now the current one
                        st.pin_hash = hash_pin(pin, till.pin_keys)
                        # The other tills of the store and the server check PINs with the chain's key only.
                        s.add(OutboxItem(item_type="staff", item_id=st.id))
                    if failures:
                        _set(s, _FAILURES, "0")
                    return StaffMember(st.id, st.name, st.role)
            failures += 1
            _set(s, _FAILURES, str(failures))
            _set(s, _LAST_FAILURE, now.isoformat())
            audit(s, None, "pin.failed", purpose, after={"failures": failures})
            if failures % ALERT_AFTER == 0:
                s.add(
                    Flag(
                        id=new_id(),
                        kind="pin_failures",
                        message=Notice(PIN_FAILURES, failures=failures),
                        created_at=now,
                    )
                )
            refusal = PermissionDenied(wrong)
    raise refusal


def _failures(s: Session) -> tuple[int, datetime | None]:
    count, last = s.get(Setting, _FAILURES), s.get(Setting, _LAST_FAILURE)
    try:
        return int(count.value) if count else 0, datetime.fromisoformat(last.value) if last else None
    except ValueError:
        return 0, None


def _set(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def audit(
    session: Session,
    who: StaffMember | None,
    action: str,
    subject: str = "",
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """One line of the audit log, in the action's own transaction, queued for the server with it.

    The line syncs to the store's other tills (issue 9: "at which till"), so it must never hold a
    secret: secret-named keys are hidden here, whatever the caller passed.
    """
    line = AuditLog(
        uid=new_id(),
        staff_id=who.id if who else None,
        action=action,
        subject=subject,
        before=json.dumps(without_secrets(before), ensure_ascii=False, default=str, sort_keys=True),
        after=json.dumps(without_secrets(after), ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(line)
    session.add(OutboxItem(item_type="audit", item_id=line.uid))
