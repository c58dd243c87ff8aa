"""A manager's changes to a member's profile and card, from the back office.

Each is one transaction: the member row, an outbox row (the profile syncs, last
writer wins per record on the server) and an audit row saying who, why, and
what it was before. A replaced card's number is kept in ``replaced_card`` so
the old card is refused with a sentence saying it was replaced, never reissued.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select

from app.core import cardcode
from app.core.errors import Duplicate, InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.lifecycle import Birthday
from app.core.names import fold_name
from app.core.phone import DEFAULT_REGION, display_phone, normalise_phone
from app.db.models import Customer, OutboxItem, ReplacedCard
from app.services import name_words
from app.services.customers import _new_card_number, clean_name
from app.services.staff import StaffMember, audit
from app.services.till import Till

GENDERS = ("female", "male", "other")
MAX_AREA = 100


@dataclass(frozen=True)
class ProfileEdit:
    """The fields a manager may change; ``None`` birthday clears it, phone "" clears it."""

    name: str
    phone: str
    birthday: Birthday | None = None
    gender: str | None = None
    area: str | None = None
    marketing_consent: bool = False


@dataclass(frozen=True)
class NewCard:
    card_number: str
    payload: str  # what the new card's QR carries
    old_number: str


def _manager(manager: StaffMember, refusal: str) -> None:
    """``refusal`` is the whole sentence (a template the UI translates), not a piece of one."""
    if not manager.is_manager:
        raise PermissionDenied(refusal)


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("Say why.")
    return reason[:500]


def check_profile(edit: ProfileEdit, region: str = DEFAULT_REGION) -> dict[str, Any]:
    """The cleaned fields, or InvalidInput: run before the manager's PIN is asked.

    ``region`` is the store's country, the one a phone typed without its code is read in.
    """
    name = clean_name(edit.name)
    phone = normalise_phone(edit.phone, region) if edit.phone.strip() else None
    if edit.gender is not None and edit.gender not in GENDERS:
        raise InvalidInput("Gender is female, male or other (or not given).")
    area = " ".join((edit.area or "").split()) or None
    if area and len(area) > MAX_AREA:
        raise InvalidInput("The area is too long (at most {0} characters).", limit=MAX_AREA)
    bday = edit.birthday
    return {
        "name": name,
        "name_key": fold_name(name),
        "phone": phone,
        "birthday_day": bday.day if bday else None,
        "birthday_month": bday.month if bday else None,
        "birthday_year": bday.year if bday else None,
        "gender": edit.gender,
        "area": area,
        "marketing_consent": bool(edit.marketing_consent),
    }


def edit_profile(till: Till, customer_id: str, edit: ProfileEdit, *, manager: StaffMember, reason: str) -> None:
    _manager(manager, "Editing a member's profile needs a manager.")
    reason = _reason(reason)
    region = till.country()
    fields = check_profile(edit, region)
    with till.transaction() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFound("No such customer.")
        if c.status == "merged":
            raise NotAllowed("This member was merged into another one; edit that member instead.")
        if fields["phone"] and fields["phone"] != c.phone:
            taken = s.scalar(select(exists().where(Customer.phone == fields["phone"], Customer.id != customer_id)))
            if taken:
                raise Duplicate(
                    "The phone number {0} already belongs to a member.", phone=display_phone(fields["phone"], region)
                )
        before = {k: getattr(c, k) for k in fields if k != "name_key"}
        changed = {k: v for k, v in fields.items() if getattr(c, k) != v}
        if not changed:
            raise InvalidInput("Nothing was changed.")
        for k, v in changed.items():
            setattr(c, k, v)
        c.updated_at = till.clock()
        s.add(OutboxItem(item_type="customer", item_id=c.id, created_at=c.updated_at))
        if "name" in changed:
            name_words.index_names(s, {c.id: c.name})
        audit(
            s,
            manager,
            "customer.edit",
            c.id,
            before={k: before[k] for k in changed if k in before},
            after={**{k: v for k, v in changed.items() if k != "name_key"}, "reason": reason},
        )


def replace_card(till: Till, customer_id: str, *, manager: StaffMember, reason: str) -> NewCard:
    """A new card number and QR; the old card stops working at once (and elsewhere after sync)."""
    _manager(manager, "Printing a new card needs a manager.")
    reason = _reason(reason)
    with till.transaction() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFound("No such customer.")
        if c.status == "merged":
            raise NotAllowed("This member was merged into another one; print the card of that member.")
        old = c.card_number
        now = till.clock()
        s.add(ReplacedCard(card_number=old, customer_id=c.id, replaced_at=now))
        s.flush()
        c.card_number = _new_card_number(s)
        c.updated_at = now
        s.add(OutboxItem(item_type="customer", item_id=c.id, created_at=now))
        audit(
            s, manager, "customer.new_card", c.id, before={"card": old}, after={"card": c.card_number, "reason": reason}
        )
        return NewCard(c.card_number, cardcode.sign_card_payload(c.card_number, till.card_key), old)


def note_replaced_cards_in(s: Any, changes: dict[str, tuple[str, str]], at: Any) -> None:
    """Pulled members whose card number changed (id -> (old, new)): the old numbers are refused here too."""
    for cid, (old, new) in changes.items():
        if old and old != new and not old.startswith(("D", "P")) and s.get(ReplacedCard, old) is None:
            s.add(ReplacedCard(card_number=old, customer_id=cid, replaced_at=at))
