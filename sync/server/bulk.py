"""Set-at-a-time reads and writes for the push: one statement per table per batch on PostgreSQL.

Why: a push of 1,000 entries used to send an ``UPDATE`` per member balance (pipelined, but still a
statement each for PostgreSQL to parse, plan and run), an ``IN (…)`` list of 900 bound parameters per
look-up, and two or three statements per working-set holder. Here a look-up binds the whole list as
one array (``column = ANY(%s)``), and a write of many rows is one ``INSERT … SELECT FROM unnest(…)
ON CONFLICT … DO UPDATE``: a fixed statement text (psycopg prepares it after a few uses) whose cost
no longer grows with the number of bound parameters.

* ``= ANY(array)``: https://www.postgresql.org/docs/15/functions-comparisons.html#id-1.5.8.30.16
* ``unnest`` of several arrays side by side:
  https://www.postgresql.org/docs/15/functions-array.html#ARRAY-FUNCTIONS-TABLE
* ``INSERT … ON CONFLICT … DO UPDATE`` and ``EXCLUDED``: https://www.postgresql.org/docs/15/sql-insert.html
* psycopg adapts a Python list to a PostgreSQL array:
  https://www.psycopg.org/psycopg3/docs/basic/adapt.html#lists-adaptation

SQLite (the embedded server beside a till) keeps the portable forms: chunks of ``IN (…)`` under its
bound-parameter limit, and Core ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Table, any_, bindparam, cast, insert, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

_CHUNK = 900  # bound parameters per IN (…) list, under SQLite's limit


def on_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def among(session: Session, column: ColumnElement[Any], values: Sequence[Any]) -> Iterable[ColumnElement[bool]]:
    """Conditions ``column`` is one of ``values``: one ``= ANY(array)`` on PostgreSQL, chunks of IN on SQLite.

    Both use an index on ``column`` (the EXPLAIN test, tests/sync/test_query_plans.py, checks it).
    """
    if not values:
        return
    if on_postgres(session):
        yield column == any_(cast(bindparam(None, array_text(values)), postgresql.ARRAY(column.type)))
        return
    for i in range(0, len(values), _CHUNK):
        yield column.in_(list(values[i : i + _CHUNK]))


def array_text(values: Sequence[str]) -> str:
    """A PostgreSQL array literal of strings: every element double-quoted, ``"`` and ``\\`` escaped.

    Why not let psycopg adapt the list: its text array dumper checks each element with a regular
    expression in Python (about 5 µs an element: 5 ms for a batch's thousand receipt numbers); one
    ``join`` is a tenth of that. The quoting rules: https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO
    """
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


@cache
def _upsert_text(table: Table, columns: tuple[str, ...], key: tuple[str, ...], keep: str | None) -> str:
    """``INSERT INTO t (cols) SELECT * FROM unnest(%s::type[], …) ON CONFLICT (key) DO UPDATE SET …``.

    ``keep``: a column whose stored value stays when the new row brings 0 (a working-set row already
    in its holder's set keeps its change number; see ``sync.server.working_set.enter``).
    """
    dialect = postgresql.dialect()
    # %b: binary arrays, dumped by psycopg without quoting each element (a third of the text form's CPU):
    # https://www.psycopg.org/psycopg3/docs/basic/params.html#binary-parameters-and-results
    arrays = ", ".join(f"%b::{table.c[c].type.compile(dialect=dialect)}[]" for c in columns)
    sets = []
    for c in columns:
        if c in key:
            continue
        if c == keep:
            sets.append(f"{c} = CASE WHEN EXCLUDED.{c} = 0 THEN {table.name}.{c} ELSE EXCLUDED.{c} END")
        else:
            sets.append(f"{c} = EXCLUDED.{c}")
    return (
        f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT * FROM unnest({arrays}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(sets)}"
    )


def upsert(
    session: Session,
    table: Table,
    key: Sequence[str],
    rows: Sequence[dict[str, Any]],
    *,
    existing: set[Any] | None = None,
    keep: str | None = None,
) -> None:
    """Insert ``rows``, or overwrite the stored row of the same ``key``: one statement on PostgreSQL.

    On SQLite, ``existing`` (the keys already stored, which the caller read anyway) splits the rows
    into an ``UPDATE`` executemany and an ``INSERT``; ``keep`` as in ``_upsert_text``.
    """
    if not rows:
        return
    columns = tuple(rows[0])
    if on_postgres(session):
        statement = _upsert_text(table, columns, tuple(key), keep)
        session.connection().exec_driver_sql(statement, tuple([row[c] for row in rows] for c in columns))
        return
    held = existing if existing is not None else set()
    updates = [row for row in rows if _key_of(row, key) in held]
    inserts = [row for row in rows if _key_of(row, key) not in held]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}  # rows that write the same columns
    for row in updates:
        if keep is not None and row[keep] == 0:
            row = {c: v for c, v in row.items() if c != keep}
        groups.setdefault(tuple(row), []).append(row)
    for names, group in groups.items():
        values = {c: bindparam(f"v_{c}") for c in names if c not in key}
        where = [table.c[k] == bindparam(f"v_{k}") for k in key]
        session.execute(
            update(table).where(*where).values(values), [{f"v_{c}": row[c] for c in names} for row in group]
        )
    if inserts:
        session.execute(insert(table), inserts)


def _key_of(row: dict[str, Any], key: Sequence[str]) -> Any:
    return row[key[0]] if len(key) == 1 else tuple(row[k] for k in key)
