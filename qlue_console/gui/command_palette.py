"""The command palette (Ctrl+K): one search line over everything the console can do — every
QAction of the window and its workspaces that has a text (enumerated when the palette opens, so
an action added later appears by itself; the role's workspaces not opened yet are built then,
one per turn of the event loop, so theirs are listed too), the buttons on screen, every
workspace, every named view, and a report number ("Open report #N" reveals it in the triage
queue). It matches the text as shown, in the
language of the screens, by substring or, failing that, by its letters in order; arrow keys
move, Enter runs, Esc closes. The named views come from the database off the UI thread."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QPushButton,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)
from typing_extensions import override

from qlue_console.gui.i18n import fill
from qlue_console.triage.views import SavedView, list_views

if TYPE_CHECKING:
    from qlue_console.gui.main_window import MainWindow

_REPORT = re.compile(r"^\s*#?\s*(\d{1,12})\s*$")
MAX_SHOWN = 60


@dataclass(frozen=True)
class Command:
    kind: str  # what it is, translated: Action, Workspace, View, Report
    text: str  # as shown (mnemonic ampersands removed)
    shortcut: str
    run: Callable[[], None]


def plain(text: str) -> str:
    """An action's text without its mnemonic '&' (a doubled '&&' is a literal one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def score(query: str, text: str) -> int | None:
    """How well ``text`` matches ``query`` (higher is better; None: not at all): a prefix beats
    a word's start, which beats a substring, which beats the letters in order."""
    q, t = query.casefold().strip(), text.casefold()
    if not q:
        return 0
    at = t.find(q)
    if at == 0:
        return 400
    if at > 0:
        return 300 if not t[at - 1].isalnum() else 200
    position = 0
    for char in q.replace(" ", ""):
        position = t.find(char, position)
        if position < 0:
            return None
        position += 1
    return 100 - min(len(t), 99)


def ranked(query: str, commands: Sequence[Command]) -> list[Command]:
    scored = [(s, i, c) for i, c in enumerate(commands) if (s := score(query, c.text)) is not None]
    scored.sort(key=lambda found: (-found[0], found[1]))
    return [c for _s, _i, c in scored]


