"""The officials directory workspace: a searchable table of every account that can be
mentioned (handle, name, kind, area, agency, active, open and overdue mentions; overdue
marked), and for the selected account its current load and recent performance. Admins open
the routing rules and holidays from here, and see the Open311 gateway's citizen channels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qlue_console.db.listen import ChangeEvent
from qlue_console.dispatch.directory import (
    AccountDetail,
    Directory,
    DirectoryRow,
    fetch_account_detail,
    filter_directory,
    load_directory,
)
from qlue_console.domain import formatting
from qlue_console.gui.dispatch.channels_view import ChannelsView
from qlue_console.gui.dispatch.directory_model import (
    COL_HANDLE,
    COL_NAME,
    COL_OVERDUE,
    ROW_ROLE,
    SORT_ROLE,
    DirectoryModel,
)
from qlue_console.gui.dispatch.labels import OVERDUE_RED, kind_text, kinds
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.header_fit import fit_titles
from qlue_console.gui.i18n import category_name, current_language, fill, moment_text
from qlue_console.gui.replies.template_admin import add_templates_button
from qlue_console.gui.workspaces.base import WorkspaceContext

# Event kinds that change someone's load.
_LOAD_EVENTS = frozenset(
    {
        "dispatched",
        "forwarded",
        "escalated",
        "follow_up",
        "reopened",
        "rejected",
        "merged",
        "proof_approved",
        "proof_rejected",
        "closed",
    }
)
RELOAD_DELAY_MS = 1500


class DirectoryWorkspace(QObject):
    ready = Signal()

    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._engine, self._tasks = ctx, ctx.engine, ctx.tasks
        self.widget = load_form("directory_workspace", parent)
        w = self.widget
        self._search = child(w, QLineEdit, "searchEdit")
        self._kind = child(w, QComboBox, "kindFilter")
        self._overdue_only = child(w, QCheckBox, "overdueOnlyCheck")
        self._active_only = child(w, QCheckBox, "activeOnlyCheck")
        self._admin = child(w, QPushButton, "adminButton")
        self.table = child(w, QTableView, "accountsTable")
        self._count = child(w, QLabel, "countLabel")
        self._title = child(w, QLabel, "detailTitle")
        self._meta = child(w, QLabel, "detailMeta")
        self._load_label = child(w, QLabel, "loadLabel")
        self._open_tree = child(w, QTreeWidget, "openMentionsTree")
        self._values = {
            name: child(w, QLabel, name)
            for name in (
                "receivedValue",
                "resolvedValue",
                "onTimeValue",
                "medianValue",
                "escalatedValue",
                "forwardedValue",
                "rejectedValue",
            )
        }
        splitter = child(w, QSplitter, "splitter")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 420])

        self.model = DirectoryModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SORT_ROLE)
        self.table.setModel(self._proxy)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in (
            (COL_HANDLE, 165),
            (COL_NAME, 185),
            (2, 100),
            (3, 120),
            (4, 80),
            (5, 50),
            (6, 50),
            (COL_OVERDUE, 66),
        ):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(COL_OVERDUE, Qt.SortOrder.DescendingOrder)
        self._open_tree.setColumnWidth(0, 54)
        self._open_tree.setColumnWidth(1, 110)
        self._open_tree.setColumnWidth(2, 100)
        fit_titles(self.table)
        fit_titles(self._open_tree)

        self._kind.addItem(self.tr("All kinds"), None)
        for code, label in kinds():
            self._kind.addItem(label, code)
        self._admin.hide()
        self.channels = ChannelsView(self._engine, self._tasks, w)
        child(w, QWidget, "listSide").layout().addWidget(self.channels)

        self._rows: list[DirectoryRow] = []
        self._selected: int | None = None
        self._loaded_once = False
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self._apply_filter)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._search.textChanged.connect(lambda _t: self._filter_timer.start())
        self._kind.currentIndexChanged.connect(self._apply_filter)
        self._overdue_only.toggled.connect(self._apply_filter)
        self._active_only.toggled.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._admin.clicked.connect(self.open_admin)
        self.templates_button, self.templates_dialog = add_templates_button(ctx, w, self._admin)
        shortcut = QShortcut(QKeySequence("Ctrl+F"), w, self._search.setFocus)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._tasks.run(
            load_directory,
            self._engine,
            channel=f"directory-{id(self)}",
            on_done=self._loaded,
            on_error=lambda e: self._count.setText(
                fill(self.tr("The directory could not be loaded: %1"), str(e).splitlines()[0])
            ),
        )

    def _loaded(self, directory: Directory) -> None:
        self._rows = list(directory.rows)
        self._admin.setVisible(directory.can_edit_routing)
        self.channels.reload()  # an admin sees the channels; for anyone else it stays hidden
        self._apply_filter()
        if self._selected is not None:
            self._load_detail(self._selected)
        if not self._loaded_once:
            self._loaded_once = True
            self.ready.emit()

    def _apply_filter(self) -> None:
        rows = filter_directory(
            self._rows,
            self._search.text(),
            kind=self._kind.currentData(),
            overdue_only=self._overdue_only.isChecked(),
            active_only=self._active_only.isChecked(),
        )
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue_mentions)
        lang = current_language()
        self._count.setText(
            fill(
                self.tr("%1 of %n accounts · %2 with overdue mentions", "", len(self._rows)),
                formatting.integer(len(rows), lang),
                formatting.integer(overdue, lang),
            )
        )
        if self._selected is not None:
            self.select_account(self._selected)

    def select_account(self, account_id: int) -> bool:
        for r in range(self._proxy.rowCount()):
            index = self._proxy.index(r, COL_NAME)
            if index.data(ROW_ROLE).id == account_id:
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.selectionModel().blockSignals(False)
                self.table.scrollTo(index)
                return True
        return False

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        row: DirectoryRow = current.data(ROW_ROLE)
        self._selected = row.id
        self._load_detail(row.id)

    def _load_detail(self, account_id: int) -> None:
        self._tasks.run(
            fetch_account_detail,
            self._engine,
            account_id,
            channel=f"directory-detail-{id(self)}",
            on_done=self._show_detail,
        )

    # -- detail ----------------------------------------------------------------------------
    def _show_detail(self, detail: AccountDetail | None) -> None:
        if detail is None or detail.account.id != self._selected:
            return
        a, perf = detail.account, detail.performance
        lang = current_language()
        self._title.setText(f"@{a.handle} · {a.display_name}")
        meta = [kind_text(a.kind, a.is_head)]
        if a.area_name:
            meta.append(a.area_name)
        if a.agency_name:
            meta.append(a.agency_name)
        meta.append(self.tr("active") if a.active else self.tr("inactive: cannot be mentioned"))
        self._meta.setText(" · ".join(meta))
        load = fill(
            self.tr("Current load: %1 open, %2 overdue"),
            formatting.integer(a.open_mentions, lang),
            formatting.integer(a.overdue_mentions, lang),
        )
        if a.next_due is not None:
            load += " · " + fill(self.tr("earliest due %1"), moment_text(a.next_due))
        self._load_label.setText(load)
        self._load_label.setStyleSheet(
            f"color: {OVERDUE_RED}; font-weight: 600;" if a.overdue_mentions else ""
        )
        self._values["receivedValue"].setText(
            fill(
                self.tr("%1 in the last %n days", "", perf.days),
                formatting.integer(perf.received, lang),
            )
        )
        self._values["resolvedValue"].setText(formatting.integer(perf.resolved, lang))
        rate = perf.on_time_rate
        self._values["onTimeValue"].setText(
            "—"
            if rate is None
            else f"{formatting.integer(perf.resolved_on_time, lang)} "
            f"({formatting.percent(rate, lang, 0)})"
        )
        self._values["medianValue"].setText(formatting.hours(perf.median_response_hours, lang))
        self._values["escalatedValue"].setText(formatting.integer(perf.escalated, lang))
        self._values["forwardedValue"].setText(formatting.integer(perf.forwarded, lang))
        self._values["rejectedValue"].setText(
            f"{formatting.integer(perf.proofs_rejected, lang)} / "
            f"{formatting.integer(perf.follow_ups, lang)}"
        )
        self._open_tree.clear()
        for m in detail.open:
            due = moment_text(m.due_at) + (" · " + self.tr("overdue") if m.overdue else "")
            item = QTreeWidgetItem(
                [
                    f"#{m.report_id}",
                    category_name(self._ctx.language, m.category_id, m.category_en),
                    m.kelurahan or "—",
                    due,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, m.report_id)
            if m.overdue:
                for column in range(4):
                    item.setForeground(column, QBrush(QColor(OVERDUE_RED)))
            item.setToolTip(3, due)
            self._open_tree.addTopLevelItem(item)
        self._open_tree.resizeColumnToContents(3)

    # -- admin -----------------------------------------------------------------------------
    def open_admin(self) -> None:
        from qlue_console.gui.dispatch.routing_admin import RoutingAdminDialog

        self._admin_dialog = RoutingAdminDialog(self._ctx, self.widget)
        self._admin_dialog.open()

    # -- live ------------------------------------------------------------------------------
    def apply_changes(self, events: Sequence[ChangeEvent]) -> None:
        if any(e.kind in _LOAD_EVENTS for e in events):
            self._reload_timer.start()  # coalesces a burst of changes into one reload
        if self.channels.isVisibleTo(self.widget) and any(e.kind == "created" for e in events):
            self.channels.reload_soon()  # reports today
