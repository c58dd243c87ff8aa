"""Rotating a watched folder's ``archive`` and ``quarantine`` by age.

The watcher never deletes (``pos_bridge.watcher``): processed exports go to
``archive/YYYY-MM-DD/`` (the day they were processed), unreadable ones to
``quarantine/`` with ``<name>.reason.txt`` written beside them when they were put there.
Left alone, a busy till's export folder grows by thousands of files a month.

* An archive day folder older than ``archive_days`` goes whole. Its receipts are in the
  ledger (a file is archived only after they were applied) and its content hash stays in
  the database, so the same export dropped in again is still never counted twice.
* A quarantined file goes with its reason when the reason is older than
  ``quarantine_days``: those receipts were never awarded, so they are kept longer, for a
  manager to fix and drop in again.

Only what the watcher itself makes is touched: day folders whose name is a date, files
under ``quarantine``. Nothing else (a folder a person put there, a symlink) is deleted.
``0`` days keeps everything.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pos_bridge.watcher import ARCHIVE, QUARANTINE

log = logging.getLogger(__name__)
REASON_SUFFIX = ".reason.txt"


@dataclass
class Rotated:
    """What one rotation deleted."""

    archive_days: int = 0  # day folders
    archive_files: int = 0
    quarantined: int = 0  # quarantined files (their reasons go with them)

    def __iadd__(self, other: Rotated) -> Rotated:
        self.archive_days += other.archive_days
        self.archive_files += other.archive_files
        self.quarantined += other.quarantined
        return self


def rotate_folder(folder: Path, *, archive_days: int, quarantine_days: int, now: datetime) -> Rotated:
    """Delete what is older than the limits under ``folder``'s archive and quarantine; never raises for a file."""
    done = Rotated()
    if archive_days > 0:
        _rotate_archive(folder / ARCHIVE, (now - timedelta(days=archive_days)).date(), done)
    if quarantine_days > 0:
        _rotate_quarantine(folder / QUARANTINE, (now - timedelta(days=quarantine_days)).timestamp(), done)
    return done


def _day(name: str) -> date | None:
    try:
        return date.fromisoformat(name) if len(name) == 10 else None
    except ValueError:
        return None


def _rotate_archive(archive: Path, before: date, done: Rotated) -> None:
    try:
        days = list(os.scandir(archive))
    except OSError:  # no archive yet
        return
    for entry in days:
        day = _day(entry.name)
        if day is None or day >= before or not entry.is_dir(follow_symlinks=False):
            continue
        removed = _remove_tree(Path(entry.path))
        done.archive_files += removed
        if not Path(entry.path).exists():
            done.archive_days += 1


def _remove_tree(root: Path) -> int:
    """Delete the files under ``root``, then its empty folders; symlinks are removed, never followed."""
    removed = 0
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            try:
                os.unlink(os.path.join(dirpath, name))
                removed += 1
            except OSError as err:
                log.warning("Cannot delete %s: %s", os.path.join(dirpath, name), err)
        for name in dirnames:
            path = os.path.join(dirpath, name)
            try:
                if os.path.islink(path):
                    os.unlink(path)
                else:
                    os.rmdir(path)
            except OSError:
                pass  # not empty (a file could not go): kept
    try:
        root.rmdir()
    except OSError:
        pass
    return removed


def _rotate_quarantine(quarantine: Path, before: float, done: Rotated) -> None:
    if not quarantine.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(quarantine, topdown=False):
        names = set(filenames)
        for name in filenames:
            if name.endswith(REASON_SUFFIX) and name[: -len(REASON_SUFFIX)] in names:
                continue  # goes with its file
            path = Path(dirpath) / name
            reason = path.with_name(name + REASON_SUFFIX)
            try:
                # When it was quarantined: the reason's time (a moved file keeps the POS's own time).
                stamp = (reason if reason.exists() else path).stat().st_mtime
                if stamp >= before:
                    continue
                path.unlink()
                reason.unlink(missing_ok=True)
                done.quarantined += 1
            except OSError as err:
                log.warning("Cannot delete %s: %s", path, err)
        for name in dirnames:
            try:
                os.rmdir(os.path.join(dirpath, name))  # only when empty
            except OSError:
                pass
