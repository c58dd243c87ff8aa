"""Build a till's bootstrap snapshot: one consistent read of what it should hold, as a ready SQLite file.

Pulling a million members and a million entries page by page costs minutes of JSON on both sides;
the same rows written once into a SQLite file (``sync.server.snapshot_format``), in the till's own
tables with their indexes built, are taken by the till with SQLite's transfer optimisation in seconds.
The file is read in one snapshot transaction (``read_session``: REPEATABLE READ on PostgreSQL, a read
transaction on SQLite), so it is consistent at one change number and the till pulls only what came
after it. Rows written after that number may already be in the file; they come again in the pull and
are recognised by id, so nothing is counted twice.

``selection`` is the one place that says *which* rows a till gets: the whole chain, minus what
a pull would leave out too (the till's own entries, entries held for review, other stores' staff);
for a till holding its working set (``sync.server.working_set``), only its members, their whole
ledger and the server's balances (no opening rows: the file is small enough to carry her history).

``Prepared`` keeps the last chain-wide file this process built: the bulk does not depend on the caller
(for a till with no entries of its own on the server and no working set), so a chain opening several
tills builds it once per change number, and a till that asks while nothing changed downloads it ready.
Any change (a sale, a profile edit, a released entry: each takes a change number) makes the next
request build a new one. ``serve`` answers ``GET /v1/snapshot``: that file, then the caller's catalog.
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, Text, exists, func, inspect, or_, select, text, type_coerce
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask
from starlette.responses import Response, StreamingResponse

from app.core.names import fold_name
from app.db.types import UTCDateTime
from sync.server import changes
from sync.server import snapshot_format as fmt
from sync.server.db import current_change, read_session
from sync.server.ledger import Caller
from sync.server.models import BalanceRow, CustomerMergeRow, CustomerRow, EntryRow, HeldEntry
from sync.server.snapshot_format import BULK, CATALOG_KINDS, CUSTOMER_COLUMNS, FORMAT

log = logging.getLogger("loyalty.server")

_BATCH = 20_000
# The till stores an aware UTC time as SQLAlchemy's SQLite DATETIME text of the naive UTC time,
# "2026-11-29 16:50:27.000000" (microseconds always written); the snapshot carries that very text.
# https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#sqlalchemy.dialects.sqlite.DATETIME


@dataclass(frozen=True)
class Built:
    path: Path
    change: int
    size: int
    sha256: str
    server_schema: str
    rows: dict[str, int]


def _till_time(session: Session, column: Any) -> Any:
    """``column`` (an aware UTC time) as the text the till's SQLite keeps, made by the database itself:
    converting a million values in Python costs seconds. PostgreSQL's ``US`` is microseconds, zero-padded.
    https://www.postgresql.org/docs/15/functions-formatting.html"""
    if session.get_bind().dialect.name == "postgresql":
        utc = func.timezone("UTC", column)
        return func.to_char(utc, "YYYY-MM-DD HH24:MI:SS.US").label(column.name)
    # A SQLite server stores exactly that text already (the same UTCDateTime type): read it as it is.
    return type_coerce(column, Text).label(column.name)


def _columns(session: Session, table: Any, names: Sequence[str]) -> list[Any]:
    return [_till_time(session, table.c[n]) if isinstance(table.c[n].type, UTCDateTime) else table.c[n] for n in names]


