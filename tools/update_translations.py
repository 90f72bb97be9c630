"""Refreshes the translations: lupdate over the Qt layer and the forms, then lrelease to the
.qm files the console loads: ``qlue_id`` (every string in Bahasa Indonesia) and ``qlue_en``
(only the English plural forms of the ``%n`` strings; English is the source language).

    python tools/update_translations.py            # update the .ts and build the .qm
    python tools/update_translations.py --check    # exit 1 if a string lacks a translation

New source strings arrive in resources/translations/qlue_id.ts as unfinished; translate them
with Qt Linguist (pyside6-linguist) before committing. The test suite fails on an unfinished
string, so every screen ships with its Bahasa Indonesia translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qlue_id.ts"
QM = TS.with_suffix(".qm")
TS_EN = ROOT / "resources" / "translations" / "qlue_en.ts"
QM_EN = TS_EN.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "qlue_console").rglob("*.py"))
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))
    return files


def run_lupdate(ts: Path, language: str = "id") -> None:
    """Brings ``ts`` up to date with the code; for English only the plural (``%n``) strings."""
    extra = ["-pluralonly"] if language == "en" else []
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            *extra,
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            plural_forms = [] if translation is None else translation.findall("numerusform")
            texts = (
                [f.text for f in plural_forms]
                if plural_forms
                else [None if translation is None else translation.text]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(t and t.strip() for t in texts)
            ):
                missing.append((name, message.findtext("source")))
    return missing


def main() -> int:
    if "--check" in sys.argv:
        missing = unfinished(TS) + unfinished(TS_EN)
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
        return 1 if missing else 0
    for language, ts, qm in (("id", TS, QM), ("en", TS_EN, QM_EN)):
        run_lupdate(ts, language)
        run_lrelease(ts, qm)
        print(f"{ts.name}: {len(unfinished(ts))} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
