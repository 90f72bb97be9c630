"""Open311 keys and channels: each API key belongs to one citizen channel, a login in
``qlue_channel``. The table ``channel_keys`` keeps only the key's SHA-256 hash; ``channel_refusals``
logs what the gateway refused. The gateway (a member of the new group ``qlue_gateway``) checks a key
with ``qlue_channel_key_check`` and logs a refusal with ``qlue_channel_refusal``; an admin adds,
revokes and lists channels (``qlue_channel_add``, ``qlue_channel_revoke``, ``qlue_channel_list``).
Nobody reads the tables directly. An event written by the gateway acting as a channel (SET ROLE)
is stamped with the channel's login. SQL in ``alembic/sql/0015/``.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0015"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
