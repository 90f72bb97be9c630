"""The verifier's filters above the queue: agency, area, official and failing check. The
choices are read in the background; until they arrive the filter is "everything"."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget
from sqlalchemy import Engine

from qlue_console.data.reference import AreaInfo, fetch_areas
from qlue_console.gui.forms import child
from qlue_console.gui.i18n import fill
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.labels import check_name
from qlue_console.photos.checks import CHECK_CODES
from qlue_console.verify.queue import FilterOptions, VerifyFilter, fetch_filter_options


def _load_filters(engine: Engine) -> tuple[FilterOptions, list[AreaInfo]]:
    return fetch_filter_options(engine), fetch_areas(engine)


class FilterBar(QObject):
    changed = Signal()  # the supervisor chose another filter

    def __init__(self, form: QWidget, engine: Engine, tasks: TaskRunner) -> None:
        super().__init__(form)
        self._agency = child(form, QComboBox, "agencyFilter")
        self._area = child(form, QComboBox, "areaFilter")
        self._official = child(form, QComboBox, "officialFilter")
        self._check = child(form, QComboBox, "checkFilter")
        self._ready = False
        tasks.run(_load_filters, engine, on_done=self._loaded)

    def current_filter(self) -> VerifyFilter:
        if not self._ready:
            return VerifyFilter()
        return VerifyFilter(
            agency=self._agency.currentData(),
            area_code=self._area.currentData(),
            official_id=self._official.currentData(),
            failing_check=self._check.currentData(),
        )

    def _loaded(self, data: tuple[FilterOptions, list[AreaInfo]]) -> None:
        options, areas = data
        self._agency.addItem(self.tr("All agencies"), None)
        for code, name in options.agencies:
            self._agency.addItem(name, code)
        self._area.addItem(self.tr("All of Jakarta"), None)
        for area in areas:
            self._area.addItem(area.path, area.code)
        self._official.addItem(self.tr("All officials"), None)
        for account_id, handle, name in options.officials:
            self._official.addItem(f"@{handle} — {name}", account_id)
        self._check.addItem(self.tr("Any check"), None)
        for code in CHECK_CODES:
            self._check.addItem(fill(self.tr("Failing: %1"), check_name(code)), code)
        for combo in (self._area, self._official):
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for combo in (self._agency, self._area, self._official, self._check):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._ready = True