def selection(session: Session, caller: Caller) -> dict[str, Select[Any]]:
    """The rows ``caller`` should hold, per bulk table, with columns named and ordered as the file's.

    The whole chain, or the caller's working set. Entries of the caller itself are left out (a pull
    leaves them out too), and so are entries held for review (a quarantined till's, unless a manager
    released them). Ordered by the primary key, so the till's own B-trees grow at their end while it copies.
    """
    entries, customers, balances = EntryRow.__table__, CustomerRow.__table__, BalanceRow.__table__
    held = HeldEntry.__table__
    not_counted = select(held.c.entry_id).where(or_(held.c.decision.is_(None), held.c.decision == "rejected"))
    entry_q = select(*_columns(session, entries, BULK["ledger_entry"])).where(
        entries.c.terminal_id != caller.terminal_id
    )
    if session.scalar(select(held.c.entry_id).limit(1)) is not None:
        entry_q = entry_q.where(entries.c.id.not_in(not_counted))
    customer_q = select(*_columns(session, customers, CUSTOMER_COLUMNS))  # name_key: added by ``_copy``
    balance_q = select(*_columns(session, balances, BULK["balance"]))
    if (holders := caller.holders) is not None:  # a till holding its working set: only its members
        customer_q = customer_q.where(changes.in_set(holders, customers.c.id))
        entry_q = entry_q.where(changes.in_set(holders, entries.c.customer_id))
        balance_q = balance_q.where(changes.in_set(holders, balances.c.customer_id))
    return {
        "customer": customer_q.order_by(customers.c.id),
        "ledger_entry": entry_q.order_by(entries.c.id),
        "balance": balance_q.order_by(balances.c.customer_id),
    }


def build(session: Session, caller: Caller, path: Path) -> Built:
    """Write ``caller``'s bulk to ``path`` (a new file) from ``session``'s one consistent read.

    The file's tables are the till's own (``till_tables``), filled with what every till would otherwise
    derive itself, once per file: the duplicates settled (``clash``: the members go through a scratch
    table first), placeholders, the name-search words, every index built by a sort. A till with the
    same tables takes them as they are (``sync.worker.snapshot``).
    The ``catalog`` table is left empty: the catalog is the caller's own (``catalog``) and travels
    after the file, so the file can be shared (``Prepared``).
    """
    change = current_change(session)
    schema = _server_schema(session)
    head, tables, indexes = till_tables()
    stage = path.with_name(path.name + ".stage")
    stage.unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        # Scratch files: if this process dies they are thrown away, so no journal and no fsync.
        # https://www.sqlite.org/pragma.html#pragma_journal_mode
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute(f"PRAGMA cache_size = -{_BUILD_CACHE_KIB}")
        # The index builds' sorts on more than one core where there are. https://www.sqlite.org/pragma.html#pragma_threads
        db.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
        db.execute("ATTACH DATABASE ? AS stage", (str(stage),))
        db.execute("PRAGMA stage.journal_mode = OFF")
        db.execute("PRAGMA stage.synchronous = OFF")
        db.execute("BEGIN")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("format", str(FORMAT)), ("change", str(change)), ("server_schema", schema), ("till_schema", head)],
        )
        for ddl in tables:
            db.execute(ddl)
        rows: dict[str, int] = {}
        for table, q in selection(session, caller).items():
            rows[table] = _copy(session, db, table, q)
        settled = _settle_clashes(db)
        columns = ", ".join(fmt.CUSTOMER_FILE_COLUMNS)
        db.execute(f"INSERT INTO main.customer ({columns}) SELECT {columns} FROM stage.{settled} ORDER BY id")
        db.execute("INSERT INTO meta VALUES ('placeholders', ?)", (str(_placeholders(db)),))
        db.execute(_NAME_WORDS)
        for ddl in indexes:  # each built once by a sort over the filled table
            db.execute(ddl)
        db.execute("CREATE TABLE catalog (body TEXT NOT NULL)")
        db.execute("COMMIT")
        db.execute("DETACH DATABASE stage")
    finally:
        db.close()
        stage.unlink(missing_ok=True)
    size, digest = file_digest(path)
    return Built(path=path, change=change, size=size, sha256=digest, server_schema=schema, rows=rows)


_BUILD_CACHE_KIB = 256 * 1024  # the index builds' sorts and the inserts' B-trees: a ceiling, not an allocation
_till_lock = threading.Lock()
_till: tuple[str, list[str], list[str]] | None = None


