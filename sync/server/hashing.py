"""The ledger's canonical bytes and chain hash, computed fast for the server's push.

A push verifies every new entry's hash; with ``app.core.ledger.canonical_bytes`` that was the largest
single CPU cost of a push (a Python loop over the fields, a ``json.dumps`` building a new encoder per
call, ``strftime``). This module produces *the very same bytes* — the same dict, encoded by the same
``json`` settings (sort_keys, compact separators, ``ensure_ascii=False``) — only cheaper:

- the field values come out in one C call (``operator.attrgetter``), already in the sorted order
  ``sort_keys`` would give them, and fill a fixed template (``{"amount":%s,"created_at":%s,…}``): no
  dict, no sort, no encoder call per entry. Each value is written as the encoder writes it: a string
  (``EntryKind`` is a ``StrEnum``, a string too) by ``json.encoder.encode_basestring`` — the very
  function the encoder uses with ``ensure_ascii=False`` — an ``int`` by ``int.__repr__``, ``None`` as
  ``null``; any other type (never seen from a validated record) by the encoder itself
  (https://docs.python.org/3/library/json.html#json.JSONEncoder, the conversion table);
- one ``JSONEncoder`` is built once and reused for that fallback (``json.dumps`` with non-default
  options builds a new one per call: https://docs.python.org/3/library/json.html#json.dumps);
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
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from app.core.errors import ChainBroken
from app.core.ledger import HASHED_FIELDS, LedgerEntry, iso_utc

_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_SORTED = sorted(HASHED_FIELDS)  # sort_keys' order (all keys are plain ASCII names)
_values = operator.attrgetter(*_SORTED)
_CREATED_AT = _SORTED.index("created_at")
_TEMPLATE = "{" + ",".join(f"{_encode(name)}:%s" for name in _SORTED) + "}"


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
    out = []
    for value in _values(entry):
        if type(value) is int:
            out.append(int.__repr__(value))
        elif isinstance(value, str):
            out.append(encode_basestring(value))
        elif value is None:
            out.append("null")
        else:  # created_at (replaced below), or a type no validated record holds
            out.append(None if isinstance(value, datetime) else _encode(value))
    out[_CREATED_AT] = encode_basestring(_utc_text(entry.created_at))
    return (_TEMPLATE % tuple(out)).encode()


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
