"""Screenshots of the complaint loop: the display's apology, the tickets tab and the flags & health tab.

    .venv/bin/python scripts/screenshots.py --tour complaints [--out screenshots] [--language vi|en]

A demo till per language, with complaints (one resolved with a voucher), flags
the server raised and the chain's last health report, shot at 1366×768 and
1024×768 in Vietnamese and English. Named ``complaints_*``: the generic
back-office tour (``scripts/screenshots.py``) shoots the same tabs empty.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import demo
from app.bootstrap import open_till
from app.core.earning import Bill
from app.core.ids import new_id
from app.db.models import Customer, Flag, ImportedFile, Setting
from app.services import awards, feedback, staff, tickets
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.health_tab import HealthTab
from app.ui.backoffice.tickets_tab import TicketsTab
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.i18n import Translations
from app.ui.main import build_windows
from app.ui.tasks import BackgroundOps
from scripts.screenshots import settle, shoot

SIZES = ((1366, 768), (1024, 768))


def seed_complaints(till) -> None:  # type: ignore[no-untyped-def]
    info_owner = staff.login(till, demo.OWNER_PIN)
    manager = staff.login(till, demo.MANAGER_PIN)
    cashier = staff.login(till, demo.CASHIER_PIN)
    with till.transaction() as s:
        people = list(s.scalars(select(Customer).where(Customer.status == "active").limit(3)))
    a, b, c = (p.id for p in people)
    sale = awards.award(till, a, Bill(paid=85_000), staff=cashier)
    feedback.rate_visit(till, a, 1, entry_id=sale.earn.id, comment="Cà phê nguội, chờ 20 phút")
    feedback.rate_visit(till, None, 2, comment="Bàn chưa lau")
    resolved = feedback.rate_visit(till, b, 2, comment="Thiếu bánh trong đơn mang về")
    tickets.set_voucher_budget(till, 500_000, by=info_owner)
    ticket = feedback.ticket_for(till, resolved.id)
    assert ticket is not None
    tickets.resolve(
        till, ticket.id, by=manager, resolution="Gọi xin lỗi, tặng phiếu", voucher_value=50_000, approved_by=manager
    )
    awards.award(till, b, Bill(paid=120_000), staff=cashier)  # she came back
    now = till.clock()
    with till.transaction() as s:
        s.add(
            Flag(
                id=new_id(),
                kind="voucher_reused",
                customer_id=b,
                created_at=now,
                message="Voucher K7QZMXAB was used more than once, probably at two tills while offline.",
            )
        )
        s.add(
            Flag(
                id=new_id(),
                kind="negative_balance",
                customer_id=c,
                created_at=now - timedelta(hours=3),
                # the server's sentence (sync/server/ledger.py): the back office names the member and the till
                message=f"Member {c} is at -30 points after a redeem at terminal T-2: the same points were "
                "probably spent at two tills while offline.",
            )
        )
        s.add(
            Flag(
                id=new_id(),
                kind="pin_failures",
                created_at=now - timedelta(hours=5),
                message="10 wrong PINs in a row at this till: someone may be guessing staff PINs.",
            )
        )
        s.add(ImportedFile(sha256="e" * 64, path="pos-exports/quarantine/xuat-loi.csv", outcome="quarantined"))
        chain = {
            "time": (now - timedelta(minutes=4)).isoformat(),
            "flags": [],
            "tills": [
                {"terminal_id": "T-2", "store_id": till.store_id, "name": "Quầy 2",
                 "reported_at": (now - timedelta(minutes=5)).isoformat(),
                 "last_sync_at": (now - timedelta(minutes=5)).isoformat(), "pending": 0, "pos_watching": True,
                 "pos_last_file": "pos-exports/2026-11-29-sales.csv",
                 "pos_last_file_at": (now - timedelta(minutes=30)).isoformat(), "pos_quarantined": 0},
                {"terminal_id": "T-3", "store_id": till.store_id, "name": "Quầy 3 (tầng 2)",
                 "reported_at": (now - timedelta(days=2)).isoformat(),
                 "last_sync_at": (now - timedelta(days=2)).isoformat(), "pending": 37, "pos_watching": False,
                 "pos_quarantined": 0, "last_error": ""},
            ],
        }  # fmt: skip
        s.add(Setting(key="health.chain", value=json.dumps(chain)))
        s.add(Setting(key="health.last_sync", value=(now - timedelta(minutes=1)).isoformat()))


def tour(app: QApplication, out: Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as home:
        till = open_till(Path(home))
        info = demo.seed(till)
        # The display's answer to a 1★, through the real checkout.
        w = build_windows(till, language=language)
        w.cashier.resize(1366, 768)
        w.display.resize(1024, 768)
        w.cashier.show()
        w.display.show()
        w.checkout.start_shift(staff.login(till, info.cashier_pin))
        w.checkout.on_scanned(info.sample_payload)
        w.cashier.award_panel.confirmed.emit("45000")
        settle(app, 4000, until=lambda: not w.display.stamp_card.animating())
        w.display.rated.emit(1)
        settle(app)
        shoot(app, w.display, out / f"display_apology_{language}.png")
        shoot(app, w.cashier, out / f"cashier_complaint_notice_{language}.png")
        w.close()
        settle(app, 50)

        seed_complaints(till)
        ctx = BackOfficeContext(
            till=till, staff=staff.login(till, info.owner_pin), ops=BackgroundOps(), language=language
        )
        translations = Translations(app)
        translations.use(language)  # the cashier window's went with it
        window = BackOfficeWindow(ctx, translations=translations)
        for tab_type, name in ((TicketsTab, "tickets"), (HealthTab, "health")):
            tab = window.tab_of(tab_type)
            assert tab is not None
            window.tab_widget.setCurrentWidget(tab)
            tab.activated()
            settle(app, 300, until=lambda: not ctx.ops.busy)
            settle(app, 200)
            for width, height in SIZES:
                window.resize(width, height)
                window.show()
                settle(app, 200)
                shoot(app, window, out / f"complaints_{name}_{width}x{height}_{language}.png")
                if isinstance(tab, TicketsTab):  # the resolved one: its voucher's QR, whether she came back
                    tab.table.selectRow(tab.model.rowCount() - 1)
                    settle(app, 100)
                    shoot(app, window, out / f"complaints_ticket_voucher_{width}x{height}_{language}.png")
                    tab.table.selectRow(0)
        window.close()
        translations.uninstall()
        ctx.ops.wait_idle()
        settle(app, 50)
        till.engine.dispose()
