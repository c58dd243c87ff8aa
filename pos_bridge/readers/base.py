"""What every POS reader promises, and the small types readers hand back.

A reader turns one export (one file, or a few sibling files that only make sense
together) into normalised :class:`~app.core.receipt.Receipt` objects. It never
touches the database: matching customers, the ledger and dedupe live in
``app.services.receipts``.

Conventions every reader keeps, so the ledger side can treat all POS alike:

* Amounts are int minor units of the store's currency. A REFUND carries
  negative money (``total``, ``subtotal``, ``discount``, ``tax``, ``tip``) and
  negative line quantities, whatever sign the POS wrote: money flows back.
* A VOID cancels a whole sale. Its ``external_id`` is ``"<sale id>#void"`` (so
  the dedupe key never collides with the sale's) and ``refund_of`` is the sale
  id; its amounts are the cancelled sale's figures as the POS wrote them.
* ``closed_at`` is aware UTC; naive local times are read in the store's zone.
* ``raw_ref`` is ``"file.csv:12"``: where a manager finds the row.

Readers report bad rows as :class:`Problem` and keep going when they can tell
good receipts from bad (``all_or_nothing=False``); when they cannot (a row
whose receipt id is unreadable in a file where one receipt spans several rows)
they say ``all_or_nothing=True`` and the watcher quarantines the whole file.
Damage that makes the whole file unreadable raises :class:`ReaderError`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInput, Notice
from app.core.receipt import Receipt


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an export, said so a manager can find and fix it."""

    file: str
    line: int | None  # 1-based line in a text file, row number in a spreadsheet
    column: str | None  # the column's header as the POS wrote it
    message: str  # a readable sentence; a Notice (template + details) from the readers, for the UI

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f'column "{self.column}"')
        return f"{', '.join(where)}: {self.message}"


class ReaderError(InvalidInput):
    """The export cannot be read at all (wrong format, damaged, wrong encoding).

    Subclasses the core's InvalidInput so the UI can show it like any other
    user-causable error; ``str(err)`` says which file, which line, what was wrong.
    """

    code = "pos_file_unreadable"

    def __init__(
        self, template: str, *, file: str = "", line: int | None = None, column: str | None = None, **details: Any
    ) -> None:
        # The problem keeps the template and details (a Notice), so the till's UI says it in its
        # language; str() of it, and so the quarantine's reason file, stays the English sentence.
        message = notice_of(template, details)
        self.problem = Problem(file=file, line=line, column=column, message=message)
        super().__init__(template, **details)
        self.message = str(self.problem) if file else str(message)
        self.args = (self.message,)


def notice_of(template: str, details: dict[str, Any]) -> Notice:
    """A reader's sentence as a Notice; one that already is one (re-raised with a place) stays as it was."""
    if isinstance(template, Notice) and not details:
        return template
    return Notice(template, **details)


@dataclass
class ReadResult:
    receipts: list[Receipt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # True when a problem could belong to any receipt in the file: nothing from it may be applied.
    all_or_nothing: bool = False
    # Rows deliberately left out that are not errors (an invoice still "in progress", an
    # unpaid open check): the POS will export them again once they are final.
    skipped: list[str] = field(default_factory=list)

    @property
    def usable_receipts(self) -> list[Receipt]:
        """The receipts that may be applied now, honouring ``all_or_nothing``."""
        return [] if self.problems and self.all_or_nothing else list(self.receipts)


@dataclass(frozen=True)
class FileGroup:
    """Sibling files of one export, and which expected siblings are not there yet.

    ``missing`` names the files still expected (e.g. ``"CheckDetails.csv"``).
    ``readable_as_is`` says whether the group may be read without them after a
    short wait (Square transactions without item details) or must wait for them
    (Toast order lines without the orders file).
    """

    files: tuple[Path, ...]
    missing: tuple[str, ...] = ()
    readable_as_is: bool = True
    key: str = ""  # stable identity of the export (folder + date stamp), for waiting bookkeeping
    # Files the POS drops beside its receipts that hold no receipts (Toast's KitchenTimings.csv):
    # archived quietly, never read, never quarantined.
    not_receipts: bool = False

    @property
    def complete(self) -> bool:
        return not self.missing


class Reader(abc.ABC):
    """A POS export format. Subclasses are discovered through the
    ``loyalty.pos_readers`` entry-point group and built without arguments
    (options such as ``day_first`` are keyword arguments with defaults)."""

    name: str = ""
    # Sniffing order: specific formats first, the generic format last, so a
    # file that happens to carry a "total" column is not taken for generic CSV.
    sniff_priority: int = 50

    @abc.abstractmethod
    def can_read(self, path: Path, head: bytes) -> bool:
        """Whether ``path`` looks like this format, from its name and first bytes.

        Cheap and never raising: the registry asks every reader about every new file.
        """

    @abc.abstractmethod
    def read(self, paths: Sequence[Path] | Path, *, store_id: str, tz: str, currency: str) -> ReadResult:
        """Read one export (the files of one :class:`FileGroup`).

        Raises :class:`ReaderError` and nothing else when the export cannot be read.
        """

    def group_files(self, paths: Iterable[Path]) -> list[FileGroup]:
        """Group files into exports. Single-file formats: one group per file."""
        return [FileGroup(files=(p,), key=str(p)) for p in sorted(paths)]


def as_path_list(paths: Sequence[Path] | Path) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]
