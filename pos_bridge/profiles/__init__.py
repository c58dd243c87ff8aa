"""Column-mapping profiles: the ones shipped with the bridge, and the ones a manager saved.

A manager's profiles live as JSON in the till's home (``pos-profiles/<name>.json``), so they
travel with the till's data and a back-room PC running ``loyalty-pos-bridge`` reads the same
ones. Shipped profiles (this folder) are for POS whose exports we could establish only in part;
each says how sure we are in its ``about``. A till's own profile of the same name wins.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pos_bridge.readers.base import Reader
from pos_bridge.readers.mapped import Profile, ProfileReader
from pos_bridge.readers.registry import ReaderRegistry, default_registry

PROFILES_DIR = "pos-profiles"
SHIPPED = Path(__file__).resolve().parent

log = logging.getLogger(__name__)


def profiles_dir(home: Path) -> Path:
    return Path(home) / PROFILES_DIR


def load_profiles(home: Path | None) -> dict[str, Profile]:
    """Shipped profiles, then the till's own (which replace a shipped one of the same name)."""
    found: dict[str, Profile] = {}
    folders = [SHIPPED] + ([profiles_dir(home)] if home is not None else [])
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            try:
                profile = Profile.from_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, TypeError) as err:  # a broken profile must not stop the bridge
                log.warning("Column profile %s cannot be used: %s", path, err)
                continue
            found[profile.name] = profile
    return found


def save_profile(home: Path, profile: Profile) -> Path:
    """Write ``pos-profiles/<name>.json`` atomically (a half-written profile would read wrongly)."""
    folder = profiles_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{profile.name}.json"
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(profile.to_json(), encoding="utf-8")
    os.replace(tmp, target)
    return target


def registry_with_profiles(home: Path | None) -> ReaderRegistry:
    """The installed readers plus one reader per column profile."""
    classes: dict[str, type[Reader]] = dict(default_registry().classes())
    for profile in load_profiles(home).values():
        cls = ProfileReader.for_profile(profile)
        classes[cls.name] = cls
    return ReaderRegistry(classes)
