"""Alembic from code: upgrade, downgrade, the current revision and the start-up check."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from qlue_console.db.errors import SchemaMismatch
from qlue_console.paths import alembic_dir


def _config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(alembic_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        command.upgrade(_config(conn), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as conn:
        command.downgrade(_config(conn), revision)


def ensure_current(engine: Engine) -> None:
    """Refuses to run against a database whose revision is not the one this code was built for."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaMismatch(
            "The database has no Qlue schema yet: ask its operator to run 'qlue-console db upgrade'.")
    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current in known:
        raise SchemaMismatch(
            f"The database is at revision {current} but this console needs {head}: "
            "run 'qlue-console db upgrade' (an operator's step).")
    raise SchemaMismatch(
        f"The database is at revision {current}, newer than this console ({head}): update the console.")
