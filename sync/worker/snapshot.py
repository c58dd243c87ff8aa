"""Bootstrap a new till from the server's snapshot: download, verify, install in one transaction.

A till that pulls a chain of a million members page by page spends minutes turning JSON into rows.
The server's snapshot (``sync.server.snapshot``) is a ready SQLite file; the till checks it whole
(size, sha256, format, the change number it is consistent at, the tables' columns), then copies it
into its own database with ``ATTACH`` + ``INSERT … SELECT`` in one transaction together with the pull
cursor, and rebuilds what it derives locally (name-search words, the back office's summary tables).
Afterwards the ordinary pull brings only the changes after the snapshot's change number.

Only an empty till takes a snapshot (no members, no entries, never pulled): a till's own rows that
the server may not have yet are never at risk; any other till catches up page by page as before.
Network I/O: callers on a GUI must run this off the GUI thread.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.db.models import Customer, LedgerEntryRow
from app.services import stats
from app.services.customers import fold_name
from app.services.till import Till
from sync.protocol import API, PullResponse
from sync.server import snapshot_format as fmt
from sync.worker import backoffice as backoffice_sync
from sync.worker import ingest
from sync.worker import merges as merge_sync
from sync.worker.client import SyncClient, SyncError, Unauthorized

log = logging.getLogger("loyalty.sync")

DOWNLOAD_NAME = "snapshot.download"
_DEFAULT_CACHE_KIB = 2000  # SQLite's default page cache, restored after the copy
_INSTALL_CACHE_KIB = 256 * 1024  # a ceiling for the copy and the index builds' sorts; given back after
_EPOCH = "1970-01-01 00:00:00.000000"


class SnapshotRefused(SyncError):
    """The snapshot cannot be installed (damaged, another format, or a till that is not empty)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="snapshot_refused", retryable=False)


@dataclass(frozen=True)
class Installed:
    change: int
    customers: int
    entries: int
    balances: int


def blocker(till: Till) -> str:
    """Why this till must not take a snapshot (a sentence), or "" when it may."""
    with till.transaction() as s:
        return _blocker(s)


def _blocker(s: Session) -> str:
    if s.scalar(select(exists().where(LedgerEntryRow.id.is_not(None)))):
        return "This till already holds points entries; it catches up with the chain page by page instead."
    if s.scalar(select(exists().where(Customer.id.is_not(None)))):
        return "This till already holds members; it catches up with the chain page by page instead."
    if ingest.cursor(s) != 0:
        return "This till has synced with the chain before; it catches up page by page instead."
    return ""


def bootstrap(till: Till, client: SyncClient, folder: Path) -> Installed | None:
    """Download, verify and install the snapshot; ``None`` when this till or this server does not take one.

    Raises ``SnapshotRefused`` (nothing changed) for a damaged file, ``SyncError`` for the network.
    """
    if blocker(till):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DOWNLOAD_NAME
    try:
        try:
            headers = client.download(f"{API}/snapshot", path)
        except SyncError as exc:
            if exc.status in (404, 405):  # a server from before snapshots: the pull does it all
                return None
            raise
        change = verify(path, headers)
        return install(till, path, change)
    finally:
        path.unlink(missing_ok=True)


def verify(path: Path, headers: dict[str, str]) -> int:
    """Check the downloaded answer against its headers and its own contents; its change number.

    The answer is the SQLite file then the catalog's JSON (``snapshot_format``): each part is checked
    against its own sha256, then the JSON is cut off the file and kept in the file's ``catalog`` table,
    so ``install`` reads one file.
    """
    wanted = {k.lower(): v for k, v in headers.items()}
    size = path.stat().st_size
    length = wanted.get("content-length", "")
    if length and length.isdigit() and int(length) != size:
        raise SnapshotRefused(
            f"The chain's snapshot arrived incomplete ({size} of {int(length)} bytes); nothing was installed."
        )
    if wanted.get(fmt.FORMAT_HEADER.lower(), "") != str(fmt.FORMAT):
        raise SnapshotRefused("The chain's snapshot is in a format this version of the app does not know.")
    tail = wanted.get(fmt.CATALOG_LENGTH_HEADER.lower(), "")
    if not tail.isdigit() or not 0 < int(tail) < size:
        raise SnapshotRefused("The chain's snapshot arrived incomplete (no catalogue); nothing was installed.")
    bulk = size - int(tail)
    with open(path, "rb") as f:
        f.seek(bulk)
        body = f.read()
    if _digest(path, bulk) != wanted.get(fmt.SHA256_HEADER.lower(), "") or hashlib.sha256(
        body
    ).hexdigest() != wanted.get(fmt.CATALOG_SHA256_HEADER.lower(), ""):
        raise SnapshotRefused(
            "The chain's snapshot arrived damaged (its checksum does not match); nothing was installed."
        )
    os.truncate(path, bulk)
    meta = _meta(path)
    if meta.get("format") != str(fmt.FORMAT):
        raise SnapshotRefused("The chain's snapshot is in a format this version of the app does not know.")
    # The file may have been prepared at an earlier change number than the answer's (its rows unchanged since).
    built, change = meta.get("change", ""), wanted.get(fmt.CHANGE_HEADER.lower(), "")
    if not (built.isdigit() and change.isdigit() and int(built) <= int(change)):
        raise SnapshotRefused("The chain's snapshot does not say consistently where it ends; nothing was installed.")
    if meta.get("server_schema", "") != wanted.get(fmt.SCHEMA_HEADER.lower(), ""):
        raise SnapshotRefused(
            "The chain's snapshot names another database version than the server; nothing was installed."
        )
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("INSERT INTO catalog VALUES (?)", (body.decode(),))
    finally:
        db.close()
    return int(change)