class CommandPalette(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._views: list[SavedView] = []
        self._query: str | None = None  # the query the list was last drawn for
        self._commands: list[Command] = []
        self.shown: list[Command] = []
        self.action = QAction(self.tr("Command palette…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+K"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        self.dialog = QDialog(window, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.dialog.setObjectName("commandPalette")
        self.dialog.resize(620, 420)
        layout = QVBoxLayout(self.dialog)
        self.search = QLineEdit(self.dialog)
        self.search.setPlaceholderText(
            self.tr("Type an action, a workspace, a named view or a report number…")
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QTreeWidget(self.dialog)
        self.list.setHeaderHidden(True)
        self.list.setColumnCount(3)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search line
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.run_current)
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item, _column: self.run_current())

    # -- what there is ---------------------------------------------------------------------
    def commands(self) -> list[Command]:
        """Every workspace, every enabled action with a text, then the named views."""
        window = self._window
        found: list[Command] = []
        kind_workspace, kind_action = self.tr("Workspace"), self.tr("Action")
        workspace_actions = window.workspace_actions()
        for name, action in workspace_actions.items():
            found.append(
                Command(
                    kind_workspace,
                    plain(action.text()),
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    partial(window.show_workspace, name),
                )
            )
        seen = set(workspace_actions.values()) | {self.action}
        # a toolbar's "show/hide" toggle is not a command
        seen |= {bar.toggleViewAction() for bar in window.findChildren(QToolBar)}
        for action in window.findChildren(QAction):
            if action in seen or action.menu() is not None or action.isSeparator():
                continue
            seen.add(action)
            if not plain(action.text()).strip() or not action.isEnabled():
                continue
            found.append(
                Command(
                    kind_action,
                    plain(action.text()),
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    action.trigger,
                )
            )
        found += self._buttons({c.text for c in found})
        if window.may_use("triage"):
            kind_view = self.tr("Named view")
            for view in self._views:
                found.append(Command(kind_view, view.name, "", partial(self._open_view, view)))
        return found

    def _buttons(self, actions: set[str]) -> list[Command]:
        """The push buttons of each workspace built so far (the open report's Claim, Verified,
        Reject, Next; the Reports workspace's exports; Verify's decisions…: the workspaces'
        keys are shortcuts of buttons, not actions) that are shown in their workspace, enabled
        and with a text no action already has. Running one shows its workspace first. A
        button of a dialog is not the window's."""
        window = self._window
        found: list[Command] = []
        seen: set[tuple[str, str]] = set()  # (text, workspace): one command per button text
        titles = {n: plain(a.text()) for n, a in window.workspace_actions().items()}
        for name, workspace in window.workspaces.items():
            page = workspace.widget
            for button in page.findChildren(QPushButton):
                text = plain(button.text()).strip()
                if (
                    not text
                    or text in actions
                    or (text, name) in seen
                    or button.window() is not window
                    or not button.isVisibleTo(page)
                    or not button.isEnabled()
                ):
                    continue
                seen.add((text, name))
                run = partial(self._press, name, button)
                found.append(Command(titles.get(name, name), text, "", run))
        return found

    def _press(self, workspace: str, button: QPushButton) -> None:
        self._window.show_workspace(workspace)
        button.click()

    def _report_command(self, report_id: int) -> Command:
        return Command(
            self.tr("Report"),
            fill(self.tr("Open report #%1"), str(report_id)),
            "",
            lambda: self._open_report(report_id),
        )

    # -- showing ---------------------------------------------------------------------------
    def open(self) -> None:
        self._commands = self.commands()
        self.search.clear()
        self._refresh()
        window = self._window
        self.dialog.move(
            window.mapToGlobal(QPoint((window.width() - self.dialog.width()) // 2, 80))
        )
        self.dialog.show()
        self.search.setFocus()
        window.tasks.run(
            list_views,
            window.context.engine,
            channel="palette-views",
            on_done=self._views_loaded,
            on_error=lambda _error: None,  # the palette works without the views
        )
        QTimer.singleShot(0, self._build_next_workspace)

    def _build_next_workspace(self) -> None:
        """Builds one workspace of the role not opened yet (each takes tens of milliseconds;
        its data loads in the background), so that its actions are listed too; then the next,
        one per turn of the event loop."""
        window = self._window
        waiting = [n for n in window.workspace_actions() if n not in window.workspaces]
        if not waiting or not self.dialog.isVisible():
            return
        window.workspace(waiting[0])
        self._commands = self.commands()
        self._refresh()
        QTimer.singleShot(0, self._build_next_workspace)

    def _views_loaded(self, views: Sequence[SavedView]) -> None:
        self._views = list(views)
        if self.dialog.isVisible():
            self._commands = self.commands()
            self._refresh()

    def _typed(self, _text: str) -> None:
        """What there is is read again at each keystroke (a workspace's buttons appear once it
        has loaded what its role may do); the window holds a few hundred widgets."""
        self._commands = self.commands()
        self._refresh()

    def _refresh(self) -> None:
        current = self.list.currentItem()
        query = self.search.text()
        same = query == self._query  # the list grew under the same query: keep the row
        self._query = query
        kept = (current.text(0), current.text(1)) if current is not None and same else None
        shown = ranked(query, self._commands) if query.strip() else list(self._commands)
        number = _REPORT.match(query)
        if number and self._window.may_use("triage"):
            shown.insert(0, self._report_command(int(number.group(1))))
        self.shown = shown[:MAX_SHOWN]
        self.list.clear()
        for command in self.shown:
            item = QTreeWidgetItem(self.list, [command.text, command.kind, command.shortcut])
            item.setForeground(1, self.list.palette().placeholderText())
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
        for column in (1, 2):
            self.list.resizeColumnToContents(column)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, self.list.header().ResizeMode.Stretch)
        # the row the arrow keys were on stays current when the list grows under it
        at = next((i for i, c in enumerate(self.shown) if kept and (c.text, c.kind) == kept), 0)
        first = self.list.topLevelItem(at)
        if first is not None:
            self.list.setCurrentItem(first)

    def texts(self) -> list[str]:
        return [c.text for c in self.shown]

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.shown:
                current = self.list.currentItem()
                row = self.list.indexOfTopLevelItem(current) if current is not None else -1
                row = max(0, min(len(self.shown) - 1, row + step))
                target = self.list.topLevelItem(row)
                if target is not None:
                    self.list.setCurrentItem(target)
                return True
        return super().eventFilter(watched, event)

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        command = self.shown[self.list.indexOfTopLevelItem(item)]
        self.dialog.hide()
        command.run()

    # -- running ---------------------------------------------------------------------------
    def _open_report(self, report_id: int) -> None:
        self._window.show_workspace("triage")
        self._window.triage.reveal_report(report_id)

    def _open_view(self, view: SavedView) -> None:
        self._window.show_workspace("triage")
        self._window.triage.queue.apply_filter_to_widgets(view.filter)
