"""The message templates in the database (``message_templates``, revision 0026): read by every
console, written only by an admin through ``save_message_template`` and
``delete_message_template`` (PostgreSQL refuses anyone else, a stale version, an unknown
placeholder)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.db.sql_errors import translated_errors
from qlue_console.domain.templates import MessageTemplate


@dataclass(frozen=True)
class TemplateEdit:
    """A template as the editor sends it: ``id`` None for a new one, ``version`` as read."""

    id: int | None
    version: int | None
    purpose: str
    category_code: str | None
    status: str | None
    reason_code: str | None
    title: str
    body_id: str
    body_en: str
    position: int = 0


def fetch_templates(engine: Engine) -> list[MessageTemplate]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, purpose, category_code, status, reason_code, title, body_id, body_en, "
                "position, version, updated_at, updated_by FROM message_templates "
                "ORDER BY purpose, position, lower(title), id"
            )
        ).mappings()
        return [MessageTemplate(**dict(m)) for m in rows]


def can_edit_templates(engine: Engine) -> bool:
    """Whether this login may write templates (PostgreSQL's own answer)."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT has_function_privilege('save_message_template(bigint, integer, text, "
                "text, text, text, text, text, text, integer)', 'EXECUTE')"
            )
        ).scalar_one()


def save_template(engine: Engine, edit: TemplateEdit) -> int:
    """Adds or changes a template; returns its id. ``ContractError`` names the bad field,
    ``ConflictError`` says who changed it since, ``PermissionDeniedError`` for a non-admin."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text(
                "SELECT save_message_template(:id, :version, :purpose, :category, :status, "
                ":reason, :title, :body_id, :body_en, :position)"
            ),
            {
                "id": edit.id,
                "version": edit.version,
                "purpose": edit.purpose,
                "category": edit.category_code,
                "status": edit.status,
                "reason": edit.reason_code,
                "title": edit.title,
                "body_id": edit.body_id,
                "body_en": edit.body_en,
                "position": edit.position,
            },
        ).scalar_one()


def delete_template(engine: Engine, template_id: int) -> bool:
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text("SELECT delete_message_template(:id)"), {"id": template_id}
        ).scalar_one()
