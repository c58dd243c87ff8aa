"""Many rows written with one ``executemany`` on the DBAPI cursor: the bulk paths' writer.

A 100,000-receipt POS export writes about 130,000 rows (receipts, ledger entries, outbox items,
balances). Through ``Session.execute(table.insert(), rows)`` SQLAlchemy builds each row's
parameters in Python (``construct_params`` and the type processors, per row and column), which cost
more CPU than SQLite's own inserts. Here the SQL is made once per table and column set, each
column's own bind processor is applied (``TypeEngine.bind_processor``: UTCDateTime's aware-UTC
check and SQLite's DATETIME text,
https://docs.sqlalchemy.org/en/20/core/type_api.html#sqlalchemy.types.TypeEngine.bind_processor),
and sqlite3's ``executemany`` runs the rows in the session's transaction
(https://docs.python.org/3/library/sqlite3.html#sqlite3.Cursor.executemany). The same approach
as the award's single row (``ledger_writer._Prepared``), for many rows.

SQLite only: on another dialect, or for a table with a Python-side callable default the rows do
not fill, the plain Core statement runs (same result, SQLAlchemy's speed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.db.types import UTCDateTime

Processor = Callable[[Any], Any] | None


@lru_cache(maxsize=64)
def _columns(table: Table, names: tuple[str, ...], dialect: Dialect) -> list[tuple[str, Processor]]:
    return [(n, _processor(table.c[n].type, dialect)) for n in names]


def _processor(type_: Any, dialect: Dialect) -> Processor:
    if isinstance(type_, UTCDateTime) and dialect.name == "sqlite":
        return _utc_text  # the same text in one call instead of the decorator's two
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _utc_text(value: datetime | None) -> str | None:
    """What ``UTCDateTime`` then SQLite's ``DATETIME`` bind: naive UTC as ``YYYY-MM-DD HH:MM:SS.ffffff``
    (test_bulk compares both byte for byte); a naive moment is refused as there."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _defaults(table: Table, names: set[str]) -> dict[str, Any] | None:
    """Scalar defaults of the columns the rows leave out; None when one is a callable (Core then)."""
    out: dict[str, Any] = {}
    for c in table.columns:
        if c.name in names or c.default is None:
            continue
        if not c.default.is_scalar:
            return None
        out[c.name] = c.default.arg
    return out


def _values(rows: Sequence[Mapping[str, Any]], columns: list[tuple[str, Processor]]) -> list[list[Any]]:
    return [[p(r[n]) if p else r[n] for n, p in columns] for r in rows]


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``INSERT`` every row (all with the same keys) in the session's transaction."""
    if not rows:
        return
    session.flush()  # pending ORM objects first: the rows may name them
    conn = session.connection()
    names = set(rows[0])
    defaults = _defaults(table, names) if conn.dialect.name == "sqlite" else None
    if defaults is None:
        session.execute(insert(table), list(rows))
        return
    if defaults:
        rows = [{**defaults, **r} for r in rows]
    ordered = tuple(sorted(set(rows[0])))
    columns = _columns(table, ordered, conn.dialect)
    sql = f"INSERT INTO {table.name} ({', '.join(ordered)}) VALUES ({', '.join('?' * len(ordered))})"
    _run(conn, sql, _values(rows, columns))


def update_rows(session: Session, table: Table, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """``UPDATE … WHERE key = ?`` for every row (all with the same keys, ``key`` among them)."""
    if not rows:
        return
    session.flush()
    conn = session.connection()
    names = tuple(sorted(n for n in rows[0] if n != key))
    if conn.dialect.name != "sqlite":
        stmt = update(table).where(table.c[key] == bindparam("_key")).values({n: bindparam(n) for n in names})
        session.execute(stmt, [{**{n: r[n] for n in names}, "_key": r[key]} for r in rows])
        return
    columns = _columns(table, (*names, key), conn.dialect)
    sql = f"UPDATE {table.name} SET {', '.join(f'{n} = ?' for n in names)} WHERE {key} = ?"
    _run(conn, sql, _values(rows, columns))


def _run(conn: Any, sql: str, params: list[list[Any]]) -> None:
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()
