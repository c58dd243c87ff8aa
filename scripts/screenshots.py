"""Screenshots of the cashier window and the customer display, in Vietnamese and English.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Each language gets a fresh demo till in a temp folder (the same data the
README's run command shows a newcomer), and the real windows are driven through
a checkout: login, a card scan, the amount typed, the award, a redemption, a
POS receipt attached, an enrolment; the POS bridge's notes and mapping dialog;
the checkout at 1024×768, 1280×800, 1366×768 and 1920×1080; then every registered
back-office tab at 1366×768 and 1024×768 and a member's
page (``--tour backoffice`` for just those). The PNGs are for the README and for
reviewing the layout by eye.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from app import demo
from app.bootstrap import open_till
from app.services import staff
from app.services.pos_bridge import PosBridge
from app.services.till import Till
from app.ui.main import Windows, build_windows

CASHIER_SIZE = (1366, 768)  # the most common till screen
DISPLAY_SIZE = (1024, 768)  # a small customer-facing monitor: the hardest case
# The checkout tour runs at every till size we support, the smallest first: a 4:3 1024×768,
# a 1280×800 laptop, the common 1366×768 and a 1920×1080 monitor. Cashier window and display
# both take the size (a till's second screen is usually the same model as its first).
CHECKOUT_SIZES = ((1024, 768), (1280, 800), (1366, 768), (1920, 1080))


def settle(app: QApplication, ms: int = 150, until: Callable[[], bool] | None = None) -> None:
    """Let Qt lay out, paint and run animations (up to ``ms``, or until ``until()``)."""
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.01)
    app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def pos_export(till: Till, folder: Path, phone: str) -> None:
    """This morning's sales as the POS exports them: three named no member, one named a member."""
    now = datetime.now(ZoneInfo(till.program().timezone))
    sales = [(42, "HD-20731", 65_000, ""), (25, "HD-20736", 125_000, phone), (12, "HD-20740", 89_000, "")]
    sales.append((3, "HD-20744", 45_000, ""))
    rows = [
        f"{n},{(now - timedelta(minutes=m)).isoformat(timespec='seconds')},{t},{p}" for m, n, t, p in sales
    ]
    (folder / "receipts.csv").write_text(
        "receipt_id,closed_at,total,customer_phone\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )


def poll_until_read(app: QApplication, bridge: PosBridge) -> None:
    """The bridge's thread would do this; here, polls on the GUI thread, so the shots are repeatable."""
    for _ in range(20):
        if bridge.poll():
            break
        settle(app, 20)


def checkout_tour(app: QApplication, out: Path, language: str) -> None:
    """The checkout at each of ``CHECKOUT_SIZES``; files are named ``…_<width>x<height>_<language>.png``."""
    for size in CHECKOUT_SIZES:
        checkout_tour_at(app, out, language, size)


def checkout_tour_at(app: QApplication, out: Path, language: str, size: tuple[int, int]) -> None:
    tag = f"{size[0]}x{size[1]}_{language}"
    with tempfile.TemporaryDirectory() as home:
        till = open_till(Path(home))
        info = demo.seed(till)
        bridge = PosBridge(till, settle_seconds=0)  # the demo's folder: home/pos-exports
        exports = bridge.folders[0]
        w: Windows = build_windows(till, language=language, pos_bridge=bridge)
        w.cashier.resize(*size)
        w.display.resize(*size)
        w.cashier.show()
        w.display.show()
        shoot(app, w.cashier, out / f"cashier_login_{tag}.png")
        shoot(app, w.display, out / f"display_idle_{tag}.png")
        w.checkout.start_shift(staff.login(till, info.cashier_pin))
        pos_export(till, exports, info.sample_phone)
        poll_until_read(app, bridge)
        shoot(app, w.cashier, out / f"cashier_ready_{tag}.png")

        w.checkout.search("nguyen")
        shoot(app, w.cashier, out / f"cashier_pick_list_{tag}.png")

        w.checkout.on_scanned(info.sample_payload)
        panel = w.cashier.award_panel
        panel.amount_edit.setText("125000")
        panel.amount_edited.emit("125000")
        shoot(app, w.cashier, out / f"cashier_award_preview_{tag}.png")
        shoot(app, w.display, out / f"display_customer_{tag}.png")

        panel.confirmed.emit("125000")
        settle(app, 4000, until=lambda: not w.display.stamp_card.animating())
        shoot(app, w.cashier, out / f"cashier_after_sale_{tag}.png")
        shoot(app, w.display, out / f"display_after_sale_{tag}.png")

        w.cashier.redeem_action.trigger()
        shoot(app, w.cashier, out / f"cashier_redeem_{tag}.png")

        w.checkout.on_scanned(info.sample_payload)
        w.cashier.pos_panel.select_row(1)
        shoot(app, w.cashier, out / f"cashier_pos_choose_{tag}.png")
        w.cashier.attach_action.trigger()
        settle(app, 4000, until=lambda: not w.display.stamp_card.animating())
        shoot(app, w.cashier, out / f"cashier_pos_attached_{tag}.png")
        (exports / "xuat-loi.csv").write_text("receipt_id,closed_at,total\nHD-1,?,?\n", encoding="utf-8")
        poll_until_read(app, bridge)
        shoot(app, w.cashier, out / f"cashier_pos_quarantine_{tag}.png")

        w.cashier.enroll_action.trigger()
        ep = w.cashier.enroll_panel
        ep.show_form(phone="0933 111 222", name="Trần Thị Bé")
        ep.birthday_edit.setText("24/11")
        shoot(app, w.cashier, out / f"cashier_enroll_{tag}.png")
        ep.confirm_button.click()
        shoot(app, w.cashier, out / f"cashier_enrolled_{tag}.png")
        shoot(app, w.display, out / f"display_enrolled_{tag}.png")
        w.close()
        settle(app, 50)
        till.engine.dispose()


def pos_bridge_tour(app: QApplication, out: Path, language: str) -> None:
    """The manager's POS views: the bridge's notes (every ignored refund and void) and the
    column-mapping dialog with an unknown POS's sample export."""
    import openpyxl

    from app.ui.pos_mapping import PosMappingDialog

    with tempfile.TemporaryDirectory() as home:
        till = open_till(Path(home))
        info = demo.seed(till)
        bridge = PosBridge(till, settle_seconds=0)
        exports = bridge.folders[0]
        w: Windows = build_windows(till, language=language, pos_bridge=bridge)
        w.cashier.resize(*CASHIER_SIZE)
        w.cashier.show()
        w.checkout.start_shift(staff.login(till, info.cashier_pin))
        now = datetime.now(ZoneInfo(till.program().timezone)).replace(microsecond=0)
        stamp = now.isoformat()
        (exports / "xuat-ca-toi.csv").write_text(
            "receipt_id,closed_at,total,kind,refund_of,customer_phone\n"
            f"HD-20801,{stamp},65000,sale,,\n"
            f"HD-20801#void,{stamp},65000,void,HD-20801,\n"
            f"TH-20802,{stamp},-45000,refund,HD-19990,{info.sample_phone}\n",
            encoding="utf-8",
        )
        for _ in range(50):  # the demo's own export is read first
            if any(r.files[0].name == "xuat-ca-toi.csv" for r in bridge.poll()):
                break
            settle(app, 20)
        shoot(app, w.cashier, out / f"cashier_pos_notes_line_{language}.png")
        w.pos.show_notes()
        settle(app, 2000, until=lambda: w.pos.notes_dialog is not None and w.pos.notes_dialog.isVisible())
        assert w.pos.notes_dialog is not None
        shoot(app, w.pos.notes_dialog, out / f"pos_notes_{language}.png")
        w.pos.notes_dialog.close()

        sample = Path(home) / "ban-hang-24-11.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Số HĐ", "Ngày giờ", "SĐT khách", "Món", "SL", "Giá", "Khách thanh toán"])
        ws.append(["QP-0001", "24/11/2026 11:05", "0911 111 111", "Phở bò tái", 2, 55000, 110000])
        ws.append(["QP-0002", "24/11/2026 11:20", "", "Trà đá", 1, 5000, 5000])
        ws.append(["QP-0003", "24/11/2026 11:42", "0987 654 321", "Bún chả Hà Nội", 1, 65000, 65000])
        wb.save(sample)
        dialog = PosMappingDialog(Path(home), sample, w.cashier)
        dialog.show()
        shoot(app, dialog, out / f"pos_mapping_guessed_{language}.png")
        dialog.choose("receipt_id", "Số HĐ")
        dialog.choose("closed_at", "Ngày giờ")
        dialog.choose("total", "Khách thanh toán")
        dialog.choose("line_name", "Món")
        dialog.choose("line_unit_price", "Giá")
        dialog.name_edit.setText("quan-pho")
        shoot(app, dialog, out / f"pos_mapping_{language}.png")
        dialog.close()
        w.close()
        settle(app, 50)
        till.engine.dispose()


