"""Run the terminal's Alembic migrations from code: the app upgrades its database on start."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(engine: Engine | None = None, *, env: str = "terminal", url: str = "") -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS / env))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def main(argv: list[str] | None = None) -> None:
    """``python -m app.db.migrate revision "message"`` — autogenerate against a scratch database."""
    import tempfile

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
