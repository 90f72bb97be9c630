"""The queue's filter widgets (category, area, channel, priority, age, sort, the check boxes and
the text search): they say what the operator chose as a ``QueueFilter`` and show a filter. A
chronic spot the queue is narrowed to shows as a bar naming it, with a button that clears it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.data.queue import QueueFilter
from qlue_console.data.reference import AreaInfo, CategoryInfo, fetch_areas
from qlue_console.gui.forms import child
from qlue_console.gui.i18n import category_name, fill
from qlue_console.gui.labels import channel_text, priority_text
from qlue_console.gui.tasks import TaskRunner

# (the label, marked for lupdate; min age; max age in hours)
AGES: tuple[tuple[Any, float | None, float | None], ...] = (
    (QT_TRANSLATE_NOOP("FilterBar", "Any age"), None, None),
    (QT_TRANSLATE_NOOP("FilterBar", "Last hour"), None, 1),
    (QT_TRANSLATE_NOOP("FilterBar", "Last 24 hours"), None, 24),
    (QT_TRANSLATE_NOOP("FilterBar", "Last 7 days"), None, 168),
    (QT_TRANSLATE_NOOP("FilterBar", "Older than 1 day"), 24, None),
    (QT_TRANSLATE_NOOP("FilterBar", "Older than 3 days"), 72, None),
)
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class FilterBar(QObject):
    """``changed()`` when the operator changes a filter widget (not when ``show`` does)."""

    changed = Signal()

    def __init__(
        self, form: QWidget, engine: Engine, tasks: TaskRunner, language: str, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._category = child(form, QComboBox, "categorySelector")
        self._area = child(form, QComboBox, "areaSelector")
        self._channel = child(form, QComboBox, "channelSelector")
        self._priority = child(form, QComboBox, "prioritySelector")
        self._age = child(form, QComboBox, "ageSelector")
        self._sort = child(form, QComboBox, "sortSelector")
        self._mine = child(form, QCheckBox, "mineCheck")
        self._overdue = child(form, QCheckBox, "overdueCheck")
        self._outside = child(form, QCheckBox, "outsideCheck")
        self._recurrences = child(form, QCheckBox, "recurrencesCheck")
        self._spot_bar = child(form, QWidget, "spotFilterBar")
        self._spot_label = child(form, QLabel, "spotFilterLabel")
        self._spot: int | None = None  # the chronic spot the queue is narrowed to
        self._spot_captions: dict[int, str] = {}
        self._search = child(form, QLineEdit, "searchEdit")
        self._showing = False
        self._fill_static_selectors()
        for combo in (self._category, self._channel, self._priority, self._age, self._sort):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self._mine, self._overdue, self._outside, self._recurrences):
            box.toggled.connect(self._changed)
        child(form, QToolButton, "clearSpotButton").clicked.connect(self.clear_spot)
        self._area.activated.connect(self._changed)
        self._area.lineEdit().editingFinished.connect(self._area_typed)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._changed)
        self._search.textChanged.connect(lambda _: self._search_timer.start())
        tasks.run(fetch_areas, engine, on_done=self._fill_areas)

    def _fill_static_selectors(self) -> None:
        self._category.addItem(self.tr("All categories"), None)
        self._area.addItem(self.tr("All of DKI Jakarta"), None)
        self._channel.addItem(self.tr("All channels"), None)
        for code in ("app", "web", "sms", "social", "call_center"):
            self._channel.addItem(channel_text(code), code)
        self._priority.addItem(self.tr("Any priority"), None)
        for level in (1, 2, 3):
            self._priority.addItem(fill(self.tr("%1 or higher"), priority_text(level)), level)
        for label, min_age, max_age in AGES:
            self._age.addItem(self.tr(label), (min_age, max_age))

    def fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        for c in categories:
            self._category.addItem(category_name(self._language, c.name_id, c.name_en), c.code)

    def _fill_areas(self, areas: Sequence[AreaInfo]) -> None:
        for a in areas:
            self._area.addItem(a.path, a.code)
        completer = QCompleter(self._area.model(), self._area)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._area.setCompleter(completer)

    def _area_typed(self) -> None:
        index = self._area.findText(self._area.currentText(), Qt.MatchFlag.MatchFixedString)
        self._area.setCurrentIndex(max(0, index))
        self._changed()

    def _changed(self, *_args) -> None:
        if not self._showing:
            self.changed.emit()

    def chosen(self, states: Sequence[str]) -> QueueFilter:
        """The filter the widgets show, over these states (the state tab's)."""
        min_age, max_age = self._age.currentData() or (None, None)
        return QueueFilter(
            states=tuple(states),
            category=self._category.currentData(),
            area_code=self._area.currentData(),
            channel=self._channel.currentData(),
            min_priority=self._priority.currentData(),
            min_age_hours=min_age,
            max_age_hours=max_age,
            search=self._search.text().strip() or None,
            mine=self._mine.isChecked(),
            outside_only=self._outside.isChecked(),
            overdue_only=self._overdue.isChecked(),
            sort="priority" if self._sort.currentIndex() == 1 else "newest",
            recurrences_only=self._recurrences.isChecked(),
            chronic_spot=self._spot,
        )

    def show(self, flt: QueueFilter) -> None:
        """Sets the widgets to a filter without saying ``changed``."""
        self._showing = True
        try:
            for combo, value in (
                (self._category, flt.category),
                (self._area, flt.area_code),
                (self._channel, flt.channel),
                (self._priority, flt.min_priority),
                (self._age, (flt.min_age_hours, flt.max_age_hours)),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self._sort.setCurrentIndex(1 if flt.sort == "priority" else 0)
            self._mine.setChecked(flt.mine)
            self._overdue.setChecked(flt.overdue_only)
            self._outside.setChecked(flt.outside_only)
            self._recurrences.setChecked(flt.recurrences_only)
            self._show_spot(flt.chronic_spot)
            self._search.blockSignals(True)
            self._search.setText(flt.search or "")
            self._search.blockSignals(False)
        finally:
            self._showing = False

    # -- the chronic spot ------------------------------------------------------------------
    def name_spot(self, spot_id: int, caption: str) -> None:
        """How the bar names this spot when a filter narrows the queue to it."""
        self._spot_captions[spot_id] = caption
        if self._spot == spot_id:
            self._show_spot(spot_id)

    def _show_spot(self, spot_id: int | None) -> None:
        self._spot = spot_id
        self._spot_bar.setVisible(spot_id is not None)
        if spot_id is not None:
            caption = self._spot_captions.get(spot_id) or fill(self.tr("Chronic spot #%1"), spot_id)
            self._spot_label.setText(caption)
            self._spot_label.setToolTip(caption)

    def spot_caption(self) -> str | None:
        """What the bar says (None: no chronic spot narrows the queue)."""
        return self._spot_label.text() if self._spot is not None else None

    def clear_spot(self) -> None:
        """The queue is no longer narrowed to a chronic spot."""
        if self._spot is None:
            return
        self._show_spot(None)
        self._changed()

    def focus_search(self) -> None:
        self._search.setFocus()
        self._search.selectAll()
