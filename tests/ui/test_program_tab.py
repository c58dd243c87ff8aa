"""The program editor on a real till: change a rule, see the preview and the tier changes, refuse unsafe drafts,
save a draft that changes nothing, and publish it with the owner's PIN."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import MANAGER_PIN, OWNER_PIN

from app.core.earning import Bill
from app.services import awards, program_editor, staff
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.program_tab import ProgramTab
from app.ui.tasks import BackgroundOps


def answer_pin_dialog(qtbot, pin: str | None) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        if pin is None:
            dialog.reject()
            return
        qtbot.keyClicks(dialog.pad.field, pin)
        qtbot.keyClick(dialog.pad.field, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)


@pytest.fixture
def tab(qtbot, qapp, till: Till) -> Iterator[ProgramTab]:
    ctx = BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=BackgroundOps(), language="en")
    widget = ProgramTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.activated()
    yield widget
    ctx.ops.wait_idle()


def _tier_threshold(tab: ProgramTab, row: int, value: str) -> None:
    tab.tiers.item(row, 1).setText(value)


def test_change_a_rule_see_the_preview_and_the_tier_changes_then_publish(
    qtbot, tab: ProgramTab, till: Till, members
) -> None:
    cashier = staff.login(till, "1111")
    awards.award(till, members.anh, Bill(paid=2_000_000), staff=cashier)  # 200 qualifying points
    # The form holds the program in use: 1 point per 10,000 ₫, Gold at 300 with 1.5×.
    assert tab.ints["points_per_step"].value() == 1
    assert tab.money["amount_step"].text() == "10000"
    assert [tab.tiers.item(r, 0).text() for r in range(tab.tiers.rowCount())] == ["Member", "Gold"]
    assert tab.rewards.rowCount() == 3

    tab.bill_amount.setText("125000")
    with qtbot.waitSignal(tab.previewed):
        tab.preview_button.click()
    assert tab.preview_now.text() == "Now: +12 points, +1 stamp"
    assert tab.preview_draft.text() == "Draft: +12 points, +1 stamp"

    # Two points per step: the draft's side changes, the program in use does not.
    tab.ints["points_per_step"].setValue(2)
    with qtbot.waitSignal(tab.previewed):
        tab.preview_button.click()
    assert tab.preview_now.text() == "Now: +12 points, +1 stamp"
    assert tab.preview_draft.text() == "Draft: +24 points, +1 stamp"
    # A Gold member earns 1.5× under both.
    tab.bill_tier.setCurrentIndex(tab.bill_tier.findData("Gold"))
    with qtbot.waitSignal(tab.previewed):
        tab.preview_button.click()
    assert (tab.preview_now.text(), tab.preview_draft.text()) == (
        "Now: +18 points, +1 stamp",
        "Draft: +36 points, +1 stamp",
    )

    # Gold at 150 instead of 300: Ánh (200 points in 12 months) would move up.
    _tier_threshold(tab, 1, "150")
    with qtbot.waitSignal(tab.tiers_counted, timeout=10_000):
        tab.tier_button.click()
    assert tab.tier_label.text() == "1 of 4 members would move up, 0 down (at the yearly review)."
    assert [tab.tier_list.item(i).text() for i in range(tab.tier_list.count())] == ["↑ Nguyễn Thị Ánh: Member → Gold"]

    # A seasonal reward: its last day typed the shop's way.
    tab.rewards.item(2, 12).setText("31/12/2026")
    # Saving makes a draft; nothing a cashier uses changes.
    with qtbot.waitSignal(tab.ctx.events.data_changed, timeout=10_000):
        tab.save_button.click()
    assert tab.message.text().startswith("Draft 1 saved.")
    assert "Draft 1, saved" in tab.state_label.text()
    assert till.program().points_per_step == 1
    assert program_editor.latest_draft(till).program.points_per_step == 2
    assert program_editor.latest_draft(till).rewards[2].ends_on == date(2026, 12, 31)

    # A manager's PIN cannot publish; the owner's can (this till runs alone: published here).
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(tab.failed, timeout=10_000):
        tab.publish_button.click()
    assert tab.message.text() == "Only an owner can publish the program."
    assert till.program().points_per_step == 1
    answer_pin_dialog(qtbot, OWNER_PIN)
    with qtbot.waitSignal(tab.published, timeout=15_000) as published:
        tab.publish_button.click()
    assert published.args == ["here"]
    till.reload_program()
    assert till.program().points_per_step == 2 and till.program().tiers[1].threshold == 150
    result = awards.award(till, members.binh, Bill(paid=125_000), staff=cashier)
    assert result.points == 24


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda t: t.ints["points_per_step"].setValue(-1), "points per step not negative"),
        (lambda t: _tier_threshold(t, 1, "0"), "tier thresholds must rise"),
        (lambda t: t.rewards.item(1, 2).setText("0"), "needs a cost in points or a full stamp card"),
        (lambda t: t.tiers.item(1, 2).setText("50"), "more than ×10 is a typo"),
        (lambda t: t.money["amount_step"].setText("ten"), "is not an amount"),
        (lambda t: t.rewards.item(0, 11).setText("31/02/2027"), "is not a day"),
        (
            lambda t: (t.rewards.item(0, 11).setText("2/1/2027"), t.rewards.item(0, 12).setText("1/1/2027")),
            "ends before",
        ),
    ],
)
def test_an_unsafe_draft_is_refused_with_a_sentence_and_nothing_is_saved(
    qtbot, tab: ProgramTab, till: Till, change, sentence: str
) -> None:
    change(tab)
    with qtbot.waitSignal(tab.failed, timeout=5_000) as failed:
        tab.save_button.click()
    assert sentence in failed.args[0]
    assert tab.message.isVisible() and sentence in tab.message.text()
    assert program_editor.drafts(till) == []


def test_changing_the_zone_of_a_shop_with_sales_warns_and_needs_a_tick_and_a_manager(
    qtbot, tab: ProgramTab, till: Till, members
) -> None:
    box = tab.shop_box
    awards.award(till, members.anh, Bill(paid=45_000), staff=staff.login(till, "1111"))
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        box.load()
    assert box.timezone.currentText() == "Asia/Ho_Chi_Minh" and not box.warning.isVisible()
    box.timezone.setEditText("Asia/Bangkok")
    assert box.warning.isVisible() and "stay in the old currency" in box.warning.text()
    with qtbot.waitSignal(box.failed):
        box.save_button.click()
    assert box.message.text() == "Tick the box to confirm you understand what changes."
    assert till.program().timezone == "Asia/Ho_Chi_Minh"
    box.understood.setChecked(True)
    answer_pin_dialog(qtbot, MANAGER_PIN)
    with qtbot.waitSignal(box.saved, timeout=10_000):
        box.save_button.click()
    assert box.message.text() == "Saved. Times are now shown in Asia/Bangkok, amounts in VND."
    assert till.program().timezone == "Asia/Bangkok"


def test_the_owner_sets_the_visit_rule_and_the_earns_per_day_flag(qtbot, tab: ProgramTab, till: Till) -> None:
    """Issue 11: both are program settings, so the owner can change them without code (off by default)."""
    assert tab.ints["earns_per_day_flag"].value() == 0 and not tab.zero_earn_is_visit.isChecked()
    assert tab.labels["zero_earn_is_visit"].text() == "A sale that earns nothing counts as a visit"
    tab.ints["earns_per_day_flag"].setValue(5)
    tab.zero_earn_is_visit.setChecked(True)
    with qtbot.waitSignal(tab.ctx.events.data_changed, timeout=10_000):
        tab.save_button.click()
    draft = program_editor.latest_draft(till).program
    assert (draft.earns_per_day_flag, draft.zero_earn_is_visit) == (5, True)


def test_the_owner_excludes_a_category_and_the_preview_shows_it_earns_nothing(
    qtbot, tab: ProgramTab, till: Till
) -> None:
    """Issue 9, "what qualifies": a POS category (gift cards) left out of earning, seen in the preview first."""
    assert tab.excluded_categories.text() == ""
    assert tab.labels["excluded_categories"].text() == "Categories that never earn (comma-separated)"
    tab.bill_amount.setText("225000")
    tab.bill_lines.setText("CF01, Cà phê, 1, 125000; GIFT, Thẻ quà tặng, 1, 100000")
    tab.excluded_categories.setText("Thẻ quà tặng, Đặt cọc")
    with qtbot.waitSignal(tab.previewed):
        tab.preview_button.click()
    assert tab.preview_now.text().startswith("Now: +22 points")
    assert tab.preview_draft.text().startswith("Draft: +12 points")
    with qtbot.waitSignal(tab.ctx.events.data_changed, timeout=10_000):
        tab.save_button.click()
    assert program_editor.latest_draft(till).program.excluded_categories == {"Thẻ quà tặng", "Đặt cọc"}
    assert till.program().excluded_categories == frozenset()  # a draft changes nothing at the till


def test_a_happy_hour_added_in_the_form_doubles_the_drafts_points_only_in_its_hours(
    qtbot, tab: ProgramTab, till: Till
) -> None:
    """Time windows and multipliers are a row of the form (DESIGN §4), evaluated in the shop's zone."""
    from PySide6.QtCore import QDateTime

    tab.add_row_buttons["windows"].click()
    row = tab.windows.rowCount() - 1
    for column, text in enumerate(["Giờ vàng", "2", "T2", "14:00", "17:00"]):  # Mondays (Thứ Hai) 14:00–17:00
        tab.windows.item(row, column).setText(text)
    tab.bill_amount.setText("125000")

    def preview_at(hour: int) -> tuple[str, str]:
        tab.bill_time.setDateTime(QDateTime(2026, 11, 23, hour, 0, 0))  # Monday 23 November, on the shop's clock
        with qtbot.waitSignal(tab.previewed):
            tab.preview_button.click()
        return tab.preview_now.text(), tab.preview_draft.text()

    assert preview_at(15) == ("Now: +12 points, +1 stamp", "Draft: +24 points, +1 stamp")
    assert preview_at(18) == ("Now: +12 points, +1 stamp", "Draft: +12 points, +1 stamp")
    with qtbot.waitSignal(tab.ctx.events.data_changed, timeout=10_000):
        tab.save_button.click()
    (window,) = [w for w in program_editor.latest_draft(till).program.windows if w.name == "Giờ vàng"]
    assert (window.weekdays, window.start.hour, window.end.hour, window.multiplier) == (frozenset({0}), 14, 17, 2)
