"""Screenshots of the first-run wizard and the program, staff and audit tabs.

    .venv/bin/python scripts/screenshots.py --tour setup [--out screenshots] [--language vi|en]

The wizard is shot page by page on an empty home, filled in as a new owner would;
the tabs on a demo till with a draft being edited (its preview and the members who
would change tier), at 1366×768 and 1024×768, in Vietnamese and English.
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
from app.bootstrap import open_till
from app.core.templates import Template
from app.services import staff, staff_admin
from app.ui.backoffice.audit_tab import AuditTab
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.program_tab import ProgramTab
from app.ui.backoffice.staff_tab import StaffTab
from app.ui.backoffice.window import BackOfficeWindow
from app.ui.i18n import Translations
from app.ui.setup_wizard import SetupWizard
from app.ui.tasks import BackgroundOps
from scripts.screenshots import settle, shoot

SIZES = ((1366, 768), (1024, 768))


def wizard_tour(app: QApplication, out: Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as home:
        translations = Translations(app)
        translations.use(language)
        wizard = SetupWizard(Path(home), translations)
        pages = ["welcome", "shop", "owner", "program", "server"]
        for width, height in SIZES:
            wizard.restart()
            wizard.resize(width, height)
            wizard.show()
            settle(app)
            for i, name in enumerate(pages):
                if name == "welcome":
                    wizard.welcome.shop.setChecked(True)
                if name == "shop":
                    wizard.shop.name.setText("Cà Phê Sáng" if language == "vi" else "Sarah's Bakery")
                    wizard.shop.address.setText("12 Lê Lợi, Quận 1" if language == "vi" else "12 Main St, Brooklyn")
                    if language == "en":
                        wizard.shop.currency.setCurrentIndex(wizard.shop.currency.findData("USD"))
                        wizard.shop.timezone.setEditText("America/New_York")
                if name == "owner":
                    wizard.owner.name.setText("Chị Mai" if language == "vi" else "Sarah Miller")
                    wizard.owner.pin.setText("739164")
                    wizard.owner.pin_again.setText("739164")
                if name == "program":
                    wizard.program.buttons[Template.POINTS_TIERS].setChecked(True)
                settle(app, 100)
                shoot(app, wizard, out / f"wizard_{i + 1}_{name}_{width}x{height}_{language}.png")
                if name != pages[-1]:
                    wizard.next()
        wizard.close()
        translations.uninstall()
        settle(app, 50)


def tabs_tour(app: QApplication, out: Path, language: str) -> None:
    with tempfile.TemporaryDirectory() as home:
        till = open_till(Path(home))
        info = demo.seed(till)
        owner = staff.login(till, info.owner_pin)
        trang = staff_admin.add(till, by=owner, name="Trang", role="cashier", pin="24681012")
        staff_admin.change_role(till, trang.id, "manager", by=owner)
        ctx = BackOfficeContext(till=till, staff=owner, ops=BackgroundOps(), language=language)
        translations = Translations(app)
        translations.use(language)
        window = BackOfficeWindow(ctx, translations=translations)
        for tab_type, name in ((ProgramTab, "program"), (StaffTab, "staff"), (AuditTab, "audit")):
            tab = window.tab_of(tab_type)
            assert tab is not None
            window.tab_widget.setCurrentWidget(tab)
            tab.activated()
            settle(app, 400, until=lambda: not ctx.ops.busy)
            settle(app, 200)
            if isinstance(tab, ProgramTab):  # a draft in the making: 2 points per step, Gold at 150
                tab.ints["points_per_step"].setValue(2)
                tab.tiers.item(1, 1).setText("150")
                tab.bill_amount.setText("125000")
                tab.update_preview()
                tab.count_tier_changes()
                settle(app, 400, until=lambda: not ctx.ops.busy)
            if isinstance(tab, StaffTab):
                tab.select_name("Trang")
            for width, height in SIZES:
                window.resize(width, height)
                window.show()
                settle(app, 200)
                shoot(app, window, out / f"backoffice_{name}_{width}x{height}_{language}.png")
        window.close()
        translations.uninstall()
        ctx.ops.wait_idle()
        settle(app, 50)
        till.engine.dispose()
