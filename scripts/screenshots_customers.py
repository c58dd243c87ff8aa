"""Screenshots of the back office's customers tab and a customer page, in Vietnamese and English.

    .venv/bin/python scripts/screenshots.py --tour customers [--out screenshots] [--language vi|en]

A demo till per language; the sample member gets a history worth reading (sales,
a reversal, a manager's adjustment, a rating) and a second card merged into it,
then the customers tab (searched by a phone's last digits) and the member's page
are shot at 1366×768 and 1024×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app import demo
from app.core.earning import Bill
from app.services import awards, corrections, customers, feedback, merges, staff
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.customers_tab import CustomersTab
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.i18n import Translations
from app.ui.tasks import BackgroundOps
from scripts.screenshots import settle, shoot

SIZES = ((1366, 768), (1024, 768))


def seed_history(till: Till, info: demo.DemoInfo) -> str:
    """The sample member's busy month, and a second card of hers merged in; returns her id."""
    manager = staff.login(till, info.manager_pin)
    cashier = staff.login(till, info.cashier_pin)
    member = customers.find(till, info.sample_payload).matches[0].customer_id
    sale = awards.award(till, member, Bill(paid=185_000), staff=cashier)
    awards.award(till, member, Bill(paid=64_000), staff=cashier)
    corrections.reverse(till, sale.earn.id, manager=manager, reason="Khách trả lại đơn, hoàn tiền")
    corrections.adjust(till, member, points=5, reason="Máy pha cà phê hỏng, xin lỗi khách", manager=manager)
    feedback.rate_visit(till, member, 5, comment="Cà phê ngon, nhân viên dễ thương")
    second = customers.enroll(till, name="Nguyen Thi Anh", phone="0977 123 456", staff=cashier)
    awards.award(till, second.customer_id, Bill(paid=95_000), staff=cashier)
    merges.merge(till, member, second.customer_id, manager=manager, reason="Cùng một người, đăng ký hai lần")
    return member


def tour(app: QApplication, out: Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as home:
        from app.bootstrap import open_till

        till = open_till(Path(home))
        info = demo.seed(till)
        member = seed_history(till, info)
        ctx = BackOfficeContext(
            till=till, staff=staff.login(till, info.owner_pin), ops=BackgroundOps(), language=language
        )
        translations = Translations(app)
        translations.use(language)
        window = BackOfficeWindow(ctx, translations=translations)
        tab = window.tab_of(CustomersTab)
        assert isinstance(tab, CustomersTab)
        window.tab_widget.setCurrentWidget(tab)
        tab.activated()
        settle(app, 3000, until=lambda: not ctx.ops.busy)
        tab.search_edit.setText("".join(c for c in info.sample_phone if c.isdigit())[-4:])
        tab.search_now()
        settle(app, 3000, until=lambda: not ctx.ops.busy)
        for width, height in SIZES:
            window.resize(width, height)
            window.show()
            settle(app, 200)
            shoot(app, window, out / f"backoffice_customers_search_{width}x{height}_{language}.png")
        page = tab.open_customer(member)
        settle(app, 3000, until=lambda: page.profile is not None and not ctx.ops.busy)
        page.choose_action("merge")
        for width, height in SIZES:
            page.resize(width, height)
            settle(app, 200)
            shoot(app, page, out / f"backoffice_customer_page_{width}x{height}_{language}.png")
        page.close()
        window.close()
        translations.uninstall()
        ctx.ops.wait_idle()
        settle(app, 50)
        till.engine.dispose()
