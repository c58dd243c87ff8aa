"""Receipts from the POS: turn normalised receipts into loyalty transactions, once each.

The bridge (``pos_bridge``) only reads export files into ``app.core.receipt``
objects; this service writes them (the receipt table, the ledger through the
award and correction services) and remembers which export files were read.

A receipt is stored once per (source, store, external id): a re-export, a copy
of the file or a restart of the bridge finds it already there. A sale that
names a member (phone, card number or loyalty id) earns at once; one that
doesn't waits as *unclaimed* for the cashier to attach it to the member just
scanned, or for the member to claim it later by receipt number. A refund or a
void takes back what its sale earned (in proportion for a partial refund), even
days later. Every receipt — member or not — stays in the ``receipt`` table, so
the member vs non-member reports count them all.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core import cardcode
from app.core.earning import Bill
from app.core.errors import BadCardCode, InvalidInput, LoyaltyError, NotAllowed, NotFound, Notice
from app.core.ids import new_id
from app.core.notes import Note
from app.core.phone import normalise_phone
from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from app.db import bulk
from app.db.models import Customer, ImportedFile
from app.db.models import Receipt as ReceiptRow
from app.services import awards, stats
from app.services.corrections import reverse_in
from app.services.staff import StaffMember, audit
from app.services.till import Till

QUARANTINED = "quarantined"
# What the bridge tells the manager (app.core.notes.Note: translated by the UI, printed as is).
NOT_AWARDED = "Receipt {0}: not awarded automatically — {1}"
NEVER_SEEN = {
    ReceiptKind.REFUND: "Refund {0}: its sale {1} was never seen here, so there is nothing to take back.",
    ReceiptKind.VOID: "Void {0}: its sale {1} was never seen here, so there is nothing to take back.",
}
VOID_OF_UNEARNED = "Void {0}: its sale {1} had earned nothing; it can no longer be claimed."
REFUND_OF_UNEARNED = "Refund {0}: its sale {1} had earned nothing, so nothing was taken back."
NOTHING_LEFT = {ReceiptKind.REFUND: "Refund {0}: {1}", ReceiptKind.VOID: "Void {0}: {1}"}
NO_SALE_FITS = (
    "Refund {0}: no sale of the last {1} days matches its customer, items and amount, so nothing was taken back."
)
AMBIGUOUS = "Refund {0}: matched to the most recent fitting sale {1}; {2} fit as well. Check it with the POS."

# A refund that names no sale is matched to one of the sales of this many days before it.
REFUND_MATCH_DAYS = 30
CLAIM_DAYS = 7  # how long an unclaimed receipt can still be claimed by its number
BATCH = 5000  # receipts per transaction: durable, yet 100,000 receipts apply in seconds
RECEIPTS = ReceiptRow.__table__  # bulk statements go to the table: no ORM bookkeeping per row


@dataclass
class ApplySummary:
    awarded: int = 0
    unclaimed: int = 0
    reversed: int = 0
    duplicates: int = 0
    notes: list[str] = field(default_factory=list)  # readable lines: why a receipt did not earn

    def add(self, other: ApplySummary) -> None:
        self.awarded += other.awarded
        self.unclaimed += other.unclaimed
        self.reversed += other.reversed
        self.duplicates += other.duplicates
        self.notes.extend(other.notes)

    def __str__(self) -> str:
        return (
            f"{self.awarded} awarded, {self.unclaimed} unclaimed, {self.reversed} refunds/voids applied, "
            f"{self.duplicates} already seen"
        )


def apply_receipts(till: Till, receipts: Iterable[Receipt], *, file_hash: str | None = None) -> ApplySummary:
    """Store and apply receipts. Sales go first so a refund in the same file finds its sale.

    Each chunk is one transaction: the sales that name no member are stored in bulk, the
    members' sales are awarded in bulk (``awards.award_many``: the same rules, the one ledger
    writer), then refunds and voids are applied one by one, each in a savepoint.
    """
    ordered = sorted(receipts, key=lambda r: (r.kind is not ReceiptKind.SALE, r.closed_at))
    summary = ApplySummary()
    for start in range(0, len(ordered), BATCH):
        with till.transaction() as s:
            rest = _store_plain(till, s, ordered[start : start + BATCH], file_hash, summary)
            _award_sales(till, s, [r for r in rest if r.kind is ReceiptKind.SALE], file_hash, summary)
            for receipt in (r for r in rest if r.kind is not ReceiptKind.SALE):
                with s.begin_nested():  # one receipt's failure must not undo the others
                    _apply_one(till, s, receipt, file_hash, summary)
    return summary


def _award_sales(till: Till, s: Session, sales: list[Receipt], file_hash: str | None, summary: ApplySummary) -> None:
    """Store the members' sales and award them in bulk, exactly as ``_award_row`` would one by one."""
    if not sales:
        return
    rows = [_row_values(till, r, file_hash) for r in sales]
    bulk.insert_rows(s, RECEIPTS, rows)
    region = till.country(s)
    members = _member_ids(s, sales, region)
    back = func.sum(ReceiptRow.total - ReceiptRow.tip)
    refunded: dict[tuple[str, str, str], int] = {}
    for (source, store_id), ids in _by_place(sales).items():
        refunds = s.execute(
            select(ReceiptRow.refund_of, back)
            .where(
                ReceiptRow.source == source,
                ReceiptRow.store_id == store_id,
                ReceiptRow.refund_of.in_(ids),
                ReceiptRow.kind == ReceiptKind.REFUND.value,
            )
            .group_by(ReceiptRow.refund_of)
        )
        refunded |= {(source, store_id, sale): int(total or 0) for sale, total in refunds}
    requests: list[tuple[int, awards.AwardRequest]] = []
    for i, r in enumerate(sales):
        keys = _member_keys(r, region)
        card = next((k for k in keys if k.startswith("card:") and k in members), None)
        phone = next((k for k in keys if k.startswith("phone:") and k in members), None)
        customer_id = members.get(card or phone or "")
        if customer_id is None:
            summary.unclaimed += 1
            continue
        paid = (r.total - r.tip) + refunded.get(r.dedupe_key, 0)  # refunds carry negative totals
        if paid <= 0:
            summary.unclaimed += 1
            summary.notes.append(Note(NOT_AWARDED, r.external_id, "the whole bill was refunded"))
            continue
        bill = Bill(paid=paid, tax=r.tax, lines=r.lines)
        requests.append((i, awards.AwardRequest(customer_id, bill, awards.ReceiptRef(r.source, r.external_id))))
    results = awards.award_many(till, s, [req for _, req in requests])
    claimed = []
    for (i, req), result in zip(requests, results, strict=True):
        if isinstance(result, LoyaltyError):
            summary.unclaimed += 1
            summary.notes.append(Note(NOT_AWARDED, sales[i].external_id, _reason(result)))
            continue
        summary.awarded += 1
        claimed.append({"id": rows[i]["id"], "customer_id": req.customer_id, "ledger_entry_id": result.earn.id})
    bulk.update_rows(s, RECEIPTS, "id", [{**c, "state": "claimed"} for c in claimed])
    stats.sales_added(s, rows, {c["id"]: c["customer_id"] for c in claimed})  # the dashboard's sales


