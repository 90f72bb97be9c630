"""Translations: the console speaks Bahasa Indonesia or English.

The language follows the one rule of ``qlue_console.domain.language`` (``QLUE_LANG`` or
``--lang``, else the saved setting, else the system locale), the same rule as the command
line's. Source strings are English; ``resources/translations/qlue_id.qm`` holds the Indonesian
translation, Qt's own buttons and menus included (Qt ships no Indonesian of its own), and
``qlue_en.qm`` the English plural forms (``%n report(s)`` → "1 report", "2 reports").
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from qlue_console.domain import formatting
from qlue_console.domain.language import SUPPORTED, default_language
from qlue_console.paths import resource

__all__ = [
    "SUPPORTED",
    "category_name",
    "chosen_language",
    "current_language",
    "install_translations",
    "uninstall_translations",
]

_installed: list[QTranslator] = []
LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def chosen_language() -> str:
    saved = str(QSettings().value("ui/language", "") or "")
    return default_language(os.environ, saved)


def current_language() -> str:
    """The language the screens speak now (what ``install_translations`` set)."""
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def moment_text(value) -> str:
    """A moment as every screen writes it, in the current language: "4 Des 2026 11:40 WIB"."""
    return formatting.moment(value, current_language())


def uninstall_translations(app: QCoreApplication) -> None:
    """Removes the translators ``install_translations`` installed (the screens speak the source
    English)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translations(app: QCoreApplication, language: str) -> str:
    """Installs the translators for ``language`` (replacing earlier ones); returns the language."""
    uninstall_translations(app)
    language = language if language in SUPPORTED else "en"
    translator = QTranslator(app)
    if translator.load(str(resource("translations", f"qlue_{language}.qm"))):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(LOCALES[language])
    return language


def category_name(language: str, name_id: str, name_en: str) -> str:
    return name_id if language == "id" else name_en


def fill(template: str, *values: object) -> str:
    """A translated text with its ``%1``, ``%2``, … replaced by ``values``, in one pass (as
    ``QString::arg`` does): a value that itself contains ``%2`` is never substituted again."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if 1 <= n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


_PLACEHOLDER = re.compile(r"%(\d+)")
