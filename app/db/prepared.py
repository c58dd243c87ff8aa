"""A Core SELECT compiled once and run on the DBAPI cursor: the award's hot reads (issue 12 item 5).

Executing a Core statement through SQLAlchemy costs, per call, a cache key, a compiled-cache
lookup, an execution context and a result object — on a till about as much CPU as SQLite's own
work for a one-row read. ``Prepared`` compiles the statement once per dialect (``Compiled.string``
and ``Compiled.positiontup``: the SQL and its parameters in order), and keeps each parameter's
and each column's own type processors (``TypeEngine.bind_processor`` / ``result_processor``,
https://docs.sqlalchemy.org/en/20/core/type_api.html#sqlalchemy.types.TypeEngine.bind_processor),
so values convert exactly as through SQLAlchemy (UTCDateTime stays aware UTC). It runs in the
connection's transaction. Core statements do not autoflush: callers flush pending ORM objects
first when the read must see them.
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any

from sqlalchemy import Connection, Select

_REQUIRED = object()  # a parameter the caller must give (``bindparam("name")`` without a value)


class Prepared:
    """``Prepared(select(...))(connection, {"name": value})`` → rows with the statement's column names."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._made: tuple[Any, str, list[tuple[str, Any, Any]], list[Any], type] | None = None

    def _make(self, dialect: Any) -> tuple[Any, str, list[tuple[str, Any, Any]], list[Any], type]:
        compiled = self.statement.compile(dialect=dialect)
        if not compiled.positiontup and compiled.binds and dialect.paramstyle not in ("qmark", "format"):
            raise ValueError("Prepared runs positional paramstyles only (the till's SQLite)")
        params = []
        for name in compiled.positiontup or []:
            bind = compiled.binds[name]
            fixed = _REQUIRED if bind.required or bind.callable is not None else bind.effective_value
            params.append((bind.key, bind.type.dialect_impl(dialect).bind_processor(dialect), fixed))
        columns = list(self.statement.selected_columns)
        results = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
        row = namedtuple("row", [c.key for c in columns], rename=True)  # type: ignore[misc]
        return dialect, compiled.string, params, results, row

    def __call__(self, conn: Connection, values: dict[str, Any] | None = None) -> list[Any]:
        made = self._made
        if made is None or made[0] is not conn.dialect:
            made = self._made = self._make(conn.dialect)
        _, sql, params, results, row = made
        values = values or {}
        args = []
        for key, process, fixed in params:
            value = values.get(key, fixed)
            if value is _REQUIRED:
                raise KeyError(f"no value for the parameter {key}")
            args.append(process(value) if process else value)
        cursor = conn.connection.driver_connection.cursor()
        try:
            raw = cursor.execute(sql, args).fetchall()
        finally:
            cursor.close()
        return [row(*(p(v) if p else v for p, v in zip(results, r, strict=True))) for r in raw]
