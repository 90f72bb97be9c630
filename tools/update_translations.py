"""Refreshes the Indonesian translation: lupdate over the Qt layer and the forms, then
lrelease to the .qm the console loads.

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


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "qlue_console").rglob("*.py"))
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))
    return files


def run_lupdate(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
                    "-target-language", "id", "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            plural_forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text for f in plural_forms] if plural_forms else [None if translation is None else translation.text]
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not all(t and t.strip() for t in texts):
                missing.append((name, message.findtext("source")))
    return missing


def main() -> int:
    if "--check" in sys.argv:
        missing = unfinished(TS)
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
        return 1 if missing else 0
    run_lupdate(TS)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True, capture_output=True)
    missing = unfinished(TS)
    print(f"{TS.name}: {len(missing)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
