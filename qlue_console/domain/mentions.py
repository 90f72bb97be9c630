"""@mention parsing: the one parser shared by the console's composer and the citizen channels.

A report is dispatched by writing ``@handle`` in a comment; everything that reads those
comments (the composer's highlighter, the dispatch service, a channel written in Python) must
agree on what is a mention, so the rules live here and nowhere else:

* A mention is ``@`` followed by a handle: letters (any script, with their combining accents),
  digits, ``_``, ``.`` and ``-``. The handle must begin with a letter, a digit or ``_``.
* The ``@`` must not follow a word character (letter, digit, ``_``, accent) nor another
  ``@``: ``budi@jakarta.go.id`` is an e-mail address and ``@@x`` is not a mention (the same
  rule as Twitter's, which the officials already know).
* Trailing ``.`` and ``-`` runs belong to the sentence, not the handle: in
  ``ping @lurah.gambir.`` the handle is ``lurah.gambir``. Other punctuation
  (``, : ; ! ? )`` ...) is never part of a handle. A trailing ``_`` is kept (``@budi_``).
* A handle immediately followed by ``@`` (``@a@b.id``) looks like an address, not a mention.
* ``@`` alone, or followed by nothing usable, is nothing.

Handles are compared with :func:`normalize_handle` (case-folded, accents stripped), so
``@Dinas.LH`` and ``@dinas.lh`` address the same account and ``@walikota`` finds ``wàlikota``.
This module imports no Qt and touches no database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "AccountRef",
    "Mention",
    "MentionProblem",
    "ProblemCode",
    "normalize_handle",
    "parse_mentions",
    "unique_handles",
    "validate_mentions",
]

_TRAILING_STRIP = ".-"


@dataclass(frozen=True, slots=True)
class Mention:
    """One ``@handle`` occurrence; ``text[start:end] == "@" + handle``."""

    handle: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The handle as looked up in the directory (see :func:`normalize_handle`)."""
        return normalize_handle(self.handle)


@dataclass(frozen=True, slots=True)
class AccountRef:
    """What validation needs to know of an official's account."""

    handle: str
    display_name: str
    active: bool = True


ProblemCode = Literal["unknown", "inactive"]


@dataclass(frozen=True, slots=True)
class MentionProblem:
    """A mention that cannot be dispatched. ``code`` is stable (the Qt layer translates by it);
    ``message`` is an English explanation for logs and non-Qt callers."""

    code: ProblemCode
    handle: str
    start: int
    end: int
    message: str
    account: AccountRef | None = None


def normalize_handle(handle: str) -> str:
    """The lookup form of a handle: compatibility-decomposed, case-folded, accents removed.

    ``normalize_handle("Wàlikota-JakPus") == "walikota-jakpus"``. Full-width and other
    compatibility characters fold to their plain forms (NFKD).
    """
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", handle).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _is_handle_char(ch: str) -> bool:
    return _is_word(ch) or ch in ".-"


def _can_begin_handle(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def parse_mentions(text: str) -> list[Mention]:
    """Every mention in ``text``, in order of appearance, repeats included."""
    mentions: list[Mention] = []
    n = len(text)
    i = text.find("@")
    while i != -1:
        prev = text[i - 1] if i > 0 else ""
        begin = i + 1
        if prev and (prev == "@" or _is_word(prev)):
            i = text.find("@", begin)
            continue
        if begin >= n or not _can_begin_handle(text[begin]):
            i = text.find("@", begin)
            continue
        end = begin
        while end < n and _is_handle_char(text[end]):
            end += 1
        run_end = end
        while end > begin and text[end - 1] in _TRAILING_STRIP:
            end -= 1
        # `@a@b.id`: an address-like token, not a mention (also skips its second `@`).
        if run_end < n and text[run_end] == "@" and run_end == end:
            i = text.find("@", run_end + 1)
            continue
        mentions.append(Mention(text[begin:end], i, end))
        i = text.find("@", end)
    return mentions


def unique_handles(text: str) -> list[str]:
    """The handles mentioned in ``text``, each once (compared with :func:`normalize_handle`),
    spelled as at their first occurrence, in order of first occurrence."""
    seen: set[str] = set()
    handles: list[str] = []
    for mention in parse_mentions(text):
        key = mention.key
        if key not in seen:
            seen.add(key)
            handles.append(mention.handle)
    return handles


def validate_mentions(text: str, known: Mapping[str, AccountRef]) -> list[MentionProblem]:
    """Problems of every mention occurrence in ``text`` against the directory ``known``.

    ``known`` maps handles to accounts; its keys may be spelled in any case or accent form,
    they are normalised here. Each occurrence of a bad handle gets its own problem so a UI
    can underline every span. Valid mentions produce nothing.
    """
    index = {normalize_handle(handle): account for handle, account in known.items()}
    problems: list[MentionProblem] = []
    for mention in parse_mentions(text):
        account = index.get(mention.key)
        if account is None:
            problems.append(
                MentionProblem(
                    "unknown",
                    mention.handle,
                    mention.start,
                    mention.end,
                    f"No account is named @{mention.handle}.",
                )
            )
        elif not account.active:
            problems.append(
                MentionProblem(
                    "inactive",
                    mention.handle,
                    mention.start,
                    mention.end,
                    f"@{account.handle} ({account.display_name}) is inactive and cannot be "
                    "mentioned.",
                    account,
                )
            )
    return problems
