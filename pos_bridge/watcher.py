"""Watching POS export folders: read each finished export once, never lose one.

Polling, on purpose: it needs no extra dependency, behaves the same on a
Windows till, a network share and a USB stick (where change notifications are
unreliable), and a poll a second is far below the 2 s "noticed" target.

A file is read only when it is complete:

* its size and modification time are the same in two polls at least
  ``settle_seconds`` apart (a POS writing slowly keeps changing both), or
* it appeared by renaming a temporary file the POS finished writing (same
  file id as a ``*.tmp``/``*.part`` seen in the previous poll).

Temporary names (``*.tmp``, ``*.part``, ``*.crdownload``), Office lock files
(``~$*``), dotfiles and the ``archive``/``quarantine`` folders are ignored.

Every complete file is hashed (SHA-256) and looked up in ``SeenFiles`` (the
database side records them), so a re-export or a copy of the same content is
never counted twice: it is archived as a duplicate without being read.
Processed files move to ``<folder>/archive/YYYY-MM-DD/``; unreadable ones to
``<folder>/quarantine/`` with ``<name>.reason.txt`` beside them saying which
file, which line, what was wrong. Nothing is ever deleted; a name clash gets a
``-1``, ``-2`` … suffix.

When a reader reports bad rows but can tell them apart (``all_or_nothing``
False), the good receipts are applied, the file is archived and a *copy* goes
to quarantine listing the bad lines. Otherwise nothing is applied and the
file waits in quarantine. Exports of several sibling files (Toast, Square)
are processed together; when a sibling is missing the watcher waits for it
(briefly when the export can be read without it, up to
``incomplete_grace_seconds`` when it cannot) before reading or quarantining.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from app.core.errors import Notice
from app.core.receipt import Receipt
from pos_bridge.readers.base import FileGroup, Problem, Reader, ReaderError, ReadResult
from pos_bridge.readers.registry import ReaderRegistry, default_registry

log = logging.getLogger(__name__)

ARCHIVE = "archive"
QUARANTINE = "quarantine"
TEMP_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart")
MAX_DEPTH = 3  # Toast drops one folder per day; deeper trees are not exports
MAX_LISTED_PROBLEMS = 200


class FileOutcome(StrEnum):
    APPLIED = "applied"  # read cleanly; receipts passed to apply; archived
    PARTIAL = "partial"  # good receipts applied; archived; a copy quarantined listing the bad rows
    QUARANTINED = "quarantined"  # nothing applied; moved to quarantine with a reason file
    DUPLICATE = "duplicate"  # same content already processed; archived unread
    NOT_RECEIPTS = "not receipts"  # a file the POS drops beside its receipts (Toast's KitchenTimings); archived


class SeenFiles(Protocol):
    """Where processed files are remembered by content hash (the database side)."""

    def seen(self, sha256: str) -> bool:
        """True when this content was processed and must not be read again.
        A quarantined file dropped in again is the manager's retry: answer False."""

    def remember(self, sha256: str, path: Path, outcome: FileOutcome, detail: str = "") -> None:
        """``detail``: the notes a manager should read (every ignored refund or void, skipped rows)."""


class MemorySeenFiles:
    """SeenFiles in memory, for tests and for a dry run."""

    def __init__(self) -> None:
        self.records: list[tuple[str, Path, FileOutcome]] = []
        self._done: set[str] = set()

    def seen(self, sha256: str) -> bool:
        return sha256 in self._done

    def remember(self, sha256: str, path: Path, outcome: FileOutcome, detail: str = "") -> None:
        self.records.append((sha256, path, outcome))
        if outcome is not FileOutcome.QUARANTINED:
            self._done.add(sha256)


ApplyReceipts = Callable[[list[Receipt]], Any]  # returns the ledger side's ApplySummary


@dataclass(frozen=True)
class WatchedFolder:
    path: Path
    store_id: str
    tz: str = "Asia/Ho_Chi_Minh"
    currency: str = "VND"
    reader: str | None = None  # a reader's name; None: recognise each file by sniffing
    reader_options: tuple[tuple[str, Any], ...] = ()


@dataclass
class FileReport:
    """What happened to one export, for the manager's POS-bridge screen."""

    folder: Path
    files: tuple[Path, ...]  # where they were found
    outcome: FileOutcome
    reader: str = ""
    applied: int = 0  # receipts passed to apply
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    moved_to: tuple[Path, ...] = ()
    quarantined: tuple[Path, ...] = ()  # the quarantined files (or copies)
    reason: str = ""
    summary: Any = None  # what apply returned

    @property
    def notes(self) -> list[str]:
        """Everything the manager should read about this export: why a refund or void took nothing
        back, which receipts did not earn and why, which rows were left for a later export."""
        from_apply = list(getattr(self.summary, "notes", []) or [])
        return from_apply + list(self.skipped)


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # clock when this size/mtime was first observed
    complete: bool = False


