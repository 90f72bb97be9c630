"""Who an overdue mention escalates to: pure rules over account kinds and Kemendagri area codes.

When a mention passes its SLA it escalates one level up the chain of the mentioned account:

    field_officer (of a kelurahan), lurah  ->  camat of the kecamatan  ->  walikota of the kota
    agency staff                          ->  the head of the same agency

Accounts follow the database schema: agency staff are ``field_officer`` accounts with an
``agency`` (``dlh.petugas1``), an agency's head is the ``agency`` account with ``is_head``
(``dlh``); a non-head ``agency`` account counts as staff. Walikota, agency heads, ``external``
accounts (utilities, other institutions) and unknown kinds do not escalate: the operator
decides. The SQL twin is ``qlue_escalation_target`` in ``alembic/sql/0003``. Areas are Kemendagri codes: kota ``31.71``, kecamatan ``31.71.01``,
kelurahan ``31.71.01.1001``; the parent of a code is the code without its last dotted part.
A level with no active account (a vacant post) yields no target rather than silently
skipping a level. This module imports no Qt and touches no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "AREA_LEVELS",
    "AGENCY_RULE",
    "ESCALATION_RULES",
    "EscalationAccount",
    "EscalationRule",
    "ancestor_at",
    "area_level",
    "next_level",
    "parent_code",
    "pick_escalation_target",
    "rule_for",
]

#: Area levels by the number of dotted parts of their code.
AREA_LEVELS: Mapping[str, int] = {"provinsi": 1, "kota": 2, "kecamatan": 3, "kelurahan": 4}


@dataclass(frozen=True, slots=True)
class EscalationRule:
    """An overdue mention of an account of some kind goes to the ``target_kind`` account of
    the same ``scope``: an area level (kecamatan, kota) or ``"agency"``; with ``head`` only
    an account marked as the head qualifies."""

    target_kind: str
    scope: str
    head: bool = False


#: The area chain, by the kind of the overdue account (agency staff: see ``AGENCY_RULE``).
ESCALATION_RULES: Mapping[str, EscalationRule] = {
    "field_officer": EscalationRule("camat", "kecamatan"),
    "lurah": EscalationRule("camat", "kecamatan"),
    "camat": EscalationRule("walikota", "kota"),
}

#: Agency staff escalate to the head of their agency.
AGENCY_RULE = EscalationRule("agency", "agency", head=True)


@dataclass(frozen=True, slots=True)
class EscalationAccount:
    """What escalation needs of an account. ``area_code`` is the account's own area (for a
    lurah its kelurahan, for a camat its kecamatan); ``agency`` identifies a dinas."""

    handle: str
    kind: str
    area_code: str | None = None
    agency: str | None = None
    active: bool = True
    is_head: bool = False


def rule_for(account: EscalationAccount) -> EscalationRule | None:
    """The rule an overdue mention of ``account`` follows; None at the top (walikota, an
    agency head), for external accounts and for unknown kinds."""
    if account.kind == "agency":
        return AGENCY_RULE if not account.is_head and account.agency is not None else None
    if account.kind == "field_officer" and account.agency is not None:
        return AGENCY_RULE
    return ESCALATION_RULES.get(account.kind)


def next_level(kind: str, *, agency: str | None = None, is_head: bool = False) -> str | None:
    """The account kind an overdue mention of ``kind`` escalates to (``"agency"`` means the
    agency's head); None at the top, for external accounts and for unknown kinds."""
    rule = rule_for(EscalationAccount("", kind, agency=agency, is_head=is_head))
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

    The scope is taken from the account's own area (a lurah's kelurahan, a camat's
    kecamatan), else from ``area_code`` (the report's kelurahan, for an account that has no
    area). Only active candidates of the target kind (heads, for an agency) in the same
    kecamatan/kota (or the same agency) qualify; several are ordered by handle for a stable
    choice. None when there is no next level or the post is vacant.
    """
    rule = rule_for(account)
    if rule is None:
        return None
    if rule.scope == "agency":
        if account.agency is None:
            return None

        def in_scope(candidate: EscalationAccount) -> bool:
            return candidate.agency == account.agency

    else:
        origin = account.area_code or area_code
        target_area = ancestor_at(origin, rule.scope) if origin else None
        if target_area is None:
            return None

        def in_scope(candidate: EscalationAccount) -> bool:
            return candidate.area_code == target_area

    matches = [
        c
        for c in candidates
        if c.active
        and c.kind == rule.target_kind
        and (c.is_head or not rule.head)
        and c.handle != account.handle
        and in_scope(c)
    ]
    return min(matches, key=lambda c: c.handle, default=None)
