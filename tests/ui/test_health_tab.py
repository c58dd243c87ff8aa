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


def test_flags_keep_their_numbers_and_names_in_both_languages(
    qtbot: object, qapp: QApplication, till: Till, members
) -> None:
    """The daily cap, the wrong PINs and the server's flags say how much and who, in English and in Vietnamese."""
    from dataclasses import replace

    from app.core.earning import Bill
    from app.services import awards, catalog
    from app.services.flag_texts import TEMPLATES as FLAG_TEMPLATES
    from app.ui.errors import TEMPLATES
    from app.ui.i18n import Translations

    assert set(FLAG_TEMPLATES) <= set(TEMPLATES)  # every one can be translated
    manager = staff.login(till, MANAGER_PIN)
    catalog.publish_program(till, replace(till.program(), daily_earn_cap_points=20), by=manager)
    cashier = staff.login(till, CASHIER_PIN)
    awards.award(till, members.anh, Bill(paid=250_000), staff=cashier)  # 25 points, 20 given: the real writer
    for _ in range(staff.ALERT_AFTER):  # ten wrong PINs, two hours apart (no wait in between): the real writer
        with pytest.raises(Exception, match="Wrong PIN"):
            staff.login(till, "0000")
        till.clock.advance(hours=2)  # type: ignore[attr-defined]
    now = till.clock()
    with till.transaction() as s:  # the server's sentences, as sync/server/ledger.py and ingest write them
        s.add(Flag(id=new_id(), kind="negative_balance", customer_id=members.binh, created_at=now,
                   message=f"Member {members.binh} is at -30 points after a redeem at terminal T-B: the same "
                   "points were probably spent at two tills while offline."))  # fmt: skip
        s.add(Flag(id=new_id(), kind="duplicate_member", customer_id=members.binh, created_at=now,
                   message=f"Members {members.anh} and {members.binh} share the phone +84912345678: they were "
                   "enrolled at two tills while offline. Merge them in the back office."))  # fmt: skip
        s.add(Flag(id=new_id(), kind="voucher_reused", created_at=now,
                   message="Voucher K7QZMXAB was used more than once (entries e1, e2, e3), probably at two tills "
                   "while offline. Both sales stand: ask the customer, or write the second discount off."))  # fmt: skip
        s.add(Flag(id=new_id(), kind="sequence_gap", created_at=now,
                   message="Terminal T-B skipped entries #8–#9; the batch was refused."))  # fmt: skip
        s.add(Setting(key="health.chain", value=json.dumps({"time": now.isoformat(), "tills": [
            {"terminal_id": "T-B", "store_id": till.store_id, "name": "Quầy B", "reported_at": None}]})))  # fmt: skip

    def sentences(language: str) -> dict[str, tuple[str, str]]:
        translations = Translations(qapp)
        translations.use(language)
        try:
            ctx = BackOfficeContext(till=till, staff=manager, ops=BackgroundOps(), language=language)
            tab = HealthTab(ctx)
            qtbot.addWidget(tab)  # type: ignore[attr-defined]
            with qtbot.waitSignal(tab.loaded, timeout=10_000):  # type: ignore[attr-defined]
                tab.activated()
            return {f.kind: (row[1], row[4]) for f, row in zip(tab.health.flags, tab.flags_model.rows, strict=True)}
        finally:
            translations.uninstall()

    en = sentences("en")
    assert en["daily_cap"][1] == "Daily earn cap of 20 reached: 5 points not given."
    assert en["pin_failures"] == (
        "Wrong PINs",
        "10 wrong PINs in a row at this till: someone may be guessing staff PINs.",
    )
    assert en["negative_balance"][1].startswith("Trần Văn Bình is at -30 points after a sale at till Quầy B")
    assert en["duplicate_member"][1].startswith(
        "Nguyễn Thị Ánh and Trần Văn Bình have the same phone number +84912345678"
    )
    assert en["voucher_reused"][1].startswith("Voucher K7QZMXAB was used 3 times")
    assert en["sequence_gap"][1].startswith("Till Quầy B sent its entries with some missing")
    vi = sentences("vi")
    assert "20" in vi["daily_cap"][1] and "5" in vi["daily_cap"][1] and "Daily" not in vi["daily_cap"][1]
    assert vi["pin_failures"][1].startswith("10 lần") and vi["pin_failures"][0] != "pin_failures"
    assert "Trần Văn Bình" in vi["negative_balance"][1] and "-30" in vi["negative_balance"][1]
    assert "Quầy B" in vi["negative_balance"][1] and "Member" not in vi["negative_balance"][1]
    assert "Nguyễn Thị Ánh" in vi["duplicate_member"][1] and "+84912345678" in vi["duplicate_member"][1]
    assert "K7QZMXAB" in vi["voucher_reused"][1] and "3" in vi["voucher_reused"][1]
    assert "Quầy B" in vi["sequence_gap"][1] and "Terminal" not in vi["sequence_gap"][1]


def test_every_flag_kind_the_server_or_a_till_raises_is_named_with_what_to_do(qtbot: object, flagged: Till) -> None:
    """Scans the writers (``kind="…"``, ``_local_flag(s, "…"``, ``_refuse_entry(…, "…"``): none shows as a raw key."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    kinds: set[str] = set()
    for path in [*(root / "sync").rglob("*.py"), *(root / "app" / "services").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        kinds |= set(re.findall(r'kind="([a-z_]+)"', text)) | set(re.findall(r'_local_flag\(\s*s,\s*"([a-z_]+)"', text))
        kinds |= set(re.findall(r'_refuse_entry\(caller, e, "([a-z_]+)"', text))
        kinds |= set(re.findall(r'RefusedEntry\(\s*id=e\.id,\s*code="([a-z_]+)"', text))  # held, flagged by code
        kinds |= set(re.findall(r'\("(daily_cap|self_earn|earns_per_day)"', text))
    kinds -= {"merge"}  # a merge record's kind, not a flag
    expected = {"negative_balance", "entry_out_of_bounds", "reverses_uncounted", "out_of_bounds", "pin_failures"}
    assert expected | {"daily_cap"} <= kinds
    tab = open_tab(qtbot, flagged, MANAGER_PIN)
    generic = tab.flag_advice("no such kind")
    assert sorted(k for k in kinds if tab.flag_kind(k) == k) == []
    assert sorted(k for k in kinds if tab.flag_advice(k) == generic) == []
