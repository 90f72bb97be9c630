"""Alembic environment: runs migrations on the connection the caller hands over.

The console, the CLI and the tests all migrate from code (`qlue_console.db.migrate`), passing
an open connection in `config.attributes["connection"]`; a plain `sqlalchemy.url` works too for
a developer running the alembic command by hand.
"""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from alembic import context

config = context.config


def _collapse_branch_heads(connection) -> None:
    """A database migrated while the history still had parallel branches records the head of each
    (0003, 0004 and 0008); in the one chain they are ancestors of one another, and only the latest
    is the database's revision."""
    if not inspect(connection).has_table("alembic_version"):
        return
    recorded = set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    if len(recorded) < 2:
        return
    script = context.script
    known = {rev.revision for rev in script.walk_revisions()}
    if not recorded <= known:
        return  # a revision this code does not know: the start-up check names it
    below = {
        rev.revision
        for head in recorded
        for rev in script.iterate_revisions(head, "base")
        if rev.revision != head
    }
    for revision in recorded & below:
        connection.execute(
            text("DELETE FROM alembic_version WHERE version_num = :v"), {"v": revision}
        )


def _run(connection) -> None:
    _collapse_branch_heads(connection)
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
