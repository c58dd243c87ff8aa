"""Enrol customers and find them again: by scanned card, card number, phone or name."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session

from app.core import cardcode
from app.core.clock import local
from app.core.errors import BadCardCode, Duplicate, InvalidInput, NotAllowed, NotFound
from app.core.ids import new_id
from app.core.ledger import Balance, EntryKind, LedgerEntry
from app.core.lifecycle import Birthday, is_birthday_period
from app.core.names import fold_name
from app.core.names import name_words as words_of
from app.core.phone import DEFAULT_REGION, display_phone, looks_like_phone, normalise_phone
from app.core.rewards import Reward, RewardKind
from app.core.unknown_cards import card_shown
from app.db.models import BalanceRow, Customer, Flag, OutboxItem, ReplacedCard, RewardRow, Setting
from app.db.prepared import Prepared
from app.services import customer_list, ledger_writer, name_words, unknown_cards
from app.services.customer_list import Search, SearchBy
from app.services.staff import StaffMember, audit
from app.services.till import Till, reward_from_row

MAX_NAME = 100
_REFERRAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the counter


def clean_name(name: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not name:
        raise InvalidInput("The customer's name is empty.")
    if len(name) > MAX_NAME:
        raise InvalidInput("The name is too long (at most {0} characters).", limit=MAX_NAME)
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise InvalidInput("The name contains control characters.")
    return name


@dataclass(frozen=True)
class Enrolled:
    customer_id: str
    card_number: str
    payload: str  # what the QR on the card carries
    referral_code: str
    welcome: LedgerEntry


def enroll(
    till: Till,
    *,
    name: str,
    phone: str,
    staff: StaffMember | None,
    birthday: Birthday | None = None,
    referral_code: str = "",
    gender: str | None = None,
    area: str | None = None,
    marketing_consent: bool = False,
) -> Enrolled:
    """New member with starter stamps and the welcome bonus (endowed progress), in one transaction."""
    name = clean_name(name)
    region = till.country()
    phone_e164 = normalise_phone(phone, region)
    now = till.clock()
    with till.transaction() as s:
        program = till.program(s)
        if s.scalar(select(exists().where(Customer.phone == phone_e164))):
            raise Duplicate(
                "The phone number {0} already belongs to a member.", phone=display_phone(phone_e164, region)
            )
        referrer = None
        if referral_code.strip():
            referrer = s.scalars(
                select(Customer).where(Customer.referral_code == referral_code.strip().upper())
            ).first()
            if referrer is None:
                raise NotFound("No member has the referral code {0}.", code=referral_code.strip().upper())
        customer = Customer(
            id=new_id(),
            card_number=_new_card_number(s),
            phone=phone_e164,
            name=name,
            name_key=fold_name(name),
            birthday_day=birthday.day if birthday else None,
            birthday_month=birthday.month if birthday else None,
            birthday_year=birthday.year if birthday else None,
            gender=gender,
            area=area,
            marketing_consent=marketing_consent,
            referral_code=_new_referral_code(s),
            referred_by=referrer.id if referrer else None,
            enrolled_at=now,
            enrolled_store=till.store_id,
            updated_at=now,
        )
        s.add(customer)
        s.add(OutboxItem(item_type="customer", item_id=customer.id, created_at=now))
        s.flush()
        name_words.index_names(s, {customer.id: name})
        welcome = ledger_writer.append(
            s,
            LedgerEntry(
                id=new_id(),
                terminal_id=till.terminal_id,
                store_id=till.store_id,
                terminal_seq=0,
                customer_id=customer.id,
                kind=EntryKind.BONUS,
                created_at=now,
                points=program.welcome_points,
                stamps=program.starter_stamps,
                program_version=program.version,
                staff_id=staff.id if staff else None,
                reason="welcome",
            ),
        )
        audit(s, staff, "customer.enroll", customer.id, after={"name": name, "card": customer.card_number})
    return Enrolled(
        customer_id=customer.id,
        card_number=customer.card_number,
        payload=cardcode.sign_card_payload(customer.card_number, till.card_key),
        referral_code=customer.referral_code,
        welcome=welcome,
    )


def _new_card_number(s: Session) -> str:
    for _ in range(20):
        number = cardcode.random_card_number()
        if not s.scalar(select(exists().where(Customer.card_number == number))):
            return number
    raise RuntimeError("could not find a free card number")  # 10^8 numbers: not in this life


def _new_referral_code(s: Session) -> str:
    for _ in range(20):
        code = "".join(secrets.choice(_REFERRAL_ALPHABET) for _ in range(6))
        if not s.scalar(select(exists().where(Customer.referral_code == code))):
            return code
    raise RuntimeError("could not find a free referral code")


@dataclass(frozen=True)
class Match:
    customer_id: str
    name: str
    card_number: str
    phone: str
    status: str


@dataclass(frozen=True)
class Lookup:
    via: str  # "card" (scanned QR: may spend), "number", "phone", "name"
    matches: list[Match]

    @property
    def identified(self) -> bool:
        """A scan of the card's QR proves the card is here, so the points may be spent."""
        return self.via == "card" and len(self.matches) == 1


