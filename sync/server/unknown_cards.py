"""Fold a till's provisional customer (a genuine card it did not hold) into the member with that card.

A till that served a card it did not hold wrote the earn on ``card-<number>``
(``app.core.unknown_cards``). Whichever arrives second at the server — the
placeholder (with its entries) or the member's enrolment — this module notices
the pair and records a merge fact "placeholder into her", which
``sync.server.merges.settle`` stores and folds exactly like a manager's merge, and
which every till pulls and folds the same way. If the member is not here yet
(enrolled at a till still offline), the entries simply wait on the placeholder's
balance until her record arrives. The fact's id is derived from the card and the
member, so a retried push or a second server process makes the same fact, stored once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.unknown_cards import card_of, is_placeholder, link_id, placeholder_id
from sync.protocol import CustomerRecord, MergeRecord
from sync.server.models import CustomerRow

REASON = "A till served this card before the member's profile reached it; its entries belong to her."


def links(
    session: Session, terminal_id: str, store_id: str, customers: Sequence[CustomerRecord], now: datetime
) -> list[MergeRecord]:
    """Merge facts for every placeholder of this batch whose member is held, and every member of this
    batch whose card has a placeholder held (after the batch's customers were stored)."""
    cards = {n: c.id for c in customers if (n := card_of(c.id))}  # placeholders pushed now
    members = {c.card_number: c.id for c in customers if not is_placeholder(c.id)}  # members pushed now
    pairs: dict[str, str] = {}
    if cards:
        rows = session.execute(
            select(CustomerRow.id, CustomerRow.card_number).where(CustomerRow.card_number.in_(list(cards)))
        )
        pairs.update((number, cid) for cid, number in rows if not is_placeholder(cid))
    if members:
        wanted = [placeholder_id(n) for n in members]
        for pid in session.scalars(select(CustomerRow.id).where(CustomerRow.id.in_(wanted))):
            number = card_of(pid)
            if number is not None:
                pairs[number] = members[number]
    return [
        MergeRecord.model_construct(
            id=link_id(number, member),
            kind="merge",
            survivor_id=member,
            duplicate_id=placeholder_id(number),
            undoes=None,
            terminal_id=terminal_id,
            store_id=store_id,
            staff_id=None,
            reason=REASON,
            created_at=now,
        )
        for number, member in sorted(pairs.items())
    ]
