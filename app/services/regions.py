"""Which country a time zone is in, so a new shop's phone country can default from its zone.

The IANA time zone database ships the answer as data. ``zone.tab`` names, per zone,
the country it stands for: "The first data column contains exactly one country
code" (its header). ``zone1970.tab`` lists, per zone, "The countries that overlap the
timezone, as a comma-separated list of ISO 3166 2-character country codes", the
zone's principal country first (``TH,CX,KH,LA,VN  Asia/Bangkok``). We read
``zone.tab`` first because it names exactly one country per zone, then
``zone1970.tab`` for zones it lacks (https://data.iana.org/time-zones/tz-link.html,
"Data format"; https://en.wikipedia.org/wiki/List_of_tz_database_time_zones). Both
come with the zone data a till already has: the system's ``/usr/share/zoneinfo`` or,
on Windows tills, the ``tzdata`` package (``tzdata/zoneinfo/zone.tab``).

A zone no table names (``UTC``, ``Etc/GMT+7``) falls back to
Vietnam, where the product started; the owner sees the guess and can change it.
"""

from __future__ import annotations

import zoneinfo
from functools import lru_cache
from importlib import resources
from pathlib import Path

from app.core.phone import DEFAULT_REGION, is_region

# Old names the tables no longer list, which a till set up years ago may still hold.
_ALIASES = {"Asia/Saigon": "VN", "US/Eastern": "US", "US/Central": "US", "US/Mountain": "US", "US/Pacific": "US"}


def country_for_zone(zone: str) -> str:
    """``"America/New_York"`` -> ``"US"``; ``"Asia/Ho_Chi_Minh"`` -> ``"VN"``; unknown -> ``"VN"``."""
    zone = (zone or "").strip()
    code = _zone_countries().get(zone) or _ALIASES.get(zone, "")
    return code if is_region(code) else DEFAULT_REGION


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in ("zone1970.tab", "zone.tab"):  # zone.tab last: its one country per zone wins
        text = _read_table(name)
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) >= 3:
                table[fields[2]] = fields[0].split(",")[0]
    return table


def _read_table(name: str) -> str:
    for base in zoneinfo.TZPATH:
        path = Path(base) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return ""
