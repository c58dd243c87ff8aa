"""The owner publishes from the program tab of till A; till B (same store) applies the rule after its pull.

A real server process; real widgets offscreen; the owner's PIN typed into the real dialog.
A cashier's till context cannot save or publish, and a cashier's PIN publishes nothing.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from synctools import ServerProcess

from app.bootstrap import open_till
from app.core.earning import Bill
from app.services import awards, customers, program_editor, setup, staff, staff_admin
from app.services.setup import ShopSetup
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.program_tab import ProgramTab
from app.ui.backoffice.staff_tab import StaffTab
from app.ui.tasks import BackgroundOps
from sync.worker.join import connect
from sync.worker.pairing import read_token
from sync.worker.worker import SyncWorker

OWNER_PIN, CASHIER_PIN = "864209", "975311"


def answer_pin_dialog(qtbot, pin: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClicks(dialog.pad.field, pin)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)


def test_publish_from_the_tab_reaches_the_other_till(qtbot, qapp, own_server: ServerProcess, tmp_path: Path) -> None:
    server = own_server
    store = server.new_store("Trà Sữa Mây")
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    a, owner = setup.setup_shop(
        home_a, ShopSetup(store_name="Trà Sữa Mây", owner_name="Chị Vân", owner_pin=OWNER_PIN, template="points_only")
    )
    connect(a, home_a, server.url, server.pairing_code(store))
    b = open_till(home_b)
    connect(b, home_b, server.url, server.pairing_code(store))
    lan = staff_admin.add(a, by=owner, name="Lan", role="cashier", pin=CASHIER_PIN)
    ops = BackgroundOps()
    try:
        # A cashier's context: the tabs are read-only.
        cashier_tab = ProgramTab(BackOfficeContext(till=a, staff=lan, ops=ops, language="en"))
        qtbot.addWidget(cashier_tab)
        assert not cashier_tab.save_button.isEnabled() and not cashier_tab.publish_button.isEnabled()
        staff_tab = StaffTab(BackOfficeContext(till=a, staff=lan, ops=ops, language="en"))
        qtbot.addWidget(staff_tab)
        assert not staff_tab.add_box.isEnabled()

        tab = ProgramTab(BackOfficeContext(till=a, staff=owner, ops=ops, language="en"))
        qtbot.addWidget(tab)
        tab.resize(1366, 768)
        tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=10_000):
            tab.activated()
        tab.ints["points_per_step"].setValue(3)
        tab.ints["welcome_points"].setValue(7)

        # A cashier's PIN in the owner's dialog: refused, nothing published.
        answer_pin_dialog(qtbot, CASHIER_PIN)
        with qtbot.waitSignal(tab.failed, timeout=10_000):
            tab.publish_button.click()
        assert tab.message.text() == "That is not a manager PIN."

        answer_pin_dialog(qtbot, OWNER_PIN)
        with qtbot.waitSignal(tab.published, timeout=30_000) as published:
            tab.publish_button.click()
        assert published.args == ["published"]
        assert a.program().points_per_step == 3  # this till took it at once
        assert program_editor.latest_draft(a).state == "published"
    finally:
        ops.wait_idle()

    assert b.program().points_per_step == 1  # until its next pull
    worker = SyncWorker(b, server.url, read_token(home_b))
    try:
        worker.run_once()
    finally:
        worker.stop()
    b.reload_program()
    assert (b.program().points_per_step, b.program().welcome_points) == (3, 7)
    someone = staff.login(b, CASHIER_PIN)  # Lan works at B too
    member = customers.enroll(b, name="Khách Mới", phone="0912 345 000", staff=someone)
    assert awards.award(b, member.customer_id, Bill(paid=125_000), staff=someone).points == 36
    a.engine.dispose()
    b.engine.dispose()
