"""``loyalty enroll --birthday``: the till's own day-first parser, so "24.11" works and a typo is a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.db.models import Customer
from app.services.till import Till


def test_a_birthday_written_with_dots_enrols_and_a_bad_one_is_a_sentence(
    till: Till, tmp_path: Path, staff_pins: dict[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("LOYALTY_PIN", staff_pins["cashier"])
    home = str(tmp_path / "home")
    enroll = ["--home", home, "enroll", "--name", "Võ Thị Hạnh", "--phone", "0934 567 890"]
    assert main([*enroll, "--birthday", "24.11"]) == 0
    with till.transaction() as s:
        hanh = s.scalars(select(Customer).where(Customer.name == "Võ Thị Hạnh")).one()
        assert (hanh.birthday_day, hanh.birthday_month) == (24, 11)

    capsys.readouterr()
    enroll = ["--home", home, "enroll", "--name", "Lý Văn Tài", "--phone", "0934 567 891"]
    assert main([*enroll, "--birthday", "31.02"]) == 2
    err = capsys.readouterr().err
    assert err == "error: Type the birthday as day/month, e.g. 24/11 (the year may follow: 24/11/1990).\n"
