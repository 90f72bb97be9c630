"""Finds clipped layouts in a widget tree: a label, button, tab, group box title or header
section whose text needs more room than it has (so Qt cuts or elides it), and builds a
pseudo-translation (every string stretched and accented) to make such layouts show.

Used by tests/gui/test_pseudo_translation.py; ``wait_until_laid_out`` by any test that measures
a layout."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

# What a pseudo-translation leaves alone: placeholders, mnemonics' ampersands, markup, entities.
_KEEP = re.compile(r"(%n|%L?\d+|&[a-zA-Z]+;|<[^>]+>|\{[^}]*\}|\\n|\n|\t)")
_ACCENTS = str.maketrans("aeiouyAEIOUYcnsCNS", "áéíöüýÅÉÎÖÜÝçñšÇÑŠ")


STRETCH = 0.4  # how much longer a translation may run: Indonesian often runs ~40 % longer


def pseudo(text: str) -> str:
    """``Cancel`` → ``Çáñçél~~``: accented, and 40 % longer (two characters at least); placeholders,
    markup and mnemonics are kept."""
    parts = _KEEP.split(text)
    visible = sum(len(p) for i, p in enumerate(parts) if i % 2 == 0)
    out = "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts))
    pad = max(2, round(visible * STRETCH)) if visible else 0
    # pad each line, so a multi-line text grows everywhere
    return "\n".join(line + "~" * pad if line.strip() else line for line in out.split("\n"))


def write_pseudo_qm(ts: Path, out_dir: Path, lrelease: str) -> Path:
    """A .qm translating every message of ``ts`` (our strings and Qt's own) into pseudo text."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for form in list(translation):
            translation.remove(form)
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
    root = tree.getroot()
    root.set("language", "id")  # one plural form
    pseudo_ts = out_dir / "qlue_pseudo.ts"
    tree.write(pseudo_ts, encoding="utf-8", xml_declaration=True)
    qm = out_dir / "qlue_pseudo.qm"
    subprocess.run([lrelease, str(pseudo_ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@dataclass(frozen=True)
class Clipped:
    where: str  # the widget's path of object names / classes
    text: str
    needs: int
    has: int

    def __str__(self) -> str:
        return f"{self.where}: {self.text[:60]!r} needs {self.needs} px, has {self.has}"


def _path(widget: QWidget) -> str:
    names = []
    w: QWidget | None = widget
    while w is not None and len(names) < 5:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(names))


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def _label(label: QLabel) -> Clipped | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    margin = label.margin() * 2 + (max(0, label.indent()))
    width = rect.width() - margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if label.wordWrap():
        needs = label.heightForWidth(label.width())
        if needs > label.height() + 1:
            return Clipped(_path(label), text, needs, label.height())
        return None
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        needs = int(doc.idealWidth() + 0.99)
    else:
        fm = QFontMetrics(label.font())
        needs = max(
            fm.horizontalAdvance(_plain(line) if label.buddy() else line)
            for line in text.split("\n")
        )
    if needs > width + 1:
        return Clipped(_path(label), text, needs, width)
    return None


def _button(button: QAbstractButton) -> Clipped | None:
    text = button.text()
    if not text:
        return None
    if isinstance(button, (QCheckBox, QRadioButton, QToolButton)):
        needs, has = button.sizeHint().width(), button.width()
    else:
        fm = QFontMetrics(button.font())
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        margins = 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        needs, has = fm.horizontalAdvance(_plain(text)) + icon + margins // 2, button.width()
    return Clipped(_path(button), text, needs, has) if needs > has + 1 else None


def _combo(combo: QComboBox) -> Clipped | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    fm = QFontMetrics(combo.font())
    arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, combo)
    needs, has = fm.horizontalAdvance(text) + arrow + 4, combo.width()
    return Clipped(_path(combo), text, needs, has) if needs > has + 1 else None


def _tabs(bar: QTabBar) -> list[Clipped]:
    fm = QFontMetrics(bar.font())
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        needs = fm.horizontalAdvance(_plain(bar.tabText(i))) + space // 2
        has = bar.tabRect(i).width()
        if needs > has + 1:
            found.append(Clipped(f"{_path(bar)}[{i}]", bar.tabText(i), needs, has))
    return found


def _group(box: QGroupBox) -> Clipped | None:
    if not box.title():
        return None
    fm = QFontMetrics(box.font())
    needs, has = fm.horizontalAdvance(_plain(box.title())) + 16, box.width()
    return Clipped(_path(box), box.title(), needs, has) if needs > has + 1 else None


def _header(header: QHeaderView) -> list[Clipped]:
    model = header.model()
    if model is None or header.isHidden() or header.orientation() != Qt.Orientation.Horizontal:
        return []
    fm = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    mark = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    found = []
    for logical in range(model.columnCount()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
            continue
        text = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needs = fm.horizontalAdvance(str(text)) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            needs += mark + margin
        has = header.sectionSize(logical)
        if needs > has + 1:
            found.append(Clipped(f"{_path(header)}[{logical}]", str(text), needs, has))
    return found


def _ancestors_shown(widget: QWidget, top: QWidget) -> bool:
    """False for a widget on a page that is not shown (another tab, another workspace)."""
    w = widget.parentWidget()
    while w is not None and w is not top:
        if not w.isVisible():
            return False
        w = w.parentWidget()
    return True


def _beyond_edge(widget: QWidget, top: QWidget, screen: QSize) -> Clipped | None:
    """A widget laid out past the screen's right or bottom edge (the window's minimum size is
    larger than the screen): the edge cuts it."""
    origin = widget.mapTo(top, QPoint(0, 0))
    right, bottom = origin.x() + widget.width(), origin.y() + widget.height()
    if right > screen.width() + 1 or bottom > screen.height() + 1:
        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
        return Clipped(
            _path(widget) + " (past the screen's edge)", str(text), right, screen.width()
        )
    return None


def clipped_in(top: QWidget, screen: QSize | None = None) -> list[Clipped]:
    """Every clipped text shown in ``top`` and its visible children; with ``screen``, also what
    lies past the edge of a screen of that size."""
    found: list[Clipped] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) or widget.width() <= 0 or not _ancestors_shown(widget, top):
            continue
        if (
            screen is not None
            and isinstance(widget, (QLabel, QAbstractButton, QComboBox, QTabBar))
            and widget is not top
        ):
            found.append(_beyond_edge(widget, top, screen))
        if isinstance(widget, QLabel):
            found.append(_label(widget))
        elif isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            found.append(_button(widget))
        elif isinstance(widget, QComboBox):
            found.append(_combo(widget))
        elif isinstance(widget, QGroupBox):
            found.append(_group(widget))
        elif isinstance(widget, QTabBar):
            found.extend(_tabs(widget))
        elif isinstance(widget, QHeaderView):
            found.extend(_header(widget))
    return [c for c in found if c is not None]


def _geometries(top: QWidget) -> list[tuple]:
    widgets = [top, *top.findChildren(QWidget)]
    return [(id(w), w.isVisible(), w.geometry().getRect()) for w in widgets]


def wait_until_laid_out(qtbot, top: QWidget, timeout: int = 5_000) -> None:
    """Waits until Qt's layout passes are done: no layout request is pending, and no widget under
    ``top`` moves, resizes, shows or hides over three turns of the event loop (on a loaded
    machine a label's new text can arrive between two samples, its layout request not yet
    handled)."""
    last: list[list[tuple]] = []

    def settled() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        now = _geometries(top)
        last.append(now)
        del last[:-3]
        return len(last) == 3 and last[0] == last[1] == last[2]

    qtbot.waitUntil(settled, timeout=timeout)