def find(till: Till, text: str, *, limit: int = 20) -> Lookup:
    """Whatever the cashier typed or scanned. A damaged or forged QR raises BadCardCode."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput("Type a phone number, card number or name, or scan the card.")
    if cardcode.looks_like_card_payload(text):
        number = cardcode.verify_card_payload(text, till.card_key)
        found = _by_card(till, number)
        if not found:  # genuine, but her profile has not reached this till: earn on a placeholder
            found = _by(till, Customer.id == unknown_cards.hold(till, number))
        return Lookup("card", found)
    region = till.country()
    digits = "".join(c for c in text if c.isdigit())
    if (
        digits
        and len(digits) == len(text.replace(" ", "").replace("-", ""))
        and len(digits) == 10
        and not digits.startswith("0")
    ):
        if region != DEFAULT_REGION and _is_national_phone(digits, region):
            # Ten digits without a 0 are a card number in Vietnam, but also how an American
            # (or Canadian…) phone is typed: a card that exists wins, else it is her phone.
            if cardcode.is_valid_card_number(digits) and (cards := _by_card(till, digits)):
                return Lookup("number", cards)
            return Lookup("phone", _by(till, Customer.phone == normalise_phone(digits, region)))
        number = cardcode.normalise_card_number(text)
        return Lookup("number", _by_card(till, number))
    if looks_like_phone(text):
        return Lookup("phone", _by(till, Customer.phone == normalise_phone(text, region)))
    compact = _PHONE_SEPARATORS.sub("", text)
    if compact.isdigit() and TAIL_DIGITS[0] <= len(compact) <= TAIL_DIGITS[1]:
        # The last digits of a phone, as a customer says them ("...345678"): a pick list.
        return Lookup("phone_tail", _listed(till, Search(SearchBy.PHONE_TAIL, compact), limit))
    if len(text) > MAX_NAME:
        raise InvalidInput("That is too long to be a name.")
    words = tuple(sorted(words_of(text), key=lambda w: (-len(w), w)))
    if not words or max(len(w) for w in words) < 2:
        raise InvalidInput("Type at least two letters of the name.")
    # Any word of the name, without diacritics: Vietnamese names end with the given name, so
    # "anh" must find "Nguyễn Thị Ánh" (the back office's name-word index).
    return Lookup("name", _listed(till, Search(SearchBy.NAME, words=words), limit))


def _is_national_phone(digits: str, region: str) -> bool:
    """Whether ``digits`` read as a whole phone number of the store's country."""
    try:
        normalise_phone(digits, region)
    except InvalidInput:
        return False
    return True


def card_number_in(text: str) -> str:
    """The card number a cashier typed (what ``find`` searched for as "number")."""
    return cardcode.normalise_card_number(text)


TAIL_DIGITS = (4, 8)  # a phone's last digits; 9 and more are a whole number, 10 not starting with 0 a card
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")


