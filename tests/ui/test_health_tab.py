"""The flags & health tab: the manager's flags with what to do, every till's state, offline from the last known."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import CASHIER_PIN, MANAGER_PIN

from app.core.ids import new_id
from app.db.models import Flag, Setting
from app.services import health, staff
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.health_tab import HealthTab
from app.ui.tasks import BackgroundOps


def open_tab(qtbot: object, till: Till, pin: str) -> HealthTab:
    ctx = BackOfficeContext(till=till, staff=staff.login(till, pin), ops=BackgroundOps(), language="en")
    tab = HealthTab(ctx)
    qtbot.addWidget(tab)  # type: ignore[attr-defined]
    tab.resize(1200, 700)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):  # type: ignore[attr-defined]
        tab.activated()
    return tab


@pytest.fixture
def flagged(till: Till, members: object) -> Iterator[Till]:
    now = till.clock()
    with till.transaction() as s:
        s.add(Flag(id=new_id(), kind="voucher_reused", customer_id=members.anh, created_at=now,  # type: ignore[attr-defined]
                   message="Voucher K7QZMXAB was used more than once"))  # fmt: skip
        s.add(Flag(id=new_id(), kind="chain_broken", created_at=now - timedelta(hours=1), message="Entry #7 altered"))
        chain = {
            "time": (now - timedelta(minutes=5)).isoformat(),
            "flags": [],
            "tills": [
                {"terminal_id": "T-B", "store_id": till.store_id, "name": "Quầy B", "reported_at": None,
                 "last_seen_at": None, "pending": 0, "pos_quarantined": 0},
                {"terminal_id": "T-C", "store_id": till.store_id, "name": "Quầy C",
                 "reported_at": (now - timedelta(minutes=6)).isoformat(),
                 "last_sync_at": (now - timedelta(days=3)).isoformat(), "pending": 41, "pos_watching": True,
                 "pos_last_file": "HD-0312.csv", "pos_quarantined": 2, "last_error": ""},
            ],
        }  # fmt: skip
        s.add(Setting(key="health.chain", value=json.dumps(chain)))
    yield till


def test_flags_and_tills_say_what_to_do_and_a_manager_closes_a_flag(qtbot: object, flagged: Till) -> None:
    tab = open_tab(qtbot, flagged, MANAGER_PIN)
    flags = tab.flags_model.rows
    assert [r[1] for r in flags] == ["Voucher used twice", "Tamper: ledger altered"]  # newest first
    assert flags[0][2] == "Nguyễn Thị Ánh" and "write the second discount off" in flags[0][3]
    assert "call support" in flags[1][3] and flags[1][4] == "Entry #7 altered"
    tills = {r[0].split("\n")[0]: r for r in tab.tills_model.rows}
    assert any(name.endswith("(this till)") for name in tills)
    assert tills["Quầy B"][1] == "never" and "Never reported" in tills["Quầy B"][3]
    c = tills["Quầy C"]
    assert c[2] == "41" and c[5] == "2" and "No sync for over a day" in c[3] and "quarantined" in c[3]
    assert c[4].startswith("HD-0312.csv")
    assert "as the server reported them at" in tab.as_of_label.text()

    tab.flags_table.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):  # type: ignore[attr-defined]
        tab.resolve_button.click()
    assert [r[1] for r in tab.flags_model.rows] == ["Tamper: ledger altered"]
    assert [f.kind for f in health.open_flags(flagged)] == ["chain_broken"]


def test_a_cashier_sees_the_flags_but_cannot_close_them(qtbot: object, qapp: QApplication, flagged: Till) -> None:
    tab = open_tab(qtbot, flagged, CASHIER_PIN)
    assert len(tab.flags_model.rows) == 2 and not tab.resolve_button.isVisible()
