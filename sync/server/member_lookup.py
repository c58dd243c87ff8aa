"""One member, fetched on demand by a till that does not hold her: her profile, her ledger, her merges.

Why: a till that is online when a card or phone it does not hold comes to the
counter should not make the member wait for the next pull (issue 12: "anyone
looked up while online is fetched in one round-trip, then kept"). The answer is a
pull page (``PullResponse``) holding only her group — her record, the members and
placeholders merged into her, the merge facts between them and all their entries
the chain counts (not the caller's own: it has them, nor entries held for review) —
so the till stores it with the pull's own ingest and dedupes whatever its next
pull brings again by id. The cursor is not moved by it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.merges import effective_parents, root_of
from app.core.unknown_cards import placeholder_id
from sync.server import merges
from sync.server.changes import _COLUMNS, Page, _as_dict
from sync.server.db import current_change
from sync.server.ledger import Caller
from sync.server.models import CustomerMergeRow, CustomerRow, EntryRow, HeldEntry


def lookup(session: Session, caller: Caller, *, card: str | None = None, phone: str | None = None) -> Page:
    """The page for the member with this card number or phone (E.164); an empty page if none."""
    page = Page(cursor=current_change(session), more=False)
    found = CustomerRow.card_number == card if card else CustomerRow.phone == phone
    ids = list(session.scalars(select(CustomerRow.id).where(found).limit(2)))
    if card:
        ids.append(placeholder_id(card))  # a card served elsewhere before her enrolment arrived
    if not ids:
        return page
    parents = effective_parents(merges.facts(session)) if session.scalar(select(CustomerMergeRow.id).limit(1)) else {}
    roots = {root_of(cid, parents) for cid in ids}
    group = sorted({*roots, *(c for c in parents if root_of(c, parents) in roots)} | set(ids))
    customers = CustomerRow.__table__
    page.records["customers"] = [
        _as_dict("customers", r)
        for r in session.execute(select(*_COLUMNS["customers"][0]).where(customers.c.id.in_(group)))
    ]
    if not page.records["customers"]:
        return page
    held = {c["id"] for c in page.records["customers"]}
    facts = CustomerMergeRow.__table__
    page.records["merges"] = [
        _as_dict("merges", r)
        for r in session.execute(
            select(*_COLUMNS["merges"][0]).where(or_(facts.c.survivor_id.in_(held), facts.c.duplicate_id.in_(held)))
        )
    ]
    entries, hold = EntryRow.__table__, HeldEntry.__table__
    not_counted = select(hold.c.entry_id).where(or_(hold.c.decision.is_(None), hold.c.decision == "rejected"))
    rows: list[Any] = list(
        session.execute(
            select(*_COLUMNS["entries"][0])
            .where(
                entries.c.customer_id.in_(held),
                entries.c.terminal_id != caller.terminal_id,
                entries.c.id.not_in(not_counted),
            )
            .order_by(entries.c.change_no)
        )
    )
    page.records["entries"] = [_as_dict("entries", r) for r in rows]
    return page
