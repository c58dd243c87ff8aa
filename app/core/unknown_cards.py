"""The provisional customer that stands for a genuine card a node does not hold yet: its id, on every node.

Pure (stdlib and ``app.core`` only), because the till (``app.services.unknown_cards``)
and the server (``sync.server.unknown_cards``) must name it the same way: the id is
``card-<card number>``, so two tills serving the same unknown card offline make one
placeholder, and a real member's id (a UUIDv7) can never take that shape.
"""

from __future__ import annotations

import uuid

from app.core import cardcode

PREFIX = "card-"
MARK = "U"  # the placeholder's own card number and referral code: U + the card number
# Names the merge fact "placeholder into the member with that card", so every server process makes the same id.
_LINK_NAMESPACE = uuid.UUID("6f1d3c2e-4b8a-5e21-9a77-0c51d2a8b3f4")


def placeholder_id(card_number: str) -> str:
    """The provisional customer's id for a card number (the same on every node)."""
    return PREFIX + card_number


def is_placeholder(customer_id: str | None) -> bool:
    return bool(customer_id) and str(customer_id).startswith(PREFIX)


def card_of(customer_id: str) -> str | None:
    """The card number a placeholder stands for (None for a real member or a malformed id)."""
    if not is_placeholder(customer_id):
        return None
    number = customer_id[len(PREFIX) :]
    return number if cardcode.is_valid_card_number(number) and len(number) == cardcode.CARD_NUMBER_LENGTH else None


def link_id(card_number: str, member_id: str) -> str:
    """The id of the merge fact folding the card's placeholder into ``member_id`` (deterministic)."""
    return str(uuid.uuid5(_LINK_NAMESPACE, f"{card_number}:{member_id}"))


def card_shown(customer_id: str, card_number: str) -> str:
    """The card number to show and print for a member: a placeholder shows the card it stands for."""
    return card_of(customer_id) or card_number
