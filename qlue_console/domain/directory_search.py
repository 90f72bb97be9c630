"""Ranking of the officials directory for the @-composer's autocomplete.

A candidate matches when the typed query (a leading ``@`` ignored) occurs in its handle or
display name, compared case- and accent-insensitively (``jose`` finds ``José``, ``sutiyo``
finds ``Sutiyoso``). The order is:

1. group: suggested accounts (from the routing rules) first, then accounts of the report's
   area (their area code is one of the report's kelurahan, kecamatan or kota codes), then
   the rest;
2. within a group, prefix matches (the query starts the handle, the display name or any word
   of the display name) before plain substring matches;
3. ties by normalised handle, then handle, so the order is stable.

Inactive accounts are left out unless ``include_inactive`` is set; then they come after
every active account, and the caller shows them flagged by their own ``active`` field.
An empty query matches everyone (the list shown right after typing ``@``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from qlue_console.domain.mentions import normalize_handle

__all__ = ["AccountCandidate", "rank_accounts"]

_WORD_SPLIT = re.compile(r"[\s._\-]+")

_PREFIX, _SUBSTRING = 0, 1
_SUGGESTED, _IN_AREA, _OTHER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class AccountCandidate:
    """A directory entry as the composer shows it."""

    handle: str
    display_name: str
    kind: str = ""
    area_code: str | None = None
    active: bool = True


def _match(query: str, candidate: AccountCandidate) -> int | None:
    handle = normalize_handle(candidate.handle)
    name = normalize_handle(candidate.display_name)
    if not query:
        return _PREFIX
    words = [w for w in _WORD_SPLIT.split(name) if w]
    if (
        handle.startswith(query)
        or name.startswith(query)
        or any(w.startswith(query) for w in words)
    ):
        return _PREFIX
    if query in handle or query in name:
        return _SUBSTRING
    return None


def rank_accounts(
    query: str,
    accounts: Sequence[AccountCandidate],
    *,
    suggested: Collection[str] = (),
    area_codes: Collection[str] = (),
    limit: int = 20,
    include_inactive: bool = False,
) -> list[AccountCandidate]:
    """The accounts matching ``query``, best first, at most ``limit`` of them."""
    if limit <= 0:
        return []
    q = normalize_handle(query.strip().removeprefix("@"))
    suggested_keys = {normalize_handle(h.removeprefix("@")) for h in suggested}
    areas = set(area_codes)
    ranked: list[tuple[tuple[int, int, int, str, str], AccountCandidate]] = []
    for candidate in accounts:
        if not candidate.active and not include_inactive:
            continue
        quality = _match(q, candidate)
        if quality is None:
            continue
        key = normalize_handle(candidate.handle)
        if key in suggested_keys:
            group = _SUGGESTED
        elif candidate.area_code is not None and candidate.area_code in areas:
            group = _IN_AREA
        else:
            group = _OTHER
        ranked.append(
            ((0 if candidate.active else 1, group, quality, key, candidate.handle), candidate)
        )
    ranked.sort(key=lambda item: item[0])
    return [candidate for _, candidate in ranked[:limit]]
