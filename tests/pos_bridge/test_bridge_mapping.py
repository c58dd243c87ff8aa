"""The column-mapping reader: profiles, ``loyalty-pos-bridge map`` in a terminal, shipped profiles.

POS365, Sapo and many local POS have no public export description: a manager maps a sample's
columns once and the bridge reads that POS from then on. Here a terminal session is typed
into the real command (a separate process), and the saved profile then reads the next export.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.receipt import ReceiptKind
from pos_bridge.profiles import load_profiles, registry_with_profiles
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.mapped import Profile, ProfileReader

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Số CT;Thời điểm;Loại;Tổng tiền;Số ĐT;Tên món;SL;Đơn giá\n"


def export(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8-sig")
    return path


def test_a_manager_maps_a_csv_in_the_terminal_and_the_profile_reads_the_next_export(tmp_path: Path) -> None:
    home = tmp_path / "home"
    sample = export(tmp_path / "xuat-20251124.csv", [
        "CT01;24/11/2025 08:15;Bán;125.000;0912 345 678;Cà phê sữa đá;2;62.500",
        "CT02;24/11/2025 09:00;Trả;-62.500;0912 345 678;Cà phê sữa đá;1;62.500",
    ])  # fmt: skip
    # receipt_id, closed_at, total, phone, card, kind, refund_of, tip, name, sku, group, qty, unit, line total
    answers = ["1", "2", "4", "5", "", "3", "", "", "6", "", "", "7", "8", "", "dmy", ",", "", "y"]
    done = subprocess.run(
        [sys.executable, "-m", "app.pos_cli", "map", str(sample), "--home", str(home), "--name", "quan-ca-phe"],
        input="\n".join(answers) + "\n", capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 1. Số CT: CT01 | CT02" in done.stdout  # the columns, with the first rows
    assert "The sample reads as 2 receipt(s); 0 row(s) could not be read." in done.stdout
    saved = home / "pos-profiles" / "quan-ca-phe.json"
    assert f"Saved {saved}" in done.stdout

    profile = load_profiles(home)["quan-ca-phe"]
    assert profile.columns["total"] == "Tổng tiền" and profile.decimal == "," and profile.file_pattern == "xuat-*.csv"
    row = "CT10;25/11/2025 07:45;Bán;45.000;84912345678;Bạc xỉu;1;45.000"
    nxt = export(tmp_path / "exports" / "xuat-20251125.csv", [row])
    reader = registry_with_profiles(home).sniff(nxt)
    assert reader is not None and reader.name == "profile:quan-ca-phe"
    (r,) = reader.read([nxt], store_id="q1", tz="Asia/Ho_Chi_Minh", currency="VND").receipts
    assert (r.source, r.external_id, r.total, r.customer_phone, r.kind) == (
        "profile:quan-ca-phe", "CT10", 45_000, "84912345678", ReceiptKind.SALE,
    )  # fmt: skip


def test_a_file_named_like_the_profile_whose_columns_changed_is_refused_with_the_reason(tmp_path: Path) -> None:
    profile = Profile(
        name="quan", columns={"receipt_id": "Số CT", "closed_at": "Thời điểm", "total": "Tổng tiền"},
        file_pattern="xuat-*.csv",
    )  # fmt: skip
    renamed = "Số CT;Thời điểm;Thành tiền\n"  # the POS renamed "Tổng tiền"
    changed = export(tmp_path / "xuat-20251126.csv", ["CT1;26/11/2025 08:00;45000"], header=renamed)
    reader = ProfileReader.for_profile(profile)()
    assert reader.can_read(changed, changed.read_bytes())  # claimed by its name …
    with pytest.raises(ReaderError, match="no longer matches the column profile “quan”: “Tổng tiền” missing"):
        reader.read([changed], store_id="q1", tz="Asia/Ho_Chi_Minh", currency="VND")  # … and refused


def test_shipped_profiles_say_how_sure_they_are() -> None:
    shipped = load_profiles(None)
    assert set(shipped) == {"pos365", "sapo"}
    for profile in shipped.values():
        assert profile.about.startswith("Confidence: LOW.")
        assert {"receipt_id", "closed_at", "total"} <= set(profile.columns)
