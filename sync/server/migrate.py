"""Run the server's Alembic migrations from code: ``serve`` upgrades the database before it listens."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

SCRIPTS = Path(__file__).resolve().parents[2] / "migrations" / "server"


def alembic_config(engine: Engine | None = None, *, url: str = "") -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a revision against ``engine`` (an up-to-date scratch database)."""
    command.revision(alembic_config(engine), message=message, autogenerate=True)
