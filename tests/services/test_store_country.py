"""A store's country (issue 9 shops outside Vietnam): phones are typed, found and shown as its people write them.

A New York bakery's cashier types "(617) 555-0142" and means +1; a Hanoi till still reads
"0912 345 678" as +84 and shows it as it always has. Real SQLite tills, real services.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.bootstrap import open_till
from app.core.errors import Duplicate, InvalidInput, PermissionDenied
from app.services import customer_list, customer_page, customers, profiles, settings, setup, staff, staff_admin
from app.services.regions import country_for_zone
from app.services.setup import ShopSetup
from app.services.till import Till

ROOT = Path(__file__).resolve().parents[2]
PIN = "480213"


@pytest.fixture
def bakery(tmp_path: Path):
    """Sarah's Bakery in New York, set up as the wizard and `loyalty init` do (no country given)."""
    till, owner = setup.setup_shop(
        tmp_path / "bakery",
        ShopSetup(
            store_name="Sarah's Bakery",
            owner_name="Sarah Miller",
            owner_pin=PIN,
            currency="USD",
            timezone="America/New_York",
            language="en",
        ),
    )
    yield till, owner
    till.engine.dispose()


def test_the_country_of_a_zone_comes_from_the_iana_zone_tables() -> None:
    assert country_for_zone("America/New_York") == "US"
    assert country_for_zone("Asia/Ho_Chi_Minh") == "VN"
    assert country_for_zone("America/Toronto") == "CA"
    assert country_for_zone("Europe/Paris") == "FR"
    assert country_for_zone("Asia/Bangkok") == "TH"  # zone.tab's one country, not zone1970.tab's list
    assert country_for_zone("UTC") == "VN" and country_for_zone("") == "VN"  # no country: where we started


def test_a_new_york_shop_enrols_finds_and_shows_a_member_by_her_american_phone(bakery) -> None:
    till, owner = bakery
    assert settings.store_country(till) == "US"  # from the zone: nobody had to say it
    her = customers.enroll(till, name="Emily Chen", phone="(617) 555-0142", staff=owner)
    assert customers.view(till, her.customer_id).phone == "(617) 555-0142"
    for typed in ("6175550142", "+1 617 555 0142", "617-555-0142", "(617) 555-0142", "1 617 555 0142"):
        found = customers.find(till, typed)
        assert (found.via, [m.customer_id for m in found.matches]) == ("phone", [her.customer_id]), typed
    # The same person typed another way is the same member, refused as a duplicate in her shop's format.
    with pytest.raises(Duplicate) as dup:
        customers.enroll(till, name="Emily", phone="+1 (617) 555-0142", staff=owner)
    assert "(617) 555-0142" in str(dup.value)
    # A Vietnamese tourist's number is foreign here: typed with its code, shown with it.
    lan = customers.enroll(till, name="Lan", phone="+84 912 345 678", staff=owner)
    assert customers.view(till, lan.customer_id).phone == "+84 912 345 678"
    with pytest.raises(InvalidInput):
        customers.enroll(till, name="Typo", phone="(617) 555-014", staff=owner)  # nine digits: not a US number


def test_the_back_office_searches_shows_and_edits_american_phones(bakery) -> None:
    till, owner = bakery
    her = customers.enroll(till, name="Emily Chen", phone="617.555.0142", staff=owner)
    for typed in ("6175550142", "+1 617 555 0142", "(617) 555-0142"):
        rows = customer_list.customer_page(till, typed)
        assert [(r.id, r.phone) for r in rows] == [(her.customer_id, "(617) 555-0142")], typed
        assert customer_list.customer_count(till, typed) == 1
    assert customer_page.profile(till, her.customer_id).phone == "(617) 555-0142"
    edit = profiles.ProfileEdit(name="Emily Chen", phone="(617) 555-0199")
    profiles.edit_profile(till, her.customer_id, edit, manager=owner, reason="new phone")
    assert customers.view(till, her.customer_id).phone == "(617) 555-0199"
    assert customers.find(till, "6175550199").matches[0].customer_id == her.customer_id
    # A staff member's own phone is read the same way.
    assert staff_admin.set_phone(till, owner.id, "(212) 555-0100", by=owner).phone == "+12125550100"


def test_ten_digits_that_are_a_card_number_still_find_the_card_in_america(bakery) -> None:
    """In Vietnam ten digits without a leading 0 are always a card; in the US they may be a phone.
    A card that exists wins; otherwise they are her phone."""
    till, owner = bakery
    her = customers.enroll(till, name="Emily Chen", phone="(617) 555-0142", staff=owner)
    card = customers.view(till, her.customer_id).card_number.replace(" ", "")
    found = customers.find(till, card)
    assert found.matches[0].customer_id == her.customer_id and found.via in ("number", "phone")
    assert [r.id for r in customer_list.customer_page(till, card)] == [her.customer_id]


