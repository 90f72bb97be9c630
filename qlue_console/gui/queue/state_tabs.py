"""The working queue / archive selector and the state tabs above the queue, with their counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QTabBar, QWidget

from qlue_console.domain.states import CLOSED_STATES, OPEN_STATES, Label
from qlue_console.gui.forms import child
from qlue_console.gui.labels import _tr as label_tr

TabSpecs = tuple[tuple[str | None, tuple[str, ...]], ...]

# The state tabs of the working queue: all open reports, then each Jakarta label.
OPEN_TABS: TabSpecs = (
    (None, OPEN_STATES),
    (Label.MENUNGGU.value, ("new", "triaged")),
    (Label.KOORDINASI.value, ("coordination",)),
    (Label.DISPOSISI.value, ("disposition",)),
    (Label.PROSES.value, ("dispatched", "reopened", "followed_up")),
)
ARCHIVE_TABS: TabSpecs = (
    (None, tuple(sorted(CLOSED_STATES))),
    (Label.SELESAI.value, ("verified",)),
    (Label.DITOLAK.value, ("rejected",)),
    (Label.DUPLIKAT.value, ("duplicate",)),
)


def home_states(status: str) -> tuple[str, ...]:
    """The states of the tab a report in this state is found on (its label's tab)."""
    specs = ARCHIVE_TABS if status in CLOSED_STATES else OPEN_TABS
    return next((states for label, states in specs if label and status in states), specs[0][1])


class StateTabs(QObject):
    """``changed()`` when the operator picks the archive or another tab (not when ``show``)."""

    changed = Signal()

    def __init__(self, form: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._archive = child(form, QComboBox, "viewSelector")
        self._tabs = QTabBar(form)  # Designer has no QTabBar: it goes into its slot
        self._tabs.setObjectName("stateTabs")
        self._tabs.setExpanding(False)
        self._tabs.setDrawBase(False)
        child(form, QWidget, "stateTabsSlot").layout().addWidget(self._tabs)
        self._rebuild()
        self._archive.currentIndexChanged.connect(self._archive_changed)
        self._tabs.currentChanged.connect(lambda _i: self.changed.emit())

    def _specs(self) -> TabSpecs:
        return ARCHIVE_TABS if self._archive.currentIndex() == 1 else OPEN_TABS

    def _rebuild(self) -> None:
        self._tabs.blockSignals(True)
        while self._tabs.count():
            self._tabs.removeTab(0)
        for label, _states in self._specs():
            self._tabs.addTab(self._title(label))
        self._tabs.setCurrentIndex(0)
        self._tabs.blockSignals(False)

    def _title(self, label: str | None) -> str:
        return label_tr(label) if label else self.tr("All")

    def _archive_changed(self, _index: int) -> None:
        self._rebuild()
        self.changed.emit()

    def states(self) -> tuple[str, ...]:
        """The states of the tab shown."""
        specs = self._specs()
        return specs[max(0, min(self._tabs.currentIndex(), len(specs) - 1))][1]

    def all_states(self) -> tuple[str, ...]:
        """The states of every tab shown (the working queue's or the archive's)."""
        return self._specs()[0][1]

    @staticmethod
    def view_states(archive: bool) -> tuple[str, ...]:
        """The states of every tab of the working queue, or of the archive."""
        return (ARCHIVE_TABS if archive else OPEN_TABS)[0][1]

    def show(self, states: Sequence[str]) -> None:
        """Shows the tab of these states (the archive's when they are all closed), silently."""
        self._archive.blockSignals(True)
        self._archive.setCurrentIndex(1 if set(states) <= CLOSED_STATES else 0)
        self._archive.blockSignals(False)
        self._rebuild()
        tab = next((i for i, (_l, s) in enumerate(self._specs()) if set(s) == set(states)), 0)
        self._tabs.blockSignals(True)
        self._tabs.setCurrentIndex(tab)
        self._tabs.blockSignals(False)

    def show_counts(self, counts: Mapping[str, int]) -> None:
        """Writes each tab's count (reports per state, as ``fetch_state_counts`` answers)."""
        for i, (label, states) in enumerate(self._specs()):
            total = sum(counts.get(s, 0) for s in states)
            self._tabs.setTabText(i, f"{self._title(label)} ({total})")

    def texts(self) -> list[str]:
        return [self._tabs.tabText(i) for i in range(self._tabs.count())]