def _listed(till: Till, search: Search, limit: int) -> list[Match]:
    with till.transaction() as s:
        rows = customer_list.matching_in(s, search, limit)
    return [Match(r.id, r.name, card_shown(r.id, r.card_number), r.phone or "", r.status) for r in rows]


def _by_card(till: Till, number: str) -> list[Match]:
    """A card that was replaced by a new one is refused, with a sentence saying so."""
    found = _by(till, Customer.card_number == number)
    if not found:
        with till.transaction() as s:
            replaced = s.get(ReplacedCard, number)
            if replaced is not None:
                program = till.program(s)
                when = local(replaced.replaced_at, program.timezone).strftime("%d/%m/%Y")
                raise BadCardCode(
                    "Card {0} was replaced by a new card on {1}; it no longer works. Use the new card.",
                    card=number,
                    replaced_on=when,
                )
    return found


def _by(till: Till, *conditions: object, limit: int = 20) -> list[Match]:
    """Members found; a merged-away member's card or phone finds the member it was merged into."""
    with till.transaction() as s:
        rows = s.scalars(select(Customer).where(*conditions).order_by(Customer.name_key).limit(limit)).all()
        found: dict[str, Customer] = {}
        for c in rows:
            if c.status == "merged":
                holder = s.get(Customer, ledger_writer.holder_of(s, c.id))
                if holder is None or holder.status == "merged":
                    continue
                c = holder
            found.setdefault(c.id, c)
        return [Match(c.id, c.name, card_shown(c.id, c.card_number), c.phone or "", c.status) for c in found.values()]


@dataclass(frozen=True)
class RewardOption:
    reward: Reward
    affordable: bool
    missing: int  # points (or stamps for a card reward) still needed


@dataclass(frozen=True)
class CustomerView:
    """Everything the cashier's customer card and the customer display show."""

    id: str
    name: str
    card_number: str
    phone: str
    tier: str
    point_name: str
    balance: Balance
    card_size: int
    stamps_on_card: int  # filled slots on the current card
    full_cards: int  # complete cards waiting to be redeemed
    rewards: list[RewardOption] = field(default_factory=list)
    birthday_this_week: bool = False
    blocked: bool = False
    flags: list[str] = field(default_factory=list)
    flag_kinds: list[str] = field(default_factory=list)  # the same flags' kinds, which the UI names
    referral_code: str = ""
    enrolled_at: datetime | None = None

    @property
    def available_now(self) -> list[Reward]:
        return [o.reward for o in self.rewards if o.affordable]

    @property
    def next_reward(self) -> RewardOption | None:
        waiting = [o for o in self.rewards if not o.affordable]
        return min(waiting, key=lambda o: o.missing) if waiting else None


def view(till: Till, customer_id: str) -> CustomerView:
    with till.transaction() as s:
        return view_in(s, till, customer_id)


def view_in(s: Session, till: Till, customer_id: str) -> CustomerView:
    """``view`` in the caller's transaction: an award returns the after-state it just wrote,
    read in its own transaction, so the cashier screen needs no second one (issue 11)."""
    c = s.get(Customer, customer_id)
    if c is None:
        raise NotFound("No such customer.")
    return view_of(s, till, c, ledger_writer.balance_of(s.get(BalanceRow, customer_id)))


VIEW_COLUMNS = ("card_number", "referral_code", "enrolled_at")  # besides those the award rules read
_ACTIVE_REWARDS = Prepared(
    select(*RewardRow.__table__.c).where(RewardRow.active).order_by(RewardRow.sort, RewardRow.name)
)
_FLAG = Flag.__table__.c
_OPEN_FLAGS = Prepared(
    select(_FLAG.message, _FLAG.kind).where(_FLAG.customer_id == bindparam("cid"), _FLAG.resolved_at.is_(None))
)


