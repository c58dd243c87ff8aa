"""The ledger's canonical bytes and chain hash, computed fast for the server's push.

A push verifies every new entry's hash; with ``app.core.ledger.canonical_bytes`` that was the largest
single CPU cost of a push (a Python loop over the fields, a ``json.dumps`` building a new encoder per
call, ``strftime``). This module produces *the very same bytes* — the same dict, encoded by the same
``json`` settings (sort_keys, compact separators, ``ensure_ascii=False``) — only cheaper:

- the field values come out in one C call (``operator.attrgetter``) and ``dict(zip(…))``;
- one ``JSONEncoder`` is built once and reused (``json.dumps`` with non-default options builds a new
  one per call: https://docs.python.org/3/library/json.html#json.dumps);
- ``EntryKind`` is a ``StrEnum``, which the C encoder writes as its string value, so it needs no
  conversion;
- the time is formatted with ``%`` on its UTC fields, exactly as ``iso_utc``'s
  ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")`` does for years 1000–9999 (the protocol allows 1900–9000);
  any other year goes through ``iso_utc`` itself.

``tests/sync/test_hashing.py`` checks byte-for-byte equality with ``app.core.ledger`` on generated
entries (every kind, empty and non-ASCII text, None in every optional field, non-UTC offsets).
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Iterable
from datetime import UTC, datetime

from app.core.errors import ChainBroken
from app.core.ledger import HASHED_FIELDS, LedgerEntry, iso_utc

_values = operator.attrgetter(*HASHED_FIELDS)
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        return iso_utc(moment)  # refuses it, as app.core does
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    if not 1000 <= moment.year <= 9999:
        return iso_utc(moment)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (  # noqa: UP031 - the fastest exact formatting
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
    )


def canonical_bytes(entry: LedgerEntry) -> bytes:
    """Byte-for-byte ``app.core.ledger.canonical_bytes(entry)``."""
    data = dict(zip(HASHED_FIELDS, _values(entry), strict=True))
    data["created_at"] = _utc_text(entry.created_at)
    return _encode(data).encode()


def chain_hash(prev_hash: str, entry: LedgerEntry) -> str:
    """Byte-for-byte ``app.core.ledger.chain_hash``."""
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_bytes(entry)).hexdigest()


def verify_chain(entries: Iterable[LedgerEntry], *, start_seq: int, start_hash: str) -> int:
    """``app.core.ledger.verify_chain`` with the fast hash: same checks, same errors."""
    expected_seq, prev, last = start_seq, start_hash, start_seq - 1
    for e in entries:
        if e.terminal_seq != expected_seq:
            raise ChainBroken(
                f"Terminal {e.terminal_id}: expected entry #{expected_seq}, found #{e.terminal_seq}.",
                terminal_id=e.terminal_id,
                seq=e.terminal_seq,
            )
        if e.prev_hash != prev or chain_hash(prev, e) != e.hash:
            raise ChainBroken(
                f"Terminal {e.terminal_id}: entry #{e.terminal_seq} does not link to the one before "
                "(it was altered or one is missing).",
                terminal_id=e.terminal_id,
                seq=e.terminal_seq,
            )
        prev, last = e.hash, e.terminal_seq
        expected_seq += 1
    return last
