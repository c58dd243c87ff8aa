"""Vouchers: money off a bill, issued as a compensation or a reward, used once at any till.

A voucher's signed QR payload (``app.core.vouchercode``) carries its code, value
and expiry, so any till of the chain honours it offline — even one that has not
pulled the voucher yet — and refuses a forged or altered one. The short code is
for typing at a till that knows the voucher.

Using a voucher is a ledger fact (``ledger_writer`` is the one writer): a
``redeem`` entry of 0 points naming the code (``receipt_source = "voucher"``).
So "was it used?" is answered from the ledger, which syncs exactly once like
every entry; two tills offline can both take it, and the server flags that for
the manager like points spent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.clock import local
from app.core.errors import BadCardCode, InvalidInput, NotAllowed, NotFound
from app.core.ledger import EntryKind, LedgerEntry
from app.core.money import currency, format_money
from app.core.vouchercode import (
    VoucherCode,
    looks_like_voucher,
    new_code,
    normalise_code,
    sign_voucher,
    verify_voucher,
)
from app.db.models import Customer, LedgerEntryRow, OutboxItem, Terminal, Voucher
from app.services import ledger_writer
from app.services.staff import StaffMember
from app.services.till import Till

SOURCE = "voucher"  # receipt_source of the redeem entry that uses a voucher
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class IssuedVoucher:
    code: str
    payload: str  # for the QR
    value: int
    currency: str
    expires_on: date
    customer_id: str | None


@dataclass(frozen=True)
class VoucherUse:
    entry: LedgerEntry
    code: str
    discount: int  # what comes off the bill (the voucher's value, at most the bill)
    value: int
    customer_id: str


def issue_in(
    s: Session,
    till: Till,
    *,
    value: int,
    issued_for: str,
    customer_id: str | None = None,
    issued_ref: str | None = None,
    issued_by: StaffMember | None = None,
    note: str = "",
    days: int = DEFAULT_DAYS,
) -> IssuedVoucher:
    """A new voucher, queued for the chain (inside the caller's transaction)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidInput("A voucher's value must be a positive whole amount.")
    if not 1 <= days <= 3660:
        raise InvalidInput("A voucher is valid for 1 day to 10 years.")
    now = till.clock()
    program = till.program(s)
    # Valid until the end of the last day in the store's zone; the code carries that day.
    last_day = local(now, program.timezone).date() + timedelta(days=days)
    expires_at = _end_of(last_day, program.timezone)
    code = new_code()
    while s.get(Voucher, code) is not None:  # 40 bits: practically never
        code = new_code()
    s.add(
        Voucher(
            code=code,
            customer_id=customer_id,
            value=value,
            currency=program.currency,
            expires_at=expires_at,
            issued_for=issued_for,
            issued_ref=issued_ref,
            issued_by=issued_by.id if issued_by else None,
            note=note,
            store_id=till.store_id,
            created_at=now,
        )
    )
    s.add(OutboxItem(item_type="voucher", item_id=code, created_at=now))
    payload = sign_voucher(VoucherCode(code, value, last_day), till.card_key)
    return IssuedVoucher(code, payload, value, program.currency, last_day, customer_id)


def payload_of(till: Till, code: str) -> str:
    """The QR payload of a voucher this till knows (to print or show it again)."""
    with till.transaction() as s:
        row = s.get(Voucher, code)
        if row is None or row.expires_at is None:
            raise NotFound("There is no such voucher.")
        tz = till.program(s).timezone
        return sign_voucher(VoucherCode(row.code, row.value, local(row.expires_at, tz).date()), till.card_key)


def _end_of(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def uses_of(s: Session, code: str) -> list[LedgerEntryRow]:
    """The entries that used this voucher and were not taken back."""
    rows = list(
        s.scalars(
            select(LedgerEntryRow).where(
                LedgerEntryRow.receipt_source == SOURCE,
                LedgerEntryRow.receipt_id == code,
                LedgerEntryRow.kind == EntryKind.REDEEM.value,
            )
        )
    )
    if not rows:
        return []
    undone = set(
        s.scalars(
            select(LedgerEntryRow.reverses).where(
                LedgerEntryRow.reverses.in_([r.id for r in rows]), LedgerEntryRow.kind == EntryKind.REVERSE.value
            )
        )
    )
    return [r for r in rows if r.id not in undone]


def cancelled(s: Session, row: Voucher) -> bool:
    """A reward's voucher dies with its redemption: if that was taken back (the points returned), the
    voucher is void. A ledger fact like its use, so every till holding the member's entries agrees."""
    if not row.issued_ref or row.issued_for != "reward":
        return False
    return s.scalar(select(LedgerEntryRow.id).where(LedgerEntryRow.reverses == row.issued_ref).limit(1)) is not None


def check_reward_reversible_in(s: Session, redeem_entry_id: str) -> None:
    """Refuse to give back a reward's points when the voucher it issued was already spent: both would count."""
    issued = select(Voucher).where(Voucher.issued_ref == redeem_entry_id, Voucher.issued_for == "reward")
    row = s.scalars(issued).first()
    if row is not None and uses_of(s, row.code):
        raise NotAllowed(
            "Voucher {0} from this reward was already used, so its points cannot be given back.",
            code=row.code,
        )


@dataclass(frozen=True)
class WaitingVoucher:
    code: str
    value: int
    expires_at: datetime | None


def waiting_for(till: Till, customer_id: str) -> list[WaitingVoucher]:
    """A member's vouchers not used yet and not expired (a compensation issued while she was away)."""
    now = till.clock()
    with till.transaction() as s:
        rows = s.scalars(select(Voucher).where(Voucher.customer_id == customer_id).order_by(Voucher.expires_at))
        return [
            WaitingVoucher(v.code, v.value, v.expires_at)
            for v in rows
            if (v.expires_at is None or v.expires_at >= now) and not uses_of(s, v.code) and not cancelled(s, v)
        ]


def is_voucher_text(till: Till, text: str) -> bool:
    """For the cashier's scan field: a scanned voucher payload, or the typed code of a voucher this till knows."""
    text = (text or "").strip()
    if looks_like_voucher(text):
        return True
    try:
        code = normalise_code(text)
    except BadCardCode:
        return False
    with till.transaction() as s:
        return s.get(Voucher, code) is not None


def redeem(
    till: Till,
    text: str,
    *,
    staff: StaffMember | None,
    customer_id: str | None = None,
    bill: int = 0,
) -> VoucherUse:
    """Take a voucher off a bill: a scanned payload (works offline anywhere) or a typed code this till knows.

    The use is booked to the voucher's member if it names one, else to the member on
    screen (``customer_id``): a voucher of a guest needs a card scanned first.
    """
    if isinstance(bill, bool) or not isinstance(bill, int) or bill < 0:
        raise InvalidInput("The bill must be a whole amount, not negative.")
    text = (text or "").strip()
    scanned = verify_voucher(text, till.card_key) if looks_like_voucher(text) else None
    code = scanned.code if scanned else normalise_code(text)
    now = till.clock()
    with till.transaction() as s:
        program = till.program(s)
        row = s.get(Voucher, code)
        if row is None and scanned is None:
            raise NotFound(
                "Voucher {0} is not known at this till yet. Scan its QR code: that works offline.", code=code
            )
        if row is None:
            assert scanned is not None
            row = Voucher(
                code=code,
                value=scanned.value,
                currency=program.currency,
                expires_at=_end_of(scanned.expires_on, program.timezone),
                issued_for="unknown",
                created_at=now,
            )  # the issuer's record completes it when it is pulled; this till does not push it
            s.add(row)
        elif scanned is not None and (scanned.value != row.value):
            raise BadCardCode("This voucher code does not match the voucher on record (altered?).")
        if cancelled(s, row):
            raise NotAllowed("Voucher {0} was cancelled: the reward it came from was taken back.", code=code)
        if row.expires_at is not None and now > row.expires_at:
            day = local(row.expires_at, program.timezone).strftime("%d/%m/%Y")
            raise NotAllowed("Voucher {0} expired on {1}.", code=code, day=day)
        used = uses_of(s, code)
        if used:
            when = local(used[0].created_at, program.timezone).strftime("%d/%m/%Y %H:%M")
            where = s.get(Terminal, used[0].terminal_id)
            place = where.name if where is not None and where.name else used[0].terminal_id
            raise NotAllowed(
                "Voucher {0} was already used on {1} at {2}.", code=code, when=when, place=place
            )
        owner = row.customer_id or customer_id
        if owner is None:
            raise NotAllowed("Scan the customer's card first: a voucher is booked to a member's account.")
        member = s.get(Customer, owner)
        if member is None:
            raise NotFound("No such customer.")
        discount = min(row.value, bill) if bill else row.value
        money = format_money(discount, currency(row.currency or program.currency), "en")
        entry = ledger_writer.append(
            s,
            ledger_writer.draft(
                till,
                owner,
                EntryKind.REDEEM,
                now,
                amount=bill or None,
                currency=row.currency or program.currency,
                receipt_source=SOURCE,
                receipt_id=code,
                program_version=program.version,
                staff_id=staff.id if staff else None,
                reason=f"Voucher {code} (−{money})",
            ),
        )
        row.redeemed_entry_id = entry.id
    return VoucherUse(entry=entry, code=code, discount=discount, value=row.value, customer_id=owner)
