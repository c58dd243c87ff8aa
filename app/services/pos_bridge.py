"""The POS bridge of one till: its export folders, the watcher, and the ledger side wired together.

Folders are a till setting (``pos.folders``, JSON), so each till watches its own
POS. The bridge runs in a background thread of the app (or headless from
``loyalty-pos-bridge``) and reports each file it handled to a listener, which
the cashier window turns into a status-bar line through a Qt signal.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.receipts import ApplySummary, DbSeenFiles, apply_receipts
from app.services.settings import get_setting, set_setting
from app.services.till import Till
from pos_bridge.profiles import profiles_dir, registry_with_profiles
from pos_bridge.readers.base import Reader
from pos_bridge.readers.registry import ReaderRegistry
from pos_bridge.watcher import FileReport, WatchedFolder, Watcher

SETTING = "pos.folders"


@dataclass(frozen=True)
class FolderConfig:
    """One export folder. A source has its own time zone and currency (a US Toast export read on a
    Vietnamese till is in US time and dollars); None means the till's. Square's per-row Time Zone
    column still wins over ``tz``."""

    path: str
    reader: str | None = None  # None: recognise each file
    tz: str | None = None
    currency: str | None = None


def home_of(till: Till) -> Path | None:
    """The till's home folder (where its database lives), or None for an in-memory till."""
    database = till.engine.url.database
    return Path(database).parent if database and database != ":memory:" else None


def state_file(till: Till) -> Path | None:
    """Where the bridge keeps what must outlive one run (how long an export has waited)."""
    home = home_of(till)
    return home / "pos-bridge-state.json" if home is not None else None


def configured_folders(till: Till) -> list[FolderConfig]:
    raw = get_setting(till, SETTING, "[]")
    return [FolderConfig(**item) for item in json.loads(raw)]


def configure_folders(till: Till, folders: list[FolderConfig]) -> None:
    set_setting(till, SETTING, json.dumps([f.__dict__ for f in folders]))


class LazyReaderRegistry(ReaderRegistry):
    """The readers, found at first use rather than when the bridge is made.

    Finding them imports every reader plugin (entry points, ~20 ms) and the bridge is made before
    the login window: the bridge's thread pays it at its first poll instead. A folder that names
    its reader still has it checked at once (the watcher asks for it when it is made).
    """

    def __init__(self, load: Callable[[], ReaderRegistry]) -> None:
        super().__init__({})
        self._load = load
        self._loaded: ReaderRegistry | None = None
        self._lock = threading.Lock()

    def _registry(self) -> ReaderRegistry:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
                self.load_errors = self._loaded.load_errors
            return self._loaded

    def classes(self) -> dict[str, type[Reader]]:
        return self._registry().classes()

    def names(self) -> list[str]:
        return self._registry().names()

    def get(self, name: str, **options: Any) -> Reader:
        return self._registry().get(name, **options)

    def sniff(self, path: Path, head: bytes | None = None) -> Reader | None:
        return self._registry().sniff(path, head)


class PosBridge:
    def __init__(
        self,
        till: Till,
        folders: list[FolderConfig] | None = None,
        *,
        settle_seconds: float = 2.0,
        sibling_wait_seconds: float = 60.0,
    ) -> None:
        self.till = till
        program = till.program()
        folders = configured_folders(till) if folders is None else folders
        for f in folders:
            Path(f.path).mkdir(parents=True, exist_ok=True)
        watched = [
            WatchedFolder(
                Path(f.path), till.store_id, f.tz or program.timezone, f.currency or program.currency, f.reader
            )
            for f in folders
        ]
        self.watcher = Watcher(
            watched,
            seen=DbSeenFiles(till),
            apply=self._apply,
            settle_seconds=settle_seconds,
            sibling_wait_seconds=sibling_wait_seconds,
            state_file=state_file(till),
            registry=LazyReaderRegistry(lambda: registry_with_profiles(home_of(till))),
        )
        self._listeners: list[Callable[[FileReport], None]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._profiles_seen = self._profiles_signature()

    def reload_profiles(self) -> None:
        """A manager saved a column profile: the next poll reads with it."""
        self._profiles_seen = self._profiles_signature()
        self.watcher.set_registry(registry_with_profiles(home_of(self.till)))

    def _profiles_signature(self) -> tuple[tuple[str, int], ...]:
        home = home_of(self.till)
        if home is None:
            return ()
        try:
            return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in profiles_dir(home).glob("*.json")))
        except OSError:
            return ()

    def _profiles_changed(self) -> None:
        """A profile saved elsewhere (the back office on the manager's PC, ``loyalty-pos-bridge map``)
        is read from the next poll, without restarting the till: a listing of a small folder per poll."""
        if self._profiles_signature() != self._profiles_seen:
            self.reload_profiles()

    def _apply(self, receipts: list) -> ApplySummary:  # type: ignore[type-arg]
        return apply_receipts(self.till, receipts)

    @property
    def folders(self) -> list[Path]:
        return [f.path for f in self.watcher.folders]

    def add_listener(self, listener: Callable[[FileReport], None]) -> None:
        self._listeners.append(listener)

    def poll(self) -> list[FileReport]:
        self._profiles_changed()
        reports = self.watcher.poll()
        for report in reports:
            for listener in self._listeners:
                listener(report)
        return reports

    def start(self, interval: float = 1.0) -> None:
        """Watch in a background thread (never on the Qt GUI thread)."""
        if self._thread is None and self.watcher.folders:
            self._thread = threading.Thread(target=self._run, args=(interval,), name="pos-bridge", daemon=True)
            self._thread.start()

    def _run(self, interval: float) -> None:
        def report(r: FileReport) -> None:
            for listener in self._listeners:
                listener(r)

        self.watcher.run(self._stop, interval=interval, on_report=report, before_poll=self._profiles_changed)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None


def describe(report: FileReport) -> str:
    """One line a manager understands (its notes are listed apart, one a line)."""
    name = ", ".join(p.name for p in report.files)
    text = f"{name}: {report.outcome.value}"
    if report.summary is not None:
        text += f" — {report.summary}"
    if report.reason and report.outcome.value != "applied":
        first = report.reason.strip().splitlines()[0] if report.reason.strip() else ""
        text += f" — {first}"
    return text
