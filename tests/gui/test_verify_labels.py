"""Verify's distances and time spans in the language's number style, with plurals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from qlue_console.gui.i18n import moment_text
from qlue_console.gui.verify.labels import metres, span


@pytest.fixture
def language(qapp):
    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    yield lambda lang: install_translations(qapp, lang)
    uninstall_translations(qapp)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("lang", "km", "one_minute", "days", "moment"),
    [
        ("id", "1,2 km", "1 menit", "3 hari", "30 Nov 2026 14:30 WIB"),
        ("en", "1.2 km", "1 minute", "3 days", "30 Nov 2026 14:30 WIB"),
    ],
)
def test_distances_spans_and_moments(language, lang, km, one_minute, days, moment):
    language(lang)
    assert metres(1234) == km
    assert metres(620.4) == "620 m"
    assert span(60) == one_minute
    assert span(-3 * 86400) == days
    assert moment_text("2026-11-30T07:30:00+00:00") == moment
