"""Property tests: damaged exports never crash a reader, and the watcher quarantines what cannot be read.

Every reader gets its own fixture export with one file damaged: cut short,
bytes overwritten, replaced by random bytes, re-encoded in an encoding no POS
uses, columns shuffled, a field blown up to hundreds of kilobytes, lines
dropped. Whatever happens, the reader answers with a ReadResult or a
ReaderError — never another exception — and what it does return is
well-formed. Damage that makes an export unreadable ends in the quarantine
folder with a reason file, and nothing reaches apply().
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.receipt import Receipt, ReceiptKind
from pos_bridge.readers.base import ReaderError, ReadResult
from pos_bridge.readers.registry import ReaderRegistry
from pos_bridge.readers.textio import decode, sniff_delimiter
from pos_bridge.watcher import FileOutcome, MemorySeenFiles, WatchedFolder, Watcher

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "assets" / "samples" / "generic"
REGISTRY = ReaderRegistry()
VN = {"store_id": "q1", "tz": "Asia/Ho_Chi_Minh", "currency": "VND"}
US = {"store_id": "us1", "tz": "America/New_York", "currency": "USD"}
PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@dataclass(frozen=True)
class Subject:
    reader: str
    files: tuple[Path, ...]
    store: dict[str, str]

    @property
    def kind(self) -> str:
        return {".xlsx": "xlsx", ".json": "json"}.get(self.files[0].suffix, "csv")


SUBJECTS = {
    "generic_csv": Subject("generic_csv", (SAMPLES / "receipts.csv",), VN),
    "generic_json": Subject("generic_json", (SAMPLES / "receipts.json",), VN),
    "square": Subject("square", tuple(sorted((FIXTURES / "square").iterdir())), US),
    "toast": Subject(
        "toast",
        tuple(
            FIXTURES / "toast" / "20240312" / n
            for n in ("CheckDetails.csv", "ItemSelectionDetails.csv", "OrderDetails.csv", "PaymentDetails.csv")
        ),
        US,
    ),
    "loyverse": Subject("loyverse", tuple(sorted((FIXTURES / "loyverse").iterdir())), VN),
    "kiotviet_xlsx": Subject(
        "kiotviet", (FIXTURES / "kiotviet" / "DanhSachChiTietHoaDon_KV12032024-213045-118.xlsx",), VN
    ),
    "kiotviet_csv": Subject(
        "kiotviet", (FIXTURES / "kiotviet_csv" / "DanhSachChiTietHoaDon_KV12032024-213045-118.csv",), VN
    ),
}
TEXT_SUBJECTS = [k for k, s in SUBJECTS.items() if s.kind == "csv"]


def read(subject: Subject, folder: Path) -> ReadResult:
    files = [folder / p.name for p in subject.files]
    return REGISTRY.get(subject.reader).read(files, **subject.store)


def copy_export(subject: Subject, folder: Path) -> None:
    for path in subject.files:
        shutil.copyfile(path, folder / path.name)


def assert_well_formed(result: ReadResult, subject: Subject) -> None:
    for receipt in result.receipts:
        assert isinstance(receipt, Receipt)
        assert receipt.source == subject.reader and receipt.store_id == subject.store["store_id"]
        assert receipt.closed_at.utcoffset() == timedelta(0)
        for amount in (receipt.total, receipt.subtotal, receipt.discount, receipt.tax, receipt.tip):
            assert type(amount) is int
        assert receipt.kind in ReceiptKind
        if receipt.kind is ReceiptKind.REFUND:
            assert receipt.total <= 0 and all(line.qty <= 0 for line in receipt.lines)
        for line in receipt.lines:
            assert type(line.qty) is int and type(line.unit_price) is int and type(line.discount) is int
    for problem in result.problems:
        assert problem.message and (problem.line is None or problem.line >= 1)
        assert len(str(problem)) < 1000  # a reason file lists problems; a huge cell must not flood it


# ---------------------------------------------------------------- damage


def _text_and_delimiter(data: bytes) -> tuple[str, str]:
    text = decode(data, file="x", legacy=("cp1258", "cp1252")).text
    return text, sniff_delimiter(next(line for line in text.splitlines() if line.strip()))


def _rows(data: bytes) -> tuple[list[list[str]], str]:
    text, delimiter = _text_and_delimiter(data)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), delimiter


def _write_rows(rows: list[list[str]], delimiter: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(1, len(data) - 1)]


def overwrite(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 12)):
        out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def random_bytes(data: bytes, rnd: random.Random) -> bytes:
    return rnd.randbytes(rnd.randint(1, 4096))


def wrong_encoding(data: bytes, rnd: random.Random) -> bytes:
    text = decode(data, file="x", legacy=("cp1258", "cp1252")).text
    codec = rnd.choice(["cp500", "utf-32-le", "utf-32-be", "shifted-utf-16"])
    if codec == "shifted-utf-16":  # UTF-16 that lost its BOM and first byte
        return text.encode("utf-16-le")[1:]
    return text.encode(codec, errors="replace")


def huge_field(data: bytes, rnd: random.Random) -> bytes:
    rows, delimiter = _rows(data)
    row = rnd.choice([n for n, cells in enumerate(rows) if n > 0 and cells])
    col = rnd.randrange(len(rows[row]))
    rows[row][col] = rows[row][col] + "9" * rnd.randint(140_000, 300_000)
    return _write_rows(rows, delimiter)


def shuffle_header(data: bytes, rnd: random.Random) -> bytes:
    rows, delimiter = _rows(data)
    header = rows[0][:]
    while header == rows[0] and len(set(header)) > 1:
        rnd.shuffle(header)
    return _write_rows([header, *rows[1:]], delimiter)


def drop_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = data.splitlines(keepends=True)
    keep = [line for n, line in enumerate(lines) if n == 0 or rnd.random() > 0.3]
    return b"".join(keep)


TEXT_DAMAGE = [truncate, overwrite, random_bytes, wrong_encoding, huge_field, shuffle_header, drop_lines]
BINARY_DAMAGE = [truncate, overwrite, random_bytes]


def damage_for(subject: Subject) -> list:
    if subject.kind == "xlsx":
        return BINARY_DAMAGE
    if subject.kind == "json":
        return [truncate, overwrite, random_bytes, wrong_encoding]
    return TEXT_DAMAGE


def fatal_damage_for(subject: Subject) -> list:
    """Damage after which nothing in the export can be trusted."""
    if subject.kind == "xlsx":
        return [truncate, random_bytes]
    if subject.kind == "json":
        return [truncate, random_bytes, wrong_encoding]
    return [random_bytes, wrong_encoding, huge_field]


# ---------------------------------------------------------------- properties


@pytest.mark.parametrize("name", list(SUBJECTS))
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_a_damaged_export_gives_a_result_or_a_reader_error_and_nothing_else(
    name: str, seed: int, data: st.DataObject
) -> None:
    subject = SUBJECTS[name]
    rnd = random.Random(seed)
    victim = data.draw(st.sampled_from(subject.files), label="file")
    damage = data.draw(st.sampled_from(damage_for(subject)), label="damage")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copy_export(subject, folder)
        (folder / victim.name).write_bytes(damage(victim.read_bytes(), rnd))
        try:
            result = read(subject, folder)
        except ReaderError as err:
            assert str(err)  # a readable reason, nothing else
            return
        assert_well_formed(result, subject)


@pytest.mark.parametrize("name", TEXT_SUBJECTS)
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_column_order_does_not_matter(name: str, seed: int, data: st.DataObject) -> None:
    subject = SUBJECTS[name]
    victim = data.draw(st.sampled_from(subject.files), label="file")
    rows, delimiter = _rows(victim.read_bytes())
    order = list(range(len(rows[0])))
    random.Random(seed).shuffle(order)
    shuffled = [[row[i] if i < len(row) else "" for i in order] if any(row) else row for row in rows]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copy_export(subject, folder)
        baseline = read(subject, folder)
        (folder / victim.name).write_bytes(_write_rows(shuffled, delimiter))
        result = read(subject, folder)
    assert result.problems == baseline.problems == []
    assert result.receipts == baseline.receipts


@pytest.mark.parametrize("name", list(SUBJECTS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_the_watcher_quarantines_an_unreadable_export_and_applies_nothing(
    name: str, seed: int, data: st.DataObject
) -> None:
    subject = SUBJECTS[name]
    rnd = random.Random(seed)
    victim = data.draw(st.sampled_from(subject.files), label="file")
    damage = data.draw(st.sampled_from(fatal_damage_for(subject)), label="damage")
    applied: list[Receipt] = []
    clock = [0.0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copy_export(subject, folder)
        (folder / victim.name).write_bytes(damage(victim.read_bytes(), rnd))
        watched = WatchedFolder(folder, reader=subject.reader, **subject.store)
        watcher = Watcher(
            [watched], seen=MemorySeenFiles(), apply=applied.extend, clock=lambda: clock[0], registry=REGISTRY
        )
        watcher.poll()
        clock[0] += 5
        reports = watcher.poll()
        assert applied == []
        assert [r.outcome for r in reports] == [FileOutcome.QUARANTINED]
        quarantine = folder / "quarantine"
        for path in subject.files:
            assert (quarantine / path.name).exists() and not (folder / path.name).exists()
            reason = (quarantine / f"{path.name}.reason.txt").read_text(encoding="utf-8")
            assert "Nothing from this export was applied." in reason and "What was wrong:" in reason
            assert len(reason) < 5000
        assert not (folder / "archive").exists()
