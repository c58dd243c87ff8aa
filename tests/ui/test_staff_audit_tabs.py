"""The staff and audit-log tabs on a real till: changes approved by PIN, refused when not allowed, all audited."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import CASHIER_PIN, MANAGER_PIN, OWNER_PIN

from app.core.errors import PermissionDenied
from app.services import audit_log, staff
from app.services.till import Till
from app.ui.backoffice.audit_tab import AuditTab
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.staff_tab import StaffTab
from app.ui.tasks import BackgroundOps


def answer_pin_dialog(qtbot: object, pin: str | None) -> None:
    """When the manager-PIN dialog opens, type ``pin`` and Enter (or cancel it when None)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if pin is None:
            dialog.reject()  # type: ignore[attr-defined]
            return
        field = dialog.pad.field  # type: ignore[attr-defined]
        qtbot.keyClicks(field, pin)  # type: ignore[attr-defined]
        qtbot.keyClick(field, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    QTimer.singleShot(20, answer)


@pytest.fixture
def ctx(till: Till) -> Iterator[BackOfficeContext]:
    c = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
    yield c
    c.ops.wait_idle()


@pytest.fixture
def staff_tab(qtbot, qapp, ctx: BackOfficeContext) -> StaffTab:
    tab = StaffTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.activated()
    return tab


def _act(qtbot, tab: StaffTab, button, pin: str | None) -> None:
    answer_pin_dialog(qtbot, pin)
    if pin is None:
        button.click()
        return
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        button.click()


def test_a_manager_adds_a_cashier_resets_her_pin_and_disables_her(qtbot, staff_tab: StaffTab, till: Till) -> None:
    tab = staff_tab
    assert [(r.name, r.role) for r in tab.model.rows] == [
        ("Anh Minh", "manager"),
        ("Chị Hoa", "owner"),
        ("Lan", "cashier"),
    ]
    assert not tab.selected_box.isEnabled()  # nobody selected yet

    # A PIN typed twice differently is refused before anyone is asked to approve.
    qtbot.keyClicks(tab.add_name, "Trang")
    qtbot.keyClicks(tab.add_pin, "246810")
    qtbot.keyClicks(tab.add_pin_again, "246811")
    tab.add_button.click()
    assert tab.message.text() == "Type the same PIN twice (4 to 8 digits)."
    tab.add_pin_again.clear()
    qtbot.keyClicks(tab.add_pin_again, "246810")
    _act(qtbot, tab, tab.add_button, MANAGER_PIN)
    assert tab.message.text() == "Trang was added as cashier."
    assert staff.login(till, "246810").name == "Trang"
    assert tab.add_pin.text() == "" and tab.add_pin_again.text() == ""  # the PIN does not linger on screen

    tab.select_name("Trang")
    assert tab.selected_box.title() == "Trang"
    qtbot.keyClicks(tab.new_pin, "975310")
    qtbot.keyClicks(tab.new_pin_again, "975310")
    _act(qtbot, tab, tab.pin_button, MANAGER_PIN)
    assert tab.message.text() == "Trang has a new PIN."
    assert staff.login(till, "975310").name == "Trang"

    tab.select_name("Trang")
    assert tab.active_button.text() == "Disable"
    _act(qtbot, tab, tab.active_button, MANAGER_PIN)
    assert tab.message.text() == "Trang is disabled."
    with pytest.raises(PermissionDenied):
        staff.login(till, "975310")
    tab.select_name("Trang")
    assert tab.active_button.text() == "Enable"
    assert tab.model.data(tab.model.index(tab.table.currentIndex().row(), 2)) == "disabled"

    # Cancelling the PIN changes nothing.
    _act(qtbot, tab, tab.active_button, None)
    with pytest.raises(PermissionDenied):
        staff.login(till, "975310")


def test_a_manager_cannot_make_an_owner_and_a_cashier_pin_approves_nothing(
    qtbot, staff_tab: StaffTab, till: Till
) -> None:
    tab = staff_tab
    tab.select_name("Lan")
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("owner"))
    _act(qtbot, tab, tab.role_button, MANAGER_PIN)
    assert tab.message.text() == "Only an owner can make someone an owner or change an owner."
    assert staff.login(till, CASHIER_PIN).role == "cashier"

    # A cashier's PIN is not a manager PIN: asked three times, then nothing happens.
    tab.select_name("Lan")
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("manager"))
    for _ in range(3):
        answer_pin_dialog(qtbot, CASHIER_PIN)
    tab.role_button.click()
    ctx_ops = tab.ctx.ops
    ctx_ops.wait_idle()
    assert staff.login(till, CASHIER_PIN).role == "cashier"

    # The owner may.
    tab.select_name("Lan")
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("owner"))
    _act(qtbot, tab, tab.role_button, OWNER_PIN)
    assert tab.message.text() == "Lan is now owner."
    assert staff.login(till, CASHIER_PIN).role == "owner"


