"""What the @-composer needs to know about the text being typed, decided by the one mention
parser (``qlue_console.domain.mentions``): is the cursor inside a mention being typed, what
does completing it give, and which directory accounts do the text's mentions name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qlue_console.domain.mentions import (
    AccountRef,
    normalize_handle,
    parse_mentions,
    unique_handles,
)

__all__ = ["MentionQuery", "canonical_handles", "complete_mention", "mention_query_at"]


@dataclass(frozen=True, slots=True)
class MentionQuery:
    """A mention being typed: ``text[start] == "@"`` and ``query`` is what follows it up to the
    cursor (possibly empty, right after typing ``@``)."""

    start: int
    query: str


def _is_handle_char(ch: str) -> bool:
    # The parser's own notion, asked of it: a character continues a handle when appending it
    # to a handle keeps one mention spanning both.
    probe = "@a" + ch + "a"
    found = parse_mentions(probe)
    return len(found) == 1 and found[0].end == len(probe)


def mention_query_at(text: str, cursor: int) -> MentionQuery | None:
    """The mention being typed just before ``cursor``, or None.

    The parser decides: the ``@`` must be one that can start a mention (not inside an
    e-mail address, not after another ``@``) and everything between it and the cursor must
    be handle characters. A trailing ``.`` or ``-`` is kept in the query, since the user is
    still typing (``@lurah.`` on its way to ``@lurah.gambir``).
    """
    if not 0 <= cursor <= len(text):
        return None
    before = text[:cursor]
    at = before.rfind("@")
    if at == -1 or "\n" in before[at:]:
        return None
    # Appending a letter keeps a trailing '.'/'-' inside the handle and makes a bare '@' a
    # mention, so the parser answers "does a mention start at `at` and reach the cursor".
    probe = before + "x"
    for mention in parse_mentions(probe):
        if mention.start == at and mention.end == len(probe):
            return MentionQuery(at, before[at + 1 :])
    return None


def complete_mention(text: str, cursor: int, handle: str) -> tuple[str, int]:
    """``text`` with the mention typed at ``cursor`` replaced by ``@handle`` and a space; the
    new cursor is after the space. The rest of a handle right of the cursor is replaced too.
    Without a mention being typed, ``@handle `` is inserted at the cursor."""
    query = mention_query_at(text, cursor)
    start = query.start if query else cursor
    end = cursor
    while end < len(text) and _is_handle_char(text[end]):
        end += 1
    tail = text[end:]
    insert = f"@{handle}"
    if not tail.startswith(" "):
        insert += " "
        new_cursor = start + len(insert)
    else:
        new_cursor = start + len(insert) + 1
    return text[:start] + insert + tail, new_cursor


def canonical_handles(text: str, accounts: Iterable[AccountRef]) -> list[str]:
    """The handles ``text`` mentions, once each, spelled as in the directory (the typed
    ``@Lúrah.Gambir`` becomes ``lurah.gambir``); handles not in the directory stay as typed
    so the database can name them in its refusal."""
    index = {normalize_handle(a.handle): a.handle for a in accounts}
    return [index.get(normalize_handle(h), h) for h in unique_handles(text)]
