"""The pieces under the windows: translations, error sentences, formats, status bar, background work."""

from __future__ import annotations

import ast
import shutil
import threading
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from sqlalchemy import select
from ui_helpers import OWNER_PIN

from app.core.errors import BadCardCode, Duplicate, InvalidInput, LoyaltyError, NotAllowed
from app.core.lifecycle import Birthday, parse_birthday
from app.core.money import VND, Money, parse_money
from app.core.phone import normalise_phone
from app.core.program import Program, Tier, worked_example_program
from app.core.program_checks import NOT_NEGATIVE
from app.core.rewards import Reward, RewardKind
from app.db.models import OutboxItem
from app.services import customers, feedback, program_editor, staff, tickets
from app.services.syncstatus import SyncStatus, pending_count
from app.services.till import Till
from app.ui import i18n
from app.ui.errors import TEMPLATES, error_text, flag_text
from app.ui.format import Formatter
from app.ui.main import Windows
from app.ui.models import MatchListModel
from app.ui.tasks import BackgroundOps

# -- translations ----------------------------------------------------------------------------------------


def test_committed_translations_are_current(tmp_path: Path) -> None:
    """The .ts files hold every string of app/ui, Vietnamese is complete, and each .qm is its .ts compiled."""
    for code in i18n.LANGUAGES:
        copy = tmp_path / i18n.ts_path(code).name
        shutil.copy(i18n.ts_path(code), copy)
        i18n.run_lupdate([copy])
        assert copy.read_text(encoding="utf-8") == i18n.ts_path(code).read_text(encoding="utf-8"), (
            f"{copy.name} is behind the code: run scripts/build_translations.py"
        )
        qm = tmp_path / i18n.qm_path(code).name
        i18n.compile_ts(i18n.ts_path(code), qm)
        assert qm.read_bytes() == i18n.qm_path(code).read_bytes(), f"{qm.name} is stale"
    vi = i18n.ts_path("vi").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in vi
    assert "<translation>Tích điểm</translation>" in vi


def test_a_missing_qm_is_built_into_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda code: tmp_path / "gone" / f"loyalty_{code}.qm")
    built = i18n.find_qm("vi", tmp_path / "cache")
    assert built == tmp_path / "cache" / "loyalty_vi.qm" and built.stat().st_size > 1000


def test_service_errors_read_in_vietnamese(windows: Windows) -> None:
    phone_taken = Duplicate("The phone number {0} already belongs to a member.", phone="0912 345 678")
    assert phone_taken.message == "The phone number 0912 345 678 already belongs to a member."  # logs, the CLI
    assert error_text(phone_taken) == "Số điện thoại 0912 345 678 đã thuộc về một thành viên."
    blocked = NotAllowed("{0}'s membership is {1}; a manager can tell why.", name="Lê Thị Cúc", status="blocked")
    assert error_text(blocked) == "Thẻ thành viên của Lê Thị Cúc đang bị khóa; quản lý sẽ cho biết lý do."
    assert error_text(InvalidInput("Something nobody translated.")) == "Something nobody translated."
    for template in TEMPLATES:  # every known sentence has its Vietnamese form
        assert QCoreApplication.translate("Errors", template) != template, template


def test_amounts_in_errors_are_written_the_ui_way(windows: Windows) -> None:
    """ "999.999.999.999 ₫" in the Vietnamese UI, never the English grouping the service's log line has."""
    err = InvalidInput("{0} is too large for one bill.", amount=Money(999_999_999_999 * VND.unit, VND))
    assert err.message == "999,999,999,999 ₫ is too large for one bill."
    assert error_text(err).startswith("999.999.999.999 ₫")
    assert "'" not in error_text(err)


def test_real_service_messages_are_translated(windows: Windows, till: Till) -> None:
    """What the services really raise reaches the cashier in Vietnamese, values without Python quotes."""
    for text in ("nguyen van an " * 10, "LT1.123", "x", "8123456789", "1234567890123"):
        with pytest.raises((InvalidInput, BadCardCode)) as caught:
            customers.find(till, text)
        shown = error_text(caught.value)
        assert shown != caught.value.message, caught.value.message
        assert "'" not in shown, shown
    with pytest.raises(InvalidInput) as caught:
        normalise_phone("12345")
    assert error_text(caught.value).startswith("12345 không phải số điện thoại")  # no Python quotes


def _refusal(call: Callable[[], object]) -> tuple[str, str]:
    """What a refused service call says: in the English log line, and on the Vietnamese screen."""
    with pytest.raises(LoyaltyError) as caught:
        call()
    return caught.value.message, error_text(caught.value)