def test_the_audit_tab_filters_by_person_and_action_and_exports(
    qtbot, staff_tab: StaffTab, ctx: BackOfficeContext, till: Till, tmp_path
) -> None:
    tab = staff_tab
    tab.select_name("Lan")
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("manager"))
    _act(qtbot, tab, tab.role_button, OWNER_PIN)

    audit = AuditTab(ctx)
    qtbot.addWidget(audit)
    audit.resize(1366, 700)
    audit.show()
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.activated()
    m = audit.model
    newest = [m.data(m.index(0, c)) for c in range(6)]
    assert newest[1:4] == ["Chị Hoa", "Till 1", "role changed"]
    assert newest[5] == "role: cashier → manager"

    # Only the owner's lines, only role changes.
    audit.staff_filter.setCurrentIndex(audit.staff_filter.findText("Chị Hoa"))
    audit.action_filter.setCurrentIndex(audit.action_filter.findData("staff.role"))
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.apply_button.click()
    assert [line.action for line in m.rows] == ["staff.role"]
    assert audit.count_label.text() == "1 lines shown, newest first"

    # Everyone again: the manager's earlier additions are there too; the export has them all.
    audit.staff_filter.setCurrentIndex(0)
    audit.action_filter.setCurrentIndex(audit.action_filter.findData("staff.add"))
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.apply_button.click()
    assert sorted(line.after["name"] for line in m.rows) == ["Anh Minh", "Chị Hoa", "Lan"]
    columns, rows = audit.export_rows()()
    out = tmp_path / "audit.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows(rows)
    read = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(read) == 3 and {r["action"] for r in read} == {"staff.add"}
    assert all(r["till"] == "Till 1" and r["time_utc"].endswith("+00:00") for r in read)
    actions = audit_log.actions(till)
    assert {"ledger.adjust", "staff.add", "staff.role"} <= set(actions) and actions == sorted(set(actions))
    # An unpaired till holds only its own lines: the tab says whose they are and that pairing brings the rest.
    assert audit.scope_label.isVisible() and "this till, Till 1" in audit.scope_label.text()
    assert "not paired with a server yet" in audit.scope_label.text()
    assert [audit.till_filter.itemText(i) for i in range(audit.till_filter.count())] == ["All tills", "Till 1"]


