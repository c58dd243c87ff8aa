"""A copied or stolen till database gives away no PIN; the home is owner-only; PIN guessing is slowed,
audited and reported; the command line never takes a PIN on argv (issue 13)."""

from __future__ import annotations

import json
import os
import pty
import select as select_module
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_till
from app.core.errors import PermissionDenied
from app.db.models import AuditLog, BalanceRow, Customer, Flag, LedgerEntryRow, Staff
from app.services import customers, staff
from app.services.till import Till
from sync.protocol import INT64_MAX

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_home_and_its_secrets_are_owner_only_and_repaired_at_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    with till.transaction() as s:  # the WAL exists once something was written
        s.add(Customer(id="c1", card_number="1", name="x", name_key="x", referral_code="r",
                       enrolled_at=till.clock(), enrolled_store=till.store_id, updated_at=till.clock()))  # fmt: skip
    assert mode(home) == 0o700
    for name in ("terminal.db", "terminal.db-wal", "card.key", "pin.key"):
        assert mode(home / name) == 0o600, name
    till.engine.dispose()
    os.chmod(home, 0o755)  # a copy, a restore or an old version left them readable
    for name in ("terminal.db", "card.key", "pin.key"):
        os.chmod(home / name, 0o644)
    open_till(home).engine.dispose()
    assert mode(home) == 0o700
    assert all(mode(home / n) == 0o600 for n in ("terminal.db", "card.key", "pin.key"))


def test_a_copied_database_alone_cannot_check_a_pin(till: Till, staff_pins: dict[str, str]) -> None:
    with till.transaction() as s:
        hashes = [st.pin_hash for st in s.scalars(select(Staff))]
    assert hashes and all(h.startswith("scrypt2$") for h in hashes)
    pin = staff_pins["cashier"]
    # A thief with terminal.db and a loop over 0000–9999 finds nothing without pin.key:
    assert not any(staff.check_pin(pin, h) for h in hashes)
    assert not any(staff.check_pin(pin, h, (b"\x00" * 32,)) for h in hashes)
    assert any(staff.check_pin(pin, h, till.pin_keys) for h in hashes)
    assert pin.encode() not in (Path(str(till.engine.url.database))).read_bytes()


def test_an_old_pin_hash_is_upgraded_at_the_next_login(till: Till, staff_pins: dict[str, str]) -> None:
    pin = staff_pins["cashier"]
    who = staff.login(till, pin)
    with till.transaction() as s:
        row = s.get(Staff, who.id)
        assert row is not None
        row.pin_hash = staff.hash_pin(pin)  # v1: plain scrypt, as an older version wrote it
    assert staff.login(till, pin).id == who.id
    with till.transaction() as s:
        row = s.get(Staff, who.id)
        assert (
            row is not None
            and row.pin_hash.startswith("scrypt2$")
            and not staff.needs_rehash(row.pin_hash, till.pin_keys)
        )
    assert staff.login(till, pin).id == who.id


def audit_rows(till: Till, action: str) -> list[AuditLog]:
    with till.transaction() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


def test_five_wrong_pins_lock_the_till_for_a_growing_while_and_every_failure_is_audited(
    till: Till, clock: Any, staff_pins: dict[str, str]
) -> None:
    right = staff_pins["cashier"]
    for _ in range(staff.MAX_TRIES):
        with pytest.raises(PermissionDenied, match="Wrong PIN"):
            staff.login(till, "9999")
    with pytest.raises(staff.PinLocked, match="try again in 30 seconds"):
        staff.login(till, right)  # even the right PIN waits: guessing must not go on at full speed
    with pytest.raises(staff.PinLocked):
        staff.require_manager(till, staff_pins["manager"])
    failed = audit_rows(till, "pin.failed")
    assert [json.loads(r.after)["failures"] for r in failed] == [1, 2, 3, 4, 5]
    assert all(right not in r.after and "9999" not in r.after for r in failed)
    assert len(audit_rows(till, "pin.locked")) == 2
    clock.advance(seconds=31)
    with pytest.raises(PermissionDenied, match="Wrong PIN"):
        staff.login(till, "9999")  # the 6th: the wait doubles
    clock.advance(seconds=31)
    with pytest.raises(staff.PinLocked, match="try again in 29 seconds"):
        staff.login(till, right)
    clock.advance(seconds=30)
    assert staff.login(till, right).role == "cashier"  # and the count starts again
    with pytest.raises(PermissionDenied, match="Wrong PIN"):
        staff.login(till, "9999")
    assert staff.lockout_delay(4) == 0 and staff.lockout_delay(5) == 30 and staff.lockout_delay(7) == 120
    assert staff.lockout_delay(10_000) == staff.LONGEST_DELAY_S


