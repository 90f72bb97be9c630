"""The @-composer: behaviour added to a plain ``QPlainTextEdit`` from a Designer form.

Typing ``@`` opens a popup of directory accounts matching what follows (case- and
accent-insensitive, ranked by ``directory_search.rank_accounts``: suggested first, then the
report's area, then the rest). Up/Down move in it, Enter or Tab insert the handle, Esc closes
it; the edit keeps the keyboard focus throughout. Mentions are highlighted as they are typed:
a known account as a chip, an unknown or inactive handle with a red wavy underline whose
tooltip gives the reason. Ctrl+Enter asks to send.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QPlainTextEdit, QToolTip
from shiboken6 import isValid
from typing_extensions import override

from qlue_console.dispatch.composing import canonical_handles, complete_mention, mention_query_at
from qlue_console.dispatch.directory import MentionAccount, as_candidates, as_refs
from qlue_console.domain.directory_search import AccountCandidate, rank_accounts
from qlue_console.domain.mentions import (
    AccountRef,
    MentionProblem,
    normalize_handle,
    parse_mentions,
    validate_mentions,
)
from qlue_console.gui.dispatch.labels import kind_text
from qlue_console.gui.i18n import fill

log = logging.getLogger(__name__)

HANDLE_ROLE = Qt.ItemDataRole.UserRole + 1
POPUP_ROWS = 10
CHIP_BACKGROUND = "#e3f2fd"
CHIP_FOREGROUND = "#0d47a1"
ERROR_RED = "#c62828"


class MentionHighlighter(QSyntaxHighlighter):
    """Known mentions as chips; unknown or inactive ones underlined in red."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._index: dict[str, AccountRef] | None = None
        self._chip = QTextCharFormat()
        self._chip.setBackground(QColor(CHIP_BACKGROUND))
        self._chip.setForeground(QColor(CHIP_FOREGROUND))
        self._chip.setFontWeight(QFont.Weight.DemiBold)
        self._bad = QTextCharFormat()
        self._bad.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._bad.setUnderlineColor(QColor(ERROR_RED))
        self._bad.setForeground(QColor(ERROR_RED))

    def set_directory(self, refs: dict[str, AccountRef]) -> None:
        self._index = {normalize_handle(h): a for h, a in refs.items()}
        self.rehighlight()

    @override
    def highlightBlock(self, text: str) -> None:
        if self._index is None:
            return  # the directory is loading: no verdict yet
        for mention in parse_mentions(text):
            account = self._index.get(mention.key)
            fmt = self._chip if account is not None and account.active else self._bad
            self.setFormat(mention.start, mention.end - mention.start, fmt)


