"""A genuine card this till does not hold: earn now, on a provisional holder folded into her later.

Why: a member enrolled at another till (another store, or one still offline) is
unknown here until her profile arrives by sync, yet her card's QR is signed with
the chain's card key (``app.core.cardcode``), so this till can prove alone that the
card is genuine. Turning her away would lose her visit; so the till writes the
earn on a *provisional customer* keyed by the card number:

* its id is ``card-<card number>`` — the same at every till and on the server, so
  two tills that served the same unknown card offline hold one placeholder, never
  two, and a real member's id (a UUIDv7) can never take that shape;
* its own card number and referral code are ``U<card number>``, so the real
  member keeps her number when she arrives (card numbers are unique at a till);
* it is not editable (``may_edit``) and cannot spend (``refuse_spending``): with
  no balance known here, nothing can be spent safely (docs/DECISIONS.md).

The fold reuses member merges (``app.services.merges``): once the server holds
both the placeholder and the member with that card number, it records a merge
fact "placeholder into her" (``sync.server.unknown_cards``); every till pulls the
fact and folds the placeholder's entries into her balance like any merge. The
ledger is never rewritten: the entries keep the placeholder's id.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core import cardcode
from app.core.errors import NotAllowed
from app.core.names import fold_name
from app.core.unknown_cards import MARK, card_of, is_placeholder, placeholder_id
from app.db.models import Customer, OutboxItem
from app.services.till import Till

__all__ = ["MARK", "card_of", "hold", "is_placeholder", "may_edit", "placeholder_id", "refuse_spending"]

def placeholder_name(card_number: str) -> str:
    """What the till shows as her name until her profile arrives: the card as printed."""
    return f"Card {cardcode.format_card_number(card_number)}"


def hold(till: Till, card_number: str) -> str:
    """The placeholder for a *verified* card number, made on first use; its id.

    Only :func:`app.services.customers.find` calls this, after ``verify_card_payload``
    accepted the QR, so a typed number or a forged QR never creates one.
    """
    pid = placeholder_id(card_number)
    with till.transaction() as s:
        if s.get(Customer, pid) is None:
            now = till.clock()
            name = placeholder_name(card_number)
            s.add(
                Customer(
                    id=pid,
                    card_number=MARK + card_number,
                    phone=None,
                    name=name,
                    name_key=fold_name(name),
                    referral_code=MARK + card_number,
                    enrolled_at=now,
                    enrolled_store=till.store_id,
                    updated_at=now,
                    status="active",  # earns like any member; spending and editing are refused by id
                )
            )
            # Pushed like a member, so the server can hold her entries even before her enrolment arrives.
            s.add(OutboxItem(item_type="customer", item_id=pid, created_at=now))
    return pid


MSG_NOT_HELD = (
    "Card verified — member not on this till yet. Points can be earned on this card now; "
    "they join her account at the next sync."
)
MSG_NO_SPEND = (
    "This member is not on this till yet, so her balance is not known here: points cannot be spent "
    "until this till has synced with the server."
)


def refuse_spending(s: Session, customer_id: str) -> None:
    """Redeeming for a card this till does not hold is refused (no balance known, nothing spent safely)."""
    if is_placeholder(customer_id):
        c = s.get(Customer, customer_id)
        if c is None or c.status != "merged":
            raise NotAllowed(MSG_NO_SPEND)


def may_edit(customer_id: str) -> bool:
    """A placeholder has no profile to edit: hers arrives by sync."""
    return not is_placeholder(customer_id)
