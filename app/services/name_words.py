"""The words of members' names, folded, for the back office's name search.

"anh" must find "Nguyễn Thị Ánh": the given name comes last in Vietnamese, so a
prefix of the whole name is not enough, and scanning a million names per
keystroke is too slow. Every writer of a member's name calls ``index_names`` in
its own transaction (enrolment, a profile edit, sync ingest); ``rebuild``
recomputes the whole index (a test checks it equals what the writers kept).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.core.names import fold_name
from app.core.names import name_words as words_of
from app.db.models import Customer, CustomerWord

_CHUNK = 900


def index_names(s: Session, names: Mapping[str, str], *, fresh: bool = False) -> None:
    """(Re)index the names of these members: customer id -> name (``fresh``: new members, nothing to drop)."""
    if not names:
        return
    ids = list(names)
    for i in range(0, 0 if fresh else len(ids), _CHUNK):
        s.execute(delete(CustomerWord).where(CustomerWord.customer_id.in_(ids[i : i + _CHUNK])))
    _insert(s, names)


def rebuild(s: Session) -> int:
    """Recompute the whole index from the names; returns how many words were written."""
    s.execute(delete(CustomerWord))
    written = 0
    batch: dict[str, str] = {}
    for cid, name in s.execute(select(Customer.id, Customer.name)).yield_per(10_000):
        batch[cid] = name
        if len(batch) >= 10_000:
            written += _insert(s, batch)
            batch = {}
    return written + _insert(s, batch)


def _insert(s: Session, names: Mapping[str, str]) -> int:
    rows = [
        {"word": w, "customer_id": cid, "name_key": fold_name(name)}
        for cid, name in names.items()
        for w in words_of(name)
    ]
    if rows:
        s.execute(insert(CustomerWord), rows)
    return len(rows)


def indexed(s: Session) -> set[tuple[str, str, str]]:
    rows = s.execute(select(CustomerWord.word, CustomerWord.customer_id, CustomerWord.name_key))
    return {(w, c, k) for w, c, k in rows}