def test_a_vietnamese_till_reads_and_shows_phones_exactly_as_before(tmp_path: Path) -> None:
    till, owner = setup.setup_shop(
        tmp_path / "hanoi", ShopSetup(store_name="Cà Phê Sáng", owner_name="Chị Hoa", owner_pin=PIN)
    )
    try:
        assert settings.store_country(till) == "VN"
        an = customers.enroll(till, name="Nguyễn Văn An", phone="0912.345.678", staff=owner)
        assert customers.view(till, an.customer_id).phone == "0912 345 678"
        assert customers.find(till, "+84 912 345 678").matches[0].customer_id == an.customer_id
        tourist = customers.enroll(till, name="Tom", phone="+1 415 555 0100", staff=owner)
        assert customers.view(till, tourist.customer_id).phone == "+14155550100"  # as before
        # Ten digits are a Vietnamese number here, by today's length rule: why a US shop needs its country.
        emily = customers.enroll(till, name="Emily", phone="(617) 555-0142", staff=owner)
        assert customers.view(till, emily.customer_id).phone == "+846175550142"
    finally:
        till.engine.dispose()


def test_a_till_made_before_countries_reads_vietnamese_numbers_whatever_its_zone(tmp_path: Path) -> None:
    """No country setting (a till set up before this change): Vietnam, never a guess from its zone."""
    till = open_till(tmp_path / "old", timezone="Asia/Tokyo")
    try:
        assert till.country() == "VN"
        new = customers.enroll(till, name="Lan", phone="0912 345 678", staff=None)
        assert customers.view(till, new.customer_id).phone == "0912 345 678"
    finally:
        till.engine.dispose()


def test_a_manager_changes_the_country_and_new_numbers_are_read_in_it(tmp_path: Path) -> None:
    till, owner = setup.setup_shop(
        tmp_path / "moved",
        ShopSetup(store_name="Phở Gánh", owner_name="Anh Tư", owner_pin=PIN, timezone="America/New_York", country="VN"),
    )
    try:
        assert setup.store_settings(till).country == "VN"  # the owner said so, whatever the zone
        an = customers.enroll(till, name="An", phone="0912 345 678", staff=owner)
        cashier = staff.add_staff(till, name="Bé", role="cashier", pin="2580", by=owner)
        with pytest.raises(PermissionDenied):
            setup.change_store(till, manager=cashier, country="US")
        with pytest.raises(InvalidInput, match="not a country code"):
            setup.change_store(till, manager=owner, country="XX")
        assert setup.store_settings(till).country == "VN"
        after = setup.change_store(till, manager=owner, country="us")
        assert after.country == "US" and settings.store_country(till) == "US"
        # Stored numbers keep their country; they are shown as foreign now.
        assert customers.view(till, an.customer_id).phone == "+84 912 345 678"
        emily = customers.enroll(till, name="Emily", phone="(617) 555-0142", staff=owner)
        assert customers.view(till, emily.customer_id).phone == "(617) 555-0142"
        # A zone change alone does not move the country.
        setup.change_store(till, manager=owner, timezone="Asia/Ho_Chi_Minh", confirmed=True)
        assert settings.store_country(till) == "US"
    finally:
        till.engine.dispose()


def test_a_bad_country_in_the_setup_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a country code"):
        setup.check_setup(ShopSetup(store_name="X", owner_name="Y", owner_pin=PIN, country="ZZ"))
    with pytest.raises(InvalidInput):
        setup.setup_shop(tmp_path / "x", ShopSetup(store_name="X", owner_name="Y", owner_pin=PIN, country="ZZ"))
    assert not setup.is_set_up(tmp_path / "x")
    assert setup.check_setup(ShopSetup(store_name="X", owner_name="Y", owner_pin=PIN, country=" ca ")).country == "CA"


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


def test_loyalty_init_takes_a_country_or_the_zones(tmp_path: Path) -> None:
    zone = _loyalty(tmp_path / "ny", "init", "--store", "Sarah's Bakery", "--currency", "USD",
                    "--timezone", "America/New_York", "--owner", "Sarah", pin=PIN)  # fmt: skip
    assert zone.returncode == 0, zone.stderr
    assert "phones without a country code are read as United States (US) numbers" in zone.stdout
    given = _loyalty(tmp_path / "hanoi-ny", "init", "--store", "Phở Gánh", "--timezone", "America/New_York",
                     "--country", "vn", "--owner", "Anh Tư", pin=PIN)  # fmt: skip
    assert given.returncode == 0, given.stderr
    assert "(VN)" in given.stdout
    bad = _loyalty(tmp_path / "bad", "init", "--store", "X", "--country", "XX", "--owner", "Y", pin=PIN)
    assert bad.returncode == 2 and "XX is not a country code" in bad.stderr
    assert not setup.is_set_up(tmp_path / "bad")
    enrolled = _loyalty(tmp_path / "ny", "enroll", "--name", "Emily Chen", "--phone", "(617) 555-0142", pin=PIN)
    assert enrolled.returncode == 0, enrolled.stderr
    shown = _loyalty(tmp_path / "ny", "show", "6175550142")
    assert shown.returncode == 0, shown.stderr
    assert "Emily Chen" in shown.stdout and "phone (617) 555-0142" in shown.stdout
    for home, country in ((tmp_path / "ny", "US"), (tmp_path / "hanoi-ny", "VN")):
        till: Till = open_till(home)
        try:
            assert settings.store_country(till) == country
        finally:
            till.engine.dispose()