def test_sentences_once_built_with_f_strings_read_in_vietnamese(windows: Windows, till: Till) -> None:
    """Issue 11: these used to reach the Vietnamese UI in English, values in Python quotes."""
    owner = staff.login(till, OWNER_PIN)
    cases = [
        (lambda: tickets.update(till, "no-such-ticket", by=owner, priority="urgent"),
         "Không có mức ưu tiên urgent."),
        (lambda: tickets.resolve(till, "no-such-ticket", by=owner, resolution="x" * 2001),
         "Ghi chú quá dài (tối đa 2.000 ký tự)."),  # the limit in the UI's grouping
        (lambda: staff.add_staff(till, name="Mai", role="boss", pin="4321", by=owner),
         "Vai trò phải là một trong: cashier, manager, owner."),
        (lambda: program_editor.draft(till, 4711), "Không có bản nháp 4.711."),
        (lambda: parse_money("abc"), "“abc” không phải là số tiền."),
        (lambda: parse_money("  "), "Không có số tiền."),  # was "'' không phải là số tiền."
        (lambda: parse_money("12,34,5"), "“12,34,5” không phải là số tiền (các nhóm chữ số bị sai)."),
        (lambda: parse_money("$5"), "“$5” là số tiền bằng USD, nhưng cửa hàng tính bằng VND."),
        (lambda: parse_money("2.000.000.000"), "“2.000.000.000” quá lớn, không thể là một hóa đơn."),
        (lambda: Reward(id="r1", name="Bánh mì", kind=RewardKind.FREE_ITEM),
         "Phần quà Bánh mì cần có giá bằng điểm hoặc một thẻ tem đầy."),
    ]
    for call, vietnamese in cases:
        english, shown = _refusal(call)
        assert shown == vietnamese, english
        assert "'" not in english and "'" not in shown, english  # no Python repr on either side
    comment, shown = _refusal(lambda: feedback.rate_visit(till, None, 5, comment="x" * 1001))
    assert comment == "The comment is too long (at most 1000 characters)."
    assert shown == "Nhận xét quá dài (tối đa 1.000 ký tự)."


def test_a_drafts_problems_are_each_translated(windows: Windows) -> None:
    """A draft's list of problems was one English paragraph; now each sentence is in the UI's language."""
    tiers = (Tier("Member", 0), Tier("Gold", 500, Fraction(50)))
    typo = replace(worked_example_program(), welcome_points=-5, tiers=tiers)
    english, shown = _refusal(lambda: program_editor.check(typo, ()))
    assert english == (
        "Check the draft: Welcome points cannot be negative. "
        "Tier Gold multiplies points by 50: more than ×10 is a typo."
    )
    assert shown == (
        "Hãy kiểm tra lại bản nháp: Điểm chào mừng không được âm. "
        "Hạng Gold nhân điểm lên 50 lần: hơn ×10 chắc là gõ nhầm."
    )
    english, shown = _refusal(lambda: Program(tiers=(Tier("Member", 0), Tier("Member", 0))))
    assert english == "Program is not valid: tier thresholds must rise; tier names must differ."
    assert shown == "Chương trình không hợp lệ: ngưỡng của các hạng phải tăng dần; tên các hạng không được trùng nhau."


def test_a_pin_guessing_flag_is_named_in_vietnamese(windows: Windows) -> None:
    english = "3 wrong PINs in a row at this till: someone may be guessing staff PINs."
    assert flag_text("pin_failures", english).startswith("nhập sai mã PIN nhiều lần liên tiếp")


