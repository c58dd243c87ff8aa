"""First run of a real shop: the store, its currency, zone and country, the owner, the first program.

The wizard and ``loyalty init`` both build a ``ShopSetup`` and call ``setup_shop``.
``check_setup`` has no side effects, so a form can say what is wrong before
anything is written (Vorta's ``prepare()``). Changing the zone or the currency of
a shop that has already sold is a manager setting (``change_store``) with a
warning, because the history was recorded in the old ones.

The country (ISO 3166, ``VN``, ``US``) is the region phones are typed in: a New York
cashier's ``(617) 555-0142`` is +1. Left empty it is the country of the shop's zone
(``app.services.regions``), which the wizard shows so the owner can change it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from app.bootstrap import open_till
from app.core.errors import InvalidInput, PermissionDenied
from app.core.money import CURRENCIES, currency
from app.core.templates import Template, program_from_template, rewards_for_template
from app.db.models import LedgerEntryRow, Setting, Staff, Store
from app.services import catalog, staff, staff_admin
from app.services.regions import country_for_zone
from app.services.settings import check_country, set_store_country_in
from app.services.staff import StaffMember
from app.services.till import Till

# The same key the UI reads its language from (app.ui.i18n.SETTING_KEY; services don't import the UI).
LANGUAGE_SETTING = "ui.language"
ADDRESS_SETTING = "store.address"
LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class ShopSetup:
    store_name: str
    owner_name: str
    owner_pin: str
    currency: str = "VND"
    timezone: str = "Asia/Ho_Chi_Minh"
    language: str = "vi"
    address: str = ""
    template: Template = Template.STAMP_CARD
    country: str = ""  # ISO 3166 ("US"); empty: the country of ``timezone``

    def __repr__(self) -> str:  # the PIN never reaches a log or a traceback
        return (
            f"ShopSetup(store_name={self.store_name!r}, currency={self.currency!r}, "
            f"timezone={self.timezone!r}, country={self.country!r})"
        )


def check_timezone(name: str) -> str:
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "{0} is not a time zone; use a name like Asia/Ho_Chi_Minh or America/New_York.", zone=name
        ) from None
    return name


def timezones() -> list[str]:
    """Every zone name a shop can choose, Region/City ones only (no "EST5EDT" relics)."""
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/")))


def check_setup(setup: ShopSetup) -> ShopSetup:
    """The setup, cleaned; raises InvalidInput naming the first thing that is wrong. Writes nothing."""
    name, owner = setup.store_name.strip(), setup.owner_name.strip()
    if not name:
        raise InvalidInput("The shop needs a name.")
    if not owner:
        raise InvalidInput("The owner needs a name.")
    code = setup.currency.strip().upper()
    if code not in CURRENCIES:
        raise InvalidInput(
            "Unknown currency {0}; choose one of {1}.", currency=setup.currency, choices=", ".join(CURRENCIES)
        )
    if setup.language not in LANGUAGES:
        raise InvalidInput("Language must be one of {0}.", languages=", ".join(LANGUAGES))
    if not (setup.owner_pin.isdigit() and 4 <= len(setup.owner_pin) <= 8):
        raise InvalidInput("A PIN is 4 to 8 digits.")
    try:
        template = Template(setup.template)
    except ValueError:
        raise InvalidInput("Unknown program template {0}.", name=setup.template) from None
    zone = check_timezone(setup.timezone)
    return replace(
        setup,
        store_name=name,
        owner_name=owner,
        currency=code,
        timezone=zone,
        country=check_country(setup.country) if setup.country.strip() else country_for_zone(zone),
        address=setup.address.strip(),
        template=template,
    )


def is_set_up(home: Path | str) -> bool:
    """Whether a till lives in ``home`` already: a database with at least one staff member.

    A home with a database but no staff (a first start that was abandoned) is not set up:
    nobody could log in to it.
    """
    db = Path(home) / "terminal.db"
    if not db.exists():
        return False
    till = open_till(home)
    try:
        with till.transaction() as s:
            return bool(s.scalar(select(func.count()).select_from(Staff)))
    finally:
        till.engine.dispose()


def setup_shop(home: Path | str, setup: ShopSetup) -> tuple[Till, StaffMember]:
    """Make ``home`` the till of a new real shop; returns the till and its owner."""
    setup = check_setup(setup)
    program = program_from_template(
        setup.template,
        shop_name=setup.store_name,
        currency_code=setup.currency,
        timezone=setup.timezone,
        language=setup.language,
    )
    till = open_till(home, store_name=setup.store_name, timezone=setup.timezone, program=program)
    with till.transaction() as s:
        if s.scalar(select(func.count()).select_from(Staff)):
            raise InvalidInput("This till is already set up; change it in the back office.")
        store = s.get(Store, till.store_id)
        assert store is not None
        store.name, store.timezone, store.currency = setup.store_name, setup.timezone, setup.currency
        _put(s, LANGUAGE_SETTING, setup.language)
        _put(s, ADDRESS_SETTING, setup.address)
        set_store_country_in(s, till, setup.country)
    till.reload_program()
    owner = staff.add_staff(till, name=setup.owner_name, role="owner", pin=setup.owner_pin)
    with till.transaction() as s:
        staff_admin.queue_in(s, owner.id)  # the server learns her, so she can log in at the other tills
    catalog.publish_program(till, program, by=owner)
    for i, reward in enumerate(
        rewards_for_template(setup.template, currency_code=setup.currency, language=setup.language)
    ):
        catalog.save_reward(till, reward, by=owner, sort=i)
    with till.transaction() as s:
        staff.audit(
            s,
            owner,
            "shop.setup",
            till.store_id,
            after={
                "store": setup.store_name,
                "address": setup.address,
                "currency": setup.currency,
                "timezone": setup.timezone,
                "country": setup.country,
                "language": setup.language,
                "template": setup.template.value,
            },
        )
    return till, owner


@dataclass(frozen=True)
class StoreSettings:
    name: str
    address: str
    currency: str
    timezone: str
    country: str  # the region phones are typed in; changing it needs no warning (stored numbers are E.164)
    has_sales: bool  # changing the zone or currency of a shop with sales needs a clear warning


def store_settings(till: Till) -> StoreSettings:
    with till.transaction() as s:
        store = s.get(Store, till.store_id)
        assert store is not None
        address = s.get(Setting, ADDRESS_SETTING)
        sold = bool(s.scalar(select(exists().where(LedgerEntryRow.store_id == till.store_id))))
        return StoreSettings(
            store.name, address.value if address else "", store.currency, store.timezone, till.country(s), sold
        )


def change_store(
    till: Till,
    *,
    manager: StaffMember,
    name: str | None = None,
    address: str | None = None,
    currency_code: str | None = None,
    timezone: str | None = None,
    country: str | None = None,
    confirmed: bool = False,
) -> StoreSettings:
    """Change the shop's name, address, zone, currency or country (a manager; audited).

    Amounts already in the ledger stay in the currency they were recorded in, and the
    rules' hours (happy hour, birthday week) move with the zone: once the shop has
    sales, the caller must pass ``confirmed=True`` after showing that warning.
    """
    if not manager.is_manager:
        raise PermissionDenied("Only a manager can change the shop's settings.")
    before = store_settings(till)
    new_currency = before.currency if currency_code is None else currency(currency_code).code
    new_zone = before.timezone if timezone is None else check_timezone(timezone)
    new_country = before.country if country is None else check_country(country)
    new_name = before.name if name is None else name.strip()
    if not new_name:
        raise InvalidInput("The shop needs a name.")
    risky = new_currency != before.currency or new_zone != before.timezone
    if risky and before.has_sales and not confirmed:
        raise InvalidInput(
            "This shop has sales already: amounts recorded before stay in "
            "{0} and times of past sales stay where they were. Confirm to change anyway.",
            currency=before.currency,
        )
    with till.transaction() as s:
        store = s.get(Store, till.store_id)
        assert store is not None
        store.name, store.currency, store.timezone = new_name, new_currency, new_zone
        if address is not None:
            _put(s, ADDRESS_SETTING, address.strip())
        if country is not None:  # a new zone alone never moves it: the owner says where her phones are
            set_store_country_in(s, till, new_country)
        after = StoreSettings(
            new_name,
            address.strip() if address is not None else before.address,
            new_currency,
            new_zone,
            new_country,
            before.has_sales,
        )
        staff.audit(
            s,
            manager,
            "shop.settings",
            till.store_id,
            before={k: v for k, v in before.__dict__.items() if k != "has_sales"},
            after={k: v for k, v in after.__dict__.items() if k != "has_sales"},
        )
    if new_currency != before.currency:
        program = till.program()
        catalog.publish_program(till, replace(program, currency=new_currency), by=manager)
    till.reload_program()
    return after


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
