"""What the POS readers say reaches the manager in the till's language (issue 10's audit).

A reader's problems (why a row or a file cannot be read) and its skipped rows (an order not paid
yet, a return not refunded) are shown in the cashier window's POS tooltip and notes dialog, and
written in English to the quarantine's reason file. A sentence built with an f-string cannot be
translated: every one is a template with its details, listed for translation.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.errors import TEMPLATES
from app.ui.i18n import Translations
from app.ui.views.pos_notes import NOTE_TEMPLATES, note_text, problem_text
from pos_bridge.readers.generic import GenericCsvReader
from pos_bridge.readers.toast import ToastReader

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {"Notice", "FieldError", "ReaderError", "NotFound", "InvalidInput", "ProfileError"}


def _sentences() -> Iterator[tuple[str, str, ast.expr]]:
    """(where, kind, sentence argument) of every sentence the bridge builds for a manager to read."""
    for path in sorted((ROOT / "pos_bridge").rglob("*.py")):
        if path.name == "mapcli.py":  # the terminal's own prompts, printed in English by design
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in ERRORS and node.args:
                yield where, "error", node.args[0]
            elif name == "Problem" and len(node.args) > 3:
                yield where, "error", node.args[3]
            elif name == "error" and len(node.args) > 1:  # Row.error(column, "is …"): "The value is …"
                yield where, "value", node.args[1]
            elif name == "Note" and node.args:
                yield where, "note", node.args[0]
            elif name == "append" and getattr(func.value, "attr", "") == "skipped":  # type: ignore[union-attr]
                yield where, "skipped", node.args[0]


def test_no_reader_sentence_is_an_f_string_and_each_is_listed_for_translation() -> None:
    found = list(_sentences())
    assert len(found) > 60  # the scan really walks the readers
    built = [w for w, _, arg in found if any(isinstance(n, ast.JoinedStr) for n in ast.walk(arg))]
    assert built == [], "give these a template and details: " + ", ".join(built)
    # A skipped row is a Note (template + values), so the notes dialog can translate it.
    plain = [w for w, kind, arg in found if kind == "skipped" and not isinstance(arg, ast.Call)]
    assert plain == [], plain
    listed = set(TEMPLATES)
    missing = [
        f"{w}: {arg.value}"
        for w, kind, arg in found
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        for template in [("The value " + arg.value) if kind == "value" else arg.value]
        if template not in (NOTE_TEMPLATES if kind == "note" else listed)
    ]
    assert missing == [], "list these in app/ui/errors.py (or pos_notes.NOTE_TEMPLATES):\n" + "\n".join(missing)


@pytest.fixture
def vietnamese(qapp) -> Iterator[None]:
    translations = Translations(qapp)
    translations.use("vi")
    yield
    translations.uninstall()


STORE = dict(store_id="S1", tz="Asia/Ho_Chi_Minh", currency="VND")


def test_a_toast_order_not_paid_yet_is_a_note_in_vietnamese(vietnamese: None, tmp_path: Path) -> None:
    orders = tmp_path / "OrderDetails.csv"
    orders.write_text(
        "Location,Order Id,Order #,Checks,Opened,Amount,Tax,Tip,Gratuity,Total,Voided,Paid,Closed\r\n"
        "Q1,4001,1,1,3/12/24 11:05 AM,120000,0,0,0,120000,False,,\r\n",
        encoding="utf-8",
    )
    result = ToastReader().read([orders], **STORE)
    (note,) = result.skipped
    assert str(note) == "OrderDetails.csv:2: order 4001 is not paid yet."  # the headless command's line
    assert note_text(note) == "OrderDetails.csv:2: đơn hàng 4001 chưa được thanh toán."


def test_figures_that_do_not_add_up_and_a_damaged_row_read_in_vietnamese(vietnamese: None, tmp_path: Path) -> None:
    path = tmp_path / "receipts.csv"
    path.write_text(
        "receipt_id,closed_at,total,subtotal,discount\n"
        "A,2024-03-12 10:00,120000,135000,10000\n"
        "B,2024-03-12 10:05,50000,50000,0,9,9\n",
        encoding="utf-8",
    )
    result = GenericCsvReader().read(path, **STORE)
    sums, damaged = result.problems
    assert str(sums.message) == "The total 120,000 ₫ is not subtotal - discount + tax + tip (125,000 ₫)."
    assert problem_text(sums) == (
        "receipts.csv, dòng 2: Tổng 120.000 ₫ không bằng tạm tính - giảm giá + thuế + tiền boa (125.000 ₫)."
    )
    # A sentence inside a sentence (why the row is damaged) is translated too.
    assert problem_text(damaged) == (
        "receipts.csv, dòng 3: Dòng này bị hỏng: dòng có từ 7 giá trị trở lên nhưng dòng tiêu đề chỉ có 5 cột."
    )
    assert str(damaged) == (
        "receipts.csv, line 3: The row is damaged: the row has 7 or more values but the header has 5 columns."
    )  # the quarantine's reason file
