"""Completion of officials' @handles in a line that names several (the bulk dispatch's
"Officials" line): the word being typed is completed from the officials' accounts — by handle
or name, anywhere in the entry — and the chosen handle replaces that word only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit
from sqlalchemy import Engine

from qlue_console.dispatch.directory import fetch_mention_accounts
from qlue_console.triage import bulk
from qlue_console.triage.bulk import Target

MIN_TYPED = 2  # letters of a word before the list opens


def official_entries(engine: Engine) -> list[str]:
    """``@handle — name`` of every active official, by handle (the accounts the dispatch
    composer reads, without the directory's mention counts)."""
    return [f"@{a.handle} — {a.display_name}" for a in fetch_mention_accounts(engine) if a.active]


def snapshot_for_dispatch(engine: Engine, ids: Sequence[int]) -> tuple[list[Target], list[str]]:
    """The selection's versions and the officials to complete from, in one background task."""
    return bulk.snapshot(engine, ids), official_entries(engine)


def _last_word(text: str) -> tuple[str, str]:
    """(the text before the word being typed, that word)."""
    head, _, word = text.rpartition(" ")
    return (head + " " if head else ""), word


def attach_handle_completer(edit: QLineEdit, entries: Sequence[str]) -> QCompleter:
    completer = QCompleter(edit)
    completer.setModel(QStringListModel(list(entries), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setWidget(edit)

    def typed(text: str) -> None:
        _head, word = _last_word(text)
        word = word.lstrip("@")
        if len(word) < MIN_TYPED:
            popup = completer.popup()
            if popup is not None:
                popup.hide()
            return
        completer.setCompletionPrefix(word)
        completer.complete()

    def chosen(entry: str) -> None:
        head, _word = _last_word(edit.text())
        edit.setText(head + entry.split(" ", 1)[0] + " ")

    edit.textEdited.connect(typed)
    completer.activated.connect(chosen)
    return completer
