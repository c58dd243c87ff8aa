"""Golden tests: the documented generic format, as CSV and JSON, in every encoding and separator."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.receipt import Receipt, ReceiptKind, ReceiptLine
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.generic import GenericCsvReader, GenericJsonReader

SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples" / "generic"
STORE = dict(store_id="store-q1", tz="Asia/Ho_Chi_Minh", currency="VND")


def expected(source: str) -> list[Receipt]:
    lan = dict(customer_phone="0912 345 678", customer_name="Nguyễn Thị Lan")
    coffee = ReceiptLine("Cà phê sữa đá", 2, 35000, sku="CF-SUA", category="Cà phê")
    return [
        Receipt(
            source, "HD-1001", "store-q1", datetime(2024, 3, 12, 1, 15, tzinfo=UTC), total=125000,
            subtotal=135000, discount=10000, opened_at=datetime(2024, 3, 12, 1, 2, tzinfo=UTC), **lan,
            lines=(
                coffee,
                ReceiptLine("Bánh mì trứng", 1, 25000, sku="BM-TRUNG", category="Đồ ăn"),
                ReceiptLine("Trà đào cam sả", 1, 40000, sku="TR-DAO", category="Trà", discount=10000),
            ),
        ),
        Receipt(
            source, "HD-1002", "store-q1", datetime(2024, 3, 12, 5, 30, tzinfo=UTC), total=1250000,
            subtotal=1250000, customer_card="LT-000123-4",
        ),
        Receipt(
            source, "HD-1003", "store-q1", datetime(2024, 3, 12, 7, 5, 30, tzinfo=UTC), total=-35000,
            subtotal=-35000, kind=ReceiptKind.REFUND, refund_of="HD-1001", **lan,
            lines=(ReceiptLine("Cà phê sữa đá", -1, 35000, sku="CF-SUA", category="Cà phê"),),
        ),
        Receipt(
            source, "HD-1004", "store-q1", datetime(2024, 3, 12, 8, 0, tzinfo=UTC), total=30000, subtotal=30000,
            lines=(ReceiptLine("Cà phê đen", 1, 30000, sku="CF-DEN", category="Cà phê", is_reward=True),),
        ),
        Receipt(
            source, "HD-1002#void", "store-q1", datetime(2024, 3, 12, 9, 45, tzinfo=UTC), total=1250000,
            subtotal=1250000, kind=ReceiptKind.VOID, refund_of="HD-1002",
        ),
    ]  # fmt: skip


def test_generic_csv_sample_reads_to_the_documented_receipts() -> None:
    result = GenericCsvReader().read(SAMPLES / "receipts.csv", **STORE)
    assert result.problems == []
    assert result.receipts == expected("generic_csv")
    assert [r.raw_ref for r in result.receipts] == [f"receipts.csv:{n}" for n in (2, 5, 6, 7, 8)]


def test_generic_json_sample_reads_to_the_same_receipts() -> None:
    result = GenericJsonReader().read(SAMPLES / "receipts.json", **STORE)
    assert result.problems == []
    assert result.receipts == expected("generic_json")


def _rewrite(delimiter: str) -> str:
    rows = list(csv.reader(io.StringIO((SAMPLES / "receipts.csv").read_text(encoding="utf-8"))))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    if encoding == "cp1258":
        from fixtures.make_fixtures import encode_cp1258

        return encode_cp1258(text)
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1258"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_generic_csv_reads_the_same_in_every_encoding_and_separator(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "receipts.csv"
    path.write_bytes(_encode(_rewrite(delimiter), encoding))
    result = GenericCsvReader().read(path, **STORE)
    assert result.problems == []
    assert result.receipts == expected("generic_csv")


def test_cp1252_file_from_a_us_till_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "receipts.csv"
    text = (
        "receipt_id;closed_at;total;line_name;line_qty;line_unit_price\r\n"
        "A-1;3/12/2024 9:41 AM;$6.00;Crème brûlée;1;$6.00\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    result = GenericCsvReader().read(path, store_id="s", tz="America/Los_Angeles", currency="USD")
    assert result.receipts == [
        Receipt(
            "generic_csv", "A-1", "s", datetime(2024, 3, 12, 16, 41, tzinfo=UTC), total=600, currency="USD",
            lines=(ReceiptLine("Crème brûlée", 1, 600),),
        )
    ]  # fmt: skip


def test_bad_amount_costs_only_its_receipt_and_says_where(tmp_path: Path) -> None:
    text = (SAMPLES / "receipts.csv").read_text(encoding="utf-8").replace("30000,30000", "3O000,30000", 1)
    path = tmp_path / "receipts.csv"
    path.write_text(text, encoding="utf-8")
    result = GenericCsvReader().read(path, **STORE)
    assert [r.external_id for r in result.receipts] == ["HD-1001", "HD-1002", "HD-1003", "HD-1002#void"]
    assert not result.all_or_nothing
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.column) == ("receipts.csv", 7, "total")
    assert str(problem) == "receipts.csv, line 7, column \"total\": “3O000” is not an amount."


def test_row_without_receipt_id_makes_the_file_all_or_nothing(tmp_path: Path) -> None:
    lines = (SAMPLES / "receipts.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("HD-1001", "", 1)  # a line of HD-1001 that now belongs nowhere
    path = tmp_path / "receipts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = GenericCsvReader().read(path, **STORE)
    assert result.all_or_nothing
    assert result.usable_receipts == []
    assert result.problems[0].line == 3


def test_receipt_fields_that_disagree_between_rows_are_a_problem(tmp_path: Path) -> None:
    text = (SAMPLES / "receipts.csv").read_text(encoding="utf-8")
    text = text.replace("HD-1001,,,,,,,,,,,,,,TR-DAO", "HD-1001,,,130000,,,,,,,,,,,TR-DAO")
    path = tmp_path / "receipts.csv"
    path.write_text(text, encoding="utf-8")
    result = GenericCsvReader().read(path, **STORE)
    assert "HD-1001" not in [r.external_id for r in result.receipts]
    assert result.problems[0].message == "The value differs from line 2 of the same receipt “HD-1001”."


def test_amount_in_another_currency_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "receipts.csv"
    path.write_text("receipt_id,closed_at,total\nX1,2024-03-12 10:00,$12.00\n", encoding="utf-8")
    result = GenericCsvReader().read(path, **STORE)
    assert result.receipts == []
    assert result.problems[0].message == "“$12.00” is an amount in USD, but the store counts VND."


def test_missing_required_column_is_a_reader_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "receipts.csv"
    path.write_text("receipt_id,when,total\nX1,2024-03-12 10:00,12000\n", encoding="utf-8")
    with pytest.raises(ReaderError) as err:
        GenericCsvReader().read(path, **STORE)
    assert str(err.value).startswith('receipts.csv, line 1: The file has no "closed_at" column')


def test_broken_json_is_a_reader_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "receipts.json"
    path.write_text('[\n  {"receipt_id": "A", "total": 1,\n', encoding="utf-8")
    with pytest.raises(ReaderError) as err:
        GenericJsonReader().read(path, **STORE)
    assert err.value.problem.line == 3


def test_json_receipt_with_bad_line_is_left_out_and_named(tmp_path: Path) -> None:
    path = tmp_path / "receipts.json"
    path.write_text(
        '[{"receipt_id": "A", "closed_at": "2024-03-12 10:00", "total": 10000,'
        ' "lines": [{"name": "Trà", "qty": "x", "unit_price": 10000}]},'
        ' {"receipt_id": "B", "closed_at": "2024-03-12 10:05", "total": 20000}]',
        encoding="utf-8",
    )
    result = GenericJsonReader().read(path, **STORE)
    assert [r.external_id for r in result.receipts] == ["B"]
    assert result.problems[0].column == "receipts[0] (A).lines[0].qty"


def test_figures_that_do_not_add_up_are_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "receipts.csv"
    path.write_text(
        "receipt_id,closed_at,total,subtotal,discount,line_name,line_qty,line_unit_price\n"
        "A,2024-03-12 10:00,120000,135000,10000,Phở,1,135000\n"
        "B,2024-03-12 10:05,50000,60000,10000,Phở,1,50000\n",
        encoding="utf-8",
    )
    result = GenericCsvReader().read(path, **STORE)
    assert result.receipts == []
    assert [p.message for p in result.problems] == [
        "The total 120,000 ₫ is not subtotal - discount + tax + tip (125,000 ₫).",
        "The lines add up to 50,000 ₫, but the subtotal is 60,000 ₫.",
    ]


@pytest.mark.parametrize(("fence", "reader"), [("csv", GenericCsvReader), ("json", GenericJsonReader)])
def test_the_samples_in_the_format_document_read_cleanly(tmp_path: Path, fence: str, reader: type) -> None:
    import re

    doc = (Path(__file__).resolve().parents[2] / "pos_bridge" / "readers" / "GENERIC_FORMAT.md").read_text("utf-8")
    sample = re.search(rf"```{fence}\n(.*?)```", doc, re.S)
    assert sample is not None
    path = tmp_path / f"sample.{fence}"
    path.write_text(sample.group(1), encoding="utf-8")
    result = reader().read(path, **STORE)
    assert result.problems == []
    assert result.receipts and result.receipts[0].external_id == "HD-1001" and result.receipts[0].total == 125000
