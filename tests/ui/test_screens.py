"""Every till size from 1024×768 to 1920×1080, on the real windows: what a cashier or customer would see cut.

Each test sizes the cashier window (or the customer display) as a till's screen
would, drives it as a cashier does, and reads back what is drawn: button texts
wider than their buttons, widgets clipped by the window or a scroll area, a
name wrapped or cut without a tooltip, the stamp caption run into the rewards,
the gold tier text too faint to read.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from ui_helpers import MANAGER_PIN, OWNER_PIN, login, payload_of, scan

from app.cards.phone import PHONE_SIZE, render_phone_card_png
from app.cards.render import CardFace, _qr_matrix
from app.core.cardcode import make_card_number, new_card_key, sign_card_payload
from app.core.rewards import Reward, RewardKind
from app.services import catalog, corrections, customers, staff
from app.services.pos_bridge import FolderConfig, PosBridge
from app.services.till import Till
from app.ui.controllers.checkout import till_home
from app.ui.main import Windows, build_windows
from app.ui.views.cashier_window import size_scale

SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)]
LONG_NAME = "Tôn Nữ Hoàng Phương Quỳnh Như"


def settle(qtbot: object, window: QWidget, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0] and window.size().height() == size[1])  # type: ignore[attr-defined]
    QApplication.processEvents()
    QApplication.processEvents()


def whole_on_screen(widget: QWidget) -> bool:
    """Nothing of the widget is cut by the window's edge, a scroll area or a sibling on top."""
    return widget.visibleRegion().boundingRect() == widget.rect() and not widget.visibleRegion().isEmpty()


def text_fits(button: QPushButton) -> bool:
    """Each line of the button's text is narrower than the button's inside (8 px of padding a side)."""
    metrics = button.fontMetrics()
    room = button.contentsRect().width() - 16
    return all(metrics.horizontalAdvance(line) <= room for line in button.text().split("\n"))


def shown_buttons(root: QWidget) -> list[QPushButton]:
    return [b for b in root.findChildren(QPushButton) if b.isVisible() and b.text()]


def binh_with_a_full_card_waiting(till: Till, binh: str) -> None:
    """Bình held 9 stamps; two more roll the card over: one full card and 1 stamp on the next."""
    manager = staff.login(till, MANAGER_PIN)
    corrections.adjust(till, binh, points=0, stamps=2, reason="thẻ giấy cũ", manager=manager)


# -- the cashier window ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_button_reads_whole_at_every_size(qtbot, windows: Windows, till: Till, members, size, language) -> None:
    w, c = windows, windows.cashier
    w.translations.use(language)
    login(qtbot, w)
    settle(qtbot, c, size)
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.binh), c.search_field)
    for name in ("award", "redeem", "enroll", "enrolled", "undo", "adjust"):
        if name == "enrolled":  # the enrolment's second step: the card to print, to the phone, on the display
            c.enroll_panel.show_done("<b>Trần Thị Bé</b>")
        else:
            c.action_buttons[name].click()
        QApplication.processEvents()
        for b in shown_buttons(c):
            assert text_fits(b), f"{name} panel at {size}: {b.text()!r} is wider than its button ({b.width()} px)"
            if b.parentWidget() is not c.redeem_panel.list_host:  # rewards may scroll: tested below
                assert whole_on_screen(b), f"{name} panel at {size}: {b.text()!r} is cut"