BACKOFFICE_SIZES = ((1366, 768), (1024, 768))


def backoffice_tour(app: QApplication, out: Path, language: str) -> None:
    """Every registered back-office tab, at 1366×768 and 1024×768, on the demo till, logged in as the owner."""
    from app.ui.backoffice.context import BackOfficeContext
    from app.ui.backoffice.window import BackOfficeWindow
    from app.ui.i18n import Translations
    from app.ui.tasks import BackgroundOps

    with tempfile.TemporaryDirectory() as home:
        till = open_till(Path(home))
        info = demo.seed(till)
        translations = Translations(app)
        translations.use(language)
        ops = BackgroundOps()
        ctx = BackOfficeContext(till, staff.login(till, info.owner_pin), ops, language=language)
        w = BackOfficeWindow(ctx, translations=translations)
        w.show()
        for width, height in BACKOFFICE_SIZES:
            w.resize(width, height)
            for i, tab in enumerate(w.tabs):
                w.tab_widget.setCurrentIndex(i)
                settle(app, 3000, until=lambda: not ops.busy)
                settle(app, 300)
                name = type(tab).__name__.removesuffix("Tab").lower()
                shoot(app, w, out / f"backoffice_{name}_{width}x{height}_{language}.png")
        w.file_menu.popup(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))  # File ▸ Map a POS export…
        settle(app, 300)
        shoot(app, w.file_menu, out / f"backoffice_file_menu_{language}.png")
        w.file_menu.close()
        ops.wait_idle()
        settle(app, 50)
        w.close()
        translations.uninstall()
        till.engine.dispose()


