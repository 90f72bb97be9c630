"""Every visible string ships with its Bahasa Indonesia translation, and the console loads it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402


def test_every_source_string_has_an_indonesian_translation(tmp_path):
    ts = tmp_path / "qlue_id.ts"
    shutil.copy(update_translations.TS, ts)
    update_translations.run_lupdate(ts)   # finds the strings in the code as it is now
    missing = update_translations.unfinished(ts)
    assert not missing, f"{len(missing)} strings lack a translation, e.g. {missing[:5]}"


def test_the_compiled_translation_matches_the_ts(tmp_path):
    qm = tmp_path / "qlue_id.qm"
    subprocess.run([update_translations._tool("pyside6-lrelease"), str(update_translations.TS), "-qm", str(qm)],
                   check=True, capture_output=True)
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
    unmarked = [f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}"
                for path in sorted(root.rglob("*.py")) for text in [path.read_text(encoding="utf-8")]
                for m in re.finditer(r"\b_tr\(\s*[\"']", text)]
    assert unmarked == []
