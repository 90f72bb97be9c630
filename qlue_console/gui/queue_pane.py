"""The triage queue pane: named views, working queue / archive, state tabs with live counts,
filters, and the table — a composition of the controllers in ``gui/queue/``, each with one job.

Pages are fetched in the background as the table scrolls; a filter change discards the
results of older filters. Live changes ask the page's statement again for the changed reports
and update rows in place (docs/architecture.md, "one read path").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget
from sqlalchemy import Engine

from qlue_console.data.queue import QueueFilter
from qlue_console.data.reference import CategoryInfo
from qlue_console.data.report_detail import fetch_people
from qlue_console.db.listen import ChangeEvent
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.header_fit import fit_titles
from qlue_console.gui.queue.bulk_actions import BulkActions
from qlue_console.gui.queue.counts import TabCounts
from qlue_console.gui.queue.filter_bar import FilterBar
from qlue_console.gui.queue.live import LiveRows
from qlue_console.gui.queue.named_views import NamedViews
from qlue_console.gui.queue.paging import Paging
from qlue_console.gui.queue.selection import Selection
from qlue_console.gui.queue.state import QueueState
from qlue_console.gui.queue.state_tabs import StateTabs
from qlue_console.gui.queue_model import COL_AGE, COL_CATEGORY, COL_PLACE, COL_PRIORITY, COL_TEXT
from qlue_console.gui.tasks import TaskRunner
from qlue_console.triage.actions import whoami

AGE_TICK_MS = 30_000  # how often the age column is brought up to date


class QueuePane(QObject):
    report_selected = Signal(int)
    first_page_loaded = Signal()
    filter_changed = Signal(object)  # the QueueFilter now shown
    counts_shown = Signal()  # the state tabs show their counts
    message = Signal(str)  # something to tell the operator in the status line

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = load_form("queue_pane", parent)
        form = self.widget
        self._state = QueueState()
        self._view = child(form, QTableView, "queueView")
        self._paging = Paging(form, engine, tasks, self._state, language, self)
        self.model = self._paging.model
        self._set_up_table()
        self._tabs = StateTabs(form, self)
        self._filters = FilterBar(form, engine, tasks, language, self)
        self._counts = TabCounts(engine, tasks, self._state, self._tabs, self)
        self._live = LiveRows(form, self._view, self.model, engine, tasks, self._state, self)
        self._views = NamedViews(form, engine, tasks, self.current_filter, self)
        self._selection = Selection(self._view, self.model, engine, tasks, self._state, self)
        self.bulk = BulkActions(self._view, self.model, engine, tasks, language, self)

        self._tabs.changed.connect(self._filters_changed)
        self._filters.changed.connect(self._filters_changed)
        self._views.chosen.connect(self.apply_filter_to_widgets)
        self._paging.requested.connect(self._live.page_requested)
        self._paging.arrived.connect(self._page_arrived)
        self._live.applied.connect(self._paging.update_count)
        self._counts.shown.connect(self.counts_shown)
        self._selection.report_selected.connect(self.report_selected)
        self._selection.message.connect(self.message)
        self.bulk.message.connect(self.message)
        self._selection.show_filter.connect(self.apply_filter_to_widgets)

        self._age_timer = QTimer(self, interval=AGE_TICK_MS)
        self._age_timer.timeout.connect(lambda: self.model.tick())
        self._age_timer.start()
        tasks.run(whoami, engine, on_done=self._set_me)
        tasks.run(fetch_people, engine, on_done=self.model.set_people, on_error=lambda e: None)
        self.reload_views()
        self._counts.refresh()  # the tabs count from the first load, not from the first change

    def _set_up_table(self) -> None:
        view = self._view
        view.setModel(self.model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (COL_PRIORITY, 64),
            (COL_AGE, 70),
            (COL_CATEGORY, 150),
            (COL_PLACE, 170),
            (COL_TEXT, 260),
        ):
            view.setColumnWidth(column, width)
        fit_titles(view)
        view.verticalHeader().setDefaultSectionSize(24)

    def _set_me(self, me: str) -> None:
        self._state.me = me

    @property
    def me(self) -> str | None:
        return self._state.me

    # -- filters ---------------------------------------------------------------------------
    def fill_categories(self, categories: Sequence[CategoryInfo]) -> None:
        self._filters.fill_categories(categories)
        self.bulk.fill_categories(categories)

    def current_filter(self) -> QueueFilter:
        return self._state.filter

    def _filters_changed(self) -> None:
        self.set_filter(self._filters.chosen(self._tabs.states()))

    def set_filter(self, flt: QueueFilter) -> None:
        self._state.change(flt)
        self._live.hide_new_rows()
        self.model.reset_rows(flt.sort)
        self.load_first_page()
        self._counts.refresh()
        self.filter_changed.emit(flt)

    def apply_filter_to_widgets(self, flt: QueueFilter) -> None:
        """Shows a filter (a named view's, say) in the widgets, then loads it."""
        self._tabs.show(flt.states)
        self._filters.show(flt)
        self.set_filter(flt)

    def open_chronic_spot(self, spot_id: int, caption: str, archive: bool = False) -> None:
        """Narrows the queue to one chronic spot's reports, every state of the working queue
        shown (of the archive with ``archive``: a spot whose reports are all closed), the other
        filters cleared (a spot's reports are of one category and place already); the filter
        bar names the spot until it is cleared."""
        self._filters.name_spot(spot_id, caption)
        flt = QueueFilter(
            states=self._tabs.view_states(archive),
            sort=self.current_filter().sort,
            chronic_spot=spot_id,
        )
        self.apply_filter_to_widgets(flt)

    def spot_filter_caption(self) -> str | None:
        """What the filter bar says of the chronic spot it is narrowed to (None: no spot)."""
        return self._filters.spot_caption()

    def clear_chronic_spot(self) -> None:
        self._filters.clear_spot()

    def load_first_page(self) -> None:
        if self.model.canFetchMore():
            self.model.fetchMore()

    def tab_texts(self) -> list[str]:
        return self._tabs.texts()

    def focus_search(self) -> None:
        self._filters.focus_search()

    # -- pages and live changes ------------------------------------------------------------
    def _page_arrived(self, first: bool) -> None:
        self._live.page_arrived()
        if first:
            self.first_page_loaded.emit()
        self._selection.continue_reveal()

    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        """A batch of database events: the changed rows are asked again, the counts too."""
        self._live.apply_changes(events)
        self._counts.refresh_soon()

    # -- named views -----------------------------------------------------------------------
    def reload_views(self) -> None:
        self._views.reload()

    # -- selection -------------------------------------------------------------------------
    def select_report(self, report_id: int) -> bool:
        return self._selection.select_report(report_id)

    def reveal_report(self, report_id: int) -> None:
        self._selection.reveal_report(report_id)

    def selected_report(self) -> int | None:
        return self._selection.selected_report()
