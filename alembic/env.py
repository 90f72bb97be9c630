"""Alembic environment: runs migrations on the connection the caller hands over.

The console, the CLI and the tests all migrate from code (`qlue_console.db.migrate`), passing
an open connection in `config.attributes["connection"]`; a plain `sqlalchemy.url` works too for
a developer running the alembic command by hand.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)
