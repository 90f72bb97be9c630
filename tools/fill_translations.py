"""Fills unfinished messages of the Indonesian .ts from tools/translations_id*.json (the team's
phrase books, one per area of the console), then rebuilds the .qm. Strings the phrase book lacks stay unfinished and are
listed, so they can be translated in Qt Linguist or added to the phrase book."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from update_translations import QM, TS, _tool, run_lupdate, unfinished  # noqa: E402

BOOKS = sorted(Path(__file__).resolve().parent.glob("translations_id*.json"))


def main() -> int:
    run_lupdate(TS)
    book: dict[str, str] = {}
    for path in BOOKS:
        book.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in book or translation is None:
            continue
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = book[source]
        else:
            translation.text = book[source]
        translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    missing = unfinished(TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}")
    print(f"{len(missing)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