def test_ten_wrong_pins_in_a_row_raise_a_manager_flag(till: Till, clock: Any) -> None:
    for _ in range(staff.ALERT_AFTER):
        with pytest.raises(PermissionDenied):
            staff.require_manager(till, "0000")
        clock.advance(hours=2)
    with till.transaction() as s:
        (flag,) = s.scalars(select(Flag).where(Flag.kind == "pin_failures"))
    assert "10 wrong PINs" in flag.message
    assert len(audit_rows(till, "pin.failed")) == 10


def loyalty(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--home", str(home), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def test_the_command_line_takes_pins_from_the_environment_never_argv(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    owner = staff.add_staff(till, name="Chị Hoa", role="owner", pin="2580")
    staff.add_staff(till, name="Lan", role="cashier", pin="1111", by=owner)
    till.engine.dispose()
    env = {"LOYALTY_PIN": ""}
    on_argv = loyalty(home, "--pin", "1111", "enroll", "--name", "Bé", "--phone", "0933111222", env=env)
    assert on_argv.returncode == 2 and "not taken on the command line" in on_argv.stderr
    no_pin = loyalty(home, "enroll", "--name", "Bé", "--phone", "0933111222", env=env)
    assert no_pin.returncode == 2 and "LOYALTY_PIN" in no_pin.stderr
    done = loyalty(home, "enroll", "--name", "Trần Thị Bé", "--phone", "0933 111 222", env={"LOYALTY_PIN": "1111"})
    assert done.returncode == 0, done.stderr
    shown = loyalty(home, "show", "0933111222", env=env)  # looking needs no PIN
    assert shown.returncode == 0 and "Trần Thị Bé" in shown.stdout


@pytest.mark.parametrize("birthday", ["31/02", "abc", "24", "1/2/3/4"])
def test_a_bad_birthday_gets_a_sentence_and_changes_nothing(tmp_path: Path, birthday: str) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    staff.add_staff(till, name="Chị Hoa", role="owner", pin="2580")
    till.engine.dispose()
    done = loyalty(home, "enroll", "--name", "Bé", "--phone", "0933111222", "--birthday", birthday,
                   env={"LOYALTY_PIN": "2580"})  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Type the birthday as day/month, e.g. 24/11" in done.stderr
    till = open_till(home)
    with till.transaction() as s:
        assert s.scalars(select(Customer)).first() is None
    till.engine.dispose()


def test_a_balance_near_int64_shows_and_refuses_with_sentences_never_an_overflow(tmp_path: Path) -> None:
    """Issue 13: tills that had pulled a poisoned entry showed 9,223,372,036,854,775,717 points and the
    command line crashed with OverflowError. A till's cache left like that by an old version still reads,
    and the next sale on her is refused with a sentence."""
    home = tmp_path / "home"
    till = open_till(home)
    owner = staff.add_staff(till, name="Chị Hoa", role="owner", pin="2580")
    member = customers.enroll(till, name="Ánh", phone="0912 000 111", staff=owner).customer_id
    with till.transaction() as s:
        row = s.get(BalanceRow, member)
        assert row is not None
        row.points = row.lifetime_points = row.lifetime_spend = INT64_MAX - 90
    till.engine.dispose()
    shown = loyalty(home, "show", "0912000111", env={"LOYALTY_PIN": ""})
    assert shown.returncode == 0 and "Traceback" not in shown.stderr
    assert str(INT64_MAX - 90) in shown.stdout
    sale = loyalty(home, "award", "0912000111", "50000", env={"LOYALTY_PIN": "2580"})
    assert sale.returncode == 2 and "Traceback" not in sale.stderr and "beyond" in sale.stderr
    till = open_till(home)
    with till.transaction() as s:  # refused: nothing written
        assert s.scalar(select(func.count()).select_from(LedgerEntryRow).where(LedgerEntryRow.kind == "earn")) == 0
    till.engine.dispose()


def test_the_command_line_asks_for_the_pin_without_echo(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    staff.add_staff(till, name="Chị Hoa", role="owner", pin="2580")
    till.engine.dispose()
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "LOYALTY_PIN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "--home", str(home), "enroll", "--name", "Bé", "--phone", "0933111222"],
        cwd=ROOT, stdin=child, stdout=child, stderr=child, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(child)
    seen = b""
    deadline = time.monotonic() + 60
    while b"Staff PIN:" not in seen and time.monotonic() < deadline:
        if select_module.select([main], [], [], 1)[0]:
            seen += os.read(main, 1024)
    os.write(main, b"2580\n")
    while proc.poll() is None and time.monotonic() < deadline:
        if select_module.select([main], [], [], 1)[0]:
            try:
                seen += os.read(main, 1024)
            except OSError:
                break
    proc.wait(30)
    os.close(main)
    assert proc.returncode == 0, seen.decode(errors="replace")
    assert b"Enrolled" in seen and b"2580" not in seen  # typed, not echoed
