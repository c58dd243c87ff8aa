"""Days of the week as a manager types and reads them: "Mon–Fri", "T2-T6, CN", "Sat, Sun".

A happy hour's days were typed as numbers (0 = Monday … 6 = Sunday): nobody in a shop counts days
from zero. The program stores ``frozenset[int]`` (Python's ``date.weekday()``); here they become
the short names a person writes — English (Mon … Sun) and Vietnamese, where weekdays are numbered
from Monday = "Thứ Hai" (T2) to Saturday = "Thứ Bảy" (T7) and Sunday is "Chủ Nhật" (CN) — and back.
Numbers 0–6 are still read, so a program written before stays readable. Pure: no Qt, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from app.core.errors import InvalidInput

ENGLISH = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
VIETNAMESE = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

# Every spelling read, folded (no accents, lower case, no spaces or dots): the day it means.
_NAMES: dict[str, int] = {}
for _day, _words in enumerate(
    (
        ("mon", "monday", "t2", "thu2", "thuhai"),
        ("tue", "tues", "tuesday", "t3", "thu3", "thuba"),
        ("wed", "wednesday", "t4", "thu4", "thutu"),
        ("thu", "thur", "thurs", "thursday", "t5", "thu5", "thunam"),
        ("fri", "friday", "t6", "thu6", "thusau"),
        ("sat", "saturday", "t7", "thu7", "thubay"),
        ("sun", "sunday", "cn", "chunhat"),
    )
):
    for _word in _words:
        _NAMES[_word] = _day
_DASHES = re.compile(r"\s*[-–—~]\s*|\s+(?:to|đến|den)\s+")


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c) and c not in " .").casefold()


def _one(word: str) -> int:
    folded = _fold(word)
    if folded.isdigit() and len(folded) == 1 and int(folded) <= 6:
        return int(folded)  # the old way: 0 = Monday … 6 = Sunday
    if folded in _NAMES:
        return _NAMES[folded]
    raise InvalidInput("“{0}” is not a day of the week (Mon … Sun, T2 … CN).", value=word.strip())


def parse_days(text: str) -> frozenset[int]:
    """``"Mon-Fri, Sun"`` → {0, 1, 2, 3, 4, 6}; ranges may wrap ("Fri-Mon"); empty text: every day."""
    days: set[int] = set()
    for part in re.split(r"[,;/]", text):
        if not part.strip():
            continue
        ends = [w for w in _DASHES.split(part.strip()) if w.strip()]
        if len(ends) == 1:
            days.add(_one(ends[0]))
        elif len(ends) == 2:
            first, last = _one(ends[0]), _one(ends[1])
            days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
        else:
            raise InvalidInput("“{0}” is not a day or a range of days.", value=part.strip())
    return frozenset(days) if days else frozenset(range(7))


def format_days(days: Iterable[int], names: Sequence[str] = ENGLISH) -> str:
    """{0, 1, 2, 3, 4} → ``"Mon–Fri"``; runs of three or more days are ranges, the rest listed."""
    wanted = sorted(set(days))
    if not wanted or len(wanted) == 7:
        return f"{names[0]}–{names[6]}"
    runs: list[list[int]] = []
    for day in wanted:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(names[d] for d in run)
    return ", ".join(parts)
