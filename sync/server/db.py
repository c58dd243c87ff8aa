"""The server's database: PostgreSQL (psycopg 3) in production, SQLite embedded beside a till.

``ChangeCounter`` is the one serialisation point of the server: a writing
transaction locks the counter row, takes the numbers it needs, and keeps the
lock until it commits. Two effects: writes that need change numbers are
applied one transaction at a time (their heavy checks — hashes, chains — run
before, in parallel), and change numbers become visible in the order they
were given, which is what lets a pull by cursor be exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select, text, update
from sqlalchemy.orm import Session

from sync.server.models import ServerState


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 here; a bare path means SQLite."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    return url


def make_server_engine(url: str, *, pool_size: int = 10, max_overflow: int = 30) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True, pool_timeout=60, pool_recycle=1800
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # an acknowledged push survives a power cut
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Readers take a snapshot; writers queue on the lock up front instead of failing half-way.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("readonly") else "BEGIN IMMEDIATE")


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A consistent snapshot for a pull: every table read as of one moment."""
    options: dict[str, Any] = {"readonly": True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
        options["postgresql_readonly"] = True
    with engine.connect().execution_options(**options) as conn, Session(bind=conn) as session, conn.begin():
        yield session


@contextmanager
def quick_read(engine: Engine) -> Iterator[Connection]:
    """A single-statement read without a transaction around it (autocommit on PostgreSQL)."""
    options: dict[str, Any] = {"readonly": True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    with engine.connect().execution_options(**options) as conn:
        yield conn


class ChangeCounter:
    """Hands out change numbers inside one writing transaction; ``finish`` stores the last one."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # SELECT … FOR UPDATE: the row lock is held until this transaction ends.
        row = session.execute(select(ServerState.last_change).where(ServerState.id == 1).with_for_update()).first()
        if row is None:
            raise RuntimeError("the server database is not initialised (run `loyalty-server migrate`)")
        self.last = int(row[0])
        self.start = self.last

    def next(self) -> int:
        self.last += 1
        return self.last

    def finish(self) -> int:
        if self.last != self.start:
            self.session.execute(update(ServerState).where(ServerState.id == 1).values(last_change=self.last))
        return self.last


def current_change(session: Session) -> int:
    return int(session.scalar(select(ServerState.last_change).where(ServerState.id == 1)) or 0)


def ping(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
