"""Names as staff type them: folded for search, so "nguyen" finds "Nguyễn"."""

from __future__ import annotations

import unicodedata


def fold_name(name: str) -> str:
    """Lowercase without diacritics, so "nguyen" finds "Nguyễn" (đ is not a combining mark)."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def name_words(name: str) -> set[str]:
    """The folded words of a name, each indexed for the back office's search ("anh" finds "Ánh")."""
    return {w[:100] for w in fold_name(name).split()}
