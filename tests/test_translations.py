"""Every visible string ships with its Bahasa Indonesia translation, and the console loads it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from typing_extensions import override

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402


def test_every_source_string_has_an_indonesian_translation(tmp_path):
    ts = tmp_path / "qlue_id.ts"
    shutil.copy(update_translations.TS, ts)
    update_translations.run_lupdate(ts)  # finds the strings in the code as it is now
    missing = update_translations.unfinished(ts)
    assert not missing, f"{len(missing)} strings lack a translation, e.g. {missing[:5]}"


def test_the_compiled_translation_matches_the_ts(tmp_path):
    qm = tmp_path / "qlue_id.qm"
    subprocess.run(
        [
            update_translations._tool("pyside6-lrelease"),
            str(update_translations.TS),
            "-qm",
            str(qm),
        ],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == update_translations.QM.read_bytes(), "run tools/fill_translations.py"


def test_the_compiled_translation_loads(qapp):
    translator = QTranslator()
    assert translator.load(str(update_translations.QM))
    assert translator.translate("Labels", "Social media") == "Media sosial"
    assert translator.translate("QueuePane", "Working queue") == "Antrean kerja"
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Urgent") == "Mendesak"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_no_literal_reaches_a_translate_wrapper_unmarked():
    """lupdate reads tr(), translate() and QT_TRANSLATE_NOOP(), not a module's own ``_tr``
    wrapper: a literal passed straight to one never reaches the .ts file and stays English on
    an Indonesian screen. Mark it: ``_tr(QT_TRANSLATE_NOOP("Context", "text"))``."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "qlue_console"
    unmarked = [
        f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}"
        for path in sorted(root.rglob("*.py"))
        for text in [path.read_text(encoding="utf-8")]
        for m in re.finditer(r"\b_tr\(\s*[\"']", text)
    ]
    assert unmarked == []


def test_every_plural_has_its_english_forms(tmp_path):
    ts = tmp_path / "qlue_en.ts"
    shutil.copy(update_translations.TS_EN, ts)
    update_translations.run_lupdate(ts, "en")
    missing = update_translations.unfinished(ts)
    assert not missing, (
        f"{len(missing)} plural strings lack their English forms, e.g. {missing[:5]}"
    )
    qm = tmp_path / "qlue_en.qm"
    update_translations.run_lrelease(update_translations.TS_EN, qm)
    assert qm.read_bytes() == update_translations.QM_EN.read_bytes(), (
        "run tools/fill_translations.py"
    )


@pytest.fixture
def language(qapp):
    """Installs a language's translators as the console does; restores the test's state after."""
    from PySide6.QtCore import QLocale

    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    yield lambda lang: install_translations(qapp, lang)
    uninstall_translations(qapp)
    QLocale.setDefault(before)


def test_qt_own_buttons_and_menus_speak_indonesian(qtbot, language):
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

    language("id")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Open
    )
    qtbot.addWidget(buttons)
    texts = {
        b: buttons.button(b).text()
        for b in (
            QDialogButtonBox.StandardButton.Cancel,
            QDialogButtonBox.StandardButton.Close,
            QDialogButtonBox.StandardButton.Yes,
            QDialogButtonBox.StandardButton.No,
            QDialogButtonBox.StandardButton.Save,
            QDialogButtonBox.StandardButton.Apply,
            QDialogButtonBox.StandardButton.Open,
        )
    }
    assert list(texts.values()) == ["Batal", "Tutup", "&Ya", "&Tidak", "Simpan", "Terapkan", "Buka"]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.No).text() == "&Tidak"
    for widget in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(widget)
        menu = widget.createStandardContextMenu()
        labels = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
        assert "&Salin" in labels and "&Tempel" in labels and "Pilih semua" in labels, labels


def test_english_plurals_read_naturally(qtbot, language):
    language("en")
    one = QCoreApplication.translate("MainWindow", "%n overdue mention(s) escalated", "", 1)
    two = QCoreApplication.translate("MainWindow", "%n overdue mention(s) escalated", "", 2)
    assert (one, two) == ("1 overdue mention escalated", "2 overdue mentions escalated")


def test_every_listed_qt_string_is_one_qt_asks_for(qtbot):
    """The contexts in gui/qt_strings.py are Qt 6's own: a recording translator sees Qt ask for
    each standard button, the message box's details button and the text fields' menu items."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

    from qlue_console.gui.qt_strings import STANDARD_BUTTONS, TEXT_MENU

    asked: set[tuple[str, str]] = set()

    class Recorder(QTranslator):
        @override
        def translate(self, context, source, disambiguation=None, n=-1):
            asked.add((context, source))
            return ""

        @override
        def isEmpty(self):
            return False

    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    try:
        every = QDialogButtonBox.StandardButton.NoButton
        for button in QDialogButtonBox.StandardButton:
            if button not in (QDialogButtonBox.StandardButton.NoButton,):
                every |= button
        buttons = QDialogButtonBox(every)
        qtbot.addWidget(buttons)
        box = QMessageBox()
        box.setDetailedText("details")
        qtbot.addWidget(box)
        box.show()
        for widget in (QLineEdit(), QPlainTextEdit()):
            qtbot.addWidget(widget)
            widget.createStandardContextMenu()
    finally:
        QCoreApplication.removeTranslator(recorder)
    listed = {("QPlatformTheme", s) for s in STANDARD_BUTTONS} | {
        ("QMessageBox", "Show Details...")
    }
    listed |= {(context, s) for context in ("QLineEdit", "QWidgetTextControl") for s in TEXT_MENU}
    assert listed <= asked, listed - asked
