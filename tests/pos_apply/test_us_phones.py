"""Issue 10's bridge in a New York shop: a Toast export writes the customer's phone the American way,
"(617) 555-0142", without +1, and it must earn for the member enrolled as "+1 617 555 0142".

The Toast nightly folder is built by ``realexports.toast_night`` from Toast's data export field
reference (doc.toasttab.com: CheckDetails.csv "Customer Phone"); the till is a real shop set up
as the wizard does, whose country (US) comes from its zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import realexports as rx
from test_real_exports import points, read

from app.core.receipt import ReceiptKind
from app.services import customers, settings, setup
from app.services.receipts import apply_receipts
from app.services.setup import ShopSetup


def test_a_toast_receipt_with_an_american_phone_earns_for_her(tmp_path: Path) -> None:
    till, owner = setup.setup_shop(
        tmp_path / "bakery",
        ShopSetup(
            store_name="Sarah's Bakery",
            owner_name="Sarah Miller",
            owner_pin="480213",
            currency="USD",
            timezone="America/New_York",
            language="en",
            template="points_tiers",
        ),
    )
    try:
        till.clock = lambda: datetime(2024, 3, 13, 12, 0, tzinfo=UTC)
        assert settings.store_country(till) == "US"
        emily = customers.enroll(till, name="Emily Chen", phone="+1 617 555 0142", staff=owner)
        before = points(till, emily.customer_id)
        d = datetime(2024, 3, 12, 12, 0)
        night = rx.toast_night(tmp_path / "20240312", [
            dict(order_id="201", number="1", when=d, cents=2500, phone="(617) 555-0142", name="Emily Chen"),
            dict(order_id="202", number="2", when=d.replace(hour=13), cents=1000, phone="6175550142"),
            dict(order_id="203", number="3", when=d.replace(hour=14), cents=900, phone="(212) 555-0199"),
        ], [
            dict(payment_id="P201", order_id="201", cents=2500, paid_at=d),
            dict(payment_id="P202", order_id="202", cents=1000, paid_at=d.replace(hour=13)),
            dict(payment_id="P203", order_id="203", cents=900, paid_at=d.replace(hour=14)),
        ])  # fmt: skip
        got = read("toast", sorted(night.iterdir()), tz="America/New_York", currency="USD", store_id=till.store_id)
        assert [(r.external_id, r.kind, r.customer_phone) for r in got.receipts] == [
            ("201", ReceiptKind.SALE, "(617) 555-0142"),
            ("202", ReceiptKind.SALE, "6175550142"),
            ("203", ReceiptKind.SALE, "(212) 555-0199"),
        ]
        summary = apply_receipts(till, got.receipts)
        # Both spellings are her; the third phone is nobody's and waits, unclaimed.
        assert (summary.awarded, summary.unclaimed) == (2, 1)
        assert points(till, emily.customer_id) - before == 25 + 10  # a point per dollar
        again = apply_receipts(till, got.receipts)  # the same export read twice earns nothing more
        assert (again.awarded, again.duplicates) == (0, 3)
    finally:
        till.engine.dispose()
