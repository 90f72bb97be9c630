"""One rule for the default language (domain.language), and the desktop console and the
``report weekly`` command follow it alike."""

from __future__ import annotations

import csv

import pytest

from qlue_console.domain.language import default_language

CASES = [
    ({"LANG": "C.UTF-8"}, None, "en"),
    ({"LANG": "id_ID.UTF-8"}, None, "id"),
    ({"LANG": "in_ID"}, None, "id"),
    ({"LANG": "en_US.UTF-8"}, None, "en"),
    ({}, None, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "id_ID.UTF-8"}, None, "en"),  # LC_ALL wins
    ({"LC_MESSAGES": "id_ID.UTF-8", "LANG": "en_GB.UTF-8"}, None, "id"),  # then LC_MESSAGES
    ({"LANG": "C.UTF-8"}, "id", "id"),  # the saved setting
    ({"LANG": "id_ID.UTF-8", "QLUE_LANG": "en"}, "id", "en"),  # QLUE_LANG / --lang first
    ({"LANG": "C.UTF-8", "QLUE_LANG": "bogus"}, None, "en"),
]


@pytest.mark.parametrize(("environ", "saved", "expected"), CASES)
def test_the_rule(environ, saved, expected):
    assert default_language(environ, saved) == expected


ENVIRONMENTS = [
    {"LANG": "C.UTF-8"},
    {"LANG": "id_ID.UTF-8"},
    {"LC_ALL": "id_ID.UTF-8", "LANG": "C"},
    {"LANG": "id_ID.UTF-8", "QLUE_LANG": "en"},
]


@pytest.mark.parametrize("environ", ENVIRONMENTS)
def test_the_console_and_report_weekly_choose_the_same_language(
    qapp, db_url, tmp_path, monkeypatch, environ
):
    from PySide6.QtCore import QSettings

    from qlue_console.gui.i18n import chosen_language
    from qlue_console.reports.cli import report_main
    from qlue_console.reports.labels import COLUMNS

    for name in ("QLUE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    QSettings().remove("ui/language")  # a console that never saved a language
    gui = chosen_language()

    out = tmp_path / "week.csv"
    assert (
        report_main(["weekly", "--week", "2026-W10", "--out", str(out), "--database-url", db_url])
        == 0
    )
    header = next(csv.reader(out.open(encoding="utf-8-sig")))
    cli = next(lang for lang in ("id", "en") if header == [c.label(lang) for c in COLUMNS])
    assert gui == cli == default_language(environ)
