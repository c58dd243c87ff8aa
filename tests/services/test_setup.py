"""Setting up a real shop: templates, the checks before anything is written, `loyalty init`, later changes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_till
from app.core.earning import Bill, compute_earn
from app.core.errors import InvalidInput, PermissionDenied
from app.core.templates import Template, program_from_template, rewards_for_template
from app.db.models import AuditLog, Staff
from app.services import awards, customers, setup, staff
from app.services.setup import ShopSetup

ROOT = Path(__file__).resolve().parents[2]
PIN = "480213"


def shop(**changes: object) -> ShopSetup:
    base = {"store_name": "Cà Phê Sáng", "owner_name": "Chị Mai", "owner_pin": PIN}
    return ShopSetup(**{**base, **changes})  # type: ignore[arg-type]


def test_templates_keep_the_design_defaults_in_any_currency() -> None:
    at = datetime(2026, 11, 23, 3, tzinfo=UTC)  # a Monday
    stamp = program_from_template(Template.STAMP_CARD, shop_name="Sáng")
    assert (stamp.card_size, stamp.starter_stamps, stamp.stamp_rule.min_spend) == (10, 2, 30_000)
    assert compute_earn(stamp, Bill(paid=125_000), at=at).stamps == 1
    assert compute_earn(stamp, Bill(paid=25_000), at=at).stamps == 0
    tiers = program_from_template(Template.POINTS_TIERS, shop_name="Sáng")
    assert compute_earn(tiers, Bill(paid=125_000), at=at).points == 12  # 1 point per 10,000 VND
    assert compute_earn(tiers, Bill(paid=125_000), at=at, tier="Gold").points == 18
    assert compute_earn(tiers, Bill(paid=125_000), at=at).stamps == 0  # no stamp card in a points program
    dollars = program_from_template(Template.POINTS_ONLY, shop_name="Sam's", currency_code="usd", language="en")
    assert (dollars.currency, dollars.amount_step, dollars.point_value) == ("USD", 100, 10)
    assert compute_earn(dollars, Bill(paid=1234), at=at).points == 12  # a point per dollar
    names = [r.name for r in rewards_for_template(Template.POINTS_ONLY, currency_code="USD", language="en")]
    assert names == ["$3.00 off", "Pay with points"]
    assert next(r.name for r in rewards_for_template(Template.POINTS_TIERS)) == "Giảm 20.000 ₫"
    with pytest.raises(InvalidInput, match="Unknown program template"):
        program_from_template("loyalty", shop_name="x")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"store_name": "  "}, "The shop needs a name."),
        ({"owner_name": ""}, "The owner needs a name."),
        ({"owner_pin": "12"}, "A PIN is 4 to 8 digits."),
        ({"owner_pin": "12ab56"}, "A PIN is 4 to 8 digits."),
        ({"currency": "XYZ"}, "Unknown currency"),
        ({"timezone": "Saigon"}, "is not a time zone"),
        ({"language": "fr"}, "Language must be one of"),
        ({"template": "loyalty"}, "Unknown program template"),
    ],
)
def test_a_bad_setup_is_refused_and_writes_nothing(tmp_path: Path, changes: dict, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        setup.setup_shop(tmp_path / "till", shop(**changes))
    assert not (tmp_path / "till").exists()


def test_setup_makes_the_owner_and_a_second_setup_is_refused(tmp_path: Path) -> None:
    till, owner = setup.setup_shop(
        tmp_path, shop(currency="usd", timezone=" America/New_York ", template="points_only")
    )
    assert owner.role == "owner" and staff.login(till, PIN) == owner
    assert "PIN" not in repr(shop()) and PIN not in repr(shop())
    with pytest.raises(InvalidInput, match="already set up"):
        setup.setup_shop(tmp_path, shop(owner_pin="999999"))
    with till.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Staff)) == 1
    settings = setup.store_settings(till)
    assert (settings.currency, settings.timezone, settings.has_sales) == ("USD", "America/New_York", False)


def test_changing_zone_or_currency_after_sales_needs_a_manager_and_a_confirmation(tmp_path: Path) -> None:
    till, owner = setup.setup_shop(tmp_path, shop(template="points_tiers"))
    cashier = staff.add_staff(till, name="Lan", role="cashier", pin="135790", by=owner)
    with pytest.raises(PermissionDenied):
        setup.change_store(till, manager=cashier, timezone="Asia/Bangkok")
    # Before any sale, no warning is needed.
    setup.change_store(till, manager=owner, timezone="Asia/Bangkok", address="1 Lê Lợi")
    assert till.program().timezone == "Asia/Bangkok"
    member = customers.enroll(till, name="Nguyễn Văn A", phone="0912 000 111", staff=cashier)
    awards.award(till, member.customer_id, Bill(paid=125_000), staff=cashier)
    with pytest.raises(InvalidInput, match="Confirm to change anyway"):
        setup.change_store(till, manager=owner, currency_code="USD")
    assert till.program().currency == "VND"
    setup.change_store(till, manager=owner, currency_code="USD", confirmed=True)
    assert till.program().currency == "USD"
    with till.transaction() as s:
        changes = s.scalars(select(AuditLog).where(AuditLog.action == "shop.settings").order_by(AuditLog.id)).all()
    assert [(c.staff_id, '"USD"' in c.after, '"VND"' in c.before) for c in changes] == [
        (owner.id, False, True),
        (owner.id, True, True),
    ]


def _loyalty(home: Path, *args: str, stdin: str = "", pin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LOYALTY_PIN", "LOYALTY_HOME")}
    if pin is not None:
        env["LOYALTY_PIN"] = pin
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--home", str(home), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_loyalty_init_from_an_empty_home_to_a_first_sale(tmp_path: Path) -> None:
    home = tmp_path / "bakery"
    # The owner's name and PIN come on standard input, never on the command line.
    done = _loyalty(
        home,
        "init",
        "--store",
        "Sarah's Bakery",
        "--currency",
        "USD",
        "--timezone",
        "America/New_York",
        "--language",
        "en",
        "--template",
        "points_tiers",
        stdin=f"Sarah Miller\n{PIN}\n",
    )
    assert done.returncode == 0, done.stderr
    assert "Sarah's Bakery is set up" in done.stdout and "USD, America/New_York, owner Sarah Miller" in done.stdout
    assert PIN not in done.stdout + done.stderr

    again = _loyalty(home, "init", "--store", "Other", stdin=f"X\n{PIN}\n")
    assert again.returncode == 2 and "already holds a till" in again.stderr
    argv_pin = _loyalty(tmp_path / "other", "--pin", PIN, "init", "--store", "Other", "--owner", "X")
    assert argv_pin.returncode == 2 and "PINs are not taken on the command line" in argv_pin.stderr

    enrolled = _loyalty(home, "enroll", "--name", "Tom Baker", "--phone", "+1 212 555 0142", pin=PIN)
    assert enrolled.returncode == 0, enrolled.stderr
    sale = _loyalty(home, "award", "+12125550142", "12.34", pin=PIN)
    assert sale.returncode == 0, sale.stderr
    assert sale.stdout.startswith("Awarded $12.34: +12 points")
    wrong = _loyalty(home, "award", "+12125550142", "5.00", pin="000000")
    assert wrong.returncode == 2 and "Wrong PIN" in wrong.stderr

    till = open_till(home)
    try:
        assert till.program().timezone == "America/New_York"
        assert [o.name for o in [staff.login(till, PIN)]] == ["Sarah Miller"]
    finally:
        till.engine.dispose()


def test_loyalty_init_takes_the_pin_from_the_environment(tmp_path: Path) -> None:
    done = _loyalty(tmp_path / "t", "init", "--store", "Quán Ốc", "--owner", "Anh Tư", pin="5555")
    assert done.returncode == 0, done.stderr
    bad = _loyalty(tmp_path / "u", "init", "--store", "Quán Ốc", "--owner", "Anh Tư", pin="55")
    assert bad.returncode == 2 and "A PIN is 4 to 8 digits." in bad.stderr
    assert not setup.is_set_up(tmp_path / "u")
