"""Alembic environment of the central server's database (PostgreSQL, or SQLite when embedded).

Several server processes may start at once behind a load balancer; on
PostgreSQL an advisory lock makes them migrate one after the other.
"""

from alembic import context
from sqlalchemy import Engine, text

from sync.server.db import make_server_engine
from sync.server.models import Base

config = context.config
target_metadata = Base.metadata
MIGRATION_LOCK = 0x6C6F79616C7479  # "loyalty"


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        engine = make_server_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        is_pg = connection.dialect.name == "postgresql"
        if is_pg:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if is_pg:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
                connection.commit()


run_migrations_online()