def till_tables() -> tuple[str, list[str], list[str]]:
    """(the till's migration head, the DDL of ``TILL_TABLES``, the DDL of their secondary indexes).

    Read from a scratch till database brought to head by the till's own migrations (once per process,
    about a second): the very text a till's ``sqlite_master`` holds, so that a till at the same head
    finds identical tables and indexes and copies them with SQLite's transfer optimisation. Triggers
    are left out (a till keeps its own). https://www.sqlite.org/schematab.html
    """
    global _till
    with _till_lock:
        if _till is None:
            from app.db.engine import make_engine
            from app.db.migrate import database_revision, upgrade

            with tempfile.TemporaryDirectory(prefix="loyalty-till-schema-") as tmp:
                engine = make_engine(Path(tmp) / "till.db")
                try:
                    upgrade(engine)
                    head = database_revision(engine) or ""
                    with engine.connect() as conn:
                        marks = ", ".join("?" for _ in fmt.TILL_TABLES)
                        found = conn.exec_driver_sql(
                            f"SELECT type, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index') "
                            f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY rowid",
                            fmt.TILL_TABLES,
                        ).all()
                finally:
                    engine.dispose()
            order = {t: i for i, t in enumerate(fmt.TILL_TABLES)}
            tables = [sql for kind, name, sql in sorted(found, key=lambda r: order[r[1]]) if kind == "table"]
            indexes = [sql for kind, _name, sql in found if kind == "index"]
            _till = (head, tables, indexes)
        return _till


def _settle_clashes(db: sqlite3.Connection) -> str:
    """Members sharing a phone, card number or referral code (two tills enrolled the same person while
    offline; the server keeps both, the till allows one holder): the earliest id keeps the value, the
    others' is replaced, as the page-by-page pull does (the record that arrived first keeps it). Writes
    ``main.clash`` (one row per replaced value, for the till's ``duplicate_member`` flags); returns the stage
    table holding the members as the till stores them."""
    db.execute("CREATE TABLE main.clash (customer_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT, keeper TEXT)")
    for name in ("phone", "card_number", "referral_code"):
        db.execute(
            f"INSERT INTO main.clash SELECT c.id, '{name}', c.{name}, d.keeper FROM stage.customer c JOIN "
            f"(SELECT {name} AS v, min(id) AS keeper FROM stage.customer WHERE {name} IS NOT NULL "
            f"GROUP BY {name} HAVING count(*) > 1) d ON c.{name} = d.v WHERE c.id <> d.keeper"
        )
    clashes = db.execute("SELECT customer_id, field FROM main.clash").fetchall()
    if not clashes:
        return "customer"
    db.execute("CREATE TABLE stage.settled AS SELECT * FROM stage.customer")
    db.execute("CREATE INDEX stage.settled_id ON settled (id)")
    for cid, name in clashes:
        value = None if name == "phone" else fmt.placeholder("D", cid)
        db.execute(f"UPDATE stage.settled SET {name} = ? WHERE id = ?", (value, cid))
    return "settled"


def _placeholders(db: sqlite3.Connection) -> int:
    """Members named by an entry or a balance whose record the server does not have (yet): a placeholder,
    as the page-by-page pull makes, replaced when the real record arrives."""
    missing = db.execute(
        "SELECT customer_id, min(created_at), min(store_id) FROM main.ledger_entry "
        "WHERE customer_id NOT IN (SELECT id FROM main.customer) GROUP BY customer_id "
        "UNION ALL SELECT customer_id, ?, '' FROM main.balance WHERE customer_id NOT IN (SELECT id FROM main.customer) "
        "AND customer_id NOT IN (SELECT customer_id FROM main.ledger_entry)",
        (fmt.EPOCH,),
    ).fetchall()
    name = fmt.PLACEHOLDER_NAME
    rows = [
        (cid, fmt.placeholder("P", cid), name, fold_name(name), fmt.placeholder("P", cid), at, store, fmt.EPOCH)
        for cid, at, store in missing
    ]
    db.executemany(
        "INSERT INTO main.customer (id, card_number, name, name_key, referral_code, enrolled_at, enrolled_store, "
        "updated_at, marketing_consent, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'active')",
        rows,
    )
    return len(rows)


