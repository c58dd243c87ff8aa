"""Run the terminal's Alembic migrations from code: the app upgrades its database on start.

Importing Alembic (and Mako, which it pulls in) costs about 200 ms, more than the upgrade itself
takes on a database already at head (16 ms). Almost every start finds the database at head, so
``upgrade`` first compares the database's ``alembic_version`` row with the scripts' head, read
straight from the revision files (``script_head``; a test checks it against Alembic's own
``ScriptDirectory.get_current_head()``), and imports Alembic only when there is work to do.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.db.engine import vacuum_into_incremental

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

# ``revision = "0008"`` / ``down_revision: str | None = "0007"`` (or a tuple at a merge point), at the
# start of a line as Alembic's script template writes them.
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"""["']([^"']+)["']""")


def alembic_config(engine: Engine | None = None, *, env: str = "terminal", url: str = "") -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS / env))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@cache
def script_head(env: str = "terminal") -> str | None:
    """The head revision of the migration scripts, without importing Alembic.

    The revision files are read as text: each names its ``revision`` and ``down_revision``; the
    head is the one revision no other revision follows. None when that is not exactly one (several
    heads, or files this reader does not understand): then Alembic decides.
    """
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in (MIGRATIONS / env / "versions").glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")))
        names = _QUOTED.findall(found.get("revision", ""))
        if len(names) != 1:
            return None
        revisions.add(names[0])
        followed.update(_QUOTED.findall(found.get("down_revision", "")))
    heads = revisions - followed
    return heads.pop() if len(heads) == 1 else None


def _query(engine: Engine, sql: str) -> list[tuple[object, ...]] | None:
    """Rows of one read on a plain DBAPI connection (autocommit: no ``BEGIN IMMEDIATE``, so a
    start never queues behind a writer just to read the version). None when the table is missing."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        try:
            cursor.execute(sql)
            return list(cursor.fetchall())
        except engine.dialect.loaded_dbapi.OperationalError:  # no such table
            return None
        finally:
            cursor.close()
    finally:
        conn.close()


def database_revision(engine: Engine) -> str | None:
    """The revision the database is at (its one ``alembic_version`` row); None for a new database."""
    rows = _query(engine, "SELECT version_num FROM alembic_version")
    return str(rows[0][0]) if rows is not None and len(rows) == 1 else None


def prepare_new_database(engine: Engine) -> bool:
    """A database without tables yet is switched to incremental auto-vacuum; True if it was.

    SQLite fixes ``auto_vacuum`` when the first table is made, and our connections set WAL
    first, which already writes the header: the switch needs a VACUUM, which costs nothing on
    an empty file. https://www.sqlite.org/pragma.html#pragma_auto_vacuum — "Auto-vacuuming must
    be turned on before any tables are created … or by running the VACUUM command". A database
    made before this is switched by the manager's ``loyalty housekeeping --compact``.
    """
    tables = _query(engine, "SELECT count(*) FROM sqlite_master")
    if tables is None or tables[0][0]:
        return False
    vacuum_into_incremental(engine)
    return True


def at_head(engine: Engine) -> bool:
    """True when the database is at the scripts' head: nothing to migrate."""
    head = script_head()
    return head is not None and database_revision(engine) == head


def upgrade(engine: Engine) -> None:
    """Bring the database to the scripts' head; a database already there costs one small query."""
    if at_head(engine):
        return
    prepare_new_database(engine)
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def main(argv: list[str] | None = None) -> None:
    """``python -m app.db.migrate revision "message"`` — autogenerate against a scratch database."""
    import tempfile

    from alembic import command

    from app.db.engine import make_engine

    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2 or args[0] != "revision":
        raise SystemExit('usage: python -m app.db.migrate revision "message"')
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "scratch.db")
        upgrade(engine)
        command.revision(alembic_config(engine), message=args[1], autogenerate=True)


if __name__ == "__main__":
    main()
