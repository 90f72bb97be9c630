"""Fills unfinished messages of the .ts files from the team's phrase books, then rebuilds the
.qm files. Strings a phrase book lacks stay unfinished and are listed, so they can be
translated in Qt Linguist or added to a phrase book.

- Indonesian: ``tools/translations_id*.json`` (one per area of the console), English source →
  Indonesian. A key ``"Context|source"`` applies to that context only and wins over the plain
  ``"source"`` (Qt's "Open" button is "Buka", a report's "Open" state "Terbuka").
- English plural forms (``qlue_en.ts``, the ``%n`` strings only): ``tools/plurals_en.json``
  maps a source to its [singular, plural] forms; without an entry, ``(s)`` in the source gives
  them ("%n report(s)" → "%n report", "%n reports").
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from update_translations import QM, QM_EN, TS, TS_EN, run_lrelease, run_lupdate, unfinished  # noqa: E402

TOOLS = Path(__file__).resolve().parent
BOOKS = sorted(TOOLS.glob("translations_id*.json"))
PLURALS_EN = TOOLS / "plurals_en.json"


def indonesian_book() -> dict[str, str]:
    book: dict[str, str] = {}
    for path in BOOKS:
        book.update(json.loads(path.read_text(encoding="utf-8")))
    return book


def english_forms(source: str, book: dict[str, list[str]]) -> list[str] | None:
    if source in book:
        return list(book[source])
    if "(s)" in source:
        return [source.replace("(s)", ""), source.replace("(s)", "s")]
    return None


def fill(ts: Path, forms_of) -> None:
    """Sets every message's translation to ``forms_of(context, source)`` (a list of forms), if
    any."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            forms = forms_of(name, source)
            if not forms or translation is None:
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for text in forms:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = forms[0]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    book = indonesian_book()
    run_lupdate(TS, "id")
    fill(
        TS,
        lambda context, source: (
            [t] if (t := book.get(f"{context}|{source}", book.get(source))) else None
        ),
    )
    run_lrelease(TS, QM)
    plurals = json.loads(PLURALS_EN.read_text(encoding="utf-8")) if PLURALS_EN.exists() else {}
    run_lupdate(TS_EN, "en")
    fill(TS_EN, lambda _context, source: english_forms(source, plurals))
    run_lrelease(TS_EN, QM_EN)
    missing = unfinished(TS) + unfinished(TS_EN)
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}")
    print(f"{len(missing)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
