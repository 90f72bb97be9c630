"""Alembic from code: upgrade, downgrade, the current revision and the start-up check.

The history is one chain (``alembic/versions``, each revision's SQL in ``alembic/sql/NNNN/``); a
released revision is never edited. A database migrated while the history still had parallel
branches records their heads; ``alembic/env.py`` collapses them to the latest on upgrade.
"""

from __future__ import annotations

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from alembic import command
from qlue_console.db.errors import SchemaMismatchError
from qlue_console.paths import alembic_dir


def _config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(alembic_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revisions() -> frozenset[str]:
    return frozenset(_script().get_heads())


def head_revision() -> str:
    """The code's head(s) as one printable string."""
    return "+".join(sorted(head_revisions()))


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as conn:
        return frozenset(MigrationContext.configure(conn).get_current_heads())


def current_revision(engine: Engine) -> str | None:
    current = current_revisions(engine)
    return "+".join(sorted(current)) if current else None


def upgrade(engine: Engine, revision: str = "heads") -> None:
    with engine.begin() as conn:
        command.upgrade(_config(conn), "heads" if revision == "head" else revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as conn:
        command.downgrade(_config(conn), revision)


def ensure_current(engine: Engine) -> None:
    """Refuses to run against a database whose revision is not the one this code was built for."""
    current, heads = current_revisions(engine), head_revisions()
    if current == heads:
        return
    if not current:
        raise SchemaMismatchError(
            "The database has no Qlue schema yet: ask its operator to run "
            "'qlue-console db upgrade'."
        )
    known = {rev.revision for rev in _script().walk_revisions()}
    if current <= known:
        raise SchemaMismatchError(
            f"The database is at revision {'+'.join(sorted(current))} but this console needs "
            f"{head_revision()}: run 'qlue-console db upgrade' (an operator's step)."
        )
    raise SchemaMismatchError(
        f"The database is at revision {'+'.join(sorted(current))}, newer than this console "
        f"({head_revision()}): update the console."
    )
