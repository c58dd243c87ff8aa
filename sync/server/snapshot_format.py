"""The bootstrap snapshot's file format, shared by the server that writes it and the till that installs it.

A snapshot is a plain SQLite file (one consistent read of the server's database):

- ``meta(key, value)``: ``format`` (this module's ``FORMAT``), ``change`` (the change number it is
  consistent at: the till pulls only what came after), ``server_schema`` (the server's Alembic revision).
- ``customer``, ``ledger_entry``, ``balance``: the bulk, one row per record, columns named as the till's
  own tables and values stored as the till's SQLite stores them (so the till copies them with one
  ``INSERT … SELECT``). ``customer`` also carries ``name_key`` (``app.core.names.fold_name`` of the
  name, made once by the server for every till that takes the same file, rather than by each till).
- ``catalog(body)``: one row, the small kinds (stores, terminals, program, rewards, staff, flags, merges,
  feedback, tickets, vouchers, the store's audit lines) as one pull page in the protocol's JSON.

On the wire (format 2) the bulk part does not depend on the caller, so the server prepares it once per
change number and every new till downloads the same bytes; the catalog does (the till's store's staff
and audit lines), so it travels *after* the file in the same answer: the body is the SQLite file (its
``catalog`` table empty) followed by the catalog's JSON, ``CATALOG_LENGTH_HEADER`` bytes long. The till
checks both parts against their own sha256 headers, cuts the JSON off the file and puts it in ``catalog``.

No heavy imports: the till imports this without the server's dependencies.
"""

from __future__ import annotations

from sync.protocol import PULL_KINDS, CustomerRecord, EntryRecord

FORMAT = 2

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