def _member_ids(s: Session, batch: list[Receipt], region: str) -> dict[str, str]:
    """Normalised customer key (``card:…``, ``phone:…``) -> member id, for the keys in the batch."""
    cards: set[str] = set()
    phones: set[str] = set()
    for r in batch:
        for key in _member_keys(r, region):
            kind, _, value = key.partition(":")
            (cards if kind == "card" else phones).add(value)
    found: dict[str, str] = {}
    if cards:
        q = select(Customer.card_number, Customer.id).where(Customer.card_number.in_(cards))
        found |= {"card:" + number: cid for number, cid in s.execute(q)}
    if phones:
        q = select(Customer.phone, Customer.id).where(Customer.phone.in_(phones))
        found |= {"phone:" + phone: cid for phone, cid in s.execute(q)}
    return found


def _store_plain(
    till: Till, s: Session, batch: list[Receipt], file_hash: str | None, summary: ApplySummary
) -> list[Receipt]:
    """Store in bulk the sales that name no member (most of a big export); return the rest.

    Known receipts are counted as duplicates here too, with one query per batch
    instead of one per receipt: this is what lets a 100,000-receipt export apply fast.
    """
    known: set[tuple[str, str, str]] = set()
    for (source, store_id), ids in _by_place(batch).items():
        query = select(ReceiptRow.external_id).where(
            ReceiptRow.source == source, ReceiptRow.store_id == store_id, ReceiptRow.external_id.in_(ids)
        )
        known |= {(source, store_id, external_id) for external_id in s.scalars(query)}
    region = till.country(s)
    members = _members_named(s, batch, region)
    plain: list[dict[str, object]] = []
    rest: list[Receipt] = []
    for r in batch:
        if r.dedupe_key in known and not r.cumulative:  # a running total is compared in _apply_one
            summary.duplicates += 1
            continue
        known.add(r.dedupe_key)
        if r.kind is ReceiptKind.SALE and not members & _member_keys(r, region):
            plain.append(_row_values(till, r, file_hash))
            summary.unclaimed += 1
        else:
            rest.append(r)
    if plain:
        bulk.insert_rows(s, RECEIPTS, plain)
        stats.sales_added(s, plain)  # the dashboard's non-member sales
    return rest