def test_the_card_for_the_phone_is_saved_phone_sized_in_the_cards_folder(qtbot, windows: Windows) -> None:
    from PIL import Image

    w, c = windows, windows.cashier
    login(qtbot, w)
    c.enroll_action.trigger()
    c.enroll_panel.show_form(phone="0933 111 222", name="Trần Thị Bé")
    with qtbot.waitSignal(w.checkout.action_done):
        qtbot.mouseClick(c.enroll_panel.confirm_button, Qt.MouseButton.LeftButton)
    assert w.display.page() == "enrolled" and not w.display.card_qr.pixmap().isNull()  # the QR for her phone
    with qtbot.waitSignal(w.checkout.card_saved, timeout=10_000) as saved:
        qtbot.mouseClick(c.enroll_panel.png_button, Qt.MouseButton.LeftButton)
    path = saved.args[0]
    assert path.parent.name == "cards" and path.suffix == ".png"
    with Image.open(path) as image:
        assert image.size == PHONE_SIZE


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_name_keeps_one_line_and_says_it_whole_in_a_tooltip(qtbot, windows: Windows, till: Till, size) -> None:
    w, c = windows, windows.cashier
    cashier = staff.login(till, "1111")
    customers.enroll(till, name=LONG_NAME, phone="0944 444 444", staff=cashier)
    login(qtbot, w)
    settle(qtbot, c, size)
    with qtbot.waitSignal(w.checkout.customer_shown):
        c.search_field.setText("0944444444")
        qtbot.keyClick(c.search_field, Qt.Key.Key_Return)
    label = c.customer_card.name_label
    assert label.text() == LONG_NAME
    assert label.height() < 2 * label.fontMetrics().height()  # one line, never wrapped
    if label.is_elided():
        shown = label.shown_text()
        # Cut in the middle: the family name and the given name the cashier greets both stay.
        assert shown.startswith("Tôn") and shown.endswith("Như") and "…" in shown
        assert label.toolTip() == LONG_NAME
    else:
        assert label.shown_text() == LONG_NAME and label.toolTip() == ""
    assert whole_on_screen(label)
    if size == (1024, 768):
        assert label.is_elided() or label.shown_font().pixelSize() < label.font().pixelSize()


def test_birthday_badge_leaves_the_name_whole_at_1024x768(qtbot, windows: Windows, till: Till, members) -> None:
    w, c = windows, windows.cashier
    login(qtbot, w)
    settle(qtbot, c, (1024, 768))
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.dung), c.search_field)
    card = c.customer_card
    assert card.birthday_label.isVisible() and whole_on_screen(card.birthday_label)
    assert card.name_label.shown_text() == "Phạm Thị Dung"  # not "P…g" beside the badge


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stamp_caption_never_runs_into_the_rewards(qtbot, windows: Windows, till: Till, members, size) -> None:
    w, c = windows, windows.cashier
    binh_with_a_full_card_waiting(till, members.binh)
    login(qtbot, w)
    settle(qtbot, c, size)
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.binh), c.search_field)
    card = c.customer_card
    qtbot.waitUntil(lambda: not card.stamp_card.animating())
    stamps = card.stamp_card
    assert stamps.height() >= stamps.minimumHeight()  # the layout did not squeeze it under its caption
    below = [card.available_label, card.next_label]
    for label in (x for x in below if x.isVisible()):
        assert stamps.geometry().bottom() < label.geometry().top(), f"at {size} the caption overlaps {label.text()!r}"
    for child in (card.name_label, card.details_label, stamps, card.available_label):
        assert card.rect().contains(child.geometry()), f"at {size} {type(child).__name__} spills out of the card"
    # The rolled-over card: one cup on the new card, and a badge saying the full one still waits.
    assert card.stamps.value.text() == "1/10"
    assert stamps.caption_text().startswith("1 thẻ đầy đang chờ")
    assert "Đủ tem" not in stamps.caption_text()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_four_rewards_in_view_and_the_rest_by_keyboard(qtbot, windows: Windows, till: Till, members, size) -> None:
    w, c = windows, windows.cashier
    owner = staff.login(till, OWNER_PIN)
    more = [
        Reward(id="", name="Giảm 10% (tối đa 50.000 ₫)", kind=RewardKind.PERCENT_DISCOUNT, cost_points=80, value=10),
        Reward(id="", name="Dùng điểm trả tiền", kind=RewardKind.POINTS_PAYMENT),
    ]
    for i, reward in enumerate(more, start=3):
        catalog.save_reward(till, reward, by=owner, sort=i)
    manager = staff.login(till, MANAGER_PIN)
    corrections.adjust(till, members.binh, points=200, stamps=1, reason="thẻ giấy cũ", manager=manager)
    login(qtbot, w)
    settle(qtbot, c, size)
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.binh), c.search_field)
    c.show_banner("ok", "Đã tích +12 điểm, +1 tem cho Trần Văn Bình (hóa đơn 125.000 ₫).")  # after a sale
    c.redeem_action.trigger()
    QApplication.processEvents()
    buttons = list(c.redeem_panel.reward_buttons.values())
    assert len(buttons) >= 4
    in_view = [b for b in buttons if whole_on_screen(b)]
    assert len(in_view) >= min(4, len(buttons)), [b.text() for b in buttons if not whole_on_screen(b)]
    # Not one reward cut in half: each is either whole or out of view.
    for b in buttons:
        assert whole_on_screen(b) or b.visibleRegion().isEmpty(), f"{b.text()!r} is cut in half"
    usable = [b for b in buttons if b.isEnabled()]
    for _ in usable[1:]:
        qtbot.keyClick(c.redeem_panel, Qt.Key.Key_Down)
        chosen = next(b for b in usable if b.isChecked())
        assert whole_on_screen(chosen), f"↓ chose {chosen.text()!r}, out of view"


