"""Routing: which officials a report should mention (category x area -> account kinds, rules
kept as data in ``routing_rules``), and the admin's editing of the rules and of the holiday
calendar the working-day SLAs skip. Edits go through the 0003 SQL functions, which only an
admin may execute."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, text

from qlue_console.db.sql_errors import translated_errors

__all__ = [
    "AREA_LEVELS",
    "ACCOUNT_KINDS",
    "Holiday",
    "RoutingRule",
    "Suggestion",
    "delete_holiday",
    "delete_routing_rule",
    "fetch_holidays",
    "fetch_routing_rules",
    "set_holiday",
    "set_routing_rule",
    "suggest_mentions",
]

AREA_LEVELS = ("kelurahan", "kecamatan", "kota", "agency")
ACCOUNT_KINDS = ("lurah", "camat", "walikota", "agency", "field_officer", "external")


@dataclass(frozen=True)
class Suggestion:
    """An account the rules suggest mentioning, with the rule that suggests it."""

    account_id: int
    handle: str
    display_name: str
    kind: str
    area_code: str | None
    agency_code: str | None
    rule_level: str  # kelurahan, kecamatan, kota or agency
    rule_kind: str  # the account kind the rule names
    position: int
    already_open: bool  # the account holds an open mention on the report
    # the official's proof closed the report this one came back after (``dispatch.closers``)
    closed_earlier: bool = False


_SUGGEST = text("""
    WITH r AS (
        SELECT r.id, r.category_code, r.kelurahan_code, r.kecamatan_code, r.kota_code,
               c.agency_code
          FROM console_reports r JOIN categories c ON c.code = r.category_code WHERE r.id = :id),
    rules AS (
        SELECT DISTINCT ON (rr.area_level, rr.account_kind)
               rr.area_level, rr.account_kind, rr.position
          FROM routing_rules rr, r
         WHERE rr.category_code IS NULL OR rr.category_code = r.category_code
         ORDER BY rr.area_level, rr.account_kind, rr.category_code IS NULL, rr.position)
    SELECT a.id AS account_id, a.handle, a.display_name, a.kind, a.area_code, a.agency_code,
           rules.area_level AS rule_level, rules.account_kind AS rule_kind, rules.position,
           EXISTS (SELECT 1 FROM mentions m WHERE m.report_id = r.id AND m.account_id = a.id
                      AND m.state = 'open') AS already_open
      FROM rules CROSS JOIN r
      JOIN accounts a ON a.active AND (
            (rules.area_level = 'kelurahan' AND a.area_code = r.kelurahan_code
             AND a.kind = rules.account_kind)
         OR (rules.area_level = 'kecamatan' AND a.area_code = r.kecamatan_code
             AND a.kind = rules.account_kind)
         OR (rules.area_level = 'kota' AND a.area_code = r.kota_code
             AND a.kind = rules.account_kind)
         OR (rules.area_level = 'agency' AND a.agency_code = r.agency_code AND (
                (rules.account_kind = 'agency' AND a.is_head AND a.kind IN ('agency', 'external'))
             OR (rules.account_kind <> 'agency' AND a.kind = rules.account_kind
                 AND NOT a.is_head))))
     ORDER BY rules.position, a.handle""")


def suggest_mentions(engine: Engine, report_id: int) -> list[Suggestion]:
    """The accounts to mention for a report, in rule order, each once. Rules naming the
    report's category win over the rules for every category. An area rule gives nothing for a
    report outside DKI Jakarta (no kelurahan); an agency rule gives the head account of the
    category's agency (a utility's account for water, power, telecom)."""
    with engine.connect() as conn:
        rows = conn.execute(_SUGGEST, {"id": report_id}).mappings().all()
    seen: set[int] = set()
    suggestions: list[Suggestion] = []
    for row in rows:
        if row["account_id"] not in seen:
            seen.add(row["account_id"])
            suggestions.append(Suggestion(**dict(row)))
    return suggestions


@dataclass(frozen=True)
class RoutingRule:
    id: int
    category_code: str | None  # None: every category
    area_level: str
    account_kind: str
    position: int


def can_edit_routing(engine: Engine) -> bool:
    """Whether this login may edit routing rules and holidays (PostgreSQL's own answer)."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT has_function_privilege("
                "'set_routing_rule(text, text, text, integer)', 'EXECUTE')"
            )
        ).scalar_one()


def fetch_routing_rules(engine: Engine) -> list[RoutingRule]:
    with engine.connect() as conn:
        return [
            RoutingRule(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT id, category_code, area_level, account_kind, position "
                    "FROM routing_rules ORDER BY category_code NULLS FIRST, position, id"
                )
            ).mappings()
        ]


def set_routing_rule(
    engine: Engine, category_code: str | None, area_level: str, account_kind: str, position: int = 0
) -> int:
    """Adds a rule, or moves an existing one to ``position``; returns its id (admins only)."""
    with translated_errors(), engine.begin() as conn:
        return conn.execute(
            text("SELECT set_routing_rule(:c, :l, :k, :p)"),
            {"c": category_code, "l": area_level, "k": account_kind, "p": position},
        ).scalar_one()


def delete_routing_rule(engine: Engine, rule_id: int) -> bool:
    with translated_errors(), engine.begin() as conn:
        return conn.execute(text("SELECT delete_routing_rule(:id)"), {"id": rule_id}).scalar_one()


@dataclass(frozen=True)
class Holiday:
    day: date
    name_id: str
    name_en: str


def fetch_holidays(engine: Engine, year: int | None = None) -> list[Holiday]:
    with engine.connect() as conn:
        return [
            Holiday(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT day, name_id, name_en FROM holidays "
                    "WHERE CAST(:y AS integer) IS NULL OR extract(year FROM day) = :y "
                    "ORDER BY day"
                ),
                {"y": year},
            ).mappings()
        ]


def set_holiday(engine: Engine, day: date, name_id: str, name_en: str) -> None:
    """Adds a holiday or renames it (admins only). Due times already given do not move."""
    with translated_errors(), engine.begin() as conn:
        conn.execute(
            text("SELECT set_holiday(:d, :i, :e)::text"), {"d": day, "i": name_id, "e": name_en}
        )


def delete_holiday(engine: Engine, day: date) -> bool:
    with translated_errors(), engine.begin() as conn:
        return conn.execute(text("SELECT delete_holiday(:d)"), {"d": day}).scalar_one()