def _by_place(batch: Iterable[Receipt]) -> dict[tuple[str, str], list[str]]:
    """The batch's receipt numbers per (source, store): a query naming the source and the store
    seeks the receipt indexes, which begin with both; one naming only the numbers scans them, and
    a 100,000-receipt export became quadratic (``EXPLAIN QUERY PLAN``: test_receipt_queries)."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in batch:
        out.setdefault((r.source, r.store_id), []).append(r.external_id)
    return {place: sorted(set(ids)) for place, ids in out.items()}


def _member_keys(r: Receipt, region: str) -> frozenset[str]:
    """The receipt's customer references, normalised: ``0912 345 678`` and
    ``84-912-345-678`` are one key, so every spelling in a batch finds the member.

    A phone without its country code is one of the store's country (``region``): a Toast
    export in New York writes ``(617) 555-0142`` for the member enrolled as +1 617 555 0142."""
    return _keys_of(r.customer_card, r.customer_phone, region)


@lru_cache(maxsize=65536)
def _keys_of(card: str, phone: str, region: str) -> frozenset[str]:
    """Cached: a big export names the same members again and again."""
    keys: set[str] = set()
    if card.strip():
        try:
            keys.add("card:" + cardcode.normalise_card_number(card))
        except BadCardCode:
            pass  # not one of our card numbers: maybe the POS's own customer id; the phone may still match
    if phone.strip():
        try:
            keys.add("phone:" + normalise_phone(phone, region))
        except InvalidInput:
            pass
    return frozenset(keys)


def _members_named(s: Session, batch: list[Receipt], region: str) -> set[str]:
    """The normalised customer keys in the batch that belong to a member."""
    cards: set[str] = set()
    phones: set[str] = set()
    for r in batch:
        for key in _member_keys(r, region):
            kind, _, value = key.partition(":")
            (cards if kind == "card" else phones).add(value)
    found: set[str] = set()
    if cards:
        found |= {"card:" + c for c in s.scalars(select(Customer.card_number).where(Customer.card_number.in_(cards)))}
    if phones:
        found |= {"phone:" + p for p in s.scalars(select(Customer.phone).where(Customer.phone.in_(phones)))}
    return found


def _apply_one(till: Till, s: Session, r: Receipt, file_hash: str | None, summary: ApplySummary) -> None:
    if r.cumulative:
        increment = _refund_increment(s, r)
        if increment is None:
            summary.duplicates += 1
            return
        r = increment
    exists = s.scalar(
        select(ReceiptRow.id).where(
            ReceiptRow.source == r.source, ReceiptRow.store_id == r.store_id, ReceiptRow.external_id == r.external_id
        )
    )
    if exists:
        summary.duplicates += 1
        return
    row = ReceiptRow(**_row_values(till, r, file_hash))
    s.add(row)
    s.flush()
    if r.kind is ReceiptKind.SALE:
        stats.sales_added(s, [row])  # a non-member's sale until a member is matched below
        customer_id = _match(s, r, till.country(s))
        if customer_id is None:
            summary.unclaimed += 1
            return
        try:
            _award_row(till, s, row, customer_id, staff=None)
            summary.awarded += 1
        except LoyaltyError as err:
            summary.unclaimed += 1
            summary.notes.append(Note(NOT_AWARDED, r.external_id, _reason(err)))
    else:
        _apply_refund(till, s, row, r, summary)
        stats.refund_added(s, row)  # the sale it names counts less in the dashboard


def _refund_increment(s: Session, r: Receipt) -> Receipt | None:
    """What a running refund total adds to the refunds of its payment already applied, or None.

    Toast writes one row per payment with one "Refund Amount" (PaymentDetails, doc.toasttab.com
    "payment_details"; the orders API's Payment carries one ``refund`` object, its
    ``refundAmount`` the whole amount refunded: doc.toasttab.com/openapi/orders, schema Refund).
    A second partial refund of the same payment days later shows the payment again with the
    larger figure. The first refund is stored under the reader's id; each later rise under
    ``<id>@<running total>`` holding only the difference, so re-reading an old export (the same
    or a smaller figure) is a duplicate and every minor unit is reversed once.
    """
    base = r.external_id
    prior = s.execute(
        select(ReceiptRow.total, ReceiptRow.subtotal, ReceiptRow.tip).where(
            ReceiptRow.source == r.source,
            ReceiptRow.store_id == r.store_id,
            or_(
                ReceiptRow.external_id == base,
                # ids "<base>@…" as an index range: "@" sorts just before "A"
                and_(ReceiptRow.external_id > base + "@", ReceiptRow.external_id < base + "A"),
            ),
        )
    ).all()
    if not prior:
        return dataclasses.replace(r, cumulative=False)
    total, subtotal, tip = (sum(p[i] for p in prior) for i in range(3))
    if abs(r.total) <= abs(total):
        return None  # nothing refunded since: the same export again, or an older one
    return dataclasses.replace(
        r,
        external_id=f"{base}@{abs(r.total)}",
        total=r.total - total,
        subtotal=r.subtotal - subtotal,
        tip=r.tip - tip,
        cumulative=False,
    )


def _row_values(till: Till, r: Receipt, file_hash: str | None) -> dict[str, object]:
    return dict(
        id=new_id(),
        source=r.source,
        external_id=r.external_id,
        store_id=r.store_id,
        kind=r.kind.value,
        opened_at=r.opened_at,
        closed_at=r.closed_at,
        total=r.total,
        subtotal=r.subtotal,
        discount=r.discount,
        tax=r.tax,
        tip=r.tip,
        currency=r.currency,
        lines_json=_lines_json(r.lines),
        customer_ref=r.customer_card or r.customer_phone,
        refund_of=r.refund_of,
        state="unclaimed",
        file_hash=file_hash,
        created_at=till.clock(),
    )


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps(…, ensure_ascii=False) makes one per call


def _lines_json(lines: tuple[ReceiptLine, ...]) -> str:
    return _JSON(
        [
            {
                "sku": ln.sku,
                "name": ln.name,
                "category": ln.category,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "discount": ln.discount,
                "is_reward": ln.is_reward,
                "is_refunded": ln.is_refunded,
            }
            for ln in lines
        ]
    )


def _lines(row: ReceiptRow) -> tuple[ReceiptLine, ...]:
    return tuple(ReceiptLine(**d) for d in json.loads(row.lines_json or "[]"))


def _match(s: Session, r: Receipt, region: str) -> str | None:
    """The member the POS recorded, by card number / loyalty id first, then phone."""
    if r.customer_card.strip():
        try:
            number = cardcode.normalise_card_number(r.customer_card)
            cid = s.scalar(select(Customer.id).where(Customer.card_number == number))
            if cid:
                return cid
        except BadCardCode:
            pass  # not one of our card numbers: maybe the POS's own customer id; try the phone
    if r.customer_phone.strip():
        try:
            phone = normalise_phone(r.customer_phone, region)
        except InvalidInput:
            return None
        return s.scalar(select(Customer.id).where(Customer.phone == phone))
    return None


def _net_paid(s: Session, row: ReceiptRow) -> int:
    """What the sale is worth now: paid (tips never earn) less refunds already recorded."""
    refunded = s.scalar(
        select(func.coalesce(func.sum(ReceiptRow.total - ReceiptRow.tip), 0)).where(
            ReceiptRow.source == row.source,
            ReceiptRow.store_id == row.store_id,
            ReceiptRow.refund_of == row.external_id,
            ReceiptRow.kind == ReceiptKind.REFUND.value,
        )
    )
    return (row.total - row.tip) + int(refunded or 0)  # refunds carry negative totals


def _award_row(
    till: Till, s: Session, row: ReceiptRow, customer_id: str, staff: StaffMember | None
) -> awards.AwardResult:
    paid = _net_paid(s, row)
    if paid <= 0:
        raise NotAllowed("The whole bill was refunded.")
    result = awards.award(
        till,
        customer_id,
        Bill(paid=paid, tax=row.tax, lines=_lines(row)),
        staff=staff,
        receipt=awards.ReceiptRef(row.source, row.external_id),
        session=s,
    )
    row.state, row.customer_id, row.ledger_entry_id = "claimed", customer_id, result.earn.id
    stats.sale_claimed(s, row)  # the sale becomes a member's in the dashboard
    return result


def _apply_refund(till: Till, s: Session, row: ReceiptRow, r: Receipt, summary: ApplySummary) -> None:
    if r.refund_of:
        sale = s.scalars(
            select(ReceiptRow).where(
                ReceiptRow.source == r.source,
                ReceiptRow.store_id == r.store_id,
                ReceiptRow.external_id == r.refund_of,
                ReceiptRow.kind == ReceiptKind.SALE.value,
            )
        ).first()
    else:
        sale = _refunded_sale(s, r, summary, till.country(s))
        if sale is not None:
            row.refund_of = sale.external_id  # the link, for the claim's and the next refund's sums
    if sale is None:
        row.state = "ignored"
        if r.refund_of:
            summary.notes.append(Note(NEVER_SEEN[r.kind], r.external_id, r.refund_of))
        return
    if sale.ledger_entry_id is None:
        # The sale never earned: nothing to take back. A voided sale can no longer be claimed.
        row.state = "ignored"
        if r.kind is ReceiptKind.VOID:
            sale.state = "ignored"
            summary.notes.append(Note(VOID_OF_UNEARNED, r.external_id, sale.external_id))
        else:
            summary.notes.append(Note(REFUND_OF_UNEARNED, r.external_id, sale.external_id))
        return
    refunded = None if r.kind is ReceiptKind.VOID else abs(r.total - r.tip)
    try:
        entry = reverse_in(
            s,
            till,
            sale.ledger_entry_id,
            staff_id=None,
            refunded_amount=refunded,
            reason=f"POS {r.kind.value} {r.external_id}",
        )
    except NotAllowed as err:  # already fully reversed
        row.state = "ignored"
        summary.notes.append(Note(NOTHING_LEFT[r.kind], r.external_id, _reason(err)))
        return
    row.state, row.customer_id, row.ledger_entry_id = "claimed", sale.customer_id, entry.id
    summary.reversed += 1


def _refunded_sale(s: Session, r: Receipt, summary: ApplySummary, region: str) -> ReceiptRow | None:
    """The sale a refund that names none belongs to (Loyverse writes a refund as a receipt of its own).

    Candidates are this source's sales in the refund window before the refund,
    for the same customer (every spelling of a phone is one), still worth at
    least what is refunded, and holding every refunded item in at least the
    refunded quantity. The most recent wins; when others fit too, a note says
    which one was taken and which others could have been — never a silent guess.
    """
    since = r.closed_at - timedelta(days=REFUND_MATCH_DAYS)
    rows = s.scalars(
        select(ReceiptRow)
        .where(
            ReceiptRow.source == r.source,
            ReceiptRow.store_id == r.store_id,
            ReceiptRow.kind == ReceiptKind.SALE.value,
            ReceiptRow.closed_at >= since,
            ReceiptRow.closed_at <= r.closed_at,
        )
        .order_by(ReceiptRow.closed_at.desc(), ReceiptRow.external_id.desc())
    ).all()
    who = _member_keys(r, region)
    amount = abs(r.total - r.tip)
    fits = [
        row
        for row in rows
        if _ref_keys(row.customer_ref, region) == who and _net_paid(s, row) >= amount and _holds(_lines(row), r.lines)
    ]
    if not fits:
        summary.notes.append(Note(NO_SALE_FITS, r.external_id, REFUND_MATCH_DAYS))
        return None
    if len(fits) > 1:
        others = ", ".join(f.external_id for f in fits[1:6]) + (" …" if len(fits) > 6 else "")
        summary.notes.append(Note(AMBIGUOUS, r.external_id, fits[0].external_id, others))
    return fits[0]


def _ref_keys(ref: str, region: str) -> frozenset[str]:
    """A stored customer reference (card or phone as the POS wrote it), normalised."""
    if not ref.strip():
        return set()
    return _keys_of(ref, "", region) | _keys_of("", ref, region)


def _holds(sale: tuple[ReceiptLine, ...], refunded: tuple[ReceiptLine, ...]) -> bool:
    """Every refunded item is on the sale, at least as many times."""
    have: dict[str, int] = {}
    for line in sale:
        key = line.sku or line.name
        have[key] = have.get(key, 0) + line.qty
    for line in refunded:
        key = line.sku or line.name
        have[key] = have.get(key, 0) - abs(line.qty)
        if have[key] < 0:
            return False
    return True


@dataclass(frozen=True)
class UnclaimedReceipt:
    id: str
    source: str
    external_id: str
    closed_at: object
    total: int


def unclaimed(till: Till, *, limit: int = 20) -> list[UnclaimedReceipt]:
    """The latest sales waiting for a member, newest first (the cashier's list)."""
    since = till.clock() - timedelta(days=CLAIM_DAYS)
    with till.transaction() as s:
        rows = s.scalars(
            select(ReceiptRow)
            .where(
                ReceiptRow.state == "unclaimed",
                ReceiptRow.kind == ReceiptKind.SALE.value,
                ReceiptRow.closed_at >= since,
            )
            .order_by(ReceiptRow.closed_at.desc())
            .limit(limit)
        )
        return [UnclaimedReceipt(r.id, r.source, r.external_id, r.closed_at, r.total - r.tip) for r in rows]


def claim(
    till: Till, customer_id: str, *, receipt_number: str = "", receipt_id: str = "", staff: StaffMember | None
) -> awards.AwardResult:
    """Attach an unclaimed sale to a member: by the row the cashier picked, or by the number on the paper."""
    with till.transaction() as s:
        q = select(ReceiptRow).where(ReceiptRow.store_id == till.store_id, ReceiptRow.kind == ReceiptKind.SALE.value)
        if receipt_id:
            q = q.where(ReceiptRow.id == receipt_id)
        elif receipt_number.strip():
            q = q.where(ReceiptRow.external_id == receipt_number.strip())
        else:
            raise InvalidInput("Give the receipt number.")
        rows = s.scalars(q).all()
        if not rows:
            raise NotFound("No receipt {0} from the POS is known here.", receipt=receipt_number or receipt_id)
        row = rows[0]
        if row.state == "claimed":
            raise NotAllowed("Receipt {0} has already earned points.", receipt=row.external_id)
        if row.state != "unclaimed" or till.clock() - row.closed_at > timedelta(days=CLAIM_DAYS):
            raise NotAllowed(
                "Receipt {0} can no longer be claimed (only within {1} days).", receipt=row.external_id, days=CLAIM_DAYS
            )
        result = _award_row(till, s, row, customer_id, staff)
        audit(s, staff, "receipt.claim", row.id, after={"customer": customer_id, "receipt": row.external_id})
        return result


def expire_unclaimed(till: Till) -> int:
    """Mark sales older than the claim window as expired (they still count in the reports)."""
    cutoff = till.clock() - timedelta(days=CLAIM_DAYS)
    with till.transaction() as s:
        rows = s.scalars(select(ReceiptRow).where(ReceiptRow.state == "unclaimed", ReceiptRow.closed_at < cutoff))
        n = 0
        for row in rows:
            row.state = "expired"
            n += 1
        return n


# ---------------------------------------------------------------- files already read


class DbSeenFiles:
    """``SeenFiles`` for the watcher, backed by the ``imported_file`` table.

    Files are known by the SHA-256 of their content, so a re-export of the same
    bytes, a copy in another folder or a restart of the bridge never reads a file
    twice. (A re-export with *different* bytes is read, and its receipts are then
    deduplicated one by one.) A quarantined file put back into the folder is the
    manager's retry, so it is read again.
    """

    def __init__(self, till: Till) -> None:
        self.till = till

    def seen(self, sha256: str) -> bool:
        with self.till.transaction() as s:
            row = s.get(ImportedFile, sha256)
            return row is not None and row.outcome != QUARANTINED

    def remember(self, sha256: str, path: Path | str, outcome: str, detail: str = "") -> None:
        with self.till.transaction() as s:
            row = s.get(ImportedFile, sha256)
            if row is None:
                s.add(
                    ImportedFile(
                        sha256=sha256, path=str(path), outcome=str(outcome), detail=detail, seen_at=self.till.clock()
                    )
                )
            elif row.outcome == QUARANTINED:  # a retry of a quarantined file: record how it went this time
                row.path, row.outcome, row.detail, row.seen_at = str(path), str(outcome), detail, self.till.clock()


@dataclass(frozen=True)
class BridgeNotes:
    """What the bridge said about one export it read: every refund or void that took nothing
    back, every sale that did not earn, every row left for a later export."""

    seen_at: datetime
    file: str
    outcome: str
    notes: tuple[Note, ...]


def bridge_notes(till: Till, *, limit: int = 50) -> list[BridgeNotes]:
    """The latest exports that left notes, newest first (the manager's POS view)."""
    with till.transaction() as s:
        rows = s.scalars(
            select(ImportedFile).where(ImportedFile.detail != "").order_by(ImportedFile.seen_at.desc()).limit(limit)
        ).all()
        return [BridgeNotes(r.seen_at, Path(r.path).name, r.outcome, _notes_of(r.detail)) for r in rows]


def _notes_of(detail: str) -> tuple[Note, ...]:
    """The notes kept with an imported file: JSON (template and values), or plain lines (older tills)."""
    try:
        data = json.loads(detail)
    except ValueError:
        return tuple(Note("{0}", line) for line in detail.splitlines() if line)
    return tuple(Note.from_json(item) for item in data) if isinstance(data, list) else ()


def _reason(err: LoyaltyError) -> Notice:
    """Why a receipt was not awarded, as the error's English sentence that keeps its template (the UI translates it)."""
    return Notice(err.template, **err.details)
