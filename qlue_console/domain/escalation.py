"""Who an overdue mention escalates to: pure rules over account kinds and Kemendagri area codes.

When a mention passes its SLA it escalates one level up the chain of the mentioned account:

    field_officer, lurah  ->  camat of the kecamatan  ->  walikota of the kota  ->  (top)
    agency (staff)        ->  agency_head of the same agency                    ->  (top)

``external`` accounts (utilities, other institutions) and unknown kinds do not escalate: the
operator decides. Areas are Kemendagri codes: kota ``31.71``, kecamatan ``31.71.01``,
kelurahan ``31.71.01.1001``; the parent of a code is the code without its last dotted part.
A level with no active account (a vacant post) yields no target rather than silently
skipping a level. This module imports no Qt and touches no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "AREA_LEVELS",
    "ESCALATION_RULES",
    "EscalationAccount",
    "EscalationRule",
    "ancestor_at",
    "area_level",
    "next_level",
    "parent_code",
    "pick_escalation_target",
]

#: Area levels by the number of dotted parts of their code.
AREA_LEVELS: Mapping[str, int] = {"provinsi": 1, "kota": 2, "kecamatan": 3, "kelurahan": 4}


@dataclass(frozen=True, slots=True)
class EscalationRule:
    """An overdue mention of an account of some kind goes to the ``target_kind`` account of
    the same ``scope``: an area level (kecamatan, kota) or ``"agency"``."""

    target_kind: str
    scope: str


ESCALATION_RULES: Mapping[str, EscalationRule] = {
    "field_officer": EscalationRule("camat", "kecamatan"),
    "lurah": EscalationRule("camat", "kecamatan"),
    "camat": EscalationRule("walikota", "kota"),
    "agency": EscalationRule("agency_head", "agency"),
}


@dataclass(frozen=True, slots=True)
class EscalationAccount:
    """What escalation needs of an account. ``area_code`` is the account's own area (for a
    lurah its kelurahan, for a camat its kecamatan); ``agency`` identifies a dinas."""

    handle: str
    kind: str
    area_code: str | None = None
    agency: str | None = None
    active: bool = True


def next_level(kind: str) -> str | None:
    """The account kind an overdue mention of ``kind`` escalates to; None at the top
    (walikota, agency_head), for external accounts and for unknown kinds."""
    rule = ESCALATION_RULES.get(kind)
    return rule.target_kind if rule else None


def parent_code(code: str) -> str | None:
    """``31.71.01.1001`` -> ``31.71.01``; a one-part code (the province) has no parent."""
    head, sep, _ = code.rpartition(".")
    return head if sep else None


def area_level(code: str) -> str:
    """The level name of a code: kota, kecamatan, kelurahan (or provinsi)."""
    parts = code.count(".") + 1
    for name, depth in AREA_LEVELS.items():
        if depth == parts:
            return name
    raise ValueError(f"not a Kemendagri area code: {code!r}")


def ancestor_at(code: str, level: str) -> str | None:
    """The code of the ``level`` area containing ``code`` (itself if already at that level);
    None when ``code`` is coarser than ``level``."""
    depth = AREA_LEVELS[level]
    parts = code.split(".")
    if len(parts) < depth:
        return None
    return ".".join(parts[:depth])


def pick_escalation_target(
    account: EscalationAccount,
    candidates: Iterable[EscalationAccount],
    *,
    area_code: str | None = None,
) -> EscalationAccount | None:
    """The account an overdue mention of ``account`` escalates to, among ``candidates``.

    The scope is taken from ``area_code`` when given (the report's kelurahan, useful for
    field officers who cover several areas), else from the account's own area. Only active
    candidates of the target kind in the same kecamatan/kota (or the same agency) qualify;
    several are ordered by handle for a stable choice. None when there is no next level or
    the post is vacant.
    """
    rule = ESCALATION_RULES.get(account.kind)
    if rule is None:
        return None
    if rule.scope == "agency":
        if account.agency is None:
            return None

        def in_scope(candidate: EscalationAccount) -> bool:
            return candidate.agency == account.agency

    else:
        origin = area_code or account.area_code
        target_area = ancestor_at(origin, rule.scope) if origin else None
        if target_area is None:
            return None

        def in_scope(candidate: EscalationAccount) -> bool:
            return candidate.area_code == target_area

    matches = [
        c for c in candidates if c.active and c.kind == rule.target_kind and in_scope(c)
    ]
    return min(matches, key=lambda c: c.handle, default=None)
