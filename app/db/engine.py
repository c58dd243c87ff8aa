"""The terminal's SQLite engine: WAL, foreign keys on, durable commits.

``synchronous=FULL`` in WAL mode makes a commit survive a power cut: when the
cashier sees "awarded", the entry is on disk. Every transaction starts with
``BEGIN IMMEDIATE`` so two writers (the UI and the sync worker) queue on the
lock instead of failing half-way with "database is locked".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def make_engine(path: Path | str, *, echo: bool = False) -> Engine:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(sqlite_url(path), echo=echo, connect_args={"timeout": 30})
    configure_sqlite(engine)
    return engine


def configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def vacuum_into_incremental(engine: Engine) -> None:
    """``PRAGMA auto_vacuum=INCREMENTAL`` takes effect only through a full ``VACUUM``, which must run
    outside any transaction: hence the raw connection. A new home does it while still empty; an older
    one when the manager asks (it rewrites the whole file)."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        cursor.execute("PRAGMA auto_vacuum=INCREMENTAL")
        cursor.execute("VACUUM")
        cursor.close()
    finally:
        conn.close()
