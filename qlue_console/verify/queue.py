"""The verifier's queue: pending follow-ups, riskiest first (follow-ups not checked yet last),
filterable by agency, area, official and failing check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.photos.checks import CHECK_CODES


@dataclass(frozen=True)
class VerifyFilter:
    agency: str | None = None  # the official's agency or the category's agency
    area_code: str | None = None  # a kota, kecamatan or kelurahan code
    official_id: int | None = None
    failing_check: str | None = None  # a check code whose verdict is 'fail'


@dataclass(frozen=True)
class PendingItem:
    follow_up_id: int
    report_id: int
    risk: float | None  # None: not checked yet
    submitted_at: datetime
    official: str
    official_name: str
    category_id: str
    category_en: str
    kelurahan: str | None
    kecamatan: str | None
    failing: tuple[str, ...] = field(default=())  # codes with verdict 'fail', in CHECK_CODES order
    warning: tuple[str, ...] = field(default=())  # codes with verdict 'warn' (not skipped)


@dataclass(frozen=True)
class FilterOptions:
    agencies: tuple[tuple[str, str], ...]  # (code, short name)
    officials: tuple[tuple[int, str, str], ...]  # (id, handle, display name) with pending work


def _where(flt: VerifyFilter, params: dict) -> str:
    clauses = ["f.verification = 'pending'"]
    if flt.agency:
        clauses.append(
            "(a.agency_code = :agency OR r.category_code IN "
            "(SELECT c.code FROM categories c WHERE c.agency_code = :agency))"
        )
        params["agency"] = flt.agency
    if flt.area_code:
        column = {1: "kota_code", 2: "kecamatan_code"}.get(
            flt.area_code.count("."), "kelurahan_code"
        )
        clauses.append(f"r.{column} = :area")
        params["area"] = flt.area_code
    if flt.official_id is not None:
        clauses.append("f.account_id = :official")
        params["official"] = flt.official_id
    if flt.failing_check:
        if flt.failing_check not in CHECK_CODES:
            raise ValueError(f"unknown check {flt.failing_check!r}")
        clauses.append(
            "f.checks @> jsonb_build_object('results', jsonb_build_array("
            "jsonb_build_object('code', CAST(:check AS text), 'verdict', 'fail')))"
        )
        params["check"] = flt.failing_check
    return " AND ".join(clauses)


def results_by_code(checks: dict | None) -> dict[str, dict]:
    """The stored check report's results by check code."""
    results = (checks or {}).get("results") if isinstance(checks, dict) else None
    if not isinstance(results, list):
        return {}
    return {r["code"]: r for r in results if isinstance(r, dict) and isinstance(r.get("code"), str)}


def _codes(checks: dict | None, verdict: str) -> tuple[str, ...]:
    by_code = results_by_code(checks)
    return tuple(
        c
        for c in CHECK_CODES
        if c in by_code and by_code[c].get("verdict") == verdict and not by_code[c].get("skipped")
    )


def fetch_pending(
    engine: Engine, flt: VerifyFilter = VerifyFilter(), limit: int = 500
) -> list[PendingItem]:
    """Pending follow-ups under ``flt``: highest risk first, then the oldest."""
    params: dict = {"limit": limit}
    sql = text(f"""
        SELECT f.id, f.report_id, f.risk, f.submitted_at, f.checks, a.handle, a.display_name,
               r.category_name_id, r.category_name_en, r.kelurahan_name, r.kecamatan_name
          FROM follow_ups f
          JOIN console_reports r ON r.id = f.report_id
          JOIN accounts a ON a.id = f.account_id
         WHERE {_where(flt, params)}
         ORDER BY f.risk DESC NULLS LAST, f.submitted_at, f.id
         LIMIT :limit""")
    with engine.connect() as conn:
        rows = conn.execute(sql, params).all()
    return [
        PendingItem(
            follow_up_id=r.id,
            report_id=r.report_id,
            risk=r.risk,
            submitted_at=r.submitted_at,
            official=r.handle,
            official_name=r.display_name,
            category_id=r.category_name_id,
            category_en=r.category_name_en,
            kelurahan=r.kelurahan_name,
            kecamatan=r.kecamatan_name,
            failing=_codes(r.checks, "fail"),
            warning=_codes(r.checks, "warn"),
        )
        for r in rows
    ]


def fetch_filter_options(engine: Engine) -> FilterOptions:
    with engine.connect() as conn:
        agencies = conn.execute(
            text("SELECT code, short_name FROM agencies ORDER BY short_name")
        ).all()
        officials = conn.execute(
            text("""
            SELECT a.id, a.handle, a.display_name FROM accounts a
             WHERE EXISTS (SELECT 1 FROM follow_ups f
                            WHERE f.account_id = a.id AND f.verification = 'pending')
             ORDER BY a.handle""")
        ).all()
    return FilterOptions(
        tuple((r.code, r.short_name) for r in agencies),
        tuple((r.id, r.handle, r.display_name) for r in officials),
    )
