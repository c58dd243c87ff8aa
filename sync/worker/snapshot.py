"""Bootstrap a new till from the server's snapshot: download, verify, install in one transaction.

A till that pulls a chain of a million members page by page spends minutes turning JSON into rows.
The server's snapshot (``sync.server.snapshot``) is a ready SQLite file holding the till's own tables,
filled and indexed; the till checks it whole (size, sha256, format, the change number it is consistent
at, the tables' columns), then takes the tables into its own database in one transaction together with
the pull cursor: by SQLite's transfer optimisation when their DDL is the till's own (records and index
entries copied in order, nothing decoded or re-sorted), else column by column with its indexes rebuilt.
Afterwards the ordinary pull brings only the changes after the snapshot's change number.

Only an empty till takes a snapshot (no members, no entries, never pulled): a till's own rows that
the server may not have yet are never at risk; any other till catches up page by page as before.
Network I/O: callers on a GUI must run this off the GUI thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.models import Customer, LedgerEntryRow
from app.services import stats
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
    transferred: tuple[str, ...] = ()  # the tables taken as the server built them (not re-indexed)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per step (the commit not included)
    journal: str = "wal"  # the till's journal during the install: "rollback" when it could switch (see there)


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
            headers, digests = download(client, path)
        except SyncError as exc:
            if exc.status in (404, 405):  # a server from before snapshots: the pull does it all
                return None
            raise
        change = verify(path, headers, digests)
        return install(till, path, change)
    finally:
        path.unlink(missing_ok=True)


class _Digests:
    """The sha256 of the answer's two parts (the SQLite file, then the catalog), made block by block as
    the download writes them: reading 2 GB again to check it cost 1.6 s of CPU at a million members."""

    def __init__(self) -> None:
        self.file, self.catalog = hashlib.sha256(), hashlib.sha256()
        self.split = -1  # where the catalog begins; None when the headers do not say
        self.seen = 0

    def __call__(self, headers: dict[str, str], block: bytes) -> None:
        if self.split == -1:
            wanted = {k.lower(): v for k, v in headers.items()}
            length, tail = wanted.get("content-length", ""), wanted.get(fmt.CATALOG_LENGTH_HEADER.lower(), "")
            self.split = int(length) - int(tail) if length.isdigit() and tail.isdigit() else None
        if self.split is None:
            return
        head = max(0, min(len(block), self.split - self.seen))
        self.file.update(block[:head] if head < len(block) else block)
        if head < len(block):
            self.catalog.update(block[head:])
        self.seen += len(block)

    def result(self) -> tuple[str, str] | None:
        return None if self.split is None else (self.file.hexdigest(), self.catalog.hexdigest())


def download(client: SyncClient, path: Path) -> tuple[dict[str, str], tuple[str, str] | None]:
    """Stream the server's snapshot answer into ``path``: its headers, and the sha256 of its two parts
    made on the way (``None`` when the headers do not say where the parts meet: ``verify`` reads the file)."""
    digests = _Digests()
    headers = client.download(f"{API}/snapshot", path, on_block=digests)
    return headers, digests.result()


def verify(path: Path, headers: dict[str, str], digests: tuple[str, str] | None = None) -> int:
    """Check the downloaded answer against its headers and its own contents; its change number.

    The answer is the SQLite file then the catalog's JSON (``snapshot_format``): each part is checked
    against its own sha256 (``digests``, made by ``download`` as the bytes arrived, or read here from
    the file), then the JSON is cut off the file and kept in the file's ``catalog`` table, so
    ``install`` reads one file.
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
    if digests is None:  # not made on the way: read the file
        digests = (_digest(path, bulk), hashlib.sha256(body).hexdigest())
    if digests != (wanted.get(fmt.SHA256_HEADER.lower(), ""), wanted.get(fmt.CATALOG_SHA256_HEADER.lower(), "")):
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
                found = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}  # generated columns not listed
                if found != set(columns):
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
    Foreign keys are off on this connection for the install (SQLite's transfer optimisation is not used
    on a table with a foreign key while they are on; the pragma is a no-op inside a transaction) and the
    whole database is checked with ``PRAGMA foreign_key_check`` before the commit instead.
    https://www.sqlite.org/pragma.html#pragma_foreign_keys
    """
    till.engine.dispose()  # the pool's idle connections closed: the journal switch wants to be the only one
    with till.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # Read-only, as a percent-encoded URI (SQLAlchemy opens the till's SQLite with URI names on).
        # https://www.sqlite.org/uri.html
        raw.execute("ATTACH DATABASE ? AS snap", (Path(path).resolve().as_uri() + "?mode=ro",))
        journal = False
        try:
            raw.execute(f"PRAGMA main.cache_size = -{_INSTALL_CACHE_KIB}")
            raw.execute("PRAGMA foreign_keys = OFF")
            journal = _rollback_journal(raw)
            with Session(bind=conn, expire_on_commit=False) as s, s.begin():
                done = _install_in(s, till, change)
        finally:
            if journal:
                _back_to_wal(raw)
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("DETACH DATABASE snap")
            raw.execute(f"PRAGMA main.cache_size = -{_DEFAULT_CACHE_KIB}")
    done = dataclasses.replace(done, journal="rollback" if journal else "wal")
    till.reload_program()
    log.info(
        "snapshot installed at change %s: %s members, %s entries (tables taken as built: %s; %s journal)",
        change,
        done.customers,
        done.entries,
        ", ".join(done.transferred) or "none",
        done.journal,
    )
    return done


def _rollback_journal(raw: sqlite3.Connection) -> bool:
    """Switch the till's database from WAL to a rollback journal for the install, if this is its only
    connection; whether it did.

    In WAL mode every page of the install (2 GB at a million members) is written twice: into the WAL,
    then by the checkpoint into the database (8 of 25 s of CPU). With a rollback journal the journal keeps
    only the pages the database had before (a few hundred, the till being empty): the new pages are
    written once, straight into the database. The install stays all-or-nothing and durable: at COMMIT
    the journal and the database are synced (``synchronous=FULL``); a crash before leaves a hot
    journal, rolled back by the next connection to open the file, which truncates the database back
    to its size before. https://www.sqlite.org/atomiccommit.html https://www.sqlite.org/lockingv3.html
    Leaving WAL needs the only connection (https://www.sqlite.org/wal.html, "Persistence of WAL mode"):
    when another one is open (a reader on another thread), SQLite says busy at once and the install
    runs in WAL as before.
    """
    waits = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        return raw.execute("PRAGMA main.journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:  # database is locked: another connection has it open
        return False
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(waits)}")


def _back_to_wal(raw: sqlite3.Connection) -> None:
    """The till's database back in WAL mode after the install (readers do not wait for the writer).
    Should that fail, the next connection to open it sets WAL again (``app.db.engine``)."""
    try:
        mode = raw.execute("PRAGMA main.journal_mode = WAL").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "busy"
    if mode != "wal":
        log.warning("the till's database stays in rollback-journal mode until it is opened again (%s)", mode)


def _install_in(s: Session, till: Till, change: int) -> Installed:
    why = _blocker(s)  # again, under the write lock: a sale may have come in since the download began
    if why:
        raise SnapshotRefused(why)
    c = s.connection()
    cpu: dict[str, float] = {}
    mark = time.process_time()

    def took(step: str) -> None:  # CPU seconds per step, for the log and the benchmark
        nonlocal mark
        now = time.process_time()
        cpu[step] = cpu.get(step, 0.0) + now - mark
        mark = now

    catalog = PullResponse.model_validate_json(c.exec_driver_sql("SELECT body FROM snap.catalog").scalar_one())
    ingest._stores(s, till, catalog.stores)
    ingest._terminals(s, till, catalog.terminals)
    ingest._programs(s, catalog.programs)
    ingest._rewards(s, catalog.rewards)
    s.flush()
    took("catalog")
    tables = fmt.TILL_TABLES
    same = _same_tables(s, tables)
    triggers = _drop_triggers(s, tables)  # none fires for a row copied (see ``_drop_triggers``)
    counts: dict[str, int] = {}
    transferred = []
    for table in tables:
        if same and _transfers(s, table):
            # The file's table and indexes are the till's own, built by the server: SQLite copies the
            # table's records and each index's entries in order, without decoding a row or sorting an
            # index (the transfer optimisation: ``INSERT INTO t SELECT * FROM t2``, identical schemas,
            # an empty target, no triggers, foreign keys off). https://www.sqlite.org/src/file?name=src/insert.c
            # ("xferOptimization")
            counts[table] = c.exec_driver_sql(f"INSERT INTO main.{table} SELECT * FROM snap.{table}").rowcount
            transferred.append(table)
            took(table)
            continue
        # The named columns, then each secondary index built once by a sort.
        rebuilt = _drop_indexes(s, (table,))
        cols = ", ".join(fmt.BULK[table])
        counts[table] = c.exec_driver_sql(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM snap.{table}").rowcount
        for ddl in rebuilt:
            c.exec_driver_sql(ddl)
        took(table)
    for ddl in triggers:
        c.exec_driver_sql(ddl)
    _clash_flags(s)
    merge_sync.apply_in(s, catalog)
    backoffice_sync.apply_staff_in(s, till, catalog)
    ingest._flags(s, catalog.flags)
    ingest._feedback(s, catalog.feedback)
    ingest._vouchers(s, catalog.vouchers)
    ingest._tickets(s, catalog.tickets)
    ingest._audit(s, till, catalog.audit)
    s.flush()
    took("catalog")
    stats.rebuild_in(s)  # the back office's summary tables, from the ledger just installed
    took("stats")
    if c.exec_driver_sql("PRAGMA main.foreign_key_check").first() is not None:
        raise SnapshotRefused(
            "The chain's snapshot names members it does not hold; nothing was installed, the till pulls instead."
        )
    took("foreign keys")
    ingest._set(s, ingest.CURSOR, str(change))
    ingest._set(s, ingest.SCOPE, catalog.scope or "chain")
    placeholders = c.exec_driver_sql("SELECT value FROM snap.meta WHERE key = 'placeholders'").scalar_one()
    return Installed(
        change=change,
        customers=counts["customer"] - int(placeholders),
        entries=counts["ledger_entry"],
        balances=counts["balance"],
        transferred=tuple(transferred),
        cpu=cpu,
    )


def _same_tables(s: Session, tables: tuple[str, ...]) -> bool:
    """Whether the file's ``tables`` and their indexes have exactly the DDL of the till's own (the server
    made them at this till's migration head). Triggers are not compared: the file has none."""
    marks = ", ".join("?" for _ in tables)
    where = f"type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name IN ({marks})"
    c = s.connection()
    mine, theirs = (
        sorted(c.exec_driver_sql(f"SELECT type, tbl_name, sql FROM {db}.sqlite_master WHERE {where}", tables).all())
        for db in ("main", "snap")
    )
    return mine == theirs


def _transfers(s: Session, table: str) -> bool:
    """Whether SQLite will copy ``table`` by its transfer optimisation, read off the statement's program
    (its ``RowData`` step copies a whole record). SQLite 3.40 does not for a table with a generated
    column and an index (the till's ``customer`` before migration 0014): such a table is copied column by
    column and re-indexed, correct but slower. https://www.sqlite.org/opcode.html#RowData"""
    try:
        program = s.connection().exec_driver_sql(f"EXPLAIN INSERT INTO main.{table} SELECT * FROM snap.{table}")
        return any(row[1] == "RowData" for row in program)
    except DBAPIError:  # "table main.t has 18 columns but 19 values were supplied": not transferred
        return False


def _clash_flags(s: Session) -> None:
    """A ``duplicate_member`` flag for each value the server took from a member enrolled twice offline."""
    for cid, name, value, keeper in s.connection().exec_driver_sql(
        "SELECT customer_id, field, value, keeper FROM snap.clash ORDER BY customer_id, field"
    ):
        ingest._local_flag(
            s,
            "duplicate_member",
            f"Members {keeper} and {cid} share the {name.replace('_', ' ')} {value}: "
            "they were enrolled at two tills while offline. Merge them in the back office.",
            customer_id=cid,
        )
    s.flush()


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


def _drop_triggers(s: Session, tables: tuple[str, ...]) -> list[str]:
    """Drop the triggers of ``tables`` and return their DDL, to be run again after the copy.

    The transfer optimisation is not used on a table with triggers, and none has work to do here:
    ``ledger_entry_no_replace`` refuses an entry id, till sequence or earn receipt already held, but the
    till's ledger is empty (``_blocker``) and the file's keys are the till's own unique indexes; the
    update and delete guards see no update or delete; the home-tier sums are recomputed whole by
    ``stats.rebuild_in``. Dropped in the install's transaction and made again before it commits.
    """
    marks = ", ".join("?" for _ in tables)
    found = (
        s.connection()
        .exec_driver_sql(
            f"SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})", tables
        )
        .all()
    )
    for name, _sql in found:
        s.connection().exec_driver_sql(f'DROP TRIGGER main."{name}"')
    return [sql for _name, sql in found]


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
