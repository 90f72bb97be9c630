"""Translatable labels of dispatch data (account kinds, mention states, area levels); due times
are written as every moment is (``gui.i18n.moment_text``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qlue_console.gui.i18n import fill

_KINDS = {
    "lurah": QT_TRANSLATE_NOOP("DispatchLabels", "Lurah"),
    "camat": QT_TRANSLATE_NOOP("DispatchLabels", "Camat"),
    "walikota": QT_TRANSLATE_NOOP("DispatchLabels", "Mayor (walikota)"),
    "agency": QT_TRANSLATE_NOOP("DispatchLabels", "Agency"),
    "field_officer": QT_TRANSLATE_NOOP("DispatchLabels", "Field officer"),
    "external": QT_TRANSLATE_NOOP("DispatchLabels", "Outside utility"),
}
_STATES = {
    "open": QT_TRANSLATE_NOOP("DispatchLabels", "Open"),
    "resolved": QT_TRANSLATE_NOOP("DispatchLabels", "Followed up"),
    "forwarded": QT_TRANSLATE_NOOP("DispatchLabels", "Passed on"),
    "escalated": QT_TRANSLATE_NOOP("DispatchLabels", "Escalated"),
    "closed": QT_TRANSLATE_NOOP("DispatchLabels", "Closed"),
}
_LEVELS = {
    "kelurahan": QT_TRANSLATE_NOOP("DispatchLabels", "kelurahan"),
    "kecamatan": QT_TRANSLATE_NOOP("DispatchLabels", "kecamatan"),
    "kota": QT_TRANSLATE_NOOP("DispatchLabels", "kota"),
    "agency": QT_TRANSLATE_NOOP("DispatchLabels", "category's agency"),
}

OVERDUE_RED = "#c62828"
OVERDUE_BACKGROUND = "#fdecea"


def _tr(source: object) -> str:
    """The translation of a source text (QT_TRANSLATE_NOOP gives it back typed ``object``)."""
    return QCoreApplication.translate("DispatchLabels", str(source))


def kind_text(kind: str, is_head: bool = False) -> str:
    if kind == "agency" and is_head:
        return _tr(QT_TRANSLATE_NOOP("DispatchLabels", "Agency head"))
    return _tr(_KINDS.get(kind, kind))


def kinds() -> list[tuple[str, str]]:
    return [(code, _tr(label)) for code, label in _KINDS.items()]


def mention_state_text(state: str) -> str:
    return _tr(_STATES.get(state, state))


def level_text(level: str) -> str:
    return _tr(_LEVELS.get(level, level))


def rule_text(level: str, kind: str) -> str:
    """Why the routing rules suggest an account: "Lurah of the kelurahan"."""
    template = _tr(QT_TRANSLATE_NOOP("DispatchLabels", "%1 of the %2"))
    return fill(template, kind_text(kind), level_text(level))
