"""A POS receipt normalised to one shape, whatever POS it came from.

Readers in ``pos_bridge`` produce these; the core decides what they earn. All
amounts are integers in minor units of ``currency``; times are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ReceiptKind(StrEnum):
    SALE = "sale"
    REFUND = "refund"  # money given back; may be partial
    VOID = "void"  # the whole sale cancelled


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    qty: int  # whole units; a POS writing "2.000" becomes 2. Negative on refund lines.
    unit_price: int  # minor units, before line discount
    sku: str = ""
    category: str = ""
    discount: int = 0  # minor units taken off this line
    is_reward: bool = False  # a line paid by a loyalty reward never earns
    is_refunded: bool = False

    @property
    def total(self) -> int:
        return self.qty * self.unit_price - self.discount


@dataclass(frozen=True)
class Receipt:
    source: str  # reader name: "square", "toast", "kiotviet", "generic_csv" ...
    external_id: str  # the POS's own receipt/order number
    store_id: str
    closed_at: datetime  # aware, UTC
    total: int  # what the customer paid, minor units (after discounts, incl. tax, incl. tip)
    subtotal: int = 0  # lines before discount
    discount: int = 0
    tax: int = 0
    tip: int = 0
    currency: str = "VND"
    kind: ReceiptKind = ReceiptKind.SALE
    lines: tuple[ReceiptLine, ...] = ()
    opened_at: datetime | None = None
    customer_phone: str = ""  # as the POS wrote it; normalised by the matcher
    customer_card: str = ""  # card number or loyalty id
    customer_name: str = ""
    refund_of: str = ""  # external id of the sale a refund/void belongs to
    # A refund whose total is the running total of every refund of one payment so far (Toast's
    # PaymentDetails: one "Refund Amount" per payment, raised by each later partial refund). The
    # till applies only the part not applied yet (``app.services.receipts``); the reader cannot
    # know it.
    cumulative: bool = False
    raw_ref: str = field(default="", compare=False)  # "file.csv:12" for the quarantine reason

    @property
    def dedupe_key(self) -> tuple[str, str, str]:
        return (self.source, self.store_id, self.external_id)
