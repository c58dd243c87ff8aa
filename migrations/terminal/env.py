"""Alembic environment of the terminal database (SQLite, batch mode for ALTERs).

The whole upgrade runs in one outer ``BEGIN IMMEDIATE`` transaction. Alembic
treats SQLite as non-transactional DDL and would otherwise commit after each
revision, so two programs opening a new home at once (the cashier app and the
sync worker) could both read "at 0001" and both try to move the version row;
the loser failed with "expected to match one row". Under one immediate
transaction the second program waits on the lock, then finds the schema at
head. It also makes an upgrade cut short by a power cut leave the old schema,
never half of the new one.
"""

from alembic import context
from sqlalchemy import Engine

from app.db.engine import make_engine
from app.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        engine = make_engine(url.removeprefix("sqlite:///"))
    with engine.connect() as connection, connection.begin():
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