def test_every_audited_action_has_a_name_in_both_languages(qtbot, qapp, ctx: BackOfficeContext) -> None:
    """A manager reads "wrong PIN", never "pin.failed": each action the code writes is named, also in Vietnamese."""
    import re
    from pathlib import Path

    from app.ui.backoffice.audit_tab import action_text
    from app.ui.i18n import Translations

    root = Path(__file__).resolve().parents[2]
    written = set()
    for path in [*(root / "app").rglob("*.py"), *(root / "sync").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"\baudit\(", text):  # the first "family.action" literal of each call
            found = re.search(r'"([a-z_]+\.[a-z_]+)"', text[call.end() : call.end() + 300])
            written |= {found.group(1)} if found else set()
    assert {"pin.failed", "staff.role", "ticket.resolve"} <= written  # the scan finds the writers
    assert sorted(a for a in written if action_text(a) == a) == []
    translations = Translations(qapp)
    translations.use("vi")
    try:
        assert action_text("pin.failed") != "wrong PIN" and action_text("staff.role") != "role changed"
        audit = AuditTab(BackOfficeContext(till=ctx.till, staff=ctx.staff, ops=ctx.ops, language="vi"))
        qtbot.addWidget(audit)
        with qtbot.waitSignal(audit.loaded, timeout=10_000):
            audit.activated()
        assert "Till 1" in audit.scope_label.text() and "this till" not in audit.scope_label.text()
        # Before → after in Vietnamese too: the keys and the known values (a role, yes/no), not the stored words.
        from app.services.audit_log import AuditLine

        line = AuditLine(1, ctx.till.clock(), None, "", ctx.till.terminal_id, "Till 1", "staff.role", "x", "Lan",
                         {"role": "cashier", "active": True}, {"role": "manager", "active": False})  # fmt: skip
        audit.model.set_rows([line])
        shown = audit.model.data(audit.model.index(0, 5))
        assert shown == "làm việc: có → không; vai trò: thu ngân → quản lý", shown
        assert line.change_text() == "active: true → false; role: cashier → manager"  # the export keeps them
    finally:
        translations.uninstall()


def test_a_manager_records_a_cashiers_own_phone_for_the_self_earn_flag(
    qtbot, staff_tab: StaffTab, till: Till
) -> None:
    from app.core.earning import Bill
    from app.services import awards, customers, health

    tab = staff_tab
    tab.select_name("Lan")
    qtbot.keyClicks(tab.phone_edit, "0912 34")
    tab.phone_button.click()  # refused before any PIN is asked
    assert tab.message.property("kind") == "error" and "0912 34" in tab.message.text()
    tab.phone_edit.clear()
    qtbot.keyClicks(tab.phone_edit, "0933 777 888")
    _act(qtbot, tab, tab.phone_button, MANAGER_PIN)
    assert tab.message.text() == "Lan's phone is saved: earning on a member with it is flagged for the manager."
    tab.select_name("Lan")
    assert tab.phone_edit.text() == "0933 777 888"
    # Lan earns on the member card with her own phone: the sale goes through, the manager sees a flag.
    cashier = staff.login(till, CASHIER_PIN)
    own = customers.enroll(till, name="Lan", phone="+84933777888", staff=cashier)
    assert awards.award(till, own.customer_id, Bill(50_000), staff=cashier).points == 5
    assert [f.kind for f in health.open_flags(till)] == ["self_earn"]


def test_at_1024x768_in_vietnamese_no_field_is_squeezed(qtbot, qapp, ctx: BackOfficeContext) -> None:
    """Seen on the screenshots: the staff phone (beside its button) and the preview's bill fields (beside their
    long labels) were a few characters wide. Each now keeps room to read what is typed."""
    from app.ui.backoffice.program_tab import ProgramTab
    from app.ui.i18n import Translations

    translations = Translations(qapp)
    translations.use("vi")
    try:
        vi = BackOfficeContext(till=ctx.till, staff=ctx.staff, ops=ctx.ops, language="vi")
        staff_tab, program_tab = StaffTab(vi), ProgramTab(vi)
        for tab in (staff_tab, program_tab):
            qtbot.addWidget(tab)
            tab.resize(1004, 640)  # the tab's share of a 1024×768 back-office window
            tab.show()
            qtbot.waitExposed(tab)
        qtbot.wait(50)
        assert staff_tab.phone_edit.width() >= 200
        assert staff_tab.phone_button.width() >= staff_tab.phone_button.sizeHint().width()
        for field in (program_tab.bill_amount, program_tab.bill_lines, program_tab.bill_tier):
            assert field.width() >= 250, field
    finally:
        translations.uninstall()
