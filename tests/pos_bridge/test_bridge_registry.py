"""Readers are plugins: found through the loyalty.pos_readers entry points, chosen by name or by sniffing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import NotFound
from pos_bridge.readers.base import Reader, ReadResult
from pos_bridge.readers.registry import ReaderRegistry

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples" / "generic"


def test_all_shipped_readers_are_installed_entry_points() -> None:
    registry = ReaderRegistry()
    assert registry.names() == ["generic_csv", "generic_json", "kiotviet", "loyverse", "square", "toast"]
    assert registry.load_errors == {}
    assert all(registry.get(name).name == name for name in registry.names())


def test_an_unknown_reader_name_is_a_readable_error() -> None:
    with pytest.raises(NotFound, match="No POS reader is called “sapo”"):
        ReaderRegistry().get("sapo")


@pytest.mark.parametrize(
    ("path", "reader"),
    [
        (SAMPLES / "receipts.csv", "generic_csv"),
        (SAMPLES / "receipts.json", "generic_json"),
        (FIXTURES / "square" / "transactions-2024-03-12-2024-03-13.csv", "square"),
        (FIXTURES / "square" / "items-2024-03-12-2024-03-13.csv", "square"),
        (FIXTURES / "toast" / "20240312" / "OrderDetails.csv", "toast"),
        (FIXTURES / "toast" / "20240312" / "ItemSelectionDetails.csv", "toast"),
        (FIXTURES / "loyverse" / "receipts-2024-03-12-2024-03-13.csv", "loyverse"),
        (FIXTURES / "loyverse_resaved" / "receipts-by-item-2024-03-12-2024-03-13.csv", "loyverse"),
        (FIXTURES / "kiotviet" / "DanhSachChiTietHoaDon_KV12032024-213045-118.xlsx", "kiotviet"),
        (FIXTURES / "kiotviet_csv" / "DanhSachChiTietHoaDon_KV12032024-213045-118.csv", "kiotviet"),
    ],
)
def test_sniffing_recognises_every_fixture(path: Path, reader: str) -> None:
    found = ReaderRegistry().sniff(path)
    assert found is not None and found.name == reader


def test_a_renamed_toast_file_is_recognised_by_its_columns(tmp_path: Path) -> None:
    copy = tmp_path / "orders.csv"
    copy.write_bytes((FIXTURES / "toast" / "20240312" / "OrderDetails.csv").read_bytes())
    found = ReaderRegistry().sniff(copy)
    assert found is not None and found.name == "toast"


def test_a_file_nobody_reads_is_not_recognised(tmp_path: Path) -> None:
    path = tmp_path / "menu.csv"
    path.write_text("Món,Giá\nPhở,50000\n", encoding="utf-8")
    assert ReaderRegistry().sniff(path) is None


class _Chatty(Reader):
    name = "chatty"
    sniff_priority = 0

    def can_read(self, path: Path, head: bytes) -> bool:
        raise RuntimeError("plugin bug")

    def read(self, paths, *, store_id, tz, currency) -> ReadResult:
        return ReadResult()


def test_a_plugin_that_fails_while_sniffing_does_not_stop_the_others() -> None:
    from pos_bridge.readers.generic import GenericCsvReader

    registry = ReaderRegistry({"chatty": _Chatty, "generic_csv": GenericCsvReader})
    found = registry.sniff(SAMPLES / "receipts.csv")
    assert found is not None and found.name == "generic_csv"
