"""Persistence of the terminal: SQLAlchemy models, the engine, migrations."""
