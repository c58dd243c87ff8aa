"""The bootstrap snapshot's file format, shared by the server that writes it and the till that installs it.

A snapshot is a plain SQLite file (one consistent read of the server's database):

- ``meta(key, value)``: ``format`` (this module's ``FORMAT``), ``change`` (the change number it is
  consistent at: the till pulls only what came after), ``server_schema`` (the server's Alembic revision),
  ``till_schema`` (the till's migration head whose tables the file carries).
- ``customer``, ``ledger_entry``, ``balance``, ``customer_word`` (``TILL_TABLES``): the till's own tables,
  made by the till's own DDL at its migration head (columns, constraints, secondary indexes; no
  triggers), filled and indexed by the server. A till whose tables have the very same DDL copies each
  with ``INSERT INTO main.t SELECT * FROM snap.t`` (SQLite's transfer optimisation: records and index
  entries copied in order, nothing decoded, no index rebuilt); any other till copies the named columns
  (``BULK``) and rebuilds its indexes. ``customer`` holds the chain's members with the duplicates
  already settled (``clash``) and a placeholder for a member an entry or a balance names but the file
  does not hold (as the page pull makes one); ``customer_word`` their name-search words.
- ``clash(customer_id, field, value, keeper)``: members enrolled twice offline (the server keeps both,
  the till allows one holder of a phone, card number, referral code): the earliest id keeps the value,
  this member's is replaced (phone: none; card number, referral code: ``placeholder("D", id)``); the
  till raises a ``duplicate_member`` flag for each row.
- ``catalog(body)``: one row, the small kinds (stores, terminals, program, rewards, staff, flags, merges,
  feedback, tickets, vouchers, the store's audit lines) as one pull page in the protocol's JSON.

On the wire the bulk part does not depend on the caller, so the server prepares it once per
change number and every new till downloads the same bytes; the catalog does (the till's store's staff
and audit lines), so it travels *after* the file in the same answer: the body is the SQLite file (its
``catalog`` table empty) followed by the catalog's JSON, ``CATALOG_LENGTH_HEADER`` bytes long. The till
checks both parts against their own sha256 headers, cuts the JSON off the file and puts it in ``catalog``.

Format 3 (this one): the till's tables and indexes built by the server. Format 2 carried bare tables
that every till indexed, de-duplicated and split into name words itself (70 s of CPU at a million).
A till refuses a file of another format with a sentence and pulls page by page.

No heavy imports: the till imports this without the server's dependencies.
"""

from __future__ import annotations

from sync.protocol import PULL_KINDS, CustomerRecord, EntryRecord

FORMAT = 3

# The till's tables a snapshot carries, in the order the server fills them (members before what names them).
TILL_TABLES: tuple[str, ...] = ("customer", "ledger_entry", "balance", "customer_word")
PLACEHOLDER_NAME = "(member not synced yet)"
EPOCH = "1970-01-01 00:00:00.000000"  # a placeholder's times, as the till's SQLite stores them

CUSTOMER_COLUMNS: tuple[str, ...] = tuple(CustomerRecord.model_fields)
ENTRY_COLUMNS: tuple[str, ...] = tuple(EntryRecord.model_fields)
BALANCE_COLUMNS: tuple[str, ...] = (
    "customer_id",
    "points",
    "stamps",
    "lifetime_points",
    "lifetime_spend",
    "visits",
    "last_visit_at",
    "tier",
    "tier_since",
    "redeemed_points",
    "entry_count",
)
CUSTOMER_FILE_COLUMNS: tuple[str, ...] = (*CUSTOMER_COLUMNS, "name_key")
BULK: dict[str, tuple[str, ...]] = {
    "customer": CUSTOMER_FILE_COLUMNS,
    "ledger_entry": ENTRY_COLUMNS,
    "balance": BALANCE_COLUMNS,
    "customer_word": ("word", "customer_id", "name_key"),
    "clash": ("customer_id", "field", "value", "keeper"),
}
# Everything a till pulls except the bulk (which the snapshot carries as tables) and balances (tills fold).
CATALOG_KINDS: tuple[str, ...] = tuple(k for k in PULL_KINDS if k not in ("customers", "entries", "balances"))

# HTTP headers of the download: the till checks the file against them before it opens it.
SHA256_HEADER = "X-Snapshot-Sha256"  # of the SQLite file (the body without the catalog after it)
CATALOG_LENGTH_HEADER = "X-Snapshot-Catalog-Length"
CATALOG_SHA256_HEADER = "X-Snapshot-Catalog-Sha256"
CHANGE_HEADER = "X-Snapshot-Change"
SCHEMA_HEADER = "X-Snapshot-Schema"
FORMAT_HEADER = "X-Snapshot-Format"


def placeholder(prefix: str, some_id: str) -> str:
    """A value that can never clash with a real card number or referral code, unique per member."""
    return (prefix + some_id.replace("-", "")[-16:])[:20]