# ``name_words.rebuild`` for a filled table, in SQLite: the words of a name are the words of its folded
# key (``app.core.names.name_words``: ``{w[:100] for w in fold_name(name).split()}``), and a key is its
# words joined by single spaces (``fold_name`` joins ``split()``), so splitting it at ' ' in SQL gives the
# same words; ``substr`` counts characters as Python's slice does; OR IGNORE drops a word a name repeats
# (the primary key is (word, customer_id)); sorted by that key, its B-tree grows at its end.
# https://www.sqlite.org/lang_with.html#recursive_ctes
_NAME_WORDS = (
    "WITH RECURSIVE split(customer_id, name_key, word, rest) AS ("
    " SELECT id, name_key, NULL, name_key || ' ' FROM main.customer"
    " UNION ALL SELECT customer_id, name_key, substr(rest, 1, instr(rest, ' ') - 1),"
    " substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> '')"
    " INSERT OR IGNORE INTO main.customer_word (word, customer_id, name_key)"
    " SELECT substr(word, 1, 100), customer_id, name_key FROM split WHERE word <> '' ORDER BY 1, 2"
)


def catalog(session: Session, caller: Caller, change: int) -> bytes:
    """The small kinds ``caller`` should hold, as one pull page ending at ``change``, in the protocol's JSON."""
    page = changes.pull(session, caller, 0, 2**62, CATALOG_KINDS)
    page.cursor, page.more = change, False
    if (holders := caller.holders) is not None:  # the merges of the members the file holds
        facts = CustomerMergeRow.__table__
        page.records["merges"] = [
            changes._as_dict("merges", r)
            for r in session.execute(
                select(*changes._COLUMNS["merges"][0], facts.c.change_no)
                .where(or_(changes.in_set(holders, facts.c.survivor_id), changes.in_set(holders, facts.c.duplicate_id)))
                .order_by(facts.c.change_no)
            )
        ]
    return page.encode()


def shareable(session: Session, caller: Caller) -> bool:
    """Whether ``caller``'s bulk is the chain-wide one: a till of the whole chain with no entry of its own
    on the server (``selection`` leaves a till's own entries out; a new till has none)."""
    if caller.holders is not None:
        return False
    return not session.scalar(select(exists().where(EntryRow.terminal_id == caller.terminal_id)))


class Prepared:
    """The last chain-wide bulk file this server process built, kept for the next new till.

    It is served while no row of the bulk's tables took a change number after the one it was built
    at (``bulk_changed_since``, read in the request's own snapshot): every write a till could pull
    stamps its row with a new number, so such a file holds what a fresh build would. Changes to the
    small kinds (a new till paired, a staff member added) do not spoil it: the catalog is read fresh
    for each answer. Each answer streams a hard link of it, so replacing the file never cuts a
    download short. One file per server process; it goes with the process's scratch folder.
    """

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="loyalty-snapshot-cache-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._lock = threading.Lock()  # a second till waits for the build under way, then shares it
        self._built: Built | None = None
        self.builds = 0  # files built (for the tests and the log: a reused file costs none)

    def bulk(self, session: Session, caller: Caller, scratch: Path) -> Built:
        """``caller``'s bulk at ``scratch``/bulk.sqlite: the prepared file when it fits, else a new one."""
        link = scratch / "bulk.sqlite"
        if not shareable(session, caller):
            return build(session, caller, link)
        change, schema = current_change(session), _server_schema(session)
        with self._lock:
            ready = self._built
            if (
                ready is not None
                and ready.server_schema == schema
                and ready.change <= change
                and not bulk_changed_since(session, ready.change)
            ):
                _link(ready.path, link)
                log.info("snapshot of change %s served ready at %s to %s", ready.change, change, caller.terminal_id)
                return dataclasses.replace(ready, path=link)
            if ready is not None and ready.change > change:  # this read is older than the file: its own
                return build(session, caller, link)
            path = self.folder / f"bulk-{change}.sqlite"
            path.unlink(missing_ok=True)  # a build cut short (a dropped connection) left it half-written
            try:
                fresh = build(session, caller, path)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
            self.builds += 1
            if ready is not None:
                ready.path.unlink(missing_ok=True)  # answers still streaming it hold their own link
            self._built = fresh
            _link(fresh.path, link)
            return dataclasses.replace(fresh, path=link)


def _link(path: Path, link: Path) -> None:
    """A name of the answer's own for the prepared file (a copy if the folders are on two file systems)."""
    try:
        os.link(path, link)
    except OSError:
        shutil.copyfile(path, link)