def view_of(s: Session, till: Till, c: Any, bal: Balance) -> CustomerView:
    """The card of member ``c`` (a Customer, or a row with its columns) whose balance is ``bal``.

    Rows of columns, not ORM objects, and statements built once: the award builds this after
    every sale, on the cashier's critical path. Core statements do not autoflush: a caller that
    added a Flag to the session flushes before calling (the award does).
    """
    program = till.program(s)
    tier = program.tier(bal.tier).name
    options = []
    today = local(till.clock(), program.timezone).date()
    conn = s.connection()
    for row in _ACTIVE_REWARDS(conn):
        reward = reward_from_row(row)
        if not reward.offered_on(today):
            continue  # not yet, or no longer (a seasonal reward)
        if reward.min_tier and program.tier_rank(tier) < program.tier_rank(reward.min_tier):
            continue
        if reward.kind is RewardKind.POINTS_PAYMENT and program.point_value <= 0:
            continue  # paying with points is switched off: not a reward this member can work toward
        if reward.cost_full_card:
            missing = max(program.card_size - bal.stamps, 0)
        elif reward.kind is RewardKind.POINTS_PAYMENT:
            missing = 0 if bal.points > 0 else 1
        else:
            missing = max(reward.cost_points - bal.points, 0)
        options.append(RewardOption(reward, missing == 0, missing))
    open_flags = _OPEN_FLAGS(conn, {"cid": c.id})
    bday = None
    if c.birthday_day and c.birthday_month:
        bday = Birthday(c.birthday_day, c.birthday_month, c.birthday_year)
    full_cards, on_card = divmod(max(bal.stamps, 0), program.card_size)
    return CustomerView(
        id=c.id,
        name=c.name,
        card_number=card_shown(c.id, c.card_number),
        phone=display_phone(c.phone or "", till.country(s)),
        tier=tier,
        point_name=program.point_name,
        balance=bal,
        card_size=program.card_size,
        stamps_on_card=on_card,
        full_cards=full_cards,
        rewards=options,
        birthday_this_week=bool(bday and is_birthday_period("week", bday, today)),
        blocked=c.status == "blocked",
        flags=[f.message for f in open_flags],
        flag_kinds=[f.kind for f in open_flags],
        referral_code=c.referral_code,
        enrolled_at=c.enrolled_at,
    )


ROLE_SETTING = "sync.role"  # "till", or "head_office" (from pairing)


def may_edit_profile(session: Session, till: Till, customer: Customer) -> bool:
    """A member's profile is her enrolling store's, and the back office's (DECISIONS: trust boundaries).

    The server holds another store's change as a proposal and does not apply it, so the till says
    so at once rather than show a change that the next sync takes back.
    """
    if not unknown_cards.may_edit(customer.id):
        return False  # a placeholder for a card not held here: her profile arrives by sync
    if customer.enrolled_store == till.store_id:
        return True
    role = session.get(Setting, ROLE_SETTING)
    return role is not None and role.value == "head_office"


def set_blocked(till: Till, customer_id: str, blocked: bool, *, manager: StaffMember, reason: str) -> None:
    if not manager.is_manager:
        raise NotAllowed("Only a manager can block or unblock a customer.")
    if not reason.strip():
        raise InvalidInput("Say why.")
    with till.transaction() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFound("No such customer.")
        if not may_edit_profile(s, till, c):
            raise NotAllowed("{0} belongs to another store: her store or the head office can block her.", name=c.name)
        before = c.status
        c.status = "blocked" if blocked else "active"
        c.updated_at = till.clock()
        s.add(OutboxItem(item_type="customer", item_id=c.id, created_at=c.updated_at))
        audit(
            s,
            manager,
            "customer.block" if blocked else "customer.unblock",
            c.id,
            before={"status": before},
            after={"status": c.status, "reason": reason},
        )


def customer_for_card(till: Till, payload_or_number: str) -> str:
    """The customer id for a scanned payload or a typed card number; raises if none."""
    found = find(till, payload_or_number)
    if found.via not in ("card", "number"):
        raise BadCardCode("That is not a card.")
    if not found.matches:
        raise NotFound("No member has this card.")
    return found.matches[0].customer_id