class MentionComposer(QObject):
    """Controller of the composer's text edit."""

    changed = Signal()  # the text, its mentions or their validity changed
    send_requested = Signal()  # Ctrl+Enter
    completed = Signal(str)  # a handle was inserted from the popup

    def __init__(self, edit: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self._accounts: list[MentionAccount] = []
        self._candidates: list[AccountCandidate] = []
        self._refs: dict[str, AccountRef] = {}
        self._loaded = False
        self._suggested: tuple[str, ...] = ()
        self._area_codes: tuple[str, ...] = ()
        self._problems: list[MentionProblem] = []
        self._dismissed_at: int | None = None
        self.highlighter = MentionHighlighter(edit.document())

        self.model = QStandardItemModel(self)
        # Owned by the edit (deleted with it) but a window of its own, shown without taking
        # the focus: the edit keeps the keyboard and forwards Up/Down/Enter/Tab/Esc.
        self.popup = QListView(edit)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setModel(self.model)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setUniformItemSizes(True)
        self.popup.clicked.connect(self._accept_index)

        self._viewport = edit.viewport()
        edit.installEventFilter(self)
        self._viewport.installEventFilter(self)
        edit.textChanged.connect(self._text_changed)
        edit.cursorPositionChanged.connect(self._update_popup)

    # -- data ------------------------------------------------------------------------------
    def set_accounts(self, accounts: Sequence[MentionAccount]) -> None:
        self._accounts = list(accounts)
        self._candidates = as_candidates(accounts)
        self._refs = as_refs(accounts)
        self._loaded = True
        self.highlighter.set_directory(self._refs)
        self._revalidate()

    def set_context(self, suggested: Sequence[str], area_codes: Sequence[str]) -> None:
        """The report's suggested handles and area codes, for the ranking."""
        self._suggested = tuple(suggested)
        self._area_codes = tuple(area_codes)

    @property
    def loaded(self) -> bool:
        return self._loaded

    def account(self, handle: str) -> MentionAccount | None:
        key = normalize_handle(handle)
        return next((a for a in self._accounts if normalize_handle(a.handle) == key), None)

    def problems(self) -> list[MentionProblem]:
        return list(self._problems)

    def handles(self) -> list[str]:
        """The handles the text mentions, once each, spelled as in the directory."""
        return canonical_handles(self.edit.toPlainText(), self._refs.values())

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)
        self.hide_popup()

    def problem_text(self, problem: MentionProblem) -> str:
        if problem.code == "inactive" and problem.account is not None:
            return fill(
                self.tr("@%1 (%2) is inactive and cannot be mentioned."),
                problem.account.handle,
                problem.account.display_name,
            )
        return fill(self.tr("No account is named @%1."), problem.handle)

    def insert_mention(self, handle: str) -> None:
        """Adds ``@handle`` at the cursor (or completes the mention being typed) unless the
        text already mentions it."""
        if normalize_handle(handle) in {normalize_handle(h) for h in self.handles()}:
            return
        text, cursor = self.edit.toPlainText(), self.edit.textCursor().position()
        if mention_query_at(text, cursor) is None and cursor > 0 and not text[cursor - 1].isspace():
            self.edit.insertPlainText(" ")
            text, cursor = self.edit.toPlainText(), self.edit.textCursor().position()
        self._replace(text, cursor, handle)

    # -- popup -----------------------------------------------------------------------------
    def is_popup_visible(self) -> bool:
        return self.popup.isVisible()

    def popup_handles(self) -> list[str]:
        return [self.model.item(r).data(HANDLE_ROLE) for r in range(self.model.rowCount())]

    def current_popup_handle(self) -> str | None:
        index = self.popup.currentIndex()
        return index.data(HANDLE_ROLE) if index.isValid() else None

    def hide_popup(self) -> None:
        if isValid(self.popup):
            self.popup.hide()

    def _update_popup(self) -> None:
        if not self.edit.hasFocus() and not self.edit.isVisible():
            self.hide_popup()
            return
        text, cursor = self.edit.toPlainText(), self.edit.textCursor().position()
        query = mention_query_at(text, cursor)
        if query is None or not self._loaded or query.start == self._dismissed_at:
            self.hide_popup()
            return
        ranked = rank_accounts(
            query.query,
            self._candidates,
            suggested=self._suggested,
            area_codes=self._area_codes,
            limit=POPUP_ROWS,
        )
        if not ranked:
            self.hide_popup()
            return
        suggested = {normalize_handle(h) for h in self._suggested}
        self.model.clear()
        for candidate in ranked:
            star = "★ " if normalize_handle(candidate.handle) in suggested else ""
            item = QStandardItem(f"{star}@{candidate.handle} — {candidate.display_name}")
            item.setData(candidate.handle, HANDLE_ROLE)
            item.setToolTip(kind_text(candidate.kind))
            self.model.appendRow(item)
        self.popup.setCurrentIndex(self.model.index(0, 0))
        self._place_popup(len(ranked))

    def _place_popup(self, rows: int) -> None:
        rect = self.edit.cursorRect()
        origin = self.edit.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 2))
        row_height = max(self.popup.sizeHintForRow(0), self.edit.fontMetrics().height() + 4)
        width = max(320, min(460, self.popup.sizeHintForColumn(0) + 24))
        self.popup.setGeometry(origin.x(), origin.y(), width, row_height * rows + 6)
        if not self.popup.isVisible():
            self.popup.show()

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            current = self.popup.currentIndex().row()
            self.popup.setCurrentIndex(self.model.index((current + step) % rows, 0))

    def _accept_index(self, index: QModelIndex) -> None:
        handle = index.data(HANDLE_ROLE)
        if handle:
            self._replace(self.edit.toPlainText(), self.edit.textCursor().position(), handle)

    def _accept_current(self) -> None:
        index = self.popup.currentIndex()
        if index.isValid():
            self._accept_index(index)

    def _replace(self, text: str, cursor: int, handle: str) -> None:
        new_text, new_cursor = complete_mention(text, cursor, handle)
        edit_cursor = self.edit.textCursor()
        edit_cursor.beginEditBlock()  # one undo step
        edit_cursor.select(QTextCursor.SelectionType.Document)
        edit_cursor.insertText(new_text)
        edit_cursor.endEditBlock()
        edit_cursor.setPosition(new_cursor)
        self.edit.setTextCursor(edit_cursor)
        self.hide_popup()
        self.completed.emit(handle)

    # -- events ----------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._dismissed_at = None
        self._revalidate()
        self._update_popup()

    def _revalidate(self) -> None:
        text = self.edit.toPlainText()
        self._problems = validate_mentions(text, self._refs) if self._loaded else []
        self.changed.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isValid(self.edit):
            return False  # the form is being torn down
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            return self._key(cast(QKeyEvent, event))
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.hide_popup()
        if watched is self._viewport and event.type() == QEvent.Type.ToolTip:
            return self._tooltip(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and mods & Qt.KeyboardModifier.ControlModifier:
            self.hide_popup()
            self.send_requested.emit()
            return True
        if not self.popup.isVisible():
            return False
        if key == Qt.Key.Key_Down:
            self._move(1)
            return True
        if key == Qt.Key.Key_Up:
            self._move(-1)
            return True
        if enter or key == Qt.Key.Key_Tab:
            self._accept_current()
            return True
        if key == Qt.Key.Key_Escape:
            query = mention_query_at(self.edit.toPlainText(), self.edit.textCursor().position())
            self._dismissed_at = query.start if query else None
            self.hide_popup()
            return True
        return False

    def _tooltip(self, event) -> bool:
        position = self.edit.cursorForPosition(event.pos()).position()
        for problem in self._problems:
            if problem.start <= position <= problem.end:
                QToolTip.showText(event.globalPos(), self.problem_text(problem), self.edit)
                return True
        QToolTip.hideText()
        return False