def bulk_changed_since(session: Session, change: int) -> bool:
    """Whether any row the bulk is made of took a change number after ``change``: a member, an entry, a
    balance, a held entry released, a merge. Each test is one probe of a ``change_no`` index."""
    tables = (CustomerRow, EntryRow, BalanceRow, HeldEntry, CustomerMergeRow)
    return any(session.scalar(select(exists().where(t.change_no > change))) for t in tables)


def serve(engine: Engine, caller: Caller, prepared: Prepared) -> Response:
    """``GET /v1/snapshot``: the bulk file then the caller's catalog, both read in one snapshot transaction.

    Headers give the file's sha256, the catalog's length and sha256, the change number the whole answer
    is consistent at and the format; the answer's scratch folder is removed once it is sent. A prepared
    file may have been built at an earlier number (its ``meta``): its rows are the same at this one.
    """
    folder = Path(tempfile.mkdtemp(prefix="loyalty-snapshot-"))
    try:
        with read_session(engine) as s:
            change = current_change(s)
            built = prepared.bulk(s, caller, folder)
            body = catalog(s, caller, change)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    headers = {
        "Content-Length": str(built.size + len(body)),
        fmt.SHA256_HEADER: built.sha256,
        fmt.CATALOG_LENGTH_HEADER: str(len(body)),
        fmt.CATALOG_SHA256_HEADER: hashlib.sha256(body).hexdigest(),
        fmt.CHANGE_HEADER: str(change),
        fmt.SCHEMA_HEADER: built.server_schema,
        fmt.FORMAT_HEADER: str(FORMAT),
    }
    return StreamingResponse(
        _stream(built.path, body),
        media_type="application/vnd.sqlite3",
        headers=headers,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _stream(path: Path, tail: bytes) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            yield block
    yield tail


def _copy(session: Session, db: sqlite3.Connection, table: str, q: Select[Any]) -> int:
    """``q``'s rows into the file: members into a plain scratch table (their duplicates are settled before
    they go into the till's ``customer``, ``_settle_clashes``), entries and balances straight into the
    till's tables (their keys are the server's own: no duplicates)."""
    names = list(BULK[table])
    if table == "customer":
        db.execute(f"CREATE TABLE stage.{table} ({', '.join(names)})")
    into = "stage" if table == "customer" else "main"
    insert = f"INSERT INTO {into}.{table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    count = 0
    name_at = CUSTOMER_COLUMNS.index("name")
    for part in _rows(session, q):
        if table == "customer":  # the folded name, once here rather than once per till
            part = [(*r, fold_name(r[name_at])) for r in part]
        db.executemany(insert, part)
        count += len(part)
    return count


def _rows(session: Session, q: Select[Any]) -> Iterator[list[tuple[Any, ...]]]:
    """``q``'s rows in blocks, from the driver's own cursor: SQLAlchemy's Row objects cost a third of the
    build at a million rows, and the columns need no conversion (times are text already).

    On PostgreSQL a named (server-side) cursor streams inside the snapshot transaction instead of
    holding a million rows. https://www.psycopg.org/psycopg3/docs/advanced/cursors.html#server-side-cursors
    """
    conn = session.connection()
    compiled = q.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})  # IN (…) lists
    raw = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        cursor = raw.cursor(name="loyalty_snapshot")  # type: ignore[union-attr]
        cursor.execute(str(compiled), compiled.params)
    else:
        cursor = raw.cursor()  # type: ignore[union-attr]
        cursor.execute(str(compiled), [compiled.params[k] for k in compiled.positiontup or ()])
    try:
        while part := cursor.fetchmany(_BATCH):
            yield part
    finally:
        cursor.close()


def _server_schema(session: Session) -> str:
    if not inspect(session.connection()).has_table("alembic_version"):
        return ""  # a database made by create_all (a scratch server in a test) has no Alembic table
    return str(session.scalar(text("SELECT version_num FROM alembic_version")) or "")


def file_digest(path: Path) -> tuple[int, str]:
    """(size in bytes, sha256 hex) of ``path``, read in 1 MiB blocks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
            size += len(block)
    return size, h.hexdigest()