@pytest.fixture
def pos_windows(qtbot, qapp: QApplication, till: Till) -> Iterator[Windows]:
    exports = till_home(till) / "pos-exports"
    bridge = PosBridge(till, [FolderConfig(str(exports))], settle_seconds=0)
    w = build_windows(till, language="vi", pos_bridge=bridge)
    w.cashier.show()
    qtbot.waitExposed(w.cashier)
    bridge.start(interval=0.05)
    (exports / "ca-sang.csv").write_text(
        "receipt_id,closed_at,total,customer_phone\n"
        + "".join(f"HD-30{n:02d},2025-11-24 09:{n:02d},65000,\n" for n in range(10, 16)),
        encoding="utf-8",
    )
    yield w
    bridge.stop()
    w.close()
    qapp.processEvents()


def test_alt_arrows_choose_another_pos_receipt_and_the_strip_never_scrolls(qtbot, pos_windows: Windows) -> None:
    w, c = pos_windows, pos_windows.cashier
    qtbot.waitUntil(lambda: w.pos.model.rowCount() == 6, timeout=5000)
    login(qtbot, w)
    settle(qtbot, c, (1280, 800))
    panel = c.pos_panel
    assert not panel.list.horizontalScrollBar().isVisible()
    assert panel.keys_hint.isVisible() and panel.keys_hint.text().startswith("Alt+←")
    assert whole_on_screen(panel.attach_button) and text_fits(panel.attach_button)
    qtbot.waitUntil(lambda: panel.selected_row() == 0)
    for expected in (1, 2, 3, 4, 5, 5):  # stops at the oldest, no wrap back to the newest
        qtbot.keyClick(c.search_field, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert panel.selected_row() == expected
        chosen = panel.list.visualRect(w.pos.model.index(expected, 0))
        # (the items' 3 px style margin may sit past the edge: nothing is drawn there)
        in_view = panel.list.viewport().rect().adjusted(-3, -3, 3, 3)
        assert in_view.contains(chosen), "the row did not follow the chosen receipt"
    qtbot.keyClick(c.search_field, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert panel.selected_row() == 4
    assert c.search_field.hasFocus()  # the keyboard stays with the scan field


def test_a_long_pos_line_is_cut_with_its_whole_text_in_the_tooltip(qtbot, windows: Windows) -> None:
    c = windows.cashier
    login(qtbot, windows)
    settle(qtbot, c, (1024, 768))
    long = "10:00 ban-hang-ca-toi-chi-nhanh-quan-1-ngay-24-11-2025.csv: đọc 412, tự tích 380, chờ gắn khách 32"
    c.set_pos_status(long)
    QApplication.processEvents()
    label = c.status_bar.pos_label
    assert label.text() == f"POS: {long}"
    assert label.is_elided() and label.shown_text().endswith("…")
    assert label.toolTip() == f"POS: {long}"  # the whole line, on hover
    assert whole_on_screen(c.status_bar.staff_label)  # the staff's name is not pushed off the bar
    c.set_pos_status(long, "error", "xuat-loi.csv: dòng 2, ngày giờ không đọc được")
    assert label.toolTip() == "xuat-loi.csv: dòng 2, ngày giờ không đọc được"  # the reason wins
    c.set_pos_status("đang theo dõi 1 thư mục")
    QApplication.processEvents()
    assert not label.is_elided() and label.toolTip() == ""


def test_the_window_opens_filling_the_screen(qtbot, windows: Windows) -> None:
    windows.cashier.hide()
    windows.show()
    qtbot.waitUntil(lambda: windows.cashier.isMaximized())
    room = windows.cashier.screen().availableGeometry()
    assert windows.cashier.frameGeometry().width() >= min(room.width(), windows.cashier.minimumWidth())


def test_type_steps_with_the_window() -> None:
    assert size_scale(1024, 768) < 1.0 == size_scale(1366, 768) == size_scale(1280, 800) < size_scale(1920, 1080)


def test_type_is_larger_at_1920x1080(qtbot, windows: Windows) -> None:
    c = windows.cashier
    login(qtbot, windows)
    settle(qtbot, c, (1366, 768))
    normal = c.search_field.fontMetrics().height(), c.action_buttons["award"].height()
    settle(qtbot, c, (1920, 1080))
    large = c.search_field.fontMetrics().height(), c.action_buttons["award"].height()
    assert large[0] > normal[0] * 1.15 and large[1] > normal[1]


# -- the customer display --------------------------------------------------------------------------------


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink_and_paper(image: QImage) -> tuple[QColor, QColor]:
    """The darkest pixel (the text's colour at a stroke's core) and the corner's (the background)."""
    paper = image.pixelColor(0, 0)
    ink = min(
        (image.pixelColor(x, y) for x in range(0, image.width(), 1) for y in range(image.height())),
        key=lambda c: c.lightnessF(),
    )
    return ink, paper


def test_gold_tier_text_on_the_display_reads_at_4_5_to_1(qtbot, windows: Windows) -> None:
    d = windows.display
    d.show_customer(
        greeting="Xin chào, Bình!", points="250", points_caption="điểm", tier="Hạng Vàng", stamps=3,
        card_size=10, next_reward="", available="",
    )
    label = d.tier_label
    qtbot.waitUntil(lambda: label.isVisible() and label.text() != "")
    ink, paper = ink_and_paper(label.grab().toImage())
    assert contrast(ink, paper) >= 4.5, f"{ink.name()} on {paper.name()}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_display_scales_its_rating_buttons_and_keeps_the_stamps_whole(
    qtbot, windows: Windows, till: Till, members, size
) -> None:
    w, d = windows, windows.display
    login(qtbot, w)
    settle(qtbot, d, size)
    with qtbot.waitSignal(w.checkout.customer_shown):
        scan(qtbot, payload_of(till, members.anh), w.cashier.search_field)
    w.cashier.award_panel.amount_edit.setText("45000")
    w.cashier.award_panel.confirmed.emit("45000")
    qtbot.waitUntil(lambda: d.rating_box.isVisible() and not d.stamp_card.animating())
    QApplication.processEvents()
    side = d.rating_buttons[0].width()
    assert side == d.rating_buttons[0].height()  # round, not a pill
    assert side >= 96 * min(size[1] / 768, size[0] / 1024) - 1
    for b in d.rating_buttons:
        assert whole_on_screen(b) and text_fits(b)
    # An empty stamp ring is drawn whole: its dashes reach the slot's edge on every side, not cut flat.
    image = d.stamp_card.grab().toImage()
    assert ring_is_round(image, d.stamp_card)
    assert d.stamp_card.drawn_caption() == d.stamp_card.caption_text()  # the caption whole, not cut with "…"
    # A 1★: the stamps stay, the rating row goes, and the caption still reads whole in the room left.
    d.rating_buttons[0].click()
    qtbot.waitUntil(lambda: d.apology_label.isVisible())
    QApplication.processEvents()  # the page lays out again without the rating row
    d.stamp_card.grab()
    assert d.stamp_card.drawn_caption() == d.stamp_card.caption_text()
    assert whole_on_screen(d.apology_label) and not d.thanks_label.isVisible()


@pytest.mark.parametrize("diameter", [60.0, 110.0, 160.0, 230.0])
def test_an_empty_stamp_ring_is_never_cut_by_its_picture(qtbot, diameter: float) -> None:
    """The ring's pen reaches past the circle: its cached picture must hold it whole (flat at 1366 and 1920)."""
    from app.ui.views.stamp_card import StampCardWidget

    card = StampCardWidget(large=True)
    qtbot.addWidget(card)
    for last in (False, True):
        image = card._slot_pixmap(3, diameter, full=False, last=last).toImage()
        w, h = image.width(), image.height()
        edge = [(x, 0) for x in range(w)] + [(x, h - 1) for x in range(w)]
        edge += [(0, y) for y in range(h)] + [(w - 1, y) for y in range(h)]
        assert all(image.pixelColor(x, y).alpha() == 0 for x, y in edge), f"ring cut at {diameter} px"


def ring_is_round(image: QImage, card: QWidget) -> bool:
    """The last empty slot's ring has ink just inside its left, right, top and bottom extremes."""
    rows, cols = card._grid()  # the geometry the widget drew with
    badge_h = card._caption_height()
    area = QRect(6, 6, card.width() - 12, card.height() - 12 - badge_h)
    pitch = min(area.width() / cols, area.height() / rows)
    left = area.left() + (area.width() - pitch * cols) / 2
    top = area.top() + (area.height() - pitch * rows) / 2
    r, c_ = divmod(card.card_size() - 2, cols)  # an empty, plain (not the reward) slot
    centre = QPoint(int(left + pitch * (c_ + 0.5)), int(top + pitch * (r + 0.5)))
    radius = pitch * 0.82 / 2
    ratio = image.devicePixelRatio()

    def inked(dx: float, dy: float) -> bool:
        # Look along a short arc around the extreme point: the ring is dashed.
        for step in range(-6, 7):
            x = (centre.x() + dx * radius + (step if dy else 0)) * ratio
            y = (centre.y() + dy * radius + (step if dx else 0)) * ratio
            if image.pixelColor(int(x), int(y)).lightnessF() < 0.6:
                return True
        return False

    return all(inked(dx, dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))


# -- the card for the customer's phone ------------------------------------------------------------------


def test_phone_card_is_a_phone_sized_png_with_a_readable_qr(tmp_path) -> None:
    from PIL import Image

    number = make_card_number(4242)
    face = CardFace(LONG_NAME, number, sign_card_payload(number, new_card_key()), "Cà Phê Demo", "gold")
    path = render_phone_card_png(face, tmp_path / "phone.png")
    with Image.open(path) as image:
        assert image.size == PHONE_SIZE and image.size[1] / image.size[0] >= 16 / 9
        grey = image.convert("L")
    # The big QR: find its dark bounding box below the card, then compare module by module.
    matrix = _qr_matrix(face.payload)
    lower = grey.crop((0, 700, grey.width, 1700))
    left, top, right, _bottom = lower.point(lambda v: 255 if v < 100 else 0).getbbox()
    module = (right - left) / len(matrix)
    assert module == int(module) and module >= 20 and right - left >= 0.6 * grey.width
    for y in range(len(matrix)):
        for x in range(len(matrix)):
            px = lower.getpixel((left + int((x + 0.5) * module), top + int((y + 0.5) * module)))
            assert (px < 128) == matrix[y][x], (x, y)
