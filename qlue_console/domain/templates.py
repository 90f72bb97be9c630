"""Message templates as plain rules: which template a report suggests, and a template's text
with its placeholders filled. The templates themselves live in the database
(``message_templates``, revision 0026); this module reads none of it.

Placeholders are written in braces: ``{kelurahan}``, ``{due}``, ``{report}``, ``{official}``,
``{category}``. The database refuses any other; here, a placeholder without a value is left as
written, so the operator sees what is still to be said before sending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

PURPOSES = ("dispatch", "rejection", "reply")
PLACEHOLDERS = ("kelurahan", "due", "report", "official", "category")
LANGUAGES = ("id", "en")

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class MessageTemplate:
    id: int
    purpose: str  # dispatch, rejection or reply
    category_code: str | None  # None: every category
    status: str | None  # None: every state
    reason_code: str | None  # rejections only; None: every reason
    title: str
    body_id: str
    body_en: str
    position: int
    version: int
    updated_at: datetime
    updated_by: str

    def body(self, language: str) -> str:
        return self.body_en if language == "en" else self.body_id


@dataclass(frozen=True)
class TemplateValues:
    """What a template's placeholders stand for, for one report (None: not known)."""

    report: int | None = None
    kelurahan: str | None = None
    due: str | None = None  # already written for a person, in the template's language
    official: str | None = None
    category: str | None = None

    def as_dict(self) -> dict[str, str]:
        values = {
            "report": f"#{self.report}" if self.report is not None else None,
            "kelurahan": self.kelurahan,
            "due": self.due,
            "official": self.official,
            "category": self.category,
        }
        return {k: v for k, v in values.items() if v}


def unknown_placeholders(body: str) -> list[str]:
    """The placeholders of a text that are not known (the database refuses them too)."""
    return [m for m in _PLACEHOLDER.findall(body) if m not in PLACEHOLDERS]


def fill_template(body: str, values: Mapping[str, str]) -> str:
    """The text with each known placeholder replaced by its value; a placeholder without a
    value (or an unknown one) stays as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or m.group(0), body)


def _specificity(t: MessageTemplate) -> int:
    return (
        (4 if t.reason_code is not None else 0)
        + (2 if t.category_code is not None else 0)
        + (1 if t.status is not None else 0)
    )


def matching_templates(
    templates: Iterable[MessageTemplate],
    purpose: str,
    *,
    category: str | None = None,
    status: str | None = None,
    reason: str | None = None,
) -> list[MessageTemplate]:
    """The templates of a purpose that fit a report, the suggested one first: a template fits
    when each of its category, state and reason is unset or the report's. The most specific
    fits best (a reason counts more than a category, a category more than a state), then the
    lower position, then the title."""
    fitting = [
        t
        for t in templates
        if t.purpose == purpose
        and t.category_code in (None, category)
        and t.status in (None, status)
        and t.reason_code in (None, reason)
    ]
    return sorted(fitting, key=lambda t: (-_specificity(t), t.position, t.title.lower(), t.id))
