"""The bridge's memory in the till database: which export files it has already read.

Files are known by the SHA-256 of their content, so a re-export of the same
bytes, a copy in another folder or a restart of the bridge never reads a file
twice. (A re-export with *different* bytes is read, and its receipts are then
deduplicated one by one in ``pos_bridge.apply``.) A quarantined file put back
into the folder is the manager's retry, so it is read again.
"""

from __future__ import annotations

from pathlib import Path

from app.db.models import ImportedFile
from app.services.till import Till

QUARANTINED = "quarantined"


class DbSeenFiles:
    """``SeenFiles`` for the watcher, backed by the ``imported_file`` table."""

    def __init__(self, till: Till) -> None:
        self.till = till

    def seen(self, sha256: str) -> bool:
        with self.till.transaction() as s:
            row = s.get(ImportedFile, sha256)
            return row is not None and row.outcome != QUARANTINED

    def remember(self, sha256: str, path: Path | str, outcome: str, detail: str = "") -> None:
        with self.till.transaction() as s:
            row = s.get(ImportedFile, sha256)
            if row is None:
                s.add(
                    ImportedFile(
                        sha256=sha256, path=str(path), outcome=str(outcome), detail=detail, seen_at=self.till.clock()
                    )
                )
            elif row.outcome == QUARANTINED:  # a retry of a quarantined file: record how it went this time
                row.path, row.outcome, row.detail, row.seen_at = str(path), str(outcome), detail, self.till.clock()
