"""``loyalty voucher``: the same one-use voucher at the command line, the PIN from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.services import customers, vouchers
from app.services.till import Till


def test_a_voucher_is_taken_once_from_the_command_line(
    till: Till, tmp_path: Path, staff_pins: dict[str, str], member: customers.Enrolled, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    with till.transaction() as s:
        issued = vouchers.issue_in(s, till, value=30_000, issued_for="ticket", customer_id=member.customer_id)
    monkeypatch.setenv("LOYALTY_PIN", staff_pins["cashier"])
    home = str(tmp_path / "home")
    assert main(["--home", home, "voucher", issued.payload, "--bill", "25.000"]) == 0
    assert f"Voucher {issued.code} used" in capsys.readouterr().out
    assert main(["--home", home, "voucher", issued.code]) != 0
    assert "already used" in capsys.readouterr().err
