"""Column titles that fit: a table's or tree's columns are at least as wide as their title
(with room for the sort arrow where the view sorts), in whatever language the titles are.

Views set their preferred widths for the data first, then call ``fit_titles``: a column
keeps its width when the title fits, and grows to the title's width when it does not
("Lewat batas waktu" is wider than "Overdue")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QTreeView


def title_width(header: QHeaderView, logical: int) -> int:
    """The width a section needs to show its whole title (and the sort arrow, if sortable)."""
    model = header.model()
    text = (
        model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if model
        else None
    )
    if not text:
        return 0
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    width = (
        max(header.fontMetrics().horizontalAdvance(line) for line in str(text).split("\n"))
        + 2 * margin
    )
    if header.isSortIndicatorShown():
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    return width + 2


def fit_titles(view: QTableView | QTreeView) -> None:
    """Widens every column narrower than its title."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = header.model()
    if model is None:
        return
    for logical in range(model.columnCount()):
        if header.isSectionHidden(logical):
            continue
        needed = title_width(header, logical)
        if header.sectionSize(logical) < needed:
            header.resizeSection(logical, needed)
