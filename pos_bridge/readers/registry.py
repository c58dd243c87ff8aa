"""Finding readers: installed plugins through the ``loyalty.pos_readers``
entry-point group, so a POS format can ship as its own package."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from app.core.errors import NotFound
from app.core.money import shown
from pos_bridge.readers.base import Reader

ENTRY_POINT_GROUP = "loyalty.pos_readers"
SNIFF_BYTES = 64 * 1024

log = logging.getLogger(__name__)


class ReaderRegistry:
    """Reader classes by name; picks one by configured name or by sniffing a file."""

    def __init__(self, readers: Mapping[str, type[Reader]] | None = None) -> None:
        self.load_errors: dict[str, str] = {}  # plugin name -> why it could not be loaded
        self._classes: dict[str, type[Reader]] = dict(readers) if readers is not None else self._discover()
        self._instances: dict[str, Reader] = {}

    def _discover(self) -> dict[str, type[Reader]]:
        found: dict[str, type[Reader]] = {}
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                cls = ep.load()
            except Exception as err:  # a broken plugin must not take the bridge down
                self.load_errors[ep.name] = f"{type(err).__name__}: {err}"
                log.warning("POS reader plugin %s cannot be loaded: %s", ep.name, err)
                continue
            if not (isinstance(cls, type) and issubclass(cls, Reader)):
                self.load_errors[ep.name] = f"{ep.value} is not a Reader class"
                continue
            found[ep.name] = cls
        return found

    def classes(self) -> dict[str, type[Reader]]:
        return dict(self._classes)

    def names(self) -> list[str]:
        return sorted(self._classes)

    def get(self, name: str, **options: Any) -> Reader:
        """A reader by its configured name; options go to its constructor."""
        try:
            cls = self._classes[name]
        except KeyError:
            known = ", ".join(self.names()) or "none"
            raise NotFound("No POS reader is called {0} (installed: {1}).", name=shown(name), known=known) from None
        if options:
            return cls(**options)
        if name not in self._instances:
            self._instances[name] = cls()
        return self._instances[name]

    def sniff(self, path: Path, head: bytes | None = None) -> Reader | None:
        """The reader that recognises the file, specific formats before generic ones."""
        if head is None:
            try:
                with path.open("rb") as fh:
                    head = fh.read(SNIFF_BYTES)
            except OSError:
                return None
        ordered = sorted(self._classes, key=lambda n: (self._classes[n].sniff_priority, n))
        for name in ordered:
            reader = self.get(name)
            try:
                if reader.can_read(path, head):
                    return reader
            except Exception as err:  # can_read promises not to raise; a plugin may still
                log.warning("POS reader %s failed while sniffing %s: %s", name, path.name, err)
        return None


@lru_cache(maxsize=1)
def default_registry() -> ReaderRegistry:
    return ReaderRegistry()
