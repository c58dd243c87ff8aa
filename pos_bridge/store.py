"""The bridge's memory in the till database: which export files it has already read.

Files are known by the SHA-256 of their content, so a re-export of the same
bytes, a copy in another folder or a restart of the bridge never reads a file
twice. (A re-export with *different* bytes is read, and its receipts are then
deduplicated one by one in ``pos_bridge.apply``.)
"""

from __future__ import annotations

from pathlib import Path

from app.db.models import ImportedFile
from app.services.till import Till


class DbSeenFiles:
    """``SeenFiles`` for the watcher, backed by the ``imported_file`` table."""

    def __init__(self, till: Till) -> None:
        self.till = till

    def seen(self, sha256: str) -> bool:
        with self.till.transaction() as s:
            return s.get(ImportedFile, sha256) is not None

    def remember(self, sha256: str, path: Path | str, outcome: str, detail: str = "") -> None:
        with self.till.transaction() as s:
            if s.get(ImportedFile, sha256) is None:
                s.add(
                    ImportedFile(
                        sha256=sha256, path=str(path), outcome=outcome, detail=detail, seen_at=self.till.clock()
                    )
                )