def customer_page_tour(app: QApplication, out: Path, language: str) -> None:
    """A member's page (history in words, a merged-in card, the merge form) and the table searched by a
    phone's last digits, at 1366×768 and 1024×768 (built in ``scripts/screenshots_customers.py``)."""
    from scripts.screenshots_customers import tour

    tour(app, out, language)


def setup_tour(app: QApplication, out: Path, language: str) -> None:
    """The first-run wizard's pages, then the program, staff and audit tabs on a shop set up by it."""
    from scripts.screenshots_setup import tabs_tour, wizard_tour

    wizard_tour(app, out, language)
    tabs_tour(app, out, language)


def complaints_tour(app: QApplication, out: Path, language: str) -> None:
    """The display's apology, the cashier's notice, tickets, a voucher and the flags & health tab."""
    from scripts.screenshots_service_recovery import tour

    tour(app, out, language)


TOURS = {
    "checkout": checkout_tour,
    "pos": pos_bridge_tour,
    "backoffice": backoffice_tour,
    "customers": customer_page_tour,
    "setup": setup_tour,
    "complaints": complaints_tour,
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "screenshots"))
    parser.add_argument("--language", choices=["vi", "en"], action="append")
    parser.add_argument("--tour", choices=sorted(TOURS), action="append", help="default: every tour")
    parser.add_argument("--size", action="append", help="the checkout tour's sizes, e.g. 1024x768 (default: all)")
    args = parser.parse_args()
    if args.size:
        global CHECKOUT_SIZES
        CHECKOUT_SIZES = tuple(tuple(int(n) for n in size.split("x")) for size in args.size)  # type: ignore[assignment]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    for language in args.language or ["vi", "en"]:
        for tour in args.tour or list(TOURS):
            TOURS[tour](app, out, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
