"""Translations: the console speaks Bahasa Indonesia or English.

The language comes from ``QLUE_LANG`` (``id`` or ``en``), else the saved setting, else the
system locale (Indonesian when the system is Indonesian, English otherwise). Source strings
are English; ``resources/translations/qlue_id.qm`` holds the Indonesian translation.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator, QLibraryInfo

from qlue_console.paths import resource

SUPPORTED = ("id", "en")
_installed: list[QTranslator] = []


def chosen_language() -> str:
    env = os.environ.get("QLUE_LANG", "").strip().lower()
    if env in SUPPORTED:
        return env
    saved = str(QSettings().value("ui/language", "") or "")
    if saved in SUPPORTED:
        return saved
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def install_translations(app: QCoreApplication, language: str) -> str:
    """Installs the translators for ``language`` (replacing earlier ones); returns the language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "id":
        ours = QTranslator(app)
        if ours.load(str(resource("translations", "qlue_id.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Indonesian), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return language


def category_name(language: str, name_id: str, name_en: str) -> str:
    return name_id if language == "id" else name_en