def _loyalty_errors(trees: list[ast.Module]) -> set[str]:
    """Names of LoyaltyError and every class that derives from it, however deep, in these modules."""
    names = {"LoyaltyError"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _raised_templates(root: Path) -> list[tuple[str, int, ast.expr]]:
    """(file, line, first argument) of every ``raise <LoyaltyError subclass>(...)`` under ``app/``."""
    trees = {f: ast.parse(f.read_text(encoding="utf-8")) for f in sorted((root / "app").rglob("*.py"))}
    pos = [ast.parse(f.read_text(encoding="utf-8")) for f in (root / "pos_bridge").rglob("*.py")]
    errors = _loyalty_errors([*trees.values(), *pos])
    assert {"InvalidInput", "AmountError", "OutOfBounds", "PinLocked"} <= errors  # the scan sees the family
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                func = node.exc.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in errors:
                    found.append((str(path.relative_to(root)), node.lineno, node.exc.args[0]))
                    # a detail called "template" would collide with the template itself (a TypeError)
                    assert "template" not in {k.arg for k in node.exc.keywords}, f"{path}:{node.lineno}"
    return found


def test_no_user_facing_error_is_built_with_an_f_string() -> None:
    """An f-string sentence cannot be translated: the UI would show it in English (issue 11)."""
    raised = _raised_templates(Path(__file__).resolve().parents[2])
    assert len(raised) > 200  # the scan really walks the raise sites
    built = [f"{path}:{line}" for path, line, arg in raised if any(isinstance(n, ast.JoinedStr) for n in ast.walk(arg))]
    assert built == [], "raise these with a template and details: " + ", ".join(built)


def _other_sentences(root: Path) -> list[tuple[str, int, ast.expr]]:
    """Sentences that reach the UI without a raise: ``Notice("…")`` and a draft's ``problems.append("…")``."""
    found = []
    for path in sorted((root / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                owner = getattr(getattr(func, "value", None), "id", "")
                if name == "Notice" or (name == "append" and owner == "problems"):
                    found.append((str(path.relative_to(root)), node.lineno, node.args[0]))
    return found


def test_every_raised_template_has_a_translation() -> None:
    """Each sentence the services, the domain and the back office raise (or note) is listed for translation."""
    root = Path(__file__).resolve().parents[2]
    listed = set(TEMPLATES) | set(NOT_NEGATIVE.values())
    assert set(NOT_NEGATIVE.values()) <= set(TEMPLATES)
    untranslated = [
        f"{path}:{line}: {arg.value}"
        for path, line, arg in _raised_templates(root) + _other_sentences(root)
        if path.startswith(("app/services/", "app/core/", "app/ui/backoffice/"))
        and isinstance(arg, ast.Constant)
        and arg.value not in listed
    ]
    assert untranslated == [], "add these to TEMPLATES in app/ui/errors.py:\n" + "\n".join(untranslated)


# -- formats ---------------------------------------------------------------------------------------------


def test_amounts_and_times_are_written_the_local_way() -> None:
    from datetime import UTC, datetime

    vi = Formatter("vi", VND, "Asia/Ho_Chi_Minh")
    en = Formatter("en", VND, "Asia/Ho_Chi_Minh")
    assert vi.money(125_000) == "125.000 ₫" and en.money(125_000) == "125,000 ₫"
    assert vi.number(12_500) == "12.500" and vi.signed(-3) == "-3" and vi.signed(12) == "+12"
    late = datetime(2025, 11, 24, 18, 30, tzinfo=UTC)  # already the 25th in Hồ Chí Minh City
    assert vi.datetime(late) == "01:30 25/11/2025"
    assert en.date(late) == "25 Nov 2025"


def test_birthdays_are_typed_day_first() -> None:
    assert parse_birthday("24/11") == Birthday(24, 11)
    assert parse_birthday("24-11-1990") == Birthday(24, 11, 1990)
    assert parse_birthday(" ") is None
    for bad in ("11/24", "abc", "1/2/3/4", "31/02"):
        with pytest.raises(InvalidInput):
            parse_birthday(bad)


def test_pick_list_model_shows_name_phone_and_card(till: Till) -> None:
    found = customers.find(till, "nguyen")
    model = MatchListModel(found.matches)
    assert model.rowCount() == 2
    card = found.matches[0].card_number
    nbsp = "\u00a0"  # a narrow list wraps between the parts, never inside a number
    assert model.index(0, 0).data() == f"Nguyễn Thị Ánh   ·   0912{nbsp}345{nbsp}678   ·   " + (
        card[:4] + nbsp + card[4:8] + nbsp + card[8:]
    )


# -- status bar and background work ---------------------------------------------------------------------


def test_status_bar_without_sync_shows_offline_and_the_outbox(qtbot, windows: Windows, till: Till) -> None:
    bar = windows.cashier.status_bar
    with till.transaction() as s:
        waiting = len(s.scalars(select(OutboxItem).where(OutboxItem.acked_at.is_(None))).all())
    assert waiting == pending_count(till) > 0
    assert bar.sync_label.text() == f"● Ngoại tuyến · {waiting} giao dịch chờ đồng bộ"
    assert bar.pos_label.text() == "POS: —"
    windows.set_pos_status("2 hóa đơn chờ")
    assert bar.pos_label.text() == "POS: 2 hóa đơn chờ"


class ThreadedSource:
    """A status source that, like the sync worker, calls its listeners from its own thread."""

    def __init__(self) -> None:
        self.listeners: list[Callable[[SyncStatus], None]] = []
        self.threads: list[str] = []

    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self.listeners.append(listener)

    def publish(self, status: SyncStatus) -> None:
        def run() -> None:
            self.threads.append(threading.current_thread().name)
            for listener in self.listeners:
                listener(status)

        t = threading.Thread(target=run, name="sync-worker")
        t.start()
        t.join()


def test_status_from_the_sync_thread_reaches_the_status_bar(qtbot, qapp, till: Till) -> None:
    from app.ui.main import build_windows

    source = ThreadedSource()
    w = build_windows(till, source, language="vi")
    try:
        seen_on: list[QThread] = []
        w.status.changed.connect(lambda _: seen_on.append(QThread.currentThread()))
        source.publish(SyncStatus(online=True, pending=0, server_url="https://loyalty.example"))
        qtbot.waitUntil(lambda: w.cashier.status_bar.sync_label.text().startswith("● Trực tuyến"))
        assert source.threads == ["sync-worker"]
        assert seen_on and all(t is qapp.thread() for t in seen_on)  # drawn on the GUI thread
        # The pending count is the outbox's, whatever the worker last said.
        assert w.cashier.status_bar.sync_label.text().endswith(f"{pending_count(till)} giao dịch chờ đồng bộ")
    finally:
        w.close()


def test_background_work_reports_back_on_the_gui_thread(qtbot, qapp) -> None:
    ops = BackgroundOps()
    results: list[tuple[object, QThread]] = []
    ran_on: list[QThread] = []

    def work() -> int:
        ran_on.append(QThread.currentThread())
        return 42

    with qtbot.waitSignal(ops.busy_changed, check_params_cb=lambda busy: busy is False):
        ops.run(work, on_done=lambda r: results.append((r, QThread.currentThread())))
    assert results == [(42, qapp.thread())]
    assert ran_on and ran_on[0] is not qapp.thread()

    errors: list[Exception] = []
    with qtbot.waitSignal(ops.busy_changed, check_params_cb=lambda busy: busy is False):
        ops.run(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)


def test_the_qt_binding_does_not_leak_references_to_none(qapp) -> None:
    """PySide6 6.12.0 on Python 3.11 returns None from void methods without a reference: each
    ``update()`` or ``setText()`` costs None one reference until the interpreter aborts
    ("none_dealloc"), a till crashing after a few minutes of use. 6.11.3 is fine."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) >= before - 10


RUN_AND_CLOSE = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.bootstrap import open_till
from app.ui.main import run
from app.ui.views.cashier_window import CashierWindow
from app.ui.views.display import CustomerDisplayWindow

app = QApplication(sys.argv)
seen = {}

def look_then_close():
    shown = {type(w): w for w in QApplication.topLevelWidgets() if w.isVisible()}
    cashier, display = shown.get(CashierWindow), shown.get(CustomerDisplayWindow)
    seen["login"] = cashier is not None and cashier.pages.currentWidget() is cashier.login_page
    seen["display"] = display is not None and display.page() == "idle"
    seen["language"] = cashier.award_action.text() if cashier else None
    cashier.close() if cashier else app.quit()

QTimer.singleShot(300, look_then_close)
code = run(open_till(Path(sys.argv[1])))
print(json.dumps({"code": code, **seen}))
"""


def test_run_opens_the_login_and_the_display_and_returns_on_close(till: Till) -> None:
    """In a child process: ``run`` ends the application's event loop, which a test process must keep."""
    import json
    import subprocess
    import sys

    home = Path(till.engine.url.database).parent
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_CLOSE, str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "login": True, "display": True, "language": "Tích điểm"}


class OfflineServer(ThreadedSource):
    """A sync worker whose server does not answer: "sync now" wakes it and it reports offline."""

    def __init__(self) -> None:
        super().__init__()
        self.woken = 0

    def sync_now(self) -> None:
        self.woken += 1
        self.publish(SyncStatus(online=False, last_error="ConnectError: [Errno 111] Connection refused",
                                server_url="https://loyalty.example"))  # fmt: skip


def test_a_till_with_a_server_says_connecting_then_sync_now_says_offline_in_its_language(
    qtbot, qapp, till: Till
) -> None:
    from ui_helpers import login

    from app.ui.main import build_windows

    source = OfflineServer()
    w = build_windows(till, source, language="vi")
    try:
        bar = w.cashier.status_bar
        # Nothing is known yet at the start: not a red "offline" on every launch.
        assert bar.sync_label.text().startswith("● Đang kết nối…")
        assert bar.sync_label.objectName() != "SyncOffline"
        login(qtbot, w)
        with qtbot.waitSignal(w.checkout.action_refused) as refused:
            w.cashier.sync_now_action.trigger()
        assert source.woken == 1
        assert refused.args[0] == (
            "Không kết nối được máy chủ đồng bộ. Máy vẫn làm việc ngoại tuyến và sẽ gửi mọi giao dịch sau."
        )
        assert w.cashier.banner.property("kind") == "error"
        assert bar.sync_label.text().startswith("● Ngoại tuyến")
        tip = bar.sync_label.toolTip()
        assert "Errno" not in tip and tip.startswith("Không kết nối được máy chủ đồng bộ")
    finally:
        w.close()