@dataclass
class _Waiting:
    since: float
    why: str


class Watcher:
    def __init__(
        self,
        folders: Sequence[WatchedFolder],
        *,
        seen: SeenFiles,
        apply: ApplyReceipts,
        registry: ReaderRegistry | None = None,
        settle_seconds: float = 2.0,
        sibling_wait_seconds: float = 60.0,
        incomplete_grace_seconds: float = 6 * 3600.0,
        retry_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        state_file: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.folders = list(folders)
        self.seen_files = seen
        self.apply = apply
        self.registry = registry or default_registry()
        self.settle_seconds = settle_seconds
        self.sibling_wait_seconds = sibling_wait_seconds
        self.incomplete_grace_seconds = incomplete_grace_seconds
        self.retry_seconds = retry_seconds
        self.clock = clock
        self._files: dict[Path, _Seen] = {}
        # Temp files of the last poll by file id (inode / NTFS file index): path, size, mtime.
        self._temps: dict[int, tuple[Path, int, int]] = {}
        self._sniffed: dict[Path, tuple[int, int, str | None]] = {}
        self._waiting: dict[str, _Waiting] = {}
        self._missing_since: dict[str, float] = {}
        self._retry_after: dict[str, float] = {}
        # Since when each incomplete export has waited for its siblings, in wall-clock seconds, kept on
        # disk: a cron ``--once`` run ends long before a 60-second wait, and the next run must not start
        # the wait again (it would never end).
        self.state_file = state_file
        self.wall_clock = wall_clock
        for folder in self.folders:
            ZoneInfo(folder.tz)  # a wrong zone is a configuration error, said at start, not per file
            if folder.reader is not None:
                self.registry.get(folder.reader)

    def set_registry(self, registry: ReaderRegistry) -> None:
        """New readers (a column profile was saved): files are recognised again from the next poll."""
        self.registry = registry
        self._sniffed.clear()

    # ------------------------------------------------------------ waiting kept on disk

    def _load_state(self) -> dict[str, float]:
        if self.state_file is None:
            return {}
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        waits = data.get("missing_since", {}) if isinstance(data, dict) else {}
        return {str(k): float(v) for k, v in waits.items() if isinstance(v, (int, float))}

    def _save_state(self, waits: dict[str, float]) -> None:
        if self.state_file is None:
            return
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.state_file.with_name(self.state_file.name + ".tmp")
            tmp.write_text(json.dumps({"missing_since": waits}, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.state_file)
        except OSError as err:
            log.warning("Cannot keep the POS bridge's waiting state in %s: %s", self.state_file, err)

    def _first_missing(self, key: str, now: float) -> float:
        """When this export started waiting, on this clock: from disk if an earlier run saw it."""
        waits = self._load_state()
        wall = self.wall_clock()
        if key not in waits:
            waits[key] = wall
            self._save_state(waits)
            return now
        return now - max(0.0, wall - waits[key])

    def _forget_missing(self, key: str) -> None:
        waits = self._load_state()
        if waits.pop(key, None) is not None:
            self._save_state(waits)

    # ------------------------------------------------------------ public

    @property
    def idle(self) -> bool:
        """Nothing more can happen in this run now: every file seen has stopped changing (it was
        handled, or it waits for a sibling, whose wait is kept on disk for the next run)."""
        return all(f.complete for f in self._files.values())

    @property
    def waiting(self) -> list[str]:
        """Exports seen but not read yet, and why (for the status bar)."""
        return [w.why for w in self._waiting.values()]

    def poll(self) -> list[FileReport]:
        reports: list[FileReport] = []
        for folder in self.folders:
            try:
                reports.extend(self._poll_folder(folder))
            except OSError as err:  # the share went away; try again next poll
                log.warning("POS export folder %s cannot be read: %s", folder.path, err)
        return reports

    def run(
        self,
        stop: threading.Event,
        *,
        interval: float = 1.0,
        on_report: Callable[[FileReport], None] | None = None,
        before_poll: Callable[[], None] | None = None,
    ) -> None:
        """Poll until ``stop`` is set (the app runs this in a background thread)."""
        while not stop.is_set():
            try:
                if before_poll is not None:
                    before_poll()
                for report in self.poll():
                    if on_report is not None:
                        on_report(report)
            except Exception:  # the bridge keeps watching; the log says what broke
                log.exception("POS export poll failed")
            stop.wait(interval)

    # ------------------------------------------------------------ scanning

    def _poll_folder(self, folder: WatchedFolder) -> list[FileReport]:
        now = self.clock()
        present = self._scan(folder.path, now)
        complete = {p for p in present if self._files[p].complete}
        reports: list[FileReport] = []
        keys: set[str] = set()
        for reader, group in self._groups(folder, present, complete, reports):
            key = f"{folder.path}|{reader.name}|{group.key}"
            keys.add(key)
            report = self._consider(folder, reader, group, key, complete, now)
            if report is not None:
                reports.append(report)
        prefix = f"{folder.path}|"
        for table in (self._waiting, self._missing_since, self._retry_after):
            for key in [k for k in table if k.startswith(prefix) and k not in keys]:
                del table[key]
        return reports

    def _scan(self, root: Path, now: float) -> list[Path]:
        temps: dict[int, tuple[Path, int, int]] = {}
        present: list[Path] = []
        for path, stat, file_id in _walk(root):
            if _is_temp(path.name):
                if file_id:
                    temps[file_id] = (path, stat.st_size, stat.st_mtime_ns)
                continue
            present.append(path)
            current = self._files.get(path)
            if current is None:
                # Renamed from a temp file seen last poll with the same size and time: the POS
                # finished writing before renaming. (A reused file id would not match both.)
                was = self._temps.get(file_id) if file_id else None
                renamed = was is not None and was[1:] == (stat.st_size, stat.st_mtime_ns)
                self._files[path] = _Seen(stat.st_size, stat.st_mtime_ns, now, complete=renamed)
            elif (current.size, current.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
                self._files[path] = _Seen(stat.st_size, stat.st_mtime_ns, now)
            elif not current.complete and now - current.since >= self.settle_seconds:
                current.complete = stat.st_size > 0 or now - current.since >= max(60.0, self.settle_seconds)
        # Forget files of this folder that are gone (processed, or moved away by someone).
        still = set(present)
        gone = [p for p in self._files if _under(p, root) and p not in still]
        for path in gone:
            self._files.pop(path, None)
            self._sniffed.pop(path, None)
        self._temps = {k: v for k, v in self._temps.items() if not _under(v[0], root)} | temps
        return present

    def _groups(
        self, folder: WatchedFolder, present: list[Path], complete: set[Path], reports: list[FileReport]
    ) -> Iterable[tuple[Reader, FileGroup]]:
        if folder.reader is not None:
            reader = self.registry.get(folder.reader, **dict(folder.reader_options))
            for group in reader.group_files(present):
                yield reader, group
            return
        by_reader: dict[str, list[Path]] = {}
        for path in present:
            name = self._sniff(path)
            if name is None:
                if path in complete:
                    reports.append(self._unrecognised(folder, path))
                continue
            by_reader.setdefault(name, []).append(path)
        for name, paths in by_reader.items():
            reader = self.registry.get(name)
            for group in reader.group_files(paths):
                yield reader, group

    def _sniff(self, path: Path) -> str | None:
        info = self._files[path]
        cached = self._sniffed.get(path)
        if cached and cached[:2] == (info.size, info.mtime_ns):
            return cached[2]
        reader = self.registry.sniff(path)
        name = reader.name if reader else None
        self._sniffed[path] = (info.size, info.mtime_ns, name)
        return name

    # ------------------------------------------------------------ deciding

    def _consider(
        self,
        folder: WatchedFolder,
        reader: Reader,
        group: FileGroup,
        key: str,
        complete: set[Path],
        now: float,
    ) -> FileReport | None:
        names = ", ".join(p.name for p in group.files)
        if not all(p in complete for p in group.files):
            self._waiting[key] = _Waiting(now, f"{names}: still being written")
            return None
        if group.not_receipts:
            moved = self._archive(folder, group.files)
            return FileReport(
                folder.path, group.files, FileOutcome.NOT_RECEIPTS, reader.name, moved_to=moved,
                reason="Not a receipts file of this POS's export; archived without reading.",
            )  # fmt: skip
        if self._retry_after.get(key, 0.0) > now:
            self._waiting[key] = _Waiting(now, f"{names}: could not be applied; trying again soon")
            return None
        if group.missing and self._already_read(group.files):
            group = dataclasses.replace(group, missing=())  # a copy of what was read: nothing to wait for
        if group.missing:
            since = self._missing_since.setdefault(key, self._first_missing(key, now))
            self._waiting[key] = _Waiting(since, f"{names}: waiting for {', '.join(group.missing)}")
            limit = self.sibling_wait_seconds if group.readable_as_is else self.incomplete_grace_seconds
            if now - since < limit:
                return None
            if not group.readable_as_is:
                self._waiting.pop(key, None)
                self._missing_since.pop(key, None)
                self._forget_missing(key)
                reason = f"The export is incomplete: {', '.join(group.missing)} never arrived."
                return self._quarantine_all(folder, reader.name, group.files, [], reason)
        self._waiting.pop(key, None)
        if self._missing_since.pop(key, None) is not None:
            self._forget_missing(key)
        report = self._process(folder, reader, group.files)
        if report is None:
            self._retry_after[key] = now + self.retry_seconds
        else:
            self._retry_after.pop(key, None)
        return report

    def _already_read(self, files: tuple[Path, ...]) -> bool:
        try:
            return all(self.seen_files.seen(_sha256(p)) for p in files)
        except OSError:
            return False

    def _process(self, folder: WatchedFolder, reader: Reader, files: tuple[Path, ...]) -> FileReport | None:
        try:
            hashes = [_sha256(p) for p in files]
        except OSError as err:  # locked by the POS (Windows) or gone: next poll
            log.info("POS export %s cannot be opened yet: %s", files[0].name, err)
            return None
        if all(self.seen_files.seen(h) for h in hashes):
            moved = self._archive(folder, files)
            return FileReport(
                folder.path, files, FileOutcome.DUPLICATE, reader.name, moved_to=moved,
                reason="The same content was already read; nothing was applied again.",
            )  # fmt: skip
        try:
            result = reader.read(list(files), store_id=folder.store_id, tz=folder.tz, currency=folder.currency)
        except ReaderError as err:
            report = self._quarantine_all(folder, reader.name, files, [err.problem], "")
            self._remember(hashes, report)
            return report
        except Exception as err:  # a reader bug must not stop the bridge; the file waits for a fix
            log.exception("POS reader %s failed on %s", reader.name, files[0])
            problem = Problem(files[0].name, None, None, Notice("The reader failed unexpectedly ({0}).", why=repr(err)))
            report = self._quarantine_all(folder, reader.name, files, [problem], "")
            self._remember(hashes, report)
            return report
        return self._apply(folder, reader.name, files, hashes, result)

    def _apply(
        self, folder: WatchedFolder, reader: str, files: tuple[Path, ...], hashes: list[str], result: ReadResult
    ) -> FileReport | None:
        if result.problems and (result.all_or_nothing or not result.receipts):
            report = self._quarantine_all(folder, reader, files, result.problems, "")
            report.skipped = list(result.skipped)
            self._remember(hashes, report)
            return report
        receipts = result.usable_receipts
        summary = None
        if receipts:
            try:
                summary = self.apply(receipts)
            except Exception:  # the database is busy or down: keep the file, try again later
                log.exception("Applying %d receipts from %s failed; will retry", len(receipts), files[0])
                return None
        moved = self._archive(folder, files)
        report = FileReport(
            folder.path, files, FileOutcome.APPLIED, reader, applied=len(receipts),
            skipped=list(result.skipped), moved_to=moved, summary=summary,
        )  # fmt: skip
        if result.problems:
            report.outcome = FileOutcome.PARTIAL
            report.problems = list(result.problems)
            note = (
                f"{len(receipts)} receipt(s) from this export were applied; the rows below were not. "
                "Fix them (or export again from the POS) and put this copy back in the export folder."
            )
            report.reason = _reason(files, reader, folder, result.problems, note)
            report.quarantined = tuple(
                self._to_quarantine(folder, archived, original, report.reason, copy=True)
                for archived, original in zip(moved, files, strict=True)
            )
        self._remember(hashes, report)
        return report

    def _remember(self, hashes: list[str], report: FileReport) -> None:
        where = report.moved_to or report.quarantined or report.files
        detail = json.dumps([_note_json(n) for n in report.notes], ensure_ascii=False) if report.notes else ""
        for digest, path in zip(hashes, where, strict=False):
            self.seen_files.remember(digest, path, report.outcome, detail)

    # ------------------------------------------------------------ moving

    def _unrecognised(self, folder: WatchedFolder, path: Path) -> FileReport:
        known = ", ".join(self.registry.names())
        # A Notice: the reason file prints the English; the till translates its template.
        why = Notice("No POS reader recognises this file (installed: {0}).", known=known)
        problem = Problem(path.name, None, None, why)
        try:
            digest = _sha256(path)
        except OSError:
            digest = ""
        report = self._quarantine_all(folder, "", (path,), [problem], "")
        if digest:
            self._remember([digest], report)
        return report

    def _quarantine_all(
        self, folder: WatchedFolder, reader: str, files: tuple[Path, ...], problems: list[Problem], reason: str
    ) -> FileReport:
        text = _reason(files, reader, folder, problems, reason or "Nothing from this export was applied.")
        moved = tuple(self._to_quarantine(folder, p, p, text, copy=False) for p in files)
        return FileReport(
            folder.path, files, FileOutcome.QUARANTINED, reader, problems=list(problems),
            moved_to=moved, quarantined=moved, reason=text,
        )  # fmt: skip

    def _archive(self, folder: WatchedFolder, files: tuple[Path, ...]) -> tuple[Path, ...]:
        day = datetime.now(ZoneInfo(folder.tz)).strftime("%Y-%m-%d")
        return tuple(_move(p, folder.path / ARCHIVE / day / _relative(p, folder.path), keep=folder.path) for p in files)

    def _to_quarantine(self, folder: WatchedFolder, source: Path, original: Path, reason: str, *, copy: bool) -> Path:
        target = folder.path / QUARANTINE / _relative(original, folder.path)
        placed = _move(source, target, copy=copy, keep=folder.path)
        try:
            placed.with_name(placed.name + ".reason.txt").write_text(reason, encoding="utf-8")
        except OSError as err:
            log.warning("Cannot write the quarantine reason for %s: %s", placed, err)
        return placed


# ---------------------------------------------------------------- helpers


def _walk(root: Path, depth: int = 0) -> Iterable[tuple[Path, os.stat_result, int]]:
    """Files under ``root`` with their stat and file id. ``DirEntry.inode()`` is used for
    the id because on Windows ``DirEntry.stat()`` leaves ``st_ino`` at 0."""
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~$")):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth == 0 and name in (ARCHIVE, QUARANTINE):
                    continue
                if depth < MAX_DEPTH:
                    yield from _walk(Path(entry.path), depth + 1)
            elif entry.is_file(follow_symlinks=False):
                yield Path(entry.path), entry.stat(follow_symlinks=False), entry.inode()
        except OSError:
            continue  # vanished between listing and stat


def _note_json(note: str) -> dict[str, object]:
    """A note as kept with the file: its template and values when it has them (app.core.notes.Note)."""
    to_json = getattr(note, "to_json", None)
    return to_json() if callable(to_json) else {"t": "{0}", "v": [str(note)]}


def _is_temp(name: str) -> bool:
    return name.casefold().endswith(TEMP_SUFFIXES)


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return Path(path.name)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _move(source: Path, target: Path, *, keep: Path, copy: bool = False) -> Path:
    """Move (or copy) to ``target``; never overwrite: a clash gets ``-1``, ``-2`` …"""
    target.parent.mkdir(parents=True, exist_ok=True)
    candidate, n = target, 0
    while candidate.exists() or candidate.with_name(candidate.name + ".reason.txt").exists():
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    if copy:
        shutil.copy2(source, candidate)
    else:
        try:
            os.replace(source, candidate)
        except OSError as err:
            if err.errno != errno.EXDEV:
                raise  # locked by the POS (Windows): the next poll tries again
            shutil.copy2(source, candidate)  # another drive: copy, then remove the original
            source.unlink()
        _prune_empty(source.parent, keep)
    return candidate


def _prune_empty(folder: Path, keep: Path) -> None:
    """Remove the day folder a POS left empty (Toast's ``20240312/``), never the watched one."""
    try:
        if folder != keep and keep in folder.parents and not any(folder.iterdir()):
            folder.rmdir()
    except OSError:
        pass


def _reason(files: tuple[Path, ...], reader: str, folder: WatchedFolder, problems: list[Problem], outcome: str) -> str:
    stamp = datetime.now(ZoneInfo(folder.tz)).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"File: {', '.join(p.name for p in files)}",
        f"Found in: {folder.path}",
        f"Reader: {reader or 'none'}",
        f"Checked: {stamp} ({folder.tz})",
        "",
        outcome,
        "",
        "What was wrong:" if problems else "",
    ]
    for problem in problems[:MAX_LISTED_PROBLEMS]:
        lines.append(f"  - {problem}")
    if len(problems) > MAX_LISTED_PROBLEMS:
        lines.append(f"  … and {len(problems) - MAX_LISTED_PROBLEMS} more.")
    return "\n".join(lines).rstrip() + "\n"
