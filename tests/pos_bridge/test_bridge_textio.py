"""Decoding, separators, amounts and dates as POS exports write them."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from app.core.money import USD, VND, Currency
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.textio import Column, decode, read_csv_table, sniff_delimiter
from pos_bridge.readers.values import FieldError, infer_date_order, parse_datetime, parse_money, parse_quantity

VN_FALLBACK = ("cp1258", "cp1252")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Cà phê sữa đá".encode(), "UTF-8"),
        (codecs.BOM_UTF8 + "Cà phê sữa đá".encode(), "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE + "Cà phê sữa đá".encode("utf-16-le"), "UTF-16 (BOM)"),
        (codecs.BOM_UTF16_BE + "Cà phê sữa đá".encode("utf-16-be"), "UTF-16 (BOM)"),
        ("Cà phê sữa đá, Phở bò".encode("utf-16-le"), "UTF-16 (no BOM)"),
        # Windows-1258: "ư" + combining tilde for "ữ", "đ" precomposed.
        (b"C\xe0 ph\xea s\xfd\xdea \xf0\xe1", "cp1258"),
    ],
)
def test_decoding_finds_the_text_and_normalises_it(data: bytes, encoding: str) -> None:
    decoded = decode(data, file="f.csv", legacy=VN_FALLBACK)
    assert decoded.text.startswith("Cà phê sữa đá")
    assert decoded.encoding == encoding


def test_cp1252_is_preferred_for_stores_outside_vietnam() -> None:
    data = "Crème brûlée".encode("cp1252")
    assert decode(data, file="f", legacy=("cp1252", "cp1258")).text == "Crème brûlée"


def test_damaged_utf8_is_refused_rather_than_read_as_a_code_page() -> None:
    data = "Mã hóa đơn;Tên hàng\nHD1;Cà phê sữa đá\nHD2;Trà đào\n".encode() + b"HD3;B\xe1nh\n"
    with pytest.raises(ReaderError) as err:
        decode(data, file="f.csv", legacy=VN_FALLBACK)
    assert err.value.problem.line == 4
    assert "UTF-8 with damaged bytes" in str(err.value)


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b"a,b\x00c,d\n"])
def test_empty_or_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(ReaderError):
        decode(data, file="f.csv", legacy=VN_FALLBACK)


@pytest.mark.parametrize(("line", "delimiter"), [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"),
                                                  ('"1,5";"2,5";x', ";"), ("one", ",")])  # fmt: skip
def test_separator_is_sniffed_from_the_header_line(line: str, delimiter: str) -> None:
    assert sniff_delimiter(line) == delimiter


COLUMNS = (Column("id", ("Mã",), required=True), Column("total", ("Tổng",), required=True))


def test_table_skips_blank_totals_and_repeated_header_rows_and_honours_sep_line() -> None:
    text = "sep=;\r\nMã;Tổng\r\nA;1\r\n;\r\nMã;Tổng\r\nB;2\r\nTổng cộng;3\r\n;\r\n\r\n"
    table = read_csv_table(text.encode(), COLUMNS, file="f.csv", legacy=VN_FALLBACK)
    assert [(r.text("id"), r.text("total"), r.line) for r in table.rows] == [("A", "1", 3), ("B", "2", 6)]
    assert table.delimiter == ";"


def test_rows_with_shifted_cells_are_marked_damaged() -> None:
    text = "Mã,Tổng\nA,1\nB,2,extra\nC\n"
    table = read_csv_table(text.encode(), COLUMNS, file="f.csv", legacy=VN_FALLBACK)
    assert [bool(r.damage) for r in table.rows] == [False, True, True]


def test_broken_quoting_is_a_reader_error_with_its_line() -> None:
    text = 'Mã,Tổng\nA,1\n"B"x,2\n'
    with pytest.raises(ReaderError) as err:
        read_csv_table(text.encode(), COLUMNS, file="f.csv", legacy=VN_FALLBACK)
    assert err.value.problem.line == 3


def test_header_is_found_below_a_title_block() -> None:
    text = "BÁO CÁO BÁN HÀNG\nNgày 12/03/2024\n\nMã,Tổng\nA,1\n"
    table = read_csv_table(text.encode(), COLUMNS, file="f.csv", legacy=VN_FALLBACK)
    assert [(r.text("id"), r.line) for r in table.rows] == [("A", 5)]


@pytest.mark.parametrize(
    ("text", "cur", "decimal", "minor"),
    [
        ("125.000", VND, None, 125000),
        ("125,000 ₫", VND, None, 125000),
        ("125.000đ", VND, ",", 125000),
        ("1.250.000,00", VND, None, 1250000),
        ("125,000.00", VND, None, 125000),  # app.core.money.parse_amount misreads this one
        ("125000 VNĐ", VND, None, 125000),
        ("$12.34", USD, ".", 1234),
        ("$1,234.56", USD, ".", 123456),
        ("($5.00)", USD, ".", -500),
        ("-$5.00", USD, ".", -500),
        ("$-5.00", USD, ".", -500),
        ("5.00-", USD, None, -500),
        ("2.8000", USD, ".", 280),
        ("1,234", USD, None, 123400),
        (125000.0, VND, None, 125000),
        (12.34, USD, None, 1234),
    ],
)
def test_amounts_as_pos_write_them(text: object, cur: Currency, decimal: str | None, minor: int) -> None:
    assert parse_money(text, cur, decimal=decimal) == minor


@pytest.mark.parametrize(
    ("text", "cur", "message"),
    [
        ("12.5", VND, "“12.5” has more decimals than VND allows."),
        ("0.125", USD, "“0.125” is not an amount (its digit groups are wrong)."),
        ("$5", VND, "“$5” is an amount in USD, but the store counts VND."),
        ("12,34,5", VND, "“12,34,5” is not an amount (its digit groups are wrong)."),
        ("abc", VND, "“abc” is not an amount."),
        ("9" * 5000, VND, f"“{'9' * 38}… is too large to be a bill."),
        ("2.000.000.000", VND, "“2.000.000.000” is too large to be a bill."),
    ],
)
def test_amounts_that_are_refused_say_why(text: str, cur: Currency, message: str) -> None:
    with pytest.raises(FieldError) as err:
        parse_money(text, cur)
    assert err.value.message == message


def test_quantities() -> None:
    assert parse_quantity("2.000") == 2
    assert parse_quantity("1,5") == Decimal("1.5")
    assert parse_quantity("1.0000", decimal=".") == 1
    assert parse_quantity("-1") == -1
    with pytest.raises(FieldError):
        parse_quantity("1e9")


HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("text", "order", "utc"),
    [
        ("12/03/2024 18:45", "dmy", datetime(2024, 3, 12, 11, 45, tzinfo=UTC)),
        ("12/03/2024 18:45:12", "dmy", datetime(2024, 3, 12, 11, 45, 12, tzinfo=UTC)),
        ("3/12/24 6:45 PM", "mdy", datetime(2024, 3, 12, 11, 45, tzinfo=UTC)),
        ("3/12/24 12:05 AM", "mdy", datetime(2024, 3, 11, 17, 5, tzinfo=UTC)),
        ("2024-03-12T08:15:00+07:00", "dmy", datetime(2024, 3, 12, 1, 15, tzinfo=UTC)),
        ("2024-03-12T01:15:00Z", "dmy", datetime(2024, 3, 12, 1, 15, tzinfo=UTC)),
        ("2024-03-12 08:15", "mdy", datetime(2024, 3, 12, 1, 15, tzinfo=UTC)),
        (datetime(2024, 3, 12, 8, 15), "dmy", datetime(2024, 3, 12, 1, 15, tzinfo=UTC)),
    ],
)
def test_local_times_become_utc(text: object, order: str, utc: datetime) -> None:
    assert parse_datetime(text, HCM, order=order) == utc  # type: ignore[arg-type]


def test_daylight_saving_is_honoured_for_us_stores() -> None:
    la = ZoneInfo("America/Los_Angeles")
    assert parse_datetime("3/9/24 9:00 AM", la, order="mdy") == datetime(2024, 3, 9, 17, 0, tzinfo=UTC)
    assert parse_datetime("3/12/24 9:00 AM", la, order="mdy") == datetime(2024, 3, 12, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["31/02/2024 10:00", "12/03/2024 25:00", "13:00 PM", "yesterday", ""])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(FieldError):
        parse_datetime(text, HCM, order="dmy")


def test_day_month_order_is_decided_once_per_file() -> None:
    assert infer_date_order(["01/03/2024 10:00", "13/03/2024 10:00"], "mdy") == "dmy"
    assert infer_date_order(["3/1/24 1:00 PM", "3/13/24 1:00 PM"], "dmy") == "mdy"
    assert infer_date_order(["01/03/2024 10:00"], "mdy") == "mdy"
