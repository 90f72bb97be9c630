"""Message templates and replies to the citizen: the table ``message_templates`` (per
purpose — dispatch, rejection, reply —, category, state and rejection reason, in Bahasa
Indonesia and English, with the placeholders {kelurahan}, {due}, {report}, {official},
{category}), read by every console and written only by admins through
``save_message_template`` / ``delete_message_template``; the event kind ``reply`` (a public
update, unlike an internal ``comment``) written by ``reply_to_citizen``, and
``channel_replies`` by which a citizen channel reads the replies to its own reports. SQL in
``alembic/sql/0026/``.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-02
"""

from pathlib import Path

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[1] / "sql" / "0026"


def _run(name: str) -> None:
    """Runs this revision's SQL file as written (no parameters: '%' and ':' stay as they are)."""
    op.get_bind().exec_driver_sql(
        (SQL / name).read_text(encoding="utf-8"), execution_options={"no_parameters": True}
    )


def upgrade() -> None:
    _run("upgrade.sql")


def downgrade() -> None:
    _run("downgrade.sql")