def _digest(path: Path, size: int) -> str:
    """sha256 hex of the first ``size`` bytes of ``path``, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while size > 0 and (block := f.read(min(size, 1 << 20))):
            h.update(block)
            size -= len(block)
    return h.hexdigest()


def _meta(path: Path) -> dict[str, str]:
    """The file's meta rows, after checking it is a SQLite file with exactly the tables and columns expected."""
    try:
        db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            for table, columns in fmt.BULK.items():
                found = tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})"))
                if found != columns:
                    raise SnapshotRefused(
                        "The chain's snapshot does not have the tables this app expects; nothing was installed."
                    )
            if db.execute("SELECT count(*) FROM catalog").fetchone()[0] != 0:  # filled from the answer's tail
                raise SnapshotRefused(
                    "The chain's snapshot does not have the tables this app expects; nothing was installed."
                )
            return {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
        finally:
            db.close()
    except sqlite3.Error:
        raise SnapshotRefused("The chain's snapshot is not a readable database; nothing was installed.") from None


def install(till: Till, path: Path, change: int) -> Installed:
    """Copy the verified snapshot into the till in one transaction with the pull cursor: all of it or nothing.

    SQLite cannot ``ATTACH`` inside a transaction, so the file is attached on the connection first
    and the copy runs in the transaction the till's engine begins (``BEGIN IMMEDIATE``) right after.
    https://www.sqlite.org/lang_attach.html
    """
    with till.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # Read-only, as a percent-encoded URI (SQLAlchemy opens the till's SQLite with URI names on).
        # https://www.sqlite.org/uri.html
        raw.execute("ATTACH DATABASE ? AS snap", (Path(path).resolve().as_uri() + "?mode=ro",))
        try:
            raw.execute(f"PRAGMA main.cache_size = -{_INSTALL_CACHE_KIB}")
            with Session(bind=conn, expire_on_commit=False) as s, s.begin():
                done = _install_in(s, till, change)
        finally:
            raw.execute("DETACH DATABASE snap")
            raw.execute(f"PRAGMA main.cache_size = -{_DEFAULT_CACHE_KIB}")
    till.reload_program()
    log.info("snapshot installed at change %s: %s members, %s entries", change, done.customers, done.entries)
    return done


def _install_in(s: Session, till: Till, change: int) -> Installed:
    why = _blocker(s)  # again, under the write lock: a sale may have come in since the download began
    if why:
        raise SnapshotRefused(why)
    c = s.connection()
    catalog = PullResponse.model_validate_json(c.exec_driver_sql("SELECT body FROM snap.catalog").scalar_one())
    ingest._stores(s, till, catalog.stores)
    ingest._terminals(s, till, catalog.terminals)
    ingest._programs(s, catalog.programs)
    ingest._rewards(s, catalog.rewards)
    s.flush()
    tables = ("customer", "ledger_entry", "balance", "customer_word")
    rebuilt = _drop_indexes(s, tables)
    rebuilt += _drop_triggers(s, _QUIET_TRIGGERS)
    clashing = _clashes(s)
    c.exec_driver_sql("CREATE TEMP TABLE snapshot_clash (id TEXT PRIMARY KEY)")
    c.exec_driver_sql("INSERT INTO temp.snapshot_clash VALUES (?)", [(i,) for i in clashing] or [("",)])
    cols = ", ".join(fmt.CUSTOMER_FILE_COLUMNS)  # name_key folded by the server, once for every till
    customers = c.exec_driver_sql(
        f"INSERT INTO main.customer ({cols}) SELECT {cols} FROM snap.customer "
        "WHERE id NOT IN (SELECT id FROM temp.snapshot_clash)"
    ).rowcount
    c.exec_driver_sql("DROP TABLE temp.snapshot_clash")
    customers += _insert_clashing(s, clashing)
    cols = ", ".join(fmt.ENTRY_COLUMNS)
    entries = c.exec_driver_sql(f"INSERT INTO main.ledger_entry ({cols}) SELECT {cols} FROM snap.ledger_entry").rowcount
    _placeholders(s)
    cols = ", ".join(fmt.BALANCE_COLUMNS)
    balances = c.exec_driver_sql(f"INSERT INTO main.balance ({cols}) SELECT {cols} FROM snap.balance").rowcount
    c.exec_driver_sql(_NAME_WORDS)  # name search by any word of a name
    for ddl in rebuilt:  # each index built once by a sort, not grown a row at a time; then the triggers
        c.exec_driver_sql(ddl)
    merge_sync.apply_in(s, catalog)
    backoffice_sync.apply_staff_in(s, till, catalog)
    ingest._flags(s, catalog.flags)
    ingest._feedback(s, catalog.feedback)
    ingest._vouchers(s, catalog.vouchers)
    ingest._tickets(s, catalog.tickets)
    ingest._audit(s, till, catalog.audit)
    s.flush()
    stats.rebuild_in(s)  # the back office's summary tables, from the ledger just installed
    ingest._set(s, ingest.CURSOR, str(change))
    ingest._set(s, ingest.SCOPE, catalog.scope or "chain")
    return Installed(change=change, customers=customers, entries=entries, balances=balances)


def _clashes(s: Session) -> dict[str, dict[str, tuple[str, str]]]:
    """Members who share a phone, card number or referral code with another (two tills enrolled the same
    person while offline; the server keeps both): id -> {field: (value, the member who keeps it)}.
    The till's own unique keys allow one holder; the earliest id keeps the value, as the earlier record
    does in the page-by-page pull."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for name in ("phone", "card_number", "referral_code"):
        found = s.connection().exec_driver_sql(
            f"SELECT {name}, min(id), group_concat(id, ' ') FROM snap.customer WHERE {name} IS NOT NULL "
            f"GROUP BY {name} HAVING count(*) > 1"
        )
        for value, keeper, ids in found:
            for cid in ids.split(" "):
                if cid != keeper:
                    out.setdefault(cid, {})[name] = (value, keeper)
    return out


def _insert_clashing(s: Session, clashing: dict[str, dict[str, tuple[str, str]]]) -> int:
    """The clashing members, each with the shared value replaced (as ``ingest`` does) and a flag for a manager."""
    if not clashing:
        return 0
    c = s.connection()
    names = list(fmt.CUSTOMER_FILE_COLUMNS)
    ids = list(clashing)
    rows = []
    for i in range(0, len(ids), 900):
        part = ids[i : i + 900]
        marks = ", ".join("?" for _ in part)
        query = f"SELECT {', '.join(names)} FROM snap.customer WHERE id IN ({marks})"
        rows += c.exec_driver_sql(query, tuple(part)).all()
    fixed = []
    for row in rows:
        data = dict(zip(names, row, strict=True))
        for name, (value, keeper) in clashing[data["id"]].items():
            data[name] = None if name == "phone" else ingest._placeholder("D", data["id"])
            ingest._local_flag(
                s,
                "duplicate_member",
                f"Members {keeper} and {data['id']} share the {name.replace('_', ' ')} {value}: "
                "they were enrolled at two tills while offline. Merge them in the back office.",
                customer_id=data["id"],
            )
        fixed.append(tuple(data[n] for n in names))
    marks = ", ".join("?" for _ in names)
    c.exec_driver_sql(f"INSERT INTO main.customer ({', '.join(names)}) VALUES ({marks})", fixed)
    s.flush()
    return len(fixed)


def _drop_indexes(s: Session, tables: tuple[str, ...]) -> list[str]:
    """Drop the secondary indexes of ``tables`` (empty: the till took no member yet) and return their DDL.

    Copying a million rows into tables with a dozen indexes inserts into each B-tree at random places;
    SQLite builds an index over existing rows by sorting them, several times faster. The drops and the
    rebuilds are in the install's transaction: a failure leaves every index as it was. A UNIQUE index
    rebuilt over copied rows checks them all the same. https://www.sqlite.org/lang_createindex.html
    """
    marks = ", ".join("?" for _ in tables)
    where = f"type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
    query = f"SELECT name, sql FROM main.sqlite_master WHERE {where}"
    found = s.connection().exec_driver_sql(query, tables).all()
    for name, _sql in found:
        s.connection().exec_driver_sql(f'DROP INDEX main."{name}"')
    return [sql for _name, sql in found]


# ``name_words.rebuild`` for a freshly copied table, in SQLite: the words of a name are the words of its
# folded key (``app.core.names.name_words``: ``{w[:100] for w in fold_name(name).split()}``), and a key is
# its words joined by single spaces (``fold_name`` joins ``split()``), so splitting it at ' ' in SQL gives
# the same words; ``substr`` counts characters as Python's slice does; OR IGNORE drops a word a name
# repeats (the primary key is (word, customer_id)); sorted by that key, its B-tree grows at its end
# (a quarter less CPU at 50,000 members than in name order). https://www.sqlite.org/lang_with.html#recursive_ctes
_NAME_WORDS = (
    "WITH RECURSIVE split(customer_id, name_key, word, rest) AS ("
    " SELECT id, name_key, NULL, name_key || ' ' FROM main.customer"
    " UNION ALL SELECT customer_id, name_key, substr(rest, 1, instr(rest, ' ') - 1),"
    " substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> '')"
    " INSERT OR IGNORE INTO main.customer_word (word, customer_id, name_key)"
    " SELECT substr(word, 1, 100), customer_id, name_key FROM split WHERE word <> '' ORDER BY 1, 2"
)

# Triggers that would fire once per copied row for nothing: ``ledger_entry_no_replace`` refuses an entry
# id, till sequence or earn receipt already held, but the till's ledger is empty (``_blocker``) and the
# copy's own duplicates are refused by the primary key, the (terminal_id, terminal_seq) key and the
# receipt index rebuilt after it; the home-tier sums are recomputed whole by ``stats.rebuild_in``.
# Dropped in the install's transaction and made again before it commits.
_QUIET_TRIGGERS = ("ledger_entry_no_replace", "home_tier_customer_insert", "home_tier_balance_insert")


def _drop_triggers(s: Session, names: tuple[str, ...]) -> list[str]:
    """Drop the named triggers that exist and return their DDL, to be run again after the copy."""
    marks = ", ".join("?" for _ in names)
    found = (
        s.connection()
        .exec_driver_sql(
            f"SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name IN ({marks})", names
        )
        .all()
    )
    for name, _sql in found:
        s.connection().exec_driver_sql(f'DROP TRIGGER main."{name}"')
    return [sql for _name, sql in found]


def _placeholders(s: Session) -> None:
    """Members named by an entry or a balance whose record the server does not have (yet): a placeholder,
    as the page-by-page pull makes, replaced when the real record arrives."""
    c = s.connection()
    missing = c.exec_driver_sql(
        "SELECT customer_id, min(created_at), min(store_id) FROM snap.ledger_entry "
        "WHERE customer_id NOT IN (SELECT id FROM main.customer) GROUP BY customer_id "
        "UNION ALL SELECT customer_id, ?, '' FROM snap.balance WHERE customer_id NOT IN (SELECT id FROM main.customer) "
        "AND customer_id NOT IN (SELECT customer_id FROM snap.ledger_entry)",
        (_EPOCH,),
    ).all()
    if not missing:
        return
    name = ingest._PLACEHOLDER_NAME
    rows = [
        (cid, ingest._placeholder("P", cid), name, fold_name(name), ingest._placeholder("P", cid), at, store, _EPOCH)
        for cid, at, store in missing
    ]
    c.exec_driver_sql(
        "INSERT INTO main.customer (id, card_number, name, name_key, referral_code, enrolled_at, enrolled_store, "
        "updated_at, marketing_consent, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'active')",
        rows,
    )


def try_bootstrap(till: Till, server_url: str, token: str, home: Path) -> Installed | None:
    """``bootstrap`` for a joining till: any failure but a refused token leaves the till as it was, and the
    ordinary pull then brings everything page by page."""
    try:
        with SyncClient(server_url, token, timeout=300.0) as client:
            return bootstrap(till, client, Path(home))
    except Unauthorized:
        raise
    except SyncError as exc:
        log.warning("snapshot not used: %s", exc.message)
        return None
